import { describe, expect, it } from 'vitest';
import { paperForLocale, paperForRegion } from '../../../shared/format/paper';
import { COUNTRIES } from '../../../shared/domain/locale';
import { defaultPaper } from '../../../renderer/src/components/PaperChoice';

describe('the paper a printed document defaults to (one rule for the handout and the print dialogs)', () => {
  it('is Letter in North America and the countries that print on it, A4 elsewhere', () => {
    expect(paperForRegion('US')).toBe('letter');
    expect(paperForRegion('CA')).toBe('letter');
    expect(paperForRegion('mx')).toBe('letter');
    expect(paperForRegion('GB')).toBe('a4');
    expect(paperForRegion('VN')).toBe('a4');
    expect(paperForRegion('')).toBe('a4');
    // Every country a clinic can choose: only the two North American ones print on Letter.
    expect(COUNTRIES.filter((c) => paperForRegion(c) === 'letter')).toEqual(['US', 'CA']);
  });

  it('reads a locale’s region, or its likeliest one for a bare language', () => {
    expect(paperForLocale('en-US')).toBe('letter');
    expect(paperForLocale('es-MX')).toBe('letter');
    expect(paperForLocale('fr-CA')).toBe('letter');
    expect(paperForLocale('en-GB')).toBe('a4');
    expect(paperForLocale('de')).toBe('a4');
    expect(paperForLocale('en')).toBe('letter');
    expect(paperForLocale('vi-VN')).toBe('a4');
    expect(paperForLocale('not a locale!')).toBe('a4');
  });

  it('is the rule the print dialogs use', () => {
    for (const locale of ['en-US', 'en-GB', 'es-MX', 'nl-NL', 'xx-!!']) expect(defaultPaper(locale)).toBe(paperForLocale(locale));
  });
});
