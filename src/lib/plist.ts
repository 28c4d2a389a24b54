// The XML property-list writer for configuration profiles: the same code in Node (the static
// profiles, the unit tests) and in the browser (the profile form). The `plist` package builds
// through xmlbuilder in Node but escapes only & < > in its browser build, so a control character
// typed into the form gave a file that no XML parser, and no iPhone, accepts, while the tests,
// running Node's build, never saw it. Format: Apple's PropertyList-1.0 DTD.

import { hasNonXmlChar } from './xml-chars.ts';

export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue | undefined };

export class PlistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlistError';
  }
}

function escape(text: string, where: string): string {
  if (hasNonXmlChar(text)) throw new PlistError(`${where} = ${JSON.stringify(text)}: holds a character XML cannot hold (a control character, U+FFFE/U+FFFF or a lone surrogate)`);
  // A raw CR would come back as LF: XML parsers normalise line ends.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An XML property list of `value`; throws a PlistError naming the key of a value it cannot write. */
export function buildPlist(value: PlistValue): string {
  const lines: string[] = [];
  const emit = (depth: number, line: string) => lines.push('\t'.repeat(depth) + line);
  const walk = (v: PlistValue, depth: number, where: string): void => {
    if (typeof v === 'string') emit(depth, `<string>${escape(v, where)}</string>`);
    else if (typeof v === 'boolean') emit(depth, v ? '<true/>' : '<false/>');
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new PlistError(`${where} = ${v}: not a finite number`);
      emit(depth, Number.isInteger(v) ? `<integer>${v}</integer>` : `<real>${v}</real>`);
    } else if (Array.isArray(v)) {
      emit(depth, '<array>');
      v.forEach((item, i) => walk(item, depth + 1, `${where}[${i}]`));
      emit(depth, '</array>');
    } else {
      emit(depth, '<dict>');
      for (const [key, item] of Object.entries(v)) {
        if (item === undefined) continue;
        const at = where ? `${where}.${key}` : key;
        emit(depth + 1, `<key>${escape(key, at)}</key>`);
        walk(item, depth + 1, at);
      }
      emit(depth, '</dict>');
    }
  };
  walk(value, 0, '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...lines,
    '</plist>',
    '',
  ].join('\n');
}
