import { ApiError } from '../../../shared/api/errors';
import { defineHandlers } from '../handler';
import { currentPlanRecord } from './plans';
import { patientScreens, recordRedFlagScreen, screenById, screenSummary } from './red-flag-screens';

export const redFlagHandlers = defineHandlers({
  async 'redFlags.list'({ patientId }, ctx) {
    const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    const clinic = await ctx.db.selectFrom('clinic').select(['name', 'phone']).executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: patientId, detail: 'red-flag screens opened' });
    return { screens: await patientScreens(ctx.db, patientId), clinic };
  },

  async 'redFlags.record'(input, ctx) {
    const { screen } = await recordRedFlagScreen(ctx, input);
    return { screen, plan: await currentPlanRecord(ctx.db, input.patientId) };
  },

  async 'redFlags.acknowledge'({ screenId }, ctx) {
    const screen = await screenById(ctx.db, screenId);
    if (!screen) throw new ApiError('NOT_FOUND', `There is no red-flag screen with id ${screenId}.`);
    if (screen.replacedById !== null) throw new ApiError('CONFLICT', 'This screen was corrected by a later one: nothing to acknowledge here.');
    if (screen.acknowledgedAt !== null) throw new ApiError('CONFLICT', `This screen was already acknowledged by ${screen.acknowledgedBy ?? 'a therapist'}.`);
    if (!screen.needsAcknowledgement) throw new ApiError('CONFLICT', 'This screen has nothing that needs acknowledging.');
    await ctx.db.updateTable('redFlagScreens').set({ acknowledgedBy: ctx.user.id, acknowledgedAt: ctx.now.toISOString() }).where('id', '=', screenId).execute();
    const what = screen.triage.action === 'urgent-medical' ? 'urgent alert acknowledged: patient told, urgent medical assessment today' : 'running symptoms reviewed at plan start';
    ctx.audit({ entity: 'patient', entityId: screen.patientId, detail: `red-flag screen ${screenId}: ${what} (${screenSummary(screen)})` });
    return (await screenById(ctx.db, screenId))!;
  },
});
