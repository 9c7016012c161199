/*
 * store.c — the event store (prefix store_; see store.h and rows.h):
 * articles, sentences, the tagger's mentions, merged events, their
 * sources, user overrides and user templates, in SQLite (sqlite.c) or
 * PostgreSQL (postgres.c). The SQL is here, written once for both (the
 * dialect of backend.h); the tables are schema.c's. SQL only: the store
 * never reads an article's file, tags, extracts or merges — the pipeline
 * (src/pipeline/) does, and hands the store rows.
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
#include "store/backend.h"

#include <stdint.h>
#include <string.h>

#define DEFAULT_RETRIES 5

/* ------------------------------------------------------------------ */
/* Statements                                                           */

/* A new statement (finish it with done()), or NULL with `error`. */
static StoreStmt *
prepare(FriseStore *s, const char *sql, GError **error)
{
	GError *e = NULL;
	StoreStmt *st = s->be->prepare(s, sql, false, &e);
	if (st == NULL)
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot prepare a query: %s", s->path,
			    e->message);
	g_clear_error(&e);
	return st;
}

static void
done(FriseStore *s, StoreStmt *st)
{
	if (st != NULL)
		s->be->finalize(st);
}

/* The statement of `sql` that the store keeps for statements run once
 * per article or mention (preparing them each time was a third of
 * writing an article). Owned by the store: the caller steps it, then
 * hands it back with release(); it is never finalized by the caller. */
static StoreStmt *
cached(FriseStore *s, const char *sql, GError **error)
{
	StoreStmt *st = g_hash_table_lookup(s->stmts, sql);
	if (st != NULL)
		return st;
	GError *e = NULL;
	st = s->be->prepare(s, sql, true, &e);
	if (st == NULL) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot prepare a query: %s", s->path,
			    e->message);
		g_clear_error(&e);
		return NULL;
	}
	g_hash_table_insert(s->stmts, g_strdup(sql), st);
	return st;
}

/* Ends a run of a cached() statement and clears its bindings, so that it
 * holds no lock nor text until its next use. */
static void
release(FriseStore *s, StoreStmt *st)
{
	if (st != NULL)
		s->be->reset(st);
}

static void
bind_int(FriseStore *s, StoreStmt *st, int i, gint64 v)
{
	s->be->bind_int(st, i, v);
}

static void
bind_real(FriseStore *s, StoreStmt *st, int i, double v)
{
	s->be->bind_real(st, i, v);
}

static void
bind_text(FriseStore *s, StoreStmt *st, int i, const char *v)
{
	s->be->bind_text(st, i, v, -1);
}

static void
bind_bytes(FriseStore *s, StoreStmt *st, int i, const char *v, size_t len)
{
	s->be->bind_text(st, i, v, (gssize)len);
}

/* Steps `st`; on an error, `error` says "PATH: cannot WHAT: why". */
static StoreStep
step(FriseStore *s, StoreStmt *st, const char *what, GError **error)
{
	GError *e = NULL;
	StoreStep r = s->be->step(st, &e);
	if (r == STORE_STEP_ERROR) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot %s: %s", s->path, what,
			    e->message);
		g_clear_error(&e);
	}
	return r;
}

/* Runs a statement that returns no row we want: true when it ran, or
 * was sent (its failure is then that of the next statement or of the
 * commit: backend.h). */
static bool
run(FriseStore *s, StoreStmt *st, const char *what, GError **error)
{
	GError *e = NULL;
	if (s->be->run(st, &e))
		return true;
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot %s: %s", s->path, what, e->message);
	g_clear_error(&e);
	return false;
}

static gint64
col_int(FriseStore *s, StoreStmt *st, int i)
{
	return s->be->col_int(st, i);
}

static double
col_real(FriseStore *s, StoreStmt *st, int i)
{
	return s->be->col_real(st, i);
}

/* The text of column i, or NULL: borrowed until the next step. */
static const char *
col_raw(FriseStore *s, StoreStmt *st, int i)
{
	return s->be->col_text(st, i, NULL);
}

static char *
col_text(FriseStore *s, StoreStmt *st, int i)
{
	return g_strdup(col_raw(s, st, i));
}

/* The text of column i, "" for NULL (a damaged store may hold NULL where
 * the schema says NOT NULL): borrowed until the next step. */
static const char *
col_str(FriseStore *s, StoreStmt *st, int i)
{
	const char *t = col_raw(s, st, i);
	return t ? t : "";
}

/* A copy of column i for a NOT NULL column: "" for NULL. */
static char *
col_dup(FriseStore *s, StoreStmt *st, int i)
{
	return g_strdup(col_str(s, st, i));
}

/* ------------------------------------------------------------------ */
/* Transactions                                                         */

/* Runs `body` in a transaction of kind `tx` and commits it; runs it again
 * (up to s->retries times, after a short random pause) when the database
 * gave up on it for a serialization failure or a deadlock. Inside
 * another transaction, `body` joins it. */
