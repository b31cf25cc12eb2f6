import { describe, expect, it } from 'vitest';
import { checkPlausibility } from '../../../shared/running/plausibility';
import { perSecondSeries } from '../../../shared/running/run-walk-series';
import { segmentRunWalk, type DistanceSource } from '../../../shared/running/run-walk-segmentation';
import { detectionText } from '../../../shared/running/import-messages';
import { fitTwoModes } from '../../../shared/running/two-modes';
import { mulberry32, gaussian, runWalkPhases, syntheticTrack } from './synthetic';

describe('fitTwoModes', () => {
  it('finds a walk and a slow jog that a fixed 7.9 km/h line would call both walking', () => {
    const rng = mulberry32(3);
    const values = [...Array.from({ length: 600 }, () => 5 / 3.6 + 0.08 * gaussian(rng)), ...Array.from({ length: 400 }, () => 7.6 / 3.6 + 0.08 * gaussian(rng))];
    const m = fitTwoModes(values)!;
    expect(m.low).toBeCloseTo(5 / 3.6, 1);
    expect(m.high).toBeCloseTo(7.6 / 3.6, 1);
    expect(m.weightLow).toBeCloseTo(0.6, 1);
    expect(m.split).toBeGreaterThan(m.low);
    expect(m.split).toBeLessThan(m.high);
    expect(m.separation).toBeGreaterThan(5);
  });

  it('a dozen seconds of GPS glitch (a jump read as 14 km/h) do not widen the running level', () => {
    const rng = mulberry32(5);
    const values = [
      ...Array.from({ length: 700 }, () => 1.4 + 0.12 * gaussian(rng)),
      ...Array.from({ length: 1100 }, () => 2.1 + 0.15 * gaussian(rng)),
      ...Array.from({ length: 12 }, () => 3.9 + 0.1 * gaussian(rng)),
    ];
    const m = fitTwoModes(values)!;
    expect(m.high).toBeCloseTo(2.1, 1);
    expect(m.sdHigh).toBeLessThan(0.2);
  });

  it('one pace: the two "modes" are not separated', () => {
    const rng = mulberry32(4);
    const m = fitTwoModes(Array.from({ length: 1000 }, () => 3 + 0.15 * gaussian(rng)));
    expect(m === null || m.separation < 2).toBe(true);
  });
});

