import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
// The bundled Unicode font, registered before anything renders.
import { mendGlyphCache } from './fonts';

/**
 * Renders a printable document to PDF bytes (the same components print from every transport).
 * Every printable component returns a react-pdf <Document>; react-pdf's types only accept the
 * <Document> element itself, hence the cast.
 */
export async function renderPdf(document: ReactElement): Promise<Buffer> {
  await mendGlyphCache();
  return renderToBuffer(document as ReactElement<DocumentProps>);
}
