// How a page Astro has just rendered reaches the search index: src/middleware.ts hands every HTML
// response to the sink the search index integration registers for a build (searchIndex.ts). Both sides
// meet through one global slot, because the middleware runs inside Astro's prerender bundle, a separate
// copy of the modules from the one the integration loaded. No sink (the dev server): nothing happens.
export type RenderedPageSink = (url: string, html: string) => void;

const SLOT = Symbol.for('vapic-atlas.rendered-page-sink');
type Holder = { [SLOT]?: RenderedPageSink | undefined };

export function setRenderedPageSink(sink: RenderedPageSink | undefined): void {
  (globalThis as Holder)[SLOT] = sink;
}

/**
 * Gives an HTML page's text to the registered sink and returns a response with the same status, headers
 * and text for Astro to write; anything else, or any response when no sink is registered, is returned as it is.
 */
export async function handOnRenderedPage(pathname: string, response: Response): Promise<Response> {
  const sink = (globalThis as Holder)[SLOT];
  if (!sink || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  sink(pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
}
