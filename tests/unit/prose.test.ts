// The prose check of tests/prose.ts, on small fixtures: each way a value slipped past the old
// check of the MDX source (arithmetic, entities, full-width digits, split by a tag, hostnames
// outside a fixed list, values in props) is caught; values the data put there are not.
import { describe, expect, it } from 'vitest';
import { proseFacts, proseLeaks, proseText, stepsHtml } from '../prose.ts';
import { providers } from '../../src/lib/dataset.ts';
import type { Provider } from '../../src/data/schema.ts';

// A small fixture dataset: two providers, as the schema gives them.
const fixture = (over: { domain: string; imap: string; smtp: string; imapPort: number; smtpPort: number; password: NonNullable<NonNullable<Provider['password']>['name']> }) =>
  ({
    domain: over.domain,
    otherDomains: [],
    servers: {
      imap: [{ host: over.imap, port: over.imapPort }],
      pop3: [],
      smtp: [{ host: over.smtp, port: over.smtpPort }],
    },
    password: { name: over.password },
  }) as unknown as Provider;
const facts = proseFacts([
  fixture({ domain: '163.com', imap: 'imap.163.com', smtp: 'smtp.163.com', imapPort: 993, smtpPort: 465, password: { 'zh-cn': '客户端授权码', en: 'client authorization code (客户端授权码)' } }),
  fixture({ domain: 'qiye.163.com', imap: 'imaphz.qiye.163.com', smtp: 'smtphz.qiye.163.com', imapPort: 993, smtpPort: 994, password: { 'zh-cn': '客户端授权码（授权密码）', en: 'authorization code' } }),
]);

/** A guide page around some step prose, as the guide template renders it. */
const page = (prose: string) =>
  `<main><dl><dd><code>imap.163.com</code></dd></dl><ol class="steps"><li class="step"><h2 id="step-x"><span class="step-no" data-value>1.</span> Title <a class="anchor" href="#step-x" aria-label="#step-x">#</a></h2><p>${prose}</p></li></ol><section>port 25</section></main>`;
const leaks = (prose: string) => proseLeaks(proseText(stepsHtml(page(prose))), facts);

describe('the facts come from the dataset', () => {
  it('every server host and port, every domain, every password name and its head noun', () => {
    expect(facts.hosts.sort()).toEqual(['163.com', 'imap.163.com', 'imaphz.qiye.163.com', 'qiye.163.com', 'smtp.163.com', 'smtphz.qiye.163.com']);
    expect(facts.ports.sort()).toEqual([465, 993, 994]);
    expect(facts.passwordNouns.sort()).toEqual(['authorization code', 'client authorization code', 'code', '客户端授权码', '授权密码'].sort());
  });

  it('and from the real dataset too', () => {
    const real = proseFacts(providers);
    for (const p of providers) {
      expect(real.hosts).toContain(p.domain);
      for (const s of [...p.servers.imap, ...p.servers.pop3, ...p.servers.smtp]) {
        expect(real.hosts).toContain(s.host);
        expect(real.ports).toContain(s.port);
      }
    }
  });
});

describe('the check catches', () => {
  it.each([
    ['arithmetic, as MDX renders {990 + 3}', 'Port 993 here', 'port 993'],
    ['a decimal character reference', 'Use &#57;93.', 'port 993'],
    ['a hexadecimal character reference', 'Use &#x39;&#x39;3.', 'port 993'],
    ['a named entity inside a hostname', 'Server imap&period;163.com', 'hostname imap.163.com'],
    ['a numeric entity inside a hostname', 'Server imap&#46;163.com', 'hostname imap.163.com'],
    ['full-width digits', '端口填 ９９３', 'port 993'],
    ['a full-width dot', 'imap．163．com', 'hostname imap.163.com'],
    ['a port split by an empty element', 'Use 99<span></span>3', 'port 993'],
    ['a port split by a self-closing tag', 'Use 99<span />3', 'port 993'],
    ['a zero-width space', 'Use 99\u200b3', 'port 993'],
    ['a soft hyphen', 'imap.16\u00ad3.com', 'hostname imap.163.com'],
    ['a host of the dataset outside any fixed list', 'Server imaphz.qiye.163.com', 'hostname imaphz.qiye.163.com'],
    ['a hostname not in the dataset at all', 'Sign in at mail.163.com', 'hostname mail.163.com'],
    ['another service’s hostname', 'Like outlook.office365.com', 'hostname outlook.office365.com'],
    ['a port number not in the dataset', 'or port 2525', 'port number 2525'],
    ['a Chinese port phrase', '端口：2525', 'port number 2525'],
    ['a value in a title attribute', '<abbr title="imap.163.com">the server</abbr>', 'hostname imap.163.com'],
    ['a value in an aria-label', '<a href="#x" aria-label="port 993">here</a>', 'port 993'],
    ['a value in a link', '<a href="https://mail.163.com/">web mail</a>', 'hostname mail.163.com'],
    ['a value in a code element the data did not mark', '<code>smtp.163.com</code>', 'hostname smtp.163.com'],
    ['a step number typed in English', 'the code from step 1', 'step number “step 1”'],
    ['a step number typed in Chinese', '填第 1 步得到的', 'step number “第 1 步”'],
    ['a provider’s password noun, in Chinese', '<h2>填写授权密码</h2>', 'password noun “授权密码”'],
    ['a provider’s password noun, in English', 'Enter the code', 'password noun “code”'],
    ['a password noun, in another provider’s guide', '填写客户端授权码', 'password noun “客户端授权码”'],
  ])('%s', (_, prose, expected) => {
    expect(leaks(prose).map((l) => l.split(' in “')[0])).toContain(expected);
  });

  it('a value next to a marked one', () => {
    expect(leaks('<code data-value>imap.163.com</code>:993')).toEqual([expect.stringMatching(/^port 993 in/)]);
  });
});

describe('the check lets through', () => {
  it('values the data put there, in elements marked data-value, nested or not', () => {
    const prose =
      'Server <code data-value>imap.163.com</code>, port <code data-value>993</code>, from step <a href="#step-password" data-value>1</a>, the <strong data-value>客户端授权码</strong>.' +
      '<div data-value><div><p>Sign in at mail.163.com</p></div><p>(16 位)</p></div> And then 25 more words.';
    expect(leaks(prose)).toEqual([]);
  });

  it('the app’s own labels and ordinary words and numbers', () => {
    expect(leaks('<span class="ui">Password</span>: the password. On iOS 17 and earlier, tap <span class="ui">SSL/TLS</span>, e.g. twice.')).toEqual([]);
  });

  it('only the steps: the page around them is the template’s', () => {
    expect(stepsHtml(page('x'))).not.toContain('<dl>');
    expect(stepsHtml(page('x'))).not.toContain('port 25');
  });
});
