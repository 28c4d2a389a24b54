// The only definition of the dataset's shape. Everything else (types, the JSON Schema,
// validation messages) is derived from here.
import { z } from 'zod';
import { hasPort, isHostname, isIpAddress } from './hostname.ts';

import { COMPLETE_LOCALES, LOCALES, SCHEMA_LOCALE, type Locale, type LocaleTexts } from './locales.ts';
import { GRADES, PROTOCOLS, SECURITY, type Protocol, type Security } from './terms.ts';

export { LOCALES, type Locale, GRADES, PROTOCOLS, SECURITY, type Protocol, type Security };

/**
 * A field's meaning in each language, for the JSON Schema (editors, /api/v1/schema.json) and the
 * API page: English as `description`, every other locale as `x-description-<locale>`.
 */
export const descriptionKey = (locale: Locale) => (locale === SCHEMA_LOCALE ? 'description' : (`x-description-${locale}` as const));
const about = (text: LocaleTexts) => Object.fromEntries(LOCALES.filter((l) => text[l]).map((l) => [descriptionKey(l), text[l]])) as { description: string };

/** An object with one field per locale: required for a complete locale, optional for a partial one (src/data/locales.ts). */
const perLocale = <T extends z.ZodType>(field: T) =>
  z.strictObject(Object.fromEntries(LOCALES.map((l) => [l, COMPLETE_LOCALES.includes(l) ? field : field.optional()])) as Record<Locale, T>);

const text = z.string().trim().min(1, 'must not be empty');

/**
 * Prose in each language. Every complete locale must have it; a partial locale may not yet, and its
 * pages then show the fallback's text, marked as such (src/lib/dataset.ts fills it in, with the page's notice).
 */
export const Localized = perLocale(text);

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

/** Lower-case DNS name with at least one dot. IP addresses are refused: servers are named by hostname. */
export const Hostname = z
  .string()
  .refine((v) => !hasPort(v), 'contains a port: write the host alone and the port in the port field')
  .refine((v) => !isIpAddress(v), 'must be a hostname, not an IP address')
  .refine((v) => hasPort(v) || isIpAddress(v) || isHostname(v), 'must be a lower-case hostname such as imap.163.com (letters, digits, hyphens and dots; no spaces)');

/** The statuses chatmail provider-db gives a provider. */
export const SOURCE_STATUSES = ['OK', 'PREPARATION', 'BROKEN'] as const;

export const Source = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a short id of a-z, 0-9 and hyphens').meta(about({ en: 'The id that sources fields refer to.', 'zh-cn': '来源 id，供 sources 字段引用。' })),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).meta(about({ en: 'Its address.', 'zh-cn': '网址。' })),
  title: text.meta(about({ en: 'Its title.', 'zh-cn': '标题。' })),
  /**
   * official: the provider's own page, whose text we read.
   * official-cited: an official URL we saw only quoted elsewhere; its text was not read.
   * third-party: anything else.
   */
  kind: z.enum(['official', 'official-cited', 'third-party']).meta(about({ en: 'official: the provider’s page, which we read; official-cited: an official address seen only quoted elsewhere; third-party: anything else.', 'zh-cn': 'official = 我们读过的官方页面；official-cited = 只在别处见到引用的官方网址；third-party = 第三方。' })),
  /** The day someone here last read it. */
  checked: isoDate.meta(about({ en: 'The day we last read it.', 'zh-cn': '我们最后一次阅读它的日期。' })),
  // Plain text is the old form: it cannot be shown on a page of another language, so pages show it only in English.
  note: Localized.optional().meta(about({ en: 'A note on the source (Localized).', 'zh-cn': '关于来源的备注（Localized）。' })),
  /** chatmail provider-db's own verdict on the provider (scripts/import keeps it): a BROKEN page never counts as agreeing. */
  status: z
    .enum(SOURCE_STATUSES)
    .optional()
    .meta(about({ en: 'The database’s own status of the provider (chatmail provider-db: OK, PREPARATION: works after a step, BROKEN: does not work); a BROKEN page never counts as agreeing.', 'zh-cn': '数据库自己对该服务商的状态（chatmail provider-db：OK；PREPARATION：需先做一步设置；BROKEN：无法使用）；BROKEN 的页面从不算作一致的来源。' })),
});
export type Source = z.infer<typeof Source>;

const sourceId = z.string().regex(/^[a-z0-9-]+$/, 'must be a short id of a-z, 0-9 and hyphens');

