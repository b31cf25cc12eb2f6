import { describe, expect, it } from 'vitest';
import { csvCell, csvText, CsvNumber } from '../../../shared/util/csv';
import { endOfDayCsv } from '../../../shared/superbill/end-of-day-csv';
import { csvMoney, printedMoney } from '../../../shared/superbill/money';

describe('CSV cells for a spreadsheet', () => {
  it.each([
    ['Đặng, Trọng Tấn', '"Đặng, Trọng Tấn"'],
    ['plain', 'plain'],
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+1 312 555 0100', "'+1 312 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['a "quote"', '"a ""quote"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('numbers we format stay numbers, negative ones too', () => {
    expect(csvText([['a', new CsvNumber('-12.00'), 3, null]])).toBe('\ufeffa,-12.00,3,\r\n');
  });
});

describe('money at the edge', () => {
  it.each([
    [0, '$0.00', '0.00'],
    [5, '$0.05', '0.05'],
    [123456, '$1,234.56', '1234.56'],
    [-2000, '−$20.00', '-20.00'],
  ])('%i cents → %s / %s', (cents, printed, csv) => {
    expect(printedMoney(cents)).toBe(printed);
    expect(csvMoney(cents)).toBe(csv);
  });
});

describe('the end-of-day CSV', () => {
  it('one signed row per entry; a name that looks like a formula stays text', () => {
    const csv = endOfDayCsv(
      {
        clinic: { name: 'C', addressLine1: 'a', addressLine2: null, city: 'c', region: 'r', postalCode: 'p', phone: '1', npi: null, taxId: null },
        date: '2026-11-10',
        entries: [
          { id: 17, receivedAt: '2026-11-10T15:05:00Z', patientName: '=cmd|"/c calc"!A1', mrn: 'RB000001', methodLabel: 'Card', reference: '-4242', amountCents: 16500, receivedBy: 'Reyes, Marisol', kind: 'payment', reason: null },
          { id: 12, receivedAt: '2026-11-10T20:00:00Z', patientName: 'Núñez, Zoë', mrn: 'RB000002', methodLabel: 'Cash', reference: null, amountCents: -2000, receivedBy: 'Admin', kind: 'refund', reason: '@overpaid' },
        ],
        byMethod: [],
        byTherapist: [],
        totalCents: 14500,
      },
      (iso) => (iso.endsWith('15:05:00Z') ? '9:05 AM' : '2:00 PM'),
    );
    expect(csv.split('\r\n')).toEqual([
      '\ufeffDate,Time,Instant (UTC),Receipt,Kind,Patient,MRN,Method,Reference,Amount (USD),Taken by,Reason',
      `2026-11-10,9:05 AM,2026-11-10T15:05:00Z,R-000017,Payment,"'=cmd|""/c calc""!A1",RB000001,Card,'-4242,165.00,"Reyes, Marisol",`,
      `2026-11-10,2:00 PM,2026-11-10T20:00:00Z,R-000012,Refund,"Núñez, Zoë",RB000002,Cash,,-20.00,Admin,'@overpaid`,
      '',
    ]);
  });
});
