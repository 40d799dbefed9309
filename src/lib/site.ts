import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { slug as slugify } from 'github-slugger';
import { pageSchema, type PageData } from '../schemas/page.ts';
import { readingPathsSchema, type ReadingPathData } from '../schemas/readingPath.ts';
import { sourceSchema, type SourceData } from '../schemas/source.ts';
import { symbolSchema, type SymbolData } from '../schemas/symbol.ts';
import { synonymsSchema, type SynonymGroup } from '../schemas/synonyms.ts';
import { termSchema, type TermData } from '../schemas/term.ts';
import { ContentError, ContentErrors } from './errors.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { parseBody, type Heading, type LinkOccurrence } from './parseMdx.ts';
import { resolveWikiLink, type ResolvedLink } from './resolveWikiLink.ts';
import { parseYamlWith } from './yamlData.ts';
import { parseWikiLink } from './wikiLink.ts';

export interface Page {
  id: string;
  file: string;
  url: string;
  data: PageData;
  headings: Heading[];
  links: LinkOccurrence[];
  /** Resolved cross-links in document order (only those that resolved). */
  resolved: ResolvedLink[];
  /** The text of every inline code span (see parseBody). */
  inlineCode: string[];
}
export interface Term {
  id: string;
  file: string;
  anchor: string;
  url: string;
  data: TermData;
}
export interface KernelSymbol {
  file: string;
  url: string;
  data: SymbolData;
}
export interface Source {
  id: string;
  file: string;
  data: SourceData;
}
export interface Site {
  pages: Map<string, Page>;
  terms: Map<string, Term>;
  /** Lower-cased term names and aliases -> term. */
  termKeys: Map<string, Term>;
  symbols: Map<string, KernelSymbol>;
  sources: Map<string, Source>;
  paths: ReadingPathData[];
  /** Reviewed synonym groups from content/synonyms.yaml, for search. */
  synonyms: SynonymGroup[];
}

export const pageUrl = (id: string) => `/${id}/`;
export const termAnchor = (term: string) => slugify(term);

function walk(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(ext))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** Page id from its path under docs/: `apicv/posted-interrupts.mdx` -> `apicv/posted-interrupts`, `avic/index.mdx` -> `avic`. */
export function pageIdFromPath(pathUnderDocs: string): string {
  return pathUnderDocs.split(sep).join('/').replace(/\.mdx$/, '').replace(/(^|\/)index$/, '');
}

/**
 * Loads and checks a content tree (docs/, glossary/, symbols/, sources/, paths.yaml under `root`).
 * Every problem is collected with its file and line; nothing is skipped silently.
 */
