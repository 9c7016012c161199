/*
 * sqlite.c — the SQLite backend of the store (exports sqlite_backend only;
 * see backend.h): a file in WAL mode, foreign keys on, a 30 s busy
 * timeout, the schema version in PRAGMA user_version and frise's mark in
 * PRAGMA application_id (STORE_APPLICATION_ID). Nothing is written to a
 * file before identify() has recognised it (the WAL journal changes the
 * header: ready() sets it); a store opened to read (s->read_only) is
 * opened SQLITE_OPEN_READONLY, and as immutable when SQLite cannot make
 * its -shm file (a WAL store in a read-only folder). A write
 * transaction is BEGIN IMMEDIATE (two processes queue on the file's lock
 * for the busy timeout instead of failing); a read one is a deferred
 * BEGIN, one snapshot of the WAL.
 *
 * Statements are sqlite3_stmt; $N placeholders are rewritten to ?N (the
 * same parameter numbers) when they are prepared.
 */
#include "store/backend.h"

#include <sqlite3.h>
#include <string.h>

#define BUSY_TIMEOUT_MS 30000

struct StoreStmt {
	FriseStore *s;
	sqlite3_stmt *st;
	bool started;
};

static sqlite3 *
db_of(FriseStore *s)
{
	return s->conn;
}

static void
set_error(GError **error, const char *msg)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s", msg);
}

static bool
exec_sql(FriseStore *s, const char *sql, GError **error)
{
	char *msg = NULL;
	if (sqlite3_exec(db_of(s), sql, NULL, NULL, &msg) != SQLITE_OK) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: %s", s->path,
			    msg ? msg : "SQLite error");
		sqlite3_free(msg);
		return false;
	}
	return true;
}

/* As exec_sql, for the statements that take locks (journal mode, BEGIN
 * IMMEDIATE): SQLite skips the busy handler where waiting could deadlock
 * (two connections switching a new file to WAL at once), so retry here,
 * for as long as the busy timeout. */
static bool
exec_locking(FriseStore *s, const char *sql, GError **error)
{
	gint64 until = g_get_monotonic_time() + BUSY_TIMEOUT_MS * 1000;
	for (;;) {
		int rc = sqlite3_exec(db_of(s), sql, NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return true;
		if (((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) || g_get_monotonic_time() > until)
			return exec_sql(s, sql, error); /* once more, for the message */
		g_usleep(20000);
	}
}

/* Opens `uri` with `flags`; the result code of a first read of the file
 * (which fails on a file that is not SQLite, or that SQLite cannot open
 * as asked) in *probe. */
static int
open_db(FriseStore *s, const char *uri, int flags, int *probe)
{
	if (s->conn != NULL)
		sqlite3_close_v2(db_of(s));
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(uri, &db, flags, NULL);
	s->conn = db;
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db, 1);
	*probe = sqlite3_exec(db, "PRAGMA application_id", NULL, NULL, NULL);
	return SQLITE_OK;
}

static bool
sq_open(FriseStore *s, const char *target, GError **error)
{
	int probe = SQLITE_OK;
	int rc = open_db(s, target, s->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			 &probe);
	if (rc == SQLITE_OK && s->read_only && ((probe & 0xff) == SQLITE_CANTOPEN || (probe & 0xff) == SQLITE_READONLY)) {
		/* a WAL store in a folder we cannot write: SQLite cannot make
		 * its -shm file (SQLITE_READONLY_CANTINIT). Nothing can write
		 * the store there either, so it is read as immutable. */
		char *abs = g_canonicalize_filename(target, NULL);
		char *esc = g_uri_escape_string(abs, "/", TRUE);
		char *uri = g_strdup_printf("file:%s?immutable=1", esc);
		rc = open_db(s, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, &probe);
		g_free(uri);
		g_free(esc);
		g_free(abs);
	}
	if (rc != SQLITE_OK) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot open the store: %s", s->path,
			    db_of(s) ? sqlite3_errmsg(db_of(s)) : sqlite3_errstr(rc));
		return false;
	}
	if (!s->read_only && (sqlite3_db_readonly(db_of(s), "main") == 1 || (probe & 0xff) == SQLITE_READONLY ||
			      (probe & 0xff) == SQLITE_CANTOPEN)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE,
			    "%s: the store is read-only (its mode or its folder's): 'frise events', 'frise articles "
			    "--store' and 'frise render' can read it, nothing can change it", s->path);
		return false;
	}
	/* (a file that is not SQLite fails in identify(), with a message
	 * naming it.) Connection settings only, which change no file: a
	 * 32 MB page cache (2 MB by default): writing a big rebuild's events
	 * read their index pages back from the file */
	return exec_sql(s, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;",
			error);
}

