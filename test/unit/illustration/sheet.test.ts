import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDED_EXERCISES } from '../../../shared/clinical/library';
import { drawingToSvg, EXERCISE_FRAMES, renderKeyFrames } from '../../../shared/illustration';

/**
 * The contact sheet of every exercise's two frames, to look at (ILLUSTRATION_SHEET=/tmp/sheet.html
 * npx vitest run test/unit/illustration/sheet.test.ts, then open or screenshot the file).
 */
describe('illustration contact sheet', () => {
  it('draws every seeded exercise as standalone SVG', () => {
    const cells = SEEDED_EXERCISES.map((e) => {
      const { start, end } = renderKeyFrames(EXERCISE_FRAMES[e.id]!);
      return `<figure data-id="${e.id}"><figcaption>${e.title} <small>(${e.posture})</small></figcaption>${drawingToSvg(start, `${e.title}: start`)}${drawingToSvg(end, `${e.title}: end`)}</figure>`;
    });
    expect(cells.every((c) => c.includes('<path'))).toBe(true);
    const target = process.env.ILLUSTRATION_SHEET;
    if (target) writeFileSync(target, `<!doctype html><meta charset="utf-8"><style>body{font:13px sans-serif;margin:8px;display:grid;grid-template-columns:repeat(3,1fr);gap:6px}figure{margin:0;border:1px solid #ddd;padding:4px}svg{border:1px solid #eee;width:49%;height:auto}</style>${cells.join('')}`);
  });
});
