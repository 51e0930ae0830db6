// Creating and changing a meeting: the status change goes through the lifecycle table and is kept
// in meeting_status_change; a save counts only from the revision the form was shown with; every
// write is audit-logged.
import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import { mayChangeMeetingStatus, type MeetingValue } from './meeting.ts';
import { changeMeetingStatus, insertMeeting, updateMeetingDetails, type MeetingRow } from './meeting-queries.ts';

/** Adds a planned meeting. */
export async function createMeeting(ctx: UseCaseContext, value: MeetingValue): Promise<string> {
  const id = await insertMeeting(ctx.tx, ctx.pact.id, value, actingPersonId(ctx), ctx.now);
  await ctx.audit({ action: 'meeting.create', recordType: 'meeting', recordId: id, purpose: 'pact-administration', details: { kind: value.kind, visibility: value.visibility } });
  return id;
}

export type EditMeetingResult = { ok: true } | { ok: false; reason: 'status-not-allowed' | 'changed' };

/** Saves the edit form: details, minutes and (by the lifecycle) the status; refused when someone else saved after `revision`. */
export async function editMeeting(ctx: UseCaseContext, current: MeetingRow, value: MeetingValue, revision: number | undefined): Promise<EditMeetingResult> {
  const { tx, pact, now } = ctx;
  const status = value.status ?? current.status;
  if (!mayChangeMeetingStatus(current.status, status)) return { ok: false, reason: 'status-not-allowed' };
  if (!(await updateMeetingDetails(tx, current.id, value, revision, now))) return { ok: false, reason: 'changed' };
  // The save above holds the row at the revision the status was read with, so the status is still `current.status`.
  if (status !== current.status && !(await changeMeetingStatus(tx, pact.id, current.id, current.status, status, actingPersonId(ctx), now))) {
    throw new Error(`meeting ${current.id}: status changed while its row was held`);
  }
  await ctx.audit({
    action: 'meeting.update', recordType: 'meeting', recordId: current.id, purpose: 'pact-administration',
    details: { fromStatus: current.status, toStatus: status, visibility: value.visibility },
  });
  return { ok: true };
}
