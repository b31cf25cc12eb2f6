import type { LimbAngles, Pose } from './pose';

/** Compact pose builders for the key-frame tables: L(hip, knee, ankle, shoulder, elbow), P(trunk, spine, neck, near, far). */
export const L = (hip: number, knee: number, ankle: number, shoulder: number, elbow: number, scale: Pick<LimbAngles, 'thighScale' | 'shinScale' | 'armScale'> = {}): LimbAngles => ({ hip, knee, ankle, shoulder, elbow, ...scale });
export const P = (trunk: number, spine: number, neck: number, near: LimbAngles, far: LimbAngles): Pose => ({ trunk, spine, neck, near, far });

/** Upright standing, feet under the hips: the far limbs a little apart so both sides show. */
export const STAND = P(90, 0, 0, L(0, 0, 0, 0, 10), L(4, 4, 0, -10, 20));
/** On all fours, back flat: the arms are a little longer than the thighs, so the trunk tilts 6°. */
export const QUADRUPED = P(6, 0, 10, L(84, 90, 90, 84, 0), L(80, 90, 90, 80, 0));
/** On the back, knees bent, feet flat, arms along the floor. */
export const HOOK_LYING = P(180, 0, 0, L(45, 90, 45, 0, 0), L(48, 96, 48, 4, 0));
/** The top of a glute bridge: a straight line from shoulders to knees. */
export const BRIDGE = P(200, 0, 20, L(0, 69, 41, -20, 0), L(3, 72, 44, -16, 0));
