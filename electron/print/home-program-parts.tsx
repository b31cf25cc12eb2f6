import type { ReactNode } from 'react';
import { Circle, Image, Path, StyleSheet, Svg, Text, View } from '@react-pdf/renderer';
import type { z } from 'zod';
import { TONE_COLOURS } from '../../shared/illustration';
import type { drawingSchema, HandoutData, HandoutExercise } from '../../shared/program/handout';

type Drawing = z.infer<typeof drawingSchema>;

/** Type an older reader can read: nothing the patient acts on is under 12 pt. */
export const READ = 12;

const s = StyleSheet.create({
  cell: { width: '48.5%', borderWidth: 0.75, borderColor: '#9ca3af', borderRadius: 4, paddingHorizontal: 8, paddingVertical: 6 },
  exTitle: { fontSize: 14, fontWeight: 'bold', marginBottom: 2 },
  frames: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 4 },
  frame: { width: '49%', alignItems: 'center', justifyContent: 'flex-end' },
  frameLabel: { fontSize: 10, color: '#374151' },
  label: { fontSize: 9.5, color: '#374151', marginTop: 3, textTransform: 'uppercase' },
  read: { fontSize: READ, lineHeight: 1.25 },
  bullet: { flexDirection: 'row', fontSize: READ, lineHeight: 1.25 },
  photo: { width: '100%', height: 150, objectFit: 'contain', marginBottom: 4 },
  th: { fontSize: 10.5, fontWeight: 'bold', color: '#1f2937' },
});

/** A floor line across the whole box (the renderer draws one under every side view). */
const isFloorLine = (m: Drawing['marks'][number]) => m.kind === 'path' && m.tone === 'floor' && /^M[\d.]+ ([\d.]+) L[\d.]+ \1$/.test(m.d);

/**
 * The part of an exercise's box its two frames use, with a margin: a lying figure fills the printed
 * picture instead of sitting small at the bottom of a tall empty box. Both frames share it, so they
 * stay on one floor and one scale, as on screen.
 */
export function sharedView(drawings: Drawing[]): { x: number; y: number; w: number; h: number; floorY: number | null } {
  const xs: number[] = [];
  const ys: number[] = [];
  let floorY: number | null = null;
  for (const d of drawings)
    for (const m of d.marks) {
      if (isFloorLine(m)) {
        floorY = Number(/^M[\d.]+ ([\d.]+)/.exec((m as { d: string }).d)![1]);
        ys.push(floorY);
      } else if (m.kind === 'circle') {
        xs.push(m.cx - m.r, m.cx + m.r);
        ys.push(m.cy - m.r, m.cy + m.r);
      } else {
        const n = (m.d.match(/-?[\d.]+/g) ?? []).map(Number);
        for (let i = 0; i + 1 < n.length; i += 2) {
          xs.push(n[i]!);
          ys.push(n[i + 1]!);
        }
      }
    }
  const pad = 8;
  const x = Math.max(0, Math.min(...xs) - pad);
  const y = Math.max(0, Math.min(...ys) - pad);
  const w = Math.min(drawings[0]!.width, Math.max(...xs) + pad) - x;
  const h = Math.min(drawings[0]!.height, Math.max(...ys) + 4) - y;
  return { x, y, w, h, floorY };
}

/**
 * The marks as printed: the full-width floor line left out (the frame draws its own across the shared
 * view), and neighbouring strokes of one tone, width and fill joined into one path of several
 * subpaths. Painting them as one is the same picture (same order, same opaque colour) with fewer SVG
 * nodes for the PDF layout to style, measure and draw: a drawing's two far limbs, two near limbs
 * and two arrow strokes are one path each.
 */
export function printMarks(drawing: Drawing): Drawing['marks'] {
  const out: Drawing['marks'] = [];
  for (const m of drawing.marks) {
    if (isFloorLine(m)) continue;
    const last = out[out.length - 1];
    if (m.kind === 'path' && last?.kind === 'path' && last.tone === m.tone && last.width === m.width && last.fill === m.fill) out[out.length - 1] = { ...last, d: `${last.d} ${m.d}` };
    else out.push(m);
  }
  return out;
}

