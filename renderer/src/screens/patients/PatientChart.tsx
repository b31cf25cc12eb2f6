import { useState } from 'react';
import type { Patient } from '../../../../shared/domain/patient';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { messageOf } from '../../api/errors';
import { useAuth } from '../../api/session';
import { useRouter } from '../../app/router';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { useStickyScrollPadding } from '../../components/useStickyScrollPadding';
import { useConfirm } from '../../components/ConfirmDialog';
import { chartTabsFor } from './chartTabs';
import { ExportDialog } from './ExportDialog';
import { PatientHeader } from './PatientHeader';
import { patientDisplayName } from './patientFormat';
import { SuperbillDialog } from '../billing/SuperbillDialog';

/** One patient's chart: the header that stays put, and its tabs. */
export function PatientChart({ id, tab, noteId }: { id: number; tab: string; noteId?: number | undefined }) {
  const auth = useAuth();
  const role = auth.phase === 'signedIn' ? auth.user.role : 'front_desk';
  const { data: patient, error, loading, refetch, setData } = useQuery('patients.get', { id });
  const [version, setVersion] = useState(0);
  const [actionError, setActionError] = useState<string | null>(null);
  const [archiving, setArchiving] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [superbill, setSuperbill] = useState(false);
  const stickyRef = useStickyScrollPadding();
  const confirm = useConfirm();
  const { navigate } = useRouter();

  const tabs = chartTabsFor(role);
  const active = tabs.find((t) => t.id === tab) ?? tabs[0];

  if (!patient) {
    return (
      <div className="page">
        {error ? (
          <Banner
            tone="error"
            actions={
              error.code === 'NOT_FOUND' ? (
                <button type="button" className="button" onClick={() => void navigate(paths.patients())}>
                  Back to patients
                </button>
              ) : (
                <button type="button" className="button" onClick={refetch}>
                  Try again
                </button>
              )
            }
          >
            {error.message}
          </Banner>
        ) : (
          loading && (
            <div className="loading-block" role="status">
              <span className="spinner" aria-hidden="true" /> Opening the chart…
            </div>
          )
        )}
      </div>
    );
  }

  const toggleArchived = async (p: Patient) => {
    const archive = p.archivedAt === null;
    const name = patientDisplayName(p);
    const ok = await confirm(
      archive
        ? {
            title: 'Archive this patient?',
            message: (
              <>
                <p>
                  <strong>{name}</strong> ({p.mrn}) will no longer appear in the patient list unless “Show archived” is on.
                </p>
                <p>Nothing is deleted: the record stays complete and you can unarchive it at any time.</p>
              </>
            ),
            confirmLabel: 'Archive patient',
            tone: 'danger',
          }
        : {
            title: 'Unarchive this patient?',
            message: (
              <p>
                <strong>{name}</strong> ({p.mrn}) will appear in the patient list again.
              </p>
            ),
            confirmLabel: 'Unarchive patient',
          },
    );
    if (!ok) return;
    setActionError(null);
    setArchiving(true);
    try {
      setData(await call('patients.setArchived', { id: p.id, archived: archive }));
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setArchiving(false);
    }
  };

  return (
    <div className="chart">
      <div className="chart-sticky" ref={stickyRef}>
        <div className="chart-back">
          <a href={`#${paths.patients()}`}>← Patients</a>
        </div>
        <PatientHeader
          patient={patient}
          actions={
            <>
              {role !== 'therapist' && !patient.archivedAt && (
                <button type="button" className="button button-primary" onClick={() => void navigate(paths.schedule({ book: patient.id }))}>
                  Book<span className="visually-hidden"> an appointment for {patientDisplayName(patient)}</span>
                </button>
              )}
              {role !== 'front_desk' && (
                <button type="button" className="button" onClick={() => setExporting(true)}>
                  Export<span className="visually-hidden"> {patientDisplayName(patient)}’s record</span>
                </button>
              )}
              <button type="button" className="button" onClick={() => setSuperbill(true)}>
                {patient.medicareBeneficiary ? 'Medicare: ABN reminder' : 'Superbill…'}
              </button>
              <button type="button" className="button" onClick={() => void toggleArchived(patient)} disabled={archiving}>
                {patient.archivedAt ? 'Unarchive' : 'Archive'}
              </button>
            </>
          }
        />
        <nav aria-label="Chart sections">
          <ul className="tabs chart-tabs">
            {tabs.map((t) => (
              <li key={t.id}>
                <a className="tab" href={`#${paths.patient(patient.id, t.id)}`} aria-current={t.id === active?.id ? 'page' : undefined}>
                  {t.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {exporting && <ExportDialog patient={patient} onClose={() => setExporting(false)} />}
      <div className="page chart-body">
        {superbill && <SuperbillDialog patientId={patient.id} patientName={patientDisplayName({ ...patient, preferredName: null })} onClose={() => setSuperbill(false)} />}
        {actionError && <Banner tone="error">{actionError}</Banner>}
        {patient.archivedAt && (
          <Banner tone="info">This patient is archived: hidden from the patient list unless “Show archived” is on. The record can still be edited.</Banner>
        )}
        {active?.render({
          patient,
          onSaved: setData,
          onReload: () => {
            call('patients.get', { id: patient.id }).then(
              (fresh) => {
                setData(fresh);
                setVersion((v) => v + 1);
              },
              (e: unknown) => setActionError(messageOf(e)),
            );
          },
          version,
          ...(noteId !== undefined && role !== 'front_desk' ? { noteId } : {}),
        })}
      </div>
    </div>
  );
}
