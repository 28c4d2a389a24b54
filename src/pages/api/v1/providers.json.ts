// /api/v1/providers.json: every provider of the dataset.
import type { APIRoute } from 'astro';
import { providers } from '../../../lib/dataset.ts';
import { jsonResponse, providersJson } from '../../../lib/api.ts';

export const GET: APIRoute = () => jsonResponse(providersJson(providers));
