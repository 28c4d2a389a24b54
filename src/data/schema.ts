// The only definition of the dataset's shape. Everything else (types, the JSON Schema,
// validation messages) is derived from here.
import { z } from 'zod';
import { hasPort, isHostname, isIpAddress } from '../lib/hostname.ts';

import { LOCALES, type Locale } from './locales.ts';

export { LOCALES, type Locale };

export const PROTOCOLS = ['imap', 'pop3', 'smtp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const SECURITY = ['ssl/tls', 'starttls', 'none'] as const;
export type Security = (typeof SECURITY)[number];

const text = z.string().trim().min(1, 'must not be empty');

/** Prose in both languages; a page in one locale never falls back to the other silently. */
export const Localized = z.strictObject(Object.fromEntries(LOCALES.map((l) => [l, text])) as Record<Locale, typeof text>);

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

/** Lower-case DNS name with at least one dot. IP addresses are refused: servers are named by hostname. */
export const Hostname = z
  .string()
  .refine((v) => !hasPort(v), 'contains a port: write the host alone and the port in the port field')
  .refine((v) => !isIpAddress(v), 'must be a hostname, not an IP address')
  .refine((v) => hasPort(v) || isIpAddress(v) || isHostname(v), 'must be a lower-case hostname such as imap.163.com (letters, digits, hyphens and dots; no spaces)');

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

/** Every fact carries its sources and whether an official page we read confirms it. */
const evidence = {
  sources: z.array(z.string()).min(1, 'needs at least one source id'),
  confirmed: z.boolean(),
};

export const Server = z.strictObject({
  host: Hostname,
  port: z.number().int('must be a whole number').min(1, 'must be 1-65535').max(65535, 'must be 1-65535'),
  security: z.enum(SECURITY),
  username: z.enum(['address', 'localpart']),
  note: Localized.optional(),
  /** Required when the security mode contradicts the port's standard use (RFC 8314, RFC 6409). */
  exception: z.strictObject({ reason: Localized, source: z.string() }).optional(),
  ...evidence,
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
  /** Who runs it, for grouping on the home page. */
  operator: Localized,
  servers: z.strictObject({
    imap: z.array(Server).default([]),
    pop3: z.array(Server).default([]),
    smtp: z.array(Server).min(1, 'a provider needs at least one SMTP server'),
  }),
  password: z.strictObject({
    kind: z.enum(PASSWORD_KINDS),
    /** What the provider calls it, e.g. 客户端授权码. */
    name: Localized,
    /** Where and how the user gets it, step by step in the provider's own labels. */
    how: Localized,
    ...evidence,
  }),
  access: z.strictObject({
    /** null: we do not know whether IMAP/POP/SMTP access is on for a new account. */
    onByDefault: z.boolean().nullable(),
    how: Localized,
    ...evidence,
  }),
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

/** Where a recorded screen label comes from: one string of the app's own source or translation files. */
export const LabelSource = z.strictObject({
  /** owner/name on GitHub. */
  repo: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be owner/name'),
  file: text,
  /** The string's id in that file; a Fluent attribute is written id.attribute. */
  id: text,
  commit: z.string().regex(/^[0-9a-f]{40}$/, 'must be the full 40-hex commit that was read'),
});
export type LabelSource = z.infer<typeof LabelSource>;

const RecordedLabel = z.strictObject({ text, source: LabelSource });

/**
 * Screen labels quoted from the app's own strings, by a key the guides use (`<Ui k="key" />`).
 * A locale may be missing for a label the app has not translated.
 */
export const ClientLabels = z
  .record(z.string().regex(/^[a-z0-9-]+$/, 'must be a short key of a-z, 0-9 and hyphens'), z.strictObject(Object.fromEntries(LOCALES.map((l) => [l, RecordedLabel.optional()])) as Record<Locale, z.ZodOptional<typeof RecordedLabel>>))
  .default({});
export type ClientLabels = z.infer<typeof ClientLabels>;

/** What the app itself does that matters for some providers. */
export const ClientBehaviour = z.strictObject({
  /**
   * Whether it sends the IMAP ID command (RFC 2971), which NetEase requires ("Unsafe Login"
   * otherwise): true/false, or null when unknown; `note` says where it is turned off or why unknown.
   */
  imapId: z.boolean().nullable(),
  imapIdNote: Localized,
  /** Whether the app reaches the mail server through its vendor's cloud rather than from the device. */
  vendorCloud: z.boolean(),
  sources: z.array(z.string()).min(1),
});
export type ClientBehaviour = z.infer<typeof ClientBehaviour>;

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
  labelsConfirmed: z.strictObject(Object.fromEntries(LOCALES.map((l) => [l, z.boolean()])) as Record<Locale, z.ZodBoolean>),
  /** Step anchors in order; the guide prose must use exactly these. */
  steps: z.array(z.string().regex(/^step-[a-z0-9-]+$/, 'must look like step-something')).min(1),
  sources: z.array(Source).min(1),
  verified: isoDate,
  /** Screen labels quoted from the app's own strings, with their source per locale. */
  labels: ClientLabels,
  /** What the app does that matters for some providers (IMAP ID, a vendor's cloud). */
  behaviour: ClientBehaviour.optional(),
  /** Editorial order among clients, 1 = most used: lists follow it, and search breaks ties between a provider's guides with it. */
  priority: z.number().int().min(1),
});
export type Client = z.infer<typeof Client>;