static bool
transact(FriseStore *s, StoreTx tx, StoreBody body, void *data, GError **error)
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
	bool ok = transact(s, STORE_TX_WRITE, body, data, error);
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
		ok = transact(s, STORE_TX_WRITE, migrate_body, NULL, error);
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
	if (!transact(s, STORE_TX_READ, template_files_body, out, error)) {
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

typedef struct {
	GArray *docs;
	int which;   /* StoreDocs, or -1: every article, whole */
	guint limit;
} DocsRead;

/* The articles of a DocsRead, as a WHERE clause on `articles`. */
static const char *
docs_where(int which)
{
	switch (which) {
	case STORE_DOCS_UNDATED:
		return " WHERE published IS NULL";
	case STORE_DOCS_PENDING:
		return " WHERE published IS NOT NULL AND extracted = 0";
	default:
		return "";
	}
}

static bool
load_docs_body(FriseStore *s, void *data, GError **error)
{
	DocsRead *rq = data;
	GArray *docs = rq->docs;
	g_array_set_size(docs, 0);
	bool whole = rq->which != STORE_DOCS_INFO;
	char *limit = rq->which == STORE_DOCS_PENDING ? g_strdup_printf(" LIMIT %u", MAX(rq->limit, 1)) : g_strdup("");
	char *subset = g_strdup_printf("SELECT seq FROM articles%s ORDER BY seq%s", docs_where(rq->which), limit);
	char *sql = g_strdup_printf("SELECT seq, id, title, url, published, estimate, %s, lang "
				    "FROM articles%s ORDER BY seq%s", whole ? "text" : "NULL", docs_where(rq->which), limit);
	StoreStmt *st = prepare(s, sql, error);
	g_free(sql);
	g_free(limit);
	if (st == NULL) {
		g_free(subset);
		return false;
	}
	GHashTable *by_seq = g_hash_table_new(g_int64_hash, g_int64_equal);
	StoreStep r;
	while ((r = step(s, st, "read the articles", error)) == STORE_STEP_ROW) {
		StoreDoc d = { 0 };
		d.seq = col_int(s, st, 0);
		d.id = col_text(s, st, 1);
		d.title = col_text(s, st, 2);
		d.url = col_text(s, st, 3);
		d.published = col_text(s, st, 4);
		d.estimate = col_text(s, st, 5);
		d.lang = frise_lang_parse(col_str(s, st, 7));
		if (whole) {
			const char *text = s->be->col_text(st, 6, &d.len);
			d.text = text ? g_strndup(text, d.len) : g_strdup("");
			d.sentences = g_array_new(FALSE, FALSE, sizeof(FriseSentence));
			d.base = g_array_new(FALSE, FALSE, sizeof(FriseTimex));
		}
		g_array_append_val(docs, d);
	}
	done(s, st);
	bool ok = r == STORE_STEP_DONE;
	if (!whole || !ok || docs->len == 0) {
		g_free(subset);
		g_hash_table_unref(by_seq);
		return ok;
	}
	for (guint i = 0; ok && i < docs->len; i++)
		g_hash_table_insert(by_seq, &g_array_index(docs, StoreDoc, i).seq, GUINT_TO_POINTER(i));
	/* every article: whole tables; a subset: its rows only */
	char *of = rq->which < 0 ? g_strdup("") : g_strdup_printf(" WHERE article IN (%s)", subset);
	g_free(subset);
	sql = g_strdup_printf("SELECT article, start, \"end\", raw_start, raw_end, boilerplate FROM sentences%s "
			      "ORDER BY article, idx", of);
	st = prepare(s, sql, error);
	g_free(sql);
	ok = st != NULL;
	while (ok && (r = step(s, st, "read the sentences", error)) == STORE_STEP_ROW) {
		gint64 a = col_int(s, st, 0);
		gpointer ip;
		if (!g_hash_table_lookup_extended(by_seq, &a, NULL, &ip))
			continue;
		StoreDoc *d = &g_array_index(docs, StoreDoc, GPOINTER_TO_UINT(ip));
		FriseSentence se = { (size_t)col_int(s, st, 1), (size_t)col_int(s, st, 2), (size_t)col_int(s, st, 3),
				     (size_t)col_int(s, st, 4), col_int(s, st, 5) != 0 };
		/* a damaged row must not point outside its text */
		if (se.start > se.end || se.end > d->len)
			continue;
		g_array_append_val(d->sentences, se);
	}
	done(s, st);
	ok = ok && r == STORE_STEP_DONE;
	sql = g_strdup_printf("SELECT article, resolved, start, \"end\", type, value, mod, tense, relative, rule "
			      "FROM mentions%s ORDER BY article, resolved, start", of);
	st = ok ? prepare(s, sql, error) : NULL;
	g_free(sql);
	g_free(of);
	ok = st != NULL;
	while (ok && (r = step(s, st, "read the mentions", error)) == STORE_STEP_ROW) {
		gint64 a = col_int(s, st, 0);
		gpointer ip;
		if (!g_hash_table_lookup_extended(by_seq, &a, NULL, &ip))
			continue;
		StoreDoc *d = &g_array_index(docs, StoreDoc, GPOINTER_TO_UINT(ip));
		FriseTimex t = { 0 };
		t.start = (size_t)col_int(s, st, 2);
		t.end = (size_t)col_int(s, st, 3);
		if (t.start > t.end || t.end > d->len)
			continue;
		t.type = timex_type_parse(col_str(s, st, 4));
		g_strlcpy(t.value, col_str(s, st, 5), sizeof t.value);
		g_strlcpy(t.mod, col_str(s, st, 6), sizeof t.mod);
		t.tense = (FriseTense)col_int(s, st, 7);
		t.relative = col_int(s, st, 8) != 0;
		t.rule = col_raw(s, st, 9) ? g_intern_string(col_raw(s, st, 9)) : NULL;
		GArray **into = col_int(s, st, 1) ? &d->resolved : &d->base;
		if (*into == NULL)
			*into = g_array_new(FALSE, FALSE, sizeof(FriseTimex));
		g_array_append_val(*into, t);
	}
	done(s, st);
	ok = ok && r == STORE_STEP_DONE;
	g_hash_table_unref(by_seq);
	return ok;
}

static GArray *
load_docs(FriseStore *s, int which, guint limit, GError **error)
{
	GArray *docs = g_array_new(FALSE, TRUE, sizeof(StoreDoc));
	g_array_set_clear_func(docs, (GDestroyNotify)store_doc_clear);
	DocsRead rq = { docs, which, limit };
	if (!transact(s, STORE_TX_READ, load_docs_body, &rq, error)) {
		g_array_unref(docs);
		return NULL;
	}
	return docs;
}

GArray *
store_load_docs(FriseStore *s, GError **error)
{
	return load_docs(s, -1, 0, error);
}

GArray *
store_load_docs_of(FriseStore *s, StoreDocs which, guint limit, GError **error)
{
	return load_docs(s, (int)which, limit, error);
}

/* ------------------------------------------------------------------ */
/* Candidates and state                                                */

enum { CAND_GENERIC = 1, CAND_WEAK = 2, CAND_SINCE = 4 };

bool
store_put_candidates(FriseStore *s, const char *id, const StoreCandidate *rows, size_t n, GError **error)
{
	StoreStmt *st = cached(s, "SELECT seq FROM articles WHERE id = $1", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, id);
	gint64 seq = 0;
	StoreStep r = step(s, st, "read the articles", error);
	if (r == STORE_STEP_ROW)
		seq = col_int(s, st, 0);
	release(s, st);
	if (r != STORE_STEP_ROW) {
		if (r == STORE_STEP_DONE)
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: no article '%s' for its candidates",
				    s->path, id);
		return false;
	}
	StoreStmt *del = cached(s, "DELETE FROM candidates WHERE article = $1", error);
	if (del == NULL)
		return false;
	bind_int(s, del, 1, seq);
	bool ok = run(s, del, "delete candidates", error);
	release(s, del);
	StoreStmt *ins = ok ? cached(s, "INSERT INTO candidates (article, idx, sentence, start, \"end\", ttype, value, "
				       "mod, tense, relative, rule, key, type, flags, status, position, title, words, "
				       "quote, raw_start, raw_end, after) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,"
				       "$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)", error) : NULL;
	ok = ins != NULL;
	for (size_t i = 0; ok && i < n; i++) {
		const StoreCandidate *c = &rows[i];
		bind_int(s, ins, 1, seq);
		bind_int(s, ins, 2, (gint64)i);
		bind_int(s, ins, 3, c->sentence);
		bind_int(s, ins, 4, (gint64)c->timex.start);
		bind_int(s, ins, 5, (gint64)c->timex.end);
		bind_text(s, ins, 6, timex_type_name(c->timex.type));
		bind_text(s, ins, 7, c->timex.value);
		bind_text(s, ins, 8, c->timex.mod);
		bind_int(s, ins, 9, (gint64)c->timex.tense);
		bind_int(s, ins, 10, c->timex.relative);
		bind_text(s, ins, 11, c->timex.rule);
		bind_text(s, ins, 12, c->key);
		bind_text(s, ins, 13, c->type);
		bind_int(s, ins, 14, (c->generic ? CAND_GENERIC : 0) | (c->weak_title ? CAND_WEAK : 0) |
					     (c->since ? CAND_SINCE : 0));
		bind_int(s, ins, 15, c->status);
		bind_real(s, ins, 16, c->position);
		bind_text(s, ins, 17, c->title);
		bind_text(s, ins, 18, c->words);
		bind_text(s, ins, 19, c->quote);
		bind_int(s, ins, 20, (gint64)c->raw_start);
		bind_int(s, ins, 21, (gint64)c->raw_end);
		bind_text(s, ins, 22, c->after != NULL ? c->after : "");
		ok = run(s, ins, "save a candidate", error);
		release(s, ins);
	}
	StoreStmt *up = ok ? cached(s, "UPDATE articles SET extracted = 1 WHERE seq = $1", error) : NULL;
	ok = up != NULL;
	if (ok) {
		bind_int(s, up, 1, seq);
		ok = run(s, up, "mark an article extracted", error);
		release(s, up);
	}
	return ok;
}

typedef struct {
	StoreCandidateFunc fn;
	void *data;
} EachCandidate;

static bool
each_candidate_body(FriseStore *s, void *data, GError **error)
{
	EachCandidate *ec = data;
	/* the extracted dated articles only: an article re-ingested since
	 * (extracted 0) has no candidates of its old text left to read */
	StoreStmt *st = prepare(s, "SELECT c.article, c.sentence, c.start, c.\"end\", c.ttype, c.value, c.mod, c.tense, "
				   "c.relative, c.rule, c.key, c.type, c.flags, c.status, c.position, c.title, c.words, "
				   "c.quote, c.raw_start, c.raw_end, c.after FROM candidates c JOIN articles a ON a.seq = c.article "
				   "WHERE a.extracted = 1 AND a.published IS NOT NULL ORDER BY c.article, c.idx", error);
	if (st == NULL)
		return false;
	StoreStep r;
	bool ok = true;
	while (ok && (r = step(s, st, "read the candidates", error)) == STORE_STEP_ROW) {
		StoreCandidate c = { 0 };
		c.sentence = (guint)col_int(s, st, 1);
		c.timex.start = (size_t)col_int(s, st, 2);
		c.timex.end = (size_t)col_int(s, st, 3);
		c.timex.type = timex_type_parse(col_str(s, st, 4));
		g_strlcpy(c.timex.value, col_str(s, st, 5), sizeof c.timex.value);
		g_strlcpy(c.timex.mod, col_str(s, st, 6), sizeof c.timex.mod);
		c.timex.tense = (FriseTense)col_int(s, st, 7);
		c.timex.relative = col_int(s, st, 8) != 0;
		c.timex.rule = col_raw(s, st, 9) ? g_intern_string(col_raw(s, st, 9)) : NULL;
		c.key = col_str(s, st, 10);
		c.type = col_str(s, st, 11);
		gint64 flags = col_int(s, st, 12);
		c.generic = (flags & CAND_GENERIC) != 0;
		c.weak_title = (flags & CAND_WEAK) != 0;
		c.since = (flags & CAND_SINCE) != 0;
		c.status = (int)col_int(s, st, 13);
		c.position = col_real(s, st, 14);
		c.title = col_str(s, st, 15);
		c.words = col_str(s, st, 16);
		c.quote = col_str(s, st, 17);
		c.raw_start = (size_t)col_int(s, st, 18);
		c.raw_end = (size_t)col_int(s, st, 19);
		c.after = col_str(s, st, 20);
		ok = ec->fn(col_int(s, st, 0), &c, ec->data, error);
	}
	done(s, st);
	return ok && r == STORE_STEP_DONE;
}

