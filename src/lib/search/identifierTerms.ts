// Kernel identifiers, the words with "_" ("kvm_set_apicv_inhibit"), are indexed under a leading mark
// ("~kvm_set_apicv_inhibit": pagefindIndexChunks.ts), and the query layer searches them so
// (searchEngine.ts). Pagefind matches each term by prefix among all the words it has loaded: unmarked,
// the acronym "kvm" would also match every "kvm_" identifier, but only once some search had loaded
// their chunks, so results would depend on earlier searches, or every search for "kvm" would have to
// load 5 KiB of identifiers first. Marked, a term without "_" never reaches an identifier (an acronym
// is a whole word here, analyse.ts), and one with "_" only reaches identifiers.

/** Sorts after the letters and digits, and survives Pagefind's query normalisation (a math symbol). */
export const IDENTIFIER_MARK = '~';

/** The index form of a word (already lower case and stemmed, as Pagefind indexed it). */
export const markIdentifier = (word: string) => (word.includes('_') ? `${IDENTIFIER_MARK}${word}` : word);

/** A Pagefind query with each term that contains "_" marked, inside quotes too. */
export const markIdentifierTerms = (query: string) => query.replace(/(^|[\s"])(?=[^\s"]*_)/gu, `$1${IDENTIFIER_MARK}`);

/**
 * The words an identifier's term cannot be shorter than: the mark and everything up to its first "_"
 * ("~kvm_"), since a term is marked only when it contains "_". Undefined for a word without the mark.
 */
export function identifierGroup(word: string): string | undefined {
  if (!word.startsWith(IDENTIFIER_MARK)) return undefined;
  const underscore = word.indexOf('_', IDENTIFIER_MARK.length);
  return underscore < 0 ? undefined : word.slice(0, underscore + 1);
}