/** One key frame drawn with react-pdf's SVG primitives: the same marks the screen's <svg> draws, in the shared view. */
export function FrameDrawing({ drawing, view, width, maxHeight }: { drawing: Drawing; view: ReturnType<typeof sharedView>; width: number; maxHeight: number }) {
  const scale = Math.min(width / view.w, maxHeight / view.h);
  return (
    <Svg width={view.w * scale} height={view.h * scale} viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}>
      {view.floorY !== null ? <Path d={`M${view.x} ${view.floorY} L${view.x + view.w} ${view.floorY}`} stroke={TONE_COLOURS.floor} strokeWidth={1.5} /> : null}
      {printMarks(drawing).map((m, i) => {
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

/**
 * A long list in two columns, read down the first then the second: a dozen short lines take half the
 * height of one column at the same type size. The split balances the columns by length, in order.
 */
export function BulletColumns({ items }: { items: string[] }) {
  const total = items.reduce((n, c) => n + c.length + 20, 0);
  let split = 0;
  for (let n = 0; split < items.length && n + items[split]!.length + 20 <= total / 2 + 20; split++) n += items[split]!.length + 20;
  return (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
      <View style={{ width: '48.5%' }}>
        <Bullets items={items.slice(0, Math.max(1, split))} />
      </View>
      <View style={{ width: '48.5%' }}>
        <Bullets items={items.slice(Math.max(1, split))} />
      </View>
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
              <FrameDrawing drawing={d} view={sharedView([p.start, p.end])} width={116} maxHeight={96} />
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

/**
 * Each light's share of the row, by how much it says (between a quarter and two fifths): red says
 * the most, and equal thirds made the row as tall as red's column with green's half empty.
 */
export function lightWidths(lights: readonly { title: string; when: string; what: string }[]): number[] {
  const length = lights.map((l) => l.title.length + l.when.length + l.what.length);
  const total = length.reduce((a, b) => a + b, 0);
  const share = length.map((n) => Math.min(0.4, Math.max(0.25, n / total)));
  const sum = share.reduce((a, b) => a + b, 0);
  // 97.5% of the row: the rest is the two gaps between the lights.
  return share.map((x) => Math.round((x / sum) * 975) / 10);
}

export function TrafficLight({ rules }: { rules: HandoutData['painRules'] }) {
  const widths = lightWidths(rules.lights);
  return (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
      {rules.lights.map((l, i) => (
        <View key={l.zone} style={{ width: `${widths[i]}%`, backgroundColor: LIGHT[l.zone].bg, borderWidth: 1.5, borderColor: LIGHT[l.zone].border, borderRadius: 4, padding: 8 }}>
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

/** The four weeks; the heading stays with how to read them and the first week (later weeks may go on to the next page). */
export function Calendar({ handout, heading }: { handout: HandoutData; heading: ReactNode }) {
  const c = handout.calendar;
  if (!c)
    return (
      <View wrap={false}>
        {heading}
        <Text style={s.read}>{handout.words.calendarNone}</Text>
      </View>
    );
  // Where and how fast are said once when every week is the same (as they usually are).
  const same = c.weeks.every((w) => w.surface === c.weeks[0]!.surface && w.pace === c.weeks[0]!.pace);
  const wherePace = (w: { surface: string; pace: string }) => `${handout.words.where}: ${w.surface} · ${handout.words.pace}: ${w.pace}`;
  const week = (w: (typeof c.weeks)[number], i: number) => (
        <View key={w.weekStart} style={{ flexDirection: 'row', borderTopWidth: 0.75, borderColor: '#9ca3af', paddingVertical: 5 }} wrap={false}>
          <View style={{ width: '34%', paddingRight: 6 }}>
            <Text style={[s.read, { fontWeight: 'bold' }]}>{w.label}</Text>
            <Text style={s.read}>{c.sessions[i]}</Text>
          </View>
          <View style={{ width: '66%' }}>
            <Text style={[s.read, { fontWeight: 'bold' }]}>{w.sessionText}</Text>
            {same ? null : <Text style={s.read}>{wherePace(w)}</Text>}
            {w.condition ? <Text style={[s.read, { color: '#374151' }]}>{w.condition}</Text> : null}
          </View>
        </View>
  );
  // The parts are the page's own children: a wrapping View around unbreakable ones lays them over each other when it splits.
  return (
    <>
      <View wrap={false}>
        {heading}
        <Text style={[s.read, { marginBottom: 4 }]}>{c.intro}</Text>
        {same && c.weeks[0] ? <Text style={[s.read, { marginBottom: 6 }]}>{wherePace(c.weeks[0])}</Text> : null}
        {c.weeks[0] ? week(c.weeks[0], 0) : null}
      </View>
      {c.weeks.slice(1).map((w, i) => week(w, i + 1))}
    </>
  );
}

/**
 * The log: a header row and empty lines to write on (20 pt, a college-ruled line). The column rules
 * are drawn once over the whole body rather than as four empty boxes per line, which keeps the
 * document's node count (and layout time) down.
 */
export function LogTable({ log }: { log: HandoutData['log'] }) {
  const widths = [22, 26, 26, 26];
  const rule = '#6b7280';
  const edges = widths.slice(0, -1).map((_, i) => widths.slice(0, i + 1).reduce((a, b) => a + b, 0));
  return (
    <View style={{ borderTopWidth: 0.75, borderLeftWidth: 0.75, borderColor: rule }}>
      <View style={{ flexDirection: 'row', borderBottomWidth: 0.75, borderColor: rule, backgroundColor: '#f3f4f6' }}>
        {log.columns.map((c, i) => (
          <Text key={c} style={[s.th, { flex: widths[i], padding: 4, borderRightWidth: 0.75, borderColor: rule }]}>
            {c}
          </Text>
        ))}
      </View>
      <View style={{ borderRightWidth: 0.75, borderColor: rule }}>
        {Array.from({ length: log.rows }, (_, r) => (
          <View key={r} style={{ height: 20, borderBottomWidth: 0.75, borderColor: rule }} />
        ))}
        {edges.map((x) => (
          <View key={x} style={{ position: 'absolute', top: 0, bottom: 0, left: `${x}%`, marginLeft: -0.75, borderLeftWidth: 0.75, borderColor: rule }} />
        ))}
      </View>
    </View>
  );
}