bool
store_each_candidate(FriseStore *s, StoreCandidateFunc fn, void *data, GError **error)
{
	EachCandidate ec = { fn, data };
	return transact(s, STORE_TX_READ, each_candidate_body, &ec, error);
}

bool
store_reset_candidates(FriseStore *s, GError **error)
{
	return s->be->exec(s, "DELETE FROM candidates; UPDATE articles SET extracted = 0", error);
}

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

static bool
save_mentions(FriseStore *s, gint64 seq, int resolved, const GArray *tx, GError **error)
{
	StoreStmt *del = cached(s, "DELETE FROM mentions WHERE article = $1 AND resolved = $2", error);
	if (del == NULL)
		return false;
	bind_int(s, del, 1, seq);
	bind_int(s, del, 2, resolved);
	bool ok = run(s, del, "delete mentions", error);
	release(s, del);
	if (!ok || tx == NULL)
		return ok;
	StoreStmt *st = cached(s, "INSERT INTO mentions (article, resolved, start, \"end\", type, value, mod, tense, "
				  "relative, rule) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) "
				  "ON CONFLICT (article, resolved, start) DO UPDATE SET \"end\" = excluded.\"end\", "
				  "type = excluded.type, value = excluded.value, mod = excluded.mod, "
				  "tense = excluded.tense, relative = excluded.relative, rule = excluded.rule", error);
	if (st == NULL)
		return false;
	for (guint i = 0; ok && i < tx->len; i++) {
		const FriseTimex *t = &g_array_index(tx, FriseTimex, i);
		bind_int(s, st, 1, seq);
		bind_int(s, st, 2, resolved);
		bind_int(s, st, 3, (gint64)t->start);
		bind_int(s, st, 4, (gint64)t->end);
		bind_text(s, st, 5, timex_type_name(t->type));
		bind_text(s, st, 6, t->value);
		bind_text(s, st, 7, t->mod);
		bind_int(s, st, 8, (gint64)t->tense);
		bind_int(s, st, 9, t->relative);
		bind_text(s, st, 10, t->rule);
		ok = run(s, st, "save a mention", error);
		release(s, st);
	}
	return ok;
}

/* ------------------------------------------------------------------ */
/* Overrides, estimates, events                                         */

typedef struct {
	GArray *ov;
	GPtrArray *strings;
} OverridesRead;

static bool
overrides_body(FriseStore *s, void *data, GError **error)
{
	OverridesRead *o = data;
	g_array_set_size(o->ov, 0);
	StoreStmt *st = prepare(s, "SELECT kind, key, value FROM overrides ORDER BY seq", error);
	if (st == NULL)
		return false;
	StoreStep r;
	while ((r = step(s, st, "read the overrides", error)) == STORE_STEP_ROW) {
		int kind = event_override_parse(col_raw(s, st, 0));
		if (kind < 0 || col_raw(s, st, 1) == NULL)
			continue;
		char *key = col_text(s, st, 1), *value = col_text(s, st, 2);
		g_ptr_array_add(o->strings, key);
		if (value != NULL)
			g_ptr_array_add(o->strings, value);
		FriseOverride ov = { (FriseOverrideKind)kind, key, value };
		g_array_append_val(o->ov, ov);
	}
	done(s, st);
	return r == STORE_STEP_DONE;
}

GArray *
store_overrides(FriseStore *s, GPtrArray *strings, GError **error)
{
	OverridesRead o = { g_array_new(FALSE, FALSE, sizeof(FriseOverride)), strings };
	if (!transact(s, STORE_TX_READ, overrides_body, &o, error)) {
		g_array_unref(o.ov);
		return NULL;
	}
	return o.ov;
}

bool
store_put_estimate(FriseStore *s, gint64 seq, const char *value, const char *precision, const char *evidence,
		   const GArray *timexes, GError **error)
{
	if (!save_mentions(s, seq, 1, timexes, error))
		return false;
	StoreStmt *up = cached(s, "UPDATE articles SET estimate = $1, precision = $2, evidence = $3 WHERE seq = $4",
			       error);
	if (up == NULL)
		return false;
	bind_text(s, up, 1, value);
	bind_text(s, up, 2, precision);
	bind_text(s, up, 3, evidence);
	bind_int(s, up, 4, seq);
	bool ok = run(s, up, "save an estimate", error);
	release(s, up);
	return ok;
}

typedef struct {
	int sequence;
	gint64 created, modified;
	char *digest, *changed_by, *change;
} Previous;

static void
previous_free(Previous *p)
{
	g_free(p->digest);
	g_free(p->changed_by);
	g_free(p->change);
	g_free(p);
}

/* The events as they are before a rebuild, by id. */
static GHashTable *
previous_events(FriseStore *s, GError **error)
{
	GHashTable *prev = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)previous_free);
	StoreStmt *st = prepare(s, "SELECT id, sequence, created, modified, digest, changed_by, change FROM events",
				error);
	if (st == NULL) {
		g_hash_table_unref(prev);
		return NULL;
	}
	StoreStep r;
	while ((r = step(s, st, "read the events", error)) == STORE_STEP_ROW) {
		if (col_raw(s, st, 0) == NULL)
			continue;
		Previous *p = g_new0(Previous, 1);
		p->sequence = (int)col_int(s, st, 1);
		p->created = col_int(s, st, 2);
		p->modified = col_int(s, st, 3);
		p->digest = col_text(s, st, 4);
		p->changed_by = col_text(s, st, 5);
		p->change = col_text(s, st, 6);
		g_hash_table_insert(prev, col_text(s, st, 0), p);
	}
	done(s, st);
	if (r != STORE_STEP_DONE) {
		g_hash_table_unref(prev);
		return NULL;
	}
	return prev;
}

