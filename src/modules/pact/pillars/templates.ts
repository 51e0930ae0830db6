// Pillar templates a pact can start from (seeds 000 and 002 of the product's source documents):
// the five pillars of a "Pact voor Samenredzaamheid" and the nine paths of an "armoedevrij"
// covenant. Titles follow the sources; the descriptions are our own short summaries in plain Dutch.
// A coordinator picks one when the pact has no pillars yet, and can edit every pillar afterwards.

export interface PillarTemplate {
  key: 'five-pillars' | 'nine-paths';
  /** Whether the pact speaks of pillars or of paths (pact.pillar_label). */
  label: 'pillar' | 'path';
  pillars: ReadonlyArray<{ title: string; description: string }>;
}

export const pillarTemplates: readonly PillarTemplate[] = [
  {
    key: 'five-pillars',
    label: 'pillar',
    pillars: [
      { title: 'Kennen en gekend worden', description: 'Elkaar en elkaars hulp kennen en weten te vinden. Eenvoudige procedures, één schakelpunt, signalen samen oppakken. Niemand van het kastje naar de muur.' },
      { title: 'Liever voorkomen dan genezen', description: 'Voorlichting, budgetadvies, training en coaching, zo vroeg mogelijk: van een lespakket op school tot uitleg over woonlasten en energie.' },
      { title: 'Aanval op de uitval', description: 'Als problemen zich opstapelen: één coördinerend professional met een netwerk rond het huishouden, die doelgericht werkt aan oplossingen.' },
      { title: 'Op eigen benen meedoen', description: 'Zoveel mogelijk in je eigen inkomen voorzien. Meedoen op de arbeidsmarkt en in de samenleving, voor jong en oud.' },
      { title: 'Aanboren van maatschappelijke betrokkenheid', description: 'Inwoners, verenigingen en bedrijven zetten hun talent in voor een ander. Lagere drempels voor sport en cultuur, initiatieven in de wijk.' },
    ],
  },
  {
    key: 'nine-paths',
    label: 'path',
    pillars: [
      { title: 'Armen aan het woord', description: 'Geen armoedebeleid zonder ervaringsdeskundigheid: samen met de mensen om wie het gaat.' },
      { title: 'De samenleving erbij betrekken', description: 'Armoede onder de aandacht brengen en houden, zodat meer mensen een steentje bijdragen.' },
      { title: 'Wat goed gaat versterken', description: 'Kijken naar wat mensen zelf kunnen, en waar zij begeleiding bij nodig hebben.' },
      { title: 'Samenwerken vanuit mensenbelang', description: 'Instellingen werken samen vanuit het belang van mensen, niet vanuit het eigen belang.' },
      { title: 'Bouwen op vertrouwen', description: 'Organisaties kennen de leefwereld van hun klanten en geven medewerkers ruimte voor maatwerk.' },
      { title: 'Eigen mogelijkheden aanspreken', description: 'Hulpverleners als mogelijkheidsmakelaars: samen ontdekken wat iemand wel kan.' },
      { title: 'Goed gebruik van voorzieningen bevorderen', description: 'Mensen wijzen op regelingen waar zij recht op hebben en helpen ze die ook te gebruiken.' },
      { title: 'Schulden voorkómen', description: 'Vroeg signaleren, betalingsachterstanden samen met schuldeisers oplossen, administratieve vaardigheden vergroten.' },
      { title: 'Kinderen toekomst bieden', description: 'Extra aandacht op school en in de vrije tijd voor kinderen uit gezinnen met een laag inkomen.' },
    ],
  },
];

export function pillarTemplate(key: string): PillarTemplate | undefined {
  return pillarTemplates.find((t) => t.key === key);
}
