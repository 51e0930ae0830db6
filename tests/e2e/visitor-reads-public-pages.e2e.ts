// A visitor without an account reads the public pages: the pacts, a pact's home page, in Dutch
// or English, on a small phone and with the keyboard.
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

test('the home page lists the pacts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Schakelpunt' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Pacten' })).toBeVisible();
  const pacts = page.getByRole('main').getByRole('listitem');
  await expect(pacts.getByRole('link', { name: 'Pact Samen Lindewaard' })).toHaveAttribute('href', '/p/lindewaard');
  await expect(pacts.getByRole('link', { name: 'Welzijnsschakel Hagedoorn' })).toHaveAttribute('href', '/p/hagedoorn');
  await expectNoAxeViolations(page);
});

test('a pact\'s home page is open to visitors', async ({ page }) => {
  await page.goto('/');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Pact Samen Lindewaard' }).click();
  await expect(page).toHaveURL('/p/lindewaard');
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Pact Samen Lindewaard' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Wie doen er mee' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Welzijn Lindewaard');
  await expect(page.getByRole('main')).toContainText('Woonstichting De Linde');
  // Members' parts stay hidden from visitors.
  await expect(page.getByRole('heading', { name: 'Uw werk in dit pact' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Organisaties' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the language switch shows the page in English', async ({ page, javaScriptEnabled }) => {
  await page.goto('/p/lindewaard');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expectNoAxeViolations(page);

  const switched = page.waitForURL((url) => url.pathname === '/p/lindewaard', { waitUntil: 'load' });
  await page.getByLabel('Kies een taal').selectOption('en');
  // With JavaScript the choice submits itself; without it, the button next to the menu does.
  if (!javaScriptEnabled) await page.getByRole('button', { name: 'Taal' }).click();
  await switched;

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Pact Samen Lindewaard' })).toHaveCount(0);
  await expect(page.getByLabel('Choose a language')).toHaveValue('en');
  await expectNoAxeViolations(page);
});

test('an unknown address shows the not-found page', async ({ page }) => {
  for (const path of ['/deze-pagina-bestaat-niet', '/p/bestaat-niet']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`Foutcode: ${response!.headers()['x-request-id']}`);
    await expect(page.getByRole('main').getByRole('link', { name: 'Naar de startpagina' })).toHaveAttribute('href', '/');
    await expectNoAxeViolations(page);
  }
});

test('on a 320 pixels wide screen the pages do not scroll sideways', async ({ page }) => {
  // WCAG 1.4.10 Reflow: 320 CSS pixels is 1280 pixels zoomed to 400 %.
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', '/p/lindewaard', '/login', '/deze-pagina-bestaat-niet', '/api/docs']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `scroll width of ${path}`).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);
  }
});

test('a developer reads the API reference, and a problem type links to its description', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { level: 1, name: 'API-naslag' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'GET /api/v1/pacts/{pact}/pillars' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Parameters van GET /api/v1/pacts/{pact}/pillars' })).toContainText('modified_after');
  await expect(page.getByRole('link', { name: '/api/openapi.json' })).toHaveAttribute('href', '/api/openapi.json');
  await expectNoAxeViolations(page);
  // The `type` of a problem is an address on this page.
  const problem = await page.request.get('/api/v1/pacts/bestaat-niet');
  expect(problem.status()).toBe(404);
  const { type } = (await problem.json()) as { type: string };
  await page.goto(type);
  await expect(page.locator(`#${type.split('#')[1]}`)).toContainText('not-found');
});

test('the skip link is the first thing the keyboard reaches and leads to the main content', async ({ page }) => {
  await page.goto('/p/lindewaard');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Ga naar de inhoud' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeVisible();
  await expect(skipLink).toHaveAttribute('href', '#main');
  await expect(page.locator('main#main')).toHaveCount(1);

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/p/lindewaard#main');
  await expect(page.locator('main#main')).toBeFocused();
});
