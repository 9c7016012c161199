/*
 * postgres.c — the PostgreSQL backend of the store, through libpq
 * (exports postgres_backend and postgres_target only; see backend.h).
 *
 * A store is one schema of a database (default "frise"): the tables of
 * schema.c, and schema_version (application 'frise', version N). The
 * session's search_path is that schema, so store*.c's SQL names tables
 * without it.
 *
 * Targets (postgres_target()): a libpq URI, postgresql://… or
 * postgres://…, or "postgres:" followed by a libpq keyword=value string
 * (possibly empty: then the PG* environment variables say everything).
 * Two parameters are frise's and removed before libpq sees them: schema
 * (a lower-case SQL identifier) and retries (how many times a transaction
 * that failed on a serialization failure or a deadlock is run again,
 * default 5).
 *
 * Concurrency: a write transaction is READ COMMITTED whatever the
 * database's default, and its first statement takes the store's
 * transaction-level advisory lock (pg_advisory_xact_lock(FRIS, hash of
 * the schema name)), so that writers of one store — ingests and curation
 * from any machine — run one after the other, each seeing everything the
 * previous one committed (a REPEATABLE READ snapshot, taken before the
 * lock was granted, would miss it). A read transaction is REPEATABLE
 * READ READ ONLY: one snapshot, no lock. SQLSTATE 40001 and 40P01 set
 * s->retry (store.c clears it when a transaction starts).
 *
 * Statements: parameters and results in text form; a statement kept by
 * the store is prepared on the server once (PQprepare), another runs with
 * PQexecParams. A statement's whole result is read at once. In a write
 * transaction, the writes whose rows nobody reads (pg_run: INSERT, UPDATE,
 * DELETE) are pipelined: sent without waiting, their results read when
 * anything else is sent, PIPELINE_DEPTH are queued, or the transaction
 * ends; the first failure among them fails that next operation, naming
 * the write ("an earlier write failed: … in INSERT INTO events…").
 */
#include "store/backend.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

/* The advisory lock's first key: "Fris" in ASCII (as SQLite's application_id). */
#define LOCK_CLASS 0x46726973

typedef struct {
	PGconn *conn;
	char *schema;
	guint next_name;     /* for server-side prepared statements */
	bool writing;        /* in a write transaction: writes are pipelined */
	bool piping;         /* in libpq's pipeline mode, `queued` writes sent */
	GPtrArray *queued;   /* the start of each queued write's SQL, for its error */
} Pg;

/* Writes sent before their results are read: a round trip per
 * PIPELINE_DEPTH writes rather than per write (the results of that many
 * fit the socket's buffers: sending never waits for a server that waits
 * for us to read). */
#define PIPELINE_DEPTH 256

struct StoreStmt {
	FriseStore *s;
	char *sql;
	char name[24];       /* "" for an unnamed statement */
	int nparams;
	char **values;       /* nparams, each NULL or owned */
	PGresult *res;
	int row, nrows;
	bool started;
};

static Pg *
pg_of(FriseStore *s)
{
	return s->conn;
}

/* ------------------------------------------------------------------ */
/* Targets                                                              */

bool
postgres_target(const char *target)
{
	return target != NULL && (g_str_has_prefix(target, "postgresql:") || g_str_has_prefix(target, "postgres:"));
}

/* What a target holds once frise's parameters are taken out. */
typedef struct {
	char *conninfo;      /* for libpq: a URI or keyword=value pairs */
	char *shown;         /* for messages: the target without its password */
	char *schema;
	int retries;         /* -1: not given */
} Target;

static void
target_clear(Target *t)
{
	g_free(t->conninfo);
	g_free(t->shown);
	g_free(t->schema);
}

/* Takes frise's parameter `key`'s value out of a URI query part. */
static bool
take_param(const char *key, const char *value, Target *t, GError **error)
{
	if (strcmp(key, "schema") == 0) {
		g_free(t->schema);
		t->schema = g_strdup(value);
		return true;
	}
	char *end = NULL;
	long n = strtol(value, &end, 10);
	if (*value == '\0' || *end != '\0' || n < 0 || n > 1000) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE, "retries=%s: not a number of times (0-1000)",
			    value);
		return false;
	}
	t->retries = (int)n;
	return true;
}

static bool
frise_key(const char *key, size_t len)
{
	return (len == 6 && strncmp(key, "schema", 6) == 0) || (len == 7 && strncmp(key, "retries", 7) == 0);
}

