// A member sees where she is signed in, signs out her other devices, makes new recovery codes
// (with a code from her app), and finally signs out everywhere. The person is invited in the
// journey itself, so no demo account's sessions or codes change.
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { signIn } from './support/accounts.ts';
import { invitedPerson } from './support/invited-person.ts';
import { asOtherPerson } from './support/other-person.ts';
import { freshCode } from './support/second-factor.ts';

test('a member signs out her other devices, makes new recovery codes and signs out everywhere', async ({ page, browser, baseURL, javaScriptEnabled }, testInfo) => {
  test.setTimeout(180_000);
  const options = { javaScriptEnabled, baseURL: baseURL! };
  const who = await invitedPerson(browser, { ...options, prefix: `sessies-${testInfo.project.name}` });
  const person = { email: who.email, displayName: who.displayName, totpSecret: who.totpSecret };

  await signIn(page, person, '/account', who.password);
  await page.getByRole('link', { name: 'Waar ben ik ingelogd?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waar ben ik ingelogd?' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Uw sessies' })).toContainText('dit apparaat');
  await expectNoAxeViolations(page);

  // A second device: another browser signed in at the same time.
  await asOtherPerson(browser, options, async (laptop) => {
    await signIn(laptop, person, '/p/lindewaard', who.password);

    await page.reload();
    // This device, the laptop, and the browser she joined with: each can be signed out on its own.
    await expect(page.getByRole('table', { name: 'Uw sessies' }).getByRole('button', { name: 'Uitloggen' })).toHaveCount(2);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Uitloggen op alle andere apparaten' }).click();
    await expect(page.getByRole('status')).toContainText('U bent uitgelogd op het gekozen apparaat.');
    await expect(page.getByRole('table', { name: 'Uw sessies' }).getByRole('row')).toHaveCount(2);
    await expectNoAxeViolations(page);

    // The laptop's session is gone: a members' page asks to sign in again.
    await laptop.goto('/p/lindewaard/organisations');
    await expect(laptop).toHaveURL('/login?next=%2Fp%2Flindewaard%2Forganisations');
    await expectNoAxeViolations(laptop);
  });

  // New recovery codes, only with a code from the app.
  await page.goto('/account');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Tweede stap bij inloggen (code uit een app)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tweede stap bij inloggen' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Herstelcodes die u nog kunt gebruiken');
  await expectNoAxeViolations(page);
  await page.getByLabel('Code uit de app').fill('000000');
  await page.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toContainText('Deze code klopt niet.');
  await expectNoAxeViolations(page);
  await freshCode(who.totpSecret, async (code) => {
    await page.getByLabel('Code uit de app').fill(code);
    await page.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Uw herstelcodes' })).toBeVisible();
  });
  await expect(page.locator('.sp-recovery-codes code')).toHaveCount(10);
  await expectNoAxeViolations(page);

  // Everywhere, here too.
  await page.goto('/account/sessions');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Overal uitloggen, ook hier' }).click();
  await expect(page).toHaveURL('/login');
  await expect(page.getByRole('status')).toContainText('U bent overal uitgelogd.');
  await expect(page.getByText(/Ingelogd als/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
