/*
 * store.c — the event store (prefix store_; see store.h and rows.h): an
 * SQLite file with articles, sentences, the tagger's mentions, merged
 * events, their sources, user overrides and user templates. SQL only:
 * the store never reads an article's file, tags, extracts or merges —
 * the pipeline (src/pipeline/) does, and hands the store rows.
 *
 * Invariants: every write happens in one BEGIN IMMEDIATE transaction (so
 * two processes queue on the busy timeout instead of failing); an event
 * keeps its sequence/created/modified while its content digest is
 * unchanged. Text offsets are bytes into articles.text, raw_* bytes into
 * the article as read; ends are exclusive. Timestamps are Unix seconds
 * from frise_now().
 */
#include "store/rows.h"

#include <sqlite3.h>
#include <stdint.h>
#include <string.h>

#define BUSY_TIMEOUT_MS 30000

struct FriseStore {
	sqlite3 *db;
	char *path;
	GHashTable *stmts;         /* SQL text -> sqlite3_stmt*, see cached() */
};

/* ORDER MIGRATIONS: entry i brings user_version i to i + 1. */
static const char *const migrations[] = {
	"CREATE TABLE articles ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  hash TEXT NOT NULL,"
	"  path TEXT, title TEXT NOT NULL, url TEXT, source TEXT,"
	"  lang TEXT NOT NULL,"
	"  published TEXT, origin TEXT NOT NULL,"
	"  estimate TEXT, precision TEXT, evidence TEXT,"
	"  text TEXT NOT NULL,"
	"  ingested INTEGER NOT NULL);"
	"CREATE TABLE sentences ("
	"  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,"
	"  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
	"  raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL, boilerplate INTEGER NOT NULL,"
	"  PRIMARY KEY (article, idx));"
	"CREATE TABLE mentions ("
	"  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,"
	"  resolved INTEGER NOT NULL,"
	"  start INTEGER NOT NULL, end INTEGER NOT NULL,"
	"  type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT NOT NULL,"
	"  tense INTEGER NOT NULL, relative INTEGER NOT NULL, rule TEXT,"
	"  PRIMARY KEY (article, resolved, start));"
	"CREATE TABLE events ("
	"  id TEXT PRIMARY KEY, ord INTEGER NOT NULL,"
	"  value TEXT NOT NULL, mod TEXT NOT NULL, is_time INTEGER NOT NULL,"
	"  title TEXT NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, status INTEGER NOT NULL,"
	"  score REAL NOT NULL, conflict INTEGER NOT NULL, edited INTEGER NOT NULL,"
	"  hidden INTEGER NOT NULL, sequence INTEGER NOT NULL, created INTEGER NOT NULL,"
	"  modified INTEGER NOT NULL, digest TEXT NOT NULL);"
	"CREATE TABLE event_sources ("
	"  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
	"  idx INTEGER NOT NULL,"
	"  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,"
	"  key TEXT NOT NULL, quote TEXT NOT NULL, raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,"
	"  value TEXT NOT NULL, mod TEXT NOT NULL,"
	"  PRIMARY KEY (event, idx));"
	"CREATE INDEX event_sources_key ON event_sources(key);"
	"CREATE TABLE overrides ("
	"  seq INTEGER PRIMARY KEY, kind TEXT NOT NULL"
	"    CHECK (kind IN ('title','date','type','hide','merge','split')),"
	"  key TEXT NOT NULL, value TEXT, created INTEGER NOT NULL);"
	"CREATE TABLE templates (name TEXT PRIMARY KEY, json TEXT NOT NULL);",
	/* 2: the salience module's rank (the top N reads it, the SQL computes
	 * none), its factors, and why each source joined its event */
	"ALTER TABLE events ADD COLUMN rank REAL NOT NULL DEFAULT 0;"
	"ALTER TABLE events ADD COLUMN why TEXT;"
	"ALTER TABLE event_sources ADD COLUMN why TEXT;",
	/* 3: the boilerplate stage's corpus evidence — each article's distinct
	 * line hashes (8 bytes each, little-endian, sorted) and, per hash, how
	 * many articles hold it, so that a later ingest counts the lines of
	 * the articles stored before — and the timeline's own title, chosen
	 * by the pipeline from the articles' titles */
	"ALTER TABLE articles ADD COLUMN lines BLOB;"
	"CREATE TABLE line_counts (hash INTEGER PRIMARY KEY, articles INTEGER NOT NULL);"
	"CREATE TABLE timeline (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
};

static bool
fail(FriseStore *s, GError **error, const char *what)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: %s: %s", s->path, what,
		    sqlite3_errmsg(s->db));
	return false;
}

static bool
exec(FriseStore *s, const char *sql, GError **error)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: %s", s->path,
			    msg ? msg : "SQLite error");
		sqlite3_free(msg);
		return false;
	}
	return true;
}

/* As exec, for the statements that take locks (journal mode, BEGIN
 * IMMEDIATE): SQLite skips the busy handler where waiting could deadlock
 * (two connections switching a new file to WAL at once), so retry here,
 * for as long as the busy timeout. */
static bool
exec_locking(FriseStore *s, const char *sql, GError **error)
{
	gint64 until = g_get_monotonic_time() + BUSY_TIMEOUT_MS * 1000;
	for (;;) {
		int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return true;
		if (((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) || g_get_monotonic_time() > until)
			return exec(s, sql, error); /* once more, for the message */
		g_usleep(20000);
	}
}

static sqlite3_stmt *
prepare(FriseStore *s, const char *sql, GError **error)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(s, error, "cannot prepare a query");
		return NULL;
	}
	return st;
}

static void
finalize_stmt(gpointer st)
{
	sqlite3_finalize(st);
}

/* The prepared statement of `sql` that the store keeps for statements run
 * once per article or mention (preparing them each time was a third of
 * writing an article). Owned by the store: the caller steps it, then
 * hands it back with release(); it is never finalized by the caller. */
static sqlite3_stmt *
cached(FriseStore *s, const char *sql, GError **error)
{
	sqlite3_stmt *st = g_hash_table_lookup(s->stmts, sql);
	if (st != NULL)
		return st;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		fail(s, error, "cannot prepare a query");
		return NULL;
	}
	g_hash_table_insert(s->stmts, g_strdup(sql), st);
	return st;
}

