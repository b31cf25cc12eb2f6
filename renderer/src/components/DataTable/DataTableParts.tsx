import { flexRender, type CellContext, type Header, type Table } from '@tanstack/react-table';

// The header cells and the column layout of the one DataTable (see DataTable.tsx).

/** The cell props that make a row's main link the keyboard's stop for the row (one tab stop for the list). */
export function primaryProps<T>(info: CellContext<T, unknown>) {
  const meta = info.table.options.meta;
  const index = meta ? meta.positionOf(info.row.id, info.row.index) : info.row.index;
  return {
    'data-row-primary': true,
    tabIndex: meta?.isTabStop(index) ? 0 : -1,
    onFocus: () => meta?.setActiveIndex(index),
  };
}

export function gridTemplate<T>(table: Table<T>): string {
  const sizing = table.getState().columnSizing;
  return table
    .getVisibleLeafColumns()
    .map((c) => {
      const size = c.getSize();
      const grow = c.columnDef.meta?.grow ?? 1;
      return sizing[c.id] !== undefined || grow === 0 ? `${size}px` : `minmax(${size}px, ${grow}fr)`;
    })
    .join(' ');
}

function SortMark({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <span className={`sort-arrow${direction ? ' is-active' : ''}`} aria-hidden="true">
      {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
    </span>
  );
}

export function HeaderCell<T>({ header }: { header: Header<T, unknown> }) {
  const column = header.column;
  const meta = column.columnDef.meta;
  const sorted = column.getIsSorted();
  const text = typeof column.columnDef.header === 'string' ? column.columnDef.header : (meta?.srHeader ?? column.id);
  const content = header.isPlaceholder ? null : flexRender(column.columnDef.header, header.getContext());
  return (
    <div
      role="columnheader"
      className={`dt-th${meta?.align === 'end' ? ' is-end' : ''}${meta?.stickyEnd ? ' is-sticky-end' : ''}`}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
    >
      {column.getCanSort() ? (
        <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()} title={`Sort by ${text.toLowerCase()}`}>
          {content}
          <SortMark direction={sorted} />
        </button>
      ) : content || !meta?.srHeader ? (
        content
      ) : (
        <span className="visually-hidden">{meta.srHeader}</span>
      )}
      {column.getCanResize() && (
        <span
          className={`dt-resize${column.getIsResizing() ? ' is-resizing' : ''}`}
          onMouseDown={header.getResizeHandler()}
          onTouchStart={header.getResizeHandler()}
          onDoubleClick={() => column.resetSize()}
          aria-hidden="true"
          title="Drag to change the width; double-click to reset"
        />
      )}
    </div>
  );
}
