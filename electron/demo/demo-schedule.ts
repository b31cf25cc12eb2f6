import { Faker, base, en } from '@faker-js/faker';
import type { Insertable } from 'kysely';
import { addDays, isoWeekday, localToInstant, parseClockTime } from '../../shared/schedule/clinic-time';
import type { Dispatch } from '../api/dispatcher';
import type { AppointmentsTable, DB } from '../db/schema';
import type { Kysely } from 'kysely';
import { inImmediateTransaction } from '../db/transaction';
import { writeAudit } from '../api/audit-writer';
import { must } from './demo-api';

export const DEMO_ROOMS = ['Treatment 1', 'Treatment 2', 'Treatment 3', 'Gym & treadmill'];

/** Each demo therapist's week: [ISO weekday, start, end] intervals (lunch is the gap). */
export const DEMO_HOURS: Record<string, [number, string, string][]> = {
  mreyes: [1, 2, 3, 4, 5].flatMap((d): [number, string, string][] => [[d, '08:00', '12:00'], [d, '12:30', '16:30']]),
  jokafor: [
    ...[1, 2, 3, 4].flatMap((d): [number, string, string][] => [[d, '10:00', '14:00'], [d, '14:30', '19:00']]),
    [6, '08:00', '12:00'],
  ],
  lnguyen: [2, 3, 4, 5, 6].flatMap((d): [number, string, string][] => [[d, '07:00', '11:30'], [d, '12:00', '15:00']]),
};

interface Ctx {
  dispatch: Dispatch;
  /**
   * Moves the demo's clock, so check-ins and cancellations carry plausible times. The demo's own
   * sessions move with it (a jump of days would otherwise idle-lock or expire them).
   */
  setNow(date: Date): Promise<void>;
  admin: string;
  desk: string;
  today: string;
  timeZone: string;
  seed: number;
  patientIds: number[];
}

/**
 * About six weeks of a realistic schedule around today, made through the same API the schedule
 * screen uses (so every booking passes the conflict rules): weekly series, single visits, past visits
 * completed with the odd no-show and (late) cancellation, today's patients partly checked in, a
 * staff meeting, a day of leave and a waitlist.
 */
export async function createDemoSchedule(c: Ctx, therapists: { id: number; username: string }[]) {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(c.seed * 104729 + 17);
  const call = (channel: string, input: unknown, session = c.desk) => c.dispatch({ channel, input, sessionToken: session, transport: 'cli' });

  const roomIds: number[] = [];
  for (const name of DEMO_ROOMS) roomIds.push((await must<{ id: number }>(call('rooms.save', { name }, c.admin), `room ${name}`)).id);
  for (const t of therapists) {
    const intervals = (DEMO_HOURS[t.username] ?? DEMO_HOURS.mreyes!).map(([weekday, start, end]) => ({ weekday, start, end }));
    await must(call('workingHours.set', { therapistId: t.id, intervals }, c.admin), `hours of ${t.username}`);
  }
  const settings = await must<{ appointmentTypes: { id: number; name: string; durationMinutes: number }[] }>(call('schedule.settings', {}), 'settings');
  const type = (name: string) => settings.appointmentTypes.find((t) => t.name === name)!;
  const [evaluation, followUp, reassessment, runAnalysis] = [type('Initial evaluation'), type('Follow-up'), type('Reassessment'), type('Run analysis')];

  const from = addDays(c.today, -21);
  const to = addDays(c.today, 21);
  // Wednesday staff meeting and one day of leave: real blockouts the booking rules must respect.
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (isoWeekday(d) === 3) await must(call('blockouts.create', { therapistId: null, date: d, start: '12:00', end: '12:30', reason: 'Team huddle' }), 'huddle');
  }
  const leaveDay = addDays(c.today, 8 - isoWeekday(c.today) + 4); // Thursday next week
  await must(call('blockouts.create', { therapistId: therapists[1]!.id, date: leaveDay, start: '00:00', end: '23:59', reason: 'Annual leave' }), 'leave');

  // Weekly series for a few patients with each therapist (Tue/Thu or Mon/Wed for 6–8 weeks).
  const patients = [...c.patientIds];
  let next = 0;
  const takePatient = () => patients[next++ % patients.length]!;
  for (const t of therapists) {
    const hours = DEMO_HOURS[t.username] ?? DEMO_HOURS.mreyes!;
    const days = [...new Set(hours.map(([d]) => d))];
    for (let i = 0; i < 3; i++) {
      const pair = [days[i % days.length]!, days[(i + 2) % days.length]!].sort();
      const first = hours.find(([d]) => d === pair[0])!;
      const start = (parseClockTime(first[1])! + 60 * (i + 1)) % (24 * 60);
      const startsOn = addDays(from, i * 3);
      await call('appointments.book', {
        patientId: takePatient(), therapistId: t.id, roomId: roomIds[i % 3]!, typeId: followUp.id, date: startsOn,
        start: `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`,
        recurrence: { weekdays: pair, count: faker.number.int({ min: 10, max: 16 }) },
        note: i === 0 ? 'Run-walk progression check each visit' : null,
      });
    }
  }
  // Fill the rest of each working interval with single visits (about three in four slots).
  for (let d = from; d <= to; d = addDays(d, 1)) {
    for (const [ti, t] of therapists.entries()) {
      for (const [weekday, s, e] of DEMO_HOURS[t.username] ?? []) {
        if (weekday !== isoWeekday(d)) continue;
        for (let m = parseClockTime(s)!; m + 45 <= parseClockTime(e)!; m += 15) {
          if (faker.number.float({ min: 0, max: 1 }) > 0.3) continue;
          const kind = faker.helpers.weightedArrayElement([
            { value: followUp, weight: 70 },
            { value: evaluation, weight: 12 },
            { value: reassessment, weight: 12 },
            { value: runAnalysis, weight: 6 },
          ]);
          const r = await call('appointments.book', {
            patientId: takePatient(), therapistId: t.id, roomId: kind === runAnalysis ? roomIds[3]! : roomIds[ti % 3]!, typeId: kind.id,
            date: d, start: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
          });
          if (r.ok) m += kind.durationMinutes - 15;
        }
      }
    }
  }

  // Past visits happened (mostly); today's morning patients have arrived; some cancellations.
  const all = await must<{ appointments: { id: number; startsAt: string; localDate: string; startMinute: number; status: string }[] }>(
    call('appointments.range', { from, to }, c.admin),
    'range',
  );
  const nowMs = Date.parse(localToInstant(c.today, 11 * 60, c.timeZone));
  for (const a of all.appointments) {
    const start = Date.parse(a.startsAt);
    const roll = faker.number.float({ min: 0, max: 1 });
    if (roll < 0.06) {
      const late = faker.datatype.boolean();
      await c.setNow(new Date(start - (late ? 5 : 50) * 3_600_000));
      await must(call('appointments.cancel', { id: a.id, reason: faker.helpers.arrayElement(['Sick', 'Work conflict', 'Childcare', 'Travel', 'Car trouble']) }), 'cancel');
    } else if (start < nowMs) {
      if (roll < 0.09) {
        await c.setNow(new Date(start + 20 * 60_000));
        await must(call('appointments.setStatus', { id: a.id, status: 'no_show' }), 'no-show');
      } else {
        await c.setNow(new Date(start - faker.number.int({ min: 2, max: 12 }) * 60_000));
        await must(call('appointments.setStatus', { id: a.id, status: 'arrived' }), 'check-in');
        if (a.localDate < c.today || a.startMinute < 10 * 60) {
          await c.setNow(new Date(start + 50 * 60_000));
          await must(call('appointments.setStatus', { id: a.id, status: 'completed' }), 'complete');
        }
      }
    }
  }
  await c.setNow(new Date(nowMs));
  for (let i = 0; i < 6; i++) {
    const added = await call('waitlist.add', {
      patientId: takePatient(),
      therapistId: i % 3 === 0 ? therapists[i % therapists.length]!.id : null,
      weekdays: i % 2 ? [2, 4] : [],
      from: i % 3 === 1 ? '07:00' : null,
      to: i % 3 === 1 ? '12:00' : null,
      priority: i === 0 ? 1 : 2,
      note: faker.helpers.arrayElement(['Wants earlier slot', 'Flexible, text when free', 'Prefers mornings before work', null]),
    });
    // A tiny demo clinic hands out the same patient twice: already on the list is fine.
    if (!added.ok && added.error.code !== 'CONFLICT') throw new Error(`demo: waitlist: ${added.error.message}`);
  }
  return all.appointments.length;
}

