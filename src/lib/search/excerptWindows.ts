// Excerpts of long pages without their whole text. Pagefind's record data (a "fragment") holds a page's
// entire text, 4-10 KiB gzip for a long page, and the search UI fetches one per result shown, though it
// shows about 30 words of it and up to three section excerpts. A long page's text is therefore also cut
// into windows of WINDOW_WORDS words, with a small index (title, summary, filters, headings, and the first
// window inline), and a result fetches that index and only the other windows its excerpts fall in.
//
// The excerpts are those Pagefind's own data() builds (pagefind.js 1.6: calculate_excerpt_region,
// build_excerpt, calculate_sub_results, re-implemented here), with two differences: Pagefind weighs each
// matched word by a score its search result does not expose, so here every match counts the same; and an
// excerpt starts a few words before its first match rather than centring it (excerptStart).
import { escapeHtml } from './excerpt.ts';

/** Where the excerpt files are served: <id>.json (the excerpt index) and <id>/<n>.json (window n). */
export const EXCERPTS_PATH = '/search/excerpts/';
/** Words per window: an excerpt of 30 words spans one or two. Smaller windows fetch fewer words that
 *  no excerpt shows, in more files. */
export const WINDOW_WORDS = 40;
/** Pages with fewer words keep Pagefind's fragment, small enough, as their only data. */
export const MIN_WINDOWED_WORDS = 300;
/** Words in an excerpt: Pagefind's default excerptLength. */
export const EXCERPT_WORDS = 30;
/** Words an excerpt shows before its first match. */
export const LEAD_WORDS = 4;

// Pagefind splits a page's text into excerpt words at whitespace (pagefind.js word_separators); word
// positions in its search results count these words.
const WORD_SEPARATORS = /[^\S\uFEFF]+/g;

/** The parts of a Pagefind 1.6 fragment this file reads. */
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { element: string; id: string; text?: string; title?: string; location: number }[];
}

/** What a windowed page's results need besides its windows. */
export interface ExcerptIndex {
  url: string;
  meta: { title: string; summary?: string };
  /** The topic only: what a result shows. */
  filters: { topic?: string[] };
  /** Headings that start a section (Pagefind's sub-results): [word position, id, title], in order. */
  sections: [number, string, string][];
  /** Words in the page's text. */
  words: number;
  /**
   * Window 0, encoded like the others but inline: the page's excerpt is nearly always there (title and
   * summary), which the index repeats anyway, so inline it costs about 20 bytes and saves a request of
   * about 170. Windows from 1 on are files.
   */
  opening: string;
}

/**
 * A window as served: its words joined by single spaces, as one JSON string (a JSON array of words
 * would cost a quote pair and a comma per word). Words hold no whitespace, so splitting restores them.
 */
export const encodeWindow = (words: readonly string[]) => words.join(' ');
export const decodeWindow = (text: string) => text.split(' ');

/** Cuts a page's fragment into its excerpt index and windows of WINDOW_WORDS words. */
export function windowFragment(fragment: PagefindFragment): { index: ExcerptIndex; windows: string[][] } {
  // Pagefind separates the words of scripts without spaces with U+200B; this site has none, and the
  // windows assume whitespace-separated words.
  if (fragment.content.includes('\u200B')) throw new Error(`search excerpts: ${fragment.url}: the text has zero-width spaces`);
  const words = fragment.content.split(WORD_SEPARATORS);
  const windows: string[][] = [];
  for (let i = 0; i < words.length; i += WINDOW_WORDS) windows.push(words.slice(i, i + WINDOW_WORDS));
  // Pagefind's sub-results start at headings with text (or an anchor with a title).
  const sections = fragment.anchors
    .filter((a) => (a.title && /\S/.test(a.title)) || (/h\d/i.test(a.element) && a.text && /\S/.test(a.text)))
    .sort((a, b) => a.location - b.location)
    .map((a): [number, string, string] => [a.location, a.id, a.title || a.text || '']);
  const { title = fragment.url, summary } = fragment.meta;
  // A result names its topic (Topic › Page › Section); the other filters are the engine's business.
  const filters = fragment.filters.topic ? { topic: fragment.filters.topic } : {};
  return { index: { url: fragment.url, meta: summary ? { title, summary } : { title }, filters, sections, words: words.length, opening: encodeWindow(windows[0] ?? []) }, windows };
}