/**
 * One source a fact cites: its id, or its id with the source's own words that support the fact
 * (the sentence or table row, verbatim, in the source's language). Only a quote that contains the
 * value lets an official page confirm it (src/lib/evidence.ts).
 */
export const Citation = z.union([
  sourceId,
  z.strictObject({
    id: sourceId.meta(about({ en: 'The source’s id (see sources).', 'zh-cn': '来源 id（见 sources）。' })),
    quote: text
      .max(300, 'must be short: the sentence or table row that states the value, not a passage')
      .meta(about({ en: 'The source’s own words that state the value: a sentence or table row, verbatim, in the source’s language.', 'zh-cn': '来源中给出该值的原话：一句话或表格的一行，照录原文和原语言。' })),
  }),
]);
export type Citation = z.infer<typeof Citation>;

/** A fact as pages use it: the ids it cites, and the quotes by source id. */
export interface Cited {
  sources: string[];
  quotes?: Record<string, string>;
}

/** Splits a fact's citations into ids and quotes, so code that only needs the ids keeps a list of strings. */
export function splitCitations<T extends { sources: Citation[] }>(fact: T): Omit<T, 'sources'> & Cited {
  const quotes = Object.fromEntries(fact.sources.flatMap((c) => (typeof c === 'string' ? [] : [[c.id, c.quote]])));
  return { ...fact, sources: fact.sources.map((c) => (typeof c === 'string' ? c : c.id)), ...(Object.keys(quotes).length ? { quotes } : {}) };
}

/** The citations as a data file and the API write them: an id, or an id with its quote. */
export const citationsOf = (fact: Cited): Citation[] => fact.sources.map((id) => (fact.quotes?.[id] ? { id, quote: fact.quotes[id] } : id));

/** Every fact carries its sources; how sure we are of it (its grade) is computed from them in src/lib/evidence.ts, never typed. */
const evidence = {
  sources: z
    .array(Citation)
    .min(1, 'needs at least one source id')
    .meta(about({ en: 'The sources behind it: a source id, or { id, quote } with the source’s own words that state it (see sources).', 'zh-cn': '依据的来源：来源 id，或带原话的 { id, quote }（见 sources）。' })),
  /** Written by the API only (src/lib/api.ts); a dataset file that gives it is refused (src/lib/rules/no-grade.ts). */
  grade: z
    .enum(GRADES)
    .optional()
    .meta(
      about({
        en: 'How sure we are of the value, computed from its sources: confirmed (an official page we read), corroborated (two or more sources agree), single-source, disagree (sources give other values). In API output only; never written in a dataset file.',
        'zh-cn': '由来源计算出的可信程度：confirmed（我们读过的官方页面）、corroborated（两个或更多来源一致）、single-source（仅一个来源）、disagree（来源给出不同的值）。只出现在接口输出中，数据文件中从不写。',
      }),
    ),
};

const Port = z.number().int('must be a whole number').min(1, 'must be 1-65535').max(65535, 'must be 1-65535');
/** The user name: the whole address, its local part, or (a few Japanese ISPs) local part, a dot, and the domain. */
const Username = z.enum(['address', 'localpart', 'localpart.domain']);

/** Another value for the same server that other sources give, e.g. STARTTLS on 587 where ours says SSL/TLS on 465. */
export const Disagreement = z
  .strictObject({
    host: Hostname.meta(about({ en: 'The hostname that source gives.', 'zh-cn': '该来源给出的主机名。' })),
    port: Port.meta(about({ en: 'The port that source gives.', 'zh-cn': '该来源给出的端口。' })),
    security: z.enum(SECURITY).meta(about({ en: 'The security mode that source gives.', 'zh-cn': '该来源给出的加密方式。' })),
    username: Username.meta(about({ en: 'The user-name form that source gives.', 'zh-cn': '该来源给出的用户名形式。' })),
    sources: z.array(z.string()).min(1, 'needs at least one source id').meta(about({ en: 'Ids of the sources that give this value.', 'zh-cn': '给出这个值的来源 id。' })),
  })
  .meta({ description: 'A value other sources give instead of this one, and which sources give it.' });
export type Disagreement = z.infer<typeof Disagreement>;

