import { describe, expect, it } from 'vitest';
import { clinicFormat, type ClinicFormatSettings } from '../../../shared/format/clinic-format';
import { localeTag } from '../../../shared/domain/locale';
import { postalCodeProblem } from '../../../shared/domain/postal';
import { clinicInputSchema } from '../../../shared/domain/clinic';
import { findWrittenDate, parseTypedDate } from '../../../shared/util/dates';

const us: ClinicFormatSettings = { dateOrder: 'MDY', timeFormat: '12h', weekStartsOn: 'sunday', timeZone: 'America/Chicago', distanceUnit: 'mi' };
const uk: ClinicFormatSettings = { dateOrder: 'DMY', timeFormat: '24h', weekStartsOn: 'monday', timeZone: 'Europe/London', distanceUnit: 'km' };
const ca: ClinicFormatSettings = { dateOrder: 'YMD', timeFormat: '24h', weekStartsOn: 'saturday', timeZone: 'America/Toronto', distanceUnit: 'km' };

describe('the clinic locale setting, as formatters for screens and server sentences', () => {
  it('writes dates in the clinic’s order, whatever the computer’s language', () => {
    expect(clinicFormat(us).date('1985-03-07')).toBe('Mar 7, 1985');
    expect(clinicFormat(us).date('1985-03-07', 'short')).toBe('03/07/1985');
    expect(clinicFormat(uk).date('1985-03-07')).toBe('7 Mar 1985');
    expect(clinicFormat(uk).date('1985-03-07', 'short')).toBe('07/03/1985');
    expect(clinicFormat(uk).day('2026-12-01', 'short')).toBe('Tue 1 Dec');
    expect(clinicFormat(ca).date('1985-03-07', 'short')).toBe('1985-03-07');
  });

  it('tells the time on the clinic’s clock and in its zone', () => {
    expect(clinicFormat(us).minuteRange(540, 585)).toBe('9:00 – 9:45 AM');
    expect(clinicFormat(uk).minuteRange(540, 585)).toBe('09:00 – 09:45');
    expect(clinicFormat(uk).minute(14 * 60 + 5)).toBe('14:05');
    // 15:30 UTC is 9:30 in Chicago in winter, 15:30 in London.
    expect(clinicFormat(us).time('2026-12-01T15:30:00Z')).toBe('9:30 AM');
    expect(clinicFormat(uk).time('2026-12-01T15:30:00Z')).toBe('15:30');
    expect(clinicFormat(uk).instant('2026-12-01T15:30:00Z')).toBe('1 Dec 2026, 15:30');
  });

  it('reads typed dates in the clinic’s order and names the pattern to type', () => {
    expect(clinicFormat(us).typedDatePattern).toBe('MM/DD/YYYY');
    expect(clinicFormat(uk).typedDatePattern).toBe('DD/MM/YYYY');
    expect(clinicFormat(ca).typedDatePattern).toBe('YYYY-MM-DD');
    expect(clinicFormat(us).parseTypedDate('3/7/1985')).toBe('1985-03-07');
    expect(clinicFormat(uk).parseTypedDate('3/7/1985')).toBe('1985-07-03');
    expect(clinicFormat(uk).parseTypedDate('31/12/1985')).toBe('1985-12-31');
    expect(clinicFormat(us).parseTypedDate('31/12/1985')).toBeNull();
    expect(clinicFormat(ca).parseTypedDate('1985-3-7')).toBe('1985-03-07');
    expect(clinicFormat(uk).dateForTyping('1985-03-07')).toBe('07/03/1985');
    expect(parseTypedDate('1985-03-07', 'DMY')).toBe('1985-03-07');
  });

  it('reads a typed time on either clock, and shows the clinic’s own as the example', () => {
    const { parseTypedTime } = clinicFormat(us);
    for (const [typed, minute] of [['9:30 AM', 570], ['9:30am', 570], ['9:30 a.m.', 570], ['9 pm', 1260], ['12:15 AM', 15], ['12 PM', 720], ['14:30', 870], ['09:30', 570], ['1430', 870], ['930', 570], ['9', 540], ['0:00', 0]] as const) {
      expect(parseTypedTime(typed), typed).toBe(minute);
    }
    for (const typed of ['', '25:00', '9:60', '13 PM', '0 AM', 'noon', '9:3', '12345']) expect(parseTypedTime(typed), typed).toBeNull();
    expect(clinicFormat(us).typedTimeExample).toBe('9:30 AM');
    expect(clinicFormat(uk).typedTimeExample).toBe('09:30');
  });

  it('lists weekdays from the clinic’s first day of the week', () => {
    expect(clinicFormat(us).weekdays().map((d) => d.name)).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(clinicFormat(uk).weekdays('long')[0]).toEqual({ iso: 1, name: 'Monday' });
    expect(clinicFormat(ca).weekdays().map((d) => d.iso)).toEqual([6, 7, 1, 2, 3, 4, 5]);
  });

  it('gives distances, paces and speeds in the clinic’s unit, and rewrites ISO dates inside sentences', () => {
    expect(clinicFormat(us).distance(4600)).toBe('2.86 mi');
    expect(clinicFormat(uk).distance(4600)).toBe('4.60 km');
    expect(clinicFormat(us).pace(3)).toBe('8:56 /mi');
    expect(clinicFormat(uk).speed(3)).toBe('10.8 km/h');
    expect(clinicFormat(uk).dates('Already in the log (2026-11-18, 4.60 km)')).toBe('Already in the log (18 Nov 2026, 4.60 km)');
  });

  it('is one Intl tag, so every existing formatter that takes a locale follows it', () => {
    expect(localeTag({ dateOrder: 'DMY', timeFormat: '12h' })).toBe('en-GB-u-hc-h12');
    expect(clinicFormat(uk).locale).toBe('en-GB-u-hc-h23');
  });
});

