-- A charge that overtook its reservation's report waits here until the reservation prices
-- the order; then the two are compared (PAYMENT_MISMATCH when they differ).
alter table orders
    add column charged_amount   numeric(19, 2),
    add column charged_currency text;
