import { describe, expect, it } from 'vitest';
import { errorReferences } from '../../../src/lib/rules/error-references.ts';
import { checkAll, client, errorFile, FILES, provider } from './fixtures.ts';

const APPS = 'src/data/errors/apps.json';
const files = (e = errorFile()) => ({ providers: [{ file: FILES.provider, data: provider() }], clients: [{ file: FILES.client, data: client() }], errors: [{ file: FILES.errors, data: e }] });

describe('error-references: what an error names exists', () => {
  it('passes the fixture', () => expect(checkAll(errorReferences, files()).problems).toEqual([]));

  it('refuses an unknown or non-primary provider, an unknown client and a step no guide has', () => {
    const e = errorFile();
    e.errors[0]!.providers = ['mail2.example'];
    e.errors[0]!.clients = ['outlook-express'];
    e.errors[0]!.causes[0]!.fix[0]!.step = 'step-magic';
    expect(checkAll(errorReferences, files(e)).problems).toEqual([
      `${FILES.errors}: errors[0].providers[0] = "mail2.example": is not the primary domain of a provider in src/data/providers`,
      `${FILES.errors}: errors[0].clients[0] = "outlook-express": is neither a client in src/data/clients nor an app in src/data/errors/apps.json`,
      `${FILES.errors}: errors[0].causes[0].fix[0].step = "step-magic": is not a step of any client with a guide; link a provider "section" instead`,
    ]);
  });

  it('refuses an error id used in two files, and an app that has a client file now', () => {
    const all = { ...files(), errors: [{ file: FILES.errors, data: errorFile() }, { file: 'src/data/errors/other.json', data: errorFile() }], apps: { file: APPS, data: [{ id: 'app', name: { 'zh-cn': '应用', en: 'App' } }] } };
    expect(checkAll(errorReferences, all).problems).toEqual([
      `${APPS}: [0].id = "app": is a client with guides now; remove it from the apps list`,
      `src/data/errors/other.json: errors[0].id = "bad-password": is already the id of an error in ${FILES.errors}`,
    ]);
  });
});
