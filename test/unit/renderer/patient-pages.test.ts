import { describe, expect, it } from 'vitest';
import { keepUnchanged } from '../../../renderer/src/screens/patients/usePatientPages';

const patient = (id: number, last: string, phone: string | null = null) => ({ id, mrn: `RB${String(id).padStart(6, '0')}`, legalFirstName: 'Trọng Tấn', legalLastName: last, preferredName: null, dateOfBirth: '1985-03-07', phone, archivedAt: null });

describe('a new answer keeps the patients already shown (the rows on screen draw again only where they changed)', () => {
  it('gives back the shown object for a patient whose fields are all the same, and the new one otherwise', () => {
    const shown = [[patient(1, 'Đặng'), patient(2, 'Dang', '(312) 555-0101')], [patient(3, 'Danh')]];
    const answer = [patient(3, 'Danh'), patient(2, 'Dang', '(312) 555-0199'), patient(1, 'Đặng'), patient(4, 'Dao')];
    const kept = keepUnchanged(shown, answer);
    expect(kept).toEqual(answer);
    expect(kept[0]).toBe(shown[1]![0]);
    expect(kept[1]).toBe(answer[1]); // a changed phone number is drawn
    expect(kept[2]).toBe(shown[0]![0]);
    expect(kept[3]).toBe(answer[3]);
    // Nothing shown yet: the answer as it came.
    expect(keepUnchanged([], answer)).toEqual(answer);
  });
});
