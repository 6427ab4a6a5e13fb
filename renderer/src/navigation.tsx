import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type Dispatch,
  type ReactNode,
  type RefObject,
  type SetStateAction,
} from 'react';
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';
import type { Route } from './routes';

/**
 * Where the person has been, as a browser keeps it: Back and Forward walk it (the buttons, Alt+Left
 * and Alt+Right, the mouse's side buttons), and each page finds again what it had on screen: the
 * search typed, the filters, the tab, how far down it was scrolled.
 */
export interface Navigation {
  route: Route;
  /** This visit to the page: the key that draws a page afresh when it is opened again. */
  visit: number;
  /** Opens a page; the pages ahead of this one are forgotten, as in a browser. For a page's own links and buttons. */
  go: (route: Route) => void;
  /**
   * Opens a page from outside the one on screen (the menu), and Back and Forward: these first ask
   * before leaving a page with something typed and not saved (a mouse's back button is easily pressed).
   */
  leaveFor: (route: Route) => void;
  back: () => void;
  forward: () => void;
  canGoBack: boolean;
  canGoForward: boolean;
}

/** One visit to a page: the page, and what it had on screen when the person left it. */
class Visit {
  private readonly kept = new Map<string, unknown>();
  constructor(
    readonly id: number,
    readonly route: Route,
  ) {}
  has(name: string): boolean {
    return this.kept.has(name);
  }
  recall(name: string): unknown {
    return this.kept.get(name);
  }
  remember(name: string, value: unknown): void {
    this.kept.set(name, value);
  }
}

/** Where the window was scrolled to, kept with each visit. */
const SCROLL = 'window.scrollY';

/** How many visits are kept: enough for a morning's work, never a growing list. */
const KEPT = 100;

let visits = 0;
const visit = (route: Route): Visit => new Visit(++visits, route);
const same = (a: Route, b: Route) => JSON.stringify(a) === JSON.stringify(b);

const NavigationContext = createContext<Navigation | null>(null);
/** The pages on screen with unsaved work: each answers whether it has any just now. */
const GuardsContext = createContext<Set<() => boolean>>(new Set());
const VisitContext = createContext<Visit>(visit({ name: 'home' }));

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside <Navigator>');
  return nav;
}

/** Opens a page: the one thing most screens need from navigation. */
export function useGo(): (route: Route) => void {
  return useNavigation().go;
}

/**
 * Keeps the history of one signed-in person. The page is drawn with the visit as its key, so a page
 * left and come back to is drawn afresh from what it kept (usePageState).
 */
export function Navigator({ first, children }: { first: Route; children: ReactNode }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState(() => ({ visits: [visit(first)], at: 0 }));
  const current = history.visits[history.at]!;
  const [guards] = useState(() => new Set<() => boolean>());
  /** Leaves at once, or after asking when something typed on this page was not saved. */
  const whenLeft = useCallback(
    (leave: () => void) => {
      if (![...guards].some((unsaved) => unsaved())) return leave();
      modals.openConfirmModal({
        title: t('navigation.unsavedTitle'),
        children: <Text size="sm">{t('navigation.unsavedText')}</Text>,
        labels: { confirm: t('navigation.leave'), cancel: t('navigation.stay') },
        confirmProps: { color: 'red' },
        onConfirm: leave,
      });
    },
    [guards, t],
  );

  const leave = useCallback(() => {
    current.remember(SCROLL, window.scrollY);
  }, [current]);
  const go = useCallback(
    (route: Route) => {
      leave();
      setHistory((h) => {
        if (same(h.visits[h.at]!.route, route)) return h;
        const kept = [...h.visits.slice(0, h.at + 1), visit(route)].slice(-KEPT);
        return { visits: kept, at: kept.length - 1 };
      });
    },
    [leave],
  );
  const step = useCallback(
    (by: -1 | 1) => {
      leave();
      setHistory((h) => {
        const at = h.at + by;
        return at < 0 || at >= h.visits.length ? h : { ...h, at };
      });
    },
    [leave],
  );
  const back = useCallback(() => whenLeft(() => step(-1)), [step, whenLeft]);
  const forward = useCallback(() => whenLeft(() => step(1)), [step, whenLeft]);
  const leaveFor = useCallback((route: Route) => whenLeft(() => go(route)), [go, whenLeft]);

  // Alt+Left / Alt+Right, and the mouse's back and forward buttons (buttons 3 and 4).
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault();
        if (e.key === 'ArrowLeft') back();
        else forward();
      }
    };
    const mouse = (e: MouseEvent) => {
      if (e.button !== 3 && e.button !== 4) return;
      e.preventDefault();
      if (e.button === 3) back();
      else forward();
    };
    window.addEventListener('keydown', key);
    window.addEventListener('mouseup', mouse);
    return () => {
      window.removeEventListener('keydown', key);
      window.removeEventListener('mouseup', mouse);
    };
  }, [back, forward]);

  // Back to a page scrolled down: scrolled there again once its content has come (it loads after it is drawn).
  useLayoutEffect(() => {
    const kept = current.recall(SCROLL);
    const target = typeof kept === 'number' ? kept : 0;
    let frames = 0;
    let frame = 0;
    const place = () => {
      window.scrollTo(0, target);
      if (Math.abs(window.scrollY - target) > 1 && ++frames < 60) frame = requestAnimationFrame(place);
    };
    place();
    return () => cancelAnimationFrame(frame);
  }, [current]);

  const nav = useMemo<Navigation>(
    () => ({
      route: current.route,
      visit: current.id,
      go,
      leaveFor,
      back,
      forward,
      canGoBack: history.at > 0,
      canGoForward: history.at < history.visits.length - 1,
    }),
    [current, go, leaveFor, back, forward, history],
  );
  return (
    <NavigationContext.Provider value={nav}>
      <GuardsContext.Provider value={guards}>
        <VisitContext.Provider value={current}>{children}</VisitContext.Provider>
      </GuardsContext.Provider>
    </NavigationContext.Provider>
  );
}

/**
 * Like useState, but kept with this visit to the page: Back to the page brings the value back (the
 * search typed, a filter, the open tab). A new visit starts from `initial`.
 */
export function usePageState<T>(name: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const here = useContext(VisitContext);
  const [value, setValue] = useState<T>(() =>
    here.has(name) ? (here.recall(name) as T) : initial instanceof Function ? initial() : initial,
  );
  useEffect(() => {
    here.remember(name, value);
  }, [here, name, value]);
  return [value, setValue];
}

/**
 * Keeps how far a scrolling box of the page (a long list) was scrolled, and scrolls it back there on
 * return once `ready` (its rows have come).
 */
export function useRememberedScroll(box: RefObject<HTMLElement | null>, name: string, ready: boolean): void {
  const here = useContext(VisitContext);
  useEffect(() => {
    const el = box.current;
    if (!el || !ready) return;
    const kept = here.recall(name);
    if (typeof kept === 'number') el.scrollTo({ top: kept });
    const keep = () => here.remember(name, el.scrollTop);
    el.addEventListener('scroll', keep, { passive: true });
    return () => el.removeEventListener('scroll', keep);
  }, [box, here, name, ready]);
}

/**
 * For a page where something is typed before it is saved (a case note, an assessment): Back,
 * Forward and the menu ask before leaving while `unsaved()` says so. The page's own buttons (Save,
 * Cancel) leave without asking.
 */
export function useUnsavedGuard(unsaved: () => boolean): void {
  const guards = useContext(GuardsContext);
  useEffect(() => {
    guards.add(unsaved);
    return () => {
      guards.delete(unsaved);
    };
  }, [guards, unsaved]);
}
