/**
 * Sports as Runback sees them. A file names its sport in its own words (FIT enum names such as
 * `running` or `eBiking`, TCX `Sport="Biking"`, a GPX `<type>`, Strava's "Activity Type" such as
 * "Virtual Run" or "Stand Up Paddling"); `normaliseSport` maps them onto this short list.
 */
export const SPORTS = [
  'running',
  'walking',
  'hiking',
  'cycling',
  'swimming',
  'paddling',
  'rowing',
  'skiing',
  'skating',
  'fitness',
  'other',
  /** The file does not say (most GPX files): the person importing it confirms. */
  'unknown',
] as const;
export type Sport = (typeof SPORTS)[number];

/**
 * Sports a run-walk program can count: running, walking (the walk breaks are the program), and a
 * file that does not name its sport. Everything else is cross-training.
 */
export function isRunWalkSport(sport: Sport): boolean {
  return sport === 'running' || sport === 'walking' || sport === 'unknown';
}

/** "a ride", "a swim"… for "This is a ride (cycling), not a run". */
export const SPORT_NOUNS: Record<Sport, string> = {
  running: 'a run',
  walking: 'a walk',
  hiking: 'a hike',
  cycling: 'a ride',
  swimming: 'a swim',
  paddling: 'a paddle',
  rowing: 'a row',
  skiing: 'a ski session',
  skating: 'a skate',
  fitness: 'a workout',
  other: 'another activity',
  unknown: 'an activity of unknown type',
};

export interface NormalisedSport {
  sport: Sport;
  /** The file's own finer name when it has one worth keeping (treadmill, trail, virtual…). */
  subSport?: string;
}

/**
 * Words, not substrings: "Swim before brunch" must not become a run, nor "strides" a ride. The raw
 * text is split into lower-case words, camelCase included (FIT's `eBiking` → e, biking).
 */
function words(raw: string): string[] {
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0);
}

const WORD_SPORT: ReadonlyArray<[ReadonlyArray<string>, Sport]> = [
  [['run', 'running', 'jog', 'jogging', 'treadmill'], 'running'],
  [['walk', 'walking'], 'walking'],
  [['hike', 'hiking', 'mountaineering', 'snowshoe', 'snowshoeing'], 'hiking'],
  [['ride', 'riding', 'cycling', 'cycle', 'biking', 'bike', 'ebiking', 'handcycle', 'velomobile', 'mtb'], 'cycling'],
  [['swim', 'swimming', 'snorkeling'], 'swimming'],
  [['paddling', 'paddle', 'paddleboarding', 'kayaking', 'kayak', 'canoeing', 'canoe', 'rafting', 'sup'], 'paddling'],
  [['rowing', 'row'], 'rowing'],
  [['ski', 'skiing', 'snowboard', 'snowboarding'], 'skiing'],
  [['skate', 'skating', 'skateboard'], 'skating'],
  [['fitness', 'training', 'workout', 'crossfit', 'elliptical', 'yoga', 'hiit', 'weight', 'stair', 'stepper', 'equipment'], 'fitness'],
];

/**
 * Strava writes the activity type into its GPX `<type>` as a number in older exports. Only the
 * codes seen in its files are mapped (9 run, 10 walk, 1 ride, 4 hike); any other number is left
 * unknown rather than guessed, so a run is never refused because of a wrong guess.
 */
const STRAVA_GPX_TYPE: Readonly<Record<string, Sport>> = { '1': 'cycling', '4': 'hiking', '9': 'running', '10': 'walking' };

/** Words in a type name that say where or how it was done ("Virtual Run", "Trail Run"). */
const SUB_SPORT_WORDS = ['treadmill', 'trail', 'track', 'street', 'indoor', 'virtual'];

/**
 * Maps a file's sport text onto Runback's list. `subSport` is the file's own finer label (FIT's
 * `sub_sport`, e.g. `treadmill`, `trail`, `indoorRunning`), kept as the file wrote it unless it is
 * `generic`. Unrecognised text becomes 'other'; empty text, FIT's `generic` and `all` and TCX's `Other` become
 * 'unknown'.
 */
export function normaliseSport(raw: string | number | null | undefined, subSport?: string | null): NormalisedSport {
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  const sub = subSport && !/^(generic|all)$/i.test(subSport.trim()) ? subSport.trim() : undefined;
  if (text === '' || /^(generic|all|unknown|none|other)$/i.test(text)) return withSub('unknown', sub);
  if (/^\d+$/.test(text)) return withSub(STRAVA_GPX_TYPE[text] ?? 'unknown', sub);
  const ws = words(text);
  // FIT: fitness_equipment + treadmill is a treadmill run on some watches.
  if (ws.includes('equipment') && sub !== undefined && /treadmill/i.test(sub)) return { sport: 'running', subSport: sub };
  if (ws.includes('wheelchair')) return withSub('other', sub);
  for (const [keys, sport] of WORD_SPORT) {
    if (ws.some((w) => keys.includes(w))) return withSub(sport, sub ?? ws.find((w) => SUB_SPORT_WORDS.includes(w)));
  }
  return withSub('other', sub);
}

function withSub(sport: Sport, subSport: string | undefined): NormalisedSport {
  return subSport === undefined ? { sport } : { sport, subSport };
}
