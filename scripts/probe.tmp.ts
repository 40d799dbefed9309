import { launchChromium } from '/work/main/tests/e2e/browser.ts';
import { serveStatic } from '/work/main/scripts/serve.ts';
const server = await serveStatic('/work/build/dist', 0);
const base = `http://127.0.0.1:${(server.address() as any).port}`;
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(base + '/');
const configs = [
  { metaWeights: { title: 8, aliases: 10, summary: 3 }, termSimilarity: 5 },
  { metaWeights: { title: 8, aliases: 10, summary: 3 }, termSimilarity: 10, termSaturation: 0.5 },
  { metaWeights: { title: 8, aliases: 10, summary: 3 }, termSimilarity: 10, termSaturation: 0.2, termFrequency: 0.5 },
  { metaWeights: { title: 8, aliases: 10, summary: 3 }, termSimilarity: 10, termSaturation: 0.5, pageLength: 0.1 },
];
for (const q of ['APICv', 'VMCS', 'kvm_set_apicv_inhibit', 'AVIC', 'RVI', 'x2APIC', 'PIR', '0xFEE00000', '0x401']) {
  for (const c of configs) {
    const r = await page.evaluate(`(async () => { const pf = await import('/pagefind/pagefind.js'); await pf.options({ ranking: ${JSON.stringify(c)} }); const s = await pf.search(${JSON.stringify(q)}); const d = await Promise.all(s.results.slice(0,3).map(r => r.data())); return s.results.slice(0,3).map((r,i) => d[i].url + ':' + r.score.toFixed(2)).join(' '); })()`);
    console.log(q.padEnd(22), JSON.stringify(c).slice(0, 70).padEnd(72), r);
  }
}
await browser.close(); server.close();
