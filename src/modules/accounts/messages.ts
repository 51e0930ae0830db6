// The accounts module's own messages (log-in, log-out, my account, the password rules and the mails
// about a changed password or second factor): Dutch (the source, plain B1 Dutch) and English with
// exactly its keys. Registered through the module's manifest; the type checker learns the keys below.
// `account.name` and `account.role` stay in the core catalog (the pact module uses them too), and so
// does `login.failed` (src/app/pipeline.db.test.ts reads it from there).
export const accountsNl = {
  'login.title': 'Inloggen',
  'login.intro': 'Log in met het e-mailadres en wachtwoord van uw account.',
  'login.email': 'E-mailadres',
  'login.password': 'Wachtwoord',
  'login.submit': 'Inloggen',
  'login.locked': 'Er is te vaak een verkeerd wachtwoord gebruikt. Probeer het over {minutes} minuten opnieuw.',
  'login.forgot': 'Wachtwoord vergeten?',
  'password.tooShort': 'Kies een wachtwoord van minstens {min} tekens. Een zin van een paar woorden werkt goed.',
  'password.tooLong': 'Kies een wachtwoord van hoogstens {max} tekens.',
  'password.common': 'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.',
  'password.repetitive': 'Dit wachtwoord herhaalt tekens of is een reeks (zoals 1234 of abcd). Kies een ander.',
  'password.context': 'Dit wachtwoord lijkt op uw e-mailadres of op de naam van de dienst. Kies een ander.',
  'logout.title': 'Uitloggen',
  'logout.done': 'U bent uitgelogd.',
  'account.title': 'Mijn account',
  'account.email': 'E-mailadres',
  'account.locale': 'Taal van de website',
  'account.memberships': 'Mijn pacten en rollen',
  'account.noMemberships': 'U bent nog geen lid van een pact.',
  'account.pact': 'Pact',
  'account.organisation': 'Organisatie',
  'account.since': 'Sinds',
  'account.security': 'Inloggen en beveiliging',
  'account.secondFactorLink': 'Tweede stap bij inloggen (code uit een app)',
  'account.sessionsLink': 'Waar ben ik ingelogd?',
  'securityMail.passwordChanged.subject': 'Uw wachtwoord voor Schakelpunt is gewijzigd',
  'securityMail.passwordChanged.body': 'Het wachtwoord van uw account is zojuist gewijzigd met een link uit een e-mail. U bent op alle apparaten uitgelogd.',
  'securityMail.secondFactorReset.subject': 'Uw tweede stap voor Schakelpunt is verwijderd',
  'securityMail.secondFactorReset.body': 'De beheerder van Schakelpunt heeft de tweede stap bij het inloggen (de code uit uw app) verwijderd. U bent op alle apparaten uitgelogd. Als u weer inlogt, stelt u de tweede stap opnieuw in.',
  'securityMail.notYou': 'Heeft u hier niet om gevraagd? Neem dan meteen contact op met de beheerder van Schakelpunt of met uw coördinator.',
  'account.edit': 'Mijn gegevens wijzigen',
} as const;

export const accountsEn: Record<keyof typeof accountsNl, string> = {
  'login.title': 'Sign in',
  'login.intro': 'Sign in with the e-mail address and password of your account.',
  'login.email': 'E-mail address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.locked': 'A wrong password was used too often. Please try again in {minutes} minutes.',
  'login.forgot': 'Forgot your password?',
  'password.tooShort': 'Choose a password of at least {min} characters. A sentence of a few words works well.',
  'password.tooLong': 'Choose a password of at most {max} characters.',
  'password.common': 'This password is used a lot and is easy to guess. Choose another one.',
  'password.repetitive': 'This password repeats characters or is a sequence (like 1234 or abcd). Choose another one.',
  'password.context': 'This password looks like your e-mail address or the name of the service. Choose another one.',
  'logout.title': 'Sign out',
  'logout.done': 'You have been signed out.',
  'account.title': 'My account',
  'account.email': 'E-mail address',
  'account.locale': 'Website language',
  'account.memberships': 'My pacts and roles',
  'account.noMemberships': 'You are not a member of any pact yet.',
  'account.pact': 'Pact',
  'account.organisation': 'Organisation',
  'account.since': 'Since',
  'account.security': 'Signing in and security',
  'account.secondFactorLink': 'Second step at sign-in (code from an app)',
  'account.sessionsLink': 'Where am I signed in?',
  'securityMail.passwordChanged.subject': 'Your Schakelpunt password was changed',
  'securityMail.passwordChanged.body': 'The password of your account was just changed with a link from an e-mail. You have been signed out on all devices.',
  'securityMail.secondFactorReset.subject': 'Your Schakelpunt second step was removed',
  'securityMail.secondFactorReset.body': 'The Schakelpunt administrator removed the second step at sign-in (the code from your app). You have been signed out on all devices. When you sign in again, you set up the second step anew.',
  'securityMail.notYou': 'Did you not ask for this? Contact the Schakelpunt administrator or your coordinator right away.',
  'account.edit': 'Change my details',
};

declare module '../../ui/messages/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<keyof typeof accountsNl, string> {}
}
