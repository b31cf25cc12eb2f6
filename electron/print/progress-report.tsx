import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { GOAL_STATUS_LABELS, GOAL_TERM_LABELS, type Episode } from '../../shared/charting/episode';
import { MEASURES } from '../../shared/clinical/reassessment';
import type { ClinicFormat } from '../../shared/format/clinic-format';
import { DEVICE_LABELS, GRADE_WORDS, UNIT_WORDS, changeText, valueText } from '../../shared/format/reassessment-format';
import { INSTRUMENT_NAMES, type MeasureLinesRecord, type MeasureTrend, type OutcomeSummary } from '../../shared/domain/reassessments';
import { nameWithCredentials } from '../../shared/superbill/superbill';
import { SERIES_LABELS, measureChartInput, outcomeChartInput } from '../../shared/domain/trend-series';
import type { NoteClinic } from './note';
import { Line, ns, Section } from './note-parts';
import { printStyles } from './print-styles';
import { PrintTrendChart } from './progress-report-parts';

/** The patient's therapist the report is from, with how they sign (e.g. "PT, DPT"). */
export interface ReportTherapist {
  name: string;
  credentials: string | null;
}

export interface ProgressReportProps {
  clinic: NoteClinic;
  patient: { name: string; dateOfBirth: string; mrn: string };
  /** Who the letter is to: name and address lines. */
  addressee: { kind: 'patient' | 'physician'; name: string; lines: string[] };
  episode: Episode | null;
  trends: readonly MeasureTrend[];
  lines: readonly MeasureLinesRecord[];
  outcomes: readonly OutcomeSummary[];
  therapist: ReportTherapist;
  printedLabel: string;
  paper: 'letter' | 'a4';
  format: ClinicFormat;
}

const BOX = { width: 250, height: 120, padding: { top: 0, right: 0, bottom: 0, left: 0 } };
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const CHANGE_WORDS = { improved: 'better — beyond the detectable change', worse: 'worse — beyond the detectable change', 'within-error': 'within the detectable change' } as const;
const signedAs = (t: ReportTherapist) => nameWithCredentials(t.name, t.credentials);
const col = (w: string) => ({ width: w, paddingRight: 4 });

/**
 * A section whose heading (and intro) never ends a page on its own: they are drawn unbreakable with
 * the first item, which moves to the next page with them. (react-pdf's minPresenceAhead does not see
 * an unbreakable item that follows, so it cannot be relied on here.)
 */
function KeptSection({ title, intro, items }: { title: string; intro: ReactNode; items: ReactNode[] }) {
  return (
    <View style={ns.section}>
      <View wrap={false}>
        <Text style={ns.heading}>{title}</Text>
        {intro}
        {items[0]}
      </View>
      {items.slice(1)}
    </View>
  );
}

