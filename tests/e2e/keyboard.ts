// What a reader without a mouse does, for the explainer tests: focus a control and press keys.
import type { Locator } from 'playwright-core';

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
