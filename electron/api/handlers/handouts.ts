import { ApiError } from '../../../shared/api/errors';
import { LANGUAGE_LABELS } from '../../../shared/i18n/languages';
import { handoutSchema, type HandoutData } from '../../../shared/program/handout';
import { buildHandout, describeMissing } from '../../../shared/program/handout-builder';
import { printPdf } from '../../print/print-pdf';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../handler';
import { loadProgramForHandout } from './handout-inputs';

const fileName = (h: HandoutData, date: string) =>
  `home-program-${date}-${h.patient.name.replace(/\s*\(.*\)$/, '')}`.replace(/đ/gi, 'd').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '') + '.pdf';

/** Who a print is recorded under: the signed-in user, or for the command line the program's author. */
const printedBy = (ctx: HandlerContext, programAuthor: number) => (ctx.user.id > 0 ? ctx.user.id : programAuthor);

export const handoutHandlers = defineHandlers({
  async 'handouts.check'({ patientId }, ctx) {
    const p = await loadProgramForHandout(ctx.db, ctx.attachments, patientId, ctx.user, ctx.now);
    const { missing } = buildHandout(p.inputs);
    return { language: p.language, programVersion: p.version, missing: describeMissing(missing, p.inputs.exercises.map((e) => e.exercise)) };
  },

  async 'handouts.print'({ patientId }, ctx) {
    const p = await loadProgramForHandout(ctx.db, ctx.attachments, patientId, ctx.user, ctx.now);
    const { handout, missing } = buildHandout(p.inputs);
    // Rendered before anything is stored: a handout that cannot print leaves no row behind.
    const pdf = await printPdf(import('../../print/home-program').then((m) => m.HomeProgramPdf), { handout });
    const row = await ctx.db
      .insertInto('homeProgramPrints')
      .values({ patientId, programVersionId: p.versionId, language: handout.language, paper: handout.paper, handoutJson: JSON.stringify(handout), missingTranslationsJson: JSON.stringify(missing), printedBy: printedBy(ctx, p.createdBy), printedAt: ctx.now.toISOString(), reprintOf: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const words = describeMissing(missing, p.inputs.exercises.map((e) => e.exercise));
    ctx.audit({
      entity: 'patient',
      entityId: patientId,
      detail: `home program version ${p.version} printed in ${LANGUAGE_LABELS[handout.language]} (${handout.exercises.length} exercises${missing.length ? `, ${missing.length} phrases in English` : ''}), print ${row.id}`,
    });
    return { printId: row.id, filename: fileName(handout, ctx.now.toISOString().slice(0, 10)), pdfBase64: pdf.toString('base64'), missing: words };
  },

  async 'handouts.reprint'({ printId }, ctx) {
    const old = await ctx.db.selectFrom('homeProgramPrints').selectAll().where('id', '=', printId).executeTakeFirst();
    if (!old) throw new ApiError('NOT_FOUND', `There is no printed handout number ${printId}.`);
    const parsed = handoutSchema.safeParse(JSON.parse(old.handoutJson));
    if (!parsed.success) throw new ApiError('VALIDATION', `Handout ${printId} was stored in a form this version of Runback cannot print. Print the current program instead.`);
    const handout = parsed.data;
    const pdf = await printPdf(import('../../print/home-program').then((m) => m.HomeProgramPdf), { handout });
    const version = await ctx.db.selectFrom('homeProgramVersions').select(['version', 'createdBy']).where('id', '=', old.programVersionId).executeTakeFirstOrThrow();
    // A reprint of a reprint points at the first print: the list shows one original and its copies.
    const original = old.reprintOf ?? old.id;
    const row = await ctx.db
      .insertInto('homeProgramPrints')
      .values({ patientId: old.patientId, programVersionId: old.programVersionId, language: old.language, paper: old.paper, handoutJson: old.handoutJson, missingTranslationsJson: old.missingTranslationsJson, printedBy: printedBy(ctx, version.createdBy), printedAt: ctx.now.toISOString(), reprintOf: original })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: old.patientId, detail: `home program version ${version.version} reprinted from print ${original} (${LANGUAGE_LABELS[old.language]}), print ${row.id}` });
    return { printId: row.id, filename: fileName(handout, ctx.now.toISOString().slice(0, 10)), pdfBase64: pdf.toString('base64') };
  },

  async 'handouts.list'({ patientId }, ctx) {
    const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    const rows = await ctx.db
      .selectFrom('homeProgramPrints as p')
      .innerJoin('homeProgramVersions as v', 'v.id', 'p.programVersionId')
      .innerJoin('users as u', 'u.id', 'p.printedBy')
      .select(['p.id', 'p.printedAt', 'u.displayName', 'v.version', 'p.language', 'p.paper', 'p.reprintOf', 'p.missingTranslationsJson'])
      .where('p.patientId', '=', patientId)
      .orderBy('p.printedAt', 'desc')
      .orderBy('p.id', 'desc')
      .execute();
    return {
      prints: rows.map((r) => ({ id: r.id, printedAt: r.printedAt, printedBy: r.displayName, programVersion: r.version, language: r.language, paper: r.paper, reprintOf: r.reprintOf, missingCount: (JSON.parse(r.missingTranslationsJson) as unknown[]).length })),
    };
  },
});
