// Tiny synthetic files of each kind, valid as they are, for the rule tests: each test changes one
// thing and expects one problem naming file, field and value. Nothing here comes from src/data.
import type { Client, DnsRecords, ErrorFile, Provider } from '../../../src/data/schema.ts';
import { adder } from '../../../src/lib/problems.ts';
import type { At, CheckedFiles, FileContext, FileRule } from '../../../src/lib/rules/rule.ts';

export const NOW = new Date('2026-11-28T06:00:00Z');
const L = (s: string) => ({ 'zh-cn': `${s}（中）`, en: s });
const source = { id: 'help', url: 'https://mail.example/help', title: 'Help', kind: 'official' as const, checked: '2026-11-01' };

export const provider = (): Provider => ({
  domain: 'mail.example',
  otherDomains: ['mail2.example'],
  hostedDomains: [],
  name: L('Example Mail'),
  shortName: L('Example'),
  priority: 10,
  servers: {
    imap: [{ host: 'imap.mail.example', port: 993, security: 'ssl/tls', username: 'address', sources: ['help'] }],
    pop3: [],
    smtp: [{ host: 'smtp.mail.example', port: 465, security: 'ssl/tls', username: 'address', sources: ['help'] }],
  },
  password: { kind: 'app-password', name: L('app password'), how: L('make one'), sources: ['help'] },
  access: { onByDefault: true, how: L('on'), sources: ['help'] },
  quirks: [{ id: 'slow', protocols: ['imap'], title: L('Slow'), body: L('slow'), fix: L('wait'), sources: ['help'] }],
  sources: [{ ...source }],
  verified: '2026-11-01',
});

export const client = (): Client => ({
  id: 'app',
  name: L('App'),
  version: L('1'),
  protocols: ['imap', 'smtp'],
  securityLabel: { 'ssl/tls': L('SSL'), starttls: L('STARTTLS'), none: L('None') },
  labelsConfirmed: { 'zh-cn': false, en: false },
  steps: ['step-server', 'step-password'],
  aliases: [],
  appleProfiles: false,
  sources: [{ ...source, url: 'https://app.example/help' }],
  verified: '2026-11-01',
  labels: {},
  priority: 1,
});

export const errorFile = (): ErrorFile => ({
  errors: [
    {
      id: 'bad-password',
      title: L('Bad password'),
      symptom: 'password-rejected',
      protocols: ['smtp'],
      direction: 'sending',
      providers: ['mail.example'],
      clients: ['app'],
      texts: [{ text: '535 authentication failed', lang: 'en', where: 'smtp-reply', sources: ['help'] }],
      meaning: { text: L('wrong password'), sources: [] },
      causes: [{ text: L('web password'), fix: [{ text: L('use the app password'), step: 'step-password' }] }],
    },
  ],
  sources: [{ ...source }],
  verified: '2026-11-01',
});

export const dnsFile = (): DnsRecords => ({
  provider: 'mail.example',
  mxPatterns: [{ pattern: 'mx*.mail.example', sources: ['help'] }],
  records: [
    { purpose: 'mx', type: 'MX', name: '@', value: 'mx1.mail.example', priority: 10, disagreements: [], sources: ['help'] },
    { purpose: 'spf', type: 'TXT', name: '@', value: 'v=spf1 include:spf.mail.example -all', disagreements: [], sources: ['help'] },
    { purpose: 'dmarc', type: 'TXT', name: '_dmarc', value: 'v=DMARC1; p=none', disagreements: [], sources: ['help'] },
  ],
  notes: [],
  sources: [{ ...source }],
  verified: '2026-11-01',
});

export const FILES = {
  provider: 'src/data/providers/mail.example.json',
  imported: 'src/data/imported/mail.example.json',
  client: 'src/data/clients/app.json',
  errors: 'src/data/errors/example.json',
  dns: 'src/data/dns/mail.example.json',
} as const;

/** The problem lines a rule reports on one file. */
/** One fresh file of each kind with its path, for rules that run on every kind. */
export const everyKind = () =>
  [
    [FILES.provider, provider()],
    [FILES.client, client()],
    [FILES.errors, errorFile()],
    [FILES.dns, dnsFile()],
  ] as const;

export function check<T>(rule: FileRule<T>, data: T, ctx: Partial<FileContext> = {}): string[] {
  const problems: string[] = [];
  const file = ctx.file ?? FILES.provider;
  rule(data, adder(file, problems), { now: NOW, tier: 'curated', ...ctx, file });
  return problems;
}

/** The problem lines (and warnings) a rule across files reports. */
export function checkAll(rule: (files: CheckedFiles, at: At, warn: At) => void, files: Partial<CheckedFiles>): { problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  const all: CheckedFiles = { providers: [], clients: [], errors: [], dns: [], complete: true, ...files };
  rule(all, (file) => adder(file, problems), (file) => adder(file, warnings));
  return { problems, warnings };
}
