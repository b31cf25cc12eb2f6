import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { Clinic } from '../../shared/domain/clinic';
import { GOAL_STATUS_LABELS, GOAL_TERM_LABELS } from '../../shared/charting/episode';
import type { NoteRecord } from '../../shared/charting/note';
import { NOTE_TYPE_LABELS } from '../../shared/charting/note-content';
import { describeRow, ROW_KIND_LABELS } from '../../shared/charting/describe';
import { DISCHARGE_REASON_LABELS, EVALUATION_CODE_BY_COMPLEXITY, MAITLAND_GRADE_MEANINGS } from '../../shared/charting/vocab';
import type { ClinicFormat } from '../../shared/format/clinic-format';
import { printStyles } from './print-styles';
import type { NoteFinding } from '../../shared/domain/reassessments';
import { BillingTable, BodyChart, BodyChartComparison, Line, ns, Para, Section } from './note-parts';

export type NoteClinic = Pick<Clinic, 'name' | 'addressLine1' | 'addressLine2' | 'city' | 'region' | 'postalCode' | 'phone' | 'npi' | 'taxId'>;

export interface NotePdfProps {
  clinic: NoteClinic;
  patient: { name: string; dateOfBirth: string; mrn: string; sex: string };
  note: NoteRecord;
  printedLabel: string;
  paper: 'letter' | 'a4';
  /** The clinic's formatters (its date order, clock and zone). */
  format: ClinicFormat;
  /** Reassessments and questionnaires linked to this visit, in words. */
  findings?: readonly NoteFinding[];
}

const yesNo = (v: boolean | null) => (v === null ? null : v ? 'Yes' : 'No');

