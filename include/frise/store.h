/*
 * store.h — the event store (prefix store_): SQLite file that keeps
 * articles, the tagger's mentions, merged events, their sources and the
 * user's overrides, and hands the renderers a FriseTimeline.
 */
#ifndef FRISE_STORE_H
#define FRISE_STORE_H

#include "frise/article.h"
#include "frise/date.h"
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

/*
 * Schema (PRAGMA user_version = STORE_SCHEMA_VERSION; older files are
 * migrated on open): articles (one row per FriseArticle.id, with its
 * SHA-256, its own date and origin, and the estimate for undated ones),
 * sentences, mentions (the tagger's output: `resolved` 0 = tagged with the
 * article's own date or none, 1 = re-tagged with the estimate), events,
 * event_sources, overrides (keyed by event id or mention key) and
 * templates (user template files). WAL journal, foreign keys on, a 30 s
 * busy timeout, one transaction per ingest or curation.
 */
#define STORE_SCHEMA_VERSION 1

/* Adds the event-type template file at `path` (see templates/events.json)
 * to the store: it applies from the next ingest on, and is kept for
 * every later one. False with `error` naming the file when it is bad. */
bool store_add_templates(FriseStore *store, const char *path, GError **error);

/* The types known to the store (built-in and added templates): a new
 * array of FriseEventType* (g_ptr_array_unref). */
GPtrArray *store_types(FriseStore *store, GError **error);

/* Curation: each records an override and re-merges, in one transaction.
 * `id` is an event id as `frise events` shows it; a missing id is an
 * input error naming it. */
bool store_edit_event(FriseStore *store, const char *id, const char *title, const char *date,
		      const char *type, GError **error);
bool store_hide_event(FriseStore *store, const char *id, bool hide, GError **error);
bool store_merge_events(FriseStore *store, const char *const *ids, size_t nids, GError **error);
bool store_split_event(FriseStore *store, const char *id, GError **error);

/* An article as the store keeps it, with its date estimate. */
typedef struct {
	char *id;
	char *path;
	char *title;
	char *hash;
	FriseLang lang;
	char *published;      /* its own date, or NULL */
	char *origin;         /* article_origin_name() of `published` */
	char *estimate;       /* for an undated article: the estimated date, or NULL */
	FriseGranularity precision; /* of `estimate` */
	char *evidence;       /* why, or NULL */
	guint mentions;       /* temporal expressions found */
} FriseStoreArticle;

void store_article_free(FriseStoreArticle *article);
/* Every article, in ingest order: a new array (g_ptr_array_unref). */
GPtrArray *store_articles(FriseStore *store, GError **error);

#endif
