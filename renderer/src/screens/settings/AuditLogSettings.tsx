import { useEffect, useMemo, useState } from 'react';
import type { AuditEntry, AuditFilter } from '../../../../shared/api/audit';
import { AUDIT_ACTION_LABELS } from '../../../../shared/api/audit-actions';
import { isIsoDate } from '../../../../shared/util/dates';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useClinic } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { downloadText } from '../../components/download';
import { DateInput } from '../../components/ClinicInputs';
import { Field } from '../../components/Field';
import { PatientPicker, type PickedPatient } from '../schedule/PatientPicker';
import './AuditLogSettings.css';

const PAGE = 100;
const ACTIONS = Object.entries(AUDIT_ACTION_LABELS).sort((a, b) => a[1].localeCompare(b[1]));

/**
 * Admins: the audit log — every change and every opening of a patient's record — newest first,
 * filtered by patient, user, action and the clinic's calendar days, a page at a time, and exported
 * as a CSV file for an auditor. Nothing here can change it.
 */
export function AuditLogSettings() {
  const { format } = useClinic();
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [userId, setUserId] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const users = useQuery('users.list', {});
  const filter: AuditFilter = {
    ...(patient ? { patientId: patient.id } : {}),
    ...(userId ? { userId: Number(userId) } : {}),
    ...(action ? { action } : {}),
    ...(isIsoDate(from) ? { from } : {}),
    ...(isIsoDate(to) ? { to } : {}),
  };
  // A date typed only in part filters nothing yet; once the field is left it says how to type one.
  const notADate = (text: string) => (text && !isIsoDate(text) && !/^[\d/.-]{0,9}$/.test(text) ? `Type the date as ${format.typedDatePattern}` : undefined);
  const badSpan = Boolean(filter.from && filter.to && filter.from > filter.to);
  const first = useQuery('audit.list', { ...filter, limit: PAGE }, { enabled: !badSpan });
  const [older, setOlder] = useState<{ key: string; entries: AuditEntry[]; more: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = JSON.stringify(filter);
  useEffect(() => setOlder(null), [key]);

  const shownOlder = older?.key === key ? older : null;
  const entries = useMemo(() => [...(first.data?.entries ?? []), ...(shownOlder?.entries ?? [])], [first.data, shownOlder]);
  const more = shownOlder ? shownOlder.more : (first.data?.more ?? false);

  const loadOlder = async () => {
    const last = entries.at(-1);
    if (!last) return;
    setBusy(true);
    setProblem(null);
    try {
      const r = await call('audit.list', { ...filter, limit: PAGE, beforeId: last.id });
      setOlder({ key, entries: [...(shownOlder?.entries ?? []), ...r.entries], more: r.more });
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await call('audit.export', filter);
      downloadText(r.filename, r.csv);
      if (r.truncated) setProblem(`The export holds the newest ${r.rows.toLocaleString()} rows; narrow the dates for the rest.`);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const columns = useMemo<DataTableColumn<AuditEntry>[]>(
    () => [
      { id: 'when', header: 'When', size: 178, meta: { rowHeader: true, grow: 0, className: 'nowrap' }, cell: (i) => format.instant(i.row.original.at) },
      { id: 'who', header: 'Who', size: 130, meta: { grow: 1 }, cell: (i) => i.row.original.who },
      { id: 'what', header: 'What', size: 170, meta: { grow: 1.4 }, cell: (i) => i.row.original.actionLabel },
      { id: 'record', header: 'Record', size: 170, meta: { grow: 1.4 }, cell: (i) => i.row.original.record },
      { id: 'detail', header: 'Detail', size: 200, meta: { grow: 2, className: 'audit-detail' }, cell: (i) => (i.row.original.detail ? format.dates(i.row.original.detail) : <span className="muted">—</span>) },
    ],
    [format],
  );
  const filtered = Object.keys(filter).length > 0;

  return (
    <section aria-labelledby="audit-title" className="audit-log">
      <div className="section-header">
        <h2 id="audit-title">Audit log</h2>
        <span className="muted">Every change, and every opening of a patient’s record. Nothing here can be edited.</span>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => void exportCsv()} disabled={busy || badSpan}>
          Export CSV{filtered ? ' (these rows)' : ''}
        </button>
      </div>
      <div className="audit-filters form-grid">
        <div className="span-2">
          <PatientPicker label="Patient" value={patient} onChange={setPatient} />
        </div>
        <Field label="User" className="span-1">
          <select value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Anyone</option>
            {(users.data?.users ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label="What" className="span-1">
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">Everything</option>
            {ACTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="From" className="span-1" error={notADate(from)} hint={isIsoDate(from) ? format.date(from) : undefined}>
          <DateInput value={from} onChange={setFrom} />
        </Field>
        <Field label="To" className="span-1" error={notADate(to) ?? (badSpan ? 'The span ends before it starts' : undefined)} hint={isIsoDate(to) ? format.date(to) : undefined}>
          <DateInput value={to} onChange={setTo} />
        </Field>
      </div>
      {problem && <Banner tone="warning">{problem}</Banner>}
      <DataTable
        label="Audit log"
        columns={columns}
        data={entries}
        getRowId={(e) => String(e.id)}
        rowTestId="audit-row"
        loading={first.loading}
        loadingLabel="Loading the audit log…"
        error={first.error}
        onRetry={first.refetch}
        maxHeight="min(62vh, 720px)"
        empty={<p className="muted">{filtered ? 'Nothing in the log matches these filters.' : 'The log is empty.'}</p>}
      />
      <div className="audit-more">
        <span className="muted">{entries.length ? `${entries.length.toLocaleString()} ${entries.length === 1 ? 'entry' : 'entries'} shown, newest first` : ''}</span>
        {more && (
          <button type="button" className="button" onClick={() => void loadOlder()} disabled={busy}>
            {busy ? 'Loading…' : 'Load older entries'}
          </button>
        )}
      </div>
    </section>
  );
}
