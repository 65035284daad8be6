create table account (
    customer_id text primary key,
    balance     numeric(19, 2) not null check (balance >= 0),
    currency    text           not null,
    -- money put into the account through the API; balance = deposited - money taken by
    -- charges not refunded, which sagactl verify checks
    deposited   numeric(19, 2) not null default 0
);

-- One payment per order: the database's guarantee that an order is never charged twice.
-- VOIDED marks an order that was rejected or cancelled before payment saw its
-- reservation, so the late reservation charges nothing.
create table payment (
    order_id    uuid primary key,
    customer_id text           not null,
    status      text           not null,
    amount      numeric(19, 2) not null,
    currency    text           not null,
    reason      text,
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null
);

create index payment_by_customer on payment (customer_id);
