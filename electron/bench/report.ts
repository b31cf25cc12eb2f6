import type { BenchResult } from './run-bench';

const ms = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));

/** The bench's result as a table for people (the JSON form is the result itself). */
export function formatBench(result: BenchResult): string {
  const { machine: m, data: d } = result;
  const header = ['operation', 'runs', 'p50 ms', 'p95 ms', 'cpu p50', 'raw p50', 'raw p95', '× raw', 'goal'];
  const rows = result.operations.map((o) => [
    o.detail ? `${o.name} (${o.detail})` : o.name,
    String(o.runs),
    ms(o.p50),
    ms(o.p95),
    ms(o.cpuP50),
    ms(o.raw?.p50),
    ms(o.raw?.p95),
    o.ratio === null ? '—' : `${o.ratio.toFixed(1)}×`,
    o.goal === null ? '' : `${o.goal}: ${o.met ? 'met' : 'MISSED'}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const notes = result.operations.filter((o) => o.rawNote).map((o) => `  raw for "${o.name}": ${o.rawNote}`);
  return [
    `Runback bench, ${result.startedAt}`,
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}, SQLite ${m.sqlite}; load average ${m.loadAverage} at the start`,
    `Data: ${d.patients.toLocaleString('en-US')} patients, ${d.appointments.toLocaleString('en-US')} appointments, ${d.runs.toLocaleString('en-US')} runs, ${d.notes.toLocaleString('en-US')} visit notes (${d.databaseMb} MB); the chart opened has ${d.chartNotes} notes, on a copy; FIT: ${d.fitFile}; Strava export: ${d.stravaActivities.toLocaleString('en-US')} runs; response checks: ${result.responseChecks}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    'Through the dispatcher as the app calls it (in-process); cpu = processor time of the process per run;',
    'raw = the same SQL statements on raw SQLite; × raw = p50 ÷ raw p50.',
    ...notes,
  ].join('\n');
}
