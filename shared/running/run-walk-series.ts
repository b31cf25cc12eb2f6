/**
 * A recorded session as one value a second, the common ground of detection and plausibility:
 * - speed: from the cumulative distance when the samples have it (linear between samples, so a GPS
 *   gap reads as steady movement and a paused watch as standing still), else from the device speed;
 * - cadence (steps a minute), when the samples have it.
 *
 * The grid runs on **active time**: spans when the watch was paused are cut out, so the seconds add
 * up to the activity's recorded duration, never to more (run + walk ≤ duration).
 */

/** What detection needs from a sample: time, and cumulative distance or speed; cadence if known. */
export interface SpeedSample {
  t: number;
  distance?: number;
  speed?: number;
  /**
   * Speed along smoothed GPS positions that keeps its pace through turns: when most samples with a
   * distance have it, the series' speed comes from it (the distance still from `distance`).
   */
  trackSpeed?: number;
  /** Steps a minute (both feet). */
  cadence?: number;
}

/** A span, in seconds from the start, when the recording was paused (a GPX segment break, an auto-pause). */
export interface Pause {
  start: number;
  end: number;
}

export interface SeriesContext {
  pauses?: readonly Pause[];
  /** The activity's duration (timer time); the grid never runs longer. */
  durationSeconds?: number;
}

export interface PerSecondSeries {
  /** speed[i]: metres covered in active second [i, i+1). */
  speed: Float64Array;
  /** distanceAt[i]: cumulative metres at active second i (length = speed.length + 1). */
  distanceAt: Float64Array;
  /** cadence[i] in steps a minute, 0 when unknown or standing; null when the samples carry none. */
  cadence: Float64Array | null;
  /**
   * Metres a second at the smoothed GPS speed that keeps its pace through turns (the samples'
   * `trackSpeed`), for telling running from walking; null when the samples carry none.
   */
  trackSpeed: Float64Array | null;
}