describe('the method that decided', () => {
  const slowJog = runWalkPhases(6, { seconds: 180, speed: 7.6 / 3.6 }, { seconds: 120, speed: 5 / 3.6 });

  it('a slow jogger: found by the session\'s own two paces, where the fixed line sees one long walk', () => {
    const samples = syntheticTrack(slowJog, { seed: 5, gpsSdM: 1 }).map(({ t, distance }) => ({ t, distance }));
    const seg = segmentRunWalk(samples);
    expect(seg.detection?.method).toBe('speed-modes');
    expect(seg.description).toBe('6 × (3:00 run / 2:00 walk)');
    expect(detectionText(seg.detection!, { distanceUnit: 'km', locale: 'en-US', timeZone: 'UTC' })).toMatch(/^Run and walk told apart by this session's own two paces \(5\.\d km\/h and 7\.\d km\/h\)\.$/);
    expect(detectionText(seg.detection!, { distanceUnit: 'mi', locale: 'en-US', timeZone: 'UTC' })).toMatch(/\(3\.\d mph and 4\.\d mph\)/);
  });

  it('with cadence: the step rates decide (running ~165 a minute, walking ~115), even at the same speed', () => {
    // Jogging and walking both at 1.8 m/s: speed cannot tell them apart, steps can.
    const samples = runWalkPhases(5, { seconds: 90, speed: 1.8 }, { seconds: 90, speed: 1.8 }).flatMap((p, k) =>
      Array.from({ length: p.seconds }, (_, i) => ({ t: k * 90 + i, speed: 1.8, cadence: p.kind === 'run' ? 166 : 114 })),
    );
    const seg = segmentRunWalk(samples);
    expect(seg.detection?.method).toBe('cadence-modes');
    expect(seg.summary.repeats).toBe(5);
    expect(detectionText(seg.detection!, { distanceUnit: 'km', locale: 'en-US', timeZone: 'UTC' })).toMatch(/^Run and walk told apart by this session's own two step rates \(11\d and 16\d steps a minute\)\.$/);
  });

  it('one pace throughout: the fixed line decides, and says so', () => {
    const seg = segmentRunWalk(syntheticTrack([{ kind: 'run', seconds: 1200, speed: 3 }], { seed: 1 }));
    expect(seg.detection?.method).toBe('speed-threshold');
    expect(detectionText(seg.detection!, { distanceUnit: 'km', locale: 'en-US', timeZone: 'UTC' })).toBe("One pace throughout: told apart by the clinic's fixed speed (running from 7.9 km/h).");
  });
});

describe('what counts as an interval', () => {
  /** Watch speed a second (independent noise of 0.1 m/s) for `phases` of [seconds, m/s]. */
  function watch(phases: Array<[number, number]>, seed: number) {
    const rng = mulberry32(seed);
    const samples: Array<{ t: number; speed: number }> = [];
    for (const [seconds, speed] of phases) for (let i = 0; i < seconds; i++) samples.push({ t: samples.length, speed: speed === 0 ? 0 : Math.max(0, speed + 0.1 * gaussian(rng)) });
    return samples;
  }
  const kinds = (phases: Array<[number, number]>, seed: number, source: DistanceSource = 'device') =>
    segmentRunWalk(watch(phases, seed), {}, {}, source)
      .intervals.map((i) => i.kind)
      .join(' ');

  it('a 15 s stop at a light inside a slow jog is a walk; 12 s a third of the way down to walking pace is not', () => {
    const phases: Array<[number, number]> = [
      [180, 2.1],
      [12, 1.85],
      [180, 2.1],
      [15, 0],
      [180, 2.1],
      [120, 1.4],
      [180, 2.1],
    ];
    for (let seed = 1; seed <= 5; seed++) expect(kinds(phases, seed)).toBe('run walk run walk run');
  });

  it('a 20 s run between a walk and a stop at a light is a run', () => {
    const phases: Array<[number, number]> = [
      [180, 2.1],
      [120, 1.4],
      [20, 2.1],
      [25, 0],
      [180, 2.1],
    ];
    for (let seed = 1; seed <= 5; seed++) expect(kinds(phases, seed)).toBe('run walk run walk run');
  });

  it('at the very start, 14 s at walking pace: a walk by the device’s own records, the start-up of the run from smoothed GPS; 16 s of running before a stop are a run either way', () => {
    const startUp: Array<[number, number]> = [
      [14, 1.4],
      [200, 2.1],
      [120, 1.4],
      [200, 2.1],
    ];
    // A device's records change sharply where the person did: 14 s of walking were walked.
    expect(kinds(startUp, 1, 'device')).toBe('walk run walk run');
    // Speed smoothed from GPS positions rests on fixes from one side only at the edges.
    expect(kinds(startUp, 1, 'gps-positions')).toBe('run walk run');
    for (const source of ['device', 'gps-positions'] as const) {
      expect(
        kinds(
          [
            [16, 2.1],
            [30, 0],
            [200, 2.1],
            [120, 1.4],
            [200, 2.1],
          ],
          1,
          source,
        ),
      ).toBe('run walk run walk run');
    }
  });
});

describe('checkPlausibility', () => {
  const series = (speed: number, seconds: number) => perSecondSeries(Array.from({ length: seconds + 1 }, (_, t) => ({ t, distance: t * speed })), 10);

  it('a car trip (median 28 km/h) is not on foot; neither is a run with 5 minutes at 40 km/h', () => {
    expect(checkPlausibility({ sport: 'running', distanceMeters: 14_000, durationSeconds: 1800 }, series(28 / 3.6, 1800)).verdict).toBe('not-on-foot');
    const mixed = perSecondSeries(
      Array.from({ length: 2401 }, (_, t) => ({ t, distance: t <= 2100 ? t * 2.5 : 2100 * 2.5 + (t - 2100) * 11 })),
      10,
    );
    const p = checkPlausibility({ sport: 'running', distanceMeters: 8550, durationSeconds: 2400 }, mixed);
    expect(p).toMatchObject({ verdict: 'not-on-foot' });
    expect(p.fastStretchSeconds).toBeGreaterThan(250);
  });

  it('a sprint finish (30 s at 25 km/h) is a run', () => {
    const s = perSecondSeries(Array.from({ length: 1801 }, (_, t) => ({ t, distance: t <= 1770 ? t * 3 : 1770 * 3 + (t - 1770) * 7 })), 10);
    expect(checkPlausibility({ sport: 'running', distanceMeters: 5520, durationSeconds: 1800 }, s).verdict).toBe('ok');
  });

  it('short (under 3 minutes or 200 m) or slow (a "run" under 3 km/h) asks for confirmation; a slow walk does not', () => {
    expect(checkPlausibility({ sport: 'running', distanceMeters: 158, durationSeconds: 57 }, series(2.8, 57))).toMatchObject({ verdict: 'confirm', concerns: ['short'] });
    expect(checkPlausibility({ sport: 'running', distanceMeters: 1000, durationSeconds: 1800 }, series(0.55, 1800))).toMatchObject({ verdict: 'confirm', concerns: ['slow'] });
    expect(checkPlausibility({ sport: 'walking', distanceMeters: 1000, durationSeconds: 1800 }, series(0.55, 1800)).verdict).toBe('ok');
    expect(checkPlausibility({ sport: 'running', distanceMeters: 5000, durationSeconds: 1800 }, series(2.8, 1800)).verdict).toBe('ok');
  });
});
