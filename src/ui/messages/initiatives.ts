// Messages of the pact's initiatives pages (src/modules/pact/): Dutch (source, plain B1 Dutch for residents) and English.
// Spread into nl.ts and en.ts; the English half must have every Dutch key (the type checks it).
export const initiativesNl = {
} as const;

export const initiativesEn: Record<keyof typeof initiativesNl, string> = {
};