export const Server = z.strictObject({
  host: Hostname.meta(about({ en: 'The server’s hostname (never an IP address).', 'zh-cn': '服务器主机名（从不是 IP 地址）。' })),
  port: Port.meta(about({ en: 'The port number.', 'zh-cn': '端口号。' })),
  security: z.enum(SECURITY).meta(about({ en: 'ssl/tls: encrypted from the first byte; starttls: upgraded after connecting; none: unencrypted.', 'zh-cn': 'ssl/tls = 连接一开始就加密；starttls = 先明文再升级；none = 不加密。' })),
  username: Username.meta(about({ en: 'Whether the user name is the whole address (address), the part before the @ (localpart), or that part, a dot and the domain (localpart.domain).', 'zh-cn': '用户名是完整地址（address）还是 @ 前面的部分（localpart）。' })),
  note: Localized.optional().meta(about({ en: 'A note (Localized).', 'zh-cn': '补充说明（Localized）。' })),
  /** Required when the security mode contradicts the port's standard use (RFC 8314, RFC 6409). */
  exception: z
    .strictObject({
      reason: Localized.meta(about({ en: 'The reason (Localized).', 'zh-cn': '理由（Localized）。' })),
      source: z.string().meta(about({ en: 'A source id.', 'zh-cn': '来源 id。' })),
    })
    .optional()
    .meta(about({ en: 'Why the security mode differs from the port’s standard use, with its source.', 'zh-cn': '加密方式与端口的标准用途不符时的理由和来源。' })),
  ...evidence,
  /** Kept, never resolved silently: the page shows them beside the value. */
  disagreements: z
    .array(Disagreement)
    .optional()
    .meta(about({ en: 'Other values other sources give (may be absent); our pages show them side by side.', 'zh-cn': '其他来源给出的不同值（可能没有）；网页上并列显示。' })),
}).transform(splitCitations);
export type Server = z.infer<typeof Server>;

export const PASSWORD_KINDS = ['account-password', 'app-password', 'authorization-code', 'oauth-only'] as const;

/** Where a provider entry comes from: curated by hand (src/data/providers) or imported from the open databases (src/data/imported). */
export const TIERS = ['curated', 'imported'] as const;
export type Tier = (typeof TIERS)[number];

