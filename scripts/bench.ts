// Performance report (never a pass/fail test): build time, bytes per page type, search latency.
//   npm run bench
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/browser.ts';
import { serveStatic } from './serve.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const time = (label: string, cmd: string) => {
  const start = performance.now();
  execSync(cmd, { stdio: 'ignore' });
  const ms = performance.now() - start;
  console.log(`${label.padEnd(28)} ${(ms / 1000).toFixed(1)} s`);
};

console.log('# vAPIC Atlas bench\n\n## Build');
time('astro build', 'npx astro build');
time('pagefind index', 'npx pagefind --site dist');

console.log('\n## Bytes (raw / gzip)');
const files = readdirSync('dist', { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
const html = files.filter((f) => f.endsWith('.html') && !f.includes('/pagefind/'));
const sizes = html.map((f) => ({ f, raw: statSync(f).size, gz: gzipSync(readFileSync(f)).length })).sort((a, b) => b.raw - a.raw);
console.log(`pages                        ${html.length}`);
console.log(`largest page                 ${sizes[0]!.f.replace('dist/', '/')} ${kb(sizes[0]!.raw)} / ${kb(sizes[0]!.gz)}`);
console.log(`median page                  ${kb(sizes[Math.floor(sizes.length / 2)]!.raw)} / ${kb(sizes[Math.floor(sizes.length / 2)]!.gz)}`);
for (const ext of ['.css', '.js']) {
  const own = files.filter((f) => f.startsWith('dist/_astro/') && f.endsWith(ext));
  const total = own.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`site ${ext.padEnd(24)}${kb(total)} / ${kb(own.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0))}`);
}
const previews = readFileSync('dist/previews.json');
console.log(`previews.json                ${kb(previews.length)} / ${kb(gzipSync(previews).length)}`);
const pf = files.filter((f) => f.includes('/pagefind/'));
console.log(`pagefind bundle (all files)  ${kb(pf.reduce((n, f) => n + statSync(f).size, 0))}`);

console.log('\n## Search in Chromium');
const server = await serveStatic('dist', 0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`${base}/`);
const result = await page.evaluate(`(async () => {
  const t0 = performance.now();
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const t1 = performance.now();
  await (await pagefind.search('avic')).results[0]?.data();
  const t2 = performance.now();
  const warm = [];
  for (const q of ['apicv', 'kvm_set_apicv_inhibit', '0xfee00000', 'posted interrupt', 'vmcs12']) {
    const s = performance.now();
    await (await pagefind.search(q)).results[0]?.data();
    warm.push(performance.now() - s);
  }
  const bytes = performance.getEntriesByType('resource').filter((r) => r.name.includes('/pagefind/')).reduce((n, r) => n + r.transferSize, 0);
  return { load: t1 - t0, first: t2 - t1, warm: warm.reduce((a, b) => a + b, 0) / warm.length, bytes };
})()`) as { load: number; first: number; warm: number; bytes: number };
console.log(`load pagefind.js + init      ${result.load.toFixed(0)} ms`);
console.log(`first query ("avic")         ${result.first.toFixed(0)} ms`);
console.log(`warm query (mean of 5)       ${result.warm.toFixed(1)} ms`);
console.log(`bytes fetched for search     ${kb(result.bytes)}`);
await browser.close();
server.close();
