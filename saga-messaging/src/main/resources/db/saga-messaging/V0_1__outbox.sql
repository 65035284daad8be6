-- Events waiting to be published. Written in the same transaction as the change they
-- describe; the relay publishes them in id order and deletes what the broker acknowledged.
create table outbox_event (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    message_key text        not null,
    event_type  text        not null,
    payload     bytea       not null,
    traceparent text        not null,
    created_at  timestamptz not null default now()
);
