// Line references: 6.12.118 (Debian's linux-source-6.12); svm.h = arch/x86/include/asm/svm.h.
import { describe, expect, it } from 'vitest';
import {
  apicRegisterName,
  AVIC_TRAP_OFFSETS,
  decodeExit,
  decodeIncompleteIpi,
  decodeIntCtl,
  decodePhysicalIdEntry,
  decodeUnacceleratedAccess,
  EXAMPLES,
  INT_CTL_UNDEFINED_MASK,
  isAvicUnacceleratedAccessTrap,
  kickPlan,
  parseHex,
  PHYS_BACKING_PAGE_MASK,
  PHYS_UNDEFINED_MASK,
  splitIcr,
  splitPhysicalIdEntry,
  type Decoded,
  type DecodeResult,
} from './avicDecoders.ts';

function ok(r: DecodeResult): Decoded {
  if (!r.ok) throw new Error(`expected a decode, got: ${r.error}`);
  return r;
}
const row = (d: Decoded, field: string) => {
  const r = d.rows.find((x) => x.field === field);
  if (!r) throw new Error(`no row ${field}`);
  return r;
};
const notes = (d: Decoded) => d.notes.join('\n');

describe('parseHex', () => {
  it('accepts a 0x prefix, bare digits, any case and separators', () => {
    expect(parseHex('0x1f', 32)).toEqual({ ok: true, value: 0x1fn });
    expect(parseHex('  1F ', 32)).toEqual({ ok: true, value: 0x1fn });
    expect(parseHex('0xC000_0001_05E3_C004', 64)).toEqual({ ok: true, value: 0xc000000105e3c004n });
    expect(parseHex('0x0000000000000000000001', 64)).toEqual({ ok: true, value: 1n });
  });
  it('accepts the high:low form of KVM tracepoints for 64-bit fields only', () => {
    expect(parseHex('0x03000000:000000fd', 64)).toEqual({ ok: true, value: 0x03000000000000fdn });
    expect(parseHex('1:2', 32).ok).toBe(false);
    expect(parseHex('1:2:3', 64).ok).toBe(false);
    expect(parseHex('100000000:0', 64).ok).toBe(false);
  });
  it('rejects empty, non-hex and too-wide input with a message instead of throwing', () => {
    for (const bad of ['', '   ', 'xyz', '0x', '12g4', '<b>1</b>']) {
      const r = parseHex(bad, 64);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    }
    expect(parseHex('0x100000000', 32)).toEqual({ ok: false, error: 'The value is wider than 32 bits.' });
    expect(parseHex('0xFFFFFFFF', 32).ok).toBe(true);
    expect(parseHex('0x10000000000000000', 64).ok).toBe(false);
  });
});

