import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayWrite, statementName, VOLATILE_FUNCTIONS } from './prepared-statements.ts';

test('only a select that names no writing clause or function counts as a read', () => {
  const reads = [
    'select id, name from organisation where pact_id = $1',
    "  \n select set_config('app.pact_id', $1, true) as set_pact",
    'SELECT count(*) FROM membership WHERE updated_at > $1',
    'select pg_current_xact_id_if_assigned() where $1::int = 1',
  ];
  const writes = [
    'insert into audit_event (id) values ($1)',
    'update person set locale = $1',
    'delete from session where id = $1',
    'with gone as (delete from session where id = $1 returning id) select count(*) from gone',
    'select id from organisation where id = $1 for update',
    'select id from organisation where id = $1 for no key update',
    'select id from organisation where id = $1 FOR SHARE',
    'select id from organisation where id = $1 for key share',
    'select * into copy_of_pact from pact where id = $1',
    "select nextval('some_seq') where $1::int = 1",
    'select pg_advisory_xact_lock($1)',
    'select txid_current() where $1::int = 1',
    "select pg_notify('jobs', $1)",
    'select lo_unlink($1)',
    'lock table pact in share mode',
    'merge into pact using x on true when matched then do nothing',
    ...VOLATILE_FUNCTIONS.map((name) => `select ${name}($1)`),
    // Judged on the words: a comment that mentions a write counts, which costs only a round trip.
    'select 1 -- before the update\nwhere $1::int = 1',
  ];
  for (const text of reads) assert.equal(mayWrite(text), false, text);
  for (const text of writes) assert.equal(mayWrite(text), true, text);
});

test('a statement name is the same for the same text and differs for another', () => {
  assert.equal(statementName('select 1'), statementName('select 1'));
  assert.notEqual(statementName('select 1'), statementName('select 2'));
  assert.match(statementName('select 1'), /^sp_[A-Za-z0-9_-]+$/);
});
