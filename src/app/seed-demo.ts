// Demo data: a fictional municipality's pact with realistic Dutch content and fictional people,
// plus a small Flemish pact to show that pacts are isolated. Every name, address and e-mail
// address here is invented (the .example domain is reserved and never delivers mail).
import { sql } from 'kysely';
import { recordAudit, startAuditChain } from '../platform/audit/audit-log.ts';
import { moduleDemoSeeds } from './modules.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { demoTotpSecret, enrolWithKnownSecret, insertPerson, passwords, rolesNeedingSecondFactor } from '../modules/accounts/index.ts';
import type { Role } from '../access/policy.ts';
import type { SealingKey } from '../platform/crypto/sealed-box.ts';

export const DEMO_PASSWORD = 'demo-lindewaard-2026';

export interface DemoAccount {
  email: string;
  displayName: string;
  description: string;
  /** The TOTP secret of a demo account that uses a second factor (shown in demo mode only). */
  totpSecret: string | null;
}

interface OrgSeed {
  key: string;
  name: string;
  kind: string;
  description: string;
  website?: string;
  email?: string;
  phone?: string;
  address?: string;
  teams?: string[];
}

const lindewaardOrganisations: OrgSeed[] = [
  { key: 'gemeente', name: 'Gemeente Lindewaard', kind: 'municipality', description: 'De gemeente voert de Participatiewet, de schuldhulpverlening en de minimaregelingen uit en trekt het pact.', website: 'https://www.lindewaard.example', email: 'pact@lindewaard.example', phone: '14 0599', address: 'Raadhuisplein 1, 7799 AA Lindewaard', teams: ['Team Werk en Inkomen', 'Team Schuldhulp'] },
  { key: 'welzijn', name: 'Welzijn Lindewaard', kind: 'welfare', description: 'Maatschappelijk werk, ouderenwerk en het Schakelpunt: één plek waar signalen binnenkomen en worden opgepakt.', website: 'https://welzijn.lindewaard.example', email: 'info@welzijn.lindewaard.example', phone: '0599 123 456', address: 'Kerkstraat 12, 7799 AB Lindewaard', teams: ['Schakelpuntteam', 'Wijkteam Oost', 'Wijkteam West'] },
  { key: 'woon', name: 'Woonstichting De Linde', kind: 'housing_corporation', description: 'Verhuurt 4.200 sociale huurwoningen en belt huurders al bij de eerste achterstand.', website: 'https://delinde.example', phone: '0599 234 567', teams: ['Huurdersconsulenten'] },
  { key: 'voedselbank', name: 'Voedselbank Lindewaard', kind: 'volunteer_group', description: 'Wekelijks voedselpakketten voor huishoudens die tijdelijk niet rond komen. Draait volledig op vrijwilligers.', email: 'aanmelden@voedselbank-lindewaard.example' },
  { key: 'leergeld', name: 'Stichting Leergeld Lindewaard', kind: 'welfare', description: 'Zorgt dat kinderen uit gezinnen met een laag inkomen mee kunnen doen: schoolspullen, fiets, sport en zwemles.' },
  { key: 'school', name: 'OBS De Regenboog', kind: 'school', description: 'Openbare basisschool in het Oosterkwartier met een ontbijtproject en een schoolmaatschappelijk werker.' },
  { key: 'kerk', name: 'Diaconie Protestantse Gemeente Lindewaard', kind: 'church', description: 'Noodhulp, een luisterend oor en de jaarlijkse kledingbeurs.' },
  { key: 'sport', name: 'Sportvereniging LSV', kind: 'sport_culture_club', description: 'Voetbal, turnen en zwemmen; kinderen met een Meedoenpas sporten zonder contributie.' },
  { key: 'bewoners', name: 'Bewonersgroep Oosterkwartier', kind: 'residents_initiative', description: 'Bewoners die samen koken, een repair café draaien en buren helpen met formulieren.' },
  { key: 'schuldhulpmaatje', name: 'SchuldHulpMaatje Lindewaard', kind: 'volunteer_group', description: 'Getrainde vrijwilligers die mensen met geldzorgen een jaar lang bijstaan.' },
  { key: 'zorg', name: 'Huisartsenpraktijk Het Veld', kind: 'health', description: 'Huisartsen en praktijkondersteuners die stress over geld herkennen en doorverwijzen.' },
  { key: 'bedrijf', name: 'Installatiebedrijf Van Dijk & Zn.', kind: 'company', description: 'Helpt met energiebesparing in huurwoningen en biedt werkervaringsplekken.' },
];

