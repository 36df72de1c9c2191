import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access set-up: users, profiles, roles, teams, sharing; the tables the engine derives from
 * them (role and team closures, effective team members), kept by triggers so that every writer
 * leaves them right; the access version every process checks; sessions, audit and sign-ins.
 */
export class AccessSetup1732300000000 implements MigrationInterface {
  name = 'AccessSetup1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE user_status AS ENUM ('active', 'inactive');
      CREATE TYPE user_kind AS ENUM ('internal', 'client');
      CREATE TYPE user_locale AS ENUM ('fr', 'en');

      CREATE TABLE profile (
        id serial PRIMARY KEY,
        name varchar(120) NOT NULL,
        description text NOT NULL DEFAULT '',
        system boolean NOT NULL DEFAULT false,
        is_default boolean NOT NULL DEFAULT false,
        audience varchar(16) NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'client')),
        license_tier varchar(16) NOT NULL DEFAULT 'standard',
        view_all boolean NOT NULL DEFAULT false,
        edit_all boolean NOT NULL DEFAULT false,
        capabilities text[] NOT NULL DEFAULT '{}',
        modules jsonb NOT NULL DEFAULT '{}',
        contact_scopes jsonb NOT NULL DEFAULT '{}',
        fields jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX profile_name_key ON profile (name);
      -- At most one default profile per audience.
      CREATE UNIQUE INDEX profile_one_default ON profile (audience) WHERE is_default;

      CREATE TABLE role (
        id serial PRIMARY KEY,
        name varchar(120) NOT NULL,
        parent_id integer REFERENCES role (id) ON DELETE RESTRICT,
        CHECK (parent_id IS DISTINCT FROM id)
      );
      CREATE UNIQUE INDEX role_name_key ON role (name);
      CREATE INDEX role_parent_idx ON role (parent_id);

      CREATE TABLE role_profile (
        role_id integer NOT NULL REFERENCES role (id) ON DELETE CASCADE,
        profile_id integer NOT NULL REFERENCES profile (id) ON DELETE RESTRICT,
        PRIMARY KEY (role_id, profile_id)
      );
      CREATE INDEX role_profile_profile_idx ON role_profile (profile_id);

      CREATE TABLE app_user (
        id serial PRIMARY KEY,
        login varchar(64) NOT NULL CHECK (login ~ '^[A-Za-z0-9._-]{3,64}$'),
        email varchar(254) NOT NULL,
        password_hash varchar(255) NOT NULL,
        first_name varchar(100) NOT NULL DEFAULT '',
        last_name varchar(100) NOT NULL DEFAULT '',
        is_admin boolean NOT NULL DEFAULT false,
        status user_status NOT NULL DEFAULT 'active',
        role_id integer REFERENCES role (id) ON DELETE RESTRICT,
        kind user_kind NOT NULL DEFAULT 'internal',
        company varchar(200),
        title varchar(200),
        department varchar(200),
        reports_to_id integer REFERENCES app_user (id) ON DELETE SET NULL,
        phone varchar(40),
        mobile_phone varchar(40),
        locale user_locale NOT NULL DEFAULT 'fr',
        login_hours jsonb,
        system boolean NOT NULL DEFAULT false,
        free_seat boolean NOT NULL DEFAULT false,
        free_seat_reason varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX app_user_login_key ON app_user (login);
      CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));
      CREATE INDEX app_user_role_idx ON app_user (role_id, id);

      CREATE TABLE team (
        id serial PRIMARY KEY,
        name varchar(120) NOT NULL,
        description text NOT NULL DEFAULT ''
      );
      CREATE UNIQUE INDEX team_name_key ON team (name);

      CREATE TABLE team_user (
        team_id integer NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, user_id)
      );
      CREATE INDEX team_user_user_idx ON team_user (user_id);

      -- with_subordinates: false = "roles" (users of exactly that role), true = "rolesAndSubordinates".
      CREATE TABLE team_role (
        team_id integer NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        role_id integer NOT NULL REFERENCES role (id) ON DELETE CASCADE,
        with_subordinates boolean NOT NULL,
        PRIMARY KEY (team_id, role_id, with_subordinates)
      );
      CREATE INDEX team_role_role_idx ON team_role (role_id);

      CREATE TABLE team_team (
        team_id integer NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        member_team_id integer NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, member_team_id),
        CHECK (team_id <> member_team_id)
      );
      CREATE INDEX team_team_member_idx ON team_team (member_team_id);

      CREATE TABLE sharing_default (
        module varchar(64) PRIMARY KEY,
        level varchar(32) NOT NULL
          CHECK (level IN ('private', 'public_read', 'public_read_write', 'public_read_write_delete'))
      );

      CREATE TABLE sharing_rule (
        id serial PRIMARY KEY,
        name varchar(200),
        module varchar(64) NOT NULL,
        from_kind varchar(32) NOT NULL CHECK (from_kind IN ('role', 'roleAndSubordinates', 'team')),
        from_role_id integer REFERENCES role (id) ON DELETE CASCADE,
        from_team_id integer REFERENCES team (id) ON DELETE CASCADE,
        to_kind varchar(32) NOT NULL CHECK (to_kind IN ('role', 'roleAndSubordinates', 'team')),
        to_role_id integer REFERENCES role (id) ON DELETE CASCADE,
        to_team_id integer REFERENCES team (id) ON DELETE CASCADE,
        access varchar(16) NOT NULL CHECK (access IN ('read', 'read_write')),
        CHECK ((from_kind = 'team') = (from_team_id IS NOT NULL) AND (from_kind = 'team') = (from_role_id IS NULL)),
        CHECK ((to_kind = 'team') = (to_team_id IS NOT NULL) AND (to_kind = 'team') = (to_role_id IS NULL))
      );
      CREATE UNIQUE INDEX sharing_rule_name_key ON sharing_rule (name) WHERE name IS NOT NULL;
      CREATE INDEX sharing_rule_module_idx ON sharing_rule (module);
      CREATE INDEX sharing_rule_from_role_idx ON sharing_rule (from_role_id);
      CREATE INDEX sharing_rule_from_team_idx ON sharing_rule (from_team_id);
      CREATE INDEX sharing_rule_to_role_idx ON sharing_rule (to_role_id);
      CREATE INDEX sharing_rule_to_team_idx ON sharing_rule (to_team_id);

      -- The subscription: seats included per licence tier (docs/spec/seats.md); a tier without a row includes none.
      CREATE TABLE subscription_seat (
        tier varchar(16) PRIMARY KEY,
        included integer NOT NULL CHECK (included >= 0)
      );
    `);

    await q.query(`
      -- Derived tables: written only by the triggers below.
      CREATE TABLE role_closure (
        ancestor_id integer NOT NULL REFERENCES role (id) ON DELETE CASCADE,
        descendant_id integer NOT NULL REFERENCES role (id) ON DELETE CASCADE,
        depth integer NOT NULL,
        PRIMARY KEY (ancestor_id, descendant_id)
      );
      CREATE INDEX role_closure_descendant_idx ON role_closure (descendant_id, ancestor_id, depth);

      CREATE TABLE team_closure (
        ancestor_id integer NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        descendant_id integer NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        depth integer NOT NULL,
        PRIMARY KEY (ancestor_id, descendant_id)
      );
      CREATE INDEX team_closure_descendant_idx ON team_closure (descendant_id, ancestor_id);

      CREATE TABLE team_member (
        team_id integer NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, user_id)
      );
      CREATE INDEX team_member_user_idx ON team_member (user_id, team_id);

      CREATE TABLE access_version (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version bigint NOT NULL
      );
      INSERT INTO access_version (id, version) VALUES (true, 1);

      CREATE FUNCTION portier_bump_access_version() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE v bigint;
      BEGIN
        UPDATE access_version SET version = version + 1 RETURNING version INTO v;
        PERFORM pg_notify('portier_access', v::text);
        RETURN NULL;
      END $$;

      CREATE FUNCTION portier_refresh_role_closure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM role_closure;
        INSERT INTO role_closure (ancestor_id, descendant_id, depth)
        WITH RECURSIVE c(ancestor_id, descendant_id, depth) AS (
          SELECT id, id, 0 FROM role
          UNION ALL
          SELECT c.ancestor_id, r.id, c.depth + 1 FROM c JOIN role r ON r.parent_id = c.descendant_id
            WHERE c.depth < 1000
        )
        SELECT ancestor_id, descendant_id, min(depth) FROM c GROUP BY ancestor_id, descendant_id;
        PERFORM portier_refresh_team_members(NULL);
        RETURN NULL;
      END $$;

      CREATE FUNCTION portier_refresh_team_closure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM team_closure;
        INSERT INTO team_closure (ancestor_id, descendant_id, depth)
        WITH RECURSIVE c(ancestor_id, descendant_id, depth) AS (
          SELECT id, id, 0 FROM team
          UNION ALL
          SELECT c.ancestor_id, tt.member_team_id, c.depth + 1 FROM c JOIN team_team tt ON tt.team_id = c.descendant_id
            WHERE c.depth < 1000
        )
        SELECT ancestor_id, descendant_id, min(depth) FROM c GROUP BY ancestor_id, descendant_id;
        PERFORM portier_refresh_team_members(NULL);
        RETURN NULL;
      END $$;

      -- members(T): direct users, users of its roles, of its role subtrees, and of nested teams.
      -- p_users NULL recomputes every membership; otherwise only those of the given users.
      CREATE FUNCTION portier_refresh_team_members(p_users integer[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF p_users IS NULL THEN
          DELETE FROM team_member;
        ELSE
          DELETE FROM team_member WHERE user_id = ANY (p_users);
        END IF;
        INSERT INTO team_member (team_id, user_id)
        SELECT tc.ancestor_id, tu.user_id
          FROM team_closure tc JOIN team_user tu ON tu.team_id = tc.descendant_id
          WHERE p_users IS NULL OR tu.user_id = ANY (p_users)
        UNION
        SELECT tc.ancestor_id, u.id
          FROM team_closure tc
          JOIN team_role tr ON tr.team_id = tc.descendant_id AND NOT tr.with_subordinates
          JOIN app_user u ON u.role_id = tr.role_id
          WHERE p_users IS NULL OR u.id = ANY (p_users)
        UNION
        SELECT tc.ancestor_id, u.id
          FROM team_closure tc
          JOIN team_role tr ON tr.team_id = tc.descendant_id AND tr.with_subordinates
          JOIN role_closure rc ON rc.ancestor_id = tr.role_id
          JOIN app_user u ON u.role_id = rc.descendant_id
          WHERE p_users IS NULL OR u.id = ANY (p_users);
      END $$;

      CREATE FUNCTION portier_refresh_all_team_members() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM portier_refresh_team_members(NULL);
        RETURN NULL;
      END $$;

      CREATE FUNCTION portier_user_roles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE changed integer[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(id) INTO changed FROM new_rows WHERE role_id IS NOT NULL;
        ELSE
          SELECT array_agg(n.id) INTO changed FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.role_id IS DISTINCT FROM o.role_id;
        END IF;
        IF changed IS NOT NULL THEN
          PERFORM portier_refresh_team_members(changed);
        END IF;
        RETURN NULL;
      END $$;

      -- A user's access changes with their role, status, admin flag, kind or schedule.
      CREATE FUNCTION portier_user_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
                   WHERE (n.role_id, n.status, n.is_admin, n.kind, n.login_hours::text)
                         IS DISTINCT FROM (o.role_id, o.status, o.is_admin, o.kind, o.login_hours::text)) THEN
          PERFORM portier_bump_access_version_now();
        END IF;
        RETURN NULL;
      END $$;

      CREATE FUNCTION portier_bump_access_version_now() RETURNS void LANGUAGE plpgsql AS $$
      DECLARE v bigint;
      BEGIN
        UPDATE access_version SET version = version + 1 RETURNING version INTO v;
        PERFORM pg_notify('portier_access', v::text);
      END $$;

      CREATE TRIGGER role_closure_refresh AFTER INSERT OR DELETE OR UPDATE OF parent_id OR TRUNCATE ON role
        FOR EACH STATEMENT EXECUTE FUNCTION portier_refresh_role_closure();
      CREATE TRIGGER team_closure_refresh AFTER INSERT OR DELETE OR TRUNCATE ON team
        FOR EACH STATEMENT EXECUTE FUNCTION portier_refresh_team_closure();
      CREATE TRIGGER team_team_refresh AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON team_team
        FOR EACH STATEMENT EXECUTE FUNCTION portier_refresh_team_closure();
      CREATE TRIGGER team_user_refresh AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON team_user
        FOR EACH STATEMENT EXECUTE FUNCTION portier_refresh_all_team_members();
      CREATE TRIGGER team_role_refresh AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON team_role
        FOR EACH STATEMENT EXECUTE FUNCTION portier_refresh_all_team_members();
      CREATE TRIGGER app_user_roles_inserted AFTER INSERT ON app_user REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION portier_user_roles_changed();
      CREATE TRIGGER app_user_roles_updated AFTER UPDATE ON app_user REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION portier_user_roles_changed();
      CREATE TRIGGER app_user_access_updated AFTER UPDATE ON app_user REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION portier_user_access_changed();
    `);

    for (const table of ['profile', 'role', 'role_profile', 'team', 'team_user', 'team_role', 'team_team', 'sharing_default', 'sharing_rule']) {
      await q.query(`CREATE TRIGGER ${table}_bumps_access AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION portier_bump_access_version()`);
    }
    await q.query(`CREATE TRIGGER app_user_bumps_access AFTER INSERT OR DELETE ON app_user
      FOR EACH STATEMENT EXECUTE FUNCTION portier_bump_access_version()`);

    await q.query(`
      CREATE TABLE audit_entry (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id integer,
        actor_login varchar(64),
        action varchar(40) NOT NULL,
        module varchar(64),
        record_id varchar(64),
        reference varchar(120),
        changes jsonb,
        message text,
        ip varchar(64),
        user_agent text,
        prev_hash varchar(64),
        hash varchar(64)
      );
      CREATE INDEX audit_entry_at_idx ON audit_entry (at DESC);
      CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, at DESC);
      CREATE INDEX audit_entry_record_idx ON audit_entry (module, record_id, at DESC);

      CREATE TABLE login_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        login varchar(254) NOT NULL,
        user_id integer,
        success boolean NOT NULL,
        reason varchar(64),
        ip varchar(64),
        user_agent text,
        company varchar(200)
      );
      CREATE INDEX login_event_at_idx ON login_event (at DESC);
      CREATE INDEX login_event_user_idx ON login_event (user_id, at DESC);
      CREATE INDEX login_event_login_ip_idx ON login_event (login, ip, at DESC);

      -- Sessions of connect-pg-simple (its own schema).
      CREATE TABLE session (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      );
      CREATE INDEX session_expire_idx ON session (expire);

      -- For the modules' tables: give a record without a reference the next free PREFIX-000123.
      -- Usage: BEFORE INSERT ... FOR EACH ROW EXECUTE FUNCTION portier_assign_reference('ACC', 'account_reference_seq').
      CREATE FUNCTION portier_assign_reference() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE candidate text; taken boolean;
      BEGIN
        IF NEW.reference IS NULL OR NEW.reference = '' THEN
          LOOP
            candidate := TG_ARGV[0] || '-' || lpad(nextval(TG_ARGV[1]::regclass)::text, 6, '0');
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE reference = $1)', TG_TABLE_NAME) INTO taken USING candidate;
            EXIT WHEN NOT taken;
          END LOOP;
          NEW.reference := candidate;
        END IF;
        RETURN NEW;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS subscription_seat, session, login_event, audit_entry, access_version, team_member, team_closure,
        role_closure, sharing_rule, sharing_default, team_team, team_role, team_user, team, app_user,
        role_profile, role, profile CASCADE;
      DROP FUNCTION IF EXISTS portier_bump_access_version, portier_bump_access_version_now,
        portier_refresh_role_closure, portier_refresh_team_closure, portier_refresh_team_members,
        portier_refresh_all_team_members, portier_user_roles_changed, portier_user_access_changed,
        portier_assign_reference CASCADE;
      DROP TYPE IF EXISTS user_status, user_kind, user_locale;
    `);
  }
}
