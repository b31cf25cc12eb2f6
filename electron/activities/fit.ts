import { Decoder, Stream, type FileIdMesg, type RecordMesg } from '@garmin/fitsdk';
import type { ImportRefusal } from '../../shared/running/activity';
import { badTimes, corrupt, emptyTexts, emptyTrack, fitDamage, fitNotes, timeRepaired, unsupported, unsupportedFeature } from '../../shared/running/import-messages';
import { checkTimes, EARLIEST_VALID_MS, LEFT_OUT } from '../../shared/running/timestamps';
import type { DraftActivity, ParseOptions } from './draft';
import { legDraft, readSession, recordsByLeg, recordsOnlyDraft, toMs, type Leg } from './fit-legs';

/**
 * FIT through Garmin's own SDK. The file's CRC is checked (`checkIntegrity`) and `read()` collects
 * decoding errors.
 *
 * - A feature the SDK cannot decode (compressed-timestamp records) is said to be that, not damage.
 * - A damaged file (cut short, or contents that stop making sense) with an **intact session
 *   summary** is imported from that summary — date, distance and time — without its track (what
 *   survives of the records is a part of unknown size; intervals from it would mislead the planner).
 *   A file that decoded completely but whose checksum does not match is imported with its track and
 *   a note. A damaged file without an intact summary is refused, saying how much could be read —
 *   counted only from times that are possible, so a corrupt time never becomes a figure.
 * - Record times are checked (timestamps.ts): impossible ones are left out with a note.
 * - One activity per session (each leg of a multisport file, with its own number); without
 *   sessions, one activity from the laps and records.
 */

export function isFitBytes(bytes: Uint8Array): boolean {
  try {
    return Decoder.isFIT(Stream.fromByteArray(bytes));
  } catch {
    return false;
  }
}

export function parseFit(bytes: Uint8Array, options: ParseOptions): Array<DraftActivity | ImportRefusal> | ImportRefusal {
  if (bytes.length === 0) return corrupt('FIT', 'the file is empty');
  if (!isFitBytes(bytes)) return corrupt('FIT', 'it does not start with a FIT header');
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  const intact = decoder.checkIntegrity();
  let result: ReturnType<Decoder['read']>;
  try {
    result = decoder.read({ mergeHeartRates: true });
  } catch (e) {
    return corrupt('FIT', fitDamage.stopped(e instanceof Error ? e.message : String(e)));
  }
  const { messages, errors } = result;
  const firstError = errors[0]?.message ?? '';
  if (/compressed timestamp/i.test(firstError)) return unsupportedFeature('compressed timestamps in its FIT records');
  const checksumOnly = errors.every((e) => /CRC error/i.test(e.message));
  const damaged = !intact || errors.length > 0;

  const fileId: FileIdMesg | undefined = messages.fileIdMesgs?.[0];
  const fileType = fileId?.type === undefined ? undefined : String(fileId.type);
  if (fileType !== undefined && fileType !== 'activity') return unsupported(emptyTexts.fitNotAnActivity(fileType));

  const rawRecords = messages.recordMesgs ?? [];
  const times = rawRecords.map((r) => toMs(r.timestamp) ?? NaN);
  const check = checkTimes(times, options.nowMs);
  const records: Array<{ ms: number; r: RecordMesg }> = [];
  rawRecords.forEach((r, i) => {
    if (check.keep[i]) records.push({ ms: times[i]!, r });
  });
  const legs = (messages.sessionMesgs ?? []).map((s) => readSession(s, options.nowMs));
  const intactLegs = legs.filter((l): l is Leg => l !== null).sort((a, b) => a.startMs - b.startMs);
  const device = deviceName(fileId);

  if (damaged && !(checksumOnly && intactLegs.length > 0)) {
    const detail = damageDetail(bytes.length, errors, records);
    // In a damaged file only a summary that needs no repair is believed.
    if (intactLegs.length === 0 || intactLegs.length < legs.length || intactLegs.some((l) => l.statedStartMs !== undefined)) return corrupt('FIT', detail);
    return intactLegs.map((leg, i) => {
      const d = legDraft(leg, [], false, device, legNumber(i, intactLegs.length), options.style);
      d.warnings.unshift(fitNotes.summaryUsed(detail));
      return d;
    });
  }

  // Impossible times cannot be placed in a leg: every leg says so. Records out of time order are named in their own leg.
  const repairs = check.repairs.filter((r) => r.kind !== 'backwards').map((r) => timeRepaired(r, 'track record', options.style));
  if (damaged) repairs.unshift(fitNotes.checksumOnly());
  if (legs.length === 0) {
    if (check.refusal !== null) return badTimes(check.refusal, options.style);
    if (records.length === 0) return emptyTrack(emptyTexts.fitNothing());
    const laps = messages.lapMesgs ?? [];
    const sport = messages.sportMesgs?.[0]?.sport ?? laps[0]?.sport;
    const d = recordsOnlyDraft(records, laps, sport === undefined ? '' : String(sport), device, options.nowMs);
    d.warnings.push(...repairs, ...outOfOrder(times, check.leftOut, -Infinity, Infinity, options));
    return [d];
  }
  if (intactLegs.length < legs.length) {
    // A session whose summary cannot be true: its start is impossible, or its numbers contradict each other.
    const bad = (messages.sessionMesgs ?? []).find((_, i) => legs[i] === null);
    const stated = toMs(bad?.startTime);
    if (stated !== undefined && stated < EARLIEST_VALID_MS) return badTimes({ kind: 'too-early', firstMs: stated, sameMs: null }, options.style);
    if (stated !== undefined && stated > options.nowMs) return badTimes({ kind: 'future', firstMs: stated }, options.style);
    return corrupt('FIT', fitDamage.summaryContradicts());
  }
  const byLeg = recordsByLeg(records, intactLegs);
  const drafts = intactLegs.map((leg, i) => {
    const d = legDraft(leg, byLeg[i]!, true, device, legNumber(i, intactLegs.length), options.style);
    const from = i === 0 ? -Infinity : leg.startMs;
    const to = i + 1 < intactLegs.length ? intactLegs[i + 1]!.startMs : Infinity;
    d.warnings.push(...repairs, ...outOfOrder(times, check.leftOut, from, to, options));
    return d;
  });
  const empty = drafts.every((d) => d.samples.length === 0 && d.distanceMeters === 0 && d.durationSeconds === 0);
  if (empty) return emptyTrack(emptyTexts.fitSessionEmpty());
  return drafts;
}

