// A provider that offers only plaintext servers (such providers exist and will be imported)
// passes validation with a warning, and every page's code handles it: guides set up its
// plaintext servers without calling them recommended; its autoconfig file lists them as the ISPDB does, and no profile is made.
import { describe, expect, it } from 'vitest';
import { readDatasetFiles } from '../../src/integrations/read-dataset.ts';
import { FOLDERS, loadDataset } from '../../src/lib/load-dataset.ts';
import { rankServers, recommended, unencrypted, setupServer } from '../../src/lib/servers.ts';
import { guideContext, hasGuide } from '../../src/lib/guide.ts';
import { autoconfigXml, hasAutoconfig } from '../../src/lib/autoconfig.ts';
import { canBuildProfile } from '../../src/lib/profile.ts';
import { portPages } from '../../src/lib/port-pages.ts';
import { LOCALES, PROTOCOLS } from '../../src/data/schema.ts';

// The fixture's providers, with the shipped clients and guides (the shipped error messages and DNS records name shipped providers).
const files = [...readDatasetFiles('tests/fixtures/plaintext'), ...readDatasetFiles().filter((f) => ![FOLDERS.providers, FOLDERS.imported, FOLDERS.errors, FOLDERS.dns].some((folder) => f.file.startsWith(folder)))];
const { providers, clients, warnings } = loadDataset(files);
const plain = providers.find((p) => p.domain === 'plain.example')!;

describe('a provider offering only plaintext', () => {
  it('passes validation with a warning for each direction, naming the file', () => {
    expect(warnings).toEqual([
      expect.stringMatching(/^src\/data\/providers\/plain\.example\.json: servers\.imap = "imap\.plain\.example:143": no encrypted connection offered for incoming mail/),
      expect.stringMatching(/^src\/data\/providers\/plain\.example\.json: servers\.smtp = "smtp\.plain\.example:25": no encrypted connection offered for outgoing mail/),
    ]);
  });

  it('is flagged unencrypted in both directions, and nothing is recommended', () => {
    expect(unencrypted(plain)).toEqual(['incoming', 'outgoing']);
    for (const protocol of PROTOCOLS) {
      expect(recommended(plain, protocol)).toBeUndefined();
      expect(rankServers(plain, protocol).some((s) => s.recommended)).toBe(false);
    }
  });

  it('has a guide for every client, setting up its plaintext servers', () => {
    for (const client of clients) {
      expect(hasGuide(plain, client)).toBe(true);
      for (const locale of LOCALES) {
        const ctx = guideContext(locale, plain, client);
        expect(ctx.incoming).toEqual(setupServer(plain, ctx.incoming.protocol));
        expect([ctx.incoming.security, ctx.outgoing.security]).toEqual(['none', 'none']);
        expect(ctx.outgoing.host).toBe('smtp.plain.example');
      }
    }
  });

  it('gets an autoconfig file listing its plaintext servers (as the ISPDB does), and no profile', () => {
    expect(hasAutoconfig(plain)).toBe(true);
    const xml = autoconfigXml(plain);
    expect(xml).toContain('<hostname>imap.plain.example</hostname>');
    expect(xml).toContain('<socketType>plain</socketType>');
    expect(canBuildProfile(plain)).toBe(false);
  });

  it('appears on the pages of its plaintext ports', () => {
    const pages = portPages(providers);
    for (const [protocol, port] of [['imap', 143], ['pop3', 110], ['smtp', 25]] as const) {
      expect(pages.find((p) => p.port === port)!.uses.filter((u) => u.provider === plain).map((u) => u.server.protocol)).toEqual([protocol]);
    }
  });
});

describe('a provider with encrypted servers beside it', () => {
  it('gets no warning', () => {
    const { providers, warnings } = loadDataset([...files, ...readDatasetFiles().filter((f) => f.file === 'src/data/providers/163.com.json')]);
    const p163 = providers.find((p) => p.domain === '163.com')!;
    expect(unencrypted(p163)).toEqual([]);
    expect(warnings.filter((w) => w.includes('163.com.json'))).toEqual([]);
  });
});
