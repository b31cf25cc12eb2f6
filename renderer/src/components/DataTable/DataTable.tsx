import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import {
  createRow,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Banner } from '../Banner';
import { BodyRow, PlaceholderRow } from './DataTableRow';
import { gridTemplate, HeaderCell } from './DataTableParts';

export { primaryProps } from './DataTableParts';
import './DataTable.css';

declare module '@tanstack/react-table' {
  // The type parameters must match table-core's declaration to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Extra class for this column's cells (e.g. a text style). */
    className?: string;
    /** Numbers line up on the right. */
    align?: 'end';
    /** Share of the spare width this column takes (0 = stays at its size). Default 1. */
    grow?: number;
    /** The row-header cell (role=rowheader): the name screen readers announce with each cell. */
    rowHeader?: boolean;
    /** Stays on screen at the right edge when the table scrolls sideways (row actions). */
    stickyEnd?: boolean;
    /** The header's words for screen readers when the visible header is empty (e.g. "Actions"). */
    srHeader?: string;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface TableMeta<TData extends RowData> {
    activeIndex: number;
    setActiveIndex: (index: number) => void;
    /** Where a row is on screen (sorting moves rows away from their place in the data). */
    positionOf: (rowId: string, fallback: number) => number;
    /** The one row whose link Tab reaches (the highlighted one, or the first drawn). */
    isTabStop: (position: number) => boolean;
  }
}

// A table's columns hold cells of any value type; the row type is what the caller checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumn<T> = ColumnDef<T, any>;

export interface DataTableHandle {
  scrollToIndex: (index: number) => void;
  scrollToTop: () => void;
  /** Scroll the rows to a remembered place (pixels from the top). */
  scrollToOffset: (top: number) => void;
  /** Move the highlight to a row and put the keyboard focus on it (its link, or the row). */
  focusRow: (index: number) => void;
}

export interface DataTableProps<T> {
  /** What the table is called for screen readers ("Patients", "Running log"). */
  label: string;
  columns: DataTableColumn<T>[];
  /** Every row, here (sorted here unless `manualSorting`). */
  data?: readonly T[];
  /** Rows fetched a page at a time elsewhere: how many there are, one by index (undefined while on its way), and which are on screen. */
  paged?: { rowCount: number; rowAt: (index: number) => T | undefined; onRangeChange: (first: number, last: number) => void };
  getRowId: (row: T, index: number) => string;
  loading?: boolean;
  /** The rows on screen are about to be replaced (a newer search is on its way): aria-busy. Default: `loading`. */
  busy?: boolean;
  loadingLabel?: string;
  error?: { message: string } | null;
  onRetry?: () => void;
  /** What an empty table says (what to do next). */
  empty?: ReactNode;
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  initialSorting?: SortingState;
  /** The rows arrive sorted (the server sorts); the headers only say how. */
  manualSorting?: boolean;
  /**
   * What takes the keyboard focus in a row: the row itself (default), or the link a cell renders with
   * `primaryProps` (a list whose rows are links, like the patient list).
   */
  rowFocus?: 'row' | 'link';
  /** Enter on a row (or a click on a row without its own link or button). */
  onRowOpen?: (row: T, index: number) => void;
  rowClassName?: (row: T) => string | undefined;
  /** A full-width line under a row (notes, flags), or null. */
  renderDetail?: (row: T) => ReactNode;
  /** Row height in pixels (an estimate when rows have details). */
  rowHeight?: number;
  /** The table's own scroll area: its largest height. Default: 70% of the window. */
  maxHeight?: string;
  /** Fill the rest of a flex column instead (the patient list). */
  fill?: boolean;
  /** The highlighted row, when the screen keeps it (arrow keys in a search box). */
  activeIndex?: number;
  onActiveIndexChange?: (index: number) => void;
  onScroll?: (scrollTop: number) => void;
  /** Rows are drawn only near the screen from this many rows on (always for paged tables). */
  virtualFrom?: number;
  /**
   * Rows drawn beyond each edge of the screen when only those near it are drawn (default 10). A list
   * whose rows all change at every keystroke (the patient search) draws fewer: each is work per answer.
   */
  overscan?: number;
  id?: string;
  className?: string;
  rowTestId?: string;
  ref?: Ref<DataTableHandle>;
}

const DEFAULT_ROW_HEIGHT = 40;

