// Where the site's address comes from: SITE, else Cloudflare Pages' own, else nowhere (no host is made up).
import { describe, expect, it } from 'vitest';
import { ownUrl, siteAddress } from '../../src/lib/own-site.ts';

describe('siteAddress', () => {
  it('is SITE when set, on Cloudflare Pages too', () => {
    expect(siteAddress({ SITE: 'https://mail.example.org' })).toBe('https://mail.example.org');
    expect(siteAddress({ SITE: 'https://mail.example.org', CF_PAGES: '1', CF_PAGES_URL: 'https://abc.portolan.pages.dev' })).toBe('https://mail.example.org');
  });
  it('is the deployment’s address on Cloudflare Pages without SITE', () => {
    expect(siteAddress({ CF_PAGES: '1', CF_PAGES_URL: 'https://abc.portolan.pages.dev' })).toBe('https://abc.portolan.pages.dev');
  });
  it('stops a Cloudflare Pages build that has neither, saying what to set', () => {
    expect(() => siteAddress({ CF_PAGES: '1' })).toThrow(/^Cloudflare Pages build without an address: set SITE/);
  });
  it('is nothing elsewhere, and URLs stay relative', () => {
    expect(siteAddress({})).toBeUndefined();
    expect(ownUrl('/v1.1/163.com', undefined)).toBe('/v1.1/163.com');
    expect(ownUrl('/v1.1/163.com', new URL('https://mail.example.org'))).toBe('https://mail.example.org/v1.1/163.com');
  });
});
