// Demo data of the pact's meetings and stories (src/modules/pact/meetings, src/modules/pact/stories):
// the yearly conference of 2026 (held, with minutes, decisions and action items), the one of early
// 2027 (public, planned), two follow-up meetings, and four stories — one about a person who gave
// recorded consent, one about a person without consent that stays internal. Every person is
// fictional. Pillars and activities are picked from the agenda demo data when it is there (by
// position and year); without them the meetings and stories stand on their own.
//
// Deterministic: fixed dates and texts. Runs inside the seeding transaction, outside row-level
// security (it acts for the installation).
import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';

async function organisationId(tx: Tx, pactId: string, name: string): Promise<string | null> {
  const r = await sql<{ id: string }>`select id from organisation where pact_id = ${pactId} and name = ${name}`.execute(tx);
  return r.rows[0]?.id ?? null;
}

interface MeetingSeed {
  kind: 'conference' | 'follow_up' | 'working_group' | 'other';
  title: string;
  /** Local times in Europe/Amsterdam, with their offset. */
  starts: string;
  ends: string;
  place: string;
  agenda: string;
  visibility: 'public' | 'members';
  status: 'planned' | 'held' | 'cancelled';
  minutes?: string;
  otherAttendees?: number;
  present?: string[];
  decisions?: string[];
  actions?: Array<{ text: string; owner: string; dueOn: string; activity?: number; done?: boolean }>;
}

const meetings: MeetingSeed[] = [
  {
    kind: 'conference',
    title: 'Jaarconferentie 2026: samen tegen armoede',
    starts: '2026-03-12T13:00:00+01:00',
    ends: '2026-03-12T17:00:00+01:00',
    place: 'Stadhuis Lindewaard, raadzaal, Raadhuisplein 1',
    agenda: 'Welkom door de wethouder\n\nTerugblik op de Lokale Sociale Agenda 2025\n\nWerkplaatsen per pijler\n\nAfspraken voor 2026',
    visibility: 'public',
    status: 'held',
    minutes: 'Ruim zestig deelnemers: partners, bewoners en ervaringsdeskundigen. In de werkplaatsen ging het vooral over vroegsignalering van huurachterstand en over kinderen die niet mee kunnen doen.\n\nDe bewonersgroep vroeg om eenvoudiger formulieren. De gemeente neemt dit mee in de herziening van de minimaregelingen.',
    otherAttendees: 34,
    present: ['Gemeente Lindewaard', 'Welzijn Lindewaard', 'Woonstichting De Linde', 'Voedselbank Lindewaard', 'Stichting Leergeld Lindewaard', 'Bewonersgroep Oosterkwartier', 'SchuldHulpMaatje Lindewaard'],
    decisions: [
      'De Lokale Sociale Agenda 2026 wordt vastgesteld zoals besproken.',
      'Er komt een werkgroep vroegsignalering met Woonstichting De Linde, Welzijn Lindewaard en de gemeente.',
      'Bewoners lezen nieuwe formulieren mee voordat ze worden gebruikt.',
    ],
    actions: [
      { text: 'Werkgroep vroegsignalering opstarten', owner: 'Welzijn Lindewaard', dueOn: '2026-05-01', activity: 0, done: true },
      { text: 'Drie formulieren voorleggen aan de bewonersgroep', owner: 'Gemeente Lindewaard', dueOn: '2026-09-01', activity: 1 },
      { text: 'Cijfers huurachterstand per wijk delen', owner: 'Woonstichting De Linde', dueOn: '2026-06-15', done: true },
    ],
  },
  {
    kind: 'follow_up',
    title: 'Vervolgbijeenkomst vroegsignalering',
    starts: '2026-06-18T15:30:00+02:00',
    ends: '2026-06-18T17:00:00+02:00',
    place: 'Welzijn Lindewaard, Kerkstraat 12',
    agenda: 'Stand van de werkgroep\n\nAfspraken over het delen van signalen',
    visibility: 'members',
    status: 'held',
    minutes: 'De werkgroep is gestart. Signalen van huurachterstand gaan voortaan binnen twee weken naar het Schakelpunt.',
    otherAttendees: 2,
    present: ['Gemeente Lindewaard', 'Welzijn Lindewaard', 'Woonstichting De Linde'],
    decisions: ['Signalen van huurachterstand gaan binnen twee weken naar het Schakelpunt.'],
    actions: [{ text: 'Werkafspraak signalen op papier zetten', owner: 'Woonstichting De Linde', dueOn: '2026-12-31', activity: 2 }],
  },
  {
    kind: 'follow_up',
    title: 'Vervolgbijeenkomst: voorbereiding jaarconferentie 2027',
    starts: '2026-12-10T10:00:00+01:00',
    ends: '2026-12-10T12:00:00+01:00',
    place: 'Gemeentehuis Lindewaard, zaal 2',
    agenda: 'Uitkomsten van de novemberreview\n\nProgramma van de jaarconferentie 2027',
    visibility: 'members',
    status: 'planned',
  },
  {
    kind: 'conference',
    title: 'Jaarconferentie 2027',
    starts: '2027-02-11T13:00:00+01:00',
    ends: '2027-02-11T17:00:00+01:00',
    place: 'Stadhuis Lindewaard, raadzaal, Raadhuisplein 1',
    agenda: 'Terugblik op 2026\n\nVerhalen van bewoners: wat ging goed, waar liepen we vast\n\nDe Lokale Sociale Agenda 2027',
    visibility: 'public',
    status: 'planned',
  },
];

