import type { ChannelName, RequestInput } from '../../shared/api/contract';
import { CLINIC_INPUT, PASSWORDS, PATIENT, startPlan, type TestApp } from './harness';
import { screenEntryOf } from '../../shared/clinical/redFlags';
import { EPISODE_INPUT, evaluatedPatient, TINY_PNG } from './charting-helpers';
import { exerciseInputOf, getSeededExercise } from '../../shared/clinical/library';

/**
 * A valid request for every channel (a new channel without a sample is a compile error), used to
 * prove that each channel's role rule holds and that each refuses bad input.
 */
export interface SampleIds {
  patientId: number;
  appointmentId: number;
  roomId: number;
  typeId: number;
  waitlistId: number;
  runId: number;
  planId: number;
  weekId: number;
  screenId: number;
  /** The patient's open episode and its signed evaluation. */
  episodeId: number;
  noteId: number;
  /** Another patient's episode, for the discharge sample. */
  otherEpisodeId: number;
  attachmentId: number;
  exercisePhotoId: number;
}

/** A tiny timed GPX track: three points a minute apart. */
export const TINY_GPX = Buffer.from(
  `<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>` +
    `<trkpt lat="41.9000" lon="-87.6300"><time>2026-11-24T14:00:00Z</time></trkpt>` +
    `<trkpt lat="41.9010" lon="-87.6300"><time>2026-11-24T14:01:00Z</time></trkpt>` +
    `<trkpt lat="41.9020" lon="-87.6300"><time>2026-11-24T14:02:00Z</time></trkpt>` +
    `</trkseg></trk></gpx>`,
).toString('base64');

