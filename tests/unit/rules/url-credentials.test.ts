import { describe, expect, it } from 'vitest';
import { urlCredentials } from '../../../src/lib/rules/url-credentials.ts';
import { check, everyKind, FILES, provider } from './fixtures.ts';

const DECEPTIVE = 'https://service.mail.qq.com@evil.example/';

describe('url-credentials: a URL that reads as one host and leads to another', () => {
  it('passes plain links', () => expect(check(urlCredentials, provider())).toEqual([]));

  it('refuses a source URL with a user name before "@", on every file kind', () => {
    const why = `contains a user name or password before "@", so it leads to evil.example; link the page itself`;
    for (const [file, data] of everyKind()) {
      data.sources[0]!.url = DECEPTIVE;
      expect(check(urlCredentials, data, { file })).toEqual([`${file}: sources[0].url = "${DECEPTIVE}": ${why}`]);
    }
  });

  it('refuses it in a provider’s access page too', () => {
    const p = provider();
    p.access!.url = 'https://user:pass@evil.example/settings';
    expect(check(urlCredentials, p)).toEqual([`${FILES.provider}: access.url = "https://user:pass@evil.example/settings": contains a user name or password before "@", so it leads to evil.example; link the page itself`]);
  });
});
