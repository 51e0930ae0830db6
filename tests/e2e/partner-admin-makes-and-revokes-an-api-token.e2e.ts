// A partner admin connects their organisation's own system to the pact: makes an API token (a form
// with a mistake comes back with the name kept), copies it from the page that shows it once, the
// system uses it, and the admin sees when it was last used and revokes it; from then on the API
// refuses it with problem details.
import { welzijnAdmin, signIn } from './support/accounts.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

test('the partner admin makes an API token, the organisation\'s system uses it, and the admin revokes it', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const name = `Registratiesysteem (${testInfo.project.name} ${Date.now()})`;

  await signIn(page, welzijnAdmin, '/p/lindewaard');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'API-koppelingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API-koppelingen van Welzijn Lindewaard' })).toBeVisible();
  await expectNoAxeViolations(page);

  // No right chosen: the form comes back with a summary, a message at the field, and the name kept.
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Pact: agenda, pijlers, partners en activiteiten').selectOption({ label: 'Geen toegang' });
  await page.getByRole('button', { name: 'Sleutel maken' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
  await expect(summary).toBeVisible();
  await expect(page.getByText('Kies voor ten minste één onderdeel "Lezen" of "Lezen en schrijven".').first()).toBeVisible();
  await expect(page.getByLabel('Naam')).toHaveValue(name);
  await expectNoAxeViolations(page);

  await page.getByLabel('Pact: agenda, pijlers, partners en activiteiten').selectOption({ label: 'Lezen' });
  await page.getByLabel('Geldig', { exact: true }).selectOption({ label: '30 dagen' });
  await page.getByRole('button', { name: 'Sleutel maken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw nieuwe API-sleutel' })).toBeVisible();
  const secret = await page.getByLabel(`API-sleutel "${name}"`).inputValue();
  expect(secret).toMatch(/^spk_[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(page);

  // The organisation's system calls the API with it (no cookie needed or read).
  const used = await page.request.get('/api/v1/pacts/lindewaard/pillars', { headers: { authorization: `Bearer ${secret}` } });
  expect(used.status()).toBe(200);
  expect(((await used.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

  // Back on the list: the token by its first characters only, with its last use; never the token itself.
  await page.getByRole('link', { name: 'Terug naar de API-koppelingen' }).click();
  const row = page.getByRole('table', { name: 'Sleutels van Welzijn Lindewaard' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`${secret.slice(0, 10)}…`);
  await expect(row).toContainText('pact: Lezen');
  await expect(row).not.toContainText('Nog niet gebruikt');
  await expect(page.getByRole('main')).not.toContainText(secret);
  await expectNoAxeViolations(page);

  await row.getByRole('button', { name: `Sleutel "${name}" intrekken` }).click();
  await expect(page.getByRole('status')).toContainText('De sleutel is ingetrokken.');
  await expect(page.getByRole('table', { name: 'Sleutels van Welzijn Lindewaard' }).getByRole('row').filter({ hasText: name })).toContainText('Ingetrokken');
  await expectNoAxeViolations(page);

  const refused = await page.request.get('/api/v1/pacts/lindewaard/pillars', { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.headers()['www-authenticate']).toContain('error="invalid_token"');
  const problem = (await refused.json()) as { type: string; detail: string };
  expect(problem.type).toBe('/api/docs#problem-unauthorized');
  expect(problem.detail).toContain('revoked');
});
