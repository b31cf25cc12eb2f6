import { defineHandlers } from '../handler';

export const auditHandlers = defineHandlers({
  async 'audit.list'({ entity, entityId, beforeId, limit }, ctx) {
    let q = ctx.db.selectFrom('auditLog').selectAll().orderBy('id', 'desc').limit(limit);
    if (entity !== undefined) q = q.where('entity', '=', entity);
    if (entityId !== undefined) q = q.where('entityId', '=', entityId);
    if (beforeId !== undefined) q = q.where('id', '<', beforeId);
    return { entries: await q.execute() };
  },
});
