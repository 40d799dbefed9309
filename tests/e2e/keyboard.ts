// What a reader without a mouse does, for the explainer tests: focus a control and press keys.
import type { Locator, Page } from 'playwright-core';

/** Focuses a control and presses a key on it, `times` times. */
export async function press(control: Locator, key = 'Enter', times = 1): Promise<void> {
  await control.focus();
  for (let i = 0; i < times; i++) await control.press(key);
}

/** Focuses a field and replaces its text by typing. */
export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  const keyboard = field.page().keyboard;
  await keyboard.press('ControlOrMeta+A');
  await keyboard.press('Backspace');
  await keyboard.type(text);
}

/**
 * Scrolls to the page's first explainer, as a reader reaching it does: explainer scripts load only
 * when an explainer comes near the viewport (src/scripts/explainers/loadNear.ts).
 */
export async function reachExplainer(page: Page): Promise<void> {
  await page.locator('.explainer').first().scrollIntoViewIfNeeded();
  await page.locator('.explainer[data-explainer-loaded]').first().waitFor({ state: 'attached' });
}