/** The visit note as a document: letterhead, patient and episode, the SOAP note, billing, the signature and its hash, then addenda. */
export function NotePdf({ clinic, patient, note, printedLabel, paper, format, findings = [] }: NotePdfProps) {
  const c = note.content;
  const episode = note.episode;
  const date = (d: string | null) => (d ? format.date(d) : null);
  const address = [clinic.addressLine1, clinic.addressLine2, `${clinic.city}, ${clinic.region} ${clinic.postalCode}`].filter(Boolean).join(' · ');
  const title = NOTE_TYPE_LABELS[note.type];
  const goals = episode.goals;
  const goalRating = (id: number) => c.assessment.goals.find((g) => g.goalId === id);
  const usesThrust = c.objective.rows.some((r) => r.kind === 'joint' && r.grade === 'V');
  const copiedFrom = (id: number) => note.copySources.find((s) => s.noteId === id);
  return (
    <Document title={`${title} ${patient.name} ${date(note.dateOfService) ?? ''}`} author={clinic.name} creator="Runback">
      <Page size={paper === 'a4' ? 'A4' : 'LETTER'} style={printStyles.page}>
        <View style={printStyles.header} fixed>
          <View>
            <Text style={printStyles.clinicName}>{clinic.name}</Text>
            <Text style={printStyles.small}>{address}</Text>
            <Text style={printStyles.small}>
              {clinic.phone}
              {clinic.npi ? ` · NPI ${clinic.npi}` : ''}
              {clinic.taxId ? ` · Tax ID ${clinic.taxId}` : ''}
            </Text>
          </View>
          <View>
            <Text style={printStyles.title}>{title}</Text>
            <Text style={[printStyles.small, { textAlign: 'right' }]}>Date of service {date(note.dateOfService)}</Text>
            {note.status !== 'signed' ? <Text style={[printStyles.small, { textAlign: 'right', color: '#a00' }]}>DRAFT — not signed</Text> : null}
          </View>
        </View>

        <View style={{ flexDirection: 'row' }}>
          <View style={{ width: '50%', paddingRight: 8 }}>
            <Line half label="Patient" value={patient.name} />
            <Line half label="Date of birth" value={date(patient.dateOfBirth)} />
            <Line half label="MRN" value={patient.mrn} />
            <Line half label="Therapist" value={note.therapistName} />
          </View>
          <View style={{ width: '50%' }}>
            <Line half label="Episode" value={`since ${date(episode.startDate)}`} />
            <Line half label="Referral" value={episode.referral.type === 'self' ? 'Self-referred' : `${episode.referral.physicianName ?? ''}${episode.referral.physicianNpi ? `, NPI ${episode.referral.physicianNpi}` : ''}${episode.referral.date ? ` (${date(episode.referral.date)})` : ''}`} />
            <Line half label="Onset" value={[date(episode.onsetDate), episode.mechanism].filter(Boolean).join(' — ')} />
            <Line
              half
              label="Plan of care"
              value={
                episode.planOfCare.visitsPerWeek && episode.planOfCare.weeks
                  ? `${episode.planOfCare.visitsPerWeek}× a week for ${episode.planOfCare.weeks} weeks${episode.planOfCare.certStart && episode.planOfCare.certEnd ? `, certified ${date(episode.planOfCare.certStart)} – ${date(episode.planOfCare.certEnd)}` : ''}`
                  : null
              }
            />
          </View>
        </View>
        <Section title="Diagnoses (ICD-10-CM)">
          {episode.diagnoses.length === 0 ? <Text style={ns.muted}>None recorded.</Text> : null}
          {episode.diagnoses.map((d) => (
            <Text key={d.code} style={ns.para}>
              {d.letter}. {d.code} {d.title ?? '(not in Runback’s code list: not checked)'}
            </Text>
          ))}
        </Section>

        <Section title="Subjective">
          <Line label="Pain (0–10)" value={[c.subjective.painNow !== null ? `now ${c.subjective.painNow}` : null, c.subjective.painBest !== null ? `best ${c.subjective.painBest}` : null, c.subjective.painWorst !== null ? `worst ${c.subjective.painWorst}` : null].filter(Boolean).join(', ')} />
          <Line label="Patient reports" value={c.subjective.patientWords} />
          <Line label="Flare since last visit" value={c.subjective.flare.occurred === null ? null : `${yesNo(c.subjective.flare.occurred)}${c.subjective.flare.what.trim() ? ` — ${c.subjective.flare.what.trim()}` : ''}`} />
          <Line label="Running" value={c.subjective.running} />
        </Section>

        {note.type === 'initial_evaluation' ? (
          <Section title="Evaluation">
            <Line label="History" value={c.evaluation.history} />
            <Line label="Findings" value={c.evaluation.findings} />
            <Line label="Complexity" value={c.evaluation.complexity ? `${c.evaluation.complexity} (${EVALUATION_CODE_BY_COMPLEXITY[c.evaluation.complexity]})` : null} />
          </Section>
        ) : null}
        {c.bodyChart.length || note.bodyChartBefore ? (
          <Section title="Body chart">
            {note.bodyChartBefore ? (
              <BodyChartComparison
                before={note.bodyChartBefore.marks}
                beforeTitle={`${NOTE_TYPE_LABELS[note.bodyChartBefore.type]}, ${date(note.bodyChartBefore.date)}`}
                today={c.bodyChart}
                todayTitle={`This visit, ${date(note.dateOfService)}`}
              />
            ) : (
              <BodyChart marks={c.bodyChart} />
            )}
          </Section>
        ) : null}

        <Section title="Objective">
          {(['joint', 'soft_tissue', 'exercise'] as const).map((kind) => {
            const rows = c.objective.rows.filter((r) => r.kind === kind);
            if (!rows.length) return null;
            return (
              <View key={kind}>
                <Text style={ns.subheading}>{ROW_KIND_LABELS[kind]}</Text>
                {rows.map((r) => {
                  const source = r.copy ? copiedFrom(r.copy.fromNoteId) : undefined;
                  return (
                    <Text key={r.id} style={ns.para}>
                      • {describeRow(r)}
                      {'response' in r && r.response.trim() ? ` — response: ${r.response.trim()}` : ''}
                      {r.copy?.confirmed && source ? ` (carried forward from ${date(source.date)}, confirmed unchanged)` : ''}
                    </Text>
                  );
                })}
              </View>
            );
          })}
          {usesThrust ? <Text style={ns.small}>Grade V = {MAITLAND_GRADE_MEANINGS.V}.</Text> : null}
          <Line label="Today's measures" value={c.objective.measures} />
          {findings.length ? <Text style={ns.subheading}>Reassessments and questionnaires linked to this visit</Text> : null}
          {findings.map((f) => (
            <Text key={`${f.kind}-${f.id}`} style={ns.para}>
              • {f.text}
            </Text>
          ))}
        </Section>

        <Section title="Assessment">
          {goals.map((g) => {
            const rating = goalRating(g.id);
            return (
              <Text key={g.id} style={ns.para}>
                {GOAL_TERM_LABELS[g.term]} goal: {g.description}
                {g.targetDate ? ` (by ${date(g.targetDate)})` : ''}
                {rating?.status ? ` — ${GOAL_STATUS_LABELS[rating.status]}` : ''}
                {rating?.comment.trim() ? `: ${rating.comment.trim()}` : ''}
              </Text>
            );
          })}
          <Para text={c.assessment.text} />
        </Section>

        <Section title="Plan">
          <Line label="Next visit" value={date(c.plan.nextVisit)} />
          <Line label="Frequency" value={c.plan.frequency} />
          <Line label="Home program" value={c.plan.homeProgram} />
          <Line label="Run-walk" value={c.plan.runWalk} />
        </Section>

        {note.type === 'discharge' ? (
          <Section title="Discharge">
            <Line label="Reason" value={c.discharge.reason ? DISCHARGE_REASON_LABELS[c.discharge.reason] : null} />
            <Para text={c.discharge.summary} />
          </Section>
        ) : null}

        {note.billing ? (
          <Section title="Billing">
            <BillingTable billing={note.billing} />
          </Section>
        ) : null}

        <View style={[ns.section, { borderWidth: 0.8, borderColor: '#444', padding: 6 }]} wrap={false}>
          {note.status === 'signed' && note.signedAt ? (
            <>
              <Text style={{ fontWeight: 'bold' }}>Electronically signed by {note.signedByName} on {format.instant(note.signedAt)}</Text>
              <Text style={ns.small}>SHA-256 of the signed content:</Text>
              <Text style={ns.mono}>{note.contentHash}</Text>
              <Text style={ns.small}>{note.integrity === 'verified' ? 'Checked when printed: the stored note still matches this hash.' : 'WARNING: the stored note no longer matches this hash.'}</Text>
            </>
          ) : (
            <Text style={{ fontWeight: 'bold', color: '#a00' }}>Draft: not signed. This is not a finished record.</Text>
          )}
        </View>

        {note.addendaList.length ? (
          <Section title="Addenda">
            {note.addendaList.map((a) => (
              <View key={a.id} style={{ marginBottom: 6 }} wrap={false}>
                <Text style={{ fontWeight: 'bold' }}>
                  Addendum signed by {a.authorName} on {format.instant(a.signedAt)}
                </Text>
                <Para text={a.text} />
                <Text style={ns.mono}>SHA-256 {a.hash}</Text>
              </View>
            ))}
          </Section>
        ) : null}

        <View style={printStyles.footer} fixed>
          <Text>
            Confidential patient information · {patient.name} · {printedLabel}
          </Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
