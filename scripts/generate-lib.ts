// Synthetic bench data: pacts with organisations, teams, neighbourhoods and members that look like a
// Dutch (and now and then Flemish) anti-poverty pact, but are invented. Names come from word lists;
// every e-mail address is on a reserved `.example` domain, so nothing here can reach a real person.
//
// Two halves: `planPact` is pure (seeded random, no I/O, tested), `generateBenchData` writes the
// plan with one array-parameter `insert … select … from unnest(…)` per table and per pact, each pact
// in its own short transaction (PGlite is one connection: a long transaction would stall everything).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { organisationKinds, pillarTemplates, type OrganisationKind } from '../src/modules/pact/index.ts';
import { passwords } from '../src/modules/accounts/index.ts';
import { recordAudit, startAuditChain } from '../src/platform/audit/audit-log.ts';
import type { Db, Tx } from '../src/platform/db/database.ts';

/** Every generated person has this password (hashed once with the app's argon2id). */
export const BENCH_PASSWORD = 'bench-schakelpunt-2026';
export const BENCH_SLUG_PREFIX = 'bench-';

export interface GenerateOptions {
  pacts: number;
  organisations: number;
  /** Members per organisation; each pact also gets one coordinator and two policy readers. */
  members: number;
  /** Seed of the random generator: the same seed gives the same names. */
  seed?: number;
  /**
   * Activities on the published agenda of the first pact (bench-01), which also gets the five
   * pillars; 0 for none. Default 2,000.
   */
  activities?: number;
}

export const generateLimits = { pacts: 99, organisations: 500, members: 1000, activities: 20_000 } as const;
/** The year of the generated published agenda. */
export const BENCH_AGENDA_YEAR = 2026;

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): reproducible data without a dependency.

