// "Copy a reply for a ticket": the settings of one guide as plain text a support agent pastes.
// The words are rendered at build time in the page's language (ticketText); the address and the
// link are filled in by the browser when the button is used (ticketReply). Pure, so both run in tests.
// Types only: the browser loads ticketReply without the strings of every page.
import type { GuideContext } from './guide.ts';
import type { Strings } from './i18n.ts';

export interface TicketText {
  hello: string;
  servers: { label: string; host: string; port: number; security: string }[];
  usernameLabel: string;
  /** Whether the username is the whole address or the part before the @. */
  username: 'address' | 'localpart';
  password: string;
  link: string;
  colon: string;
  /** What the username line says when the page was given no address: the words for it, never a made-up address a customer would copy. */
  noAddress: string;
}

/** `passwordName`: what the provider calls the password (src/lib/password.ts), named by the page so the browser's part of this module stays free of strings. */
export function ticketText(s: Strings, guide: GuideContext, passwordName: string): TicketText {
  const { locale } = guide;
  const server = (label: string, x: GuideContext['incoming']) => ({ label: `${label} (${s.protocolName[x.protocol]})`, host: x.host, port: x.port, security: s.securityName[x.security] });
  return {
    hello: s.ticketHello(guide.provider.shortName[locale], guide.client.name[locale]),
    servers: [server(s.incoming, guide.incoming), server(s.outgoing, guide.outgoing)],
    usernameLabel: s.username,
    username: guide.incoming.username === 'address' ? 'address' : 'localpart',
    // "not your web password" only where the provider issues a separate one for mail apps.
    password: ['authorization-code', 'app-password'].includes(guide.provider.password?.kind ?? '') ? s.ticketPassword(passwordName) : s.ticketPasswordPlain(passwordName),
    link: s.ticketLink,
    colon: s.colon,
    noAddress: s.usernameForm[guide.incoming.username],
  };
}

export function ticketReply(text: TicketText, address: string | null, url: string): string {
  const colon = text.colon;
  const username = address === null ? text.noAddress : text.username === 'address' ? address : address.slice(0, address.lastIndexOf('@'));
  return [
    text.hello,
    ...text.servers.map((x) => `${x.label}${colon}${x.host}, ${x.port}, ${x.security}`),
    `${text.usernameLabel}${colon}${username}`,
    text.password,
    `${text.link}${url}`,
  ].join('\n');
}
