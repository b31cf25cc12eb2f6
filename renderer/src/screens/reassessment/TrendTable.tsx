import { useMemo } from 'react';
import type { MeasureDefinition, Side } from '../../../../shared/clinical/reassessment';
import type { MeasureTrend } from '../../../../shared/domain/reassessments';
import { useFormat } from '../../app/clinic';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { DEVICE_LABELS, GRADE_WORDS, changeText, valueText } from './reassessmentFormat';

type Point = MeasureTrend['points'][number];
interface Row {
  date: string;
  bySide: Partial<Record<Side, Point>>;
}

/** Since the baseline: the change, marked real (beyond the detectable change) or within measurement error. */
function ChangeCell({ point, def }: { point: Point | undefined; def: MeasureDefinition }) {
  const since = point?.sinceBaseline;
  if (!point) return <span className="muted">—</span>;
  if (!since) return <span className="muted">baseline</span>;
  const real = since.classification !== 'within-error';
  const threshold = since.threshold !== null ? `detectable change ${valueText(since.threshold, def.unit)} (${GRADE_WORDS[since.thresholdGrade]})` : 'result changed';
  return (
    <span className={`trend-change trend-${since.classification}`} title={[threshold, ...since.warnings].join(' · ')}>
      {since.difference !== null ? changeText(since.difference, def.unit) : ''} {since.classification === 'improved' ? 'better — real change' : since.classification === 'worse' ? 'worse — real change' : 'within error'}
      {!real && since.threshold !== null && <span className="visually-hidden"> ({threshold})</span>}
      {since.warnings.length > 0 && <span className="trend-warning"> · device changed</span>}
    </span>
  );
}

/** One measure over time: dates down, each side's value and its change since the baseline across. */
export function TrendTable({ def, trends }: { def: MeasureDefinition; trends: MeasureTrend[] }) {
  const f = useFormat();
  const sides: Side[] = def.sided ? ['left', 'right'] : ['none'];
  const rows = useMemo(() => {
    const byDate = new Map<string, Row>();
    for (const t of trends) for (const p of t.points) {
      const row = byDate.get(`${p.date}:${p.reassessmentId}`) ?? { date: p.date, bySide: {} };
      row.bySide[t.side] = p;
      byDate.set(`${p.date}:${p.reassessmentId}`, row);
    }
    return [...byDate.values()].sort((a, b) => (a.date < b.date ? 1 : -1));
  }, [trends]);
  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      { id: 'date', header: 'Date', size: 110, meta: { rowHeader: true, grow: 0 }, cell: ({ row: { original: r } }) => f.date(r.date) },
      ...sides.flatMap((side): DataTableColumn<Row>[] => {
        const label = side === 'left' ? 'Left' : side === 'right' ? 'Right' : 'Result';
        return [
          { id: `v-${side}`, header: label, size: 70, meta: { align: 'end', grow: 0 }, cell: ({ row: { original: r } }) => (r.bySide[side] ? valueText(r.bySide[side].value, def.unit) : <span className="muted">—</span>) },
          { id: `c-${side}`, header: `${label}: since baseline`, size: 170, meta: { grow: 1 }, cell: ({ row: { original: r } }) => <ChangeCell point={r.bySide[side]} def={def} /> },
        ];
      }),
      {
        id: 'device',
        header: 'Device',
        size: 130,
        meta: { grow: 0 },
        cell: ({ row: { original: r } }) => {
          const d = Object.values(r.bySide)[0]?.device;
          return d ? DEVICE_LABELS[d] : <span className="muted">not recorded</span>;
        },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [def, f],
  );
  return <DataTable label={`${def.name}: trend`} className="trend-table" columns={columns} data={rows} getRowId={(r) => `${r.date}:${Object.values(r.bySide)[0]?.reassessmentId ?? 0}`} />;
}
