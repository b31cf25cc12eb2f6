import { useRef, useState, type DragEvent } from 'react';
import type { ImportItem } from '../../../../shared/api/running';
import { formatDistance } from '../../../../shared/units/distance';
import { formatDuration } from '../../../../shared/units/duration';
import { calendarDateForTyping, formatCalendarDate, parseLocaleDate, typedDatePattern } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useClinic, useClinicToday } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { parseDurationText } from './runFormat';
import { blobToBase64 } from './fileBytes';
import './ImportDialog.css';

export const IMPORT_ACCEPT = '.fit,.tcx,.gpx,.gz,.zip';
const MAX_FILES = 50;
const PREVIEW_BATCH = 10;

type Action = 'import' | 'cross-training' | 'skip';
interface Choice {
  action: Action;
  date: string;
  duration: string;
}

type Phase =
  | { name: 'choose' }
  | { name: 'reading'; read: number; files: number }
  | { name: 'preview'; stageId: string; done: number; total: number }
  | { name: 'committing'; stageId: string };

export interface ImportResult {
  imported: number;
  skipped: number;
}

const STATUS_LABELS: Record<ImportItem['status'], string> = {
  ready: 'Ready',
  duplicate: 'Duplicate (skipped)',
  refused: 'Refused',
  'needs-duration': 'Needs duration',
  'not-a-run': 'Not a run',
  'needs-confirmation': 'Confirm',
};
const STATUS_TONES: Record<ImportItem['status'], string> = {
  ready: 'badge-ok',
  duplicate: '',
  refused: 'badge-danger',
  'needs-duration': 'badge-warning',
  'not-a-run': 'badge-warning',
  'needs-confirmation': 'badge-warning',
};
/** Items that can be imported (some after a choice or an answer). */
const ACTIONABLE: ReadonlyArray<ImportItem['status']> = ['ready', 'needs-duration', 'not-a-run', 'needs-confirmation'];

function defaultChoice(item: ImportItem, locale: string): Choice {
  const typed = item.found?.date && parseLocaleDate(item.found.date, locale) ? calendarDateForTyping(item.found.date, locale) : '';
  if (item.status === 'ready') return { action: 'import', date: typed, duration: '' };
  if (item.status === 'needs-duration') return { action: 'import', date: typed, duration: '' };
  return { action: 'skip', date: typed, duration: '' };
}

const sportLabel = (s: string) => (s === 'unknown' ? 'Not stated' : s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' '));

