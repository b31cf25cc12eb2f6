// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { useIdleLock } from '../../../renderer/src/app/idleLock';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-02T15:00:00Z') });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function activity() {
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
  });
}

describe('idle lock', () => {
  it('locks after the idle minutes, counting from the last activity', () => {
    const onIdle = vi.fn();
    renderHook(() => useIdleLock({ minutes: 10, paused: false, onIdle, onHeartbeat: () => {} }));
    act(() => vi.advanceTimersByTime(9 * 60_000));
    activity();
    act(() => vi.advanceTimersByTime(9 * 60_000));
    expect(onIdle).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(60_000 + 10));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('tells the server about activity at most once a minute', () => {
    const onHeartbeat = vi.fn();
    renderHook(() => useIdleLock({ minutes: 10, paused: false, onIdle: () => {}, onHeartbeat }));
    for (let s = 0; s < 150; s += 5) {
      act(() => vi.advanceTimersByTime(5_000));
      activity();
    }
    // 150 s of steady typing: beats at 60 s and 120 s.
    expect(onHeartbeat).toHaveBeenCalledTimes(2);
  });

  it('does nothing while the screen is locked', () => {
    const onIdle = vi.fn();
    const onHeartbeat = vi.fn();
    renderHook(() => useIdleLock({ minutes: 1, paused: true, onIdle, onHeartbeat }));
    act(() => vi.advanceTimersByTime(5 * 60_000));
    activity();
    expect(onIdle).not.toHaveBeenCalled();
    expect(onHeartbeat).not.toHaveBeenCalled();
  });
});
