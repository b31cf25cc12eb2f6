import type { BodyRegionId, BodyView } from './body-chart';

/**
 * The body outline, drawn by Runback: one polygon (SVG path) per region in a 160 × 360 box per view.
 * Plain paths only, so the same data draws on screen (SVG) and in the printed note (react-pdf Svg).
 * Regions of the side drawn on the viewer's right are mirrored from the left-hand ones.
 */
export const BODY_VIEWBOX = { width: 160, height: 360 } as const;

type Pt = readonly [number, number];
const path = (points: readonly Pt[]) => `M${points.map(([x, y]) => `${x},${y}`).join(' L')} Z`;
const mirror = (points: readonly Pt[]): Pt[] => points.map(([x, y]) => [BODY_VIEWBOX.width - x, y] as const);

const HEAD = 'M63,28 A17,22 0 1,1 97,28 A17,22 0 1,1 63,28 Z';
const NECK: Pt[] = [[72, 46], [88, 46], [89, 63], [71, 63]];
const SHOULDER: Pt[] = [[54, 64], [42, 67], [35, 78], [36, 94], [52, 94]];
const ARM: Pt[] = [[36, 94], [52, 94], [50, 150], [47, 200], [45, 234], [34, 236], [31, 200], [30, 150]];
const THIGH: Pt[] = [[52, 198], [79, 198], [77, 262], [56, 262]];
const KNEE: Pt[] = [[56, 262], [77, 262], [76, 286], [57, 286]];
const SHIN: Pt[] = [[57, 286], [76, 286], [73, 334], [60, 334]];
const FOOT: Pt[] = [[60, 334], [73, 334], [77, 350], [55, 350]];

// Front: the patient's right is drawn on the viewer's left.
const FRONT: Partial<Record<BodyRegionId, string>> = {
  head: HEAD,
  neck: path(NECK),
  chest: path([[54, 64], [106, 64], [108, 120], [52, 120]]),
  abdomen: path([[52, 120], [108, 120], [104, 150], [110, 172], [50, 172], [56, 150]]),
  shoulder_r: path(SHOULDER),
  shoulder_l: path(mirror(SHOULDER)),
  arm_r: path(ARM),
  arm_l: path(mirror(ARM)),
  groin_r: path([[50, 172], [80, 172], [80, 198], [52, 198]]),
  groin_l: path(mirror([[50, 172], [80, 172], [80, 198], [52, 198]])),
  thigh_front_r: path(THIGH),
  thigh_front_l: path(mirror(THIGH)),
  knee_front_r: path(KNEE),
  knee_front_l: path(mirror(KNEE)),
  shin_r: path(SHIN),
  shin_l: path(mirror(SHIN)),
  foot_r: path(FOOT),
  foot_l: path(mirror(FOOT)),
};

const SCAPULA: Pt[] = [[42, 67], [54, 64], [80, 64], [80, 96], [36, 96], [35, 78]];
const MID_BACK: Pt[] = [[52, 96], [80, 96], [80, 122], [52, 122]];
const LOW_BACK: Pt[] = [[52, 122], [80, 122], [80, 166], [54, 166], [56, 150]];
const BUTTOCK: Pt[] = [[54, 166], [72, 166], [76, 188], [80, 188], [80, 205], [52, 205], [50, 174]];
const THIGH_BACK: Pt[] = [[52, 205], [79, 205], [77, 262], [56, 262]];
const HEEL: Pt[] = [[60, 334], [73, 334], [72, 352], [61, 352]];

// Back: seen from behind, so the patient's left is on the viewer's left.
const BACK: Partial<Record<BodyRegionId, string>> = {
  head_back: HEAD,
  neck_back: path(NECK),
  shoulder_back_l: path(SCAPULA),
  shoulder_back_r: path(mirror(SCAPULA)),
  upper_back_l: path(MID_BACK),
  upper_back_r: path(mirror(MID_BACK)),
  arm_back_l: path(ARM),
  arm_back_r: path(mirror(ARM)),
  low_back_l: path(LOW_BACK),
  low_back_r: path(mirror(LOW_BACK)),
  sacrum: path([[72, 166], [88, 166], [84, 188], [76, 188]]),
  buttock_l: path(BUTTOCK),
  buttock_r: path(mirror(BUTTOCK)),
  thigh_back_l: path(THIGH_BACK),
  thigh_back_r: path(mirror(THIGH_BACK)),
  knee_back_l: path(KNEE),
  knee_back_r: path(mirror(KNEE)),
  calf_l: path(SHIN),
  calf_r: path(mirror(SHIN)),
  heel_l: path(HEEL),
  heel_r: path(mirror(HEEL)),
};

export const BODY_OUTLINE: Record<BodyView, Partial<Record<BodyRegionId, string>>> = { front: FRONT, back: BACK };

/** Which side of the picture is the patient's left, for the little L / R marks. */
export const VIEW_SIDE_MARKS: Record<BodyView, { left: 'L' | 'R'; right: 'L' | 'R' }> = {
  front: { left: 'R', right: 'L' },
  back: { left: 'L', right: 'R' },
};

/** 0 → pale, 10 → deep red: the fill for a marked region's intensity (readable in grey print too). */
export function intensityFill(intensity: number): string {
  const t = Math.max(0, Math.min(10, intensity)) / 10;
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `#${hex(mix(253, 153))}${hex(mix(224, 27))}${hex(mix(204, 27))}`;
}
