import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliCompressSync } from 'node:zlib';
import { acceptedEncodings, headersFor, parseHeadersFile, serveStatic } from './serve.ts';

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

describe('acceptedEncodings', () => {
  it('reads the codings a browser names, refusing one with q=0', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(new Set(['gzip', 'deflate', 'br', 'zstd']));
    expect(acceptedEncodings('gzip;q=1.0, BR;q=0')).toEqual(new Set(['gzip']));
    expect(acceptedEncodings(undefined)).toEqual(new Set());
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
    // A Pagefind data file: gzip on disk, its Brotli copy holding the inflated data.
    writeFileSync(join(dir, 'data.pagefind'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    writeFileSync(join(dir, 'data.pagefind.br'), brotliCompressSync('pagefind_dcd inflated'));
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

  it('compresses text with Brotli when the client accepts it, and gzip when it accepts only that', async () => {
    const br = await fetch(`${base}/`, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(await br.text()).toContain('<title>home</title>');
    expect((await fetch(`${base}/`, { headers: { 'Accept-Encoding': 'gzip, br;q=0' } })).headers.get('content-encoding')).toBe('gzip');
  });

  it("sends a file's Brotli copy to a client that accepts Brotli, and the file itself otherwise", async () => {
    const br = await fetch(`${base}/data.pagefind`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('application/octet-stream');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(await br.text()).toBe('pagefind_dcd inflated');
    // Without Brotli: the gzip file itself, which Pagefind's script inflates.
    const raw = await fetch(`${base}/data.pagefind`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect([...new Uint8Array(await raw.arrayBuffer())]).toEqual([0x1f, 0x8b, 1, 2, 3]);
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
