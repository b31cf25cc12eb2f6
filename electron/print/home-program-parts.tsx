import { Circle, Image, Path, StyleSheet, Svg, Text, View } from '@react-pdf/renderer';
import type { z } from 'zod';
import { TONE_COLOURS } from '../../shared/illustration';
import type { drawingSchema, HandoutData, HandoutExercise } from '../../shared/program/handout';

type Drawing = z.infer<typeof drawingSchema>;

/** Type an older reader can read: nothing the patient acts on is under 12 pt. */
export const READ = 12;

const s = StyleSheet.create({
  cell: { width: '48.5%', borderWidth: 0.75, borderColor: '#9ca3af', borderRadius: 4, padding: 8 },
  exTitle: { fontSize: 14, fontWeight: 'bold', marginBottom: 4 },
  frames: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 4 },
  frame: { width: '49%', alignItems: 'center' },
  frameLabel: { fontSize: 10, color: '#374151' },
  label: { fontSize: 10, color: '#374151', marginTop: 4, textTransform: 'uppercase' },
  read: { fontSize: READ, lineHeight: 1.3 },
  bullet: { flexDirection: 'row', fontSize: READ, lineHeight: 1.3 },
  photo: { width: '100%', height: 150, objectFit: 'contain', marginBottom: 4 },
  th: { fontSize: 10.5, fontWeight: 'bold', color: '#1f2937' },
});

/** One key frame drawn with react-pdf's SVG primitives: the same marks the screen's <svg> draws. */
export function FrameDrawing({ drawing, width }: { drawing: Drawing; width: number }) {
  const height = (width * drawing.height) / drawing.width;
  return (
    <Svg width={width} height={height} viewBox={`0 0 ${drawing.width} ${drawing.height}`}>
      {drawing.marks.map((m, i) => {
        const colour = TONE_COLOURS[m.tone];
        if (m.kind === 'circle') return <Circle key={i} cx={m.cx} cy={m.cy} r={m.r} fill={m.fill ? colour : 'none'} stroke={m.width > 0 ? colour : 'none'} strokeWidth={m.width} />;
        return <Path key={i} d={m.d} fill={m.fill ? colour : 'none'} stroke={colour} strokeWidth={m.width} strokeLinecap="round" strokeLinejoin="round" />;
      })}
    </Svg>
  );
}

export function Bullets({ items }: { items: string[] }) {
  return (
    <View>
      {items.map((c, i) => (
        <View key={i} style={s.bullet}>
          <Text style={{ width: 12 }}>•</Text>
          <Text style={{ flex: 1 }}>{c}</Text>
        </View>
      ))}
    </View>
  );
}

function ExerciseCell({ e, words }: { e: HandoutExercise; words: HandoutData['words'] }) {
  const p = e.picture;
  return (
    <View style={s.cell}>
      <Text style={s.exTitle}>{e.title}</Text>
      {p.kind === 'drawing' ? (
        <View style={s.frames}>
          {([['start', p.start], ['end', p.end]] as const).map(([k, d]) => (
            <View key={k} style={s.frame}>
              <FrameDrawing drawing={d} width={118} />
              <Text style={s.frameLabel}>{k === 'start' ? words.start : words.end}</Text>
            </View>
          ))}
        </View>
      ) : p.kind === 'photo' ? (
        <View>
          <Image style={s.photo} src={`data:${p.mimeType};base64,${p.base64}`} />
        </View>
      ) : null}
      <Text style={s.label}>{words.dose}</Text>
      <Text style={s.read}>{e.dose}</Text>
      <Text style={s.label}>{words.cues}</Text>
      <Bullets items={e.cues} />
      {e.instructions ? (
        <>
          <Text style={s.label}>{words.instructions}</Text>
          <Text style={s.read}>{e.instructions}</Text>
        </>
      ) : null}
    </View>
  );
}

