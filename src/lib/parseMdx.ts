import GithubSlugger from 'github-slugger';
import type { Root, Heading as MdHeading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
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
  /** Problems found while parsing: malformed links, links in headings. Line numbers are file lines. */
  problems: { line: number; message: string }[];
}

// No GFM: its extensions (tables, autolink literals) cost about a third of the content check and do not
// change which text holds a cross-link or what a heading's slug is. A link whose "|" splits a table cell
// is still caught, with its file and line, when the page renders (src/plugins/remarkWikiLinks.ts).
const processor = unified().use(remarkParse).use(remarkMdx);

export function parseMdxTree(body: string): Root {
  return processor.parse(body);
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
  visit(tree, 'heading', (node: MdHeading) => {
    const text = toString(node);
    headings.push({ depth: node.depth, text, slug: slugger.slug(text) });
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
  return { headings, links, problems };
}
