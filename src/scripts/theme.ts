// Theme switch: stores light / dark / system and keeps `data-theme` on <html> resolved to light or dark.
type Choice = 'light' | 'dark' | 'system';
const media = matchMedia('(prefers-color-scheme: dark)');

function apply(choice: Choice) {
  const dark = choice === 'dark' || (choice === 'system' && media.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.dataset.themeChoice = choice;
}

export function initThemeSwitch() {
  const root = document.querySelector<HTMLElement>('[data-theme-switch]');
  const select = root?.querySelector('select');
  if (!root || !select) return;
  select.value = document.documentElement.dataset.themeChoice ?? 'system';
  root.hidden = false;
  select.addEventListener('change', () => {
    const choice = select.value as Choice;
    try {
      localStorage.setItem('theme', choice);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
    apply(choice);
  });
  media.addEventListener('change', () => apply((document.documentElement.dataset.themeChoice as Choice) ?? 'system'));
}
