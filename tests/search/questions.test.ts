// The search question set is valid, names real pages, and covers every topic and every kind.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchQuestionSchema, SEARCH_QUESTION_KINDS } from '../../src/schemas/searchQuestion.ts';
import { TOPICS } from '../../src/schemas/topics.ts';
import { loadQuestions } from './questions.ts';

const MIN_QUESTIONS = 60;
const MIN_PER_KIND = 10;
const MIN_PER_TOPIC = 3;

const { questions, errors } = loadQuestions();
/** A question's topic is the topic of its first answering page. */
const topicOf = (answer: string) => answer.split('/')[0]!;

describe('tests/search/questions.yaml', () => {
  it('is valid against its schema', () => {
    expect(errors).toEqual([]);
    expect(questions.length).toBeGreaterThanOrEqual(MIN_QUESTIONS);
  });

  it('names only pages that exist', () => {
    const missing = questions.flatMap((q) => q.answers).filter((id) => !existsSync(resolve(import.meta.dirname, '../../content/docs', `${id}.mdx`)));
    expect(missing).toEqual([]);
  });

  it('asks each query once', () => {
    const seen = questions.map((q) => q.query.toLowerCase());
    expect(seen.filter((q, i) => seen.indexOf(q) !== i)).toEqual([]);
  });

  it.each(TOPICS)('has at least 3 questions answered on the %s topic', (topic) => {
    expect(questions.filter((q) => topicOf(q.answers[0]!) === topic).length).toBeGreaterThanOrEqual(MIN_PER_TOPIC);
  });

  it.each(SEARCH_QUESTION_KINDS)('has at least 10 questions of kind %s', (kind) => {
    expect(questions.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(MIN_PER_KIND);
  });

  it('covers every topic with more than one kind', () => {
    for (const topic of TOPICS) {
      expect(new Set(questions.filter((q) => topicOf(q.answers[0]!) === topic).map((q) => q.kind)).size, topic).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('search question schema', () => {
  const base = { query: 'which VMCS is loaded on the CPU while L2 is running', kind: 'question', answers: ['nested/nested-vmx'], source: 'vmx/nested.c vmx_switch_vmcs()' };
  it('accepts a well-formed question', () => {
    expect(searchQuestionSchema.safeParse(base).success).toBe(true);
  });
  it('accepts a trace line as the kernel prints it, with or without trace_pipe\'s task, CPU and timestamp', () => {
    const trace = { ...base, kind: 'trace', query: 'kvm_avic_incomplete_ipi: vcpu=0, icrh:icrl=0x01000000:000040fd, id=1, index=1' };
    expect(searchQuestionSchema.safeParse(trace).success).toBe(true);
    expect(searchQuestionSchema.safeParse({ ...trace, query: `qemu-system-x86-4121 [007] d..2. 81234.567890: ${trace.query}` }).success).toBe(true);
  });
  it.each([
    ['a question shorter than 8 words', { query: 'why was the patch rejected' }],
    ['a question longer than 15 words', { query: 'what exactly happens to an interrupt that was meant for L1 when the vCPU is running L2 right now' }],
    ['a trace line without the event name', { kind: 'trace', query: 'set reason=9, inhibits=0x200' }],
    ['a trace line with text before the event name that is not trace_pipe\'s', { kind: 'trace', query: 'see kvm_exit: vcpu 0 reason HLT' }],
    ['a long keyword query', { kind: 'keyword', query: 'one two three four five six seven eight' }],
    ['an answer that is not a page id', { answers: ['/nested/nested-vmx/'] }],
    ['no answer', { answers: [] }],
    ['an unknown kind', { kind: 'phrase' }],
    ['an unknown field', { page: 'nested/nested-vmx' }],
  ])('rejects %s', (_, change) => {
    expect(searchQuestionSchema.safeParse({ ...base, ...change }).success).toBe(false);
  });
});
