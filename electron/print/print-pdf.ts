import { createElement, type ComponentType } from 'react';

/**
 * Renders a printed document, loading it (and react-pdf with the bundled font, a second's work) on
 * the first print: most processes never print (the CLI's demo and import commands, most tests), and
 * the app's first screen does not wait for it. `document` is the document module's import, e.g.
 * `import('./day-sheet').then((m) => m.DaySheet)`.
 */
export async function printPdf<P extends object>(document: Promise<ComponentType<P>>, props: P): Promise<Buffer> {
  const [Document, { renderPdf }] = await Promise.all([document, import('./render-pdf')]);
  return renderPdf(createElement(Document, props));
}