const lindewaardNeighbourhoods: Array<[string, string]> = [
  ['WK01', 'Centrum'], ['WK02', 'Oosterkwartier'], ['WK03', 'Westerpark'], ['WK04', 'Het Veld'],
  ['WK05', 'Lindehoeve'], ['WK06', 'Buitengebied'],
];

const people: Array<{ email: string; name: string; memberships: Array<{ pact: 'lindewaard' | 'hagedoorn'; org?: string; role: string; team?: string }>; admin?: boolean; description: string }> = [
  { email: 'beheer@schakelpunt.example', name: 'Sanne de Beheerder', admin: true, memberships: [], description: 'system administrator' },
  { email: 'coordinator@lindewaard.example', name: 'Fatima El Amrani', memberships: [{ pact: 'lindewaard', org: 'gemeente', role: 'pact_coordinator' }], description: 'pact coordinator, Lindewaard' },
  { email: 'beheer@welzijn.lindewaard.example', name: 'Joost Hendriksen', memberships: [{ pact: 'lindewaard', org: 'welzijn', role: 'partner_admin' }], description: 'partner admin, Welzijn Lindewaard' },
  { email: 'consulent@welzijn.lindewaard.example', name: 'Aylin Yıldız', memberships: [{ pact: 'lindewaard', org: 'welzijn', role: 'professional', team: 'Schakelpuntteam' }], description: 'professional, Welzijn Lindewaard' },
  { email: 'vrijwilliger@voedselbank-lindewaard.example', name: 'Kees Brouwer', memberships: [{ pact: 'lindewaard', org: 'voedselbank', role: 'volunteer' }], description: 'volunteer, Voedselbank' },
  { email: 'beleid@lindewaard.example', name: 'Marek Łukasik', memberships: [{ pact: 'lindewaard', role: 'policy_reader' }], description: 'policy reader, Lindewaard' },
  { email: 'beheer@delinde.example', name: 'Noor Bakker', memberships: [{ pact: 'lindewaard', org: 'woon', role: 'partner_admin' }], description: 'partner admin, Woonstichting De Linde' },
  { email: 'coordinator@hagedoorn.example', name: 'Lotte Vermeulen', memberships: [{ pact: 'hagedoorn', org: 'ocmw', role: 'pact_coordinator' }], description: 'pact coordinator, Hagedoorn (Flanders)' },
];

/** Demo people who must use a second factor get one, with a secret derived from their address. */
function needsSecondFactor(p: (typeof people)[number]): boolean {
  return (p.admin ?? false) || p.memberships.some((m) => rolesNeedingSecondFactor.has(m.role as Role));
}

export const demoAccounts: DemoAccount[] = people.map((p) => ({
  email: p.email, displayName: p.name, description: p.description, totpSecret: needsSecondFactor(p) ? demoTotpSecret(p.email) : null,
}));

async function insertOrganisation(tx: Tx, pactId: string, o: OrgSeed): Promise<{ id: string; teams: Map<string, string> }> {
  const r = await sql<{ id: string }>`
    insert into organisation (pact_id, name, kind, description, website, email, phone, address)
    values (${pactId}, ${o.name}, ${o.kind}, ${o.description}, ${o.website ?? ''}, ${o.email ?? ''}, ${o.phone ?? ''}, ${o.address ?? ''})
    returning id`.execute(tx);
  const id = r.rows[0]!.id;
  const teams = new Map<string, string>();
  for (const team of o.teams ?? []) {
    const tr = await sql<{ id: string }>`insert into team (pact_id, organisation_id, name) values (${pactId}, ${id}, ${team}) returning id`.execute(tx);
    teams.set(team, tr.rows[0]!.id);
  }
  return { id, teams };
}

