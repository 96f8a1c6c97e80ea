-- GIN twins of FerretDB's indexes, kept in step by event triggers; run by tools/stack/pg-twins.mjs on every start.
--
-- FerretDB 1.24 reads with `_jsonb->$1 @> $2` (and `_jsonb #> $1 @> $2` for a dotted key) but indexes
-- `(_jsonb->'f')` with a btree, which cannot serve `@>`: every point read scans its table. A GIN jsonb_path_ops
-- index on the same expression can. FerretDB's btrees stay: they enforce uniqueness and serve its writes by _id.
-- Idempotent: CREATE OR REPLACE, dropped-then-created triggers, and a backfill that only adds what is missing.

SET client_min_messages = warning;

CREATE SCHEMA IF NOT EXISTS psc_store;

-- The twin's expression for an index whose first column is a path into _jsonb, written the way FerretDB's
-- queries reach it (-> for one key, #> for a dotted one); null for anything else.
CREATE OR REPLACE FUNCTION psc_store.twin_expression(index_oid oid) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $fn$
DECLARE
  col text := pg_get_indexdef(index_oid, 1, false);
  literal constant text := $re$'((?:[^']|'')*)'::text$re$;
  keys text[];
BEGIN
  IF col !~ ('^\(*_jsonb( -> ' || literal || '\)*)+$') THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(replace(m[1], '''''', '''') ORDER BY n) INTO keys
    FROM regexp_matches(col, literal, 'g') WITH ORDINALITY AS r(m, n);
  IF cardinality(keys) = 1 THEN
    RETURN format('(_jsonb -> %L::text)', keys[1]);
  END IF;
  RETURN format('(_jsonb #> %L::text[])', keys::text);
END
$fn$;

-- Makes one FerretDB table's twins match its btree indexes: one twin per distinct leading path (a compound
-- index is twinned on its first field, the one a MongoDB compound index serves equality on by itself), and
-- no twin that no index leads with any more. Twin names end in _psc_gin, which FerretDB never generates
-- (its own end in _idx), so the two cannot collide.
CREATE OR REPLACE FUNCTION psc_store.twin_table(tbl oid) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
DECLARE
  t record := (SELECT c FROM pg_class c WHERE c.oid = tbl);
  nsp text := t.relnamespace::regnamespace::text;
  wanted text[] := '{}';
  twin text;
  item record;
BEGIN
  FOR item IN
    SELECT DISTINCT psc_store.twin_expression(i.indexrelid) AS expr
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam
     WHERE i.indrelid = tbl AND am.amname = 'btree'
  LOOP
    CONTINUE WHEN item.expr IS NULL;
    twin := left(t.relname, 40) || '_' || left(md5(t.relname || item.expr), 8) || '_psc_gin';
    wanted := wanted || twin;
    CONTINUE WHEN EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = twin AND c.relnamespace = t.relnamespace);
    -- fastupdate off: a point read never has to scan a pending list that bulk inserts left behind
    EXECUTE format('CREATE INDEX %I ON %s.%I USING gin (%s jsonb_path_ops) WITH (fastupdate = off)',
                   twin, nsp, t.relname, item.expr);
  END LOOP;
  FOR item IN
    SELECT ic.relname
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE i.indrelid = tbl AND ic.relname LIKE '%\_psc\_gin' AND NOT ic.relname = ANY (wanted)
  LOOP
    EXECUTE format('DROP INDEX %s.%I', nsp, item.relname);
  END LOOP;
END
$fn$;

-- FerretDB's collection tables: every table of a schema that holds its metadata table, except that one.
CREATE OR REPLACE FUNCTION psc_store.ferretdb_tables(only_schema name DEFAULT NULL) RETURNS SETOF oid
LANGUAGE sql STABLE SET search_path = pg_catalog AS $fn$
  SELECT t.oid
    FROM pg_class t
   WHERE t.relkind = 'r'
     AND t.relname <> '_ferretdb_database_metadata'
     AND (only_schema IS NULL OR t.relnamespace = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = only_schema))
     AND EXISTS (SELECT 1 FROM pg_class m
                  WHERE m.relnamespace = t.relnamespace AND m.relname = '_ferretdb_database_metadata' AND m.relkind = 'r')
$fn$;

-- The trigger functions run as their owner (the superuser that installed them): event triggers fire for every
-- role's DDL, and FerretDB connecting as a role of its own must still get twins, not a permission error.
CREATE OR REPLACE FUNCTION psc_store.on_create_index() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
  tbl oid;
BEGIN
  -- The twins' own CREATE INDEX comes back here: GIN indexes are skipped, so it does not recurse.
  FOR tbl IN
    SELECT DISTINCT i.indrelid
      FROM pg_event_trigger_ddl_commands() d
      JOIN pg_index i ON i.indexrelid = d.objid
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam
     WHERE d.classid = 'pg_class'::regclass AND am.amname = 'btree'
  LOOP
    IF tbl IN (SELECT psc_store.ferretdb_tables()) THEN
      PERFORM psc_store.twin_table(tbl);
    END IF;
  END LOOP;
END
$fn$;

-- A dropped index no longer names its table, so the schema's tables are checked again (a handful per database).
CREATE OR REPLACE FUNCTION psc_store.on_drop_index() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
  nsp name;
  tbl oid;
BEGIN
  FOR nsp IN
    SELECT DISTINCT o.schema_name
      FROM pg_event_trigger_dropped_objects() o
     WHERE o.object_type = 'index' AND o.original AND o.object_name NOT LIKE '%\_psc\_gin'
  LOOP
    FOR tbl IN SELECT psc_store.ferretdb_tables(nsp) LOOP
      PERFORM psc_store.twin_table(tbl);
    END LOOP;
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS psc_store_twins_create;
CREATE EVENT TRIGGER psc_store_twins_create ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION psc_store.on_create_index();
DROP EVENT TRIGGER IF EXISTS psc_store_twins_drop;
CREATE EVENT TRIGGER psc_store_twins_drop ON sql_drop WHEN TAG IN ('DROP INDEX')
  EXECUTE FUNCTION psc_store.on_drop_index();

-- Backfill: tables and indexes made before the triggers existed (a data directory from an older stack).
DO $do$ BEGIN
  PERFORM psc_store.twin_table(t) FROM psc_store.ferretdb_tables() AS t;
END $do$;

-- FerretDB's statements are prepared; under the default plan cache a statement soon settles on a generic plan,
-- in which the key `$1` is unknown and no index on `_jsonb->'<field>'` can match. Sessions opened from now on
-- (FerretDB's pool is opened after this script) plan every execution with its parameters.
DO $do$ BEGIN
  EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_custom_plan', current_database());
END $do$;
