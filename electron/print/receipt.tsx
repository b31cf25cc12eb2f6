import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ClinicFormat } from '../../shared/format/clinic-format';
import type { ReceiptData } from '../../shared/superbill/documents';
import { printedMoney } from '../../shared/superbill/money';
import { ns } from './note-parts';
import { receiptNumber } from './labels';
import { printStyles } from './print-styles';
import { Footer, Letterhead } from './print-parts';

const s = StyleSheet.create({
  amount: { fontSize: 20, fontWeight: 'bold', marginVertical: 8 },
  row: { flexDirection: 'row', marginBottom: 2.5 },
  label: { width: '30%', color: '#444' },
  value: { width: '70%' },
  date: { width: '22%' },
  code: { width: '12%' },
  what: { width: '46%' },
  money: { width: '20%', textAlign: 'right' },
  stamp: { marginTop: 8, borderWidth: 1.5, borderColor: '#a00', color: '#a00', padding: 6, fontWeight: 'bold' },
});


export interface ReceiptPdfProps {
  data: ReceiptData;
  format: ClinicFormat;
  printedLabel: string;
  paper: 'letter' | 'a4';
}

/** A receipt for one payment: how much, how, when, for which visits, and what the account stands at now. */
export function ReceiptPdf({ data, format, printedLabel, paper }: ReceiptPdfProps) {
  const { payment } = data;
  const number = receiptNumber(payment.id);
  const line = (label: string, value: string | null) =>
    value ? (
      <View style={s.row}>
        <Text style={s.label}>{label}</Text>
        <Text style={s.value}>{value}</Text>
      </View>
    ) : null;
  return (
    <Document title={`Receipt ${number} ${data.patient.name}`} author={data.clinic.name} creator="Runback">
      <Page size={paper === 'a4' ? 'A4' : 'LETTER'} style={printStyles.page}>
        <Letterhead clinic={data.clinic} title="Receipt" lines={[`Receipt ${number}`, format.date(payment.receivedOn)]} identifiers />
        <Text>Received from {data.patient.name} (account {data.patient.mrn})</Text>
        <Text style={s.amount}>{printedMoney(payment.amountCents)}</Text>
        {line('Date received', format.date(payment.receivedOn))}
        {line('Method', payment.methodLabel)}
        {line('Reference', payment.reference)}
        {line('Received by', payment.receivedBy)}
        {payment.voided ? (
          <Text style={s.stamp}>
            VOIDED on {format.date(payment.voided.on)}: {payment.voided.reason}. This payment no longer counts.
          </Text>
        ) : null}
        {payment.refundedCents > 0 ? <Text style={s.stamp}>{printedMoney(payment.refundedCents)} of this payment was refunded.</Text> : null}

        <View style={ns.section}>
          <Text style={ns.heading}>Applied to</Text>
          <View style={ns.tableHead}>
            <Text style={s.date}>Date of service</Text>
            <Text style={s.code}>Code</Text>
            <Text style={s.what}>Service</Text>
            <Text style={s.money}>Amount</Text>
          </View>
          {data.applied.map((a, i) => (
            <View key={i} style={ns.tableRow} wrap={false}>
              <Text style={s.date}>{format.date(a.dateOfService)}</Text>
              <Text style={s.code}>{a.code ?? '—'}</Text>
              <Text style={s.what}>{a.label}</Text>
              <Text style={s.money}>{printedMoney(a.amountCents)}</Text>
            </View>
          ))}
          {data.unappliedCents > 0 ? (
            <View style={ns.tableRow}>
              <Text style={[s.date, { width: '80%' }]}>Kept as credit on the account</Text>
              <Text style={s.money}>{printedMoney(data.unappliedCents)}</Text>
            </View>
          ) : null}
        </View>
        <View style={[s.row, { marginTop: 10 }]}>
          <Text style={[s.label, { fontWeight: 'bold' }]}>Account now</Text>
          <Text style={[s.value, { fontWeight: 'bold' }]}>
            {data.balanceCents > 0 ? `${printedMoney(data.balanceCents)} owed` : data.balanceCents < 0 ? `${printedMoney(-data.balanceCents)} in credit` : 'Paid in full: nothing owed'}
          </Text>
        </View>
        <Text style={[ns.small, { marginTop: 14 }]}>Thank you. For insurance reimbursement, ask the front desk for a superbill (a statement with codes and diagnoses).</Text>
        <Footer text={`${data.patient.name} · ${printedLabel}`} />
      </Page>
    </Document>
  );
}
