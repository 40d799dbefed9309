// Browser side of the decoder hand-off (src/lib/explainers/handoff.ts): an explainer opened from a
// link such as /kvm/apicv-inhibits/?inhibit=0x200#inhibit-decoder fills its controls from the URL,
// decodes, and brings itself into view with its first control focused. The parsing module is
// imported only when the URL targets this explainer, so pages opened normally load nothing extra.
import type { HandoffKind, HandoffRead } from '../../lib/explainers/handoff.ts';

function hashTarget(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

/** True when the page URL carries parameters and its #anchor is this explainer's root. */
export function isHandoffTarget(root: HTMLElement): boolean {
  return root.id !== '' && location.search.length > 1 && hashTarget() === root.id;
}

/** The hand-off for this explainer, or null when the URL is not for it. Never throws. */
export async function readHandoffFor<K extends HandoffKind>(kind: K, root: HTMLElement): Promise<HandoffRead<K>> {
  if (!isHandoffTarget(root)) return null;
  const { readHandoff } = await import('../../lib/explainers/handoff.ts');
  return readHandoff(kind, root.id, location.search, location.hash);
}

/** Scrolls the explainer into view (its controls may have just appeared) and focuses `control`. */
export function reveal(root: HTMLElement, control: HTMLElement | null): void {
  root.scrollIntoView({ block: 'start' });
  control?.focus({ preventScroll: true });
}
