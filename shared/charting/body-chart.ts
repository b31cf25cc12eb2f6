/**
 * The body chart's regions, front and back. The outline is drawn by Runback itself (body-outline.ts:
 * plain polygons in one coordinate space), so the screen and the printed note show the same picture
 * and no outside image is bundled. Front view faces the viewer (the patient's right is on the left);
 * back view is seen from behind (the patient's left is on the left).
 */
export const BODY_VIEWS = ['front', 'back'] as const;
export type BodyView = (typeof BODY_VIEWS)[number];

const REGIONS = [
  ['head', 'front', 'Head / face'],
  ['neck', 'front', 'Front of neck'],
  ['chest', 'front', 'Chest'],
  ['abdomen', 'front', 'Abdomen'],
  ['shoulder_r', 'front', 'Right shoulder (front)'],
  ['shoulder_l', 'front', 'Left shoulder (front)'],
  ['arm_r', 'front', 'Right arm (front)'],
  ['arm_l', 'front', 'Left arm (front)'],
  ['groin_r', 'front', 'Right groin / front of hip'],
  ['groin_l', 'front', 'Left groin / front of hip'],
  ['thigh_front_r', 'front', 'Front of right thigh'],
  ['thigh_front_l', 'front', 'Front of left thigh'],
  ['knee_front_r', 'front', 'Right knee (front)'],
  ['knee_front_l', 'front', 'Left knee (front)'],
  ['shin_r', 'front', 'Right shin'],
  ['shin_l', 'front', 'Left shin'],
  ['foot_r', 'front', 'Right foot'],
  ['foot_l', 'front', 'Left foot'],
  ['head_back', 'back', 'Back of head'],
  ['neck_back', 'back', 'Back of neck'],
  ['shoulder_back_l', 'back', 'Left shoulder blade'],
  ['shoulder_back_r', 'back', 'Right shoulder blade'],
  ['upper_back_l', 'back', 'Mid back, left'],
  ['upper_back_r', 'back', 'Mid back, right'],
  ['arm_back_l', 'back', 'Left arm (back)'],
  ['arm_back_r', 'back', 'Right arm (back)'],
  ['low_back_l', 'back', 'Low back, left'],
  ['low_back_r', 'back', 'Low back, right'],
  ['sacrum', 'back', 'Sacrum / tailbone'],
  ['buttock_l', 'back', 'Left buttock'],
  ['buttock_r', 'back', 'Right buttock'],
  ['thigh_back_l', 'back', 'Back of left thigh'],
  ['thigh_back_r', 'back', 'Back of right thigh'],
  ['knee_back_l', 'back', 'Back of left knee'],
  ['knee_back_r', 'back', 'Back of right knee'],
  ['calf_l', 'back', 'Left calf'],
  ['calf_r', 'back', 'Right calf'],
  ['heel_l', 'back', 'Left heel / Achilles'],
  ['heel_r', 'back', 'Right heel / Achilles'],
] as const;

export type BodyRegionId = (typeof REGIONS)[number][0];
export const BODY_REGION_IDS = REGIONS.map((r) => r[0]) as unknown as readonly [BodyRegionId, ...BodyRegionId[]];

export interface BodyRegion {
  id: BodyRegionId;
  view: BodyView;
  label: string;
}

export const BODY_REGIONS: readonly BodyRegion[] = REGIONS.map(([id, view, label]) => ({ id, view, label }));

export function bodyRegion(id: BodyRegionId): BodyRegion {
  return BODY_REGIONS.find((r) => r.id === id)!;
}
