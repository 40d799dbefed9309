// What happens to each page Astro renders (src/middleware.ts): it is rewritten once, as
// src/lib/pageRewrites.ts says, before Astro writes or serves it, and in a build the rewritten page also
// goes to the sink the search index integration registers (searchIndex.ts; the dev server has none).
// Both sides meet through one global slot, because the middleware runs inside Astro's prerender bundle,
// a separate copy of the modules from the one the integration loaded.
import { rewritePage } from '../pageRewrites.ts';

export type RenderedPageSink = (url: string, html: string) => void;

const SLOT = Symbol.for('vapic-atlas.rendered-page-sink');
type Holder = { [SLOT]?: RenderedPageSink | undefined };

export function setRenderedPageSink(sink: RenderedPageSink | undefined): void {
  (globalThis as Holder)[SLOT] = sink;
}

/**
 * Rewrites an HTML page (rewritePage), gives it to the registered sink, if any, and returns it with the
 * same status and headers for Astro to write; any other response is returned as it is.
 */
export async function handOnRenderedPage(pathname: string, response: Response): Promise<Response> {
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = rewritePage(await response.text());
  (globalThis as Holder)[SLOT]?.(pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
}
