import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from '../../../shared/format/money';
import { balanceWords } from '../../../renderer/src/screens/billing/balanceWords';

describe('money at the edge', () => {
  it('reads what staff type into integer cents, without floating point', () => {
    expect(parseMoney('85')).toBe(8_500);
    expect(parseMoney(' 85.5 ')).toBe(8_550);
    expect(parseMoney('$1,085.07')).toBe(108_507);
    expect(parseMoney('0.29')).toBe(29); // 0.29 * 100 is 28.999… in floating point
    for (const bad of ['', 'abc', '85.555', '-5', '1,00', '1.2.3']) expect(parseMoney(bad), bad).toBeNull();
  });

  it('writes cents in the clinic’s locale and currency', () => {
    expect(formatMoney(123_450, 'en-US')).toBe('$1,234.50');
    expect(formatMoney(-3_000, 'en-US')).toBe('-$30.00');
    expect(formatMoney(9_900, 'en-GB', 'GBP')).toBe('£99.00');
  });

  it('says the account in a few words', () => {
    const m = (c: number) => formatMoney(c, 'en-US');
    const b = { currency: 'USD', owingCents: 0, creditCents: 0, balanceCents: 0, packageVisitsLeft: 0 };
    expect(balanceWords(b, m)).toEqual({ text: 'Paid up', tone: 'even' });
    expect(balanceWords({ ...b, owingCents: 9_000, balanceCents: 9_000, packageVisitsLeft: 1 }, m)).toEqual({ text: 'Owes $90.00 · 1 package visit left', tone: 'owes' });
    expect(balanceWords({ ...b, creditCents: 2_000, balanceCents: -2_000, packageVisitsLeft: 5 }, m)).toEqual({ text: 'Credit $20.00 · 5 package visits left', tone: 'credit' });
  });
});
