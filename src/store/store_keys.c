/*
 * store_keys.c — the mention keys an article's mentions keep through edits
 * of its text (prefix store_; see rows.h): the aliases (store_key_aliases(),
 * store_put_key_aliases()), the articles an ingest renewed
 * (store_renewed()) and their stored events' sources
 * (store_old_sources()), which pipeline/identity.c matches.
 *
 * Invariants: writes run inside the caller's store_transact(); an alias
 * maps a key a mention has now to the key its event and the user's
 * curation name, one per (article, key now). Offsets are raw bytes into
 * the article as read.
 */
#include "store/store_private.h"

bool
store_key_aliases(FriseStore *s, GHashTable *out, GError **error)
{
	StoreStmt *st = prepare(s, "SELECT article, fresh, kept FROM key_aliases", error);
	if (st == NULL)
		return false;
	StoreStep r;
	while ((r = step(s, st, "read the key aliases", error)) == STORE_STEP_ROW)
		g_hash_table_replace(out,
				     g_strdup_printf("%" G_GINT64_FORMAT "\x1f%s", col_int(s, st, 0), col_str(s, st, 1)),
				     col_dup(s, st, 2));
	done(s, st);
	return r == STORE_STEP_DONE;
}

GArray *
store_renewed(FriseStore *s, GError **error)
{
	StoreStmt *st = prepare(s, "SELECT seq FROM articles WHERE renewed = 1 ORDER BY seq", error);
	if (st == NULL)
		return NULL;
	GArray *out = g_array_new(FALSE, FALSE, sizeof(gint64));
	StoreStep r;
	while ((r = step(s, st, "read the articles", error)) == STORE_STEP_ROW) {
		gint64 seq = col_int(s, st, 0);
		g_array_append_val(out, seq);
	}
	done(s, st);
	if (r != STORE_STEP_DONE) {
		g_array_unref(out);
		return NULL;
	}
	return out;
}

void
store_old_source_clear(StoreOldSource *o)
{
	g_free(o->key);
	g_free(o->quote);
	g_free(o->value);
	g_free(o->mod);
}

GArray *
store_old_sources(FriseStore *s, gint64 seq, GError **error)
{
	StoreStmt *st = prepare(s, "SELECT key, quote, value, mod, raw_start FROM event_sources WHERE article = $1 "
				   "ORDER BY raw_start, key", error);
	if (st == NULL)
		return NULL;
	bind_int(s, st, 1, seq);
	GArray *out = g_array_new(FALSE, TRUE, sizeof(StoreOldSource));
	g_array_set_clear_func(out, (GDestroyNotify)store_old_source_clear);
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	StoreStep r;
	while ((r = step(s, st, "read the event sources", error)) == STORE_STEP_ROW) {
		if (!g_hash_table_add(seen, col_dup(s, st, 0)))
			continue;
		StoreOldSource o = { col_dup(s, st, 0), col_dup(s, st, 1), col_dup(s, st, 2), col_dup(s, st, 3),
				     (size_t)col_int(s, st, 4) };
		g_array_append_val(out, o);
	}
	done(s, st);
	g_hash_table_unref(seen);
	if (r != STORE_STEP_DONE) {
		g_array_unref(out);
		return NULL;
	}
	return out;
}

bool
store_put_key_aliases(FriseStore *s, gint64 seq, const char *const *pairs, guint n, GError **error)
{
	StoreStmt *st = prepare(s, "DELETE FROM key_aliases WHERE article = $1", error);
	if (st == NULL)
		return false;
	bind_int(s, st, 1, seq);
	bool ok = run(s, st, "delete an article's key aliases", error);
	done(s, st);
	st = ok ? prepare(s, "INSERT INTO key_aliases (article, fresh, kept) VALUES ($1, $2, $3)", error) : NULL;
	ok = st != NULL;
	for (guint i = 0; ok && i + 1 < n; i += 2) {
		bind_int(s, st, 1, seq);
		bind_text(s, st, 2, pairs[i]);
		bind_text(s, st, 3, pairs[i + 1]);
		ok = run(s, st, "save a key alias", error);
		s->be->reset(st);
	}
	if (st != NULL)
		done(s, st);
	st = ok ? prepare(s, "UPDATE articles SET renewed = 0 WHERE seq = $1", error) : NULL;
	ok = st != NULL;
	if (ok) {
		bind_int(s, st, 1, seq);
		ok = run(s, st, "save an article", error);
		done(s, st);
	}
	return ok;
}
