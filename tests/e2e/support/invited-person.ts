// A person of this run alone, for journeys that change or lock an account: the Lindewaard
// coordinator invites a new address as volunteer of Voedselbank Lindewaard, and the invitee makes
// an account from the mail. The full journey, with its checks, is
// coordinator-invites-partner-admin.e2e.ts; here it only prepares a person, through the same UI.
import { randomBytes } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { lindewaardCoordinator, signIn } from './accounts.ts';
import { expect, expectNoAxeViolations } from './fixtures.ts';
import { asOtherPerson, type OtherPersonOptions } from './other-person.ts';
import { linkFromNewestMail } from './outbox.ts';
import { setUpSecondFactor } from './second-factor.ts';

export interface InvitedPerson {
  email: string;
  displayName: string;
  password: string;
  /** A volunteer sees household data: the second factor is set up right after joining. */
  totpSecret: string;
}

/** Invites `<prefix>-<random>@voedselbank-lindewaard.example` and makes the account; not signed in afterwards. */
export async function invitedPerson(browser: Browser, options: OtherPersonOptions & { prefix: string }): Promise<InvitedPerson> {
  const tag = randomBytes(4).toString('hex');
  const person: InvitedPerson = {
    email: `${options.prefix}-${tag}@voedselbank-lindewaard.example`,
    displayName: `Vrijwilliger ${tag}`,
    password: `soep koken op dinsdag ${tag}`,
    totpSecret: '',
  };

  await asOtherPerson(browser, options, async (page) => {
    await signIn(page, lindewaardCoordinator, '/p/lindewaard/organisations');
    await page.getByRole('link', { name: 'Voedselbank Lindewaard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Voedselbank Lindewaard' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Collega uitnodigen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Uitnodigingen voor Voedselbank Lindewaard' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('E-mailadres').fill(person.email);
    await page.getByLabel('Rol').selectOption({ label: 'Vrijwilliger' });
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect(page.getByRole('status')).toContainText('De uitnodiging is verstuurd.');
    await expectNoAxeViolations(page);
  });

  const link = await linkFromNewestMail(browser, { ...options, to: person.email, pathPrefix: '/invitations/', subject: 'Uitnodiging voor Pact Samen Lindewaard' });

  await asOtherPerson(browser, options, async (page) => {
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Uitnodiging voor Pact Samen Lindewaard' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Uw naam').fill(person.displayName);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(person.password);
    await page.getByLabel('Typ het wachtwoord nog een keer').fill(person.password);
    await page.getByRole('button', { name: 'Account maken en meedoen' }).click();
    person.totpSecret = (await setUpSecondFactor(page, '/p/lindewaard')).secret;
    await expect(page.getByText(`Ingelogd als ${person.displayName}`)).toBeVisible();
    await expectNoAxeViolations(page);
  });
  return person;
}
