import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PatientSort } from '../../../../shared/domain/patient';
import { countOf } from '../../../../shared/format/numbers';
import { useClinic, useClinicToday } from '../../app/clinic';
import { paths } from '../../app/routes';
import { useShellState, type PatientListMemory } from '../../app/shell-state';
import { Banner } from '../../components/Banner';
import { birthAndAge, patientDisplayName } from './patientFormat';
import { usePatientPages, type ListParams } from './usePatientPages';

const ROW_HEIGHT = 38;
const FETCH_PAUSE_MS = 40;

type SortKey = Exclude<PatientSort, 'relevance'>;
type Sort = NonNullable<PatientListMemory['sort']>;

const COLUMNS: { id: string; label: string; sort?: SortKey; className: string }[] = [
  { id: 'name', label: 'Name', sort: 'name', className: 'col-name' },
  { id: 'dob', label: 'Date of birth', sort: 'dateOfBirth', className: 'col-dob' },
  { id: 'phone', label: 'Phone', className: 'col-phone' },
  { id: 'mrn', label: 'MRN', sort: 'mrn', className: 'col-mrn' },
  { id: 'status', label: 'Status', className: 'col-status' },
];

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

function rowId(index: number) {
  return `patient-row-${index}`;
}

/** Every patient, searchable as you type, a page at a time however many there are. */
export function PatientsScreen() {
  const { locale } = useClinic();
  const today = useClinicToday();
  const { patientList: memory, searchFocusRequest } = useShellState();
  const kept = memory.current;

  const [query, setQuery] = useState(kept.query);
  const [includeArchived, setIncludeArchived] = useState(kept.includeArchived);
  const [sort, setSort] = useState<Sort | null>(kept.sort);
  const [highlight, setHighlight] = useState(kept.highlight);

  // Search answers in a few milliseconds at 100,000 patients (issue #9): each keystroke asks at once,
  // from the render it causes (no timer, no second render); a late answer never replaces a newer one.
  const searching = query.trim() !== '';
  // While searching, the best match comes first unless someone chose a column to sort by.
  const effective: { key: PatientSort; direction: 'asc' | 'desc' } = sort ?? (searching ? { key: 'relevance', direction: 'asc' } : { key: 'name', direction: 'asc' });
  const params: ListParams = { query: query.trim(), includeArchived, sort: effective.key, direction: effective.direction };
  const pages = usePatientPages(params);
  const total = pages.total ?? 0;

  // Remember where we are for when the user comes back from a chart.
  useEffect(() => {
    memory.current.query = query;
    memory.current.includeArchived = includeArchived;
    memory.current.sort = sort;
    memory.current.highlight = highlight;
  }, [memory, query, includeArchived, sort, highlight]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  // Fetch the pages in view once scrolling pauses (dragging the scroll bar across 100,000 rows
  // should not ask for every page it passes).
  const { ensureRange, shownKey } = pages;
  useEffect(() => {
    if (last < 0) return undefined;
    const t = setTimeout(() => ensureRange(first, last), FETCH_PAUSE_MS);
    return () => clearTimeout(t);
  }, [first, last, ensureRange, shownKey]);

  // New results: back to the top, first row highlighted. Coming back to the same results: same place.
  const lastKey = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!shownKey) return;
    if (lastKey.current === null && shownKey === JSON.stringify(params) && kept.scrollTop > 0) {
      scrollRef.current?.scrollTo({ top: kept.scrollTop });
    } else if (lastKey.current !== null && lastKey.current !== shownKey) {
      scrollRef.current?.scrollTo({ top: 0 });
      setHighlight(0);
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

  // Arrow keys in the list move the focus with the highlight (once the row is drawn).
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    const link = document.querySelector<HTMLAnchorElement>(`#${rowId(focusRow.current)} a`);
    if (link) {
      link.focus({ preventScroll: true });
      focusRow.current = null;
    }
  });

  const moveTo = useCallback(
    (index: number, focusList: boolean) => {
      if (total === 0) return;
      const next = Math.max(0, Math.min(total - 1, index));
      setHighlight(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      if (focusList) focusRow.current = next;
    },
    [total, virtualizer],
  );

  const onListKeys = (event: KeyboardEvent, inList: boolean) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: highlight + 1, ArrowUp: highlight - 1 };
    if (inList) Object.assign(moves, { PageDown: highlight + page, PageUp: highlight - page, Home: 0, End: total - 1 });
    const to = moves[event.key];
    if (to !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      moveTo(to, inList);
      return;
    }
    if (event.key === 'Enter' && !inList) {
      const p = pages.row(highlight);
      if (p) {
        event.preventDefault();
        window.location.hash = `#${paths.patient(p.id)}`;
      }
    }
    if (event.key === 'Escape' && !inList && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const clickHeader = (key: SortKey) => {
    const current = sort ?? (searching ? null : { key: 'name', direction: 'asc' });
    setSort(current?.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' });
  };

  const sortValue = sort ? `${sort.key}-${sort.direction}` : searching ? 'relevance' : 'name-asc';
  // Counts and empty states describe the rows on screen (the previous search's until the new one answers).
  const shownQuery = pages.shownParams?.query ?? '';
  const countText =
    pages.total === null
      ? ''
      : pages.capped
        ? `${new Intl.NumberFormat(locale).format(total)}+ matches` // the server counts a broad search no further
        : shownQuery
          ? countOf(total, 'match', 'matches', locale)
          : countOf(total, 'patient', 'patients', locale);
  const tabStop = highlight >= first && highlight <= last ? highlight : first;

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
            placeholder="Search by name, date of birth (3/7/1985), phone or MRN"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => onListKeys(e, false)}
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

      {pages.error && (
        <Banner
          tone="error"
          actions={
            <button type="button" className="button" onClick={pages.retry}>
              Try again
            </button>
          }
        >
          {pages.error.message}
        </Banner>
      )}

      <div className="patient-table card" id="patient-table" role="table" aria-label="Patients" aria-rowcount={total + 1} aria-busy={pages.loading}>
        <div className="patient-row patient-head" role="row" aria-rowindex={1}>
          {COLUMNS.map((col) => {
            const active = col.sort && effective.key === col.sort;
            return (
              <div key={col.id} role="columnheader" className={col.className} aria-sort={active ? (effective.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                {col.sort ? (
                  <button type="button" className="sort-button" onClick={() => clickHeader(col.sort!)} title={`Sort by ${col.label.toLowerCase()}`}>
                    {col.label}
                    <span className={`sort-arrow${active ? ' is-active' : ''}`} aria-hidden="true">
                      {active ? (effective.direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  col.label
                )}
              </div>
            );
          })}
        </div>
        <div
          ref={scrollRef}
          className="patient-scroll"
          role="rowgroup"
          onScroll={(e) => {
            memory.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onKeyDown={(e) => onListKeys(e, true)}
        >
          {pages.total === 0 && !pages.loading && (
            <div className="empty-state" role="row">
              <div role="cell">
                {shownQuery ? (
                  <>
                    <h2>No patient matches “{shownQuery}”</h2>
                    <p>Try part of the last name, a date of birth like 3/7/1985, phone digits or the MRN{includeArchived ? '' : ' — or turn on “Show archived”'}.</p>
                    <a className="button" href={`#${paths.newPatient()}`}>
                      Add a new patient
                    </a>
                  </>
                ) : (
                  <>
                    <h2>No patients yet — add the first one</h2>
                    <p>Patients you register appear here, ready to search by name, date of birth, phone or MRN.</p>
                    <a className="button button-primary" href={`#${paths.newPatient()}`}>
                      New patient
                    </a>
                  </>
                )}
              </div>
            </div>
          )}
          {pages.total === null && pages.loading && (
            <div className="loading-block" role="row">
              <span role="cell">
                <span className="spinner" aria-hidden="true" /> Loading patients…
              </span>
            </div>
          )}
          <div className="patient-body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const p = pages.row(item.index);
              const active = item.index === highlight;
              const style = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
              if (!p) {
                return (
                  <div key={item.key} className="patient-row is-placeholder" role="row" aria-rowindex={item.index + 2} style={style}>
                    <div role="cell" className="col-name">
                      <span className="placeholder-bar" />
                    </div>
                  </div>
                );
              }
              const { date, age } = birthAndAge(p, today, locale);
              return (
                <div key={item.key} id={rowId(item.index)} className={`patient-row${active ? ' is-active' : ''}${p.archivedAt ? ' is-archived' : ''}`} role="row" aria-rowindex={item.index + 2} style={style}>
                  <div role="cell" className="col-name">
                    <a href={`#${paths.patient(p.id)}`} className="row-link" tabIndex={item.index === tabStop ? 0 : -1} onFocus={() => setHighlight(item.index)}>
                      {patientDisplayName(p)}
                    </a>
                  </div>
                  <div role="cell" className="col-dob">
                    {date} <span className="muted">· age {age}</span>
                  </div>
                  <div role="cell" className="col-phone">
                    {p.phone ?? <span className="muted">—</span>}
                  </div>
                  <div role="cell" className="col-mrn mono">
                    {p.mrn}
                  </div>
                  <div role="cell" className="col-status">
                    {p.archivedAt && <span className="badge badge-archived">Archived</span>}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <p className="list-help muted">
        <kbd>/</kbd> search · <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Alt</kbd>+<kbd>N</kbd> new patient
      </p>
    </div>
  );
}
