import { Path, StyleSheet, Svg, Text, View } from '@react-pdf/renderer';
import type { BodyMark } from '../../shared/charting/note-content';
import { BODY_REGIONS, bodyRegion, type BodyView as BodyViewName } from '../../shared/charting/body-chart';
import { BODY_OUTLINE, BODY_VIEWBOX, intensityFill, VIEW_SIDE_MARKS } from '../../shared/charting/body-outline';
import { PAIN_QUALITY_LABELS } from '../../shared/charting/vocab';
import type { BillingSummary } from '../../shared/charting/billing-lines';

/** Pieces of the printed visit note: section headings, label/value lines, the body chart and the billing table. */
export const ns = StyleSheet.create({
  section: { marginTop: 10 },
  heading: { fontSize: 11, fontWeight: 'bold', borderBottomWidth: 0.5, borderBottomColor: '#888', paddingBottom: 2, marginBottom: 4 },
  subheading: { fontSize: 9.5, fontWeight: 'bold', marginTop: 5, marginBottom: 2 },
  line: { flexDirection: 'row', marginBottom: 2 },
  label: { width: '24%', color: '#444' },
  value: { width: '76%' },
  para: { marginBottom: 2.5 },
  muted: { color: '#555' },
  small: { fontSize: 8.5, color: '#333' },
  tableHead: { flexDirection: 'row', borderBottomWidth: 0.8, borderBottomColor: '#222', paddingBottom: 2, fontWeight: 'bold', fontSize: 8.5 },
  tableRow: { flexDirection: 'row', borderBottomWidth: 0.4, borderBottomColor: '#bbb', paddingVertical: 2.5 },
  // Hashes print small in the document's own font (the bundled font carries every character; no built-in PDF font).
  mono: { fontSize: 7.5, letterSpacing: 0.2 },
});

export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <View style={ns.section}>
      <Text style={ns.heading}>{title}</Text>
      {children}
    </View>
  );
}

/** A label and its value on one line; nothing when the value is empty. */
/** A label and its value; `half` for the two columns under the letterhead (room for "Date of birth"). */
export function Line({ label, value, half = false }: { label: string; value: string | null | undefined; half?: boolean }) {
  if (value === null || value === undefined || value.trim() === '') return null;
  return (
    <View style={ns.line} wrap={false}>
      <Text style={half ? [ns.label, { width: '34%' }] : ns.label}>{label}</Text>
      <Text style={half ? [ns.value, { width: '66%' }] : ns.value}>{value}</Text>
    </View>
  );
}

export function Para({ text }: { text: string }) {
  if (!text.trim()) return null;
  return <Text style={ns.para}>{text.trim()}</Text>;
}

function BodyView({ view, marks, width }: { view: BodyViewName; marks: readonly BodyMark[]; width: number }) {
  const height = (width * BODY_VIEWBOX.height) / BODY_VIEWBOX.width;
  const sides = VIEW_SIDE_MARKS[view];
  return (
    <View style={{ alignItems: 'center', marginRight: 8 }}>
      <Svg width={width} height={height} viewBox={`0 0 ${BODY_VIEWBOX.width} ${BODY_VIEWBOX.height}`}>
        {BODY_REGIONS.filter((r) => r.view === view).map((r) => {
          const mark = marks.find((m) => m.region === r.id);
          return <Path key={r.id} d={BODY_OUTLINE[view][r.id]!} fill={mark ? intensityFill(mark.intensity) : '#ffffff'} stroke="#555555" strokeWidth={0.8} />;
        })}
      </Svg>
      <Text style={ns.small}>
        {sides.left} · {view === 'front' ? 'Front' : 'Back'} · {sides.right}
      </Text>
    </View>
  );
}

