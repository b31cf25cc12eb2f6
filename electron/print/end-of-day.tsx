import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ClinicFormat } from '../../shared/format/clinic-format';
import type { EndOfDayData } from '../../shared/superbill/documents';
import { printedMoney } from '../../shared/superbill/money';
import { ns } from './note-parts';
import { printStyles } from './print-styles';
import { Footer, Letterhead } from './print-parts';
import { receiptNumber } from './labels';

const s = StyleSheet.create({
  time: { width: '11%' },
  no: { width: '11%' },
  patient: { width: '24%', paddingRight: 4 },
  method: { width: '24%', paddingRight: 4 },
  by: { width: '17%', paddingRight: 4 },
  amount: { width: '13%', textAlign: 'right' },
  sums: { flexDirection: 'row', marginTop: 4 },
  sum: { width: '50%', paddingRight: 12 },
  sumRow: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 2, borderBottomWidth: 0.4, borderBottomColor: '#bbb' },
  total: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 3, fontWeight: 'bold', borderTopWidth: 1, borderTopColor: '#222', marginTop: 2 },
});

const KIND_LABELS = { payment: '', refund: 'Refund', void: 'Void' } as const;

export interface EndOfDayPdfProps {
  data: EndOfDayData;
  format: ClinicFormat;
  printedLabel: string;
  paper: 'letter' | 'a4';
}

/** The day's takings for the cash-up: every payment, refund and void, totals by method and by therapist. */
export function EndOfDayPdf({ data, format, printedLabel, paper }: EndOfDayPdfProps) {
  return (
    <Document title={`End of day ${data.date}`} author={data.clinic.name} creator="Runback">
      <Page size={paper === 'a4' ? 'A4' : 'LETTER'} style={printStyles.page}>
        <Letterhead clinic={data.clinic} title="End of day" lines={[format.day(data.date, 'long')]} />
        <View style={s.sums}>
          <View style={s.sum}>
            <Text style={ns.heading}>By method</Text>
            {data.byMethod.map((m) => (
              <View key={m.label} style={s.sumRow}>
                <Text>
                  {m.label} ({m.count})
                </Text>
                <Text>{printedMoney(m.amountCents)}</Text>
              </View>
            ))}
            <View style={s.total}>
              <Text>Total taken</Text>
              <Text>{printedMoney(data.totalCents)}</Text>
            </View>
          </View>
          <View style={s.sum}>
            <Text style={ns.heading}>By therapist</Text>
            {data.byTherapist.map((t) => (
              <View key={t.name} style={s.sumRow}>
                <Text>{t.name}</Text>
                <Text>{printedMoney(t.amountCents)}</Text>
              </View>
            ))}
            <View style={s.total}>
              <Text>Total</Text>
              <Text>{printedMoney(data.byTherapist.reduce((a, t) => a + t.amountCents, 0))}</Text>
            </View>
          </View>
        </View>

        <View style={ns.section}>
          <Text style={ns.heading}>Payments, refunds and voids</Text>
          <View style={ns.tableHead} fixed>
            <Text style={s.time}>Time</Text>
            <Text style={s.no}>Receipt</Text>
            <Text style={s.patient}>Patient</Text>
            <Text style={s.method}>Method</Text>
            <Text style={s.by}>Taken by</Text>
            <Text style={s.amount}>Amount</Text>
          </View>
          {data.entries.length === 0 ? <Text style={{ marginTop: 6 }}>No payments on this day.</Text> : null}
          {data.entries.map((e, i) => (
            <View key={i} style={ns.tableRow} wrap={false}>
              <Text style={s.time}>{format.time(e.receivedAt)}</Text>
              <Text style={s.no}>{receiptNumber(e.id)}</Text>
              <Text style={s.patient}>{e.patientName}</Text>
              <Text style={s.method}>
                {KIND_LABELS[e.kind] ? `${KIND_LABELS[e.kind]}: ` : ''}
                {e.methodLabel}
                {e.reference ? ` (${e.reference})` : ''}
                {e.reason ? ` — ${e.reason}` : ''}
              </Text>
              <Text style={s.by}>{e.receivedBy}</Text>
              <Text style={s.amount}>{printedMoney(e.amountCents)}</Text>
            </View>
          ))}
        </View>
        <Footer text={`Confidential · ${printedLabel}`} />
      </Page>
    </Document>
  );
}
