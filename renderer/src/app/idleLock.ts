import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** The server's idle clock is told at most this often that someone is still at the screen. */
export const HEARTBEAT_EVERY_MS = 60_000;

/**
 * Locks after `minutes` without keyboard, mouse or touch. Activity also sends a heartbeat at most
 * once a minute, so the server (which locks sessions idle longer than the same setting) agrees.
 */
export function useIdleLock(options: { minutes: number; paused: boolean; onIdle: () => void; onHeartbeat: () => void }) {
  const { minutes, paused } = options;
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  useEffect(() => {
    if (paused || !(minutes > 0)) return undefined;
    const idleMs = minutes * 60_000;
    let lastActivity = Date.now();
    let lastHeartbeat = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      const idle = Date.now() - lastActivity;
      if (idle >= idleMs) callbacks.current.onIdle();
      else timer = setTimeout(check, idleMs - idle);
    };
    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastHeartbeat >= HEARTBEAT_EVERY_MS) {
        lastHeartbeat = lastActivity;
        callbacks.current.onHeartbeat();
      }
    };
    timer = setTimeout(check, idleMs);
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes, paused]);
}
