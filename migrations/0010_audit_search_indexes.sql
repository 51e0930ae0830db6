-- Indexes for searching the audit log (src/modules/audit/): the system administrator's search over
-- all chains (/admin/audit) and the pact coordinator's filters (/p/:pact/audit). Both list newest
-- first by (occurred_at, chain, seq) and page on with a key (no OFFSET), so every filter has an
-- index that reaches its newest matching rows without reading the rest of the log.
-- 0001 already has: (pact_id, occurred_at), (actor_person_id, occurred_at), (record_type, record_id)
-- and (subject_person_id) where not null. audit_event has no new columns or policies here: its
-- row-level security stays as 0001 set it.

-- No filter at all (the administrator's first view) and the period filter across all chains.
create index audit_event_time_idx on audit_event (occurred_at, chain, seq);
-- "Everything about this person": the subject side, in time order like the actor side.
create index audit_event_subject_time_idx on audit_event (subject_person_id, occurred_at) where subject_person_id is not null;
-- Acting for an organisation.
create index audit_event_organisation_time_idx on audit_event (actor_organisation_id, occurred_at) where actor_organisation_id is not null;
-- A record id without its type (the (record_type, record_id) index needs the type first).
create index audit_event_record_id_idx on audit_event (record_id) where record_id is not null;
