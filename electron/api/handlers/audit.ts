import type { Kysely } from 'kysely';
import { AUDIT_EXPORT_MAX, type AuditEntry, type AuditFilter } from '../../../shared/api/audit';
import { auditActionLabel } from '../../../shared/api/audit-actions';
import { patientDisplayName } from '../../../shared/domain/patient';
import { addDays, localToInstant } from '../../../shared/schedule/clinic-time';
import type { DB } from '../../db/schema';
import type { ClinicFormat } from '../../../shared/format/clinic-format';
import { loadClinicFormat } from '../clinic-format';
import { csvText } from '../../export/csv';
import { defineHandlers } from '../handler';

/** The filtered log, newest first (indexes: audit_log_entity, _user, _action, _at). */
function filtered(db: Kysely<DB>, f: AuditFilter, timeZone: string) {
  let q = db.selectFrom('auditLog').selectAll();
  if (f.patientId !== undefined) q = q.where('entity', '=', 'patient').where('entityId', '=', String(f.patientId));
  if (f.entity !== undefined) q = q.where('entity', '=', f.entity);
  if (f.entityId !== undefined) q = q.where('entityId', '=', f.entityId);
  if (f.userId !== undefined) q = q.where('userId', '=', f.userId);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  if (f.from !== undefined) q = q.where('at', '>=', localToInstant(f.from, 0, timeZone));
  if (f.to !== undefined) q = q.where('at', '<', localToInstant(addDays(f.to, 1), 0, timeZone));
  return q.orderBy('id', 'desc');
}

type Row = Awaited<ReturnType<ReturnType<typeof filtered>['execute']>>[number];

/** Rows with the words an admin reads: the user's name, the action, the patient's name and MRN. */
async function described(db: Kysely<DB>, rows: Row[]): Promise<AuditEntry[]> {
  const userIds = [...new Set(rows.flatMap((r) => [r.userId, r.entity === 'user' ? Number(r.entityId) : null]).filter((v): v is number => typeof v === 'number' && Number.isInteger(v)))];
  const patientIds = [...new Set(rows.filter((r) => r.entity === 'patient' && r.entityId).map((r) => Number(r.entityId)).filter(Number.isInteger))];
  const users = new Map((userIds.length ? await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute() : []).map((u) => [u.id, u.displayName]));
  const patients = new Map(
    (patientIds.length ? await db.selectFrom('patients').select(['id', 'mrn', 'legalFirstName', 'legalLastName', 'preferredName']).where('id', 'in', patientIds).execute() : []).map((p) => [
      String(p.id),
      `${patientDisplayName(p)} (${p.mrn})`,
    ]),
  );
  return rows.map((r) => {
    let record = '—';
    if (r.entity === 'patient' && r.entityId) record = patients.get(r.entityId) ?? `A patient no longer on file`;
    else if (r.entity === 'user' && r.entityId) record = users.get(Number(r.entityId)) ?? 'A user';
    else if (r.entity) record = r.entity.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
    return {
      ...r,
      who: r.userId !== null ? (users.get(r.userId) ?? r.username ?? 'A user') : r.username?.startsWith('cli:') ? `Command line (${r.username.slice(4)})` : (r.username ?? 'Nobody signed in'),
      actionLabel: auditActionLabel(r.action),
      record,
    };
  });
}

/** The export's filter as an admin reads it later in the log: names and dates, not ids. */
async function filterInWords(db: Kysely<DB>, f: AuditFilter, format: ClinicFormat): Promise<string> {
  const parts: string[] = [];
  if (f.patientId !== undefined) {
    const p = await db.selectFrom('patients').select(['mrn', 'legalFirstName', 'legalLastName', 'preferredName']).where('id', '=', f.patientId).executeTakeFirst();
    parts.push(p ? `patient ${patientDisplayName(p)} (${p.mrn})` : 'a patient no longer on file');
  }
  if (f.userId !== undefined) {
    const u = await db.selectFrom('users').select('displayName').where('id', '=', f.userId).executeTakeFirst();
    parts.push(`by ${u?.displayName ?? 'a user no longer on file'}`);
  }
  if (f.action !== undefined) parts.push(`“${auditActionLabel(f.action)}”`);
  if (f.entity !== undefined) parts.push(`about ${f.entity.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} records`);
  if (f.from !== undefined) parts.push(`from ${format.date(f.from)}`);
  if (f.to !== undefined) parts.push(`to ${format.date(f.to)}`);
  return parts.length ? `: ${parts.join(', ')}` : ', everything';
}

export const auditHandlers = defineHandlers({
  async 'audit.list'({ beforeId, limit, ...filter }, ctx) {
    const clinic = await ctx.db.selectFrom('clinic').select('timeZone').executeTakeFirst();
    let q = filtered(ctx.db, filter, clinic?.timeZone ?? 'UTC').limit(limit + 1);
    if (beforeId !== undefined) q = q.where('id', '<', beforeId);
    const rows = await q.execute();
    return { entries: await described(ctx.db, rows.slice(0, limit)), more: rows.length > limit };
  },

  async 'audit.export'(filter, ctx) {
    const f = await loadClinicFormat(ctx.db);
    const rows = await filtered(ctx.db, filter, f.timeZone)
      .limit(AUDIT_EXPORT_MAX + 1)
      .execute();
    const entries = await described(ctx.db, rows.slice(0, AUDIT_EXPORT_MAX));
    const header = ['When (clinic time)', 'When (UTC)', 'Who', 'Username', 'What', 'Action', 'Record', 'Detail'];
    const lines = entries.map((e) => [f.instant(e.at), e.at, e.who, e.username ?? '', e.actionLabel, e.action, e.record, e.detail ?? '']);
    ctx.audit({ action: 'audit.export', entity: 'auditLog', detail: `exported ${entries.length} rows${await filterInWords(ctx.db, filter, f)}` });
    const stamp = ctx.now.toISOString().slice(0, 10);
    // Details hold what staff typed (a reason, a name): a cell starting "=" must not run in a spreadsheet.
    return { filename: `audit-log-${stamp}.csv`, csv: csvText(header, lines), rows: entries.length, truncated: rows.length > AUDIT_EXPORT_MAX };
  },
});
