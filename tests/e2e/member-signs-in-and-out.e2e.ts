// A member signs in with the form, works in the pact, and signs out again; a wrong password is
// refused with an error summary that keeps what can be kept.
import { DEMO_PASSWORD, welzijnAdmin } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { giveSecondFactor } from './support/second-factor.ts';

test('a partner admin signs in with the form, lands on the pact dashboard and signs out again', async ({ page }) => {
  await page.goto('/p/lindewaard');
  await expectNoAxeViolations(page);
  await expect(page.getByRole('heading', { name: 'Uw werk in dit pact' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL('/login?next=%2Fp%2Flindewaard');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('E-mailadres').fill(welzijnAdmin.email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // A partner admin sees household data: the password is followed by the code from the app.
  await giveSecondFactor(page, welzijnAdmin.totpSecret!, '/p/lindewaard');

  await expect(page).toHaveURL('/p/lindewaard');
  await expect(page.getByRole('heading', { level: 2, name: 'Uw werk in dit pact' })).toBeVisible();
  await expect(page.getByText(`Ingelogd als ${welzijnAdmin.displayName}`)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn organisatie' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible();
  await expect(page.getByText(/Ingelogd als/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The session has really ended: a members' page sends the browser to the sign-in form again.
  await page.goto('/p/lindewaard/organisations');
  await expect(page).toHaveURL('/login?next=%2Fp%2Flindewaard%2Forganisations');
  await expectNoAxeViolations(page);
});

test('a wrong password is refused with an error summary that keeps the e-mail address and empties the password', async ({ page }) => {
  await page.goto('/login');
  await expectNoAxeViolations(page);

  await page.getByLabel('E-mailadres').fill(welzijnAdmin.email);
  await page.getByLabel('Wachtwoord').fill('niet-het-goede-wachtwoord');
  const refused = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  expect((await refused).status()).toBe(401);

  const summary = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Het e-mailadres of het wachtwoord klopt niet.');
  await expect(page.getByLabel('E-mailadres')).toHaveValue(welzijnAdmin.email);
  await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
  await expect(page.getByText(/Ingelogd als/)).toHaveCount(0);
  // Focus on the summary makes a screen reader announce it and puts keyboard users right there;
  // it is set by the HTML (autofocus), so it holds without JavaScript too.
  expect(await page.evaluate(() => document.activeElement?.classList.contains('sp-error-summary'))).toBe(true);
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page);
});
