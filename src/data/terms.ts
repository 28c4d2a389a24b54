// The dataset's fixed vocabularies, free of zod so that browser code (the profile download,
// src/browser/profile-download.ts) can rank servers without loading the schema library.
// src/data/schema.ts builds its enums from these.

export const PROTOCOLS = ['imap', 'pop3', 'smtp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const SECURITY = ['ssl/tls', 'starttls', 'none'] as const;
export type Security = (typeof SECURITY)[number];

/** Evidence grades, best first; computed from a fact's sources in src/lib/evidence.ts. */
export const GRADES = ['confirmed', 'corroborated', 'single-source', 'disagree'] as const;
