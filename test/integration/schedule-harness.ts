import { PATIENT, type TestApp } from './harness';
import { WEEKDAY_HOURS } from './channel-samples';

export interface ScheduleWorld {
  therapist: number;
  therapist2: number;
  rooms: { one: number; two: number };
  types: { evaluation: number; followUp: number };
  patients: { ana: number; ben: number; cara: number };
}

/** Two therapists working Mon–Fri 08:00–17:00, two rooms, three patients. */
export async function scheduleWorld(t: TestApp): Promise<ScheduleWorld> {
  const admin = t.sessions.admin;
  const second = await t.ok('users.create', { username: 'second', displayName: 'Sam Second', role: 'therapist', password: 'second-password' }, admin);
  for (const id of [t.userIds.therapist, second.id]) await t.ok('workingHours.set', { therapistId: id, intervals: WEEKDAY_HOURS }, admin);
  const one = await t.ok('rooms.save', { name: 'Room 1' }, admin);
  const two = await t.ok('rooms.save', { name: 'Room 2' }, admin);
  const types = (await t.ok('schedule.settings', {}, admin)).appointmentTypes;
  const mk = async (first: string, last: string) => (await t.ok('patients.create', { ...PATIENT, legalFirstName: first, legalLastName: last, preferredName: null }, admin)).id;
  return {
    therapist: t.userIds.therapist,
    therapist2: second.id,
    rooms: { one: one.id, two: two.id },
    types: { evaluation: types.find((x) => x.name === 'Initial evaluation')!.id, followUp: types.find((x) => x.name === 'Follow-up')!.id },
    patients: { ana: await mk('Ana', 'Alpha'), ben: await mk('Ben', 'Bravo'), cara: await mk('Cara', 'Charlie') },
  };
}
