import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

// The web app lives in src/web and is built into dist/web, which the server serves.
// In development the Vite server forwards /api to the Kyniem server on port 3000.
export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  // The working app lives under /app/ (src/common/appPaths.ts); `/` is the public website.
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: which chunks each entry and screen pulls in (bench/web-initial-js).
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
      // The public website's pages, in development too.
      '^/(?!app/|app$|@|src/|node_modules/).*': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
