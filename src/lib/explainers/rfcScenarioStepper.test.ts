import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { kernelTreeVersion } from '../kernelVersion.ts';
import { LINUX_6_12_TREE_READ } from './kernelTree.ts';
import { parsePatch, PATCH_FILE } from '../patch.ts';
import {
  announce,
  atLabel,
  BASE_STEPS,
  clampIndex,
  codeSpans,
  mapIndex,
  mergedSteps,
  RFC_STEPS,
  stepsFor,
  symbolLabel,
  type Step,
} from './rfcScenarioStepper.ts';

const ids = (steps: readonly Step[]) => steps.map((s) => s.id);

describe('order of the path', () => {
  it('follows the failure-scenario page: memslot, vmcs12, L2 access, EPT violation, hidden slot, MMIO SPTE, misconfig, emulation, outcome', () => {
    expect(ids(BASE_STEPS)).toEqual(['memslot', 'vmcs12', 'touch', 'ept-violation', 'hide', 'mmio-spte', 'misconfig', 'emulate', 'outcome']);
  });

  it('with the RFC, the inhibit and its effect come right after the fault step, before the MMIO SPTE', () => {
    expect(ids(RFC_STEPS)).toEqual(['memslot', 'vmcs12', 'touch', 'ept-violation', 'hide', 'rfc-inhibit', 'rfc-apicv-off', 'mmio-spte', 'misconfig', 'emulate', 'outcome']);
  });

  it('step ids are unique in each variant', () => {
    for (const steps of [BASE_STEPS, RFC_STEPS]) expect(new Set(ids(steps)).size).toBe(steps.length);
  });
});

describe('the merged list the page renders', () => {
  it('holds every shared step once and each variant\u2019s own steps, in each variant\u2019s order', () => {
    const merged = mergedSteps();
    expect(merged.map((m) => `${m.step.id}:${m.variants.join('+')}`)).toEqual([
      'memslot:base+rfc', 'vmcs12:base+rfc', 'touch:base+rfc', 'ept-violation:base+rfc', 'hide:base+rfc',
      'rfc-inhibit:rfc', 'rfc-apicv-off:rfc', 'mmio-spte:base+rfc', 'misconfig:base+rfc', 'emulate:base+rfc',
      'outcome:base', 'outcome:rfc',
    ]);
    for (const v of ['base', 'rfc'] as const) expect(merged.filter((m) => m.variants.includes(v)).map((m) => m.step)).toEqual(stepsFor(v));
  });
});

describe('the RFC variant differs only where the patch acts', () => {
  it('every step the two variants share is the very same step, except the outcome', () => {
    for (const step of RFC_STEPS) {
      const base = BASE_STEPS.find((s) => s.id === step.id);
      if (step.rfc === 'added') expect(base).toBeUndefined();
      else if (step.rfc === 'changed') expect(base).toBeDefined();
      else expect(step).toBe(base);
    }
    expect(RFC_STEPS.filter((s) => s.rfc === 'changed').map((s) => s.id)).toEqual(['outcome']);
    expect(BASE_STEPS.every((s) => s.rfc === undefined)).toBe(true);
  });

  it('each added step cites code the patch changes (a file in the diff, at "RFC")', () => {
    const patched = new Set(parsePatch(readFileSync(resolve(process.cwd(), PATCH_FILE), 'utf8')).map((f) => f.path));
    expect(patched.size).toBe(4);
    for (const step of RFC_STEPS.filter((s) => s.rfc === 'added')) {
      const rfcRefs = step.code.filter((c) => c.at.includes('RFC'));
      expect(rfcRefs.length, step.id).toBeGreaterThan(0);
      for (const ref of rfcRefs) expect(patched.has(ref.file), `${step.id}: ${ref.file}`).toBe(true);
    }
  });

  it('the RFC symbols exist in the patch text (or enclose a hunk, as the VMX mask does)', () => {
    const patch = readFileSync(resolve(process.cwd(), PATCH_FILE), 'utf8');
    // The vmx.c hunk shows only BIT() lines; at the base (v6.5 vmx.c:8184-8193) lines 8189-8195 are
    // inside VMX_REQUIRED_APICV_INHIBITS, which the step names.
    const enclosing: Record<string, string> = { VMX_REQUIRED_APICV_INHIBITS: '@@ -8189,7 +8189,8 @@' };
    for (const step of RFC_STEPS) {
      for (const ref of step.code.filter((c) => c.at.includes('RFC'))) expect(patch, ref.symbol).toContain(enclosing[ref.symbol] ?? ref.symbol);
    }
    expect(patch).toContain('kvm_set_apicv_inhibit(vcpu->kvm,');
  });

  it('the added steps carry the patch\u2019s own call and reason', () => {
    const text = RFC_STEPS.filter((s) => s.rfc).map((s) => s.text).join(' ');
    expect(text).toContain('kvm_set_apicv_inhibit()');
    expect(text).toContain('APICV_INHIBIT_REASON_L2_PASSTHROUGH_ACCESS');
    expect(text).toContain('VMX_REQUIRED_APICV_INHIBITS');
  });

  it('in both variants the L2 access is still emulated (the steps after the inhibit are shared)', () => {
    for (const id of ['mmio-spte', 'misconfig', 'emulate']) {
      expect(stepsFor('rfc').find((s) => s.id === id)).toBe(stepsFor('base').find((s) => s.id === id));
    }
  });
});

