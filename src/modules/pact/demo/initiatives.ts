// Demo data of the open umbrella: initiatives of residents and groups in pact Lindewaard, in every
// status (published ones across pillars and neighbourhoods). Every name and address is invented
// (.example never delivers mail). Pillars are picked by position; without pillars, none is set.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';

interface DemoInitiative {
  title: string;
  description: string;
  targetGroup: string;
  neighbourhood: string | null;
  pillar: number | null;
  support: string[];
  supportNotes: string;
  name: string;
  email: string;
  group: string;
  status: 'unconfirmed' | 'submitted' | 'changes_requested' | 'published' | 'declined' | 'withdrawn';
  message: string;
  created: string;
}

const initiatives: DemoInitiative[] = [
  { title: 'Repaircafé in de Lindehoeve', description: 'Elke eerste zaterdag van de maand repareren vrijwilligers samen met buurtbewoners kapotte spullen: kleding, fietsen, kleine apparaten. Wie wacht, drinkt koffie en maakt een praatje.', targetGroup: 'Buurtbewoners die weinig te besteden hebben en mensen die graag iets doen met hun handen', neighbourhood: 'WK05', pillar: 1, support: ['space', 'volunteers'], supportNotes: 'Een ruimte met stopcontacten voor één ochtend per maand en twee extra vrijwilligers die kunnen naaien.', name: 'Henk Wolters', email: 'henk.wolters@repaircafe-lindehoeve.example', group: 'Repaircafé Lindehoeve', status: 'published', message: '', created: '2026-03-02T09:30:00Z' },
  { title: 'Samen koken en eten in het Oosterkwartier', description: 'Op woensdagavond koken we met buurtbewoners een gezonde maaltijd voor 3 euro. Kinderen eten gratis mee. We leren ook goedkoop en gezond boodschappen doen.', targetGroup: 'Gezinnen met weinig geld en mensen die alleen wonen', neighbourhood: 'WK02', pillar: 2, support: ['money', 'knowledge'], supportNotes: 'Geld voor de boodschappen (ongeveer 150 euro per week) en tips van een diëtist.', name: 'Samira Benali', email: 'samira@buurtkeuken-oost.example', group: 'Buurtkeuken Oost', status: 'published', message: '', created: '2026-04-14T18:10:00Z' },
  { title: 'Huiswerkklas in de bibliotheek', description: 'Studenten helpen kinderen uit groep 7 en 8 en de brugklas twee middagen per week met huiswerk en plannen.', targetGroup: 'Kinderen van 10 tot 14 jaar van wie de ouders thuis weinig kunnen helpen', neighbourhood: 'WK01', pillar: 3, support: ['volunteers', 'space'], supportNotes: 'Vier studenten als vrijwilliger en een stil lokaal na schooltijd.', name: 'Daan Vermeulen', email: 'daan.vermeulen@studenten.example', group: 'Studentenvereniging Helpende Hand', status: 'published', message: '', created: '2026-05-20T12:00:00Z' },
  { title: 'Wandelgroep Westerpark', description: 'Elke dinsdagochtend wandelen we een uur door het park. Daarna drinken we samen koffie. Zo komen mensen uit huis en leren ze elkaar kennen.', targetGroup: 'Ouderen en mensen die zich eenzaam voelen', neighbourhood: 'WK03', pillar: 2, support: ['knowledge'], supportNotes: 'Hulp bij het bekend maken van de groep, bijvoorbeeld via de huisarts.', name: 'Ria de Graaf', email: 'ria.degraaf@wandelen-westerpark.example', group: '', status: 'published', message: '', created: '2026-06-03T08:45:00Z' },
  { title: 'Kledingbank voor schoolkinderen', description: 'Wij verzamelen nette tweedehands schoolkleding en sportkleding en geven die gratis aan gezinnen. Uitgifte op zaterdag.', targetGroup: 'Gezinnen met schoolgaande kinderen en een krap budget', neighbourhood: 'WK04', pillar: 1, support: ['space', 'money'], supportNotes: 'Opslagruimte voor kledingrekken en 500 euro voor een eerste voorraad sportschoenen.', name: 'Petra Jansen', email: 'petra.jansen@kledingbank-veld.example', group: 'Stichting Kledingbank Het Veld', status: 'submitted', message: '', created: '2026-11-16T14:20:00Z' },
  { title: 'Formulierenspreekuur in het buurthuis', description: 'Een vast spreekuur waar buurtbewoners hulp krijgen bij brieven en formulieren van de gemeente en de Belastingdienst.', targetGroup: 'Iedereen die moeite heeft met formulieren', neighbourhood: null, pillar: 1, support: ['volunteers', 'knowledge'], supportNotes: 'Vrijwilligers die training krijgen over toeslagen.', name: 'Mohamed Ouali', email: 'm.ouali@buurthuis-centrum.example', group: '', status: 'changes_requested', message: 'Mooi idee! Er is al een spreekuur in de bibliotheek (Schakelpunt). Kunt u aangeven in welke wijk u dit wilt doen, zodat het elkaar aanvult?', created: '2026-11-02T10:00:00Z' },
  { title: 'Gratis fietsles voor nieuwkomers', description: 'Wij leren volwassenen fietsen op het schoolplein, met fietsen die we lenen van de fietsenmaker.', targetGroup: 'Volwassen nieuwkomers die nog niet kunnen fietsen', neighbourhood: 'WK02', pillar: 3, support: ['volunteers'], supportNotes: '', name: 'Anouk Smit', email: 'anouk.smit@fietsles.example', group: '', status: 'declined', message: 'Dit past goed bij de fietslessen die Vluchtelingenwerk al geeft. Wij brengen u graag met hen in contact; als apart initiatief nemen wij het niet op.', created: '2026-09-10T16:00:00Z' },
  { title: 'Buurtmoestuin achter de flat', description: 'Een moestuin op het grasveld achter de flat aan de Lindelaan, waar bewoners samen groente kweken.', targetGroup: 'Bewoners van de flats aan de Lindelaan', neighbourhood: 'WK05', pillar: 2, support: ['space', 'money'], supportNotes: 'Toestemming van de woningcorporatie en geld voor aarde en zaden.', name: 'Johan Pieters', email: 'johan.pieters@moestuin.example', group: '', status: 'unconfirmed', message: '', created: '2026-11-22T20:15:00Z' },
];

