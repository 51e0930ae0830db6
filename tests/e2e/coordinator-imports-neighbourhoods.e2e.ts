// The coordinator reads neighbourhoods in from a CSV file: the upload only queues the file, the
// app's job worker reads it, and the job page (which refreshes itself with JavaScript, or through
// its link without) shows the report; a file with an error saves nothing, a good one is saved.
// Both projects (js, no-js) run against one server: codes are unique per run.
import { lindewaardCoordinator, signIn } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

/**
 * Holds the job page's progress polls until the returned function is called. With JavaScript a
 * poll that finds the report reloads the page; held, the page stays as it is while axe reads it,
 * however fast the worker is. Installed before the upload, so even the first poll waits.
 */
async function holdPolls(page: import('@playwright/test').Page): Promise<() => Promise<void>> {
  const pattern = '**/api/p/*/imports/*';
  let open = false;
  const waiting: Array<() => void> = [];
  await page.route(pattern, async (route) => {
    if (!open) await new Promise<void>((resolve) => waiting.push(resolve));
    await route.continue();
  });
  // Released, the handler lets every poll through at once. It stays installed: removing it while a
  // held poll is still being handled would let Playwright answer that poll first.
  return async () => {
    open = true;
    for (const resolve of waiting.splice(0)) resolve();
  };
}

/**
 * Waits on the job page until the worker has read the file: with JavaScript the page updates
 * itself; without, the person follows the refresh link (every page so reached is checked too).
 */
async function waitForReport(page: import('@playwright/test').Page, javaScriptEnabled: boolean, releasePolls: () => Promise<void>) {
  await expectNoAxeViolations(page);
  await releasePolls();
  const reading = page.getByText('Bezig met lezen');
  for (let i = 0; i < 60 && (await reading.isVisible()); i++) {
    if (javaScriptEnabled) {
      await page.waitForTimeout(500);
    } else {
      await page.waitForTimeout(500);
      await page.getByRole('link', { name: 'Vernieuw de voortgang' }).click();
      await expectNoAxeViolations(page);
    }
  }
  await expect(reading).toBeHidden({ timeout: 30_000 });
}

test('a file with an error saves nothing; the corrected file is read by the job worker and saved', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.name === 'js';
  const prefix = `E${js ? 'J' : 'N'}${Date.now().toString(36).slice(-5).toUpperCase()}`;
  await signIn(page, lindewaardCoordinator, '/p/lindewaard/neighbourhoods');
  await expect(page.getByRole('heading', { level: 1, name: 'Wijken' })).toBeVisible();

  // A code twice in one file: a row error, nothing saved.
  await page.getByLabel('CSV-bestand').setInputFiles({
    name: 'wijken-fout.csv', mimeType: 'text/csv', buffer: Buffer.from(`code;naam\n${prefix}1;Noordrand\n${prefix}1;Zuidrand\n`),
  });
  let releasePolls = await holdPolls(page);
  await page.getByRole('button', { name: 'Bestand inlezen' }).click();
  await expect(page).toHaveURL(/\/p\/lindewaard\/imports\/[0-9a-f-]{36}$/);
  await waitForReport(page, js, releasePolls);
  await expect(page.getByText('Niet ingelezen: er zijn fouten').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Fouten per regel' })).toContainText('Deze code staat al in regel 2.');
  await expect(page.getByRole('button', { name: 'Alles opslaan' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The corrected file: read, checked, then saved by the coordinator.
  await page.goto('/p/lindewaard/neighbourhoods');
  await expectNoAxeViolations(page);
  await page.getByLabel('CSV-bestand').setInputFiles({
    name: 'wijken.csv', mimeType: 'text/csv', buffer: Buffer.from(`code;naam\n${prefix}1;Noordrand\n${prefix}2;Zuidrand\n`),
  });
  releasePolls = await holdPolls(page);
  await page.getByRole('button', { name: 'Bestand inlezen' }).click();
  await waitForReport(page, js, releasePolls);
  await expect(page.getByText('Gecontroleerd').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Alles opslaan' }).click();
  await expect(page.getByText('Ingelezen').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/p/lindewaard/neighbourhoods');
  await expect(page.getByText(`${prefix}2`)).toBeVisible();
  await expect(page.getByText('Zuidrand').first()).toBeVisible();
  await expectNoAxeViolations(page);
});
