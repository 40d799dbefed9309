// Components that render inside the page body put their stylesheet where they are: Expressive Code
// before a page's first code block (once for Markdown code and once for its <Code> component), the
// RFC patch once per hunk shown. A stylesheet in the body makes the browser stop and restyle the whole
// page when it reaches it, once per <link>, even one it has already loaded; on the walkthrough that
// was seven restyles while the page loaded. Moved to the head, each is fetched with the page's own
// styles and applied once.
const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;
const hrefOf = (tag: string) => /\bhref="([^"]*)"/.exec(tag)?.[1];

/**
 * Moves every stylesheet <link> in the body to the end of the head (where it keeps its place in the
 * cascade, after the head's own styles), once per address. Links already in the head stay.
 */
export function stylesheetsInHead(html: string): string {
  const headEnd = html.indexOf('</head>');
  if (headEnd === -1) return html;
  const head = html.slice(0, headEnd);
  const body = html.slice(headEnd);
  const inHead = new Set([...head.matchAll(STYLESHEET)].map((m) => hrefOf(m[0])));
  const moved: string[] = [];
  const rest = body.replace(STYLESHEET, (tag) => {
    const href = hrefOf(tag);
    if (!inHead.has(href)) {
      inHead.add(href);
      moved.push(tag);
    }
    return '';
  });
  return moved.length || rest !== body ? head + moved.join('') + rest : html;
}
