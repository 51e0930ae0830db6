// Signing in through the real form, as a person would, with the demo accounts the app seeds.
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, demoAccounts } from '../../../src/app/seed-demo.ts';
import { expect, expectNoAxeViolations } from './fixtures.ts';
import { giveSecondFactor } from './second-factor.ts';

export { DEMO_PASSWORD };

function account(email: string): { email: string; displayName: string; totpSecret: string | null } {
  const found = demoAccounts.find((a) => a.email === email);
  if (!found) throw new Error(`${email} is not a demo account (src/app/seed-demo.ts)`);
  return found;
}

export const welzijnAdmin = account('beheer@welzijn.lindewaard.example');
export const deLindeAdmin = account('beheer@delinde.example');
export const hagedoornCoordinator = account('coordinator@hagedoorn.example');
export const lindewaardCoordinator = account('coordinator@lindewaard.example');

/** Opens the sign-in form (for `next`), signs in and waits for the page after it. Checks both pages with axe. */
export async function signIn(
  page: Page,
  who: { email: string; displayName: string; totpSecret?: string | null },
  next = '/',
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await expectNoAxeViolations(page);
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // People who see household data (and system administrators) give the code from their app.
  if (who.totpSecret) await giveSecondFactor(page, who.totpSecret, next);
  await expect(page).toHaveURL(next);
  await expect(page.getByText(`Ingelogd als ${who.displayName}`)).toBeVisible();
  await expectNoAxeViolations(page);
}

/** Fills the sign-in form on the current page and submits it; returns the HTTP status of the answer to the POST. */
export async function submitSignInForm(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const status = (await answered).status();
  await page.waitForLoadState('load');
  return status;
}
