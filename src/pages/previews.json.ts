import type { APIRoute } from 'astro';
import { buildPreviews } from '../lib/previews.ts';
import { getProject } from '../lib/project.ts';

// One file for every preview, fetched on first hover so it never weighs on page HTML.
export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildPreviews(getProject().site)), { headers: { 'Content-Type': 'application/json' } });
