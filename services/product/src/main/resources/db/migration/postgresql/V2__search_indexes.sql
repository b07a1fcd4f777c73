-- q also matches a product whose SKU equals a word: with this index the planner can combine both
-- sides of that OR from indexes instead of reading every product.
CREATE INDEX products_sku_lower ON products (lower(sku));
-- Listings filter live products by category and price range far more often than anything else.
CREATE INDEX products_live_category_price ON products (category_id, price) WHERE deleted_at IS NULL;
