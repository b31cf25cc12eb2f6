import { outline, SEGMENTS, skeleton, type Point, type PointName, type Pose, type Skeleton } from './pose';

/** Something the figure uses, drawn in the prop tone. */
export type Prop =
  /** A step under a foot; it reaches back (behind the heel) or forward (under the toes) from the point. */
  | { kind: 'step'; under: PointName; reach: 'back' | 'forward' }
  /** A couch seat or box behind a knee, its front edge at the point. */
  | { kind: 'block'; behind: PointName; height: number }
  /** A stick along the back, touching head, upper back and tailbone. */
  | { kind: 'dowel' }
  /** A resistance band from the hands to an anchor at the picture's left edge. */
  | { kind: 'band' }
  /** A bag or weight held in the near hand. */
  | { kind: 'weight' };

/**
 * An exercise's two key frames and what moves between them. The arrow (drawn on the end frame) follows
 * one joint from where it starts to where it ends; `travel` moves the end forward for drills that cover
 * ground; `bow` curves it (+ bows to the left of the direction of travel).
 */
export interface KeyFrames {
  start: Pose;
  end: Pose;
  arrow: { point: PointName; bow: number; travel?: number };
  /** What the figure rests on: by default its lowest point on the floor; or this point on a step this high. */
  ground?: { point: PointName; height: number };
  /** The point that stays in place on the floor between the frames (a planted foot); the pelvis by default. */
  stay?: PointName;
  /**
   * 'side' (the default) shows the figure side-on on a floor line, its nose showing which way it faces;
   * 'front' shows a side-lying figure from the front (no nose: the face looks at the reader);
   * 'above' looks down on a mat (side-lying rotations).
   */
  view?: 'side' | 'front' | 'above';
  props?: Prop[];
}

export type Tone = 'ink' | 'far' | 'floor' | 'prop' | 'arrow';
export type Mark =
  | { kind: 'path'; d: string; tone: Tone; width: number; fill: boolean }
  | { kind: 'circle'; cx: number; cy: number; r: number; tone: Tone; width: number; fill: boolean };

/** One frame, in SVG user units (y down), for an on-screen <svg> and react-pdf's <Svg> alike. */
export interface Drawing {
  width: number;
  height: number;
  marks: Mark[];
}

/** Colours for the tones: dark figure, lighter far limbs, an orange arrow that survives greyscale printing. */
export const TONE_COLOURS: Record<Tone, string> = { ink: '#1f2937', far: '#9ca3af', floor: '#6b7280', prop: '#a16207', arrow: '#c2410c' };

export const BOX = { width: 200, height: 160, floor: 150, scale: 190, margin: 6 } as const;
const WIDTH = { trunk: 6, limb: 4.5, far: 4, floor: 1.5, prop: 2.5, arrow: 2.5 } as const;

const STEP_DEPTH = 0.35;
/** How far the nose reaches out of the head, in head radii. */
const NOSE_TIP = 1.45;

/** A point on the line from the head's centre through its front (the face), f head radii out. */
function nose(s: Skeleton, f: number): Point {
  const hd = Math.atan2(s.head.y - s.shoulder.y, s.head.x - s.shoulder.x) - Math.PI / 2;
  const r = SEGMENTS.headRadius;
  return { x: s.head.x + f * r * Math.cos(hd), y: s.head.y + f * r * Math.sin(hd) };
}
const r1 = (n: number) => Math.round(n * 10) / 10;

interface Placed {
  s: Skeleton;
  dx: number;
  dy: number;
}

function place(pose: Pose, k: KeyFrames): Placed {
  const s = skeleton(pose);
  // The nose counts: a face-down head rests on the floor, it does not poke through it.
  const lowest = Math.min(...[...outline(s), ...(k.view === 'front' ? [] : [nose(s, NOSE_TIP)])].map((p) => p.y));
  const ground = k.ground;
  // Nothing goes through the floor: a figure on a step is lifted further if a hanging foot would.
  const dy = ground ? Math.max(ground.height - s[ground.point].y, -lowest) : -lowest;
  return { s, dx: -s[k.stay ?? 'pelvis'].x, dy };
}

