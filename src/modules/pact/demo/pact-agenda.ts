// Demo data of the pact capability: the profile ("stip op de horizon"), the covenant in two
// versions with its signatures, pillars (or paths), partners with their representatives, and two
// years of the Lokale Sociale Agenda with their November reviews. Everything is invented: the
// organisations are the demo pact's own, and every person's name is fictional. Representatives'
// names are public on purpose: they sign a public covenant.
//
// Lindewaard: agenda year 2025 reviewed in full (unfinished activities carried over into 2026),
// agenda year 2026 published with its November review about half done. Hagedoorn (Flanders): the
// nine paths, one covenant version and a small agenda for 2026.
//
// Deterministic: fixed dates and texts, no randomness. Runs inside the seeding transaction,
// outside row-level security (it acts for the installation).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { pillarTemplates } from '../pillars/index.ts';

type Status = 'done' | 'in_progress' | 'delayed' | 'stopped';

type LindewaardOrg =
  | 'gemeente' | 'welzijn' | 'woon' | 'voedselbank' | 'leergeld' | 'school' | 'kerk' | 'sport' | 'bewoners'
  | 'schuldhulpmaatje' | 'zorg' | 'bedrijf';

export interface PactAgendaDemoInput {
  lindewaard: string;
  hagedoorn: string;
  /** Organisation ids by their key in seed-demo.ts. */
  organisations: ReadonlyMap<string, { id: string }>;
}

interface ActivitySeed {
  key: string;
  org: LindewaardOrg | 'ocmw' | 'schakel';
  /** Position of its pillar (or path), from 1. */
  pillar: number;
  title: string;
  goal: string;
  description: string;
  responsible: string;
  partners?: Array<LindewaardOrg | 'ocmw' | 'schakel'>;
  starts: string;
  ends: string;
  /** Name, unit, target. */
  indicators: Array<[string, string, number]>;
  /** Carried over from this activity of the previous year. */
  carriedFrom?: string;
  /** The day the partner registered it, and the day it was last changed (before any review). */
  created: string;
  updated?: string;
  review?: Review;
  /** A later review of the same activity (the latest one is mirrored on the activity). */
  followUp?: Review;
}

interface Review {
  status: Status;
  on: string;
  story: string;
  values: number[];
}

// ── The pact profile and the covenant ─────────────────────────────────────────────────────────

const lindewaardMission =
  'Lindewaard armoedevrij: iedereen telt mee en doet mee. In 2030 groeit geen kind in Lindewaard op zonder ' +
  'de kans om mee te doen, weet iedereen met geldzorgen binnen een week de weg naar hulp, en lopen schulden ' +
  'niet meer op omdat niemand het zag.';

const covenantV1 = `Convenant Pact Samen Lindewaard

Wij, de ondertekenende organisaties, werken samen aan een Lindewaard waarin iedereen rond kan komen en mee kan doen. Armoede is geen persoonlijk falen. Het ontstaat vaak door pech, door regels die niet op elkaar aansluiten of door hulp die te laat komt. Daar kunnen wij samen iets aan doen.

Wat wij beloven
1. Wij kennen elkaars hulp en verwijzen warm door: niemand wordt van het kastje naar de muur gestuurd.
2. Wij signaleren vroeg. Een achterstand in huur, energie of zorgverzekering is een reden om te bellen, niet om te wachten.
3. Als problemen zich opstapelen, werkt één professional met het huishouden en het netwerk eromheen aan een plan.
4. Wij helpen mensen zoveel mogelijk op eigen benen te staan: met werk, vrijwilligerswerk, taal en digitale vaardigheden.
5. Wij verlagen drempels voor sport, cultuur en school, zodat kinderen niet buiten de boot vallen.

Hoe wij werken
Elke partner zet ieder jaar eigen, concrete activiteiten op de Lokale Sociale Agenda: met een doel, een verantwoordelijke en meetbare resultaten. In november bespreken wij samen wat gelukt is, wat niet, en waarom. Wat nog niet af is, nemen wij mee naar het volgende jaar. Wij vertellen eerlijk over wat goed gaat en over de dilemma's.

Wij praten niet over mensen, maar met hen. Inwoners met ervaring met armoede denken mee over de agenda.

Dit convenant geldt tot en met 2030. Een partner die wil stoppen, meldt dat schriftelijk bij de pactcoördinator; gemaakte afspraken voor het lopende jaar worden netjes afgerond of overgedragen.`;

const covenantV2 = `Convenant Pact Samen Lindewaard (herziene versie 2026)

Wij, de ondertekenende organisaties, werken samen aan een Lindewaard waarin iedereen rond kan komen en mee kan doen. Armoede is geen persoonlijk falen. Het ontstaat vaak door pech, door regels die niet op elkaar aansluiten of door hulp die te laat komt. Daar kunnen wij samen iets aan doen.

Na het eerste jaar hebben wij dit convenant herzien. Wij hebben geleerd dat goede bedoelingen niet genoeg zijn: afspraken moeten meetbaar zijn en iemand moet ze bijhouden.

Wat wij beloven
1. Wij kennen elkaars hulp en verwijzen warm door: niemand wordt van het kastje naar de muur gestuurd. Het Schakelpunt is de vaste plek waar signalen samenkomen.
2. Wij signaleren vroeg. Een achterstand in huur, energie, water of zorgverzekering is een reden om binnen twee weken contact te zoeken.
3. Als problemen zich opstapelen, werkt één regisseur met het huishouden en het netwerk eromheen aan één plan. Die regisseur mag daarvoor het doorbraakbudget inzetten.
4. Wij helpen mensen zoveel mogelijk op eigen benen te staan: met werk, vrijwilligerswerk, taal en digitale vaardigheden.
5. Wij verlagen drempels voor sport, cultuur en school, zodat kinderen niet buiten de boot vallen.
6. Nieuw: wij vragen elk jaar aan inwoners met ervaring met armoede of onze hulp werkt, en passen de agenda daarop aan.

Hoe wij werken
Elke partner zet ieder jaar eigen, concrete activiteiten op de Lokale Sociale Agenda, met een doel, een verantwoordelijke en meetbare resultaten. Partners houden de voortgang zelf bij, ook tussendoor. In november bespreken wij samen wat gelukt is, wat niet, en waarom. Wat nog niet af is, nemen wij mee naar het volgende jaar, met een verwijzing naar wat eerder is afgesproken.

Een partner die wil stoppen, meldt dat schriftelijk bij de pactcoördinator. Afspraken voor het lopende jaar worden afgerond of overgedragen aan een andere partner, zodat inwoners er niets van merken.

Dit convenant geldt tot en met 2030.`;

interface PartnerSeed {
  mission: string;
  contact: string;
  representatives: Array<[string, string]>;
  joined: string;
  /** When it signed version 1 and version 2 (null: not signed). */
  signedV1: string | null;
  signedV2: string | null;
}

const lindewaardPartners: Record<LindewaardOrg, PartnerSeed> = {
  gemeente: { mission: 'Een gemeente die regelingen eenvoudig maakt en zelf op mensen afstapt.', contact: 'Fatima El Amrani', representatives: [['Wethouder Marieke van Oosten', 'wethouder Sociaal Domein'], ['Fatima El Amrani', 'pactcoördinator']], joined: '2024-12-05', signedV1: '2024-12-05', signedV2: '2026-01-15' },
  welzijn: { mission: 'Iedereen in Lindewaard weet waar hij terecht kan, en wordt daar ook echt geholpen.', contact: 'Joost Hendriksen', representatives: [['Hanneke Stoelinga', 'directeur-bestuurder'], ['Joost Hendriksen', 'teamleider Schakelpunt']], joined: '2024-12-05', signedV1: '2024-12-05', signedV2: '2026-01-15' },
  woon: { mission: 'Niemand in een huurwoning van De Linde raakt zijn huis kwijt door een betalingsachterstand.', contact: 'Noor Bakker', representatives: [['Ruud Kleinjan', 'directeur Wonen'], ['Noor Bakker', 'coördinator huurdersconsulenten']], joined: '2024-12-05', signedV1: '2024-12-05', signedV2: '2026-01-22' },
  voedselbank: { mission: 'Niemand in Lindewaard hoeft honger te hebben, en wie een pakket haalt, krijgt ook hulp bij het probleem erachter.', contact: 'Gerda Wolters', representatives: [['Gerda Wolters', 'voorzitter']], joined: '2024-12-05', signedV1: '2024-12-05', signedV2: '2026-01-15' },
  leergeld: { mission: 'Alle kinderen doen mee: op school, op de sportclub en in de vrije tijd.', contact: 'Bart Nijhuis', representatives: [['Bart Nijhuis', 'coördinator'], ['Ellen Schepers', 'penningmeester']], joined: '2024-12-05', signedV1: '2024-12-05', signedV2: '2026-02-03' },
  school: { mission: 'Een school waar geen kind met een lege maag of zonder spullen in de klas zit.', contact: 'Yvonne Tak', representatives: [['Yvonne Tak', 'directeur']], joined: '2024-12-05', signedV1: '2024-12-05', signedV2: '2026-01-15' },
  kerk: { mission: 'Naastenliefde in de praktijk: een luisterend oor en snelle hulp waar het nodig is.', contact: 'Dirk-Jan Mensink', representatives: [['Dirk-Jan Mensink', 'voorzitter diaconie']], joined: '2024-12-05', signedV1: '2024-12-05', signedV2: '2026-01-29' },
  sport: { mission: 'Sporten kan iedereen, ook als er thuis weinig geld is.', contact: 'Mehmet Demirel', representatives: [['Mehmet Demirel', 'voorzitter'], ['Lisa Harmsen', 'jeugdcoördinator']], joined: '2024-12-05', signedV1: '2024-12-05', signedV2: '2026-01-15' },
  bewoners: { mission: 'Een buurt waar mensen op elkaar letten en elkaar helpen, zonder drempel.', contact: 'Trudy Koopman', representatives: [['Trudy Koopman', 'trekker bewonersgroep'], ['Said Amrani', 'vrijwilliger repair café']], joined: '2025-04-10', signedV1: '2025-04-10', signedV2: '2026-01-15' },
  schuldhulpmaatje: { mission: 'Niemand blijft alleen met schulden: een maatje helpt overzicht te maken en vol te houden.', contact: 'Wim Oldenkamp', representatives: [['Wim Oldenkamp', 'coördinator maatjes']], joined: '2024-12-05', signedV1: '2024-12-05', signedV2: '2026-02-10' },
  zorg: { mission: 'Geldzorgen maken ziek: wij vragen ernaar en verwijzen door.', contact: 'dr. Evelien Bosch', representatives: [['dr. Evelien Bosch', 'huisarts'], ['Karin Lubbers', 'praktijkondersteuner GGZ']], joined: '2025-02-01', signedV1: '2025-02-01', signedV2: null },
  bedrijf: { mission: 'Vakmanschap inzetten voor lagere energierekeningen en een eerste baan.', contact: 'Henk van Dijk', representatives: [['Henk van Dijk', 'eigenaar']], joined: '2024-12-05', signedV1: '2024-12-05', signedV2: null },
};

