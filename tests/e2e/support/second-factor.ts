// The second step of signing in, as a person does it: the code their authenticator app shows,
// computed here from the secret (the demo accounts' secrets are known; a journey that sets up a
// second factor reads the secret from the set-up page, as a person would type it into the app).
//
// A code is accepted once: the app refuses a time step it has already seen. Both projects may
// sign in the same account at the same time, so the steps each account used are kept in a file
// under a lock, and a sign-in waits for a fresh step when the last one is taken.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from '@playwright/test';
import { totpCode } from '../../../src/modules/accounts/index.ts';
import { expect, expectNoAxeViolations } from './fixtures.ts';
import { exclusively } from './lock.ts';

const STEP_MS = 30_000;

function stepFile(secret: string): string {
  const runDir = process.env.SP_E2E_RUN_DIR;
  if (!runDir) throw new Error('SP_E2E_RUN_DIR is not set: run the browser tests through playwright.config.ts');
  return join(runDir, `totp-step-${createHash('sha256').update(secret).digest('hex').slice(0, 16)}`);
}

/**
 * A code the app has not seen for this secret yet: the current step's, or the next step's (the app
 * accepts one step either side), or after waiting for the clock. Records the step as used.
 */
export async function freshCode(secret: string, use: (code: string) => Promise<void>): Promise<void> {
  await exclusively(`totp-${createHash('sha256').update(secret).digest('hex').slice(0, 16)}`, async () => {
    const file = stepFile(secret);
    const last = existsSync(file) ? Number(readFileSync(file, 'utf8')) : -1;
    let step = Math.max(Math.floor(Date.now() / STEP_MS), last + 1);
    // The next step's code is accepted already; a step further has to wait for the clock.
    while (step > Math.floor(Date.now() / STEP_MS) + 1) await sleep(500);
    // Close to the end of a step the code may be checked just after it: the window covers that.
    await use(totpCode(secret, new Date(step * STEP_MS + 1000)));
    writeFileSync(file, String(step));
  }, 120_000);
}

/** On the code page after the password: gives the code and waits for `next`. */
export async function giveSecondFactor(page: Page, secret: string, next: string): Promise<void> {
  await expect(page).toHaveURL(`/account/second-factor?next=${encodeURIComponent(next)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Vul uw code in' })).toBeVisible();
  await expectNoAxeViolations(page);
  await freshCode(secret, async (code) => {
    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(next);
  });
}

/** Reads the secret from the set-up page, as a person would type it into their app. */
export async function secretFromSetUpPage(page: Page): Promise<string> {
  const shown = await page.locator('.sp-secret').innerText();
  return shown.replaceAll(/\s/g, '');
}

/**
 * On the set-up page (after joining, or the first sign-in of someone who must use a second
 * factor): adds the secret to "the app", gives the first code, keeps the recovery codes and goes
 * on to `next`. Returns the secret and the recovery codes.
 */
export async function setUpSecondFactor(page: Page, next: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page).toHaveURL(`/account/second-factor?next=${encodeURIComponent(next)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Stel de tweede stap in' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR-code om Schakelpunt toe te voegen aan uw app' })).toBeVisible();
  await expectNoAxeViolations(page);
  const secret = await secretFromSetUpPage(page);
  await freshCode(secret, async (code) => {
    await page.getByLabel('Code uit de app').fill(code);
    await page.getByRole('button', { name: 'Code controleren' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Uw herstelcodes' })).toBeVisible();
  });
  const recoveryCodes = (await page.locator('.sp-recovery-codes code').allInnerTexts()).map((c) => c.trim());
  expect(recoveryCodes).toHaveLength(10);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Ik heb de codes bewaard, ga verder' }).click();
  await expect(page).toHaveURL(next);
  return { secret, recoveryCodes };
}