/* postgresql://user:password@host/db?schema=x&retries=2&sslmode=… */
static bool
parse_uri(const char *uri, Target *t, GError **error)
{
	const char *q = strchr(uri, '?');
	GString *ci = g_string_new_len(uri, q ? q - uri : (gssize)strlen(uri));
	GString *shown = g_string_new(ci->str);
	/* the password of user:password@ */
	const char *auth = strstr(shown->str, "://");
	if (auth != NULL) {
		auth += 3;
		const char *at = strchr(auth, '@'), *slash = strchr(auth, '/');
		const char *colon = strchr(auth, ':');
		if (at != NULL && (slash == NULL || at < slash) && colon != NULL && colon < at) {
			gssize from = colon - shown->str;
			g_string_erase(shown, from, at - colon);
		}
	}
	bool ok = true;
	if (q != NULL) {
		char **pairs = g_strsplit(q + 1, "&", -1);
		const char *sep = "?", *shown_sep = "?";
		for (char **p = pairs; ok && *p != NULL; p++) {
			if (**p == '\0')
				continue;
			const char *eq = strchr(*p, '=');
			size_t klen = eq ? (size_t)(eq - *p) : strlen(*p);
			if (eq != NULL && frise_key(*p, klen)) {
				char *key = g_strndup(*p, klen);
				char *value = g_uri_unescape_string(eq + 1, NULL);
				ok = value != NULL && take_param(key, value, t, error);
				if (value == NULL)
					g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE,
						    "the store's URL: a bad %%-escape in %s=", key);
				g_free(key);
				g_free(value);
				/* named in messages, not given to libpq */
				g_string_append_printf(shown, "%s%s", shown_sep, *p);
				shown_sep = "&";
				continue;
			}
			g_string_append_printf(ci, "%s%s", sep, *p);
			sep = "&";
			if (!(klen == 8 && strncmp(*p, "password", 8) == 0)) {
				g_string_append_printf(shown, "%s%s", shown_sep, *p);
				shown_sep = "&";
			}
		}
		g_strfreev(pairs);
	}
	t->conninfo = g_string_free(ci, FALSE);
	t->shown = g_string_free(shown, FALSE);
	return ok;
}

/* postgres:host=/run/db dbname=news schema=x: keyword=value pairs, a
 * value in single quotes with \' and \\ escapes, or bare up to a space. */
static bool
parse_conninfo(const char *ci, Target *t, GError **error)
{
	GString *out = g_string_new(NULL), *shown = g_string_new("postgres:");
	bool ok = true;
	const char *p = ci;
	while (ok) {
		while (g_ascii_isspace(*p))
			p++;
		if (*p == '\0')
			break;
		const char *key = p;
		while (*p != '\0' && *p != '=' && !g_ascii_isspace(*p))
			p++;
		size_t klen = (size_t)(p - key);
		while (g_ascii_isspace(*p))
			p++;
		if (*p != '=') {
			/* the keyword only: the string may hold a password */
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE,
				    "postgres:…: expected keyword=value (libpq's connection string), not '%.*s'",
				    (int)MIN(klen, 40), key);
			ok = false;
			break;
		}
		p++;
		while (g_ascii_isspace(*p))
			p++;
		GString *value = g_string_new(NULL);
		if (*p == '\'') {
			for (p++; *p != '\0' && *p != '\''; p++) {
				if (*p == '\\' && p[1] != '\0')
					p++;
				g_string_append_c(value, *p);
			}
			if (*p == '\'')
				p++;
		} else {
			for (; *p != '\0' && !g_ascii_isspace(*p); p++) {
				if (*p == '\\' && p[1] != '\0')
					p++;
				g_string_append_c(value, *p);
			}
		}
		if (frise_key(key, klen)) {
			char *k = g_strndup(key, klen);
			ok = take_param(k, value->str, t, error);
			g_free(k);
		} else {
			g_string_append_printf(out, "%s%.*s", out->len ? " " : "", (int)(p - key), key);
		}
		if (!(klen == 8 && strncmp(key, "password", 8) == 0))
			g_string_append_printf(shown, "%s%.*s", shown->len > 9 ? " " : "", (int)(p - key), key);
		g_string_free(value, TRUE);
	}
	t->conninfo = g_string_free(out, FALSE);
	t->shown = g_string_free(shown, FALSE);
	return ok;
}

