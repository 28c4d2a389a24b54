// /api/v1/schema.json: the JSON Schema of a provider, generated from src/data/schema.ts at build time.
import type { APIRoute } from 'astro';
import { jsonResponse, providerJsonSchema, SCHEMA_PATH } from '../../../lib/api.ts';

export const GET: APIRoute = ({ site }) => jsonResponse(providerJsonSchema(site ? new URL(SCHEMA_PATH, site).href : undefined));
