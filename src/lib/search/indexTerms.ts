// Words the index holds in a marked form, and queries in the same form. Pagefind matches each term by
// prefix among all the words it has loaded, so a search for a short word drags in every longer word it
// begins, and matches them only once some search has loaded their chunks. Two kinds of words are
// therefore indexed under a mark (pagefindIndexChunks.ts) and searched so (searchEngine.ts):
//   - kernel identifiers, the words with "_": "~kvm_set_apicv_inhibit". A term without "_" never reaches
//     an identifier ("kvm" no longer loads 5 KiB of "kvm_" names, or matches them only after a search
//     for one), and a term with "_" reaches only identifiers;
//   - the glossary's acronyms, as whole words: "^apic^", with what followed the acronym kept after the
//     closing mark ("^tpr^s" for "TPRs", "^apic^’s" for "APIC’s"). A search for APIC matches those and
//     no longer "apicv" or "apicaccess" (acronyms are whole words, analyse.ts), and loads the postings
//     of "apic" alone instead of a 10 KiB family of words that begin with "apic".
// Both marks are symbols, which Pagefind's query normalisation keeps, and sort apart from the letters.

/**
 * Words sharing this many leading characters stay in one index chunk (identifiers and acronyms: see
 * familyOf in pagefindIndexChunks.ts), so a term at least this long finds all its prefix matches in the
 * one chunk a search for it loads; a shorter one ("vm") also matches words of other chunks ("vmx",
 * "vmcs") if an earlier search loaded them.
 */
export const PREFIX_FAMILY = 3;

export const IDENTIFIER_MARK = '~';
export const ACRONYM_MARK = '^';

// What Pagefind's query normalisation removes (pagefind.js 1.6: dashes, brackets, quotes and other
// punctuation), so a term is compared with the acronyms as the engine would see it.
const QUERY_PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

const markAcronym = (acronym: string, rest = '') => `${ACRONYM_MARK}${acronym}${ACRONYM_MARK}${rest}`;

/**
 * The index form of a word as Pagefind indexed it (lower case, stemmed): an identifier marked; one of
 * `acronyms`, or one followed by "s" or by punctuation Pagefind keeps in words ("’s", "”"), marked
 * with the rest after it; any other word as it is.
 */
export function indexWord(word: string, acronyms: ReadonlySet<string>): string {
  if (word.includes('_')) return `${IDENTIFIER_MARK}${word}`;
  const [, letters = '', rest = ''] = /^([\p{L}\p{N}]*)(.*)$/u.exec(word) ?? [];
  if (acronyms.has(letters)) return markAcronym(letters, rest);
  if (letters.endsWith('s') && acronyms.has(letters.slice(0, -1))) return markAcronym(letters.slice(0, -1), `s${rest}`);
  return word;
}

/**
 * A query in index form: each term with "_" marked as an identifier, and each term that names one of
 * `acronyms` (the index's acronyms by the names readers type: "isrunning" -> "isrun", the word Pagefind
 * stemmed it to), as typed or as a plural or possessive ("APICs", "apic’s"), replaced by the marked
 * acronym, which finds those forms by prefix. Quotes stay where they were.
 */
export function indexQuery(query: string, acronyms: ReadonlyMap<string, string>): string {
  return query.replace(/[^\s"]+/gu, (term) => indexTerm(term, acronyms));
}

/** One query term in index form (indexQuery); a term it returns unchanged is searched unmarked. */
export function indexTerm(term: string, acronyms: ReadonlyMap<string, string>): string {
  if (term.includes('_')) return `${IDENTIFIER_MARK}${term}`;
  const key = term.toLowerCase().replace(QUERY_PUNCTUATION, '');
  const acronym = acronyms.get(key) ?? acronyms.get(key.replace(/s$/, ''));
  return acronym ? markAcronym(acronym) : term;
}

/**
 * The words an identifier's term cannot be shorter than: the mark and everything up to its first "_"
 * ("~kvm_"), since a term is marked only when it contains "_". Undefined for a word without the mark.
 */
export function identifierGroup(word: string): string | undefined {
  if (!word.startsWith(IDENTIFIER_MARK)) return undefined;
  const underscore = word.indexOf('_', IDENTIFIER_MARK.length);
  return underscore < 0 ? undefined : word.slice(0, underscore + 1);
}

/** The marked acronym an index word is a form of ("^tpr^" for "^tpr^s"), or undefined. */
export function acronymOf(word: string): string | undefined {
  if (!word.startsWith(ACRONYM_MARK)) return undefined;
  const end = word.indexOf(ACRONYM_MARK, ACRONYM_MARK.length);
  return end < 0 ? undefined : word.slice(0, end + 1);
}