describe('physical APIC ID table entry (AVIC_PHYSICAL_ID_ENTRY_VALID_MASK and the masks before it, svm.h:248-251)', () => {
  it('masks match the v6.12 header', () => {
    expect(PHYS_BACKING_PAGE_MASK).toBe(0x000ffffffffff000n); // 0xFFFFFFFFFFULL << 12
    expect(PHYS_UNDEFINED_MASK).toBe(0x3ff0000000000000n); // bits 61:52
  });
  it('splits host ID 11:0, backing page 51:12, IsRunning 62, Valid 63', () => {
    expect(splitPhysicalIdEntry(0xc000000105e3c004n)).toEqual({
      hostPhysicalApicId: 4,
      backingPage: 0x105e3c000n,
      isRunning: true,
      valid: true,
      undefinedBits: 0n,
    });
    const e = splitPhysicalIdEntry(0x800ffffffffffabcn);
    expect(e.hostPhysicalApicId).toBe(0xabc);
    expect(e.backingPage).toBe(0xffffffffff000n);
    expect(e.isRunning).toBe(false);
  });
  it('decodes the worked example as valid and running', () => {
    const d = ok(decodePhysicalIdEntry(EXAMPLES.physicalId));
    expect(d.summary).toBe('Valid and running on host APIC ID 4, backing page 0x105E3C000.');
    expect(row(d, 'Backing page').value).toBe('0x105E3C000');
    expect(row(d, 'Host physical APIC ID').value).toBe('0x4 (4)');
    expect(notes(d)).toContain('avic_vcpu_load()');
  });
  it('explains IsRunning as "loaded", not as "executing guest code"', () => {
    const d = ok(decodePhysicalIdEntry(EXAMPLES.physicalId));
    expect(row(d, 'IsRunning').meaning).toContain('loaded on a host CPU');
    expect(notes(d)).toContain('does not touch the bit on VMRUN or #VMEXIT');
  });
  it('valid but not running points to TARGET_NOT_RUNNING', () => {
    const d = ok(decodePhysicalIdEntry('0x8000000105E3C004'));
    expect(d.summary).toContain('Valid, not running (last host APIC ID 4)');
    expect(notes(d)).toContain('TARGET_NOT_RUNNING');
  });
  it('a zero entry means no vCPU with this APIC ID', () => {
    const d = ok(decodePhysicalIdEntry('0'));
    expect(d.summary).toContain('Not valid');
    expect(notes(d)).toContain('no vCPU has this APIC ID');
    expect(notes(d)).not.toContain('never writes an entry with Valid = 0');
  });
  it('flags states KVM never writes', () => {
    expect(notes(ok(decodePhysicalIdEntry('0x4000000000000000')))).toContain('never writes an entry with Valid = 0');
    expect(ok(decodePhysicalIdEntry('0x4000000000000000')).summary).toContain('but IsRunning is set');
    expect(notes(ok(decodePhysicalIdEntry('0x8000000000000000')))).toContain('without a backing page');
  });
  it('flags bits 61:52 as reserved', () => {
    const d = ok(decodePhysicalIdEntry('0xE010000105E3C004'));
    const r = row(d, 'Not defined in v6.12');
    expect(r.flag).toBe('reserved');
    expect(r.value).toBe('bits 61, 52 set');
    expect(r.meaning.startsWith('Reserved:')).toBe(true);
    expect(row(ok(decodePhysicalIdEntry(EXAMPLES.physicalId)), 'Not defined in v6.12').flag).toBeUndefined();
  });
  it('reports bad input as an error', () => {
    expect(decodePhysicalIdEntry('hello')).toMatchObject({ ok: false });
  });
});

describe('VMCB int_ctl (V_TPR_MASK to X2APIC_MODE_MASK, svm.h:178-213)', () => {
  it('undefined bits are exactly those without a v6.12 macro', () => {
    // defined: 3:0, 8, 9, 11, 12, 19:16, 20, 24, 25, 26, 30, 31
    expect(INT_CTL_UNDEFINED_MASK).toBe(0x38e0e4f0);
  });
  it('decodes the example: AVIC, V_INTR_MASKING, V_GIF_ENABLE, V_GIF, V_NMI_ENABLE', () => {
    const d = ok(decodeIntCtl(EXAMPLES.intCtl));
    expect(d.summary).toBe('AVIC on, xAPIC mode; V_TPR 0.');
    expect(row(d, 'AVIC enable').value).toBe('1');
    expect(row(d, 'V_INTR_MASKING').value).toBe('1');
    expect(row(d, 'V_GIF_ENABLE').value).toBe('1');
    // init_vmcb() ends with enable_gif(), which sets V_GIF in vmcb01 when vgif is on
    expect(row(d, 'V_GIF').value).toBe('1');
    expect(row(d, 'V_NMI_ENABLE').value).toBe('1');
    expect(row(d, 'x2APIC mode').value).toBe('0');
    expect(row(d, 'V_IRQ').value).toBe('0');
    expect(d.rows.some((r) => r.flag)).toBe(false);
  });
  it('reads each field at its bit position', () => {
    const d = ok(decodeIntCtl('0x00130B05'));
    expect(row(d, 'V_TPR').value).toBe('5 (0x5)');
    expect(row(d, 'V_TPR').meaning).toContain('APIC TPR 0x50');
    expect(row(d, 'V_IRQ').value).toBe('1');
    expect(row(d, 'V_GIF').value).toBe('1');
    expect(row(d, 'V_NMI_PENDING').value).toBe('1');
    expect(row(d, 'V_NMI_BLOCKING').value).toBe('0');
    expect(row(d, 'V_INTR_PRIO').value).toBe('3 (0x3)');
    expect(row(d, 'V_IGN_TPR').value).toBe('1');
    expect(d.summary).toBe('AVIC off; V_TPR 5; V_IRQ pending, priority 3.');
  });
  it('bit 30 is x2APIC mode; without bit 31 KVM never writes it', () => {
    expect(ok(decodeIntCtl('0xC0000000')).summary).toContain('x2APIC mode (x2AVIC)');
    expect(notes(ok(decodeIntCtl('0x40000000')))).toContain('never writes bit 30 without bit 31');
  });
  it('V_IRQ with AVIC on is called out', () => {
    expect(notes(ok(decodeIntCtl('0x80000100')))).toContain('svm_set_vintr()');
  });
  it('flags undefined bits', () => {
    const d = ok(decodeIntCtl('0x08000410'));
    const r = row(d, 'Not defined in v6.12');
    expect(r.bits).toBe('27, 10, 4');
    expect(r.flag).toBe('reserved');
    expect(d.summary).toContain('3 undefined bits set');
  });
  it('rejects values wider than 32 bits', () => {
    expect(decodeIntCtl('0x100000000')).toMatchObject({ ok: false });
  });
});

