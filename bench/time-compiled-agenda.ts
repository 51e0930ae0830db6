// A quick local timing of the public agenda page at 2,000 activities (not a test, not a benchmark):
//   SP_TEST_GOLDEN=… node --import tsx bench/time-compiled-agenda.ts
// Fills year 2040 of Lindewaard with 2,000 activities (with partners and indicators), publishes it
// and prints the time of a first (uncached) and of later requests. `npm run bench` measures it for real.
import { sql } from 'kysely';
import { openTestDatabase, testEngine } from '../tests/support/test-database.ts';
import { createTestApp } from '../tests/support/test-app.ts';

const t = await createTestApp(await openTestDatabase());
const db = t.database.db;
await sql`insert into agenda_year (pact_id, year, status, published_at) select id, 2040, 'locked', now() from pact where slug = 'lindewaard'
          on conflict (pact_id, year) do nothing`.execute(db);
for (let p = 1; p <= 5; p++) {
  await sql`insert into pillar (pact_id, position, title) select id, ${800 + p}, ${`Tijdpijler ${p}`} from pact where slug = 'lindewaard'
            on conflict (pact_id, title) do nothing`.execute(db);
}
await sql`
  insert into activity (pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, description, responsible_name, starts_on, ends_on)
  select y.pact_id, y.id, o.id, p.id, 'Activiteit ' || g, 'Doel van activiteit ' || g || ': huishoudens eerder helpen met geldzorgen.',
         'Beschrijving', 'Persoon ' || g, '2040-01-01', '2040-12-31'
    from generate_series(1, 2000) g
    join agenda_year y on y.year = 2040 join pact x on x.id = y.pact_id and x.slug = 'lindewaard'
    cross join lateral (select id from organisation where pact_id = x.id order by id offset (g % 5) limit 1) o
    cross join lateral (select id from pillar where pact_id = x.id and title like 'Tijdpijler %' order by position offset (g % 5) limit 1) p`.execute(db);
await sql`
  insert into indicator (pact_id, activity_id, position, name, unit, target_value)
  select a.pact_id, a.id, n, 'Meetpunt ' || n, 'keer', 10 * n
    from activity a join agenda_year y on y.id = a.agenda_year_id and y.year = 2040 cross join generate_series(1, 2) n`.execute(db);
await sql`
  insert into activity_partner (activity_id, organisation_id, pact_id)
  select a.id, o.id, a.pact_id from activity a join agenda_year y on y.id = a.agenda_year_id and y.year = 2040
   cross join lateral (select id from organisation where pact_id = a.pact_id and id <> a.organisation_id order by id limit 1) o`.execute(db);

const visitor = t.anonymous();
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const started = performance.now();
  const r = await visitor.get('/p/lindewaard/agenda/2040');
  const body = await r.text();
  times.push(performance.now() - started);
  if (i === 0) console.log(`status ${r.status}, ${Math.round(body.length / 1024)} KiB`);
}
const later = times.slice(1).sort((a, b) => a - b);
console.log(`${testEngine}: first ${times[0]!.toFixed(1)} ms; later median ${later[Math.floor(later.length / 2)]!.toFixed(1)} ms, p95 ${later[Math.floor(later.length * 0.95)]!.toFixed(1)} ms`);
await t.database.close();
