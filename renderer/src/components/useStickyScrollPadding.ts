import { useLayoutEffect, useState } from 'react';

/**
 * A sticky header inside a scrolling area covers whatever is scrolled to the top of it: a heading
 * scrolled into view, a field reached by Tab, a chart's title. This keeps the scrolling area's
 * scroll-padding-top at the header's height (it grows when the header wraps, at 1366 px), so the
 * browser stops such scrolls below the header. Returns the ref callback for the sticky element
 * (a callback: the header appears only once the page's data has loaded).
 */
export function useStickyScrollPadding(): (element: HTMLElement | null) => void {
  const [sticky, setSticky] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const scroller = sticky?.parentElement?.closest<HTMLElement>('.main');
    if (!sticky || !scroller) return;
    const set = () => {
      scroller.style.scrollPaddingTop = `${Math.ceil(sticky.getBoundingClientRect().height) + 12}px`;
    };
    set();
    const observer = new ResizeObserver(set);
    observer.observe(sticky);
    return () => {
      observer.disconnect();
      scroller.style.scrollPaddingTop = '';
    };
  }, [sticky]);
  return setSticky;
}