async function insertPact(tx: Tx, p: { slug: string; name: string; municipality: string; jurisdiction: string }): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into pact (slug, name, municipality, jurisdiction) values (${p.slug}, ${p.name}, ${p.municipality}, ${p.jurisdiction})
    returning id`.execute(tx);
  const id = r.rows[0]!.id;
  await startAuditChain(tx, id);
  return id;
}

/** Whether this database holds the demo pact (its demo accounts can be shown at start). */
export async function hasDemoData(db: Db): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from person where email = ${people[1]!.email}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

export async function isDatabaseEmpty(db: Db | Tx): Promise<boolean> {
  const r = await sql<{ n: number }>`select (select count(*) from pact)::int + (select count(*) from person)::int as n`.execute(db);
  return (r.rows[0]?.n ?? 0) === 0;
}

/**
 * Seeds the demo pacts in one transaction (outside row-level security: it acts for the
 * installation). With `onlyIfEmpty`, several processes starting together seed once: the first
 * takes the lock and the others find the database no longer empty. Returns null when it did not seed.
 */
export async function seedDemo(
  db: Db,
  clock: Clock,
  options: { onlyIfEmpty?: boolean; secondFactorKey: SealingKey },
): Promise<DemoAccount[] | null> {
  const passwordHash = await passwords.hash(DEMO_PASSWORD);
  const seeded = await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(7146021)`.execute(tx);
    if (options.onlyIfEmpty && !(await isDatabaseEmpty(tx))) return false;
    const lindewaard = await insertPact(tx, { slug: 'lindewaard', name: 'Pact Samen Lindewaard', municipality: 'Lindewaard', jurisdiction: 'NL' });
    const hagedoorn = await insertPact(tx, { slug: 'hagedoorn', name: 'Welzijnsschakel Hagedoorn', municipality: 'Hagedoorn', jurisdiction: 'BE-VLG' });
    const orgs = new Map<string, { id: string; teams: Map<string, string> }>();
    for (const o of lindewaardOrganisations) orgs.set(o.key, await insertOrganisation(tx, lindewaard, o));
    orgs.set('ocmw', await insertOrganisation(tx, hagedoorn, { key: 'ocmw', name: 'OCMW Hagedoorn', kind: 'municipality', description: 'Het OCMW van Hagedoorn: leefloon, budgetbegeleiding en de Welzijnsschakel.' }));
    orgs.set('schakel', await insertOrganisation(tx, hagedoorn, { key: 'schakel', name: 'Welzijnsschakel De Brug', kind: 'volunteer_group', description: 'Vrijwilligers die samen met mensen in armoede activiteiten organiseren.' }));
    for (const [code, name] of lindewaardNeighbourhoods) {
      await sql`insert into neighbourhood (pact_id, code, name) values (${lindewaard}, ${code}, ${name})`.execute(tx);
    }
    await sql`insert into neighbourhood (pact_id, code, name) values (${hagedoorn}, 'CENTRUM', 'Hagedoorn-Centrum'), (${hagedoorn}, 'DORP', 'Hagedoorn-Dorp')`.execute(tx);
    const pactIds = { lindewaard, hagedoorn };
    for (const p of people) {
      const personId = await insertPerson(tx, { email: p.email, displayName: p.name, passwordHash, isSystemAdmin: p.admin ?? false });
      if (needsSecondFactor(p)) await enrolWithKnownSecret(tx, options.secondFactorKey, personId, demoTotpSecret(p.email), clock.now());
      for (const m of p.memberships) {
        const org = m.org ? orgs.get(m.org) : undefined;
        const teamId = m.team && org ? (org.teams.get(m.team) ?? null) : null;
        await sql`insert into membership (pact_id, person_id, organisation_id, team_id, role)
                  values (${pactIds[m.pact]}, ${personId}, ${org?.id ?? null}, ${teamId}, ${m.role})`.execute(tx);
      }
    }
    // Each module adds its own demo data (its manifest's `demo`), in their order.
    for (const demo of moduleDemoSeeds) {
      await demo.seed({ tx, clock, secondFactorKey: options.secondFactorKey, pacts: pactIds, organisations: orgs });
    }
    for (const pactId of [lindewaard, hagedoorn]) {
      await recordAudit(tx, { pactId, actor: { personId: null, role: 'system' }, action: 'pact.seed-demo', recordType: 'pact', recordId: pactId, purpose: 'installation', occurredAt: clock.now() });
    }
    return true;
  });
  return seeded ? demoAccounts : null;
}
