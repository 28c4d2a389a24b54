// Thunderbird autoconfig at the ISPDB's URL scheme, /v1.1/{domain}, for every domain of every
// provider (Thunderbird's mailnews.auto_config_url can point at this site). Written as
// /v1.1/{domain}.xml so the host types it by its extension; _redirects serves it at /v1.1/{domain}
// (a Content-Type rule for /v1.1/* would also label the host's 404 page as XML).
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Provider } from '../../data/schema.ts';
import { providers } from '../../lib/dataset.ts';
import { autoconfigXml, hasAutoconfig } from '../../lib/autoconfig.ts';
import { domainsOf } from '../../lib/domains.ts';

export const getStaticPaths = (() =>
  providers.filter(hasAutoconfig).flatMap((provider) => domainsOf(provider).map((domain) => ({ params: { domain }, props: { provider } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props, site }) => {
  const { provider } = props as { provider: Provider };
  return new Response(autoconfigXml(provider, params.domain, { site }), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
