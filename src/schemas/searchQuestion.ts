import { z } from 'zod';

/** What a search question exercises: how readers type into search. */
export const SEARCH_QUESTION_KINDS = ['keyword', 'identifier', 'trace', 'question'] as const;
export type SearchQuestionKind = (typeof SEARCH_QUESTION_KINDS)[number];

/** A plain-language question has this many words. */
export const QUESTION_WORDS = { min: 8, max: 15 } as const;

const wordCount = (text: string) => text.trim().split(/\s+/).length;

/**
 * One question of the search question set (tests/search/questions.yaml): the query as a reader types
 * it, the page ids that answer it (any one in the top 3 counts), and where in the sources the answer is.
 */
export const searchQuestionSchema = z
  .strictObject({
    query: z.string().trim().min(1).max(300),
    kind: z.enum(SEARCH_QUESTION_KINDS),
    answers: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a page id such as apicv/posted-interrupts')).min(1),
    source: z.string().min(10),
    /**
     * A ranking miss measured on the built site and not fixed yet: what search returned instead. The
     * test expects these to fail, so a miss that starts passing fails until this field is removed.
     */
    miss: z.string().min(10).optional(),
  })
  .superRefine((q, ctx) => {
    const words = wordCount(q.query);
    if (q.kind === 'question' && (words < QUESTION_WORDS.min || words > QUESTION_WORDS.max)) {
      ctx.addIssue({ code: 'custom', path: ['query'], message: `a question has ${QUESTION_WORDS.min} to ${QUESTION_WORDS.max} words, this one ${words}` });
    }
    // As the tracing buffer prints it: the event name and ": ", after trace_pipe's "task-pid [cpu] flags timestamp: " when pasted whole.
    if (q.kind === 'trace' && !/^(?:\S.* \[\d+\] \S+ +\d+\.\d+: )?kvm_[a-z0-9_]+: \S/.test(q.query)) {
      ctx.addIssue({ code: 'custom', path: ['query'], message: 'a trace line starts with the event name and ": " (after trace_pipe\'s "task-pid [cpu] flags timestamp: " when pasted whole), as the kernel prints it' });
    }
    if (q.kind !== 'question' && q.kind !== 'trace' && words > 7) {
      ctx.addIssue({ code: 'custom', path: ['query'], message: `a ${q.kind} query is a few words, this one ${words}` });
    }
  });

export const searchQuestionsSchema = z.array(searchQuestionSchema);
export type SearchQuestion = z.infer<typeof searchQuestionSchema>;
