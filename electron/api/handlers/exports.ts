import { ApiError } from '../../../shared/api/errors';
import { patientDisplayName } from '../../../shared/domain/patient';
import { clinicCsvZip, exportColumns, exportReadme } from '../../export/clinic-csv';
import { patientBundle } from '../../export/fhir-bundle';
import { defineHandlers } from '../handler';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** "garcia-maria": a file name from a name, without accents or spaces. */
export function fileSafe(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function countsInWords(counts: Record<string, number>, nouns: Record<string, string> = {}): string {
  return Object.entries(counts)
    .map(([k, n]) => plural(n, nouns[k] ?? k))
    .join(', ');
}

export const exportHandlers = defineHandlers({
  async 'export.patient'({ patientId, format }, ctx) {
    const patient = await ctx.db.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', 'That patient is not on file.');
    const stamp = ctx.now.toISOString().slice(0, 10);
    const base = `${fileSafe(`${patient.legalLastName}-${patient.legalFirstName}`)}-${patient.mrn}-${stamp}`;
    let file;
    if (format === 'fhir') {
      const { bundle, counts } = await patientBundle(ctx, patientId);
      file = { filename: `${base}.fhir.json`, contentType: 'application/fhir+json', base64: Buffer.from(JSON.stringify(bundle, null, 2)).toString('base64'), summary: `FHIR R4 bundle: ${countsInWords(counts)}` };
    } else {
      const readme = exportReadme(await exportColumns(ctx.db), `Runback export of ${patientDisplayName(patient)} (MRN ${patient.mrn}), ${ctx.now.toISOString()}`);
      const { zip, rows } = await clinicCsvZip(ctx.db, { patientId, readme });
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      file = { filename: `${base}.csv.zip`, contentType: 'application/zip', base64: Buffer.from(zip).toString('base64'), summary: `${plural(Object.keys(rows).length, 'CSV file')}, ${plural(total, 'row')}` };
    }
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `${format === 'fhir' ? 'FHIR bundle' : 'CSV zip'}: ${file.summary}` });
    return file;
  },

  async 'export.clinic'(_input, ctx) {
    const clinic = await ctx.db.selectFrom('clinic').select('name').executeTakeFirstOrThrow();
    const readme = exportReadme(await exportColumns(ctx.db), `Runback export of ${clinic.name}, ${ctx.now.toISOString()}`);
    const { zip, rows } = await clinicCsvZip(ctx.db, { patientId: null, readme });
    const summary = `${plural(Object.keys(rows).length, 'CSV file')}: ${countsInWords({ patients: rows.patients ?? 0, appointments: rows.appointments ?? 0, notes: rows.notes ?? 0, runs: rows.runs ?? 0 }, { patients: 'patient', appointments: 'appointment', notes: 'note', runs: 'run' })}`;
    ctx.audit({ entity: 'clinic', detail: summary });
    return { filename: `${fileSafe(clinic.name)}-${ctx.now.toISOString().slice(0, 10)}.csv.zip`, contentType: 'application/zip', base64: Buffer.from(zip).toString('base64'), summary };
  },
});