export const Provider = z.strictObject({
  $schema: z.string().optional(),
  /** The primary mail domain; also the file name and the URL segment. */
  domain: Hostname.meta(about({ en: 'The primary mail domain; also the file name and the URL segment.', 'zh-cn': '主域名，也是文件名和网址中的域名部分。' })),
  otherDomains: z.array(Hostname).default([]).meta(about({ en: 'Other domains of the same service; their files hold the same provider.', 'zh-cn': '同一服务的其他域名；它们的文件内容相同。' })),
  /** Organisations' own domains whose mail the service hosts (nyu.edu at Google): they look up and autoconfigure as the provider, but are not its domains. */
  hostedDomains: z.array(Hostname).default([]).meta(about({ en: 'Domains of organisations whose mail this service hosts (not its own domains); they look up and autoconfigure as this provider.', 'zh-cn': '由该服务托管邮件的机构自己的域名（不是该服务自己的域名）；查询和自动配置时按本服务商处理。' })),
  name: Localized.meta(about({ en: 'The provider’s full name (Localized).', 'zh-cn': '服务商全称（Localized）。' })),
  shortName: Localized.meta(about({ en: 'The provider’s short name (Localized).', 'zh-cn': '服务商简称（Localized）。' })),
  /** Other names people type for it (网易, hotmail, google mail); search reads them to tell which provider a question names. */
  aliases: z.array(text).optional().meta(about({ en: 'Other names people use for it, in any language (search reads them).', 'zh-cn': '人们对它的其他叫法，任何语言（搜索会用到）。' })),
  /** Editorial order among providers, 1 = most used: the home page lists them so, and search breaks ties with it. */
  priority: z.number().int().min(1).meta(about({ en: 'Editorial order, 1 = most used.', 'zh-cn': '编辑排序，1 = 最常用。' })),
  /** Set by the loader from the file's folder (src/lib/load-dataset.ts); a file that gives it is refused (src/lib/rules/tier.ts). */
  tier: z
    .enum(TIERS)
    .optional()
    .meta(
      about({
        en: 'curated: written by hand from the provider’s own pages; imported: from the open databases. Set from the file’s folder; in API output only, never written in a dataset file.',
        'zh-cn': 'curated = 根据服务商自己的页面人工整理；imported = 从开放数据库导入。由文件所在目录决定；只出现在接口输出中，数据文件中从不写。',
      }),
    ),
  /** Who runs it, for grouping on the home page. Imported providers may not say. */
  operator: Localized.optional().meta(about({ en: 'Who runs the service (Localized).', 'zh-cn': '运营方（Localized）。' })),
  servers: z
    .strictObject({
      imap: z.array(Server).default([]).meta(about({ en: 'IMAP servers (may be empty).', 'zh-cn': 'IMAP 收信服务器（可能为空）。' })),
      pop3: z.array(Server).default([]).meta(about({ en: 'POP3 servers (may be empty).', 'zh-cn': 'POP3 收信服务器（可能为空）。' })),
      smtp: z.array(Server).min(1, 'a provider needs at least one SMTP server').meta(about({ en: 'SMTP servers (at least one).', 'zh-cn': 'SMTP 发信服务器（至少一个）。' })),
    })
    .meta(about({ en: 'The servers, by protocol.', 'zh-cn': '按协议列出的服务器。' })),
  /**
   * Which password a mail app needs (oauth-only: none; the app must sign in through the
   * provider's own page). Left out of imported files when no source says: pages then give
   * the generic advice. Curated files (src/data/providers) must give kind, name and how.
   */
  password: z
    .strictObject({
      kind: z.enum(PASSWORD_KINDS).meta(about({ en: 'The kind of password; oauth-only means sign-in by OAuth2 only.', 'zh-cn': '密码的种类；oauth-only 表示只能用 OAuth2 登录。' })),
      /** What the provider calls it, e.g. 客户端授权码. */
      name: Localized.optional().meta(about({ en: 'What the provider calls it, e.g. 客户端授权码 (Localized).', 'zh-cn': '服务商对它的称呼，例如“客户端授权码”（Localized）。' })),
      /** Where and how the user gets it, step by step in the provider's own labels. */
      how: Localized.optional().meta(about({ en: 'How to get it, one step per line (Localized).', 'zh-cn': '获取方法，逐行一步（Localized）。' })),
      ...evidence,
      /** Another rule other sources give (e.g. the login password where ours says an authorization code); graded "sources disagree". */
      disagreements: z
        .array(
          z.strictObject({
            kind: z.enum(PASSWORD_KINDS).meta(about({ en: 'The kind that source gives.', 'zh-cn': '该来源给出的密码种类。' })),
            name: Localized.optional().meta(about({ en: 'What that source calls it (Localized).', 'zh-cn': '该来源的称呼（Localized）。' })),
            sources: z.array(z.string()).min(1, 'needs at least one source id').meta(about({ en: 'Ids of the sources that give it.', 'zh-cn': '给出它的来源 id。' })),
          }),
        )
        .optional()
        .meta(about({ en: 'Other password rules other sources give; our pages show them side by side.', 'zh-cn': '其他来源给出的不同密码规则；网页上并列显示。' })),
    })
    .transform(splitCitations)
    .optional()
    .meta(about({ en: 'What goes into a mail app’s password field.', 'zh-cn': '客户端里“密码”一栏该填什么。' })),
  /** Whether mail-app access must be switched on first; left out of imported files when no source says. */
  access: z
    .strictObject({
      /** null: we do not know whether IMAP/POP/SMTP access is on for a new account. */
      onByDefault: z.boolean().nullable().meta(about({ en: 'Whether it is on for new mailboxes; null: we do not know.', 'zh-cn': '新邮箱是否默认开启；null 表示不确定。' })),
      how: Localized.optional().meta(about({ en: 'How to switch it on (Localized).', 'zh-cn': '开启方法（Localized）。' })),
      /** The provider's page where access is switched on. */
      url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional().meta(about({ en: 'The provider’s page where it is switched on.', 'zh-cn': '服务商开启服务的页面。' })),
      ...evidence,
    })
    .transform(splitCitations)
    .optional()
    .meta(about({ en: 'Switching on IMAP/POP3/SMTP access.', 'zh-cn': '开启 IMAP/POP3/SMTP 服务。' })),
  quirks: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/, 'must be a short id of a-z, 0-9 and hyphens').meta(about({ en: 'Short id, also the anchor on our pages.', 'zh-cn': '短 id，也是网页上的锚点。' })),
        protocols: z.array(z.enum(PROTOCOLS)).min(1).meta(about({ en: 'The protocols it affects.', 'zh-cn': '涉及的协议。' })),
        title: Localized.meta(about({ en: 'Title (Localized).', 'zh-cn': '标题（Localized）。' })),
        /** The exact text a user sees, searchable verbatim. */
        message: text.optional().meta(about({ en: 'The exact error message a user sees.', 'zh-cn': '用户看到的原始错误提示。' })),
        body: Localized.meta(about({ en: 'What happens (Localized).', 'zh-cn': '说明（Localized）。' })),
        fix: Localized.meta(about({ en: 'What to do (Localized).', 'zh-cn': '解决办法（Localized）。' })),
        ...evidence,
      }).transform(splitCitations),
    )
    .default([])
    .meta(about({ en: 'Known problems and their fixes (may be empty).', 'zh-cn': '常见问题及解决办法（可能为空）。' })),
  sources: z.array(Source).min(1, 'a provider needs at least one source').meta(about({ en: 'Every source the entry cites.', 'zh-cn': '本条目引用的全部来源。' })),
  /** The day the whole entry was last checked against its sources. */
  verified: isoDate.meta(about({ en: 'The day the whole entry was last checked against its sources.', 'zh-cn': '整个条目最后一次对照来源核对的日期。' })),
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
  labelsConfirmed: perLocale(z.boolean()),
  /** Step anchors in order; the guide prose must use exactly these. Every guide has a password step: its pages link to it. */
  steps: z
    .array(z.string().regex(/^step-[a-z0-9-]+$/, 'must look like step-something'))
    .min(1)
    .refine((steps) => steps.includes('step-password'), 'must include "step-password": the guide page and the profile form link the password step'),
  /** Whether the app installs Apple configuration profiles (.mobileconfig): its guides offer one for the provider. */
  appleProfiles: z.boolean().default(false),
  sources: z.array(Source).min(1),
  verified: isoDate,
  /** Screen labels quoted from the app's own strings, with their source per locale. */
  labels: ClientLabels,
  /** What the app does that matters for some providers (IMAP ID, a vendor's cloud). */
  behaviour: ClientBehaviour.optional(),
  /** Editorial order among clients, 1 = most used: lists follow it, and search breaks ties between a provider's guides with it. */
  priority: z.number().int().min(1),
  /** Other names people use for the app (iPhone, 安卓, Mac Mail): search reads them, and a guide URL using one as a slug (`mac-mail`) finds its guide. */
  aliases: z.array(text).default([]),
});
export type Client = z.infer<typeof Client>;

