import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translatorFor } from '../../ui/messages/index.ts';
import { renderMail, type MailContent } from './render-mail.tsx';

const content: MailContent = {
  lang: 'nl',
  subject: 'Uitnodiging voor Pact Lindewaard',
  recipientName: 'Fatma <b>Yılmaz</b>',
  paragraphs: ['U bent uitgenodigd door "De Linde" & Welzijn.'],
  action: { label: 'Uitnodiging aannemen', url: 'https://schakelpunt.example/invite?token=a&b=<c>' },
  closing: ['De link werkt zeven dagen.'],
};

test('the text part holds greeting, paragraphs, the bare link and the footer, from the catalog', () => {
  const mail = renderMail(content, translatorFor('nl'));
  assert.equal(
    mail.text,
    [
      'Beste Fatma <b>Yılmaz</b>,',
      'U bent uitgenodigd door "De Linde" & Welzijn.',
      'Uitnodiging aannemen:\nhttps://schakelpunt.example/invite?token=a&b=<c>',
      'De link werkt zeven dagen.',
      '-- \nDit bericht is automatisch verstuurd door Schakelpunt. U kunt er niet op antwoorden.',
    ].join('\n\n') + '\n',
  );
  assert.equal(mail.subject, content.subject);
});

test('the HTML part escapes every value and speaks the language it is given', () => {
  const mail = renderMail({ ...content, lang: 'en' }, translatorFor('en'));
  assert.ok(mail.html.startsWith('<!DOCTYPE html><html lang="en">'));
  assert.match(mail.html, /Dear Fatma &lt;b&gt;Yılmaz&lt;\/b&gt;,/);
  assert.doesNotMatch(mail.html, /<b>/);
  assert.match(mail.html, /&quot;De Linde&quot; &amp; Welzijn/);
  assert.match(mail.html, /href="https:\/\/schakelpunt.example\/invite\?token=a&amp;b=&lt;c&gt;"/);
  assert.match(mail.html, /Does the button not work\?/);
  assert.match(mail.html, /This message was sent automatically by Schakelpunt/);
});

test('without a name the greeting has none; an action that is not a web address is refused', () => {
  assert.ok(renderMail({ ...content, recipientName: null }, translatorFor('nl')).text.startsWith('Goedendag,\n\n'));
  assert.throws(() => renderMail({ ...content, action: { label: 'x', url: 'javascript:alert(1)' } }, translatorFor('nl')), /http\(s\)/);
  assert.throws(() => renderMail({ ...content, subject: 'a\r\nBcc: x@y.example' }, translatorFor('nl')), /one line/);
});