const leftPact = { org: 'bedrijf' as const, on: '2025-09-30', reason: 'Het bedrijf is overgenomen; de nieuwe eigenaar kan de werkervaringsplekken en de energiecoaches niet meer vrijmaken. De lopende afspraken zijn besproken met Woonstichting De Linde en de gemeente.' };

// ── Agenda year 2025 ──────────────────────────────────────────────────────────────────────────

const year2025: ActivitySeed[] = [
  { key: '25-schakelpunt', org: 'welzijn', pillar: 1, title: 'Schakelpunt in de bibliotheek', goal: 'Eén vaste, laagdrempelige plek waar inwoners met geldzorgen zonder afspraak binnen kunnen lopen.', description: 'Vier dagdelen per week zitten een sociaal werker en een vrijwilliger van SchuldHulpMaatje in de bibliotheek. Zij luisteren, kijken mee naar post en verwijzen warm door.', responsible: 'Joost Hendriksen', partners: ['schuldhulpmaatje', 'gemeente'], starts: '2025-01-06', ends: '2025-12-19', indicators: [['Huishoudens geholpen', 'huishoudens', 400], ['Warme doorverwijzingen', 'doorverwijzingen', 150]], created: '2025-02-03', review: { status: 'done', on: '2025-11-04', story: 'Het Schakelpunt is bekend geraakt: 436 huishoudens kwamen langs, van wie een derde via de huisarts of school. Vooral dinsdagochtend is druk. Een vrouw vertelde dat ze drie jaar geen post had geopend en nu weer overzicht heeft.', values: [436, 171] } },
  { key: '25-sociale-kaart', org: 'gemeente', pillar: 1, title: 'Sociale kaart Lindewaard online', goal: 'Professionals en inwoners vinden in één overzicht welke hulp er is en hoe je die krijgt.', description: 'Een eenvoudige website met alle regelingen en organisaties, in begrijpelijke taal, die elke partner zelf bijhoudt.', responsible: 'Sander Wiegman', partners: ['welzijn'], starts: '2025-02-01', ends: '2025-09-30', indicators: [['Organisaties op de kaart', 'organisaties', 60]], created: '2025-02-05', review: { status: 'done', on: '2025-11-06', story: 'De sociale kaart staat online met 64 organisaties. Bijhouden blijkt lastig: niet elke partner past zijn gegevens zelf aan. Daarom vragen we elk kwartaal een controle.', values: [64] } },
  { key: '25-een-formulier', org: 'gemeente', pillar: 1, title: 'Eén aanvraagformulier voor alle minimaregelingen', goal: 'Inwoners vragen de individuele inkomenstoeslag, de meedoenregeling en de collectieve zorgverzekering aan met één formulier.', description: 'Samen met ervaringsdeskundigen schrijven we een kort formulier in B1-taal. Gegevens die de gemeente al heeft, hoeft niemand opnieuw in te vullen.', responsible: 'Sander Wiegman', partners: ['welzijn'], starts: '2025-03-01', ends: '2025-12-31', indicators: [['Aanvragen via het nieuwe formulier', 'aanvragen', 500]], created: '2025-02-05', updated: '2025-06-12', review: { status: 'delayed', on: '2025-11-06', story: 'Het formulier is klaar en getest met tien inwoners, maar de leverancier van het zaaksysteem kan het pas in het voorjaar koppelen. Tot dan werken we met het oude formulier. We nemen dit mee naar 2026.', values: [0] } },
  { key: '25-luisterpunt', org: 'kerk', pillar: 1, title: 'Luisterpunt op donderdagmiddag', goal: 'Een plek waar mensen hun verhaal kwijt kunnen zonder dat er meteen iets moet.', description: 'Elke donderdagmiddag in het kerkelijk centrum, met koffie en twee getrainde vrijwilligers. Wie hulp wil, wordt naar het Schakelpunt gebracht.', responsible: 'Dirk-Jan Mensink', partners: ['welzijn'], starts: '2025-01-09', ends: '2025-12-18', indicators: [['Gesprekken', 'gesprekken', 120]], created: '2025-02-10', review: { status: 'done', on: '2025-11-13', story: 'Er waren 138 gesprekken. Opvallend veel ouderen die alleen wonen. Zeventien mensen zijn meegelopen naar het Schakelpunt.', values: [138] } },
  { key: '25-signaalkaart', org: 'zorg', pillar: 1, title: 'Signaalkaart geldzorgen in de spreekkamer', goal: 'Huisartsen en praktijkondersteuners vragen naar geldzorgen en verwijzen direct door naar het Schakelpunt.', description: 'Een kaartje met drie vragen en een telefoonnummer. De praktijk maakt een afspraak voor de patiënt, zodat die niet zelf hoeft te bellen.', responsible: 'Karin Lubbers', partners: ['welzijn'], starts: '2025-03-01', ends: '2025-12-31', indicators: [['Doorverwijzingen naar het Schakelpunt', 'doorverwijzingen', 80], ['Praktijken die meedoen', 'praktijken', 4]], created: '2025-03-03', review: { status: 'in_progress', on: '2025-11-18', story: 'Het Veld doet volledig mee en verwees 46 mensen door. De twee andere praktijken willen eerst zien hoe het gaat. We gaan in 2026 samen langs bij hun teamoverleg.', values: [46, 2] } },
  { key: '25-formulierenhulp', org: 'bewoners', pillar: 1, title: 'Formulierenhulp in het buurthuis', goal: 'Buren helpen elkaar met brieven en formulieren, zodat niemand een toeslag misloopt.', description: 'Op maandagavond zitten twee vrijwilligers met een laptop in het buurthuis Oosterkwartier.', responsible: 'Trudy Koopman', partners: ['welzijn'], starts: '2025-04-14', ends: '2025-12-15', indicators: [['Bezoekers geholpen', 'bezoekers', 100]], created: '2025-04-14', review: { status: 'done', on: '2025-11-10', story: 'We hielpen 112 buren, vaak met de zorgtoeslag en de huurtoeslag. Een vrijwilliger heeft de training van de Belastingdienst gevolgd.', values: [112] } },

  { key: '25-huurachterstand', org: 'woon', pillar: 2, title: 'Bellen bij de eerste huurachterstand', goal: 'Huurders met een achterstand horen binnen twee weken van een consulent, nog vóór er een aanmaning komt.', description: 'Consulenten bellen, en als dat niet lukt gaan ze langs. Met toestemming van de huurder wordt het Schakelpunt ingeschakeld.', responsible: 'Noor Bakker', partners: ['welzijn'], starts: '2025-01-01', ends: '2025-12-31', indicators: [['Huurders gebeld binnen 14 dagen', 'huurders', 250], ['Ontruimingen voorkomen', 'huishoudens', 20]], created: '2025-01-28', review: { status: 'done', on: '2025-11-05', story: '271 huurders zijn gebeld, vaak al na de eerste gemiste betaling. Er was dit jaar één ontruiming wegens een achterstand, tegen zes in 2024. Met 24 huishoudens is een betalingsregeling gemaakt die loopt.', values: [271, 24] } },
  { key: '25-budgetcursus', org: 'schuldhulpmaatje', pillar: 2, title: "Cursus 'Rondkomen met je inkomen'", goal: 'Inwoners leren in vijf avonden hun inkomsten en uitgaven bij te houden.', description: 'Twee rondes per jaar, in het buurthuis en in de bibliotheek. Met een map die deelnemers thuis gebruiken.', responsible: 'Wim Oldenkamp', partners: ['welzijn'], starts: '2025-02-01', ends: '2025-11-30', indicators: [['Deelnemers die de cursus afmaakten', 'deelnemers', 40]], created: '2025-02-12', review: { status: 'done', on: '2025-11-11', story: 'Drie rondes in plaats van twee, want er was een wachtlijst. 44 mensen maakten de cursus af. Deelnemers zeggen vooral dat het helpt dat ze niet de enige zijn.', values: [44] } },
  { key: '25-lespakket', org: 'school', pillar: 2, title: "Lespakket 'Geld en ik' in groep 7 en 8", goal: 'Kinderen leren wat dingen kosten, wat sparen is en waarom je niet alles op afbetaling koopt.', description: 'Zes lessen met een vrijwilliger van SchuldHulpMaatje als gastdocent.', responsible: 'Yvonne Tak', partners: ['schuldhulpmaatje'], starts: '2025-02-01', ends: '2025-06-30', indicators: [['Leerlingen bereikt', 'leerlingen', 60]], created: '2025-02-06', review: { status: 'done', on: '2025-11-03', story: 'Alle 58 leerlingen van groep 7 en 8 deden mee, en twee andere scholen willen het pakket ook gebruiken.', values: [58] } },
  { key: '25-vroegsignalering', org: 'gemeente', pillar: 2, title: 'Vroegsignalering van betalingsachterstanden', goal: 'Bij een achterstand bij de energieleverancier, het waterbedrijf of de zorgverzekeraar biedt de gemeente binnen vier weken hulp aan.', description: 'Signalen komen binnen via de landelijke afspraken. Een consulent schrijft een persoonlijke brief en belt, en gaat zo nodig langs.', responsible: 'Ilse Brinkman', partners: ['woon', 'welzijn'], starts: '2025-01-01', ends: '2025-12-31', indicators: [['Signalen opgepakt', 'signalen', 600], ['Huishoudens die hulp aannamen', 'huishoudens', 180]], created: '2025-01-30', review: { status: 'done', on: '2025-11-06', story: 'We pakten 712 signalen op. Een derde van de mensen nam hulp aan; dat is meer dan verwacht, vooral sinds we langsgaan in plaats van alleen schrijven.', values: [712, 231] } },
  { key: '25-energiecoaches', org: 'bedrijf', pillar: 2, title: 'Energiecoaches in huurwoningen', goal: 'Huurders met een hoge energierekening krijgen een huisbezoek met advies en kleine maatregelen.', description: 'Monteurs van het bedrijf bezoeken samen met een vrijwilliger de woning en brengen tochtstrips, radiatorfolie en een waterbesparende douchekop aan.', responsible: 'Henk van Dijk', partners: ['woon'], starts: '2025-03-01', ends: '2025-12-31', indicators: [['Woningen bezocht', 'woningen', 200]], created: '2025-02-20', updated: '2025-07-01', review: { status: 'stopped', on: '2025-11-05', story: 'Het bedrijf is per 30 september uit het pact gestapt. Tot dan zijn 86 woningen bezocht. Woonstichting De Linde neemt de energiebezoeken in 2026 over.', values: [86] } },
  { key: '25-thuisadministratie', org: 'welzijn', pillar: 2, title: 'Spreekuur thuisadministratie', goal: 'Inwoners krijgen hulp bij het ordenen van hun post voordat er achterstanden ontstaan.', description: 'Een wekelijks spreekuur en huisbezoeken door vrijwilligers van de Thuisadministratie.', responsible: 'Aylin Yıldız', starts: '2025-01-06', ends: '2025-12-19', indicators: [['Huishoudens begeleid', 'huishoudens', 70]], created: '2025-02-03', review: { status: 'done', on: '2025-11-04', story: '78 huishoudens kregen begeleiding. Veertien vrijwilligers zijn nu getraind; in 2024 waren dat er zes.', values: [78] } },
  { key: '25-budgetgesprek', org: 'voedselbank', pillar: 2, title: 'Budgetgesprek bij de intake', goal: 'Elke nieuwe klant van de voedselbank krijgt een gesprek over geld en regelingen.', description: 'Een vrijwilliger van SchuldHulpMaatje voert het gesprek bij de intake en kijkt welke toeslagen of regelingen nog niet worden gebruikt.', responsible: 'Gerda Wolters', partners: ['schuldhulpmaatje'], starts: '2025-01-01', ends: '2025-12-31', indicators: [['Intakes met budgetgesprek', 'intakes', 90]], created: '2025-02-11', review: { status: 'done', on: '2025-11-12', story: 'Bij 97 intakes was er een budgetgesprek. Bij bijna de helft bleek een toeslag of regeling niet te worden gebruikt.', values: [97] } },

  { key: '25-regisseur', org: 'welzijn', pillar: 3, title: 'Eén regisseur per huishouden met meervoudige problemen', goal: 'Huishoudens waar problemen zich opstapelen hebben één vaste professional die het plan bewaakt.', description: 'De regisseur brengt alle betrokken organisaties aan tafel, maakt één plan met het huishouden en mag het doorbraakbudget inzetten.', responsible: 'Joost Hendriksen', partners: ['gemeente', 'woon', 'zorg'], starts: '2025-01-01', ends: '2025-12-31', indicators: [['Huishoudens met een regisseur', 'huishoudens', 60], ['Huishoudens met één plan', 'huishoudens', 60]], created: '2025-02-03', updated: '2025-09-15', review: { status: 'in_progress', on: '2025-11-04', story: '41 huishoudens hebben een regisseur. Het lukt nog niet om overal één plan te maken: niet alle organisaties mogen gegevens delen. Het privacyconvenant is in de maak. We zetten dit door in 2026.', values: [41, 27] } },
  { key: '25-doorbraakbudget', org: 'gemeente', pillar: 3, title: 'Doorbraakbudget voor vastgelopen situaties', goal: 'Een regisseur kan tot € 2.500 inzetten om een vastgelopen situatie te doorbreken, zonder aanvraagprocedure.', description: 'Voor een borg, een reparatie of het aflossen van een kleine schuld die een grotere oplossing blokkeert. Achteraf kort verantwoorden.', responsible: 'Ilse Brinkman', partners: ['welzijn'], starts: '2025-01-01', ends: '2025-12-31', indicators: [['Keren ingezet', 'keren', 30]], created: '2025-01-30', review: { status: 'done', on: '2025-11-06', story: '34 keer ingezet, gemiddeld € 780. In elf gevallen is daarmee een ontruiming of afsluiting voorkomen.', values: [34] } },
  { key: '25-maatjes', org: 'schuldhulpmaatje', pillar: 3, title: 'Maatjes voor mensen in de schuldhulp', goal: 'Iedereen in een schuldhulptraject kan een getraind maatje krijgen dat een jaar lang meeloopt.', description: 'Maatjes helpen met de post, gaan mee naar afspraken en helpen volhouden.', responsible: 'Wim Oldenkamp', partners: ['gemeente'], starts: '2025-01-01', ends: '2025-12-31', indicators: [['Koppelingen', 'koppelingen', 35], ['Nieuwe maatjes getraind', 'maatjes', 10]], created: '2025-02-12', review: { status: 'done', on: '2025-11-11', story: '38 koppelingen en twaalf nieuwe maatjes. Minder mensen haken af in het schuldhulptraject als ze een maatje hebben.', values: [38, 12] } },
  { key: '25-huisbezoek', org: 'woon', pillar: 3, title: 'Huisbezoek bij dreigende ontruiming', goal: 'Bij elke dreigende ontruiming gaan een huurdersconsulent en een sociaal werker samen op huisbezoek.', description: 'Voordat een dossier naar de deurwaarder gaat, is er altijd een bezoek aan huis.', responsible: 'Noor Bakker', partners: ['welzijn'], starts: '2025-01-01', ends: '2025-12-31', indicators: [['Huisbezoeken', 'bezoeken', 30]], created: '2025-01-28', review: { status: 'done', on: '2025-11-05', story: '33 huisbezoeken. Achter bijna elke dreigende ontruiming zat meer dan geld: ziekte, een scheiding of een verslaving.', values: [33] } },
  { key: '25-schuldhulp-snel', org: 'gemeente', pillar: 3, title: 'Schuldhulp binnen drie werkdagen', goal: 'Wie zich meldt voor schuldhulp, heeft binnen drie werkdagen een eerste gesprek.', description: 'Een vast meldpunt en een ochtend per week vrij in de agenda van de schuldhulpverleners.', responsible: 'Ilse Brinkman', starts: '2025-01-01', ends: '2025-12-31', indicators: [['Meldingen met gesprek binnen 3 dagen', '%', 90]], created: '2025-01-30', review: { status: 'done', on: '2025-11-06', story: '93 procent van de meldingen had binnen drie werkdagen een gesprek. In de zomer was het krap door vakanties.', values: [93] } },

  { key: '25-werkervaring', org: 'gemeente', pillar: 4, title: 'Werkervaringsplekken bij lokale bedrijven', goal: 'Inwoners met een bijstandsuitkering doen werkervaring op bij een bedrijf in Lindewaard.', description: 'Een jobcoach zoekt samen met de kandidaat een passende plek en blijft een half jaar betrokken.', responsible: 'Ahmed Bouzerda', partners: ['bedrijf'], starts: '2025-02-01', ends: '2025-12-31', indicators: [['Werkervaringsplekken', 'plekken', 25], ['Doorgestroomd naar betaald werk', 'mensen', 8]], created: '2025-02-05', updated: '2025-10-02', review: { status: 'in_progress', on: '2025-11-06', story: 'Zestien plekken, waarvan vijf bij het installatiebedrijf dat het pact verliet. Vier mensen hebben nu betaald werk. We zoeken nieuwe bedrijven en gaan door in 2026.', values: [16, 4] } },
  { key: '25-taalcafe', org: 'welzijn', pillar: 4, title: 'Taalcafé en digitale vaardigheden', goal: 'Inwoners oefenen Nederlands en leren DigiD, de bank-app en formulieren op de computer gebruiken.', description: 'Twee ochtenden per week in de bibliotheek, met vrijwilligers.', responsible: 'Aylin Yıldız', starts: '2025-01-06', ends: '2025-12-19', indicators: [['Deelnemers', 'deelnemers', 80]], created: '2025-02-03', review: { status: 'done', on: '2025-11-04', story: '91 deelnemers. Een deelnemer vond via het taalcafé een baan in de thuiszorg.', values: [91] } },
  { key: '25-opstap', org: 'voedselbank', pillar: 4, title: 'Vrijwilligerswerk als opstap', goal: 'Klanten van de voedselbank kunnen zelf vrijwilliger worden en daar een referentie aan overhouden.', description: 'Vrijwilligers krijgen een begeleider en na een half jaar een getuigschrift.', responsible: 'Gerda Wolters', starts: '2025-01-01', ends: '2025-12-31', indicators: [['Klanten die vrijwilliger werden', 'mensen', 12]], created: '2025-02-11', review: { status: 'done', on: '2025-11-12', story: 'Vijftien klanten werden vrijwilliger. Twee van hen zijn nu coördinator van een uitgiftedag.', values: [15] } },
  { key: '25-leerwerkplekken', org: 'bedrijf', pillar: 4, title: 'Leerwerkplekken installatietechniek', goal: 'Jongeren zonder startkwalificatie leren het vak in de praktijk.', description: 'Drie leerwerkplekken met een BBL-opleiding.', responsible: 'Henk van Dijk', starts: '2025-01-01', ends: '2025-12-31', indicators: [['Jongeren op een leerwerkplek', 'jongeren', 3]], created: '2025-02-20', review: { status: 'stopped', on: '2025-11-05', story: 'Gestopt toen het bedrijf het pact verliet. De twee jongeren die begonnen zijn, maken hun opleiding af bij een ander bedrijf.', values: [2] } },
  { key: '25-laptops', org: 'leergeld', pillar: 4, title: 'Laptops voor scholieren', goal: 'Elke scholier in het voortgezet onderwijs uit een gezin met een laag inkomen heeft een eigen laptop.', description: 'Gereviseerde laptops, aangevraagd via de intermediair van Leergeld.', responsible: 'Bart Nijhuis', partners: ['gemeente'], starts: '2025-03-01', ends: '2025-10-31', indicators: [['Laptops uitgereikt', 'laptops', 120]], created: '2025-02-25', review: { status: 'done', on: '2025-11-07', story: '134 laptops uitgereikt, de meeste vlak voor het nieuwe schooljaar.', values: [134] } },

  { key: '25-meedoenpas', org: 'sport', pillar: 5, title: 'Sporten zonder contributie met de Meedoenpas', goal: 'Kinderen met een Meedoenpas sporten bij LSV zonder dat ouders iets hoeven te betalen.', description: 'De club stuurt de rekening naar Leergeld; ouders merken er niets van. Sportkleding komt uit de clubkast.', responsible: 'Lisa Harmsen', partners: ['leergeld'], starts: '2025-01-01', ends: '2025-12-31', indicators: [['Kinderen die sporten met de pas', 'kinderen', 70]], created: '2025-02-14', review: { status: 'done', on: '2025-11-14', story: '76 kinderen sporten via de Meedoenpas. De trainers weten niet wie een pas heeft, en zo hoort het.', values: [76] } },
  { key: '25-zwemles', org: 'leergeld', pillar: 5, title: 'Zwemles voor elk kind', goal: 'Elk kind in Lindewaard heeft op zijn tiende een zwemdiploma.', description: 'Leergeld betaalt de zwemles; het zwembad reserveert plekken.', responsible: 'Ellen Schepers', partners: ['sport', 'school'], starts: '2025-01-01', ends: '2025-12-31', indicators: [['Kinderen op zwemles', 'kinderen', 50], ['Diploma A behaald', 'kinderen', 35]], created: '2025-02-25', updated: '2025-08-20', review: { status: 'delayed', on: '2025-11-07', story: 'Het zwembad was vier maanden dicht voor een renovatie. 29 kinderen begonnen, elf haalden hun diploma. We gaan door in 2026.', values: [29, 11] } },
  { key: '25-kledingbeurs', org: 'kerk', pillar: 5, title: 'Kledingbeurs in voorjaar en najaar', goal: 'Gezinnen halen gratis goede kleding, zonder dat ze iets hoeven aan te tonen.', description: 'Twee beurzen in het kerkelijk centrum, ingericht als een winkel.', responsible: 'Dirk-Jan Mensink', partners: ['bewoners'], starts: '2025-03-01', ends: '2025-10-31', indicators: [['Bezoekers', 'bezoekers', 300]], created: '2025-02-10', review: { status: 'done', on: '2025-11-13', story: 'Ruim 350 bezoekers. Het najaar was drukker door de winterjassen.', values: [352] } },
  { key: '25-samen-koken', org: 'bewoners', pillar: 5, title: 'Samen koken op woensdag', goal: 'Buren eten samen een gezonde maaltijd voor € 3, en leren goedkoop koken.', description: 'Elke woensdag in het buurthuis. Wie kookt, eet gratis mee.', responsible: 'Trudy Koopman', partners: ['voedselbank'], starts: '2025-04-16', ends: '2025-12-17', indicators: [['Maaltijden', 'maaltijden', 1000]], created: '2025-04-14', review: { status: 'done', on: '2025-11-10', story: 'Meer dan 1.300 maaltijden. Er is een vaste groep van zes koks.', values: [1312] } },
  { key: '25-repair', org: 'bewoners', pillar: 5, title: 'Repair café Oosterkwartier', goal: 'Spullen repareren in plaats van nieuw kopen, en elkaar leren kennen.', description: 'Eens per maand op zaterdag.', responsible: 'Said Amrani', starts: '2025-05-01', ends: '2025-12-31', indicators: [['Reparaties', 'reparaties', 150]], created: '2025-04-14', review: { status: 'done', on: '2025-11-10', story: '187 reparaties, vooral fietsen en kleine apparaten.', values: [187] } },
  { key: '25-kerstpakketten', org: 'voedselbank', pillar: 5, title: 'Kerstpakkettenactie met ondernemers', goal: 'Ondernemers in Lindewaard vullen samen een kerstpakket voor elk gezin dat bij de voedselbank komt.', description: 'Inzameling bij de supermarkten en de ondernemersvereniging.', responsible: 'Gerda Wolters', starts: '2025-11-01', ends: '2025-12-20', indicators: [['Kerstpakketten', 'pakketten', 180]], created: '2025-02-11', review: { status: 'in_progress', on: '2025-11-12', story: 'De inzameling loopt; er zijn toezeggingen voor 150 pakketten. De uitgifte is op 19 december.', values: [0] }, followUp: { status: 'done', on: '2025-12-22', story: 'Op 19 december zijn 176 kerstpakketten uitgedeeld. Veertien ondernemers deden mee, twee meer dan vorig jaar.', values: [176] } },
  { key: '25-buddy', org: 'sport', pillar: 5, title: 'Clubleden als buddy voor nieuwe sporters', goal: 'Kinderen die via de Meedoenpas komen, krijgen de eerste maanden een buddy bij de club.', description: 'Oudere jeugdleden begeleiden nieuwe sporters.', responsible: 'Mehmet Demirel', starts: '2025-03-01', ends: '2025-12-31', indicators: [['Buddy-koppelingen', 'koppelingen', 20]], created: '2025-02-14', review: { status: 'stopped', on: '2025-11-14', story: 'Gestopt: er waren te weinig oudere jeugdleden beschikbaar. Nieuwe sporters krijgen nu een vaste trainer als aanspreekpunt.', values: [4] } },
];

