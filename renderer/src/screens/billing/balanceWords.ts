import type { Balance } from '../../../../shared/billing/ledger-schemas';

/** The account in a few words: "Owes $90.00", "Credit $20.00", "Paid up" — with package visits left. */
export function balanceWords(b: Balance, money: (cents: number) => string): { text: string; tone: 'owes' | 'credit' | 'even' } {
  const visits = b.packageVisitsLeft > 0 ? ` · ${b.packageVisitsLeft} package visit${b.packageVisitsLeft === 1 ? '' : 's'} left` : '';
  if (b.owingCents > 0 && b.creditCents > 0) return { text: `Owes ${money(b.owingCents)}, credit ${money(b.creditCents)}${visits}`, tone: 'owes' };
  if (b.owingCents > 0) return { text: `Owes ${money(b.owingCents)}${visits}`, tone: 'owes' };
  if (b.creditCents > 0) return { text: `Credit ${money(b.creditCents)}${visits}`, tone: 'credit' };
  return { text: `Paid up${visits}`, tone: 'even' };
}
