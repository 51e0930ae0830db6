// After five wrong passwords for one e-mail address, the sign-in form refuses that address for a
// while and says for how many minutes, even with the right password. The answer is the same
// whether or not an account exists (OWASP: no account enumeration). The real account locked here
// is invited in the journey itself, so no account another journey needs gets locked.
// That the lock is lifted after LOGIN_LOCKOUT_MINUTES cannot be waited for in a browser test: the
// database tests cover it with a controlled clock (src/modules/accounts/sign-in-throttle.db.test.ts).
// Every failure here also counts for the network address (all browser tests come from 127.0.0.1),
// so the browser-test server raises LOGIN_MAX_FAILURES_PER_ADDRESS (playwright.config.ts); the
// per-address limit is tested in src/modules/accounts/sign-in-throttle.db.test.ts.
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, submitSignInForm } from './support/accounts.ts';
import { invitedPerson } from './support/invited-person.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

test('five wrong passwords for an address without an account lock it: the sixth attempt shows the lock-out with the minutes to wait', async ({ page }, testInfo) => {
  // An address of this run and project alone: the count is per address typed.
  const email = `onbekend-${testInfo.project.name}-${randomBytes(4).toString('hex')}@lindewaard.example`;
  const summary = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });

  await page.goto('/login');
  await expectNoAxeViolations(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    expect(await submitSignInForm(page, email, `verkeerd wachtwoord ${attempt}`), `attempt ${attempt}`).toBe(401);
    await expect(summary).toContainText('Het e-mailadres of het wachtwoord klopt niet.');
    await expect(summary).not.toContainText('te vaak');
    await expectNoAxeViolations(page);
  }

  // The sixth attempt is not even checked: the address is locked, whatever the password.
  expect(await submitSignInForm(page, email, DEMO_PASSWORD)).toBe(429);
  await expect(summary).toContainText(/Er is te vaak een verkeerd wachtwoord gebruikt\. Probeer het over \d+ minuten opnieuw\./);
  await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
  await expect(page.getByText(/Ingelogd als/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('five wrong passwords lock a real account: the sixth attempt, with the right password, shows the same lock-out', async ({ page, browser, baseURL, javaScriptEnabled }, testInfo) => {
  test.setTimeout(150_000);
  const who = await invitedPerson(browser, { javaScriptEnabled, baseURL: baseURL!, prefix: `slot-${testInfo.project.name}` });
  const summary = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });

  await page.goto('/login');
  await expectNoAxeViolations(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    expect(await submitSignInForm(page, who.email, `verkeerd wachtwoord ${attempt}`), `attempt ${attempt}`).toBe(401);
    await expect(summary).toContainText('Het e-mailadres of het wachtwoord klopt niet.');
    await expectNoAxeViolations(page);
  }

  expect(await submitSignInForm(page, who.email, who.password)).toBe(429);
  await expect(summary).toContainText(/Er is te vaak een verkeerd wachtwoord gebruikt\. Probeer het over \d+ minuten opnieuw\./);
  await expect(page.getByText(/Ingelogd als/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The lock is on the account, not on this browser: a fresh page without cookies is refused too.
  await page.context().clearCookies();
  await page.goto('/login');
  await expectNoAxeViolations(page);
  expect(await submitSignInForm(page, who.email, who.password)).toBe(429);
  await expect(summary).toContainText('Er is te vaak een verkeerd wachtwoord gebruikt.');
  await expectNoAxeViolations(page);
});