/* The WAL journal (a setting of the file) and, on a store made before
 * frise wrote one, the application_id. */
static bool
sq_ready(FriseStore *s, GError **error)
{
	if (!exec_locking(s, "PRAGMA journal_mode = WAL", error))
		return false;
	sqlite3_stmt *st = NULL;
	bool stamped = true;
	if (sqlite3_prepare_v2(db_of(s), "PRAGMA application_id", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		stamped = sqlite3_column_int(st, 0) == STORE_APPLICATION_ID;
	sqlite3_finalize(st);
	if (stamped)
		return true;
	char *sql = g_strdup_printf("PRAGMA application_id = %d", STORE_APPLICATION_ID);
	bool ok = exec_locking(s, sql, error);
	g_free(sql);
	return ok;
}

static void
sq_close(FriseStore *s)
{
	sqlite3_close_v2(db_of(s));
	s->conn = NULL;
}

/* An integer from a one-row query, or -1. */
static gint64
query_int(FriseStore *s, const char *sql, GError **error)
{
	sqlite3_stmt *st = NULL;
	gint64 v = -1;
	int rc = sqlite3_prepare_v2(db_of(s), sql, -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot open the store: %s", s->path,
			    sqlite3_errmsg(db_of(s)));
	sqlite3_finalize(st);
	return v;
}

/*
 * A frise store is an SQLite file whose application_id is frise's; one
 * made before frise wrote it has application_id 0, a schema version frise
 * knows and exactly the tables of that version (sq_ready() stamps it).
 * No table and no version: a new store. Anything else — another
 * program's database, one with an 'articles' table of its own — is
 * foreign, described by its header and tables for the message.
 */
static bool
sq_identify(FriseStore *s, StoreKind *kind, int *version, char **why, GError **error)
{
	GError *e = NULL;
	gint64 app = query_int(s, "PRAGMA application_id", &e);
	gint64 v = e == NULL ? query_int(s, "PRAGMA user_version", &e) : -1;
	if (e != NULL) {
		g_propagate_error(error, e);
		return false;
	}
	sqlite3_stmt *st = NULL;
	GString *names = g_string_new(NULL);
	int ntables = 0, nfrise = 0;
	const char **frise = v >= 1 && v <= schema_version() ? schema_tables((int)v) : NULL;
	int want = 0;
	for (const char **t = frise; t != NULL && *t != NULL; t++)
		want++;
	int rc = sqlite3_prepare_v2(db_of(s), "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
					      "'sqlite_%' ORDER BY name", -1, &st, NULL);
	while (rc == SQLITE_OK || rc == SQLITE_ROW) {
		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		const char *name = (const char *)sqlite3_column_text(st, 0);
		ntables++;
		for (const char **t = frise; name != NULL && t != NULL && *t != NULL; t++)
			nfrise += strcmp(name, *t) == 0;
		if (ntables <= 6)
			g_string_append_printf(names, "%s%s", ntables > 1 ? ", " : "", name ? name : "?");
		else if (ntables == 7)
			g_string_append(names, ", …");
	}
	sqlite3_finalize(st);
	g_free(frise);
	if (rc != SQLITE_DONE) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot open the store: %s", s->path,
			    sqlite3_errstr(rc));
		g_string_free(names, TRUE);
		return false;
	}
	*version = (int)v;
	if (app == STORE_APPLICATION_ID)
		*kind = STORE_KIND_FRISE;
	else if (app == 0 && v == 0 && ntables == 0)
		*kind = STORE_KIND_EMPTY;
	else if (app == 0 && want > 0 && ntables == want && nfrise == want)
		*kind = STORE_KIND_FRISE; /* made before application_id */
	else {
		*kind = STORE_KIND_FOREIGN;
		*why = g_strdup_printf("another program's SQLite database: application_id %" G_GINT64_FORMAT
				       ", user_version %" G_GINT64_FORMAT ", %s%s", app, v,
				       ntables > 0 ? "tables " : "no table", names->str);
	}
	g_string_free(names, TRUE);
	return true;
}