export function loadSite(root: string, cwd = process.cwd()): { site: Site; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const rel = (abs: string) => relative(cwd, abs);
  const site: Site = { pages: new Map(), terms: new Map(), termKeys: new Map(), symbols: new Map(), sources: new Map(), paths: [], synonyms: [] };
  const lineFinders = new Map<string, (path: (string | number)[]) => number>();
  // Entries that exist but failed validation: their own errors are reported once, and references
  // to them are not reported again as "unknown".
  const brokenPages = new Set<string>();
  const brokenSources = new Set<string>();

  for (const abs of walk(join(root, 'sources'), '.yaml')) {
    const file = rel(abs);
    const { data, errors: e } = parseYamlWith(sourceSchema, readFileSync(abs, 'utf8'), file);
    errors.push(...e);
    const id = basename(abs, '.yaml');
    if (data) site.sources.set(id, { id, file, data });
    else brokenSources.add(id);
  }

  // A `page:` (of a term or a symbol) names a page and heading that exist once every page is loaded.
  const pageReferences: { file: string; page: string; line: number | undefined }[] = [];

  for (const abs of walk(join(root, 'symbols'), '.yaml')) {
    const file = rel(abs);
    const { data, errors: e, lineOf } = parseYamlWith(symbolSchema, readFileSync(abs, 'utf8'), file);
    errors.push(...e);
    if (!data) continue;
    const other = site.symbols.get(data.name);
    if (other) errors.push(new ContentError(file, lineOf(['name']), `symbol "${data.name}" is already defined in ${other.file}`));
    else site.symbols.set(data.name, { file, url: `/symbols/#${data.name}`, data });
    if (data.page) pageReferences.push({ file, page: data.page, line: lineOf(['page']) });
  }

  for (const abs of walk(join(root, 'docs'), '.mdx')) {
    const file = rel(abs);
    const text = readFileSync(abs, 'utf8');
    const parts = splitFrontmatter(text);
    if (!parts) {
      errors.push(new ContentError(file, 1, 'missing YAML frontmatter (--- ... ---) at the top of the file'));
      continue;
    }
    const { data, errors: e, lineOf } = parseYamlWith(pageSchema, parts.yaml, file, 1);
    errors.push(...e);
    const id = pageIdFromPath(relative(join(root, 'docs'), abs));
    let body: ReturnType<typeof parseBody>;
    try {
      body = parseBody(parts.body, parts.bodyLine);
    } catch (error) {
      // Malformed MDX (an unclosed tag, a stray `{`, a broken import): the parser reports the line within the body.
      const line = (error as { line?: number }).line;
      errors.push(new ContentError(file, line ? line + parts.bodyLine - 1 : undefined, `invalid MDX: ${(error as Error).message}`));
      brokenPages.add(id);
      continue;
    }
    errors.push(...body.problems.map((p) => new ContentError(file, p.line, p.message)));
    if (!data) {
      brokenPages.add(id);
      continue;
    }
    if (!id) {
      errors.push(new ContentError(file, 1, 'docs/index.mdx is not allowed: the home page is src/pages/index.astro'));
      continue;
    }
    const topicDir = id.split('/')[0];
    if (topicDir !== data.topic) {
      errors.push(new ContentError(file, lineOf(['topic']), `topic "${data.topic}" does not match the folder docs/${topicDir}/`));
    }
    const existing = site.pages.get(id);
    if (existing) {
      errors.push(new ContentError(file, 1, `page id "${id}" is already defined by ${existing.file}`));
      continue;
    }
    lineFinders.set(id, lineOf);
    site.pages.set(id, { id, file, url: pageUrl(id), data, headings: body.headings, links: body.links, resolved: [], inlineCode: body.inlineCode });
  }

  const glossaryFiles = walk(join(root, 'glossary'), '.yaml');
  for (const abs of glossaryFiles) {
    const file = rel(abs);
    const { data, errors: e, lineOf } = parseYamlWith(termSchema, readFileSync(abs, 'utf8'), file);
    errors.push(...e);
    if (!data) continue;
    const id = basename(abs, '.yaml');
    const term: Term = { id, file, anchor: termAnchor(data.term), url: `/glossary/#${termAnchor(data.term)}`, data };
    site.terms.set(id, term);
    for (const [key, path] of [[data.term, ['term']], ...data.aliases.map((a, i) => [a, ['aliases', i]])] as [string, (string | number)[]][]) {
      const other = site.termKeys.get(key.toLowerCase());
      if (other && other !== term) {
        errors.push(new ContentError(file, lineOf(path), `term "${key}" is already defined in ${other.file}`));
      } else site.termKeys.set(key.toLowerCase(), term);
    }
    pageReferences.push({ file, page: data.page, line: lineOf(['page']) });
  }
  for (const { file, page, line } of pageReferences) {
    const target = parseWikiLink(page);
    const resolved = typeof target === 'string' || target.kind !== 'page' ? null : resolveWikiLink(site, target, null);
    if (!resolved || !resolved.ok) {
      errors.push(new ContentError(file, line, resolved && !resolved.ok ? resolved.message : `"page" must be a page id such as apicv/posted-interrupts#anchor`));
    }
  }

  // Patches are verbatim copies of archived mail: each has a .sha256 file and may not be edited.
  for (const abs of walk(join(root, 'patches'), '.patch')) {
    const file = rel(abs);
    const sumFile = `${abs}.sha256`;
    if (!existsSync(sumFile)) {
      errors.push(new ContentError(file, undefined, `no checksum file ${rel(sumFile)}; patches must stay byte-identical to the archived mail`));
      continue;
    }
    const expected = readFileSync(sumFile, 'utf8').trim().split(/\s+/)[0];
    const actual = createHash('sha256').update(readFileSync(abs)).digest('hex');
    if (expected !== actual) errors.push(new ContentError(file, undefined, `content differs from the archived mail (sha256 ${actual.slice(0, 12)}…, expected ${expected?.slice(0, 12)}… from ${rel(sumFile)}); restore the original bytes`));
  }

  const pathsFile = join(root, 'paths.yaml');
  if (existsSync(pathsFile)) {
    const file = rel(pathsFile);
    const { data, errors: e, lineOf } = parseYamlWith(readingPathsSchema, readFileSync(pathsFile, 'utf8'), file);
    errors.push(...e);
    for (const [i, path] of (data ?? []).entries()) {
      path.pages.forEach((id, j) => {
        if (!site.pages.has(id) && !brokenPages.has(id)) errors.push(new ContentError(file, lineOf([i, 'pages', j]), `reading path "${path.id}" names unknown page "${id}"`));
      });
    }
    site.paths = data ?? [];
  }

  const synonymsFile = join(root, 'synonyms.yaml');
  if (existsSync(synonymsFile)) {
    const file = rel(synonymsFile);
    const { data, errors: e, lineOf } = parseYamlWith(synonymsSchema, readFileSync(synonymsFile, 'utf8'), file);
    errors.push(...e);
    const seen = new Map<string, number>();
    for (const [i, group] of (data ?? []).entries()) {
      group.same.forEach((phrase, j) => {
        const key = phrase.toLowerCase();
        const first = seen.get(key);
        if (first !== undefined) errors.push(new ContentError(file, lineOf([i, 'same', j]), `"${phrase}" is already in the group at line ${first}; merge the two groups`));
        else seen.set(key, lineOf([i, 'same', j]));
      });
    }
    site.synonyms = data ?? [];
  }

  const aliasOwner = new Map<string, Page>();
  for (const page of site.pages.values()) {
    const lineOf = lineFinders.get(page.id)!;
    page.data.sources.forEach((id, i) => {
      if (!site.sources.has(id) && !brokenSources.has(id)) errors.push(new ContentError(page.file, lineOf(['sources', i]), `unknown source id "${id}" (no content/sources/${id}.yaml)`));
    });
    page.data.aliases.forEach((alias, i) => {
      const other = aliasOwner.get(alias.toLowerCase());
      if (other) errors.push(new ContentError(page.file, lineOf(['aliases', i]), `alias "${alias}" is already used by ${other.file}`));
      else aliasOwner.set(alias.toLowerCase(), page);
    });
    if (page.id !== page.data.topic && !site.pages.has(page.data.topic)) {
      errors.push(new ContentError(page.file, lineOf(['topic']), `topic "${page.data.topic}" has no landing page docs/${page.data.topic}/index.mdx`));
    }
    for (const occurrence of page.links) {
      const { link } = occurrence;
      const result = resolveWikiLink(site, link, page.id);
      if (result.ok) page.resolved.push(result.link);
      else if ((link.kind === 'page' && brokenPages.has(link.page ?? '')) || (link.kind === 'cite' && brokenSources.has(link.id))) continue;
      else errors.push(new ContentError(page.file, occurrence.line, `${occurrence.raw}: ${result.message}`));
    }
  }

  errors.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { site, errors };
}

/** Loads a content tree and throws one error listing every problem, if there are any. */
export function buildSite(root: string, cwd?: string): Site {
  const { site, errors } = loadSite(root, cwd);
  if (errors.length) throw new ContentErrors(errors);
  return site;
}
