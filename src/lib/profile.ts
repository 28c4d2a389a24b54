// Apple configuration profiles (.mobileconfig) that add a mail account on iOS, iPadOS and macOS.
// Keys follow Apple's Mail payload reference (com.apple.mail.managed) and top-level profile keys
// (github.com/apple/device-management, mdm/profiles/com.apple.mail.managed.yaml, TopLevel.yaml).
//
// Pure and isomorphic: the static build uses it for the generic per-provider profile, and the
// profile form runs it in the browser. A profile never contains a password: the device asks for
// it (the authorization code or app password) while the profile is installed.
import { buildPlist } from './plist.ts';
import { hasNonXmlChar, stripNonXmlChars } from './xml-chars.ts';
import type { Provider } from '../data/schema.ts';
import { serverPair, usernameFor, type RankedServer } from './servers.ts';
import { domainsOf } from './domains.ts';

export const PROFILE_CONTENT_TYPE = 'application/x-apple-aspen-config';

/** Stable reverse-DNS identifiers: the same profile installed again replaces the old one instead of adding a second. */
export const IDENTIFIER_PREFIX = 'org.portolan.mail';

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Every character but a-z and 0-9 written as its code point in hex between hyphens, so no two addresses share an encoding. */
const encodeAddress = (address: string) => address.toLowerCase().replace(/[^a-z0-9]/gu, (c) => `-${c.codePointAt(0)!.toString(16)}-`);

/**
 * `org.portolan.mail.163-com` for a provider's generic profile, and
 * `org.portolan.mail.163-com.alice-40-163-2e-com` for one address, so that profiles for two
 * accounts of the same provider can be installed side by side. The address part is injective
 * (`a.b@`, `a-b@`, `a_b@` and `a+b@` each get their own), so one account's profile never replaces
 * another's; only letter case is ignored, as mail providers ignore it.
 */
export function profileIdentifier(provider: Provider, address?: string): string {
  const base = `${IDENTIFIER_PREFIX}.${slug(provider.domain)}`;
  return address ? `${base}.${encodeAddress(address)}` : base;
}

/** The download's file name: `163.com.mobileconfig`. */
export const profileFileName = (provider: Provider) => `${provider.domain}.mobileconfig`;

/** Where the static generic profile of a domain is served. */
export const profilePath = (domain: string) => `/profiles/${domain}.mobileconfig`;

export type AddressProblem = 'not-an-address' | 'other-provider';

