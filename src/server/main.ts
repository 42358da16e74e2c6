import fs from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { serve as listen, type ServerType } from '@hono/node-server';
import { ConfigError, loadConfig, type Config } from './platform/config/config.ts';
import { startPlatform, stopPlatform, type Platform } from './platform/platform.ts';
import { closeDocumentBrowser } from './documents/browser.ts';
import { registerMaintenance, scheduleMaintenance } from './platform/jobs/maintenance.ts';
import { createApp, scheduleModuleJobs } from './app.ts';
import { ensureFirstAdmin } from './bootstrap.ts';
import { loadDemoData } from './demo.ts';

export type Running = { platform: Platform; server: ServerType; port: number; stop(): Promise<void> };

/** Starts Kyniem: migrate, first admin and demo data on an empty database, listen, jobs. */
export async function startServer(config: Config = loadConfig()): Promise<Running> {
  const platform = await startPlatform(config);
  const { logger } = platform;
  // The demo data come with the first start, on an empty database (README); later starts do not
  // go through every demo record again to find nothing missing (a tenth of start-up, ADR 1).
  const firstStart = !(await platform.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
  const generated = await ensureFirstAdmin(platform);
  if (generated) {
    process.stderr.write(
      `\n  Đã tạo tài khoản quản trị / created the administrator account:\n    tên đăng nhập / username: admin\n    mật khẩu / password:      ${generated}\n  (chỉ hiện một lần / shown only once)\n\n`,
    );
  }
  if (config.demo && firstStart) await loadDemoData(platform, { onlyIfEmpty: true });
  registerMaintenance(platform);
  const webDir = path.resolve('dist/web');
  if (!fs.existsSync(path.join(webDir, 'index.html')))
    logger.warn('the web app is not built; run "npm run build"', { webDir });
  const app = createApp(platform, { webDir });

  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = listen({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (err) {
    await stopPlatform(platform);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      const where = `${config.host}:${config.port}`;
      throw new ConfigError([
        code === 'EADDRINUSE'
          ? `PORT: ${where} đang được một tiến trình khác dùng / is already in use by another process`
          : `PORT/HOST: không mở được ${where} / cannot listen on ${where} (${code})`,
      ]);
    }
    throw err;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (config.runJobs) {
    await scheduleMaintenance(platform);
    await scheduleModuleJobs(platform);
    platform.jobs.start();
  }
  logger.info('listening', { url: `http://localhost:${port}`, db: platform.database.dialect, pid: process.pid });

  let stopping: Promise<void> | null = null;
  // Open responses, so that a shutdown lets requests in flight finish and then closes their
  // keep-alive connections (which would otherwise hold server.close() until the 5 s fallback).
  const open = new Set<{ req: IncomingMessage; res: ServerResponse }>();
  const http = server as Server;
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const entry = { req, res };
    open.add(entry);
    if (stopping && !res.headersSent) res.setHeader('connection', 'close');
    res.on('close', () => open.delete(entry));
  });

  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        http.closeIdleConnections();
        for (const { req, res } of open) {
          res.on('finish', () => setImmediate(() => http.closeIdleConnections()));
          if (!res.headersSent) res.setHeader('connection', 'close');
          // Live-update streams never end by themselves; the browser's EventSource reconnects.
          else if (isLiveStream(req)) res.end();
        }
        setTimeout(() => {
          logger.warn('connections still open 5 s after the signal: closing them');
          http.closeAllConnections();
        }, 5000).unref();
      });
      await closeDocumentBrowser();
      await stopPlatform(platform);
      logger.info('stopped');
    })());
  return { platform, server, port, stop };
}

function isLiveStream(req: IncomingMessage): boolean {
  return /^\/api\/events(\?|$)/.test(req.url ?? '') || (req.headers.accept ?? '').includes('text/event-stream');
}

/** `kyniem serve`: runs until SIGTERM or SIGINT, then stops cleanly. */
export async function runServer(config?: Config): Promise<void> {
  const running = await startServer(config);
  const onSignal = (signal: string) => {
    running.platform.logger.info('signal received', { signal });
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (err) => {
        running.platform.logger.error('shutdown failed', { err });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
}
