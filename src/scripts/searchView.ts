// The search UI shared by the Ctrl/Cmd+K dialog and /search/: input, answer cards, results with
// Topic › Page › Section and highlighted excerpts, filters (search page), empty state. Everything the
// reader typed is shown as text (textContent), never as HTML.
import type { ExactMatch } from '../lib/search/analyse.ts';
import { excerptSegments, fromFirstMark, withHighlight } from '../lib/search/excerpt.ts';
import type { PastedOutputMatch } from '../lib/search/pastedOutput.ts';
import { RECORD_KIND, SYMBOL_CARD_ELIXIR_VERSION, recordKindOf, symbolElixirUrl } from '../lib/search/records.ts';
import { BROWSE_LINKS, resultSummary, searchNotice } from '../lib/search/searchSite.ts';
import { el } from './explainers/dom.ts';
import { identifierParts } from '../lib/identifierBreaks.ts';
import { HIGHLIGHT_PARAM } from '../lib/searchMeta.ts';
import { filterCounts, loadEngine, MAX_SECTIONS, runSearch, stripQuery, type Filters, type RecordData, type SearchResults } from './searchEngine.ts';

/** Results shown at first and per "Show more": their data is fetched only when shown. */
const PAGE_SIZE = 5;
/** A single character is a prefix of most words on the site: its results would be noise. */
const MIN_QUERY_CHARS = 2;
/** Short: a warm search takes a few milliseconds, and the budget is 150 ms from keystroke to paint. */
const DEBOUNCE_MS = 40;
export const FILTER_NAMES = ['topic', 'vendor', 'kind'] as const;
const FILTER_LABELS: Record<(typeof FILTER_NAMES)[number], string> = { topic: 'Topic', vendor: 'Vendor', kind: 'Kind' };

export interface SearchViewOptions {
  /** Prefix for element ids (two views never share a page, but ids stay unique anyway). */
  id: string;
  /** Show topic, vendor and kind filters (the search page). */
  withFilters: boolean;
  initialQuery?: string;
  initialFilters?: Filters;
  /** Called after each search with what was searched (the search page keeps the URL in step). */
  onSearch?: (query: string, filters: Filters) => void;
}

export interface SearchView {
  root: HTMLElement;
  input: HTMLInputElement;
  /** Runs a query as if typed. */
  setQuery(query: string): void;
}

const resultLink = (href: string, text: string, kind: 'card' | 'page' | 'section', className?: string): HTMLAnchorElement => {
  const a = el('a', text, className);
  a.href = href;
  a.dataset.searchResult = kind;
  return a;
};

// Characters kept before an excerpt's first highlight: a page's excerpt has two lines, a section's one;
// a phone's line holds about 40, which a section's words before and highlight must share.
const PAGE_CONTEXT_CHARS = 40;
const SECTION_CONTEXT_CHARS = 12;
const PHONE_LINE_CHARS = 40;

function excerptElement(html: string, section = false): HTMLElement {
  const p = el('p', undefined, section ? 'search-excerpt search-excerpt-section' : 'search-excerpt');
  const segments = excerptSegments(html);
  for (const s of section ? fromFirstMark(segments, SECTION_CONTEXT_CHARS, PHONE_LINE_CHARS) : fromFirstMark(segments, PAGE_CONTEXT_CHARS)) {
    if (!s.mark) {
      p.append(document.createTextNode(s.text));
      continue;
    }
    // A highlighted identifier may wrap after its underscores, as inline code on the pages does: whole,
    // a long one moved to a second line that a clamped section excerpt hides.
    const mark = el('mark');
    identifierParts(s.text).forEach((part, i) => mark.append(...(i ? [document.createElement('wbr')] : []), part));
    p.append(mark);
  }
  return p;
}


