// Reads the built site in dist/ for the checks in this folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';

/** Parses HTML, treating <pre> as markup (node-html-parser keeps it as raw text by default). */
export const parse = (html: string) => parseHtml(html, { blockTextElements: { script: true, noscript: true, style: true } });

export const DIST = resolve(import.meta.dirname, '../../dist');

export interface DistPage {
  /** URL path, e.g. /apicv/posted-interrupts/ */
  url: string;
  file: string;
  html: string;
  root: HTMLElement;
}

export function distPages(): DistPage[] {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run "npm run build" first');
  return readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html') && !relative(DIST, d.parentPath).startsWith('pagefind'))
    .map((d) => {
      const file = join(d.parentPath, d.name);
      const rel = relative(DIST, file).split('\\').join('/');
      const url = rel === '404.html' ? '/404.html' : `/${rel.replace(/index\.html$/, '')}`;
      const html = readFileSync(file, 'utf8');
      return { url, file, html, root: parse(html) };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** Doc pages: those rendered from content/docs (they carry the article body). */
export const isDocPage = (p: DistPage) => p.root.querySelector('article.doc') !== null;
