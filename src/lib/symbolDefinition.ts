import type { SymbolData } from '../schemas/symbol.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the line where `symbol` is defined in a C source text, by the shape its kind implies.
 * Returns the 1-based line number, or null. Declarations (prototypes ending in `;`) do not count.
 */
export function findDefinition(source: string, symbol: Pick<SymbolData, 'name' | 'kind'>): number | null {
  const name = escape(symbol.name);
  const lines = source.split('\n');
  const lineOfIndex = (index: number) => source.slice(0, index).split('\n').length;
  const first = (re: RegExp) => {
    const m = re.exec(source);
    return m ? lineOfIndex(m.index + (m[0].length - m[0].trimStart().length)) : null;
  };
  switch (symbol.kind) {
    case 'macro':
      return first(new RegExp(`^[ \\t]*#[ \\t]*define[ \\t]+${name}\\b`, 'm'));
    case 'enum value':
      return first(new RegExp(`^[ \\t]+${name}[ \\t]*(=[^,\\n]*)?,?[ \\t]*(/[*/].*)?$`, 'm'));
    case 'struct':
      return first(new RegExp(`^struct[ \\t]+${name}[ \\t]*\\{`, 'm'));
    case 'field':
      return first(new RegExp(`^[ \\t]+[^\\n;()]*[ \\t*]${name}(\\[[^\\]\\n]*\\])*([ \\t]*:[ \\t]*\\d+)?;`, 'm'));
    case 'tracepoint':
      return first(new RegExp(`^(TRACE_EVENT|DEFINE_EVENT)[A-Z_]*\\((\\s*\\w+,)?\\s*${name}\\b`, 'm'));
    case 'module parameter':
      return first(new RegExp(`^module_param(_named|_unsafe|_cb)?\\(\\s*${name}\\b`, 'm'));
    case 'function': {
      // A definition starts at column 0 and reaches `{` before any `;`.
      const start = new RegExp(`^(?:[A-Za-z_][^;{}\\n]*[\\s*])?${name}\\s*\\(`);
      for (let i = 0; i < lines.length; i++) {
        if (!start.test(lines[i]!)) continue;
        const rest = lines.slice(i, i + 12).join('\n');
        const brace = rest.indexOf('{');
        const semi = rest.indexOf(';');
        if (brace !== -1 && (semi === -1 || brace < semi)) return i + 1;
      }
      return null;
    }
  }
}
