import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { DEFAULT_LADDER, ladderSchema, type Ladder } from '../../../shared/clinical/ladder';
import { clinicPolicySchema, type ClinicPolicy } from '../../../shared/clinical/policy';
import { listRules } from '../../../shared/clinical/rules';
import { compiledQuery } from '../../db/compiled-query';
import type { DB } from '../../db/schema';
import { forgetCallReads, oncePerCall } from '../call-scope';
import { fieldErrors } from '../field-errors';
import { defineHandlers } from '../handler';

type LoadedPolicy = { policy: ClinicPolicy; changed: Record<string, unknown>; ladder: Ladder };
/** The last stored policy read, by its exact text: parsing the whole policy on every call is the costly part. */
let lastLoaded: { policyJson: string | undefined; ladderJson: string | null | undefined; value: LoadedPolicy } | null = null;

/** Frozen through and through: one parsed policy serves every call, and none can change it for the next. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const readPolicy = compiledQuery((db: Kysely<DB>) => db.selectFrom('clinicPolicy').select(['policyJson', 'ladderJson']).limit(1));

/**
 * The clinic's planner policy: the stored changes over the defaults, and its ladder (its row read once
 * per call). Read-only: the same frozen objects serve every call until the stored text changes (a
 * structured clone per call was most of what the chart's episodes cost in JavaScript). A handler that
 * needs a changed copy makes its own.
 */
export async function loadClinicPolicy(db: Kysely<DB>): Promise<Readonly<LoadedPolicy>> {
  const row = await oncePerCall(db, 'policy', async () => (await readPolicy(db))[0]);
  if (lastLoaded && lastLoaded.policyJson === row?.policyJson && lastLoaded.ladderJson === row?.ladderJson) return lastLoaded.value;
  const changed = row ? (JSON.parse(row.policyJson) as Record<string, unknown>) : {};
  // Cloned once before freezing: the parse may hand back the module's own default objects.
  const value = deepFreeze(
    structuredClone({
      policy: clinicPolicySchema.parse(changed),
      changed,
      ladder: row?.ladderJson ? ladderSchema.parse(JSON.parse(row.ladderJson)) : DEFAULT_LADDER,
    }),
  );
  lastLoaded = { policyJson: row?.policyJson, ladderJson: row?.ladderJson, value };
  return value;
}

function prefixed(fields: Record<string, string>, prefix: string) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
}

export const policyHandlers = defineHandlers({
  async 'policy.get'(_input, ctx) {
    const { policy, changed, ladder } = await loadClinicPolicy(ctx.db);
    return { policy, changed, ladder, rules: listRules(policy) };
  },

  async 'policy.update'({ changed, ladder }, ctx) {
    const policy = clinicPolicySchema.safeParse(changed);
    if (!policy.success) {
      const fields = prefixed(fieldErrors(policy.error), 'changed');
      throw new ApiError('VALIDATION', `The policy is not valid: ${Object.entries(fields)[0]?.join(': ')}`, { fields });
    }
    const before = await loadClinicPolicy(ctx.db);
    const stored = await ctx.db.selectFrom('clinicPolicy').select('ladderJson').executeTakeFirst();
    let ladderJson: string | null = ladder === undefined ? (stored?.ladderJson ?? null) : null;
    if (ladder) {
      const parsed = ladderSchema.safeParse(ladder);
      if (!parsed.success) {
        const fields = prefixed(fieldErrors(parsed.error), 'ladder');
        throw new ApiError('VALIDATION', `The ladder is not valid: ${Object.entries(fields)[0]?.join(': ')}`, { fields });
      }
      ladderJson = JSON.stringify(parsed.data);
    }
    const now = ctx.now.toISOString();
    await ctx.db
      .insertInto('clinicPolicy')
      .values({ id: 1, policyJson: JSON.stringify(changed), ladderJson, updatedAt: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ policyJson: JSON.stringify(changed), ladderJson, updatedAt: now }))
      .execute();
    forgetCallReads(ctx.db);
    ctx.audit({ entity: 'clinicPolicy', entityId: 1, detail: `policy ${JSON.stringify(before.changed)} → ${JSON.stringify(changed)}${ladder ? '; ladder replaced' : ladder === null ? '; ladder back to the default' : ''}` });
    return { policy: policy.data, changed };
  },
});