static bool
valid_schema(const char *name)
{
	if (name == NULL || *name == '\0' || strlen(name) > 63 || g_ascii_isdigit(*name))
		return false;
	for (const char *p = name; *p != '\0'; p++)
		if (!(g_ascii_islower(*p) || g_ascii_isdigit(*p) || *p == '_'))
			return false;
	return true;
}

static bool
parse_target(const char *target, Target *t, GError **error)
{
	memset(t, 0, sizeof *t);
	t->retries = -1;
	bool ok;
	if (g_str_has_prefix(target, "postgresql://") || g_str_has_prefix(target, "postgres://"))
		ok = parse_uri(target, t, error);
	else
		ok = parse_conninfo(strchr(target, ':') + 1, t, error);
	if (ok && t->schema == NULL)
		t->schema = g_strdup("frise");
	if (ok && !valid_schema(t->schema)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE,
			    "%s: schema '%s' is not a lower-case SQL name (letters a-z, digits, _)", t->shown, t->schema);
		ok = false;
	}
	return ok;
}

/* ------------------------------------------------------------------ */
/* Errors                                                               */

/* libpq's message on one line: "…failed: No such file or directory\n\tIs
 * the server running…" becomes "…directory; is the server…". A new string. */
static char *
one_line(const char *msg)
{
	GString *out = g_string_new(NULL);
	bool gap = false;
	for (const char *p = msg; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r') {
			gap = out->len > 0;
			continue;
		}
		if (gap) {
			g_string_append(out, "; ");
			gap = false;
		}
		g_string_append_c(out, *p);
	}
	return g_strstrip(g_string_free(out, FALSE));
}

/* The message of a failed result, its SQLSTATE deciding s->retry. */
static void
result_error(FriseStore *s, const PGresult *res, GError **error)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	/* sticky: what fails after it in the transaction (25P02) is its doing */
	if (state != NULL && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0))
		s->retry = true;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (msg == NULL)
		msg = PQerrorMessage(pg_of(s)->conn);
	char *m = one_line(msg && *msg ? msg : "PostgreSQL error");
	if (state != NULL)
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s (SQLSTATE %s)", m, state);
	else
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s", m);
	g_free(m);
}

/* True when `res` is a success; else false with `error` (res is cleared). */
static bool
check(FriseStore *s, PGresult *res, GError **error)
{
	ExecStatusType st = PQresultStatus(res);
	if (res != NULL && (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK))
		return true;
	result_error(s, res, error);
	PQclear(res);
	return false;
}

/* Reads the results of the queued writes and leaves pipeline mode: false
 * with `error` saying which write failed first and why. Every other use
 * of the connection comes after it. */
static bool
drain(FriseStore *s, GError **error)
{
	Pg *pg = pg_of(s);
	if (pg == NULL || !pg->piping)
		return true;
	GError *e = NULL;
	if (PQpipelineSync(pg->conn) != 1)
		result_error(s, NULL, &e);
	/* one result (then NULL) per write, in the order sent, then the sync's */
	for (guint i = 0; e == NULL || PQstatus(pg->conn) == CONNECTION_OK;) {
		PGresult *r = PQgetResult(pg->conn);
		if (r == NULL) {
			if (PQstatus(pg->conn) != CONNECTION_OK) {
				if (e == NULL)
					result_error(s, NULL, &e);
				break;
			}
			continue;
		}
		ExecStatusType st = PQresultStatus(r);
		if (st == PGRES_PIPELINE_SYNC) {
			PQclear(r);
			break;
		}
		if (e == NULL && st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
			GError *why = NULL;
			result_error(s, r, &why);
			g_set_error(&e, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "an earlier write failed: %s, in %s…",
				    why->message, i < pg->queued->len ? (char *)g_ptr_array_index(pg->queued, i) : "?");
			g_error_free(why);
		}
		i++;
		PQclear(r);
	}
	PQexitPipelineMode(pg->conn);
	pg->piping = false;
	g_ptr_array_set_size(pg->queued, 0);
	if (e != NULL) {
		g_propagate_error(error, e);
		return false;
	}
	return true;
}