bool
store_put_events(FriseStore *s, const GArray *docs, GPtrArray *events, GError **error)
{
	/* without the previous events, every event would look new (its
	 * sequence back to 0, created and modified reset): stop instead */
	GHashTable *prev = previous_events(s, error);
	if (prev == NULL)
		return false;
	bool ok = s->be->exec(s, "DELETE FROM events", error);
	GDateTime *nowt = frise_now();
	gint64 now = g_date_time_to_unix(nowt);
	g_date_time_unref(nowt);
	const char *change = s->change ? s->change : "ingest";
	GHashTable *seq_of = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < docs->len; i++) {
		const StoreDoc *d = &g_array_index(docs, StoreDoc, i);
		g_hash_table_insert(seq_of, d->id, (gpointer)&d->seq);
	}
	StoreStmt *ev = ok ? cached(s, "INSERT INTO events (id, ord, value, mod, is_time, title, text, type, status, "
				       "score, conflict, edited, hidden, sequence, created, modified, digest, rank, why, "
				       "changed_by, change) "
				       "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)",
				    error) : NULL;
	StoreStmt *so = ev != NULL ? cached(s, "INSERT INTO event_sources (event, idx, article, key, quote, raw_start, "
				       "raw_end, value, mod, why) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)", error) : NULL;
	ok = ok && ev != NULL && so != NULL;
	for (guint i = 0; ok && i < events->len; i++) {
		FriseEvent *e = g_ptr_array_index(events, i);
		char *digest = event_digest(e);
		Previous *p = g_hash_table_lookup(prev, e->id);
		const char *by = s->actor, *how = change;
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
			by = p->changed_by;
			how = p->change;
		}
		bind_text(s, ev, 1, e->id);
		bind_int(s, ev, 2, i);
		bind_text(s, ev, 3, e->value);
		bind_text(s, ev, 4, e->mod);
		bind_int(s, ev, 5, e->is_time);
		bind_text(s, ev, 6, e->title);
		bind_text(s, ev, 7, e->text);
		bind_text(s, ev, 8, e->type);
		bind_int(s, ev, 9, (gint64)e->status);
		bind_real(s, ev, 10, e->score);
		bind_int(s, ev, 11, e->conflict);
		bind_int(s, ev, 12, e->edited);
		bind_int(s, ev, 13, e->hidden);
		bind_int(s, ev, 14, e->sequence);
		bind_int(s, ev, 15, e->created);
		bind_int(s, ev, 16, e->modified);
		bind_text(s, ev, 17, digest);
		bind_real(s, ev, 18, e->rank);
		bind_text(s, ev, 19, e->why);
		bind_text(s, ev, 20, by);
		bind_text(s, ev, 21, how);
		g_free(digest);
		ok = run(s, ev, "save an event", error);
		release(s, ev);
		for (guint k = 0; ok && k < e->sources->len; k++) {
			FriseSource *src = g_ptr_array_index(e->sources, k);
			gint64 *aseq = g_hash_table_lookup(seq_of, src->article);
			bind_text(s, so, 1, e->id);
			bind_int(s, so, 2, k);
			bind_int(s, so, 3, aseq ? *aseq : 0);
			bind_text(s, so, 4, g_ptr_array_index(e->keys, k));
			bind_text(s, so, 5, src->quote);
			bind_int(s, so, 6, (gint64)src->start);
			bind_int(s, so, 7, (gint64)src->end);
			bind_text(s, so, 8, src->value);
			bind_text(s, so, 9, src->mod);
			bind_text(s, so, 10, src->why);
			ok = run(s, so, "save an event source", error);
			release(s, so);
		}
	}
	g_hash_table_unref(seq_of);
	g_hash_table_unref(prev);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Ingest                                                              */

bool
store_has_same(FriseStore *s, const char *id, const FriseArticle *a)
{
	StoreStmt *st = cached(s, "SELECT hash, published, title, url, lang FROM articles WHERE id = $1", NULL);
	bool same = false;
	if (st != NULL) {
		bind_text(s, st, 1, id);
		if (step(s, st, "read the articles", NULL) == STORE_STEP_ROW)
			same = g_strcmp0(col_raw(s, st, 0), a->hash) == 0 &&
			       g_strcmp0(col_raw(s, st, 1), a->published) == 0 &&
			       g_strcmp0(col_raw(s, st, 2), a->title) == 0 && g_strcmp0(col_raw(s, st, 3), a->url) == 0 &&
			       g_strcmp0(col_raw(s, st, 4), frise_lang_code(a->lang)) == 0;
	}
	release(s, st);
	return same;
}

/* Binds an article's columns as $1…$10 (hash … ingested). */
static void
bind_article(FriseStore *s, StoreStmt *st, const FriseArticle *a, gint64 now)
{
	bind_text(s, st, 1, a->hash);
	bind_text(s, st, 2, a->path);
	bind_text(s, st, 3, a->title);
	bind_text(s, st, 4, a->url);
	bind_text(s, st, 5, a->source);
	bind_text(s, st, 6, frise_lang_code(a->lang));
	bind_text(s, st, 7, a->published);
	bind_text(s, st, 8, article_origin_name(a->published_origin));
	bind_bytes(s, st, 9, a->text, a->text_len);
	bind_int(s, st, 10, now);
}

static bool drop_lines(FriseStore *s, gint64 seq, GError **error); /* below, with the line counts */

bool
store_put_article(FriseStore *s, const char *id, const FriseArticle *a, const GArray *sentences,
		  const GArray *timexes, gint64 now, GError **error)
{
	gint64 seq = 0;
	StoreStmt *st = cached(s, "SELECT seq FROM articles WHERE id = $1", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, id);
	StoreStep r = step(s, st, "read the articles", error);
	if (r == STORE_STEP_ROW)
		seq = col_int(s, st, 0);
	release(s, st);
	if (r == STORE_STEP_ERROR)
		return false;
	/* its lines go first, while its bytes still find a twin */
	if (seq != 0 && !drop_lines(s, seq, error))
		return false;
	if (seq != 0) {
		st = cached(s, "UPDATE articles SET hash=$1, path=$2, title=$3, url=$4, source=$5, lang=$6, "
			       "published=$7, origin=$8, text=$9, ingested=$10, estimate=NULL, precision=NULL, "
			       "evidence=NULL WHERE seq=$11", error);
		if (st == NULL)
			return false;
		bind_article(s, st, a, now);
		bind_int(s, st, 11, seq);
		bool ok = run(s, st, "save an article", error);
		release(s, st);
		if (!ok)
			return false;
	} else {
		st = cached(s, "INSERT INTO articles (hash, path, title, url, source, lang, published, origin, text, "
			       "ingested, id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING seq", error);
		if (st == NULL)
			return false;
		bind_article(s, st, a, now);
		bind_text(s, st, 11, id);
		r = step(s, st, "save an article", error);
		if (r == STORE_STEP_ROW)
			seq = col_int(s, st, 0);
		release(s, st);
		if (r != STORE_STEP_ROW)
			return false;
	}
	static const char *const deletes[] = {
		"DELETE FROM sentences WHERE article = $1", "DELETE FROM mentions WHERE article = $1",
		"DELETE FROM candidates WHERE article = $1", "UPDATE articles SET extracted = 0 WHERE seq = $1",
	};
	bool ok = true;
	for (size_t k = 0; ok && k < G_N_ELEMENTS(deletes); k++) {
		st = cached(s, deletes[k], error);
		if (st == NULL)
			return false;
		bind_int(s, st, 1, seq);
		ok = run(s, st, "delete an article's sentences and mentions", error);
		release(s, st);
	}
	st = ok ? cached(s, "INSERT INTO sentences (article, idx, start, \"end\", raw_start, raw_end, boilerplate) "
			    "VALUES ($1,$2,$3,$4,$5,$6,$7)", error) : NULL;
	ok = st != NULL;
	for (guint i = 0; ok && i < sentences->len; i++) {
		const FriseSentence *se = &g_array_index(sentences, FriseSentence, i);
		bind_int(s, st, 1, seq);
		bind_int(s, st, 2, i);
		bind_int(s, st, 3, (gint64)se->start);
		bind_int(s, st, 4, (gint64)se->end);
		bind_int(s, st, 5, (gint64)se->raw_start);
		bind_int(s, st, 6, (gint64)se->raw_end);
		bind_int(s, st, 7, se->boilerplate);
		ok = run(s, st, "save a sentence", error);
		release(s, st);
	}
	return ok && save_mentions(s, seq, 0, timexes, error);
}

/* ------------------------------------------------------------------ */
/* Line counts (the boilerplate stage's corpus evidence)               */

/* Hashes or articles per query: a full IN list each time (the last one
 * padded with its last value), so that one statement is kept prepared. */
#define LINES_PER_QUERY 128

/* "PREFIX$1, $2, … $LINES_PER_QUERY)SUFFIX": a new string. */
static char *
in_list(const char *prefix, const char *suffix)
{
	GString *sql = g_string_new(prefix);
	for (int k = 1; k <= LINES_PER_QUERY; k++)
		g_string_append_printf(sql, k > 1 ? ", $%d" : "$%d", k);
	g_string_append_c(sql, ')');
	g_string_append(sql, suffix);
	return g_string_free(sql, FALSE);
}

/* Binds values[from…] as $1…$LINES_PER_QUERY, the last repeated. */
static void
bind_list(FriseStore *s, StoreStmt *st, const gint64 *values, guint n, guint from)
{
	for (guint k = 0; k < LINES_PER_QUERY; k++)
		bind_int(s, st, (int)k + 1, values[MIN(from + k, n - 1)]);
}

