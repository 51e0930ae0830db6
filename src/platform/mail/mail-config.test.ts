import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../config.ts';
import { createMailSender } from './smtp-sender.ts';

test('without SMTP_URL there is no mail sender: mail goes to the development outbox', () => {
  const config = loadConfig({});
  assert.equal(config.SMTP_URL, undefined);
  assert.equal(config.MAIL_FROM, 'Schakelpunt <noreply@schakelpunt.example>');
  assert.equal(config.MAIL_RETENTION_DAYS, 30);
  assert.equal(createMailSender(config), null);
});

test('SMTP_URL takes smtp:// and smtps:// addresses with a host, with or without a log-in', () => {
  for (const url of ['smtp://127.0.0.1:2525', 'smtps://mail.example.org', 'smtp://user:s3cret@mail.example.org:587']) {
    const config = loadConfig({ SMTP_URL: url });
    assert.equal(config.SMTP_URL, url);
    const sender = createMailSender(config);
    assert.ok(sender);
    sender.close();
  }
});

test('any other SMTP_URL stops start-up, and the message does not repeat the value (it may hold a password)', () => {
  for (const url of ['http://mail.example.org', 'mailto:beheer@example.org', 'smtp://', 'smtp:/mail.example.org', 'mail.example.org:587', 'smtp://user:geheim@']) {
    try {
      loadConfig({ SMTP_URL: url });
      assert.fail(`${url} was accepted`);
    } catch (error) {
      assert.ok(error instanceof ConfigError, url);
      assert.deepEqual(error.problems.map((p) => p.split(':')[0]), ['SMTP_URL'], url);
      assert.doesNotMatch(error.message, /geheim/);
    }
  }
});

test('MAIL_FROM is an address or a name with an address; MAIL_RETENTION_DAYS a number of days', () => {
  assert.equal(loadConfig({ MAIL_FROM: 'noreply@pact.example' }).MAIL_FROM, 'noreply@pact.example');
  assert.equal(loadConfig({ MAIL_FROM: 'Pact Lindewaard <noreply@lindewaard.example>' }).MAIL_FROM, 'Pact Lindewaard <noreply@lindewaard.example>');
  assert.throws(() => loadConfig({ MAIL_FROM: 'Schakelpunt' }), ConfigError);
  assert.throws(() => loadConfig({ MAIL_FROM: 'a@b.example\r\nBcc: x@y.example' }), ConfigError);
  assert.throws(() => loadConfig({ MAIL_FROM: 'Pact, Lindewaard <noreply@lindewaard.example>' }), ConfigError);
  assert.equal(loadConfig({ MAIL_RETENTION_DAYS: '7' }).MAIL_RETENTION_DAYS, 7);
  assert.throws(() => loadConfig({ MAIL_RETENTION_DAYS: '0' }), ConfigError);
});
