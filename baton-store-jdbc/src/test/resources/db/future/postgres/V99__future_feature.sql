-- A migration of a future Baton: the store must refuse a database that has it.
CREATE TABLE future_feature (id INTEGER PRIMARY KEY);