interface StorySeed {
  organisation: string;
  pillar: number | null;
  kind: 'goes_well' | 'dilemma';
  title: string;
  body: string;
  visibility: 'internal' | 'public';
  status: 'draft' | 'published';
  publishedAt: string | null;
  aboutPerson: boolean;
  consent?: { personName: string; givenOn: string; method: 'written' | 'verbal' | 'digital'; scope: string };
}

const stories: StorySeed[] = [
  {
    organisation: 'Bewonersgroep Oosterkwartier', pillar: 0, kind: 'goes_well', title: 'Samen koken in het Oosterkwartier',
    body: 'Elke donderdag koken buren samen in het buurthuis. Wie wil, schuift aan voor een paar euro.\n\nAan tafel komen vragen over brieven en rekeningen vanzelf ter sprake. Zo vinden mensen sneller de weg naar hulp.',
    visibility: 'public', status: 'published', publishedAt: '2026-05-20T09:00:00Z', aboutPerson: false,
  },
  {
    organisation: 'Woonstichting De Linde', pillar: 1, kind: 'dilemma', title: 'Huurachterstand: wanneer melden we het?',
    body: 'We willen huurders vroeg helpen, maar niet iedereen wil dat we hun gegevens delen. Wanneer wegen vroeg helpen en privacy tegen elkaar op?\n\nWe zoeken met het pact naar een werkafspraak die allebei recht doet.',
    visibility: 'internal', status: 'published', publishedAt: '2026-07-02T09:00:00Z', aboutPerson: false,
  },
  {
    organisation: 'Welzijn Lindewaard', pillar: 1, kind: 'goes_well', title: 'Hoe ‘Sanne’ weer grip kreeg op haar post',
    body: 'Sanne (een schuilnaam) opende haar post al maanden niet meer. Via de voedselbank kwam ze bij het Schakelpunt.\n\nSamen met een vrijwilliger van SchuldHulpMaatje maakte ze een overzicht. Nu opent ze haar post weer elke week.',
    visibility: 'public', status: 'published', publishedAt: '2026-10-05T09:00:00Z', aboutPerson: true,
    consent: { personName: 'Sanne (schuilnaam)', givenOn: '2026-09-15', method: 'written', scope: 'Dit verhaal op de website van het pact en in de jaarconferentie, met schuilnaam, zonder foto.' },
  },
  {
    organisation: 'Welzijn Lindewaard', pillar: null, kind: 'dilemma', title: 'Meneer D. en de wachtlijst voor schuldhulp',
    body: 'Meneer D. wachtte zeven weken op een eerste gesprek. In die tijd liepen de schulden op. Hoe houden we mensen vast terwijl ze wachten?\n\nDit verhaal blijft intern: er is geen toestemming om het openbaar te maken.',
    visibility: 'internal', status: 'published', publishedAt: '2026-11-02T09:00:00Z', aboutPerson: true,
  },
];

