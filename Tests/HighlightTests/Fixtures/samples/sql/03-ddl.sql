BEGIN TRANSACTION;
ALTER TABLE orders ADD COLUMN total NUMERIC(12, 2) NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX idx_orders_ref ON orders (reference);
CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 1000;
GRANT SELECT ON big_orders TO reporting;
COMMIT;
