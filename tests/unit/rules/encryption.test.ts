import { describe, expect, it } from 'vitest';
import { encryption, NO_ENCRYPTION } from '../../../src/lib/rules/encryption.ts';
import { checkAll, FILES, provider } from './fixtures.ts';

describe('encryption: a plaintext-only provider is a warning, not a failure', () => {
  it('says nothing of a provider with encrypted servers', () => {
    expect(checkAll(encryption, { providers: [{ file: FILES.provider, data: provider() }] })).toEqual({ problems: [], warnings: [] });
  });

  it('warns per direction with no encrypted server', () => {
    const p = provider();
    p.servers.smtp = [{ host: 'smtp.mail.example', port: 25, security: 'none', username: 'address', sources: ['help'] }];
    expect(checkAll(encryption, { providers: [{ file: FILES.provider, data: p }] })).toEqual({
      problems: [],
      warnings: [`${FILES.provider}: servers.smtp = "smtp.mail.example:25": ${NO_ENCRYPTION} for outgoing mail; the pages warn about it, and no profile is made`],
    });
  });
});
