import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile, serveStatic } from './serve.ts';

const HEADERS = ['/*', '  X-Frame-Options: DENY', '', '/_astro/*', '  Cache-Control: public, max-age=31536000, immutable', ''].join('\n');

describe('_headers', () => {
  it('applies every rule whose path pattern matches, splats included', () => {
    const rules = parseHeadersFile(HEADERS);
    expect(headersFor(rules, '/apicv/')).toEqual({ 'X-Frame-Options': 'DENY' });
    expect(headersFor(rules, '/_astro/x.css')).toEqual({ 'X-Frame-Options': 'DENY', 'Cache-Control': 'public, max-age=31536000, immutable' });
    expect(headersFor(rules, '/_astrox')).not.toHaveProperty('Cache-Control');
  });

  it('names the line of a header that is not under a path or not "Name: value"', () => {
    expect(() => parseHeadersFile('  X-Frame-Options: DENY\n')).toThrow('_headers:1:');
    expect(() => parseHeadersFile('/*\n  not a header\n')).toThrow('_headers:2:');
  });
});

describe('serveStatic', () => {
  let dir: string;
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vapic-serve-'));
    writeFileSync(join(dir, '_headers'), HEADERS);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>home</title>'.repeat(50));
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>missing</title>');
    const server = await serveStatic(dir, 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves pages gzipped with the _headers a host would send', async () => {
    const res = await fetch(`${base}/`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain('<title>home</title>');
  });

  it('answers a file it cannot read with a plain error instead of stopping', async () => {
    rmSync(join(dir, '404.html'));
    const res = await fetch(`${base}/no/such/page/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/no 404\.html.*ENOENT/);
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>missing</title>');
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it('answers an unknown path with 404.html and status 404', async () => {
    const res = await fetch(`${base}/no/such/page/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('missing');
  });
});
