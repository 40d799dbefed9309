import { describe, expect, it } from 'vitest';
import { loadSite } from './site.ts';
import { fixtureWith, GOOD_FIXTURE } from './testFixture.ts';

/** Loads a fixture and returns its errors as "file-relative-to-fixture:line: detail". */
function errorsOf(dir: string): string[] {
  return loadSite(dir, dir).errors.map((e) => `${e.file}:${e.line}: ${e.detail}`);
}

describe('loadSite on good content', () => {
  it('loads pages, terms, symbols and sources with no errors', () => {
    const { site, errors } = loadSite(GOOD_FIXTURE);
    expect(errors).toEqual([]);
    expect([...site.pages.keys()].sort()).toEqual(['apic', 'apic/child', 'apicv']);
    expect(site.pages.get('apic')!.url).toBe('/apic/');
    expect(site.terms.get('xyz')!.anchor).toBe('xyz');
    expect(site.symbols.has('do_thing')).toBe(true);
    expect(site.sources.get('src-one')!.data.date).toBe('2026-01-01');
  });

  it('reads reading-path steps written as a page id or as a page with a note', () => {
    const dir = fixtureWith({ 'paths.yaml': (t) => t.replace('pages: [apic, apic/child, apicv]', 'pages:\n    - apic\n    - page: apicv\n      note: the next layer up') });
    const { site, errors } = loadSite(dir, dir);
    expect(errors).toEqual([]);
    expect(site.paths[0]).toMatchObject({ pages: ['apic', 'apicv'], notes: { apicv: 'the next layer up' } });
  });

  it('ignores [[...]] inside code', () => {
    const { site } = loadSite(GOOD_FIXTURE);
    expect(site.pages.get('apic/child')!.links.map((l) => l.raw)).toEqual(['[[apic]]']);
  });
});

