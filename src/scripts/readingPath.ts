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

export function initReadingPath() {
  const nav = document.querySelector<HTMLElement>('.prev-next');
  if (!nav) return;
  const steps = [...nav.querySelectorAll<HTMLElement>('.path-step')];
  const primary = primaryPathId(steps.map((s) => s.dataset.path!), remembered(), nav.dataset.topic ?? '');
  for (const step of steps) {
    step.classList.toggle('primary', step.dataset.path === primary);
    for (const link of step.querySelectorAll('a')) {
      link.addEventListener('click', () => {
        try {
          sessionStorage.setItem(READING_PATH_KEY, step.dataset.path!);
        } catch {
          // see remembered()
        }
      });
    }
  }
}
