// Screenshots of every page type in light, dark and phone width, for reviewing what the site shows:
//   npm run screenshots -- [path ...]   (serves dist/ on a free port; images go to tests/.artifacts/)
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../tests/e2e/browser.ts';
import { serveStatic } from './serve.ts';

const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const targets = paths.length ? paths : ['/', '/apicv/', '/rfc/patch/', '/glossary/', '/symbols/', '/map/', '/search/?q=avic', '/nope/'];
const out = 'tests/.artifacts';
mkdirSync(out, { recursive: true });
const server = await serveStatic('dist', 0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
for (const [mode, viewport] of [['light', { width: 1280, height: 900 }], ['dark', { width: 1280, height: 900 }], ['phone', { width: 375, height: 812 }]] as const) {
  const context = await browser.newContext({ viewport, colorScheme: mode === 'dark' ? 'dark' : 'light' });
  const page = await context.newPage();
  for (const target of targets) {
    await page.goto(base + target, { waitUntil: 'networkidle' });
    const name = target.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    await page.screenshot({ path: `${out}/${name}-${mode}.png`, fullPage: mode !== 'phone' });
  }
  await context.close();
}
await browser.close();
server.close();
console.log(`screenshots in ${out}/`);
