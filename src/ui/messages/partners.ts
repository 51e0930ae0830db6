// Messages of the pact's partners pages (src/modules/pact/): Dutch (source, plain B1 Dutch for residents) and English.
// Spread into nl.ts and en.ts; the English half must have every Dutch key (the type checks it).
export const partnersNl = {
} as const;

export const partnersEn: Record<keyof typeof partnersNl, string> = {
};
