import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { honeypotFilled, moderationForm, parseSearch, parseWithSupport, proposalForm } from './initiative-forms.ts';

function formOf(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) f.append(k, one);
  return f;
}

const valid = {
  title: 'Repaircafé in de Lindehof', description: 'Elke maand samen spullen repareren.', targetGroup: 'Buurtbewoners',
  neighbourhood: '', pillar: '', name: 'Fatma Yilmaz', email: 'Fatma@Example.org ', consent: 'yes',
};

test('a complete proposal is accepted; the e-mail address is trimmed and lower-cased; support is a set', () => {
  const r = parseWithSupport(proposalForm, formOf({ ...valid, support: ['space', 'money', 'space'] }));
  assert.ok(r.ok);
  assert.equal(r.value.email, 'fatma@example.org');
  assert.deepEqual(r.value.support, ['money', 'space']);
  assert.equal(r.values.support, 'space,money,space');
});

test('without consent, a title or a valid e-mail address the proposal is refused per field, input kept', () => {
  const r = parseWithSupport(proposalForm, formOf({ ...valid, consent: '', title: '', email: 'geen-adres' }));
  assert.ok(!r.ok);
  assert.equal(r.errors.consent?.key, 'form.error.initiativeConsent');
  assert.equal(r.errors.title?.key, 'form.error.required');
  assert.equal(r.errors.email?.key, 'form.error.email');
  assert.equal(r.values.name, 'Fatma Yilmaz');
});

test('an unknown kind of support or a malformed neighbourhood is refused', () => {
  const r = parseWithSupport(proposalForm, formOf({ ...valid, support: 'gold', neighbourhood: 'x' }));
  assert.ok(!r.ok);
  assert.ok(r.errors.support);
  assert.equal(r.errors.neighbourhood?.key, 'form.error.choice');
});

test('declining needs a reason, asking for changes a message; publishing needs neither', () => {
  assert.equal(moderationForm.safeParse({ action: 'publish' }).success, true);
  const decline = moderationForm.safeParse({ action: 'decline', message: '  ' });
  assert.ok(!decline.success);
  assert.equal(decline.error.issues[0]?.message, 'form.error.initiativeReason');
  assert.deepEqual(decline.error.issues[0]?.path, ['message']);
  assert.equal(moderationForm.safeParse({ action: 'request-changes', message: '' }).success, false);
  assert.equal(moderationForm.safeParse({ action: 'delete' }).success, false);
});

test('the honeypot counts only when filled in', () => {
  assert.equal(honeypotFilled(formOf({ website: '' })), false);
  assert.equal(honeypotFilled(formOf({})), false);
  assert.equal(honeypotFilled(formOf({ website: 'http://spam.example' })), true);
});

test('the search ignores what it cannot use and never throws', () => {
  assert.deepEqual(parseSearch(new URLSearchParams('pillar=abc&neighbourhood=&q=%20repair%20')), { q: 'repair', pillar: '', neighbourhood: '' });
  fc.assert(fc.property(fc.string(), fc.string(), fc.string(), (q, pillar, neighbourhood) => {
    const s = parseSearch(new URLSearchParams({ q, pillar, neighbourhood }));
    return s.q.length <= 200 && (s.pillar === '' || s.pillar.length === 36);
  }));
  fc.assert(fc.property(fc.dictionary(fc.constantFrom('title', 'email', 'support', 'consent', 'pillar'), fc.string()), (fields) => {
    parseWithSupport(proposalForm, formOf(fields));
    return true;
  }));
});