// ── Agenda year 2026 ──────────────────────────────────────────────────────────────────────────
// The activities carried over from 2025 keep their title and partner; the review of November
// 2026 is about half done (the tests fix the clock at 2026-11-23).

const year2026: ActivitySeed[] = [
  { key: '26-een-formulier', carriedFrom: '25-een-formulier', org: 'gemeente', pillar: 1, title: 'Eén aanvraagformulier voor alle minimaregelingen', goal: 'Inwoners vragen de individuele inkomenstoeslag, de meedoenregeling en de collectieve zorgverzekering aan met één formulier.', description: 'Vervolg van 2025: het formulier is klaar en wordt in het voorjaar gekoppeld aan het zaaksysteem.', responsible: 'Sander Wiegman', partners: ['welzijn'], starts: '2026-01-01', ends: '2026-12-31', indicators: [['Aanvragen via het nieuwe formulier', 'aanvragen', 500]], created: '2026-01-20', updated: '2026-06-30', review: { status: 'done', on: '2026-11-05', story: 'Sinds april staat het formulier online. 612 aanvragen kwamen via het nieuwe formulier binnen; de gemiddelde afhandeltijd daalde van zes naar twee weken.', values: [612] } },
  { key: '26-signaalkaart', carriedFrom: '25-signaalkaart', org: 'zorg', pillar: 1, title: 'Signaalkaart geldzorgen in de spreekkamer', goal: 'Huisartsen en praktijkondersteuners vragen naar geldzorgen en verwijzen direct door naar het Schakelpunt.', description: 'Vervolg van 2025: ook de twee andere praktijken doen mee.', responsible: 'Karin Lubbers', partners: ['welzijn'], starts: '2026-01-01', ends: '2026-12-31', indicators: [['Doorverwijzingen naar het Schakelpunt', 'doorverwijzingen', 100], ['Praktijken die meedoen', 'praktijken', 4]], created: '2026-02-02', updated: '2026-05-19', review: { status: 'in_progress', on: '2026-11-18', story: 'Drie praktijken doen nu mee. De vierde heeft een nieuwe huisarts en wil in januari starten.', values: [84, 3] } },
  { key: '26-regisseur', carriedFrom: '25-regisseur', org: 'welzijn', pillar: 3, title: 'Eén regisseur per huishouden met meervoudige problemen', goal: 'Huishoudens waar problemen zich opstapelen hebben één vaste professional die het plan bewaakt.', description: 'Vervolg van 2025: met het privacyconvenant kunnen alle partners nu meewerken aan één plan.', responsible: 'Joost Hendriksen', partners: ['gemeente', 'woon', 'zorg'], starts: '2026-01-01', ends: '2026-12-31', indicators: [['Huishoudens met een regisseur', 'huishoudens', 60], ['Huishoudens met één plan', 'huishoudens', 60]], created: '2026-01-26', updated: '2026-09-08', review: { status: 'in_progress', on: '2026-11-10', story: '58 huishoudens hebben een regisseur en 44 hebben één plan. Het privacyconvenant is getekend in mei; sindsdien gaat het sneller. Het blijft lastig om de zorgverzekeraar aan tafel te krijgen.', values: [58, 44] } },
  { key: '26-werkervaring', carriedFrom: '25-werkervaring', org: 'gemeente', pillar: 4, title: 'Werkervaringsplekken bij lokale bedrijven', goal: 'Inwoners met een bijstandsuitkering doen werkervaring op bij een bedrijf in Lindewaard.', description: 'Vervolg van 2025, met nieuwe bedrijven via de ondernemersvereniging.', responsible: 'Ahmed Bouzerda', starts: '2026-01-01', ends: '2026-12-31', indicators: [['Werkervaringsplekken', 'plekken', 25], ['Doorgestroomd naar betaald werk', 'mensen', 8]], created: '2026-01-20', updated: '2026-04-02' },
  { key: '26-zwemles', carriedFrom: '25-zwemles', org: 'leergeld', pillar: 5, title: 'Zwemles voor elk kind', goal: 'Elk kind in Lindewaard heeft op zijn tiende een zwemdiploma.', description: 'Vervolg van 2025: het zwembad is weer open, de kinderen die begonnen gaan door.', responsible: 'Ellen Schepers', partners: ['sport', 'school'], starts: '2026-01-01', ends: '2026-12-31', indicators: [['Kinderen op zwemles', 'kinderen', 50], ['Diploma A behaald', 'kinderen', 35]], created: '2026-02-09', updated: '2026-07-14', review: { status: 'done', on: '2026-11-12', story: '57 kinderen op zwemles, 41 haalden hun A-diploma. Het zwembad houdt ook in 2027 plekken vrij.', values: [57, 41] } },

  { key: '26-schakelpunt-west', org: 'welzijn', pillar: 1, title: 'Schakelpunt ook in Westerpark', goal: 'Inwoners van Westerpark kunnen in hun eigen wijk binnenlopen met geldzorgen.', description: 'Een tweede Schakelpunt, twee dagdelen per week in het wijkcentrum van Westerpark.', responsible: 'Joost Hendriksen', partners: ['schuldhulpmaatje'], starts: '2026-03-01', ends: '2026-12-31', indicators: [['Huishoudens geholpen in Westerpark', 'huishoudens', 150]], created: '2026-02-02', updated: '2026-06-04' },
  { key: '26-digitale-overheid', org: 'welzijn', pillar: 4, title: 'Ouderen en de digitale overheid', goal: 'Ouderen kunnen zelf, of met een vaste helper, hun zaken met DigiD regelen.', description: 'Huisbezoeken door vrijwilligers en een machtiging als het zelf niet lukt.', responsible: 'Aylin Yıldız', partners: ['kerk'], starts: '2026-02-01', ends: '2026-12-31', indicators: [['Ouderen geholpen', 'ouderen', 60]], created: '2026-02-02', updated: '2026-02-16' },
  { key: '26-taalcafe', org: 'welzijn', pillar: 4, title: 'Taalcafé en digitale vaardigheden', goal: 'Inwoners oefenen Nederlands en leren DigiD, de bank-app en formulieren op de computer gebruiken.', description: 'Twee ochtenden per week in de bibliotheek, nu ook op zaterdag.', responsible: 'Aylin Yıldız', starts: '2026-01-05', ends: '2026-12-18', indicators: [['Deelnemers', 'deelnemers', 90]], created: '2026-01-26', review: { status: 'done', on: '2026-11-03', story: '104 deelnemers. De zaterdag trekt vooral werkende ouders.', values: [104] } },
  { key: '26-mantelzorg', org: 'welzijn', pillar: 3, title: 'Mantelzorgers met geldzorgen', goal: 'Mantelzorgers die minder zijn gaan werken, krijgen hulp bij hun inkomen en regelingen.', description: 'Een vast aanspreekpunt bij het Schakelpunt en een bijeenkomst per kwartaal met de mantelzorgondersteuning.', responsible: 'Joost Hendriksen', partners: ['gemeente'], starts: '2026-03-01', ends: '2026-12-31', indicators: [['Mantelzorgers geholpen', 'mantelzorgers', 40]], created: '2026-02-02', updated: '2026-08-25', review: { status: 'delayed', on: '2026-11-10', story: 'De mantelzorgconsulent was lang ziek. Pas in september konden we starten; 14 mantelzorgers zijn geholpen.', values: [14] } },

  { key: '26-sociale-kaart', org: 'gemeente', pillar: 1, title: 'Sociale kaart bijhouden en uitbreiden', goal: 'De sociale kaart is actueel: elke partner controleert zijn gegevens elk kwartaal.', description: 'Een kwartaalmail aan alle partners en een melding op de kaart als iets ouder is dan drie maanden.', responsible: 'Sander Wiegman', starts: '2026-01-01', ends: '2026-12-31', indicators: [['Organisaties op de kaart', 'organisaties', 70], ['Kwartaalcontroles uitgevoerd', 'controles', 4]], created: '2026-01-20', review: { status: 'done', on: '2026-11-05', story: '73 organisaties staan op de kaart en alle vier de controles zijn gedaan.', values: [73, 4] } },
  { key: '26-automatisch', org: 'gemeente', pillar: 2, title: 'Minimaregelingen automatisch toekennen', goal: 'Wie een bijstandsuitkering heeft, krijgt de meedoenregeling zonder aanvraag.', description: 'De gemeente gebruikt gegevens die ze al heeft. Inwoners krijgen een brief en kunnen bezwaar maken.', responsible: 'Ilse Brinkman', starts: '2026-04-01', ends: '2026-12-31', indicators: [['Huishoudens automatisch toegekend', 'huishoudens', 800]], created: '2026-01-20', updated: '2026-03-02' },
  { key: '26-schuldhulp-snel', org: 'gemeente', pillar: 3, title: 'Schuldhulp binnen drie werkdagen, ook in de zomer', goal: 'Wie zich meldt voor schuldhulp, heeft het hele jaar door binnen drie werkdagen een eerste gesprek.', description: 'Een zomerrooster en een vaste vervanger voor het meldpunt.', responsible: 'Ilse Brinkman', starts: '2026-01-01', ends: '2026-12-31', indicators: [['Meldingen met gesprek binnen 3 dagen', '%', 95]], created: '2026-01-20', review: { status: 'done', on: '2026-11-05', story: '96 procent, ook in juli en augustus.', values: [96] } },
  { key: '26-participatieplaatsen', org: 'gemeente', pillar: 4, title: 'Participatieplaatsen met begeleiding', goal: 'Inwoners die (nog) niet kunnen werken, doen mee met vrijwilligerswerk met een begeleider.', description: 'Plekken bij de voedselbank, het repair café en de sportclub.', responsible: 'Ahmed Bouzerda', partners: ['voedselbank', 'bewoners', 'sport'], starts: '2026-01-01', ends: '2026-12-31', indicators: [['Participatieplaatsen', 'plekken', 30]], created: '2026-01-20', updated: '2026-01-20' },

  { key: '26-huurachterstand', org: 'woon', pillar: 2, title: 'Bellen bij de eerste huurachterstand', goal: 'Huurders met een achterstand horen binnen twee weken van een consulent, nog vóór er een aanmaning komt.', description: 'Zoals in 2025, nu ook bij een achterstand in de servicekosten.', responsible: 'Noor Bakker', partners: ['welzijn'], starts: '2026-01-01', ends: '2026-12-31', indicators: [['Huurders gebeld binnen 14 dagen', 'huurders', 280]], created: '2026-01-22', review: { status: 'done', on: '2026-11-04', story: '295 huurders gebeld. Geen enkele ontruiming wegens huurachterstand dit jaar.', values: [295] } },
  { key: '26-huisbezoek', org: 'woon', pillar: 3, title: 'Huisbezoek bij dreigende ontruiming', goal: 'Bij elke dreigende ontruiming gaan een huurdersconsulent en een sociaal werker samen op huisbezoek.', description: 'Voordat een dossier naar de deurwaarder gaat, is er altijd een bezoek aan huis.', responsible: 'Noor Bakker', partners: ['welzijn'], starts: '2026-01-01', ends: '2026-12-31', indicators: [['Huisbezoeken', 'bezoeken', 30]], created: '2026-01-22', updated: '2026-07-10', review: { status: 'in_progress', on: '2026-11-04', story: 'Tot nu toe 19 huisbezoeken; er zijn minder dreigende ontruimingen dan verwacht.', values: [19] } },
  { key: '26-energie', org: 'woon', pillar: 2, title: 'Energiebezoeken in 300 huurwoningen', goal: 'Huurders met een hoge energierekening krijgen een huisbezoek met advies en kleine maatregelen.', description: 'Overgenomen van het installatiebedrijf dat het pact in 2025 verliet. De Linde zet eigen onderhoudsmonteurs in.', responsible: 'Ruud Kleinjan', starts: '2026-02-01', ends: '2026-12-31', indicators: [['Woningen bezocht', 'woningen', 300]], created: '2026-01-22', updated: '2026-10-01' },

  { key: '26-budgetgesprek', org: 'voedselbank', pillar: 2, title: 'Budgetgesprek bij de intake', goal: 'Elke nieuwe klant van de voedselbank krijgt een gesprek over geld en regelingen.', description: 'Zoals in 2025, met een vaste checklist van regelingen.', responsible: 'Gerda Wolters', partners: ['schuldhulpmaatje'], starts: '2026-01-01', ends: '2026-12-31', indicators: [['Intakes met budgetgesprek', 'intakes', 100]], created: '2026-02-04', review: { status: 'done', on: '2026-11-13', story: '108 intakes met een budgetgesprek.', values: [108] } },
  { key: '26-uitgiftepunt', org: 'voedselbank', pillar: 5, title: 'Uitgiftepunt in Lindehoeve', goal: 'Klanten uit Lindehoeve hoeven niet meer met de bus naar het centrum voor hun pakket.', description: 'Een tweede uitgiftepunt in de gymzaal van Lindehoeve, op vrijdagmiddag.', responsible: 'Gerda Wolters', starts: '2026-04-01', ends: '2026-12-31', indicators: [['Huishoudens in Lindehoeve', 'huishoudens', 40]], created: '2026-02-04', updated: '2026-02-04' },

  { key: '26-schoolspullen', org: 'leergeld', pillar: 5, title: 'Schoolspullenpas', goal: 'Kinderen beginnen het schooljaar met alles wat ze nodig hebben.', description: 'Een tegoed voor schoolspullen, te besteden bij twee winkels in Lindewaard.', responsible: 'Bart Nijhuis', partners: ['school'], starts: '2026-06-01', ends: '2026-09-30', indicators: [['Kinderen met een schoolspullenpas', 'kinderen', 250]], created: '2026-02-09', review: { status: 'done', on: '2026-11-06', story: '268 kinderen kregen een pas. De winkels vragen om het tegoed volgend jaar eerder te versturen.', values: [268] } },
  { key: '26-lespakket', org: 'school', pillar: 2, title: "Lespakket 'Geld en ik' op drie scholen", goal: 'Ook leerlingen van twee andere basisscholen krijgen de lessen over geld.', description: 'De Regenboog deelt het pakket en leidt leerkrachten van andere scholen op.', responsible: 'Yvonne Tak', partners: ['schuldhulpmaatje'], starts: '2026-01-15', ends: '2026-12-31', indicators: [['Leerlingen bereikt', 'leerlingen', 180]], created: '2026-02-05', updated: '2026-05-28' },
  { key: '26-ontbijt', org: 'school', pillar: 5, title: 'Schoolontbijt elke ochtend', goal: 'Geen kind begint de dag met een lege maag.', description: 'Een ontbijt in de klas, voor iedereen, zodat niemand opvalt.', responsible: 'Yvonne Tak', partners: ['voedselbank'], starts: '2026-01-05', ends: '2026-12-18', indicators: [['Schooldagen met ontbijt', 'dagen', 180]], created: '2026-02-05', review: { status: 'done', on: '2026-11-09', story: 'Elke schooldag een ontbijt. Leerkrachten merken dat de eerste les rustiger verloopt.', values: [186] } },

  { key: '26-luisterpunt', org: 'kerk', pillar: 1, title: 'Luisterpunt op donderdagmiddag', goal: 'Een plek waar mensen hun verhaal kwijt kunnen zonder dat er meteen iets moet.', description: 'Zoals in 2025, nu ook op de eerste zaterdag van de maand.', responsible: 'Dirk-Jan Mensink', partners: ['welzijn'], starts: '2026-01-08', ends: '2026-12-17', indicators: [['Gesprekken', 'gesprekken', 140]], created: '2026-02-10', updated: '2026-02-10' },
  { key: '26-kledingbeurs', org: 'kerk', pillar: 5, title: 'Kledingbeurs in voorjaar en najaar', goal: 'Gezinnen halen gratis goede kleding, zonder dat ze iets hoeven aan te tonen.', description: 'Twee beurzen in het kerkelijk centrum.', responsible: 'Dirk-Jan Mensink', partners: ['bewoners'], starts: '2026-03-01', ends: '2026-10-31', indicators: [['Bezoekers', 'bezoekers', 350]], created: '2026-02-10', review: { status: 'done', on: '2026-11-19', story: 'Bijna 400 bezoekers. Er is nu ook een hoek met speelgoed.', values: [396] } },

  { key: '26-meedoenpas', org: 'sport', pillar: 5, title: 'Sporten zonder contributie met de Meedoenpas', goal: 'Kinderen met een Meedoenpas sporten bij LSV zonder dat ouders iets hoeven te betalen.', description: 'Zoals in 2025; nu ook voor turnen en zwemmen.', responsible: 'Lisa Harmsen', partners: ['leergeld'], starts: '2026-01-01', ends: '2026-12-31', indicators: [['Kinderen die sporten met de pas', 'kinderen', 85]], created: '2026-02-12', review: { status: 'done', on: '2026-11-16', story: '92 kinderen sporten via de pas, 19 van hen bij turnen.', values: [92] } },
  { key: '26-zomersport', org: 'sport', pillar: 5, title: 'Zomersportweek voor thuisblijvers', goal: 'Kinderen die niet op vakantie gaan, hebben een week vol sport en spel.', description: 'Een gratis week in de zomervakantie met lunch, samen met de voedselbank.', responsible: 'Mehmet Demirel', partners: ['voedselbank', 'leergeld'], starts: '2026-07-20', ends: '2026-07-24', indicators: [['Deelnemende kinderen', 'kinderen', 80]], created: '2026-02-12', review: { status: 'done', on: '2026-11-16', story: '97 kinderen deden mee. Ouders hielpen bij de lunch.', values: [97] } },

  { key: '26-formulierenhulp', org: 'bewoners', pillar: 1, title: 'Formulierenhulp in het buurthuis', goal: 'Buren helpen elkaar met brieven en formulieren, zodat niemand een toeslag misloopt.', description: 'Op maandagavond en nu ook op donderdagochtend.', responsible: 'Trudy Koopman', partners: ['welzijn'], starts: '2026-01-05', ends: '2026-12-14', indicators: [['Bezoekers geholpen', 'bezoekers', 120]], created: '2026-02-16', updated: '2026-02-16' },
  { key: '26-samen-koken', org: 'bewoners', pillar: 5, title: 'Samen koken op woensdag', goal: 'Buren eten samen een gezonde maaltijd voor € 3, en leren goedkoop koken.', description: 'Elke woensdag in het buurthuis.', responsible: 'Trudy Koopman', partners: ['voedselbank'], starts: '2026-01-07', ends: '2026-12-16', indicators: [['Maaltijden', 'maaltijden', 1300]], created: '2026-02-16', updated: '2026-09-30' },
  { key: '26-repair', org: 'bewoners', pillar: 5, title: 'Repair café Oosterkwartier', goal: 'Spullen repareren in plaats van nieuw kopen, en elkaar leren kennen.', description: 'Eens per maand op zaterdag.', responsible: 'Said Amrani', starts: '2026-01-10', ends: '2026-12-12', indicators: [['Reparaties', 'reparaties', 180]], created: '2026-02-16', review: { status: 'done', on: '2026-11-02', story: '203 reparaties. Twee jongeren van de werkervaringsplekken helpen nu mee.', values: [203] } },

  { key: '26-budgetcursus', org: 'schuldhulpmaatje', pillar: 2, title: "Cursus 'Rondkomen met je inkomen'", goal: 'Inwoners leren in vijf avonden hun inkomsten en uitgaven bij te houden.', description: 'Drie rondes per jaar, één in Westerpark.', responsible: 'Wim Oldenkamp', partners: ['welzijn'], starts: '2026-02-01', ends: '2026-11-30', indicators: [['Deelnemers die de cursus afmaakten', 'deelnemers', 45]], created: '2026-02-18', review: { status: 'done', on: '2026-11-11', story: '47 deelnemers maakten de cursus af.', values: [47] } },
  { key: '26-maatjes', org: 'schuldhulpmaatje', pillar: 3, title: 'Maatjes voor mensen in de schuldhulp', goal: 'Iedereen in een schuldhulptraject kan een getraind maatje krijgen dat een jaar lang meeloopt.', description: 'Zoals in 2025, met een terugkomdag voor maatjes.', responsible: 'Wim Oldenkamp', partners: ['gemeente'], starts: '2026-01-01', ends: '2026-12-31', indicators: [['Koppelingen', 'koppelingen', 40]], created: '2026-02-18', updated: '2026-06-22' },

  { key: '26-spreekuur-poh', org: 'zorg', pillar: 3, title: 'Spreekuur geldzorgen bij de praktijkondersteuner', goal: 'Patiënten met stress door geldzorgen kunnen een apart gesprek krijgen bij de praktijkondersteuner.', description: 'Een half uur per gesprek, met een sociaal werker van het Schakelpunt erbij als de patiënt dat wil.', responsible: 'Karin Lubbers', partners: ['welzijn'], starts: '2026-03-01', ends: '2026-12-31', indicators: [['Gesprekken', 'gesprekken', 60]], created: '2026-02-20', updated: '2026-02-20' },
];

