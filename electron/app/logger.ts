import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../api/context';

/** Appends to DATA_DIR/logs/runback.log; errors (with stacks) also go to stderr. Stacks stay here. */
export function fileLogger(dataDir: string, options: { quiet?: boolean } = {}): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'runback.log');
  const write = (level: string, message: string, detail?: unknown) => {
    const extra = detail instanceof Error ? `\n${detail.stack ?? detail.message}` : detail === undefined ? '' : ` ${JSON.stringify(detail)}`;
    const line = `${new Date().toISOString()} ${level} ${message}${extra}\n`;
    appendFileSync(file, line);
    if (level === 'ERROR' && !options.quiet) process.stderr.write(line);
  };
  return {
    info: (m, d) => write('INFO', m, d),
    error: (m, d) => write('ERROR', m, d),
  };
}