function answerCard(match: ExactMatch, data: RecordData | undefined, words: string[]): HTMLElement {
  const card = el('article', undefined, 'search-card');
  const meta = data?.meta ?? {};
  const kicker = el('p', undefined, 'search-card-kicker');
  const title = el('h3', undefined, 'search-card-title');
  card.append(kicker, title);
  const links = el('p', undefined, 'search-card-links');
  const addLink = (href: string, text: string, external = false) => {
    if (links.childNodes.length) links.append(' · ');
    const a = resultLink(href, text, 'card');
    if (external) a.rel = 'noopener noreferrer';
    links.append(a);
  };
  if (match.kind === 'term') {
    kicker.textContent = 'Glossary term';
    const target = meta.page_url ?? match.url;
    title.append(resultLink(withHighlight(target, words, HIGHLIGHT_PARAM), match.name, 'card'));
    if (meta.expansion) title.append(el('span', ` ${meta.expansion}`, 'search-card-expansion'));
    if (meta.definition) card.append(el('p', meta.definition));
    if (meta.page_title) card.append(el('p', `Explained in ${meta.page_title}`, 'search-card-where'));
    addLink(match.url, 'Glossary entry');
  } else if (match.kind === 'symbol') {
    kicker.textContent = `Kernel symbol${meta.symbol_kind ? ` · ${meta.symbol_kind}` : ''}`;
    const code = el('code', match.name);
    const a = resultLink(meta.page_url ? withHighlight(meta.page_url, [match.name], HIGHLIGHT_PARAM) : match.url, '', 'card');
    a.append(code);
    title.append(a);
    if (meta.file) card.append(el('p', `Defined in ${meta.file}`, 'search-card-file'));
    if (meta.summary) card.append(el('p', meta.summary));
    if (meta.page_title) card.append(el('p', `Explained in ${meta.page_title}`, 'search-card-where'));
    addLink(match.url, 'Symbol index entry');
    if (meta.proposed_by) card.append(el('p', `Proposed by the ${meta.proposed_by.toUpperCase()} patch; not in any kernel release.`, 'search-card-file'));
    else addLink(symbolElixirUrl(match.name), `Source on Elixir (${SYMBOL_CARD_ELIXIR_VERSION})`, true);
  } else {
    kicker.textContent = `Page${data?.filters.topic?.[0] ? ` · ${data.filters.topic[0]}` : ''}`;
    title.append(resultLink(withHighlight(match.url, words, HIGHLIGHT_PARAM), match.name, 'card'));
    if (meta.summary) card.append(el('p', meta.summary));
  }
  if (links.childNodes.length) card.append(links);
  return card;
}

function pastedCard(match: PastedOutputMatch): HTMLElement {
  const card = el('article', undefined, 'search-card search-card-paste');
  card.append(el('p', 'Recognised kernel output', 'search-card-kicker'));
  const title = el('h3', undefined, 'search-card-title');
  title.append(resultLink(match.explainerUrl, match.label, 'card'));
  card.append(title);
  const links = el('p', undefined, 'search-card-links');
  links.append(resultLink(match.explainerUrl, `Decode it in the ${match.explainerTitle}`, 'card'));
  card.append(links);
  return card;
}

function resultItem(data: RecordData, words: string[]): HTMLElement {
  const li = el('li', undefined, 'search-result');
  const record = recordKindOf(data.filters);
  const crumbs = el('p', undefined, 'search-crumbs');
  const topic = data.filters.topic?.[0];
  crumbs.textContent = [record, topic].filter(Boolean).join(' · ') || 'Page';
  const titleText = data.meta.title ?? data.url;
  const title = resultLink(withHighlight(data.url, words, HIGHLIGHT_PARAM), titleText, 'page', 'search-result-title');
  if (record === RECORD_KIND.symbol) {
    title.textContent = '';
    title.append(el('code', titleText));
  }
  li.append(crumbs, el('h3', undefined, 'search-result-heading'));
  li.lastElementChild!.append(title);
  li.append(excerptElement(data.excerpt));
  const sections = data.sub_results.filter((s) => stripQuery(s.url) !== stripQuery(data.url) && s.url.includes('#')).slice(0, MAX_SECTIONS);
  if (sections.length) {
    const ul = el('ul', undefined, 'search-sections');
    ul.setAttribute('aria-label', `Sections of ${titleText}`);
    for (const s of sections) {
      const item = el('li');
      const link = resultLink(withHighlight(s.url, words, HIGHLIGHT_PARAM), '', 'section');
      link.append(el('span', `${titleText} › `, 'search-section-page'), el('span', s.title));
      item.append(link, excerptElement(s.excerpt, true));
      ul.append(item);
    }
    li.append(ul);
  }
  return li;
}

