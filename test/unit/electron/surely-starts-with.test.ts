import { describe, expect, it } from 'vitest';
import { surelyStartsWith } from '../../../electron/api/handlers/patient-search';

/** The rule as it reads: the name trimmed, decomposed, without its marks, in lower case, starts with the word. */
const plainly = (lastName: string, word: string) => lastName.trim().normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().startsWith(word);

describe('surelyStartsWith', () => {
  it('answers as the folding rule does for plain, accented, spaced, short and unusual names', () => {
    const names = ['Garcia', 'García', '  garza', 'Đặng', 'Nguyễn', 'O’Brien', "O'Neil", 'Ga', 'G', '', ' ', 'Ｇａｒｃｉａ', 'ﬁnch', 'Gaı', 'GA RCIA', 'Ga\u0301rcia', 'Gar\u0301cia', 'Zoë', 'İnce', 'Øster', 'Ångström', 'Ma ', 'Ma\u0301 '];
    const words = ['g', 'ga', 'gar', 'garc', 'garcia', 'dang', 'nguyen', 'o', 'fi', 'ince', 'i', 'zoe', 'oster', 'angstrom', 'ma', 'ma1', 'a'];
    for (const name of names) for (const word of words) expect(surelyStartsWith(name, word), `${JSON.stringify(name)} / ${word}`).toBe(plainly(name, word));
  });
});