/** Sorted, merged, non-empty pauses. */
function normalisePauses(pauses: readonly Pause[] | undefined): Pause[] {
  const list = (pauses ?? []).filter((p) => Number.isFinite(p.start) && Number.isFinite(p.end) && p.end > p.start).sort((a, b) => a.start - b.start);
  const out: Pause[] = [];
  for (const p of list) {
    const last = out[out.length - 1];
    if (last !== undefined && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else out.push({ start: Math.max(0, p.start), end: p.end });
  }
  return out;
}

/** Maps elapsed seconds to active seconds (pauses cut out), for times in increasing order. */
function activeClock(pauses: Pause[]) {
  let k = 0;
  let before = 0;
  return (t: number): number => {
    while (k < pauses.length && pauses[k]!.end <= t) {
      before += pauses[k]!.end - pauses[k]!.start;
      k++;
    }
    const p = pauses[k];
    const inside = p !== undefined && t > p.start ? t - p.start : 0;
    return t - before - inside;
  };
}

/** Builds the grid. Returns null when the samples carry neither distance nor speed. */
export function perSecondSeries(samples: readonly SpeedSample[], maxSpeedGap: number, context: SeriesContext = {}): PerSecondSeries | null {
  const sorted = samples.filter((s) => Number.isFinite(s.t) && s.t >= 0).sort((a, b) => a.t - b.t);
  if (sorted.length === 0) return null;
  const clock = activeClock(normalisePauses(context.pauses));
  let pts = sorted.map((s) => ({ ...s, t: clock(s.t) }));
  let activeTotal = pts[pts.length - 1]!.t;
  const duration = context.durationSeconds;
  if (duration !== undefined && Number.isFinite(duration) && duration >= 0 && activeTotal > duration + 1) {
    // The file's timer says less than the samples span and no pause explains it (a device that keeps
    // writing while paused): squeeze the timeline onto the timer so run + walk stays within it.
    const scale = duration / activeTotal;
    pts = pts.map((p) => ({ ...p, t: p.t * scale }));
    activeTotal = duration;
  }
  let total = Math.round(activeTotal);
  if (duration !== undefined && Number.isFinite(duration) && duration >= 0) total = Math.min(total, Math.floor(duration));
  total = Math.max(0, total);
  const speed = new Float64Array(total);
  const distanceAt = new Float64Array(total + 1);
  const withDistance = pts.filter((p) => p.distance !== undefined && Number.isFinite(p.distance));
  const withSpeed = pts.filter((p) => p.speed !== undefined && Number.isFinite(p.speed));
  const withCadence = pts.filter((p) => p.cadence !== undefined && Number.isFinite(p.cadence));
  const cadence = withCadence.length >= 2 ? interpolateMidSeconds(withCadence, (p) => p.cadence!, total, maxSpeedGap) : null;

  if (withDistance.length >= 2 && withDistance.length >= withSpeed.length / 2) {
    // Cumulative distance, made non-decreasing, sampled at every whole second.
    distanceAt.set(cumulativeAtSeconds(withDistance.map((p) => ({ t: p.t, d: p.distance! })), total));
    for (let i = 0; i < total; i++) speed[i] = distanceAt[i + 1]! - distanceAt[i]!;
    const withTrackSpeed = withDistance.filter((p) => p.trackSpeed !== undefined && Number.isFinite(p.trackSpeed));
    if (withTrackSpeed.length < 2 || withTrackSpeed.length < withDistance.length / 2) return { speed, distanceAt, cadence, trackSpeed: null };
    // The way covered at that speed (trapezoids between samples), read the same way as the distance.
    const covered = [{ t: withTrackSpeed[0]!.t, d: 0 }];
    for (let k = 1; k < withTrackSpeed.length; k++) {
      const a = withTrackSpeed[k - 1]!;
      const b = withTrackSpeed[k]!;
      covered.push({ t: b.t, d: covered[k - 1]!.d + (Math.max(0, b.t - a.t) * (a.trackSpeed! + b.trackSpeed!)) / 2 });
    }
    const along = cumulativeAtSeconds(covered, total);
    const trackSpeed = new Float64Array(total);
    for (let i = 0; i < total; i++) trackSpeed[i] = along[i + 1]! - along[i]!;
    return { speed, distanceAt, cadence, trackSpeed };
  }

  if (withSpeed.length >= 1) {
    const v = interpolateMidSeconds(withSpeed, (p) => p.speed!, total, maxSpeedGap);
    for (let i = 0; i < total; i++) {
      speed[i] = Math.max(0, v[i]!);
      distanceAt[i + 1] = distanceAt[i]! + speed[i]!;
    }
    return { speed, distanceAt, cadence, trackSpeed: null };
  }
  return null;
}

/** A cumulative value (made non-decreasing) at every whole second 0 … total, linear between points. */
function cumulativeAtSeconds(points: ReadonlyArray<{ t: number; d: number }>, total: number): Float64Array {
  const ts: number[] = [];
  const ds: number[] = [];
  let maxD = 0;
  for (const p of points) {
    maxD = Math.max(maxD, p.d);
    if (ts.length > 0 && p.t <= ts[ts.length - 1]!) {
      ds[ds.length - 1] = maxD; // same or earlier time: keep the latest reading
      continue;
    }
    ts.push(p.t);
    ds.push(maxD);
  }
  const out = new Float64Array(total + 1);
  const last = ts.length - 1;
  let j = 0;
  for (let i = 0; i <= total; i++) {
    if (i <= ts[0]!) out[i] = ds[0]!;
    else if (i >= ts[last]!) out[i] = ds[last]!;
    else {
      while (ts[j + 1]! <= i) j++;
      const t0 = ts[j]!;
      const d0 = ds[j]!;
      out[i] = d0 + ((ds[j + 1]! - d0) * (i - t0)) / (ts[j + 1]! - t0);
    }
  }
  return out;
}

/** A value at the middle of each second, linear between samples; a gap longer than `maxGap` reads 0. */
function interpolateMidSeconds<T extends { t: number }>(points: readonly T[], value: (p: T) => number, total: number, maxGap: number): Float64Array {
  const out = new Float64Array(total);
  let j = 0;
  for (let i = 0; i < total; i++) {
    const x = i + 0.5;
    while (j < points.length - 1 && points[j + 1]!.t <= x) j++;
    const a = points[j]!;
    const b = points[j + 1];
    let v: number;
    if (x <= a.t) v = j === 0 && a.t - x <= maxGap ? value(a) : 0;
    else if (b === undefined) v = x - a.t <= maxGap ? value(a) : 0;
    else if (b.t - a.t > maxGap) v = 0;
    else v = value(a) + ((value(b) - value(a)) * (x - a.t)) / (b.t - a.t);
    out[i] = v;
  }
  return out;
}

/** Centred rolling mean; the window shrinks at the ends. */
export function rollingMean(values: Float64Array, window: number): Float64Array {
  const half = Math.floor(window / 2);
  const out = new Float64Array(values.length);
  const prefix = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) prefix[i + 1] = prefix[i]! + values[i]!;
  for (let i = 0; i < values.length; i++) {
    const lo = Math.max(0, i - half);
    const hi = Math.min(values.length, i + half + 1);
    out[i] = (prefix[hi]! - prefix[lo]!) / (hi - lo);
  }
  return out;
}

/** Centred rolling median of three (takes out single-second spikes); the ends keep their value. */
export function rollingMedian3(values: Float64Array): Float64Array {
  const out = Float64Array.from(values);
  for (let i = 1; i + 1 < values.length; i++) {
    const a = values[i - 1]!;
    const b = values[i]!;
    const c = values[i + 1]!;
    out[i] = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
  return out;
}

/**
 * Where the watch was paused, when the file says only that its timer ran `elapsed − duration`
 * seconds less than the recording spans: the longest gaps between samples, longest first, until they
 * account for the difference (the last one only in part). Devices do not write samples while paused,
 * so a pause is a gap; a gap of a few seconds is ordinary sampling and is not taken.
 */
export function inferPauses(times: readonly number[], elapsedSeconds: number, durationSeconds: number): Pause[] {
  let missing = elapsedSeconds - durationSeconds;
  if (!(missing > 1)) return [];
  const gaps: Pause[] = [];
  for (let i = 1; i < times.length; i++) {
    const a = times[i - 1]!;
    const b = times[i]!;
    if (b - a > MIN_PAUSE_GAP_SECONDS) gaps.push({ start: a, end: b });
  }
  gaps.sort((p, q) => q.end - q.start - (p.end - p.start) || p.start - q.start);
  const out: Pause[] = [];
  for (const g of gaps) {
    if (missing <= 0.5) break;
    const length = Math.min(g.end - g.start - 1, missing);
    out.push({ start: g.end - length, end: g.end });
    missing -= length;
  }
  return out.sort((p, q) => p.start - q.start);
}

/** Gaps between samples up to this long are ordinary (smart recording writes every few seconds). */
const MIN_PAUSE_GAP_SECONDS = 5;
