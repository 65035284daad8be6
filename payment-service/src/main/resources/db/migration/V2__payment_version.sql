-- A version per row: a new payment row is inserted without the read a merge would make
-- first (its id is assigned by the application), and updates check they change what
-- they read.
alter table payment add column version bigint not null default 0;
