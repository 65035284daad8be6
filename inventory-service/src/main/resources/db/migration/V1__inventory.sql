create table product (
    sku        text primary key,
    name       text           not null,
    unit_price numeric(19, 2) not null check (unit_price >= 0),
    currency   text           not null,
    on_hand    int            not null check (on_hand >= 0),
    reserved   int            not null default 0 check (reserved >= 0),
    -- the stock ledger: units put into stock (by PUT) and units that left with confirmed
    -- orders; on_hand = received - shipped, which sagactl verify checks
    received   int            not null default 0,
    shipped    int            not null default 0
);

-- One reservation per order: the database's guarantee that an order is never reserved
-- twice. A compensation that arrives before the order leaves a RELEASED row with no
-- lines, so the late order.created reserves nothing.
create table reservation (
    order_id    uuid primary key,
    customer_id text        not null,
    status      text        not null,
    reason      text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table reservation_line (
    order_id   uuid           not null references reservation (order_id),
    sku        text           not null,
    quantity   int            not null,
    unit_price numeric(19, 2) not null,
    primary key (order_id, sku)
);
