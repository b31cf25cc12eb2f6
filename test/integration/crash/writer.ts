/**
 * The crash test's writer: a real app on a data folder, writing bookings and run saves through the
 * dispatcher in a loop, printing one line per write the dispatcher acknowledged ("a <id>" for an
 * appointment, "r <id>" for a run). The test kills it with SIGKILL at random moments.
 */
import { writeSync } from 'node:fs';
import { openApp } from '../../../electron/app/open-app';

const [dataDir, patientArg, therapistArg, typeArg] = process.argv.slice(2);
const patientId = Number(patientArg);
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
  const call = async (channel: string, input: unknown) => {
    const r = await app.dispatch({ channel, input, transport: 'cli', cliActor: 'crash-test' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  // Each writer books its own therapist's next free slot (another writer may be booking the other's).
  let n = Number(
    (await app.services.db.selectFrom('appointments').where('therapistId', '=', therapistId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  for (let i = 0; ; i++) {
    // "ready" after the first pair of writes: the kill then falls among writes, not in start-up.
    if (i === 1) writeSync(1, 'ready\n');
    const booked = (await call('appointments.book', { patientId, therapistId, roomId: null, typeId, ...slot(n), durationMinutes: 15 })) as { appointments: { id: number }[] };
    n++;
    writeSync(1, `a ${booked.appointments[0]!.id}\n`);
    const run = (await call('runs.save', { patientId, run: { date: '2026-11-24', distanceM: 1000 + (i % 5000), durationS: 600 + (i % 300) } })) as { id: number };
    writeSync(1, `r ${run.id}\n`);
  }
}

main().catch((error: unknown) => {
  writeSync(2, `writer failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
