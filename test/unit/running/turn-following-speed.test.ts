import { describe, expect, it } from 'vitest';
import { turnFollowingSpeed } from '../../../shared/running/turn-following-speed';

/**
 * An out-and-back jog round a block: east, a right-angle corner north, then back, at a steady pace
 * with a fix every 1–3 s (a deterministic pattern) and position noise of a few metres.
 */
function block(fixes: number) {
  const xs = new Float64Array(fixes);
  const ys = new Float64Array(fixes);
  const ts = new Float64Array(fixes);
  let t = 0;
  for (let i = 0; i < fixes; i++) {
    t += 1 + (i % 3);
    const d = (t * 2.4) % 400; // 2.4 m/s round a 400 m loop of four 100 m sides
    const side = Math.floor(d / 100);
    const along = d % 100;
    const [x, y] = side === 0 ? [along, 0] : side === 1 ? [100, along] : side === 2 ? [100 - along, 100] : [0, 100 - along];
    const noise = Math.sin(i * 12.9898) * 3;
    xs[i] = x + noise;
    ys[i] = y - noise;
    ts[i] = t;
  }
  const used = new Uint8Array(fixes).fill(1);
  // The position smoother's velocity stands in as the way of travel: forward differences here.
  const hx = new Float64Array(fixes);
  const hy = new Float64Array(fixes);
  for (let i = 1; i < fixes; i++) {
    hx[i] = (xs[i]! - xs[i - 1]!) / (ts[i]! - ts[i - 1]!);
    hy[i] = (ys[i]! - ys[i - 1]!) / (ts[i]! - ts[i - 1]!);
  }
  return { xs, ys, ts, used, hx, hy };
}

/** Counts every element the pass reads from its inputs (a typed array behind a counting proxy). */
function counted<T extends Float64Array | Uint8Array>(a: T, tally: { reads: number }): T {
  return new Proxy(a, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) tally.reads++;
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(target) : v;
    },
  });
}

function readsFor(fixes: number): { reads: number; speeds: Float64Array } {
  const tally = { reads: 0 };
  const b = block(fixes);
  const speeds = turnFollowingSpeed(counted(b.xs, tally), counted(b.ys, tally), counted(b.ts, tally), counted(b.used, tally), counted(b.hx, tally), counted(b.hy, tally), 9);
  return { reads: tally.reads, speeds };
}

describe('the turn-following speed', () => {
  it('reads its inputs a fixed number of times per fix: twice the fixes, twice the reads (counted, not timed)', () => {
    const one = readsFor(3_600);
    const two = readsFor(7_200);
    expect(one.speeds).toHaveLength(3_600);
    expect(two.speeds).toHaveLength(7_200);
    const ratio = two.reads / one.reads;
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
    expect(one.reads / 3_600).toBeLessThan(40);
  });

});