/* Runs cached statement `sql` with $1 = a (and $2 = b when two). */
static bool
run_with(FriseStore *s, const char *sql, gint64 a, gint64 b, int n, const char *what, GError **error)
{
	StoreStmt *st = cached(s, sql, error);
	if (st == NULL)
		return false;
	bind_int(s, st, 1, a);
	if (n > 1)
		bind_int(s, st, 2, b);
	bool ok = run(s, st, what, error);
	release(s, st);
	return ok;
}

/* The articles whose lines are kept, with distinct bytes. */
static bool
corpus_size(FriseStore *s, gint64 *n, GError **error)
{
	*n = 0;
	StoreStmt *st = cached(s, "SELECT count(DISTINCT hash) FROM articles WHERE lines = 1", error);
	if (st == NULL)
		return false;
	StoreStep r = step(s, st, "read the line counts", error);
	if (r == STORE_STEP_ROW)
		*n = col_int(s, st, 0);
	release(s, st);
	return r != STORE_STEP_ERROR;
}

/* Whether article `seq`'s lines are kept (*kept) and whether they count in
 * line_counts through it: they do unless another article with the same
 * bytes, whose lines are the same, has its lines kept (*twin). */
static bool
lines_state(FriseStore *s, gint64 seq, bool *kept, bool *twin, GError **error)
{
	*kept = *twin = false;
	StoreStmt *st = cached(s, "SELECT a.lines, (SELECT count(*) FROM articles b WHERE b.lines = 1 AND "
				  "b.hash = a.hash AND b.seq <> a.seq) FROM articles a WHERE a.seq = $1", error);
	if (st == NULL)
		return false;
	bind_int(s, st, 1, seq);
	StoreStep r = step(s, st, "read the articles", error);
	if (r == STORE_STEP_ROW) {
		*kept = col_int(s, st, 0) != 0;
		*twin = col_int(s, st, 1) > 0;
	}
	release(s, st);
	return r != STORE_STEP_ERROR;
}

/* Drops article `seq`'s lines, and their counts unless a twin holds
 * them. Before its bytes change (the twin is found by them). */
static bool
drop_lines(FriseStore *s, gint64 seq, GError **error)
{
	bool kept, twin;
	if (!lines_state(s, seq, &kept, &twin, error))
		return false;
	bool ok = true;
	if (kept && !twin)
		ok = run_with(s, "UPDATE line_counts SET articles = articles - 1 WHERE hash IN "
				 "(SELECT hash FROM article_lines WHERE article = $1)", seq, 0, 1, "update the line counts",
			      error) &&
		     run_with(s, "DELETE FROM line_counts WHERE articles <= 0 AND hash IN "
				 "(SELECT hash FROM article_lines WHERE article = $1)", seq, 0, 1, "update the line counts",
			      error);
	return ok && run_with(s, "DELETE FROM article_lines WHERE article = $1", seq, 0, 1, "delete an article's lines",
			      error) &&
	       run_with(s, "UPDATE articles SET lines = 0, title_from_body = 0 WHERE seq = $1", seq, 0, 1,
			"delete an article's lines", error);
}

typedef struct {
	const GArray *hashes;
	const char *const *ids;
	size_t nids;
	GHashTable *counts;
	size_t articles;
} LineCounts;

/* `minus` (hash -> count, owned keys): the lines of the stored versions
 * of lc->ids (distinct bytes), which count as read, not as stored;
 * *stored loses one per such version. */
static bool
lines_read_again(FriseStore *s, LineCounts *lc, GHashTable *minus, gint64 *stored, GError **error)
{
	GHashTable *done = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL); /* ids and bytes met */
	bool ok = true;
	for (size_t i = 0; ok && i < lc->nids; i++) {
		if (!g_hash_table_add(done, g_strdup(lc->ids[i])))
			continue; /* an id named twice counts once */
		StoreStmt *st = cached(s, "SELECT seq, hash FROM articles WHERE id = $1 AND lines = 1", error);
		if (st == NULL)
			return false;
		bind_text(s, st, 1, lc->ids[i]);
		StoreStep r = step(s, st, "read the articles", error);
		gint64 seq = r == STORE_STEP_ROW ? col_int(s, st, 0) : 0;
		char *sha = r == STORE_STEP_ROW ? g_strconcat("sha:", col_str(s, st, 1), NULL) : NULL;
		release(s, st);
		ok = r != STORE_STEP_ERROR;
		if (sha == NULL || !g_hash_table_add(done, sha))
			continue;
		(*stored)--;
		st = ok ? cached(s, "SELECT hash FROM article_lines WHERE article = $1", error) : NULL;
		ok = st != NULL;
		if (!ok)
			break;
		bind_int(s, st, 1, seq);
		while ((r = step(s, st, "read the line counts", error)) == STORE_STEP_ROW) {
			guint64 h = (guint64)col_int(s, st, 0);
			guint n = GPOINTER_TO_UINT(g_hash_table_lookup(minus, &h));
			g_hash_table_replace(minus, g_memdup2(&h, sizeof h), GUINT_TO_POINTER(n + 1));
		}
		release(s, st);
		ok = r == STORE_STEP_DONE;
	}
	g_hash_table_unref(done);
	return ok;
}

static bool
line_counts_body(FriseStore *s, void *data, GError **error)
{
	LineCounts *lc = data;
	lc->articles = 0;
	g_hash_table_remove_all(lc->counts); /* a transaction run again starts again */
	gint64 stored;
	if (!corpus_size(s, &stored, error))
		return false;
	if (stored == 0 || lc->hashes->len == 0)
		return true;
	GHashTable *minus = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	bool ok = lines_read_again(s, lc, minus, &stored, error);
	/* each hash of the batch, by a key that points into lc->hashes */
	GHashTable *wanted = g_hash_table_new(g_int64_hash, g_int64_equal);
	for (guint i = 0; i < lc->hashes->len; i++)
		g_hash_table_add(wanted, &g_array_index(lc->hashes, guint64, i));
	char *sql = in_list("SELECT hash, articles FROM line_counts WHERE hash IN (", "");
	StoreStmt *st = ok ? cached(s, sql, error) : NULL;
	g_free(sql);
	ok = st != NULL;
	const gint64 *values = (const gint64 *)(const void *)lc->hashes->data; /* the bits as they are */
	for (guint from = 0; ok && from < lc->hashes->len; from += LINES_PER_QUERY) {
		bind_list(s, st, values, lc->hashes->len, from);
		StoreStep r;
		while ((r = step(s, st, "read the line counts", error)) == STORE_STEP_ROW) {
			guint64 h = (guint64)col_int(s, st, 0);
			gpointer key;
			if (!g_hash_table_lookup_extended(wanted, &h, &key, NULL))
				continue;
			gint64 n = col_int(s, st, 1) - GPOINTER_TO_UINT(g_hash_table_lookup(minus, &h));
			if (n > 0)
				g_hash_table_insert(lc->counts, key, GUINT_TO_POINTER((guint)n));
		}
		release(s, st);
		ok = r == STORE_STEP_DONE;
	}
	g_hash_table_unref(wanted);
	g_hash_table_unref(minus);
	lc->articles = stored > 0 ? (size_t)stored : 0;
	return ok;
}

bool
store_line_counts(FriseStore *s, const GArray *hashes, const char *const *ids, size_t nids, GHashTable *counts,
		  size_t *articles, GError **error)
{
	LineCounts lc = { hashes, ids, nids, counts, 0 };
	bool ok = transact(s, STORE_TX_READ, line_counts_body, &lc, error);
	*articles = ok ? lc.articles : 0;
	return ok;
}

