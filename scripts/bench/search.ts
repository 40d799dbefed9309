// The bench's search section (a report, never a test), in Chromium on the built site:
//  - bytes on the wire for a first search, counted at the server: a reader on the home page opens the
//    search dialog (Ctrl+K) and types the query; everything fetched until the results are painted and
//    the network is idle. The budget (100 KiB) applies to the search data (Pagefind engine, index,
//    result data: fragments and excerpt windows, the search vocabulary); the dialog's own scripts and styles are shown beside it;
//  - time from the last keystroke to the results painted, cold (that same first search) and warm (the
//    query typed again on /search/ after every query has run once), warm budget 150 ms;
//  - the query layer's own time (runSearch() of src/scripts/searchEngine.ts, bundled and called
//    directly, without the UI's debounce and rendering), cold and warm.
// Queries: a fixed list of 30 per kind, separate from the search question set of the tests.
//   Standalone on an existing build: node scripts/bench/search.ts   (JSON: tests/.artifacts/bench-search.json)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FULL_CHROMIUM, launchChromium } from '../../tests/e2e/browser.ts';
import { serveStatic } from '../serve.ts';
import { EXCERPTS_PATH } from '../../src/lib/search/excerptWindows.ts';

const KiB = 1024;
export const FIRST_SEARCH_BUDGET = 100 * KiB;
export const WARM_PAINT_BUDGET_MS = 150;

