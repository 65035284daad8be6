create table orders (
    id              uuid primary key,
    customer_id     text        not null,
    status          text        not null,
    reason          text,
    total_amount    numeric(19, 2),
    currency        text,
    idempotency_key text unique,
    request_hash    text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    deadline_at     timestamptz not null
);

create index orders_by_customer on orders (customer_id, created_at desc, id desc);
create index orders_by_created on orders (created_at desc, id desc);
create index orders_open_by_deadline on orders (deadline_at) where status in ('PENDING', 'RESERVED');

create table order_line (
    order_id   uuid not null references orders (id),
    line_no    int  not null,
    sku        text not null,
    quantity   int  not null,
    unit_price numeric(19, 2),
    primary key (order_id, line_no)
);

create table order_status_change (
    order_id uuid        not null references orders (id),
    seq      int         not null,
    status   text        not null,
    reason   text,
    at       timestamptz not null,
    primary key (order_id, seq)
);
