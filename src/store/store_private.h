/*
 * store_private.h — what the store's SQL files share, private to the
 * store layer (src/store/): store.c (transactions, opening, templates,
 * state), store_load.c (documents and the article
 * list), store_ingest.c (articles, sentences, mentions, line counts),
 * store_events.c (candidates, estimates, events, the timeline) and
 * store_curate.c (overrides, version checks). The statement helpers below
 * are static inline wrappers of the backend (backend.h), one copy per file
 * and no symbol; the functions declared after them are defined once.
 *
 * A statement is prepare()d (finished with done()) or cached() (kept by
 * the store, handed back with release()); its parameters are numbered from
 * 1, its columns from 0. A col_* text is borrowed until the next step.
 */
#ifndef FRISE_STORE_PRIVATE_H
#define FRISE_STORE_PRIVATE_H

#include "store/backend.h"

/* ------------------------------------------------------------------ */
/* Statements                                                           */

/* A new statement (finish it with done()), or NULL with `error`. */
static inline StoreStmt *
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

static inline void
done(FriseStore *s, StoreStmt *st)
{
	if (st != NULL)
		s->be->finalize(st);
}

/* The statement of `sql` that the store keeps for statements run once
 * per article or mention (preparing them each time was a third of
 * writing an article). Owned by the store: the caller steps it, then
 * hands it back with release(); it is never finalized by the caller. */
static inline StoreStmt *
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
static inline void
release(FriseStore *s, StoreStmt *st)
{
	if (st != NULL)
		s->be->reset(st);
}

static inline void
bind_int(FriseStore *s, StoreStmt *st, int i, gint64 v)
{
	s->be->bind_int(st, i, v);
}

static inline void
bind_real(FriseStore *s, StoreStmt *st, int i, double v)
{
	s->be->bind_real(st, i, v);
}

static inline void
bind_text(FriseStore *s, StoreStmt *st, int i, const char *v)
{
	s->be->bind_text(st, i, v, -1);
}

static inline void
bind_bytes(FriseStore *s, StoreStmt *st, int i, const char *v, size_t len)
{
	s->be->bind_text(st, i, v, (gssize)len);
}

/* Steps `st`; on an error, `error` says "PATH: cannot WHAT: why". */
static inline StoreStep
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
static inline bool
run(FriseStore *s, StoreStmt *st, const char *what, GError **error)
{
	GError *e = NULL;
	if (s->be->run(st, &e))
		return true;
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: cannot %s: %s", s->path, what, e->message);
	g_clear_error(&e);
	return false;
}

static inline gint64
col_int(FriseStore *s, StoreStmt *st, int i)
{
	return s->be->col_int(st, i);
}

static inline double
col_real(FriseStore *s, StoreStmt *st, int i)
{
	return s->be->col_real(st, i);
}

/* The text of column i, or NULL: borrowed until the next step. */
static inline const char *
col_raw(FriseStore *s, StoreStmt *st, int i)
{
	return s->be->col_text(st, i, NULL);
}

static inline char *
col_text(FriseStore *s, StoreStmt *st, int i)
{
	return g_strdup(col_raw(s, st, i));
}

/* The text of column i, "" for NULL (a damaged store may hold NULL where
 * the schema says NOT NULL): borrowed until the next step. */
static inline const char *
col_str(FriseStore *s, StoreStmt *st, int i)
{
	const char *t = col_raw(s, st, i);
	return t ? t : "";
}

/* A copy of column i for a NOT NULL column: "" for NULL. */
static inline char *
col_dup(FriseStore *s, StoreStmt *st, int i)
{
	return g_strdup(col_str(s, st, i));
}
/* Runs `body` in a transaction of kind `tx` (a read: one snapshot), run
 * again on a serialization failure or a deadlock; inside another
 * transaction, `body` joins it (store.c). */
bool store_tx(FriseStore *s, StoreTx tx, StoreBody body, void *data, GError **error);

/* Replaces article `seq`'s mentions (resolved: the estimator's, else the
 * tagger's) with `tx` (NULL: none) (store_ingest.c). */
bool store_save_mentions(FriseStore *s, gint64 seq, int resolved, const GArray *tx, GError **error);

#endif
