// The `test` every journey uses: Playwright's, with a page that must be checked by axe on every
// document it loads (see axe.ts).
import { test as base, expect } from '@playwright/test';
import { trackDocuments, uncheckedDocuments } from './axe.ts';

export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    trackDocuments(page, javaScriptEnabled);
    await use(page);
    expect(uncheckedDocuments(page), 'pages the test visited without calling expectNoAxeViolations').toEqual([]);
  },
});

export { expect };
export { expectNoAxeViolations } from './axe.ts';
