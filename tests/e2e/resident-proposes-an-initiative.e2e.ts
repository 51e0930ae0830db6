// A resident without an account proposes an initiative through the public form, confirms it from
// the mail (opening the link shows a button; only pressing it confirms), the pact coordinator
// publishes it, and a visitor finds it in the public list filtered by its pillar. Runs once per
// project (js, no-js) against one server: title and e-mail address are unique per run.
import { randomBytes } from 'node:crypto';
import { lindewaardCoordinator, signIn } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { linkFromMailbox } from './support/mailbox.ts';

test('a resident proposes an initiative, confirms it from the mail, the coordinator publishes it and a visitor finds it by pillar', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const run = `${testInfo.project.name}-${randomBytes(3).toString('hex')}`;
  const title = `Buurtbibliotheek in de Lindehoeve (${run})`;
  const email = `bewoner-${run}@buurt.example`;

  await page.goto('/p/lindewaard/initiatives');
  await expect(page.getByRole('heading', { level: 1, name: 'Initiatieven' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Zelf een idee insturen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stuur een idee in' })).toBeVisible();
  await expectNoAxeViolations(page);

  // First without consent: refused, with the input kept.
  await page.getByLabel('Wat is uw idee?').fill(title);
  await page.getByLabel('Vertel meer over uw idee').fill('Een kast met boeken bij de speeltuin. Iedereen mag een boek pakken of brengen.');
  await page.getByLabel('Voor wie is het?').fill('Kinderen en ouders in de buurt');
  await page.getByLabel('In welke wijk?').selectOption({ label: 'Lindehoeve' });
  const pillarSelect = page.getByLabel('Bij welk thema past het?');
  await pillarSelect.selectOption({ index: 1 });
  const pillar = (await pillarSelect.locator('option:checked').textContent())!.trim();
  await page.getByLabel('Ruimte').check();
  await page.getByLabel('Kennis').check();
  await page.getByLabel('Uw naam').fill('Eva de Boer');
  await page.getByLabel('Uw e-mailadres').fill(email);
  const refused = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/initiatives/new'));
  await page.getByRole('button', { name: 'Idee insturen' }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toBeVisible();
  await expect(page.getByLabel('Wat is uw idee?')).toHaveValue(title);
  await expect(page.getByLabel('Ruimte')).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByLabel(/Ik vind het goed dat mijn naam/).check();
  await page.getByRole('button', { name: 'Idee insturen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' })).toBeVisible();
  await expectNoAxeViolations(page);

  const confirmLink = await linkFromMailbox({ to: email, subject: /^Bevestig uw idee/, pathPrefix: '/p/lindewaard/initiatives/confirm/' });
  await page.goto(confirmLink);
  await expect(page.getByRole('heading', { level: 1, name: 'Bevestig uw idee' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Ja, bevestig mijn idee' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw idee is bevestigd' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The coordinator publishes it.
  await signIn(page, lindewaardCoordinator, '/p/lindewaard/initiatives/moderation');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Beoordelen: ${title}` })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(email);
  await expectNoAxeViolations(page);
  await page.getByLabel('Besluit').selectOption({ label: 'Publiceren' });
  await page.getByRole('button', { name: 'Besluit opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('Het initiatief is gepubliceerd.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL('/');
  await expectNoAxeViolations(page);

  // A visitor finds it by its pillar; the proposer's e-mail address is not on the page.
  await page.goto('/p/lindewaard/initiatives');
  await expectNoAxeViolations(page);
  await page.getByRole('search').getByLabel('Bij welk thema past het?').selectOption({ label: pillar });
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/pillar=/);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Lindehoeve');
  await expect(page.getByRole('main')).toContainText(pillar);
  await expect(page.getByRole('main')).not.toContainText(email);
  await expectNoAxeViolations(page);
});