static bool
pg_exec(FriseStore *s, const char *sql, GError **error)
{
	if (!drain(s, error)) {
		g_prefix_error(error, "%s: ", s->path);
		return false;
	}
	PGresult *res = PQexec(pg_of(s)->conn, sql);
	bool ok = check(s, res, error);
	if (ok)
		PQclear(res);
	else
		g_prefix_error(error, "%s: ", s->path);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Connection                                                           */

static bool
pg_open(FriseStore *s, const char *target, GError **error)
{
	Target t;
	if (!parse_target(target, &t, error)) {
		target_clear(&t);
		return false;
	}
	g_free(s->path);
	s->path = g_strdup(t.shown);
	if (t.retries >= 0)
		s->retries = t.retries;
	Pg *pg = g_new0(Pg, 1);
	s->conn = pg;
	pg->schema = g_strdup(t.schema);
	pg->queued = g_ptr_array_new_with_free_func(g_free);
	/* the target first, expanded; later keywords override it */
	const char *keys[] = { "dbname", "fallback_application_name", "client_encoding", NULL };
	const char *values[] = { t.conninfo, "frise", "UTF8", NULL };
	pg->conn = PQconnectdbParams(keys, values, 1);
	target_clear(&t);
	if (pg->conn == NULL || PQstatus(pg->conn) != CONNECTION_OK) {
		char *m = one_line(pg->conn ? PQerrorMessage(pg->conn) : "out of memory");
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot connect to PostgreSQL: %s",
			    s->path, m);
		g_free(m);
		return false;
	}
	const char *enc = PQparameterStatus(pg->conn, "server_encoding");
	if (enc != NULL && strcmp(enc, "UTF8") != 0 && strcmp(enc, "SQL_ASCII") != 0) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE,
			    "%s: the database's encoding is %s; frise keeps UTF-8 text: use a database made with "
			    "ENCODING 'UTF8'", s->path, enc);
		return false;
	}
	/* the schema need not exist yet: the migration makes it */
	char *sql = g_strdup_printf("SET search_path = \"%s\"; SET client_min_messages = warning", pg->schema);
	bool ok = pg_exec(s, sql, error);
	g_free(sql);
	return ok;
}

static void
pg_close(FriseStore *s)
{
	Pg *pg = pg_of(s);
	if (pg == NULL)
		return;
	if (pg->conn != NULL)
		PQfinish(pg->conn);
	g_ptr_array_unref(pg->queued);
	g_free(pg->schema);
	g_free(pg);
	s->conn = NULL;
}

/* The result of `sql`, with the schema's name as $1 when `with_schema`,
 * or NULL with `error`. */
static PGresult *
query_schema(FriseStore *s, const char *sql, bool with_schema, GError **error)
{
	const char *param[1] = { pg_of(s)->schema };
	if (!drain(s, error)) {
		g_prefix_error(error, "%s: ", s->path);
		return NULL;
	}
	PGresult *res = PQexecParams(pg_of(s)->conn, sql, with_schema, NULL, param, NULL, NULL, 0);
	if (!check(s, res, error)) {
		g_prefix_error(error, "%s: cannot open the store: ", s->path);
		return NULL;
	}
	return res;
}

static bool
pg_identify(FriseStore *s, StoreKind *kind, int *version, char **why, GError **error)
{
	PGresult *res = query_schema(s, "SELECT string_agg(tablename, ', ' ORDER BY tablename), count(*), "
				       "count(*) FILTER (WHERE tablename = 'schema_version') "
				       "FROM pg_tables WHERE schemaname = $1", true, error);
	if (res == NULL)
		return false;
	long ntables = strtol(PQgetvalue(res, 0, 1), NULL, 10);
	bool versioned = strcmp(PQgetvalue(res, 0, 2), "0") != 0;
	char *names = g_strdup(PQgetvalue(res, 0, 0));
	PQclear(res);
	*version = 0;
	if (ntables == 0) {
		*kind = STORE_KIND_EMPTY;
	} else if (!versioned) {
		*kind = STORE_KIND_FOREIGN;
		*why = g_strdup_printf("schema %s holds tables (%.200s) but no frise schema_version",
				       pg_of(s)->schema, names);
	} else {
		res = query_schema(s, "SELECT max(version), count(*) FROM schema_version "
				      "WHERE application = 'frise'", false, error);
		if (res == NULL) {
			g_free(names);
			return false;
		}
		if (strcmp(PQgetvalue(res, 0, 1), "1") != 0) {
			*kind = STORE_KIND_FOREIGN;
			*why = g_strdup_printf("schema %s has a schema_version table that is not frise's",
					       pg_of(s)->schema);
		} else {
			*kind = STORE_KIND_FRISE;
			*version = (int)strtol(PQgetvalue(res, 0, 0), NULL, 10);
		}
		PQclear(res);
	}
	g_free(names);
	return true;
}

