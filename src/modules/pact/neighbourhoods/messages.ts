// The neighbourhood pages' messages: Dutch (the source, plain B1 Dutch) and English with exactly its
// keys. Registered through neighbourhoodsPart; the type checker learns the keys below. The import
// pipeline's own texts (import.*) stay in the core catalog: the platform renders them.
export const neighbourhoodsNl = {
  'neighbourhoods.title': 'Wijken',
  'neighbourhoods.intro': 'De wijken en buurten van het pact. U kunt ze één voor één toevoegen of een CSV-bestand inlezen met de kolommen code en naam.',
  'neighbourhoods.code': 'Code',
  'neighbourhoods.name': 'Naam',
  'neighbourhoods.none': 'Er zijn nog geen wijken.',
  'neighbourhoods.add': 'Wijk toevoegen',
  'neighbourhoods.codeTaken': 'Deze code is al in gebruik.',
  'neighbourhoods.import': 'Wijken inlezen uit CSV',
  'neighbourhoods.file': 'CSV-bestand',
  'neighbourhoods.fileHint': 'Een bestand met een kopregel "code,naam" (of "code;naam"). Hoogstens 5 MB.',
  'neighbourhoods.codeHint': 'Hoogstens 20 tekens: letters, cijfers, punt, streepje of liggend streepje. Bijvoorbeeld WK01.',
  'neighbourhoods.codeFormat': 'Gebruik alleen letters, cijfers, punt (.), streepje (-) of liggend streepje (_), zonder spaties.',
  'neighbourhoods.added': 'De wijk is toegevoegd.',
  'neighbourhoods.export': 'Download de wijken als CSV-bestand',
  'neighbourhoods.importButton': 'Bestand inlezen',
  'neighbourhoods.back': 'Terug naar de wijken',
} as const;

export const neighbourhoodsEn: Record<keyof typeof neighbourhoodsNl, string> = {
  'neighbourhoods.title': 'Neighbourhoods',
  'neighbourhoods.intro': 'The neighbourhoods of the pact. Add them one by one, or import a CSV file with the columns code and name.',
  'neighbourhoods.code': 'Code',
  'neighbourhoods.name': 'Name',
  'neighbourhoods.none': 'There are no neighbourhoods yet.',
  'neighbourhoods.add': 'Add neighbourhood',
  'neighbourhoods.codeTaken': 'This code is already in use.',
  'neighbourhoods.import': 'Import neighbourhoods from CSV',
  'neighbourhoods.file': 'CSV file',
  'neighbourhoods.fileHint': 'A file with a header row "code,name" (or "code;naam"). At most 5 MB.',
  'neighbourhoods.codeHint': 'At most 20 characters: letters, digits, full stop, hyphen or underscore. For example WK01.',
  'neighbourhoods.codeFormat': 'Use only letters, digits, full stop (.), hyphen (-) or underscore (_), without spaces.',
  'neighbourhoods.added': 'The neighbourhood has been added.',
  'neighbourhoods.export': 'Download the neighbourhoods as a CSV file',
  'neighbourhoods.importButton': 'Read the file',
  'neighbourhoods.back': 'Back to the neighbourhoods',
};

declare module '../../../ui/messages/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<keyof typeof neighbourhoodsNl, string> {}
}
