// The site's languages, on their own so browser code can import them without zod.
export const LOCALES = ['zh-cn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
