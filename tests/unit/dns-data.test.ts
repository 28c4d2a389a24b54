// src/data/dns: every file is loaded for a provider that exists, its records graded from their
// sources; and the page's resolvers are exactly what the CSP allows. What the checks refuse in a
// DNS file is tested rule by rule on synthetic data (tests/unit/rules/).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { providers, dnsRecords } from '../../src/lib/dataset.ts';
import { FOLDERS } from '../../src/lib/load-dataset.ts';
import { GRADES, gradeOf } from '../../src/lib/evidence.ts';
import { RESOLVERS } from '../../src/lib/doh.ts';

describe('src/data/dns', () => {
  it('every file in the folder is loaded, one per provider, for a provider that exists', () => {
    const files = readdirSync(FOLDERS.dns).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    expect(dnsRecords.map((d) => `${d.provider}.json`).sort()).toEqual(files.sort());
    for (const d of dnsRecords) expect(providers.map((p) => p.domain), d.provider).toContain(d.provider);
  });

  it('grades every record from its sources, confirmed only with an official page’s words that contain its value', () => {
    for (const d of dnsRecords)
      for (const r of d.records) {
        const grade = gradeOf(r, d.sources);
        expect(GRADES).toContain(grade);
        if (grade === 'confirmed') expect(r.sources.some((id) => d.sources.find((x) => x.id === id)?.kind === 'official' && r.quotes?.[id]), `${d.provider} ${r.value}`).toBe(true);
      }
  });
});

describe('the Content-Security-Policy', () => {
  it('lets the page connect to exactly our own origin and the two resolvers', () => {
    const config = readFileSync('astro.config.mjs', 'utf8');
    const line = config.match(/"connect-src ([^"]+)"/)![1]!.split(/\s+/);
    expect(line.sort()).toEqual(["'self'", ...RESOLVERS.map((r) => r.origin)].sort());
  });
});
