import { useId, useState } from 'react';
import type { ClinicContact, ScreenFlag } from '../../../../shared/clinical/redFlags';
import { GROUP_ACTIONS, SCREEN_FLAG_LABELS, joinWords, patientWords, yesFlags } from '../../../../shared/clinical/redFlags';
import type { RedFlagScreenRecord } from '../../../../shared/domain/redFlags';
import { SCREEN_CONTEXT_LABELS } from '../../../../shared/domain/redFlags';
import { formatCalendarDate, formatInstantDate } from '../../../../shared/format/dates';
import { useClinic } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import './redflags.css';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const findings = (flags: readonly ScreenFlag[]) => capital(joinWords(flags.map((f) => SCREEN_FLAG_LABELS[f])));

/** "Weekly check-in, 26 Nov 2026, asked by Theo Therapist" */
export function ScreenByline({ screen }: { screen: RedFlagScreenRecord }) {
  const { locale } = useClinic();
  return (
    <span className="rf-byline">
      {SCREEN_CONTEXT_LABELS[screen.context]}, {formatCalendarDate(screen.askedOn, locale)}
      {screen.askedBy ? `, asked by ${screen.askedBy}` : ' (carried over: only the four running symptoms were asked)'}
    </span>
  );
}

/** The plain words for the patient, with the clinic's number, ready to read out or hand over. */
function PatientWords({ text }: { text: string }) {
  return (
    <figure className="rf-patient-words">
      <figcaption>Say to the patient, in these words or your own:</figcaption>
      <blockquote>{text}</blockquote>
    </figure>
  );
}

interface OutcomeProps {
  screen: RedFlagScreenRecord;
  clinic: ClinicContact;
  /** Plan start: a running symptom needs the therapist's confirmation that they reviewed it. */
  onAcknowledge?: () => void;
  busy?: boolean;
}

/** What a saved screen asks the clinic to do, most urgent first, in staff words (no rule ids). */
export function RedFlagOutcome({ screen, clinic, onAcknowledge, busy }: OutcomeProps) {
  const { locale, timeZone } = useClinic();
  const t = screen.triage;
  const yes = yesFlags(screen.answers);
  const atStart = screen.context === 'plan-start';
  return (
    <div className="rf-outcome" data-testid="red-flag-outcome" data-action={t.action ?? 'clear'}>
      {t.groups.map((g) => (
        <Banner key={g.group} tone={g.group === 'cauda-equina' ? 'error' : 'warning'}>
          <strong>{findings(g.flags)}.</strong> {GROUP_ACTIONS[g.group]}
          {atStart && g.group !== 'review' && ' The plan cannot start.'}
          {g.group === 'systemic' && atStart && ' Once the physician has assessed it, ask the screen again and mark it as already assessed.'}
          {g.group === 'review' && atStart && (screen.acknowledgedAt ? ` Reviewed by ${screen.acknowledgedBy ?? 'a therapist'}.` : ' Review them with the patient before the plan starts.')}
          {g.group !== 'review' && <PatientWords text={patientWords(g.action, clinic, g.flags)} />}
        </Banner>
      ))}
      {t.groups.length > 0 && t.groups.every((g) => g.group === 'review') && atStart && !screen.acknowledgedAt && onAcknowledge && (
        <div className="checkin-actions">
          <button type="button" className="button" disabled={busy} onClick={onAcknowledge}>
            I have reviewed these with the patient today
          </button>
        </div>
      )}
      {t.physicianAssessed.length > 0 && (
        <Banner tone="info">
          <strong>{findings(t.physicianAssessed)}</strong>: already assessed by the patient’s physician for this back pain — noted, no new referral.
          {screen.note && <> “{screen.note}”</>}
        </Banner>
      )}
      {yes.length === 0 && <p className="rf-clear">No red flags: every question answered no.</p>}
      {t.action === 'urgent-medical' && screen.acknowledgedAt && (
        <p className="rf-ack">
          Alert acknowledged by {screen.acknowledgedBy ?? 'a therapist'}, {formatInstantDate(screen.acknowledgedAt, timeZone, locale)}.
        </p>
      )}
    </div>
  );
}

