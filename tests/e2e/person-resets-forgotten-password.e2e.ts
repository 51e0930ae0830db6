// Someone who forgot their password asks for a link on the sign-in page, gets it by mail (read in
// the development outbox), chooses a new password and signs in with it; the old password and the
// used link no longer work.
import { submitSignInForm } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { invitedPerson } from './support/invited-person.ts';
import { linkFromNewestMail } from './support/outbox.ts';
import { giveSecondFactor } from './support/second-factor.ts';

test('a person resets a forgotten password with the link from the mail and signs in with the new one', async ({ page, browser, baseURL, javaScriptEnabled }, testInfo) => {
  test.setTimeout(150_000);
  // A person of this test alone (invited through the UI first): the journey changes the password,
  // which no demo account another journey signs in with may lose.
  const who = await invitedPerson(browser, { javaScriptEnabled, baseURL: baseURL!, prefix: `wachtwoord-${testInfo.project.name}` });
  const newPassword = `zomeravond aan de Linde ${testInfo.project.name} 2026`;

  await page.goto('/login');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page).toHaveURL('/password/forgot');
  await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Als er een account is met dit e-mailadres');
  await expectNoAxeViolations(page);

  const link = await linkFromNewestMail(browser, { to: who.email, pathPrefix: '/password/reset/', subject: 'Een nieuw wachtwoord kiezen voor Schakelpunt', javaScriptEnabled, baseURL: baseURL! });
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
  await page.getByLabel('Typ het nieuwe wachtwoord nog een keer').fill(newPassword);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page).toHaveURL('/login');
  await expect(page.getByRole('status')).toContainText('Uw wachtwoord is gewijzigd. Log in met uw nieuwe wachtwoord.');
  await expectNoAxeViolations(page);

  // The old password no longer works…
  expect(await submitSignInForm(page, who.email, who.password)).toBe(401);
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toContainText('Het e-mailadres of het wachtwoord klopt niet.');
  await expect(page.getByText(/Ingelogd als/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // …the new one does, with the code from the app as the second step (a reset never skips it).
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(newPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await giveSecondFactor(page, who.totpSecret, '/');
  await expect(page.getByText(`Ingelogd als ${who.displayName}`)).toBeVisible();
  await expectNoAxeViolations(page);

  // The link worked once.
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Vraag een nieuwe link aan' })).toHaveAttribute('href', '/password/forgot');
  await expectNoAxeViolations(page);
});