export const SEARCH_BENCH_QUERIES = {
  keyword: [
    'APIC timer', 'posted interrupts', 'virtual APIC page', 'EOI virtualization', 'AVIC backing page',
    'logical destination mode', 'interrupt window', 'nested paging', 'APIC base relocation', 'IPI virtualization',
    'doorbell', 'GA log', 'x2APIC mode', 'TPR threshold', 'self IPI', 'level triggered EOI', 'ExtINT',
    'vmcs12 controls', 'AVIC inhibit', 'Hyper-V AutoEOI', 'PIT reinject', 'SynIC', 'MMIO emulation',
    'private memslot', 'shadow VMCS', 'VT-d posted interrupts', 'interrupt remapping', 'lowest priority delivery',
    'spurious interrupt vector', 'interrupt priority class',
  ],
  identifier: [
    'kvm_apic_send_ipi', 'kvm_lapic_reg_write', 'vmx_deliver_posted_interrupt', 'pi_desc', 'APIC_EOI', 'APIC_SPIV',
    '0x808', '0x80B', '0x401', '0x402', 'SVM_EXIT_NPF', 'EXIT_REASON_EPT_VIOLATION', 'APICV_INHIBIT_REASON_ABSENT',
    'APICV_INHIBIT_REASON_IRQWIN', 'avic_kick_target_vcpus', 'kvm_vcpu_update_apicv', 'kvm_apicv_activated',
    'nested_vmx_reflect_vmexit', 'prepare_vmcs02_early', 'kvm_alloc_apic_access_page',
    'AVIC_PHYSICAL_ID_ENTRY_IS_RUNNING_MASK', 'kvm_amd.avic=1', 'kvm_intel.enable_apicv', 'enable_apicv',
    'force_avic', 'POSTED_INTR_ON', '0xf2', 'MSR_IA32_APICBASE', 'cda3960fbcc5', '3a2936dedd20',
  ],
  trace: [
    'kvm_apicv_inhibit_changed: set reason=0, inhibits=0x1 DISABLED',
    'kvm_apicv_inhibit_changed: set reason=2, inhibits=0x4 ABSENT',
    'kvm_apicv_inhibit_changed: cleared reason=9, inhibits=0x0',
    'kvm_apicv_inhibit_changed: set reason=5, inhibits=0x20 APIC_ID_MODIFIED',
    'kvm_apicv_inhibit_changed: set reason=3, inhibits=0x8 BLOCKIRQ',
    'kvm_apicv_inhibit_changed: set reason=8, inhibits=0x100 IRQWIN',
    'kvm_apicv_inhibit_changed: set reason=10, inhibits=0x400 SEV',
    'kvm_apicv_inhibit_changed: set reason=11, inhibits=0x800 LOGICAL_ID_ALIASED',
    'kvm_apicv_inhibit_changed: set reason=4, inhibits=0x10 PHYSICAL_ID_ALIASED',
    'kvm_apicv_inhibit_changed: set reason=6, inhibits=0x40 APIC_BASE_MODIFIED',
    'kvm_avic_incomplete_ipi: vcpu=1, icrh:icrl=0x02000000:000000ec, id=1, index=2',
    'kvm_avic_incomplete_ipi: vcpu=0, icrh:icrl=0x07000000:000000fd, id=2, index=7',
    'kvm_avic_incomplete_ipi: vcpu=3, icrh:icrl=0x01000000:0000c0fd, id=0, index=1',
    'kvm_avic_incomplete_ipi: vcpu=2, icrh:icrl=0x00000000:000000fd, id=3, index=0',
    'kvm_avic_incomplete_ipi: vcpu=2, icrh:icrl=0x01000000:00000008, id=4, index=1',
    'kvm_avic_unaccelerated_access: vcpu=0, offset=0x80(APIC_TASKPRI), fault, read, vec=0x0',
    'kvm_avic_unaccelerated_access: vcpu=1, offset=0x300(APIC_ICR), trap, write, vec=0x0',
    'kvm_avic_unaccelerated_access: vcpu=2, offset=0xb0(APIC_EOI), trap, write, vec=0x0',
    'kvm_avic_unaccelerated_access: vcpu=0, offset=0x20(APIC_ID), fault, read, vec=0x0',
    'kvm_exit: vcpu 0 reason EPT_VIOLATION rip 0xffffffff81000000 info1 0x0000000000000181 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000',
    'kvm_exit: vcpu 1 reason APIC_WRITE rip 0xffffffff8106a1b2 info1 0x0000000000000380 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000',
    'kvm_exit: vcpu 2 reason EOI_INDUCED rip 0xffffffff8106a1b2 info1 0x0000000000000022 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000',
    'kvm_exit: vcpu 0 reason TPR_BELOW_THRESHOLD rip 0xffffffff81001234 info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000',
    'kvm_exit: vcpu 3 reason EXTERNAL_INTERRUPT rip 0xffffffff81001234 info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x800000ec error_code 0x00000000',
    'kvm_exit: vcpu 1 reason avic_unaccelerated_access rip 0xffffffff8105c8e6 info1 0x0000000100000300 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000',
    'kvm_nested_vmexit: vcpu 0 reason APIC_ACCESS rip 0xffffffff8106a1b2 info1 0x00000000000010b0 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000',
    'kvm_nested_vmexit_inject: reason: HLT ext_inf1: 0x0000000000000000 ext_inf2: 0x0000000000000000 ext_int: 0x00000000 ext_int_err: 0x00000000',
    'kvm_avic_doorbell: vcpuid=1, apicid=6',
    'kvm_eoi: apicid 0 vector 236',
    'kvm_apic_ipi: dst 1 vec 253 (Fixed|physical|assert|edge|dst)',
  ],
  question: [
    'how does KVM wake a blocked vCPU when a posted interrupt arrives',
    'why does the guest need an EOI exit for level-triggered interrupts',
    'what happens if two vCPUs share the same APIC ID',
    'does AVIC still work when the guest switches to x2APIC mode',
    'how does the IOMMU deliver device interrupts straight to a running vCPU',
    'what is the role of the physical APIC ID table in AVIC',
    "why can L2 not use L1's APIC-access page directly",
    'how does KVM decide whether L0 or L1 handles an exit',
    'what does the RFC patch add to the fault path in mmu.c',
    'who replied to the RFC on the KVM mailing list and when',
    'which CPUs support Intel IPI virtualization and how is it enabled',
    'how is the virtual TPR kept in sync with CR8 on AMD',
    'what does the processor do with RVI after a VM entry',
    'why is APICv still off after I created the in-kernel irqchip',
    'how can I see which APICv inhibits are active right now',
    'what happens to posted interrupts when the vCPU is not running',
    'how do nested posted interrupts reach L2 on Intel hosts',
    'what is the difference between a trap and a fault AVIC exit',
    'why does KVM zap the APIC page mapping when APICv gets inhibited',
    'how do I report a bug in nested virtualization to KVM developers',
    'what does an x2APIC ICR write look like compared with xAPIC',
    'how does the APIC timer deadline mode differ from one-shot mode',
    'why would a hypervisor pass the local APIC through to its guest',
    'is the fix for a stale SVI in the 6.12 stable tree',
    'how is an IPI sent with AVIC when the target vCPU is running',
    'what happens when L1 enables virtual interrupt delivery for its L2',
    'which interrupt vectors does KVM reserve for posted interrupt notification',
    'how do I enable AVIC on an AMD EPYC host with kvm_amd',
    'why does Hyper-V SynIC AutoEOI turn off APIC virtualization',
    'which inhibit bit does the RFC add and where in the enum',
  ],
} as const satisfies Record<string, readonly string[]>;

