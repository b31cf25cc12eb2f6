import { Document, Page, Text, View, StyleSheet } from '@react-pdf/renderer';
import type { Appointment } from '../../shared/domain/schedule';
import type { Clinic } from '../../shared/domain/clinic';
import { APPOINTMENT_STATUS_LABELS } from '../../shared/domain/schedule';
import { formatTimeRange } from '../../shared/format/dates';
import { printStyles } from './print-styles';

export type DaySheetClinic = Pick<Clinic, 'name' | 'addressLine1' | 'addressLine2' | 'city' | 'region' | 'postalCode' | 'phone'>;

export interface DaySheetProps {
  clinic: DaySheetClinic;
  /** Long date, e.g. "Tuesday, March 3, 2026". */
  dateLabel: string;
  /** One section per therapist, each on its own page(s). */
  sections: { therapistName: string; appointments: Appointment[] }[];
  printedLabel: string;
  paper: 'letter' | 'a4';
  /** Times print as the clinic's wall clock, the way the schedule screen shows them. */
  timeZone: string;
  locale: string;
}

const s = StyleSheet.create({
  entry: { borderBottomWidth: 0.5, borderBottomColor: '#999', paddingVertical: 5 },
  row: { flexDirection: 'row' },
  notes: { marginLeft: '18%', marginTop: 2, fontSize: 9, color: '#333' },
  head: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#222', paddingBottom: 3, fontWeight: 'bold', fontSize: 9 },
  time: { width: '18%', paddingRight: 6 },
  patient: { width: '32%', paddingRight: 6 },
  type: { width: '18%', paddingRight: 6 },
  room: { width: '14%', paddingRight: 6 },
  phone: { width: '18%' },
  swatch: { width: 3, marginRight: 4 },
  struck: { color: '#666', textDecoration: 'line-through' },
  empty: { marginTop: 18, fontSize: 11 },
  therapist: { fontSize: 12, fontWeight: 'bold', marginBottom: 8 },
});

/** The front desk's printed list of one day's appointments per therapist. */
export function DaySheet({ clinic, dateLabel, sections, printedLabel, paper, timeZone, locale }: DaySheetProps) {
  const address = [clinic.addressLine1, clinic.addressLine2, `${clinic.city}, ${clinic.region} ${clinic.postalCode}`].filter(Boolean).join(' · ');
  return (
    <Document title={`Day sheet ${dateLabel}`} author={clinic.name} creator="Runback">
      {sections.map((section) => (
        <Page key={section.therapistName} size={paper === 'a4' ? 'A4' : 'LETTER'} style={printStyles.page}>
          <View style={printStyles.header} fixed>
            <View>
              <Text style={printStyles.clinicName}>{clinic.name}</Text>
              <Text style={printStyles.small}>{address}</Text>
              <Text style={printStyles.small}>{clinic.phone}</Text>
            </View>
            <View>
              <Text style={printStyles.title}>Day sheet</Text>
              <Text style={[printStyles.small, { textAlign: 'right' }]}>{dateLabel}</Text>
            </View>
          </View>
          <Text style={s.therapist}>{section.therapistName}</Text>
          <View style={s.head} fixed>
            <Text style={s.time}>Time</Text>
            <Text style={s.patient}>Patient</Text>
            <Text style={s.type}>Type</Text>
            <Text style={s.room}>Room</Text>
            <Text style={s.phone}>Phone</Text>
          </View>
          {section.appointments.length === 0 ? <Text style={s.empty}>No appointments.</Text> : null}
          {section.appointments.map((a) => {
            const off = a.status === 'cancelled' || a.status === 'no_show';
            const status = off ? `${APPOINTMENT_STATUS_LABELS[a.status]}${a.cancelReason ? `: ${a.cancelReason}` : ''}` : null;
            const notes = [status, a.note].filter(Boolean).join(' · ');
            return (
              <View key={a.id} style={s.entry} wrap={false}>
                <View style={s.row}>
                <Text style={[s.time, off ? s.struck : {}]}>
                  {formatTimeRange(a.startsAt, a.endsAt, timeZone, locale)}
                </Text>
                <Text style={[s.patient, off ? s.struck : {}]}>{a.patientName}</Text>
                <View style={[s.type, { flexDirection: 'row' }]}>
                  <View style={[s.swatch, { backgroundColor: a.typeColour }]} />
                  <Text>{a.typeName}</Text>
                </View>
                <Text style={s.room}>{a.roomName ?? '—'}</Text>
                <Text style={s.phone}>{a.patientPhone ?? '—'}</Text>
                </View>
                {/* Status and notes on their own line under the patient, so they never wrap into a narrow column. */}
                {notes ? <Text style={s.notes}>{notes}</Text> : null}
              </View>
            );
          })}
          <View style={printStyles.footer} fixed>
            <Text>Confidential patient information · {printedLabel}</Text>
            <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
          </View>
        </Page>
      ))}
    </Document>
  );
}
