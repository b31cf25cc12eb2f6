import type { Translator } from '../../i18n/translate';
import type { Dosage } from './types';

/**
 * A dose in the patient's words, e.g. "2 sets of 10 repetitions on each side · once a day, 4 days a
 * week". Every word comes through the translator, so a missing phrase is reported, not guessed.
 */
export function dosageText(d: Dosage, t: Translator): string {
  const seconds = (n: number) => t.count('dosage.seconds', n);
  let amount: string;
  if (d.kind === 'reps') {
    const parts = { sets: t.count('dosage.sets', d.sets), reps: t.count('dosage.repetitions', d.reps) };
    amount = d.holdSeconds ? t.text('dosage.amount.reps-hold', { ...parts, seconds: seconds(d.holdSeconds) }) : t.text('dosage.amount.reps', parts);
  } else if (d.kind === 'hold') {
    amount = t.text('dosage.amount.hold', { seconds: seconds(d.seconds), times: t.count('dosage.times', d.holds) });
  } else {
    amount = t.text('dosage.amount.time', { sets: t.count('dosage.sets', d.sets), seconds: seconds(d.seconds) });
  }
  if (d.perSide) amount = t.text('dosage.per-side', { amount });
  const days = d.daysPerWeek === 7 ? t.text('dosage.every-day') : t.count('dosage.days-per-week', d.daysPerWeek);
  const frequency = t.text('dosage.frequency', { perDay: t.count('dosage.per-day', d.timesPerDay), days });
  return t.text('dosage.full', { amount, frequency });
}
