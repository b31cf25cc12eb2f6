import { join, resolve } from 'node:path';

export const DATA_DIR_FLAG = '--data-dir';

/** `--data-dir DIR` or `--data-dir=DIR` (the last one wins), resolved against cwd; null when absent. */
export function dataDirFromArgs(argv: readonly string[], cwd: string = process.cwd()): string | null {
  let found: string | null = null;
  argv.forEach((arg, i) => {
    if (arg === DATA_DIR_FLAG) {
      const next = argv[i + 1];
      if (next !== undefined && next !== '' && !next.startsWith('--')) found = next;
    } else if (arg.startsWith(`${DATA_DIR_FLAG}=`)) {
      const value = arg.slice(DATA_DIR_FLAG.length + 1);
      if (value !== '') found = value;
    }
  });
  return found === null ? null : resolve(cwd, found);
}

/**
 * Where the clinic's data lives: the --data-dir argument, else RUNBACK_DATA_DIR, else Electron's
 * userData folder for the app name "Runback" — the same folder electron/app/data-dir.ts's
 * defaultDataDir() picks, so the desktop app, web mode and the CLI share one clinic by default.
 */
export function resolveDataDir(input: { argv: readonly string[]; env: NodeJS.ProcessEnv; userDataPath: string; cwd?: string }): string {
  const fromArgs = dataDirFromArgs(input.argv, input.cwd);
  if (fromArgs !== null) return fromArgs;
  if (input.env.RUNBACK_DATA_DIR) return resolve(input.cwd ?? process.cwd(), input.env.RUNBACK_DATA_DIR);
  return input.userDataPath;
}

/**
 * Chromium's own profile (caches, local storage) goes in a subfolder of the data folder, so that
 * each data folder has its own single-instance lock and the clinic's files stay uncluttered.
 */
export function chromiumProfileDir(dataDir: string): string {
  return join(dataDir, 'chromium-profile');
}
