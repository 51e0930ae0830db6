// Messages of the pact's agenda pages (src/modules/pact/): Dutch (source, plain B1 Dutch for residents) and English.
// Spread into nl.ts and en.ts; the English half must have every Dutch key (the type checks it).
export const agendaNl = {
} as const;

export const agendaEn: Record<keyof typeof agendaNl, string> = {
};
