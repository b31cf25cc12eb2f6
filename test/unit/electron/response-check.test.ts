import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CallSample, checkResponse, firstDifference, ResponseMismatchError, sampleOf } from '../../../electron/api/response-check';
import { responseChecksFor } from '../../../electron/app/open-app';

const week = z.object({ appointments: z.array(z.object({ id: z.number(), name: z.string() })) });
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, name: `Patient ${i}` }));

describe('response checks', () => {
  it('in full, a response must come out of its schema unchanged: an extra field or a filled-in default fails', () => {
    const value = { appointments: rows(3) };
    expect(checkResponse('x', week, value, 'full')).toBe(value);
    const leaking = { appointments: [{ id: 1, name: 'A', passwordHash: 'scrypt$…' }] };
    expect(() => checkResponse('users.get', week, leaking, 'full')).toThrow(/appointments\[0\]\.passwordHash is not in the schema/);
    const withDefault = z.object({ total: z.number().default(0) });
    expect(() => checkResponse('x', withDefault, {}, 'full')).toThrow(/total was filled in by the schema/);
    expect(() => checkResponse('x', week, { appointments: [{ id: 'one', name: 'A' }] }, 'full')).toThrow(ResponseMismatchError);
  });

  it('sampled, a long array is checked on its first and last items only, and nothing is copied', () => {
    const value = { appointments: rows(1000) };
    expect(checkResponse('x', week, value, 'sampled')).toBe(value);
    const sample = sampleOf(value) as { appointments: { id: number }[] };
    expect(sample.appointments.map((a) => a.id)).toEqual([0, 1, 2, 3, 996, 997, 998, 999]);
    expect(sample.appointments[0]).toBe(value.appointments[0]); // the items themselves are not copied
    const small = { appointments: rows(3), note: { text: 'x' } };
    expect(sampleOf(small)).toBe(small);
    // A bad first or last item is still caught; one in the middle is what sampling gives up.
    const badEnd = { appointments: [...rows(999), { id: 'x', name: 'B' }] };
    expect(() => checkResponse('x', week, badEnd, 'sampled')).toThrow(ResponseMismatchError);
  });

  it('sampled with a call sample, checks each channel\'s first three calls, then its 10th, 20th, …; full checks every call', () => {
    const bad = { appointments: [{ id: 'x', name: 'B' }] };
    const calls = new CallSample();
    /** Which of the next `n` calls of `channel` (numbered from 1) were checked. */
    const checked = (channel: string, n: number) => {
      const out: number[] = [];
      for (let i = 1; i <= n; i++) {
        try {
          checkResponse(channel, week, bad, 'sampled', calls);
        } catch (error) {
          expect(error).toBeInstanceOf(ResponseMismatchError);
          out.push(i);
        }
      }
      return out;
    };
    expect(checked('a', 25)).toEqual([1, 2, 3, 10, 20]);
    expect(checked('b', 4)).toEqual([1, 2, 3]); // counted per channel
    expect(checked('a', 5)).toEqual([5]); // its 26th to 30th calls: the 30th is checked
    const full = new CallSample();
    for (let i = 0; i < 12; i++) expect(() => checkResponse('a', week, bad, 'full', full)).toThrow(ResponseMismatchError);
  });

  it('finds where two values differ', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeNull();
    expect(firstDifference({ a: undefined, b: 1 }, { b: 1 })).toBeNull();
    expect(firstDifference({ a: [1, 2] }, { a: [1] })).toMatch(/a has 2 items, 1 after parsing/);
  });

  it('is full in tests and development, sampled otherwise, and the environment can choose', () => {
    expect(responseChecksFor({ NODE_ENV: 'test' })).toBe('full');
    expect(responseChecksFor({ NODE_ENV: 'development' })).toBe('full');
    expect(responseChecksFor({})).toBe('sampled');
    expect(responseChecksFor({ NODE_ENV: 'production', RUNBACK_RESPONSE_CHECKS: 'full' })).toBe('full');
    expect(responseChecksFor({ NODE_ENV: 'test', RUNBACK_RESPONSE_CHECKS: 'sampled' })).toBe('sampled');
  });
});