/* Resets a cached() statement and clears its bindings, so that it holds
 * no lock nor text until its next use. */
static void
release(sqlite3_stmt *st)
{
	if (st != NULL) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? g_strdup((const char *)t) : NULL;
}

/* The text of column i, "" for NULL (a damaged store may hold NULL where
 * the schema says NOT NULL): borrowed until the next step. */
static const char *
col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

/* A copy of column i for a NOT NULL column: "" for NULL. */
static char *
col_dup(sqlite3_stmt *st, int i)
{
	return g_strdup(col_str(st, i));
}

/* Ends a read loop: true when it stopped at SQLITE_DONE, else false with
 * `error` saying what could not be read (a damaged file, an I/O error). */
static bool
read_done(FriseStore *s, int rc, const char *what, GError **error)
{
	if (rc == SQLITE_DONE)
		return true;
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot read %s: %s", s->path, what,
		    sqlite3_errstr(rc));
	return false;
}

static int
user_version(FriseStore *s)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static bool
migrate(FriseStore *s, GError **error)
{
	if (user_version(s) == (int)G_N_ELEMENTS(migrations))
		return true;
	if (!exec_locking(s, "BEGIN IMMEDIATE", error))
		return false;
	int v = user_version(s); /* again, now that we hold the lock */
	if (v < 0 || v > (int)G_N_ELEMENTS(migrations)) {
		exec(s, "ROLLBACK", NULL);
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE,
			    "%s: schema version %d is not one this frise knows (%d); is it a frise store?",
			    s->path, v, (int)G_N_ELEMENTS(migrations));
		return false;
	}
	for (; v < (int)G_N_ELEMENTS(migrations); v++) {
		char *pragma = g_strdup_printf("PRAGMA user_version = %d", v + 1);
		bool ok = exec(s, migrations[v], error) && exec(s, pragma, error);
		g_free(pragma);
		if (!ok) {
			exec(s, "ROLLBACK", NULL);
			return false;
		}
	}
	return exec(s, "COMMIT", error);
}

FriseStore *
store_open(const char *path, GError **error)
{
	FriseStore *s = g_new0(FriseStore, 1);
	s->path = g_strdup(path);
	s->stmts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, finalize_stmt);
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		fail(s, error, "cannot open the store");
		store_close(s);
		return NULL;
	}
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(s->db, 1);
	/* a file that is not SQLite fails here, with a message naming it */
	/* a 32 MB page cache (2 MB by default): writing a big rebuild's
	 * events read their index pages back from the file */
	if (!exec_locking(s, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
			  " PRAGMA cache_size = -32768;", error) ||
	    !migrate(s, error)) {
		store_close(s);
		return NULL;
	}
	return s;
}

void
store_close(FriseStore *s)
{
	if (s == NULL)
		return;
	g_hash_table_unref(s->stmts); /* finalizes them, before the close */
	sqlite3_close_v2(s->db);
	g_free(s->path);
	g_free(s);
}

/* ------------------------------------------------------------------ */
/* Templates                                                           */

GPtrArray *
store_template_files(FriseStore *s, GError **error)
{
	sqlite3_stmt *st = prepare(s, "SELECT name, json FROM templates ORDER BY rowid", error);
	if (st == NULL)
		return NULL;
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		g_ptr_array_add(out, col_text(st, 0));
		g_ptr_array_add(out, col_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		fail(s, error, "cannot read the templates");
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}

bool
store_put_template_file(FriseStore *s, const char *name, const char *json, size_t len, GError **error)
{
	sqlite3_stmt *st = prepare(s, "INSERT OR REPLACE INTO templates (name, json) VALUES (?, ?)", error);
	if (st == NULL)
		return false;
	bind_text(st, 1, name);
	sqlite3_bind_text(st, 2, json, (int)len, SQLITE_TRANSIENT);
	bool ok = sqlite3_step(st) == SQLITE_DONE || fail(s, error, "cannot save the templates");
	sqlite3_finalize(st);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Loading documents                                                   */


void
store_doc_clear(StoreDoc *d)
{
	g_free(d->id);
	g_free(d->title);
	g_free(d->url);
	g_free(d->published);
	g_free(d->estimate);
	g_free(d->text);
	if (d->sentences)
		g_array_unref(d->sentences);
	if (d->base)
		g_array_unref(d->base);
	if (d->resolved)
		g_array_unref(d->resolved);
}

GArray *
store_load_docs(FriseStore *s, GError **error)
{
	GArray *docs = g_array_new(FALSE, TRUE, sizeof(StoreDoc));
	g_array_set_clear_func(docs, (GDestroyNotify)store_doc_clear);
	sqlite3_stmt *st = prepare(s, "SELECT seq, id, title, url, published, estimate, text, lang "
				      "FROM articles ORDER BY seq", error);
	if (st == NULL) {
		g_array_unref(docs);
		return NULL;
	}
	GHashTable *by_seq = g_hash_table_new(g_int64_hash, g_int64_equal);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		StoreDoc d = { 0 };
		d.seq = sqlite3_column_int64(st, 0);
		d.id = col_text(st, 1);
		d.title = col_text(st, 2);
		d.url = col_text(st, 3);
		d.published = col_text(st, 4);
		d.estimate = col_text(st, 5);
		d.text = col_text(st, 6);
		d.len = (size_t)sqlite3_column_bytes(st, 6);
		if (d.text == NULL)
			d.text = g_strdup("");
		d.lang = frise_lang_parse(col_str(st, 7));
		d.sentences = g_array_new(FALSE, FALSE, sizeof(FriseSentence));
		d.base = g_array_new(FALSE, FALSE, sizeof(FriseTimex));
		g_array_append_val(docs, d);
	}
	sqlite3_finalize(st);
	bool ok = read_done(s, rc, "the articles", error);
	for (guint i = 0; ok && i < docs->len; i++)
		g_hash_table_insert(by_seq, &g_array_index(docs, StoreDoc, i).seq, GUINT_TO_POINTER(i));
	st = ok ? prepare(s, "SELECT article, start, end, raw_start, raw_end, boilerplate FROM sentences "
			     "ORDER BY article, idx", error) : NULL;
	ok = st != NULL;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		gint64 a = sqlite3_column_int64(st, 0);
		gpointer ip;
		if (!g_hash_table_lookup_extended(by_seq, &a, NULL, &ip))
			continue;
		StoreDoc *d = &g_array_index(docs, StoreDoc, GPOINTER_TO_UINT(ip));
		FriseSentence se = { (size_t)sqlite3_column_int64(st, 1), (size_t)sqlite3_column_int64(st, 2),
				     (size_t)sqlite3_column_int64(st, 3), (size_t)sqlite3_column_int64(st, 4),
				     sqlite3_column_int(st, 5) != 0 };
		/* a damaged row must not point outside its text */
		if (se.start > se.end || se.end > d->len)
			continue;
		g_array_append_val(d->sentences, se);
	}
	sqlite3_finalize(st);
	ok = ok && read_done(s, rc, "the sentences", error);
	st = ok ? prepare(s, "SELECT article, resolved, start, end, type, value, mod, tense, relative, rule "
			     "FROM mentions ORDER BY article, resolved, start", error) : NULL;
	ok = st != NULL;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		gint64 a = sqlite3_column_int64(st, 0);
		gpointer ip;
		if (!g_hash_table_lookup_extended(by_seq, &a, NULL, &ip))
			continue;
		StoreDoc *d = &g_array_index(docs, StoreDoc, GPOINTER_TO_UINT(ip));
		FriseTimex t = { 0 };
		t.start = (size_t)sqlite3_column_int64(st, 2);
		t.end = (size_t)sqlite3_column_int64(st, 3);
		if (t.start > t.end || t.end > d->len)
			continue;
		t.type = timex_type_parse(col_str(st, 4));
		g_strlcpy(t.value, col_str(st, 5), sizeof t.value);
		g_strlcpy(t.mod, col_str(st, 6), sizeof t.mod);
		t.tense = (FriseTense)sqlite3_column_int(st, 7);
		t.relative = sqlite3_column_int(st, 8) != 0;
		t.rule = sqlite3_column_text(st, 9) ? g_intern_string((const char *)sqlite3_column_text(st, 9)) : NULL;
		GArray **into = sqlite3_column_int(st, 1) ? &d->resolved : &d->base;
		if (*into == NULL)
			*into = g_array_new(FALSE, FALSE, sizeof(FriseTimex));
		g_array_append_val(*into, t);
	}
	sqlite3_finalize(st);
	ok = ok && read_done(s, rc, "the mentions", error);
	g_hash_table_unref(by_seq);
	if (!ok) {
		g_array_unref(docs);
		return NULL;
	}
	return docs;
}

