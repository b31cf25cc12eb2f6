import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { HandoutData } from '../../shared/program/handout';
import { BulletColumns, Calendar, ExerciseRows, LogTable, READ, TrafficLight } from './home-program-parts';
import { printStyles } from './print-styles';

const s = StyleSheet.create({
  page: { ...printStyles.page, paddingBottom: 50 },
  h2: { fontSize: 16, fontWeight: 'bold', marginBottom: 4, marginTop: 2 },
  meta: { fontSize: READ, lineHeight: 1.35 },
  section: { marginBottom: 10 },
  flags: { borderWidth: 1.5, borderColor: '#b91c1c', borderRadius: 4, padding: 10 },
});

/**
 * The printed home program (issue #14): everything comes from the stored handout, already in the
 * patient's language, so a reprint is the same document. The letterhead heads the first page; the
 * footer repeats on every page with the patient's name, the clinic and its phone and "Page X of Y", so
 * a loose page is still the patient's and says whom to call (a letterhead on every page cost each page
 * five lines, and a typical program a whole page). Rows, panels and weeks never split across pages.
 */
export function HomeProgramPdf({ handout: h }: { handout: HandoutData }) {
  return (
    <Document title={`${h.words.title} — ${h.patient.name}`} author={h.clinic.name} creator="Runback" language={h.language}>
      <Page size={h.paper === 'a4' ? 'A4' : 'LETTER'} style={s.page}>
        <View style={printStyles.header}>
          <View style={{ maxWidth: '55%' }}>
            <Text style={printStyles.clinicName}>{h.clinic.name}</Text>
            <Text style={printStyles.small}>{h.clinic.address}</Text>
            <Text style={printStyles.small}>{h.clinic.phone}</Text>
          </View>
          <View style={{ maxWidth: '45%' }}>
            <Text style={[printStyles.title, { fontSize: 14 }]}>{h.words.title}</Text>
            <Text style={[printStyles.small, { textAlign: 'right', fontSize: 10 }]}>{h.words.patientLine}</Text>
          </View>
        </View>
        <View style={s.section}>
          <Text style={s.meta}>
            {h.words.therapistLine} · <Text style={{ fontWeight: 'bold' }}>{h.words.contactLine}</Text>
          </Text>
          <Text style={s.meta}>
            {h.words.printedLine} · {h.words.programLine}
          </Text>
        </View>
        <Text style={s.h2} minPresenceAhead={260}>
          {h.words.exercises}
        </Text>
        <Text style={[s.meta, { marginBottom: 6 }]}>{h.words.exercisesIntro}</Text>
        <ExerciseRows handout={h} />
        {/* The weeks flow on from the exercises (each week whole): a page is not left half empty for them. */}
        <Calendar handout={h} heading={<Text style={s.h2}>{h.words.calendar}</Text>} />
        <View style={s.section} />
        <View style={s.section} wrap={false}>
          <Text style={s.h2}>{h.painRules.heading}</Text>
          <TrafficLight rules={h.painRules} />
        </View>
        <View style={[s.section, s.flags]} wrap={false}>
          <Text style={[s.h2, { color: '#991b1b', marginTop: 0 }]}>{h.redFlags.heading}</Text>
          <Text style={[s.meta, { marginBottom: 4 }]}>{h.redFlags.intro}</Text>
          <BulletColumns items={h.redFlags.items} />
          <Text style={[s.meta, { fontWeight: 'bold', marginTop: 6 }]}>{h.redFlags.action}</Text>
        </View>
        <View wrap={false}>
          <Text style={s.h2}>{h.log.heading}</Text>
          <Text style={[s.meta, { marginBottom: 8 }]}>{h.log.intro}</Text>
          <LogTable log={h.log} />
        </View>
        <View style={printStyles.footer} fixed>
          <Text style={{ maxWidth: '35%' }}>
            {h.patient.name} · {h.patient.mrn}
          </Text>
          <Text style={{ flex: 1, textAlign: 'center', paddingHorizontal: 8 }}>
            {h.clinic.name} · {h.clinic.phone}
          </Text>
          <Text render={({ pageNumber, totalPages }) => h.words.page.replace('{page}', String(pageNumber)).replace('{total}', String(totalPages))} />
        </View>
      </Page>
    </Document>
  );
}
