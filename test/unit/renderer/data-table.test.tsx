// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { DataTable, primaryProps, type DataTableColumn } from '../../../renderer/src/components/DataTable/DataTable';

interface Person {
  id: number;
  name: string;
  age: number;
}

const people: Person[] = [
  { id: 1, name: 'Núñez, Zoë', age: 41 },
  { id: 2, name: 'Đặng, Trọng Tấn', age: 67 },
  { id: 3, name: 'Abbott, Ann', age: 29 },
];

const columns: DataTableColumn<Person>[] = [
  { id: 'name', accessorFn: (p) => p.name, header: 'Name', enableSorting: true, meta: { rowHeader: true }, cell: (i) => i.row.original.name },
  { id: 'age', accessorFn: (p) => p.age, header: 'Age', enableSorting: true, meta: { align: 'end' }, cell: (i) => i.row.original.age },
  { id: 'actions', header: '', meta: { srHeader: 'Actions', stickyEnd: true }, cell: (i) => <button type="button">Edit {i.row.original.name}</button> },
];

const names = () => screen.getAllByRole('rowheader').map((c) => c.textContent);

afterEach(cleanup);

describe('DataTable', () => {
  it('sorts by a header and says so (aria-sort), both ways', () => {
    render(<DataTable label="People" columns={columns} data={people} getRowId={(p) => String(p.id)} />);
    expect(names()).toEqual(['Núñez, Zoë', 'Đặng, Trọng Tấn', 'Abbott, Ann']);
    fireEvent.click(screen.getByRole('button', { name: /Age/ }));
    expect(screen.getByRole('columnheader', { name: /Age/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(names()).toEqual(['Abbott, Ann', 'Núñez, Zoë', 'Đặng, Trọng Tấn']);
    fireEvent.click(screen.getByRole('button', { name: /Age/ }));
    expect(screen.getByRole('columnheader', { name: /Age/ })).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['Đặng, Trọng Tấn', 'Núñez, Zoë', 'Abbott, Ann']);
    // A column without words in its header still has them for screen readers.
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeInTheDocument();
  });

  it('is one tab stop: arrows, Home and End move the highlight and the focus, Enter opens the row', () => {
    const open = vi.fn();
    render(<DataTable label="People" columns={columns} data={people} getRowId={(p) => String(p.id)} onRowOpen={open} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    rows[0]!.focus();
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    expect(screen.getAllByRole('row')[2]).toHaveFocus();
    expect(screen.getAllByRole('row')[2]).toHaveClass('is-active');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(screen.getAllByRole('row')[3]).toHaveFocus();
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(open).toHaveBeenCalledWith(people[2], 2);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(screen.getAllByRole('row')[1]).toHaveFocus();
    // Enter on a button in the row is the button's, not the row's.
    fireEvent.keyDown(within(screen.getAllByRole('row')[1]!).getByRole('button'), { key: 'Enter' });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('moves the focus to each row’s link when the rows are links', () => {
    const linked: DataTableColumn<Person>[] = [
      {
        id: 'name',
        header: 'Name',
        meta: { rowHeader: true },
        cell: (i) => (
          <a href={`#/p/${i.row.original.id}`} {...primaryProps(i)}>
            {i.row.original.name}
          </a>
        ),
      },
    ];
    render(<DataTable label="People" columns={linked} data={people} getRowId={(p) => String(p.id)} rowFocus="link" />);
    const links = screen.getAllByRole('link');
    expect(links.map((l) => l.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    links[0]!.focus();
    fireEvent.keyDown(links[0]!, { key: 'ArrowDown' });
    expect(screen.getAllByRole('link')[1]).toHaveFocus();
    expect(screen.getAllByRole('link').map((l) => l.getAttribute('tabindex'))).toEqual(['-1', '0', '-1']);
  });

  it('says when it is loading, when it failed (with Try again), and what to do when empty', () => {
    const retry = vi.fn();
    const { rerender } = render(<DataTable label="People" columns={columns} data={[]} getRowId={(p) => String(p.id)} loading loadingLabel="Loading people…" />);
    expect(screen.getByText('Loading people…')).toBeInTheDocument();
    rerender(<DataTable label="People" columns={columns} data={[]} getRowId={(p) => String(p.id)} error={{ message: 'Runback is not answering.' }} onRetry={retry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Runback is not answering.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalled();
    rerender(<DataTable label="People" columns={columns} data={[]} getRowId={(p) => String(p.id)} empty={<p>No people yet — add one.</p>} />);
    expect(screen.getByText('No people yet — add one.')).toBeInTheDocument();
  });

  it('draws only the rows near the screen for a long list, and says how many there are', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, name: `Person ${String(i + 1).padStart(4, '0')}`, age: 20 + (i % 60) }));
    render(<DataTable label="People" columns={columns} data={many} getRowId={(p) => String(p.id)} />);
    const table = screen.getByRole('table', { name: 'People' });
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    const drawn = screen.getAllByRole('row').length - 1;
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);
  });

  it('pages from elsewhere: rows not here yet are placeholders, and the rows on screen are asked for', async () => {
    vi.useFakeTimers();
    const onRange = vi.fn();
    render(
      <DataTable
        label="People"
        columns={columns}
        paged={{ rowCount: 1000, rowAt: (i) => (i < 2 ? people[i] : undefined), onRangeChange: onRange }}
        getRowId={(p) => String(p.id)}
      />,
    );
    expect(names()).toEqual(['Núñez, Zoë', 'Đặng, Trọng Tấn']);
    expect(document.querySelectorAll('.is-placeholder').length).toBeGreaterThan(3);
    vi.advanceTimersByTime(100);
    expect(onRange).toHaveBeenCalledWith(0, expect.any(Number));
    vi.useRealTimers();
  });

  it("pages from elsewhere: a new answer fills the rows already drawn (each keystroke's answer builds no new row or cell)", () => {
    const onRange = () => undefined;
    const paged = (rows: Person[]) => ({ rowCount: rows.length, rowAt: (i: number) => rows[i], onRangeChange: onRange });
    const table = (rows: Person[]) => <DataTable label="People" columns={columns} paged={paged(rows)} getRowId={(p) => String(p.id)} />;
    const { rerender } = render(table(people));
    const before = { rows: screen.getAllByRole('row').slice(1), cells: screen.getAllByRole('cell') };
    const others = [
      { id: 7, name: 'Ørsted, Åse', age: 35 },
      { id: 8, name: "O'Brien, Seán", age: 52 },
      { id: 9, name: 'Lê, Văn Hùng', age: 23 },
    ];
    rerender(table(others));
    expect(names()).toEqual(['Ørsted, Åse', "O'Brien, Seán", 'Lê, Văn Hùng']);
    expect(screen.getByRole('button', { name: 'Edit Lê, Văn Hùng' })).toBeInTheDocument();
    const after = { rows: screen.getAllByRole('row').slice(1), cells: screen.getAllByRole('cell') };
    expect(after.rows).toHaveLength(3);
    after.rows.forEach((row, i) => expect(row).toBe(before.rows[i]));
    after.cells.forEach((cell, i) => expect(cell).toBe(before.cells[i]));
  });
});