static bool
save_mentions(FriseStore *s, gint64 seq, int resolved, const GArray *tx, GError **error)
{
	sqlite3_stmt *del = cached(s, "DELETE FROM mentions WHERE article = ? AND resolved = ?", error);
	if (del == NULL)
		return false;
	sqlite3_bind_int64(del, 1, seq);
	sqlite3_bind_int(del, 2, resolved);
	bool ok = sqlite3_step(del) == SQLITE_DONE || fail(s, error, "cannot delete mentions");
	release(del);
	if (!ok || tx == NULL)
		return ok;
	sqlite3_stmt *st = cached(s, "INSERT OR REPLACE INTO mentions (article, resolved, start, end, type, "
				     "value, mod, tense, relative, rule) VALUES (?,?,?,?,?,?,?,?,?,?)", error);
	if (st == NULL)
		return false;
	for (guint i = 0; ok && i < tx->len; i++) {
		const FriseTimex *t = &g_array_index(tx, FriseTimex, i);
		sqlite3_bind_int64(st, 1, seq);
		sqlite3_bind_int(st, 2, resolved);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)t->start);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)t->end);
		bind_text(st, 5, timex_type_name(t->type));
		bind_text(st, 6, t->value);
		bind_text(st, 7, t->mod);
		sqlite3_bind_int(st, 8, (int)t->tense);
		sqlite3_bind_int(st, 9, t->relative);
		bind_text(st, 10, t->rule);
		ok = sqlite3_step(st) == SQLITE_DONE || fail(s, error, "cannot save a mention");
		sqlite3_reset(st);
	}
	release(st);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Overrides, estimates, events                                         */

GArray *
store_overrides(FriseStore *s, GPtrArray *strings, GError **error)
{
	GArray *ov = g_array_new(FALSE, FALSE, sizeof(FriseOverride));
	sqlite3_stmt *st = prepare(s, "SELECT kind, key, value FROM overrides ORDER BY seq", error);
	if (st == NULL) {
		g_array_unref(ov);
		return NULL;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int kind = event_override_parse((const char *)sqlite3_column_text(st, 0));
		if (kind < 0 || sqlite3_column_text(st, 1) == NULL)
			continue;
		char *key = col_text(st, 1), *value = col_text(st, 2);
		g_ptr_array_add(strings, key);
		if (value != NULL)
			g_ptr_array_add(strings, value);
		FriseOverride o = { (FriseOverrideKind)kind, key, value };
		g_array_append_val(ov, o);
	}
	sqlite3_finalize(st);
	if (!read_done(s, rc, "the overrides", error)) {
		g_array_unref(ov);
		return NULL;
	}
	return ov;
}

bool
store_put_estimate(FriseStore *s, gint64 seq, const char *value, const char *precision, const char *evidence,
		   const GArray *timexes, GError **error)
{
	if (!save_mentions(s, seq, 1, timexes, error))
		return false;
	sqlite3_stmt *up = cached(s, "UPDATE articles SET estimate = ?, precision = ?, evidence = ? WHERE seq = ?",
				  error);
	if (up == NULL)
		return false;
	bind_text(up, 1, value);
	bind_text(up, 2, precision);
	bind_text(up, 3, evidence);
	sqlite3_bind_int64(up, 4, seq);
	bool ok = sqlite3_step(up) == SQLITE_DONE || fail(s, error, "cannot save an estimate");
	release(up);
	return ok;
}

typedef struct {
	int sequence;
	gint64 created, modified;
	char *digest;
} Previous;

static void
previous_free(Previous *p)
{
	g_free(p->digest);
	g_free(p);
}

