// What kernel output pasted into search looks like, without the explainers' tables: the patterns
// pastedOutput.ts reads its input by, and a test over them. The search UI loads the recogniser and the
// tables it needs (about 25 KiB of script) only for text in which one of these patterns occurs, which
// most questions and keywords do not have. The patterns carry no "g" flag, so no caller's lastIndex
// can leak into another's; pastedOutput.ts adds it where it iterates.

/** Longest text looked at: a pasted trace excerpt, not a whole log. */
export const MAX_INPUT = 4000;

/** A tracepoint line: "task-pid [cpu] flags timestamp: kvm_event: fields"; the event name ends in ": ". */
export const TRACE_EVENT = /\b(kvm_[a-z0-9_]+):\s+(.*)$/;
/** An inhibit mask typed alone: "inhibits=0x200", "inhibit mask 0x10". */
export const INHIBIT_MASK = /\binhibit(?:s|ion|_reasons)?(?:\s+mask)?\s*[=:]?\s*(0x[0-9a-f]{1,16})\b/i;
/** The AVIC exit codes by name or number. */
export const AVIC_EXIT = /\b(?:SVM_EXIT_)?AVIC_(INCOMPLETE_IPI|UNACCELERATED_ACCESS)\b|\b0x0*40([12])\b/i;
/** An exit reason name with an underscore, which stands on its own ("EPT_MISCONFIG"). */
export const EXIT_NAME = /\b(?:EXIT_REASON_)?([A-Z]+(?:_[A-Z]+)+)\b/;
/** A one-word exit reason or a number, only next to "exit reason" (so a search for CPUID is not output). */
export const EXIT_PHRASE = /\b(?:EXIT_REASON_([A-Z]+)|(?:basic\s+)?exit[\s_]reason\s*[=:]?\s*([A-Za-z]+|\d{1,3})\b|\b([A-Z]{3,})\s+exit\b)/;

/** Whether `text` may hold kernel output pastedOutput.ts recognises: false means it recognises none. */
export function mayBePastedOutput(text: string): boolean {
  const head = text.slice(0, MAX_INPUT);
  return [INHIBIT_MASK, AVIC_EXIT, EXIT_NAME, EXIT_PHRASE].some((re) => re.test(head)) || head.split(/\r?\n/).some((line) => TRACE_EVENT.test(line));
}
