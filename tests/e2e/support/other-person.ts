// A second person in a journey (the system administrator reading mail, a coordinator inviting
// someone) works in a browser context of their own, with or without JavaScript like the test's
// project. Every page they load is checked with axe, as on the test's own page.
import type { Browser, Page } from '@playwright/test';
import { trackDocuments, uncheckedDocuments } from './axe.ts';
import { expect } from './fixtures.ts';

export interface OtherPersonOptions {
  javaScriptEnabled: boolean;
  baseURL: string;
}

export async function asOtherPerson<T>(browser: Browser, options: OtherPersonOptions, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled,
    baseURL: options.baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  try {
    const page = await context.newPage();
    trackDocuments(page, options.javaScriptEnabled);
    const result = await work(page);
    expect(uncheckedDocuments(page), 'pages another person visited without an axe check').toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}
