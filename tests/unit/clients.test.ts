// Client behaviour lives in the client files: the password step every guide links, Apple profiles,
// alias names, and the apps people ask about that have no guide yet. Synthetic data only.
import { describe, expect, it } from 'vitest';
import { App, Client } from '../../src/data/schema.ts';
import { LOCALES } from '../../src/data/locales.ts';
import { namesUncoveredApp } from '../../src/lib/not-covered.ts';

const L = (text: string) => Object.fromEntries(LOCALES.map((l) => [l, text]));
const client = (extra: Record<string, unknown> = {}) => ({
  id: 'mailapp',
  name: L('Mail App'),
  version: L('1.0'),
  protocols: ['imap', 'smtp'],
  securityLabel: { 'ssl/tls': L('SSL'), starttls: L('STARTTLS'), none: L('None') },
  labelsConfirmed: Object.fromEntries(LOCALES.map((l) => [l, false])),
  steps: ['step-password', 'step-server'],
  sources: [{ id: 'x', url: 'https://example.org/', title: 'x', kind: 'third-party', checked: '2026-01-01' }],
  verified: '2026-01-01',
  priority: 1,
  ...extra,
});

describe('a client file', () => {
  it('needs the password step its guide page links to', () => {
    const result = Client.safeParse(client({ steps: ['step-server'] }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['steps', expect.stringContaining('step-password')]]);
  });

  it('installs no Apple profile and has no aliases unless it says so', () => {
    expect(Client.parse(client())).toMatchObject({ appleProfiles: false, aliases: [] });
    expect(Client.parse(client({ appleProfiles: true, aliases: ['mail-app'] }))).toMatchObject({ appleProfiles: true, aliases: ['mail-app'] });
  });

  it('takes aliases as people write them, in any language (a URL finds them by their slug)', () => {
    expect(Client.parse(client({ aliases: ['Mail App', '邮件'] })).aliases).toEqual(['Mail App', '邮件']);
    expect(Client.safeParse(client({ aliases: [''] })).success).toBe(false);
  });
});

describe('apps without a guide', () => {
  it('are recognised in a search by their aliases, ignoring case and spaces', () => {
    const app = App.parse({ id: 'other', name: L('Other Mail'), aliases: ['other mail', '别的邮箱'] });
    expect(namesUncoveredApp('how to set up OtherMail', app.aliases)).toBe(true);
    expect(namesUncoveredApp('别的邮箱 设置', app.aliases)).toBe(true);
    expect(namesUncoveredApp('163 iPhone', app.aliases)).toBe(false);
  });
});
