/**
 * The crash test's writer: a real app on a data folder, writing bookings, run saves, note saves and
 * payments through the dispatcher in a loop, printing one line per write the dispatcher acknowledged
 * ("a <id>" an appointment, "r <id>" a run, "n <note> <revision>" a draft saved, "p <id>" a payment).
 * The test kills it with SIGKILL at random moments.
 */
import { writeSync } from 'node:fs';
import { startSession } from '../../../electron/api/sessions';
import { openApp } from '../../../electron/app/open-app';

const [dataDir, patientArg, therapistArg, typeArg, noteArg, adminArg] = process.argv.slice(2);
const patientId = Number(patientArg);
const noteId = Number(noteArg);
const therapistId = Number(therapistArg);
const typeId = Number(typeArg);

/** 15-minute slots, 36 a weekday from 08:00, from Dec 1, 2026 on: slot n is free when n appointments exist. */
function slot(n: number) {
  const d = new Date(Date.UTC(2026, 11, 1));
  for (let left = Math.floor(n / 36); left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  const minutes = 8 * 60 + (n % 36) * 15;
  return { date: d.toISOString().slice(0, 10), start: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` };
}

async function main() {
  const app = await openApp(dataDir!, { log: { info: () => {}, error: (m, d) => writeSync(2, `${m} ${String(d)}\n`) } });
  // A session of the clinic's admin: notes and payments name a real user (the command line's does not).
  // Made outside the dispatcher, so it meets the other writer's lock itself: try again until it gets in.
  let sessionToken = '';
  for (let tries = 0; !sessionToken; tries++) {
    try {
      sessionToken = await startSession(app.services.db, Number(adminArg), new Date());
    } catch (error) {
      if (tries > 500 || !String(error).includes('database is locked')) throw error;
      await new Promise((wait) => setTimeout(wait, 10));
    }
  }
  const call = async (channel: string, input: unknown) => {
    const r = await app.dispatch({ channel, input, sessionToken, transport: 'direct' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  // Each writer books its own therapist's next free slot (another writer may be booking the other's).
  let n = Number(
    (await app.services.db.selectFrom('appointments').where('therapistId', '=', therapistId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  let revision = (await app.services.db.selectFrom('notes').select('revision').where('id', '=', noteId).executeTakeFirstOrThrow()).revision;
  for (let i = 0; ; i++) {
    // "ready" after the first pair of writes: the kill then falls among writes, not in start-up.
    if (i === 1) writeSync(1, 'ready\n');
    const booked = (await call('appointments.book', { patientId, therapistId, roomId: null, typeId, ...slot(n), durationMinutes: 15 })) as { appointments: { id: number }[] };
    n++;
    writeSync(1, `a ${booked.appointments[0]!.id}\n`);
    const run = (await call('runs.save', { patientId, run: { date: '2026-11-24', distanceM: 1000 + (i % 5000), durationS: 600 + (i % 300) } })) as { id: number };
    writeSync(1, `r ${run.id}\n`);
    const saved = (await call('notes.saveDraft', { id: noteId, revision, content: { subjective: { patientWords: `Save ${i}: ran twice, pain 2/10` } } })) as { revision: number };
    revision = saved.revision;
    writeSync(1, `n ${noteId} ${revision}\n`);
    const paid = (await call('ledger.takePayment', { patientId, receivedOn: '2026-11-24', parts: [{ method: 'cash', amountCents: 100 + (i % 900) }] })) as { paymentIds: number[] };
    writeSync(1, `p ${paid.paymentIds[0]!}\n`);
  }
}

main().catch((error: unknown) => {
  writeSync(2, `writer failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
