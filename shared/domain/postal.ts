import { postcodeValidator } from 'postcode-validator';
import { POSTAL_CODE_WORDS, type Country } from './locale';

/**
 * A postal code checked against the clinic's country (postcode-validator's per-country patterns):
 * "ABCDE" is no US ZIP code. Returns the message to show, or null when it is fine (or empty).
 */
export function postalCodeProblem(code: string | null | undefined, country: Country): string | null {
  const text = (code ?? '').trim();
  if (text === '') return null;
  if (postcodeValidator(text, country)) return null;
  const words = POSTAL_CODE_WORDS[country];
  return `${words.label} “${text}” is not one used in this country (for example ${words.example})`;
}
