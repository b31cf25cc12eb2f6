import { describe, expect, it } from 'vitest';
import { haversineMeters, pathLengthMeters } from '../../../shared/running/geo';
import { isRunWalkSport, normaliseSport } from '../../../shared/running/sport';

describe('normaliseSport', () => {
  it.each([
    // FIT enum names
    ['running', undefined, { sport: 'running' }],
    ['running', 'treadmill', { sport: 'running', subSport: 'treadmill' }],
    ['running', 'generic', { sport: 'running' }],
    ['walking', 'indoorWalking', { sport: 'walking', subSport: 'indoorWalking' }],
    ['cycling', undefined, { sport: 'cycling' }],
    ['eBiking', undefined, { sport: 'cycling' }],
    ['standUpPaddleboarding', undefined, { sport: 'paddling' }],
    ['crossCountrySkiing', undefined, { sport: 'skiing' }],
    ['fitnessEquipment', 'treadmill', { sport: 'running', subSport: 'treadmill' }],
    ['fitnessEquipment', 'elliptical', { sport: 'fitness', subSport: 'elliptical' }],
    ['generic', undefined, { sport: 'unknown' }],
    // TCX
    ['Running', undefined, { sport: 'running' }],
    ['Biking', undefined, { sport: 'cycling' }],
    ['Other', undefined, { sport: 'unknown' }],
    // Strava activity types
    ['Run', undefined, { sport: 'running' }],
    ['Trail Run', undefined, { sport: 'running', subSport: 'trail' }],
    ['Virtual Run', undefined, { sport: 'running', subSport: 'virtual' }],
    ['Walk', undefined, { sport: 'walking' }],
    ['Hike', undefined, { sport: 'hiking' }],
    ['E-Bike Ride', undefined, { sport: 'cycling' }],
    ['Kayaking', undefined, { sport: 'paddling' }],
    ['Weight Training', undefined, { sport: 'fitness' }],
    ['Surfing', undefined, { sport: 'other' }],
    // Strava GPX numbers
    ['9', undefined, { sport: 'running' }],
    ['10', undefined, { sport: 'walking' }],
    ['1', undefined, { sport: 'cycling' }],
    ['53', undefined, { sport: 'unknown' }],
    ['', undefined, { sport: 'unknown' }],
  ] as const)('%s / %s', (raw, sub, expected) => {
    expect(normaliseSport(raw, sub)).toEqual(expected);
  });

  it('matches words, not substrings: "Swim before brunch" is not a run, "strides" not a ride', () => {
    expect(normaliseSport('Swim before brunch').sport).toBe('swimming');
    expect(normaliseSport('strides').sport).toBe('other');
  });

  it('running, walking and an unstated sport count for a run-walk program; the rest is cross-training', () => {
    expect(['running', 'walking', 'unknown'].every((s) => isRunWalkSport(s as never))).toBe(true);
    expect(['cycling', 'hiking', 'swimming', 'paddling', 'other'].some((s) => isRunWalkSport(s as never))).toBe(false);
  });
});

describe('geo', () => {
  it('haversine: one degree of latitude ≈ 111.195 km on the mean-radius sphere', () => {
    expect(haversineMeters(0, 0, 1, 0)).toBeCloseTo(111_195, 0);
    expect(haversineMeters(51.5, -0.1, 51.5, -0.1)).toBe(0);
  });

  it('path length skips points without a position', () => {
    expect(pathLengthMeters([{ lat: 0, lon: 0 }, {}, { lat: 1, lon: 0 }])).toBeCloseTo(111_195, 0);
  });
});
