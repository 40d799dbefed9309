import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernelTreeVersion } from '../kernelVersion.ts';
import { LINUX_6_12_TREE_READ } from './kernelTree.ts';
import { findHunk, parsePatch, PATCH_FILE } from '../patch.ts';
import {
  compareAcrossVersions,
  decode,
  EXAMPLE,
  getVersion,
  parseInhibits,
  present,
  VERSIONS,
  vendorSummary,
  type KernelVersion,
  type ParsedMask,
  type VersionId,
} from './inhibitDecoder.ts';

// Expected enum orders, written out from the sources (not derived from the module), one array per
// version: index = bit. A member moved, added or dropped in the module fails these tests.
const EXPECTED: Record<VersionId, string[]> = {
  // v6.1.20 / v6.1.158 / 6.1-rc7 arch/x86/include/asm/kvm_host.h, enum kvm_apicv_inhibit
  'v6.1': ['DISABLE', 'HYPERV', 'ABSENT', 'BLOCKIRQ', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED', 'NESTED', 'IRQWIN', 'PIT_REINJ', 'SEV'],
  // v6.5 kvm_host.h:1157-1226 (blob 3bc146dfd38d, the RFC's base); v6.6.9 and v6.8 identical
  'v6.5': ['DISABLE', 'HYPERV', 'ABSENT', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED', 'NESTED', 'IRQWIN', 'PIT_REINJ', 'SEV', 'LOGICAL_ID_ALIASED'],
  'v6.6': ['DISABLE', 'HYPERV', 'ABSENT', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED', 'NESTED', 'IRQWIN', 'PIT_REINJ', 'SEV', 'LOGICAL_ID_ALIASED'],
  'v6.8': ['DISABLE', 'HYPERV', 'ABSENT', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED', 'NESTED', 'IRQWIN', 'PIT_REINJ', 'SEV', 'LOGICAL_ID_ALIASED'],
  // 6.12.118 kvm_host.h:1210-1279 (APICV_INHIBIT_REASON_DISABLED to APICV_INHIBIT_REASON_LOGICAL_ID_ALIASED)
  'v6.12': ['DISABLED', 'HYPERV', 'ABSENT', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED', 'NESTED', 'IRQWIN', 'PIT_REINJ', 'SEV', 'LOGICAL_ID_ALIASED'],
  // The RFC's hunk 1 puts L2_PASSTHROUGH_ACCESS right after APIC_BASE_MODIFIED (bit 7); the rest shift by one.
  'rfc-v6.5': ['DISABLE', 'HYPERV', 'ABSENT', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED', 'L2_PASSTHROUGH_ACCESS', 'NESTED', 'IRQWIN', 'PIT_REINJ', 'SEV', 'LOGICAL_ID_ALIASED'],
  'rfc-v6.12': ['DISABLED', 'HYPERV', 'ABSENT', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED', 'L2_PASSTHROUGH_ACCESS', 'NESTED', 'IRQWIN', 'PIT_REINJ', 'SEV', 'LOGICAL_ID_ALIASED'],
};

// VMX required inhibits: v6.1 vmx_check_apicv_inhibit_reasons(); v6.5/6.6/6.8 VMX_REQUIRED_APICV_INHIBITS in
// vmx.c; 6.12.118 vmx/main.c:10-17; the RFC's hunk 5 adds its reason.
const EXPECTED_VMX: Record<VersionId, string[]> = {
  'v6.1': ['DISABLE', 'ABSENT', 'HYPERV', 'BLOCKIRQ', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED'],
  'v6.5': ['DISABLE', 'ABSENT', 'HYPERV', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED'],
  'v6.6': ['DISABLE', 'ABSENT', 'HYPERV', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED'],
  'v6.8': ['DISABLE', 'ABSENT', 'HYPERV', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED'],
  'v6.12': ['DISABLED', 'ABSENT', 'HYPERV', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED'],
  'rfc-v6.5': ['DISABLE', 'ABSENT', 'HYPERV', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED', 'L2_PASSTHROUGH_ACCESS'],
  'rfc-v6.12': ['DISABLED', 'ABSENT', 'HYPERV', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED', 'L2_PASSTHROUGH_ACCESS'],
};

const v = (id: VersionId): KernelVersion => getVersion(id)!;
function mask(input: string): ParsedMask {
  const r = parseInhibits(input);
  if (!r.ok) throw new Error(r.error);
  return r.mask;
}
const names = (input: string, id: VersionId) => decode(mask(input), v(id)).rows.map((r) => r.name);

describe('enum order per version', () => {
  it('offers exactly the versions that have expected tables', () => {
    expect(VERSIONS.map((x) => x.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [id, expected] of Object.entries(EXPECTED) as [VersionId, string[]][]) {
    it(`${id}: each single bit decodes to the member at that position`, () => {
      expected.forEach((name, bit) => {
        expect(names(`0x${(2 ** bit).toString(16)}`, id), `${id} bit ${bit}`).toEqual([name]);
      });
      // The first bit past the enum is flagged, not named.
      const past = decode(mask(`0x${(2 ** expected.length).toString(16)}`), v(id));
      expect(past.rows).toEqual([{ bit: expected.length, name: null, vmx: false, avic: false }]);
      expect(past.beyond).toEqual([expected.length]);
    });

    it(`${id}: VMX honours exactly its required-inhibit list, AVIC honours every member`, () => {
      const all = decode(mask(`0x${(2 ** expected.length - 1).toString(16)}`), v(id));
      expect(all.rows.filter((r) => r.vmx).map((r) => r.name).sort()).toEqual([...EXPECTED_VMX[id]].sort());
      expect(all.rows.every((r) => r.avic)).toBe(true);
    });
  }
});

describe('the RFC shift', () => {
  it('0x80 is NESTED on 6.5 and 6.12 but the RFC reason with the RFC', () => {
    expect(names('0x80', 'v6.5')).toEqual(['NESTED']);
    expect(names('0x80', 'v6.12')).toEqual(['NESTED']);
    expect(names('0x80', 'rfc-v6.5')).toEqual(['L2_PASSTHROUGH_ACCESS']);
    expect(names('0x80', 'rfc-v6.12')).toEqual(['L2_PASSTHROUGH_ACCESS']);
  });

  it('every member after APIC_BASE_MODIFIED moves up one bit; the ones before stay', () => {
    for (const [base, rfc] of [['v6.5', 'rfc-v6.5'], ['v6.12', 'rfc-v6.12']] as const) {
      const b = v(base).reasons;
      const r = v(rfc).reasons;
      for (let bit = 0; bit <= 6; bit++) expect(r[bit]).toBe(b[bit]);
      for (let bit = 7; bit < b.length; bit++) expect(r[bit + 1]).toBe(b[bit]);
    }
  });

  it('bit 12 is beyond 6.12 but LOGICAL_ID_ALIASED with the RFC', () => {
    expect(decode(mask('0x1000'), v('v6.12')).beyond).toEqual([12]);
    expect(names('0x1000', 'rfc-v6.12')).toEqual(['LOGICAL_ID_ALIASED']);
  });

  it('the RFC reason is honoured by both vendors (hunks 4 and 5)', () => {
    const [row] = decode(mask('0x80'), v('rfc-v6.5')).rows;
    expect(row).toEqual({ bit: 7, name: 'L2_PASSTHROUGH_ACCESS', vmx: true, avic: true });
  });

  it('matches the patch file: the new member follows APIC_BASE_MODIFIED in hunk 1', () => {
    const hunk = findHunk(parsePatch(readFileSync(resolve(process.cwd(), PATCH_FILE), 'utf8')), 'arch/x86/include/asm/kvm_host.h', 1);
    const members = hunk.lines
      .map((l) => /APICV_INHIBIT_REASON_(\w+),/.exec(l)?.[1])
      .filter((m): m is string => m !== undefined);
    expect(members).toEqual(['APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED', 'L2_PASSTHROUGH_ACCESS']);
  });

  // A Linux 6.12 tree, if one is at hand (e.g. Debian's linux-source-6.12 unpacked): LINUX_6_12_TREE.
  // The test's name says the exact version it ran against; it accepts only the recorded one.
  const treeDir = process.env.LINUX_6_12_TREE ?? '';
  const treeVersion = treeDir && existsSync(resolve(treeDir, 'Makefile')) ? kernelTreeVersion(treeDir) : 'no tree';
  it.skipIf(treeVersion === 'no tree')(`the 6.12 table matches the ${treeVersion} tree (recorded: ${LINUX_6_12_TREE_READ}), member by member`, () => {
    expect(treeVersion, `the table was checked against ${LINUX_6_12_TREE_READ}: re-read this tree and update kernelTree.ts`).toBe(LINUX_6_12_TREE_READ);
    const src = readFileSync(resolve(treeDir, 'arch/x86/include/asm/kvm_host.h'), 'utf8');
    const body = /enum kvm_apicv_inhibit \{([\s\S]*?)\n\};/.exec(src)![1]!;
    const members = [...body.matchAll(/^\s*APICV_INHIBIT_REASON_(\w+),/gm)].map((m) => m[1]);
    expect(members).toEqual(v('v6.12').reasons);
  });
});

describe('parsing what the reader pastes', () => {
  it('accepts hex with or without 0x, any case, with spaces around', () => {
    for (const input of ['0x44', '44', '0X44', '  0x44 ', '0x0044']) {
      expect(mask(input).bits, input).toEqual([2, 6]);
      expect(mask(input).hex).toBe('0x44');
    }
  });

  it('reads a 6.5-style line (hex only) with its event', () => {
    const m = mask('qemu-1234 [003] .... 12.34: kvm_apicv_inhibit_changed: set reason=7, inhibits=0x80');
    expect(m.bits).toEqual([7]);
    expect(m.event).toEqual({ action: 'set', reason: 7 });
    expect(m.printedNames).toBeUndefined();
  });

  it('reads a 6.12-style line with the names after the mask', () => {
    const m = mask('kvm_apicv_inhibit_changed: set reason=6, inhibits=0x44 ABSENT|APIC_BASE_MODIFIED');
    expect(m.bits).toEqual([2, 6]);
    expect(m.printedNames).toEqual(['ABSENT', 'APIC_BASE_MODIFIED']);
  });

  it('zero is a valid mask with no bits', () => {
    const m = mask('cleared reason=2, inhibits=0x0');
    expect(m.bits).toEqual([]);
    expect(decode(m, v('v6.12')).warnings).toEqual([]);
  });

  it('decodes a 64-bit value up to bit 63', () => {
    expect(mask('0x8000000000000001').bits).toEqual([0, 63]);
  });

  it('rejects invalid input with a message instead of throwing', () => {
    for (const input of ['', 'hello', '0xZZ', 'inhibits=0xZZ', '0x', '0x10000000000000000', '12 34']) {
      const r = parseInhibits(input);
      expect(r.ok, input).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    }
  });
});

describe('warnings', () => {
  it('flags bits beyond the enum', () => {
    const d = decode(mask('0x400'), v('v6.1'));
    expect(d.beyond).toEqual([10]);
    expect(d.warnings.join(' ')).toContain('beyond');
  });

  it('notes that VMX never records a bit it does not honour', () => {
    expect(decode(mask('0x200'), v('v6.12')).warnings.join(' ')).toContain('AMD host');
    expect(decode(mask('0x40'), v('v6.12')).warnings).toEqual([]);
  });

  it('notes that NESTED never appears in the VM-wide mask', () => {
    expect(decode(mask('0x80'), v('v6.12')).warnings.join(' ')).toContain('per-vCPU');
  });

  it('on an RFC version, points a NESTED bit at a kernel without the RFC, not at one with it', () => {
    const w = decode(mask('0x100'), v('rfc-v6.5')).warnings.join(' ');
    expect(w).toContain('a kernel without the RFC, where bit 8 is another reason');
    expect(w).not.toContain('such as one with the RFC');
    expect(decode(mask('0x80'), v('v6.12')).warnings.join(' ')).toContain('such as one with the RFC');
  });

  it('checks the event against the mask', () => {
    const ok = decode(mask('set reason=7, inhibits=0x80'), v('rfc-v6.5'));
    expect(ok.event).toEqual({ action: 'set', reason: 7, name: 'L2_PASSTHROUGH_ACCESS', consistent: true });
    const bad = decode(mask('set reason=3, inhibits=0x80'), v('rfc-v6.5'));
    expect(bad.event?.consistent).toBe(false);
    const cleared = decode(mask('cleared reason=2, inhibits=0x0'), v('v6.12'));
    expect(cleared.event).toEqual({ action: 'cleared', reason: 2, name: 'ABSENT', consistent: true });
  });

  it('cross-checks printed names against the chosen version', () => {
    const line = 'set reason=6, inhibits=0x44 ABSENT|APIC_BASE_MODIFIED';
    expect(decode(mask(line), v('v6.12')).warnings).toEqual([]);
    // Same mask on 6.1: bit 6 is NESTED there, so the printed names disagree ...
    expect(decode(mask(line), v('v6.1')).warnings.join(' ')).toContain('prints only the hex value');
    // ... and a names-printing version with a different order is caught by the names themselves.
    expect(decode(mask('set reason=7, inhibits=0x80 NESTED'), v('rfc-v6.12')).warnings.join(' ')).toContain('pick the version');
  });
});

describe('summaries', () => {
  it('says which vendor is inhibited', () => {
    const s = vendorSummary(decode(mask('0x240'), v('v6.12')));
    expect(s.vmx).toBe('Intel VMX: APICv off VM-wide (APIC_BASE_MODIFIED).');
    expect(s.avic).toBe('AMD AVIC: AVIC off VM-wide (APIC_BASE_MODIFIED, PIT_REINJ).');
    expect(vendorSummary(decode(mask('0x0'), v('v6.12'))).vmx).toBe('Intel VMX: none of these bits inhibits APICv VM-wide.');
  });

  it('compares one mask across every version', () => {
    const rows = compareAcrossVersions(mask('0x80'));
    expect(rows.find((r) => r.id === 'v6.1')!.names).toEqual(['IRQWIN']);
    expect(rows.find((r) => r.id === 'v6.12')!.names).toEqual(['NESTED']);
    expect(rows.find((r) => r.id === 'rfc-v6.5')!.names).toEqual(['L2_PASSTHROUGH_ACCESS']);
  });

  it('the worked example decodes to the RFC reason', () => {
    const d = decode(mask(EXAMPLE.input), v(EXAMPLE.version));
    expect(d.rows.map((r) => r.name)).toEqual(['L2_PASSTHROUGH_ACCESS']);
    expect(d.warnings).toEqual([]);
  });
});

describe('present (what the UI shows)', () => {
  it('the worked example: one row, both vendors, an event line, other versions for comparison', () => {
    const view = present(EXAMPLE.input, EXAMPLE.version);
    expect(view.ok).toBe(true);
    expect(view.summary).toBe('The RFC as posted (on 6.5): 0x80 has 1 bit set, L2_PASSTHROUGH_ACCESS.');
    expect(view.event).toBe('This event set reason 7 (L2_PASSTHROUGH_ACCESS).');
    expect(view.rows).toEqual([
      { bit: '7', name: 'APICV_INHIBIT_REASON_L2_PASSTHROUGH_ACCESS', meaning: expect.stringContaining('RFC'), vmx: '\u2713 yes', avic: '\u2713 yes' },
    ]);
    expect(view.compare).toContainEqual({ label: 'Linux 6.12', names: 'NESTED' });
    expect(view.compare).toContainEqual({ label: 'Linux 6.1 (LTS)', names: 'IRQWIN' });
  });

  it('an AVIC-only bit reads "no" for VMX', () => {
    const view = present('0x200', 'v6.12');
    expect(view.rows[0]).toMatchObject({ bit: '9', name: 'APICV_INHIBIT_REASON_PIT_REINJ', vmx: '\u2717 no', avic: '\u2713 yes' });
  });

  it('a bit past the enum has no name and no vendor', () => {
    expect(present('0x1000', 'v6.12').rows[0]).toMatchObject({ bit: '12', name: '(beyond the enum)', vmx: '\u2014' });
  });

  it('invalid input gives the error as the summary and no rows', () => {
    const view = present('not hex', 'v6.12');
    expect(view.ok).toBe(false);
    expect(view.summary).toContain('not a hexadecimal number');
    expect(view.rows).toEqual([]);
  });

  it('an unknown version id falls back to the first version instead of throwing', () => {
    expect(present('0x4', 'v9.99').summary).toBe('Linux 6.12: 0x4 has 1 bit set, ABSENT.');
  });
});
