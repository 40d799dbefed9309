// 404 page: suggest the pages whose address is closest to the mistyped one, and put the address's
// words into the search box. The page list comes from previews.json, which link previews also use.
import { closestPages, pathWords, type PageRef } from '../lib/closestPages.ts';

export async function initNotFound() {
  const input = document.querySelector<HTMLInputElement>('#q404');
  if (input && !input.value) input.value = pathWords(location.pathname);
  const box = document.querySelector<HTMLElement>('[data-did-you-mean]');
  if (!box) return;
  let previews: Record<string, { type: string; title: string }>;
  try {
    const response = await fetch('/previews.json');
    if (!response.ok) throw new Error(`previews.json: HTTP ${response.status}`);
    previews = await response.json();
  } catch (error) {
    console.warn('No page suggestions:', error);
    return;
  }
  // Page previews are keyed by the page's URL (see previewKey in src/lib/previews.ts).
  const pages: PageRef[] = Object.entries(previews)
    .filter(([, p]) => p.type === 'page')
    .map(([url, p]) => ({ url, title: p.title }));
  const matches = closestPages(location.pathname, pages);
  if (matches.length === 0) return;
  const list = box.querySelector('ul')!;
  for (const page of matches) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = page.url;
    link.textContent = page.title;
    item.append(link, ` (${page.url})`);
    list.append(item);
  }
  box.hidden = false;
}
