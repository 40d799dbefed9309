// Which pages the sidebar and the phone menu list. Only the current topic is expanded, and a long topic
// shows a window around the current page, so a page's HTML stays small however large the site grows.

/** At most this many entries of the current topic are listed; longer topics link to their full list. */
export const SIDEBAR_MAX_PAGES = 12;

export interface SidebarWindow<T> {
  /** The entries to list, in reading order: the landing first, then a run around the current page. */
  shown: readonly T[];
  /** Entries left out between the landing and the run, and after the run. */
  hiddenBefore: number;
  hiddenAfter: number;
}

/**
 * The topic's pages to list in the sidebar. `pages` is the topic in reading order with its landing first;
 * `currentId` the page being read (or null). Topics of up to `max` pages are listed whole; otherwise the
 * landing plus `max - 1` consecutive pages centred on the current one.
 */
export function sidebarWindow<T extends { id: string }>(pages: readonly T[], currentId: string | null, max = SIDEBAR_MAX_PAGES): SidebarWindow<T> {
  if (max < 2) throw new Error(`sidebarWindow: max must be at least 2 (got ${max})`);
  if (pages.length <= max) return { shown: pages, hiddenBefore: 0, hiddenAfter: 0 };
  const [landing, ...rest] = pages as readonly [T, ...T[]];
  const run = max - 1;
  const at = Math.max(0, rest.findIndex((p) => p.id === currentId));
  const start = Math.min(Math.max(0, at - Math.floor(run / 2)), rest.length - run);
  return { shown: [landing, ...rest.slice(start, start + run)], hiddenBefore: start, hiddenAfter: rest.length - start - run };
}
