// The pact's shape: a visitor reads the partner list, a partner page and the covenant; the pact
// coordinator edits the pact's profile and a pillar; Welzijn Lindewaard's partner admin records a
// representative, who then shows on the public partner page. Both projects (js, no-js) run against
// one server: every name is unique per run, and the shared profile is saved under a lock.
import { lindewaardCoordinator, signIn, welzijnAdmin } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { exclusively } from './support/lock.ts';

test('a visitor reads the partners, a partner page and the covenant', async ({ page }) => {
  await page.goto('/p/lindewaard');
  await expectNoAxeViolations(page);
  await page.getByRole('navigation', { name: 'Meer over dit pact' }).getByRole('link', { name: 'Partners' }).click();
  await expect(page).toHaveURL('/p/lindewaard/partners');
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Soort organisatie').selectOption('welfare');
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(/kind=welfare/);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Welzijn Lindewaard' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welzijn Lindewaard' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Vertegenwoordigers' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/p/lindewaard/covenant');
  await expect(page.getByRole('heading', { level: 1, name: 'Convenant' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the coordinator edits the pact profile and a pillar', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const mission = `Niemand in Lindewaard leeft in armoede (${stamp}).`;
  await signIn(page, lindewaardCoordinator, '/p/lindewaard');

  await exclusively('lindewaard-pact-profile', async () => {
    await page.goto('/p/lindewaard/profile');
    await expect(page.getByRole('heading', { level: 1, name: 'Profiel van het pact' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Stip op de horizon').fill(mission);
    await page.getByLabel('In welk jaar?').fill('2035');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De wijzigingen zijn opgeslagen.');
    await expectNoAxeViolations(page);
    await page.goto('/p/lindewaard');
    await expect(page.getByText(mission)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  // A pillar of this run, added and then edited.
  const title = `Samen koken (${stamp})`;
  await page.goto('/p/lindewaard/pillars');
  await expect(page.getByRole('heading', { level: 1, name: 'Pijlers en paden' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Beschrijving').fill('Buurtmaaltijden voor wie het krap heeft.');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText('De pijler is toegevoegd.');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Pijler: ${title}` })).toBeVisible();
  await expectNoAxeViolations(page);
  // A weight of 0 is refused, with what was typed kept.
  await page.getByLabel('Beschrijving').fill('Buurtmaaltijden en een kookcursus.');
  await page.getByLabel('Gewicht').fill('0');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toBeVisible();
  await expect(page.getByLabel('Beschrijving')).toHaveValue('Buurtmaaltijden en een kookcursus.');
  await expectNoAxeViolations(page);
  await page.getByLabel('Gewicht').fill('1,5');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De wijzigingen zijn opgeslagen.');
  await expect(page.getByLabel('Gewicht')).toHaveValue('1.50');
  await expectNoAxeViolations(page);
  // Archived: it stays readable here, and leaves the home page.
  await page.getByRole('button', { name: 'Archiveren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De pijler is gearchiveerd.' })).toBeVisible();
  await expect(page.getByText('Deze pijler is gearchiveerd')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/p/lindewaard');
  await expect(page.getByText(title)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the partner admin of Welzijn Lindewaard records a representative', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const name = `Fatima El Amrani (${testInfo.project.name}-${Date.now()})`;
  await signIn(page, welzijnAdmin, '/p/lindewaard');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn organisatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welzijn Lindewaard' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Vertegenwoordigers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vertegenwoordigers van Welzijn Lindewaard' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Functie').fill('Directeur-bestuurder');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText('De vertegenwoordiger is toegevoegd.');
  await expect(page.getByRole('table', { name: 'Vertegenwoordigers' }).getByRole('row').filter({ hasText: name })).toContainText('Directeur-bestuurder');
  await expectNoAxeViolations(page);
  const organisationUrl = page.url().replace(/\/representatives$/, '');
  const id = organisationUrl.split('/').pop()!;
  await page.goto(`/p/lindewaard/partners/${id}`);
  await expect(page.getByText(name)).toBeVisible();
  await expectNoAxeViolations(page);
});
