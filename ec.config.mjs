// @ts-check
// Expressive Code options live here (not in astro.config.mjs) so the <Code> component can use them.
import { defineEcConfig } from 'astro-expressive-code';
import { ecKernelTitleLinks } from './src/plugins/ecKernelTitleLinks.ts';
import { ecPlainDefaultTokens } from './src/plugins/ecPlainDefaultTokens.ts';
import { withoutEcScriptModule } from './src/plugins/ecWithoutScriptModule.ts';

export default defineEcConfig({
  themes: ['github-light', 'github-dark'],
  useDarkModeMediaQuery: false,
  themeCssSelector: (theme) => `[data-theme='${theme.type}']`,
  // Keep tabs: kernel code and the patch must render byte-for-byte.
  tabWidth: 0,
  plugins: [ecPlainDefaultTokens(), ecKernelTitleLinks()],
  // Its one script (a tab stop for code that scrolls sideways) is done by src/scripts/copyCode.ts.
  ...withoutEcScriptModule,
  // Our own button (src/scripts/copyCode.ts) reads the code from the page instead of a copy in an attribute.
  frames: { showCopyToClipboardButton: false },
  styleOverrides: {
    codeFontFamily: 'var(--font-mono)',
    // The site's own stacks instead of long copies of them in the stylesheet every page with code loads.
    uiFontFamily: 'var(--font-body)',
    codeFontSize: '0.875rem',
    borderRadius: '6px',
    // Icon of the Copy button we do not use (our own is text): not an inline SVG in every theme's styles.
    frames: { copyIcon: 'none' },
  },
  shiki: {
    // Shiki's JavaScript regular-expression engine instead of its Oniguruma WebAssembly: the same tokens
    // (dist/ byte for byte the same for this site's C and shell blocks) and a faster build: 2,000-page
    // corpus, alternated builds, 20.2 and 20.9 s against 22.1 and 22.3 s. Expressive Code runs it in its
    // forgiving mode, so a grammar pattern the engine cannot compile would leave some text unhighlighted
    // rather than fail the build; a new language in code blocks deserves a look at its page.
    engine: 'javascript',
    transformers: [
      {
        // Shiki stops tokenizing a line after 500 ms by default and leaves the rest unhighlighted. The
        // first line it tokenizes with a grammar includes compiling that grammar, which takes longer
        // than that on a busy machine, so the same code block came out coloured differently from one
        // build to the next. Without the limit every build highlights every line the same way.
        name: 'vapic-no-tokenize-time-limit',
        preprocess(code, options) {
          options.tokenizeTimeLimit = 0;
          return code;
        },
      },
    ],
  },
});
