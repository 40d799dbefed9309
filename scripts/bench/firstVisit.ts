// What a first-time reader's browser fetches for one page before they use search or an explainer: the
// HTML, its stylesheets, its icon, its module scripts and every module those import statically (the
// browser fetches a module's static imports before running it; dynamic import() waits for use).
// Shared by the bench's page-weight report and the byte-budget test, so both count the same files.

const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g;
const ICON = /<link\b[^>]*\brel="icon"[^>]*\bhref="([^"]+)"/g;
const SCRIPT = /<script\b[^>]*\bsrc="([^"]+)"/g;
// `import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"` in minified module code; not `import(`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g;

/** Resolves a module specifier against the importing module's URL path (both site-absolute). */
function resolveSpecifier(from: string, specifier: string): string {
  return new URL(specifier, `http://site${from}`).pathname;
}

/**
 * Site-absolute paths of every file the page fetches on load besides its HTML, each once.
 * `readModule` returns a module's source by path (to follow its static imports).
 */
export function firstVisitFiles(html: string, readModule: (path: string) => string): string[] {
  const files = new Set<string>();
  for (const re of [STYLESHEET, ICON]) for (const m of html.matchAll(re)) files.add(m[1]!);
  const queue = [...html.matchAll(SCRIPT)].map((m) => m[1]!);
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (files.has(path)) continue;
    files.add(path);
    for (const m of readModule(path).matchAll(STATIC_IMPORT)) queue.push(resolveSpecifier(path, m[1]!));
  }
  return [...files];
}