describe('0x401 AVIC_INCOMPLETE_IPI', () => {
  const ipi = (i1: bigint, i2: bigint, mode: 'xapic-flat' | 'xapic-cluster' | 'x2apic' = 'xapic-flat') => decodeIncompleteIpi(i1, i2, mode);

  it('splits EXITINFO1 into the ICR fields', () => {
    const icr = splitIcr(0x03000000_0008c4fdn, 'xapic-flat');
    expect(icr).toMatchObject({ icrh: 0x03000000, icrl: 0x0008c4fd, vector: 0xfd, deliveryMode: 4, logical: false, busy: false, assert: true, level: true, shorthand: 2, dest: 3 });
    expect(splitIcr(0x00000103_00000000n, 'x2apic').dest).toBe(0x103);
    expect(splitIcr(0x00000103_00000000n, 'xapic-flat').dest).toBe(0);
  });
  it('decodes the example: cause 1, index 3, fast-path kick of vCPU 3', () => {
    const d = ok(decodeExit({ exitCode: 0x401, ...EXAMPLES.incompleteIpi, mode: 'xapic-flat' }));
    expect(row(d, 'Failure cause (id)').meaning).toContain('AVIC_IPI_FAILURE_TARGET_NOT_RUNNING');
    expect(row(d, 'Index').value).toBe('3');
    expect(row(d, 'Delivery mode').meaning).toContain('Fixed');
    expect(notes(d)).toContain('kicks it');
    expect(d.summary).toBe('0x401 incomplete IPI: AVIC_IPI_FAILURE_TARGET_NOT_RUNNING; fixed IPI, vector 0xFD, physical destination 3, index 3.');
  });
  it('names every cause in enum order (enum avic_ipi_failure_cause, svm.h:262-268)', () => {
    const names = [0, 1, 2, 3, 4].map((c) => row(ok(ipi(0n, BigInt(c) << 32n)), 'Failure cause (id)').meaning);
    expect(names[0]).toContain('INVALID_INT_TYPE');
    expect(names[1]).toContain('TARGET_NOT_RUNNING');
    expect(names[2]).toContain('INVALID_TARGET');
    expect(names[3]).toContain('INVALID_BACKING_PAGE');
    expect(names[4]).toContain('INVALID_IPI_VECTOR');
  });
  it('causes 0 and 2: kvm_apic_send_ipi(), or kvm_apic_write_nodecode() when BUSY is set', () => {
    expect(notes(ipi(0x400n, 0n))).toContain('kvm_apic_send_ipi(apic, icrl, icrh)');
    expect(notes(ipi(0x1400n, 2n << 32n))).toContain('kvm_apic_write_nodecode(vcpu, APIC_ICR)');
  });
  it('causes 3, 4 and unknown', () => {
    expect(notes(ipi(0n, 3n << 32n))).toContain('Invalid backing page');
    expect(notes(ipi(0x5n, 4n << 32n))).toContain('vector < 16');
    const d = ipi(0n, 9n << 32n);
    expect(row(d, 'Failure cause (id)').flag).toBe('warning');
    expect(notes(d)).toContain('vcpu_unimpl()');
  });
  it('index uses mask 0x1FF (exit_info_2 & 0x1FF, avic.c:531) and flags the other low bits', () => {
    const d = ipi(0n, (1n << 32n) | 0xfffn);
    expect(row(d, 'Index').value).toBe('511');
    expect(row(d, 'Not read by KVM v6.12').value).toBe('0x7');
    expect(ipi(0n, (1n << 32n) | 0x1ffn).rows.some((r) => r.field === 'Not read by KVM v6.12')).toBe(false);
  });
  it('warns about a fixed vector below 16 but not for NMI', () => {
    expect(row(ipi(0x0000000fn, 4n << 32n), 'Vector').flag).toBe('warning');
    expect(row(ipi(0x00000400n, 0n), 'Vector').flag).toBeUndefined();
  });
});

