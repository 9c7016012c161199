/*
 * store.h — the event store (prefix store_): an SQLite file that keeps
 * articles, the tagger's mentions, merged events, their sources and the
 * user's overrides, and hands the renderers a FriseTimeline. The store
 * runs SQL only; pipeline.h fills it.
 *
 * A path of ":memory:" opens a store that lives in memory, for a program
 * that wants a timeline and no file: each store_open(":memory:") is a new,
 * empty database, private to its handle and gone at store_close(). Any
 * other path is an SQLite file, created when missing, that keeps
 * everything (articles, events, the user's curation) across runs.
 *
 * Ownership: store_open() returns a handle (store_close); store_timeline()
 * and store_articles() return new memory, independent of the store (it may
 * be closed while they are in use).
 * Threads: a FriseStore is used by one thread at a time (it may move to
 * another thread between calls). Several handles may be open on one file,
 * in threads or processes: each ingest is one transaction, and a writer
 * waits up to 30 s for another to finish.
 */
#ifndef FRISE_STORE_H
#define FRISE_STORE_H

#include "frise/article.h"
#include "frise/date.h"
#include "frise/event.h"
#include "frise/timex.h"

G_BEGIN_DECLS

typedef struct FriseStore FriseStore;

/* Opens (creating and migrating as needed) the store at `path`.
 * Returns a new handle (store_close) or NULL with `error` naming `path`. */
FriseStore *store_open(const char *path, GError **error);
void store_close(FriseStore *store);

typedef struct {
	size_t top;          /* keep the N best events; 0 keeps all */
	bool with_hidden;    /* include events the user hid */
} FriseTimelineQuery;

/* The timeline the store holds, without its types (the pipeline adds
 * them: pipeline_timeline()); `query` NULL keeps every visible event.
 * Returns a new timeline (event_timeline_free). */
FriseTimeline *store_timeline(FriseStore *store, const FriseTimelineQuery *query,
			      GError **error);

/*
 * Schema (PRAGMA user_version = STORE_SCHEMA_VERSION; older files are
 * migrated on open): articles (one row per FriseArticle.id, with its
 * SHA-256, its own date and origin, and the estimate for undated ones),
 * sentences, mentions (the tagger's output: `resolved` 0 = tagged with the
 * article's own date or none, 1 = re-tagged with the estimate), events
 * (with the salience module's score, rank and why), event_sources (with
 * why each joined), overrides (keyed by event id or mention key) and
 * templates (user template files), line_counts (how many articles hold
 * each line hash: the boilerplate stage's corpus evidence; articles.lines
 * keeps each article's hashes) and timeline (its title). WAL journal, foreign keys on, a 30 s
 * busy timeout, one transaction per ingest or curation.
 */
#define STORE_SCHEMA_VERSION 3

/* An article as the store keeps it, with its date estimate. */
typedef struct {
	char *id;
	char *path;
	char *title;
	char *url;            /* or NULL */
	char *source;         /* the publication's name, or NULL */
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

G_END_DECLS

#endif
