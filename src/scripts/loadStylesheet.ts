// Styles for UI that appears on first use (the search dialog, link previews) come as files fetched at
// that moment: imported as CSS, Astro would put them into the stylesheet every page loads up front.

const loaded = new Map<string, Promise<void>>();

/** Adds the stylesheet at `href` once; resolves when it has loaded (or failed: the UI stays usable). */
export function loadStylesheet(href: string): Promise<void> {
  let done = loaded.get(href);
  if (!done) {
    done = new Promise<void>((resolve) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.addEventListener('load', () => resolve());
      link.addEventListener('error', () => resolve());
      document.head.append(link);
    });
    loaded.set(href, done);
  }
  return done;
}
