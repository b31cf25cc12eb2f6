import { csvText, CsvNumber } from '../util/csv';
import type { EndOfDayData } from './documents';
import { csvMoney } from './money';

const KIND = { payment: 'Payment', refund: 'Refund', void: 'Void' } as const;

/**
 * The accountant's CSV of a day: one row per payment, refund and void (amounts signed, so the column
 * adds up to the day's takings), with the clinic's local time beside the UTC instant.
 */
export function endOfDayCsv(data: EndOfDayData, localTime: (iso: string) => string): string {
  const header = ['Date', 'Time', 'Instant (UTC)', 'Receipt', 'Kind', 'Patient', 'MRN', 'Method', 'Reference', 'Amount (USD)', 'Taken by', 'Reason'];
  const rows = data.entries.map((e) => [
    data.date,
    localTime(e.receivedAt),
    e.receivedAt,
    `R-${String(e.id).padStart(6, '0')}`,
    KIND[e.kind],
    e.patientName,
    e.mrn,
    e.methodLabel,
    e.reference,
    new CsvNumber(csvMoney(e.amountCents)),
    e.receivedBy,
    e.reason,
  ]);
  return csvText([header, ...rows]);
}
