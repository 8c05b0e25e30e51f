"""What only the team server has (PostgreSQL): row versions, the change log written by triggers,
announcements (LISTEN/NOTIFY), the role mapping and the row-level security of TEAM.md.

Installed by migration 0006 on PostgreSQL (SQLite files have none of it: one planner, one
writer). The rights live in the database: a user with `psql` and their own password can do no
more than the application lets them.
"""

from __future__ import annotations

from sa2030_desktop.domain.entities import BY_NAME
from sa2030_desktop.persistence.records import SPECS

CHANNEL = "sa2030"  # LISTEN/NOTIFY channel of all changes
GROUPS = {"stabsstelle": "sa2030_stabsstelle", "ressort": "sa2030_ressort", "leser": "sa2030_leser"}

# entity → table of the rows that carry a version and are logged by trigger
VERSIONED = {
    e: SPECS[e].table
    for e in (
        "category",
        "theme",
        "ministry",
        "goal",
        "milestone",
        "dependency",
        "indicator",
        "portfolio",
        "round",
        "report",
    )
}
# tables with rows of no entity of their own, and the presentation/bookkeeping tables
OTHER_TABLES = (
    "goal_partner",
    "indicator_value",
    "layout",
    "merge_base",
    "package_info",
    "frozen_state",
)
DATA_TABLES = (*VERSIONED.values(), *OTHER_TABLES)

# Which rows a ressort user may write: SQL conditions on the row (TEAM.md, Roles). The same rule
# as a Ressortpaket's (domain.preconditions.check_package_write), here enforced by PostgreSQL.
RESSORT_ROWS = {
    "goal": "lead = ANY (sa2030_my_codes())",
    "milestone": "sa2030_leads(goal)",
    "indicator": "sa2030_leads(goal)",
    "goal_partner": "sa2030_leads(goal)",
    "dependency": "sa2030_leads(dependent)",
    "indicator_value": "EXISTS (SELECT 1 FROM indicator i WHERE i.id = indicator"
    " AND sa2030_leads(i.goal))",
    "report": "sa2030_leads(goal)",
    "layout": "true",
}

