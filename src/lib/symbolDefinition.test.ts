import { describe, expect, it } from 'vitest';
import { findDefinition } from './symbolDefinition.ts';

const source = `#include <linux/kvm_host.h>
#define APIC_DEFAULT_PHYS_BASE		0xfee00000

enum kvm_apicv_inhibit {
	APICV_INHIBIT_REASON_DISABLED,
	APICV_INHIBIT_REASON_HYPERV = 1,
};

struct kvm_lapic {
	unsigned long base_address;
	u32 regs[4];
};

static int kvm_lapic_reg_write(struct kvm_lapic *apic, u32 reg, u32 val);

static int kvm_lapic_reg_write(struct kvm_lapic *apic,
			       u32 reg, u32 val)
{
	return 0;
}

static bool avic;
module_param(avic, bool, 0444);

TRACE_EVENT(kvm_apicv_inhibit_changed,
`;

describe('findDefinition', () => {
  it('finds each kind by its defining shape', () => {
    expect(findDefinition(source, { name: 'APIC_DEFAULT_PHYS_BASE', kind: 'macro' })).toBe(2);
    expect(findDefinition(source, { name: 'APICV_INHIBIT_REASON_DISABLED', kind: 'enum value' })).toBe(5);
    expect(findDefinition(source, { name: 'APICV_INHIBIT_REASON_HYPERV', kind: 'enum value' })).toBe(6);
    expect(findDefinition(source, { name: 'kvm_lapic', kind: 'struct' })).toBe(9);
    expect(findDefinition(source, { name: 'regs', kind: 'field' })).toBe(11);
    expect(findDefinition(source, { name: 'avic', kind: 'module parameter' })).toBe(23);
    expect(findDefinition(source, { name: 'kvm_apicv_inhibit_changed', kind: 'tracepoint' })).toBe(25);
  });

  it('skips a prototype and finds the function body', () => {
    expect(findDefinition(source, { name: 'kvm_lapic_reg_write', kind: 'function' })).toBe(16);
  });

  it('returns null when there is no definition of that kind', () => {
    expect(findDefinition(source, { name: 'kvm_lapic_reg_read', kind: 'function' })).toBeNull();
    expect(findDefinition(source, { name: 'APIC_DEFAULT_PHYS_BASE', kind: 'function' })).toBeNull();
    expect(findDefinition(source, { name: 'kvm_lapic', kind: 'macro' })).toBeNull();
  });
});
