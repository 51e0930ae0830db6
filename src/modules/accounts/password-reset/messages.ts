// The messages of password reset (pages and mail): Dutch (the source, plain B1 Dutch) and English
// with exactly its keys. Registered through passwordResetPart.
export const passwordResetNl = {
  'passwordReset.forgot.title': 'Wachtwoord vergeten',
  'passwordReset.forgot.intro': 'Vul het e-mailadres van uw account in. U krijgt dan een e-mail met een link. Met die link kiest u een nieuw wachtwoord.',
  'passwordReset.forgot.email': 'E-mailadres',
  'passwordReset.forgot.submit': 'Stuur mij een link',
  'passwordReset.sent.title': 'Kijk in uw e-mail',
  'passwordReset.sent.body': 'Als er een account is met dit e-mailadres, krijgt u binnen enkele minuten een e-mail. Klik op de link in die e-mail en kies een nieuw wachtwoord. De link werkt {minutes} minuten.',
  'passwordReset.sent.noMail': 'Geen e-mail gekregen? Kijk ook bij ongewenste e-mail (spam). Of vraag later opnieuw een link aan.',
  'passwordReset.sent.back': 'Terug naar inloggen',
  'passwordReset.reset.title': 'Kies een nieuw wachtwoord',
  'passwordReset.reset.intro': 'Kies een wachtwoord van minstens {min} tekens. Een zin van een paar woorden kunt u goed onthouden en is moeilijk te raden.',
  'passwordReset.reset.password': 'Nieuw wachtwoord',
  'passwordReset.reset.repeat': 'Typ het nieuwe wachtwoord nog een keer',
  'passwordReset.reset.mismatch': 'De twee wachtwoorden zijn niet hetzelfde. Typ ze opnieuw.',
  'passwordReset.reset.csrf': 'Het formulier is verlopen. Typ uw nieuwe wachtwoord opnieuw en verstuur het nog een keer.',
  'passwordReset.reset.signedOut': 'Na het opslaan bent u overal uitgelogd. Daarna logt u in met uw nieuwe wachtwoord.',
  'passwordReset.reset.submit': 'Wachtwoord opslaan',
  'passwordReset.reset.done': 'Uw wachtwoord is gewijzigd. Log in met uw nieuwe wachtwoord.',
  'passwordReset.gone.title': 'Deze link werkt niet meer',
  'passwordReset.gone.body': 'De link is al gebruikt, is verlopen of is niet helemaal goed overgenomen. Een link werkt {minutes} minuten en maar één keer.',
  'passwordReset.gone.again': 'Vraag een nieuwe link aan',
  'passwordReset.mail.subject': 'Een nieuw wachtwoord kiezen voor Schakelpunt',
  'passwordReset.mail.body': 'Iemand heeft gevraagd om een nieuw wachtwoord voor uw account bij Schakelpunt. Was u dat? Klik dan op de knop en kies een nieuw wachtwoord.',
  'passwordReset.mail.action': 'Nieuw wachtwoord kiezen',
  'passwordReset.mail.expires': 'De link werkt {minutes} minuten en maar één keer.',
  'passwordReset.mail.notYou': 'Heeft u dit niet gevraagd? Dan hoeft u niets te doen. Uw wachtwoord blijft hetzelfde.',
} as const;

export const passwordResetEn: Record<keyof typeof passwordResetNl, string> = {
  'passwordReset.forgot.title': 'Forgot your password',
  'passwordReset.forgot.intro': 'Fill in the e-mail address of your account. You will get an e-mail with a link. With that link you choose a new password.',
  'passwordReset.forgot.email': 'E-mail address',
  'passwordReset.forgot.submit': 'Send me a link',
  'passwordReset.sent.title': 'Check your e-mail',
  'passwordReset.sent.body': 'If there is an account with this e-mail address, you will get an e-mail within a few minutes. Click the link in that e-mail and choose a new password. The link works for {minutes} minutes.',
  'passwordReset.sent.noMail': 'No e-mail? Also look in your junk mail (spam). Or ask for a new link later.',
  'passwordReset.sent.back': 'Back to sign in',
  'passwordReset.reset.title': 'Choose a new password',
  'passwordReset.reset.intro': 'Choose a password of at least {min} characters. A sentence of a few words is easy to remember and hard to guess.',
  'passwordReset.reset.password': 'New password',
  'passwordReset.reset.repeat': 'Type the new password again',
  'passwordReset.reset.mismatch': 'The two passwords are not the same. Please type them again.',
  'passwordReset.reset.csrf': 'The form has expired. Please type your new password again and send it once more.',
  'passwordReset.reset.signedOut': 'After saving, you are signed out everywhere. Then you sign in with your new password.',
  'passwordReset.reset.submit': 'Save password',
  'passwordReset.reset.done': 'Your password has been changed. Sign in with your new password.',
  'passwordReset.gone.title': 'This link no longer works',
  'passwordReset.gone.body': 'The link has been used already, has expired or was not copied completely. A link works for {minutes} minutes, and only once.',
  'passwordReset.gone.again': 'Ask for a new link',
  'passwordReset.mail.subject': 'Choose a new password for Schakelpunt',
  'passwordReset.mail.body': 'Someone asked for a new password for your account at Schakelpunt. Was that you? Then click the button and choose a new password.',
  'passwordReset.mail.action': 'Choose a new password',
  'passwordReset.mail.expires': 'The link works for {minutes} minutes, and only once.',
  'passwordReset.mail.notYou': 'Did you not ask for this? Then you do not need to do anything. Your password stays the same.',
};

declare module '../../../ui/messages/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<keyof typeof passwordResetNl, string> {}
}
