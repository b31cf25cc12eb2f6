/**
 * A small pose model for the project's own exercise drawings: a line figure in the picture plane,
 * given by joint angles (degrees). The figure faces right when upright (anterior = +x) and lies or
 * kneels by turning the trunk: trunk 90 stands, 180 lies on the back head-left, 0 lies face-down or
 * kneels on all fours head-right. "near" limbs are the viewer's side (drawn dark, in front), "far"
 * limbs the other side (drawn lighter, behind). Side-lying exercises seen from the front use the same
 * angles in the frontal plane, with foreshortened segments where a limb points at the viewer.
 */

export interface LimbAngles {
  /** Hip flexion from the trunk line (+ brings the thigh forward). */
  hip: number;
  /** Knee flexion (+ bends the shin back). Front views may fold it the other way in the picture (−). */
  knee: number;
  /** Ankle plantarflexion (+ points the toes). */
  ankle: number;
  /** Shoulder flexion from the trunk line (+ raises the arm forward, 180 overhead). */
  shoulder: number;
  /** Elbow flexion (+ brings the forearm forward). */
  elbow: number;
  /** Length factors for segments that point at the viewer (1 = full length). */
  thighScale?: number;
  shinScale?: number;
  armScale?: number;
}

export interface Pose {
  /** Direction of the pelvis → shoulders line, degrees counter-clockwise from +x. */
  trunk: number;
  /** Bend of the spine: + rounds the back (flexion), − arches it. */
  spine: number;
  /** Head on the trunk: + tucks the chin, − looks up. */
  neck: number;
  near: LimbAngles;
  far: LimbAngles;
}

/** Joint limits for the drawing (and the property test): generous, since frontal views reuse the angles. */
export const JOINT_LIMITS = {
  spine: [-35, 45],
  neck: [-45, 50],
  hip: [-120, 150],
  knee: [-170, 170],
  ankle: [-45, 90],
  shoulder: [-90, 200],
  elbow: [0, 160],
  scale: [0.4, 1],
} as const satisfies Record<string, readonly [number, number]>;

/** Segment lengths as fractions of standing height. */
export const SEGMENTS = { trunk: 0.3, neck: 0.05, headRadius: 0.065, upperArm: 0.15, forearm: 0.13, thigh: 0.25, shin: 0.25, foot: 0.08 } as const;

export interface Point {
  x: number;
  y: number;
}

export const POINT_NAMES = [
  'pelvis', 'back', 'shoulder', 'head',
  'nearElbow', 'nearHand', 'nearKnee', 'nearAnkle', 'nearToe',
  'farElbow', 'farHand', 'farKnee', 'farAnkle', 'farToe',
] as const;
export type PointName = (typeof POINT_NAMES)[number];

/** The figure's joints in body units, y up, pelvis at the origin. */
export type Skeleton = Record<PointName, Point> & { spineControl: Point };

const rad = (deg: number) => (deg * Math.PI) / 180;
const step = (p: Point, length: number, deg: number): Point => ({ x: p.x + length * Math.cos(rad(deg)), y: p.y + length * Math.sin(rad(deg)) });

function limb(pelvis: Point, shoulder: Point, trunk: number, a: LimbAngles) {
  const armDir = trunk + 180 + a.shoulder;
  const elbow = step(shoulder, SEGMENTS.upperArm * (a.armScale ?? 1), armDir);
  const hand = step(elbow, SEGMENTS.forearm * (a.armScale ?? 1), armDir + a.elbow);
  const thighDir = trunk + 180 + a.hip;
  const knee = step(pelvis, SEGMENTS.thigh * (a.thighScale ?? 1), thighDir);
  const shinDir = thighDir - a.knee;
  const ankle = step(knee, SEGMENTS.shin * (a.shinScale ?? 1), shinDir);
  const toe = step(ankle, SEGMENTS.foot, shinDir + 90 - a.ankle);
  return { elbow, hand, knee, ankle, toe };
}

/** Forward kinematics: every joint's position from the pose's angles. */
export function skeleton(pose: Pose): Skeleton {
  const pelvis = { x: 0, y: 0 };
  const shoulder = step(pelvis, SEGMENTS.trunk, pose.trunk);
  // The spine bends as a curve through a control point pushed back (posterior = trunk + 90) when it rounds.
  const mid = step(pelvis, SEGMENTS.trunk / 2, pose.trunk);
  const spineControl = step(mid, (SEGMENTS.trunk * pose.spine) / 90, pose.trunk + 90);
  // The curve's midpoint: the point of the back an arrow follows (cat–camel).
  const back = { x: 0.25 * pelvis.x + 0.5 * spineControl.x + 0.25 * shoulder.x, y: 0.25 * pelvis.y + 0.5 * spineControl.y + 0.25 * shoulder.y };
  const head = step(shoulder, SEGMENTS.neck + SEGMENTS.headRadius, pose.trunk - pose.neck);
  const n = limb(pelvis, shoulder, pose.trunk, pose.near);
  const f = limb(pelvis, shoulder, pose.trunk, pose.far);
  return {
    pelvis, back, shoulder, head, spineControl,
    nearElbow: n.elbow, nearHand: n.hand, nearKnee: n.knee, nearAnkle: n.ankle, nearToe: n.toe,
    farElbow: f.elbow, farHand: f.hand, farKnee: f.knee, farAnkle: f.ankle, farToe: f.toe,
  };
}

/** Every point the drawing covers (the head as its circle's extremes), for bounds and grounding. */
export function outline(s: Skeleton): Point[] {
  const r = SEGMENTS.headRadius;
  // The spine's curve reaches furthest at its midpoint ("back"), which is among the named points.
  const pts = POINT_NAMES.filter((n) => n !== 'head').map((n) => s[n]);
  return [...pts, { x: s.head.x - r, y: s.head.y }, { x: s.head.x + r, y: s.head.y }, { x: s.head.x, y: s.head.y - r }, { x: s.head.x, y: s.head.y + r }];
}
