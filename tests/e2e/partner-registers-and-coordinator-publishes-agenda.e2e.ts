// A partner registers activities and the coordinator compiles and publishes the agenda: the
// coordinator opens 2028 (unless another journey did), Welzijn Lindewaard's partner admin registers
// two activities with indicators (first with an end date before the start: the error summary, the
// input kept), the coordinator locks registration and publishes, and a visitor reads the public
// agenda by pillar and by partner and downloads the PDF. Both projects run against one server: the
// titles are unique per run, and the year may already be locked or published by the other run
// (the coordinator reopens it for the registration, under a lock).
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { lindewaardCoordinator, signIn, welzijnAdmin } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { exclusively } from './support/lock.ts';
import { asOtherPerson } from './support/other-person.ts';

const YEAR = 2028;

/** The coordinator, in a browser context of their own (every page checked with axe). */
async function asCoordinator<T>(browser: Browser, baseURL: string, javaScriptEnabled: boolean, next: string, work: (page: Page) => Promise<T>): Promise<T> {
  return asOtherPerson(browser, { baseURL, javaScriptEnabled }, async (page) => {
    await signIn(page, lindewaardCoordinator, next);
    return work(page);
  });
}

/** On the year's management page: takes the step if the page offers it (another run may have taken it). */
async function stepIfOffered(page: Page, button: string): Promise<void> {
  const action = page.getByRole('button', { name: button });
  if (await action.count() === 0) return;
  await action.click();
  await expect(page.getByRole('status')).toContainText('De stand van het jaar is opgeslagen.');
  await expectNoAxeViolations(page);
}

async function registerActivity(page: Page, fields: { title: string; indicator: string; target: string; startsOn: string; endsOn: string }): Promise<number> {
  await page.getByLabel('Naam van de activiteit').fill(fields.title);
  await page.getByLabel('Doel', { exact: true }).fill('Huishoudens met geldzorgen eerder bereiken, voordat schulden oplopen.');
  const pillar = page.getByLabel('Pijler');
  const firstPillar = await pillar.locator('option').nth(1).getAttribute('value');
  await pillar.selectOption(firstPillar!);
  await page.getByLabel('Verantwoordelijke persoon').fill('Joost Hendriksen');
  await page.getByRole('checkbox', { name: 'Gemeente Lindewaard', exact: true }).check();
  await page.getByLabel('Begint op').fill(fields.startsOn);
  await page.getByLabel('Eindigt op').fill(fields.endsOn);
  const first = page.getByRole('group', { name: 'Meetpunt 1' });
  await first.getByLabel('Naam').fill(fields.indicator);
  await first.getByLabel('Eenheid').fill('huishoudens');
  await first.getByLabel('Doelwaarde').fill(fields.target);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/activities/new'));
  await page.getByRole('button', { name: 'Activiteit aanmelden' }).click();
  const status = (await answer).status();
  await page.waitForLoadState('load');
  return status;
}

