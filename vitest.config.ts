import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    pool: 'forks',
    // Vitest's default is one worker less than the cores: a single worker on the 2-core CI machine,
    // idle while a file waits on PostgreSQL, a child process, LibreOffice or Chromium. Three keep
    // both cores busy: the whole run took 218 s against 373 s with one worker (2026-11-27).
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['test/support/setup.ts'],
  },
});
