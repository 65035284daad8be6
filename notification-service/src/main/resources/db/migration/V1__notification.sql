-- One notification per order and outcome: the database's guarantee that a customer is
-- never told the same thing twice.
create table notification (
    id          uuid primary key,
    order_id    uuid        not null,
    customer_id text        not null,
    kind        text        not null,
    message     text        not null,
    created_at  timestamptz not null,
    unique (order_id, kind)
);

create index notification_by_customer on notification (customer_id, created_at);