/** The exercises two per row; a row never splits across pages. */
export function ExerciseRows({ handout }: { handout: HandoutData }) {
  const rows: HandoutExercise[][] = [];
  for (let i = 0; i < handout.exercises.length; i += 2) rows.push(handout.exercises.slice(i, i + 2));
  return (
    <View>
      {rows.map((row, i) => (
        <View key={i} style={{ flexDirection: 'row', justifyContent: 'space-between', marginBottom: 10 }} wrap={false}>
          {row.map((e) => (
            <ExerciseCell key={e.key} e={e} words={handout.words} />
          ))}
        </View>
      ))}
    </View>
  );
}

const LIGHT = { green: { bg: '#dcfce7', border: '#15803d' }, amber: { bg: '#fef3c7', border: '#b45309' }, red: { bg: '#fee2e2', border: '#b91c1c' } } as const;

export function TrafficLight({ rules }: { rules: HandoutData['painRules'] }) {
  return (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
      {rules.lights.map((l) => (
        <View key={l.zone} style={{ width: '32.5%', backgroundColor: LIGHT[l.zone].bg, borderWidth: 1.5, borderColor: LIGHT[l.zone].border, borderRadius: 4, padding: 8 }}>
          <View style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 4 }}>
            <View style={{ width: 14, height: 14, borderRadius: 7, backgroundColor: LIGHT[l.zone].border, marginRight: 6 }} />
            <Text style={{ fontSize: 13, fontWeight: 'bold', flex: 1 }}>{l.title}</Text>
          </View>
          <Text style={[s.read, { marginBottom: 4 }]}>{l.when}</Text>
          <Text style={[s.read, { fontWeight: 'bold' }]}>{l.what}</Text>
        </View>
      ))}
    </View>
  );
}

export function Calendar({ handout }: { handout: HandoutData }) {
  const c = handout.calendar;
  if (!c) return <Text style={s.read}>{handout.words.calendarNone}</Text>;
  return (
    <View>
      <Text style={[s.read, { marginBottom: 6 }]}>{c.intro}</Text>
      {c.weeks.map((w, i) => (
        <View key={w.weekStart} style={{ flexDirection: 'row', borderTopWidth: 0.75, borderColor: '#9ca3af', paddingVertical: 5 }} wrap={false}>
          <View style={{ width: '30%', paddingRight: 6 }}>
            <Text style={[s.read, { fontWeight: 'bold' }]}>{w.label}</Text>
            <Text style={s.read}>{c.sessions[i]}</Text>
          </View>
          <View style={{ width: '70%' }}>
            <Text style={[s.read, { fontWeight: 'bold' }]}>{w.sessionText}</Text>
            <Text style={s.read}>
              {handout.words.where}: {w.surface} · {handout.words.pace}: {w.pace}
            </Text>
            {w.condition ? <Text style={[s.read, { color: '#374151' }]}>{w.condition}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

export function LogTable({ log }: { log: HandoutData['log'] }) {
  const widths = ['22%', '26%', '26%', '26%'];
  const row = { flexDirection: 'row' as const, borderBottomWidth: 0.75, borderColor: '#6b7280' };
  return (
    <View style={{ borderTopWidth: 0.75, borderLeftWidth: 0.75, borderColor: '#6b7280' }}>
      <View style={[row, { backgroundColor: '#f3f4f6' }]}>
        {log.columns.map((c, i) => (
          <Text key={c} style={[s.th, { width: widths[i], padding: 4, borderRightWidth: 0.75, borderColor: '#6b7280' }]}>
            {c}
          </Text>
        ))}
      </View>
      {Array.from({ length: log.rows }, (_, r) => (
        <View key={r} style={[row, { height: 22 }]} wrap={false}>
          {widths.map((w, i) => (
            <View key={i} style={{ width: w, borderRightWidth: 0.75, borderColor: '#6b7280' }} />
          ))}
        </View>
      ))}
    </View>
  );
}