bool
store_put_lines(FriseStore *s, const char *id, const GArray *hashes, const guint8 *repeated, bool title_from_body,
		GError **error)
{
	StoreStmt *st = cached(s, "SELECT seq FROM articles WHERE id = $1", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, id);
	StoreStep r = step(s, st, "read the articles", error);
	gint64 seq = r == STORE_STEP_ROW ? col_int(s, st, 0) : 0;
	release(s, st);
	if (r != STORE_STEP_ROW) {
		if (r == STORE_STEP_DONE)
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: no article '%s' for its lines",
				    s->path, id);
		return false;
	}
	bool kept, twin;
	bool ok = drop_lines(s, seq, error) && lines_state(s, seq, &kept, &twin, error);
	st = ok ? cached(s, "INSERT INTO article_lines (article, hash, repeated) VALUES ($1, $2, $3)", error) : NULL;
	StoreStmt *count = ok && !twin ? cached(s, "INSERT INTO line_counts (hash, articles) VALUES ($1, 1) ON CONFLICT "
						   "(hash) DO UPDATE SET articles = line_counts.articles + 1", error)
				       : NULL;
	ok = st != NULL && (twin || count != NULL);
	for (guint i = 0; ok && i < hashes->len; i++) {
		gint64 h = (gint64)g_array_index(hashes, guint64, i);
		bind_int(s, st, 1, seq);
		bind_int(s, st, 2, h);
		bind_int(s, st, 3, repeated != NULL && repeated[i]);
		ok = run(s, st, "save an article's lines", error);
		release(s, st);
		if (ok && !twin) {
			bind_int(s, count, 1, h);
			ok = run(s, count, "update the line counts", error);
			release(s, count);
		}
	}
	return ok && run_with(s, "UPDATE articles SET lines = 1, title_from_body = $1 WHERE seq = $2", title_from_body,
			      seq, 2, "save an article's lines", error);
}

bool
store_put_line_flags(FriseStore *s, gint64 seq, const GArray *hashes, const guint8 *repeated, GError **error)
{
	StoreStmt *st = cached(s, "UPDATE article_lines SET repeated = $1 WHERE article = $2 AND hash = $3", error);
	bool ok = st != NULL;
	for (guint i = 0; ok && i < hashes->len; i++) {
		bind_int(s, st, 1, repeated[i] != 0);
		bind_int(s, st, 2, seq);
		bind_int(s, st, 3, (gint64)g_array_index(hashes, guint64, i));
		ok = run(s, st, "save an article's lines", error);
		release(s, st);
	}
	return ok;
}

bool
store_corpus_size(FriseStore *s, size_t *articles, GError **error)
{
	gint64 n;
	bool ok = corpus_size(s, &n, error);
	*articles = ok && n > 0 ? (size_t)n : 0;
	return ok;
}

bool
store_repeated_lines(FriseStore *s, guint threshold, GHashTable *repeated, GError **error)
{
	StoreStmt *st = prepare(s, "SELECT hash, articles FROM line_counts WHERE articles >= $1", error);
	if (st == NULL)
		return false;
	bind_int(s, st, 1, threshold);
	StoreStep r;
	while ((r = step(s, st, "read the line counts", error)) == STORE_STEP_ROW) {
		guint64 h = (guint64)col_int(s, st, 0);
		g_hash_table_replace(repeated, g_memdup2(&h, sizeof h), GUINT_TO_POINTER((guint)col_int(s, st, 1)));
	}
	done(s, st);
	return r == STORE_STEP_DONE;
}

bool
store_lines_changed(FriseStore *s, guint threshold, GArray *seqs, GError **error)
{
	g_array_set_size(seqs, 0);
	StoreStmt *st = prepare(s, "SELECT DISTINCT l.article FROM article_lines l JOIN line_counts c ON c.hash = l.hash "
				   "WHERE l.repeated <> (CASE WHEN c.articles >= $1 THEN 1 ELSE 0 END) ORDER BY l.article",
				error);
	if (st == NULL)
		return false;
	bind_int(s, st, 1, threshold);
	StoreStep r;
	while ((r = step(s, st, "read the line counts", error)) == STORE_STEP_ROW) {
		gint64 seq = col_int(s, st, 0);
		g_array_append_val(seqs, seq);
	}
	done(s, st);
	return r == STORE_STEP_DONE;
}

void
store_lined_clear(StoreLined *d)
{
	g_free(d->id);
	g_free(d->title);
	g_free(d->text);
	if (d->sentences != NULL)
		g_array_unref(d->sentences);
	if (d->hashes != NULL)
		g_array_unref(d->hashes);
	g_free(d->repeated);
}

typedef struct {
	const gint64 *seqs;
	guint n;
	GArray *out;
} LinedRead;

static void
lined_row(FriseStore *s, StoreStmt *st, GArray *out)
{
	StoreLined d = { 0 };
	d.seq = col_int(s, st, 0);
	d.id = col_dup(s, st, 1);
	d.title = col_dup(s, st, 2);
	d.lang = frise_lang_parse(col_str(s, st, 3));
	d.title_from_body = col_int(s, st, 4) != 0;
	const char *text = s->be->col_text(st, 5, &d.len);
	d.text = text ? g_strndup(text, d.len) : g_strdup("");
	if (text == NULL)
		d.len = 0;
	d.sentences = g_array_new(FALSE, TRUE, sizeof(FriseSentence));
	d.hashes = g_array_new(FALSE, FALSE, sizeof(guint64));
	g_array_append_val(out, d);
}

/* The sentences and kept lines of each article of `out`. */
static bool
lined_rows(FriseStore *s, GArray *out, GError **error)
{
	StoreStmt *st = cached(s, "SELECT idx, start, \"end\", boilerplate FROM sentences WHERE article = $1 ORDER BY idx",
			       error);
	StoreStmt *ls = st != NULL ? cached(s, "SELECT hash, repeated FROM article_lines WHERE article = $1", error)
				   : NULL;
	bool ok = ls != NULL;
	for (guint i = 0; ok && i < out->len; i++) {
		StoreLined *d = &g_array_index(out, StoreLined, i);
		bind_int(s, st, 1, d->seq);
		StoreStep r;
		while ((r = step(s, st, "read the sentences", error)) == STORE_STEP_ROW) {
			guint idx = (guint)col_int(s, st, 0);
			if (idx >= d->sentences->len)
				g_array_set_size(d->sentences, idx + 1);
			FriseSentence *se = &g_array_index(d->sentences, FriseSentence, idx);
			se->start = (size_t)col_int(s, st, 1);
			se->end = (size_t)col_int(s, st, 2);
			se->boilerplate = col_int(s, st, 3) != 0;
		}
		release(s, st);
		ok = r == STORE_STEP_DONE;
		bind_int(s, ls, 1, d->seq);
		GByteArray *rep = g_byte_array_new();
		while (ok && (r = step(s, ls, "read the line counts", error)) == STORE_STEP_ROW) {
			guint64 h = (guint64)col_int(s, ls, 0);
			guint8 f = col_int(s, ls, 1) != 0;
			g_array_append_val(d->hashes, h);
			g_byte_array_append(rep, &f, 1);
		}
		release(s, ls);
		ok = ok && r == STORE_STEP_DONE;
		d->repeated = g_byte_array_free(rep, FALSE);
	}
	return ok;
}

static bool
load_lined_body(FriseStore *s, void *data, GError **error)
{
	LinedRead *rd = data;
	g_array_set_size(rd->out, 0);
	char *sql = rd->seqs != NULL ? in_list("SELECT seq, id, title, lang, title_from_body, text FROM articles "
					       "WHERE seq IN (", " ORDER BY seq")
				     : g_strdup("SELECT seq, id, title, lang, title_from_body, text FROM articles "
						"WHERE lines = 0 ORDER BY seq LIMIT $1");
	StoreStmt *st = cached(s, sql, error);
	g_free(sql);
	if (st == NULL)
		return false;
	StoreStep r = STORE_STEP_DONE;
	for (guint from = 0; r == STORE_STEP_DONE && from < (rd->seqs != NULL ? rd->n : 1); from += LINES_PER_QUERY) {
		if (rd->seqs != NULL)
			bind_list(s, st, rd->seqs, rd->n, from);
		else
			bind_int(s, st, 1, rd->n);
		while ((r = step(s, st, "read the articles", error)) == STORE_STEP_ROW)
			lined_row(s, st, rd->out);
		release(s, st);
	}
	return r == STORE_STEP_DONE && lined_rows(s, rd->out, error);
}

GArray *
store_load_lined(FriseStore *s, const gint64 *seqs, guint n, GError **error)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(StoreLined));
	g_array_set_clear_func(out, (GDestroyNotify)store_lined_clear);
	LinedRead rd = { seqs, n, out };
	if (n > 0 && !transact(s, STORE_TX_READ, load_lined_body, &rd, error)) {
		g_array_unref(out);
		return NULL;
	}
	return out;
}

