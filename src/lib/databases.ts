// The open settings databases scripts/import reads, under the source ids it gives them.
// `name` is how a page sets their values side by side ("ISPDB: 587 STARTTLS; FairEmail: 465 SSL/TLS");
// `title` begins the title of each source the importer writes.
export const DATABASES = {
  ispdb: { name: 'ISPDB', title: 'Thunderbird ISPDB' },
  fairemail: { name: 'FairEmail', title: 'FairEmail' },
  'chatmail-provider-db': { name: 'chatmail provider-db', title: 'chatmail provider-db' },
} as const;

export type Db = keyof typeof DATABASES;

/** The database a source id names: `fairemail-2` is a second file of FairEmail. */
export const databaseOf = (sourceId: string): Db | undefined => {
  const id = sourceId.replace(/-\d+$/, '');
  return Object.hasOwn(DATABASES, id) ? (id as Db) : undefined;
};
