import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { parsePath, readHashPath, type Route } from './routes';
import { useConfirm } from '../components/ConfirmDialog';

/** Something that would lose work if the user left now (a form with unsaved changes). */
export interface LeaveGuard {
  message: string;
}

interface RouterValue {
  path: string;
  route: Route;
  /** Go somewhere in the app; asks first when a form has unsaved changes. Resolves false if the user stayed. */
  navigate: (to: string, options?: { replace?: boolean; force?: boolean }) => Promise<boolean>;
  /** Ask the user (if a guard is active) before something that would drop unsaved work (sign out). */
  confirmLeave: () => Promise<boolean>;
  addGuard: (guard: LeaveGuard) => () => void;
}

const RouterContext = createContext<RouterValue | null>(null);

export function RouterProvider({ children, home = '/patients' }: { children: ReactNode; home?: string }) {
  const confirm = useConfirm();
  const [path, setPath] = useState(() => readHashPath(window.location.hash));
  const pathRef = useRef(path);
  const guards = useRef(new Set<LeaveGuard>());

  const confirmLeave = useCallback(async () => {
    const [guard] = guards.current;
    if (!guard) return true;
    return confirm({ title: 'Leave without saving?', message: guard.message, confirmLabel: 'Leave without saving', cancelLabel: 'Stay', tone: 'danger' });
  }, [confirm]);

  const go = useCallback((to: string, replace: boolean) => {
    const url = `${window.location.pathname}${window.location.search}#${to}`;
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    pathRef.current = to;
    setPath(to);
  }, []);

  const navigate = useCallback(
    async (to: string, options: { replace?: boolean; force?: boolean } = {}) => {
      if (to === pathRef.current) return true;
      if (!options.force && !(await confirmLeave())) return false;
      go(to, options.replace ?? false);
      return true;
    },
    [confirmLeave, go],
  );

  // Links (<a href="#/…">), Back and Forward change the hash themselves: put it back while asking.
  useEffect(() => {
    const onHashChange = () => {
      const next = readHashPath(window.location.hash);
      if (next === pathRef.current) return;
      if (guards.current.size === 0) {
        pathRef.current = next;
        setPath(next);
        return;
      }
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${pathRef.current}`);
      void confirmLeave().then((ok) => ok && go(next, false));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [confirmLeave, go]);

  // The launch address ends in "#/": show the home screen's own address.
  useEffect(() => {
    if (pathRef.current === '/') go(home, true);
  }, [go, home]);

  const addGuard = useCallback((guard: LeaveGuard) => {
    guards.current.add(guard);
    return () => {
      guards.current.delete(guard);
    };
  }, []);

  const value = useMemo(() => {
    const route = parsePath(path);
    // "/" shows the home screen until the effect above writes its address.
    return { path, route: path === '/' ? parsePath(home) : route, navigate, confirmLeave, addGuard };
  }, [path, home, navigate, confirmLeave, addGuard]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/**
 * While `active`, leaving the screen in the app asks first, and closing or reloading the window
 * asks the browser's own question.
 */
export function useLeaveGuard(active: boolean, message = 'You have changes that are not saved. If you leave now they are lost.') {
  const { addGuard } = useRouter();
  useEffect(() => {
    if (!active) return undefined;
    const remove = addGuard({ message });
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      remove();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [active, message, addGuard]);
}
