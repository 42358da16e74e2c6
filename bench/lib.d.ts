// Types of the bench helpers (lib.js) for the benches written in TypeScript.
export type BenchServer = {
  child: import('node:child_process').ChildProcess;
  port: number;
  url: string;
  readyMs: number;
  dataDir: string;
  stderr(): string;
  stop(): Promise<{ code: number | null; signal: string | null }>;
};
export const repoRoot: string;
export const ADMIN_PASSWORD: string;
export function sleep(ms: number): Promise<void>;
export function tempDir(prefix: string): string;
export function startKyniem(options?: { dataDir?: string; env?: Record<string, string> }): Promise<BenchServer>;
export function signIn(
  url: string,
  username?: string,
  password?: string,
): Promise<{ cookie: string; csrfToken: string }>;
