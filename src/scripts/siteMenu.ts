// Phone menu: the menu link (which without JavaScript jumps to the site tree after the page) becomes a
// button that opens a modal dialog with the site tree and the header's search and theme controls. The
// dialog's code (siteMenuDialog.ts) loads on first use, so pages do not fetch it up front. The tree
// after the page is hidden by CSS from the first paint wherever scripts run (the head's .js class), not
// from here: hiding it once the page had loaded restyled and laid out the whole page again.

export function initSiteMenu() {
  const opener = document.querySelector<HTMLAnchorElement>('[data-menu-open]');
  if (!opener || !document.querySelector('#site-nav')) return;
  opener.setAttribute('role', 'button');
  opener.setAttribute('aria-haspopup', 'dialog');
  opener.setAttribute('aria-expanded', 'false');
  const open = () => void import('./siteMenuDialog.ts').then((m) => m.openSiteMenu(opener));
  opener.addEventListener('click', (event) => {
    event.preventDefault();
    open();
  });
  // role="button" promises Space as well as Enter.
  opener.addEventListener('keydown', (event) => {
    if (event.key === ' ') {
      event.preventDefault();
      open();
    }
  });
}
