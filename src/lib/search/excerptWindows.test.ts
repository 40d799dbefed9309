import { describe, expect, it } from 'vitest';
import { EXCERPT_WORDS, LEAD_WORDS, WINDOW_WORDS, decodeWindow, encodeWindow, excerptHtml, excerptSpans, windowFragment, windowsFor, type PagefindFragment } from './excerptWindows.ts';

// 200 words "w0".."w199"; sections start at words 50 (Alpha) and 120 (Beta).
const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
const fragment = (content = words.join(' ')): PagefindFragment => ({
  url: '/apicv/example/',
  content,
  meta: { title: 'Example', summary: 'A page.', image: 'x.png' },
  filters: { topic: ['APICv'], vendor: ['Intel'], kind: ['Hardware'] },
  anchors: [
    { element: 'h2', id: 'beta', text: 'Beta', location: 120 },
    { element: 'h2', id: 'alpha', text: 'Alpha', location: 50 },
    { element: 'p', id: 'figure-1', text: 'A figure', location: 80 },
    { element: 'h3', id: 'blank', text: ' ', location: 90 },
  ],
});
const { index, windows } = windowFragment(fragment());
const word = (i: number) => windows[Math.floor(i / WINDOW_WORDS)]?.[i % WINDOW_WORDS];

describe('windowFragment', () => {
  it('cuts the text into windows of WINDOW_WORDS words, as Pagefind counts words', () => {
    expect(windows.map((w) => w.length)).toEqual([...Array.from({ length: Math.floor(200 / WINDOW_WORDS) }, () => WINDOW_WORDS), 200 % WINDOW_WORDS].filter(Boolean));
    expect(windows.flat()).toEqual(words);
    expect(windowFragment(fragment('a  b\n\tc')).windows).toEqual([['a', 'b', 'c']]);
  });

  it('serves a window as one string that splits back into the same words', () => {
    for (const w of [...windows, ['', 'a', 'b'], ['x']]) expect(decodeWindow(encodeWindow(w))).toEqual(w);
  });

  it('keeps the title, summary, topic (what a result shows), the headings that start sections, in page order, and the first window', () => {
    expect(index).toEqual({
      url: '/apicv/example/',
      meta: { title: 'Example', summary: 'A page.' },
      filters: { topic: ['APICv'] },
      sections: [[50, 'alpha', 'Alpha'], [120, 'beta', 'Beta']],
      words: 200,
      opening: encodeWindow(windows[0]!),
    });
    expect(decodeWindow(index.opening)).toEqual(words.slice(0, WINDOW_WORDS));
  });

  it('refuses text whose words are separated by zero-width spaces', () => {
    expect(() => windowFragment(fragment('a\u200Bb'))).toThrow(/\/apicv\/example\/.*zero-width/);
  });
});

describe('excerptSpans', () => {
  it('puts the page excerpt on the densest run of matches when the introduction has none', () => {
    const { page } = excerptSpans(index, [60, 150, 152, 160], 3);
    expect(page.length).toBe(EXCERPT_WORDS);
    expect(page.start).toBeLessThanOrEqual(150);
    expect(page.start + page.length).toBeGreaterThan(160);
    expect(page.matches).toEqual([60, 150, 152, 160]);
  });

  it('takes the page excerpt from the title and summary, or else the introduction, when they have a match', () => {
    // The fixture's title and summary are its first three words ("Example", "A page.").
    const { page, sections } = excerptSpans(index, [2, 30, 150, 152, 160], 3);
    expect(page).toMatchObject({ start: 0, length: EXCERPT_WORDS });
    expect(sections.map((s) => s.id)).toEqual(['beta']);
    // One match in the introduction (before the first heading) outweighs a denser run further down.
    expect(excerptSpans(index, [30, 150, 152, 160], 3).page).toMatchObject({ start: 30 - LEAD_WORDS, length: EXCERPT_WORDS });
  });

  it('starts LEAD_WORDS before the first match of the densest run, cut short at the end of the text', () => {
    expect(excerptSpans(index, [3, 20], 3).page).toMatchObject({ start: 0, length: EXCERPT_WORDS });
    expect(excerptSpans(index, [100], 3).page).toMatchObject({ start: 100 - LEAD_WORDS, length: EXCERPT_WORDS });
    expect(excerptSpans(index, [60, 118], 3).sections[0]).toMatchObject({ start: 60 - LEAD_WORDS });
    expect(excerptSpans(index, [199], 3).page).toMatchObject({ start: 199 - LEAD_WORDS, length: LEAD_WORDS + 1 });
  });

  it('gives each section with matches an excerpt inside the section, in page order, up to the limit', () => {
    const { sections } = excerptSpans(index, [10, 60, 118, 130], 3);
    expect(sections.map((s) => [s.id, s.title, s.matches])).toEqual([
      ['alpha', 'Alpha', [60, 118]],
      ['beta', 'Beta', [130]],
    ]);
    // Alpha is words 50-119: its excerpt ends at Beta's heading.
    expect(excerptSpans(index, [117], 3).sections[0]).toMatchObject({ start: 117 - LEAD_WORDS, length: 120 - 117 + LEAD_WORDS });
    const [alpha] = sections;
    expect(alpha!.start).toBeGreaterThanOrEqual(50);
    expect(alpha!.start + alpha!.length).toBeLessThanOrEqual(120);
    expect(excerptSpans(index, [60, 130], 1).sections.map((s) => s.id)).toEqual(['alpha']);
  });

  it('ignores positions outside the text and repeats', () => {
    expect(excerptSpans(index, [-1, 7, 7, 500], 3).page.matches).toEqual([7]);
  });
});

describe('windowsFor and excerptHtml', () => {
  it('fetches every window a span touches and no other', () => {
    const w = WINDOW_WORDS;
    expect(windowsFor([{ start: w - 10, length: 30, matches: [] }])).toEqual([0, 1]);
    expect(windowsFor([{ start: 0, length: 5, matches: [] }, { start: 2 * w, length: 5, matches: [] }])).toEqual([0, 2]);
  });

  it('writes the excerpt from the windows as Pagefind does: escaped text, matches in <mark>', () => {
    const text = windowFragment(fragment(`${words.slice(0, 60).join(' ')} a<b>&c ${words.slice(61).join(' ')}`));
    const get = (i: number) => text.windows[Math.floor(i / WINDOW_WORDS)]?.[i % WINDOW_WORDS];
    expect(excerptHtml({ start: 58, length: 4, matches: [59, 60] }, get)).toBe('w58 <mark>w59</mark> <mark>a&lt;b&gt;&amp;c</mark> w61');
  });

  it('gives the same words as the whole text would', () => {
    const { page, sections } = excerptSpans(index, [40, 70, 75, 140], 3);
    for (const span of [page, ...sections]) {
      expect(excerptHtml(span, word).replace(/<\/?mark>/g, '')).toBe(words.slice(span.start, span.start + span.length).join(' '));
    }
  });
});
