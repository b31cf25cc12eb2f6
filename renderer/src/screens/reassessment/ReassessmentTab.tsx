import { useEffect, useState } from 'react';
import { GATE_TITLES } from '../../../../shared/clinical/gates';
import { MEASURES } from '../../../../shared/clinical/reassessment';
import type { Patient } from '../../../../shared/domain/patient';
import { patientDisplayName } from '../../../../shared/domain/patient';
import { INSTRUMENT_NAMES, type ReassessmentRecord } from '../../../../shared/domain/reassessments';
import { useQuery } from '../../api/hooks';
import { useFormat } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { LoadFailed } from '../../components/LoadState';
import { HandToPatientDialog } from './HandToPatientDialog';
import { OutcomeDialog } from './OutcomeDialog';
import { OutcomeTable } from './OutcomeTable';
import { ProgressReportPrint } from './ProgressReportPrint';
import { ReassessmentDialog } from './ReassessmentDialog';
import { MeasureTrendChart, OutcomeTrendChart } from './TrendCharts';
import { TrendTable } from './TrendTable';
import './ReassessmentTab.css';

/** The chart's Reassessment tab: record the battery, each measure's trend, the questionnaires' change, the gates they set. */
export function ReassessmentTab({ patient }: { patient: Patient }) {
  const f = useFormat();
  const query = useQuery('reassessments.list', { patientId: patient.id });
  const outcomes = useQuery('outcomes.list', { patientId: patient.id });
  const [editing, setEditing] = useState<ReassessmentRecord | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [questionnaire, setQuestionnaire] = useState(false);
  const [handing, setHanding] = useState(false);
  // Charts by default; the tables give every reading, device and mark in text.
  const [view, setView] = useState<'charts' | 'tables'>('charts');

  // Alt+A records a reassessment from anywhere on the tab.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.key.toLowerCase() !== 'a') return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setEditing('new');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (query.error) return <LoadFailed error={query.error} onRetry={query.refetch} />;
  const data = query.data;
  const current = data?.reassessments.filter((r) => r.replacedById === null) ?? [];
  const activeGates = data?.gates.filter((g) => g.active) ?? [];
  const lifted = data?.gates.filter((g) => g.lifted) ?? [];

  return (
    <section className="reassessment-tab" aria-labelledby="reassessment-title">
      <div className="section-header">
        <h2 id="reassessment-title">Reassessment</h2>
        <span className="spacer" />
        <span className="field-hint">
          <kbd>Alt</kbd>+<kbd>A</kbd> records one
        </span>
        <button type="button" className="button button-primary" onClick={() => setEditing('new')} aria-keyshortcuts="Alt+A" disabled={!data}>
          Record reassessment
        </button>
      </div>
      <ProgressReportPrint patientId={patient.id} />
      {notice && <Banner tone="success">{notice}</Banner>}
      {data?.due.length ? (
        <div data-testid="reassessment-due">
          <Banner tone="info">
            <strong>Due on the clinic’s policy:</strong> {data.due.map((d) => `${d.sentence}${d.overdue ? ` Overdue since ${f.date(d.dueOn)}.` : ''}`).join(' ')}
          </Banner>
        </div>
      ) : null}
      {activeGates.map((g) => (
        <div key={g.gate} data-testid="gate-holds">
        <Banner tone="warning">
          <strong>Holds the running plan — {GATE_TITLES[g.gate]}:</strong> {g.findings.join('; ')} (reassessment of {f.date(g.reassessmentDate)}).
        </Banner>
        </div>
      ))}
      {lifted.map((g) => (
        <Banner key={g.gate} tone="info">
          <strong>Gate lifted — {GATE_TITLES[g.gate]}:</strong> {g.findings.join('; ')}.
        </Banner>
      ))}

      {data && current.length === 0 ? (
        <div className="empty-state card">
          <h2>No reassessment yet — record the baseline battery</h2>
          <p>One form in the battery’s order; leave out what you did not test. The plan’s weekly review reads the latest one.</p>
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            Record reassessment
          </button>
        </div>
      ) : (
        data && (
          <>
            <ul className="reassessment-list" aria-label="Reassessments">
              {data.reassessments.map((r) => (
                <li key={r.id} className={r.replacedById ? 'replaced' : undefined}>
                  <span>
                    {f.date(r.assessedOn)} · {r.measures.length} {r.measures.length === 1 ? 'measure' : 'measures'} · {r.assessedBy}
                    {r.comment ? ` · ${r.comment}` : ''}
                    {r.replacedById ? ' · corrected' : r.replacesId ? ' · correction' : ''}
                  </span>
                  {!r.replacedById && (
                    <button type="button" className="button button-small" onClick={() => setEditing(r)}>
                      Correct
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <div className="section-header">
              <h3>Trends</h3>
              <span className="spacer" />
              <span id="trend-view-label" className="muted">
                Show
              </span>
              <div className="segmented" role="group" aria-labelledby="trend-view-label">
                <button type="button" aria-pressed={view === 'charts'} onClick={() => setView('charts')}>
                  Charts
                </button>
                <button type="button" aria-pressed={view === 'tables'} onClick={() => setView('tables')}>
                  Tables
                </button>
              </div>
            </div>
            <div className="trend-grid">
              {MEASURES.filter((def) => data.trends.some((t) => t.code === def.code)).map((def) => {
                const trends = data.trends.filter((t) => t.code === def.code);
                const drawn = view === 'charts' && def.kind === 'numeric';
                return (
                  // A table of both sides (five columns) needs the whole row: in half of a 1366-wide screen its device column was cut.
                  <div key={def.code} className={!drawn && def.sided ? 'trend-block trend-block-wide card' : 'trend-block card'}>
                    <h4>{def.name}</h4>
                    {drawn ? <MeasureTrendChart def={def} trends={trends} lines={data.lines.find((l) => l.code === def.code)} /> : <TrendTable def={def} trends={trends} />}
                  </div>
                );
              })}
            </div>
          </>
        )
      )}

      <div className="section-header">
        <h3>Outcome questionnaires</h3>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => setHanding(true)}>
          Hand to patient
        </button>
        <button type="button" className="button" onClick={() => setQuestionnaire(true)}>
          Record a questionnaire
        </button>
      </div>
      <OutcomeTable query={outcomes} />
      {view === 'charts' && outcomes.data && outcomes.data.summaries.length > 0 && (
        <div className="trend-grid outcome-charts">
          {outcomes.data.summaries.map((s) => (
            <div key={s.instrument} className="trend-block card">
              <h4>{INSTRUMENT_NAMES[s.instrument]}</h4>
              <OutcomeTrendChart summary={s} />
            </div>
          ))}
        </div>
      )}

      {handing && <HandToPatientDialog patientId={patient.id} patientName={patientDisplayName(patient)} onClose={() => setHanding(false)} />}
      {questionnaire && (
        <OutcomeDialog
          patientId={patient.id}
          onClose={() => setQuestionnaire(false)}
          onSaved={(saved) => {
            setQuestionnaire(false);
            setNotice(`Questionnaire saved: ${saved.scoreText}.`);
            outcomes.refetch();
          }}
        />
      )}
      {editing && data && (
        <ReassessmentDialog
          patientId={patient.id}
          lastDevices={data.lastDevices}
          correcting={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(`Reassessment of ${f.date(saved.assessedOn)} saved (${saved.measures.length} ${saved.measures.length === 1 ? 'measure' : 'measures'}).`);
            query.refetch();
          }}
        />
      )}
    </section>
  );
}
