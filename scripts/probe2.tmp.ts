import { launchChromium } from '/work/main/tests/e2e/browser.ts';
import { serveStatic } from '/work/main/scripts/serve.ts';
const server = await serveStatic('/work/build/dist', 0);
const base = `http://127.0.0.1:${(server.address() as any).port}`;
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(base + '/');
for (const q of process.argv.slice(2)) {
const r = await page.evaluate(`(async () => { const pf = await import('/pagefind/pagefind.js'); const s = await pf.search(${JSON.stringify(q)}); const d = await Promise.all(s.results.slice(0,3).map(r => r.data())); return s.results.slice(0,3).map((r,i) => ({url: d[i].url, score: r.score, words: r.words.length, wc: d[i].word_count, ex: d[i].excerpt.slice(0,200), loc: d[i].weighted_locations?.slice(0,5)})); })()`);
console.log(q, JSON.stringify(r, null, 1).slice(0, 2500));
}
await browser.close(); server.close();