export type QueryKind = keyof typeof SEARCH_BENCH_QUERIES;

interface Measured {
  query: string;
  kind: QueryKind;
  /** Search data sent by the server for the first search (engine, vocabulary, index, results). */
  bytes: number;
  /** The search UI's scripts and styles fetched for it. */
  uiBytes: number;
  parts: Record<string, number>;
  /** Last keystroke to results painted, first search in a fresh browser. */
  coldMs: number;
}

export interface SearchBenchReport {
  firstSearch: { median: number; max: number; maxQuery: string; overBudget: number; byKind: Record<string, { median: number; max: number }> };
  paint: { coldMedian: number; coldMax: number; warmMedian: number; warmMax: number; warmOverBudget: number };
  queryLayer: { coldMedian: number; warmMedian: number; warmMax: number } | string;
  queries: Measured[];
  warm: { query: string; ms: number }[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

/** Which part of a first search a response belongs to. */
function part(path: string): string {
  if (path.startsWith('/pagefind/index/')) return 'index';
  if (path.startsWith('/pagefind/fragment/') || path.startsWith(EXCERPTS_PATH)) return 'results';
  if (path.startsWith('/pagefind/')) return 'engine';
  if (path.startsWith('/search/')) return 'vocabulary';
  return 'ui';
}

// Injected before any page script: records the last keystroke and the moment after the frame in which
// the search status (the live region that announces the result count) was last written. Written, not
// changed: a long query and its prefix one keystroke shorter announce the same (shortened) text.
const PROBE = `(() => {
  window.__bench = { lastKey: 0, painted: 0, status: '' };
  addEventListener('keydown', () => { window.__bench.lastKey = performance.now(); window.__bench.painted = 0; }, true);
  new MutationObserver((records) => {
    const s = document.querySelector('dialog[open] [role="status"], [data-search-page] [role="status"]');
    const text = s ? s.textContent.trim() : '';
    if (text && (text !== window.__bench.status || records.some((r) => s.contains(r.target)))) {
      window.__bench.status = text;
      // After the frame that shows it: the next task after requestAnimationFrame.
      requestAnimationFrame(() => setTimeout(() => { window.__bench.painted = performance.now(); }));
    } else if (!text) window.__bench.status = '';
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const INPUT = '[data-search-page] input[type="search"]';
const DIALOG_INPUT = 'dialog[open] input[type="search"]';

/** Types `query` into the search field and returns last-keystroke-to-paint in ms. */
async function typeAndWait(page: Page, query: string, field = INPUT): Promise<number> {
  const input = page.locator(field).first();
  await input.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  // An emptied field clears the status; wait for that so the next change is this query's.
  await page.waitForFunction(() => (window as unknown as { __bench: { status: string } }).__bench.status === '', undefined, { timeout: 10_000 });
  await page.keyboard.insertText(query.slice(0, -1));
  await page.keyboard.type(query.slice(-1));
  const handle = await page.waitForFunction(() => {
    const b = (window as unknown as { __bench: { lastKey: number; painted: number } }).__bench;
    return b.painted > b.lastKey ? b.painted - b.lastKey : 0;
  }, undefined, { timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

async function newSearchPage(browser: Browser, base: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(`${base}/search/`);
  await page.waitForLoadState('networkidle');
  await page.locator(INPUT).first().waitFor();
  return { context, page };
}

/** Bundles the browser side of the query layer so the bench can call runSearch() directly. */
async function queryLayerBundle(): Promise<string | null> {
  const entry = resolve('src/scripts/searchEngine.ts');
  if (!existsSync(entry)) return null;
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: '__queryLayer', platform: 'browser', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

/**
 * Runs the search section against `dist` (already built). `print` gets one line per figure; `perKind`
 * (default all 30) takes only the first queries of each kind, for a quick look.
 */
export async function benchSearch(dist: string, print: (label: string, value: string, budget?: string, ok?: boolean) => void, perKind = 30): Promise<SearchBenchReport> {
  const fmt = (n: number) => `${(n / KiB).toFixed(1)} KiB`;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  let sent: { path: string; bytes: number }[] = [];
  const server = await serveStatic(dist, 0, { onBody: (path, bytes) => sent.push({ path, bytes }) });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium(FULL_CHROMIUM);
  const all = (Object.entries(SEARCH_BENCH_QUERIES) as [QueryKind, readonly string[]][]).flatMap(([kind, qs]) => qs.slice(0, perKind).map((query) => ({ kind, query })));
  try {
    // Cold: each query is the first search of a fresh browser context, from the home page's dialog.
    const queries: Measured[] = [];
    for (const { kind, query } of all) {
      const context = await browser.newContext();
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.waitForLoadState('networkidle');
      sent = [];
      await page.keyboard.press('Control+k');
      await page.locator(DIALOG_INPUT).waitFor();
      const coldMs = await typeAndWait(page, query, DIALOG_INPUT);
      await page.waitForLoadState('networkidle');
      const parts: Record<string, number> = {};
      for (const r of sent) parts[part(r.path)] = (parts[part(r.path)] ?? 0) + r.bytes;
      const uiBytes = parts.ui ?? 0;
      queries.push({ query, kind, bytes: sent.reduce((n, r) => n + r.bytes, 0) - uiBytes, uiBytes, parts, coldMs });
      await context.close();
    }

    // Warm: one page that has already run every query once.
    const { context, page } = await newSearchPage(browser, base);
    for (const { query } of all) await typeAndWait(page, query);
    const warm: { query: string; ms: number }[] = [];
    for (const { query } of all) warm.push({ query, ms: await typeAndWait(page, query) });
    await context.close();

    // The query layer alone, called directly in a page of the site (CSP bypassed only to inject it).
    let queryLayer: SearchBenchReport['queryLayer'] = 'skipped: src/scripts/searchEngine.ts not found';
    const bundle = await queryLayerBundle();
    if (bundle) {
      const ctx = await browser.newContext({ bypassCSP: true });
      const p = await ctx.newPage();
      await p.goto(`${base}/search/`);
      await p.addScriptTag({ content: bundle });
      const times = (await p.evaluate(`(async () => {
        const run = (q) => window.__queryLayer.runSearch(q);
        const queries = ${JSON.stringify(all.map((q) => q.query))};
        await run('APIC'); // loads the engine and vocabulary: not part of any query's time
        const cold = [], warm = [];
        for (const q of queries) { const t = performance.now(); await run(q); cold.push(performance.now() - t); }
        for (const q of queries) { const t = performance.now(); await run(q); warm.push(performance.now() - t); }
        return { cold, warm };
      })()`)) as { cold: number[]; warm: number[] };
      queryLayer = { coldMedian: median(times.cold), warmMedian: median(times.warm), warmMax: Math.max(...times.warm) };
      await ctx.close();
    }

    const bytes = queries.map((q) => q.bytes);
    const worst = queries.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const byKind = Object.fromEntries(
      (Object.keys(SEARCH_BENCH_QUERIES) as QueryKind[]).map((kind) => {
        const of = queries.filter((q) => q.kind === kind).map((q) => q.bytes);
        return [kind, { median: median(of), max: Math.max(...of) }];
      }),
    );
    const report: SearchBenchReport = {
      firstSearch: { median: median(bytes), max: worst.bytes, maxQuery: worst.query, overBudget: bytes.filter((b) => b > FIRST_SEARCH_BUDGET).length, byKind },
      paint: {
        coldMedian: median(queries.map((q) => q.coldMs)),
        coldMax: Math.max(...queries.map((q) => q.coldMs)),
        warmMedian: median(warm.map((w) => w.ms)),
        warmMax: Math.max(...warm.map((w) => w.ms)),
        warmOverBudget: warm.filter((w) => w.ms > WARM_PAINT_BUDGET_MS).length,
      },
      queryLayer,
      queries,
      warm,
    };

    print(`queries (${Object.keys(SEARCH_BENCH_QUERIES).length} kinds x ${perKind})`, String(all.length));
    print('first search data: median', fmt(report.firstSearch.median), '100 KiB', report.firstSearch.median <= FIRST_SEARCH_BUDGET);
    print('first search data: largest', fmt(report.firstSearch.max), '100 KiB', report.firstSearch.max <= FIRST_SEARCH_BUDGET);
    print('search dialog UI (scripts, styles)', fmt(median(queries.map((q) => q.uiBytes))));
    console.log(`${''.padEnd(4)}largest: "${worst.query.slice(0, 60)}"; ${Object.entries(worst.parts).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}; ${report.firstSearch.overBudget} of ${all.length} over budget`);
    for (const [kind, k] of Object.entries(byKind)) print(`first search, ${kind}: median / max`, `${fmt(k.median)} / ${fmt(k.max)}`);
    print('keystroke to paint, cold: median', ms(report.paint.coldMedian));
    print('keystroke to paint, cold: slowest', ms(report.paint.coldMax));
    print('keystroke to paint, warm: median', ms(report.paint.warmMedian), `${WARM_PAINT_BUDGET_MS} ms`, report.paint.warmMedian <= WARM_PAINT_BUDGET_MS);
    print('keystroke to paint, warm: slowest', ms(report.paint.warmMax), `${WARM_PAINT_BUDGET_MS} ms`, report.paint.warmMax <= WARM_PAINT_BUDGET_MS);
    if (typeof queryLayer === 'string') console.log(`query layer: ${queryLayer}`);
    else {
      print('query layer, first run: median', `${queryLayer.coldMedian.toFixed(1)} ms`);
      print('query layer, repeated: median', `${queryLayer.warmMedian.toFixed(1)} ms`);
      print('query layer, repeated: slowest', `${queryLayer.warmMax.toFixed(1)} ms`);
    }
    return report;
  } finally {
    await browser.close();
    server.close();
  }
}

// Standalone: node scripts/bench/search.ts [--per-kind=N] (after npm run build).
if (import.meta.url === `file://${process.argv[1]}`) {
  const line = (label: string, value: string, budget?: string, ok?: boolean) =>
    console.log(`${label.padEnd(38)} ${value.padStart(14)}${budget ? `   budget ${budget} ${ok ? 'ok' : 'OVER'}` : ''}`);
  console.log('## Search UI (Chromium): first search from the dialog, warm on /search/, query layer');
  const perKind = Number(process.argv.find((a) => a.startsWith('--per-kind='))?.slice(11) ?? 30);
  const report = await benchSearch('dist', line, perKind);
  mkdirSync('tests/.artifacts', { recursive: true });
  writeFileSync('tests/.artifacts/bench-search.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nJSON: tests/.artifacts/bench-search.json');
}
