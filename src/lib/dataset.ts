// The validated dataset, loaded once. Pages and src/lib read it from here only.
import { datasetFiles } from '../data/index.ts';
import { loadDataset } from './load-dataset.ts';

const dataset = loadDataset(datasetFiles);

export const providers = dataset.providers;
export const clients = dataset.clients;
export const knownErrors = dataset.errors;
export const apps = dataset.apps;
export const dnsRecords = dataset.dns;
export const dnsFor = (domain: string) => dnsRecords.find((d) => d.provider === domain);
