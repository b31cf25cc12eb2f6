/** Lower-case and strip accents, so "José" and "jose" compare equal (search keys, sorting). */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().trim();
}

export function digitsOnly(text: string): string {
  return text.replace(/\D+/g, '');
}
