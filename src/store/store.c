/*
 * store.c — the event store (prefix store_; see store.h and rows.h):
 * articles, sentences, the tagger's mentions, merged events, their
 * sources, user overrides and user templates, in SQLite (sqlite.c) or
 * PostgreSQL (postgres.c). The SQL is written once for both (the dialect
 * of backend.h); the tables are schema.c's. SQL only: the store never
 * reads an article's file, tags, extracts or merges — the pipeline
 * (src/pipeline/) does, and hands the store rows.
 *
 * This file: transactions (store_transact(), and store_tx() for the other
 * files, store_private.h), opening, migrating and closing a store,
 * template files, the state table. The rest of the SQL: store_load.c
 * (documents, the article list), store_ingest.c (articles, sentences,
 * mentions, line counts), store_events.c (candidates, estimates, events,
 * the timeline), store_curate.c (overrides, version checks).
 *
 * Invariants: every write happens in one store_transact() transaction,
 * serialised with every other writer of the store (SQLite: BEGIN
 * IMMEDIATE; PostgreSQL: an advisory lock) and run again, a bounded
 * number of times, when the database gave up on it for a serialization
 * failure or a deadlock; reads of several tables share one snapshot. An
 * event keeps its sequence (its version), created, modified, changed_by
 * and change while its content digest is unchanged. Text offsets are
 * bytes into articles.text, raw_* bytes into the article as read; ends
 * are exclusive. Timestamps are Unix seconds from frise_now().
 */
#include "store/store_private.h"

#define DEFAULT_RETRIES 5

/* ------------------------------------------------------------------ */
/* Transactions                                                         */

/* Runs `body` in a transaction of kind `tx` and commits it; runs it again
 * (up to s->retries times, after a short random pause) when the database
 * gave up on it for a serialization failure or a deadlock. Inside
 * another transaction, `body` joins it. */
bool
store_tx(FriseStore *s, StoreTx tx, StoreBody body, void *data, GError **error)
{
	if (s->in_tx)
		return body(s, data, error);
	for (int attempt = 0;; attempt++) {
		GError *e = NULL;
		s->retry = false;
		bool ok = s->be->begin(s, tx, &e);
		s->in_tx = ok;
		ok = ok && body(s, data, &e) && s->be->commit(s, &e);
		s->in_tx = false;
		if (ok)
			return true;
		s->be->rollback(s);
		if (!s->retry || attempt >= s->retries) {
			if (s->retry && e != NULL)
				g_prefix_error(&e, "gave up after %d attempt%s (another process kept conflicting; try "
					       "again): ", attempt + 1, attempt == 0 ? "" : "s");
			g_propagate_error(error, e);
			return false;
		}
		g_clear_error(&e);
		/* 10 ms, then up to 20, 40… (at most 1.3 s), at random: two
		 * processes that deadlocked should not meet again */
		g_usleep((gulong)g_random_int_range(10000, 10000 + (20000 << MIN(attempt, 6))));
	}
}

bool
store_transact(FriseStore *s, const char *change, StoreBody body, void *data, GError **error)
{
	g_free(s->change);
	s->change = g_strdup(change);
	bool ok = store_tx(s, STORE_TX_WRITE, body, data, error);
	g_clear_pointer(&s->change, g_free);
	return ok;
}

const char *
store_name(const FriseStore *s)
{
	return s->path;
}

/* ------------------------------------------------------------------ */
/* Opening: what is there, and migrations                               */

static bool
refuse(FriseStore *s, StoreKind kind, int version, const char *why, GError **error)
{
	if (kind == STORE_KIND_FOREIGN) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE,
			    "%s: not a frise store (%s); frise leaves it as it is: name another store with --store",
			    s->path, why ? why : "unknown content");
		return true;
	}
	if (kind == STORE_KIND_FRISE && version > schema_version()) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE,
			    "%s: schema version %d is newer than this frise knows (%d): use a newer frise", s->path,
			    version, schema_version());
		return true;
	}
	return false;
}

/* Creates or upgrades the store, under the write lock (two frise
 * processes may create one new store at once: what is there is asked
 * again once the lock is held). */
static bool
migrate_body(FriseStore *s, void *data, GError **error)
{
	(void)data;
	StoreKind kind;
	int v = 0;
	char *why = NULL;
	if (!s->be->identify(s, &kind, &v, &why, error))
		return false;
	bool refused = refuse(s, kind, v, why, error);
	g_free(why);
	if (refused)
		return false;
	if (kind == STORE_KIND_EMPTY && s->be->create != NULL && !s->be->create(s, error))
		return false;
	for (; v < schema_version(); v++) {
		char *sql = schema_migration(s->be->dialect, v);
		bool ok = s->be->exec(s, sql, error) && s->be->set_version(s, v + 1, error);
		g_free(sql);
		if (!ok) {
			g_prefix_error(error, "upgrading the store to schema version %d: ", v + 1);
			return false;
		}
	}
	return true;
}

static FriseStore *
store_new(const char *target)
{
	FriseStore *s = g_new0(FriseStore, 1);
	s->be = postgres_target(target) ? &postgres_backend : &sqlite_backend;
	s->path = g_strdup(target);
	s->retries = DEFAULT_RETRIES;
	s->stmts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	const char *who = g_getenv("FRISE_USER");
	s->actor = who != NULL && *who != '\0' ? g_strdup(who)
					       : g_strdup_printf("%s@%s", g_get_user_name(), g_get_host_name());
	return s;
}