function propExtent(prop: Prop, p: Placed): Point[] {
  if (prop.kind === 'step') {
    const at = p.s[prop.under];
    const x2 = prop.reach === 'back' ? at.x - STEP_DEPTH : at.x + STEP_DEPTH;
    return [{ x: at.x, y: 0 }, { x: x2, y: 0 }];
  }
  if (prop.kind === 'block') {
    const at = p.s[prop.behind];
    // Just behind the knee, so the shin rests against its front.
    return [{ x: at.x - 0.03 - STEP_DEPTH, y: 0 }, { x: at.x - 0.03, y: prop.height }];
  }
  return [];
}

/** Both frames of an exercise, placed on one floor with one horizontal origin so they line up. */
export function renderKeyFrames(k: KeyFrames): { start: Drawing; end: Drawing } {
  const a = place(k.start, k);
  const b = place(k.end, k);
  // The nose sticks out of the head: it counts for the fit as for the grounding.
  const noses = (p: Placed) => (k.view === 'front' ? [] : [nose(p.s, NOSE_TIP)]);
  // Props stand on the floor: only the figure's horizontal shift applies to them (as where they are drawn).
  const pts = [a, b].flatMap((p) => [
    ...[...outline(p.s), ...noses(p)].map((q) => ({ x: q.x + p.dx, y: q.y + p.dy })),
    ...(k.props ?? []).flatMap((pr) => propExtent(pr, p)).map((q) => ({ x: q.x + p.dx, y: q.y })),
  ]);
  const xs = pts.map((q) => q.x);
  const ys = pts.map((q) => q.y);
  // One scale for every exercise, so figures compare; shrunk only if a pair of frames would not fit the box.
  const room = k.view === 'above' ? BOX.height - 2 * BOX.margin - 24 : BOX.floor - BOX.margin - 6;
  const scale = Math.min(BOX.scale, (BOX.width - 2 * BOX.margin - 24) / (Math.max(...xs) - Math.min(...xs)), room / (Math.max(...ys) - (k.view === 'above' ? Math.min(...ys) : 0)));
  const ox = BOX.width / 2 - (scale * (Math.min(...xs) + Math.max(...xs))) / 2;
  // Seen from above there is no floor: the figures sit in the middle of the box, on a mat.
  const oy = k.view === 'above' ? BOX.height / 2 + (scale * (Math.min(...ys) + Math.max(...ys))) / 2 : BOX.floor;
  const toBox = (q: Point, p: { dx: number; dy: number }): Point => ({ x: ox + scale * (q.x + p.dx), y: oy - scale * (q.y + p.dy) });
  const mat = k.view === 'above' ? { x1: ox + scale * Math.min(...xs) - 10, x2: ox + scale * Math.max(...xs) + 10, y1: oy - scale * Math.max(...ys) - 10, y2: oy - scale * Math.min(...ys) + 10 } : null;
  const ctx = { toBox, mat, scale };
  const start = frame(a, k, ctx, null);
  const from = toBox(a.s[k.arrow.point], a);
  const end = frame(b, k, ctx, { from, anchor: toBox(a.s.nearHand, a) });
  return { start, end };
}

/** One pose in its own box (for the property test and a single-pose preview). */
export function renderPose(pose: Pose): Drawing {
  const frames = renderKeyFrames({ start: pose, end: pose, arrow: { point: 'pelvis', bow: 0 } });
  return { ...frames.start };
}

