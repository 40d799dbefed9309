import { ELIXIR_VERSIONS } from '../schemas/topics.ts';
import type { KernelSymbol } from './site.ts';

const ELIXIR = 'https://elixir.bootlin.com/linux';

export const elixirIdentUrl = (version: string, name: string) => `${ELIXIR}/${version}/A/ident/${name}`;
export const elixirFileUrl = (version: string, file: string) => `${ELIXIR}/${version}/source/${file}`;

/** Elixir links for a symbol at the pinned versions; none for a symbol that only exists in a proposed patch. */
export function symbolElixirLinks(symbol: KernelSymbol): { version: string; url: string; checked: boolean }[] {
  if (symbol.data.proposedBy) return [];
  return ELIXIR_VERSIONS.map((version) => ({
    version,
    url: elixirIdentUrl(version, symbol.data.name),
    checked: symbol.data.checked.includes(version),
  }));
}
