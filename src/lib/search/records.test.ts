import { describe, expect, it } from 'vitest';
import { buildLinkGraph } from '../linkGraph.ts';
import { loadSite } from '../site.ts';
import { fixtureWith, GOOD_FIXTURE } from '../testFixture.ts';
import { searchAcronyms } from '../searchMeta.ts';
import { htmlForIndex, pageIndexFields, RECORD_KIND, recordKindOf, searchRecords, symbolElixirUrl } from './records.ts';
import { buildVocabulary, indexVocabulary } from './vocabulary.ts';

describe('search records', () => {
  const { site } = loadSite(GOOD_FIXTURE);
  const records = searchRecords(site, buildLinkGraph(site));

  it('gives each glossary term a record of its own, at its glossary entry, with what its answer card shows', () => {
    const term = records.find((r) => recordKindOf(r.filters) === RECORD_KIND.term)!;
    expect(term).toMatchObject({
      url: '/glossary/#xyz',
      meta: { title: 'XYZ', expansion: 'Ex why zed', page_url: '/apic/#overview' },
      filters: { kind: [RECORD_KIND.term], topic: ['Local APIC'] },
    });
    expect(term.content).toContain('A fixture term');
  });

  it('leaves out of the indexed meta what a card works out itself: kind and topic (filters), the Elixir link (the name)', () => {
    // Pagefind indexes every meta field's words: an Elixir URL there put "elixir" on every symbol record.
    for (const r of records) {
      for (const field of ['record', 'topic', 'elixir']) expect(r.meta, r.url).not.toHaveProperty(field);
      expect(Object.values(r.meta).join(' '), r.url).not.toMatch(/https?:/);
    }
    expect(recordKindOf(records.find((r) => r.url === '/symbols/#do_thing')!.filters)).toBe(RECORD_KIND.symbol);
    expect(recordKindOf({ kind: ['Walkthrough'] })).toBeUndefined();
    expect(symbolElixirUrl('do_thing')).toContain('/v6.12/A/ident/do_thing');
  });

  it('gives each kernel symbol a record at its symbol-index entry, naming its file and the page that discusses it', () => {
    const symbol = records.find((r) => recordKindOf(r.filters) === RECORD_KIND.symbol)!;
    expect(symbol.url).toBe('/symbols/#do_thing');
    expect(symbol.meta).toMatchObject({ title: 'do_thing', file: expect.stringMatching(/\.[ch]$/) });
    expect(symbol.meta.page_url).toMatch(/^\/apic/);
  });

  it('names as "explained in" the page that names the symbol most, in cross-links and inline code', () => {
    // Both pages cross-link do_thing once; apicv/ also names it in its prose, so it wins the tie that
    // page ids would otherwise break ("apic" before "apicv").
    const dir = fixtureWith({ 'docs/apicv/index.mdx': (t) => `${t}\nSee [[sym:do_thing]]: \`do_thing()\` runs first, then \`do_thing\` again.\n` });
    const { site: changed } = loadSite(dir);
    const symbol = searchRecords(changed, buildLinkGraph(changed)).find((r) => recordKindOf(r.filters) === RECORD_KIND.symbol)!;
    expect(symbol.meta.page_url).toBe('/apicv/');
    expect(symbol.meta.page_url).not.toBe(searchRecords(site, buildLinkGraph(site)).find((r) => recordKindOf(r.filters) === RECORD_KIND.symbol)!.meta.page_url);
  });

  it("names the symbol's own page: when it has one, with its anchor, whichever page names it most", () => {
    const dir = fixtureWith({
      'docs/apicv/index.mdx': (t) => `${t}\nSee [[sym:do_thing]]: \`do_thing()\` runs first, then \`do_thing\` again.\n`,
      'symbols/do_thing.yaml': (t) => `${t}page: apic#overview\n`,
    });
    const { site: changed, errors } = loadSite(dir);
    expect(errors).toEqual([]);
    const symbol = searchRecords(changed, buildLinkGraph(changed)).find((r) => recordKindOf(r.filters) === RECORD_KIND.symbol)!;
    expect(symbol.meta).toMatchObject({ page_url: '/apic/#overview', page_title: changed.pages.get('apic')!.data.title });
    expect(symbol.filters.topic).toEqual(['Local APIC']);
  });
});

describe('htmlForIndex', () => {
  it('removes citation markers and separates table cells', () => {
    const html = '<p>Set by the CPU<a href="#cite-1" class="cite" data-cite="sdm">[1, §29.6]</a>.</p><table><tr><th>Bits</th><th>Field</th></tr></table>';
    const text = htmlForIndex(html).replace(/<[^>]+>/g, '');
    expect(text).toBe('Set by the CPU.Bits Field  ');
  });

  it('removes the space before a citation marker with it, so no punctuation is left standing alone', () => {
    const cite = (n: number) => `<a href="#source-${n}" class="cite" id="cite-${n}">[${n}]</a>`;
    const html = `<p>in guest mode ${cite(1)} ${cite(3)}, and otherwise ${cite(4)}. Next</p>`;
    expect(htmlForIndex(html).replace(/<[^>]+>/g, '')).toBe('in guest mode, and otherwise. Next');
  });

  it("adds the page's filters and weighted meta inside its indexed body, escaped", () => {
    const { site } = loadSite(GOOD_FIXTURE);
    const page = site.pages.get('apic')!;
    const fields = pageIndexFields(site, searchAcronyms(site), page);
    expect(fields.filters).toEqual({ topic: 'Local APIC', vendor: expect.any(String), kind: expect.any(String) });
    expect(fields.meta.summary).toBe(page.data.summary);
    const html = htmlForIndex('<body><nav>menu</nav><article class="doc" data-pagefind-body><h1>T</h1></article></body>', { filters: { topic: 'A "B" & C', vendor: 'V', kind: 'K' }, meta: { summary: 'x<y' } });
    expect(html).toBe('<body><nav>menu</nav><article class="doc" data-pagefind-body><span hidden data-pagefind-filter="topic:A &quot;B&quot; &amp; C"></span><span hidden data-pagefind-filter="vendor:V"></span><span hidden data-pagefind-filter="kind:K"></span><span hidden data-pagefind-meta="summary:x&lt;y"></span><h1>T</h1></article></body>');
  });

  it('fails when a page meant to carry index fields has no indexed body', () => {
    expect(() => htmlForIndex('<main>no body marker</main>', { filters: { topic: 'T', vendor: 'V', kind: 'K' }, meta: {} })).toThrow(/data-pagefind-body/);
  });
});

