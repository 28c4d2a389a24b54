// The dataset as the built site publishes it (dist/api/v1/providers.json, which the unit tests
// hold equal to src/data), so browser tests take their expectations from the data, not from
// today's count of providers.
import { readFileSync } from 'node:fs';

export interface DataServer {
  host: string;
  port: number;
  security: 'ssl/tls' | 'starttls' | 'none';
  grade: 'confirmed' | 'corroborated' | 'single-source' | 'disagree';
}
export interface DataProvider {
  domain: string;
  otherDomains: string[];
  hostedDomains: string[];
  name: { 'zh-cn': string; en: string };
  shortName: { 'zh-cn': string; en: string };
  operator?: { 'zh-cn': string; en: string };
  priority: number;
  /** Curated by hand (src/data/providers) or imported (src/data/imported): isCurated() in src/lib/merge.ts reads it. */
  tier: 'curated' | 'imported';
  password?: { kind: string };
  servers: Record<'imap' | 'pop3' | 'smtp', DataServer[]>;
}

export const providers: DataProvider[] = (JSON.parse(readFileSync('dist/api/v1/providers.json', 'utf8')) as { providers: DataProvider[] }).providers;

/** Every (provider, server) pair of a protocol on a port, in dataset order. */
export const usesOf = (protocol: 'imap' | 'pop3' | 'smtp', port: number) => providers.flatMap((p) => p.servers[protocol].filter((s) => s.port === port).map((server) => ({ provider: p, server })));