// RFC 5322 dot-atom local part; the domain is compared with the provider's domains.
const ADDRESS = /^([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@([A-Za-z0-9.-]+)$/;

/**
 * Checks what a user typed before a profile is built for it: trims it and lower-cases its
 * domain. The form shows a message for each problem and builds no file.
 */
export function checkAddress(provider: Provider, input: string): { ok: true; address: string } | { ok: false; problem: AddressProblem } {
  const m = ADDRESS.exec(input.trim());
  if (!m || m[1]!.length > 64) return { ok: false, problem: 'not-an-address' };
  const domain = m[2]!.toLowerCase();
  if (!domainsOf(provider).includes(domain)) return { ok: false, problem: 'other-provider' };
  return { ok: true, address: `${m[1]}@${domain}` };
}

/**
 * The sender name as a profile can hold it: trimmed, without the characters XML cannot hold
 * (control characters such as U+000B, U+FFFE). The form writes the result back into its field and
 * says so when `removed` is more than 0.
 */
export function cleanSenderName(input: string): { name: string; removed: number } {
  const { text, removed } = stripNonXmlChars(input);
  return { name: text.trim(), removed };
}

export class ProfileError extends Error {
  readonly problem: AddressProblem | 'no-profile' | 'sender-name';
  constructor(message: string, problem: AddressProblem | 'no-profile' | 'sender-name') {
    super(message);
    this.name = 'ProfileError';
    this.problem = problem;
  }
}

/** The servers a profile sets up: the recommended incoming (IMAP, else POP3) and outgoing one. */
export function profileServers(provider: Provider): { incoming: RankedServer; outgoing: RankedServer } | undefined {
  // The Mail payload has no OAuth2 authentication: a provider without passwords cannot be set up this way.
  if (provider.password?.kind === 'oauth-only') return undefined;
  const { incoming, outgoing } = serverPair(provider);
  return incoming && outgoing ? { incoming, outgoing } : undefined;
}

export const canBuildProfile = (provider: Provider) => profileServers(provider) !== undefined;

/**
 * A profile's texts in one language, made by profileText() in src/lib/profile-form.ts from the
 * locale's strings: this module holds no text of its own, so the browser gets only the page's language.
 */
export interface ProfileText {
  /** The provider's short name. */
  name: string;
  description: string;
  /** The account payload's name. */
  account: string;
  /** The profile's name, with `{who}` where the address, else the provider's name, goes. */
  profile: string;
}

export interface ProfileOptions {
  /** The user's address. Left out, the device asks for the address and user names while installing. */
  address?: string;
  /** The name shown as sender (EmailAccountName); refused if it holds characters XML cannot (see cleanSenderName). */
  senderName?: string;
  /** Makes the PayloadUUIDs; crypto.randomUUID in browsers and in Node. */
  uuid?: () => string;
}

/**
 * A .mobileconfig (XML property list) that adds the provider's mail account, saying each text in
 * each of `texts` in turn (the static generic profile: every locale; the form: the page's).
 */
export function mobileconfig(provider: Provider, texts: readonly ProfileText[], options: ProfileOptions = {}): string {
  const servers = profileServers(provider);
  if (!servers) throw new ProfileError(`${provider.domain}: no profile can be built (no encrypted incoming and outgoing server, or OAuth2 only)`, 'no-profile');
  const { incoming, outgoing } = servers;

  let address: string | undefined;
  if (options.address !== undefined) {
    const checked = checkAddress(provider, options.address);
    if (!checked.ok) throw new ProfileError(`${JSON.stringify(options.address)}: ${checked.problem}`, checked.problem);
    address = checked.address;
  }
  const uuid = options.uuid ?? (() => globalThis.crypto.randomUUID());
  const say = (f: (text: ProfileText) => string, separator: string) => texts.map(f).join(separator);
  const description = say((x) => x.description, '\n\n');
  const id = profileIdentifier(provider, address);
  const senderName = options.senderName?.trim();
  if (senderName && hasNonXmlChar(senderName)) throw new ProfileError(`sender name ${JSON.stringify(senderName)}: holds characters a profile cannot hold; clean it with cleanSenderName()`, 'sender-name');

  const mail = {
    EmailAccountDescription: address ?? say((x) => x.name, ' / '),
    ...(senderName ? { EmailAccountName: senderName } : {}),
    EmailAccountType: incoming.protocol === 'imap' ? 'EmailTypeIMAP' : 'EmailTypePOP',
    ...(address ? { EmailAddress: address } : {}),
    IncomingMailServerAuthentication: 'EmailAuthPassword',
    IncomingMailServerHostName: incoming.host,
    IncomingMailServerPortNumber: incoming.port,
    IncomingMailServerUseSSL: incoming.security !== 'none',
    ...(address ? { IncomingMailServerUsername: usernameFor(incoming, address) } : {}),
    OutgoingMailServerAuthentication: 'EmailAuthPassword',
    OutgoingMailServerHostName: outgoing.host,
    OutgoingMailServerPortNumber: outgoing.port,
    OutgoingMailServerUseSSL: outgoing.security !== 'none',
    ...(address ? { OutgoingMailServerUsername: usernameFor(outgoing, address) } : {}),
    PayloadDescription: description,
    PayloadDisplayName: say((x) => x.account, ' / '),
    PayloadIdentifier: `${id}.account`,
    PayloadType: 'com.apple.mail.managed',
    PayloadUUID: uuid(),
    PayloadVersion: 1,
  };

  return buildPlist({
    PayloadContent: [mail],
    PayloadDescription: description,
    PayloadDisplayName: say((x) => x.profile.replace('{who}', () => address ?? x.name), ' / '),
    PayloadIdentifier: id,
    PayloadOrganization: 'Portolan',
    PayloadRemovalDisallowed: false,
    PayloadType: 'Configuration',
    PayloadUUID: uuid(),
    PayloadVersion: 1,
  });
}
