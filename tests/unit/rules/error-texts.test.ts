import { describe, expect, it } from 'vitest';
import { errorTexts } from '../../../src/lib/rules/error-texts.ts';
import { check, errorFile, FILES } from './fixtures.ts';

describe('error-texts: no IP address in a quoted reply', () => {
  it('passes the fixture, and a version number that looks like one', () => {
    const e = errorFile();
    e.errors[0]!.texts[0]!.text = '554 see help 1.2.3.4.5';
    expect(check(errorTexts, e, { file: FILES.errors })).toEqual([]);
  });

  it('refuses an address, naming it', () => {
    const e = errorFile();
    e.errors[0]!.texts[0]!.text = '554 DT:SPM ip=192.0.2.1';
    expect(check(errorTexts, e, { file: FILES.errors })).toEqual([`${FILES.errors}: errors[0].texts[0].text = "554 DT:SPM ip=192.0.2.1": contains the IP address 192.0.2.1; write the variable part as {IP address}`]);
  });
});
