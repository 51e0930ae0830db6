import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPublic, mayChangeStoryStatus, parseStoryForm, publicationRefusal, visibilityAfterConsentChange, type Consent } from './story.ts';

const consent: Consent = { personName: 'Mevrouw A.', givenOn: '2026-11-01', method: 'written', scope: 'Website van het pact', withdrawnOn: null };

function form(entries: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
}

test('a story about a person is published publicly only with recorded, not withdrawn consent', () => {
  const base = { status: 'published' as const, visibility: 'public' as const, aboutPerson: true };
  assert.equal(publicationRefusal({ ...base, consent: null }), 'consent-missing');
  assert.equal(publicationRefusal({ ...base, consent: { ...consent, withdrawnOn: '2026-11-20' } }), 'consent-withdrawn');
  assert.equal(publicationRefusal({ ...base, consent }), null);
  // Internal publication, drafts and stories not about a person need no consent.
  assert.equal(publicationRefusal({ ...base, visibility: 'internal', consent: null }), null);
  assert.equal(publicationRefusal({ ...base, status: 'draft', consent: null }), null);
  assert.equal(publicationRefusal({ ...base, aboutPerson: false, consent: null }), null);
});

test('withdrawn consent takes a public story off the public site', () => {
  assert.equal(visibilityAfterConsentChange({ status: 'published', visibility: 'public', aboutPerson: true, consent: { ...consent, withdrawnOn: '2026-11-20' } }), 'internal');
  assert.equal(visibilityAfterConsentChange({ status: 'published', visibility: 'public', aboutPerson: true, consent }), null);
  assert.ok(isPublic({ status: 'published', visibility: 'public' }));
  assert.ok(!isPublic({ status: 'published', visibility: 'internal' }));
  assert.ok(!isPublic({ status: 'draft', visibility: 'public' }));
});

test('status transitions keep to the table', () => {
  assert.ok(mayChangeStoryStatus('draft', 'published'));
  assert.ok(mayChangeStoryStatus('published', 'withdrawn'));
  assert.ok(mayChangeStoryStatus('withdrawn', 'published'));
  assert.ok(mayChangeStoryStatus('withdrawn', 'draft'));
  assert.ok(!mayChangeStoryStatus('draft', 'withdrawn'));
  assert.ok(!mayChangeStoryStatus('published', 'draft'));
  assert.ok(!mayChangeStoryStatus('published', 'published'));
});

test('the story form: consent is all or nothing, dates not in the future, withdrawal after consent', () => {
  const story = { title: 'Hulp bij de energierekening', body: 'Het verhaal.', kind: 'goes_well', visibility: 'public', aboutPerson: 'yes' };
  const noConsent = parseStoryForm(form(story), '2026-11-23');
  assert.ok(noConsent.ok && noConsent.value.consent === null && noConsent.value.aboutPerson);
  const half = parseStoryForm(form({ ...story, personName: 'Mevrouw A.' }), '2026-11-23');
  assert.ok(!half.ok && half.errors.consentGivenOn && half.errors.consentMethod && half.errors.consentScope);
  assert.ok(!half.ok && half.values.personName === 'Mevrouw A.', 'input kept');
  const full = parseStoryForm(form({ ...story, personName: 'Mevrouw A.', consentGivenOn: '2026-11-01', consentMethod: 'written', consentScope: 'Website' }), '2026-11-23');
  assert.ok(full.ok && full.value.consent?.method === 'written' && full.value.consent.withdrawnOn === null);
  const future = parseStoryForm(form({ ...story, personName: 'A', consentGivenOn: '2026-12-01', consentMethod: 'verbal', consentScope: 'x' }), '2026-11-23');
  assert.ok(!future.ok && future.errors.consentGivenOn?.key === 'stories.error.future');
  const early = parseStoryForm(form({ ...story, personName: 'A', consentGivenOn: '2026-11-10', consentMethod: 'verbal', consentScope: 'x', consentWithdrawnOn: '2026-11-01' }), '2026-11-23');
  assert.ok(!early.ok && early.errors.consentWithdrawnOn?.key === 'stories.error.withdrawnBeforeGiven');
  const notAbout = parseStoryForm(form({ ...story, aboutPerson: '', personName: 'A' }), '2026-11-23');
  assert.ok(!notAbout.ok, 'aboutPerson must be yes or absent');
  const { aboutPerson: _omit, ...notAboutPerson } = story;
  const ignored = parseStoryForm(form({ ...notAboutPerson, personName: 'A' }), '2026-11-23');
  assert.ok(ignored.ok && ignored.value.consent === null && !ignored.value.aboutPerson);
  assert.ok(!parseStoryForm(form({}), '2026-11-23').ok);
  assert.ok(!parseStoryForm(form({ ...story, kind: 'other' }), '2026-11-23').ok);
});

test('property: the story form never throws, and accepted consent is complete', async () => {
  const fc = (await import('fast-check')).default;
  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', 'yes', '2026-11-01', '2026-12-31', 'written', 'public', 'internal', 'dilemma', 'publish'));
  fc.assert(fc.property(fc.record({
    title: text, body: text, kind: text, visibility: text, aboutPerson: text, personName: text, consentGivenOn: text,
    consentMethod: text, consentScope: text, consentWithdrawnOn: text, intent: text,
  }), (fields) => {
    const parsed = parseStoryForm(form(fields), '2026-11-23');
    if (parsed.ok && parsed.value.consent) {
      const c = parsed.value.consent;
      assert.ok(c.personName && c.givenOn <= '2026-11-23' && c.scope && (c.withdrawnOn === null || c.withdrawnOn >= c.givenOn));
    }
  }), { numRuns: 300 });
});
