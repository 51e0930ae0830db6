import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromLocal, toLocal } from './local-time.ts';
import { parseForm } from '../../../platform/forms.ts';
import { actionsOpen } from '../../../platform/lifecycle/lifecycle.ts';
import { actionItemSchema, isUpcoming, mayChangeMeetingStatus, meetingLifecycle, meetingStatuses, nextMeetingStatuses, parseAttendanceForm, parseMeetingForm } from './meeting.ts';

function form(entries: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

test('status transitions: planned may be held or cancelled, held stays, cancelled may be planned again', () => {
  assert.ok(mayChangeMeetingStatus('planned', 'held'));
  assert.ok(mayChangeMeetingStatus('planned', 'cancelled'));
  assert.ok(!mayChangeMeetingStatus('held', 'planned'));
  assert.ok(!mayChangeMeetingStatus('held', 'cancelled'));
  assert.ok(mayChangeMeetingStatus('cancelled', 'planned'));
  assert.ok(!mayChangeMeetingStatus('cancelled', 'held'));
  for (const s of meetingStatuses) {
    assert.ok(mayChangeMeetingStatus(s, s), 'keeping the status is no change');
    assert.ok(!actionsOpen(meetingLifecycle, s, 'coordinator').some((a) => meetingLifecycle.transitions[a].to === s));
  }
  assert.deepEqual(nextMeetingStatuses('planned'), ['planned', 'held', 'cancelled']);
});

test('local times in Europe/Amsterdam: winter and summer offsets, the skipped hour, and back', () => {
  assert.equal(fromLocal('2027-02-04', '19:30')!.toISOString(), '2027-02-04T18:30:00.000Z');
  assert.equal(fromLocal('2027-06-10', '19:30')!.toISOString(), '2027-06-10T17:30:00.000Z');
  assert.equal(fromLocal('2027-03-28', '02:30'), null, 'the hour skipped when summer time starts');
  assert.equal(fromLocal('2027-02-30', '10:00'), null);
  assert.equal(fromLocal('2027-02-03', '24:00'), null);
  assert.equal(fromLocal('2027-02-03', '9:00'), null);
  assert.deepEqual(toLocal(new Date('2027-02-04T18:30:00Z')), { date: '2027-02-04', time: '19:30' });
});

test('the meeting form gives instants, and names the field that is wrong', () => {
  const ok = parseMeetingForm(form({ kind: 'conference', title: ' Conferentie ', date: '2027-02-04', startTime: '19:30', endTime: '21:00', place: 'Buurthuis', agenda: '', visibility: 'public' }));
  assert.ok(ok.ok);
  if (ok.ok) {
    assert.equal(ok.value.title, 'Conferentie');
    assert.equal(ok.value.startsAt.toISOString(), '2027-02-04T18:30:00.000Z');
    assert.equal(ok.value.endsAt.toISOString(), '2027-02-04T20:00:00.000Z');
  }
  const badDate = parseMeetingForm(form({ kind: 'conference', title: 'X', date: '2027-02-31', startTime: '19:30', endTime: '21:00', visibility: 'public' }));
  assert.ok(!badDate.ok && badDate.errors.date?.key === 'form.error.date');
  assert.ok(!badDate.ok && badDate.values.date === '2027-02-31', 'input kept');
  const badTime = parseMeetingForm(form({ kind: 'conference', title: 'X', date: '2027-02-04', startTime: 'half acht', endTime: '21:00', visibility: 'public' }));
  assert.ok(!badTime.ok && badTime.errors.startTime?.key === 'meetings.error.time');
  const reversed = parseMeetingForm(form({ kind: 'conference', title: 'X', date: '2027-02-04', startTime: '21:00', endTime: '19:00', visibility: 'public' }));
  assert.ok(!reversed.ok && reversed.errors.endTime?.key === 'meetings.error.endBeforeStart');
  const empty = parseMeetingForm(form({}));
  assert.ok(!empty.ok && empty.errors.title && empty.errors.kind);
});

test('attendance: organisations are optional, the count is required', () => {
  const id = '0b0d7c1e-4c6a-4b8e-9a51-7c1d2e3f4a5b';
  const ok = parseAttendanceForm(form({ organisations: [id, id], otherAttendees: '12' }));
  assert.ok(ok.ok && ok.value.organisations.length === 1 && ok.value.otherAttendees === 12);
  assert.ok(!parseAttendanceForm(form({})).ok);
  assert.ok(!parseAttendanceForm(form({ otherAttendees: '-1' })).ok);
  assert.ok(!parseAttendanceForm(form({ organisations: 'not-an-id', otherAttendees: '1' })).ok);
});

test('a meeting is upcoming until it has ended', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  assert.ok(isUpcoming({ endsAt: new Date('2026-11-23T10:00:01Z') }, now));
  assert.ok(!isUpcoming({ endsAt: now }, now));
});

test('property: the meeting form never throws, and an accepted form always ends after it starts', async () => {
  const fc = (await import('fast-check')).default;
  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '2027-02-04', '2027-03-28', '19:30', '02:30', '23:59', 'public', 'conference'));
  fc.assert(fc.property(fc.record({ kind: text, title: text, date: text, startTime: text, endTime: text, place: text, agenda: text, visibility: text, status: text }), (fields) => {
    const parsed = parseMeetingForm(form(fields));
    if (parsed.ok) assert.ok(parsed.value.endsAt > parsed.value.startsAt);
    else assert.ok(Object.keys(parsed.errors).length > 0);
  }), { numRuns: 300 });
});

test('a meeting date or action item due date outside 2000–2100 is a field error', () => {
  const r = parseMeetingForm(form({ kind: 'conference', title: 'Conferentie', date: '9999-12-31', startTime: '19:30', endTime: '21:00', visibility: 'public' }));
  assert.ok(!r.ok);
  if (!r.ok) {
    assert.deepEqual(r.errors.date, { key: 'form.error.dateRange' });
    assert.equal(r.values.date, '9999-12-31');
  }
  const item = parseForm(actionItemSchema, form({ text: 'Bellen', owner: '00000000-0000-4000-8000-000000000001', dueOn: '3026-01-01' }));
  assert.ok(!item.ok);
  if (!item.ok) assert.deepEqual(item.errors.dueOn, { key: 'form.error.dateRange' });
});
