// The hostname predicates live beside the schema that uses them (src/data may not import src/lib).
export * from '../data/hostname.ts';