bool
store_put_judgment(FriseStore *s, gint64 seq, const char *title, const GArray *flags, GError **error)
{
	bool ok = true;
	StoreStmt *st;
	if (title != NULL) {
		st = cached(s, "UPDATE articles SET title = $1 WHERE seq = $2", error);
		ok = st != NULL;
		if (ok) {
			bind_text(s, st, 1, title);
			bind_int(s, st, 2, seq);
			ok = run(s, st, "save an article's title", error);
			release(s, st);
		}
	}
	st = ok ? cached(s, "UPDATE sentences SET boilerplate = $1 WHERE article = $2 AND idx = $3", error) : NULL;
	ok = ok && st != NULL;
	for (guint i = 0; ok && i < flags->len; i++) {
		int f = g_array_index(flags, int, i);
		if (f < 0)
			continue; /* unchanged */
		bind_int(s, st, 1, f);
		bind_int(s, st, 2, seq);
		bind_int(s, st, 3, i);
		ok = run(s, st, "save a sentence", error);
		release(s, st);
	}
	return ok && run_with(s, "DELETE FROM candidates WHERE article = $1", seq, 0, 1, "drop an article's candidates",
			      error) &&
	       run_with(s, "UPDATE articles SET extracted = 0 WHERE seq = $1", seq, 0, 1, "drop an article's candidates",
			error);
}

bool
store_put_timeline_title(FriseStore *s, const char *title, GError **error)
{
	return store_set_state(s, "title", title, error);
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
	StoreStmt *st = prepare(s,
		"SELECT e.id FROM events e WHERE $1 <> 0 OR e.hidden = 0 ORDER BY e.rank DESC,"
		" coalesce((SELECT article FROM event_sources x WHERE x.event = e.id"
		"  ORDER BY article, raw_start LIMIT 1), 9223372036854775807),"
		" coalesce((SELECT raw_start FROM event_sources x WHERE x.event = e.id"
		"  ORDER BY article, raw_start LIMIT 1), 9223372036854775807), e.ord LIMIT $2", error);
	if (st == NULL)
		return NULL;
	bind_int(s, st, 1, q->with_hidden);
	bind_int(s, st, 2, q->top > INT64_MAX ? INT64_MAX : (gint64)q->top);
	GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	StoreStep r;
	while ((r = step(s, st, "rank the events", error)) == STORE_STEP_ROW)
		g_hash_table_add(ids, col_text(s, st, 0));
	done(s, st);
	if (r != STORE_STEP_DONE) {
		g_hash_table_unref(ids);
		return NULL;
	}
	return ids;
}

typedef struct {
	const FriseTimelineQuery *q;
	FriseTimeline *tl;
} TimelineRead;

static bool
timeline_body(FriseStore *s, void *data, GError **error)
{
	TimelineRead *tr = data;
	const FriseTimelineQuery *q = tr->q;
	event_timeline_free(tr->tl);
	FriseTimeline *tl = tr->tl = event_timeline_new();
	/* articles */
	GHashTable *info_of = g_hash_table_new(g_int64_hash, g_int64_equal);
	GArray *seqs = g_array_new(FALSE, FALSE, sizeof(gint64));
	GArray *ranked = g_array_new(FALSE, FALSE, sizeof(Ranked));
	GHashTable *by_id = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *kept = NULL;
	StoreStep r = STORE_STEP_ERROR;
	StoreStmt *st = prepare(s, "SELECT seq, id, title, url, published, origin, estimate, lang, source "
				   "FROM articles ORDER BY seq", error);
	bool ok = st != NULL;
	int counts[FRISE_LANG_COUNT] = { 0 };
	while (ok && (r = step(s, st, "read the articles", error)) == STORE_STEP_ROW) {
		FriseArticleInfo *a = g_new0(FriseArticleInfo, 1);
		gint64 seq = col_int(s, st, 0);
		a->id = col_dup(s, st, 1);
		a->title = col_dup(s, st, 2);
		a->url = col_text(s, st, 3);
		a->published = col_text(s, st, 4);
		a->origin = col_dup(s, st, 5);
		if (a->published == NULL && col_raw(s, st, 6) != NULL) {
			a->published = col_text(s, st, 6);
			g_free(a->origin);
			a->origin = g_strdup(article_origin_name(FRISE_ORIGIN_ESTIMATED));
		}
		a->lang = frise_lang_parse(col_str(s, st, 7));
		a->source = col_raw(s, st, 8) != NULL && *col_raw(s, st, 8) != '\0' ? col_text(s, st, 8) : NULL;
		counts[a->lang]++;
		g_array_append_val(seqs, seq);
		g_ptr_array_add(tl->articles, a);
	}
	done(s, st);
	ok = ok && r == STORE_STEP_DONE;
	for (guint i = 0; ok && i < tl->articles->len; i++)
		g_hash_table_insert(info_of, &g_array_index(seqs, gint64, i), g_ptr_array_index(tl->articles, i));
	tl->lang = counts[FRISE_LANG_EN] > counts[FRISE_LANG_FR] ? FRISE_LANG_EN : FRISE_LANG_FR;
	/* the story's title, as the last rebuild chose it (a store that no
	 * rebuild of this frise wrote: the first article's) */
	ok = ok && store_get_state(s, "title", &tl->title, error);
	if (tl->title == NULL && tl->articles->len > 0)
		tl->title = g_strdup(((FriseArticleInfo *)g_ptr_array_index(tl->articles, 0))->title);
	else if (tl->title == NULL)
		tl->title = g_strdup("");
	/* events; with a --top, the database picks the kept ones first (a
	 * bounded sort), so that memory grows with the events kept, not with
	 * the store: a 1,000,000-event store is listed --top 100 in a few MB */
	if (ok && q != NULL && q->top > 0)
		ok = (kept = top_events(s, q, error)) != NULL;
	st = ok ? prepare(s, "SELECT id, ord, value, mod, is_time, title, text, type, status, score, conflict, "
			     "edited, hidden, sequence, created, modified, rank, why FROM events ORDER BY ord", error)
		: NULL;
	ok = st != NULL;
	while (ok && (r = step(s, st, "read the events", error)) == STORE_STEP_ROW) {
		if (col_int(s, st, 12) && !(q != NULL && q->with_hidden))
			continue;
		if (kept != NULL && !g_hash_table_contains(kept, col_str(s, st, 0)))
			continue;
		FriseEvent *e = g_new0(FriseEvent, 1);
		e->id = col_dup(s, st, 0);
		e->value = col_dup(s, st, 2);
		e->mod = col_dup(s, st, 3);
		e->is_time = col_int(s, st, 4) != 0;
		e->title = col_dup(s, st, 5);
		e->text = col_dup(s, st, 6);
		e->type = col_dup(s, st, 7);
		e->status = (FriseStatus)col_int(s, st, 8);
		e->score = col_real(s, st, 9);
		e->conflict = col_int(s, st, 10) != 0;
		e->edited = col_int(s, st, 11) != 0;
		e->hidden = col_int(s, st, 12) != 0;
		e->sequence = (int)col_int(s, st, 13);
		e->created = col_int(s, st, 14);
		e->modified = col_int(s, st, 15);
		e->rank = col_real(s, st, 16);
		e->why = col_text(s, st, 17);
		e->sources = g_ptr_array_new_with_free_func((GDestroyNotify)event_source_free);
		e->keys = g_ptr_array_new_with_free_func(g_free);
		Ranked rk = { e, G_MAXINT64, SIZE_MAX, (guint)col_int(s, st, 1) };
		g_array_append_val(ranked, rk);
	}
	done(s, st);
	ok = ok && r == STORE_STEP_DONE;
	for (guint i = 0; i < ranked->len; i++)
		g_hash_table_insert(by_id, g_array_index(ranked, Ranked, i).e->id, GUINT_TO_POINTER(i));
	st = ok ? prepare(s, "SELECT event, article, key, quote, raw_start, raw_end, value, mod, why "
			     "FROM event_sources ORDER BY event, idx", error) : NULL;
	ok = st != NULL;
	while (ok && (r = step(s, st, "read the event sources", error)) == STORE_STEP_ROW) {
		gpointer ip;
		if (!g_hash_table_lookup_extended(by_id, col_str(s, st, 0), NULL, &ip))
			continue;
		Ranked *rk = &g_array_index(ranked, Ranked, GPOINTER_TO_UINT(ip));
		gint64 aseq = col_int(s, st, 1);
		FriseArticleInfo *a = g_hash_table_lookup(info_of, &aseq);
		FriseSource *src = g_new0(FriseSource, 1);
		src->article = g_strdup(a ? a->id : "");
		src->title = g_strdup(a ? a->title : "");
		src->url = g_strdup(a ? a->url : NULL);
		src->published = g_strdup(a ? a->published : NULL);
		src->quote = col_dup(s, st, 3);
		src->start = (size_t)col_int(s, st, 4);
		src->end = (size_t)col_int(s, st, 5);
		src->value = col_dup(s, st, 6);
		src->mod = col_dup(s, st, 7);
		src->why = col_text(s, st, 8);
		g_ptr_array_add(rk->e->sources, src);
		g_ptr_array_add(rk->e->keys, col_dup(s, st, 2));
		if (aseq < rk->seq || (aseq == rk->seq && src->start < rk->start)) {
			rk->seq = aseq;
			rk->start = src->start;
		}
	}
	done(s, st);
	ok = ok && r == STORE_STEP_DONE;
	g_hash_table_unref(by_id);
	if (kept != NULL)
		g_hash_table_unref(kept);
	g_array_sort(ranked, cmp_ord);
	for (guint i = 0; i < ranked->len; i++)
		g_ptr_array_add(tl->events, g_array_index(ranked, Ranked, i).e);
	g_array_unref(ranked);
	g_hash_table_unref(info_of);
	g_array_unref(seqs);
	return ok;
}

