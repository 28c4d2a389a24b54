// The search page's answer index (src/lib/answer-index.ts), small enough to fetch whole.
import type { APIRoute } from 'astro';
import { clients, providers } from '../../lib/dataset.ts';
import { answerIndex } from '../../lib/answer-index.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(answerIndex(providers, clients)), { headers: { 'Content-Type': 'application/json' } });
