import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { newToken } from '../../auth/tokens';
import { defaultDataDir } from '../../app/data-dir';
import { openApp } from '../../app/open-app';
import { createWebServer, listen, LOOPBACK } from '../../server/server';
import { parseIntegerOption } from '../options';

/** The built renderer: dist/ at the package root (dist-electron/cli.cjs sits one level below it). */
export function rendererDir(): string {
  return resolve(__dirname, '..', 'dist');
}

function openInBrowser(url: string) {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stdout.write('(Could not open a browser here: open the address above yourself.)\n'));
    child.unref();
  } catch {
    process.stdout.write('(Could not open a browser here: open the address above yourself.)\n');
  }
}

/** A data folder served in web mode: its launch address (with the token) and how to stop it. */
export interface WebMode {
  url: string;
  dataDir: string;
  /** Stops listening, waits for the calls already running, then closes the database. */
  stop(): Promise<void>;
}

/**
 * Opens a data folder (migrating it, daily backups on) and serves it on 127.0.0.1 behind a fresh
 * launch token. The serve command runs one per process; the e2e suite's server host runs one per test
 * in a process that stays up for the worker (test/e2e/web-host.mjs), so each test skips loading the CLI.
 */
export async function startWebMode(dataDir: string, port: number): Promise<WebMode> {
  const staticDir = rendererDir();
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir} has no index.html): run "npm run build" first.`);
  }
  const app = await openApp(dataDir, { autoBackups: true });
  const token = newToken();
  const server = createWebServer({ dispatch: app.dispatch, staticDir, token });
  let listening: number;
  try {
    listening = await listen(server, port);
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `Port ${port} is already in use: choose another with --port, or leave it out for a free one.` : String(error));
  }
  return {
    url: `http://${LOOPBACK}:${listening}/#token=${token}`,
    dataDir,
    async stop() {
      server.close();
      server.closeAllConnections();
      await app.close();
    },
  };
}

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Web mode: serve the app on 127.0.0.1 only, behind a per-launch token printed in the address.')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', parseIntegerOption(0, 65535), 0)
    .option('--open', 'open the address in the default browser')
    .action(async (opts: { dataDir?: string; port: number; open?: boolean }) => {
      const web = await startWebMode(resolve(opts.dataDir ?? defaultDataDir()), opts.port);
      process.stdout.write(`Runback web mode is running for the data folder ${web.dataDir}\nOpen: ${web.url}\nPress Ctrl+C to stop.\n`);
      if (opts.open) openInBrowser(web.url);
      await new Promise<void>((done) => {
        const stop = () => void web.stop().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
