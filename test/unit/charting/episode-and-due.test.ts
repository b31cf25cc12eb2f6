import { describe, expect, it } from 'vitest';
import { episodeInputSchema } from '../../../shared/charting/episode';
import { normalizeSegment } from '../../../shared/charting/vocab';
import { checkIcd10 } from '../../../shared/clinical/billing/icd10';
import { certificationProblem, certificationStatus, progressNoteStatus, type EpisodeVisit } from '../../../shared/clinical/documentation';
import { clinicPolicySchema, DEFAULT_POLICY } from '../../../shared/clinical/policy';
import { addDays } from '../../../shared/clinical/calendar';
import { formatCalendarDate } from '../../../shared/format/dates';

const fmt = (d: string) => formatCalendarDate(d, 'en-US');
const input = (diagnoses: string[]) => episodeInputSchema.safeParse({ referral: { type: 'self' }, diagnoses });

describe('episode diagnoses are checked by the rules engine', () => {
  it('refuses a deleted code, naming the codes that replaced it', () => {
    const r = input(['M54.5']);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['diagnoses', 0], message: 'M54.5 is no longer billable (deleted Oct 1, 2021); use M54.50, M54.51 or M54.59' });
    expect(input(['M51.36']).error!.issues[0]!.message).toContain('use M51.360, M51.361, M51.362 or M51.369');
  });
  it('refuses an incomplete code (a heading), naming the full codes beneath it', () => {
    expect(checkIcd10('M54.4')).toMatchObject({ status: 'incomplete', choices: ['M54.40', 'M54.41', 'M54.42'] });
    expect(input(['m544']).error!.issues[0]!.message).toBe('M54.4 is a heading, not a billable code: use the full code, M54.40, M54.41 or M54.42');
    expect(checkIcd10('M51.3')).toMatchObject({ status: 'incomplete' });
  });
  it('letters valid codes A–L, primary first; keeps a well-formed code outside the list as not checked; refuses duplicates and junk', () => {
    const ok = input(['m54.50', 'M51360', 'M79.10']);
    expect(ok.success).toBe(true);
    expect(ok.data!.diagnoses).toEqual([
      { letter: 'A', code: 'M54.50', title: 'Low back pain, unspecified', checked: true },
      { letter: 'B', code: 'M51.360', title: 'Other intervertebral disc degeneration, lumbar region with discogenic back pain only', checked: true },
      { letter: 'C', code: 'M79.10', title: null, checked: false },
    ]);
    expect(input(['M54.50', 'm5450']).error!.issues[0]!.message).toBe('M54.50 is listed twice');
    expect(input(['back pain']).error!.issues[0]!.message).toContain('is not shaped like an ICD-10-CM code');
    expect(input(Array.from({ length: 13 }, () => 'M54.50')).error!.issues[0]!.message).toBe('At most 12 diagnoses (the claim form holds A–L)');
  });
  it('asks for the physician when the referral is from one, and checks the NPI', () => {
    const noName = episodeInputSchema.safeParse({ referral: { type: 'physician' } });
    expect(noName.error!.issues[0]).toMatchObject({ path: ['referral', 'physicianName'], message: 'Name the referring physician' });
    const badNpi = episodeInputSchema.safeParse({ referral: { type: 'physician', physicianName: 'Dr. Lê Văn Đức', physicianNpi: '1234567890' } });
    expect(badNpi.error!.issues[0]!.message).toBe('NPI must be 10 digits with a valid check digit');
  });
});

describe('plan of care certification (Medicare: at most 90 days)', () => {
  it('allows 90 days and refuses 91, in words', () => {
    expect(certificationProblem('2026-01-01', '2026-03-31', fmt)).toBeNull();
    expect(certificationProblem('2026-01-01', '2026-04-01', fmt)).toBe('A plan of care is certified for at most 90 days: Jan 1, 2026 to Apr 1, 2026 is 91 days.');
    expect(certificationProblem('2026-02-01', '2026-01-01', fmt)).toBe('The certification ends (Jan 1, 2026) before it starts (Feb 1, 2026).');
  });
  it('lists a certification ending within the clinic’s window, or ended', () => {
    expect(certificationStatus({ certEnd: '2026-12-31', today: '2026-12-01', policy: DEFAULT_POLICY, fmt }).state).toBe('current');
    const ending = certificationStatus({ certEnd: '2026-12-10', today: '2026-12-01', policy: DEFAULT_POLICY, fmt });
    expect(ending).toMatchObject({ state: 'ending', daysLeft: 9 });
    expect(ending.reasons[0]).toMatchObject({ ruleId: 'documentation.recertify-soon', grade: 'clinic-policy', sentence: "The plan of care's certification ends on Dec 10, 2026, in 9 days." });
    expect(certificationStatus({ certEnd: '2026-11-30', today: '2026-12-01', policy: DEFAULT_POLICY, fmt }).state).toBe('ended');
  });
});

