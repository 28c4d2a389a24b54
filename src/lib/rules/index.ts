// Which rules run on which kind of file. A new rule is a module in this folder, its test in
// tests/unit/rules/, and one line here.
import type { Client, DnsRecords, ErrorFile, Provider } from '../../data/schema.ts';
import type { DatasetRule, FileRule, Sourced } from './rule.ts';
import { characters } from './characters.ts';
import { urlCredentials } from './url-credentials.ts';
import { noGrade } from './no-grade.ts';
import { sourceIds } from './source-ids.ts';
import { citedSources } from './cited-sources.ts';
import { dates } from './dates.ts';
import { quotes } from './quotes.ts';
import { fileNameIs } from './file-name.ts';
import { tier } from './tier.ts';
import { curatedFacts } from './curated-facts.ts';
import { servers } from './servers.ts';
import { quirkIds } from './quirk-ids.ts';
import { otherDomains } from './other-domains.ts';
import { clientSteps } from './client-steps.ts';
import { errorTexts } from './error-texts.ts';
import { sourcesUsed } from './sources-used.ts';
import { dnsRecords } from './dns-records.ts';
import { mxPatterns } from './mx-patterns.ts';
import { ownSpf } from './own-spf.ts';
import { domainOwners } from './domain-owners.ts';
import { domainsNotServers } from './domains-not-servers.ts';
import { encryption } from './encryption.ts';
import { guides } from './guides.ts';
import { errorReferences } from './error-references.ts';
import { dnsProviders } from './dns-providers.ts';

/** Every file of every kind, as parsed JSON, before its schema is checked. */
export const ANY_FILE: FileRule<unknown>[] = [characters, urlCredentials, noGrade];
/** Every file that cites sources (providers, clients, errors, DNS), once it has its schema's shape. */
export const SOURCED: FileRule<Sourced>[] = [sourceIds, citedSources, quotes, dates];

export const PROVIDER: FileRule<Provider>[] = [...SOURCED, fileNameIs('domain'), tier, curatedFacts, servers, quirkIds, otherDomains];
export const CLIENT: FileRule<Client>[] = [...SOURCED, fileNameIs('id'), clientSteps];
export const ERRORS: FileRule<ErrorFile>[] = [...SOURCED, errorTexts, sourcesUsed];
export const DNS: FileRule<DnsRecords>[] = [...SOURCED, fileNameIs('provider'), dnsRecords, mxPatterns, ownSpf];

/** Rules across files, on providers as merged (src/lib/merge.ts). */
export const DATASET: DatasetRule[] = [domainOwners, domainsNotServers, encryption, guides, errorReferences, dnsProviders];
