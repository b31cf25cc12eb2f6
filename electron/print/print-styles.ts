import { StyleSheet } from '@react-pdf/renderer';
import { PRINT_FONT } from './fonts';

/** Paper-first styles shared by every printed document: real margins, clinic header, no UI chrome, the bundled Unicode font. */
export const printStyles = StyleSheet.create({
  page: { paddingTop: 54, paddingBottom: 54, paddingHorizontal: 48, fontFamily: PRINT_FONT, fontSize: 10, color: '#111' },
  header: { flexDirection: 'row', justifyContent: 'space-between', borderBottomWidth: 1, borderBottomColor: '#444', paddingBottom: 6, marginBottom: 12 },
  clinicName: { fontSize: 13, fontWeight: 'bold' },
  small: { fontSize: 8.5, color: '#333' },
  title: { fontSize: 12, fontWeight: 'bold', textAlign: 'right' },
  footer: { position: 'absolute', bottom: 28, left: 48, right: 48, flexDirection: 'row', justifyContent: 'space-between', fontSize: 8, color: '#444' },
});