const line = (...pts: Point[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${r1(p.x)} ${r1(p.y)}`).join(' ');

type ToBox = (q: Point, p: { dx: number; dy: number }) => Point;
type Mat = { x1: number; x2: number; y1: number; y2: number } | null;

function frame(p: Placed, k: KeyFrames, { toBox, mat, scale }: { toBox: ToBox; mat: Mat; scale: number }, arrowFrom: { from: Point; anchor: Point } | null): Drawing {
  const at = (n: PointName | 'spineControl') => toBox(p.s[n], p);
  const marks: Mark[] = [];
  const path = (d: string, tone: Tone, width: number, fill = false) => marks.push({ kind: 'path', d, tone, width, fill });
  if (mat) path(`${line({ x: mat.x1, y: mat.y1 }, { x: mat.x2, y: mat.y1 }, { x: mat.x2, y: mat.y2 }, { x: mat.x1, y: mat.y2 })} Z`, 'floor', WIDTH.floor);
  else path(line({ x: BOX.margin, y: BOX.floor }, { x: BOX.width - BOX.margin, y: BOX.floor }), 'floor', WIDTH.floor);
  for (const prop of k.props ?? []) drawProp(prop, p, at, toBox, arrowFrom?.anchor ?? at('nearHand'), path);
  // Far side first, so the near limbs cross in front of it.
  path(line(at('shoulder'), at('farElbow'), at('farHand')), 'far', WIDTH.far);
  path(line(at('pelvis'), at('farKnee'), at('farAnkle'), at('farToe')), 'far', WIDTH.far);
  const pelvis = at('pelvis');
  const c = at('spineControl');
  const sh = at('shoulder');
  // The spine's curve, split at its midpoint (the back): the same curve, but each half's control point lies
  // no further out than the back itself, so a deeply arched back lying on the floor keeps inside the box.
  const back = at('back');
  const mid = (u: Point, v: Point) => ({ x: (u.x + v.x) / 2, y: (u.y + v.y) / 2 });
  const c1 = mid(pelvis, c);
  const c2 = mid(c, sh);
  path(`M${r1(pelvis.x)} ${r1(pelvis.y)} Q${r1(c1.x)} ${r1(c1.y)} ${r1(back.x)} ${r1(back.y)} Q${r1(c2.x)} ${r1(c2.y)} ${r1(sh.x)} ${r1(sh.y)}`, 'ink', WIDTH.trunk);
  const head = at('head');
  marks.push({ kind: 'circle', cx: r1(head.x), cy: r1(head.y), r: r1(SEGMENTS.headRadius * scale), tone: 'ink', width: 0, fill: true });
  if (k.view !== 'front') {
    // A short nose on the head's front, so lying face up and face down read apart.
    path(line(toBox(nose(p.s, 0.6), p), toBox(nose(p.s, NOSE_TIP), p)), 'ink', 3.5);
  }
  path(line(pelvis, at('nearKnee'), at('nearAnkle'), at('nearToe')), 'ink', WIDTH.limb);
  path(line(sh, at('nearElbow'), at('nearHand')), 'ink', WIDTH.limb);
  if (arrowFrom) {
    const travel = (k.arrow.travel ?? 0) * scale;
    const to = at(k.arrow.point);
    marks.push(...arrow(arrowFrom.from, { x: to.x + travel, y: to.y }, k.arrow.bow));
  }
  return { width: BOX.width, height: BOX.height, marks };
}

type PathFn = (d: string, tone: Tone, width: number, fill?: boolean) => void;

function drawProp(prop: Prop, p: Placed, at: (n: PointName) => Point, toBox: ToBox, bandAnchor: Point, path: PathFn) {
  if (prop.kind === 'step' || prop.kind === 'block') {
    // Props stand on the floor: only the figure's horizontal shift applies to them.
    const onFloor = { dx: p.dx, dy: 0 };
    const [q1, q2] = propExtent(prop, p).map((q) => toBox(q, onFloor)) as [Point, Point];
    const top = prop.kind === 'step' ? at(prop.under).y + WIDTH.limb / 2 : toBox({ x: 0, y: prop.height }, onFloor).y;
    const x1 = Math.min(q1.x, q2.x);
    const x2 = Math.max(q1.x, q2.x);
    path(`${line({ x: x1, y: BOX.floor }, { x: x1, y: top }, { x: x2, y: top }, { x: x2, y: BOX.floor })} Z`, 'prop', WIDTH.prop);
  } else if (prop.kind === 'dowel') {
    // Along the back: a little behind the spine line, from below the tailbone to above the head.
    const s = p.s;
    const back = (q: Point, t: number) => ({ x: q.x + 0.05 * Math.cos(((t + 90) * Math.PI) / 180), y: q.y + 0.05 * Math.sin(((t + 90) * Math.PI) / 180) });
    const dir = Math.atan2(s.shoulder.y - s.pelvis.y, s.shoulder.x - s.pelvis.x) * (180 / Math.PI);
    const u = { x: Math.cos((dir * Math.PI) / 180), y: Math.sin((dir * Math.PI) / 180) };
    const lo = back({ x: s.pelvis.x - 0.08 * u.x, y: s.pelvis.y - 0.08 * u.y }, dir);
    const hi = back({ x: s.pelvis.x + 0.52 * u.x, y: s.pelvis.y + 0.52 * u.y }, dir);
    path(line(toBox(lo, p), toBox(hi, p)), 'prop', WIDTH.prop);
  } else if (prop.kind === 'band') {
    const hand = at('nearHand');
    path(line({ x: BOX.margin + 2, y: BOX.floor }, { x: BOX.margin + 2, y: bandAnchor.y - 4 }), 'prop', WIDTH.prop);
    path(line({ x: BOX.margin + 2, y: bandAnchor.y }, hand), 'prop', 1.5);
  } else {
    const hand = at('nearHand');
    path(`${line({ x: hand.x - 7, y: hand.y + 1 }, { x: hand.x + 7, y: hand.y + 1 }, { x: hand.x + 7, y: hand.y + 12 }, { x: hand.x - 7, y: hand.y + 12 })} Z`, 'prop', WIDTH.prop, true);
  }
}

function arrow(from: Point, to: Point, bow: number): Mark[] {
  const clamp = (q: Point): Point => ({ x: Math.min(BOX.width - BOX.margin, Math.max(BOX.margin, q.x)), y: Math.min(BOX.floor - 2, Math.max(BOX.margin, q.y)) });
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  if (len < 1) return [];
  // Start and stop short of the joints; a small movement still gets an arrow long enough to see.
  const half = Math.max(len / 2 - 5, 10);
  const mx = (from.x + to.x) / 2;
  const my = (from.y + to.y) / 2;
  const a = clamp({ x: mx - (dx / len) * half, y: my - (dy / len) * half });
  const b = clamp({ x: mx + (dx / len) * half, y: my + (dy / len) * half });
  const c = clamp({ x: (a.x + b.x) / 2 + bow * dy * -1 * 0.5, y: (a.y + b.y) / 2 + bow * dx * 0.5 });
  const hx = b.x - c.x;
  const hy = b.y - c.y;
  const hl = Math.hypot(hx, hy) || 1;
  const ux = hx / hl;
  const uy = hy / hl;
  const head = 7;
  const w1 = clamp({ x: b.x - ux * head - uy * head * 0.6, y: b.y - uy * head + ux * head * 0.6 });
  const w2 = clamp({ x: b.x - ux * head + uy * head * 0.6, y: b.y - uy * head - ux * head * 0.6 });
  return [
    { kind: 'path', d: `M${r1(a.x)} ${r1(a.y)} Q${r1(c.x)} ${r1(c.y)} ${r1(b.x)} ${r1(b.y)}`, tone: 'arrow', width: WIDTH.arrow, fill: false },
    { kind: 'path', d: `${line(w1, b, w2)}`, tone: 'arrow', width: WIDTH.arrow, fill: false },
  ];
}
