-- The public initiative form counts its proposals on the installation's one rate limiter
-- (rate_limit_hit, migration 0016; buckets `initiative-email` and `initiative-address`, 3 and 10
-- per hour, counted over every pact as before). Its own counter table is no longer used: it goes,
-- with its policies and index. Old hits of the shared limiter are removed by the platform job
-- `rate-limit-purge`; the counts already in the old table (at most an hour's worth) are not carried
-- over.
drop table initiative_submission_attempt;