export async function seedMeetingsAndStoriesDemo(tx: Tx, pactId: string): Promise<void> {
  const pillars = (await sql<{ id: string }>`select id from pillar where pact_id = ${pactId} and archived_at is null order by position`.execute(tx)).rows.map((r) => r.id);
  // Activities of the latest agenda year, in a fixed order.
  const activities = (await sql<{ id: string }>`
    select a.id from activity a join agenda_year y on y.id = a.agenda_year_id
     where a.pact_id = ${pactId} and a.withdrawn_at is null
     order by y.year desc, a.title limit 10`.execute(tx)).rows.map((r) => r.id);

  for (const m of meetings) {
    const id = (await sql<{ id: string }>`
      insert into meeting (pact_id, kind, title, starts_at, ends_at, place, agenda, visibility, status, other_attendees, minutes, created_at, updated_at)
      values (${pactId}, ${m.kind}, ${m.title}, ${m.starts}::timestamptz, ${m.ends}::timestamptz, ${m.place}, ${m.agenda}, ${m.visibility}, ${m.status},
              ${m.otherAttendees ?? 0}, ${m.minutes ?? ''}, '2026-01-15T09:00:00Z', ${m.ends}::timestamptz)
      returning id`.execute(tx)).rows[0]!.id;
    await sql`insert into meeting_status_change (pact_id, meeting_id, from_status, to_status, changed_at)
              values (${pactId}, ${id}, null, 'planned', '2026-01-15T09:00:00Z')`.execute(tx);
    if (m.status !== 'planned') {
      await sql`insert into meeting_status_change (pact_id, meeting_id, from_status, to_status, changed_at)
                values (${pactId}, ${id}, 'planned', ${m.status}, ${m.ends}::timestamptz)`.execute(tx);
    }
    for (const name of m.present ?? []) {
      const org = await organisationId(tx, pactId, name);
      if (org) await sql`insert into meeting_attendance (meeting_id, organisation_id, pact_id) values (${id}, ${org}, ${pactId})`.execute(tx);
    }
    for (const text of m.decisions ?? []) {
      await sql`insert into meeting_decision (pact_id, meeting_id, text, recorded_at) values (${pactId}, ${id}, ${text}, ${m.ends}::timestamptz)`.execute(tx);
    }
    for (const a of m.actions ?? []) {
      const owner = await organisationId(tx, pactId, a.owner);
      if (!owner) continue;
      const activity = a.activity !== undefined ? (activities[a.activity] ?? null) : null;
      await sql`
        insert into meeting_action_item (pact_id, meeting_id, text, owner_organisation_id, due_on, activity_id, done_at, created_at)
        values (${pactId}, ${id}, ${a.text}, ${owner}, ${a.dueOn}::date, ${activity}, ${a.done ? a.dueOn : null}::timestamptz, ${m.ends}::timestamptz)`.execute(tx);
    }
  }

  for (const s of stories) {
    const org = await organisationId(tx, pactId, s.organisation);
    if (!org) continue;
    const pillar = s.pillar !== null ? (pillars[s.pillar] ?? null) : null;
    const id = (await sql<{ id: string }>`
      insert into story (pact_id, organisation_id, pillar_id, kind, title, body, visibility, status, about_person, published_at, created_at, updated_at)
      values (${pactId}, ${org}, ${pillar}, ${s.kind}, ${s.title}, ${s.body}, ${s.visibility}, ${s.status}, ${s.aboutPerson},
              ${s.publishedAt}::timestamptz, coalesce(${s.publishedAt}::timestamptz, '2026-11-01T09:00:00Z'), coalesce(${s.publishedAt}::timestamptz, '2026-11-01T09:00:00Z'))
      returning id`.execute(tx)).rows[0]!.id;
    await sql`insert into story_status_change (pact_id, story_id, from_status, to_status, from_visibility, to_visibility, reason, changed_at)
              values (${pactId}, ${id}, null, 'draft', null, ${s.visibility}, 'created', coalesce(${s.publishedAt}::timestamptz, '2026-11-01T09:00:00Z'))`.execute(tx);
    if (s.status === 'published') {
      await sql`insert into story_status_change (pact_id, story_id, from_status, to_status, from_visibility, to_visibility, reason, changed_at)
                values (${pactId}, ${id}, 'draft', 'published', ${s.visibility}, ${s.visibility}, 'status', ${s.publishedAt}::timestamptz)`.execute(tx);
    }
    if (s.consent) {
      await sql`
        insert into story_consent (story_id, pact_id, person_name, given_on, method, scope, recorded_at)
        values (${id}, ${pactId}, ${s.consent.personName}, ${s.consent.givenOn}::date, ${s.consent.method}, ${s.consent.scope}, ${s.consent.givenOn}::timestamptz)`.execute(tx);
    }
  }
}
