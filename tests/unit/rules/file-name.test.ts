import { describe, expect, it } from 'vitest';
import { fileNameIs } from '../../../src/lib/rules/file-name.ts';
import { check, client, dnsFile, FILES, provider } from './fixtures.ts';

describe('file-name: a file is named by its key', () => {
  it('passes matching names', () => {
    expect(check(fileNameIs('domain'), provider())).toEqual([]);
    expect(check(fileNameIs('provider'), dnsFile(), { file: FILES.dns })).toEqual([]);
  });

  it('refuses a key that differs from the file name', () => {
    const c = client();
    c.id = 'other';
    expect(check(fileNameIs('id'), c, { file: FILES.client })).toEqual([`${FILES.client}: id = "other": must match the file name (app.json)`]);
  });
});
