// The fixed vocabularies of the content contract. Order here is display order.
export const TOPICS = ['guide', 'apic', 'apicv', 'avic', 'nested', 'kvm', 'rfc'] as const;
export type Topic = (typeof TOPICS)[number];

export const TOPIC_LABELS: Record<Topic, string> = {
  guide: 'Guide',
  apic: 'Local APIC',
  apicv: 'Intel APICv',
  avic: 'AMD AVIC',
  nested: 'Nested virtualization',
  kvm: 'KVM internals',
  rfc: 'The RFC patch',
};

export const VENDORS = ['intel', 'amd', 'both', 'none'] as const;
export const PAGE_KINDS = ['concept', 'hardware', 'kvm-internals', 'walkthrough', 'how-to', 'reference'] as const;

export const VENDOR_LABELS: Record<(typeof VENDORS)[number], string> = {
  intel: 'Intel', amd: 'AMD', both: 'Intel and AMD', none: 'Vendor-neutral',
};
export const KIND_LABELS: Record<(typeof PAGE_KINDS)[number], string> = {
  concept: 'Concept', hardware: 'Hardware', 'kvm-internals': 'KVM internals', walkthrough: 'Walkthrough',
  'how-to': 'How-to', reference: 'Reference',
};
export const SYMBOL_KINDS = ['function', 'macro', 'enum value', 'struct', 'field', 'tracepoint', 'module parameter'] as const;
export const SOURCE_KINDS = [
  'intel-sdm', 'amd-apm', 'kernel-source', 'source-code', 'kernel-doc', 'mailing-list', 'commit', 'paper', 'web-page',
] as const;
export const SOURCE_KIND_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  'intel-sdm': 'Intel SDM', 'amd-apm': 'AMD APM', 'kernel-source': 'Kernel source', 'source-code': 'Source code', 'kernel-doc': 'Kernel documentation',
  'mailing-list': 'Mailing list', commit: 'Commit', paper: 'Paper', 'web-page': 'Web page',
};

/** Kernel versions every symbol gets an Elixir link for: the RFC's base and a current LTS. */
export const ELIXIR_VERSIONS = ['v6.5', 'v6.12'] as const;
