import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isIsoDate } from '../../../shared/util/dates';
import { defaultDataDir } from '../../app/data-dir';
import { openApp, type OpenApp } from '../../app/open-app';
import { osUser } from '../actor';
import { parseIntegerOption } from '../options';

type Result = { exitCode: number; message: string };
type Paper = 'letter' | 'a4';

async function writePdf(app: OpenApp, command: string, channel: string, input: unknown, out: string): Promise<Result> {
  const result = await app.dispatch({ channel, input, transport: 'cli', cliActor: osUser() });
  if (!result.ok) return { exitCode: result.error.code === 'NOT_FOUND' ? 2 : 1, message: `runback print ${command}: ${result.error.message}\nNothing was written.` };
  const bytes = Buffer.from((result.value as { pdfBase64: string }).pdfBase64, 'base64');
  writeFileSync(out, bytes);
  return { exitCode: 0, message: `Wrote ${out} (${Math.round(bytes.length / 1024)} KB).` };
}

export interface PrintSuperbillOptions {
  patient: string;
  from: string;
  to: string;
  out: string;
  paper: Paper;
}

/** `runback print superbill`: the patient by MRN, the same checks and refusals as the app (Medicare Part B, what is missing). */
export async function printSuperbill(app: OpenApp, o: PrintSuperbillOptions): Promise<Result> {
  for (const [flag, value] of [['--from', o.from], ['--to', o.to]] as const) {
    if (!isIsoDate(value)) return { exitCode: 1, message: `runback print superbill: ${flag} is a date written YYYY-MM-DD, not "${value}". Nothing was written.` };
  }
  const found = await app.dispatch({ channel: 'patients.list', input: { query: o.patient, includeArchived: true, limit: 5 }, transport: 'cli', cliActor: osUser() });
  const patient = found.ok ? (found.value as { rows: { id: number; mrn: string }[] }).rows.find((r) => r.mrn.toLowerCase() === o.patient.trim().toLowerCase()) : undefined;
  if (!patient) return { exitCode: 2, message: `runback print superbill: there is no patient with MRN ${o.patient}. Nothing was written.` };
  return writePdf(app, 'superbill', 'superbill.pdf', { patientId: patient.id, from: o.from, to: o.to, paper: o.paper }, o.out);
}

export async function printReceipt(app: OpenApp, o: { payment: number; out: string; paper: Paper }): Promise<Result> {
  return writePdf(app, 'receipt', 'receipts.pdf', { paymentId: o.payment, paper: o.paper }, o.out);
}

export async function printEndOfDay(app: OpenApp, o: { date: string; out: string; paper: Paper }): Promise<Result> {
  if (!isIsoDate(o.date)) return { exitCode: 1, message: `runback print end-of-day: --date is a date written YYYY-MM-DD, not "${o.date}". Nothing was written.` };
  return writePdf(app, 'end-of-day', 'endOfDay.pdf', { date: o.date, paper: o.paper }, o.out);
}

/** Opens the data folder, runs one print, says what happened, closes. */
async function run(command: string, dataDir: string | undefined, paper: string, print: (app: OpenApp, paper: Paper) => Promise<Result>) {
  if (paper !== 'letter' && paper !== 'a4') {
    process.stderr.write(`runback print ${command}: --paper is letter or a4, not "${paper}".\n`);
    process.exitCode = 1;
    return;
  }
  const app = await openApp(resolve(dataDir ?? defaultDataDir()));
  try {
    const result = await print(app, paper);
    (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.message}\n`);
    process.exitCode = result.exitCode;
  } finally {
    await app.close();
  }
}

export function registerBillingPrintCommands(print: Command) {
  print
    .command('superbill')
    .description('A superbill for a date range (refused with the list of what is missing, or for a patient whose primary coverage is Medicare Part B)')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .requiredOption('--patient <mrn>', 'the patient’s MRN, e.g. RB000123')
    .requiredOption('--from <date>', 'first date of service, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last date of service, YYYY-MM-DD')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--paper <size>', 'letter or a4', 'letter')
    .action((opts: { dataDir?: string; patient: string; from: string; to: string; out: string; paper: string }) =>
      run('superbill', opts.dataDir, opts.paper, (app, paper) => printSuperbill(app, { patient: opts.patient, from: opts.from, to: opts.to, out: resolve(opts.out), paper })),
    );
  print
    .command('receipt')
    .description('The receipt for one payment')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .requiredOption('--payment <id>', 'the payment’s number (the receipt number without R- and its zeros)', parseIntegerOption(1, Number.MAX_SAFE_INTEGER))
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--paper <size>', 'letter or a4', 'letter')
    .action((opts: { dataDir?: string; payment: number; out: string; paper: string }) =>
      run('receipt', opts.dataDir, opts.paper, (app, paper) => printReceipt(app, { payment: opts.payment, out: resolve(opts.out), paper })),
    );
  print
    .command('end-of-day')
    .description('The day’s payments, refunds and voids, by method and by therapist')
    .option('--data-dir <dir>', 'the clinic data folder (default: the platform app-data folder)')
    .requiredOption('--date <date>', 'the day, YYYY-MM-DD')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--paper <size>', 'letter or a4', 'letter')
    .action((opts: { dataDir?: string; date: string; out: string; paper: string }) =>
      run('end-of-day', opts.dataDir, opts.paper, (app, paper) => printEndOfDay(app, { date: opts.date, out: resolve(opts.out), paper })),
    );
}
