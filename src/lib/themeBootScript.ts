/**
 * The inline script that resolves the stored theme (light / dark / system) before first paint; the
 * page's CSP allows it by hash. Written compact because it is repeated in every page's HTML; the same
 * choice is made, readably, in src/scripts/theme.ts. It also marks <html> with class "js", so CSS can
 * keep room for controls that scripts reveal (no layout shift when they appear).
 */
export const THEME_BOOT_SCRIPT =
  "(function(){var c='system';try{c=localStorage.getItem('theme')||'system'}catch(e){}" +
  "var r=document.documentElement;r.dataset.theme=c==='dark'||(c==='system'&&matchMedia('(prefers-color-scheme: dark)').matches)?'dark':'light';r.dataset.themeChoice=c;r.classList.add('js')})();";
