// Expressive Code plugin: a code-frame title that names a kernel file and symbol at a version, such as
// "arch/x86/kvm/lapic.c, __apic_update_ppr() (Linux 6.12.118)", links the file and the symbol to
// Elixir at the matching upstream tag. Code read in Debian's 6.12.118 tree links to upstream v6.12, as
// the Sources lists do (and the title keeps saying which tree the code shown is from); a title with no
// version we can map, such as one "before 5bd74f6eecd5", stays plain text.
import type { Element, ElementContent } from 'hast';
import { elixirFileUrl, elixirIdentUrl } from '../lib/elixir.ts';

export interface KernelTitle {
  path: string;
  /** The identifier in the title (a function, macro, struct or union name). */
  identifier: string;
  /** Text between the path and the identifier's end, kept as written ("union ", "()"). */
  before: string;
  after: string;
  /** The rest of the title, kept as written (" (Linux 6.12.118, excerpt)"). */
  rest: string;
  /** Elixir tag the links point at. */
  tag: 'v6.5' | 'v6.12';
}

const TITLE = /^((?:arch|include|virt|drivers|tools)\/[\w./-]+\.[ch]), ((?:(?:struct|union|enum) )?)([A-Za-z_]\w*)(\(\))?( \((Linux 6\.12\.118|v6\.12|v6\.5)\b.*\))$/;

/** Reads a code-frame title of the form "path, symbol (version…)"; null for any other title. */
export function parseKernelTitle(title: string): KernelTitle | null {
  const m = TITLE.exec(title);
  if (!m) return null;
  const [, path, before, identifier, after, rest, version] = m;
  return {
    path: path!,
    identifier: identifier!,
    before: before!,
    after: after ?? '',
    rest: rest!,
    tag: version === 'v6.5' ? 'v6.5' : 'v6.12',
  };
}

function link(href: string, text: string): Element {
  return { type: 'element', tagName: 'a', properties: { href, rel: ['noopener', 'noreferrer'] }, children: [{ type: 'text', value: text }] };
}

/** The title's content with the file and the identifier as links (the title text is unchanged). */
export function kernelTitleContent(t: KernelTitle): ElementContent[] {
  return [
    link(elixirFileUrl(t.tag, t.path), t.path),
    { type: 'text', value: `, ${t.before}` },
    link(elixirIdentUrl(t.tag, t.identifier), `${t.identifier}${t.after}`),
    { type: 'text', value: t.rest },
  ];
}

function findTitle(node: Element): Element | null {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const classes = child.properties.className;
    if (child.tagName === 'span' && Array.isArray(classes) && classes.includes('title')) return child;
    const found = findTitle(child);
    if (found) return found;
  }
  return null;
}

export function ecKernelTitleLinks() {
  return {
    name: 'vapic-kernel-title-links',
    hooks: {
      postprocessRenderedBlock({ renderData }: { renderData: { blockAst: Element } }) {
        const title = findTitle(renderData.blockAst);
        const only = title?.children.length === 1 ? title.children[0] : undefined;
        const parsed = only?.type === 'text' ? parseKernelTitle(only.value) : null;
        if (title && parsed) title.children = kernelTitleContent(parsed);
      },
    },
  };
}
