// Accessibility: axe-core checks every page a test visits against WCAG 2.1 A and AA, and a
// violation fails the test. "Every page" is enforced, not hoped for: the page fixture counts the
// documents the browser loads, and a test that loaded one without checking it fails at the end.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Tracked {
  javaScriptEnabled: boolean;
  /** URL of each document the main frame loaded, in order. */
  documents: string[];
  /** Indexes into `documents` that were checked. */
  checked: Set<number>;
}

const tracked = new WeakMap<Page, Tracked>();

/** Starts counting the documents this page loads (a redirect chain counts once: its last page). */
export function trackDocuments(page: Page, javaScriptEnabled: boolean): void {
  const t: Tracked = { javaScriptEnabled, documents: [], checked: new Set() };
  tracked.set(page, t);
  page.on('domcontentloaded', () => t.documents.push(page.url()));
}

/** The documents a test loaded but never checked with axe. */
export function uncheckedDocuments(page: Page): string[] {
  const t = tracked.get(page);
  if (!t) return [];
  return t.documents.flatMap((url, i) => (t.checked.has(i) ? [] : [url]));
}

function analyze(page: Page) {
  // Legacy mode runs axe inside the page instead of merging per-frame results in an extra blank
  // page: about twice as fast, and the app has no frames (its CSP forbids framing too).
  return new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true).analyze();
}

interface Copier {
  page: Page;
  current: { url: string; html: string };
}

/** One JavaScript-enabled page per browser (so per worker) that shows copies of pages without JavaScript. */
const copiers = new WeakMap<Browser, Promise<Copier>>();

function copierFor(browser: Browser): Promise<Copier> {
  let copier = copiers.get(browser);
  if (!copier) {
    copier = (async () => {
      const context = await browser.newContext({ javaScriptEnabled: true });
      const page = await context.newPage();
      const c: Copier = { page, current: { url: '', html: '' } };
      await page.route('**/*', (route) => {
        const request = route.request();
        if (request.isNavigationRequest() && request.url() === c.current.url) {
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: c.current.html });
        }
        // The copy must be the page without JavaScript: none of the page's own scripts run.
        if (request.resourceType() === 'script') return route.abort();
        return route.continue();
      });
      return c;
    })();
    copiers.set(browser, copier);
  }
  return copier;
}

/**
 * A page without JavaScript cannot run axe: Chromium then runs no timer callbacks, and axe waits on
 * timers. So axe checks a copy: the page's current DOM, served at the same address with the same
 * stylesheet and viewport, in a page where only axe runs (the page's own scripts are blocked).
 * The DOM of a page without JavaScript is the server's HTML, so the copy is what that visitor gets.
 */
async function analyzeWithoutPageScripts(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error('axe needs the browser of the page to make a copy');
  const copier = await copierFor(browser);
  const url = new URL(page.url());
  url.hash = '';
  copier.current = { url: url.href, html: await page.content() };
  const viewport = page.viewportSize();
  if (viewport) await copier.page.setViewportSize(viewport);
  await copier.page.goto(url.href);
  return analyze(copier.page);
}

/** Runs axe on the page as it is now; fails with one readable line per violation and element. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // A test calls this after it has seen the new page; loading must also be over, so that the
  // document counted last is the one being checked.
  await page.waitForLoadState('load');
  const t = tracked.get(page);
  const results = t && !t.javaScriptEnabled ? await analyzeWithoutPageScripts(page) : await analyze(page);
  const found = results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${n.target.join(' ')} ${n.html}`),
  );
  expect(found, `axe (WCAG 2.1 AA) violations on ${page.url()}`).toEqual([]);
  if (t && t.documents.length > 0) t.checked.add(t.documents.length - 1);
}
