import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ClinicFormat } from '../../shared/format/clinic-format';
import { printedMoney } from '../../shared/superbill/money';
import { nameWithCredentials, paidInFull, type SuperbillData } from '../../shared/superbill/superbill';
import { ns } from './note-parts';
import { printStyles } from './print-styles';
import { clinicAddress } from './labels';
import { Footer, Letterhead } from './print-parts';

const s = StyleSheet.create({
  columns: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 4 },
  box: { width: '49%', borderWidth: 0.6, borderColor: '#777', padding: 6 },
  boxTitle: { fontSize: 8, fontWeight: 'bold', color: '#444', marginBottom: 3, textTransform: 'uppercase', letterSpacing: 0.4 },
  row: { flexDirection: 'row', marginBottom: 1.5 },
  label: { width: '40%', color: '#444', fontSize: 9 },
  value: { width: '60%', fontSize: 9 },
  dx: { flexDirection: 'row', flexWrap: 'wrap' },
  dxItem: { width: '50%', fontSize: 9, marginBottom: 1.5, paddingRight: 6 },
  date: { width: '12%' },
  pos: { width: '5%' },
  cpt: { width: '7%' },
  mods: { width: '9%' },
  desc: { width: '31%', paddingRight: 4 },
  ptr: { width: '8%' },
  units: { width: '5%', textAlign: 'right' },
  charge: { width: '10%', textAlign: 'right' },
  npi: { width: '13%', textAlign: 'right' },
  totals: { marginTop: 6, alignSelf: 'flex-end', width: '45%' },
  totalRow: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 1.5 },
  paid: { marginTop: 4, alignSelf: 'flex-end', borderWidth: 1.5, borderColor: '#1a6b2f', color: '#1a6b2f', paddingHorizontal: 8, paddingVertical: 3, fontWeight: 'bold', fontSize: 12 },
  sign: { marginTop: 16, flexDirection: 'row', flexWrap: 'wrap' },
  signBox: { width: '50%', paddingRight: 14, marginBottom: 12 },
  signLine: { borderBottomWidth: 0.8, borderBottomColor: '#222', height: 26, marginBottom: 3 },
});

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <View style={s.row}>
      <Text style={s.label}>{label}</Text>
      <Text style={s.value}>{value?.trim() ? value : '—'}</Text>
    </View>
  );
}

export interface SuperbillPdfProps {
  data: SuperbillData;
  format: ClinicFormat;
  printedLabel: string;
  paper: 'letter' | 'a4';
}

/**
 * The superbill: a statement a patient sends their insurer, laid out after the 1500 items it answers
 * (patient and insured's ID, diagnoses A–L, per-line date, POS, CPT, modifiers, pointers, units,
 * charge, rendering NPI; billing NPI and EIN; the signature). Only a complete one is ever printed.
 */
