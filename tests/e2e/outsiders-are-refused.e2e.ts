// People see only what their role in the pact allows: another organisation's admin cannot edit
// Welzijn Lindewaard, another pact's coordinator cannot see Lindewaard's members' pages, and a
// visitor without an account is asked to sign in.
import type { Page, Response } from '@playwright/test';
import { deLindeAdmin, hagedoornCoordinator, signIn } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

/** The 403 page: says what happened, gives the request id to quote, and shows no internals. */
async function expectForbiddenPage(page: Page, response: Response | null): Promise<void> {
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'U heeft hier geen toegang toe' })).toBeVisible();
  const requestId = response!.headers()['x-request-id'];
  expect(requestId).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
  await expect(page.getByRole('main')).toContainText(`Foutcode: ${requestId}`);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\bat .+:\d+:\d+|node:internal|node_modules|\.tsx?\b|Error:|stack/i);
  await expectNoAxeViolations(page);
}

test('a partner admin of another organisation gets the no-access page on Welzijn Lindewaard\'s edit form', async ({ page }) => {
  await signIn(page, deLindeAdmin, '/p/lindewaard');

  // As a member of the pact she may read the profile, but it offers her no way to edit it.
  await page.goto('/p/lindewaard/organisations');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Welzijn Lindewaard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welzijn Lindewaard' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Profiel wijzigen' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const response = await page.goto(`${page.url()}/edit`);
  await expectForbiddenPage(page, response);
  await expect(page.getByLabel('Wat doet de organisatie?')).toHaveCount(0);
});

test('the coordinator of another pact gets the no-access page on Lindewaard\'s organisations', async ({ page }) => {
  await signIn(page, hagedoornCoordinator, '/p/hagedoorn');
  const response = await page.goto('/p/lindewaard/organisations');
  await expectForbiddenPage(page, response);
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('a visitor without an account is sent to the sign-in form for Lindewaard\'s organisations', async ({ page }) => {
  await page.goto('/p/lindewaard/organisations');
  await expect(page).toHaveURL('/login?next=%2Fp%2Flindewaard%2Forganisations');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