bool
store_put_events(FriseStore *s, const GArray *docs, GPtrArray *events, GError **error)
{
	GHashTable *prev = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)previous_free);
	sqlite3_stmt *st = prepare(s, "SELECT id, sequence, created, modified, digest FROM events", error);
	if (st == NULL) {
		g_hash_table_unref(prev);
		return false;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_text(st, 0) == NULL)
			continue;
		Previous *p = g_new0(Previous, 1);
		p->sequence = sqlite3_column_int(st, 1);
		p->created = sqlite3_column_int64(st, 2);
		p->modified = sqlite3_column_int64(st, 3);
		p->digest = col_text(st, 4);
		g_hash_table_insert(prev, col_text(st, 0), p);
	}
	sqlite3_finalize(st);
	/* without the previous events, every event would look new (its
	 * sequence back to 0, created and modified reset): stop instead */
	bool ok = read_done(s, rc, "the events", error) && exec(s, "DELETE FROM events", error);
	GDateTime *nowt = frise_now();
	gint64 now = g_date_time_to_unix(nowt);
	g_date_time_unref(nowt);
	GHashTable *seq_of = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < docs->len; i++) {
		const StoreDoc *d = &g_array_index(docs, StoreDoc, i);
		g_hash_table_insert(seq_of, d->id, (gpointer)&d->seq);
	}
	sqlite3_stmt *ev = prepare(s, "INSERT INTO events (id, ord, value, mod, is_time, title, text, type, "
				      "status, score, conflict, edited, hidden, sequence, created, modified, "
				      "digest, rank, why) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", error);
	sqlite3_stmt *so = prepare(s, "INSERT INTO event_sources (event, idx, article, key, quote, raw_start, "
				      "raw_end, value, mod, why) VALUES (?,?,?,?,?,?,?,?,?,?)", error);
	ok = ok && ev != NULL && so != NULL;
	for (guint i = 0; ok && i < events->len; i++) {
		FriseEvent *e = g_ptr_array_index(events, i);
		char *digest = event_digest(e);
		Previous *p = g_hash_table_lookup(prev, e->id);
		if (p == NULL) {
			e->sequence = 0;
			e->created = e->modified = now;
		} else if (g_strcmp0(p->digest, digest) != 0) {
			e->sequence = p->sequence + 1;
			e->created = p->created;
			e->modified = now;
		} else {
			e->sequence = p->sequence;
			e->created = p->created;
			e->modified = p->modified;
		}
		bind_text(ev, 1, e->id);
		sqlite3_bind_int(ev, 2, (int)i);
		bind_text(ev, 3, e->value);
		bind_text(ev, 4, e->mod);
		sqlite3_bind_int(ev, 5, e->is_time);
		bind_text(ev, 6, e->title);
		bind_text(ev, 7, e->text);
		bind_text(ev, 8, e->type);
		sqlite3_bind_int(ev, 9, (int)e->status);
		sqlite3_bind_double(ev, 10, e->score);
		sqlite3_bind_int(ev, 11, e->conflict);
		sqlite3_bind_int(ev, 12, e->edited);
		sqlite3_bind_int(ev, 13, e->hidden);
		sqlite3_bind_int(ev, 14, e->sequence);
		sqlite3_bind_int64(ev, 15, e->created);
		sqlite3_bind_int64(ev, 16, e->modified);
		bind_text(ev, 17, digest);
		sqlite3_bind_double(ev, 18, e->rank);
		bind_text(ev, 19, e->why);
		g_free(digest);
		ok = sqlite3_step(ev) == SQLITE_DONE || fail(s, error, "cannot save an event");
		sqlite3_reset(ev);
		for (guint k = 0; ok && k < e->sources->len; k++) {
			FriseSource *src = g_ptr_array_index(e->sources, k);
			gint64 *aseq = g_hash_table_lookup(seq_of, src->article);
			bind_text(so, 1, e->id);
			sqlite3_bind_int(so, 2, (int)k);
			sqlite3_bind_int64(so, 3, aseq ? *aseq : 0);
			bind_text(so, 4, g_ptr_array_index(e->keys, k));
			bind_text(so, 5, src->quote);
			sqlite3_bind_int64(so, 6, (sqlite3_int64)src->start);
			sqlite3_bind_int64(so, 7, (sqlite3_int64)src->end);
			bind_text(so, 8, src->value);
			bind_text(so, 9, src->mod);
			bind_text(so, 10, src->why);
			ok = sqlite3_step(so) == SQLITE_DONE || fail(s, error, "cannot save an event source");
			sqlite3_reset(so);
		}
	}
	sqlite3_finalize(ev);
	sqlite3_finalize(so);
	g_hash_table_unref(seq_of);
	g_hash_table_unref(prev);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Ingest                                                              */

/* True when the store holds article `id` with the same bytes and the same
 * metadata (a new --dct or title is a change too). */