static bool
pg_create(FriseStore *s, GError **error)
{
	char *sql = g_strdup_printf("CREATE SCHEMA IF NOT EXISTS \"%s\"; "
				    "CREATE TABLE schema_version (application TEXT PRIMARY KEY, version BIGINT NOT NULL); "
				    "INSERT INTO schema_version VALUES ('frise', 0)", pg_of(s)->schema);
	bool ok = pg_exec(s, sql, error);
	g_free(sql);
	return ok;
}

static bool
pg_set_version(FriseStore *s, int version, GError **error)
{
	char *sql = g_strdup_printf("UPDATE schema_version SET version = %d WHERE application = 'frise'", version);
	bool ok = pg_exec(s, sql, error);
	g_free(sql);
	return ok;
}

static bool
pg_begin(FriseStore *s, StoreTx tx, GError **error)
{
	if (tx == STORE_TX_READ)
		return pg_exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error);
	if (!pg_exec(s, "BEGIN ISOLATION LEVEL READ COMMITTED", error))
		return false;
	char key[16];
	g_snprintf(key, sizeof key, "%d", LOCK_CLASS);
	const char *params[2] = { key, pg_of(s)->schema };
	PGresult *res = PQexecParams(pg_of(s)->conn, "SELECT pg_advisory_xact_lock($1::int, hashtext($2))", 2, NULL,
				     params, NULL, NULL, 0);
	if (!check(s, res, error)) {
		g_prefix_error(error, "%s: cannot lock the store for writing: ", s->path);
		return false;
	}
	PQclear(res);
	pg_of(s)->writing = true;
	return true;
}

static bool
pg_commit(FriseStore *s, GError **error)
{
	pg_of(s)->writing = false;
	return pg_exec(s, "COMMIT", error); /* reads the queued writes' results first */
}

static void
pg_rollback(FriseStore *s)
{
	Pg *pg = pg_of(s);
	if (pg == NULL || pg->conn == NULL)
		return;
	pg->writing = false;
	drain(s, NULL);
	if (PQtransactionStatus(pg->conn) != PQTRANS_IDLE)
		PQclear(PQexec(pg->conn, "ROLLBACK"));
}

/* ------------------------------------------------------------------ */
/* Statements                                                           */

/* The highest $N of `sql`, outside quotes. */
static int
count_params(const char *sql)
{
	int n = 0;
	char quote = 0;
	for (const char *p = sql; *p != '\0'; p++) {
		if (quote != 0) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '$' && g_ascii_isdigit(p[1])) {
			n = MAX(n, atoi(p + 1));
		}
	}
	return n;
}

static StoreStmt *
pg_prepare(FriseStore *s, const char *sql, bool keep, GError **error)
{
	StoreStmt *st = g_new0(StoreStmt, 1);
	st->s = s;
	st->sql = g_strdup(sql);
	st->nparams = count_params(sql);
	st->values = g_new0(char *, MAX(st->nparams, 1));
	if (keep && !drain(s, error)) {
		g_free(st->values);
		g_free(st->sql);
		g_free(st);
		return NULL;
	}
	if (keep) {
		g_snprintf(st->name, sizeof st->name, "frise_%u", ++pg_of(s)->next_name);
		PGresult *res = PQprepare(pg_of(s)->conn, st->name, sql, st->nparams, NULL);
		if (!check(s, res, error)) {
			g_free(st->values);
			g_free(st->sql);
			g_free(st);
			return NULL;
		}
		PQclear(res);
	}
	return st;
}

static void
set_value(StoreStmt *st, int i, char *v)
{
	if (i < 1 || i > st->nparams) {
		g_free(v);
		return;
	}
	g_free(st->values[i - 1]);
	st->values[i - 1] = v;
}

static void
pg_bind_int(StoreStmt *st, int i, gint64 v)
{
	set_value(st, i, g_strdup_printf("%" G_GINT64_FORMAT, v));
}

