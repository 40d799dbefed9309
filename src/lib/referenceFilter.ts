/**
 * The filter of the glossary and the symbol index: an entry matches when every word of the query occurs in
 * its text, ignoring case; "_" and "-" count as spaces on both sides, so "apicv inhibit" finds
 * kvm_set_apicv_inhibit and "x2 apic" finds x2APIC-related text only where the words occur.
 */
const normalise = (s: string) => s.toLowerCase().replace(/[_\-]+/g, ' ');

export function matchesFilter(entryText: string, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = normalise(entryText);
  return words.every((w) => text.includes(w));
}

/** The letter an index groups a name under: its first letter or digit, ignoring leading underscores. */
export function indexLetter(name: string): string {
  const c = /[a-z0-9]/i.exec(name)?.[0] ?? '#';
  return /\d/.test(c) ? '0–9' : c.toUpperCase();
}

/** The anchor of a letter's section: "letter-a", "letter-0-9". */
export const letterAnchor = (letter: string) => `letter-${letter.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** What the live region says after filtering, e.g. "12 of 273 symbols match" or "No term matches". */
export function filterSummary(shown: number, total: number, noun: [singular: string, plural: string], query: string): string {
  if (!query.trim()) return `${total} ${noun[1]}`;
  if (shown === 0) return `No ${noun[0]} matches "${query.trim()}"`;
  return `${shown} of ${total} ${total === 1 ? noun[0] : noun[1]} match${shown === 1 ? 'es' : ''}`;
}