bool
store_has_same(FriseStore *s, const char *id, const FriseArticle *a)
{
	sqlite3_stmt *st = cached(s, "SELECT hash, published, title, url, lang FROM articles WHERE id = ?", NULL);
	bool same = false;
	if (st != NULL) {
		bind_text(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			same = g_strcmp0((const char *)sqlite3_column_text(st, 0), a->hash) == 0 &&
			       g_strcmp0((const char *)sqlite3_column_text(st, 1), a->published) == 0 &&
			       g_strcmp0((const char *)sqlite3_column_text(st, 2), a->title) == 0 &&
			       g_strcmp0((const char *)sqlite3_column_text(st, 3), a->url) == 0 &&
			       g_strcmp0((const char *)sqlite3_column_text(st, 4), frise_lang_code(a->lang)) == 0;
	}
	release(st);
	return same;
}

bool
store_put_article(FriseStore *s, const char *id, const FriseArticle *a, const GArray *sentences,
		  const GArray *timexes, gint64 now, GError **error)
{
	gint64 seq = 0;
	sqlite3_stmt *st = cached(s, "SELECT seq FROM articles WHERE id = ?", error);
	if (st == NULL)
		return false;
	bind_text(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	release(st);
	if (rc != SQLITE_ROW && !read_done(s, rc, "the articles", error))
		return false;
	const char *sql = seq != 0
		? "UPDATE articles SET hash=?1, path=?2, title=?3, url=?4, source=?5, lang=?6, published=?7, "
		  "origin=?8, text=?9, ingested=?10, estimate=NULL, precision=NULL, evidence=NULL WHERE seq=?11"
		: "INSERT INTO articles (hash, path, title, url, source, lang, published, origin, text, "
		  "ingested, id) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?12)";
	st = cached(s, sql, error);
	if (st == NULL)
		return false;
	bind_text(st, 1, a->hash);
	bind_text(st, 2, a->path);
	bind_text(st, 3, a->title);
	bind_text(st, 4, a->url);
	bind_text(st, 5, a->source);
	bind_text(st, 6, frise_lang_code(a->lang));
	bind_text(st, 7, a->published);
	bind_text(st, 8, article_origin_name(a->published_origin));
	sqlite3_bind_text(st, 9, a->text, (int)a->text_len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 10, now);
	if (seq != 0)
		sqlite3_bind_int64(st, 11, seq);
	else
		bind_text(st, 12, id);
	bool ok = sqlite3_step(st) == SQLITE_DONE || fail(s, error, "cannot save an article");
	release(st);
	if (!ok)
		return false;
	if (seq == 0)
		seq = sqlite3_last_insert_rowid(s->db);
	static const char *const deletes[] = {
		"DELETE FROM sentences WHERE article = ?", "DELETE FROM mentions WHERE article = ?",
	};
	for (size_t k = 0; ok && k < G_N_ELEMENTS(deletes); k++) {
		st = cached(s, deletes[k], error);
		if (st == NULL)
			return false;
		sqlite3_bind_int64(st, 1, seq);
		ok = sqlite3_step(st) == SQLITE_DONE || fail(s, error, "cannot delete an article's sentences and mentions");
		release(st);
	}
	st = ok ? cached(s, "INSERT INTO sentences (article, idx, start, end, raw_start, raw_end, boilerplate) "
			    "VALUES (?,?,?,?,?,?,?)", error) : NULL;
	ok = st != NULL;
	for (guint i = 0; ok && i < sentences->len; i++) {
		const FriseSentence *se = &g_array_index(sentences, FriseSentence, i);
		sqlite3_bind_int64(st, 1, seq);
		sqlite3_bind_int(st, 2, (int)i);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)se->start);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)se->end);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)se->raw_start);
		sqlite3_bind_int64(st, 6, (sqlite3_int64)se->raw_end);
		sqlite3_bind_int(st, 7, se->boilerplate);
		ok = sqlite3_step(st) == SQLITE_DONE || fail(s, error, "cannot save a sentence");
		sqlite3_reset(st);
	}
	release(st);
	return ok && save_mentions(s, seq, 0, timexes, error);
}

/* ------------------------------------------------------------------ */
/* Line counts                                                         */

/* An article's line hashes as a blob: 8 bytes each, little-endian. */
static GByteArray *
hashes_blob(const GArray *hashes)
{
	GByteArray *b = g_byte_array_sized_new(hashes->len * 8);
	for (guint i = 0; i < hashes->len; i++) {
		guint64 le = GUINT64_TO_LE(g_array_index(hashes, guint64, i));
		g_byte_array_append(b, (const guint8 *)&le, 8);
	}
	return b;
}

/* The hashes of blob column i of the current row: a new array, or NULL
 * for NULL (an article stored before line counts were kept). */
static GArray *
blob_hashes(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	const guint8 *p = sqlite3_column_blob(st, i);
	int n = sqlite3_column_bytes(st, i) / 8;
	GArray *h = g_array_sized_new(FALSE, FALSE, sizeof(guint64), (guint)MAX(n, 0));
	for (int k = 0; p != NULL && k < n; k++) {
		guint64 v;
		memcpy(&v, p + 8 * k, 8);
		v = GUINT64_FROM_LE(v);
		g_array_append_val(h, v);
	}
	return h;
}

static void
bind_hash(sqlite3_stmt *st, int i, guint64 h)
{
	sqlite3_bind_int64(st, i, (sqlite3_int64)h); /* the bits as they are */
}

bool
store_line_counts(FriseStore *s, const GArray *hashes, const char *const *ids, size_t nids, GHashTable *counts,
		  size_t *articles, GError **error)
{
	*articles = 0;
	sqlite3_stmt *st = prepare(s, "SELECT count(*), (SELECT count(*) FROM line_counts) FROM articles "
				      "WHERE lines IS NOT NULL", error);
	if (st == NULL)
		return false;
	gint64 stored = 0, rows = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		stored = sqlite3_column_int64(st, 0), rows = sqlite3_column_int64(st, 1), rc = SQLITE_DONE;
	sqlite3_finalize(st);
	if (!read_done(s, rc, "the line counts", error))
		return false;
	if (stored == 0)
		return true;
	/* the stored versions of the articles read again count in their new
	 * version only */
	GHashTable *minus = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	GHashTable *done = g_hash_table_new(g_str_hash, g_str_equal); /* an id named twice counts once */
	st = cached(s, "SELECT lines FROM articles WHERE id = ?", error);
	bool ok = st != NULL;
	for (size_t i = 0; ok && i < nids; i++) {
		if (!g_hash_table_add(done, (gpointer)ids[i]))
			continue;
		bind_text(st, 1, ids[i]);
		GArray *old = (rc = sqlite3_step(st)) == SQLITE_ROW ? blob_hashes(st, 0) : NULL;
		release(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			ok = read_done(s, rc, "the articles", error);
		if (old == NULL)
			continue;
		stored--;
		for (guint k = 0; k < old->len; k++) {
			guint64 h = g_array_index(old, guint64, k);
			guint n = GPOINTER_TO_UINT(g_hash_table_lookup(minus, &h));
			g_hash_table_replace(minus, g_memdup2(&h, sizeof h), GUINT_TO_POINTER(n + 1));
		}
		g_array_unref(old);
	}
	/* one lookup per line read, or one pass over the table when it is the
	 * smaller */
	GHashTable *wanted = NULL;
	if (ok && rows < (gint64)hashes->len) {
		wanted = g_hash_table_new(g_int64_hash, g_int64_equal);
		for (guint i = 0; i < hashes->len; i++)
			g_hash_table_add(wanted, &g_array_index(hashes, guint64, i));
		st = prepare(s, "SELECT hash, articles FROM line_counts", error);
		ok = st != NULL;
		while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			guint64 h = (guint64)sqlite3_column_int64(st, 0);
			gpointer key = NULL;
			if (!g_hash_table_lookup_extended(wanted, &h, &key, NULL))
				continue;
			gint64 n = sqlite3_column_int64(st, 1) - GPOINTER_TO_UINT(g_hash_table_lookup(minus, &h));
			if (n > 0)
				g_hash_table_insert(counts, key, GUINT_TO_POINTER((guint)n));
		}
		if (st != NULL) {
			ok = ok && read_done(s, rc, "the line counts", error);
			sqlite3_finalize(st);
		}
	} else if (ok) {
		st = cached(s, "SELECT articles FROM line_counts WHERE hash = ?", error);
		ok = st != NULL;
		for (guint i = 0; ok && i < hashes->len; i++) {
			guint64 *h = &g_array_index(hashes, guint64, i);
			bind_hash(st, 1, *h);
			rc = sqlite3_step(st);
			gint64 n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
			release(st);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE)
				ok = read_done(s, rc, "the line counts", error);
			n -= GPOINTER_TO_UINT(g_hash_table_lookup(minus, h));
			if (n > 0)
				g_hash_table_insert(counts, h, GUINT_TO_POINTER((guint)n));
		}
	}
	if (wanted != NULL)
		g_hash_table_unref(wanted);
	g_hash_table_unref(done);
	g_hash_table_unref(minus);
	*articles = stored > 0 ? (size_t)stored : 0;
	return ok;
}