static void
pg_bind_real(StoreStmt *st, int i, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	set_value(st, i, g_strdup(g_ascii_dtostr(buf, sizeof buf, v)));
}

static void
pg_bind_text(StoreStmt *st, int i, const char *v, gssize len)
{
	set_value(st, i, v == NULL ? NULL : len < 0 ? g_strdup(v) : g_strndup(v, (gsize)len));
}

static StoreStep
pg_step(StoreStmt *st, GError **error)
{
	if (!st->started) {
		PGconn *c = pg_of(st->s)->conn;
		const char *const *vals = (const char *const *)st->values;
		if (!drain(st->s, error))
			return STORE_STEP_ERROR;
		st->res = st->name[0] ? PQexecPrepared(c, st->name, st->nparams, vals, NULL, NULL, 0)
				      : PQexecParams(c, st->sql, st->nparams, NULL, vals, NULL, NULL, 0);
		st->started = true;
		if (!check(st->s, st->res, error)) {
			st->res = NULL;
			return STORE_STEP_ERROR;
		}
		st->row = -1;
		st->nrows = PQntuples(st->res);
	}
	if (st->res == NULL)
		return STORE_STEP_DONE;
	return ++st->row < st->nrows ? STORE_STEP_ROW : STORE_STEP_DONE;
}

/* In a write transaction, sends the statement and returns: its result is
 * read by drain(). Elsewhere, runs it. */
static bool
pg_run(StoreStmt *st, GError **error)
{
	Pg *pg = pg_of(st->s);
	if (!pg->writing)
		return pg_step(st, error) != STORE_STEP_ERROR;
	if (!pg->piping) {
		if (PQenterPipelineMode(pg->conn) != 1) {
			result_error(st->s, NULL, error);
			return false;
		}
		pg->piping = true;
	}
	const char *const *vals = (const char *const *)st->values;
	int sent = st->name[0] ? PQsendQueryPrepared(pg->conn, st->name, st->nparams, vals, NULL, NULL, 0)
			       : PQsendQueryParams(pg->conn, st->sql, st->nparams, NULL, vals, NULL, NULL, 0);
	if (sent != 1) {
		result_error(st->s, NULL, error);
		return false;
	}
	st->started = true; /* and done: a step would find no row */
	g_ptr_array_add(pg->queued, g_strndup(st->sql, 48));
	return pg->queued->len < PIPELINE_DEPTH || drain(st->s, error);
}

static gint64
pg_col_int(StoreStmt *st, int i)
{
	if (st->res == NULL || PQgetisnull(st->res, st->row, i))
		return 0;
	return g_ascii_strtoll(PQgetvalue(st->res, st->row, i), NULL, 10);
}

static double
pg_col_real(StoreStmt *st, int i)
{
	if (st->res == NULL || PQgetisnull(st->res, st->row, i))
		return 0;
	return g_ascii_strtod(PQgetvalue(st->res, st->row, i), NULL);
}

static const char *
pg_col_text(StoreStmt *st, int i, size_t *len)
{
	bool null = st->res == NULL || PQgetisnull(st->res, st->row, i);
	if (len != NULL)
		*len = null ? 0 : (size_t)PQgetlength(st->res, st->row, i);
	return null ? NULL : PQgetvalue(st->res, st->row, i);
}

static void
pg_reset(StoreStmt *st)
{
	PQclear(st->res);
	st->res = NULL;
	st->started = false;
	for (int i = 0; i < st->nparams; i++)
		g_clear_pointer(&st->values[i], g_free);
}

/* A statement kept prepared on the server is finalized when the store
 * closes: the server forgets it with the connection. */
static void
pg_finalize(StoreStmt *st)
{
	if (st == NULL)
		return;
	pg_reset(st);
	g_free(st->values);
	g_free(st->sql);
	g_free(st);
}

const StoreBackend postgres_backend = {
	.name = "PostgreSQL",
	.dialect = STORE_POSTGRES,
	.open = pg_open,
	.close = pg_close,
	.identify = pg_identify,
	.create = pg_create,
	.set_version = pg_set_version,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.bind_int = pg_bind_int,
	.bind_real = pg_bind_real,
	.bind_text = pg_bind_text,
	.step = pg_step,
	.run = pg_run,
	.col_int = pg_col_int,
	.col_real = pg_col_real,
	.col_text = pg_col_text,
	.reset = pg_reset,
	.finalize = pg_finalize,
};