_FUNCTIONS = r"""
CREATE TABLE IF NOT EXISTS server_user (
    login text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('stabsstelle', 'ressort', 'leser')),
    ministry text,
    CHECK ((role = 'ressort') = (ministry IS NOT NULL))
);
CREATE SEQUENCE IF NOT EXISTS sa2030_action_seq;

-- The mapping is read through these functions only (SECURITY DEFINER: users get no grant on
-- server_user). session_user is the login, whatever SET ROLE says.
CREATE OR REPLACE FUNCTION sa2030_whoami(OUT role text, OUT ministry text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT role, ministry FROM server_user WHERE login = session_user $$;

-- The ministry codes whose goals the user's ministry leads today: its own and the
-- predecessors it succeeded before today (DOMAIN.md: goals move to the successor).
CREATE OR REPLACE FUNCTION sa2030_my_codes() RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ WITH RECURSIVE chain(code) AS (
       SELECT ministry FROM server_user WHERE login = session_user AND role = 'ressort'
       UNION
       SELECT m.code FROM ministry m JOIN chain c ON m.successor = c.code
       WHERE m.valid_until IS NOT NULL AND m.valid_until < to_char(current_date, 'YYYY-MM-DD'))
   SELECT coalesce(array_agg(code), '{}') FROM chain $$;

CREATE OR REPLACE FUNCTION sa2030_leads(goal_key text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT EXISTS (SELECT 1 FROM goal WHERE key = goal_key AND lead = ANY (sa2030_my_codes())) $$;

CREATE OR REPLACE FUNCTION sa2030_bump_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION sa2030_text(v jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN v IS NULL OR v = 'null'::jsonb THEN '' ELSE v #>> '{}' END $$;

-- One change-log row per changed field (per record when created or deleted), with the login
-- and the server's time; comment and action number come from the application's transaction
-- settings (empty when someone writes with psql: the row is logged all the same).
CREATE OR REPLACE FUNCTION sa2030_log_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    entity text := TG_ARGV[0];
    sep text := TG_ARGV[1];
    o jsonb; n jsonb; r jsonb; k text := ''; f text; i int; ver bigint;
    act bigint := coalesce(nullif(current_setting('sa2030.action', true), '')::bigint, 0);
    cmt text := coalesce(current_setting('sa2030.comment', true), '');
    stamp text := to_json(date_trunc('second', now()))#>>'{}';
    keys text[] := '{}';
    parts text[] := '{}';
BEGIN
    IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
    r := coalesce(n, o);
    FOR i IN 2 .. TG_NARGS - 1 LOOP
        keys := keys || TG_ARGV[i];
        parts := parts || sa2030_text(r -> TG_ARGV[i]);
    END LOOP;
    k := CASE WHEN entity = 'portfolio' THEN 'portfolio' ELSE array_to_string(parts, sep) END;
    IF TG_TABLE_NAME = 'goal_partner' AND TG_OP = 'UPDATE' THEN
        NULL;  -- a partner's position: the order of the list, no change of who takes part
    ELSIF TG_TABLE_NAME = 'goal_partner' THEN
        INSERT INTO change_log (timestamp, "user", entity, key, field, old, new, comment, action)
        VALUES (stamp, session_user, 'goal', k, 'partners',
                CASE WHEN TG_OP = 'DELETE' THEN '-' || sa2030_text(o -> 'ministry') ELSE '' END,
                CASE WHEN TG_OP = 'INSERT' THEN '+' || sa2030_text(n -> 'ministry') ELSE '' END,
                cmt, act);
    ELSIF TG_TABLE_NAME = 'indicator_value' THEN
        SELECT i2.goal || '/' || i2.name INTO k FROM indicator i2
         WHERE i2.id = (r ->> 'indicator')::bigint;
        INSERT INTO change_log (timestamp, "user", entity, key, field, old, new, comment, action)
        VALUES (stamp, session_user, 'indicator', coalesce(k, ''), 'values',
                CASE WHEN o IS NULL THEN '' ELSE sa2030_text(o -> 'date') || '=' || sa2030_text(o -> 'value') END,
                CASE WHEN n IS NULL THEN '' ELSE sa2030_text(n -> 'date') || '=' || sa2030_text(n -> 'value') END,
                cmt, act);
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO change_log (timestamp, "user", entity, key, field, old, new, comment, action)
        SELECT stamp, session_user, entity, k, '*', '',
               'angelegt (' || coalesce(string_agg(e.key || '=' || sa2030_text(e.value), '; '
                                                   ORDER BY e.key), '') || ')',
               cmt, act
          FROM jsonb_each(n - keys - 'version' - 'id' - 'created' - 'updated') e
         WHERE sa2030_text(e.value) <> '';
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO change_log (timestamp, "user", entity, key, field, old, new, comment, action)
        SELECT stamp, session_user, entity, k, '*',
               coalesce(string_agg(e.key || '=' || sa2030_text(e.value), '; ' ORDER BY e.key), ''),
               'gelöscht', cmt, act
          FROM jsonb_each(o - 'version' - 'id') e
         WHERE sa2030_text(e.value) <> '';
    ELSE
        INSERT INTO change_log (timestamp, "user", entity, key, field, old, new, comment, action)
        SELECT stamp, session_user, entity, k, e.key, sa2030_text(o -> e.key),
               sa2030_text(e.value), cmt, act
          FROM jsonb_each(n - 'version' - 'created' - 'updated') e
         WHERE e.value IS DISTINCT FROM o -> e.key;
    END IF;
    ver := CASE WHEN n ? 'version' THEN (n ->> 'version')::bigint ELSE 0 END;
    PERFORM pg_notify('sa2030', json_build_object(
        'entity', CASE TG_TABLE_NAME WHEN 'goal_partner' THEN 'goal'
                  WHEN 'indicator_value' THEN 'indicator' ELSE entity END,
        'key', k, 'version', ver, 'op', lower(TG_OP), 'user', session_user::text,
        'ministry', (SELECT su.ministry FROM server_user su WHERE su.login = session_user),
        'action', act, 'pid', pg_backend_pid())::text);
    RETURN NULL;
END $$;

-- Notes of an action that change no row (e.g. a discarded frozen state): logged like the rest.
CREATE OR REPLACE FUNCTION sa2030_note(p_entity text, p_key text, p_field text, p_old text,
                                       p_new text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS
$$ INSERT INTO change_log (timestamp, "user", entity, key, field, old, new, comment, action)
   VALUES (to_json(date_trunc('second', now()))#>>'{}', session_user, p_entity, p_key, p_field,
           p_old, p_new, coalesce(current_setting('sa2030.comment', true), ''),
           coalesce(nullif(current_setting('sa2030.action', true), '')::bigint, 0)) $$;

-- A ministry answers its reports but never reviews them (TEAM.md: reviews are the
-- Koordinierungsstelle's): no ressort login sets a report accepted or returned (but back to
-- the return it answered: its undo), or writes the reviewer's fields – also not with psql
-- (persistence/server_session.py: `reviews`).
CREATE OR REPLACE FUNCTION sa2030_review_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF (SELECT w.role FROM sa2030_whoami() w) = 'ressort' AND (
        (NEW.state IN ('accepted', 'returned')
         AND (TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state)
         -- its undo of an answer to a returned report: the return as the reviewer left it
         AND NOT (TG_OP = 'UPDATE' AND NEW.state = 'returned' AND OLD.state = 'submitted'
                  AND coalesce(OLD.reviewed_by, '') <> ''))
        OR (TG_OP = 'INSERT' AND (coalesce(NEW.reviewed_by, '') <> ''
            OR coalesce(NEW.reviewed_at, '') <> '' OR coalesce(NEW.review_comment, '') <> ''))
        OR (TG_OP = 'UPDATE' AND (NEW.reviewed_by IS DISTINCT FROM OLD.reviewed_by
            OR NEW.reviewed_at IS DISTINCT FROM OLD.reviewed_at
            OR NEW.review_comment IS DISTINCT FROM OLD.review_comment))) THEN
        RAISE EXCEPTION 'Meldungen prüft nur die Koordinierungsstelle'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

-- Nobody alters the log, not even the owner or a superuser without first dropping this.
CREATE OR REPLACE FUNCTION sa2030_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Das Änderungsprotokoll kann nicht geändert werden'
        USING ERRCODE = 'insufficient_privilege';
END $$;
"""


