/**
 * What the patient reads on the handed-over screen. NPRS and PSFS are free to use (clinical.md §9),
 * so their instructions are given in full, in our own words of the standard instructions. For the
 * ODI (licensed), Roland-Morris and STarT Back (permission asked for commercial software) only our
 * own short labels and the answer scale are shown: the statements are on the clinic's printed form.
 */
export const NPRS_QUESTION = 'How much pain do you have right now? Choose a number from 0 to 10, where 0 is no pain and 10 is the worst pain imaginable.';

export const PSFS_INSTRUCTIONS =
  'Name up to five important activities that you are unable to do, or have difficulty doing, because of your back problem. For each one, choose how well you can do it today: 0 means unable to perform the activity, 10 means able to perform it at the same level as before your problem.';

export const LABELS_NOTE = 'Read each statement on the printed form the clinic gave you, then answer here by its number.';
export const ODI_INSTRUCTIONS = 'For each section, choose the number of the statement (0 to 5) on the printed form that best describes you today.';
export const RMDQ_INSTRUCTIONS = 'Tick the number of every statement on the printed form that describes you today.';
export const START_BACK_INSTRUCTIONS = 'For questions 1 to 8, answer agree or disagree with the statement of that number on the printed form, thinking about the last two weeks.';
