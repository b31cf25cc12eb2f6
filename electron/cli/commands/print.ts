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

export interface PrintProgressReportOptions {
  patient: string;
  out: string;
  to: 'patient' | 'physician';
  paper: 'letter' | 'a4';
}

/** `runback print progress-report`: the MRN resolved to the patient, then the same channel the app prints through. */
export async function printProgressReport(app: OpenApp, options: PrintProgressReportOptions): Promise<{ exitCode: number; message: string }> {
  const actor = osUser();
  const found = await app.dispatch({ channel: 'patients.list', input: { query: options.patient, includeArchived: true, limit: 5 }, transport: 'cli', cliActor: actor });
  if (!found.ok) return { exitCode: 1, message: `runback print progress-report: ${found.error.message} Nothing was written.` };
  const patient = (found.value as { rows: { id: number; mrn: string }[] }).rows.find((r) => r.mrn.toLowerCase() === options.patient.trim().toLowerCase());
  if (!patient) return { exitCode: 2, message: `runback print progress-report: there is no patient with MRN ${options.patient}. Nothing was written.` };
  const result = await app.dispatch({ channel: 'reassessments.progressReportPdf', input: { patientId: patient.id, addressee: options.to, paper: options.paper }, transport: 'cli', cliActor: actor });
  if (!result.ok) return { exitCode: result.error.code === 'NOT_FOUND' ? 2 : 1, message: `runback print progress-report: ${result.error.message} Nothing was written.` };
  const bytes = Buffer.from((result.value as { pdfBase64: string }).pdfBase64, 'base64');
  writeFileSync(options.out, bytes);
  return { exitCode: 0, message: `Wrote ${options.out} (${Math.round(bytes.length / 1024)} KB).` };
}

/**
 * `runback print home-program`: the patient's current program in their language, through the same
 * channel the chart prints with; recorded as printed by the therapist who saved the program.
 */
export async function printHomeProgram(app: OpenApp, options: { patient: string; out: string }): Promise<{ exitCode: number; message: string }> {
  const actor = osUser();
  const found = await app.dispatch({ channel: 'patients.list', input: { query: options.patient, includeArchived: true, limit: 5 }, transport: 'cli', cliActor: actor });
  const patient = found.ok ? (found.value as { rows: { id: number; mrn: string }[] }).rows.find((r) => r.mrn.toLowerCase() === options.patient.trim().toLowerCase()) : undefined;
  if (!patient) return { exitCode: 2, message: `runback print home-program: there is no patient with MRN ${options.patient}. Nothing was written.` };
  const result = await app.dispatch({ channel: 'handouts.print', input: { patientId: patient.id }, transport: 'cli', cliActor: actor });
  if (!result.ok) return { exitCode: result.error.code === 'NOT_FOUND' ? 2 : 1, message: `runback print home-program: ${result.error.message}` };
  const { pdfBase64, missing } = result.value as { pdfBase64: string; missing: string[] };
  const bytes = Buffer.from(pdfBase64, 'base64');
  writeFileSync(options.out, bytes);
  const english = missing.length ? ` ${missing.length} phrase${missing.length === 1 ? '' : 's'} printed in English (no translation): ${missing.join('; ')}.` : '';
  return { exitCode: 0, message: `Wrote ${options.out} (${Math.round(bytes.length / 1024)} KB).${english}` };
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
  print
    .command('home-program')
    .description('A patient’s home program in their language: exercises with drawings, the run-walk weeks, the pain traffic light, when to call, a log to fill in (paper size from the clinic’s country)')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .requiredOption('--patient <mrn>', 'the patient’s MRN, e.g. RB000123')
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (opts: { dataDir?: string; patient: string; out: string }) => {
      const app = await openApp(resolve(opts.dataDir ?? defaultDataDir()));
      try {
        const result = await printHomeProgram(app, { patient: opts.patient, out: resolve(opts.out) });
        (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.message}\n`);
        process.exitCode = result.exitCode;
      } finally {
        await app.close();
      }
    });
  print
    .command('progress-report')
    .description('A progress report: baseline against latest for every measure and questionnaire, small trend charts and the goals, to the patient or the referring physician')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .requiredOption('--patient <mrn>', 'the patient’s MRN, e.g. RB000123')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--to <addressee>', 'patient or physician', 'patient')
    .option('--paper <size>', 'letter or a4', 'letter')
    .action(async (opts: { dataDir?: string; patient: string; out: string; to: string; paper: string }) => {
      const refuse = (message: string) => {
        process.stderr.write(`runback print progress-report: ${message}\n`);
        process.exitCode = 1;
      };
      if (opts.paper !== 'letter' && opts.paper !== 'a4') return refuse(`--paper is letter or a4, not "${opts.paper}".`);
      if (opts.to !== 'patient' && opts.to !== 'physician') return refuse(`--to is patient or physician, not "${opts.to}".`);
      const app = await openApp(resolve(opts.dataDir ?? defaultDataDir()));
      try {
        const result = await printProgressReport(app, { patient: opts.patient, out: resolve(opts.out), to: opts.to, paper: opts.paper });
        (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.message}\n`);
        process.exitCode = result.exitCode;
      } finally {
        await app.close();
      }
    });
}
