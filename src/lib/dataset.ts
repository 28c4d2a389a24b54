// The validated dataset, loaded once. Pages and src/lib read it from here only.
import { datasetFiles } from '../data/index.ts';
import { loadDataset } from './validate.ts';

const dataset = loadDataset(datasetFiles);

export const providers = dataset.providers;
export const clients = dataset.clients;
export const knownErrors = dataset.errors;
export const apps = dataset.apps;
/** Apps people ask about that have no guide yet: the home and search pages say so. */
export const uncoveredApps = apps.filter((a) => a.aliases.length > 0);
export const dnsRecords = dataset.dns;
export const dnsFor = (domain: string) => dnsRecords.find((d) => d.provider === domain);
