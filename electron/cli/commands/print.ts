import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defaultDataDir } from '../../app/data-dir';
import { openApp, type OpenApp } from '../../app/open-app';
import { osUser } from '../actor';
import { parseIntegerOption } from '../options';
import { registerBillingPrintCommands } from './print-billing';

export interface PrintNoteOptions {
  note: number;
  out: string;
  paper: 'letter' | 'a4';
}

/** `runback print note`: the same PDF the app prints, through the same channel (audited as the OS user). */
export async function printNote(app: OpenApp, options: PrintNoteOptions): Promise<{ exitCode: number; message: string }> {
  const result = await app.dispatch({ channel: 'notes.pdf', input: { id: options.note, paper: options.paper }, transport: 'cli', cliActor: osUser() });
  if (!result.ok) return { exitCode: result.error.code === 'NOT_FOUND' ? 2 : 1, message: `runback print note: ${result.error.message} Nothing was written.` };
  const { pdfBase64 } = result.value as { pdfBase64: string; filename: string };
  const bytes = Buffer.from(pdfBase64, 'base64');
  writeFileSync(options.out, bytes);
  return { exitCode: 0, message: `Wrote ${options.out} (${Math.round(bytes.length / 1024)} KB).` };
}

export function registerPrintCommand(program: Command) {
  const print = program.command('print').description('Print a document to a PDF file (the same PDF the app prints)');
  print
    .command('note')
    .description('A visit note: letterhead, patient, episode, the note, billing, the signature block with its SHA-256, and addenda')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .requiredOption('--note <id>', 'the note’s number', parseIntegerOption(1, Number.MAX_SAFE_INTEGER))
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--paper <size>', 'letter or a4', 'letter')
    .action(async (opts: { dataDir?: string; note: number; out: string; paper: string }) => {
      if (opts.paper !== 'letter' && opts.paper !== 'a4') {
        process.stderr.write(`runback print note: --paper is letter or a4, not "${opts.paper}".\n`);
        process.exitCode = 1;
        return;
      }
      const app = await openApp(resolve(opts.dataDir ?? defaultDataDir()));
      try {
        const result = await printNote(app, { note: opts.note, out: resolve(opts.out), paper: opts.paper });
        (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.message}\n`);
        process.exitCode = result.exitCode;
      } finally {
        await app.close();
      }
    });
  registerBillingPrintCommands(print);
}
