import { L, P, STAND } from './figure';
import type { KeyFrames } from './render';

/** Key frames of the exercises done standing. */
export const STANDING_FRAMES: Readonly<Record<string, KeyFrames>> = {
  'hip-hinge-dowel': {
    start: P(90, 0, 0, L(0, 5, 5, 0, 0), L(3, 5, 5, -4, 0)),
    end: P(45, 0, -10, L(65, 18, 2, 45, 0), L(68, 18, 2, 41, 0)),
    arrow: { point: 'head', bow: 0.3 },
    stay: 'nearToe',
    props: [{ kind: 'dowel' }],
  },
  'single-leg-balance': {
    start: STAND,
    end: P(90, 0, 0, L(0, 90, 20, 20, 10), L(0, 5, 0, -20, 20)),
    arrow: { point: 'nearAnkle', bow: 0.3 },
    stay: 'farToe',
  },
  'pallof-press': {
    start: P(90, 0, 0, L(5, 10, 5, -20, 130), L(8, 10, 5, -16, 130)),
    end: P(90, 0, 0, L(5, 10, 5, 90, 0), L(8, 10, 5, 86, 0)),
    arrow: { point: 'nearHand', bow: 0 },
    props: [{ kind: 'band' }],
  },
  'standing-hip-flexor-march': {
    start: STAND,
    end: P(90, 0, 0, L(90, 90, -10, -30, 90), L(0, 5, 0, 40, 90)),
    arrow: { point: 'nearKnee', bow: -0.4 },
    stay: 'farToe',
  },
  'a-skip': {
    start: P(92, 0, 0, L(0, 5, 20, 40, 90), L(90, 100, -10, -30, 90)),
    end: P(92, 0, 0, L(90, 100, -10, -30, 90), L(0, 5, 20, 40, 90)),
    arrow: { point: 'head', bow: 0, travel: 0.35 },
  },
  'split-squat': {
    start: P(90, 0, 0, L(20, 10, 0, -20, 100), L(-20, 10, -7, -25, 100)),
    end: P(90, 0, 0, L(80, 80, 0, -20, 100), L(-20, 65, -30, -25, 100)),
    arrow: { point: 'pelvis', bow: 0 },
    stay: 'nearToe',
  },
  'step-down': {
    start: P(90, 0, 0, L(0, 0, 0, 20, 10), L(15, 10, 0, 25, 10)),
    end: P(80, 0, 0, L(45, 70, -25, 40, 10), L(20, 0, 0, 45, 10)),
    arrow: { point: 'pelvis', bow: 0 },
    stay: 'nearToe',
    ground: { point: 'nearToe', height: 0.15 },
    props: [{ kind: 'step', under: 'nearToe', reach: 'back' }],
  },
  'calf-raise': {
    start: P(90, 0, 0, L(0, 0, -20, 0, 10), L(3, 0, -20, -6, 20)),
    end: P(90, 0, 0, L(0, 0, 45, 0, 10), L(3, 0, 45, -6, 20)),
    arrow: { point: 'nearAnkle', bow: 0 },
    stay: 'nearToe',
    ground: { point: 'nearToe', height: 0.15 },
    props: [{ kind: 'step', under: 'nearToe', reach: 'forward' }],
  },
  'suitcase-carry': {
    start: P(90, 0, 0, L(20, 5, 0, 0, 0), L(-15, 10, -10, 20, 20)),
    end: P(90, 0, 0, L(-15, 10, -10, 0, 0), L(20, 5, 0, -20, 20)),
    arrow: { point: 'head', bow: 0, travel: 0.35 },
    props: [{ kind: 'weight' }],
  },
};
