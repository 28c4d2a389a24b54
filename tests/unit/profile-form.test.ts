// The profile form gets only part of a provider (src/lib/profile-form.ts); with it, the
// browser must build exactly the profile the whole provider gives, and refuse the same input.
import { passwordHow } from '../../src/lib/password.ts';
import { describe, expect, it } from 'vitest';
import { providers } from '../../src/lib/dataset.ts';
import type { Provider } from '../../src/data/schema.ts';
import { canBuildProfile, checkAddress, mobileconfig, type ProfileText } from '../../src/lib/profile.ts';
import { addressEndings, profileProvider, profileText } from '../../src/lib/profile-form.ts';
import { LOCALES } from '../../src/data/locales.ts';
import { domainsOf } from '../../src/lib/domains.ts';

/** The same UUIDs in the same order for both builds. */
const counter = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};

describe('the profile form’s part of a provider', () => {
  for (const provider of providers.filter(canBuildProfile)) {
    // What the page writes into data-provider and the script reads back.
    const part = JSON.parse(JSON.stringify(profileProvider(provider))) as Provider;

    it(`${provider.domain}: builds the same profile as the whole provider, in each language`, () => {
      const address = `someone@${provider.domain}`;
      for (const locale of LOCALES) {
        // What the page writes into data-text and the script reads back.
        const text = JSON.parse(JSON.stringify(profileText(provider, locale))) as ProfileText;
        const options = { address, senderName: 'Li Lei' };
        expect(mobileconfig(part, [text], { ...options, uuid: counter() })).toBe(mobileconfig(provider, [profileText(provider, locale)], { ...options, uuid: counter() }));
      }
    });

    it(`${provider.domain}: accepts and refuses the same addresses`, () => {
      const inputs = [`a@${provider.domain}`, `A.B@${provider.domain.toUpperCase()}`, ...domainsOf(provider).slice(1).map((d) => `x@${d}`), 'not-an-address', 'someone@gmail.com', ' @163.com', ''];
      for (const input of inputs) expect(checkAddress(part, input), input).toEqual(checkAddress(provider, input));
    });

    it(`${provider.domain}: leaves out prose and sources`, () => {
      const text = JSON.stringify(profileProvider(provider));
      expect(text).not.toContain(passwordHow(provider, 'en'));
      for (const src of provider.sources) expect(text).not.toContain(src.url);
    });

    it(`${provider.domain}: names every domain an address may end in`, () => {
      for (const d of domainsOf(provider)) expect(addressEndings(provider)).toContain(`@${d}`);
    });
  }
});
