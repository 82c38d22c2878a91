-- Client search now runs over an in-memory copy of the search keys kept in step
-- through the audit log (src/store/client_index.rs); the trigram index and the
-- triggers that maintained it are no longer read.
DROP TRIGGER clients_search_insert;
DROP TRIGGER clients_search_update;
DROP TRIGGER clients_search_delete;
DROP TABLE clients_search;
