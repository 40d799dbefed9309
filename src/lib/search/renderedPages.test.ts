import { afterEach, describe, expect, it } from 'vitest';
import { rewritePage } from '../pageRewrites.ts';
import { handOnRenderedPage, setRenderedPageSink } from './renderedPages.ts';

const page = (body: string, type = 'text/html') => new Response(body, { status: 200, headers: { 'content-type': type, 'x-test': 'kept' } });

describe('handOnRenderedPage', () => {
  afterEach(() => setRenderedPageSink(undefined));

  it('rewrites a rendered HTML page once, gives it to the sink and returns it for Astro to write', async () => {
    const seen: [string, string][] = [];
    setRenderedPageSink((url, html) => seen.push([url, html]));
    const body = '<html><head></head><body><main data-pagefind-body><link rel="stylesheet" href="/a.css">x</main></body></html>';
    const out = await handOnRenderedPage('/apicv/', page(body, 'text/html; charset=utf-8'));
    const rewritten = rewritePage(body);
    expect(rewritten).not.toBe(body);
    expect(seen).toEqual([['/apicv/', rewritten]]);
    expect(await out.text()).toBe(rewritten);
    expect(out.headers.get('x-test')).toBe('kept');
  });

  it('rewrites the page also when no sink is registered, and leaves other responses alone', async () => {
    const json = page('{}', 'application/json');
    const seen: string[] = [];
    setRenderedPageSink((url) => seen.push(url));
    expect(await handOnRenderedPage('/previews.json', json)).toBe(json);
    expect(seen).toEqual([]);
    setRenderedPageSink(undefined);
    const body = '<html><head></head><body><link rel="stylesheet" href="/b.css"></body></html>';
    expect(await (await handOnRenderedPage('/', page(body))).text()).toBe(rewritePage(body));
  });
});
