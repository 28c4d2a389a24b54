// Text that autoconfig XML cannot hold, or that would show other than it is stored.
import { BIDI, walk } from '../problems.ts';
import type { FileRule } from './rule.ts';
import { INVISIBLE_CONTROL, NON_XML_CHAR } from '../xml-chars.ts';

// What XML 1.0 cannot hold (so autoconfig files and profiles would break: the definition the
// profile writer uses too) and what no page should show (DEL and C1 controls, which XML allows).
export const FORBIDDEN = new RegExp(`${NON_XML_CHAR.source}|${INVISIBLE_CONTROL.source}`, 'u');

const code = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export const characters: FileRule<unknown> = (data, add) =>
  walk(data, (value, path) => {
    if (typeof value !== 'string') return;
    const bad = FORBIDDEN.exec(value);
    if (bad) add(path, value, `contains the character ${code(bad[0])}, which XML cannot hold and no page can show`);
    const bidi = BIDI.exec(value);
    if (bidi) add(path, value, `contains the bidirectional control ${code(bidi[0])}, which makes text show in another order than it is written; remove it`);
  });
