-- Events this service already applied, written in the same transaction as their effect:
-- the database's guarantee that a redelivered event is never applied twice.
create table processed_event (
    event_id     uuid primary key,
    event_type   text        not null,
    processed_at timestamptz not null default now()
);
