import { useEffect, useRef, useState } from 'react';
import { addDays } from '../../../../shared/clinical/calendar';
import type { ScreenEntry } from '../../../../shared/clinical/redFlags';
import type { RedFlagScreenRecord } from '../../../../shared/domain/redFlags';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useClinicToday } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { SavedScreen } from '../redflags/RedFlagOutcome';
import { RedFlagScreenForm } from '../redflags/RedFlagScreenForm';
import { useRedFlags } from '../redflags/RedFlagsProvider';

/** A plan-start screen older than this is asked again (the server checks the same). */
const FRESH_DAYS = 7;

/** True when a plan may start on this screen: nothing to refer, and any running symptom reviewed. */
export function screenAllowsStart(s: RedFlagScreenRecord): boolean {
  const a = s.triage.action;
  return a === null || (a === 'stop-until-review' && s.acknowledgedAt !== null);
}

/**
 * The red-flag screen at plan start: the latest unused screen of the last week is shown with what
 * it asks for; otherwise the screen is asked here. `onReady` gets the screen id the plan may start
 * on, or null while there is none.
 */
export function PlanStartScreen({ patientId, onReady }: { patientId: number; onReady: (screenId: number | null) => void }) {
  const today = useClinicToday();
  const { screens, clinic, error, saved } = useRedFlags();
  const top = useRef<HTMLElement>(null);
  // After saving, the long form gives way to its outcome: bring that into view.
  const showTop = () => requestAnimationFrame(() => top.current?.scrollIntoView({ block: 'start' }));
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const current = screens?.find((s) => s.context === 'plan-start' && s.planId === null && s.replacedById === null && s.askedOn >= addDays(today, -FRESH_DAYS)) ?? null;
  const ready = current !== null && screenAllowsStart(current) ? current.id : null;
  useEffect(() => onReady(ready), [ready, onReady]);

  const save = async (entry: ScreenEntry) => {
    const result = await call('redFlags.record', { patientId, context: { kind: 'plan-start' }, entry, replacesId: current?.id ?? null });
    saved(result.screen);
    setAsking(false);
    showTop();
  };

  const acknowledge = async () => {
    if (!current) return;
    setBusy(true);
    setProblem(null);
    try {
      const updated = await call('redFlags.acknowledge', { screenId: current.id });
      saved(updated);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="rf-start" aria-labelledby="rf-start-title" ref={top} data-testid="plan-start-screen">
      <div className="plan-card-head">
        <h2 id="rf-start-title">Red-flag screen before the plan</h2>
      </div>
      {error && <Banner tone="error">{error}</Banner>}
      {problem && <Banner tone="error">{problem}</Banner>}
      {!screens && !error && (
        <div className="loading-block" role="status">
          <span className="spinner" aria-hidden="true" /> Opening the screen…
        </div>
      )}
      {current && !asking && clinic && (
        <>
          <SavedScreen screen={current} clinic={clinic} onAcknowledge={() => void acknowledge()} busy={busy} />
          {ready !== null && <p className="rf-ready">The screen allows the plan to start.</p>}
          <button type="button" className="button button-small button-quiet" onClick={() => setAsking(true)}>
            Ask the screen again…
          </button>
        </>
      )}
      {screens && (!current || asking) && (
        <RedFlagScreenForm
          key={asking ? `again-${current?.id}` : 'new'}
          initial={asking ? current : null}
          lead="Before the plan starts, ask the patient whether they have…"
          onSave={save}
        />
      )}
    </section>
  );
}
