/**
 * Letters that Unicode does not decompose into a base letter and an accent, so stripping accents
 * leaves them as they are: a front desk typing "dang" on an English keyboard must find Đặng. The
 * patients' search index (migration 0015) folds the same letters.
 */
export const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ł: 'l',
  ħ: 'h',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(LETTERS_WITHOUT_DECOMPOSITION).join('')}]`, 'gu');

/** Lower-case and strip accents, so "José" and "jose", "Đặng" and "dang" compare equal (search keys, sorting). */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSED, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter]!)
    .trim();
}

export function digitsOnly(text: string): string {
  return text.replace(/\D+/g, '');
}