/** Records with a possible time in [from, to) that were left out for going back in time. */
function outOfOrder(times: readonly number[], leftOut: Uint8Array, from: number, to: number, options: ParseOptions): string[] {
  let count = 0;
  times.forEach((t, i) => {
    if (leftOut[i] === LEFT_OUT.backwards && t >= from && t < to) count++;
  });
  return count > 0 ? [timeRepaired({ kind: 'backwards', count }, 'track record', options.style)] : [];
}

function legNumber(i: number, of: number): { number: number; of: number } | undefined {
  return of > 1 ? { number: i + 1, of } : undefined;
}

function damageDetail(size: number, errors: readonly Error[], records: ReadonlyArray<{ ms: number }>): string {
  const first = errors[0]?.message ?? '';
  const at = /at byte (\d+)/.exec(first)?.[1];
  const reason = first.replace(/^FIT Runtime Error\s*/, '').replace(/^at byte \d+\s*/, '').trim();
  const parts: string[] = [];
  // The SDK says "end of stream", or fails reading past the end (a DataView RangeError): the file is cut short.
  if (/end of stream|outside the bounds|DataView/i.test(first)) parts.push(fitDamage.cutShort(at === undefined ? size : Number(at)));
  else if (/CRC error/i.test(first) || first === '') parts.push(fitDamage.checksum());
  else if (reason === '' && at !== undefined) parts.push(fitDamage.stoppedAt(Number(at)));
  else parts.push(fitDamage.stopped(reason));
  if (records.length >= 2) parts.push(fitDamage.readable(records.length, Math.round((records[records.length - 1]!.ms - records[0]!.ms) / 1000)));
  return parts.join('; ');
}

function deviceName(fileId: FileIdMesg | undefined): string | undefined {
  if (fileId === undefined) return undefined;
  const maker = fileId.manufacturer === undefined ? '' : String(fileId.manufacturer);
  const product = fileId.productName ?? fileId.garminProduct ?? fileId.faveroProduct ?? fileId.product;
  const makerText = maker === '' ? '' : maker.charAt(0).toUpperCase() + maker.slice(1);
  const text = [makerText, product === undefined ? '' : String(product)].filter((x) => x !== '').join(' ');
  return text === '' ? undefined : text;
}
