import { describe, expect, it } from 'vitest';
import { providers, clients } from '../../src/lib/dataset.ts';
import { passwordName } from '../../src/lib/password.ts';
import { guideContext, hasGuide } from '../../src/lib/guide.ts';
import { exampleAddress, t } from '../../src/lib/i18n.ts';
import { ticketReply, ticketText } from '../../src/lib/ticket.ts';
import { LOCALES } from '../../src/data/schema.ts';
import { doubledWords } from '../words.ts';

describe('the reply for a ticket', () => {
  for (const locale of LOCALES) {
    for (const provider of providers) {
      for (const client of clients.filter((c) => hasGuide(provider, c))) {
        it(`${locale} ${provider.domain} ${client.id}: holds the settings, the username for the address and the link`, () => {
          const ctx = guideContext(locale, provider, client);
          const text = ticketText(t(locale), ctx, passwordName(provider, locale));
          const url = `https://mail.example.org/${locale}/${provider.domain}/${client.id}/?address=zhang@${provider.domain}`;
          const reply = ticketReply(text, `zhang@${provider.domain}`, url);
          for (const server of [ctx.incoming, ctx.outgoing]) expect(reply).toContain(`${server.host}, ${server.port}, ${t(locale).securityName[server.security]}`);
          const username = ctx.incoming.username === 'address' ? `zhang@${provider.domain}` : 'zhang';
          expect(reply.split('\n')).toContain(`${t(locale).username}${t(locale).colon}${username}`);
          expect(reply).toContain(passwordName(provider, locale));
          expect(reply.trimEnd().endsWith(url)).toBe(true);
          // Without an address, the reply says what to type in words: no made-up address a customer would copy.
          const blank = ticketReply(text, null, url.split("?")[0]!);
          expect(blank.split('\n')).toContain(`${t(locale).username}${t(locale).colon}${t(locale).usernameForm[ctx.incoming.username]}`);
          expect(blank).not.toContain(exampleAddress(locale, provider.domain));
          expect(blank).not.toMatch(/\S@\S/);
          // Built from data without doubled words ("163 邮箱 邮箱").
          expect(doubledWords(reply), reply).toEqual([]);
          expect(doubledWords(blank), blank).toEqual([]);
        });
      }
    }
  }
});