describe('search vocabulary', () => {
  const site = (synonyms = '- same: [lost interrupt, missed interrupt]\n') => loadSite(fixtureWith({ 'synonyms.yaml': synonyms })).site;
  // Every record of the fixture, as the built index would name them.
  const recordIds = (s: ReturnType<typeof site>) =>
    new Map<string, string>([...searchRecords(s, buildLinkGraph(s)).map((r, i) => [r.url, `rec${i}`] as const), ...[...s.pages.values()].map((p) => [p.url, `page:${p.id}`] as const)]);

  it('lists terms, symbols, pages and synonym groups from content/synonyms.yaml and the glossary, each term and page with its record id', () => {
    const s = site();
    const v = buildVocabulary(s, recordIds(s), new Set(), new Map([['xyz', 'xyz']]));
    // The URL is left out: it is the anchor the name gives, which indexVocabulary puts back.
    expect(v.terms).toEqual([{ term: 'XYZ', expansion: 'Ex why zed', aliases: ['ex why zed'], page: '/apic/', id: 'rec0' }]);
    expect(indexVocabulary(v).vocabulary.terms[0]!.url).toBe('/glossary/#xyz');
    expect(v.symbols).toEqual(['do_thing']);
    expect(v.pages.find((p) => p.url === '/apic/')).toMatchObject({ id: 'page:apic' });
    expect(v.synonyms).toEqual([['lost interrupt', 'missed interrupt']]);
    // Each term with its names is a synonym group too, derived from the terms rather than shipped twice.
    expect(indexVocabulary(v).synonymGroups.get('ex why zed')).toEqual([['XYZ', 'Ex why zed', 'ex why zed']]);
  });

  it("serves a term's URL where the site's anchor for it is not its name in lower case, hyphenated", () => {
    // github-slugger drops the dot ("xy-z.1" -> "xy-z1"); the plain rule would give "xy-z-1".
    const s = loadSite(fixtureWith({ 'glossary/xyz.yaml': (text) => text.replace(/^term: .*$/m, 'term: XY-Z.1') })).site;
    const v = buildVocabulary(s, recordIds(s), new Set(), new Map());
    expect(v.terms[0]).toMatchObject({ term: 'XY-Z.1', url: '/glossary/#xy-z1' });
    expect(indexVocabulary(v).vocabulary.terms[0]!.url).toBe('/glossary/#xy-z1');
  });

  it("names only the acronyms whose index word differs from their name, or that the index lacks", () => {
    const s = site();
    expect(buildVocabulary(s, recordIds(s), new Set(), new Map([['xyz', 'xyz']])).indexAcronyms).toEqual({});
    expect(buildVocabulary(s, recordIds(s), new Set(), new Map([['xyz', 'xy']])).indexAcronyms).toEqual({ xyz: 'xy' });
    const lacking = buildVocabulary(s, recordIds(s), new Set(), new Map());
    expect(lacking.indexAcronyms).toEqual({ xyz: '' });
    expect(indexVocabulary(lacking).indexAcronyms.size).toBe(0);
  });

  it('fails the build naming every name the index has no record for', () => {
    const s = site();
    const ids = recordIds(s);
    ids.delete('/symbols/#do_thing');
    ids.delete('/apic/');
    expect(() => buildVocabulary(s, ids, new Set(), new Map())).toThrow('search vocabulary: no search record for /symbols/#do_thing, /apic/');
  });
});

describe('content/synonyms.yaml check', () => {
  const errorsFor = (yaml: string) => loadSite(fixtureWith({ 'synonyms.yaml': yaml })).errors.map((e) => `${e.file.split('/').at(-1)}:${e.line}: ${e.detail}`);

  it('accepts groups of two or more phrases', () => {
    expect(errorsFor('- same: [rejected, not merged]\n  note: what happened upstream\n')).toEqual([]);
  });

  it('names the file and line of a bad entry', () => {
    expect(errorsFor('- same: [rejected]\n')).toEqual(['synonyms.yaml:1: field "0.same": list at least two words or phrases']);
    expect(errorsFor('- same: [a b, c d]\n- same: [e f, A B]\n')).toEqual(['synonyms.yaml:2: "A B" is already in the group at line 1; merge the two groups']);
    expect(errorsFor('- sme: [x y, z w]\n')).toContain('synonyms.yaml:1: field "0": unknown field(s) "sme"');
  });
});