const lindewaardIntroductions: Record<number, string> = {
  2025: 'De eerste Lokale Sociale Agenda van het Pact Samen Lindewaard. Twaalf partners zetten dertig concrete stappen, verdeeld over de vijf pijlers. In november kijken we samen terug.',
  2026: 'De tweede Lokale Sociale Agenda. Vijf activiteiten van 2025 lopen door; nieuw zijn onder meer een tweede Schakelpunt in Westerpark en het automatisch toekennen van minimaregelingen.',
};

// ── Hagedoorn (Flanders) ──────────────────────────────────────────────────────────────────────

const hagedoornCovenant = `Engagementsverklaring Welzijnsschakel Hagedoorn

Wij, het OCMW van Hagedoorn en de Welzijnsschakel De Brug, engageren ons om samen met mensen in armoede te werken aan een gemeente waar niemand uit de boot valt.

Wij gaan uit van negen paden: mensen in armoede komen zelf aan het woord, wij betrekken de hele samenleving, wij versterken wat goed gaat en wij werken samen vanuit het belang van mensen, niet van onze organisaties.

Elk jaar leggen wij vast wat wij concreet doen, en in november bekijken wij samen met de deelnemers van de Welzijnsschakel wat gelukt is.`;

interface HagedoornActivity {
  org: 'ocmw' | 'schakel';
  path: number;
  title: string;
  goal: string;
  responsible: string;
  indicator: [string, string, number];
}

