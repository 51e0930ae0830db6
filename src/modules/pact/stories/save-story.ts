// Writing a story with its consent, and publishing or withdrawing it. The consent rule
// (story.ts) decides whether a story may be published publicly; a public story whose consent is
// withdrawn becomes internal at once. Status and visibility changes are kept in
// story_status_change; every write, and every write of consent, is audit-logged (without the name).
import type { Tx } from '../../../platform/db/database.ts';
import type { AuditWriter } from '../../../platform/import/index.ts';
import { isPublic, mayChangeStoryStatus, publicationRefusal, type PublicationRefusal, type StoryStatus, type StoryValue } from './story.ts';
import { findConsent, insertStory, insertStoryStatusChange, saveConsent, updateStory, type StoryRow } from './story-queries.ts';

export type SaveStoryResult =
  | { ok: true; id: string; madeInternal: boolean; status: StoryStatus }
  | { ok: false; reason: PublicationRefusal | 'status-not-allowed' | 'changed' };

async function auditConsent(audit: AuditWriter, storyId: string, before: StoryValue['consent'], after: StoryValue['consent']): Promise<void> {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const action = !after ? 'story.consent.remove' : after.withdrawnOn && !before?.withdrawnOn ? 'story.consent.withdraw' : 'story.consent.record';
  await audit({
    action, recordType: 'story_consent', recordId: storyId, purpose: 'consent-administration',
    details: { method: after?.method ?? null, givenOn: after?.givenOn ?? null, withdrawnOn: after?.withdrawnOn ?? null },
  });
}

export async function createStory(
  tx: Tx, pactId: string, organisationId: string, value: StoryValue, by: string | null, now: Date, audit: AuditWriter,
): Promise<SaveStoryResult> {
  const status: StoryStatus = value.intent === 'publish' ? 'published' : 'draft';
  const consent = value.aboutPerson ? value.consent : null;
  const refusal = publicationRefusal({ status, visibility: value.visibility, aboutPerson: value.aboutPerson, consent });
  if (refusal) return { ok: false, reason: refusal };
  const id = await insertStory(tx, pactId, organisationId, { ...value, status }, by, now);
  await insertStoryStatusChange(tx, pactId, id, { fromStatus: null, toStatus: status, fromVisibility: null, toVisibility: value.visibility, reason: 'created' }, by, now);
  if (consent) await saveConsent(tx, pactId, id, consent, by, now);
  await audit({
    action: 'story.create', recordType: 'story', recordId: id, purpose: 'pact-administration',
    details: { organisation: organisationId, status, visibility: value.visibility, aboutPerson: value.aboutPerson },
  });
  await auditConsent(audit, id, null, consent);
  return { ok: true, id, madeInternal: false, status };
}

export async function editStory(
  tx: Tx, pactId: string, story: StoryRow, value: StoryValue, expectedRevision: number | null, by: string | null, now: Date, audit: AuditWriter,
): Promise<SaveStoryResult> {
  const before = await findConsent(tx, pactId, story.id);
  const consent = value.aboutPerson ? value.consent : null;
  let status: StoryStatus = story.status;
  if (value.intent === 'publish' && story.status !== 'published') {
    if (!mayChangeStoryStatus(story.status, 'published')) return { ok: false, reason: 'status-not-allowed' };
    status = 'published';
  }
  let visibility = value.visibility;
  let madeInternal = false;
  const refusal = publicationRefusal({ status, visibility, aboutPerson: value.aboutPerson, consent });
  if (refusal) {
    // A story already on the public site comes off it at once when its consent is withdrawn or
    // gone; anything else asking for public publication without consent is refused.
    if (isPublic(story) && value.intent !== 'publish') {
      visibility = 'internal';
      madeInternal = true;
    } else {
      return { ok: false, reason: refusal };
    }
  }
  if (!(await updateStory(tx, pactId, story.id, { ...value, status, visibility }, expectedRevision, now))) return { ok: false, reason: 'changed' };
  if (status !== story.status || visibility !== story.visibility) {
    await insertStoryStatusChange(tx, pactId, story.id, {
      fromStatus: story.status, toStatus: status, fromVisibility: story.visibility, toVisibility: visibility, reason: madeInternal ? 'consent-withdrawn' : 'edited',
    }, by, now);
  }
  await saveConsent(tx, pactId, story.id, consent, by, now);
  await audit({
    action: 'story.update', recordType: 'story', recordId: story.id, purpose: 'pact-administration',
    details: { fromStatus: story.status, toStatus: status, fromVisibility: story.visibility, toVisibility: visibility, madeInternal },
  });
  await auditConsent(audit, story.id, before, consent);
  return { ok: true, id: story.id, madeInternal, status };
}

export type ChangeStoryStatusResult = { ok: true } | { ok: false; reason: PublicationRefusal | 'status-not-allowed' };

/** Publishes, withdraws or returns a story to draft, by the transition table and the consent rule. */
export async function changeStoryStatus(
  tx: Tx, pactId: string, story: StoryRow, to: StoryStatus, by: string | null, now: Date, audit: AuditWriter,
): Promise<ChangeStoryStatusResult> {
  if (!mayChangeStoryStatus(story.status, to)) return { ok: false, reason: 'status-not-allowed' };
  const consent = await findConsent(tx, pactId, story.id);
  const refusal = publicationRefusal({ status: to, visibility: story.visibility, aboutPerson: story.about_person, consent });
  if (refusal) return { ok: false, reason: refusal };
  const fields = { title: story.title, body: story.body, kind: story.kind, pillarId: story.pillar_id, visibility: story.visibility, status: to, aboutPerson: story.about_person };
  await updateStory(tx, pactId, story.id, fields, null, now);
  await insertStoryStatusChange(tx, pactId, story.id, { fromStatus: story.status, toStatus: to, fromVisibility: story.visibility, toVisibility: story.visibility, reason: 'status' }, by, now);
  await audit({ action: 'story.status', recordType: 'story', recordId: story.id, purpose: 'pact-administration', details: { fromStatus: story.status, toStatus: to } });
  return { ok: true };
}