const tokenHash = () => createHash('sha256').update(randomBytes(32).toString('base64url')).digest('hex');
const hours = (iso: string, h: number) => new Date(new Date(iso).getTime() + h * 3_600_000);

export async function seedInitiativesDemo(tx: Tx, pactId: string): Promise<void> {
  const pillars = await sql<{ id: string }>`select id from pillar where pact_id = ${pactId} and archived_at is null order by position`.execute(tx);
  const neighbourhoods = await sql<{ id: string; code: string }>`select id, code from neighbourhood where pact_id = ${pactId}`.execute(tx);
  const coordinator = await sql<{ id: string }>`
    select p.id from person p join membership m on m.person_id = p.id
     where m.pact_id = ${pactId} and m.role = 'pact_coordinator' and m.ended_at is null order by p.email limit 1`.execute(tx);
  const byPerson = coordinator.rows[0]?.id ?? null;
  const pillarAt = (position: number | null) => (position && pillars.rows.length > 0 ? pillars.rows[(position - 1) % pillars.rows.length]!.id : null);
  for (const d of initiatives) {
    const neighbourhoodId = d.neighbourhood ? (neighbourhoods.rows.find((n) => n.code === d.neighbourhood)?.id ?? null) : null;
    const created = new Date(d.created);
    const confirmed = d.status === 'unconfirmed' ? null : hours(d.created, 1);
    const decided = hours(d.created, 48);
    const r = await sql<{ id: string }>`
      insert into initiative (pact_id, title, description, target_group, neighbourhood_id, pillar_id, support_needed, support_notes,
                              proposer_name, proposer_email, proposer_group, status, moderation_message, confirm_token_hash, status_token_hash,
                              created_at, confirmed_at, published_at, updated_at)
      values (${pactId}, ${d.title}, ${d.description}, ${d.targetGroup}, ${neighbourhoodId}, ${pillarAt(d.pillar)}, ${`{${d.support.join(',')}}`}::text[],
              ${d.supportNotes}, ${d.name}, ${d.email}, ${d.group}, ${d.status}, ${d.message}, ${tokenHash()}, ${tokenHash()},
              ${created}, ${confirmed}, ${d.status === 'published' ? decided : null}, ${d.status === 'unconfirmed' || d.status === 'submitted' ? (confirmed ?? created) : decided})
      returning id`.execute(tx);
    const id = r.rows[0]!.id;
    const history: Array<[string | null, string, string, string | null, boolean, Date]> = [[null, 'unconfirmed', '', null, true, created]];
    if (confirmed) history.push(['unconfirmed', 'submitted', '', null, true, confirmed]);
    if (d.status !== 'unconfirmed' && d.status !== 'submitted') history.push(['submitted', d.status, d.message, byPerson, false, decided]);
    for (const [from, to, message, by, byProposer, at] of history) {
      await sql`
        insert into initiative_status_change (pact_id, initiative_id, from_status, to_status, message, by_person, by_proposer, changed_at)
        values (${pactId}, ${id}, ${from}, ${to}, ${message}, ${by}, ${byProposer}, ${at})`.execute(tx);
    }
  }
}
