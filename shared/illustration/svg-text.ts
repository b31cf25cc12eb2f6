import { TONE_COLOURS, type Drawing } from './render';

/** A drawing as standalone SVG markup (contact sheets, tests); the screen and the PDF use their own components. */
export function drawingToSvg(d: Drawing, title: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const marks = d.marks
    .map((m) => {
      const colour = TONE_COLOURS[m.tone];
      const paint = m.fill ? `fill="${colour}" stroke="none"` : `fill="none" stroke="${colour}" stroke-width="${m.width}" stroke-linecap="round" stroke-linejoin="round"`;
      return m.kind === 'circle' ? `<circle cx="${m.cx}" cy="${m.cy}" r="${m.r}" ${paint}/>` : `<path d="${m.d}" ${paint}/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${d.width} ${d.height}" width="${d.width}" height="${d.height}" role="img"><title>${esc(title)}</title>${marks}</svg>`;
}
