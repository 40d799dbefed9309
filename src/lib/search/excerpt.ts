// Pagefind excerpts are HTML: escaped text with <mark> around matched words. The UI renders them as
// text nodes (never as HTML), so they are split here into plain segments.
import { isStopWord } from './query.ts';

export interface ExcerptSegment {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text as HTML, in element content or a quoted attribute value: the inverse of decodeEntities. */
export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// A call's parentheses ("vmx_alloc_ipiv_pid_table()") count as punctuation after the word too.
const PUNCTUATED = /^([\s("'“‘\[]*)(.*?)([\s.,;:!?()"'”’\]]*)$/su;

/** Text and highlighted segments of an excerpt; any other tag is dropped, citation markers ("[3]", "[1, §29.6]") too. */
export function excerptSegments(html: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let mark = false;
  for (const part of html.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(part)) mark = true;
    else if (/^<\/mark>$/i.test(part)) mark = false;
    else {
      const text = decodeEntities(part.replace(/<[^>]*>/g, '')).replace(/\s*\[\d+(?:, [^\]]{1,40})?\]/g, '');
      // Pagefind marks whole space-separated words, punctuation included ("interrupts." "(bit)"): only
      // the word itself is highlighted.
      const [, before = '', word = '', after = ''] = mark ? (PUNCTUATED.exec(text) ?? []) : [];
      if (word && (before || after)) {
        for (const piece of [{ text: before, mark: false }, { text: word, mark: true }, { text: after, mark: false }]) if (piece.text) segments.push(piece);
      } else if (text) segments.push({ text, mark });
    }
  }
  return withoutLoneFunctionWords(segments);
}

/**
 * A function word marked on its own is noise: Pagefind marks each word of a phrase wherever it occurs,
 * so a search for "not merged" marked every "not". Such a word stays marked only next to another marked
 * word (only spaces between), as part of the phrase. Unmarked neighbours are joined into one segment.
 */
function withoutLoneFunctionWords(segments: ExcerptSegment[]): ExcerptSegment[] {
  const markedAt = (i: number, step: 1 | -1) => {
    const next = segments[i + step];
    if (next?.mark) return true;
    return next !== undefined && /^\s+$/.test(next.text) && segments[i + 2 * step]?.mark === true;
  };
  const out: ExcerptSegment[] = [];
  segments.forEach((s, i) => {
    // Capitals name something: "ON" is the posted-interrupt bit, not the preposition.
    const functionWord = isStopWord(s.text) && !/^[A-Z]{2,}$/.test(s.text);
    const mark = s.mark && (!functionWord || markedAt(i, -1) || markedAt(i, 1));
    const last = out[out.length - 1];
    if (last && !mark && !last.mark) last.text += s.text;
    else out.push({ text: s.text, mark });
  });
  return out;
}

/**
 * The excerpt from the whole words, at most `charsBefore` characters, that precede its first highlight,
 * marked as cut ("…"). A clamped excerpt (two lines for a page, one for a section) showed the words
 * before the highlight and clipped the highlight it was chosen for, on a phone above all; characters,
 * not words, because identifiers ("interrupt_window_interception()") are long and never wrap. For a
 * one-line excerpt, `lineChars` (what its line holds) also bounds the words before and the highlight
 * together: "AVIC. 4. " before a 40-character inhibit name pushed the name onto the hidden second line.
 */
export function fromFirstMark(segments: ExcerptSegment[], charsBefore: number, lineChars = Infinity): ExcerptSegment[] {
  const first = segments.findIndex((s) => s.mark);
  if (first <= 0) return segments;
  const budget = Math.min(charsBefore, Math.max(0, lineChars - segments[first]!.text.length - 1));
  const before = segments.slice(0, first).map((s) => s.text).join('');
  if (before.length <= budget) return segments;
  const words = before.split(/(?<=\s)(?=\S)/);
  let kept = '';
  for (let i = words.length - 1; i >= 0 && kept.length + words[i]!.length <= budget; i--) kept = words[i]! + kept;
  return [{ text: `…${kept}`, mark: false }, ...segments.slice(first)];
}

/**
 * A result link that highlights the query's words on the page it opens (read by Pagefind's highlight
 * script there): any highlight the index added is replaced, and the parameter goes before the #anchor.
 */
export function withHighlight(url: string, words: string[], param: string): string {
  const [beforeHash, hash = ''] = url.split(/#(.*)/s, 2) as [string, string?];
  const [path, search = ''] = beforeHash.split('?', 2) as [string, string?];
  const params = new URLSearchParams(search);
  params.delete(param);
  // One parameter per word: the highlight script reads them with getAll() and marks each.
  for (const word of new Set(words.map((w) => w.trim()).filter(Boolean))) params.append(param, word);
  const qs = params.toString();
  return `${path}${qs ? `?${qs}` : ''}${hash ? `#${hash}` : ''}`;
}
