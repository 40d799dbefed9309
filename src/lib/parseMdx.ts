import GithubSlugger from 'github-slugger';
import type { Root, Heading as MdHeading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseWikiLink, WIKILINK_PATTERN, type WikiLink } from './wikiLink.ts';

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

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

export function parseMdxTree(body: string): Root {
  return processor.parse(body);
}

/** Finds every `[[...]]` in the text nodes of a tree (never in code), calling back with its line. */
export function eachWikiLinkText(
  tree: Root,
  fn: (match: { raw: string; inner: string; line: number; inHeading: boolean }) => void,
): void {
  visit(tree, 'text', (node, _index, parent) => {
    const startLine = node.position?.start.line ?? 1;
    for (const m of node.value.matchAll(WIKILINK_PATTERN)) {
      const line = startLine + (node.value.slice(0, m.index).match(/\n/g)?.length ?? 0);
      fn({ raw: m[0], inner: m[1]!, line, inHeading: parent?.type === 'heading' });
    }
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
  eachWikiLinkText(tree, ({ raw, inner, line, inHeading }) => {
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
