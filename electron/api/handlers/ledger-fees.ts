import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { VISIT_FEE_CODE, type Fee } from '../../../shared/billing/ledger-schemas';
import { CPT_CODES, findCpt } from '../../../shared/clinical/billing/cpt';
import { CPT_SHORT_LABELS } from '../../../shared/charting/vocab';
import type { DB, FeeScheduleTable } from '../../db/schema';
import type { Selectable } from 'kysely';
import { defineHandlers } from '../handler';
import { userNames } from './charting-context';
import { ledgerContext } from './ledger-rows';

/** The project's own short label for a code ("Manual therapy"), never AMA wording; the visit fee reads as words. */
export function codeLabel(code: string): string {
  if (code === VISIT_FEE_CODE) return 'Self-pay visit fee';
  return CPT_SHORT_LABELS[code] ?? findCpt(code)?.descriptor.replace(/, each 15 min$/, '') ?? code;
}

/** A CPT code Runback knows, or the visit fee; anything else is refused with the choices named. */
export function checkFeeCode(raw: string, field = 'code'): string {
  const code = raw.trim().toUpperCase();
  if (code === VISIT_FEE_CODE || findCpt(code)) return code;
  throw new ApiError('VALIDATION', `${raw.trim()} is not a code Runback bills: use one of ${CPT_CODES.map((c) => c.code).join(', ')} or ${VISIT_FEE_CODE} (self-pay visit fee).`, {
    fields: { [field]: 'Not a code Runback bills' },
  });
}

type FeeRow = Selectable<FeeScheduleTable>;

/** Each fee with whether it is in force today, waiting for its date, or replaced by a later one. */
async function toFees(db: Kysely<DB>, rows: FeeRow[], today: string): Promise<Fee[]> {
  const names = await userNames(db, rows.map((r) => r.createdBy));
  const current = new Map<string, FeeRow>();
  for (const r of rows) {
    if (r.effectiveFrom > today) continue;
    const best = current.get(r.code);
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.id > best.id)) current.set(r.code, r);
  }
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    label: codeLabel(r.code),
    perUnit: findCpt(r.code)?.timed ?? false,
    feeCents: r.feeCents,
    effectiveFrom: r.effectiveFrom,
    status: r.effectiveFrom > today ? 'future' : current.get(r.code)?.id === r.id ? 'current' : 'replaced',
    createdByName: names.get(r.createdBy) ?? 'Unknown user',
    createdAt: r.createdAt,
  }));
}

export const ledgerFeeHandlers = defineHandlers({
  async 'fees.list'(_input, ctx) {
    const lx = await ledgerContext(ctx.db, ctx.now);
    const rows = await ctx.db.selectFrom('feeSchedule').selectAll().orderBy('code').orderBy('effectiveFrom', 'desc').orderBy('id', 'desc').execute();
    const types = await ctx.db.selectFrom('packageTypes').selectAll().orderBy('active', 'desc').orderBy('name').execute();
    return {
      currency: lx.currency,
      today: lx.today,
      fees: await toFees(ctx.db, rows, lx.today),
      packageTypes: types.map((t) => ({ id: t.id, name: t.name, visits: t.visits, priceCents: t.priceCents, active: t.active === 1 })),
    };
  },

  async 'fees.set'({ code: raw, feeCents, effectiveFrom }, ctx) {
    const code = checkFeeCode(raw);
    const lx = await ledgerContext(ctx.db, ctx.now);
    const row = await ctx.db.insertInto('feeSchedule').values({ code, feeCents, effectiveFrom, createdBy: ctx.user.id, createdAt: ctx.now.toISOString() }).returningAll().executeTakeFirstOrThrow();
    const perUnit = findCpt(code)?.timed ? ' per unit' : '';
    ctx.audit({ entity: 'fee', entityId: row.id, detail: `${code} (${codeLabel(code)}) ${lx.money(feeCents)}${perUnit} from ${lx.fmt(effectiveFrom)}` });
    const all = await ctx.db.selectFrom('feeSchedule').selectAll().where('code', '=', code).execute();
    return (await toFees(ctx.db, all, lx.today)).find((f) => f.id === row.id)!;
  },

  async 'packageTypes.save'({ id, name, visits, priceCents, active }, ctx) {
    const lx = await ledgerContext(ctx.db, ctx.now);
    const now = ctx.now.toISOString();
    const clash = await ctx.db.selectFrom('packageTypes').select('id').where('name', '=', name).executeTakeFirst();
    if (clash && clash.id !== id) throw new ApiError('CONFLICT', `There is already a package called “${name}”.`, { fields: { name: 'Already used by another package' } });
    let row;
    if (id === undefined) {
      row = await ctx.db.insertInto('packageTypes').values({ name, visits, priceCents, active: active ? 1 : 0, createdBy: ctx.user.id, createdAt: now, updatedAt: now }).returningAll().executeTakeFirstOrThrow();
    } else {
      row = await ctx.db.updateTable('packageTypes').set({ name, visits, priceCents, active: active ? 1 : 0, updatedAt: now }).where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw new ApiError('NOT_FOUND', `There is no package type with id ${id}.`);
    }
    ctx.audit({ entity: 'packageType', entityId: row.id, detail: `${id === undefined ? 'added' : 'changed'} “${name}”: ${visits} visits for ${lx.money(priceCents)}${active ? '' : ' (not offered)'}` });
    return { id: row.id, name: row.name, visits: row.visits, priceCents: row.priceCents, active: row.active === 1 };
  },
});
