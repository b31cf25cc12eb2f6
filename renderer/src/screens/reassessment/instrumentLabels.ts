import type { BOTHERSOMENESS } from '../../../../shared/clinical/outcomes/startBack';

/**
 * Our own short labels for the questionnaires whose wording we may not reproduce (clinical.md §9):
 * the ODI's is licensed (Mapi), and STarT Back's licence for software is not confirmed.
 */
export const ODI_TITLES: Record<string, string> = {
  painIntensity: 'Pain intensity',
  personalCare: 'Personal care',
  lifting: 'Lifting',
  walking: 'Walking',
  sitting: 'Sitting',
  standing: 'Standing',
  sleeping: 'Sleeping',
  sexLife: 'Sex life',
  employmentHomemaking: 'Work / homemaking',
  socialLife: 'Social life',
  travelling: 'Travelling',
};
export const START_BACK_TITLES = ['Leg pain', 'Shoulder or neck pain', 'Walks only short distances', 'Dresses more slowly', 'Not safe to be active', 'Worrying thoughts', 'Pain feels terrible', 'Not enjoying things'];
export const BOTHER_WORDS: Record<(typeof BOTHERSOMENESS)[number], string> = { 'not-at-all': 'Not at all', slightly: 'Slightly', moderately: 'Moderately', 'very-much': 'Very much', extremely: 'Extremely' };
