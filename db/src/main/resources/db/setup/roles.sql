-- Conclave database roles. Run once per PostgreSQL server, as a superuser, in the conclave database.
-- The run command and the tests do this for you; on an external server replace the two {{...}} values
-- with quoted password literals and run it with psql.
--   conclave_owner  runs the migrations and owns the schema.
--   conclave_audit  owns the audit tables; NOLOGIN, used only through SET ROLE by the owner during migrations.
--   conclave_app    is what the portal connects as: business tables read/write, audit log append and read only.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'conclave_owner') THEN
    CREATE ROLE conclave_owner LOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'conclave_app') THEN
    CREATE ROLE conclave_app LOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'conclave_audit') THEN
    CREATE ROLE conclave_audit NOLOGIN;
  END IF;
END
$$;
ALTER ROLE conclave_owner PASSWORD {{owner_password}};
ALTER ROLE conclave_app PASSWORD {{app_password}};
GRANT conclave_audit TO conclave_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO conclave_owner;
GRANT USAGE ON SCHEMA public TO conclave_app, conclave_audit;
GRANT CREATE ON SCHEMA public TO conclave_audit;