describe('progress note due (every 10th treatment day or 30 days: clinic settings)', () => {
  const visits = (start: string, dailies: number, first: EpisodeVisit['kind'] = 'evaluation'): EpisodeVisit[] => [
    { date: start, kind: first },
    ...Array.from({ length: dailies }, (_, i) => ({ date: addDays(start, 2 * (i + 1)), kind: 'visit' as const })),
  ];
  it('counts the evaluation as the first treatment day: after 8 dailies the next visit (the 10th) needs the progress note', () => {
    expect(progressNoteStatus({ visits: visits('2026-11-02', 7), today: '2026-11-20', policy: DEFAULT_POLICY, fmt }).due).toBe(false);
    const due = progressNoteStatus({ visits: visits('2026-11-02', 8), today: '2026-11-20', policy: DEFAULT_POLICY, fmt });
    expect(due).toMatchObject({ due: true, overdue: false, treatmentDays: 9 });
    expect(due.reasons[0]!.sentence).toBe('9 treatment days since the evaluation on Nov 2, 2026: the next visit is the 10th and needs a progress note.');
    const over = progressNoteStatus({ visits: visits('2026-11-02', 9), today: '2026-11-22', policy: DEFAULT_POLICY, fmt });
    expect(over).toMatchObject({ due: true, overdue: true, treatmentDays: 10 });
  });
  it('restarts at a progress note, and is also due 30 days after the last report', () => {
    const afterProgress = [...visits('2026-10-01', 8), { date: '2026-10-20', kind: 'progress' as const }, { date: '2026-10-22', kind: 'visit' as const }];
    expect(progressNoteStatus({ visits: afterProgress, today: '2026-10-23', policy: DEFAULT_POLICY, fmt })).toMatchObject({ due: false, treatmentDays: 1 });
    const late = progressNoteStatus({ visits: afterProgress, today: '2026-11-19', policy: DEFAULT_POLICY, fmt });
    expect(late.due).toBe(true);
    expect(late.reasons.map((r) => r.ruleId)).toEqual(['documentation.progress-note-days']);
    expect(late.reasons[0]!.sentence).toBe('30 days since the last progress note on Oct 20, 2026 (the clinic asks for one every 30 days).');
  });
  it('follows the clinic’s own cadence and is graded clinic policy once changed', () => {
    const policy = clinicPolicySchema.parse({ documentation: { progressNoteEveryVisits: 6 } });
    const due = progressNoteStatus({ visits: visits('2026-11-02', 4), today: '2026-11-12', policy, fmt });
    expect(due.due).toBe(true);
    expect(due.reasons[0]!.grade).toBe('clinic-policy');
    expect(progressNoteStatus({ visits: visits('2026-11-02', 4), today: '2026-11-12', policy: DEFAULT_POLICY, fmt }).reasons).toEqual([]);
  });
  it('is never due without an evaluation or progress note to count from', () => {
    expect(progressNoteStatus({ visits: [{ date: '2026-11-02', kind: 'visit' }], today: '2027-01-01', policy: DEFAULT_POLICY, fmt }).due).toBe(false);
  });
});

describe('spinal segments', () => {
  it('reads what therapists type', () => {
    expect(normalizeSegment('lumbar', 'l4-5')).toBe('L4–L5');
    expect(normalizeSegment('lumbar', 'L4/L5')).toBe('L4–L5');
    expect(normalizeSegment('lumbar', 'L5 S1')).toBe('L5–S1');
    expect(normalizeSegment('thoracic', 't6')).toBe('T6–T7');
    expect(normalizeSegment('thoracic', 'T12-L1')).toBe('T12–L1');
    expect(normalizeSegment('lumbar', 'T6-T7')).toBeNull();
    expect(normalizeSegment('hip', 'L4')).toBeNull();
    expect(normalizeSegment('lumbar', 'L4-L6')).toBeNull();
  });
});
