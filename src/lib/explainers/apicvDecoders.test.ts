// Linux file:line references in this file are to the Debian 6.12.y tree; line references: 6.12.118.
import { describe, expect, it } from 'vitest';
import {
  ACCESS_TYPES,
  EXAMPLE_DESCRIPTOR_WORDS,
  EXAMPLE_QUALIFICATION,
  decodeDescriptor,
  descriptorRows,
  formatDescriptorBytes,
  formatDescriptorWords,
  qualificationRows,
  decodeDescriptorText,
  decodeQualification,
  decodeQualificationText,
  descriptorSummary,
  descriptorWords,
  describeNv,
  parseDescriptor,
  qualificationSummary,
  registerAt,
} from './apicvDecoders.ts';

function bytesWith(set: Record<number, number>): number[] {
  const b = new Array<number>(64).fill(0);
  for (const [i, v] of Object.entries(set)) b[Number(i)] = v;
  return b;
}

const toHex = (bytes: readonly number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');

describe('posted-interrupt descriptor', () => {
  it('decodes the example words: PIR 0x31 and 0x45, ON 1, SN 0, NV 0xF2, NDST 0x300 (xAPIC ID 3)', () => {
    const r = decodeDescriptorText(EXAMPLE_DESCRIPTOR_WORDS, 'words');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.pir).toEqual([0x31, 0x45]);
    expect(r.value.on).toBe(true);
    expect(r.value.sn).toBe(false);
    expect(r.value.nv).toBe(0xf2);
    expect(r.value.ndst).toBe(0x300);
    expect(r.value.ndstXapicId).toBe(3);
    expect(r.value.control).toBe(0x0000030000f20001n);
    expect(r.value.reservedNonZero).toEqual([]);
    expect(descriptorSummary(r.value)).toBe('PIR vectors: 0x31, 0x45. ON 1, SN 0, NV 0xF2, NDST 0x00000300.');
  });

  it('bytes in memory order give the same result as the little-endian words', () => {
    const fromWords = parseDescriptor(EXAMPLE_DESCRIPTOR_WORDS, 'words');
    expect(fromWords.ok).toBe(true);
    if (!fromWords.ok) return;
    // Byte 6 holds bit 49 (vector 0x31): 0x02; byte 8 holds vector 0x45 (bit 5): 0x20.
    expect(fromWords.value[6]).toBe(0x02);
    expect(fromWords.value[8]).toBe(0x20);
    expect(fromWords.value.slice(32, 40)).toEqual([0x01, 0x00, 0xf2, 0x00, 0x00, 0x03, 0x00, 0x00]);
    const fromBytes = parseDescriptor(toHex(fromWords.value), 'bytes');
    expect(fromBytes).toEqual(fromWords);
  });

  it('maps vector v to byte v/8 bit v%8 (vector 0 and 255 at the ends of the PIR)', () => {
    expect(decodeDescriptor(bytesWith({ 0: 0x01, 31: 0x80 })).pir).toEqual([0, 255]);
  });

  it('ON is bit 0 and SN bit 1 of byte 32 (bits 256 and 257); NV is byte 34; NDST bytes 36-39', () => {
    const d = decodeDescriptor(bytesWith({ 32: 0x02, 34: 0xf1, 36: 0x78, 37: 0x56, 38: 0x34, 39: 0x12 }));
    expect(d.on).toBe(false);
    expect(d.sn).toBe(true);
    expect(d.nv).toBe(0xf1);
    expect(d.ndst).toBe(0x12345678);
    expect(d.pir).toEqual([]);
  });

  it('reports non-zero reserved ranges', () => {
    expect(decodeDescriptor(bytesWith({ 32: 0x04 })).reservedNonZero).toEqual(['bits 271:258']);
    expect(decodeDescriptor(bytesWith({ 33: 0x01 })).reservedNonZero).toEqual(['bits 271:258']);
    expect(decodeDescriptor(bytesWith({ 35: 0x01 })).reservedNonZero).toEqual(['bits 287:280']);
    expect(decodeDescriptor(bytesWith({ 63: 0x01 })).reservedNonZero).toEqual(['bits 511:320']);
  });

  it('ignores gdb-style address labels and 0x prefixes', () => {
    const gdb =
      '0xffff888100a3c000:\t0x0002000000000000\t0x0000000000000020\n' +
      '0xffff888100a3c010:\t0x0000000000000000\t0x0000000000000000\n' +
      '0xffff888100a3c020 <x+32>:\t0x0000030000f20001\t0x0000000000000000\n' +
      '0xffff888100a3c030:\t0x0000000000000000\t0x0000000000000000';
    expect(decodeDescriptorText(gdb, 'words')).toEqual(decodeDescriptorText(EXAMPLE_DESCRIPTOR_WORDS, 'words'));
  });

  it('rejects wrong lengths and non-hex input with a message', () => {
    const few = parseDescriptor('0x1 0x2', 'words');
    expect(few).toEqual({ ok: false, error: 'Expected 8 words of 64 bits but found 2.' });
    const short = parseDescriptor('00 11', 'bytes');
    expect(short.ok ? '' : short.error).toContain('found 4 hex digits');
    const bad = parseDescriptor('<img src=x onerror=alert(1)>', 'bytes');
    expect(bad.ok).toBe(false);
    expect(parseDescriptor('', 'words').ok).toBe(false);
    const wide = parseDescriptor('0x11112222333344445 0 0 0 0 0 0 0', 'words');
    expect(wide.ok ? '' : wide.error).toContain('wider than 64 bits');
  });

  it('shows the words back and names KVM notification vectors', () => {
    expect(descriptorWords(bytesWith({ 0: 0x01, 39: 0x12 }))[0]).toBe('0x0000000000000001');
    expect(descriptorWords(bytesWith({ 39: 0x12 }))[4]).toBe('0x1200000000000000');
    expect(describeNv(0xf2)).toContain('POSTED_INTR_VECTOR');
    expect(describeNv(0xf1)).toContain('POSTED_INTR_WAKEUP_VECTOR');
    expect(describeNv(0x40)).toContain('not one of');
  });
});

