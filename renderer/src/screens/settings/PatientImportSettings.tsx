import { useId, useMemo, useState } from 'react';
import type { ImportRow } from '../../../../shared/api/patientImport';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../../shared/domain/patient-import';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useFormat } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { Field } from '../../components/Field';
import './PatientImportSettings.css';

const PAGE = 1000;
const ORDERS: { value: ImportMapping['dateOrder']; label: string }[] = [
  { value: 'MDY', label: 'Month/day/year (03/07/1985 is March 7)' },
  { value: 'DMY', label: 'Day/month/year (03/07/1985 is 3 July)' },
  { value: 'YMD', label: 'Year-month-day only' },
];

interface Loaded {
  csv: string;
  fileName: string;
  headers: string[];
  total: number;
}

const n = (v: number) => v.toLocaleString('en');

/**
 * Admins: patients from another system's CSV. Choose the file, say which column is which (the last
 * import's choices come back), check every row — what is wrong with each is on its row — leave out
 * what cannot be fixed now, then import: all the rows or none.
 */
export function PatientImportSettings() {
  const format = useFormat();
  const id = useId();
  const [file, setFile] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [checked, setChecked] = useState(0);
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState<null | 'reading' | 'checking' | 'importing'>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [mappingProblems, setMappingProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const choose = async (picked: File | undefined) => {
    setFile(null);
    setRows(null);
    setDone(null);
    setProblem(null);
    setExcluded(new Set());
    if (!picked) return;
    setBusy('reading');
    try {
      const csv = await picked.text();
      const first = await call('patientImport.check', { csv, mapping: null, limit: 1 });
      setFile({ csv, fileName: picked.name, headers: first.headers, total: first.total });
      setMapping(first.mapping);
      setMappingProblems([]);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const setColumn = (field: ImportField, header: string) => {
    if (!mapping) return;
    setMapping({ ...mapping, columns: { ...mapping.columns, [field]: header || null } });
    setRows(null);
  };

  const checkAll = async () => {
    if (!file || !mapping) return;
    setBusy('checking');
    setProblem(null);
    setDone(null);
    setRows(null);
    setChecked(0);
    const found: ImportRow[] = [];
    try {
      for (let offset = 0; offset < file.total; ) {
        const page = await call('patientImport.check', { csv: file.csv, mapping, exclude: [...excluded], offset, limit: PAGE });
        setMappingProblems(page.mappingProblems);
        if (page.mappingProblems.length) return;
        found.push(...page.rows);
        offset = page.checked;
        setChecked(page.checked);
      }
      setRows(found);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!file || !mapping) return;
    setBusy('importing');
    setProblem(null);
    try {
      const r = await call('patientImport.commit', { csv: file.csv, mapping, exclude: [...excluded], fileName: file.fileName });
      setDone(`Imported ${n(r.imported)} patients (${r.firstMrn} to ${r.lastMrn})${r.excluded ? `; ${n(r.excluded)} rows left out` : ''}. They are in the patient list now.`);
      setFile(null);
      setRows(null);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const toggle = (row: number, leaveOut: boolean) => {
    const next = new Set(excluded);
    if (leaveOut) next.add(row);
    else next.delete(row);
    setExcluded(next);
  };

  const blocking = rows?.filter((r) => r.problems.length && !excluded.has(r.row)) ?? [];
  const withProblems = rows?.filter((r) => r.problems.length) ?? [];
  const ready = rows ? rows.length - excluded.size - blocking.length : 0;

  const columns = useMemo<DataTableColumn<ImportRow>[]>(
    () => [
      { id: 'row', header: 'Row', size: 70, meta: { grow: 0, align: 'end' }, cell: (i) => n(i.row.original.row) },
      { id: 'name', header: 'Name', size: 200, meta: { rowHeader: true, grow: 1 }, cell: (i) => i.row.original.name || <span className="muted">no name</span> },
      { id: 'dob', header: 'Date of birth', size: 130, meta: { grow: 0 }, cell: (i) => (i.row.original.dateOfBirth ? format.date(i.row.original.dateOfBirth) : <span className="muted">—</span>) },
      {
        id: 'problems',
        header: 'Problems',
        size: 320,
        meta: { grow: 3 },
        cell: (i) =>
          i.row.original.problems.length ? (
            <span className="import-problems">{i.row.original.problems.join('; ')}</span>
          ) : (
            <span className="import-ok">Ready</span>
          ),
      },
      {
        id: 'leaveOut',
        header: 'Leave out',
        size: 100,
        meta: { grow: 0 },
        cell: (i) => (
          <input type="checkbox" aria-label={`Leave out row ${i.row.original.row}`} checked={excluded.has(i.row.original.row)} onChange={(e) => toggle(i.row.original.row, e.target.checked)} />
        ),
      },
    ],
    // toggle reads `excluded`, which is in the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [format, excluded],
  );

  return (
    <section aria-labelledby={`${id}-title`} className="patient-import">
      <div className="section-header">
        <h2 id={`${id}-title`}>Import patients</h2>
        <span className="muted">From another system’s CSV file: one row per patient, a header row naming the columns.</span>
      </div>
      {done && <Banner tone="success">{done}</Banner>}
      {problem && <Banner tone="error">{problem}</Banner>}
      <Field label="CSV file" hint={file ? `${file.fileName}: ${n(file.total)} rows, ${file.headers.length} columns` : 'Exported from the other system as CSV (UTF-8)'}>
        <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void choose(e.target.files?.[0])} disabled={busy !== null} />
      </Field>
      {busy === 'reading' && <p role="status">Reading the file…</p>}

      {file && mapping && (
        <>
          {/* Folded away once the rows are checked: the rows are what to look at then. */}
          <details key={rows ? 'checked' : 'mapping'} open={!rows} className="import-mapping-details">
            <summary>
              <h3>Which column is which</h3>
              <span className="muted">{Object.values(mapping.columns).filter(Boolean).length} of {file.headers.length} columns used</span>
            </summary>
            <div className="import-mapping form-grid">
              {IMPORT_FIELDS.map((field) => (
                <Field key={field} label={IMPORT_FIELD_LABELS[field]} className="span-1">
                  <select value={mapping.columns[field] ?? ''} onChange={(e) => setColumn(field, e.target.value)}>
                    <option value="">Not in this file</option>
                    {file.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </Field>
              ))}
              <Field label="Dates like 03/07/1985 are" className="span-2">
                <select value={mapping.dateOrder} onChange={(e) => (setMapping({ ...mapping, dateOrder: e.target.value as ImportMapping['dateOrder'] }), setRows(null))}>
                  {ORDERS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          </details>
          {mappingProblems.length > 0 && <Banner tone="warning">{mappingProblems.join(' ')}</Banner>}
          <div className="import-actions">
            <button type="button" className="button button-primary" onClick={() => void checkAll()} disabled={busy !== null}>
              {rows ? 'Check again' : 'Check the rows'}
            </button>
            {busy === 'checking' && (
              <span role="status" className="import-progress">
                <progress max={file.total} value={checked} /> Checked {n(checked)} of {n(file.total)} rows…
              </span>
            )}
          </div>
        </>
      )}

      {file && rows && (
        <>
          <div className="import-summary" role="status">
            <strong>{n(ready)} ready to import</strong>
            {withProblems.length > 0 && <span className="import-problems"> · {n(withProblems.length)} with problems</span>}
            {excluded.size > 0 && <span> · {n(excluded.size)} left out</span>}
            <span className="spacer" />
            {withProblems.length > 0 && (
              <button type="button" className="button" onClick={() => setExcluded(new Set([...excluded, ...withProblems.map((r) => r.row)]))}>
                Leave out the rows with problems
              </button>
            )}
            <button type="button" className="button button-primary" onClick={() => void commit()} disabled={busy !== null || blocking.length > 0 || ready === 0}>
              {busy === 'importing' ? 'Importing…' : `Import ${n(ready)} patients`}
            </button>
          </div>
          {blocking.length > 0 && (
            <Banner tone="warning">
              {n(blocking.length)} {blocking.length === 1 ? 'row has' : 'rows have'} problems: fix them in the file and choose it again, or leave them out. Nothing is imported until none is left.
            </Banner>
          )}
          <DataTable
            label="Rows of the file"
            columns={columns}
            data={withProblems.length ? [...withProblems, ...rows.filter((r) => !r.problems.length)] : rows}
            getRowId={(r) => String(r.row)}
            rowTestId="import-row"
            maxHeight="min(52vh, 560px)"
            empty={<p className="muted">The file has no rows under its header.</p>}
          />
        </>
      )}
    </section>
  );
}