bool
store_put_line_hashes(FriseStore *s, const char *id, const GArray *hashes, GError **error)
{
	sqlite3_stmt *st = cached(s, "SELECT seq, lines FROM articles WHERE id = ?", error);
	if (st == NULL)
		return false;
	bind_text(st, 1, id);
	int rc = sqlite3_step(st);
	gint64 seq = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	GArray *old = rc == SQLITE_ROW ? blob_hashes(st, 1) : NULL;
	release(st);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "%s: no article '%s'", s->path, id);
		else
			read_done(s, rc, "the articles", error);
		return false;
	}
	bool ok = true;
	if (old != NULL) {
		st = cached(s, "UPDATE line_counts SET articles = articles - 1 WHERE hash = ?", error);
		ok = st != NULL;
		for (guint i = 0; ok && i < old->len; i++) {
			bind_hash(st, 1, g_array_index(old, guint64, i));
			ok = sqlite3_step(st) == SQLITE_DONE || fail(s, error, "cannot update the line counts");
			release(st);
		}
		ok = ok && exec(s, "DELETE FROM line_counts WHERE articles <= 0", error);
		g_array_unref(old);
	}
	st = ok ? cached(s, "INSERT INTO line_counts (hash, articles) VALUES (?, 1) "
			    "ON CONFLICT (hash) DO UPDATE SET articles = articles + 1", error) : NULL;
	ok = st != NULL;
	for (guint i = 0; ok && i < hashes->len; i++) {
		bind_hash(st, 1, g_array_index(hashes, guint64, i));
		ok = sqlite3_step(st) == SQLITE_DONE || fail(s, error, "cannot update the line counts");
		release(st);
	}
	st = ok ? cached(s, "UPDATE articles SET lines = ? WHERE seq = ?", error) : NULL;
	ok = st != NULL;
	if (ok) {
		GByteArray *b = hashes_blob(hashes);
		sqlite3_bind_blob(st, 1, b->data, (int)b->len, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, seq);
		ok = sqlite3_step(st) == SQLITE_DONE || fail(s, error, "cannot save an article's lines");
		release(st);
		g_byte_array_unref(b);
	}
	return ok;
}

bool
store_put_timeline_title(FriseStore *s, const char *title, GError **error)
{
	sqlite3_stmt *st = cached(s, title != NULL ? "INSERT OR REPLACE INTO timeline (key, value) VALUES ('title', ?)"
						   : "DELETE FROM timeline WHERE key = 'title'", error);
	if (st == NULL)
		return false;
	if (title != NULL)
		bind_text(st, 1, title);
	bool ok = sqlite3_step(st) == SQLITE_DONE || fail(s, error, "cannot save the timeline's title");
	release(st);
	return ok;
}

/* The title the pipeline chose, or NULL. */
static char *
timeline_title(FriseStore *s, GError **error)
{
	sqlite3_stmt *st = prepare(s, "SELECT value FROM timeline WHERE key = 'title'", error);
	if (st == NULL)
		return NULL;
	int rc = sqlite3_step(st);
	char *t = rc == SQLITE_ROW ? col_text(st, 0) : NULL;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		read_done(s, rc, "the timeline's title", error);
	return t;
}

/* ------------------------------------------------------------------ */
/* Timeline                                                            */

/* Order of first appearance in the articles (article seq, then bytes). */
typedef struct {
	FriseEvent *e;
	gint64 seq;
	size_t start;
	guint ord;
} Ranked;

static gint
cmp_ord(gconstpointer pa, gconstpointer pb)
{
	const Ranked *a = pa, *b = pb;
	return a->ord < b->ord ? -1 : a->ord > b->ord;
}

/* The ids of the q->top best events: by rank (salience.c ranks them: a
 * busy day gives way), ties in order of first appearance in the articles
 * (article seq, then byte; events without a source last), then in date
 * order. A new set of ids, or NULL. */
static GHashTable *
top_events(FriseStore *s, const FriseTimelineQuery *q, GError **error)
{
	sqlite3_stmt *st = prepare(s,
		"SELECT e.id FROM events e WHERE ?1 OR e.hidden = 0 ORDER BY e.rank DESC,"
		" coalesce((SELECT article FROM event_sources x WHERE x.event = e.id"
		"  ORDER BY article, raw_start LIMIT 1), 9223372036854775807),"
		" coalesce((SELECT raw_start FROM event_sources x WHERE x.event = e.id"
		"  ORDER BY article, raw_start LIMIT 1), 9223372036854775807), e.ord LIMIT ?2", error);
	if (st == NULL)
		return NULL;
	sqlite3_bind_int(st, 1, q->with_hidden);
	sqlite3_bind_int64(st, 2, q->top > INT64_MAX ? INT64_MAX : (sqlite3_int64)q->top);
	GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_hash_table_add(ids, col_text(st, 0));
	if (rc != SQLITE_DONE) {
		fail(s, error, "cannot rank the events");
		g_hash_table_unref(ids);
		ids = NULL;
	}
	sqlite3_finalize(st);
	return ids;
}

