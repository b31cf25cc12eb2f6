import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SortingState } from '@tanstack/react-table';
import type { PatientSort, PatientSummary } from '../../../../shared/domain/patient';
import { countOf, groupedNumber } from '../../../../shared/format/numbers';
import { useClinic, useClinicToday } from '../../app/clinic';
import { paths } from '../../app/routes';
import { useShellState, type PatientListMemory } from '../../app/shell-state';
import { DataTable, primaryProps, type DataTableColumn, type DataTableHandle } from '../../components/DataTable/DataTable';
import { birthAndAge, patientDisplayName } from './patientFormat';
import { usePatientPages, type ListParams } from './usePatientPages';

const ROW_HEIGHT = 38;
/** Rows drawn past the screen's edges: every one is drawn again at each keystroke's answer. */
const OVERSCAN = 3;
const rowId = (p: PatientSummary) => String(p.id);
const archivedClass = (p: PatientSummary) => (p.archivedAt ? 'is-archived' : undefined);

type SortKey = Exclude<PatientSort, 'relevance'>;
type Sort = NonNullable<PatientListMemory['sort']>;

function patientColumns(today: string, locale: string): DataTableColumn<PatientSummary>[] {
  return [
    {
      id: 'name',
      accessorFn: (p) => patientDisplayName(p),
      header: 'Name',
      enableSorting: true,
      sortDescFirst: false,
      size: 220,
      meta: { rowHeader: true, grow: 2.6 },
      cell: (info) => (
        <a href={`#${paths.patient(info.row.original.id)}`} className="row-link" {...primaryProps(info)}>
          {patientDisplayName(info.row.original)}
        </a>
      ),
    },
    {
      id: 'dateOfBirth',
      accessorFn: (p) => p.dateOfBirth,
      header: 'Date of birth',
      enableSorting: true,
      sortDescFirst: false,
      size: 170,
      meta: { grow: 1.3 },
      cell: (info) => {
        const { date, age } = birthAndAge(info.row.original, today, locale);
        return (
          <>
            {date} <span className="muted">· age {age}</span>
          </>
        );
      },
    },
    { id: 'phone', header: 'Phone', size: 140, meta: { className: 'nowrap' }, cell: (info) => info.row.original.phone ?? <span className="muted">—</span> },
    { id: 'mrn', accessorFn: (p) => p.mrn, header: 'MRN', enableSorting: true, sortDescFirst: false, size: 96, meta: { className: 'mono', grow: 0.7 }, cell: (info) => info.row.original.mrn },
    { id: 'status', header: 'Status', size: 84, meta: { grow: 0.5 }, cell: (info) => (info.row.original.archivedAt ? <span className="badge badge-archived">Archived</span> : null) },
  ];
}

/** What the list asks for: while searching, the best match comes first unless someone chose a column to sort by. */
function listParams(query: string, includeArchived: boolean, sort: Sort | null): ListParams {
  const searching = query.trim() !== '';
  const effective: { key: PatientSort; direction: 'asc' | 'desc' } = sort ?? (searching ? { key: 'relevance', direction: 'asc' } : { key: 'name', direction: 'asc' });
  return { query: query.trim(), includeArchived, sort: effective.key, direction: effective.direction };
}

/** Sort choices for the menu (the column headers set the same thing). */
const SORT_CHOICES: { value: string; label: string; sort: Sort | null }[] = [
  { value: 'name-asc', label: 'Name (A–Z)', sort: { key: 'name', direction: 'asc' } },
  { value: 'name-desc', label: 'Name (Z–A)', sort: { key: 'name', direction: 'desc' } },
  { value: 'dateOfBirth-asc', label: 'Date of birth (oldest first)', sort: { key: 'dateOfBirth', direction: 'asc' } },
  { value: 'dateOfBirth-desc', label: 'Date of birth (youngest first)', sort: { key: 'dateOfBirth', direction: 'desc' } },
  { value: 'mrn-asc', label: 'MRN (lowest first)', sort: { key: 'mrn', direction: 'asc' } },
  { value: 'mrn-desc', label: 'MRN (highest first)', sort: { key: 'mrn', direction: 'desc' } },
  { value: 'createdAt-desc', label: 'Date registered (newest first)', sort: { key: 'createdAt', direction: 'desc' } },
  { value: 'createdAt-asc', label: 'Date registered (oldest first)', sort: { key: 'createdAt', direction: 'asc' } },
];

