import { afterEach, describe, expect, it } from 'vitest';
import { handOnRenderedPage, setRenderedPageSink } from './renderedPages.ts';

const page = (body: string, type = 'text/html') => new Response(body, { status: 200, headers: { 'content-type': type, 'x-test': 'kept' } });

describe('handOnRenderedPage', () => {
  afterEach(() => setRenderedPageSink(undefined));

  it('gives a rendered HTML page to the sink and returns the same page for Astro to write', async () => {
    const seen: [string, string][] = [];
    setRenderedPageSink((url, html) => seen.push([url, html]));
    const out = await handOnRenderedPage('/apicv/', page('<main data-pagefind-body>x</main>', 'text/html; charset=utf-8'));
    expect(seen).toEqual([['/apicv/', '<main data-pagefind-body>x</main>']]);
    expect(await out.text()).toBe('<main data-pagefind-body>x</main>');
    expect(out.headers.get('x-test')).toBe('kept');
  });

  it('leaves other responses alone, and everything when no build registered a sink (the dev server)', async () => {
    const json = page('{}', 'application/json');
    const seen: string[] = [];
    setRenderedPageSink((url) => seen.push(url));
    expect(await handOnRenderedPage('/previews.json', json)).toBe(json);
    setRenderedPageSink(undefined);
    const html = page('<p>dev</p>');
    expect(await handOnRenderedPage('/', html)).toBe(html);
    expect(seen).toEqual([]);
  });
});
