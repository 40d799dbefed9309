// Recognises kernel output pasted into search (tracepoint lines, exit reasons, inhibit masks) and
// says which explainer decodes it, opened with the value filled in.
// Contract shared by the search UI (which renders these as answer cards) and the explainers (which
// read their input from the URL): see src/lib/explainers/handoff.ts once it exists.

export interface PastedOutputMatch {
  /** What was recognised, in a reader's words, e.g. "Tracepoint kvm_apicv_inhibit_changed: set reason 9". */
  label: string;
  /** Title of the explainer that decodes it, e.g. "Inhibit-mask decoder". */
  explainerTitle: string;
  /** Site-relative URL of that explainer with the value filled in, e.g. "/kvm/apicv-inhibits/?inhibit=0x200#inhibit-decoder". */
  explainerUrl: string;
  /** Words the ordinary search should also use for this paste (symbol names, reason names). */
  terms: string[];
}

/** Every recognised piece of pasted kernel output in `query`, most specific first; [] when none. */
export function recognizePastedOutput(query: string): PastedOutputMatch[] {
  void query;
  return [];
}