/**
 * Ten years of past appointments for the load check (issue #4: a week of 10 therapists must load in
 * well under 50 ms among ~500,000): one bulk transaction, no two at the same time for a therapist
 * or a patient.
 */
export async function createScheduleHistory(db: Kysely<DB>, options: { therapistIds: number[]; patientIds: number[]; typeId: number; timeZone: string; endDate: string; perTherapistPerDay: number; years: number; now: Date }) {
  let total = 0;
  await inImmediateTransaction(db, async (trx) => {
    const batch: Insertable<AppointmentsTable>[] = [];
    const flush = async () => {
      if (batch.length) await trx.insertInto('appointments').values(batch.splice(0)).execute();
    };
    let slot = 0;
    const start = addDays(options.endDate, -365 * options.years);
    for (let d = start; d < options.endDate; d = addDays(d, 1)) {
      if (isoWeekday(d) === 7) continue;
      for (let k = 0; k < options.perTherapistPerDay; k++) {
        const minute = 8 * 60 + k * 60;
        const startsAt = localToInstant(d, minute, options.timeZone);
        const endsAt = localToInstant(d, minute + 45, options.timeZone);
        for (const [ti, therapistId] of options.therapistIds.entries()) {
          const patientId = options.patientIds[(slot * options.therapistIds.length + ti) % options.patientIds.length]!;
          batch.push({ patientId, therapistId, roomId: null, typeId: options.typeId, startsAt, endsAt, status: 'completed', completedAt: endsAt, arrivedAt: startsAt, cancelledAt: null, cancelReason: null, note: null, doubleBookedReason: null, seriesId: null, occurrenceDate: null, createdAt: startsAt, updatedAt: endsAt });
          total++;
          // About one slot in three also had a booking that was cancelled before someone else took it.
          if ((slot * 7 + ti * 13) % 3 === 0) {
            const cancelledPatient = options.patientIds[(slot * options.therapistIds.length + ti + 1) % options.patientIds.length]!;
            batch.push({ patientId: cancelledPatient, therapistId, roomId: null, typeId: options.typeId, startsAt, endsAt, status: 'cancelled', completedAt: null, arrivedAt: null, cancelledAt: startsAt, cancelReason: 'Rescheduled', note: null, doubleBookedReason: null, seriesId: null, occurrenceDate: null, createdAt: startsAt, updatedAt: startsAt });
            total++;
          }
          // 1,500 rows × 16 columns stays under SQLite's 32,766 bound-parameter limit.
          if (batch.length === 1500) await flush();
        }
        slot++;
      }
    }
    await flush();
    await writeAudit(trx, options.now, null, { action: 'demo.history', entity: 'appointment', detail: `${total} historical demo appointments` });
  });
  return total;
}
