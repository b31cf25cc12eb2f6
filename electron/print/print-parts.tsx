import { Text, View } from '@react-pdf/renderer';
import type { PrintClinic } from '../../shared/superbill/documents';
import { clinicAddress } from './labels';
import { printStyles } from './print-styles';

/** The letterhead every billing document shares: the clinic on the left, the document's title and dates on the right. */
export function Letterhead({ clinic, title, lines, identifiers = false }: { clinic: PrintClinic; title: string; lines: string[]; identifiers?: boolean }) {
  return (
    <View style={printStyles.header} fixed>
      <View style={{ maxWidth: '62%' }}>
        <Text style={printStyles.clinicName}>{clinic.name}</Text>
        <Text style={printStyles.small}>{clinicAddress(clinic)}</Text>
        <Text style={printStyles.small}>
          {clinic.phone}
          {identifiers && clinic.npi ? ` · NPI ${clinic.npi}` : ''}
          {identifiers && clinic.taxId ? ` · Tax ID ${clinic.taxId}` : ''}
        </Text>
      </View>
      <View>
        <Text style={printStyles.title}>{title}</Text>
        {lines.map((l) => (
          <Text key={l} style={[printStyles.small, { textAlign: 'right' }]}>
            {l}
          </Text>
        ))}
      </View>
    </View>
  );
}

export function Footer({ text }: { text: string }) {
  return (
    <View style={printStyles.footer} fixed>
      <Text>{text}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}
