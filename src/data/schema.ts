// The only definition of the dataset's shape. Everything else (types, the JSON Schema,
// validation messages) is derived from here.
import { z } from 'zod';
import { isHostname, isIpAddress } from '../lib/hostname.ts';
import { GRADES } from '../lib/evidence.ts';

export { LOCALES, type Locale } from './locales.ts';

export const PROTOCOLS = ['imap', 'pop3', 'smtp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const SECURITY = ['ssl/tls', 'starttls', 'none'] as const;
export type Security = (typeof SECURITY)[number];

const text = z.string().trim().min(1, 'must not be empty');

/** Prose in both languages; a page in one locale never falls back to the other silently. */
export const Localized = z.strictObject({ 'zh-cn': text, en: text });

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

/** Lower-case DNS name with at least one dot. IP addresses are refused: servers are named by hostname. */
export const Hostname = z
  .string()
  .refine((v) => !isIpAddress(v), 'must be a hostname, not an IP address')
  .refine((v) => isIpAddress(v) || isHostname(v), 'must be a lower-case hostname such as imap.163.com (letters, digits, hyphens and dots; no spaces)');

export const Source = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a short id of a-z, 0-9 and hyphens'),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  title: text,
  /**
   * official: the provider's own page, whose text we read.
   * official-cited: an official URL we saw only quoted elsewhere; its text was not read.
   * third-party: anything else.
   */
  kind: z.enum(['official', 'official-cited', 'third-party']),
  /** The day someone here last read it. */
  checked: isoDate,
  note: text.optional(),
});
export type Source = z.infer<typeof Source>;

/** Every fact carries its sources; how sure we are of it (its grade) is computed from them in src/lib/evidence.ts, never typed. */
const evidence = {
  sources: z.array(z.string()).min(1, 'needs at least one source id'),
  /** Written by the API only (src/lib/api.ts); a dataset file that gives it is refused (src/lib/validate.ts). */
  grade: z
    .enum(GRADES)
    .optional()
    .meta({ description: 'How sure we are of the value, computed from its sources: confirmed (an official page we read), corroborated (two or more sources agree), single-source, disagree (sources give other values). Present in API output; never written in a dataset file.' }),
};

const Port = z.number().int('must be a whole number').min(1, 'must be 1-65535').max(65535, 'must be 1-65535');
/** The user name: the whole address, its local part, or (a few Japanese ISPs) local part, a dot, and the domain. */
const Username = z.enum(['address', 'localpart', 'localpart.domain']);

/** Another value for the same server that other sources give, e.g. STARTTLS on 587 where ours says SSL/TLS on 465. */
export const Disagreement = z
  .strictObject({ host: Hostname, port: Port, security: z.enum(SECURITY), username: Username, sources: evidence.sources })
  .meta({ description: 'A value other sources give instead of this one, and which sources give it.' });
export type Disagreement = z.infer<typeof Disagreement>;

export const Server = z.strictObject({
  host: Hostname,
  port: Port,
  security: z.enum(SECURITY),
  username: Username,
  note: Localized.optional(),
  /** Required when the security mode contradicts the port's standard use (RFC 8314, RFC 6409). */
  exception: z.strictObject({ reason: Localized, source: z.string() }).optional(),
  ...evidence,
  /** Kept, never resolved silently: the page shows them beside the value. */
  disagreements: z.array(Disagreement).optional(),
});
export type Server = z.infer<typeof Server>;

export const PASSWORD_KINDS = ['account-password', 'app-password', 'authorization-code', 'oauth-only'] as const;

export const Provider = z.strictObject({
  $schema: z.string().optional(),
  /** The primary mail domain; also the file name and the URL segment. */
  domain: Hostname,
  otherDomains: z.array(Hostname).default([]),
  name: Localized,
  shortName: Localized,
  /** Editorial order among providers, 1 = most used: the home page lists them so, and search breaks ties with it. */
  priority: z.number().int().min(1),
  /** Who runs it, for grouping on the home page. Imported providers may not say. */
  operator: Localized.optional(),
  servers: z.strictObject({
    imap: z.array(Server).default([]),
    pop3: z.array(Server).default([]),
    smtp: z.array(Server).min(1, 'a provider needs at least one SMTP server'),
  }),
  /**
   * Which password a mail app needs (oauth-only: none; the app must sign in through the
   * provider's own page). Left out of imported files when no source says: pages then give
   * the generic advice. Curated files (src/data/providers) must give kind, name and how.
   */
  password: z
    .strictObject({
      kind: z.enum(PASSWORD_KINDS),
      /** What the provider calls it, e.g. 客户端授权码. */
      name: Localized.optional(),
      /** Where and how the user gets it, step by step in the provider's own labels. */
      how: Localized.optional(),
      ...evidence,
    })
    .optional(),
  /** Whether mail-app access must be switched on first; left out of imported files when no source says. */
  access: z
    .strictObject({
      /** null: we do not know whether IMAP/POP/SMTP access is on for a new account. */
      onByDefault: z.boolean().nullable(),
      how: Localized.optional(),
      /** The provider's page where access is switched on. */
      url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
      ...evidence,
    })
    .optional(),
  quirks: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/, 'must be a short id of a-z, 0-9 and hyphens'),
        protocols: z.array(z.enum(PROTOCOLS)).min(1),
        title: Localized,
        /** The exact text a user sees, searchable verbatim. */
        message: text.optional(),
        body: Localized,
        fix: Localized,
        ...evidence,
      }),
    )
    .default([]),
  sources: z.array(Source).min(1, 'a provider needs at least one source'),
  /** The day the whole entry was last checked against its sources. */
  verified: isoDate,
});
export type ProviderInput = z.input<typeof Provider>;
export type Provider = z.infer<typeof Provider>;

export const Client = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: Localized,
  /** Which app and version the steps describe, as the user would recognise it. */
  version: Localized,
  /** Protocols the client can set up; guides show the rest as not applicable. */
  protocols: z.array(z.enum(PROTOCOLS)).min(1),
  /** How the app's own screens express each security mode, e.g. iOS's "Use SSL" switch. */
  securityLabel: z.strictObject({ 'ssl/tls': Localized, starttls: Localized, none: Localized }),
  /** Whether the screen labels in each locale's guide were checked against the app itself or its vendor's page. */
  labelsConfirmed: z.strictObject({ 'zh-cn': z.boolean(), en: z.boolean() }),
  /** Step anchors in order; the guide prose must use exactly these. */
  steps: z.array(z.string().regex(/^step-[a-z0-9-]+$/, 'must look like step-something')).min(1),
  sources: z.array(Source).min(1),
  verified: isoDate,
});
export type Client = z.infer<typeof Client>;
