// A partner admin keeps the profile of their own organisation up to date; a form with mistakes
// comes back with an error summary that links to each field and keeps everything typed.
import { welzijnAdmin, signIn } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { exclusively } from './support/lock.ts';
import type { Page } from '@playwright/test';

/** From the dashboard through "Mijn organisatie" to the profile of Welzijn Lindewaard. */
async function openOwnOrganisation(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn organisatie' }).click();
  await expect(page).toHaveURL(/\/p\/lindewaard\/organisations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Welzijn Lindewaard' })).toBeVisible();
  await expectNoAxeViolations(page);
}

async function openEditForm(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Profiel wijzigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profiel van Welzijn Lindewaard wijzigen' })).toBeVisible();
  await expectNoAxeViolations(page);
}

test('the partner admin edits the description and website of their organisation and sees them saved', async ({ page }, testInfo) => {
  // Both projects edit the same organisation on one server: values unique to this test run.
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const description = `Maatschappelijk werk, ouderenwerk en het Schakelpunt (${stamp}).`;
  const website = `https://${stamp}.welzijn.lindewaard.example`;

  await signIn(page, welzijnAdmin, '/p/lindewaard');
  await openOwnOrganisation(page);
  const profileUrl = page.url();

  // From reading the form's version to seeing the saved profile, the other project must not save.
  await exclusively('welzijn-lindewaard-profile', async () => {
    await openEditForm(page);
    await page.getByLabel('Wat doet de organisatie?').fill(description);
    await page.getByLabel('Website').fill(website);
    await page.getByRole('button', { name: 'Opslaan' }).click();

    await expect(page).toHaveURL(profileUrl);
    await expect(page.getByRole('status')).toContainText('De wijzigingen zijn opgeslagen.');
    await expect(page.getByText(description)).toBeVisible();
    await expect(page.getByRole('link', { name: website })).toHaveAttribute('href', website);
    await expectNoAxeViolations(page);
  });

  // The saved values are what the form offers next time.
  await openEditForm(page);
  await expect(page.getByLabel('Wat doet de organisatie?')).toHaveValue(description);
  await expect(page.getByLabel('Website')).toHaveValue(website);
});

test('a name left empty and a wrong e-mail address come back in an error summary that links to both fields and keeps all typed values', async ({ page }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const typed = {
    description: `Tekst die bewaard moet blijven (${stamp}).`,
    website: `https://bewaard-${stamp}.example`,
    email: 'geen-e-mailadres',
    phone: '0599 765 432',
    address: `Molenweg ${stamp.length}, 7799 AC Lindewaard`,
  };

  await signIn(page, welzijnAdmin, '/p/lindewaard');
  await openOwnOrganisation(page);
  await openEditForm(page);

  await page.getByLabel('Naam', { exact: true }).fill('');
  await page.getByLabel('Soort organisatie').selectOption('volunteer_group');
  await page.getByLabel('Wat doet de organisatie?').fill(typed.description);
  await page.getByLabel('Website').fill(typed.website);
  await page.getByLabel('E-mailadres').fill(typed.email);
  await page.getByLabel('Telefoonnummer').fill(typed.phone);
  await page.getByLabel(/^Adres/).fill(typed.address);
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && /\/edit$/.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: 'Opslaan' }).click();
  expect((await answered).status()).toBe(400);

  const summary = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const toName = summary.getByRole('link', { name: 'Naam: Vul dit veld in.' });
  const toEmail = summary.getByRole('link', { name: 'E-mailadres: Vul een e-mailadres in, zoals naam@voorbeeld.nl.' });
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expectNoAxeViolations(page);

  // Every value is still there, the wrong ones included, so only the mistakes need fixing.
  const name = page.getByLabel('Naam', { exact: true });
  const email = page.getByLabel('E-mailadres');
  await expect(name).toHaveValue('');
  await expect(page.getByLabel('Soort organisatie')).toHaveValue('volunteer_group');
  await expect(page.getByLabel('Wat doet de organisatie?')).toHaveValue(typed.description);
  await expect(page.getByLabel('Website')).toHaveValue(typed.website);
  await expect(email).toHaveValue(typed.email);
  await expect(page.getByLabel('Telefoonnummer')).toHaveValue(typed.phone);
  await expect(page.getByLabel(/^Adres/)).toHaveValue(typed.address);

  // Each field says what is wrong with it, in a way assistive technology reads out.
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Vul dit veld in.');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Vul een e-mailadres in, zoals naam@voorbeeld.nl.');

  for (const [link, field] of [[toName, name], [toEmail, email]] as const) {
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^#.+/);
    // The link's target is the field itself.
    await expect(page.locator(href!)).toHaveCount(1);
    expect(await page.locator(href!).getAttribute('name')).toBe(await field.getAttribute('name'));
    // Following the link puts the cursor in the field (the browser does this for a link to a form
    // control, with or without JavaScript).
    await link.click();
    await expect(field).toBeFocused();
  }

  // Nothing was saved: the profile still has its own name.
  await page.getByRole('link', { name: 'Annuleren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welzijn Lindewaard' })).toBeVisible();
  await expect(page.getByText(typed.description)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