describe('APIC-access exit qualification', () => {
  it('0x10B0 is a linear write to the EOI register, which KVM short-cuts with fasteoi', () => {
    const r = decodeQualificationText(EXAMPLE_QUALIFICATION);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.offset).toBe(0xb0);
    expect(r.value.register?.register?.macro).toBe('APIC_EOI');
    expect(r.value.typeValue).toBe(1);
    expect(r.value.type?.linux).toBe('TYPE_LINEAR_APIC_INST_WRITE');
    expect(r.value.kvm).toContain('kvm_lapic_set_eoi');
    // In 6.12 the page is mapped only with APICv (and VID) active, where plain EOI writes never exit.
    expect(r.value.kvm).toContain('did not virtualize');
    expect(qualificationSummary(r.value)).toBe(
      'Offset 0x0B0, APIC_EOI: EOI. Access type 1: linear access, data write during instruction execution (TYPE_LINEAR_APIC_INST_WRITE).',
    );
  });

  it('a read of the EOI register is emulated, not short-cut', () => {
    expect(decodeQualification(0x00b0n).kvm).toContain('kvm_emulate_instruction');
  });

  it('matches every Linux access-type macro value (TYPE_LINEAR_APIC_INST_READ to TYPE_PHYSICAL_APIC_INST, asm/vmx.h:470-475)', () => {
    const byValue = Object.fromEntries(ACCESS_TYPES.map((t) => [t.value, t.linux]));
    expect(byValue).toEqual({
      0: 'TYPE_LINEAR_APIC_INST_READ',
      1: 'TYPE_LINEAR_APIC_INST_WRITE',
      2: 'TYPE_LINEAR_APIC_INST_FETCH',
      3: 'TYPE_LINEAR_APIC_EVENT',
      10: 'TYPE_PHYSICAL_APIC_EVENT',
      15: 'TYPE_PHYSICAL_APIC_INST',
    });
    expect(decodeQualification(0x3300n).type?.linux).toBe('TYPE_LINEAR_APIC_EVENT');
    expect(decodeQualification(0xf000n).type?.linux).toBe('TYPE_PHYSICAL_APIC_INST');
  });

  it('guest-physical accesses leave the offset undefined', () => {
    const q = decodeQualification(0xa0b0n);
    expect(q.type?.linux).toBe('TYPE_PHYSICAL_APIC_EVENT');
    expect(q.register).toBeNull();
    expect(qualificationSummary(q)).toContain('undefined for a guest-physical access');
  });

  it('unused type values are reported as such', () => {
    const q = decodeQualification(0x5080n);
    expect(q.type).toBeNull();
    expect(qualificationSummary(q)).toContain('5: not a value the SDM uses');
  });

  it('names registers, array words and odd offsets', () => {
    expect(registerAt(0x300).text).toBe('APIC_ICR: Interrupt command, low (ICR)');
    expect(registerAt(0x110).text).toBe('APIC_ISR: In-service register (ISR), word 1 (vectors 32-63)');
    expect(registerAt(0x270).index).toBe(7);
    expect(registerAt(0x280).register?.macro).toBe('APIC_ESR');
    expect(registerAt(0x082).text).toContain('byte 2 of the register');
    expect(registerAt(0x0b4).text).toContain('past the 32-bit register');
    expect(registerAt(0x040).register).toBeNull();
    expect(registerAt(0x400).register).toBeNull();
    expect(registerAt(0x3f0).register?.macro).toBe('APIC_SELF_IPI');
  });

  it('flags set bits above 15 and rejects bad input', () => {
    expect(decodeQualification(0x110b0n).upperBits).toBe(1n);
    expect(qualificationSummary(decodeQualification(0x110b0n))).toContain('Bits 63:16 are not zero');
    expect(decodeQualificationText('10b0').ok).toBe(true);
    for (const bad of ['', 'xyz', '0x', '0x11112222333344445', '"><script>']) {
      expect(decodeQualificationText(bad).ok).toBe(false);
    }
  });
});

