// The property-list writer the static profiles, these tests and the browser's profile form all
// use (src/lib/plist.ts): what it writes, a plist parser reads back unchanged; what XML cannot
// hold, it refuses with the key it was found under.
import { describe, expect, it } from 'vitest';
import { parse } from 'plist';
import { buildPlist, PlistError } from '../../src/lib/plist.ts';
import { hasNonXmlChar, stripNonXmlChars } from '../../src/lib/xml-chars.ts';

describe('buildPlist', () => {
  it('writes dicts, arrays, strings, integers, reals and booleans that parse back to the same value', () => {
    const value = { A: 'text', B: 993, C: 1.5, D: true, E: false, F: [{ G: 'x' }, 'y', 0], H: {} };
    expect(parse(buildPlist(value))).toEqual(value);
  });

  it('starts with the XML declaration and Apple’s plist doctype', () => {
    const text = buildPlist({ A: 'x' });
    expect(text.split('\n').slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
      '<plist version="1.0">',
    ]);
  });

  it('escapes markup in strings and keys, and keeps a carriage return', () => {
    const value = { 'a<b>&c': '</string><string>&amp; "q" \'a\'', CR: 'one\r\ntwo\rthree' };
    const text = buildPlist(value);
    expect(text).not.toContain('</string><string>&amp;');
    expect(parse(text)).toEqual(value);
  });

  it('leaves out undefined values', () => {
    expect(parse(buildPlist({ A: 'x', B: undefined }))).toEqual({ A: 'x' });
  });

  it.each([
    ['U+000B', '\u000B'],
    ['U+0000', '\u0000'],
    ['U+0007', '\u0007'],
    ['U+FFFE', '\uFFFE'],
    ['U+FFFF', '\uFFFF'],
    ['a lone surrogate', '\uDC00'],
  ])('refuses %s in a value or a key, naming where it was', (_, c) => {
    expect(() => buildPlist({ Outer: [{ Name: `a${c}b` }] })).toThrow(PlistError);
    expect(() => buildPlist({ Outer: [{ Name: `a${c}b` }] })).toThrow(/^Outer\[0\]\.Name = /);
    expect(() => buildPlist({ [`K${c}`]: 'v' })).toThrow(PlistError);
  });

  it('refuses numbers a plist cannot write', () => {
    expect(() => buildPlist({ N: Number.NaN })).toThrow(/N = NaN/);
    expect(() => buildPlist({ N: Number.POSITIVE_INFINITY })).toThrow(PlistError);
  });
});

describe('the XML character rule', () => {
  it('allows tab, line ends, every script and characters beyond the BMP', () => {
    expect(hasNonXmlChar('\t\n\r 李雷 Ü 🙂 \uE000 \uFFFD')).toBe(false);
  });

  it('finds and strips every control character but tab and line ends, U+FFFE/U+FFFF and lone surrogates', () => {
    const bad = [...Array(0x20).keys()].filter((c) => ![0x9, 0xa, 0xd].includes(c)).map((c) => String.fromCharCode(c));
    bad.push('\uFFFE', '\uDFFF', '\uFFFF', '\uD800'); // the surrogates apart, not a pair
    for (const c of bad) expect(hasNonXmlChar(`x${c}y`), `U+${c.charCodeAt(0).toString(16)}`).toBe(true);
    expect(stripNonXmlChars(`a${bad.join('')}b🙂`)).toEqual({ text: 'ab🙂', removed: bad.length });
  });
});
