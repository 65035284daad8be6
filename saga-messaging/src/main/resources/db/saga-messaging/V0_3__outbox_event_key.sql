-- The rows of one key in id order: a transaction's insert asks whether an older row of
-- its key still waits (then its rows are left to the relay instead of sent on commit).
create index outbox_event_key on outbox_event (message_key, id);
