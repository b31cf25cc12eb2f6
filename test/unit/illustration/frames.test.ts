import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEEDED_EXERCISES } from '../../../shared/clinical/library';
import { EXERCISE_FRAMES, JOINT_LIMITS, POINT_NAMES, renderKeyFrames, renderPose, type Drawing, type LimbAngles, type Pose } from '../../../shared/illustration';

/** Every coordinate a drawing paints, widened by half its stroke: what must stay inside the box. */
function outOfBox(d: Drawing): string[] {
  const bad: string[] = [];
  for (const m of d.marks) {
    const pad = m.width / 2;
    const pts: [number, number][] = [];
    if (m.kind === 'circle') pts.push([m.cx - m.r, m.cy - m.r], [m.cx + m.r, m.cy + m.r]);
    else {
      const nums = (m.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      for (let i = 0; i + 1 < nums.length; i += 2) pts.push([nums[i]!, nums[i + 1]!]);
    }
    for (const [x, y] of pts) if (x - pad < 0 || y - pad < 0 || x + pad > d.width || y + pad > d.height || !Number.isFinite(x + y)) bad.push(`${m.tone} at ${x},${y}`);
  }
  return bad;
}

describe('the seeded exercises’ illustrations', () => {
  it('gives every seeded exercise a start and an end frame, and no frames to exercises that are not there', () => {
    expect(Object.keys(EXERCISE_FRAMES).sort()).toEqual(SEEDED_EXERCISES.map((e) => e.id).sort());
  });

  it.each(SEEDED_EXERCISES.map((e) => [e.id]))('%s renders both frames inside the box, moving, with an arrow', (id) => {
    const { start, end } = renderKeyFrames(EXERCISE_FRAMES[id]!);
    for (const d of [start, end]) {
      expect(outOfBox(d)).toEqual([]);
      expect(d.marks.filter((m) => m.tone === 'ink').length).toBeGreaterThanOrEqual(4);
    }
    expect(JSON.stringify(end.marks.filter((m) => m.tone === 'ink'))).not.toBe(JSON.stringify(start.marks.filter((m) => m.tone === 'ink')));
    expect(end.marks.filter((m) => m.tone === 'arrow').length).toBe(2);
    expect(start.marks.some((m) => m.tone === 'arrow')).toBe(false);
  });
});

const angle = ([lo, hi]: readonly [number, number]) => fc.double({ min: lo, max: hi, noNaN: true });
const limb: fc.Arbitrary<LimbAngles> = fc.record({
  hip: angle(JOINT_LIMITS.hip),
  knee: angle(JOINT_LIMITS.knee),
  ankle: angle(JOINT_LIMITS.ankle),
  shoulder: angle(JOINT_LIMITS.shoulder),
  elbow: angle(JOINT_LIMITS.elbow),
  thighScale: angle(JOINT_LIMITS.scale),
  shinScale: angle(JOINT_LIMITS.scale),
  armScale: angle(JOINT_LIMITS.scale),
});
const pose: fc.Arbitrary<Pose> = fc.record({ trunk: fc.double({ min: 0, max: 360, noNaN: true }), spine: angle(JOINT_LIMITS.spine), neck: angle(JOINT_LIMITS.neck), near: limb, far: limb });

describe('the pose model (property)', () => {
  it('draws any pose within the joint limits inside its box', () => {
    fc.assert(fc.property(pose, (p) => outOfBox(renderPose(p)).length === 0), { numRuns: 300 });
  });

  it('draws any pair of poses, whatever stays planted, stands on a step or moves, inside the box', () => {
    const pair = fc.record({
      start: pose,
      end: pose,
      point: fc.constantFrom(...POINT_NAMES),
      stay: fc.constantFrom(...POINT_NAMES),
      bow: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
      travel: fc.double({ min: 0, max: 0.5, noNaN: true }),
      foot: fc.constantFrom('nearToe', 'farToe', 'nearAnkle', 'farAnkle' as const),
      step: fc.boolean(),
      view: fc.constantFrom('side', 'front', 'above' as const),
    });
    fc.assert(
      fc.property(pair, (k) => {
        const frames = renderKeyFrames({
          start: k.start,
          end: k.end,
          arrow: { point: k.point, bow: k.bow, travel: k.travel },
          stay: k.stay,
          view: k.view,
          ...(k.step ? { ground: { point: k.foot, height: 0.15 }, props: [{ kind: 'step' as const, under: k.foot, reach: 'back' as const }] } : {}),
        });
        return outOfBox(frames.start).length === 0 && outOfBox(frames.end).length === 0;
      }),
      { numRuns: 300 },
    );
  });
});
