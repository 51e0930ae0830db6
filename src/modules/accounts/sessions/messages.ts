// The messages of *Waar ben ik ingelogd?*: Dutch (the source, plain B1 Dutch) and English with exactly
// its keys. Registered through sessionsPart.
export const sessionsNl = {
  'sessions.title': 'Waar ben ik ingelogd?',
  'sessions.intro': 'Hier ziet u op welke apparaten u nu bent ingelogd. Kent u een apparaat niet? Log het dan uit en wijzig uw wachtwoord.',
  'sessions.caption': 'Uw sessies',
  'sessions.device': 'Apparaat',
  'sessions.browserOn': '{browser} op {system}',
  'sessions.unknownDevice': 'Onbekend apparaat',
  'sessions.thisOne': 'dit apparaat',
  'sessions.started': 'Ingelogd',
  'sessions.lastSeen': 'Laatst gebruikt',
  'sessions.secondFactor': 'Met code',
  'sessions.yes': 'Ja',
  'sessions.no': 'Nee',
  'sessions.actions': 'Actie',
  'sessions.endOne': 'Uitloggen',
  'sessions.everywhere': 'Overal uitloggen',
  'sessions.everywhereIntro': 'Bent u uw telefoon of laptop kwijt, of heeft u ergens vergeten uit te loggen? Log dan overal uit.',
  'sessions.endOthers': 'Uitloggen op alle andere apparaten',
  'sessions.endAll': 'Overal uitloggen, ook hier',
  'sessions.noOthers': 'U bent nergens anders ingelogd.',
  'sessions.ended': 'U bent uitgelogd op het gekozen apparaat.',
  'sessions.noneEnded': 'Die sessie was al beëindigd.',
  'sessions.endedAll': 'U bent overal uitgelogd.',
} as const;

export const sessionsEn: Record<keyof typeof sessionsNl, string> = {
  'sessions.title': 'Where am I signed in?',
  'sessions.intro': 'This shows the devices you are signed in on now. Do you not recognise a device? Sign it out and change your password.',
  'sessions.caption': 'Your sessions',
  'sessions.device': 'Device',
  'sessions.browserOn': '{browser} on {system}',
  'sessions.unknownDevice': 'Unknown device',
  'sessions.thisOne': 'this device',
  'sessions.started': 'Signed in',
  'sessions.lastSeen': 'Last used',
  'sessions.secondFactor': 'With code',
  'sessions.yes': 'Yes',
  'sessions.no': 'No',
  'sessions.actions': 'Action',
  'sessions.endOne': 'Sign out',
  'sessions.everywhere': 'Sign out everywhere',
  'sessions.everywhereIntro': 'Lost your phone or laptop, or forgot to sign out somewhere? Sign out everywhere.',
  'sessions.endOthers': 'Sign out on all other devices',
  'sessions.endAll': 'Sign out everywhere, here too',
  'sessions.noOthers': 'You are not signed in anywhere else.',
  'sessions.ended': 'You were signed out on the chosen device.',
  'sessions.noneEnded': 'That session had already ended.',
  'sessions.endedAll': 'You are signed out everywhere.',
};

declare module '../../../ui/messages/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<keyof typeof sessionsNl, string> {}
}
