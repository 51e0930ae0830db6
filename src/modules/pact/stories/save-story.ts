// Writing a story with its consent, and publishing or withdrawing it. The consent rule
// (story.ts) decides whether a story may be published publicly; a public story whose consent is
// withdrawn becomes internal at once. Status and visibility changes go through the lifecycle table
// and are kept in story_status_change; a save counts only from the revision the form was shown
// with; every write, and every write of consent, is audit-logged (without the name).
import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import { isPublic, mayChangeStoryStatus, publicationRefusal, type PublicationRefusal, type StoryStatus, type StoryValue } from './story.ts';
import { findConsent, insertStory, moveStory, saveConsent, updateStoryContent, type StoryRow } from './story-queries.ts';

export type SaveStoryResult =
  | { ok: true; id: string; madeInternal: boolean; status: StoryStatus }
  | { ok: false; reason: PublicationRefusal | 'status-not-allowed' | 'changed' };

async function auditConsent(ctx: UseCaseContext, storyId: string, before: StoryValue['consent'], after: StoryValue['consent']): Promise<void> {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const action = !after ? 'story.consent.remove' : after.withdrawnOn && !before?.withdrawnOn ? 'story.consent.withdraw' : 'story.consent.record';
  await ctx.audit({
    action, recordType: 'story_consent', recordId: storyId, purpose: 'consent-administration',
    details: { method: after?.method ?? null, givenOn: after?.givenOn ?? null, withdrawnOn: after?.withdrawnOn ?? null },
  });
}

/** Writes a story for an organisation: a draft, or published at once (the consent rule permitting). */
export async function createStory(ctx: UseCaseContext, organisationId: string, value: StoryValue): Promise<SaveStoryResult> {
  const { tx, pact, now } = ctx;
  const by = actingPersonId(ctx);
  const status: StoryStatus = value.intent === 'publish' ? 'published' : 'draft';
  const consent = value.aboutPerson ? value.consent : null;
  const refusal = publicationRefusal({ status, visibility: value.visibility, aboutPerson: value.aboutPerson, consent });
  if (refusal) return { ok: false, reason: refusal };
  const id = await insertStory(tx, pact.id, organisationId, { ...value, status }, by, now);
  if (consent) await saveConsent(tx, pact.id, id, consent, by, now);
  await ctx.audit({
    action: 'story.create', recordType: 'story', recordId: id, purpose: 'pact-administration',
    details: { organisation: organisationId, status, visibility: value.visibility, aboutPerson: value.aboutPerson },
  });
  await auditConsent(ctx, id, null, consent);
  return { ok: true, id, madeInternal: false, status };
}

/** Saves the edit form (and publishes when asked); refused when someone else saved after `revision`. */
export async function editStory(ctx: UseCaseContext, story: StoryRow, value: StoryValue, revision: number | undefined): Promise<SaveStoryResult> {
  const { tx, pact, now } = ctx;
  const by = actingPersonId(ctx);
  const before = await findConsent(tx, pact.id, story.id);
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
  if (!(await updateStoryContent(tx, story.id, value, revision, now))) return { ok: false, reason: 'changed' };
  if (status !== story.status || visibility !== story.visibility) {
    const change = { fromStatus: story.status, toStatus: status, fromVisibility: story.visibility, toVisibility: visibility, reason: madeInternal ? 'consent-withdrawn' : 'edited' };
    // The save above holds the row at the revision the status was read with.
    if (!(await moveStory(tx, pact.id, story.id, change, by, now))) throw new Error(`story ${story.id}: status changed while its row was held`);
  }
  await saveConsent(tx, pact.id, story.id, consent, by, now);
  await ctx.audit({
    action: 'story.update', recordType: 'story', recordId: story.id, purpose: 'pact-administration',
    details: { fromStatus: story.status, toStatus: status, fromVisibility: story.visibility, toVisibility: visibility, madeInternal },
  });
  await auditConsent(ctx, story.id, before, consent);
  return { ok: true, id: story.id, madeInternal, status };
}

export type ChangeStoryStatusResult = { ok: true } | { ok: false; reason: PublicationRefusal | 'status-not-allowed' | 'changed' };

/**
 * Publishes, withdraws or returns a story to draft, by the lifecycle table and the consent rule.
 * The change raises the story's revision, so an edit form opened before it is stale.
 */
export async function changeStoryStatus(ctx: UseCaseContext, story: StoryRow, to: StoryStatus): Promise<ChangeStoryStatusResult> {
  const { tx, pact, now } = ctx;
  if (!mayChangeStoryStatus(story.status, to)) return { ok: false, reason: 'status-not-allowed' };
  const consent = await findConsent(tx, pact.id, story.id);
  const refusal = publicationRefusal({ status: to, visibility: story.visibility, aboutPerson: story.about_person, consent });
  if (refusal) return { ok: false, reason: refusal };
  const change = { fromStatus: story.status, toStatus: to, fromVisibility: story.visibility, toVisibility: story.visibility, reason: 'status' };
  const content = { title: story.title, body: story.body, kind: story.kind, pillarId: story.pillar_id, aboutPerson: story.about_person };
  if (!(await updateStoryContent(tx, story.id, content, story.revision, now))) return { ok: false, reason: 'changed' };
  if (!(await moveStory(tx, pact.id, story.id, change, actingPersonId(ctx), now))) throw new Error(`story ${story.id}: status changed while its row was held`);
  await ctx.audit({ action: 'story.status', recordType: 'story', recordId: story.id, purpose: 'pact-administration', details: { fromStatus: story.status, toStatus: to } });
  return { ok: true };
}
