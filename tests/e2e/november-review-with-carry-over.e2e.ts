// The November review with carry-over: Welzijn Lindewaard's partner admin looks back on one of
// Welzijn's unfinished 2026 activities (first with a result but no status: the error summary, the
// input kept; then properly), carries it over to 2027 (the coordinator opens 2027 first when no
// other journey has), sees the link back from the carried activity, and reads the results page
// with the pie of commitments and its data table. Both projects run against one server: each
// picks an activity that has not been carried over yet.
import type { Page } from '@playwright/test';
import { lindewaardCoordinator, signIn, welzijnAdmin } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { exclusively } from './support/lock.ts';

/**
 * The coordinator opens 2027 on the agenda page, unless it is open already (another journey may
 * have done so), and signs out again.
 */
async function ensure2027IsOpen(page: Page): Promise<void> {
  await signIn(page, lindewaardCoordinator, '/p/lindewaard/agenda');
  if (await page.getByRole('link', { name: '2027', exact: true }).count() === 0) {
    await page.getByLabel('Jaar', { exact: true }).fill('2027');
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/p/lindewaard/agenda');
    await page.getByRole('button', { name: 'Jaar openen' }).click();
    // 303 when this journey opened it, 409 when another one just did.
    expect([303, 409]).toContain((await answer).status());
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
  }
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL('/');
  await expectNoAxeViolations(page);
}

async function openWelzijnOverview(page: Page): Promise<void> {
  await page.goto('/p/lindewaard/agenda/2026/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Terugblik 2026' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Partner').selectOption({ label: 'Welzijn Lindewaard' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/organisation=/);
  await expectNoAxeViolations(page);
}

test('the partner admin reviews an unfinished 2026 activity, carries it over to 2027 and reads the results', async ({ page }) => {
  test.setTimeout(150_000);
  await ensure2027IsOpen(page);

  await signIn(page, welzijnAdmin, '/p/lindewaard');

  // Choosing and carrying over in one go, so that the two projects never pick the same activity.
  await exclusively('review-carry-over-welzijn-2026', async () => {
    await openWelzijnOverview(page);
    const table = page.getByRole('table', { name: 'Terugblik 2026' });
    const carryLinks = table.getByRole('link', { name: / meenemen$/ });
    expect(await carryLinks.count(), 'Welzijn Lindewaard has an unfinished 2026 activity that was not carried over yet').toBeGreaterThan(0);
    const title = (await carryLinks.first().textContent())!.replace(/ meenemen$/, '').trim();

    await table.getByRole('link', { name: `Terugblikken op ${title}`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Terugblik: ${title}` })).toBeVisible();
    await expectNoAxeViolations(page);

    // A result and a story, but no status: refused with a clear message, the input kept.
    const result = page.locator('input[name^="result-"]').first();
    const hasIndicator = (await result.count()) > 0;
    if (hasIndicator) await result.fill('12');
    await page.getByLabel(/^Kort verhaal/).fill('Goed op weg, maar nog niet klaar.');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/review'));
    await page.getByRole('button', { name: 'Terugblik opslaan' }).click();
    expect((await refused).status()).toBe(400);
    const summary = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: /^Stand: U vulde een resultaat of verhaal in, maar geen stand\./ })).toBeVisible();
    await expect(page.getByLabel('Stand', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    if (hasIndicator) await expect(page.locator('input[name^="result-"]').first()).toHaveValue('12');
    await expect(page.getByLabel(/^Kort verhaal/)).toHaveValue('Goed op weg, maar nog niet klaar.');
    await expectNoAxeViolations(page);

    // Properly: the status is kept in the history.
    await page.getByLabel('Stand', { exact: true }).selectOption({ label: 'Vertraagd' });
    await page.getByRole('button', { name: 'Terugblik opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De terugblik is opgeslagen.');
    const history = page.getByRole('table', { name: 'Eerdere terugblikken' });
    await expect(history.getByRole('row').nth(1)).toContainText('Vertraagd');
    await expect(history.getByRole('row').nth(1)).toContainText('Goed op weg, maar nog niet klaar.');
    await expectNoAxeViolations(page);
    const originUrl = page.url();

    // Carry over to 2027, with the whole year as the period.
    await page.getByRole('link', { name: 'Meenemen naar 2027' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${title} meenemen naar 2027` })).toBeVisible();
    await expect(page.getByLabel('Begindatum')).toHaveValue('2027-01-01');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Meenemen naar 2027' }).click();
    await expect(page.getByRole('status')).toContainText('De activiteit staat nu ook in het volgende jaar.');
    await expect(page.getByRole('heading', { level: 1, name: `Terugblik: ${title}` })).toBeVisible();
    await expect(page).not.toHaveURL(originUrl);
    await expectNoAxeViolations(page);

    // The carried activity links back to where it came from, and that one forward.
    await page.getByRole('link', { name: 'Deze activiteit komt uit 2026' }).click();
    await expect(page).toHaveURL(originUrl);
    await expect(page.getByRole('link', { name: 'Deze activiteit gaat verder in 2027' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Meenemen naar 2027' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  // The results of 2026: progress per pillar and the pie of commitments with its data table.
  await page.goto('/p/lindewaard/agenda/2026/results');
  await expect(page.getByRole('heading', { level: 1, name: 'Resultaten 2026' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Taart van engagementen' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Activiteiten per partner/ })).toBeVisible();
  const partnerTable = page.getByRole('table', { name: 'Activiteiten per partner in cijfers' });
  await expect(partnerTable.getByRole('row').filter({ hasText: 'Welzijn Lindewaard' })).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Activiteiten per pijler in cijfers' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Voortgang van het hele pact' })).toBeVisible();
  await expectNoAxeViolations(page);
});
