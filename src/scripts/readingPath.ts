// Remembers, for this tab, which reading path the reader follows (the path of the last previous/next link
// they used) and gives that path the prominent "Next" on pages it passes through.
import { primaryPathId, READING_PATH_KEY } from '../lib/readingPaths.ts';

function remembered(): string | null {
  try {
    return sessionStorage.getItem(READING_PATH_KEY);
  } catch {
    return null; // storage unavailable: the topic path stays first
  }
}

function remember(pathId: string) {
  try {
    sessionStorage.setItem(READING_PATH_KEY, pathId);
  } catch {
    // see remembered()
  }
}

export function initReadingPath() {
  // Lists of a whole path (the home page's) start the reader on that path.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-path-link]')) link.addEventListener('click', () => remember(link.dataset.pathLink!));
  const nav = document.querySelector<HTMLElement>('.prev-next');
  if (!nav) return;
  const steps = [...nav.querySelectorAll<HTMLElement>('.path-step')];
  const primary = primaryPathId(steps.map((s) => s.dataset.path!), remembered(), nav.dataset.topic ?? '');
  for (const step of steps) {
    step.classList.toggle('primary', step.dataset.path === primary);
    for (const link of step.querySelectorAll('a')) {
      link.addEventListener('click', () => remember(step.dataset.path!));
    }
  }
}
