// Parses what a reader typed into search: quoted phrases, kernel identifiers, constants, acronyms and
// plain words, with question and stop words set aside. Pure: no DOM, no index.
import { stemmer } from 'stemmer';

/** Longer input is cut here: no question needs more, and every extra word costs a search run. */
export const MAX_QUERY_CHARS = 200;

export type TokenKind = 'word' | 'acronym' | 'identifier' | 'hex' | 'number' | 'phrase';
/** What a token names, when its shape or its neighbours say so. */
export type TokenRole = 'msr' | 'exit-reason' | 'module-parameter' | 'module';

export interface QueryToken {
  /** As typed (phrases without their quotes). */
  text: string;
  kind: TokenKind;
  /** Comparison key: lower case, words stemmed (so "interrupts" and "interrupt" agree). */
  key: string;
  /** What to send to the index for this token. */
  search: string;
  role?: TokenRole;
  /** Other spellings of the same value (a hex constant in decimal and back). */
  variants?: string[];
  /** A question or stop word: not searched on its own, but part of phrases such as "not merged". */
  stop?: boolean;
}

export interface ParsedQuery {
  /** The query as used: trimmed, control characters removed, cut to MAX_QUERY_CHARS. */
  text: string;
  /** The meaningful tokens: quoted phrases, then the rest in the order typed. */
  tokens: QueryToken[];
  /** Every token outside quotes in the order typed, stop words included (marked `stop`). */
  sequence: QueryToken[];
  /** Question and stop words that were set aside. */
  dropped: string[];
  /** True when the input was longer than MAX_QUERY_CHARS. */
  truncated: boolean;
}

// Question words, English function words and filler adverbs ("actually", "really"): they name no topic.
// Function words occur on nearly every page, and Pagefind ANDs every word it has seen, so keeping them
// only empties the result list; fillers are rare on the site, so relaxation would keep them longest.
const STOP_WORDS = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here of in on at to from by for with ' +
    'without into onto over under about after before between through during within upon as is are was were be been ' +
    'being am do does did doing done have has had having can could shall should will would may might must i me my we ' +
    'us our you your he him his she her it its they them their what which who whom whose when where why how whether ' +
    'not no any some all each every both either neither other such own same very just also only too more most much ' +
    'many few again ever still please tell explain happen happens happened happening mean means meant get gets got ' +
    'thing things way ways one someone something anything kind sort use used using need needs work works ' +
    'look looks looking while because since until although though unless whereas actually really exactly basically simply ' +
    'even already anymore somehow whatever whenever wherever ' +
    // Negated auxiliaries, like "not" and "can" above, and adverbs of time and frequency.
    "can't cannot couldn't don't doesn't didn't isn't aren't wasn't weren't won't wouldn't shouldn't hasn't haven't hadn't " +
    'always never sometimes often usually occasionally frequently rarely temporarily suddenly randomly now currently anyway'
  ).split(' '),
);

/** Whether `word` is a function word or filler, which names no topic (case and apostrophe style ignored). */
export const isStopWord = (word: string) => STOP_WORDS.has(word.toLowerCase().replace(/’/g, "'"));

// Exit-reason and MSR context: "exit reason 48", "MSR 0x80b".
const EXIT_CONTEXT = new Set(['exit', 'exits', 'reason', 'exit_reason', 'vmexit']);
const MSR_CONTEXT = new Set(['msr', 'rdmsr', 'wrmsr']);
// x2APIC registers are MSRs 0x800-0x8FF (Intel SDM Vol. 3A, x2APIC register address space).
const X2APIC_MSR_RANGE = [0x800, 0x8ff] as const;

// A kernel source file's extension: "vmx.c" has the shape of a module parameter.
const SOURCE_FILE = /\.(?:c|h|S|rs|lds)$/;

