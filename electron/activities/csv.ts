/**
 * RFC 4180 CSV, enough for Strava's activities.csv: comma-separated, fields in double quotes may
 * hold commas, doubled quotes and line breaks (Strava's descriptions do). No library in the
 * project reads CSV, and this grammar is small enough to state here in full.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Rows as objects keyed by header; a header that appears twice keeps its first column (Strava repeats some). */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return [];
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.trim();
    if (!index.has(key)) index.set(key, i);
  });
  return rows.map((r) => {
    const rec: Record<string, string> = {};
    for (const [key, i] of index) rec[key] = r[i] ?? '';
    return rec;
  });
}
