// /profiles/{domain}.mobileconfig: a generic profile per provider, without an address, so the
// device asks for the address, user names and password while installing it. Built once per
// build, with fresh PayloadUUIDs, its texts in both languages; the profile form builds personal
// ones in the browser, in the page's language.
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Provider } from '../../data/schema.ts';
import { providers } from '../../lib/dataset.ts';
import { domainsOf } from '../../lib/domains.ts';
import { canBuildProfile, mobileconfig, PROFILE_CONTENT_TYPE } from '../../lib/profile.ts';
import { profileText } from '../../lib/profile-form.ts';
import { LOCALES } from '../../data/locales.ts';

export const getStaticPaths = (() =>
  providers
    .filter(canBuildProfile)
    .flatMap((provider) => domainsOf(provider).map((domain) => ({ params: { domain }, props: { provider } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { provider } = props as { provider: Provider };
  return new Response(mobileconfig(provider, LOCALES.map((l) => profileText(provider, l))), { headers: { 'Content-Type': PROFILE_CONTENT_TYPE } });
};
