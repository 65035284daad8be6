-- One row per order, filled in by whichever of its events arrives first. An outcome can
-- arrive before order.created (they travel on different topics), so every column but
-- the id may still be unknown.
create table order_fact (
    order_id    uuid primary key,
    customer_id text,
    status      text           not null,
    reason      text,
    amount      numeric(19, 2),
    currency    text,
    created_at  timestamptz,
    decided_at  timestamptz,
    updated_at  timestamptz    not null
);

create index order_fact_by_status on order_fact (status);