function MarkList({ marks }: { marks: readonly BodyMark[] }) {
  if (marks.length === 0) return <Text style={ns.muted}>No areas marked.</Text>;
  return (
    <>
      {marks.map((m) => (
        <Text key={m.region} style={ns.para}>
          {bodyRegion(m.region).label}: {m.intensity}/10{m.qualities.length ? `, ${m.qualities.map((q) => PAIN_QUALITY_LABELS[q].toLowerCase()).join(', ')}` : ''}
          {m.note.trim() ? ` — ${m.note.trim()}` : ''}
        </Text>
      ))}
    </>
  );
}

/** Front and back outlines with the marked regions shaded by intensity, and the marks listed in words. */
export function BodyChart({ marks }: { marks: readonly BodyMark[] }) {
  return (
    <View wrap={false} style={{ marginTop: 4, flexDirection: 'row' }}>
      <BodyView view="front" marks={marks} width={78} />
      <BodyView view="back" marks={marks} width={78} />
      <View style={{ flex: 1, marginLeft: 6 }}>
        <MarkList marks={marks} />
      </View>
    </View>
  );
}

/** An earlier chart and today's side by side, as the re-evaluation compares them. */
export function BodyChartComparison({ before, beforeTitle, today, todayTitle }: { before: readonly BodyMark[]; beforeTitle: string; today: readonly BodyMark[]; todayTitle: string }) {
  return (
    <View wrap={false} style={{ marginTop: 4, flexDirection: 'row' }}>
      {[
        [beforeTitle, before],
        [todayTitle, today],
      ].map(([title, marks]) => (
        <View key={title as string} style={{ width: '50%', paddingRight: 8 }}>
          <Text style={ns.subheading}>{title as string}</Text>
          <View style={{ flexDirection: 'row' }}>
            <BodyView view="front" marks={marks as readonly BodyMark[]} width={66} />
            <BodyView view="back" marks={marks as readonly BodyMark[]} width={66} />
          </View>
          <MarkList marks={marks as readonly BodyMark[]} />
        </View>
      ))}
    </View>
  );
}

const col = { code: { width: '10%' }, what: { width: '30%' }, mods: { width: '12%' }, ptr: { width: '12%' }, min: { width: '10%' }, units: { width: '8%' }, why: { width: '18%' } };

/** The billing lines with their modifiers, pointers, units and the sentence that explains each. */
export function BillingTable({ billing }: { billing: BillingSummary }) {
  const all = [...billing.lines, ...billing.unbilled];
  return (
    <View>
      <View style={ns.tableHead} minPresenceAhead={40}>
        <Text style={col.code}>Code</Text>
        <Text style={col.what}>Service</Text>
        <Text style={col.mods}>Modifiers</Text>
        <Text style={col.ptr}>Dx pointer</Text>
        <Text style={col.min}>Minutes</Text>
        <Text style={col.units}>Units</Text>
        <Text style={col.why}> </Text>
      </View>
      {all.length === 0 ? <Text style={[ns.muted, { marginTop: 3 }]}>Nothing billed.</Text> : null}
      {all.map((l) => (
        <View key={l.code} wrap={false} style={{ borderBottomWidth: 0.4, borderBottomColor: '#bbb', paddingVertical: 2.5 }}>
          <View style={{ flexDirection: 'row' }}>
            <Text style={col.code}>{l.code}</Text>
            <Text style={col.what}>{l.label}</Text>
            <Text style={col.mods}>{l.modifiers.join(', ')}</Text>
            <Text style={col.ptr}>{l.pointers.join('') || '—'}</Text>
            <Text style={col.min}>{l.timed ? l.minutes : '—'}</Text>
            <Text style={col.units}>{l.units}</Text>
            <Text style={col.why}> </Text>
          </View>
          <Text style={[ns.small, { marginLeft: '10%' }]}>{l.sentence}</Text>
          {l.suggestion ? <Text style={[ns.small, { marginLeft: '10%' }]}>{l.suggestion.declined ? `Suggested ${l.suggestion.modifier} declined by the therapist. ` : ''}{l.suggestion.sentence}</Text> : null}
        </View>
      ))}
      <Text style={[ns.para, { marginTop: 3 }]}>{billing.sentence}</Text>
    </View>
  );
}
