import { stylesheetsInHead } from './headStylesheets.ts';
import { phrasingCodeBlocks } from './phrasingCode.ts';
import { withoutTableWhitespace } from './tableWhitespace.ts';

/**
 * A finished page as dist/ holds it: code blocks become valid HTML (phrasingCode.ts), the line breaks
 * between table rows and cells go (tableWhitespace.ts), and stylesheets that components left in the body
 * move to the head (headStylesheets.ts). Done once to each page as it is rendered in a build, before Astro
 * writes it (src/lib/search/renderedPages.ts); the search index reads the same page.
 */
export function rewritePage(html: string): string {
  return stylesheetsInHead(withoutTableWhitespace(phrasingCodeBlocks(html)));
}
