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

/** The numbers of a path, as [x, y] pairs (every command the renderer writes is M, L, Q or Z). */
function pathPoints(d: string): [number, number][] {
  const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const pts: [number, number][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) pts.push([nums[i]!, nums[i + 1]!]);
  return pts;
}

/** Every point of the figure itself (near and far limbs, trunk, head), in box units. */
function figurePoints(d: Drawing): [number, number][] {
  return d.marks.flatMap((m): [number, number][] => {
    if (m.tone !== 'ink' && m.tone !== 'far') return [];
    return m.kind === 'circle' ? [[m.cx - m.r, m.cy - m.r], [m.cx + m.r, m.cy + m.r]] : pathPoints(m.d);
  });
}

/** The floor a figure rests on: a level line across the box (not a mat seen from above). */
function floorY(d: Drawing): number | null {
  const floors = d.marks.filter((m) => m.tone === 'floor' && m.kind === 'path');
  if (floors.length !== 1 || floors[0]!.kind !== 'path') return null;
  const pts = pathPoints(floors[0]!.d);
  const ys = new Set(pts.map(([, y]) => y));
  const xs = pts.map(([x]) => x);
  return ys.size === 1 && Math.max(...xs) - Math.min(...xs) > d.width / 2 ? pts[0]![1] : null;
}

/** The trunk's line (pelvis, back, shoulders): the widest ink stroke. */
function trunkPoints(d: Drawing): [number, number][] {
  const widest = Math.max(...d.marks.filter((m) => m.tone === 'ink' && m.kind === 'path').map((m) => m.width));
  return d.marks.flatMap((m) => (m.kind === 'path' && m.tone === 'ink' && m.width === widest ? pathPoints(m.d) : []));
}

const LYING_OR_SEATED = new Set(['supine', 'prone', 'side-lying', 'seated']);

describe('the seeded exercises’ illustrations read at a glance', () => {
  it.each(SEEDED_EXERCISES.map((e) => [e.id]))('%s: the figure fills its box and stands, sits or lies on a floor line', (id) => {
    const frames = Object.values(renderKeyFrames(EXERCISE_FRAMES[id]!));
    // The two frames share one scale: together a lying figure fills the width, a standing one the height.
    const all = frames.flatMap(figurePoints);
    const w = Math.max(...all.map(([x]) => x)) - Math.min(...all.map(([x]) => x));
    const h = Math.max(...all.map(([, y]) => y)) - Math.min(...all.map(([, y]) => y));
    expect(Math.max(w / frames[0]!.width, h / frames[0]!.height)).toBeGreaterThanOrEqual(0.65);
    for (const d of frames) {
      const pts = figurePoints(d);
      const floor = floorY(d);
      expect(floor).not.toBeNull();
      // Nothing sinks through the floor (a stroke's round end may touch it).
      expect(Math.max(...pts.map(([, y]) => y))).toBeLessThanOrEqual(floor! + 0.5);
    }
  });

  it.each(SEEDED_EXERCISES.filter((e) => LYING_OR_SEATED.has(e.posture)).map((e) => [e.id, e.posture]))('%s (%s) starts with the body resting on the floor line', (id) => {
    const { start } = renderKeyFrames(EXERCISE_FRAMES[id]!);
    const lowestOfTrunk = Math.max(...trunkPoints(start).map(([, y]) => y));
    expect(floorY(start)! - lowestOfTrunk).toBeLessThanOrEqual(0.1 * start.height);
  });

  // Drills that cover ground (travel) point ahead of the figure on purpose.
  it.each(SEEDED_EXERCISES.filter((e) => !EXERCISE_FRAMES[e.id]!.arrow.travel).map((e) => [e.id]))('%s: the arrow ends on the part that moved', (id) => {
    const { end } = renderKeyFrames(EXERCISE_FRAMES[id]!);
    const head = end.marks.filter((m) => m.tone === 'arrow')[1]!;
    const [, tip] = head.kind === 'path' ? pathPoints(head.d) : [];
    const moved = figurePoints(end);
    const nearest = Math.min(...moved.map(([x, y]) => Math.hypot(x - tip![0], y - tip![1])));
    expect(nearest).toBeLessThanOrEqual(0.15 * end.width);
  });

  it('shows the 90/90 hip switch with the legs folded to one side, then the other', () => {
    const { start, end } = renderKeyFrames(EXERCISE_FRAMES['hip-90-90-switch']!);
    // Which side of the pelvis the legs lie on: the mean x of the leg strokes less the pelvis's.
    const side = (d: Drawing) => {
      const [pelvis] = trunkPoints(d);
      const legs = d.marks.filter((m) => m.kind === 'path' && (m.tone === 'ink' || m.tone === 'far') && m.d.startsWith(`M${pelvis![0]} ${pelvis![1]} L`));
      const xs = legs.flatMap((m) => (m.kind === 'path' ? pathPoints(m.d).slice(1).map(([x]) => x) : []));
      return xs.reduce((a, b) => a + b, 0) / xs.length - pelvis![0];
    };
    expect(Math.sign(side(start))).toBe(-Math.sign(side(end)));
    expect(Math.abs(side(start))).toBeGreaterThan(10);
  });
});

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