export function channelSamples(t: TestApp, ids: SampleIds): { [K in ChannelName]: RequestInput<K> } {
  const { patientId } = ids;
  const therapistId = t.userIds.therapist;
  return {
    'setup.status': {},
    'setup.createClinic': { clinic: CLINIC_INPUT, admin: { username: 'second', displayName: 'Second', password: 'second-password' } },
    'auth.signIn': { username: 'desk', password: PASSWORDS.front_desk },
    'auth.unlock': { password: PASSWORDS.front_desk },
    'auth.lock': {},
    'auth.heartbeat': {},
    'auth.signOut': {},
    'auth.me': {},
    'users.list': {},
    'users.create': { username: `u${Math.random().toString(36).slice(2, 8)}`, displayName: 'New Person', role: 'therapist', password: 'a-long-password' },
    'users.update': { id: t.userIds.therapist, displayName: 'Theo Therapist' },
    'users.resetPassword': { id: t.userIds.therapist, password: PASSWORDS.therapist },
    'users.therapists': {},
    'clinic.get': {},
    'clinic.update': CLINIC_INPUT,
    'patients.list': { query: 'gar' },
    'patients.get': { id: patientId },
    'patients.create': { ...PATIENT, legalFirstName: `Sample${Math.random().toString(36).slice(2, 6)}` },
    'patients.update': { id: patientId, patient: PATIENT },
    'patients.setArchived': { id: patientId, archived: false },
    'audit.list': {},
    'audit.export': { action: 'patients.get' },
    'today.get': {},
    'schedule.settings': {},
    'rooms.save': { id: ids.roomId, name: 'Room 1' },
    'appointmentTypes.save': { id: ids.typeId, name: 'Follow-up', durationMinutes: 45, colour: '#3a7d44' },
    'workingHours.set': { therapistId, intervals: WEEKDAY_HOURS },
    'blockouts.list': { from: '2026-11-30', to: '2026-12-06' },
    'blockouts.create': { therapistId, date: '2026-12-04', start: '12:00', end: '12:30', reason: 'Lunch' },
    'blockouts.remove': { id: 1 },
    'appointments.range': { from: '2026-11-30', to: '2026-12-06' },
    'appointments.get': { id: ids.appointmentId },
    'appointments.book': { patientId, therapistId, roomId: null, typeId: ids.typeId, date: '2026-12-02', start: `${10 + Math.floor(Math.random() * 6)}:00` },
    'appointments.move': { id: ids.appointmentId, date: '2026-12-01', start: '09:00', durationMinutes: 45, therapistId, roomId: ids.roomId },
    'appointments.cancel': { id: ids.appointmentId, reason: 'Feeling unwell' },
    'appointments.setStatus': { id: ids.appointmentId, status: 'arrived' },
    'appointments.findSlots': { therapistId, typeId: ids.typeId, fromDate: '2026-11-30' },
    'appointments.patientSummary': { patientId },
    'schedule.daySheet': { date: '2026-12-01', therapistId },
    'waitlist.list': {},
    'waitlist.add': { patientId, weekdays: [2, 4], from: '08:00', to: '12:00' },
    'waitlist.remove': { id: ids.waitlistId, reason: 'Booked elsewhere' },
    'waitlist.matches': { appointmentId: ids.appointmentId },
    'runs.list': { patientId },
    'runs.save': { patientId, run: { date: '2026-11-24', distanceM: 3000, durationS: 1800, runSeconds: 600, walkSeconds: 1200, painDuring: 2 } },
    'runs.delete': { id: ids.runId },
    'runs.restore': { id: ids.runId },
    'runs.setIntervals': { id: ids.runId, intervals: [{ kind: 'walk', startSecond: 0, endSecond: 60 }, { kind: 'run', startSecond: 60, endSecond: 120 }] },
    'runImport.stage': { patientId, files: [{ name: 'tiny.gpx', base64: TINY_GPX }] },
    'runImport.preview': { stageId: 'not-a-stage' },
    'runImport.commit': { stageId: 'not-a-stage', choices: [] },
    'runImport.discard': { stageId: 'not-a-stage' },
    'plans.get': { patientId },
    'plans.start': { patientId, startDate: '2026-11-23', startingStepId: 'rw-15-105', screenId: ids.screenId },
    'plans.review': { weekId: ids.weekId },
    'plans.accept': { weekId: ids.weekId },
    'plans.override': { weekId: ids.weekId, decision: 'hold', reason: 'Travelling next week' },
    'plans.end': { planId: ids.planId, reason: 'Discharged' },
    'policy.get': {},
    'policy.update': { changed: { pain: { amberMax: 5 } } },
    'redFlags.list': { patientId },
    'redFlags.record': { patientId, context: { kind: 'check-in', weekId: ids.weekId }, entry: screenEntryOf() },
    'redFlags.acknowledge': { screenId: ids.screenId },
    'reassessments.list': { patientId },
    'reassessments.progressReportPdf': { patientId },
    'reassessments.record': { patientId, measures: [{ code: 'thomas_hip_angle', side: 'left', value: 4, device: 'goniometer' }] },
    'reassessments.forNote': { noteId: ids.noteId },
    'outcomes.list': { patientId },
    'outcomes.record': { patientId, form: { instrument: 'nprs', answers: { score: 4 } } },
    'kiosk.start': { patientId, instrument: 'nprs' },
    'kiosk.form': {},
    'kiosk.saveAnswers': { answers: { score: 4 } },
    'kiosk.finish': { answers: { score: 4 } },
    'kiosk.handBack': { username: 'thera', password: PASSWORDS.therapist },
    'backups.status': {},
    'backups.alert': {},
    'backups.run': {},
    'backups.saveSettings': { folder: null, retention: { daily: 7, weekly: 4, monthly: 12 } },
    'backups.setPassphrase': { passphrase: null },
    'backups.restore': { file: '/nowhere/runback-backup.runbackup' },
    'episodes.list': { patientId },
    'episodes.save': { id: ids.episodeId, patientId, episode: EPISODE_INPUT },
    'episodes.discharge': { id: ids.otherEpisodeId, discharge: { date: '2026-11-26', reason: 'goals_met', summary: 'Back to running 5 km without pain.' } },
    'notes.list': { patientId },
    'notes.get': { id: ids.noteId },
    'notes.start': { patientId, type: 'daily' },
    // The samples for draft-only channels name the signed note: every allowed role is refused with CONFLICT, not FORBIDDEN.
    'notes.saveDraft': { id: ids.noteId, revision: 1, content: {} },
    'notes.runningSummary': { noteId: ids.noteId },
    'notes.redFlagScreen': { noteId: ids.noteId, entry: screenEntryOf(), replacesId: null },
    'notes.sign': { id: ids.noteId, revision: 1 },
    'notes.addendum': { noteId: ids.noteId, text: 'Pain score at rest was 4/10, not 5/10.' },
    'notes.discard': { id: ids.noteId, revision: 1 },
    'notes.pdf': { id: ids.noteId },
    'notes.due': {},
    'notes.forRange': { from: '2026-11-30', to: '2026-12-06' },
    'attachments.list': { patientId },
    'attachments.add': { patientId, kind: 'referral', title: 'Referral letter', fileName: 'referral.png', base64: TINY_PNG },
    'attachments.get': { id: ids.attachmentId },
    'attachments.remove': { id: ids.attachmentId, reason: 'Attached to the wrong patient' },
    'exercisePhotos.upload': { patientId, exerciseKey: 'bird-dog', fileName: 'bird dog.png', base64: TINY_PNG },
    'exercisePhotos.list': { patientId },
    'exercisePhotos.get': { id: ids.exercisePhotoId },
    'exercisePhotos.remove': { id: ids.exercisePhotoId },
    'export.patient': { patientId, format: 'fhir' },
    'export.clinic': {},
    'patientImport.mapping': {},
    'patientImport.check': { csv: IMPORT_CSV, mapping: null },
    'patientImport.commit': { csv: IMPORT_CSV, mapping: IMPORT_MAPPING, fileName: 'other-system.csv' },
    'fees.list': {},
    'fees.set': { code: '97140', feeCents: 6_500, effectiveFrom: '2026-11-01' },
    'packageTypes.save': { name: 'Six visits', visits: 6, priceCents: 60_000 },
    'ledger.account': { patientId },
    'ledger.balance': { patientId },
    'ledger.chargeNote': { noteId: ids.noteId },
    'ledger.chargeManual': { patientId, dateOfService: '2026-11-20', code: 'VISIT', amountCents: 12_000 },
    'ledger.takePayment': { patientId, receivedOn: '2026-11-26', parts: [{ method: 'card', amountCents: 5_000, reference: '4242' }] },
    'ledger.sellPackage': { patientId, packageTypeId: 1, soldOn: '2026-11-26' },
    'ledger.refund': { paymentId: 1, amountCents: 100, refundedOn: '2026-11-26', reason: 'Overpaid at the desk' },
    'ledger.void': { entity: 'charge', id: 1, reason: 'Charged to the wrong patient' },
    'users.setBillingIdentity': { id: t.userIds.therapist, npi: '1288456795', credentials: 'PT, DPT', license: null },
    'superbill.check': { patientId, from: '2026-11-01', to: '2026-11-30' },
    'superbill.pdf': { patientId, from: '2026-11-01', to: '2026-11-30' },
    'receipts.pdf': { paymentId: 1 },
    'endOfDay.get': { date: '2026-11-26' },
    'endOfDay.pdf': { date: '2026-11-26' },
    'endOfDay.csv': { date: '2026-11-26' },
    'exercises.list': {},
    'exercises.history': { key: 'bird-dog' },
    'exercises.save': { exercise: { ...exerciseInputOf(getSeededExercise('calf-raise'), 'calf-raise'), title: 'Heel drops on a stair' } },
    'exercises.setArchived': { key: 'a-skip', archived: true },
    'programs.get': { patientId },
    'programs.version': { patientId, version: 1 },
    'programs.suggestions': { patientId },
    'programs.save': { patientId, expectedVersion: 0, items: [{ exerciseKey: 'bird-dog', dosage: getSeededExercise('bird-dog').dosage }], comment: 'First program' },
    'handouts.check': { patientId },
    'handouts.print': { patientId },
    'handouts.reprint': { printId: 1 },
    'handouts.list': { patientId },
  };
}

