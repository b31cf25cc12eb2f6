import { useMemo } from 'react';
import type { OutcomeSummary } from '../../../../shared/domain/reassessments';
import { INSTRUMENT_NAMES } from '../../../../shared/domain/reassessments';
import type { useQuery } from '../../api/hooks';
import { useFormat } from '../../app/clinic';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';

const fmt = (n: number) => (Number.isInteger(n) ? String(Math.abs(n)) : Math.abs(n).toFixed(1));

/** Each questionnaire: its first and latest score, and the change against its detectable and important change. */
export function OutcomeTable({ query }: { query: ReturnType<typeof useQuery<'outcomes.list'>> }) {
  const f = useFormat();
  const columns = useMemo<DataTableColumn<OutcomeSummary>[]>(
    () => [
      { id: 'name', header: 'Questionnaire', size: 170, meta: { rowHeader: true, grow: 1 }, cell: ({ row: { original: s } }) => INSTRUMENT_NAMES[s.instrument] },
      { id: 'baseline', header: 'First', size: 160, meta: { grow: 1 }, cell: ({ row: { original: s } }) => `${f.date(s.baseline.date)}: ${s.baseline.scoreText}` },
      { id: 'latest', header: 'Latest', size: 160, meta: { grow: 1 }, cell: ({ row: { original: s } }) => (s.latest.id === s.baseline.id ? <span className="muted">only one so far</span> : `${f.date(s.latest.date)}: ${s.latest.scoreText}`) },
      {
        id: 'change',
        header: 'Change',
        size: 190,
        meta: { grow: 1 },
        cell: ({ row: { original: s } }) => {
          const c = s.change;
          if (!c) return <span className="muted">—</span>;
          const words = c.direction === 'within-error' ? 'within measurement error' : `${c.direction === 'improved' ? 'better' : 'worse'} beyond measurement error`;
          const important = c.meetsMcid === null ? '' : c.meetsMcid ? ' · important change' : ' · not yet an important change';
          return (
            <span className={`trend-change trend-${c.direction}`} title={c.reasons.map((r) => r.sentence).join(' ')}>
              {c.change > 0 ? '+' : c.change < 0 ? '−' : '±'}
              {fmt(c.change)} points: {words}
              {important}
            </span>
          );
        },
      },
      { id: 'thresholds', header: 'Thresholds', size: 230, meta: { grow: 1.5 }, cell: ({ row: { original: s } }) => <span className="muted">{s.thresholds}</span> },
    ],
    [f],
  );
  return (
    <DataTable
      label="Outcome questionnaires"
      columns={columns}
      data={query.data?.summaries ?? []}
      loading={query.loading}
      error={query.error}
      onRetry={query.refetch}
      getRowId={(s) => s.instrument}
      empty="No questionnaire recorded yet."
    />
  );
}
