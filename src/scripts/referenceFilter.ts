// Filters the entries of a reference page as the reader types; no network. Entries carry their searchable
// text in data-filter-text (and data-kind); a letter section with nothing left is hidden, and so is its
// letter in the A–Z row. ?q= in the address fills the box.
import { filterSummary, matchesFilter } from '../lib/referenceFilter.ts';

export function initReferenceFilter() {
  const form = document.querySelector<HTMLFormElement>('form.reference-filter');
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const kind = form.querySelector<HTMLSelectElement>('select[name="kind"]');
  const status = form.querySelector<HTMLElement>('[role="status"]')!;
  const noun = form.dataset.noun!.split('|') as [string, string];
  const entries = [...document.querySelectorAll<HTMLElement>('[data-filter-text]')];
  const sections = [...document.querySelectorAll<HTMLElement>('section[data-letter]')];
  const letterLinks = [...document.querySelectorAll<HTMLAnchorElement>('.letter-index a')];
  const apply = () => {
    let shown = 0;
    for (const entry of entries) {
      const match = matchesFilter(entry.dataset.filterText!, input.value) && (!kind?.value || entry.dataset.kind === kind.value);
      entry.hidden = !match;
      if (match) shown++;
    }
    for (const section of sections) section.hidden = !section.querySelector('[data-filter-text]:not([hidden])');
    for (const link of letterLinks) {
      const empty = document.getElementById(link.hash.slice(1))?.closest('section')?.hidden ?? false;
      link.hidden = empty;
    }
    status.textContent = filterSummary(shown, entries.length, noun, kind?.value ? `${input.value} ${kind.value}` : input.value);
  };
  form.hidden = false;
  form.addEventListener('submit', (e) => e.preventDefault());
  input.addEventListener('input', apply);
  kind?.addEventListener('change', apply);
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    apply();
  }
}
