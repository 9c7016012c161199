/*
 * store.h — the event store (prefix store_): SQLite file that keeps
 * articles, the tagger's mentions, merged events, their sources and the
 * user's overrides, and hands the renderers a FriseTimeline.
 */
#ifndef FRISE_STORE_H
#define FRISE_STORE_H

#include "frise/article.h"
#include "frise/event.h"
#include "frise/timex.h"

typedef struct FriseStore FriseStore;

/* Opens (creating and migrating as needed) the store at `path`.
 * Returns a new handle (store_close) or NULL with `error` naming `path`. */
FriseStore *store_open(const char *path, GError **error);
void store_close(FriseStore *store);

/* Tags and ingests `articles` (FriseArticle*) in one transaction, then
 * re-merges the events. Ingesting an unchanged article changes nothing. */
bool store_ingest(FriseStore *store, GPtrArray *articles, const FriseTagger *tagger,
		  GError **error);

typedef struct {
	size_t top;          /* keep the N best events; 0 keeps all */
	bool with_hidden;    /* include events the user hid */
} FriseTimelineQuery;

/* The timeline the store holds. Returns a new timeline (event_timeline_free). */
FriseTimeline *store_timeline(FriseStore *store, const FriseTimelineQuery *query,
			      GError **error);

#endif