FriseTimeline *
store_timeline(FriseStore *s, const FriseTimelineQuery *q, GError **error)
{
	FriseTimeline *tl = event_timeline_new();
	/* articles */
	GHashTable *info_of = g_hash_table_new(g_int64_hash, g_int64_equal);
	GArray *seqs = g_array_new(FALSE, FALSE, sizeof(gint64));
	sqlite3_stmt *st = prepare(s, "SELECT seq, id, title, url, published, origin, estimate, lang "
				      "FROM articles ORDER BY seq", error);
	if (st == NULL)
		goto fail;
	int counts[FRISE_LANG_COUNT] = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		FriseArticleInfo *a = g_new0(FriseArticleInfo, 1);
		gint64 seq = sqlite3_column_int64(st, 0);
		a->id = col_dup(st, 1);
		a->title = col_dup(st, 2);
		a->url = col_text(st, 3);
		a->published = col_text(st, 4);
		a->origin = col_dup(st, 5);
		if (a->published == NULL && sqlite3_column_text(st, 6) != NULL) {
			a->published = col_text(st, 6);
			g_free(a->origin);
			a->origin = g_strdup(article_origin_name(FRISE_ORIGIN_ESTIMATED));
		}
		a->lang = frise_lang_parse(col_str(st, 7));
		counts[a->lang]++;
		g_array_append_val(seqs, seq);
		g_ptr_array_add(tl->articles, a);
	}
	sqlite3_finalize(st);
	if (!read_done(s, rc, "the articles", error))
		goto fail;
	for (guint i = 0; i < tl->articles->len; i++)
		g_hash_table_insert(info_of, &g_array_index(seqs, gint64, i), g_ptr_array_index(tl->articles, i));
	tl->lang = counts[FRISE_LANG_EN] > counts[FRISE_LANG_FR] ? FRISE_LANG_EN : FRISE_LANG_FR;
	/* the story's title, as the pipeline chose it (a store written before
	 * it did: the first article's) */
	GError *why = NULL;
	tl->title = timeline_title(s, &why);
	if (why != NULL) {
		g_propagate_error(error, why);
		goto fail;
	}
	if (tl->title == NULL && tl->articles->len > 0)
		tl->title = g_strdup(((FriseArticleInfo *)g_ptr_array_index(tl->articles, 0))->title);
	else if (tl->title == NULL)
		tl->title = g_strdup("");
	/* events; with a --top, SQLite picks the kept ones first (a bounded
	 * sort), so that memory grows with the events kept, not with the
	 * store: a 1,000,000-event store is listed --top 100 in a few MB */
	GHashTable *kept = q != NULL && q->top > 0 ? top_events(s, q, error) : NULL;
	if (q != NULL && q->top > 0 && kept == NULL)
		goto fail;
	GArray *ranked = g_array_new(FALSE, FALSE, sizeof(Ranked));
	GHashTable *by_id = g_hash_table_new(g_str_hash, g_str_equal);
	st = prepare(s, "SELECT id, ord, value, mod, is_time, title, text, type, status, score, conflict, "
			"edited, hidden, sequence, created, modified, rank, why FROM events ORDER BY ord", error);
	if (st == NULL) {
		g_array_unref(ranked);
		g_hash_table_unref(by_id);
		if (kept != NULL)
			g_hash_table_unref(kept);
		goto fail;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 12) && !(q != NULL && q->with_hidden))
			continue;
		if (kept != NULL && !g_hash_table_contains(kept, sqlite3_column_text(st, 0)))
			continue;
		FriseEvent *e = g_new0(FriseEvent, 1);
		e->id = col_dup(st, 0);
		e->value = col_dup(st, 2);
		e->mod = col_dup(st, 3);
		e->is_time = sqlite3_column_int(st, 4) != 0;
		e->title = col_dup(st, 5);
		e->text = col_dup(st, 6);
		e->type = col_dup(st, 7);
		e->status = (FriseStatus)sqlite3_column_int(st, 8);
		e->score = sqlite3_column_double(st, 9);
		e->conflict = sqlite3_column_int(st, 10) != 0;
		e->edited = sqlite3_column_int(st, 11) != 0;
		e->hidden = sqlite3_column_int(st, 12) != 0;
		e->sequence = sqlite3_column_int(st, 13);
		e->created = sqlite3_column_int64(st, 14);
		e->modified = sqlite3_column_int64(st, 15);
		e->rank = sqlite3_column_double(st, 16);
		e->why = col_text(st, 17);
		e->sources = g_ptr_array_new_with_free_func((GDestroyNotify)event_source_free);
		e->keys = g_ptr_array_new_with_free_func(g_free);
		Ranked r = { e, G_MAXINT64, SIZE_MAX, (guint)sqlite3_column_int(st, 1) };
		g_array_append_val(ranked, r);
	}
	sqlite3_finalize(st);
	bool ok = read_done(s, rc, "the events", error);
	for (guint i = 0; i < ranked->len; i++)
		g_hash_table_insert(by_id, g_array_index(ranked, Ranked, i).e->id, GUINT_TO_POINTER(i));
	st = ok ? prepare(s, "SELECT event, article, key, quote, raw_start, raw_end, value, mod, why FROM event_sources "
			     "ORDER BY event, idx", error) : NULL;
	ok = st != NULL;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		gpointer ip;
		if (!g_hash_table_lookup_extended(by_id, sqlite3_column_text(st, 0), NULL, &ip))
			continue;
		Ranked *r = &g_array_index(ranked, Ranked, GPOINTER_TO_UINT(ip));
		gint64 aseq = sqlite3_column_int64(st, 1);
		FriseArticleInfo *a = g_hash_table_lookup(info_of, &aseq);
		FriseSource *src = g_new0(FriseSource, 1);
		src->article = g_strdup(a ? a->id : "");
		src->title = g_strdup(a ? a->title : "");
		src->url = g_strdup(a ? a->url : NULL);
		src->published = g_strdup(a ? a->published : NULL);
		src->quote = col_dup(st, 3);
		src->start = (size_t)sqlite3_column_int64(st, 4);
		src->end = (size_t)sqlite3_column_int64(st, 5);
		src->value = col_dup(st, 6);
		src->mod = col_dup(st, 7);
		src->why = col_text(st, 8);
		g_ptr_array_add(r->e->sources, src);
		g_ptr_array_add(r->e->keys, col_dup(st, 2));
		if (aseq < r->seq || (aseq == r->seq && src->start < r->start)) {
			r->seq = aseq;
			r->start = src->start;
		}
	}
	sqlite3_finalize(st);
	ok = ok && read_done(s, rc, "the event sources", error);
	g_hash_table_unref(by_id);
	if (kept != NULL)
		g_hash_table_unref(kept);
	size_t keep = ranked->len;
	g_array_sort(ranked, cmp_ord);
	for (guint i = 0; i < keep; i++)
		g_ptr_array_add(tl->events, g_array_index(ranked, Ranked, i).e);
	g_array_unref(ranked);
	if (!ok)
		goto fail;
	g_hash_table_unref(info_of);
	g_array_unref(seqs);
	return tl;