FriseTimeline *
store_timeline(FriseStore *s, const FriseTimelineQuery *q, GError **error)
{
	TimelineRead tr = { q, NULL };
	if (!transact(s, STORE_TX_READ, timeline_body, &tr, error)) {
		event_timeline_free(tr.tl);
		return NULL;
	}
	return tr.tl;
}

/* ------------------------------------------------------------------ */
/* Curation                                                            */

bool
store_event_exists(FriseStore *s, const char *id, GError **error)
{
	StoreStmt *st = prepare(s, "SELECT 1 FROM events WHERE id = $1", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, id);
	StoreStep r = step(s, st, "read the events", error);
	done(s, st);
	if (r == STORE_STEP_DONE)
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s: no event with id '%s' (see 'frise events')",
			    s->path, id);
	return r == STORE_STEP_ROW;
}

/* "2024-11-27 10:00 UTC" for Unix seconds `t`: a new string. */
static char *
format_time(gint64 t)
{
	GDateTime *d = g_date_time_new_from_unix_utc(t);
	char *out = d ? g_date_time_format(d, "%Y-%m-%d %H:%M:%S UTC") : g_strdup("?");
	if (d != NULL)
		g_date_time_unref(d);
	return out;
}

bool
store_check_version(FriseStore *s, const char *id, int version, GError **error)
{
	StoreStmt *st = prepare(s, "SELECT sequence, changed_by, change, modified FROM events WHERE id = $1", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, id);
	StoreStep r = step(s, st, "read the events", error);
	bool ok = r == STORE_STEP_ROW && col_int(s, st, 0) == version;
	if (r == STORE_STEP_DONE) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE,
			    "%s: conflict: event %s@%d is gone (merged, split or no longer found in the articles since "
			    "version %d); nothing was changed: list the events again ('frise events --store %s') and "
			    "redo the change on what is there now", s->path, id, version, version, s->path);
	} else if (r == STORE_STEP_ROW && !ok) {
		int now = (int)col_int(s, st, 0);
		char *when = format_time(col_int(s, st, 3));
		const char *by = col_raw(s, st, 1), *how = col_raw(s, st, 2);
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE,
			    "%s: conflict: event %s changed since version %d: it is at version %d, made by %s (%s) at "
			    "%s; nothing was changed: look at it again ('frise events --store %s') and redo the change "
			    "on version %d (%s@%d)", s->path, id, version, now, by ? by : "an older frise",
			    how ? how : "unknown change", when, s->path, now, id, now);
		g_free(when);
	}
	done(s, st);
	return ok;
}

bool
store_delete_override(FriseStore *s, FriseOverrideKind kind, const char *key, GError **error)
{
	StoreStmt *d = prepare(s, "DELETE FROM overrides WHERE kind = $1 AND key = $2", error);
	if (d == NULL)
		return false;
	bind_text(s, d, 1, event_override_name(kind));
	bind_text(s, d, 2, key);
	bool ok = run(s, d, "delete an override", error);
	done(s, d);
	return ok;
}

bool
store_add_override(FriseStore *s, FriseOverrideKind kind, const char *key, const char *value, bool replace,
		   GError **error)
{
	if (replace && !store_delete_override(s, kind, key, error))
		return false;
	StoreStmt *st = prepare(s, "INSERT INTO overrides (kind, key, value, created) VALUES ($1,$2,$3,$4)", error);
	if (st == NULL)
		return false;
	GDateTime *now = frise_now();
	bind_text(s, st, 1, event_override_name(kind));
	bind_text(s, st, 2, key);
	bind_text(s, st, 3, value);
	bind_int(s, st, 4, g_date_time_to_unix(now));
	g_date_time_unref(now);
	bool ok = run(s, st, "save an override", error);
	done(s, st);
	return ok;
}

bool
store_split_overrides(FriseStore *s, const char *id, GError **error)
{
	StoreStmt *st = prepare(s, "SELECT key FROM event_sources WHERE event = $1 ORDER BY idx", error);
	bool ok = st != NULL;
	GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
	if (ok) {
		bind_text(s, st, 1, id);
		StoreStep r;
		while ((r = step(s, st, "read the event sources", error)) == STORE_STEP_ROW)
			g_ptr_array_add(keys, col_dup(s, st, 0));
		done(s, st);
		ok = r == STORE_STEP_DONE;
	}
	StoreStmt *d = ok ? prepare(s, "DELETE FROM overrides WHERE kind = 'merge' AND (key = $1 OR value = $1)",
				    error) : NULL;
	ok = ok && d != NULL;
	for (guint i = 0; ok && i < keys->len; i++) {
		bind_text(s, d, 1, g_ptr_array_index(keys, i));
		ok = run(s, d, "delete an override", error);
		s->be->reset(d);
		ok = ok && store_add_override(s, FRISE_OVERRIDE_SPLIT, g_ptr_array_index(keys, i), NULL, true, error);
	}
	done(s, d);
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

static bool
articles_body(FriseStore *s, void *data, GError **error)
{
	GPtrArray *out = data;
	g_ptr_array_set_size(out, 0);
	StoreStmt *st = prepare(s, "SELECT a.id, a.path, a.title, a.hash, a.lang, a.published, a.origin, "
				   "a.estimate, a.precision, a.evidence, (SELECT count(*) FROM mentions m "
				   "WHERE m.article = a.seq AND m.resolved = 0), a.url, a.source FROM articles a ORDER BY seq",
				error);
	if (st == NULL)
		return false;
	StoreStep r;
	while ((r = step(s, st, "read the articles", error)) == STORE_STEP_ROW) {
		FriseStoreArticle *a = g_new0(FriseStoreArticle, 1);
		a->id = col_dup(s, st, 0);
		a->path = col_text(s, st, 1);
		a->title = col_dup(s, st, 2);
		a->hash = col_dup(s, st, 3);
		a->lang = frise_lang_parse(col_str(s, st, 4));
		a->published = col_text(s, st, 5);
		a->origin = col_dup(s, st, 6);
		a->estimate = col_text(s, st, 7);
		a->precision = granularity_parse(col_raw(s, st, 8));
		a->evidence = col_text(s, st, 9);
		a->mentions = (guint)col_int(s, st, 10);
		a->url = col_text(s, st, 11);
		a->source = col_text(s, st, 12);
		g_ptr_array_add(out, a);
	}
	done(s, st);
	return r == STORE_STEP_DONE;
}

GPtrArray *
store_articles(FriseStore *s, GError **error)
{
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)store_article_free);
	if (!transact(s, STORE_TX_READ, articles_body, out, error)) {
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}
