// The pact coordinator invites a new colleague as admin of Woonstichting De Linde; the invitation
// mail (read in the development outbox) leads to a form where the invitee makes an account, and
// then works in the pact as the organisation's admin. A password that is easy to guess is refused
// first, with the name kept.
import { randomBytes } from 'node:crypto';
import { lindewaardCoordinator, signIn } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { linkFromNewestMail } from './support/outbox.ts';
import { setUpSecondFactor } from './support/second-factor.ts';

test('the coordinator invites a new partner admin for De Linde, who makes an account from the mail and can edit De Linde\'s profile', async ({ page, browser, baseURL, javaScriptEnabled }, testInfo) => {
  // Invitation journeys sign in several times and check every page: more than the default time.
  test.setTimeout(120_000);
  // A new address every run and project: the invitation must be for someone without an account.
  const email = `nieuw-${testInfo.project.name}-${randomBytes(4).toString('hex')}@delinde.example`;
  const name = `Ilse van der Veen (${testInfo.project.name})`;

  await signIn(page, lindewaardCoordinator, '/p/lindewaard');
  await page.goto('/p/lindewaard/organisations');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Woonstichting De Linde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Woonstichting De Linde' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Collega uitnodigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitnodigingen voor Woonstichting De Linde' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Rol').selectOption({ label: 'Beheerder van de organisatie' });
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('status')).toContainText('De uitnodiging is verstuurd.');
  const open = page.getByRole('table', { name: 'Uitnodigingen die nog openstaan' });
  await expect(open.getByRole('row').filter({ hasText: email })).toContainText('Beheerder van de organisatie');
  await expectNoAxeViolations(page);

  // The coordinator signs out: the link is for the invitee, who is nobody's session yet.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL('/');
  await expectNoAxeViolations(page);

  const link = await linkFromNewestMail(browser, { to: email, pathPrefix: '/invitations/', subject: 'Uitnodiging voor Pact Samen Lindewaard', javaScriptEnabled, baseURL: baseURL! });
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Uitnodiging voor Pact Samen Lindewaard' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Woonstichting De Linde');
  await expect(page.getByRole('main')).toContainText('Beheerder van de organisatie');
  await expect(page.getByRole('main')).toContainText(email);
  await expectNoAxeViolations(page);

  // A password that is easy to guess: refused, the name stays, the passwords do not.
  await page.getByLabel('Uw naam').fill(name);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('password1234');
  await page.getByLabel('Typ het wachtwoord nog een keer').fill('password1234');
  const refused = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/invitations/'));
  await page.getByRole('button', { name: 'Account maken en meedoen' }).click();
  expect((await refused).status()).toBe(400);
  const summary = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: /^Wachtwoord: / })).toBeVisible();
  await expect(page.getByLabel('Uw naam')).toHaveValue(name);
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('Wachtwoord', { exact: true }).fill('fietsen langs de Vecht 2026');
  await page.getByLabel('Typ het wachtwoord nog een keer').fill('fietsen langs de Vecht 2026');
  await page.getByRole('button', { name: 'Account maken en meedoen' }).click();
  // A partner admin sees household data: before anything else she sets up the second step.
  await expect(page.getByRole('status')).toContainText('Welkom! U doet nu mee aan dit pact.');
  await setUpSecondFactor(page, '/p/lindewaard');
  await expect(page.getByText(`Ingelogd als ${name}`)).toBeVisible();
  await expectNoAxeViolations(page);

  // As De Linde's admin she may edit its profile.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn organisatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Woonstichting De Linde' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Profiel wijzigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profiel van Woonstichting De Linde wijzigen' })).toBeVisible();
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Woonstichting De Linde');
  await expectNoAxeViolations(page);

  // The link worked once.
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1, name: 'Deze uitnodiging werkt niet meer' })).toBeVisible();
  await expectNoAxeViolations(page);
});
