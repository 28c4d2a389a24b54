// Every provider's names, for a question the search page's own index (src/lib/answer-index.ts) finds no provider in.
import type { APIRoute } from 'astro';
import { clients, providers } from '../../lib/dataset.ts';
import { answerIndex } from '../../lib/answer-index.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(answerIndex(providers, clients).providers), { headers: { 'Content-Type': 'application/json' } });
