import { StyleSheet } from '@react-pdf/renderer';
import { PRINT_FONT } from './fonts';

/**
 * Paper-first styles shared by every printed document: real margins, clinic header, no UI chrome, the bundled Unicode font.
 * Inter's contextual alternates (calt: brackets and the middle dot raised beside capitals and figures)
 * are off: fontkit runs their chained lookups on every glyph, over half the shaping time of a handout,
 * for a shift of a point or so; kerning, ligatures and the marks of accented letters stay on.
 */
export const printStyles = StyleSheet.create({
  page: { paddingTop: 54, paddingBottom: 54, paddingHorizontal: 48, fontFamily: PRINT_FONT, fontSize: 10, color: '#111', fontFeatureSettings: { calt: false } },
  header: { flexDirection: 'row', justifyContent: 'space-between', borderBottomWidth: 1, borderBottomColor: '#444', paddingBottom: 6, marginBottom: 12 },
  clinicName: { fontSize: 13, fontWeight: 'bold' },
  small: { fontSize: 8.5, color: '#333' },
  title: { fontSize: 12, fontWeight: 'bold', textAlign: 'right' },
  footer: { position: 'absolute', bottom: 28, left: 48, right: 48, flexDirection: 'row', justifyContent: 'space-between', fontSize: 8, color: '#444' },
});
