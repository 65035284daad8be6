-- An Idempotency-Key belongs to the customer who sent it: another customer's same key
-- places an order of its own and learns nothing about the first one.
alter table orders drop constraint orders_idempotency_key_key;
create unique index orders_customer_idempotency_key on orders (customer_id, idempotency_key);
