import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { FULL_CHROMIUM, launchChromium } from './tests/e2e/browser.ts';
import { serveStatic } from './scripts/serve.ts';
const out = await build({ entryPoints: ['src/scripts/searchEngine.ts'], bundle: true, write: false, format: 'iife', globalName: '__ql', platform: 'browser', logLevel: 'silent' });
const server = await serveStatic('dist', 0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium(FULL_CHROMIUM);
const ctx = await browser.newContext({ bypassCSP: true }); const p = await ctx.newPage();
await p.goto(`${base}/search/`); await p.addScriptTag({ content: out.outputFiles[0]!.text });
for (const q of process.argv.slice(2)) {
  const r = await p.evaluate(`(async () => { await window.__ql.runSearch(${JSON.stringify(q)}); const d = globalThis.__dbg; const url = (id) => (d.pages.find((x) => x.id === id) || {}).url || id;
    return { concepts: d.concepts.map((c) => c.label + ' [' + c.forms.join('|') + '] named=' + c.named + ' whole=' + c.whole), runs: d.relaxed.runs.map((r) => r.query + ' w=' + r.weight.toFixed(2) + (r.rewords ? ' (rewords ' + r.rewords + ')' : '') + ': ' + r.ids.slice(0, 5).map(url).join(' ')), top: d.relaxed.ids.slice(0, 8).map((id) => url(id) + " " + globalThis.__dbgS[id].map((x) => typeof x === "number" ? x.toFixed(2) : x).join(" ")), known: d.concepts.length }; })()`);
  console.log('##', q); console.log(JSON.stringify(r, null, 1));
}
await browser.close(); server.close();
