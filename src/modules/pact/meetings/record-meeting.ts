// Creating and changing a meeting: the status change goes through the transition table and is kept
// in meeting_status_change; every write is audit-logged.
import type { Tx } from '../../../platform/db/database.ts';
import type { AuditWriter } from '../../../platform/import/index.ts';
import { mayChangeMeetingStatus, type MeetingValue } from './meeting.ts';
import { findMeeting, insertMeeting, insertMeetingStatusChange, updateMeeting } from './meeting-queries.ts';

export async function createMeeting(tx: Tx, pactId: string, value: MeetingValue, by: string | null, now: Date, audit: AuditWriter): Promise<string> {
  const id = await insertMeeting(tx, pactId, value, by, now);
  await audit({ action: 'meeting.create', recordType: 'meeting', recordId: id, purpose: 'pact-administration', details: { kind: value.kind, visibility: value.visibility } });
  return id;
}

export type EditMeetingResult = { ok: true } | { ok: false; reason: 'not-found' | 'status-not-allowed' | 'changed' };

export async function editMeeting(
  tx: Tx, pactId: string, meetingId: string, value: MeetingValue, expectedRevision: number | null, by: string | null, now: Date, audit: AuditWriter,
): Promise<EditMeetingResult> {
  const current = await findMeeting(tx, pactId, meetingId);
  if (!current) return { ok: false, reason: 'not-found' };
  const status = value.status ?? current.status;
  if (!mayChangeMeetingStatus(current.status, status)) return { ok: false, reason: 'status-not-allowed' };
  if (!(await updateMeeting(tx, pactId, meetingId, { ...value, status }, expectedRevision, now))) return { ok: false, reason: 'changed' };
  if (status !== current.status) await insertMeetingStatusChange(tx, pactId, meetingId, current.status, status, by, now);
  await audit({
    action: 'meeting.update', recordType: 'meeting', recordId: meetingId, purpose: 'pact-administration',
    details: { fromStatus: current.status, toStatus: status, visibility: value.visibility },
  });
  return { ok: true };
}