test('a partner admin registers activities, the coordinator locks and publishes the agenda, a visitor reads it and downloads the PDF', async ({ page, browser, baseURL, javaScriptEnabled }, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  const run = randomBytes(3).toString('hex');
  const titles = [`Budgetcafé ${project} ${run}`, `Schuldhulp aan huis ${project} ${run}`];

  await exclusively(`agenda-${YEAR}`, async () => {
    // The coordinator makes sure the year exists and takes registrations.
    await asCoordinator(browser, baseURL!, javaScriptEnabled, '/p/lindewaard/agenda', async (coordinator) => {
      if (await coordinator.getByRole('link', { name: String(YEAR), exact: true }).count() === 0) {
        await coordinator.getByLabel('Jaar', { exact: true }).fill(String(YEAR));
        const answer = coordinator.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/p/lindewaard/agenda');
        await coordinator.getByRole('button', { name: 'Jaar openen' }).click();
        expect([303, 409]).toContain((await answer).status());
        await coordinator.waitForLoadState('load');
        await expectNoAxeViolations(coordinator);
      }
      await coordinator.goto(`/p/lindewaard/agenda/${YEAR}/manage`);
      await expect(coordinator.getByRole('heading', { level: 1, name: `Agenda ${YEAR} beheren` })).toBeVisible();
      await expectNoAxeViolations(coordinator);
      await stepIfOffered(coordinator, 'Aanmelden weer openen');
    });

    // Welzijn Lindewaard's partner admin registers two activities.
    await signIn(page, welzijnAdmin, '/p/lindewaard');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn organisatie' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Welzijn Lindewaard' })).toBeVisible();
    await expectNoAxeViolations(page);
    const activities = `${new URL(page.url()).pathname}/activities`;
    await page.goto(activities);
    await expect(page.getByRole('heading', { level: 1, name: 'Activiteiten van Welzijn Lindewaard' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(`${activities}/new?year=${YEAR}`);
    await expect(page.getByRole('heading', { level: 1, name: `Activiteit aanmelden voor ${YEAR}` })).toBeVisible();
    await expect(page.getByText('deze naam staat in de gepubliceerde agenda')).toBeVisible();
    await expectNoAxeViolations(page);

    // An end before the start: refused, with the error summary and the input kept.
    expect(await registerActivity(page, { title: titles[0]!, indicator: 'Bezoekers', target: '150', startsOn: `${YEAR}-06-01`, endsOn: `${YEAR}-03-01` })).toBe(400);
    const summary = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: /^Eindigt op: / })).toBeVisible();
    await expect(page.getByLabel('Naam van de activiteit')).toHaveValue(titles[0]!);
    await expect(page.getByRole('group', { name: 'Meetpunt 1' }).getByLabel('Doelwaarde')).toHaveValue('150');
    await expect(page.getByLabel('Eindigt op')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await page.getByLabel('Eindigt op').fill(`${YEAR}-12-31`);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/activities/new'));
    await page.getByRole('button', { name: 'Activiteit aanmelden' }).click();
    expect((await answer).status()).toBe(303);
    await expect(page.getByRole('status')).toContainText('De activiteit is aangemeld.');
    await expect(page.getByRole('link', { name: titles[0]!, exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`${activities}/new?year=${YEAR}`);
    await expectNoAxeViolations(page);
    expect(await registerActivity(page, { title: titles[1]!, indicator: 'Huisbezoeken', target: '80', startsOn: `${YEAR}-01-15`, endsOn: `${YEAR}-10-31` })).toBe(303);
    await expect(page.getByRole('link', { name: titles[1]!, exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // The coordinator locks registration and publishes the compiled agenda.
    await asCoordinator(browser, baseURL!, javaScriptEnabled, `/p/lindewaard/agenda/${YEAR}/manage`, async (coordinator) => {
      await stepIfOffered(coordinator, 'Aanmelden sluiten');
      await stepIfOffered(coordinator, 'Agenda publiceren');
      await expect(coordinator.getByRole('main')).toContainText('Aanmelden gesloten');
      await expect(coordinator.getByRole('main')).toContainText('Gepubliceerd op');
    });
  });

  // A visitor, not signed in, reads the agenda.
  await asOtherPerson(browser, { baseURL: baseURL!, javaScriptEnabled }, async (visitor) => {
    await visitor.goto('/p/lindewaard/agenda');
    await expectNoAxeViolations(visitor);
    await visitor.getByRole('link', { name: String(YEAR), exact: true }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: `Lokale Sociale Agenda ${YEAR}` })).toBeVisible();
    for (const title of titles) await expect(visitor.getByRole('link', { name: title, exact: true })).toBeVisible();
    await expect(visitor.getByText('Concept:')).toHaveCount(0);
    await expectNoAxeViolations(visitor);

    await visitor.getByRole('link', { name: 'Per partner' }).click();
    await expect(visitor).toHaveURL(/by=partner/);
    await expect(visitor.getByRole('heading', { level: 2, name: 'Welzijn Lindewaard' })).toBeVisible();
    await expectNoAxeViolations(visitor);

    await visitor.getByRole('link', { name: titles[0]!, exact: true }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: titles[0]! })).toBeVisible();
    await expect(visitor.getByRole('table', { name: 'Wat we meten' })).toContainText('Bezoekers');
    await expectNoAxeViolations(visitor);

    const pdf = await visitor.request.get(`/p/lindewaard/agenda/${YEAR}/agenda.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    mkdirSync('.test-work', { recursive: true });
    writeFileSync(`.test-work/agenda-${project}.pdf`, bytes);
  });
});