/** A saved screen: when and by whom it was asked, then what it asks for. */
export function SavedScreen(props: OutcomeProps) {
  return (
    <>
      <p className="rf-saved">
        <ScreenByline screen={props.screen} />
      </p>
      <RedFlagOutcome {...props} />
    </>
  );
}

interface UrgentAlertProps {
  screen: RedFlagScreenRecord | null;
  clinic: ClinicContact;
  onClose: () => void;
  onAcknowledge: (screen: RedFlagScreenRecord) => Promise<void>;
}

/**
 * The cauda-equina alert: what was found, the action (urgent medical assessment today; the
 * emergency department if after hours), the words for the patient with the clinic's phone, and an
 * acknowledgement the therapist gives once they have told the patient. Closing it without
 * acknowledging leaves the alert standing on the patient's plan.
 */
export function UrgentAlertDialog({ screen, clinic, onClose, onAcknowledge }: UrgentAlertProps) {
  const [told, setTold] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const bodyId = useId();
  const flags = screen ? (screen.triage.groups.find((g) => g.group === 'cauda-equina')?.flags ?? []) : [];
  return (
    <Dialog open={screen !== null} onClose={onClose} title="Urgent: possible cauda equina syndrome" size="wide" describedBy={bodyId} className="rf-alert-dialog">
      {screen && (
        <div className="rf-alert" role="alert" id={bodyId}>
          <p className="rf-alert-found">
            The patient reported <strong>{joinWords(flags.map((f) => SCREEN_FLAG_LABELS[f]))}</strong> (<ScreenByline screen={screen} />).
          </p>
          <p className="rf-alert-action">Urgent medical assessment today — the emergency department if after hours. No running until a doctor has seen the patient.</p>
          <PatientWords text={patientWords('urgent-medical', clinic)} />
          {problem && <Banner tone="error">{problem}</Banner>}
          <label className="choice rf-alert-told">
            <input type="checkbox" checked={told} onChange={(e) => setTold(e.target.checked)} data-autofocus />
            <span>I have told the patient this and advised urgent medical assessment today.</span>
          </label>
          <div className="dialog-actions">
            <button type="button" className="button button-quiet" onClick={onClose}>
              Not yet
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={!told || busy}
              onClick={async () => {
                setBusy(true);
                setProblem(null);
                try {
                  await onAcknowledge(screen);
                  setTold(false);
                } catch (e) {
                  setProblem(e instanceof Error ? e.message : 'The acknowledgement was not saved. Try again.');
                } finally {
                  setBusy(false);
                }
              }}
            >
              Acknowledge
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

/** Urgent alerts not yet acknowledged, as a banner that reopens the alert. */
export function PendingUrgentAlerts({ screens, onOpen }: { screens: readonly RedFlagScreenRecord[]; onOpen: (s: RedFlagScreenRecord) => void }) {
  const { locale } = useClinic();
  const pending = screens.filter((s) => s.needsAcknowledgement && s.triage.action === 'urgent-medical');
  if (!pending.length) return null;
  return (
    <>
      {pending.map((s) => (
        <div key={s.id} data-testid="urgent-alert-banner">
          <Banner
            tone="error"
            actions={
              <button type="button" className="button button-danger" onClick={() => onOpen(s)}>
                Open the alert
              </button>
            }
          >
            <strong>Urgent, not yet acknowledged:</strong> possible cauda equina syndrome ({findings(s.triage.groups[0]?.flags ?? []).toLowerCase()}, {formatCalendarDate(s.askedOn, locale)}). Urgent
            medical assessment today — the emergency department if after hours.
          </Banner>
        </div>
      ))}
    </>
  );
}
