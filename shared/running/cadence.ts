/**
 * Running cadence as people count it: steps a minute, both feet. FIT records, TCX `RunCadence` and
 * Garmin's GPX `cad` hold strides a minute (one foot: ~85 when running, ~60 when walking), so they
 * are doubled. A few apps write steps already; a typical value over 125 cannot be strides (that
 * would be 250 steps a minute, faster than a sprint), so such a file's values are kept as they are.
 */
export function stepsPerMinuteFactor(rawValues: ArrayLike<number>): 1 | 2 {
  const positive: number[] = [];
  for (let i = 0; i < rawValues.length; i++) if (rawValues[i]! > 0) positive.push(rawValues[i]!);
  if (positive.length === 0) return 2;
  positive.sort((a, b) => a - b);
  return positive[Math.floor(positive.length / 2)]! > 125 ? 1 : 2;
}
