import { patientDisplayName, type PatientSummary } from '../../../../shared/domain/patient';
import { ageOn } from '../../../../shared/util/dates';
import { formatCalendarDate } from '../../../../shared/format/dates';

export { patientDisplayName };

/** "Mar 7, 1985" and the age on the clinic's today. */
export function birthAndAge(p: Pick<PatientSummary, 'dateOfBirth'>, today: string, locale: string): { date: string; age: number } {
  return { date: formatCalendarDate(p.dateOfBirth, locale), age: ageOn(p.dateOfBirth, today) };
}
