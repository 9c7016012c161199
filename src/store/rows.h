/*
 * rows.h — what the pipeline reads from and writes to the store (prefix
 * store_), private to libfrise: articles with their sentences and
 * mentions, estimates, overrides, events, template files, transactions.
 * Everything here is SQL: the caller tags, extracts and merges.
 *
 * Offsets are bytes into an article's text (raw_* into its bytes as
 * read), end exclusive. A function that fails returns false or NULL with
 * `error` naming the store's path (FRISE_ERROR_STORE) or the input.
 */
#ifndef FRISE_STORE_ROWS_H
#define FRISE_STORE_ROWS_H

#include "core/text.h"
#include "frise/store.h"

/* One BEGIN IMMEDIATE transaction (retried while another process holds
 * the lock, for the busy timeout); every write below runs inside one. */
bool store_begin(FriseStore *store, GError **error);
bool store_commit(FriseStore *store, GError **error);
void store_rollback(FriseStore *store);

/* True when the store holds article `id` with the same bytes and the same
 * metadata (a new --dct or title is a change too). */
bool store_has_same(FriseStore *store, const char *id, const FriseArticle *article);
/* Inserts or replaces article `id`, its sentences (FriseSentence) and its
 * mentions tagged with its own date (FriseTimex), ingested at `now`
 * (Unix seconds); an estimate it had is dropped. */
bool store_put_article(FriseStore *store, const char *id, const FriseArticle *article,
		       const GArray *sentences, const GArray *timexes, gint64 now, GError **error);

/* Corpus evidence of the boilerplate stage (frise/boilerplate.h). Adds to
 * `counts` (guint64 * -> GUINT_TO_POINTER(n), keys pointing into
 * `hashes`) how many stored articles hold each line hash of `hashes`, not
 * counting the stored versions of the articles `ids` (they are being read
 * again), and sets *articles to how many stored articles were counted
 * (those stored with their lines, `ids` aside). */
bool store_line_counts(FriseStore *store, const GArray *hashes, const char *const *ids, size_t nids,
		       GHashTable *counts, size_t *articles, GError **error);
/* Keeps the line hashes of stored article `id` (distinct, sorted: a
 * GArray of guint64) and moves the counts from its former lines to these. */
bool store_put_line_hashes(FriseStore *store, const char *id, const GArray *hashes, GError **error);

/* The timeline's title (NULL: none; store_timeline() then takes the first
 * article's). */
bool store_put_timeline_title(FriseStore *store, const char *title, GError **error);

/* An article as a rebuild reads it back. */
typedef struct {
	gint64 seq;           /* its row */
	char *id, *title, *url, *published, *estimate, *text;
	FriseLang lang;
	size_t len;           /* of text */
	GArray *sentences;    /* FriseSentence */
	GArray *base;         /* FriseTimex tagged with `published` (or none) */
	GArray *resolved;     /* FriseTimex tagged with `estimate`, or NULL */
} StoreDoc;

void store_doc_clear(StoreDoc *doc);
/* Every article, in ingest order: a new GArray of StoreDoc whose clear
 * function is store_doc_clear (g_array_unref). */
GArray *store_load_docs(FriseStore *store, GError **error);
/* Keeps the estimate of article `seq`: its value, precision (a
 * date_granularity_name()) and evidence (all may be NULL), and its
 * mentions tagged with that estimate (may be NULL: none). */
bool store_put_estimate(FriseStore *store, gint64 seq, const char *value, const char *precision,
			const char *evidence, const GArray *timexes, GError **error);

/* The overrides in the order they were made: a new GArray of
 * FriseOverride whose strings are added to `strings` (free it after). */
GArray *store_overrides(FriseStore *store, GPtrArray *strings, GError **error);
bool store_add_override(FriseStore *store, FriseOverrideKind kind, const char *key, const char *value,
			bool replace, GError **error);
bool store_delete_override(FriseStore *store, FriseOverrideKind kind, const char *key, GError **error);
/* Event `id` stands apart: the merges naming its sources' keys are
 * dropped and each key gets a split override. */
bool store_split_overrides(FriseStore *store, const char *id, GError **error);
/* True when event `id` exists; otherwise false with an input error
 * naming it. */
bool store_event_exists(FriseStore *store, const char *id, GError **error);

/* Replaces every event with `events` (FriseEvent*, in date order) of the
 * articles `docs` (StoreDoc): an event whose content digest is unchanged
 * keeps its sequence, created and modified; a changed one has its
 * sequence bumped; a new one starts at 0, created now. Fills those three
 * fields of each event. */
bool store_put_events(FriseStore *store, const GArray *docs, GPtrArray *events, GError **error);

/* The user's template files, oldest first: a new array of strings,
 * name and JSON text in turn (g_ptr_array_unref). */
GPtrArray *store_template_files(FriseStore *store, GError **error);
bool store_put_template_file(FriseStore *store, const char *name, const char *json, size_t len,
			     GError **error);

#endif
