// What a data check is. One rule per module in this folder, each with its own test on tiny
// synthetic data (tests/unit/rules/); index.ts says which rules run on which kind of file, and
// src/lib/load-dataset.ts runs them. Modelled on mdn/browser-compat-data's one linter per rule.
import type { App, Client, DnsRecords, ErrorFile, Provider, Source, Tier } from '../../data/schema.ts';
import type { Add } from '../problems.ts';

export interface FileContext {
  /** The file's path from the project root. */
  file: string;
  /** The present moment, for dates that must not lie in the future. */
  now: Date;
  /** Which folder a provider file came from; other kinds have none. */
  tier?: Tier;
}

/** Checks one file's data (raw JSON for rules on every file, else the schema's type) and reports through `add`. */
export type FileRule<T> = (data: T, add: Add, ctx: FileContext) => void;

/** Every file kind but apps.json cites sources and says when it was checked. */
export interface Sourced {
  sources: Source[];
  verified: string;
}

export interface Entry<T> {
  file: string;
  data: T;
}

/** The dataset once every file has its schema's shape: what rules across files look at. */
export interface CheckedFiles {
  /** Curated and imported files merged (src/lib/merge.ts), as pages see them. */
  providers: Entry<Provider>[];
  clients: Entry<Client>[];
  errors: Entry<ErrorFile>[];
  apps?: Entry<App[]>;
  dns: Entry<DnsRecords>[];
  /** The guides' MDX prose (src/guides/), when the loader read it. */
  guides?: { file: string; text: string }[];
  /** Whether every provider and client file has its shape: references to them are checked only then, so one broken provider file is one problem, not one per error that names it. */
  complete: boolean;
}

/** Reports problems, or warnings, of any file by name. */
export type At = (file: string) => Add;

/** Checks files against each other; `warn` is for what the pages warn about instead of failing the build. */
export type DatasetRule = (files: CheckedFiles, at: At, warn: At) => void;
