-- Kamailio's own tables, so that phones can register against Kamailio's auth_db module with the
-- credentials this server provisions (POST /api/extensions writes a subscriber row).
--
-- Both tables mirror Kamailio 5.x's PostgreSQL create scripts exactly, in a schema of their own:
--   version    - utils/kamctl/postgres/standard-create.sql (schema: src/lib/srdb1/schema/version.xml)
--   subscriber - utils/kamctl/postgres/auth_db-create.sql, table version 7
--                (schema: src/lib/srdb1/schema/subscriber.xml)
-- The only edit is the "kamailio." qualifier on table names. Do not change column types or
-- names: Kamailio checks kamailio.version at start-up and reads these columns by name.
-- Kamailio must connect with search_path set to this schema, e.g.
--   ALTER ROLE kamailio SET search_path = kamailio;
--
-- Size limits worth knowing when writing rows: username and domain are at most 64 characters,
-- ha1/ha1b at most 128, password at most 64 (leave it '' and provision ha1/ha1b only).

CREATE SCHEMA kamailio;

CREATE TABLE kamailio.version (
    id SERIAL PRIMARY KEY NOT NULL,
    table_name VARCHAR(32) NOT NULL,
    table_version INTEGER DEFAULT 0 NOT NULL,
    CONSTRAINT version_table_name_idx UNIQUE (table_name)
);

INSERT INTO kamailio.version (table_name, table_version) values ('version','1');

CREATE TABLE kamailio.subscriber (
    id SERIAL PRIMARY KEY NOT NULL,
    username VARCHAR(64) DEFAULT '' NOT NULL,
    domain VARCHAR(64) DEFAULT '' NOT NULL,
    password VARCHAR(64) DEFAULT '' NOT NULL,
    ha1 VARCHAR(128) DEFAULT '' NOT NULL,
    ha1b VARCHAR(128) DEFAULT '' NOT NULL,
    CONSTRAINT subscriber_account_idx UNIQUE (username, domain)
);

CREATE INDEX subscriber_username_idx ON kamailio.subscriber (username);

INSERT INTO kamailio.version (table_name, table_version) values ('subscriber','7');
