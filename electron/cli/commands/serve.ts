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

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Web mode: serve the app on 127.0.0.1 only, behind a per-launch token printed in the address.')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', parseIntegerOption(0, 65535), 0)
    .option('--open', 'open the address in the default browser')
    .action(async (opts: { dataDir?: string; port: number; open?: boolean }) => {
      const staticDir = rendererDir();
      if (!existsSync(join(staticDir, 'index.html'))) {
        throw new Error(`The renderer is not built (${staticDir} has no index.html): run "npm run build" first.`);
      }
      const dataDir = resolve(opts.dataDir ?? defaultDataDir());
      const app = await openApp(dataDir, { autoBackups: true });
      const token = newToken();
      const server = createWebServer({ dispatch: app.dispatch, staticDir, token });
      let port: number;
      try {
        port = await listen(server, opts.port);
      } catch (error) {
        await app.close();
        const code = (error as NodeJS.ErrnoException).code;
        throw new Error(code === 'EADDRINUSE' ? `Port ${opts.port} is already in use: choose another with --port, or leave it out for a free one.` : String(error));
      }
      const url = `http://${LOOPBACK}:${port}/#token=${token}`;
      process.stdout.write(`Runback web mode is running for the data folder ${dataDir}\nOpen: ${url}\nPress Ctrl+C to stop.\n`);
      if (opts.open) openInBrowser(url);
      await new Promise<void>((done) => {
        const stop = () => {
          server.close();
          server.closeAllConnections();
          void app.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
