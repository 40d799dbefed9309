// The phone menu's modal dialog. It borrows the site tree and the header's tools while open; the native
// dialog keeps focus inside, closes on Escape and returns focus to the menu button.
import stylesheet from '../styles/site-menu.css?url';
import { loadStylesheet } from './loadStylesheet.ts';

let dialog: HTMLDialogElement | null = null;
let restore: (() => void)[] = [];

function borrow(node: Element, into: Element): () => void {
  const parent = node.parentElement!;
  const next = node.nextSibling;
  into.append(node);
  return () => parent.insertBefore(node, next);
}

function build(opener: HTMLElement): HTMLDialogElement {
  const d = document.createElement('dialog');
  d.className = 'site-menu';
  d.id = 'site-menu';
  d.setAttribute('aria-labelledby', 'site-menu-title');
  d.innerHTML = '<div class="site-menu-head"><p id="site-menu-title">Menu</p><button type="button" class="site-menu-close">Close</button></div>';
  document.body.append(d);
  opener.setAttribute('aria-controls', d.id);
  d.addEventListener('close', () => {
    restore.forEach((put) => put());
    restore = [];
    opener.setAttribute('aria-expanded', 'false');
  });
  d.querySelector('.site-menu-close')!.addEventListener('click', () => d.close());
  // A click on the backdrop (outside the dialog's box) closes it; so does opening search from inside it.
  d.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const box = d.getBoundingClientRect();
    const onBackdrop = target === d && (event.clientX > box.right || event.clientY > box.bottom || event.clientX < box.left || event.clientY < box.top);
    if (onBackdrop || target?.closest('[data-search-open]')) d.close();
  });
  return d;
}

export async function openSiteMenu(opener: HTMLElement) {
  await loadStylesheet(stylesheet);
  dialog ??= build(opener);
  if (dialog.open) return;
  const nav = document.querySelector('#site-nav');
  const tools = document.querySelector('.header-tools');
  restore = [tools, nav].filter((n): n is Element => n !== null).map((n) => borrow(n, dialog!));
  dialog.showModal();
  opener.setAttribute('aria-expanded', 'true');
  dialog.querySelector('#site-nav [aria-current="page"]')?.scrollIntoView({ block: 'nearest' });
}
