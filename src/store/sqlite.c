/*
 * sqlite.c — the SQLite backend of the store (exports sqlite_backend only;
 * see backend.h): a file in WAL mode, foreign keys on, a 30 s busy
 * timeout, the schema version in PRAGMA user_version. A write
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

static bool
sq_open(FriseStore *s, const char *target, GError **error)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(target, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	s->conn = db;
	if (rc != SQLITE_OK) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot open the store: %s", s->path,
			    db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		return false;
	}
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db, 1);
	/* a file that is not SQLite fails here, with a message naming it; a
	 * 32 MB page cache (2 MB by default): writing a big rebuild's events
	 * read their index pages back from the file */
	return exec_locking(s, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
			    " PRAGMA cache_size = -32768;", error);
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

static bool
sq_identify(FriseStore *s, StoreKind *kind, int *version, char **why, GError **error)
{
	gint64 v = query_int(s, "PRAGMA user_version", error);
	gint64 ntables = v < 0 ? -1 : query_int(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
						   "AND name NOT LIKE 'sqlite_%'", error);
	if (ntables < 0)
		return false;
	*version = (int)v;
	if (v > 0)
		*kind = STORE_KIND_FRISE;
	else if (ntables == 0)
		*kind = STORE_KIND_EMPTY;
	else {
		*kind = STORE_KIND_FOREIGN;
		*why = g_strdup_printf("an SQLite database with %" G_GINT64_FORMAT " table%s and no frise schema "
				       "version", ntables, ntables == 1 ? "" : "s");
	}
	return true;
}

static bool
sq_set_version(FriseStore *s, int version, GError **error)
{
	char *sql = g_strdup_printf("PRAGMA user_version = %d", version);
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