/**
 * src/data/aliases/<domain>.json: other names people use for a provider whose file the importer
 * writes (nobody edits those). `provider` is one of its domains, so the names follow the provider
 * wherever its domains are keyed. A curated provider lists its own in its file.
 */
export const ProviderAliases = z.strictObject({
  $schema: z.string().optional(),
  provider: Hostname,
  aliases: z.array(text).min(1, 'needs at least one name'),
});
export type ProviderAliases = z.infer<typeof ProviderAliases>;

// ---- Error messages (issue 10): what a person sees when a connection fails, and what to do. ----

/** Apps whose messages we record but that have no guide (and no client file) yet. */
export const App = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a short id of a-z, 0-9 and hyphens'),
  name: Localized,
  /**
   * Names a search recognises it by (case and spaces ignored). An app that has them is one people
   * ask about: the home and search pages say it has no guide yet.
   */
  aliases: z.array(text).default([]),
});
export type App = z.infer<typeof App>;

/** The symptom a person would describe, which groups the error index. */
export const ERROR_SYMPTOMS = ['cannot-send', 'cannot-receive', 'password-rejected', 'cannot-connect', 'bounced', 'stopped-working'] as const;
/** Where the text appears: a server's reply in a protocol, a bounce message, or an app's own dialog. */
export const ERROR_WHERE = ['smtp-reply', 'imap-reply', 'pop3-reply', 'bounce', 'client-dialog'] as const;
export const ERROR_DIRECTIONS = ['sending', 'receiving', 'connecting'] as const;
/** Sections of a provider page a fix can point to. */
export const PROVIDER_SECTIONS = ['servers', 'password', 'access', 'quirks', 'check'] as const;

const sourceIds = z.array(z.string());

export const ErrorText = z.strictObject({
  /** Verbatim, as the server or app shows it; variable parts (server id, time, address) are written {like this}. */
  text,
  lang: z.enum(LOCALES),
  where: z.enum(ERROR_WHERE),
  sources: sourceIds.min(1, 'needs at least one source id'),
});

