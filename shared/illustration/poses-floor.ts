import { BRIDGE, HOOK_LYING, L, P, QUADRUPED } from './figure';
import type { KeyFrames } from './render';

/** Key frames of the exercises done lying, kneeling, seated or on all fours. */
export const FLOOR_FRAMES: Readonly<Record<string, KeyFrames>> = {
  'hip-flexor-stretch': {
    start: P(90, 0, 0, L(0, 90, 90, -20, 100), L(90, 90, 0, -25, 100)),
    end: P(90, 0, 0, L(-18, 72, 90, -20, 100), L(88, 112, -24, -25, 100)),
    arrow: { point: 'pelvis', bow: 0 },
    stay: 'farToe',
  },
  'couch-stretch': {
    start: P(55, 0, 10, L(25, 170, 0, 10, 20), L(125, 90, 0, 20, 20)),
    end: P(90, 0, 0, L(-10, 170, 0, -20, 100), L(90, 90, 0, -25, 100)),
    arrow: { point: 'shoulder', bow: 0.4 },
    stay: 'farToe',
    props: [{ kind: 'block', behind: 'nearKnee', height: 0.3 }],
  },
  'open-book': {
    // Side-lying seen from the front and a little above (toward the viewer is down the picture): knees
    // stacked, both arms reaching forward; the top arm opens up and over to the floor behind.
    start: P(0, 0, 0, L(20, 65, 50, 140, 0, { thighScale: 0.8, shinScale: 0.65, armScale: 0.45 }), L(22, 67, 50, 144, 0, { thighScale: 0.8, shinScale: 0.65, armScale: 0.45 })),
    end: P(0, 0, -30, L(20, 65, 50, -95, 0, { thighScale: 0.8, shinScale: 0.65, armScale: 0.9 }), L(22, 67, 50, 144, 0, { thighScale: 0.8, shinScale: 0.65, armScale: 0.45 })),
    arrow: { point: 'nearHand', bow: 1.2 },
    view: 'front',
  },

  'quadruped-thoracic-rotation': {
    start: P(6, 0, 20, L(84, 90, 90, 84, 150), L(80, 90, 90, 80, 0)),
    end: P(6, 0, -10, L(84, 90, 90, -90, 170), L(80, 90, 90, 80, 0)),
    arrow: { point: 'nearElbow', bow: -0.6 },
  },
  'cat-camel': {
    start: { ...QUADRUPED, spine: 35, neck: 40 },
    end: { ...QUADRUPED, spine: -25, neck: -30 },
    arrow: { point: 'back', bow: 0 },
  },
  'prone-press-up': {
    start: P(0, 0, -25, L(0, 0, 90, -40, 160), L(0, 0, 90, -36, 156)),
    end: P(55, -30, -10, L(-55, 0, 90, 45, 15), L(-55, 0, 90, 48, 15)),
    arrow: { point: 'shoulder', bow: -0.3 },
  },
  'hip-90-90-switch': {
    // Seated, seen from the front: the front shin lies across in front of the pelvis, the back thigh out to
    // the side with its shin going back (foreshortened); then both knees switch to the other side.
    start: P(90, 0, 0, L(75, 160, 90, 35, 0, { thighScale: 0.7, shinScale: 0.9 }), L(-90, 60, 90, -35, 0, { shinScale: 0.4 })),
    end: P(90, 0, 0, L(90, -60, 90, 35, 0, { shinScale: 0.4 }), L(-75, -160, 90, -35, 0, { thighScale: 0.7, shinScale: 0.9 })),
    arrow: { point: 'nearAnkle', bow: 0.8 },
    view: 'front',
  },

  'mcgill-curl-up': {
    start: P(180, 0, 0, L(45, 90, 45, 0, 0), L(0, 0, 0, 4, 0)),
    end: P(168, 0, 10, L(57, 90, 45, 12, 0), L(12, 0, 0, 14, 0)),
    arrow: { point: 'head', bow: -0.3 },
  },
  'bird-dog': {
    start: QUADRUPED,
    end: P(6, 0, 25, L(84, 90, 90, 190, 0), L(0, 0, 6, 80, 0)),
    arrow: { point: 'nearHand', bow: -0.5 },
  },
  'dead-bug': {
    start: P(180, 0, 0, L(90, 90, 20, 90, 0), L(94, 94, 20, 86, 0)),
    end: P(180, 0, 0, L(90, 90, 20, 170, 0), L(20, 0, 30, 86, 0)),
    arrow: { point: 'nearHand', bow: 0.6 },
  },
  'side-bridge-knees': {
    // The shins point back, away from the reader: short, so the legs do not read as lifted.
    start: P(30, 0, 0, L(-30, 75, 90, 60, 90, { shinScale: 0.3 }), L(-27, 75, 90, 0, 0, { shinScale: 0.3 })),
    end: P(16, 0, 0, L(0, 75, 90, 74, 90, { shinScale: 0.3 }), L(3, 75, 90, 0, 0, { shinScale: 0.3 })),
    arrow: { point: 'pelvis', bow: 0 },
    stay: 'nearKnee',
    view: 'front',
  },
  'side-bridge': {
    start: P(30, 0, 0, L(-30, 0, 90, 60, 90), L(-26, 0, 90, 0, 0)),
    end: P(11, 0, 0, L(0, 0, 90, 79, 90), L(4, 0, 90, 0, 0)),
    arrow: { point: 'pelvis', bow: 0 },
    stay: 'nearAnkle',
    view: 'front',
  },
  'glute-bridge': {
    start: HOOK_LYING,
    end: BRIDGE,
    arrow: { point: 'pelvis', bow: 0 },
    stay: 'nearAnkle',
  },
  'marching-bridge': {
    start: BRIDGE,
    end: { ...BRIDGE, near: L(40, 70, 20, -20, 0) },
    arrow: { point: 'nearAnkle', bow: -0.3 },
    stay: 'farAnkle',
  },
  'single-leg-bridge': {
    start: P(180, 0, 0, L(35, 0, 0, 0, 0), L(45, 90, 45, 4, 0)),
    end: P(200, 0, 20, L(0, 0, 0, -20, 0), L(0, 69, 41, -16, 0)),
    arrow: { point: 'pelvis', bow: 0 },
    stay: 'farAnkle',
  },
  clamshell: {
    // Side-lying head right, seen from the front and a little above: hips and knees bent, feet together;
    // the top knee opens upward like a shell while the feet stay together.
    start: P(0, 0, 0, L(20, 65, 50, -10, 40, { thighScale: 0.8, shinScale: 0.65 }), L(22, 67, 50, 180, 150, { thighScale: 0.8, shinScale: 0.65, armScale: 0.7 })),
    end: P(0, 0, 0, L(-55, -93.4, 88, -10, 40, { thighScale: 0.9, shinScale: 0.887 }), L(22, 67, 50, 180, 150, { thighScale: 0.8, shinScale: 0.65, armScale: 0.7 })),
    arrow: { point: 'nearKnee', bow: 0.5 },
    view: 'front',
  },

  'side-lying-hip-abduction': {
    start: P(180, 0, 0, L(4, 0, 90, 0, 0), L(0, 0, 90, 180, 0)),
    end: P(180, 0, 0, L(35, 0, 90, 0, 0), L(0, 0, 90, 180, 0)),
    arrow: { point: 'nearAnkle', bow: -0.2 },
    view: 'front',
  },
};
