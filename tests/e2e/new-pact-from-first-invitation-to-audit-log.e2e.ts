// The whole front door, as the people of a new pact go through it:
// the system administrator creates a pact and invites its first coordinator; the coordinator
// (from the mail, delivered over SMTP to the test server) makes an account, sets up the second
// step, adds a partner organisation and invites its admin; the partner admin joins the same way
// and invites a colleague; she forgets her password and resets it; later five wrong passwords
// lock her account, and the lock lifts after the configured time (LOGIN_LOCKOUT_MINUTES=1 on the
// browser-test server); and the audit log shows all of it.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from '@playwright/test';
import { demoAccounts } from '../../src/app/seed-demo.ts';
import { signIn, submitSignInForm } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { linkFromMailbox, mailCount } from './support/mailbox.ts';
import { asOtherPerson } from './support/other-person.ts';
import { giveSecondFactor, setUpSecondFactor } from './support/second-factor.ts';

const systemAdmin = demoAccounts.find((a) => a.email === 'beheer@schakelpunt.example')!;

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).first().click();
  await expect(page).toHaveURL('/');
  await expectNoAxeViolations(page);
}

/** From the invitation mail to a signed-in member with a second factor; returns the secret. */
async function joinFromMail(page: Page, email: string, pactName: string, name: string, password: string, slug: string): Promise<string> {
  const link = await linkFromMailbox({ to: email, subject: `Uitnodiging voor ${pactName}`, pathPrefix: '/invitations/' });
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: `Uitnodiging voor ${pactName}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Uw naam').fill(name);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByLabel('Typ het wachtwoord nog een keer').fill(password);
  await page.getByRole('button', { name: 'Account maken en meedoen' }).click();
  await expect(page.getByRole('status')).toContainText('Welkom! U doet nu mee aan dit pact.');
  const { secret } = await setUpSecondFactor(page, `/p/${slug}`);
  await expect(page.getByText(`Ingelogd als ${name}`)).toBeVisible();
  await expectNoAxeViolations(page);
  return secret;
}

test('a new pact: created, its coordinator and a partner admin join with a second factor, a colleague is invited, a password reset and a lock-out that lifts, all in the audit log', async ({ page, browser, baseURL, javaScriptEnabled }, testInfo) => {
  // Several people, mail over SMTP, and a lock-out of one minute to wait out.
  test.setTimeout(300_000);
  const tag = `${testInfo.project.name}-${randomBytes(3).toString('hex')}`;
  const slug = `beekdal-${tag}`;
  const pactName = `Pact Beekdal ${tag}`;
  const coordinator = { email: `coordinator-${tag}@beekdal.example`, name: `Ruben Koster (${tag})`, password: `de beek stroomt naar zee ${tag}` };
  const partnerAdmin = { email: `beheer-${tag}@buurtwerk-beekdal.example`, name: `Esra Demir (${tag})`, password: `koffie in het buurthuis ${tag}` };
  const colleague = `collega-${tag}@buurtwerk-beekdal.example`;
  const other = { javaScriptEnabled, baseURL: baseURL! };

  // 1. The system administrator creates the pact; a slug with spaces is refused first, input kept.
  await asOtherPerson(browser, other, async (admin) => {
    await signIn(admin, systemAdmin, '/admin');
    await admin.getByRole('link', { name: 'Pacten beheren: nieuw pact, schorsen en weer toelaten' }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Pacten' })).toBeVisible();
    await expectNoAxeViolations(admin);
    await admin.getByRole('link', { name: 'Nieuw pact maken' }).click();
    await expectNoAxeViolations(admin);
    await admin.getByLabel('Naam van het pact').fill(pactName);
    await admin.getByLabel('Korte naam in het webadres').fill('Beek Dal!');
    await admin.getByLabel('Gemeente of regio').fill('Beekdal');
    await admin.getByLabel('Land of gewest').selectOption({ label: 'Nederland' });
    await admin.getByLabel('E-mailadres van de eerste coördinator').fill(coordinator.email);
    await admin.getByRole('button', { name: 'Pact maken en coördinator uitnodigen' }).click();
    const summary = admin.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
    await expect(summary).toContainText('Gebruik alleen kleine letters, cijfers en streepjes.');
    await expect(admin.getByLabel('Naam van het pact')).toHaveValue(pactName);
    await expect(admin.getByLabel('E-mailadres van de eerste coördinator')).toHaveValue(coordinator.email);
    await expectNoAxeViolations(admin);
    await admin.getByLabel('Korte naam in het webadres').fill(slug);
    await admin.getByRole('button', { name: 'Pact maken en coördinator uitnodigen' }).click();
    await expect(admin.getByRole('status')).toContainText('Het pact is gemaakt en de coördinator is uitgenodigd.');
    await expect(admin.getByRole('main')).toContainText(pactName);
    await expectNoAxeViolations(admin);
  });

  // 2. The coordinator joins from the mail and sets up the second step.
  await joinFromMail(page, coordinator.email, pactName, coordinator.name, coordinator.password, slug);

  // …adds a partner organisation and invites its admin.
  await page.goto(`/p/${slug}/organisations`);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Organisatie toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerorganisatie toevoegen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Naam', { exact: true }).fill('Buurtwerk Beekdal');
  await page.getByLabel('Soort organisatie').selectOption({ label: 'Welzijnsorganisatie' });
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText('De organisatie is toegevoegd.');
  await expect(page.getByRole('heading', { level: 1, name: 'Buurtwerk Beekdal' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Collega uitnodigen' }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel('E-mailadres').fill(partnerAdmin.email);
  await page.getByLabel('Rol').selectOption({ label: 'Beheerder van de organisatie' });
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('status')).toContainText('De uitnodiging is verstuurd.');
  await expectNoAxeViolations(page);
  await signOut(page);

  // 3. The partner admin joins the same way and invites a colleague.
  const partnerSecret = await joinFromMail(page, partnerAdmin.email, pactName, partnerAdmin.name, partnerAdmin.password, slug);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn organisatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Buurtwerk Beekdal' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Collega uitnodigen' }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel('E-mailadres').fill(colleague);
  await page.getByLabel('Rol').selectOption({ label: 'Professional' });
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('status')).toContainText('De uitnodiging is verstuurd.');
  await expectNoAxeViolations(page);
  // The colleague's mail arrives with a link to join.
  expect(await linkFromMailbox({ to: colleague, subject: `Uitnodiging voor ${pactName}`, pathPrefix: '/invitations/' })).toContain('/invitations/');
  await signOut(page);

  // 4. She forgets her password: a link by mail, a new password, and the code as ever.
  const newPassword = `nieuwe fiets voor het buurthuis ${tag}`;
  const resetMailsBefore = mailCount(partnerAdmin.email);
  await page.goto('/password/forgot');
  await expectNoAxeViolations(page);
  await page.getByLabel('E-mailadres').fill(partnerAdmin.email);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' })).toBeVisible();
  await expectNoAxeViolations(page);
  const resetLink = await linkFromMailbox({ to: partnerAdmin.email, subject: 'Een nieuw wachtwoord kiezen voor Schakelpunt', pathPrefix: '/password/reset/', after: resetMailsBefore });
  await page.goto(resetLink);
  await expectNoAxeViolations(page);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
  await page.getByLabel('Typ het nieuwe wachtwoord nog een keer').fill(newPassword);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('Uw wachtwoord is gewijzigd.');
  await expectNoAxeViolations(page);
  await signIn(page, { email: partnerAdmin.email, displayName: partnerAdmin.name, totpSecret: partnerSecret }, `/p/${slug}`, newPassword);
  await signOut(page);

  // 5. Five wrong passwords lock her account; the right one is refused while it lasts…
  await page.goto('/login');
  await expectNoAxeViolations(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    expect(await submitSignInForm(page, partnerAdmin.email, `verkeerd ${attempt}`), `attempt ${attempt}`).toBe(401);
    await expectNoAxeViolations(page);
  }
  expect(await submitSignInForm(page, partnerAdmin.email, newPassword)).toBe(429);
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toContainText('Probeer het over 1 minuten opnieuw.');
  await expectNoAxeViolations(page);
  // …and lifts after the configured minute.
  await sleep(62_000);
  await signIn(page, { email: partnerAdmin.email, displayName: partnerAdmin.name, totpSecret: partnerSecret }, `/p/${slug}`, newPassword);
  await signOut(page);

  // 6. The audit log shows all of it: the administrator searches it by person.
  await asOtherPerson(browser, other, async (admin) => {
    await signIn(admin, systemAdmin, '/admin/audit');
    await expect(admin.getByRole('heading', { level: 1, name: 'Logboek doorzoeken' })).toBeVisible();
    await expectNoAxeViolations(admin);
    const results = admin.getByRole('table', { name: 'Gevonden regels, de nieuwste eerst' });
    const search = async (person: string, actions: string[]) => {
      await admin.getByLabel('Persoon').fill(person);
      await admin.getByRole('button', { name: 'Zoeken' }).click();
      for (const action of actions) await expect(results.getByRole('cell', { name: action, exact: true }).first(), `${person}: ${action}`).toBeVisible();
      await expectNoAxeViolations(admin);
    };
    await search(systemAdmin.email, ['pact.create']);
    await search(coordinator.email, ['invitation.accept', 'second-factor.enrol', 'organisation.create', 'invitation.create']);
    await search(partnerAdmin.email, [
      'invitation.accept', 'second-factor.enrol', 'invitation.create', 'password.reset-requested', 'password.reset',
      'session.locked-out', 'session.sign-in', 'session.second-factor',
    ]);
  });
});