/** A two-patient CSV from another system, and its mapping (each sample import adds two new people). */
export const IMPORT_CSV = `Surname,Given,DOB,Gender\r\nNguyễn,Thị Mai,${1950 + Math.floor(Math.random() * 50)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)},F\r\n`;
export const IMPORT_MAPPING = { columns: { legalLastName: 'Surname', legalFirstName: 'Given', dateOfBirth: 'DOB', sex: 'Gender' }, dateOrder: 'MDY' } as const;

/** Monday to Friday, 08:00–17:00. */
export const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' }));

/** A request each channel must refuse as VALIDATION (wrong type for a field, or not an object). */
export function invalidSamples(): { [K in ChannelName]: unknown } {
  return {
    'setup.status': 42,
    'setup.createClinic': { clinic: { ...CLINIC_INPUT, timeZone: 'Mars/Olympus' }, admin: { username: 'x', displayName: '', password: 'short' } },
    'auth.signIn': { username: '', password: '' },
    'auth.unlock': { password: 12345 },
    'auth.lock': 'now',
    'auth.heartbeat': [],
    'auth.signOut': 7,
    'auth.me': true,
    'users.list': 'all',
    'users.create': { username: 'no spaces allowed', displayName: 'X', role: 'surgeon', password: 'short' },
    'users.update': { id: 'one', role: 'king' },
    'users.resetPassword': { id: 1, password: 'short' },
    'users.therapists': 3,
    'clinic.get': 'x',
    'clinic.update': { ...CLINIC_INPUT, distanceUnit: 'furlongs', npi: '1234567890' },
    'patients.list': { limit: 100000 },
    'patients.get': { id: -1 },
    'patients.create': { ...PATIENT, legalLastName: '', dateOfBirth: '1985-02-30', email: 'not-an-email' },
    'patients.update': { id: 1, patient: { ...PATIENT, sex: 'other' } },
    'patients.setArchived': { id: 1, archived: 'yes' },
    'audit.list': { limit: 0 },
    'audit.export': { from: '2026-02-30' },
    'today.get': { therapistId: 'me' },
    'schedule.settings': 'x',
    'rooms.save': { name: '' },
    'appointmentTypes.save': { name: 'X', durationMinutes: 2, colour: 'teal' },
    'workingHours.set': { therapistId: 2, intervals: [{ weekday: 8, start: '9', end: '08:00' }] },
    'blockouts.list': { from: '2026-13-01', to: 'x' },
    'blockouts.create': { therapistId: null, date: '2026-12-04', start: '13:00', end: '12:00', reason: 'Lunch' },
    'blockouts.remove': { id: 'x' },
    'appointments.range': { from: '2026-12-06', to: '2026-11-30' },
    'appointments.get': { id: 0 },
    'appointments.book': { patientId: 1, therapistId: 2, typeId: 1, date: '2026-02-30', start: '25:00', recurrence: { weekdays: [], until: null, count: null } },
    'appointments.move': { id: 1, date: '2026-12-01', start: '9am', durationMinutes: 0, therapistId: 2, roomId: null },
    'appointments.cancel': { id: 1, reason: '' },
    'appointments.setStatus': { id: 1, status: 'teleported' },
    'appointments.findSlots': { therapistId: 2, typeId: 1, fromDate: '2026-11-30', weeks: 99 },
    'appointments.patientSummary': {},
    'schedule.daySheet': { date: 'today' },
    'waitlist.list': 5,
    'waitlist.add': { patientId: 1, from: '12:00', to: '08:00' },
    'waitlist.remove': { id: 1, reason: '' },
    'waitlist.matches': {},
    'runs.list': {},
    'runs.save': { patientId: 1, run: { date: 'yesterday', distanceM: -1, durationS: 0 } },
    'runs.delete': { id: 'x' },
    'runs.restore': {},
    'runs.setIntervals': { id: 1, intervals: [] },
    'runImport.stage': { patientId: 1, files: [] },
    'runImport.preview': { stageId: 'x', count: 0 },
    'runImport.commit': { stageId: 'x', choices: [{ itemId: '0', action: 'burn' }] },
    'runImport.discard': {},
    'plans.get': { patientId: 'x' },
    'plans.start': { patientId: 1, startDate: '2026-02-30', startingStepId: '' },
    'plans.review': {},
    'plans.accept': { weekId: 0 },
    'plans.override': { weekId: 1, decision: 'explode', reason: '' },
    'plans.end': { planId: 1, reason: '' },
    'policy.get': 7,
    'policy.update': { changed: 'x' },
    'redFlags.list': {},
    'redFlags.record': { patientId: 1, context: { kind: 'check-in', weekId: 1 }, entry: { answers: { saddleNumbness: 'maybe' } } },
    'redFlags.acknowledge': { screenId: 'x' },
    'reassessments.list': { patientId: 'x' },
    'reassessments.progressReportPdf': { patientId: 1, addressee: 'the neighbour' },
    'reassessments.record': { patientId: 1, measures: [{ code: 'hip_ir', side: 'left', value: 400 }] },
    'reassessments.forNote': { noteId: 0 },
    'outcomes.list': {},
    'outcomes.record': { patientId: 1, form: { instrument: 'odi', answers: { sections: { painIntensity: 6 } } } },
    'kiosk.start': { patientId: 1, instrument: 'sf-36' },
    'kiosk.form': { patientId: 1 },
    'kiosk.saveAnswers': { answers: { score: { nested: true } } },
    'kiosk.finish': {},
    'kiosk.handBack': { username: '', password: 'x' },
    'backups.status': 'now',
    'backups.alert': [],
    'backups.run': 5,
    'backups.saveSettings': { folder: null, retention: { daily: 0, weekly: -1, monthly: 1.5 } },
    'backups.setPassphrase': { passphrase: 'short' },
    'backups.restore': { file: '' },
    'episodes.list': {},
    'episodes.save': { patientId: 1, episode: { ...EPISODE_INPUT, diagnoses: ['M54.5'] } },
    'episodes.discharge': { id: 1, discharge: { date: '2026-11-26', reason: 'bored', summary: '' } },
    'notes.list': { patientId: 0 },
    'notes.get': { id: 'x' },
    'notes.start': { patientId: 1, type: 'consult' },
    'notes.saveDraft': { id: 1, revision: 0, content: { subjective: { painNow: 11 } } },
    'notes.runningSummary': {},
    'notes.redFlagScreen': { noteId: 1, entry: { answers: { fever: 'maybe' } } },
    'notes.sign': { id: 1 },
    'notes.addendum': { noteId: 1, text: '   ' },
    'notes.discard': { id: 1, revision: -1 },
    'notes.pdf': { id: 1, paper: 'tabloid' },
    'notes.due': { therapistId: 'me' },
    'notes.forRange': { from: '2026-12-06', to: '2026-11-30' },
    'attachments.list': { patientId: null },
    'attachments.add': { patientId: 1, kind: 'xray', title: '', fileName: 'a.exe', base64: '' },
    'attachments.get': { id: 0 },
    'attachments.remove': { id: 1, reason: '' },
    'exercisePhotos.upload': { patientId: 1, exerciseKey: 'Bird Dog!', fileName: '', base64: '' },
    'exercisePhotos.list': { patientId: 'me' },
    'exercisePhotos.get': { id: -1 },
    'exercisePhotos.remove': { id: 'all' },
    'export.patient': { patientId: 1, format: 'pdf' },
    'export.clinic': 'everything',
    'patientImport.mapping': 1,
    'patientImport.check': { csv: '', mapping: null },
    'patientImport.commit': { csv: IMPORT_CSV, mapping: { columns: { nickname: 'x' }, dateOrder: 'MDY' } },
    'fees.list': 'all',
    'fees.set': { code: '97140', feeCents: 65.5, effectiveFrom: '2026-02-30' },
    'packageTypes.save': { name: '', visits: 0, priceCents: -1 },
    'ledger.account': { patientId: 'x' },
    'ledger.balance': {},
    'ledger.chargeNote': { noteId: 1, pricing: 'free' },
    'ledger.chargeManual': { patientId: 1, dateOfService: 'yesterday', code: '97140', units: 0 },
    'ledger.takePayment': { patientId: 1, receivedOn: '2026-11-26', parts: [{ method: 'bitcoin', amountCents: 5_000 }] },
    'ledger.sellPackage': { patientId: 1, packageTypeId: 0, soldOn: '2026-11-26' },
    'ledger.refund': { paymentId: 1, amountCents: 0, refundedOn: '2026-11-26', reason: '' },
    'ledger.void': { entity: 'charge', id: 1, reason: ' ' },
    'users.setBillingIdentity': { id: 1, npi: '1234567890', credentials: 'PT' },
    'superbill.check': { patientId: 1, from: '2026-11-30', to: '2026-11-01' },
    'superbill.pdf': { patientId: 1, from: 'last month', to: '2026-11-30' },
    'receipts.pdf': { paymentId: 'R-000001' },
    'endOfDay.get': { date: '2026-02-30' },
    'endOfDay.pdf': { date: 'today' },
    'endOfDay.csv': {},
    'exercises.list': 'all',
    'exercises.history': { key: 'Bird Dog!' },
    'exercises.save': { exercise: { ...exerciseInputOf(getSeededExercise('calf-raise'), null), title: '', cues: ['only one'] } },
    'exercises.setArchived': { key: 'bird-dog', archived: 'yes' },
    'programs.get': { patientId: 'x' },
    'programs.version': { patientId: 1, version: 0 },
    'programs.suggestions': {},
    'programs.save': { patientId: 1, expectedVersion: 0, items: [{ exerciseKey: 'bird-dog', dosage: { kind: 'reps', sets: 11, reps: 10, holdSeconds: null, perSide: true, timesPerDay: 1, daysPerWeek: 3 } }], comment: null },
    'handouts.check': { patientId: 'RB000001' },
    'handouts.print': {},
    'handouts.reprint': { printId: 0 },
    'handouts.list': { patientId: -1 },
  };
}