function browseLinks(): HTMLElement {
  const p = el('p', 'Browse instead: ', 'search-browse');
  BROWSE_LINKS.forEach((l, i) => {
    if (i) p.append(' · ');
    const a = el('a', l.label);
    a.href = l.href;
    p.append(a);
  });
  return p;
}

export function createSearchView(options: SearchViewOptions): SearchView {
  const root = el('div', undefined, 'search-view');
  const form = el('form', undefined, 'search-view-form');
  form.setAttribute('role', 'search');
  form.action = '/search/';
  const label = el('label', 'Search the atlas', 'visually-hidden');
  label.htmlFor = `${options.id}-input`;
  const input = el('input', undefined, 'search-view-input');
  Object.assign(input, { type: 'search', id: `${options.id}-input`, name: 'q', autocomplete: 'off', spellcheck: false, maxLength: 2000 });
  input.placeholder = 'A term, symbol, question or pasted kernel output';
  input.setAttribute('aria-describedby', `${options.id}-status`);
  form.append(label, input);
  root.append(form);

  const selects = new Map<string, HTMLSelectElement>();
  if (options.withFilters) {
    const fieldset = el('fieldset', undefined, 'search-filters');
    fieldset.append(el('legend', 'Filter results', 'visually-hidden'));
    for (const name of FILTER_NAMES) {
      const wrap = el('label', `${FILTER_LABELS[name]} `, 'search-filter');
      const select = el('select');
      select.name = name;
      select.append(new Option('All', ''));
      const initial = options.initialFilters?.[name];
      if (initial) select.append(new Option(initial, initial, true, true));
      wrap.append(select);
      fieldset.append(wrap);
      selects.set(name, select);
      select.addEventListener('change', () => schedule(0));
    }
    root.append(fieldset);
    void filterCounts().then((counts) => {
      for (const [name, select] of selects) {
        const current = select.value;
        select.length = 1;
        for (const [value, n] of Object.entries(counts[name] ?? {}).sort()) select.append(new Option(`${value} (${n})`, value, false, value === current));
        if (current && select.value !== current) select.append(new Option(current, current, true, true));
      }
    });
  }

  const status = el('p', undefined, 'search-status');
  Object.assign(status, { id: `${options.id}-status`, role: 'status' });
  status.setAttribute('aria-live', 'polite');
  const notice = el('p', undefined, 'search-notice');
  notice.hidden = true;
  const cards = el('div', undefined, 'search-cards');
  const list = el('ol', undefined, 'search-results');
  list.setAttribute('aria-label', 'Results');
  const more = el('button', 'Show more results', 'search-more');
  more.type = 'button';
  more.hidden = true;
  const empty = el('div', undefined, 'search-empty');
  empty.hidden = true;
  // Close matches for a misspelling go right under the notice, above whatever the other words found.
  root.append(status, notice, empty, cards, list, more);

  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: { results: SearchResults; shown: number; words: string[]; cardUrls: Set<string>; duplicates: number } | null = null;

  const filters = (): Filters => Object.fromEntries([...selects].map(([k, s]) => [k, s.value]).filter(([, v]) => v));
  const schedule = (delay = DEBOUNCE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };

  async function showMore(focusFirstNew = false) {
    if (!current) return;
    const { results, words, cardUrls } = current;
    const gen = generation;
    const batch = results.ids.slice(current.shown, current.shown + PAGE_SIZE);
    current.shown += batch.length;
    const data = (await Promise.all(batch.map((id) => results.data(id).catch(() => undefined)))).filter((d): d is RecordData => !!d);
    if (gen !== generation) return;
    // A record shown as an answer card is not listed again.
    const fresh = data.filter((d) => !cardUrls.has(stripQuery(d.url)));
    current.duplicates += data.length - fresh.length;
    const items = fresh.map((d) => resultItem(d, words));
    list.append(...items);
    more.hidden = current.shown >= results.ids.length;
    if (focusFirstNew) items[0]?.querySelector<HTMLElement>('[data-search-result]')?.focus();
  }

  async function run() {
    const query = input.value;
    const gen = ++generation;
    const f = filters();
    options.onSearch?.(query, f);
    if (query.trim().length < MIN_QUERY_CHARS) {
      current = null;
      status.textContent = '';
      notice.hidden = true;
      cards.replaceChildren();
      list.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      return;
    }
    let results: SearchResults;
    try {
      results = await runSearch(query, f);
    } catch (error) {
      if (gen !== generation) return;
      status.textContent = `Search could not load: ${(error as Error).message}. Try again, or browse the glossary and topics.`;
      return;
    }
    if (gen !== generation) return;
    const words = results.pasted.length ? results.pasted.flatMap((p) => p.terms.flat()) : results.parsed.tokens.map((t) => t.text);
    // Paint everything at once: cards and the first page of results, their data fetched together.
    const first = results.ids.slice(0, PAGE_SIZE);
    const [answerData] = await Promise.all([
      Promise.all(results.answers.map((a) => results.record(a).catch(() => undefined))),
      Promise.all(first.map((id) => results.data(id).catch(() => undefined))),
    ]);
    if (gen !== generation) return;
    const cardUrls = new Set(results.answers.map((a) => a.url));
    current = { results, shown: 0, words, cardUrls, duplicates: 0 };
    cards.replaceChildren(...results.pasted.map(pastedCard), ...results.answers.map((a, i) => answerCard(a, answerData[i], words)));
    list.replaceChildren();
    await showMore();
    if (gen !== generation) return;
    const text = searchNotice(results);
    notice.textContent = text ?? '';
    notice.hidden = !text;
    const cardCount = results.answers.length + results.pasted.length;
    // Nothing found, or a word the site does not have (often a misspelling): offer close matches.
    const offerAlternatives = results.ids.length + cardCount === 0 || results.unknown.length > 0;
    if (offerAlternatives) await fillEmptyState(results.parsed.text, gen, results.ids.length + cardCount === 0);
    if (gen !== generation) return;
    empty.hidden = !offerAlternatives;
    // Announced last, once everything it describes is on screen.
    status.textContent = resultSummary(cardCount, results.ids.length - current.duplicates, results.parsed.text);
  }

  async function fillEmptyState(query: string, gen: number, nothingFound: boolean) {
    const [{ suggestions }, { vocabulary }] = await Promise.all([import('../lib/search/suggest.ts'), loadEngine()]);
    if (gen !== generation) return;
    const close = suggestions(query, vocabulary.vocabulary);
    if (gen !== generation) return;
    empty.replaceChildren();
    if (close.length) {
      const p = el('p', 'Did you mean: ', 'search-suggestions');
      close.forEach((s, i) => {
        if (i) p.append(', ');
        const a = el('a', s);
        a.href = `/search/?q=${encodeURIComponent(s)}`;
        a.dataset.searchSuggestion = '';
        p.append(a);
      });
      empty.append(p);
    }
    if (nothingFound) empty.append(browseLinks());
  }

  // Keyboard: arrows move between the input and the result links; Enter in the input opens the first.
  const links = () => [...root.querySelectorAll<HTMLAnchorElement>('[data-search-result]')];
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    if (!all.length) return;
    const at = event.target === input ? -1 : all.indexOf(event.target as HTMLAnchorElement);
    if (at === -1 && event.target !== input) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, all.length - 1) : at - 1;
    if (next < 0) input.focus();
    else all[next]!.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    links()[0]?.click();
  });
  input.addEventListener('input', () => schedule());
  more.addEventListener('click', () => void showMore(true));
  empty.addEventListener('click', (event) => {
    const a = (event.target as Element).closest<HTMLAnchorElement>('[data-search-suggestion]');
    if (!a) return;
    event.preventDefault();
    view.setQuery(a.textContent ?? '');
    input.focus();
  });

  const view: SearchView = {
    root,
    input,
    setQuery(query) {
      input.value = query;
      schedule(0);
    },
  };
  if (options.initialQuery) view.setQuery(options.initialQuery);
  return view;
}
