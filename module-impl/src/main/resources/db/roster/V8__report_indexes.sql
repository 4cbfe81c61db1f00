-- The dashboard's aggregates (DefaultReportService) read a period of contacts and of joined members through these,
-- instead of scanning every interaction or member: contacts by time (with unit and channel for an index-only count)
-- and members by the day they joined.
create index interaction_time_idx on interaction (occurred_at, org_unit_id, channel) where deleted_at is null;
create index member_joined_idx on member (joined_on) where joined_on is not null;
