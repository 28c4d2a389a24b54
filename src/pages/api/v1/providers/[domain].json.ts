// /api/v1/providers/{domain}.json for every domain; another domain of a provider serves that provider.
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Provider } from '../../../../data/schema.ts';
import { providers } from '../../../../lib/dataset.ts';
import { domainsOf } from '../../../../lib/domains.ts';
import { jsonResponse, providerJson, SCHEMA_PATH } from '../../../../lib/api.ts';

export const getStaticPaths = (() =>
  providers.flatMap((provider) => domainsOf(provider).map((domain) => ({ params: { domain }, props: { provider } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { provider } = props as { provider: Provider };
  return jsonResponse(providerJson(provider, site ? new URL(SCHEMA_PATH, site).href : undefined));
};
