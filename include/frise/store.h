/*
 * store.h — the event store (prefix store_): an SQLite file that keeps
 * articles, the tagger's mentions, merged events, their sources and the
 * user's overrides, and hands the renderers a FriseTimeline. The store
 * runs SQL only; pipeline.h fills it.
 */
#ifndef FRISE_STORE_H
#define FRISE_STORE_H

#include "frise/article.h"
#include "frise/date.h"
#include "frise/event.h"
#include "frise/timex.h"

typedef struct FriseStore FriseStore;

/*
 * Opens the store at `path` to read and write, creating it when the file
 * does not exist or is empty, and upgrading an older schema. A store is
 * recognised by its header (PRAGMA application_id STORE_APPLICATION_ID,
 * user_version; a store made before frise wrote application_id is one of
 * a known version with frise's tables and no other, and is stamped): any other
 * SQLite file is refused untouched, never adopted, with a message saying
 * what it holds. A read-only store (mode 444, read-only folder) is
 * refused with a message pointing to the reading commands.
 * Returns a new handle (store_close) or NULL with `error` (FRISE_ERROR_STORE)
 * naming `path`.
 */
FriseStore *store_open(const char *path, GError **error);
/*
 * Opens an existing store to read only (listing, rendering): nothing is
 * created, upgraded or written, so a store of mode 444 or in a read-only
 * folder can be read (a WAL store whose folder SQLite cannot write its
 * -shm file into is opened as immutable). Refuses what store_open()
 * refuses, an empty file, and a store of another schema version. Only the
 * reading functions may be called on it (store_timeline, store_articles,
 * store_template_files…); a write fails with FRISE_ERROR_STORE.
 */
FriseStore *store_open_read(const char *path, GError **error);
void store_close(FriseStore *store);

typedef struct {
	size_t top;          /* keep the N best events; 0 keeps all */
	bool with_hidden;    /* include events the user hid */
} FriseTimelineQuery;

/* The timeline the store holds, without its types (the pipeline adds
 * them: pipeline_timeline()). Returns a new timeline (event_timeline_free). */
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
 * templates (user template files). WAL journal, foreign keys on, a 30 s
 * busy timeout, one transaction per ingest or curation.
 */
#define STORE_SCHEMA_VERSION 2
/* PRAGMA application_id of a frise store: "Fris" in ASCII. */
#define STORE_APPLICATION_ID 0x46726973

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

#endif