// One token: a module parameter (kvm_intel.enable_ipiv), an assignment (enable_apicv=N), an
// identifier, a hex constant, a number, or a word in any script.
const TOKEN =
  /(?<param>[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)|(?<assign>[A-Za-z_][A-Za-z0-9_]*)=(?<value>[^\s"]*)|(?<hex>\b0[xX][0-9A-Fa-f]+\b)|(?<ident>\b[A-Za-z_][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b|\b_[A-Za-z0-9_]+)|(?<num>\b\d+\b)|(?<word>[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*)/gu;

const isAcronymShape = (w: string) => /^(?=.*[A-Z].*[A-Z])[A-Za-z0-9]{2,12}$/.test(w) && w !== w.toLowerCase() && !/^[A-Z][a-z]+$/.test(w);

/** Lower-cased, stemmed key of one plain word. */
export function wordKey(word: string): string {
  const w = word.toLowerCase().replace(/['’]s?$/, '');
  return /^[a-z]+$/.test(w) ? stemmer(w) : w;
}

/** Key of a phrase or name as search compares it: words stemmed, identifiers kept whole. */
export function phraseKey(text: string): string {
  return [...text.matchAll(/[\p{L}\p{N}_]+/gu)].map((m) => (m[0].includes('_') ? m[0].toLowerCase() : wordKey(m[0]))).join(' ');
}

const clean = (raw: string) =>
  raw
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function parseQuery(raw: string): ParsedQuery {
  const full = clean(raw);
  const truncated = full.length > MAX_QUERY_CHARS;
  const text = truncated ? full.slice(0, MAX_QUERY_CHARS).replace(/\s\S*$/, '') : full;
  const tokens: QueryToken[] = [];
  const dropped: string[] = [];

  // Quoted phrases first; what is left is tokenised word by word.
  const rest = text.replace(/["“”]([^"“”]+)["“”]/g, (_, phrase: string) => {
    const inner = phrase.replace(/["“”]/g, '').trim();
    if (inner) tokens.push({ text: inner, kind: 'phrase', key: phraseKey(inner), search: `"${inner}"` });
    return ' ';
  });

  const words: QueryToken[] = [];
  let previous = '';
  for (const m of rest.matchAll(TOKEN)) {
    const g = m.groups!;
    const context = previous;
    previous = m[0].toLowerCase();
    if (g.param && SOURCE_FILE.test(g.param)) {
      // A source file ("vmx.c", "kvm_host.h"), not a module parameter: its name is what is searched.
      const name = g.param.replace(SOURCE_FILE, '');
      words.push(name.includes('_') ? { text: name, kind: 'identifier', key: name.toLowerCase(), search: name } : { text: name, kind: 'word', key: wordKey(name), search: name.toLowerCase() });
    } else if (g.param) {
      const [module, name] = g.param.split('.') as [string, string];
      words.push({ text: name, kind: 'identifier', key: name.toLowerCase(), search: name, role: 'module-parameter' });
      words.push({ text: module, kind: 'identifier', key: module.toLowerCase(), search: module, role: 'module' });
    } else if (g.assign) {
      words.push({ text: g.assign, kind: 'identifier', key: g.assign.toLowerCase(), search: g.assign, role: 'module-parameter' });
    } else if (g.hex) {
      const value = Number.parseInt(g.hex.slice(2), 16);
      const token: QueryToken = { text: g.hex, kind: 'hex', key: `0x${g.hex.slice(2).toLowerCase().replace(/^0+(?=.)/, '')}`, search: g.hex.toLowerCase() };
      if (MSR_CONTEXT.has(context) || (value >= X2APIC_MSR_RANGE[0] && value <= X2APIC_MSR_RANGE[1])) token.role = 'msr';
      else if (EXIT_CONTEXT.has(context)) token.role = 'exit-reason';
      if (Number.isSafeInteger(value) && value < 0x10000) token.variants = [String(value)];
      words.push(token);
    } else if (g.ident) {
      const token: QueryToken = { text: g.ident, kind: 'identifier', key: g.ident.toLowerCase(), search: g.ident };
      if (/^(SVM_EXIT_|EXIT_REASON_)/.test(g.ident) || (EXIT_CONTEXT.has(context) && g.ident === g.ident.toUpperCase())) token.role = 'exit-reason';
      words.push(token);
    } else if (g.num) {
      const value = Number(g.num);
      const token: QueryToken = { text: g.num, kind: 'number', key: String(value), search: g.num };
      if (EXIT_CONTEXT.has(context)) token.role = 'exit-reason';
      if (MSR_CONTEXT.has(context)) token.role = 'msr';
      if (Number.isSafeInteger(value) && value < 0x10000) token.variants = [`0x${value.toString(16)}`];
      words.push(token);
    } else if (g.word) {
      const w = g.word.replace(/['’-]+$/, '');
      // A lone Latin letter ("Y" in "enable_apicv is Y") names nothing, and the index would match it as
      // the start of every word that begins with it.
      if (isStopWord(w) || /^[A-Za-z]$/.test(w)) {
        dropped.push(w);
        words.push({ text: w, kind: 'word', key: wordKey(w), search: w.toLowerCase(), stop: true });
        continue;
      }
      if (isAcronymShape(w)) {
        // A plural acronym ("vCPUs", "IPIs") stands for its singular; matching an acronym as a whole word
        // takes its plural too (relax.ts). The index keeps "vcpus" apart from "vcpu".
        const singular = /[A-Z0-9]s$/.test(w) && isAcronymShape(w.slice(0, -1)) ? w.slice(0, -1) : w;
        words.push({ text: w, kind: 'acronym', key: singular.toLowerCase(), search: singular });
      }
      else words.push({ text: w, kind: 'word', key: wordKey(w), search: w.toLowerCase() });
    }
  }
  // Context words ("exit", "MSR") stay: they are meaningful on this site.
  const seen = new Set<string>();
  const meaningful = [...tokens, ...words.filter((t) => !t.stop)].filter((t) => (seen.has(`${t.kind}:${t.key}`) ? false : (seen.add(`${t.kind}:${t.key}`), true)));
  return { text, tokens: meaningful, sequence: words, dropped, truncated };
}