describe('accuracy labels', () => {
  it('the loss mechanism is analysis, not an established fact', () => {
    const outcome = BASE_STEPS.find((s) => s.id === 'outcome')!;
    expect(outcome.text).toContain('never established');
    expect(outcome.analysis).toMatch(/not confirmed/);
    expect(outcome.text).not.toMatch(/SVI|vmcs02/);
  });

  it('the RFC outcome keeps its claim as analysis', () => {
    const outcome = RFC_STEPS.find((s) => s.id === 'outcome')!;
    expect(outcome.analysis).toMatch(/inference/);
  });
});

describe('every step has a source', () => {
  const all = [...BASE_STEPS, ...RFC_STEPS.filter((s) => s.rfc)];

  it('a sentence, code locations with file and symbol at named versions, and links', () => {
    for (const step of all) {
      expect(step.text.length, step.id).toBeGreaterThan(40);
      expect(step.code.length, step.id).toBeGreaterThan(0);
      for (const ref of step.code) {
        expect(ref.at.length, `${step.id} ${ref.symbol}`).toBeGreaterThan(0);
        expect(ref.file).toMatch(/^(arch|core)\//);
        expect(ref.symbol).toMatch(/^[\w()]+$/);
      }
      expect(step.links.length, step.id).toBeGreaterThan(0);
    }
  });

  it('every link targets an existing page, and every #anchor a heading on it', () => {
    for (const step of all) {
      for (const link of step.links) {
        const m = /^\/([a-z0-9-]+(?:\/[a-z0-9-]+)?)\/(?:#(.+))?$/.exec(link.href);
        expect(m, link.href).not.toBeNull();
        const file = resolve(process.cwd(), 'content/docs', `${m![1]}.mdx`);
        expect(existsSync(file), link.href).toBe(true);
        if (m![2]) {
          const slugger = new GithubSlugger();
          const anchors = readFileSync(file, 'utf8')
            .split('\n')
            .filter((l) => /^#{2,4} /.test(l))
            .map((l) => slugger.slug(l.replace(/^#+ /, '').replace(/`/g, '')));
          expect(anchors, link.href).toContain(m![2]);
        }
      }
    }
  });

  // A Linux 6.12 tree, if one is at hand (e.g. Debian's linux-source-6.12 unpacked): LINUX_6_12_TREE.
  // The test's name says the exact version it ran against; it accepts only the recorded one.
  const tree = process.env.LINUX_6_12_TREE ?? '';
  const treeVersion = tree && existsSync(resolve(tree, 'Makefile')) ? kernelTreeVersion(tree) : 'no tree';
  it.skipIf(treeVersion === 'no tree')(`every 6.12 code location is defined in that file of the ${treeVersion} tree (recorded: ${LINUX_6_12_TREE_READ})`, () => {
    expect(treeVersion, `the steps were checked against ${LINUX_6_12_TREE_READ}: re-read this tree and update kernelTree.ts`).toBe(LINUX_6_12_TREE_READ);
    for (const step of all) {
      for (const ref of step.code.filter((c) => c.at.includes('v6.12'))) {
        const src = readFileSync(resolve(tree, ref.file), 'utf8');
        const name = ref.symbol.replace(/[()]/g, '\\$&');
        const def =
          ref.kind === 'function'
            ? new RegExp(`^[\\w \\*]*\\b${name}\\(`, 'm')
            : ref.kind === 'macro'
              ? new RegExp(`^#define ${name}\\b`, 'm')
              : new RegExp(`^enum ${name} \\{`, 'm');
        expect(def.test(src), `${step.id}: ${ref.symbol} in ${ref.file}`).toBe(true);
      }
    }
  });
});

describe('navigation', () => {
  it('clamps indexes', () => {
    expect(clampIndex(-1, 9)).toBe(0);
    expect(clampIndex(9, 9)).toBe(8);
    expect(clampIndex(3, 9)).toBe(3);
    expect(clampIndex(2, 0)).toBe(0);
  });

  it('switching variants keeps the same step when both have it', () => {
    const base = ids(BASE_STEPS);
    const rfc = ids(RFC_STEPS);
    expect(mapIndex(base, base.indexOf('mmio-spte'), rfc)).toBe(rfc.indexOf('mmio-spte'));
    expect(mapIndex(rfc, rfc.indexOf('outcome'), base)).toBe(base.indexOf('outcome'));
    expect(mapIndex(base, 0, rfc)).toBe(0);
  });

  it('leaving an RFC-only step lands on the fault step it follows', () => {
    const base = ids(BASE_STEPS);
    const rfc = ids(RFC_STEPS);
    expect(mapIndex(rfc, rfc.indexOf('rfc-apicv-off'), base)).toBe(base.indexOf('hide'));
    expect(mapIndex(rfc, rfc.indexOf('rfc-inhibit'), base)).toBe(base.indexOf('hide'));
  });

  it('announces the variant, the position and the title', () => {
    expect(announce('rfc', 5, 11, 'The RFC: inhibit APICv on this fault')).toBe('With the RFC: step 6 of 11, The RFC: inhibit APICv on this fault.');
  });

  it('names the version of each code location plainly', () => {
    // 'v6.12' code locations were read in Debian's 6.12.y tree, which carries backports upstream v6.12 lacks.
    expect((['v6.12', 'v6.5', 'RFC', 'BitVisor'] as const).map((a) => atLabel(a))).toEqual(['Linux 6.12.118 (Debian)', 'v6.5 (RFC base)', 'RFC patch (on v6.5)', 'BitVisor (GitHub mirror)']);
  });

  it('labels functions with parentheses', () => {
    expect(symbolLabel({ at: ['v6.12'], file: 'x', symbol: 'kvm_faultin_pfn', kind: 'function', role: '' })).toBe('kvm_faultin_pfn()');
    expect(symbolLabel({ at: ['RFC'], file: 'x', symbol: 'VMX_REQUIRED_APICV_INHIBITS', kind: 'macro', role: '' })).toBe('VMX_REQUIRED_APICV_INHIBITS');
  });
});

describe('code spans in step text', () => {
  it('marks calls, identifiers, hex numbers and module settings, and loses no text', () => {
    const text = 'With enable_apicv=N, __kvm_faultin_pfn_guest_mode() sets APICV_INHIBIT_REASON_L2_PASSTHROUGH_ACCESS for 0xFEE00000 in vmcs01.';
    const spans = codeSpans(text);
    expect(spans.map((s) => s.text).join('')).toBe(text);
    expect(spans.filter((s) => s.code).map((s) => s.text)).toEqual([
      'enable_apicv=N',
      '__kvm_faultin_pfn_guest_mode()',
      'APICV_INHIBIT_REASON_L2_PASSTHROUGH_ACCESS',
      '0xFEE00000',
    ]);
  });

  it('leaves ordinary words, hyphenated names and version numbers as text', () => {
    expect(codeSpans('L2 panics in IO-APIC set-up on v6.12').every((s) => !s.code)).toBe(true);
  });

  it('every step\u2019s text survives the split unchanged', () => {
    for (const step of [...BASE_STEPS, ...RFC_STEPS]) {
      for (const t of [step.text, step.analysis ?? '', ...step.code.map((c) => c.role)]) expect(codeSpans(t).map((s) => s.text).join('')).toBe(t);
    }
  });
});
