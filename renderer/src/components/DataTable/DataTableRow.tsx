import { memo, type CSSProperties, type ReactNode } from 'react';
import { createRow, flexRender, type ColumnDef, type Row, type Table } from '@tanstack/react-table';

// The body rows of the one DataTable (see DataTable.tsx). A row draws again only when what it shows
// changes: its data, its place, the highlight or the tab stop moving onto or off it, or the columns.
// Typing in a search above a long list then redraws the search box, not every row under it.

interface BodyRowProps<T> {
  table: Table<T>;
  /** Only to draw again when the columns change (the cells come from them). */
  // A table's columns hold cells of any value type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  /** The row from the table's own rows, or the data of a server's row (`original`). */
  row: Row<T> | undefined;
  original: T | undefined;
  getRowId: (row: T, index: number) => string;
  index: number;
  /** Pixels from the top when the rows are drawn only near the screen, else null. */
  start: number | null;
  measure: ((el: Element | null) => void) | undefined;
  active: boolean;
  tabStop: boolean;
  rowTakesFocus: boolean;
  rowHeight: number;
  setActiveIndex: (index: number) => void;
  onRowOpen: ((row: T, index: number) => void) | undefined;
  rowClassName: ((row: T) => string | undefined) | undefined;
  renderDetail: ((row: T) => ReactNode) | undefined;
  testId: string | undefined;
}

const virtualStyle = (start: number | null): CSSProperties | undefined => (start === null ? undefined : { transform: `translateY(${start}px)` });

function BodyRowView<T>(props: BodyRowProps<T>) {
  const { table, index, rowHeight, onRowOpen, renderDetail, setActiveIndex } = props;
  const row = props.row ?? createRow(table, props.getRowId(props.original as T, index), props.original as T, index, 0);
  const rowStyle = virtualStyle(props.start);
  const detail = renderDetail?.(row.original) ?? null;
  const extra = props.rowClassName?.(row.original);
  return (
    <div className={`dt-row-wrap${props.start !== null ? ' is-virtual' : ''}`} style={rowStyle} data-index={index} role="none" ref={props.measure}>
      <div
        className={`dt-row${props.active ? ' is-active' : ''}${extra ? ` ${extra}` : ''}${onRowOpen ? ' is-openable' : ''}`}
        role="row"
        aria-rowindex={index + 2}
        data-row-index={index}
        data-testid={props.testId}
        tabIndex={props.rowTakesFocus ? (props.tabStop ? 0 : -1) : undefined}
        onFocus={(e) => e.target === e.currentTarget && setActiveIndex(index)}
        onClick={(e) => {
          if (!onRowOpen || (e.target as HTMLElement).closest('button, a, input, select, textarea')) return;
          setActiveIndex(index);
          onRowOpen(row.original, index);
        }}
        style={rowStyle && !renderDetail ? { minHeight: rowHeight } : undefined}
      >
        {row.getVisibleCells().map((cell) => {
          const meta = cell.column.columnDef.meta;
          return (
            <div
              // By column, not cell.id (which holds the row's id): a row filled with another patient keeps its cells.
              key={cell.column.id}
              role={meta?.rowHeader ? 'rowheader' : 'cell'}
              className={`dt-td${meta?.align === 'end' ? ' is-end' : ''}${meta?.stickyEnd ? ' is-sticky-end' : ''}${meta?.className ? ` ${meta.className}` : ''}`}
            >
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </div>
          );
        })}
      </div>
      {detail && (
        <div className="dt-detail" role="row">
          <div role="cell" className="dt-detail-cell" aria-colspan={props.columns.length}>
            {detail}
          </div>
        </div>
      )}
    </div>
  );
}

/** A body row; see the top of this file for when it draws again. */
export const BodyRow = memo(BodyRowView) as typeof BodyRowView;

/** A row of a server's page that is still on its way. */
export const PlaceholderRow = memo(function PlaceholderRow({ index, start, rowHeight }: { index: number; start: number | null; rowHeight: number }) {
  return (
    <div className="dt-row-wrap is-virtual" style={virtualStyle(start)} data-index={index} role="none">
      <div className="dt-row is-placeholder" role="row" aria-rowindex={index + 2} style={{ height: rowHeight }}>
        <div role="cell" className="dt-td">
          <span className="placeholder-bar" />
        </div>
      </div>
    </div>
  );
});
