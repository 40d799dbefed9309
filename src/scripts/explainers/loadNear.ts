// Explainer scripts are fetched when the reader gets near an explainer, focuses or touches it, or
// arrives with a hand-off URL for it, not with the page: a first visit to an article pays only for its
// text, and the worked example rendered at build time stands in until then.
import { isHandoffTarget } from './handoff.ts';

/** Calls `load` once, when one of the elements matching `selector` is about to be needed. */
export function loadNear(selector: string, load: () => Promise<unknown>): void {
  const roots = [...document.querySelectorAll<HTMLElement>(selector)];
  if (roots.length === 0) return;
  let started = false;
  let observer: IntersectionObserver | null = null;
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    load()
      // Marks the explainers as live, for tests and for styles that wait on it.
      .then(() => roots.forEach((root) => root.setAttribute('data-explainer-loaded', '')))
      .catch((error: unknown) => console.error('explainer failed to load', error));
  };
  if (roots.some(isHandoffTarget) || !('IntersectionObserver' in window)) {
    start();
    return;
  }
  // A screen ahead, so the controls are ready by the time the reader scrolls to them.
  observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: '100% 0px' });
  for (const root of roots) {
    observer.observe(root);
    root.addEventListener('focusin', start, { once: true });
    root.addEventListener('pointerdown', start, { once: true });
  }
}