/* How open_store() opens. */
typedef enum { OPEN_CREATE, OPEN_EXISTING, OPEN_READ } OpenMode;

static FriseStore *
open_store(const char *target, OpenMode mode, GError **error)
{
	FriseStore *s = store_new(target);
	bool must_exist = mode != OPEN_CREATE;
	s->read_only = mode == OPEN_READ;
	if (must_exist && s->be == &sqlite_backend && !g_file_test(target, G_FILE_TEST_EXISTS)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: no such store (run 'frise ingest' first)",
			    target);
		store_close(s);
		return NULL;
	}
	if (!s->be->open(s, target, error)) {
		store_close(s);
		return NULL;
	}
	StoreKind kind;
	int v = 0;
	char *why = NULL;
	bool ok = s->be->identify(s, &kind, &v, &why, error) && !refuse(s, kind, v, why, error);
	g_free(why);
	if (ok && must_exist && kind == STORE_KIND_EMPTY) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: no such store (run 'frise ingest' first)",
			    s->path);
		ok = false;
	}
	if (ok && mode == OPEN_READ && v != schema_version()) { /* read-only: nothing is upgraded */
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE,
			    "%s: schema version %d, older than this frise's (%d): run 'frise ingest' on it once, "
			    "with write access, to upgrade it", s->path, v, schema_version());
		ok = false;
	}
	/* only now, on a store frise may write, anything that changes it */
	if (ok && mode != OPEN_READ && s->be->ready != NULL)
		ok = s->be->ready(s, error);
	if (ok && mode != OPEN_READ && !(kind == STORE_KIND_FRISE && v == schema_version()))
		ok = store_tx(s, STORE_TX_WRITE, migrate_body, NULL, error);
	if (!ok) {
		store_close(s);
		return NULL;
	}
	return s;
}

FriseStore *
store_open(const char *target, GError **error)
{
	return open_store(target, OPEN_CREATE, error);
}

FriseStore *
store_open_existing(const char *target, GError **error)
{
	return open_store(target, OPEN_EXISTING, error);
}

FriseStore *
store_open_read(const char *target, GError **error)
{
	return open_store(target, OPEN_READ, error);
}

bool
store_is_url(const char *target)
{
	return postgres_target(target);
}

void
store_close(FriseStore *s)
{
	if (s == NULL)
		return;
	/* the statements first, before the connection */
	GHashTableIter it;
	gpointer st;
	g_hash_table_iter_init(&it, s->stmts);
	while (g_hash_table_iter_next(&it, NULL, &st))
		s->be->finalize(st);
	g_hash_table_unref(s->stmts);
	if (s->conn != NULL)
		s->be->close(s);
	g_free(s->path);
	g_free(s->actor);
	g_free(s->change);
	g_free(s);
}

/* ------------------------------------------------------------------ */
/* Templates                                                           */

static bool
template_files_body(FriseStore *s, void *data, GError **error)
{
	GPtrArray *out = data;
	g_ptr_array_set_size(out, 0);
	StoreStmt *st = prepare(s, "SELECT name, json FROM templates ORDER BY ord, name", error);
	if (st == NULL)
		return false;
	StoreStep r;
	while ((r = step(s, st, "read the templates", error)) == STORE_STEP_ROW) {
		g_ptr_array_add(out, col_text(s, st, 0));
		g_ptr_array_add(out, col_text(s, st, 1));
	}
	done(s, st);
	return r == STORE_STEP_DONE;
}

GPtrArray *
store_template_files(FriseStore *s, GError **error)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	if (!store_tx(s, STORE_TX_READ, template_files_body, out, error)) {
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

bool
store_put_template_file(FriseStore *s, const char *name, const char *json, size_t len, GError **error)
{
	/* a file added again moves last, as it did when SQLite replaced it */
	StoreStmt *st = prepare(s, "INSERT INTO templates (name, json, ord) VALUES ($1, $2, "
				   "(SELECT coalesce(max(ord), 0) + 1 FROM templates)) "
				   "ON CONFLICT (name) DO UPDATE SET json = excluded.json, ord = excluded.ord", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, name);
	bind_bytes(s, st, 2, json, len);
	bool ok = run(s, st, "save the templates", error);
	done(s, st);
	return ok;
}

/* ------------------------------------------------------------------ */
/* State                                                               */

bool
store_get_state(FriseStore *s, const char *name, char **value, GError **error)
{
	*value = NULL;
	StoreStmt *st = cached(s, "SELECT value FROM state WHERE name = $1", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, name);
	StoreStep r = step(s, st, "read the store's state", error);
	if (r == STORE_STEP_ROW)
		*value = col_text(s, st, 0);
	release(s, st);
	return r != STORE_STEP_ERROR;
}

bool
store_set_state(FriseStore *s, const char *name, const char *value, GError **error)
{
	StoreStmt *st = cached(s, value != NULL ? "INSERT INTO state (name, value) VALUES ($1, $2) "
						  "ON CONFLICT (name) DO UPDATE SET value = excluded.value"
						: "DELETE FROM state WHERE name = $1", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, name);
	if (value != NULL)
		bind_text(s, st, 2, value);
	bool ok = run(s, st, "save the store's state", error);
	release(s, st);
	return ok;
}
