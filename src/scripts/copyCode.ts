// A "Copy" button on every code block, added by script: Expressive Code's own button carries a second
// copy of the code in an attribute, which doubled every code block in the page's HTML. Also a tab stop
// for a block while it scrolls sideways (so keyboard users can scroll it), which Expressive Code's own
// script module did (dropped by src/plugins/ecWithoutScriptModule.ts).
import { codeText } from '../lib/codeText.ts';

/** Measures every block first, then sets the attributes: a write between two reads would force a layout per block. */
function focusableWhileScrolling(pres: HTMLElement[]) {
  const scrolls = pres.map((pre) => pre.scrollWidth > pre.clientWidth);
  pres.forEach((pre, i) => {
    if (scrolls[i]) {
      pre.tabIndex = 0;
      pre.setAttribute('role', 'region');
    } else {
      pre.removeAttribute('tabindex');
      pre.removeAttribute('role');
    }
  });
}

export function initCopyCode() {
  // Called for each block when it is first observed, then whenever its width changes.
  const resized = new ResizeObserver((entries) => focusableWhileScrolling(entries.map((e) => e.target as HTMLElement)));
  for (const figure of document.querySelectorAll<HTMLElement>('.expressive-code figure')) {
    const pre = figure.querySelector('pre');
    if (!pre) continue;
    resized.observe(pre);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = 'Copy';
    const status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    let reset = 0;
    button.addEventListener('click', async () => {
      let copied = false;
      try {
        await navigator.clipboard.writeText(codeText(pre.querySelectorAll('.ec-line')));
        copied = true;
      } catch {
        // No clipboard access (insecure context or denied): say so rather than failing silently.
      }
      button.textContent = copied ? 'Copied' : 'Copy failed';
      status.textContent = copied ? 'Code copied to the clipboard' : 'Could not copy: select the code and copy it instead';
      clearTimeout(reset);
      reset = window.setTimeout(() => {
        button.textContent = 'Copy';
        status.textContent = '';
      }, 2000);
    });
    figure.append(button, status);
  }
}
