/** Timings of one operation: milliseconds at the 50th and 95th percentile over `runs` runs. */
export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  /**
   * Processor time of the whole process per run (p50), in milliseconds. On a busy machine the
   * wall-clock figures include waiting for a processor; this one does not.
   */
  cpuP50: number;
}

/** The value below which `p` of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Runs `work` `warmup` times untimed, then `runs` times timed (each run timed on its own). */
export async function measure(work: (run: number) => Promise<unknown> | unknown, runs: number, warmup = Math.min(5, runs)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(-1 - i);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { runs, p50: percentile(times, 0.5), p95: percentile(times, 0.95), cpuP50: percentile(cpu, 0.5) };
}
