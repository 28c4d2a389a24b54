// Text that autoconfig XML cannot hold, or that would show other than it is stored.
import { BIDI, walk } from '../problems.ts';
import type { FileRule } from './rule.ts';

// What XML 1.0 cannot hold (so autoconfig files and profiles would break) and what no page should
// show: C0 controls but tab and line breaks, DEL, C1 controls, U+FFFE/U+FFFF, lone surrogates.
export const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const code = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export const characters: FileRule<unknown> = (data, add) =>
  walk(data, (value, path) => {
    if (typeof value !== 'string') return;
    const bad = FORBIDDEN.exec(value);
    if (bad) add(path, value, `contains the character ${code(bad[0])}, which XML cannot hold and no page can show`);
    const bidi = BIDI.exec(value);
    if (bidi) add(path, value, `contains the bidirectional control ${code(bidi[0])}, which makes text show in another order than it is written; remove it`);
  });
