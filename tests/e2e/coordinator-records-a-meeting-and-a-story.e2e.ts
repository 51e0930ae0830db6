// The pact coordinator plans a public meeting and records who came and what was decided; the
// partner admin of Welzijn Lindewaard writes a story about a resident, is refused publishing it
// publicly until the resident's consent is recorded (the input stays), records the consent and
// publishes; a visitor reads the story and downloads the calendar file. Both projects (js, no-js)
// run against one server: titles are unique per run.
import { randomBytes } from 'node:crypto';
import { lindewaardCoordinator, signIn, welzijnAdmin } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

test('the coordinator records a meeting, a partner admin publishes a story with consent, a visitor reads it and gets the calendar', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const run = `${testInfo.project.name} ${randomBytes(3).toString('hex')}`;
  const meetingTitle = `Werkgroep energiearmoede ${run}`;
  const storyTitle = `Hoe Bram zijn energierekening weer kon betalen ${run}`;

  // ── The coordinator plans a public meeting ──
  await signIn(page, lindewaardCoordinator, '/p/lindewaard/meetings');
  await expect(page.getByRole('heading', { level: 1, name: 'Bijeenkomsten' })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe bijeenkomst' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe bijeenkomst' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Soort').selectOption({ label: 'Werkgroep' });
  await page.getByLabel('Titel').fill(meetingTitle);
  await page.getByLabel('Datum').fill('2027-03-18');
  await page.getByLabel('Begintijd').fill('19:30');
  // A time the wrong way round: refused, the input stays.
  await page.getByLabel('Eindtijd').fill('18:00');
  await page.getByLabel('Plaats').fill('Buurthuis De Linde');
  await page.getByRole('textbox', { name: /^Agenda/ }).fill('Welkom\n\nWat doen we met hoge energierekeningen?');
  await page.getByLabel('Wie mag het zien').selectOption({ label: 'Openbaar' });
  const refusedMeeting = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/p/lindewaard/meetings/new');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  expect((await refusedMeeting).status()).toBe(400);
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toContainText('De eindtijd moet na de begintijd liggen.');
  await expect(page.getByLabel('Titel')).toHaveValue(meetingTitle);
  await expectNoAxeViolations(page);
  await page.getByLabel('Eindtijd').fill('21:00');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('De bijeenkomst is gemaakt.');
  await expectNoAxeViolations(page);

  // Attendance and a decision.
  await page.getByLabel('Welzijn Lindewaard', { exact: true }).check();
  await page.getByLabel('Woonstichting De Linde', { exact: true }).check();
  await page.getByLabel('Aantal andere aanwezigen').fill('9');
  await page.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De aanwezigheid is opgeslagen.');
  await expect(page.getByRole('main')).toContainText('Andere aanwezigen: 9');
  await expectNoAxeViolations(page);
  await page.getByLabel('Besluit', { exact: true }).fill(`Een energiecoach per wijk (${run}).`);
  await page.getByRole('button', { name: 'Besluit toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText('Het besluit is toegevoegd.');
  await expect(page.getByRole('main')).toContainText(`Een energiecoach per wijk (${run}).`);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL('/');
  await expectNoAxeViolations(page);

  // ── The partner admin of Welzijn writes a story about a resident ──
  await signIn(page, welzijnAdmin, '/p/lindewaard/stories');
  await expect(page.getByRole('heading', { level: 1, name: 'Verhalen' })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuw verhaal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw verhaal van Welzijn Lindewaard' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Titel').fill(storyTitle);
  await page.getByLabel('Verhaal', { exact: true }).fill('Bram (een schuilnaam) kreeg hulp van een energiecoach.\n\nNu betaalt hij elke maand op tijd.');
  await page.getByLabel('Soort verhaal').selectOption({ label: 'Wat goed gaat' });
  await page.getByLabel('Wie mag het lezen').selectOption({ label: 'Openbaar' });
  await page.getByLabel('Dit verhaal gaat over een persoon').check();
  const refusedStory = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/stories/new'));
  await page.getByRole('button', { name: 'Opslaan en publiceren' }).click();
  expect((await refusedStory).status()).toBe(400);
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toContainText('pas openbaar publiceren als de toestemming van die persoon is vastgelegd');
  await expect(page.getByLabel('Titel')).toHaveValue(storyTitle);
  await expect(page.getByLabel('Dit verhaal gaat over een persoon')).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByLabel('Naam of schuilnaam van de persoon').fill('Bram (schuilnaam)');
  await page.getByLabel('Datum van de toestemming').fill('2026-11-02');
  await page.getByLabel('Hoe is de toestemming gegeven').selectOption({ label: 'Op papier' });
  await page.getByLabel('Waarvoor is toestemming gegeven').fill('Dit verhaal op de website van het pact, met schuilnaam.');
  await page.getByRole('button', { name: 'Opslaan en publiceren' }).click();
  await expect(page.getByRole('status')).toContainText('Het verhaal is gepubliceerd.');
  await expect(page.getByLabel('Naam of schuilnaam van de persoon')).toHaveValue('Bram (schuilnaam)');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL('/');
  await expectNoAxeViolations(page);

  // ── A visitor reads the story and downloads the calendar ──
  // Signed out, the same browser is a visitor.
  {
    const visitor = page;
    await visitor.goto('/p/lindewaard/stories');
    await expect(visitor.getByRole('heading', { level: 1, name: 'Verhalen' })).toBeVisible();
    await expectNoAxeViolations(visitor);
    await visitor.getByRole('link', { name: storyTitle }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: storyTitle })).toBeVisible();
    await expect(visitor.getByRole('main')).not.toContainText('Dit verhaal op de website van het pact, met schuilnaam.');
    await expectNoAxeViolations(visitor);

    await visitor.goto('/p/lindewaard/meetings');
    await expect(visitor.getByRole('link', { name: meetingTitle })).toBeVisible();
    await expectNoAxeViolations(visitor);
    await visitor.getByRole('link', { name: meetingTitle }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
    await expect(visitor.getByRole('main')).toContainText(`Een energiecoach per wijk (${run}).`);
    await expect(visitor.getByRole('button', { name: 'Besluit toevoegen' })).toHaveCount(0);
    await expectNoAxeViolations(visitor);

    const feed = await visitor.request.get('/p/lindewaard/meetings.ics');
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const text = (await feed.text()).replace(/\r\n[ \t]/g, '');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain(`SUMMARY:${meetingTitle}`);
    expect(text).toContain('DTSTART:20270318T183000Z');
  }
});
