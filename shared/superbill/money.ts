/** "$1,234.50", "−$12.00": cents printed at the edge (documents and CSV), never stored as text. */
export function printedMoney(cents: number): string {
  const sign = cents < 0 ? '−' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1234.50" / "-12.00": for a spreadsheet (a number it can add up). */
export function csvMoney(cents: number): string {
  const abs = Math.abs(Math.round(cents));
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
