import type { ImportedActivity } from './activity';
import { checkPlausibility, type Plausibility } from './plausibility';
import { inferPauses, perSecondSeries } from './run-walk-series';
import { runWalkDetectionSettingsSchema, segmentSeries, type RunWalkDetectionSettingsInput, type RunWalkSegmentation } from './run-walk-segmentation';

/** What the import works out from an activity's samples: its run and walk intervals and whether it is believable. */
export interface ActivityAnalysis {
  /** Null when the activity has no samples with distance or speed (a summary-only file, a manual track). */
  segmentation: RunWalkSegmentation | null;
  plausibility: Plausibility;
}

/**
 * One per-second series serves both checks. Pauses come from the file (GPX segment breaks) or,
 * when its timer ran shorter than the recording, from the longest gaps between samples, so run and
 * walk time add up to the activity's duration, not its elapsed time.
 */
export function analyseActivity(activity: ImportedActivity, settingsInput: RunWalkDetectionSettingsInput = {}): ActivityAnalysis {
  const settings = runWalkDetectionSettingsSchema.parse(settingsInput);
  const pauses =
    activity.pauses ??
    inferPauses(
      activity.samples.map((s) => s.t),
      activity.elapsedSeconds,
      activity.durationSeconds,
    );
  const series = activity.samples.length > 1 ? perSecondSeries(activity.samples, settings.maxSpeedGapSeconds, { pauses, durationSeconds: activity.durationSeconds }) : null;
  const segmentation = series === null ? null : segmentSeries(series, settings, activity.distanceSource === 'positions' ? 'gps-positions' : 'device');
  return {
    segmentation: segmentation !== null && segmentation.intervals.length > 0 ? segmentation : null,
    plausibility: checkPlausibility(activity, series),
  };
}
