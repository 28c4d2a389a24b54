import { describe, expect, it } from 'vitest';
import { characters } from '../../../src/lib/rules/characters.ts';
import { check, client, dnsFile, errorFile, FILES, provider } from './fixtures.ts';

describe('characters: text XML cannot hold, or that shows reordered', () => {
  it('passes ordinary text, Chinese included', () => expect(check(characters, provider())).toEqual([]));

  it('refuses a control character in a name', () => {
    const p = provider();
    p.shortName.en = 'Ex\u0007ample';
    expect(check(characters, p)).toEqual([`${FILES.provider}: shortName.en = "Ex\\u0007ample": contains the character U+0007, which XML cannot hold and no page can show`]);
  });

  it('refuses a bidirectional override, escaped in the problem line', () => {
    const p = provider();
    p.name.en = 'Mail \u202Eelpmaxe';
    expect(check(characters, p)).toEqual([`${FILES.provider}: name.en = "Mail \\u202eelpmaxe": contains the bidirectional control U+202E, which makes text show in another order than it is written; remove it`]);
  });

  it('runs on every file kind: client, error and DNS files', () => {
    const c = client();
    c.name['zh-cn'] = '应用\u2067';
    expect(check(characters, c, { file: FILES.client })[0]).toMatch(/^src\/data\/clients\/app\.json: name\.zh-cn = .*U\+2067/);
    const e = errorFile();
    e.errors[0]!.texts[0]!.text += '\u0007';
    expect(check(characters, e, { file: FILES.errors })[0]).toMatch(/^src\/data\/errors\/example\.json: errors\[0\]\.texts\[0\]\.text = .*U\+0007/);
    const d = dnsFile();
    d.records[0]!.value = 'mx1.mail.example\u200F';
    expect(check(characters, d, { file: FILES.dns })[0]).toMatch(/^src\/data\/dns\/mail\.example\.json: records\[0\]\.value = .*U\+200F/);
  });
});
