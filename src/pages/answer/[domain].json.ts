// One provider's answer card data (src/lib/answer-index.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { clients, providers } from '../../lib/dataset.ts';
import { providerAnswer } from '../../lib/answer-index.ts';
import type { Provider } from '../../data/schema.ts';

export const getStaticPaths = (() => providers.map((provider) => ({ params: { domain: provider.domain }, props: { provider } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(providerAnswer((props as { provider: Provider }).provider, clients)), { headers: { 'Content-Type': 'application/json' } });
