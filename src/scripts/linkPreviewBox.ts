// Link previews: hovering or focusing a cross-link or citation shows what it points to. Data comes from one
// JSON file fetched on first use. Touch: the first tap shows the preview with an "Open" link at its foot;
// a second tap on the link follows it too. Loaded by linkPreviews.ts on the first hover, focus or tap.
import { PREVIEW_LINKS, previewKey, type Preview } from '../lib/previews.ts';
import stylesheet from '../styles/previews.css?url';
import { loadStylesheet } from './loadStylesheet.ts';

const SHOW_DELAY = 250;
const HIDE_DELAY = 200;
let data: Promise<Record<string, Preview>> | null = null;
const loadData = () => (data ??= fetch('/previews.json').then((r) => r.json()));

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What the "Open" action at the foot of a tapped preview says, per kind of link. */
const OPEN_LABELS: Record<Preview['type'], string> = { page: 'Open page', term: 'Open in the glossary', sym: 'Open in the symbol index', source: 'Go to the source' };

function render(p: Preview, link: HTMLAnchorElement): string {
  if (p.type === 'source') {
    // The locator is the text after the number in the marker: "[3, §29.6]" -> "§29.6".
    const locator = /^\[\d+, ([\s\S]*)\]$/.exec(link.textContent ?? '')?.[1];
    return `<p class="preview-kicker">Source · ${escapeHtml(p.kind)}</p><p class="preview-title">${escapeHtml(p.title)}</p>${
      locator ? `<p>Cited here: ${escapeHtml(locator)}</p>` : ''}${p.details.length ? `<p class="preview-details">${p.details.map(escapeHtml).join(' · ')}</p>` : ''}`;
  }
  if (p.type === 'page') {
    return `<p class="preview-kicker">${escapeHtml(p.topic)}</p><p class="preview-title">${escapeHtml(p.title)}</p><p>${escapeHtml(p.summary)}</p>`;
  }
  if (p.type === 'term') {
    return `<p class="preview-kicker">Glossary</p><p class="preview-title">${escapeHtml(p.title)} <span>${escapeHtml(p.expansion)}</span></p><p>${escapeHtml(p.definition)}</p>`;
  }
  const where = p.proposedBy
    ? `<p class="preview-note">Proposed by the ${escapeHtml(p.proposedBy.toUpperCase())} patch; not in any kernel release.</p>`
    : `<p class="preview-links">Source: ${p.elixir.map((e) => `<a href="${escapeHtml(e.url)}" rel="noopener noreferrer">${escapeHtml(e.version)}</a>`).join(' · ')}</p>`;
  return `<p class="preview-kicker">Kernel ${escapeHtml(p.kind)}</p><p class="preview-title"><code>${escapeHtml(p.title)}</code></p><p><code>${escapeHtml(p.file)}</code></p><p>${escapeHtml(p.summary)}</p>${where}`;
}

/** How the reader first reached a preview link, before this module was loaded. */
export interface FirstUse {
  link: HTMLAnchorElement;
  how: 'hover' | 'focus' | 'tap';
  pointer: string;
}

export function startLinkPreviews(first: FirstUse) {
  void loadStylesheet(stylesheet);
  const box = document.createElement('div');
  box.id = 'link-preview';
  box.className = 'link-preview';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  // Inside <main> so the preview belongs to a landmark.
  (document.querySelector('main') ?? document.body).append(box);

  let current: HTMLAnchorElement | null = null;
  let showTimer = 0;
  let hideTimer = 0;
  let lastPointer = '';

  const hide = () => {
    clearTimeout(showTimer);
    box.hidden = true;
    current?.removeAttribute('aria-describedby');
    current = null;
  };
  const show = async (link: HTMLAnchorElement, tapped = false) => {
    clearTimeout(hideTimer);
    const key = previewKey({ pathname: link.pathname, hash: link.hash, citation: link.classList.contains('cite') });
    const [all] = await Promise.all([loadData(), loadStylesheet(stylesheet)]);
    const preview: Preview | undefined = all[key];
    if (!preview) return;
    if (current && current !== link) current.removeAttribute('aria-describedby');
    current = link;
    box.innerHTML = render(preview, link);
    if (tapped) {
      // A phone has no hover: say plainly how to go on (Wikipedia's mobile previews end the same way).
      const open = document.createElement('a');
      open.className = 'preview-open';
      open.href = link.href;
      open.textContent = `${OPEN_LABELS[preview.type]} →`;
      box.append(open);
    }
    box.hidden = false;
    link.setAttribute('aria-describedby', box.id);
    // Position below the link (above if there is no room), inside the viewport; absolute, so no layout shift.
    const r = link.getBoundingClientRect();
    const width = Math.min(360, document.documentElement.clientWidth - 16);
    box.style.width = `${width}px`;
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    const below = r.bottom + 8 + box.offsetHeight < window.innerHeight;
    box.style.left = `${left + window.scrollX}px`;
    box.style.top = `${(below ? r.bottom + 6 : r.top - box.offsetHeight - 6) + window.scrollY}px`;
  };
  const linkOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLAnchorElement>(PREVIEW_LINKS) : null;

  document.addEventListener('pointerdown', (e) => (lastPointer = e.pointerType), true);
  document.addEventListener('pointerover', (e) => {
    if (e.pointerType !== 'mouse') return;
    if (box.contains(e.target as Node)) return clearTimeout(hideTimer);
    const link = linkOf(e.target);
    if (!link) return;
    clearTimeout(showTimer);
    showTimer = window.setTimeout(() => void show(link), SHOW_DELAY);
  });
  document.addEventListener('pointerout', (e) => {
    if (e.pointerType !== 'mouse') return;
    if (linkOf(e.target) || box.contains(e.target as Node)) {
      clearTimeout(showTimer);
      hideTimer = window.setTimeout(hide, HIDE_DELAY);
    }
  });
  document.addEventListener('focusin', (e) => {
    const link = linkOf(e.target);
    if (link && lastPointer !== 'touch') void show(link);
  });
  document.addEventListener('focusout', (e) => {
    if (linkOf(e.target) && !box.contains(e.relatedTarget as Node)) hideTimer = window.setTimeout(hide, HIDE_DELAY);
  });
  document.addEventListener('click', (e) => {
    const link = linkOf(e.target);
    if (!link || lastPointer !== 'touch') return;
    if (current !== link || box.hidden) {
      e.preventDefault();
      void show(link, true);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !box.hidden) hide();
  });
  // Answer the event that loaded this module, if the reader is still there.
  lastPointer = first.pointer;
  if (first.how === 'hover' && first.link.matches(':hover')) showTimer = window.setTimeout(() => void show(first.link), SHOW_DELAY);
  else if (first.how === 'focus' && document.activeElement === first.link) void show(first.link);
  else if (first.how === 'tap') void show(first.link, true);
}