describe('avic_kick_target_vcpus_fast() (avic.c:432-498)', () => {
  const plan = (i1: bigint, index: number, mode: 'xapic-flat' | 'xapic-cluster' | 'x2apic') => kickPlan(splitIcr(i1, mode), index, mode);
  it('physical destination equal to the index: fast path to that vCPU', () => {
    expect(plan(0x05000000_000000fdn, 5, 'xapic-flat')).toMatchObject({ path: 'fast', targets: [5] });
    expect(plan(0x00000105_000000fdn, 0x105, 'x2apic')).toMatchObject({ path: 'fast', targets: [0x105] });
  });
  it('broadcast, a shorthand, or dest != index: slow path', () => {
    expect(plan(0xff000000_000000fdn, 0xff, 'xapic-flat').path).toBe('slow');
    expect(plan(0xffffffff_000000fdn, 0x1ff, 'x2apic').path).toBe('slow');
    expect(plan(0x00000000_000c00fdn, 0, 'xapic-flat').path).toBe('slow');
    const mismatch = plan(0x05000000_000000fdn, 6, 'xapic-flat');
    expect(mismatch.path).toBe('slow');
    expect(mismatch.text).toContain('WARN_ON_ONCE');
  });
  it('xAPIC flat logical: 8-bit mask, cluster 0', () => {
    expect(plan(0x05000000_000008fdn, 0, 'xapic-flat')).toMatchObject({ path: 'fast', targets: [0, 2] });
  });
  it('xAPIC cluster logical: 4-bit mask, index (cluster << 2) + bit', () => {
    expect(plan(0x23000000_000008fdn, 0, 'xapic-cluster')).toMatchObject({ path: 'fast', targets: [8, 9] });
  });
  it('x2APIC logical: 16-bit mask, x2APIC ID (cluster << 4) + bit', () => {
    expect(plan(0x00020003_000008fdn, 0, 'x2apic')).toMatchObject({ path: 'fast', targets: [32, 33] });
  });
  it('empty logical mask: nothing to do', () => {
    expect(plan(0x20000000_000008fdn, 0, 'xapic-cluster')).toMatchObject({ path: 'none', targets: [] });
  });
});