export function SuperbillPdf({ data, format, printedLabel, paper }: SuperbillPdfProps) {
  const { clinic, patient } = data;
  const date = (d: string) => format.date(d);
  const patientAddress = [patient.addressLine1, patient.addressLine2, `${patient.city ?? ''}, ${patient.region ?? ''} ${patient.postalCode ?? ''}`].filter(Boolean).join(', ');
  const therapists = data.therapists.filter((t) => data.lines.some((l) => l.therapistId === t.id));
  const npiOf = new Map(data.therapists.map((t) => [t.id, t.npi ?? '']));
  const range = data.from === data.to ? date(data.from) : `${date(data.from)} – ${date(data.to)}`;
  return (
    <Document title={`Superbill ${patient.name} ${range}`} author={clinic.name} creator="Runback">
      <Page size={paper === 'a4' ? 'A4' : 'LETTER'} style={printStyles.page}>
        <Letterhead clinic={clinic} title="Superbill" lines={['Statement for insurance reimbursement', `Dates of service ${range}`]} />

        <View style={s.columns}>
          <View style={s.box}>
            <Text style={s.boxTitle}>Patient</Text>
            <Row label="Name" value={patient.name} />
            <Row label="Date of birth" value={date(patient.dateOfBirth)} />
            <Row label="Sex" value={patient.sex} />
            <Row label="Address" value={patientAddress} />
            <Row label="Account (MRN)" value={patient.mrn} />
            <Row label="Insurer" value={patient.insurerName} />
            <Row label="Insured’s ID" value={patient.insurerMemberId} />
            {patient.insurerGroupId ? <Row label="Group number" value={patient.insurerGroupId} /> : null}
          </View>
          <View style={s.box}>
            <Text style={s.boxTitle}>Billing provider</Text>
            <Row label="Practice" value={clinic.name} />
            <Row label="Address" value={clinicAddress(clinic)} />
            <Row label="Phone" value={clinic.phone} />
            <Row label="Billing NPI (type 2)" value={clinic.npi} />
            <Row label="Tax ID (EIN)" value={clinic.taxId} />
            <Row label="Place of service" value={`${data.placeOfService} (office)`} />
            <Row label="Service location" value={clinicAddress(clinic)} />
          </View>
        </View>

        <View style={s.columns}>
          <View style={s.box}>
            <Text style={s.boxTitle}>Rendering provider{therapists.length > 1 ? 's' : ''}</Text>
            {therapists.map((t) => (
              <View key={t.id} style={{ marginBottom: 2 }}>
                <Text style={{ fontSize: 9, fontWeight: 'bold' }}>
                  {nameWithCredentials(t.name, t.credentials)}
                </Text>
                <Text style={{ fontSize: 9 }}>NPI (type 1) {t.npi}</Text>
              </View>
            ))}
          </View>
          <View style={s.box}>
            <Text style={s.boxTitle}>Referring provider</Text>
            {data.referring ? (
              <>
                <Row label="Name" value={data.referring.name} />
                <Row label="NPI" value={data.referring.npi} />
              </>
            ) : (
              <Text style={{ fontSize: 9 }}>Self-referred (none)</Text>
            )}
          </View>
        </View>

        <View style={ns.section}>
          <Text style={ns.heading}>Diagnoses (ICD-10-CM)</Text>
          <View style={s.dx}>
            {data.diagnoses.map((d) => (
              <Text key={d.letter} style={s.dxItem}>
                {d.letter}. {d.code}
                {d.title ? ` ${d.title}` : ''}
              </Text>
            ))}
          </View>
        </View>

        <View style={ns.section}>
          <Text style={ns.heading}>Services</Text>
          <View style={ns.tableHead} fixed>
            <Text style={s.date}>Date</Text>
            <Text style={s.pos}>POS</Text>
            <Text style={s.cpt}>CPT</Text>
            <Text style={s.mods}>Modifiers</Text>
            <Text style={s.desc}>Service</Text>
            <Text style={s.ptr}>Dx ptr</Text>
            <Text style={s.units}>Units</Text>
            <Text style={s.charge}>Charge</Text>
            <Text style={s.npi}>Rendering NPI</Text>
          </View>
          {data.lines.map((l, i) => (
            <View key={i} style={[ns.tableRow, { fontSize: 8.5 }]} wrap={false}>
              <Text style={s.date}>{date(l.dateOfService)}</Text>
              <Text style={s.pos}>{data.placeOfService}</Text>
              <Text style={s.cpt}>{l.code}</Text>
              <Text style={s.mods}>{l.modifiers.join(' ')}</Text>
              <Text style={s.desc}>{l.label}</Text>
              <Text style={s.ptr}>{l.pointers.join(', ')}</Text>
              <Text style={s.units}>{l.units}</Text>
              <Text style={s.charge}>{printedMoney(l.chargeCents)}</Text>
              <Text style={s.npi}>{l.therapistId !== null ? npiOf.get(l.therapistId) : ''}</Text>
            </View>
          ))}
          <View style={s.totals} wrap={false}>
            <View style={s.totalRow}>
              <Text>Total charges</Text>
              <Text>{printedMoney(data.totals.chargesCents)}</Text>
            </View>
            <View style={s.totalRow}>
              <Text>Amount paid</Text>
              <Text>{printedMoney(data.totals.paidCents)}</Text>
            </View>
            <View style={[s.totalRow, { borderTopWidth: 0.8, borderTopColor: '#222', fontWeight: 'bold' }]}>
              <Text>Balance due</Text>
              <Text>{printedMoney(Math.max(0, data.totals.balanceCents))}</Text>
            </View>
            {paidInFull(data.totals) ? <Text style={s.paid}>PAID IN FULL</Text> : null}
          </View>
        </View>

        <View style={s.sign} wrap={false}>
          {therapists.map((t) => (
            <View key={t.id} style={s.signBox}>
              <Text style={{ fontSize: 8.5, marginBottom: 2 }}>I certify that I rendered the services listed above on the dates shown.</Text>
              <View style={s.signLine} />
              <Text style={{ fontSize: 9, fontWeight: 'bold' }}>
                {nameWithCredentials(t.name, t.credentials)}
              </Text>
              <Text style={{ fontSize: 8.5 }}>NPI {t.npi} · Date ____________</Text>
            </View>
          ))}
        </View>
        <Text style={[ns.small, { marginTop: 4 }]}>
          For the patient to submit to their own insurer: this statement is not a claim filed by {clinic.name}. Service descriptions are the practice’s own short labels.
        </Text>

        <Footer text={`Confidential patient information · ${patient.name} · ${printedLabel}`} />
      </Page>
    </Document>
  );
}