export interface Random {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

// ---------------------------------------------------------------------------------------------
// Word lists. Town names are invented combinations (some may happen to match a real place, which
// is harmless); the demo pacts' towns are left out so bench data never collides with demo data.

const townStarts = ['Haze', 'Eike', 'Berke', 'Wilge', 'Esse', 'Ooster', 'Wester', 'Noorder', 'Zuider', 'Hoog', 'Groen', 'Molen', 'Beek', 'Heide', 'Zand', 'Ree', 'Vlier', 'Ramme', 'Kievit', 'Elzen'];
const townEnds = ['veen', 'dorp', 'horst', 'hoven', 'broek', 'wolde', 'zijl', 'donk', 'rode', 'loo', 'kerk', 'burg', 'wijk', 'haven', 'laar', 'meer', 'stede', 'hem'];
const excludedTowns = new Set(['Lindewaard', 'Hagedoorn']);

const neighbourhoodNames = [
  'Centrum', 'Oosterkwartier', 'Westerpark', 'Het Veld', 'De Hoven', 'Vogelbuurt', 'Bloemenwijk', 'Schildersbuurt',
  'Rivierenwijk', 'Stationskwartier', 'De Kern', 'Buitengebied', 'Noordereiland', 'Zuiderhout', 'Molenwijk',
  'De Akkers', 'Kerkebuurt', 'Bomenwijk', 'De Vaart', 'Componistenbuurt',
];

const placeNouns = [
  'De Brug', 'De Schakel', 'Het Anker', 'De Horizon', 'De Bron', 'Het Kompas', 'De Vonk', 'De Sleutel', 'Het Baken',
  'De Regenboog', 'De Klimop', 'Het Palet', 'De Wegwijzer', 'De Zonnebloem', 'Het Startpunt', 'De Lindeboom',
  'De Kiem', 'Het Kruispunt', 'De Meander', 'Het Spoor',
];

const saints = ['Sint-Jan', 'Sint-Martinus', 'Onze Lieve Vrouw', 'Sint-Nicolaas', 'Sint-Willibrord', 'Sint-Bavo'];
const mosques = ['Al Fath', 'Mevlana', 'Ulu', 'En Nour', 'Selimiye'];

const firstNames = [
  'Anna', 'Bram', 'Daan', 'Emma', 'Fatima', 'Mohammed', 'Sanne', 'Lotte', 'Joost', 'Noor', 'Aylin', 'Kees', 'Marek',
  'Priya', 'Wei', 'Kofi', 'Yasmina', 'Sem', 'Julia', 'Thijs', 'Sophie', 'Lars', 'Fleur', 'Ahmed', 'Esra', 'Mila',
  'Ruben', 'Iris', 'Hamza', 'Zeynep', 'Tim', 'Eva', 'Bas', 'Lieke', 'Youssef', 'Chantal', 'Rik', 'Anouk', 'Dewi',
  'Stefan', 'Maaike', 'Ilse', 'Jeroen', 'Samira', 'Gerrit', 'Wilma', 'Henk', 'Ingrid', 'Tess', 'Milan', 'Olga',
  'Rachid', 'Naima', 'Jan', 'Femke', 'Koen', 'Sevda', 'Tomasz', 'Agnieszka', 'Sarita',
];
const surnames = [
  'de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters',
  'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer',
  'van den Berg', 'Kok', 'Jacobs', 'Vermeulen', 'Yılmaz', 'El Amrani', 'Kaya', 'Nguyen', 'Öztürk', 'Bouzid', 'Pinas',
  'Biharie', 'Kowalski', 'Ramdin', 'Haddou', 'Şahin', 'Ramsaroep', 'Wong', 'Tahiri', 'van Dam', 'Prins', 'Kuipers',
  'Veenstra', 'Post', 'Hoekstra', 'Huisman', 'Koster', 'Willems', 'Verhoeven',
];
const streets = [
  'Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsplein', 'Schoolstraat', 'Raadhuisplein', 'Lindelaan', 'Beukenlaan',
  'Marktplein', 'Havenkade', 'Wilhelminastraat', 'Julianalaan', 'Prins Hendrikstraat', 'Vondelstraat', 'Zuiderweg',
  'Industrieweg', 'Sportlaan', 'Parkweg', 'Nieuwe Gracht', 'Bleekveld',
];

const pactNames = ['Pact Samen {town}', 'Armoedepact {town}', 'Netwerk Rondkomen {town}', 'Samen Sterk {town}', 'Meedoen in {town}'];

/** Name patterns per organisation kind: {town}, {nb} (a neighbourhood), {noun}, {surname}, {saint}, {mosque}. */
const organisationNames: Record<OrganisationKind, string[]> = {
  municipality: ['Gemeente {town}'], // only the first organisation is a municipality
  housing_corporation: ['Woonstichting {noun}', 'Woongoed {town}', '{town} Wonen', 'Woonbron {town}', 'Woningcorporatie {noun}'],
  welfare: ['Welzijn {town}', 'Stichting Leergeld {town}', 'Maatschappelijk Werk {town}', 'Stichting {noun}', 'Ouderenwerk {town}', 'Jongerenwerk {nb}', 'Vluchtelingenwerk {town}'],
  school: ['OBS {noun}', 'CBS {noun}', 'Kindcentrum {nb}', 'Openbare Basisschool {nb}', '{town} College', 'SBO {noun}'],
  church: ['Diaconie Protestantse Gemeente {town}', 'Parochie {saint}', 'Caritas {saint}', 'Moskee {mosque}', 'Kerk in de Buurt {nb}', 'Leger des Heils {town}'],
  residents_initiative: ['Bewonersgroep {nb}', 'Buurthuis {noun}', 'Repair Café {nb}', 'Buurtkamer {nb}', 'Stichting Samen {nb}', 'Wijkraad {nb}'],
  company: ['Installatiebedrijf {surname} & Zn.', 'Bakkerij {surname}', 'Supermarkt {nb}', 'Bouwbedrijf {surname}', 'Energiecoöperatie {town}', 'Uitzendbureau {noun}'],
  sport_culture_club: ['Sportvereniging {town}', 'Voetbalvereniging {nb}', 'Muziekvereniging {noun}', 'Zwemclub {town}', 'Toneelvereniging {noun}', 'Bibliotheek {town}'],
  volunteer_group: ['Voedselbank {town}', 'SchuldHulpMaatje {town}', 'Humanitas {town}', 'Kledingbank {nb}', 'Vrijwilligerscentrale {town}', 'Taalhuis {town}', 'Thuisadministratie {nb}'],
  health: ['Huisartsenpraktijk {noun}', 'Gezondheidscentrum {nb}', 'Apotheek {nb}', 'Fysiotherapie {noun}', 'Wijkverpleging {nb}', 'Praktijk voor Psychologie {noun}'],
  other: ['Stichting {noun}', 'Fonds Bijzondere Noden {town}', 'Sociaal Raadslieden {town}', 'Juridisch Loket {town}', 'Kringloopwinkel {noun}', 'Stichting Urgente Noden {town}'],
};

const descriptions: Record<OrganisationKind, string> = {
  municipality: 'Voert de Participatiewet, de schuldhulpverlening en de minimaregelingen uit en trekt het pact.',
  housing_corporation: 'Verhuurt sociale huurwoningen en neemt bij de eerste huurachterstand contact op met de huurder.',
  welfare: 'Maatschappelijk werk, ouderenwerk en jongerenwerk: één plek waar signalen binnenkomen en worden opgepakt.',
  school: 'Basisschool met een ontbijtproject en een schoolmaatschappelijk werker.',
  church: 'Noodhulp, een luisterend oor en de jaarlijkse kledingbeurs.',
  residents_initiative: 'Bewoners die samen koken, een repair café draaien en buren helpen met formulieren.',
  company: 'Lokaal bedrijf dat werkervaringsplekken biedt en meedenkt over energiebesparing.',
  sport_culture_club: 'Kinderen uit gezinnen met een laag inkomen doen mee zonder contributie.',
  volunteer_group: 'Draait volledig op vrijwilligers die wekelijks klaarstaan voor huishoudens die niet rondkomen.',
  health: 'Herkent stress over geld in de spreekkamer en verwijst warm door.',
  other: 'Helpt met geld, spullen of advies wanneer andere regelingen tekortschieten.',
};

const teamsByKind: Partial<Record<OrganisationKind, string[]>> = {
  municipality: ['Team Werk en Inkomen', 'Team Schuldhulp', 'Team Minimaregelingen'],
  welfare: ['Schakelpuntteam', 'Wijkteam {nb}'],
  housing_corporation: ['Huurdersconsulenten'],
  health: ['Praktijkondersteuners'],
  school: ['Zorgteam'],
  volunteer_group: ['Uitgifteploeg'],
};

// Volunteer-run organisations are mostly volunteers; professional organisations mostly staff.
const volunteerKinds = new Set<OrganisationKind>(['volunteer_group', 'residents_initiative', 'church', 'sport_culture_club']);

// ---------------------------------------------------------------------------------------------
// The plan for one pact (pure).

export type Role = 'pact_coordinator' | 'partner_admin' | 'professional' | 'volunteer' | 'policy_reader';

export interface PlannedPact {
  id: string;
  slug: string;
  name: string;
  municipality: string;
  jurisdiction: 'NL' | 'BE-VLG';
  neighbourhoods: Array<{ id: string; code: string; name: string }>;
  organisations: Array<{
    id: string; name: string; kind: OrganisationKind; description: string; website: string; email: string;
    phone: string; address: string;
  }>;
  teams: Array<{ id: string; organisationId: string; name: string }>;
  people: Array<{ id: string; email: string; displayName: string }>;
  memberships: Array<{ personId: string; organisationId: string | null; teamId: string | null; role: Role }>;
}

/** Shared across pacts, so names and addresses stay unique over the whole generated set. */
export interface PlanState {
  random: Random;
  usedTowns: Set<string>;
  usedEmails: Set<string>;
  newId: () => string;
}

export function createPlanState(seed: number, newId: () => string = randomUUID): PlanState {
  return { random: createRandom(seed), usedTowns: new Set(excludedTowns), usedEmails: new Set(), newId };
}

/** Lower-case ASCII for e-mail addresses and domains: `Öztürk` → `ozturk`, `Yılmaz` → `yilmaz`. */
export function asciiSlug(text: string, separator: '' | '-' = ''): string {
  const words = text
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  return words.join(separator);
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function newTown(state: PlanState): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const town = state.random.pick(townStarts) + state.random.pick(townEnds);
    if (!state.usedTowns.has(town)) {
      state.usedTowns.add(town);
      return town;
    }
  }
  // More pacts than word combinations: number them rather than loop forever.
  const town = `${state.random.pick(townStarts)}${state.random.pick(townEnds)} ${state.usedTowns.size}`;
  state.usedTowns.add(town);
  return town;
}

