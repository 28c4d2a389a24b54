// What a page says about the password when a source gives the rule, and when none does.
import type { Locale, Provider } from '../data/schema.ts';
import { t } from './i18n.ts';

/** Providers that take no password at all: mail apps must sign in through the provider's page (OAuth2). */
export const oauthOnly = (provider: Provider) => provider.password?.kind === 'oauth-only';

/** What the user types where an app asks for a password, as the provider names it, or the generic advice. */
export function passwordName(provider: Provider, locale: Locale): string {
  const s = t(locale);
  if (provider.password?.name) return provider.password.name[locale];
  if (oauthOnly(provider)) return s.oauthOnlyName;
  return s.genericPasswordName;
}

/** How to get it: the provider's own steps, else what is known in general, never an invented procedure. */
export function passwordHow(provider: Provider, locale: Locale): string {
  const s = t(locale);
  if (provider.password?.how) return provider.password.how[locale];
  if (oauthOnly(provider)) return s.oauthOnly(provider.name[locale]);
  if (provider.password?.kind === 'app-password') return s.appPasswordGeneric;
  return s.passwordUnknown(provider.name[locale]);
}
