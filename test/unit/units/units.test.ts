import { describe, expect, it } from 'vitest';
import {
  METRES_PER_MILE,
  describeSeconds,
  formatDistance,
  formatDuration,
  formatPace,
  formatSpeed,
  kmhToMps,
  metresToUnit,
  mpsToKmh,
  pace,
  paceFromSpeed,
  speedInUnit,
  speedMps,
  unitToMetres,
} from '../../../shared/units';

describe('distance', () => {
  it('uses the international mile, exactly', () => {
    expect(METRES_PER_MILE).toBe(1609.344);
    expect(metresToUnit(1609.344, 'mi')).toBe(1);
    expect(unitToMetres(26.2, 'mi')).toBeCloseTo(42164.81, 2);
    expect(metresToUnit(5000, 'km')).toBe(5);
  });
  it('formats in the clinic unit', () => {
    expect(formatDistance(5000, 'km')).toBe('5.00 km');
    expect(formatDistance(5000, 'mi')).toBe('3.11 mi');
    expect(formatDistance(28600, 'km', 1)).toBe('28.6 km');
  });
});

describe('speed and pace', () => {
  it('converts km/h, mph and m/s', () => {
    expect(kmhToMps(36)).toBe(10);
    expect(mpsToKmh(2)).toBeCloseTo(7.2, 10);
    expect(speedInUnit(kmhToMps(10), 'mi')).toBeCloseTo(6.2137, 4);
  });
  it('gives pace per km and per mile', () => {
    // 10 km/h is 6:00 per km, 9:39 per mile (360 s × 1.609344 = 579.4 s).
    expect(paceFromSpeed(kmhToMps(10), 'km')).toBeCloseTo(360, 9);
    expect(formatPace(paceFromSpeed(kmhToMps(10), 'mi')!, 'mi')).toBe('9:39 /mi');
    expect(pace(5000, 1500, 'km')).toBe(300);
    expect(formatSpeed(kmhToMps(10.5), 'km')).toBe('10.5 km/h');
    expect(formatSpeed(kmhToMps(10.5), 'mi')).toBe('6.5 mph');
  });
  it('never shows 60 seconds in a pace', () => {
    expect(formatPace(359.6, 'km')).toBe('6:00 /km');
    expect(formatPace(359.4, 'km')).toBe('5:59 /km');
  });
  it('has no speed or pace without movement', () => {
    expect(speedMps(0, 600)).toBeNull();
    expect(speedMps(1000, 0)).toBeNull();
    expect(pace(0, 600, 'km')).toBeNull();
    expect(paceFromSpeed(0, 'km')).toBeNull();
  });
});

describe('durations', () => {
  it('formats elapsed time like a watch', () => {
    expect(formatDuration(45 * 60 + 7)).toBe('45:07');
    expect(formatDuration(3903)).toBe('1:05:03');
    expect(formatDuration(59.6)).toBe('1:00');
  });
  it('says intervals in plain words', () => {
    expect(describeSeconds(15)).toBe('15 seconds');
    expect(describeSeconds(60)).toBe('1 minute');
    expect(describeSeconds(105)).toBe('1 minute 45 seconds');
    expect(describeSeconds(1800)).toBe('30 minutes');
    expect(describeSeconds(61)).toBe('1 minute 1 second');
  });
});