describe('dates written with the month’s name (the lists’ own format) are found in a search', () => {
  it('reads “Mar 26 1945”, “March 26, 1945” and “26 Mar 1945”', () => {
    expect(findWrittenDate('Mar 26 1945')?.iso).toBe('1945-03-26');
    expect(findWrittenDate('garcia March 26, 1945')).toEqual({ iso: '1945-03-26', start: 7, end: 21 });
    expect(findWrittenDate('26 Mar 1945')?.iso).toBe('1945-03-26');
    expect(findWrittenDate('Sept 3 2001')?.iso).toBe('2001-09-03');
    expect(findWrittenDate('Feb 30 2001')).toBeNull();
    expect(findWrittenDate('Marisol 26 1945')).toBeNull();
  });
});

describe('postal codes are checked against the clinic’s country', () => {
  it('refuses “ABCDE” as a US ZIP code and names what one looks like', () => {
    expect(postalCodeProblem('ABCDE', 'US')).toBe('ZIP code “ABCDE” is not one used in this country (for example 62701 or 62701-1234)');
    expect(postalCodeProblem('62701-1234', 'US')).toBeNull();
    expect(postalCodeProblem('K1A 0B1', 'CA')).toBeNull();
    expect(postalCodeProblem('SW1A 1AA', 'GB')).toBeNull();
    expect(postalCodeProblem('', 'US')).toBeNull();
  });

  it('the clinic form refuses a postal code of another country, next to the field', () => {
    const base = { name: 'C', addressLine1: '1 St', city: 'T', region: 'IL', phone: '3125550100', timeZone: 'America/Chicago', distanceUnit: 'mi' };
    const bad = clinicInputSchema.safeParse({ ...base, postalCode: 'ABCDE' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['postalCode', expect.stringContaining('ZIP code “ABCDE”')]]);
    expect(clinicInputSchema.safeParse({ ...base, postalCode: 'SW1A 1AA', country: 'GB' }).success).toBe(true);
  });
});

describe('the patient form reads dates and ZIP codes the clinic’s way', () => {
  it('says the pattern of the field it is in: MM/DD/YYYY for a month-first clinic, DD/MM/YYYY for a day-first one', async () => {
    const { patientFormSchema, toFormValues } = await import('../../../renderer/src/screens/patients/patientFormSchema');
    const base = { ...toFormValues(null, 'en-US'), legalFirstName: 'Tấn', legalLastName: 'Đặng', sex: 'male' as const, medicareBeneficiary: false };
    const us = patientFormSchema('2026-12-01', 'en-US-u-hc-h12', 'US');
    expect(us.safeParse({ ...base, dateOfBirth: '31/12/1985' }).error?.issues[0]?.message).toBe('Date of birth is not a real date (type it as MM/DD/YYYY)');
    expect(us.safeParse({ ...base, dateOfBirth: '12/31/1985' }).data?.dateOfBirth).toBe('1985-12-31');
    const uk = patientFormSchema('2026-12-01', 'en-GB-u-hc-h23', 'GB');
    expect(uk.safeParse({ ...base, dateOfBirth: '12/31/1985' }).error?.issues[0]?.message).toBe('Date of birth is not a real date (type it as DD/MM/YYYY)');
    expect(uk.safeParse({ ...base, dateOfBirth: '31/12/1985' }).data?.dateOfBirth).toBe('1985-12-31');
    expect(us.safeParse({ ...base, dateOfBirth: '12/31/1985', postalCode: 'ABCDE' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['postalCode']);
    expect(uk.safeParse({ ...base, dateOfBirth: '31/12/1985', postalCode: 'SW1A 1AA' }).success).toBe(true);
  });
});
