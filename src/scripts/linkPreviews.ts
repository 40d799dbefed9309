// Link previews load on first use, so they weigh nothing on a page until a reader reaches a cross-link or
// a citation: this stub waits for the first hover, keyboard focus or tap on one, then loads linkPreviewBox.ts.
// A tap on a touch screen is held back (the first tap previews), also while the module loads.
import { PREVIEW_LINKS } from '../lib/previews.ts';

export function initLinkPreviews() {
  let pointer = '';
  let loading = false;
  const events = ['pointerover', 'focusin', 'click'] as const;
  const onPointerDown = (e: PointerEvent) => (pointer = e.pointerType);
  const onFirstUse = (e: Event) => {
    const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>(PREVIEW_LINKS) : null;
    if (!link) return;
    const touch = pointer === 'touch' || (e instanceof PointerEvent && e.pointerType === 'touch');
    if (e.type === 'click') {
      if (!touch) return;
      e.preventDefault();
    } else if (touch) return; // a tap previews on its click
    if (loading) return;
    loading = true;
    const how = e.type === 'click' ? 'tap' : e.type === 'focusin' ? 'focus' : 'hover';
    void import('./linkPreviewBox.ts').then((m) => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      for (const type of events) document.removeEventListener(type, onFirstUse, true);
      m.startLinkPreviews({ link, how, pointer });
    });
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  for (const type of events) document.addEventListener(type, onFirstUse, true);
}
