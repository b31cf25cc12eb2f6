import type { Selectable } from 'kysely';
import type { Clinic } from '../../../shared/domain/clinic';
import type { ClinicTable } from '../../db/schema';
import { forgetCallReads } from '../call-scope';
import { defineHandlers } from '../handler';

export function toClinic(row: Selectable<ClinicTable>): Clinic {
  return {
    name: row.name,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    city: row.city,
    region: row.region,
    postalCode: row.postalCode,
    phone: row.phone,
    timeZone: row.timeZone,
    distanceUnit: row.distanceUnit,
    npi: row.npi,
    taxId: row.taxId,
    idleLockMinutes: row.idleLockMinutes,
    lateCancelHours: row.lateCancelHours,
    country: row.country,
    dateOrder: row.dateOrder,
    timeFormat: row.timeFormat,
    weekStartsOn: row.weekStartsOn,
  };
}

export const clinicHandlers = defineHandlers({
  async 'clinic.get'(_input, ctx) {
    return toClinic(await ctx.db.selectFrom('clinic').selectAll().executeTakeFirstOrThrow());
  },

  async 'clinic.update'(input, ctx) {
    const { phone, ...rest } = input;
    const row = await ctx.db
      .updateTable('clinic')
      .set({ ...rest, phone: phone ?? '', updatedAt: ctx.now.toISOString() })
      .where('id', '=', 1)
      .returningAll()
      .executeTakeFirstOrThrow();
    forgetCallReads(ctx.db);
    ctx.audit({ entity: 'clinic', entityId: 1 });
    return toClinic(row);
  },
});