describe('0x402 AVIC_UNACCELERATED_ACCESS', () => {
  it('the trap list is APIC_ID to APIC_TDCR in avic.c:704-719, sixteen offsets, each a named register', () => {
    expect(AVIC_TRAP_OFFSETS).toHaveLength(16);
    expect(AVIC_TRAP_OFFSETS.map((o) => apicRegisterName(o)?.name)).toEqual([
      'APIC_ID', 'APIC_EOI', 'APIC_RRR', 'APIC_LDR', 'APIC_DFR', 'APIC_SPIV', 'APIC_ESR', 'APIC_ICR',
      'APIC_LVTT', 'APIC_LVTTHMR', 'APIC_LVTPC', 'APIC_LVT0', 'APIC_LVT1', 'APIC_LVTERR', 'APIC_TMICT', 'APIC_TDCR',
    ]);
    for (const o of [0x80, 0xa0, 0x100, 0x200, 0x310, 0x390, 0x3f0, 0x2f0]) expect(isAvicUnacceleratedAccessTrap(o)).toBe(false);
  });
  it('names registers from apicdef.h, including the ISR/TMR/IRR words and extended LVTs', () => {
    expect(apicRegisterName(0x80)?.name).toBe('APIC_TASKPRI');
    expect(apicRegisterName(0x110)).toMatchObject({ name: 'APIC_ISR + 0x10', desc: 'in-service register, word 1 (vectors 32-63)' });
    expect(apicRegisterName(0x270)?.desc).toContain('vectors 224-255');
    expect(apicRegisterName(0x520)?.name).toBe('APIC_EILVTn(2)');
    expect(apicRegisterName(0x40)).toBeNull();
    expect(apicRegisterName(0x540)).toBeNull();
  });
  it('example: a write to TMICT is a trap handled by kvm_apic_write_nodecode()', () => {
    const d = ok(decodeExit({ exitCode: 0x402, ...EXAMPLES.unaccelerated, mode: 'xapic-flat' }));
    expect(d.summary).toBe('0x402 unaccelerated write of 0x380 APIC_TMICT: KVM treats it as a trap.');
    expect(notes(d)).toContain('kvm_apic_write_nodecode(vcpu, 0x380)');
  });
  it('offset is bits 11:4 (mask 0xFF0); bit 32 is the write flag', () => {
    const d = decodeUnacceleratedAccess(0x38fn, 0n);
    expect(row(d, 'Offset').value).toBe('0x380');
    expect(row(d, 'Write').value).toBe('0');
    expect(row(d, 'Not read by KVM').value).toBe('0xF');
  });
  it('a TPR read is a fault: kvm_emulate_instruction()', () => {
    const d = decodeUnacceleratedAccess(0x80n, 0n);
    expect(row(d, 'KVM treats it as').value).toBe('fault');
    expect(notes(d)).toContain('kvm_emulate_instruction(vcpu, 0)');
  });
  it('special trap cases: RRR ignored, LDR and DFR update the logical table, trap read warns', () => {
    expect(notes(decodeUnacceleratedAccess(0x1_000000c0n, 0n))).toContain('ignores the write');
    expect(notes(decodeUnacceleratedAccess(0x1_000000c0n, 0n))).not.toContain('kvm_apic_write_nodecode');
    expect(notes(decodeUnacceleratedAccess(0x1_000000d0n, 0n))).toContain('avic_handle_ldr_update()');
    expect(notes(decodeUnacceleratedAccess(0x1_000000e0n, 0n))).toContain('avic_handle_dfr_update()');
    expect(notes(decodeUnacceleratedAccess(0x20n, 0n))).toContain('Handling trap read');
  });
  it('flags EXITINFO2 bits above 31', () => {
    expect(row(decodeUnacceleratedAccess(0x80n, 0x5_00000000n), 'Not read by KVM').flag).toBe('reserved');
  });
});

describe('decodeExit input handling', () => {
  it('says which field is wrong', () => {
    expect(decodeExit({ exitCode: 0x401, exitInfo1: 'zz', exitInfo2: '0', mode: 'x2apic' })).toMatchObject({ ok: false, error: expect.stringMatching(/^EXITINFO1: /) });
    expect(decodeExit({ exitCode: 0x401, exitInfo1: '0', exitInfo2: '', mode: 'x2apic' })).toMatchObject({ ok: false, error: expect.stringMatching(/^EXITINFO2: /) });
    expect(decodeExit({ exitCode: 0x400, exitInfo1: '0', exitInfo2: '0', mode: 'x2apic' })).toMatchObject({ ok: false });
  });
});