def _q(name: str) -> str:
    return '"' + name + '"'


def install_sql(owner: str) -> list[str]:
    """The statements that turn a freshly migrated database into a team server database.
    `owner` is the role that runs the migration (the IT provider's admin): it owns the tables,
    so it is given explicit policies (FORCE ROW LEVEL SECURITY applies to owners too)."""
    sql = [_FUNCTIONS]
    for group in GROUPS.values():
        sql.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN "
            f"CREATE ROLE {group} NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$"
        )
    everyone = ", ".join(GROUPS.values())
    writers = f"{GROUPS['stabsstelle']}, {GROUPS['ressort']}"
    for table in VERSIONED.values():
        sql.append(
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 1"
        )
        sql.append(
            f"CREATE TRIGGER sa2030_version BEFORE UPDATE ON {table} FOR EACH ROW "
            "EXECUTE FUNCTION sa2030_bump_version()"
        )
    for entity, table in {
        **VERSIONED,
        "goal_partner": "goal_partner",
        "indicator_value": "indicator_value",
    }.items():
        ent = BY_NAME.get(entity)
        keys = ent.key_fields if ent else (("goal",) if table == "goal_partner" else ("indicator",))
        sep = ent.separator if ent else ""
        args = ", ".join(f"'{a}'" for a in (entity, sep, *keys))
        sql.append(
            f"CREATE TRIGGER sa2030_log AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION sa2030_log_row({args})"
        )
    sql.append(
        "CREATE TRIGGER sa2030_review_guard BEFORE INSERT OR UPDATE ON report "
        "FOR EACH ROW EXECUTE FUNCTION sa2030_review_guard()"
    )
    sql.append(
        "CREATE TRIGGER sa2030_append_only BEFORE UPDATE OR DELETE ON change_log "
        "FOR EACH ROW EXECUTE FUNCTION sa2030_log_is_append_only()"
    )
    sql.append(
        "CREATE TRIGGER sa2030_append_only_truncate BEFORE TRUNCATE ON change_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION sa2030_log_is_append_only()"
    )
    sql.append("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    sql.append("REVOKE ALL ON server_user FROM PUBLIC")
    sql.append(f"GRANT USAGE ON SCHEMA public TO {everyone}")
    sql.append(f"GRANT SELECT ON alembic_version, change_log TO {everyone}")
    sql.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {writers}")
    for table in DATA_TABLES:
        # a ressort user may write only where a policy names its rows: elsewhere refused outright
        may_write = writers if table in RESSORT_ROWS else GROUPS["stabsstelle"]
        sql.append(f"GRANT SELECT ON {table} TO {everyone}")
        sql.append(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {may_write}")
    for table in (*DATA_TABLES, "change_log"):
        sql += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY read_all ON {table} FOR SELECT TO {everyone} USING (true)",
        ]
    for table in DATA_TABLES:
        sql += [
            f"CREATE POLICY admin_all ON {table} TO {_q(owner)} USING (true) WITH CHECK (true)",
            f"CREATE POLICY stabsstelle_all ON {table} TO {GROUPS['stabsstelle']}"
            " USING (true) WITH CHECK (true)",
        ]
        rule = RESSORT_ROWS.get(table)
        if rule:
            sql.append(
                f"CREATE POLICY ressort_own ON {table} TO {GROUPS['ressort']}"
                f" USING ({rule}) WITH CHECK ({rule})"
            )
    # the log: read by all, appended by the owner's trigger functions, changed by nobody
    sql += [
        f"CREATE POLICY owner_read ON change_log FOR SELECT TO {_q(owner)} USING (true)",
        f"CREATE POLICY owner_append ON change_log FOR INSERT TO {_q(owner)} WITH CHECK (true)",
    ]
    return sql


def grant_login_sql(login: str, role: str) -> list[str]:
    """Make `login` a member of exactly the group of `role` (and of no other of ours)."""
    sql = []
    for name, group in GROUPS.items():
        verb = "GRANT" if name == role else "REVOKE"
        prep = "TO" if name == role else "FROM"
        sql.append(f"{verb} {group} {prep} {_q(login)}")
    return sql
