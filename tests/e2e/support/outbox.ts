// Mail in the browser tests: the test server has no SMTP_URL, so every mail lands in the
// development outbox. The system administrator reads it at /admin/outbox, in a browser context of
// her own, and the test follows the link in the mail: the product's own path, no mock.
import type { Browser } from '@playwright/test';
import { demoAccounts } from '../../../src/app/seed-demo.ts';
import { signIn } from './accounts.ts';
import { expect, expectNoAxeViolations } from './fixtures.ts';
import { asOtherPerson, type OtherPersonOptions } from './other-person.ts';

const systemAdmin = demoAccounts.find((a) => a.email === 'beheer@schakelpunt.example')!;

/**
 * Signs in as the system administrator, opens the newest mail to `to` in the outbox and returns
 * the address of the first link in it whose path starts with `pathPrefix`.
 */
export function linkFromNewestMail(
  browser: Browser,
  options: OtherPersonOptions & { to: string; pathPrefix: string; subject: string | RegExp },
): Promise<string> {
  return asOtherPerson(browser, options, async (page) => {
    await signIn(page, systemAdmin, '/admin/outbox');
    await expect(page.getByRole('heading', { level: 1, name: 'Uitgaande e-mail' })).toBeVisible();

    // The newest message comes first.
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: options.to, exact: true }) })
      .filter({ has: page.getByRole('link', { name: options.subject }) })
      .first();
    await expect(row).toBeVisible();
    await row.getByRole('link', { name: options.subject }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'E-mailbericht' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(options.to);
    await expectNoAxeViolations(page);

    const hrefs = await page.locator('.sp-mail-text a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const link = hrefs.find((href) => new URL(href).pathname.startsWith(options.pathPrefix));
    expect(link, `a link to ${options.pathPrefix}… in the mail to ${options.to} (links: ${hrefs.join(', ')})`).toBeTruthy();
    return link!;
  });
}
