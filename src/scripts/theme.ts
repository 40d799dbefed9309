// Theme switch: stores light / dark / system and keeps `data-theme` on <html> resolved to light or dark.
type Choice = 'light' | 'dark' | 'system';
const media = matchMedia('(prefers-color-scheme: dark)');

function apply(choice: Choice) {
  const dark = choice === 'dark' || (choice === 'system' && media.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.dataset.themeChoice = choice;
}

const CHOICES: [Choice, string][] = [['system', 'System'], ['light', 'Light'], ['dark', 'Dark']];

export function initThemeSwitch() {
  const root = document.querySelector<HTMLElement>('[data-theme-switch]');
  if (!root) return;
  const label = document.createElement('label');
  label.htmlFor = 'theme-select';
  label.textContent = 'Theme';
  const select = document.createElement('select');
  select.id = 'theme-select';
  select.append(...CHOICES.map(([value, text]) => new Option(text, value)));
  root.replaceChildren(label, select);
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
