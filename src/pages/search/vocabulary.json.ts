import type { APIRoute } from 'astro';
import { getProject } from '../../lib/project.ts';
import { buildVocabulary } from '../../lib/search/vocabulary.ts';

// The names and synonyms the query layer matches against, fetched when search is first used.
export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildVocabulary(getProject().site)), { headers: { 'Content-Type': 'application/json' } });