/** Every patient, searchable as you type, a page at a time however many there are. */
export function PatientsScreen() {
  const { locale, format } = useClinic();
  const today = useClinicToday();
  const { patientList: memory, searchFocusRequest } = useShellState();
  const kept = memory.current;

  const [query, setQuery] = useState(kept.query);
  const [includeArchived, setIncludeArchived] = useState(kept.includeArchived);
  const [sort, setSort] = useState<Sort | null>(kept.sort);
  const [highlight, setHighlight] = useState(kept.highlight);

  // Search answers in a few milliseconds at 100,000 patients (issue #9): each keystroke asks at once,
  // from its own event before React draws anything (no timer); a late answer never replaces a newer one.
  const searching = query.trim() !== '';
  const params = listParams(query, includeArchived, sort);
  const pages = usePatientPages(params);
  /** The box's new text: its results are asked for at once, from the keystroke (see usePatientPages). */
  const changeQuery = (text: string) => {
    pages.askNow(listParams(text, includeArchived, sort));
    setQuery(text);
  };
  const total = pages.total ?? 0;

  // Remember where we are for when the user comes back from a chart.
  useEffect(() => {
    memory.current.query = query;
    memory.current.includeArchived = includeArchived;
    memory.current.sort = sort;
    memory.current.highlight = highlight;
  }, [memory, query, includeArchived, sort, highlight]);

  const tableRef = useRef<DataTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const columns = useMemo(() => patientColumns(today, locale), [today, locale]);
  const { ensureRange, shownKey, row: rowAt } = pages;
  // The same props while typing, so the rows on screen are not drawn again until the answer changes them.
  const paged = useMemo(() => ({ rowCount: total, rowAt, onRangeChange: ensureRange }), [total, rowAt, ensureRange]);
  const onScroll = useCallback(
    (top: number) => {
      memory.current.scrollTop = top;
    },
    [memory],
  );

  // New results: back to the top, first row highlighted. Coming back to the same results: same place.
  const lastKey = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!shownKey) return;
    if (lastKey.current === null && shownKey === JSON.stringify(params) && kept.scrollTop > 0) {
      tableRef.current?.scrollToOffset(kept.scrollTop);
    } else if (lastKey.current !== null && lastKey.current !== shownKey) {
      tableRef.current?.scrollToTop();
      // Only when it moved: setting it anyway draws the screen again in the answer's commit.
      if (highlight !== 0) setHighlight(0);
    }
    lastKey.current = shownKey;
    // Only when the rows on screen change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownKey]);

  // Search has the focus on arrival, and whenever "/" or Ctrl+K is pressed.
  useEffect(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [searchFocusRequest]);

  /** Arrow keys in the search box move the highlight (the focus stays in the box). */
  const moveHighlight = useCallback(
    (index: number) => {
      if (total === 0) return;
      const next = Math.max(0, Math.min(total - 1, index));
      setHighlight(next);
      tableRef.current?.scrollToIndex(next);
    },
    [total],
  );

  const onSearchKeys = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: highlight + 1, ArrowUp: highlight - 1 };
    const to = moves[event.key];
    if (to !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      moveHighlight(to);
      return;
    }
    if (event.key === 'Enter') {
      const p = pages.row(highlight);
      if (p) {
        event.preventDefault();
        window.location.hash = `#${paths.patient(p.id)}`;
      }
    }
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      changeQuery('');
    }
  };

  // The same array while typing: a new one makes the table sort its (server's) rows again.
  const sorting: SortingState = useMemo(() => (sort ? [{ id: sort.key, desc: sort.direction === 'desc' }] : searching ? [] : [{ id: 'name', desc: false }]), [sort, searching]);
  const onSortingChange = (next: SortingState) => {
    const first = next[0];
    if (first) setSort({ key: first.id as SortKey, direction: first.desc ? 'desc' : 'asc' });
  };

  const sortValue = sort ? `${sort.key}-${sort.direction}` : searching ? 'relevance' : 'name-asc';
  // Counts and empty states describe the rows on screen (the previous search's until the new one answers).
  const shownQuery = pages.shownParams?.query ?? '';
  const countText =
    pages.total === null
      ? ''
      : pages.capped
        ? `${groupedNumber(total, locale)}+ matches` // the server counts a broad search no further
        : shownQuery
          ? countOf(total, 'match', 'matches', locale)
          : countOf(total, 'patient', 'patients', locale);
  const exampleDate = format.date('1985-03-07', 'short');

  return (
    <div className="page page-fill patients-page">
      <header className="page-header">
        <h1>Patients</h1>
        <span className="page-count" aria-live="polite" data-testid="patient-count">
          {countText}
          {countText && pages.shownParams?.includeArchived ? ' (archived included)' : ''}
        </span>
        <span className="spacer" />
        <a className="button button-primary" href={`#${paths.newPatient()}`} title="New patient (Alt+N)" aria-keyshortcuts="Alt+N">
          <span aria-hidden="true">+</span> New patient
        </a>
      </header>

      <div className="list-toolbar">
        <div className="search-box">
          <svg className="search-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="m16 16 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <input
            ref={searchRef}
            type="search"
            className="input search-input"
            aria-label="Search patients"
            aria-keyshortcuts="/ Control+K"
            aria-controls="patient-table"
            placeholder={`Search by name, date of birth (${exampleDate}), phone or MRN`}
            value={query}
            onChange={(e) => changeQuery(e.target.value)}
            onKeyDown={onSearchKeys}
            autoComplete="off"
            spellCheck={false}
          />
          <kbd className="search-kbd" aria-hidden="true">
            /
          </kbd>
        </div>
        <label className="choice toolbar-choice">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          Show archived
        </label>
        <label className="toolbar-sort">
          <span>Sort</span>
          <select
            className="input"
            value={sortValue}
            onChange={(e) => {
              const choice = SORT_CHOICES.find((c) => c.value === e.target.value);
              setSort(choice?.sort ?? null);
            }}
          >
            {searching && <option value="relevance">Best match</option>}
            {SORT_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>

      <DataTable
        ref={tableRef}
        id="patient-table"
        label="Patients"
        columns={columns}
        paged={paged}
        getRowId={rowId}
        rowFocus="link"
        rowHeight={ROW_HEIGHT}
        overscan={OVERSCAN}
        fill
        sorting={sorting}
        onSortingChange={onSortingChange}
        activeIndex={highlight}
        onActiveIndexChange={setHighlight}
        onScroll={onScroll}
        rowClassName={archivedClass}
        loading={pages.total === null && pages.loading}
        busy={pages.loading}
        loadingLabel="Loading patients…"
        error={pages.error}
        onRetry={pages.retry}
        empty={
          shownQuery ? (
            <div className="empty-state">
              <h2>No patient matches “{shownQuery}”</h2>
              <p>Try part of the last name, a date of birth like {exampleDate}, phone digits or the MRN{includeArchived ? '' : ' — or turn on “Show archived”'}.</p>
              <a className="button" href={`#${paths.newPatient()}`}>
                Add a new patient
              </a>
            </div>
          ) : (
            <div className="empty-state">
              <h2>No patients yet — add the first one</h2>
              <p>Patients you register appear here, ready to search by name, date of birth, phone or MRN.</p>
              <a className="button button-primary" href={`#${paths.newPatient()}`}>
                New patient
              </a>
            </div>
          )
        }
      />
      <p className="list-help muted">
        <kbd>/</kbd> search · <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Alt</kbd>+<kbd>N</kbd> new patient
      </p>
    </div>
  );
}
