// An error message is searched for as pasted: an IP address in it is one server's, so the text
// would match no one else's reply (and would publish an address).
import type { ErrorFile } from '../../data/schema.ts';
import { isIpAddress } from '../hostname.ts';
import type { FileRule } from './rule.ts';

const IP_IN_TEXT = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])/g;

export const errorTexts: FileRule<ErrorFile> = (f, add) =>
  f.errors.forEach((e, i) =>
    e.texts.forEach((t, j) => {
      for (const m of t.text.matchAll(IP_IN_TEXT)) {
        if (isIpAddress(m[0])) add(['errors', i, 'texts', j, 'text'], t.text, `contains the IP address ${m[0]}; write the variable part as {IP address}`);
      }
    }),
  );