/** The progress report: letterhead, addressee, patient and episode, each measure and questionnaire baseline vs latest with a small trend chart, and the goals. */
export function ProgressReportPdf(p: ProgressReportProps) {
  const { clinic, patient, episode, format } = p;
  const date = (d: string | null) => (d ? format.date(d) : null);
  const address = [clinic.addressLine1, clinic.addressLine2, `${clinic.city}, ${clinic.region} ${clinic.postalCode}`].filter(Boolean).join(' · ');
  const measured = MEASURES.filter((def) => p.trends.some((t) => t.code === def.code));
  return (
    <Document title={`Progress report ${patient.name}`} author={clinic.name} creator="Runback">
      <Page size={p.paper === 'a4' ? 'A4' : 'LETTER'} style={printStyles.page}>
        <View style={printStyles.header} fixed>
          <View>
            <Text style={printStyles.clinicName}>{clinic.name}</Text>
            <Text style={printStyles.small}>{address}</Text>
            <Text style={printStyles.small}>
              {clinic.phone}
              {clinic.npi ? ` · NPI ${clinic.npi}` : ''}
            </Text>
          </View>
          <View>
            <Text style={printStyles.title}>Progress report</Text>
            <Text style={[printStyles.small, { textAlign: 'right' }]}>{p.printedLabel}</Text>
          </View>
        </View>

        <View style={{ marginBottom: 8 }}>
          <Text style={ns.small}>{p.addressee.kind === 'physician' ? 'To the referring physician' : 'To the patient'}</Text>
          <Text style={{ fontWeight: 'bold' }}>{p.addressee.name}</Text>
          {p.addressee.lines.map((l) => (
            <Text key={l}>{l}</Text>
          ))}
        </View>
        <Text style={ns.para}>
          {p.addressee.kind === 'physician'
            ? `Re: ${patient.name}, born ${date(patient.dateOfBirth)}. This report sets the first measurements of the episode against the latest ones.`
            : `Dear ${patient.name.split(',').slice(1).join(',').trim() || patient.name}, this report sets your first measurements against your latest ones.`}
        </Text>

        <View style={{ flexDirection: 'row' }}>
          <View style={{ width: '50%', paddingRight: 8 }}>
            <Line half label="Patient" value={patient.name} />
            <Line half label="Date of birth" value={date(patient.dateOfBirth)} />
            <Line half label="MRN" value={patient.mrn} />
            <Line half label="Therapist" value={signedAs(p.therapist)} />
          </View>
          <View style={{ width: '50%' }}>
            <Line half label="Episode" value={episode ? `since ${date(episode.startDate)}${episode.status === 'discharged' && episode.discharge ? `, discharged ${date(episode.discharge.date)}` : ''}` : 'no episode of care recorded'} />
            <Line half label="Referral" value={episode ? (episode.referral.type === 'self' ? 'Self-referred' : `${episode.referral.physicianName ?? ''}${episode.referral.physicianNpi ? `, NPI ${episode.referral.physicianNpi}` : ''}`) : null} />
            <Line half label="Diagnoses" value={episode?.diagnoses.map((d) => `${d.code} ${d.title ?? ''}`.trim()).join('; ')} />
          </View>
        </View>

        <KeptSection
          title="Mobility and strength measures"
          intro={
            <>
              {measured.length === 0 ? <Text style={ns.muted}>No reassessment recorded yet.</Text> : null}
              <Text style={ns.small}>
            Baseline is the first reading of the episode. A change counts as real only when it passes the measure’s detectable change (published figure where one exists, otherwise the clinic’s policy figure, as labelled). Charts: left solid, right dashed; shaded band = detectable change around the baseline; red dashed line = cut-off; ringed dot = beyond the detectable change.
          </Text>
            </>
          }
          items={
          measured.map((def) => {
            const trends = p.trends.filter((t) => t.code === def.code);
            const lines = p.lines.find((l) => l.code === def.code);
            const input = measureChartInput(def, trends, lines, BOX);
            const dc = lines?.detectableChange;
            return (
              <View key={def.code} style={{ marginTop: 7, borderTopWidth: 0.4, borderTopColor: '#bbb', paddingTop: 4 }} wrap={false}>
                <Text style={ns.subheading}>{def.name}</Text>
                <View style={{ flexDirection: 'row' }}>
                  <View style={{ width: input ? '54%' : '100%' }}>
                    <View style={ns.tableHead}>
                      <Text style={col('14%')}>Side</Text>
                      <Text style={col('24%')}>Baseline</Text>
                      <Text style={col('24%')}>Latest</Text>
                      <Text style={col('38%')}>Change</Text>
                    </View>
                    {trends.map((t) => {
                      const first = t.points[0]!;
                      const last = t.points.at(-1)!;
                      const since = last.sinceBaseline;
                      return (
                        <View key={t.side} style={[ns.tableRow, { fontSize: 8.5 }]}>
                          <Text style={col('14%')}>{def.sided ? SERIES_LABELS[t.side] : '—'}</Text>
                          <Text style={col('24%')}>
                            {valueText(first.value, def.unit)} {date(first.date)}
                            {first.device ? `\n${DEVICE_LABELS[first.device]}` : ''}
                          </Text>
                          <Text style={col('24%')}>
                            {last === first ? '—' : `${valueText(last.value, def.unit)} ${date(last.date)}${last.device ? `\n${DEVICE_LABELS[last.device]}` : ''}`}
                          </Text>
                          <Text style={col('38%')}>
                            {since ? `${since.difference !== null ? `${changeText(since.difference, def.unit)}: ` : ''}${since.classification === 'within-error' ? CHANGE_WORDS['within-error'] : since.difference === null ? (since.classification === 'improved' ? 'better (result changed)' : 'worse (result changed)') : CHANGE_WORDS[since.classification]}` : 'baseline only'}
                            {since?.warnings.length ? ' · device changed' : ''}
                          </Text>
                        </View>
                      );
                    })}
                    <Text style={[ns.small, { marginTop: 2 }]}>
                      Unit: {UNIT_WORDS[def.unit]}
                      {dc ? ` · detectable change ${valueText(dc.value, def.unit)} (${GRADE_WORDS[dc.grade]})` : ''}
                      {lines?.cutoff ? ` · cut-off ${lines.cutoff.label} (${GRADE_WORDS[lines.cutoff.grade]})` : ''}
                    </Text>
                  </View>
                  {input ? (
                    <View style={{ width: '46%', alignItems: 'flex-end' }}>
                      <PrintTrendChart input={input} axisLabel={UNIT_WORDS[def.unit]} tick={fmt} date={(d) => format.date(d, 'short')} />
                    </View>
                  ) : null}
                </View>
              </View>
            );
          })}
        />

        <KeptSection
          title="Questionnaires"
          intro={p.outcomes.length === 0 ? <Text style={ns.muted}>No questionnaire recorded yet.</Text> : null}
          items={p.outcomes.map((s) => {
            const input = outcomeChartInput(s, BOX);
            const c = s.change;
            return (
              <View key={s.instrument} style={{ marginTop: 7, borderTopWidth: 0.4, borderTopColor: '#bbb', paddingTop: 4, flexDirection: 'row' }} wrap={false}>
                <View style={{ width: input ? '54%' : '100%', paddingRight: 6 }}>
                  <Text style={ns.subheading}>{INSTRUMENT_NAMES[s.instrument]}</Text>
                  <Line label="Baseline" value={`${s.baseline.scoreText} (${date(s.baseline.date)})`} />
                  <Line label="Latest" value={s.latest.id === s.baseline.id ? 'only one so far' : `${s.latest.scoreText} (${date(s.latest.date)})`} />
                  <Line
                    label="Change"
                    value={
                      c
                        ? `${c.change > 0 ? '+' : c.change < 0 ? '−' : '±'}${fmt(Math.abs(c.change))} points: ${c.direction === 'within-error' ? 'within measurement error' : `${c.direction === 'improved' ? 'better' : 'worse'} beyond measurement error`}${c.meetsMcid === null ? '' : c.meetsMcid ? '; reaches the minimal important change' : '; does not reach the minimal important change'}`
                        : '—'
                    }
                  />
                  <Text style={ns.small}>
                    Thresholds: {s.thresholds}
                    {s.scale.mic ? ` (important change ${GRADE_WORDS[s.scale.mic.grade]})` : ''}
                  </Text>
                </View>
                {input ? (
                  <View style={{ width: '46%', alignItems: 'flex-end' }}>
                    <PrintTrendChart input={input} axisLabel={s.scale.unit} tick={fmt} date={(d) => format.date(d, 'short')} />
                  </View>
                ) : null}
              </View>
            );
          })}
        />

        {/* The goals and the signature stay together: a page holding only the last goals and a signature reads as a stray. */}
        <View wrap={false}>
          <Section title="Goals">
            {!episode || episode.goals.length === 0 ? <Text style={ns.muted}>No goals recorded for this episode.</Text> : null}
            {episode?.goals.map((g) => (
              <Text key={g.id} style={ns.para}>
                {GOAL_TERM_LABELS[g.term]} goal: {g.description}
                {g.targetDate ? ` (by ${date(g.targetDate)})` : ''} — {GOAL_STATUS_LABELS[g.status]}
              </Text>
            ))}
          </Section>

          <View style={{ marginTop: 16 }}>
            <Text style={ns.small}>Yours sincerely,</Text>
            <Text style={{ marginTop: 14, fontWeight: 'bold' }}>{signedAs(p.therapist)}</Text>
            <Text style={ns.small}>
              {clinic.name} · {clinic.phone}
            </Text>
          </View>
        </View>

        <View style={printStyles.footer} fixed>
          <Text>Confidential patient information · {patient.name}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
