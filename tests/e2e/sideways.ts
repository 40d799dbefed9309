// Whether a page scrolls sideways: the layout test (phones), the every-page sweep (1280 px), and the
// tests of tables, the map, the reference pages and the navigation.
import type { Page } from 'playwright-core';

/** Null when the page fits its viewport; otherwise its width and the element that sticks out. */
export const sidewaysOverflow = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    // The outermost element whose right edge passes the screen's: where the fix belongs.
    const culprit = [...document.querySelectorAll('main *')].find((e) => e.getBoundingClientRect().right > width + 1);
    return `${document.documentElement.scrollWidth}px: ${culprit ? `${culprit.tagName.toLowerCase()}.${culprit.className} "${(culprit.textContent ?? '').slice(0, 60)}"` : 'outside main'}`;
  });