static bool
sq_set_version(FriseStore *s, int version, GError **error)
{
	char *sql = g_strdup_printf("PRAGMA user_version = %d; PRAGMA application_id = %d", version,
				    STORE_APPLICATION_ID);
	bool ok = exec_sql(s, sql, error);
	g_free(sql);
	return ok;
}

static bool
sq_begin(FriseStore *s, StoreTx tx, GError **error)
{
	return tx == STORE_TX_WRITE ? exec_locking(s, "BEGIN IMMEDIATE", error) : exec_sql(s, "BEGIN", error);
}

static bool
sq_commit(FriseStore *s, GError **error)
{
	return exec_sql(s, "COMMIT", error);
}

static void
sq_rollback(FriseStore *s)
{
	if (!sqlite3_get_autocommit(db_of(s)))
		exec_sql(s, "ROLLBACK", NULL);
}

/* `sql` with its $N placeholders written ?N, outside quotes. */
static char *
placeholders(const char *sql)
{
	GString *out = g_string_sized_new(strlen(sql));
	char quote = 0;
	for (const char *p = sql; *p != '\0'; p++) {
		if (quote != 0) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '$' && g_ascii_isdigit(p[1])) {
			g_string_append_c(out, '?');
			continue;
		}
		g_string_append_c(out, *p);
	}
	return g_string_free(out, FALSE);
}

static StoreStmt *
sq_prepare(FriseStore *s, const char *sql, bool keep, GError **error)
{
	char *text = placeholders(sql);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(db_of(s), text, -1, keep ? SQLITE_PREPARE_PERSISTENT : 0, &st, NULL);
	g_free(text);
	if (rc != SQLITE_OK) {
		set_error(error, sqlite3_errmsg(db_of(s)));
		return NULL;
	}
	StoreStmt *ss = g_new0(StoreStmt, 1);
	ss->s = s;
	ss->st = st;
	return ss;
}

static void
sq_bind_int(StoreStmt *st, int i, gint64 v)
{
	sqlite3_bind_int64(st->st, i, v);
}

static void
sq_bind_real(StoreStmt *st, int i, double v)
{
	sqlite3_bind_double(st->st, i, v);
}

static void
sq_bind_text(StoreStmt *st, int i, const char *v, gssize len)
{
	if (v == NULL)
		sqlite3_bind_null(st->st, i);
	else
		sqlite3_bind_text(st->st, i, v, (int)len, SQLITE_TRANSIENT);
}

static StoreStep
sq_step(StoreStmt *st, GError **error)
{
	int rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return STORE_STEP_ROW;
	if (rc == SQLITE_DONE)
		return STORE_STEP_DONE;
	/* sqlite3_errmsg() is the connection's; for a read that stopped
	 * half-way (a damaged file), errstr(rc) says what the step met */
	const char *msg = sqlite3_errmsg(db_of(st->s));
	set_error(error, msg != NULL && strcmp(msg, "not an error") != 0 ? msg : sqlite3_errstr(rc));
	return STORE_STEP_ERROR;
}

static bool
sq_run(StoreStmt *st, GError **error)
{
	return sq_step(st, error) != STORE_STEP_ERROR;
}

static gint64
sq_col_int(StoreStmt *st, int i)
{
	return sqlite3_column_int64(st->st, i);
}

static double
sq_col_real(StoreStmt *st, int i)
{
	return sqlite3_column_double(st->st, i);
}

static const char *
sq_col_text(StoreStmt *st, int i, size_t *len)
{
	const char *t = (const char *)sqlite3_column_text(st->st, i);
	if (len != NULL)
		*len = t ? (size_t)sqlite3_column_bytes(st->st, i) : 0;
	return t;
}

static void
sq_reset(StoreStmt *st)
{
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
}

static void
sq_finalize(StoreStmt *st)
{
	if (st == NULL)
		return;
	sqlite3_finalize(st->st);
	g_free(st);
}

const StoreBackend sqlite_backend = {
	.name = "SQLite",
	.dialect = STORE_SQLITE,
	.open = sq_open,
	.close = sq_close,
	.ready = sq_ready,
	.identify = sq_identify,
	.set_version = sq_set_version,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.exec = exec_sql,
	.prepare = sq_prepare,
	.bind_int = sq_bind_int,
	.bind_real = sq_bind_real,
	.bind_text = sq_bind_text,
	.step = sq_step,
	.run = sq_run,
	.col_int = sq_col_int,
	.col_real = sq_col_real,
	.col_text = sq_col_text,
	.reset = sq_reset,
	.finalize = sq_finalize,
};
