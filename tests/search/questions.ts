// Loads the search question set, validated by its schema, for the unit test and the e2e test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseYamlWith } from '../../src/lib/yamlData.ts';
import { searchQuestionsSchema, type SearchQuestion } from '../../src/schemas/searchQuestion.ts';

export const QUESTIONS_FILE = resolve(import.meta.dirname, 'questions.yaml');

export function loadQuestions(): { questions: SearchQuestion[]; errors: string[] } {
  const { data, errors } = parseYamlWith(searchQuestionsSchema, readFileSync(QUESTIONS_FILE, 'utf8'), 'tests/search/questions.yaml');
  return { questions: data ?? [], errors: errors.map((e) => e.message) };
}
