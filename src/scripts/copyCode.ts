// A "Copy" button on every code block, added by script: Expressive Code's own button carries a second
// copy of the code in an attribute, which doubled every code block in the page's HTML.
import { codeText } from '../lib/codeText.ts';

export function initCopyCode() {
  for (const figure of document.querySelectorAll<HTMLElement>('.expressive-code figure')) {
    const pre = figure.querySelector('pre');
    if (!pre) continue;
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
