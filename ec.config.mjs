// @ts-check
// Expressive Code options live here (not in astro.config.mjs) so the <Code> component can use them.
import { defineEcConfig } from 'astro-expressive-code';

export default defineEcConfig({
  themes: ['github-light', 'github-dark'],
  useDarkModeMediaQuery: false,
  themeCssSelector: (theme) => `[data-theme='${theme.type}']`,
  // Keep tabs: kernel code and the patch must render byte-for-byte.
  tabWidth: 0,
  styleOverrides: { codeFontFamily: 'var(--font-mono)', codeFontSize: '0.875rem', borderRadius: '6px' },
});
