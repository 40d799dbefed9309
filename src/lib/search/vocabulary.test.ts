import { describe, expect, it } from 'vitest';
import { VOCABULARY } from './testFixtures.ts';
import { indexVocabulary } from './vocabulary.ts';

describe('indexVocabulary', () => {
  it('gives each glossary acronym the index holds its index word: itself unless the vocabulary says otherwise', () => {
    const { indexAcronyms } = indexVocabulary({ ...VOCABULARY, indexAcronyms: { svi: '' } });
    expect(indexAcronyms).toEqual(new Map([['rvi', 'rvi']]));
    const stemmed = indexVocabulary({ ...VOCABULARY, terms: [...VOCABULARY.terms, { ...VOCABULARY.terms[0]!, term: 'IsRunning', aliases: [] }], indexAcronyms: { isrunning: 'isrun' } });
    expect(stemmed.indexAcronyms.get('isrunning')).toBe('isrun');
  });
});