describe('bad content fails with file and line', () => {
  it('names an unknown page', () => {
    const dir = fixtureWith({ 'docs/apic/child.mdx': (t) => t.replace('[[apic]]', '[[apic/missing]]') });
    expect(errorsOf(dir)).toEqual(['docs/apic/child.mdx:12: [[apic/missing]]: unknown page "apic/missing"']);
  });

  it('names an unknown anchor and lists the known ones', () => {
    const dir = fixtureWith({ 'docs/apic/index.mdx': (t) => t.replace('#second-part|', '#third-part|') });
    expect(errorsOf(dir)).toEqual([
      'docs/apic/index.mdx:12: [[apic/child#third-part|the second part]]: unknown anchor "#third-part" on page "apic/child" (headings: second-part)',
    ]);
  });

  it('names an unknown term, symbol and source on their lines', () => {
    const dir = fixtureWith({
      'docs/apic/child.mdx': (t) => `${t}\nSee [[term:NOPE]].\n\nAnd [[sym:no_such_fn]] and [[cite:no-such-source]].\n`,
    });
    expect(errorsOf(dir)).toEqual([
      'docs/apic/child.mdx:18: [[term:NOPE]]: unknown glossary term "NOPE"',
      'docs/apic/child.mdx:20: [[sym:no_such_fn]]: unknown kernel symbol "no_such_fn" (add content/symbols/no_such_fn.yaml)',
      'docs/apic/child.mdx:20: [[cite:no-such-source]]: unknown source id "no-such-source" (no content/sources/no-such-source.yaml)',
    ]);
  });

  it('names an unknown source id in frontmatter on its list line', () => {
    const dir = fixtureWith({ 'docs/apicv/index.mdx': (t) => t.replace('sources: [src-two]', 'sources:\n  - src-two\n  - src-nine') });
    expect(errorsOf(dir)).toEqual(['docs/apicv/index.mdx:9: unknown source id "src-nine" (no content/sources/src-nine.yaml)']);
  });

  it('rejects a missing field and a wrong enum value', () => {
    const dir = fixtureWith({
      'docs/apic/child.mdx': (t) => t.replace('vendor: intel\n', 'vendor: via\n').replace(/^summary: .*\n/m, ''),
    });
    const errors = errorsOf(dir);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^docs\/apic\/child\.mdx:2: field "summary": /);
    expect(errors[1]).toMatch(/^docs\/apic\/child\.mdx:4: field "vendor": .*"intel"/);
  });

  it('rejects a duplicate page alias', () => {
    const dir = fixtureWith({ 'docs/apicv/index.mdx': (t) => t.replace('kind: concept\n', 'kind: concept\naliases: [alp]\n') });
    expect(errorsOf(dir)).toEqual(['docs/apicv/index.mdx:7: alias "alp" is already used by docs/apic/index.mdx']);
  });

  it('rejects a duplicate page id', () => {
    const dir = fixtureWith({ 'docs/apicv.mdx': { copyOf: 'docs/apicv/index.mdx' } });
    expect(errorsOf(dir)).toEqual(['docs/apicv/index.mdx:1: page id "apicv" is already defined by docs/apicv.mdx']);
  });

  it('rejects a term defined twice, naming both files', () => {
    const dir = fixtureWith({
      'glossary/xyz2.yaml': 'term: Other\nexpansion: Other\ndefinition: Another term whose alias clashes with XYZ.\naliases: [xyz]\npage: apic\n',
    });
    expect(errorsOf(dir)).toEqual(['glossary/xyz2.yaml:4: term "xyz" is already defined in glossary/xyz.yaml']);
  });

  it('rejects a term whose explaining page does not exist', () => {
    const dir = fixtureWith({ 'glossary/xyz.yaml': (t) => t.replace('page: apic#overview', 'page: apic#nowhere') });
    expect(errorsOf(dir)[0]).toMatch(/^glossary\/xyz\.yaml:5: unknown anchor "#nowhere"/);
  });

  it("rejects a symbol's explaining page that does not exist, naming the line", () => {
    const dir = fixtureWith({ 'symbols/do_thing.yaml': (t) => `${t}page: apic/nowhere\n` });
    expect(errorsOf(dir)).toEqual(['symbols/do_thing.yaml:5: unknown page "apic/nowhere"']);
  });

  it('rejects a duplicate symbol', () => {
    const dir = fixtureWith({ 'symbols/do_thing_again.yaml': { copyOf: 'symbols/do_thing.yaml' } });
    expect(errorsOf(dir)).toEqual(['symbols/do_thing_again.yaml:1: symbol "do_thing" is already defined in symbols/do_thing.yaml']);
  });

  it('rejects a topic that does not match the folder, and a malformed link', () => {
    const dir = fixtureWith({
      'docs/apic/child.mdx': (t) => t.replace('topic: apic', 'topic: avic').replace('[[apic]]', '[[apic]] [[foo:bar]]'),
    });
    expect(errorsOf(dir)).toEqual([
      'docs/apic/child.mdx:4: topic "avic" does not match the folder docs/apic/',
      'docs/apic/child.mdx:4: topic "avic" has no landing page docs/avic/index.mdx',
      'docs/apic/child.mdx:12: unknown link prefix in [[foo:bar]]; use term:, sym: or cite:',
    ]);
  });

  it('rejects a cross-link inside a heading', () => {
    const dir = fixtureWith({ 'docs/apic/child.mdx': (t) => t.replace('## Second part', '## Second [[apic]] part') });
    expect(errorsOf(dir)).toContain('docs/apic/child.mdx:14: cross-link [[apic]] inside a heading; link from the text below it');
  });

  it('resolves a cross-link wrapped across lines', () => {
    const dir = fixtureWith({ 'docs/apic/child.mdx': (t) => t.replace('Back to [[apic]].', 'Back to [[apic|the\nlanding page]] and [[apic/nope|a\nmissing page]].') });
    const { site, errors } = loadSite(dir, dir);
    expect(site.pages.get('apic/child')!.links.map((l) => l.link)).toContainEqual({ kind: 'page', page: 'apic', anchor: null, label: 'the landing page' });
    expect(errors.map((e) => `${e.file}:${e.line}: ${e.detail}`)).toEqual(['docs/apic/child.mdx:13: [[apic/nope|a missing page]]: unknown page "apic/nope"']);
  });

  it('rejects a [[ that would reach the page as raw text, naming its line', () => {
    const dir = fixtureWith({ 'docs/apic/child.mdx': (t) => t.replace('## Second part', '## Second part\n\nSee [[apic|the *landing* page]].') });
    expect(errorsOf(dir)).toEqual([
      'docs/apic/child.mdx:16: "[[" opens no cross-link (no matching "]]", or formatting inside the link); it would show as raw text',
    ]);
  });

  it('names an unknown page in a reading-path step that carries a note', () => {
    const dir = fixtureWith({ 'paths.yaml': (t) => t.replace('pages: [apic, apic/child, apicv]', 'pages:\n    - apic\n    - page: nope\n      note: what it adds') });
    expect(errorsOf(dir)).toEqual(['paths.yaml:6: reading path "tour" names unknown page "nope"']);
  });

  it('names unknown pages in reading paths', () => {
    const dir = fixtureWith({ 'paths.yaml': (t) => t.replace('apicv]', 'apicv, nope]') });
    expect(errorsOf(dir)).toEqual(['paths.yaml:4: reading path "tour" names unknown page "nope"']);
  });

  it('reports invalid YAML with its line', () => {
    const dir = fixtureWith({ 'sources/src-one.yaml': 'title: [unclosed\nkind: paper\n' });
    expect(errorsOf(dir)).toEqual([expect.stringMatching(/^sources\/src-one\.yaml:\d: invalid YAML/)]);
  });
});

describe('malformed MDX and edited patches', () => {
  it('reports malformed MDX with its file and line', () => {
    const dir = fixtureWith({ 'docs/apic/child.mdx': (t) => t.replace('## Second part', '## Second part\n\nAn unclosed <Callout type="note"\n') });
    expect(errorsOf(dir)).toEqual([expect.stringMatching(/^docs\/apic\/child\.mdx:16: invalid MDX: /)]);
  });

  it('reports a broken import or export line with its file and line', () => {
    const dir = fixtureWith({ 'docs/apic/child.mdx': (t) => t.replace('## Second part', '## Second part\n\nimport Diagram from "./diagram.astro";\nexport const broken = {;\n') });
    expect(errorsOf(dir)).toEqual([expect.stringMatching(/^docs\/apic\/child\.mdx:17: invalid MDX: could not parse import\/export: /)]);
  });

  it('rejects a patch whose bytes differ from its recorded checksum', () => {
    const dir = fixtureWith({ 'patches/tiny.patch': (t) => `${t}+ an edit\n` });
    expect(errorsOf(dir)).toEqual([expect.stringMatching(/^patches\/tiny\.patch:undefined: content differs from the archived mail/)]);
  });
});
