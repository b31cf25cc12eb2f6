import { ApiError } from '../../../shared/api/errors';
import { formatMrn } from '../../../shared/domain/identifiers';
import { mappingProblems, suggestMapping } from '../../../shared/domain/patient-import';
import { checkRows, parseCsv } from '../../patient-import/check';
import { readMapping, writeMapping } from '../../patient-import/mapping-store';
import { defineHandlers } from '../handler';
import { columns } from './patients';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export const patientImportHandlers = defineHandlers({
  async 'patientImport.mapping'(_input, ctx) {
    return { mapping: readMapping(ctx.backups.dataDir) };
  },

  async 'patientImport.check'({ csv, mapping, exclude, offset, limit }, ctx) {
    const file = parseCsv(csv);
    const clinic = await ctx.db.selectFrom('clinic').select('dateOrder').executeTakeFirstOrThrow();
    const used = mapping ?? suggestMapping(file.headers, readMapping(ctx.backups.dataDir), clinic.dateOrder);
    const problems = mappingProblems(used, file.headers);
    const rows = problems.length ? [] : await checkRows(ctx.db, file, used, new Set(exclude), ctx.now, offset, offset + limit);
    return {
      headers: file.headers,
      mapping: used,
      mappingProblems: problems,
      total: file.rows.length,
      checked: problems.length ? 0 : Math.min(offset + limit, file.rows.length),
      rows: rows.map(({ fields: _fields, ...r }) => r),
    };
  },

  async 'patientImport.commit'({ csv, mapping, exclude, fileName }, ctx) {
    const file = parseCsv(csv);
    const problems = mappingProblems(mapping, file.headers);
    if (problems.length) throw new ApiError('VALIDATION', problems[0]!, { fields: { mapping: problems.join(' ') } });
    const rows = await checkRows(ctx.db, file, mapping, new Set(exclude), ctx.now);
    const bad = rows.filter((r) => !r.excluded && r.problems.length);
    if (bad.length) {
      const first = bad[0]!;
      throw new ApiError('VALIDATION', `Nothing was imported: row ${first.row} (${first.name || 'no name'}): ${first.problems[0]}${bad.length > 1 ? ` — and ${plural(bad.length - 1, 'more row')} to fix or leave out` : ''}.`, {
        fields: { csv: `${plural(bad.length, 'row')} to fix or leave out` },
      });
    }
    const wanted = rows.filter((r) => !r.excluded && r.fields);
    if (!wanted.length) throw new ApiError('VALIDATION', 'Nothing to import: every row is left out.', { fields: { csv: 'Every row is left out' } });
    // One MRN block for the whole file, and every row in this call's one transaction: all or nothing.
    const counter = await ctx.db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', wanted.length) }))
      .where('name', '=', 'mrn')
      .returning('value')
      .executeTakeFirstOrThrow();
    const first = counter.value - wanted.length + 1;
    const now = ctx.now.toISOString();
    for (let i = 0; i < wanted.length; i += 200) {
      const values = wanted.slice(i, i + 200).map((r, j) => ({ ...columns(r.fields!), mrn: formatMrn(first + i + j), archivedAt: null, createdAt: now, updatedAt: now }));
      await ctx.db.insertInto('patients').values(values).execute();
    }
    const firstMrn = formatMrn(first);
    const lastMrn = formatMrn(counter.value);
    const excluded = rows.filter((r) => r.excluded).length;
    ctx.audit({ entity: 'patient', detail: `imported ${plural(wanted.length, 'patient')} (${firstMrn}–${lastMrn}) from ${fileName}${excluded ? `; ${plural(excluded, 'row')} left out` : ''}` });
    writeMapping(ctx.backups.dataDir, mapping);
    return { imported: wanted.length, excluded, firstMrn, lastMrn };
  },
});
