// The pact module's demo data (fictional pacts Lindewaard and Hagedoorn): partners, pillars, the
// agenda years with their review, initiatives, meetings and stories. Seeded through the manifest.
export { seedPactAgendaDemo, pactAgendaDemoPlan } from './pact-agenda.ts';
export { seedInitiativesDemo } from './initiatives.ts';
export { seedMeetingsAndStoriesDemo } from './meetings-and-stories.ts';