describe('rows and reformatting', () => {
  it('descriptor rows list PIR, ON, SN, NV, NDST and the reserved bits', () => {
    const r = decodeDescriptorText(EXAMPLE_DESCRIPTOR_WORDS, 'words');
    if (!r.ok) throw new Error(r.error);
    const rows = descriptorRows(r.value);
    expect(rows.map((x) => [x.field, x.value])).toEqual([
      ['PIR', '0x31, 0x45'],
      ['ON', '1'],
      ['SN', '0'],
      ['NV', '0xF2'],
      ['NDST', '0x00000300'],
      ['Reserved', 'all zero'],
    ]);
    expect(rows[4]?.meaning).toContain('physical APIC ID 0x03 in bits 15:8');
  });

  it('bytes and words text round-trip through the parser', () => {
    const p = parseDescriptor(EXAMPLE_DESCRIPTOR_WORDS, 'words');
    if (!p.ok) throw new Error(p.error);
    expect(parseDescriptor(formatDescriptorBytes(p.value), 'bytes')).toEqual(p);
    expect(parseDescriptor(formatDescriptorWords(p.value), 'words')).toEqual(p);
    expect(formatDescriptorBytes(p.value).split('\n')[2]).toBe('01 00 f2 00 00 03 00 00 00 00 00 00 00 00 00 00');
  });

  it('qualification rows show offset, type and reserved bits', () => {
    const rows = qualificationRows(decodeQualification(0x110b0n));
    expect(rows.map((x) => x.value)).toEqual(['0x0B0', '1', '0x1']);
    expect(rows[0]?.meaning).toBe('APIC_EOI: EOI.');
    expect(rows[2]?.meaning).toContain('Not zero');
  });
});