/**
 * The one table of the app (on @tanstack/react-table): sortable headers (aria-sort), column widths
 * from each column's size (drag a header's edge to change it), a header that stays put while the
 * rows scroll, one tab stop with arrow keys, Home/End and Page keys to move and Enter to open,
 * loading, error and empty states, and rows drawn only near the screen for long lists — either all
 * rows here (`data`) or a server's pages (`paged`). Columns are TanStack column definitions; `meta`
 * says how a column lines up, grows or sticks. See renderer/README.md.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { label, columns, paged, getRowId, manualSorting, renderDetail, rowClassName, onRowOpen } = props;
  const [ownSorting, setOwnSorting] = useState<SortingState>(props.initialSorting ?? []);
  const sorting = props.sorting ?? ownSorting;
  const [ownActive, setOwnActive] = useState(0);
  const activeIndex = props.activeIndex ?? ownActive;
  const onActive = props.onActiveIndexChange;
  const setActiveIndex = useCallback(
    (i: number) => {
      setOwnActive(i);
      onActive?.(i);
    },
    [onActive],
  );
  const data = useMemo(() => (paged ? [] : [...(props.data ?? [])]), [paged, props.data]);
  const onSortingChange = props.onSortingChange;

  const table = useReactTable<T>({
    data,
    columns,
    getRowId,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      if (onSortingChange) onSortingChange(next);
      else setOwnSorting(next);
    },
    manualSorting: manualSorting ?? Boolean(paged),
    // No pages or expanded rows here: the table's resets of them (queued whenever the rows or the
    // sorting change) would only draw the table once more after every new answer.
    autoResetAll: false,
    enableSortingRemoval: false,
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
    defaultColumn: { enableResizing: false, enableSorting: false, sortDescFirst: false, size: 120, minSize: 48 },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    meta: { activeIndex, setActiveIndex, positionOf: (id, fallback) => positions.current.get(id) ?? fallback, isTabStop: (i) => i === tabStopRef.current },
  });

  const rows = table.getRowModel().rows;
  const positions = useRef(new Map<string, number>());
  const tabStopRef = useRef(0);
  positions.current = paged ? new Map() : new Map(rows.map((r, i) => [r.id, i]));
  const count = paged ? paged.rowCount : rows.length;
  const rowAt = (index: number): Row<T> | null => {
    if (!paged) return rows[index] ?? null;
    const original = paged.rowAt(index);
    return original === undefined ? null : createRow(table, getRowId(original, index), original, index, 0);
  };

  const scrollRef = useRef<HTMLDivElement>(null);
  /** Where the rows were scrolled to, as the last scroll event said (reading scrollTop lays the page out). */
  const scrolledTo = useRef(0);
  const rowHeight = props.rowHeight ?? DEFAULT_ROW_HEIGHT;
  const virtual = Boolean(paged) || count >= (props.virtualFrom ?? 80);
  const virtualizer = useVirtualizer({
    count: virtual ? count : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: props.overscan ?? 10,
    // Rows are measured once drawn (a long name or a detail line wraps instead of being cut), by the
    // ResizeObserver after the layout the frame does anyway. Reading a row's height as it is attached
    // would lay the page out again for every new row, in the commit, at every keystroke's answer.
    measureElement: (el, entry, instance) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) return Math.round(box.blockSize);
      const index = instance.indexFromElement(el);
      return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.measurementsCache[index]?.size ?? rowHeight;
    },
  });
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const first = items ? (items[0]?.index ?? 0) : 0;
  const last = items ? (items.at(-1)?.index ?? -1) : count - 1;

  // Paged rows: ask for the ones on screen once scrolling pauses.
  const onRange = paged?.onRangeChange;
  useEffect(() => {
    if (!onRange || last < 0) return undefined;
    const t = setTimeout(() => onRange(first, last), 40);
    return () => clearTimeout(t);
  }, [first, last, onRange, count]);

  // Focus follows the highlight once its row is drawn.
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${pendingFocus.current}"]`);
    if (el) {
      (el.querySelector<HTMLElement>('[data-row-primary]') ?? el).focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const moveTo = useCallback(
    (index: number, focus: boolean) => {
      if (count === 0) return;
      const next = Math.max(0, Math.min(count - 1, index));
      setActiveIndex(next);
      if (virtual) virtualizer.scrollToIndex(next, { align: 'auto' });
      else scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"]`)?.scrollIntoView?.({ block: 'nearest' });
      if (focus) pendingFocus.current = next;
    },
    [count, setActiveIndex, virtual, virtualizer],
  );

  useImperativeHandle(
    props.ref,
    () => ({
      scrollToIndex: (i) => (virtual ? virtualizer.scrollToIndex(i, { align: 'auto' }) : undefined),
      // Only when scrolled: scrolling (even to where it is) lays the page out at once, and new results
      // at every keystroke would pay for it in the commit instead of in the frame.
      scrollToTop: () => {
        if (scrolledTo.current !== 0) scrollRef.current?.scrollTo({ top: 0 });
      },
      scrollToOffset: (top) => scrollRef.current?.scrollTo({ top }),
      focusRow: (i) => moveTo(i, true),
    }),
    [moveTo, virtual, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea')) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, PageDown: activeIndex + page, PageUp: activeIndex - page, Home: 0, End: count - 1 };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      moveTo(to, true);
      return;
    }
    if (event.key === 'Enter' && onRowOpen && !target.closest('button, a')) {
      const row = rowAt(activeIndex);
      if (row) {
        event.preventDefault();
        onRowOpen(row.original, activeIndex);
      }
    }
  };

  const template = gridTemplate(table);
  const style = { '--dt-columns': template, ...(props.fill ? {} : { maxHeight: props.maxHeight ?? '70vh' }) } as CSSProperties;
  const rowTakesFocus = (props.rowFocus ?? 'row') === 'row';
  const tabStop = activeIndex >= first && activeIndex <= last ? activeIndex : first;
  tabStopRef.current = tabStop;

  const renderRow = (index: number, virtualStart: number | null, measure: boolean) => {
    const original = paged ? paged.rowAt(index) : undefined;
    const row = paged ? undefined : rows[index];
    if (!row && original === undefined) return <PlaceholderRow key={`placeholder-${index}`} index={index} start={virtualStart} rowHeight={rowHeight} />;
    return (
      <BodyRow
        // A server's rows are keyed by their place: the next search's answer then fills the rows already
        // drawn with its patients (text and attributes change) instead of removing every row and building
        // new ones at each keystroke. Rows held here keep their own key (sorting here moves them).
        key={row ? row.id : `at-${index}`}
        table={table}
        columns={columns}
        row={row}
        original={original}
        getRowId={getRowId}
        index={index}
        start={virtualStart}
        measure={measure ? virtualizer.measureElement : undefined}
        active={index === activeIndex}
        tabStop={index === tabStop}
        rowTakesFocus={rowTakesFocus}
        rowHeight={rowHeight}
        setActiveIndex={setActiveIndex}
        onRowOpen={onRowOpen}
        rowClassName={rowClassName}
        renderDetail={renderDetail}
        testId={props.rowTestId}
      />
    );
  };

  const showState = props.error || (count === 0 && (props.loading || props.empty));
  return (
    <div
      ref={scrollRef}
      id={props.id}
      className={`dt${props.fill ? ' is-fill' : ''}${props.className ? ` ${props.className}` : ''}`}
      style={style}
      role="table"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-busy={(props.busy ?? props.loading) || undefined}
      onKeyDown={onKeyDown}
      onScroll={(e) => {
        scrolledTo.current = e.currentTarget.scrollTop;
        props.onScroll?.(scrolledTo.current);
      }}
    >
      <div className="dt-head" role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} className="dt-row dt-head-row" role="row" aria-rowindex={1}>
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header} />
            ))}
          </div>
        ))}
      </div>
      <div className="dt-body" role="rowgroup" style={items ? { height: virtualizer.getTotalSize() } : undefined}>
        {showState ? (
          <div className="dt-state" role="row">
            <div role="cell">
              {props.error ? (
                <Banner
                  tone="error"
                  actions={
                    props.onRetry ? (
                      <button type="button" className="button" onClick={props.onRetry}>
                        Try again
                      </button>
                    ) : undefined
                  }
                >
                  {props.error.message}
                </Banner>
              ) : props.loading ? (
                <span className="loading-inline">
                  <span className="spinner" aria-hidden="true" /> {props.loadingLabel ?? 'Loading…'}
                </span>
              ) : (
                props.empty
              )}
            </div>
          </div>
        ) : items ? (
          items.map((item) => renderRow(item.index, item.start, true))
        ) : (
          Array.from({ length: count }, (_, i) => renderRow(i, null, false))
        )}
      </div>
    </div>
  );
}
