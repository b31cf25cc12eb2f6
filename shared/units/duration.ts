/** "45:07" under an hour, "1:05:03" from an hour: how running watches show elapsed time. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * Patient-facing words for an interval: "15 seconds", "1 minute", "1 minute 45 seconds", "30 minutes".
 * Handouts are written at about a 6th-grade reading level, so no "1′45″".
 */
export function describeSeconds(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const m = Math.floor(total / 60);
  const s = total % 60;
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (m === 0) return part(s, 'second');
  if (s === 0) return part(m, 'minute');
  return `${part(m, 'minute')} ${part(s, 'second')}`;
}