const hagedoornActivities: HagedoornActivity[] = [
  { org: 'schakel', path: 1, title: 'Dialoogtafel met ervaringsdeskundigen', goal: 'Vier keer per jaar praten deelnemers van de Welzijnsschakel met het OCMW over het beleid.', responsible: 'Griet Van den Broeck', indicator: ['Dialoogtafels', 'tafels', 4] },
  { org: 'ocmw', path: 7, title: 'Automatische rechtentoekenning', goal: 'Rechthebbenden krijgen de sociale tarieven zonder zelf een aanvraag te doen.', responsible: 'Lotte Vermeulen', indicator: ['Gezinnen met automatische toekenning', 'gezinnen', 250] },
  { org: 'ocmw', path: 8, title: 'Vroeg ingrijpen bij energieschulden', goal: 'Bij een betalingsachterstand bij de netbeheerder neemt het OCMW binnen twee weken contact op.', responsible: 'Pieter Claes', indicator: ['Gezinnen gecontacteerd', 'gezinnen', 120] },
  { org: 'schakel', path: 9, title: 'Vakantiekamp voor kinderen', goal: 'Kinderen uit gezinnen in armoede gaan een week mee op kamp.', responsible: 'Griet Van den Broeck', indicator: ['Kinderen mee op kamp', 'kinderen', 30] },
  { org: 'schakel', path: 2, title: 'Week van de armoede: open ontmoeting', goal: 'Inwoners van Hagedoorn leren de Welzijnsschakel kennen tijdens een open ontmoeting in oktober.', responsible: 'Jef Wouters', indicator: ['Bezoekers', 'bezoekers', 150] },
];