function uniqueEmail(state: PlanState, local: string, domain: string): string {
  let email = `${local}@${domain}`;
  for (let n = 2; state.usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
  state.usedEmails.add(email);
  return email;
}

export function pactSlug(index: number): string {
  return `${BENCH_SLUG_PREFIX}${String(index + 1).padStart(2, '0')}`;
}

const nonMunicipalKinds = organisationKinds.filter((k) => k !== 'municipality');

/** Which kind organisation `index` of a pact has: the first is the municipality, the rest go round the other kinds. */
export function kindFor(index: number): OrganisationKind {
  return index === 0 ? 'municipality' : nonMunicipalKinds[(index - 1) % nonMunicipalKinds.length]!;
}

/** The role of member `memberIndex` of an organisation: the first is its partner admin. */
export function roleFor(kind: OrganisationKind, memberIndex: number): Role {
  if (memberIndex === 0) return 'partner_admin';
  if (volunteerKinds.has(kind)) return memberIndex % 5 === 0 ? 'professional' : 'volunteer';
  return memberIndex % 4 === 0 ? 'volunteer' : 'professional';
}

export function planPact(state: PlanState, index: number, options: { organisations: number; members: number }): PlannedPact {
  const { random, newId } = state;
  const town = newTown(state);
  const flemish = index % 5 === 4;
  const pactId = newId();

  const neighbourhoods = shuffled(random, neighbourhoodNames)
    .slice(0, 8)
    .map((name, i) => ({ id: newId(), code: `WK${String(i + 1).padStart(2, '0')}`, name }));

  const fill = (pattern: string) =>
    pattern
      .replace('{town}', town)
      .replace('{nb}', random.pick(neighbourhoods).name)
      .replace('{noun}', random.pick(placeNouns))
      .replace('{surname}', capitalise(random.pick(surnames)))
      .replace('{saint}', random.pick(saints))
      .replace('{mosque}', random.pick(mosques));

  const usedNames = new Set<string>();
  const organisations: PlannedPact['organisations'] = [];
  const teams: PlannedPact['teams'] = [];
  for (let i = 0; i < options.organisations; i++) {
    const kind = kindFor(i);
    // In Flanders the public centre for social welfare (OCMW) is the municipal partner.
    let name = i === 0 ? `${flemish ? 'OCMW' : 'Gemeente'} ${town}` : '';
    for (let attempt = 0; (name === '' || usedNames.has(name)) && attempt < 30; attempt++) {
      name = fill(random.pick(organisationNames[kind]));
    }
    const base = name;
    for (let n = 2; usedNames.has(name); n++) name = `${base} ${n}`;
    usedNames.add(name);
    const domain = `${asciiSlug(name, '-')}.example`;
    const id = newId();
    organisations.push({
      id, name, kind, description: descriptions[kind],
      website: `https://www.${domain}`,
      email: `info@${domain}`,
      // Dutch numbers and postcodes look like `0599 123 456`, `7799 AB`; Flemish ones like `09 123 45 67`, `9000`.
      phone: flemish
        ? `0${1 + random.int(9)} ${100 + random.int(900)} ${10 + random.int(90)} ${10 + random.int(90)}`
        : `0${100 + random.int(900)} ${100 + random.int(900)} ${100 + random.int(900)}`,
      address: `${random.pick(streets)} ${1 + random.int(180)}, ${1000 + random.int(8999)}${
        flemish ? '' : ` ${String.fromCharCode(65 + random.int(26), 65 + random.int(26))}`
      } ${town}`,
    });
    for (const team of teamsByKind[kind] ?? []) {
      const teamName = fill(team);
      if (!teams.some((t) => t.organisationId === id && t.name === teamName)) teams.push({ id: newId(), organisationId: id, name: teamName });
    }
  }

  const people: PlannedPact['people'] = [];
  const memberships: PlannedPact['memberships'] = [];
  const addPerson = (domain: string) => {
    const first = random.pick(firstNames);
    const last = random.pick(surnames);
    const person = { id: newId(), email: uniqueEmail(state, `${asciiSlug(first)}.${asciiSlug(last)}`, domain), displayName: `${first} ${last}` };
    people.push(person);
    return person.id;
  };
  for (const organisation of organisations) {
    const domain = organisation.email.slice('info@'.length);
    const ownTeams = teams.filter((t) => t.organisationId === organisation.id);
    for (let m = 0; m < options.members; m++) {
      const role = roleFor(organisation.kind, m);
      const teamId = role !== 'partner_admin' && ownTeams.length > 0 ? ownTeams[m % ownTeams.length]!.id : null;
      memberships.push({ personId: addPerson(domain), organisationId: organisation.id, teamId, role });
    }
  }
  // One coordinator (at the municipality, like the demo pact) and two policy readers without an organisation.
  const municipality = organisations[0]!;
  const municipalityDomain = municipality.email.slice('info@'.length);
  memberships.push({ personId: addPerson(municipalityDomain), organisationId: municipality.id, teamId: null, role: 'pact_coordinator' });
  for (let r = 0; r < 2; r++) {
    memberships.push({ personId: addPerson(municipalityDomain), organisationId: null, teamId: null, role: 'policy_reader' });
  }

  return {
    id: pactId,
    slug: pactSlug(index),
    name: random.pick(pactNames).replace('{town}', town),
    municipality: town,
    jurisdiction: flemish ? 'BE-VLG' : 'NL',
    neighbourhoods,
    organisations,
    teams,
    people,
    memberships,
  };
}

// ---------------------------------------------------------------------------------------------
// The agenda of one pact (pure): the five pillars and a published agenda year with activities
// spread over the pact's organisations and pillars, each with 1–3 indicators and 0–2 co-partners,
// and a November review for half of them.

export type ReviewStatus = 'done' | 'in_progress' | 'delayed' | 'stopped';

export interface PlannedAgenda {
  year: number;
  yearId: string;
  pillars: Array<{ id: string; position: number; title: string; description: string }>;
  activities: Array<{
    id: string; organisationId: string; pillarId: string; title: string; goal: string; description: string;
    responsibleName: string; startsOn: string; endsOn: string; status: 'planned' | ReviewStatus; reviewedAt: string | null;
  }>;
  partners: Array<{ activityId: string; organisationId: string }>;
  indicators: Array<{ id: string; activityId: string; position: number; name: string; unit: string; targetValue: number; currentValue: number | null }>;
  /** In the order they are written: indicator results point at them by index. */
  reviews: Array<{ activityId: string; status: ReviewStatus; story: string; reviewedAt: string }>;
  results: Array<{ reviewIndex: number; indicatorId: string; value: number }>;
}

/** Activity titles per pillar (position 1–5 of the five-pillar template); `{nb}` is a neighbourhood. */
const activityTitles: string[][] = [
  ['Inloopspreekuur geldzorgen in {nb}', 'Sociale kaart bijhouden', 'Eén aanvraagformulier voor minimaregelingen', 'Luisterpunt in {nb}', 'Signaalkaart in de spreekkamer', 'Formulierenhulp in {nb}', 'Warme overdracht naar het schakelpunt'],
  ['Bellen bij de eerste huurachterstand', 'Budgetcursus in {nb}', 'Lespakket geld op school', 'Vroegsignalering betaalachterstanden', 'Energiebezoeken in {nb}', 'Spreekuur thuisadministratie', 'Budgetgesprek bij de intake'],
  ['Eén regisseur per huishouden', 'Doorbraakbudget voor vastgelopen situaties', 'Maatjes in de schuldhulp', 'Huisbezoek bij dreigende ontruiming', 'Schuldhulp binnen drie werkdagen', 'Casusoverleg {nb}'],
  ['Werkervaringsplekken bij lokale bedrijven', 'Taalcafé in {nb}', 'Vrijwilligerswerk als opstap', 'Leerwerkplekken voor jongeren', 'Laptops voor scholieren', 'Digitale vaardigheden voor ouderen'],
  ['Sporten zonder contributie', 'Zwemles voor elk kind', 'Kledingbeurs in {nb}', 'Samen koken in {nb}', 'Repair café {nb}', 'Zomersportweek', 'Schoolontbijt in {nb}'],
];
const activityGoals = [
  'Inwoners met geldzorgen vinden sneller de weg naar hulp.',
  'Achterstanden worden opgemerkt voordat ze oplopen.',
  'Huishoudens met opgestapelde problemen hebben één plan.',
  'Meer inwoners staan op eigen benen.',
  'Kinderen uit gezinnen met een laag inkomen doen mee.',
];
const indicatorKinds: Array<[name: string, unit: string, min: number, max: number]> = [
  ['Huishoudens geholpen', 'huishoudens', 20, 400], ['Deelnemers', 'deelnemers', 10, 150], ['Bijeenkomsten', 'bijeenkomsten', 4, 50],
  ['Doorverwijzingen', 'doorverwijzingen', 10, 200], ['Kinderen bereikt', 'kinderen', 10, 300], ['Vrijwilligers ingezet', 'vrijwilligers', 2, 40],
  ['Gesprekken binnen 3 dagen', '%', 50, 100], ['Huisbezoeken', 'bezoeken', 5, 120],
];
const reviewStories: Record<ReviewStatus, string[]> = {
  done: ['Gelukt: het doel is gehaald en de aanpak loopt door.', 'Afgerond. Deelnemers waren positief en vroegen om een vervolg.', 'Het doel is ruim gehaald, vooral dankzij de vrijwilligers.'],
  in_progress: ['Loopt nog: de helft van het doel is bereikt.', 'Goed op weg, maar de doelgroep is lastiger te bereiken dan gedacht.'],
  delayed: ['Vertraagd doordat een medewerker lang ziek was.', 'Later gestart: de locatie was pas in het najaar beschikbaar.'],
  stopped: ['Gestopt: er waren te weinig vrijwilligers.', 'Gestopt; een andere partner neemt dit over.'],
};

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function planAgenda(state: PlanState, pact: PlannedPact, options: { activities: number; year?: number }): PlannedAgenda {
  const { random, newId } = state;
  const year = options.year ?? BENCH_AGENDA_YEAR;
  const template = pillarTemplates.find((t) => t.key === 'five-pillars')!;
  const pillars = template.pillars.map((p, i) => ({ id: newId(), position: i + 1, title: p.title, description: p.description }));
  const agenda: PlannedAgenda = { year, yearId: newId(), pillars, activities: [], partners: [], indicators: [], reviews: [], results: [] };
  const organisations = pact.organisations;
  for (let n = 0; n < options.activities; n++) {
    // Round-robin over organisations and pillars, so every one of them has activities.
    const organisation = organisations[n % organisations.length]!;
    const pillarIndex = (n + Math.floor(n / organisations.length)) % pillars.length;
    const id = newId();
    const startMonth = 1 + random.int(6);
    const endMonth = startMonth + random.int(13 - startMonth);
    const title = random.pick(activityTitles[pillarIndex]!).replace('{nb}', random.pick(pact.neighbourhoods).name);
    // Half of the activities have had their November review.
    const reviewed = n % 2 === 0;
    const roll = random.next();
    const status: ReviewStatus = roll < 0.6 ? 'done' : roll < 0.8 ? 'in_progress' : roll < 0.93 ? 'delayed' : 'stopped';
    const reviewedAt = reviewed ? `${isoDate(year, 11, 2 + random.int(19))}T${String(9 + random.int(8)).padStart(2, '0')}:00:00Z` : null;
    agenda.activities.push({
      id, organisationId: organisation.id, pillarId: pillars[pillarIndex]!.id, title, goal: activityGoals[pillarIndex]!,
      description: `${title}: een activiteit van ${organisation.name} op de Lokale Sociale Agenda ${year}.`,
      responsibleName: `${random.pick(firstNames)} ${capitalise(random.pick(surnames))}`,
      startsOn: isoDate(year, startMonth, 1), endsOn: isoDate(year, endMonth, 28),
      status: reviewed ? status : 'planned', reviewedAt,
    });
    const coPartners = organisations.length > 1 ? random.int(3) : 0;
    const chosen = new Set<string>();
    for (let c = 0; c < coPartners; c++) {
      const partner = random.pick(organisations);
      if (partner.id !== organisation.id && !chosen.has(partner.id)) {
        chosen.add(partner.id);
        agenda.partners.push({ activityId: id, organisationId: partner.id });
      }
    }
    const reviewIndex = agenda.reviews.length;
    if (reviewed) agenda.reviews.push({ activityId: id, status, story: random.pick(reviewStories[status]), reviewedAt: reviewedAt! });
    const indicatorCount = 1 + random.int(3);
    const kinds = shuffled(random, indicatorKinds).slice(0, indicatorCount);
    kinds.forEach(([name, unit, min, max], i) => {
      const targetValue = min + random.int(max - min + 1);
      const factor = status === 'done' ? 0.9 + random.next() * 0.4 : status === 'stopped' ? random.next() * 0.3 : 0.3 + random.next() * 0.5;
      const value = reviewed ? Math.round(targetValue * factor) : null;
      const indicatorId = newId();
      agenda.indicators.push({ id: indicatorId, activityId: id, position: i + 1, name, unit, targetValue, currentValue: value });
      if (value !== null) agenda.results.push({ reviewIndex, indicatorId, value });
    });
  }
  return agenda;
}

// ---------------------------------------------------------------------------------------------
// Writing the plan.

export class BenchDataExistsError extends Error {
  constructor(readonly slugs: string[]) {
    super(
      `This database already holds bench pacts (${slugs.slice(0, 3).join(', ')}${slugs.length > 3 ? ', …' : ''}). ` +
        'The audit log is append-only, so they cannot be removed: point DATA_DIR at a new folder ' +
        '(or DATABASE_URL at a new database) and generate again.',
    );
    this.name = 'BenchDataExistsError';
  }
}

export interface SamplePersona {
  pactSlug: string;
  pactId: string;
  personId: string;
  email: string;
  organisationId: string;
  role: Role;
}

export interface GenerateSummary {
  pacts: number;
  organisations: number;
  teams: number;
  neighbourhoods: number;
  people: number;
  memberships: number;
  byRole: Record<Role, number>;
  byKind: Record<string, number>;
  /** Per pact, a professional with an organisation: who the bench signs in as. */
  samples: SamplePersona[];
  /** Up to 20 members of the first pact, each in another organisation (for many readers in one pact). */
  samePactSamples: SamplePersona[];
  /** Per pact, its coordinator's e-mail address (for trying the data by hand). */
  coordinators: Array<{ pactSlug: string; email: string }>;
  /** The published agenda of the first pact (null with `activities: 0`). */
  agenda: { pactSlug: string; year: number; path: string; activities: number; indicators: number; partners: number; reviews: number } | null;
  hashMs: number;
  totalMs: number;
}

const BATCH = 5000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

async function writePact(tx: Tx, p: PlannedPact, passwordHash: string, now: Date): Promise<void> {
  await sql`insert into pact (id, slug, name, municipality, jurisdiction, default_locale)
            values (${p.id}, ${p.slug}, ${p.name}, ${p.municipality}, ${p.jurisdiction}, 'nl')`.execute(tx);
  await startAuditChain(tx, p.id);
  await sql`insert into neighbourhood (id, pact_id, code, name)
            select id, ${p.id}::uuid, code, name
              from unnest(${p.neighbourhoods.map((n) => n.id)}::uuid[], ${p.neighbourhoods.map((n) => n.code)}::text[],
                          ${p.neighbourhoods.map((n) => n.name)}::text[]) as t(id, code, name)`.execute(tx);
  for (const batch of chunks(p.organisations)) {
    await sql`insert into organisation (id, pact_id, name, kind, description, website, email, phone, address)
              select id, ${p.id}::uuid, name, kind, description, website, email, phone, address
                from unnest(${batch.map((o) => o.id)}::uuid[], ${batch.map((o) => o.name)}::text[],
                            ${batch.map((o) => o.kind)}::text[], ${batch.map((o) => o.description)}::text[],
                            ${batch.map((o) => o.website)}::text[], ${batch.map((o) => o.email)}::text[],
                            ${batch.map((o) => o.phone)}::text[], ${batch.map((o) => o.address)}::text[])
                  as t(id, name, kind, description, website, email, phone, address)`.execute(tx);
  }
  for (const batch of chunks(p.teams)) {
    await sql`insert into team (id, pact_id, organisation_id, name)
              select id, ${p.id}::uuid, organisation_id, name
                from unnest(${batch.map((t) => t.id)}::uuid[], ${batch.map((t) => t.organisationId)}::uuid[],
                            ${batch.map((t) => t.name)}::text[]) as t(id, organisation_id, name)`.execute(tx);
  }
  for (const batch of chunks(p.people)) {
    await sql`insert into person (id, email, display_name, password_hash, locale)
              select id, email, display_name, ${passwordHash}, 'nl'
                from unnest(${batch.map((x) => x.id)}::uuid[], ${batch.map((x) => x.email)}::text[],
                            ${batch.map((x) => x.displayName)}::text[]) as t(id, email, display_name)`.execute(tx);
  }
  for (const batch of chunks(p.memberships)) {
    await sql`insert into membership (pact_id, person_id, organisation_id, team_id, role)
              select ${p.id}::uuid, person_id, organisation_id, team_id, role
                from unnest(${batch.map((m) => m.personId)}::uuid[], ${batch.map((m) => m.organisationId)}::uuid[],
                            ${batch.map((m) => m.teamId)}::uuid[], ${batch.map((m) => m.role)}::text[])
                  as t(person_id, organisation_id, team_id, role)`.execute(tx);
  }
  await recordAudit(tx, {
    pactId: p.id, actor: { personId: null, role: 'system' }, action: 'pact.generate-bench', recordType: 'pact',
    recordId: p.id, purpose: 'installation', occurredAt: now,
    details: { organisations: p.organisations.length, memberships: p.memberships.length },
  });
}

async function writeAgenda(tx: Tx, pactId: string, a: PlannedAgenda): Promise<void> {
  const p = pactId;
  await sql`insert into pillar (id, pact_id, position, title, description)
            select id, ${p}::uuid, position, title, description
              from unnest(${a.pillars.map((x) => x.id)}::uuid[], ${a.pillars.map((x) => x.position)}::int[],
                          ${a.pillars.map((x) => x.title)}::text[], ${a.pillars.map((x) => x.description)}::text[])
                as t(id, position, title, description)`.execute(tx);
  const opened = `${a.year}-01-10T09:00:00Z`;
  const locked = `${a.year}-03-01T09:00:00Z`;
  const published = `${a.year}-03-15T09:00:00Z`;
  await sql`insert into agenda_year (id, pact_id, year, status, published_at, introduction, created_at, updated_at)
            values (${a.yearId}, ${p}, ${a.year}, 'locked', ${published}::timestamptz,
                    ${`De Lokale Sociale Agenda ${a.year}: ${a.activities.length} activiteiten van de partners.`}, ${opened}::timestamptz, ${published}::timestamptz)`.execute(tx);
  await sql`insert into agenda_year_event (pact_id, agenda_year_id, kind, occurred_at)
            values (${p}, ${a.yearId}, 'opened', ${opened}::timestamptz), (${p}, ${a.yearId}, 'locked', ${locked}::timestamptz),
                   (${p}, ${a.yearId}, 'published', ${published}::timestamptz)`.execute(tx);
  for (const b of chunks(a.activities)) {
    await sql`insert into activity (id, pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, description, responsible_name,
                                    starts_on, ends_on, status, reviewed_at, created_at, updated_at)
              select id, ${p}::uuid, ${a.yearId}::uuid, organisation_id, pillar_id, title, goal, description, responsible_name,
                     starts_on, ends_on, status, reviewed_at, ${opened}::timestamptz, coalesce(reviewed_at, ${locked}::timestamptz)
                from unnest(${b.map((x) => x.id)}::uuid[], ${b.map((x) => x.organisationId)}::uuid[], ${b.map((x) => x.pillarId)}::uuid[],
                            ${b.map((x) => x.title)}::text[], ${b.map((x) => x.goal)}::text[], ${b.map((x) => x.description)}::text[],
                            ${b.map((x) => x.responsibleName)}::text[], ${b.map((x) => x.startsOn)}::date[], ${b.map((x) => x.endsOn)}::date[],
                            ${b.map((x) => x.status)}::text[], ${b.map((x) => x.reviewedAt)}::timestamptz[])
                  as t(id, organisation_id, pillar_id, title, goal, description, responsible_name, starts_on, ends_on, status, reviewed_at)`.execute(tx);
  }
  for (const b of chunks(a.partners)) {
    await sql`insert into activity_partner (activity_id, organisation_id, pact_id)
              select activity_id, organisation_id, ${p}::uuid
                from unnest(${b.map((x) => x.activityId)}::uuid[], ${b.map((x) => x.organisationId)}::uuid[]) as t(activity_id, organisation_id)`.execute(tx);
  }
  for (const b of chunks(a.indicators)) {
    await sql`insert into indicator (id, pact_id, activity_id, position, name, unit, target_value, current_value)
              select id, ${p}::uuid, activity_id, position, name, unit, target_value, current_value
                from unnest(${b.map((x) => x.id)}::uuid[], ${b.map((x) => x.activityId)}::uuid[], ${b.map((x) => x.position)}::int[],
                            ${b.map((x) => x.name)}::text[], ${b.map((x) => x.unit)}::text[], ${b.map((x) => x.targetValue)}::numeric[],
                            ${b.map((x) => x.currentValue)}::numeric[])
                  as t(id, activity_id, position, name, unit, target_value, current_value)`.execute(tx);
  }
  // Reviews get their identity values in the order of the ordered select: the n-th smallest id is review n.
  const reviewIds: string[] = [];
  for (const b of chunks(a.reviews)) {
    const r = await sql<{ id: string | number | bigint }>`
      insert into activity_review (pact_id, activity_id, status, story, reviewed_at)
      select ${p}::uuid, activity_id, status, story, reviewed_at
        from unnest(${b.map((x) => x.activityId)}::uuid[], ${b.map((x) => x.status)}::text[], ${b.map((x) => x.story)}::text[],
                    ${b.map((x) => x.reviewedAt)}::timestamptz[]) with ordinality as t(activity_id, status, story, reviewed_at, n)
       order by n
      returning id`.execute(tx);
    reviewIds.push(...r.rows.map((row) => BigInt(row.id)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map(String));
  }
  for (const b of chunks(a.results)) {
    await sql`insert into indicator_result (activity_review_id, indicator_id, pact_id, value)
              select review_id, indicator_id, ${p}::uuid, value
                from unnest(${b.map((x) => reviewIds[x.reviewIndex]!)}::bigint[], ${b.map((x) => x.indicatorId)}::uuid[],
                            ${b.map((x) => x.value)}::numeric[]) as t(review_id, indicator_id, value)`.execute(tx);
  }
}

export async function existingBenchPacts(db: Db): Promise<string[]> {
  const r = await sql<{ slug: string }>`
    select slug from pact where slug like ${BENCH_SLUG_PREFIX + '%'} order by slug`.execute(db);
  return r.rows.map((row) => row.slug);
}

/**
 * Writes the bench pacts into a migrated database, outside row-level security (it acts for the
 * installation, like the demo seed). Refuses when bench pacts are already there.
 */
export async function generateBenchData(
  db: Db,
  options: GenerateOptions,
  onProgress: (message: string) => void = () => undefined,
): Promise<GenerateSummary> {
  const started = performance.now();
  const existing = await existingBenchPacts(db);
  if (existing.length > 0) throw new BenchDataExistsError(existing);

  const hashStarted = performance.now();
  const passwordHash = await passwords.hash(BENCH_PASSWORD);
  const hashMs = performance.now() - hashStarted;

  const state = createPlanState(options.seed ?? 2026);
  const summary: GenerateSummary = {
    pacts: 0, organisations: 0, teams: 0, neighbourhoods: 0, people: 0, memberships: 0,
    byRole: { pact_coordinator: 0, partner_admin: 0, professional: 0, volunteer: 0, policy_reader: 0 },
    byKind: {}, samples: [], samePactSamples: [], coordinators: [], agenda: null, hashMs, totalMs: 0,
  };
  const now = new Date();
  for (let i = 0; i < options.pacts; i++) {
    const plan = planPact(state, i, options);
    await db.transaction().execute((tx) => writePact(tx, plan, passwordHash, now));
    const activities = options.activities ?? 2000;
    if (i === 0 && activities > 0) {
      const agenda = planAgenda(state, plan, { activities });
      await db.transaction().execute((tx) => writeAgenda(tx, plan.id, agenda));
      summary.agenda = {
        pactSlug: plan.slug, year: agenda.year, path: `/p/${plan.slug}/agenda/${agenda.year}`, activities: agenda.activities.length,
        indicators: agenda.indicators.length, partners: agenda.partners.length, reviews: agenda.reviews.length,
      };
      onProgress(`${plan.slug}: published agenda ${agenda.year} with ${agenda.activities.length} activities, ${agenda.indicators.length} indicators, ${agenda.reviews.length} reviews`);
    }
    summary.pacts++;
    summary.organisations += plan.organisations.length;
    summary.teams += plan.teams.length;
    summary.neighbourhoods += plan.neighbourhoods.length;
    summary.people += plan.people.length;
    summary.memberships += plan.memberships.length;
    for (const m of plan.memberships) summary.byRole[m.role]++;
    for (const o of plan.organisations) summary.byKind[o.kind] = (summary.byKind[o.kind] ?? 0) + 1;
    // A professional of an organisation that has teams, past the first few (the municipality).
    const candidates = plan.memberships.filter((m) => m.role === 'professional' && m.organisationId && m.teamId);
    const sample = candidates[Math.floor(candidates.length / 2)] ?? plan.memberships.find((m) => m.organisationId);
    if (sample?.organisationId) {
      summary.samples.push({
        pactSlug: plan.slug, pactId: plan.id, personId: sample.personId, organisationId: sample.organisationId,
        role: sample.role, email: plan.people.find((x) => x.id === sample.personId)!.email,
      });
    }
    if (i === 0) {
      const seen = new Set<string>();
      for (const m of plan.memberships) {
        if (summary.samePactSamples.length >= 20) break;
        if (!m.organisationId || seen.has(m.organisationId) || (m.role !== 'professional' && m.role !== 'volunteer')) continue;
        seen.add(m.organisationId);
        summary.samePactSamples.push({
          pactSlug: plan.slug, pactId: plan.id, personId: m.personId, organisationId: m.organisationId,
          role: m.role, email: plan.people.find((x) => x.id === m.personId)!.email,
        });
      }
    }
    const coordinator = plan.memberships.find((m) => m.role === 'pact_coordinator')!;
    summary.coordinators.push({ pactSlug: plan.slug, email: plan.people.find((x) => x.id === coordinator.personId)!.email });
    onProgress(`${plan.slug}: ${plan.name} (${plan.organisations.length} organisations, ${plan.people.length} people)`);
  }
  summary.totalMs = performance.now() - started;
  return summary;
}