/** Import watch files: choose → read → preview with progress (cancellable) → choose what to keep → commit all or nothing. */
export function ImportDialog({ open, patientId, onClose, onImported }: { open: boolean; patientId: number; onClose: () => void; onImported: (result: ImportResult) => void }) {
  const { locale, distanceUnit: unit } = useClinic();
  const today = useClinicToday();
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const [items, setItems] = useState<ImportItem[]>([]);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [dragging, setDragging] = useState(false);
  const cancelled = useRef(false);
  const stageRef = useRef<string | null>(null);

  const reset = () => {
    setPhase({ name: 'choose' });
    setItems([]);
    setChoices({});
    setProblem(null);
    setTried(false);
    stageRef.current = null;
  };

  const cancel = () => {
    cancelled.current = true;
    const stageId = stageRef.current;
    if (stageId) void call('runImport.discard', { stageId }).catch(() => {});
    reset();
    onClose();
  };

  const start = async (fileList: FileList | File[]) => {
    const files = [...fileList];
    if (!files.length) return;
    setProblem(null);
    if (files.length > MAX_FILES) {
      setProblem(`Choose at most ${MAX_FILES} files at a time (you chose ${files.length}). A Strava export zip counts as one file.`);
      return;
    }
    cancelled.current = false;
    setPhase({ name: 'reading', read: 0, files: files.length });
    try {
      const payload: { name: string; base64: string }[] = [];
      for (const [i, file] of files.entries()) {
        payload.push({ name: file.name, base64: await blobToBase64(file) });
        if (cancelled.current) return;
        setPhase({ name: 'reading', read: i + 1, files: files.length });
      }
      const { stageId, total } = await call('runImport.stage', { patientId, files: payload });
      stageRef.current = stageId;
      if (cancelled.current) {
        void call('runImport.discard', { stageId }).catch(() => {});
        return;
      }
      setPhase({ name: 'preview', stageId, done: 0, total });
      let done = 0;
      const all: ImportItem[] = [];
      while (done < total) {
        const page = await call('runImport.preview', { stageId, count: PREVIEW_BATCH });
        if (cancelled.current) return;
        all.push(...page.items);
        done = page.done;
        setItems([...all]);
        setChoices((c) => ({ ...Object.fromEntries(page.items.map((it) => [it.itemId, defaultChoice(it, locale)])), ...c }));
        setPhase({ name: 'preview', stageId, done, total: page.total });
        if (page.items.length === 0) break;
      }
    } catch (e) {
      if (cancelled.current) return;
      setProblem(messageOf(e));
      setPhase({ name: 'choose' });
    }
  };

  const choiceOf = (item: ImportItem): Choice => choices[item.itemId] ?? defaultChoice(item, locale);
  const setChoice = (item: ImportItem, patch: Partial<Choice>) => setChoices((c) => ({ ...c, [item.itemId]: { ...choiceOf(item), ...patch } }));

  const needsErrors = (item: ImportItem): { date?: string; duration?: string } => {
    const c = choiceOf(item);
    if (item.status !== 'needs-duration' || c.action === 'skip') return {};
    const out: { date?: string; duration?: string } = {};
    const date = parseLocaleDate(c.date, locale);
    if (!c.date.trim()) out.date = 'Date is required';
    else if (!date) out.date = `Type the date as ${typedDatePattern(locale)}`;
    else if (date > today) out.date = 'The date is in the future';
    const d = parseDurationText(c.duration);
    if (!c.duration.trim()) out.duration = 'Duration is required';
    else if (d === null || d <= 0) out.duration = 'Type the duration as mm:ss or h:mm:ss';
    return out;
  };

  const previewDone = phase.name === 'preview' && phase.done >= phase.total;
  const chosen = items.filter((it) => ACTIONABLE.includes(it.status) && choiceOf(it).action !== 'skip');
  const invalid = items.some((it) => Object.keys(needsErrors(it)).length > 0);

  const commit = async () => {
    if (phase.name !== 'preview') return;
    setTried(true);
    if (invalid || chosen.length === 0) return;
    const stageId = phase.stageId;
    setPhase({ name: 'committing', stageId });
    setProblem(null);
    try {
      const result = await call('runImport.commit', {
        stageId,
        choices: items.map((it) => {
          const c = choiceOf(it);
          const action: Action = ACTIONABLE.includes(it.status) ? c.action : 'skip';
          if (it.status === 'needs-duration' && action !== 'skip')
            return { itemId: it.itemId, action, date: parseLocaleDate(c.date, locale)!, durationS: parseDurationText(c.duration)! };
          // Choosing "import" on a very short or slow activity is the confirmation the preview asked for.
          if (it.status === 'needs-confirmation' && action === 'import') return { itemId: it.itemId, action, confirmed: true };
          return { itemId: it.itemId, action };
        }),
      });
      stageRef.current = null;
      reset();
      onImported({ imported: result.imported, skipped: result.skipped });
    } catch (e) {
      // All or nothing: nothing was written; the preview stays so the choices can be changed.
      setProblem(`Nothing was imported. ${messageOf(e)}`);
      setPhase({ name: 'preview', stageId, done: items.length, total: items.length });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (phase.name === 'choose') void start(event.dataTransfer.files);
  };

  return (
    <Dialog open={open} onClose={cancel} title="Import watch files" size="wide">
      <div className="import-dialog">
        {problem && <Banner tone="error">{problem}</Banner>}
        {phase.name === 'choose' && (
          <div
            className={`drop-zone${dragging ? ' is-dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <p className="drop-zone-title">Drop activity files here, or choose them</p>
            <p className="field-hint">FIT, TCX or GPX files from a watch or app, gzip-compressed files (.gz), or a Strava bulk-export .zip. Up to {MAX_FILES} files at a time. Nothing is saved until you confirm.</p>
            <label className="button button-primary drop-zone-button">
              Choose files…
              <input
                type="file"
                multiple
                accept={IMPORT_ACCEPT}
                className="visually-hidden"
                aria-label="Choose activity files"
                onChange={(e) => {
                  if (e.target.files) void start(e.target.files);
                  e.target.value = '';
                }}
              />
            </label>
          </div>
        )}
        {(phase.name === 'reading' || (phase.name === 'preview' && !previewDone)) && (
          <div className="import-progress">
            <label className="field-label" htmlFor="import-progress">
              {phase.name === 'reading' ? `Reading files: ${phase.read} of ${phase.files}` : `Checking activities: ${phase.done} of ${phase.total}`}
            </label>
            <progress
              id="import-progress"
              value={phase.name === 'reading' ? phase.read : phase.done}
              max={phase.name === 'reading' ? phase.files : Math.max(1, phase.total)}
            />
          </div>
        )}
        {items.length > 0 && (
          <div className="import-scroll">
            <table className="data-table import-table" aria-label="Activities found">
              <colgroup>
                <col className="col-file" />
                <col className="col-status" />
                <col className="col-found" />
                <col className="col-choice" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Status</th>
                  <th scope="col">What was found</th>
                  <th scope="col">Import?</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => {
                  const c = choiceOf(item);
                  const errs = tried || c.date || c.duration ? needsErrors(item) : {};
                  return (
                    <tr key={item.itemId} data-testid="import-row" data-status={item.status}>
                      <th scope="row" className="import-file">
                        {item.fileName}
                      </th>
                      <td>
                        <span className={`badge ${STATUS_TONES[item.status]}`}>{STATUS_LABELS[item.status]}</span>
                      </td>
                      <td className="import-found">
                        {item.found && (
                          <dl className="import-facts">
                            <div>
                              <dt>Sport</dt>
                              <dd>{sportLabel(item.found.sport)}</dd>
                            </div>
                            {item.found.date && (
                              <div>
                                <dt>Date</dt>
                                <dd>{formatCalendarDate(item.found.date, locale)}</dd>
                              </div>
                            )}
                            <div>
                              <dt>Distance</dt>
                              <dd>{formatDistance(item.found.distanceM, unit)}</dd>
                            </div>
                            {item.found.durationS !== null && (
                              <div>
                                <dt>Time</dt>
                                <dd>{formatDuration(item.found.durationS)}</dd>
                              </div>
                            )}
                            {item.found.intervalSummary && item.found.sport !== 'cycling' && (
                              <div>
                                <dt>Intervals</dt>
                                <dd>{item.found.intervalSummary}</dd>
                              </div>
                            )}
                          </dl>
                        )}
                        {item.found?.detection && <p className="import-detection field-hint">{item.found.detection}</p>}
                        {item.status !== 'ready' && <p className="import-message">{item.message}</p>}
                        {item.warnings.length > 0 && (
                          <ul className="import-warnings field-hint" aria-label={`Notes on ${item.fileName}`}>
                            {item.warnings.map((w) => (
                              <li key={w}>{w}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="import-choice">
                        {item.status === 'ready' && (
                          <select className="input input-compact" aria-label={`Import ${item.fileName}?`} value={c.action} onChange={(e) => setChoice(item, { action: e.target.value as Action })}>
                            <option value="import">Import</option>
                            <option value="skip">Skip</option>
                          </select>
                        )}
                        {item.status === 'needs-confirmation' && (
                          <select className="input input-compact" aria-label={`Confirm ${item.fileName}?`} value={c.action} onChange={(e) => setChoice(item, { action: e.target.value as Action })}>
                            <option value="skip">Skip</option>
                            <option value="import">Import — it was a real session</option>
                          </select>
                        )}
                        {item.status === 'not-a-run' && (
                          <select className="input input-compact" aria-label={`What to do with ${item.fileName}`} value={c.action} onChange={(e) => setChoice(item, { action: e.target.value as Action })}>
                            <option value="skip">Skip</option>
                            <option value="cross-training">Import as cross-training</option>
                          </select>
                        )}
                        {item.status === 'needs-duration' && (
                          <div className="import-needs">
                            <select className="input input-compact" aria-label={`Import ${item.fileName}?`} value={c.action} onChange={(e) => setChoice(item, { action: e.target.value as Action })}>
                              <option value="import">Import</option>
                              <option value="skip">Skip</option>
                            </select>
                            {c.action !== 'skip' && (
                              <div className="import-needs-fields">
                                <label>
                                  <span className="field-label">Date</span>
                                  <input
                                    className="input input-compact"
                                    value={c.date}
                                    placeholder={typedDatePattern(locale)}
                                    aria-invalid={errs.date ? true : undefined}
                                    onChange={(e) => setChoice(item, { date: e.target.value })}
                                  />
                                  {errs.date && <span className="field-error">{errs.date}</span>}
                                </label>
                                <label>
                                  <span className="field-label">Duration</span>
                                  <input
                                    className="input input-compact"
                                    value={c.duration}
                                    placeholder="30:00"
                                    aria-invalid={errs.duration ? true : undefined}
                                    onChange={(e) => setChoice(item, { duration: e.target.value })}
                                  />
                                  {errs.duration && <span className="field-error">{errs.duration}</span>}
                                </label>
                              </div>
                            )}
                          </div>
                        )}
                        {(item.status === 'duplicate' || item.status === 'refused') && <span className="muted">Not imported</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div className="dialog-actions">
          {phase.name !== 'choose' && phase.name !== 'committing' && (
            <span className="field-hint import-count" role="status">
              {previewDone ? `${items.length} ${items.length === 1 ? 'activity' : 'activities'} found; ${chosen.length} chosen.` : ''}
            </span>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          {phase.name !== 'choose' && phase.name !== 'reading' && (
            <button type="button" className="button button-primary" disabled={!previewDone || chosen.length === 0 || phase.name !== 'preview'} onClick={() => void commit()}>
              {phase.name === 'committing' ? 'Importing…' : `Import ${chosen.length} ${chosen.length === 1 ? 'activity' : 'activities'}`}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
