/*
 * store.h — the event store (prefix store_): an SQLite file, or a schema
 * of a PostgreSQL database that a team shares, that keeps articles, the
 * tagger's mentions, merged events, their sources and the user's
 * overrides, and hands the renderers a FriseTimeline. The store runs SQL
 * only; pipeline.h fills it.
 *
 * A store's target is a path (SQLite) or a PostgreSQL connection:
 *   postgresql://[user[:password]@][host][:port][/dbname][?param=value&…]
 *   postgres://…                      (the same)
 *   postgres:[keyword=value …]        (a libpq connection string, possibly
 *                                      empty: the PG* variables say the rest)
 * libpq's parameters and PG* environment variables apply; two parameters
 * are frise's: schema=NAME (the store's schema, default frise: lower-case
 * letters, digits, _) and retries=N (how many times a transaction that
 * lost to a concurrent one is run again, default 5).
 * Example: postgresql://news@db.example/newsroom?schema=elections.
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
 * another thread between calls). Several handles may be open on one store,
 * in threads, processes or (PostgreSQL) machines: each ingest or curation
 * is one transaction, writers one after the other (an SQLite writer waits
 * up to 30 s for another to finish, a PostgreSQL one as long as it takes).
 */
#ifndef FRISE_STORE_H
#define FRISE_STORE_H

#include "frise/article.h"
#include "frise/date.h"
#include "frise/event.h"
#include "frise/timex.h"

G_BEGIN_DECLS

typedef struct FriseStore FriseStore;

/* Opens (creating and migrating as needed) the store at `target` (a
 * path or a PostgreSQL connection, above). Refuses a store whose schema
 * version is newer than this frise's, and anything at `target` that is
 * not a frise store, untouched, never adopted: an SQLite file is a frise
 * store by its header (PRAGMA application_id STORE_APPLICATION_ID and
 * user_version; one made before frise wrote application_id has a known
 * version and exactly frise's tables, and is stamped), a PostgreSQL
 * schema by its tables. An SQLite store that cannot be written (mode
 * 444, a read-only folder) is refused with a message pointing to the
 * reading commands (store_open_read()).
 * Returns a new handle (store_close) or NULL with `error`
 * (FRISE_ERROR_STORE; FRISE_ERROR_USAGE for a malformed target) naming
 * `target` (without its password). */
FriseStore *store_open(const char *target, GError **error);
/* As store_open(), but a store that is not there yet (no file; a schema
 * without frise's tables) is an error rather than a new store: a
 * mistyped --store must not become an empty store. */
FriseStore *store_open_existing(const char *target, GError **error);
/*
 * Opens an existing store to read only (listing, rendering): nothing is
 * created, upgraded or written, so an SQLite store of mode 444 or in a
 * read-only folder can be read (a WAL file whose folder SQLite cannot
 * write its -shm file into is opened as immutable). Refuses what
 * store_open_existing() refuses and a store of another schema version.
 * Only the reading functions may be called on it (store_timeline,
 * store_articles, store_template_files…); a write fails with
 * FRISE_ERROR_STORE.
 */
FriseStore *store_open_read(const char *target, GError **error);
/* True when `target` names a PostgreSQL store rather than a file:
 * it starts with postgresql: or postgres:. */
bool store_is_url(const char *target);
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
 * Schema (src/store/schema.c describes it for both databases; SQLite
 * keeps its version in PRAGMA user_version, PostgreSQL in the table
 * schema_version; older stores are migrated on open): articles (one row
 * per FriseArticle.id, with its SHA-256, its own date and origin, and the
 * estimate for undated ones), sentences, mentions (the tagger's output:
 * `resolved` 0 = tagged with the article's own date or none, 1 = re-tagged
 * with the estimate), events (with the salience module's score, rank and
 * why, their version, `sequence`, and who made it), event_sources (with
 * why each joined), overrides (keyed by event id or mention key) and
 * templates (user template files), candidates (the article stage's output
 * for each dated article, so that it runs once per article), state
 * (events stale, extractor, the timeline's title), article_lines (each
 * article's line hashes: the boilerplate stage's corpus evidence) and
 * line_counts (how many articles hold each line), key_aliases (the
 * mention keys an edited article's mentions keep). One transaction per
 * ingest batch or curation, writers one at a time.
 */
#define STORE_SCHEMA_VERSION 7
/* PRAGMA application_id of an SQLite frise store: "Fris" in ASCII. */
#define STORE_APPLICATION_ID 0x46726973

/* An article as the store keeps it, with its date estimate. */
typedef struct {
	char *id;             /* its name (FriseArticle.id) */
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
	char *identity;       /* what the store keys it by (FriseArticle.identity) */
} FriseStoreArticle;

void store_article_free(FriseStoreArticle *article);
/* Every article, in ingest order: a new array (g_ptr_array_unref). */
GPtrArray *store_articles(FriseStore *store, GError **error);

G_END_DECLS

#endif
