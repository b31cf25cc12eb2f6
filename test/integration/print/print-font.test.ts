import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Font, Page, Text } from '@react-pdf/renderer';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { DaySheet } from '../../../electron/print/day-sheet';
import { PRINT_FONT } from '../../../electron/print/fonts';
import { printStyles } from '../../../electron/print/print-styles';
import { renderPdf } from '../../../electron/print/render-pdf';
import type { Appointment } from '../../../shared/domain/schedule';

const PRINT_DIR = fileURLToPath(new URL('../../../electron/print/', import.meta.url));

function appointment(id: number, patientName: string, startsAt: string, endsAt: string, extra: Partial<Appointment> = {}): Appointment {
  return {
    id,
    seriesId: null,
    patientId: id,
    patientName,
    patientPhone: '(312) 555-0199',
    therapistId: 1,
    therapistName: 'Linh Nguyễn, PT',
    roomId: 1,
    roomName: 'Phòng 1',
    typeId: 1,
    typeName: 'Follow-up',
    typeColour: '#2f6f8f',
    status: 'booked',
    startsAt,
    endsAt,
    localDate: '2026-12-01',
    startMinute: 0,
    endMinute: 0,
    arrivedAt: null,
    note: null,
    cancelReason: null,
    lateCancel: false,
    doubleBookedReason: null,
    ...extra,
  };
}

async function pdfText(bytes: Buffer): Promise<{ text: string; fonts: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'runback-font-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('printed documents use the bundled Unicode font', () => {
  it('a day sheet prints Vietnamese and Latin Extended names, °, ≤ and → as typed, with the font embedded', async () => {
    const pdf = await renderPdf(
      createElement(DaySheet, {
        clinic: { name: 'Phòng khám Sông Hồng', addressLine1: '12 Phố Huế', addressLine2: null, city: 'Hà Nội', region: 'HN', postalCode: '100000', phone: '(312) 555-0100' },
        dateLabel: 'Tuesday, December 1, 2026',
        sections: [
          {
            therapistName: 'Linh Nguyễn, PT',
            appointments: [
              appointment(1, 'Đặng, Trọng Tấn', '2026-12-01T15:00:00Z', '2026-12-01T15:45:00Z', { note: 'Pain ≤ 3 → progress; ice at 4 °C' }),
              appointment(2, 'Łukasik-Núñez, Zoë (Żaneta)', '2026-12-01T16:00:00Z', '2026-12-01T16:45:00Z'),
              appointment(3, 'Çelik, Şükrü', '2026-12-01T17:00:00Z', '2026-12-01T17:45:00Z', { status: 'cancelled', cancelReason: 'Ốm (sick)' }),
            ],
          },
        ],
        printedLabel: 'printed Dec 1, 2026 by Dana Whitfield',
        paper: 'letter',
        timeZone: 'America/Chicago',
        locale: 'en-US',
      }),
    );
    const { text, fonts } = await pdfText(pdf);
    for (const s of ['Phòng khám Sông Hồng', 'Hà Nội', 'Linh Nguyễn, PT', 'Đặng, Trọng Tấn', 'Łukasik-Núñez, Zoë (Żaneta)', 'Çelik, Şükrü', 'Pain ≤ 3 → progress; ice at 4 °C', 'Cancelled: Ốm (sick)', 'Phòng 1']) {
      expect(text, s).toContain(s);
    }
    // Every font in the file is embedded (no built-in Helvetica that cannot print "Đặng").
    const rows = fonts.split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/Inter/);
      expect(row).toMatch(/\byes\s+yes\b/); // embedded, subset
    }
  });

  it('no printable component names a built-in PDF font: they all use PRINT_FONT from electron/print/fonts.ts', () => {
    const files = readdirSync(PRINT_DIR).filter((f) => /\.tsx?$/.test(f) && f !== 'fonts.ts');
    for (const f of files) {
      const source = readFileSync(join(PRINT_DIR, f), 'utf8');
      expect(source, f).not.toMatch(/Helvetica|Times-Roman|Courier/);
      for (const m of source.matchAll(/fontFamily:\s*([^,}\s]+)/g)) expect(m[1], `${f}: ${m[0]}`).toBe('PRINT_FONT');
    }
  });
  it('a document printed after another keeps every character, even letters the first printed only as parts of accented ones', async () => {
    // A fresh font, as in a process that has printed nothing yet (others in this worker may have
    // printed): the two prints below share it, as every print in one process does.
    for (const source of Font.getRegisteredFonts()[PRINT_FONT]!.sources) Object.assign(source, { data: null, loadResultPromise: null });
    // Both weights, as every document prints its headings and totals in bold.
    const page = (words: string) =>
      createElement(Document, null, createElement(Page, { style: printStyles.page }, createElement(Text, null, words), createElement(Text, { style: { fontWeight: 'bold' } }, words)));
    // "ọ", "ẹ", "ị"… are drawn from "o", "e", "i" and a dot below: embedding them reaches those glyphs by id alone.
    await renderPdf(page('Đặng Trọng Tấn, Nguyễn Thị Ngọc: ạ ặ ẹ ị ọ ụ ỵ ; … ” “ ! ? ü ö ä $ 1 8 5 0'));
    const { text } = await pdfText(await renderPdf(page('O’Brien, Siobhán. Hold the banister; 10 slow ones. Balance due $185.00')));
    expect(text.match(/O’Brien, Siobhán\. Hold the banister; 10 slow ones\. Balance due \$185\.00/g)).toHaveLength(2);
  });
});