fail:
	g_hash_table_unref(info_of);
	g_array_unref(seqs);
	event_timeline_free(tl);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Curation                                                            */

bool
store_begin(FriseStore *s, GError **error)
{
	return exec_locking(s, "BEGIN IMMEDIATE", error);
}

bool
store_commit(FriseStore *s, GError **error)
{
	return exec(s, "COMMIT", error);
}

void
store_rollback(FriseStore *s)
{
	exec(s, "ROLLBACK", NULL);
}

bool
store_event_exists(FriseStore *s, const char *id, GError **error)
{
	sqlite3_stmt *st = prepare(s, "SELECT 1 FROM events WHERE id = ?", error);
	if (st == NULL)
		return false;
	bind_text(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(s, error, "cannot read the events");
	if (rc != SQLITE_ROW)
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s: no event with id '%s' (see 'frise events')",
			    s->path, id);
	return rc == SQLITE_ROW;
}

bool
store_delete_override(FriseStore *s, FriseOverrideKind kind, const char *key, GError **error)
{
	sqlite3_stmt *d = prepare(s, "DELETE FROM overrides WHERE kind = ? AND key = ?", error);
	if (d == NULL)
		return false;
	bind_text(d, 1, event_override_name(kind));
	bind_text(d, 2, key);
	bool ok = sqlite3_step(d) == SQLITE_DONE || fail(s, error, "cannot delete an override");
	sqlite3_finalize(d);
	return ok;
}

bool
store_add_override(FriseStore *s, FriseOverrideKind kind, const char *key, const char *value, bool replace,
		   GError **error)
{
	if (replace && !store_delete_override(s, kind, key, error))
		return false;
	sqlite3_stmt *st = prepare(s, "INSERT INTO overrides (kind, key, value, created) VALUES (?,?,?,?)", error);
	if (st == NULL)
		return false;
	GDateTime *now = frise_now();
	bind_text(st, 1, event_override_name(kind));
	bind_text(st, 2, key);
	bind_text(st, 3, value);
	sqlite3_bind_int64(st, 4, g_date_time_to_unix(now));
	g_date_time_unref(now);
	bool ok = sqlite3_step(st) == SQLITE_DONE || fail(s, error, "cannot save an override");
	sqlite3_finalize(st);
	return ok;
}

bool
store_split_overrides(FriseStore *s, const char *id, GError **error)
{
	sqlite3_stmt *st = prepare(s, "SELECT key FROM event_sources WHERE event = ? ORDER BY idx", error);
	bool ok = st != NULL;
	GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
	if (ok) {
		bind_text(st, 1, id);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			g_ptr_array_add(keys, col_dup(st, 0));
		sqlite3_finalize(st);
		ok = read_done(s, rc, "the event sources", error);
	}
	sqlite3_stmt *d = ok ? prepare(s, "DELETE FROM overrides WHERE kind = 'merge' AND (key = ?1 OR value = ?1)",
				       error) : NULL;
	ok = ok && d != NULL;
	for (guint i = 0; ok && i < keys->len; i++) {
		bind_text(d, 1, g_ptr_array_index(keys, i));
		ok = sqlite3_step(d) == SQLITE_DONE || fail(s, error, "cannot delete an override");
		sqlite3_reset(d);
		ok = ok && store_add_override(s, FRISE_OVERRIDE_SPLIT, g_ptr_array_index(keys, i), NULL, true, error);
	}
	sqlite3_finalize(d);
	g_ptr_array_unref(keys);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Articles                                                            */

void
store_article_free(FriseStoreArticle *a)
{
	if (a == NULL)
		return;
	g_free(a->id);
	g_free(a->path);
	g_free(a->title);
	g_free(a->url);
	g_free(a->source);
	g_free(a->hash);
	g_free(a->published);
	g_free(a->origin);
	g_free(a->estimate);
	g_free(a->evidence);
	g_free(a);
}

static FriseGranularity
granularity_parse(const char *name)
{
	for (int g = FRISE_GRAN_NONE; g <= FRISE_GRAN_SECOND; g++)
		if (name != NULL && strcmp(name, date_granularity_name((FriseGranularity)g)) == 0)
			return (FriseGranularity)g;
	return FRISE_GRAN_NONE;
}

GPtrArray *
store_articles(FriseStore *s, GError **error)
{
	sqlite3_stmt *st = prepare(s, "SELECT a.id, a.path, a.title, a.hash, a.lang, a.published, a.origin, "
				      "a.estimate, a.precision, a.evidence, (SELECT count(*) FROM mentions m "
				      "WHERE m.article = a.seq AND m.resolved = 0), a.url, a.source FROM articles a ORDER BY seq",
				   error);
	if (st == NULL)
		return NULL;
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)store_article_free);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		FriseStoreArticle *a = g_new0(FriseStoreArticle, 1);
		a->id = col_dup(st, 0);
		a->path = col_text(st, 1);
		a->title = col_dup(st, 2);
		a->hash = col_dup(st, 3);
		a->lang = frise_lang_parse(col_str(st, 4));
		a->published = col_text(st, 5);
		a->origin = col_dup(st, 6);
		a->estimate = col_text(st, 7);
		a->precision = granularity_parse((const char *)sqlite3_column_text(st, 8));
		a->evidence = col_text(st, 9);
		a->mentions = (guint)sqlite3_column_int(st, 10);
		a->url = col_text(st, 11);
		a->source = col_text(st, 12);
		g_ptr_array_add(out, a);
	}
	sqlite3_finalize(st);
	if (!read_done(s, rc, "the articles", error)) {
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}
