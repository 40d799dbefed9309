import { parse as parseJs } from 'acorn';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { mdxToMdast } from 'satteri';
import { visit } from 'unist-util-visit';
import { parseWikiLink, strayWikiLinkOpenings, WIKILINK_PATTERN, type WikiLink } from './wikiLink.ts';

export interface Heading {
  depth: number;
  text: string;
  /** The id Astro gives the heading (github-slugger over its text, as rehype-heading-ids does). */
  slug: string;
}

export interface LinkOccurrence {
  link: WikiLink;
  raw: string;
  line: number;
}

export interface ParsedBody {
  headings: Heading[];
  links: LinkOccurrence[];
  /** The text of every inline code span, in document order (which kernel names the prose discusses). */
  inlineCode: string[];
  /** Problems found while parsing: malformed links, links in headings. Line numbers are file lines. */
  problems: { line: number; message: string }[];
}

/** Malformed MDX, with the line (within the parsed text) where the parser stopped. */
export class MdxSyntaxError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.line = line;
  }
}

/**
 * Parses MDX into mdast with Sätteri, the native (Rust) MDX parser Astro itself ships: about ten times
 * faster than remark-parse with remark-mdx, and on every page, fixture and generated corpus page it finds
 * the same headings and the same cross-links on the same lines. Sätteri checks JSX and `{...}`
 * expressions but not the code of `import`/`export` lines, so those are parsed with acorn, as remark-mdx
 * does. No GFM: its extensions (tables, autolink literals) do not change which text holds a cross-link or
 * what a heading's slug is. A link whose "|" splits a table cell is still caught, with its file and line,
 * when the page renders (src/plugins/wikiLinks.ts).
 */
export function parseMdxTree(body: string): Root {
  let tree: Root;
  try {
    tree = mdxToMdast(body, { features: { gfm: false, frontmatter: false } }) as Root;
  } catch (error) {
    // Sätteri's message starts with "line:column: " and ends with its rule name in parentheses.
    const message = (error as Error).message;
    const at = /^(\d+):\d+: /.exec(message);
    throw new MdxSyntaxError(message.slice(at?.[0].length ?? 0).replace(/ \([\w:-]+\)$/, ''), at ? Number(at[1]) : undefined);
  }
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    try {
      parseJs(node.value, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
    } catch (error) {
      const { message, loc } = error as SyntaxError & { loc?: { line: number } };
      // acorn ends its message with "(line:column)" within the statement; the file line replaces it.
      const start = node.position?.start.line;
      throw new MdxSyntaxError(`could not parse import/export: ${message.replace(/ \(\d+:\d+\)$/, '')}`, start === undefined ? undefined : start + (loc?.line ?? 1) - 1);
    }
  }
  return tree;
}

/** The line of `index` in a text node that starts on `startLine`. */
const lineAt = (text: string, index: number, startLine: number) => startLine + (text.slice(0, index).match(/\n/g)?.length ?? 0);

/**
 * Finds every `[[...]]` in the text nodes of a tree (never in code), calling back with its line, and every
 * `[[` that opens no well-formed link (it would show as raw source), calling back with `raw: null`.
 */
export function eachWikiLinkText(
  tree: Root,
  fn: (match: { raw: string; inner: string; line: number; inHeading: boolean } | { raw: null; line: number }) => void,
): void {
  visit(tree, 'text', (node, _index, parent) => {
    const startLine = node.position?.start.line ?? 1;
    for (const m of node.value.matchAll(WIKILINK_PATTERN)) {
      fn({ raw: m[0].replace(/\s+/g, ' '), inner: m[1]!, line: lineAt(node.value, m.index, startLine), inHeading: parent?.type === 'heading' });
    }
    for (const index of strayWikiLinkOpenings(node.value)) fn({ raw: null, line: lineAt(node.value, index, startLine) });
  });
}

/** Parses an MDX body; `bodyLine` is the file line the body starts on. */
export function parseBody(body: string, bodyLine: number): ParsedBody {
  const tree = parseMdxTree(body);
  const offset = bodyLine - 1;
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const inlineCode: string[] = [];
  // One walk for both: headings in order (their slugs depend on it) and every inline code span.
  visit(tree, (node) => {
    if (node.type === 'inlineCode') inlineCode.push(node.value);
    else if (node.type === 'heading') {
      const text = toString(node);
      headings.push({ depth: node.depth, text, slug: slugger.slug(text) });
    }
  });
  const links: LinkOccurrence[] = [];
  const problems: ParsedBody['problems'] = [];
  eachWikiLinkText(tree, (match) => {
    if (match.raw === null) {
      problems.push({ line: match.line + offset, message: '"[[" opens no cross-link (no matching "]]", or formatting inside the link); it would show as raw text' });
      return;
    }
    const { raw, inner, line, inHeading } = match;
    if (inHeading) {
      problems.push({ line: line + offset, message: `cross-link ${raw} inside a heading; link from the text below it` });
      return;
    }
    const parsed = parseWikiLink(inner);
    if (typeof parsed === 'string') problems.push({ line: line + offset, message: parsed });
    else links.push({ link: parsed, raw, line: line + offset });
  });
  return { headings, links, inlineCode, problems };
}