export const FixStep = z.strictObject({
  text: Localized,
  /** A guide step (for each guide of the error's providers and clients) and/or a provider page section. */
  step: z.string().regex(/^step-[a-z0-9-]+$/, 'must look like step-something').optional(),
  section: z.enum(PROVIDER_SECTIONS).optional(),
});

export const ErrorEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a short id of a-z, 0-9 and hyphens'),
  /** Short name for lists and the page title. */
  title: Localized,
  /** Editorial order among errors that share words (1 = met most often); search breaks ties with it. */
  priority: z.number().int().min(1).optional(),
  symptom: z.enum(ERROR_SYMPTOMS),
  protocols: z.array(z.enum(PROTOCOLS)).min(1),
  direction: z.enum(ERROR_DIRECTIONS),
  /** Provider domains it comes from; empty: any provider. */
  providers: z.array(z.string()).default([]),
  /** Client ids or app ids whose screens show it; empty: any app. */
  clients: z.array(z.string()).default([]),
  texts: z.array(ErrorText).min(1, 'needs at least one verbatim text'),
  /**
   * Our explanation. Empty sources: no source states the meaning, and the page says so. An official
   * source confirms it only with a quote of its own words that state it (src/lib/evidence.ts).
   */
  meaning: z.strictObject({ text: Localized, sources: z.array(Citation) }).transform(splitCitations),
  /** In the order to check them. */
  causes: z.array(z.strictObject({ text: Localized, fix: z.array(FixStep).min(1, 'needs at least one step') })).min(1),
});
export type ErrorEntry = z.infer<typeof ErrorEntry>;

/** One file per error or per family of errors: the entries and the sources they cite. */
export const ErrorFile = z.strictObject({
  $schema: z.string().optional(),
  errors: z.array(ErrorEntry).min(1),
  sources: z.array(Source).min(1, 'needs at least one source'),
  verified: isoDate,
});
export type ErrorFile = z.infer<typeof ErrorFile>;

// ---- DNS records of business mail providers (src/data/dns/<provider domain>.json) ----

export const DNS_PURPOSES = ['mx', 'spf', 'dkim', 'dmarc', 'autodiscover', 'client', 'verification'] as const;
export type DnsPurpose = (typeof DNS_PURPOSES)[number];

/** One record as a DNS console wants it. `<…>` in a value marks a part the provider's admin console gives you. */
export const DnsRecord = z.strictObject({
  purpose: z.enum(DNS_PURPOSES),
  type: z.enum(['MX', 'TXT', 'CNAME']),
  /** Host field: `@` for the domain itself, else the label in front of it (`_dmarc`, `autodiscover`). */
  name: z.string().regex(/^(@|[a-z0-9<>_.-]+)$/, 'must be @ or a host label such as _dmarc or autodiscover'),
  value: text,
  /** MX only; lower is tried first. */
  priority: z.number().int().min(0).max(65535).optional(),
  note: Localized.optional(),
  /** Other values that sources give instead; the fact is then graded "sources disagree". */
  disagreements: z.array(z.strictObject({ value: text, sources: z.array(z.string()).min(1) })).default([]),
  ...evidence,
}).transform(splitCitations);
export type DnsRecord = z.infer<typeof DnsRecord>;

export const DnsRecords = z.strictObject({
  $schema: z.string().optional(),
  /** The provider these records belong to: its domain, also this file's name. */
  provider: Hostname,
  /**
   * MX hosts that mean "this domain's mail is at this provider". `*` stands for one or more
   * letters, digits or hyphens within a label, at most once per label, e.g. `*.mail.protection.outlook.com`, `mxbiz*.qq.com`.
   */
  mxPatterns: z
    .array(
      z.strictObject({
        pattern: z.string().regex(/^[a-z0-9*-]+(\.[a-z0-9*-]+)+$/, 'must be a lower-case host name in which * stands for part of a label'),
        sources: z.array(z.string()).min(1, 'needs at least one source id'),
      }),
    )
    .min(1, 'a business provider needs at least one MX pattern'),
  records: z.array(DnsRecord).min(1),
  /** What the provider says about DKIM, DMARC and the like, beyond record values. */
  notes: z
    .array(z.strictObject({ purpose: z.enum(DNS_PURPOSES), text: Localized, ...evidence }).transform(splitCitations))
    .default([]),
  sources: z.array(Source).min(1),
  verified: isoDate,
});
export type DnsRecordsInput = z.input<typeof DnsRecords>;
export type DnsRecords = z.infer<typeof DnsRecords>;