// ── Writing ───────────────────────────────────────────────────────────────────────────────────

type Column = [name: string, type: string];

/** One `insert … select from unnest(…)` for many rows (columns typed as arrays). */
async function insertRows(tx: Tx, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map(([, type], i) => sql`${rows.map((r) => r[i] ?? null)}::${sql.raw(type)}[]`);
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.ref(name)))})
            select * from unnest(${sql.join(arrays)})`.execute(tx);
}

/** A local Dutch date at a given hour as a timestamp (Europe/Amsterdam, winter or summer time). */
function at(date: string, time = '10:00'): string {
  const month = Number(date.slice(5, 7));
  const offset = month >= 4 && month <= 10 ? '+02:00' : '+01:00';
  return `${date}T${time}:00${offset}`;
}

async function personIds(tx: Tx, emails: string[]): Promise<Map<string, string>> {
  const r = await sql<{ id: string; email: string }>`select id, email from person where email = any(${emails}::text[])`.execute(tx);
  return new Map(r.rows.map((row) => [row.email, row.id]));
}

async function insertPillars(tx: Tx, pactId: string, key: 'five-pillars' | 'nine-paths', weights: Record<number, number>, createdAt: string): Promise<string[]> {
  const template = pillarTemplates.find((t) => t.key === key)!;
  const ids = template.pillars.map(() => randomUUID());
  await insertRows(
    tx, 'pillar',
    [['id', 'uuid'], ['pact_id', 'uuid'], ['position', 'int'], ['title', 'text'], ['description', 'text'], ['weight', 'numeric'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    template.pillars.map((p, i) => [ids[i], pactId, i + 1, p.title, p.description, weights[i + 1] ?? 1, createdAt, createdAt]),
  );
  return ids;
}

interface YearWrite {
  pactId: string;
  year: number;
  introduction: string;
  opened: string;
  locked: string;
  published: string;
  activities: ActivitySeed[];
  orgIds: ReadonlyMap<string, string>;
  pillarIds: string[];
  /** Activity ids by key, across years (for carry-over links). */
  activityIds: Map<string, string>;
  coordinatorId: string | null;
  reviewerFor: (org: string) => string | null;
  createdByFor: (org: string) => string | null;
}

async function writeYear(tx: Tx, y: YearWrite): Promise<void> {
  const yearId = randomUUID();
  await sql`insert into agenda_year (id, pact_id, year, status, published_at, introduction, created_at, updated_at)
            values (${yearId}, ${y.pactId}, ${y.year}, 'locked', ${at(y.published, '09:00')}::timestamptz, ${y.introduction},
                    ${at(y.opened, '09:00')}::timestamptz, ${at(y.published, '09:00')}::timestamptz)`.execute(tx);
  await insertRows(
    tx, 'agenda_year_event',
    [['pact_id', 'uuid'], ['agenda_year_id', 'uuid'], ['kind', 'text'], ['note', 'text'], ['by_person', 'uuid'], ['occurred_at', 'timestamptz']],
    [
      [y.pactId, yearId, 'opened', `Partners kunnen hun activiteiten voor ${y.year} registreren.`, y.coordinatorId, at(y.opened, '09:00')],
      [y.pactId, yearId, 'locked', 'De registratie is gesloten; de agenda wordt samengesteld.', y.coordinatorId, at(y.locked, '17:00')],
      [y.pactId, yearId, 'published', 'Vastgesteld in de stuurgroep en gepubliceerd.', y.coordinatorId, at(y.published, '09:00')],
    ],
  );

  const activityRows: unknown[][] = [];
  const partnerRows: unknown[][] = [];
  const indicatorRows: unknown[][] = [];
  const indicatorIds = new Map<string, string[]>();
  for (const a of y.activities) {
    const id = randomUUID();
    const latest = a.followUp ?? a.review;
    y.activityIds.set(a.key, id);
    const orgId = y.orgIds.get(a.org)!;
    const updated = latest ? at(latest.on, '14:00') : at(a.updated ?? a.created);
    activityRows.push([
      id, y.pactId, yearId, orgId, y.pillarIds[a.pillar - 1], a.title, a.goal, a.description, a.responsible, a.starts, a.ends,
      latest?.status ?? 'planned', a.carriedFrom ? y.activityIds.get(a.carriedFrom)! : null,
      latest ? at(latest.on, '14:00') : null, y.createdByFor(a.org), at(a.created), updated,
    ]);
    for (const partner of a.partners ?? []) partnerRows.push([id, y.orgIds.get(partner)!, y.pactId]);
    const ids = a.indicators.map(() => randomUUID());
    indicatorIds.set(a.key, ids);
    a.indicators.forEach(([name, unit, target], i) => {
      indicatorRows.push([ids[i], y.pactId, id, i + 1, name, unit, target, latest?.values[i] ?? null, at(a.created)]);
    });
  }
  await insertRows(
    tx, 'activity',
    [['id', 'uuid'], ['pact_id', 'uuid'], ['agenda_year_id', 'uuid'], ['organisation_id', 'uuid'], ['pillar_id', 'uuid'], ['title', 'text'],
      ['goal', 'text'], ['description', 'text'], ['responsible_name', 'text'], ['starts_on', 'date'], ['ends_on', 'date'], ['status', 'text'],
      ['carried_from_id', 'uuid'], ['reviewed_at', 'timestamptz'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    activityRows,
  );
  await insertRows(tx, 'activity_partner', [['activity_id', 'uuid'], ['organisation_id', 'uuid'], ['pact_id', 'uuid']], partnerRows);
  await insertRows(
    tx, 'indicator',
    [['id', 'uuid'], ['pact_id', 'uuid'], ['activity_id', 'uuid'], ['position', 'int'], ['name', 'text'], ['unit', 'text'],
      ['target_value', 'numeric'], ['current_value', 'numeric'], ['created_at', 'timestamptz']],
    indicatorRows,
  );

  // Reviews in the order they were made; indicator results refer to the review's generated id.
  const reviews = y.activities
    .flatMap((a) => [a.review, a.followUp].filter((r): r is Review => r !== undefined).map((review) => ({ a, review, at: at(review.on, '14:00') })))
    .sort((p, q) => p.review.on.localeCompare(q.review.on) || p.a.key.localeCompare(q.a.key));
  if (reviews.length === 0) return;
  const inserted = await sql<{ id: string | number | bigint; ordinality: string | number | bigint }>`
    insert into activity_review (pact_id, activity_id, status, story, reviewed_by, reviewed_at)
    select pact_id, activity_id, status, story, reviewed_by, reviewed_at
      from unnest(${reviews.map(() => y.pactId)}::uuid[], ${reviews.map((r) => y.activityIds.get(r.a.key)!)}::uuid[],
                  ${reviews.map((r) => r.review.status)}::text[], ${reviews.map((r) => r.review.story)}::text[],
                  ${reviews.map((r) => y.reviewerFor(r.a.org))}::uuid[], ${reviews.map((r) => r.at)}::timestamptz[])
           with ordinality as t(pact_id, activity_id, status, story, reviewed_by, reviewed_at, ordinality)
     order by ordinality
    returning id`.execute(tx);
  // Identity values follow the insert order (one statement, ordered select).
  const reviewIds = inserted.rows.map((r) => String(r.id)).sort((p, q) => Number(BigInt(p) - BigInt(q)));
  const resultRows: unknown[][] = [];
  reviews.forEach(({ a, review }, n) => {
    indicatorIds.get(a.key)!.forEach((indicatorId, i) => {
      const value = review.values[i];
      if (value !== undefined) resultRows.push([reviewIds[n], indicatorId, y.pactId, value]);
    });
  });
  await insertRows(tx, 'indicator_result', [['activity_review_id', 'bigint'], ['indicator_id', 'uuid'], ['pact_id', 'uuid'], ['value', 'numeric']], resultRows);
}

async function seedLindewaard(tx: Tx, pactId: string, orgIds: ReadonlyMap<string, string>): Promise<void> {
  const people = await personIds(tx, ['coordinator@lindewaard.example', 'beheer@welzijn.lindewaard.example', 'beheer@delinde.example']);
  const coordinatorId = people.get('coordinator@lindewaard.example') ?? null;
  const partnerAdmins: Record<string, string | null> = {
    welzijn: people.get('beheer@welzijn.lindewaard.example') ?? null,
    woon: people.get('beheer@delinde.example') ?? null,
  };
  const byPartnerAdminOrCoordinator = (org: string) => partnerAdmins[org] ?? coordinatorId;

  await sql`update pact set mission = ${lindewaardMission}, horizon_year = 2030, pillar_label = 'pillar' where id = ${pactId}`.execute(tx);
  // "Aanval op de uitval" counts double: that is where the pact expects the most difference.
  const pillarIds = await insertPillars(tx, pactId, 'five-pillars', { 3: 2 }, at('2024-11-20'));

  const v1 = randomUUID();
  const v2 = randomUUID();
  await insertRows(
    tx, 'covenant_version',
    [['id', 'uuid'], ['pact_id', 'uuid'], ['version', 'int'], ['title', 'text'], ['body', 'text'], ['adopted_on', 'date'], ['created_by', 'uuid'], ['created_at', 'timestamptz']],
    [
      [v1, pactId, 1, 'Convenant Pact Samen Lindewaard', covenantV1, '2024-12-05', coordinatorId, at('2024-12-05', '16:00')],
      [v2, pactId, 2, 'Convenant Pact Samen Lindewaard, herziene versie 2026', covenantV2, '2026-01-15', coordinatorId, at('2026-01-15', '16:00')],
    ],
  );

  const representatives: unknown[][] = [];
  const signatures: unknown[][] = [];
  const statusChanges: unknown[][] = [];
  for (const [key, p] of Object.entries(lindewaardPartners) as Array<[LindewaardOrg, PartnerSeed]>) {
    const orgId = orgIds.get(key)!;
    const left = leftPact.org === key ? leftPact : null;
    await sql`update organisation set mission = ${p.mission}, contact_name = ${p.contact}, joined_on = ${p.joined}::date,
                                      left_on = ${left?.on ?? null}::date
              where id = ${orgId}`.execute(tx);
    p.representatives.forEach(([name, fn], i) => {
      representatives.push([pactId, orgId, name, fn, i + 1, left ? at(left.on, '17:00') : null, at(p.joined)]);
    });
    const signer = p.representatives[0]![0];
    if (p.signedV1) signatures.push([pactId, orgId, v1, signer, p.signedV1, coordinatorId, at(p.signedV1, '16:30')]);
    if (p.signedV2) signatures.push([pactId, orgId, v2, signer, p.signedV2, coordinatorId, at(p.signedV2, '16:30')]);
    statusChanges.push([pactId, orgId, null, 'member', p.joined, 'Convenant ondertekend.', coordinatorId, at(p.joined, '16:30')]);
    if (left) statusChanges.push([pactId, orgId, 'member', 'left', left.on, left.reason, coordinatorId, at('2025-10-01')]);
  }
  await insertRows(
    tx, 'partner_representative',
    [['pact_id', 'uuid'], ['organisation_id', 'uuid'], ['name', 'text'], ['function_title', 'text'], ['position', 'int'], ['ended_at', 'timestamptz'], ['created_at', 'timestamptz']],
    representatives,
  );
  await insertRows(
    tx, 'covenant_signature',
    [['pact_id', 'uuid'], ['organisation_id', 'uuid'], ['covenant_version_id', 'uuid'], ['signed_by_name', 'text'], ['signed_on', 'date'], ['recorded_by', 'uuid'], ['recorded_at', 'timestamptz']],
    signatures,
  );
  await insertRows(
    tx, 'partner_status_change',
    [['pact_id', 'uuid'], ['organisation_id', 'uuid'], ['from_status', 'text'], ['to_status', 'text'], ['effective_on', 'date'], ['reason', 'text'], ['changed_by', 'uuid'], ['changed_at', 'timestamptz']],
    statusChanges,
  );

  const activityIds = new Map<string, string>();
  const common = { pactId, orgIds, pillarIds, activityIds, coordinatorId, reviewerFor: byPartnerAdminOrCoordinator, createdByFor: byPartnerAdminOrCoordinator };
  await writeYear(tx, { ...common, year: 2025, introduction: lindewaardIntroductions[2025]!, opened: '2025-01-13', locked: '2025-03-01', published: '2025-03-20', activities: year2025 });
  await writeYear(tx, { ...common, year: 2026, introduction: lindewaardIntroductions[2026]!, opened: '2026-01-12', locked: '2026-02-28', published: '2026-03-12', activities: year2026 });
}

async function seedHagedoorn(tx: Tx, pactId: string, orgIds: ReadonlyMap<string, string>): Promise<void> {
  const coordinatorId = (await personIds(tx, ['coordinator@hagedoorn.example'])).get('coordinator@hagedoorn.example') ?? null;
  await sql`update pact set mission = ${'Niemand valt uit de boot in Hagedoorn: samen met mensen in armoede bouwen we aan een gemeente waar iedereen zijn rechten kent en krijgt.'},
                            horizon_year = 2030, pillar_label = 'path'
            where id = ${pactId}`.execute(tx);
  const pathIds = await insertPillars(tx, pactId, 'nine-paths', {}, at('2025-09-01'));
  const versionId = randomUUID();
  await sql`insert into covenant_version (id, pact_id, version, title, body, adopted_on, created_by, created_at)
            values (${versionId}, ${pactId}, 1, 'Engagementsverklaring Welzijnsschakel Hagedoorn', ${hagedoornCovenant}, '2025-10-17', ${coordinatorId}, ${at('2025-10-17', '15:00')}::timestamptz)`.execute(tx);
  const partners = [
    { key: 'ocmw', mission: 'Een OCMW dat rechten automatisch toekent en mensen opzoekt.', contact: 'Lotte Vermeulen', representative: ['Burgemeester An Peeters', 'voorzitter bijzonder comité voor de sociale dienst'] },
    { key: 'schakel', mission: 'Mensen in armoede nemen zelf het woord en organiseren samen activiteiten.', contact: 'Griet Van den Broeck', representative: ['Griet Van den Broeck', 'coördinator'] },
  ];
  for (const p of partners) {
    const orgId = orgIds.get(p.key)!;
    await sql`update organisation set mission = ${p.mission}, contact_name = ${p.contact}, joined_on = '2025-10-17' where id = ${orgId}`.execute(tx);
    await sql`insert into partner_representative (pact_id, organisation_id, name, function_title, position, created_at)
              values (${pactId}, ${orgId}, ${p.representative[0]}, ${p.representative[1]}, 1, ${at('2025-10-17')}::timestamptz)`.execute(tx);
    await sql`insert into covenant_signature (pact_id, organisation_id, covenant_version_id, signed_by_name, signed_on, recorded_by, recorded_at)
              values (${pactId}, ${orgId}, ${versionId}, ${p.representative[0]}, '2025-10-17', ${coordinatorId}, ${at('2025-10-17', '16:00')}::timestamptz)`.execute(tx);
    await sql`insert into partner_status_change (pact_id, organisation_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
              values (${pactId}, ${orgId}, null, 'member', '2025-10-17', 'Engagementsverklaring ondertekend.', ${coordinatorId}, ${at('2025-10-17', '16:00')}::timestamptz)`.execute(tx);
  }
  const activities: ActivitySeed[] = hagedoornActivities.map((a, i) => ({
    key: `hd-${i}`, org: a.org, pillar: a.path, title: a.title, goal: a.goal, description: '', responsible: a.responsible,
    starts: '2026-01-01', ends: '2026-12-31', indicators: [a.indicator], created: '2026-01-19',
  }));
  await writeYear(tx, {
    pactId, year: 2026, introduction: 'Onze eerste jaaragenda: vijf concrete stappen langs de negen paden.',
    opened: '2026-01-05', locked: '2026-02-27', published: '2026-03-16', activities,
    orgIds, pillarIds: pathIds, activityIds: new Map(), coordinatorId,
    reviewerFor: () => coordinatorId, createdByFor: () => coordinatorId,
  });
}

/**
 * Seeds the pact capability's demo data. Call inside the demo seeding transaction, after the
 * organisations and memberships exist (initiatives, meetings and stories build on its pillars and
 * activities).
 */
export async function seedPactAgendaDemo(tx: Tx, input: PactAgendaDemoInput): Promise<void> {
  const orgIds = new Map([...input.organisations].map(([key, o]) => [key, o.id]));
  await seedLindewaard(tx, input.lindewaard, orgIds);
  await seedHagedoorn(tx, input.hagedoorn, orgIds);
}

/** For tests: the demo's activity seeds (keys, organisations, statuses), without database ids. */
export const pactAgendaDemoPlan = { year2025, year2026, lindewaardPartners, leftPact } as const;