/** A room, working hours, a booked appointment and a waitlist entry for the samples to point at. */
export async function sampleIds(t: TestApp, patientId: number): Promise<SampleIds> {
  const room = await t.ok('rooms.save', { name: 'Room 1' }, t.sessions.admin);
  await t.ok('workingHours.set', { therapistId: t.userIds.therapist, intervals: WEEKDAY_HOURS }, t.sessions.admin);
  const typeId = (await t.ok('schedule.settings', {}, t.sessions.admin)).appointmentTypes[1]!.id;
  const booked = await t.ok('appointments.book', { patientId, therapistId: t.userIds.therapist, roomId: room.id, typeId, date: '2026-12-01', start: '08:00' }, t.sessions.front_desk);
  const other = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Waiting', dateOfBirth: '1970-01-01' }, t.sessions.front_desk);
  const wait = await t.ok('waitlist.add', { patientId: other.id }, t.sessions.front_desk);
  const run = await t.ok('runs.save', { patientId, run: { date: '2026-11-24', distanceM: 3000, durationS: 1800 } }, t.sessions.therapist);
  const plan = await startPlan(t, { patientId: other.id, startDate: '2026-11-23', startingStepId: 'rw-15-105' }, t.sessions.therapist);
  const screen = await t.ok('redFlags.record', { patientId, context: { kind: 'plan-start' }, entry: screenEntryOf() }, t.sessions.therapist);
  const { episode, evaluation } = await evaluatedPatient(t, patientId);
  const otherEpisode = await t.ok('episodes.save', { patientId: other.id, episode: { ...EPISODE_INPUT, goals: [] } }, t.sessions.therapist);
  const attachment = await t.ok('attachments.add', { patientId, kind: 'imaging', title: 'MRI report', fileName: 'mri.png', base64: TINY_PNG }, t.sessions.therapist);
  const photo = await t.ok('exercisePhotos.upload', { patientId, exerciseKey: 'clamshell', fileName: 'clamshell.png', base64: TINY_PNG }, t.sessions.therapist);
  return {
    patientId,
    appointmentId: booked.appointments[0]!.id,
    roomId: room.id,
    typeId,
    waitlistId: wait.id,
    runId: run.id,
    planId: plan.id,
    weekId: plan.weeks[0]!.id,
    episodeId: episode.id,
    noteId: evaluation.id,
    otherEpisodeId: otherEpisode.id,
    attachmentId: attachment.id,
    exercisePhotoId: photo.id,
    screenId: screen.screen.id,
  };
}