/** A run of words to show, with the positions of matched words in it. */
export interface ExcerptSpan {
  start: number;
  length: number;
  matches: number[];
}
export interface SectionSpan extends ExcerptSpan {
  id: string;
  title: string;
}

/** The start of the EXCERPT_WORDS-word run with the most matches (the middle one of tied neighbours). */
function densestStart(matches: readonly number[], length: number): number {
  if (!matches.length) return 0;
  const end = Math.max(...matches) + 1;
  if (end <= length) return 0;
  const counts = new Array<number>(end + length).fill(0);
  for (const m of matches) counts[m]! += 1;
  let sum = counts.slice(0, length).reduce((a, b) => a + b, 0);
  let best = sum;
  let bestAt = [0];
  for (let i = 0; i < end; i++) {
    sum += counts[i + length]! - counts[i]!;
    if (sum > best) {
      best = sum;
      bestAt = [i];
    } else if (sum === best && bestAt[bestAt.length - 1] === i - 1) bestAt.push(i);
  }
  return bestAt[Math.floor(bestAt.length / 2)]!;
}

/**
 * Where an excerpt over `matches` (positions from `from` on) starts: on the densest run, moved on to
 * LEAD_WORDS before that run's first match. Pagefind centres the run instead; the UI shows a section
 * excerpt on one line, whose end is cut off, so a centred match was often not shown.
 */
function excerptStart(matches: readonly number[], from: number): number {
  const start = from + densestStart(matches.map((m) => m - from), EXCERPT_WORDS);
  const first = matches.find((m) => m >= start) ?? start;
  return Math.max(start, first - LEAD_WORDS);
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A span of up to EXCERPT_WORDS words from `start`, cut short at `to` (a section's end), as Pagefind cuts it. */
const spanFrom = (start: number, to: number) => ({ start, length: Math.max(0, Math.min(EXCERPT_WORDS, to - start)) });

/**
 * Where a result's excerpts are: the page's excerpt (from its title and summary, or else its
 * introduction, when they have a match; else the densest run of matches), and one per section holding
 * matches (up to `maxSections`, in page order; a section ends where the next heading starts).
 */
export function excerptSpans(index: ExcerptIndex, positions: readonly number[], maxSections: number): { page: ExcerptSpan; sections: SectionSpan[] } {
  const matches = [...new Set(positions)].filter((p) => p >= 0 && p < index.words).sort((a, b) => a - b);
  // The page's excerpt is what the page says about itself when that mentions the query: its title and
  // summary (the text starts with them), else its introduction (the words before the first heading),
  // else the densest run of matches, which on a long page may be a list of links to other pages.
  // Sections show the rest.
  const head = countWords(index.meta.title) + countWords(index.meta.summary ?? '');
  const lead = matches.filter((m) => m < (index.sections[0]?.[0] ?? index.words));
  const start = matches[0]! < head ? 0 : excerptStart(lead.length ? lead : matches, 0);
  const page = { ...spanFrom(start, index.words), matches };
  const sections: SectionSpan[] = [];
  for (let i = 0; i < index.sections.length && sections.length < maxSections; i++) {
    const [from, id, title] = index.sections[i]!;
    const to = index.sections[i + 1]?.[0] ?? index.words;
    const inside = matches.filter((m) => m >= from && m < to);
    if (!inside.length) continue;
    sections.push({ id, title, matches: inside, ...spanFrom(excerptStart(inside, from), to) });
  }
  return { page, sections };
}

/** The windows that hold the words of `spans` (window 0 included: the index holds it). */
export function windowsFor(spans: readonly ExcerptSpan[]): number[] {
  const needed = new Set<number>();
  for (const { start, length } of spans) {
    for (let w = Math.floor(start / WINDOW_WORDS); w <= Math.floor((start + Math.max(length, 1) - 1) / WINDOW_WORDS); w++) needed.add(w);
  }
  return [...needed].sort((a, b) => a - b);
}

/**
 * An excerpt as Pagefind writes one: escaped text, matched words in <mark>. `word(i)` gives the i-th
 * word of the page from the fetched windows.
 */
export function excerptHtml(span: ExcerptSpan, word: (position: number) => string | undefined): string {
  const marked = new Set(span.matches);
  const out: string[] = [];
  for (let i = span.start; i < span.start + span.length; i++) {
    const w = word(i);
    if (w === undefined) continue;
    out.push(marked.has(i) ? `<mark>${escapeHtml(w)}</mark>` : escapeHtml(w));
  }
  return out.join(' ').trim();
}
