/*
 * store_curate.c — the user's curation in the store (prefix store_; see
 * rows.h): overrides (store_add_override(), store_delete_override(),
 * store_split_overrides(), store_merge_overrides(), read back by
 * store_overrides(), store_events_holding() to check a merge), and the
 * checks a curation makes first (store_event_exists(),
 * store_check_version(): an edit names an event's version, id@N, and is
 * refused when the event has changed since).
 *
 * Invariants: writes run inside the caller's store_transact(); overrides
 * are read back in the order they were added (seq). Times in messages
 * are UTC.
 */
#include "store/store_private.h"

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

/* Appends the source keys of event `id` to `keys`. */
static bool
event_keys(FriseStore *s, const char *id, GPtrArray *keys, GError **error)
{
	StoreStmt *st = prepare(s, "SELECT key FROM event_sources WHERE event = $1 ORDER BY idx", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, id);
	StoreStep r;
	while ((r = step(s, st, "read the event sources", error)) == STORE_STEP_ROW)
		g_ptr_array_add(keys, col_dup(s, st, 0));
	done(s, st);
	return r == STORE_STEP_DONE;
}

bool
store_merge_overrides(FriseStore *s, const char *const *ids, size_t n, GPtrArray *keys, GError **error)
{
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++)
		ok = event_keys(s, ids[i], keys, error);
	StoreStmt *d = ok ? prepare(s, "DELETE FROM overrides WHERE kind = 'split' AND key = $1", error) : NULL;
	ok = ok && d != NULL;
	for (guint i = 0; ok && i < keys->len; i++) {
		const char *key = g_ptr_array_index(keys, i);
		bind_text(s, d, 1, key);
		ok = run(s, d, "delete an override", error);
		s->be->reset(d);
		if (ok && strcmp(key, ids[0]) != 0)
			ok = store_add_override(s, FRISE_OVERRIDE_MERGE, ids[0], key, false, error);
	}
	if (d != NULL)
		done(s, d);
	return ok;
}

bool
store_events_holding(FriseStore *s, const GPtrArray *keys, guint *events, GError **error)
{
	*events = 0;
	StoreStmt *st = prepare(s, "SELECT event FROM event_sources WHERE key = $1", error);
	if (st == NULL)
		return false;
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	StoreStep r = STORE_STEP_DONE;
	for (guint i = 0; r == STORE_STEP_DONE && i < keys->len; i++) {
		bind_text(s, st, 1, g_ptr_array_index(keys, i));
		while ((r = step(s, st, "read the event sources", error)) == STORE_STEP_ROW)
			g_hash_table_add(seen, col_dup(s, st, 0));
		s->be->reset(st);
	}
	done(s, st);
	*events = g_hash_table_size(seen);
	g_hash_table_unref(seen);
	return r == STORE_STEP_DONE;
}

bool
store_split_overrides(FriseStore *s, const char *id, GError **error)
{
	GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
	bool ok = event_keys(s, id, keys, error);
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
	if (!store_tx(s, STORE_TX_READ, overrides_body, &o, error)) {
		g_array_unref(o.ov);
		return NULL;
	}
	return o.ov;
}
