// Where a kernel identifier or path may wrap: after "_" or "/" (not leading ones), so that
// EXIT_REASON_EXTERNAL_INTERRUPT breaks into words in a narrow column rather than letter by letter.
// Used for inline code on pages (src/plugins/identifierBreaks.ts) and for highlighted words in search
// excerpts (src/scripts/searchView.ts), each as <wbr> elements, which add no characters to copy or search.
const BREAK_AFTER = /(?<=[^_/][_/]+)(?=[^_/])/;

/** `text` cut where it may wrap: "kvm_set_apicv_inhibit" -> "kvm_", "set_", "apicv_", "inhibit". */
export const identifierParts = (text: string): string[] => text.split(BREAK_AFTER);
