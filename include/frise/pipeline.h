/*
 * pipeline.h — the one place that runs frise's stages in order (prefix
 * pipeline_): articles (article.h) are tagged (timex.h), split into
 * sentences, kept in a store (store.h), and the store's events are
 * rebuilt: undated articles estimated and re-tagged, candidates found,
 * merged, scored and written back. Curation (edit, hide, merge, split)
 * records an override and rebuilds, in one transaction.
 *
 * The timeline of several articles, in a store that lives in memory
 * (examples/timeline.c is this as a whole program):
 *
 *     GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
 *     g_ptr_array_add(articles, article_read_bytes("a.txt", a, a_len, NULL, &error));
 *     g_ptr_array_add(articles, article_read_bytes("b.txt", b, b_len, NULL, &error));
 *     FriseStore *store = store_open(":memory:", &error);   // or a file, to keep
 *     FrisePipeline *pipeline = pipeline_new(store, &error);
 *     pipeline_ingest(pipeline, articles, &error);         // returns false on error
 *     FriseTimeline *timeline = pipeline_timeline(pipeline, NULL, &error);
 *     pipeline_free(pipeline);
 *     store_close(store);
 *     g_ptr_array_unref(articles);
 *     // timeline->events: FriseEvent*, in date order (event.h); render it
 *     // with render.h, then event_timeline_free(timeline)
 *
 * (check each result for NULL/false: `error` says why). Ingesting again
 * adds articles to the same store and rebuilds its events: an article
 * read again unchanged changes nothing.
 *
 * Ownership: a FrisePipeline borrows its store (and the tagger given to
 * pipeline_new_with()): they must outlive it. pipeline_ingest() borrows
 * the articles: the caller still frees them. pipeline_timeline() and
 * pipeline_types() return new memory that outlives the pipeline and the
 * store.
 * Threads: a pipeline, like its store, is used by one thread at a time
 * (it runs its own work on the machine's cores where that pays). Threads
 * that each build a timeline use one store and one pipeline each, and may
 * share one tagger (pipeline_new_with()).
 */
#ifndef FRISE_PIPELINE_H
#define FRISE_PIPELINE_H

#include "frise/article.h"
#include "frise/store.h"
#include "frise/timex.h"

G_BEGIN_DECLS

typedef struct FrisePipeline FrisePipeline;

/* A pipeline over `store` (borrowed). Returns a new pipeline
 * (pipeline_free); NULL with `error` when the store's template files do
 * not parse. */
FrisePipeline *pipeline_new(FriseStore *store, GError **error);
/* As pipeline_new(), tagging with `tagger` (borrowed: it must outlive the
 * pipeline), so that several pipelines share one; NULL builds one. */
FrisePipeline *pipeline_new_with(FriseStore *store, const FriseTagger *tagger, GError **error);
void pipeline_free(FrisePipeline *pipeline);

/* The tagger the pipeline tags with, built on first use; owned by the
 * pipeline. NULL with `error` only if the built-in tables are broken. */
const FriseTagger *pipeline_tagger(FrisePipeline *pipeline, GError **error);

/* Adds the event-type template file at `path` (see templates/events.json)
 * to the store: it applies from the next ingest on (the next
 * pipeline_ingest() rebuilds even without new articles), and is kept for
 * every later one. False with `error` naming the file when it is bad or
 * larger than PIPELINE_TEMPLATES_MAX. */
bool pipeline_add_templates(FrisePipeline *pipeline, const char *path, GError **error);
/* The largest template file pipeline_add_templates() reads: more is a
 * FRISE_ERROR_LIMIT error, found without reading further. */
#define PIPELINE_TEMPLATES_MAX ((size_t)4 << 20)

/* Tags and ingests `articles` (FriseArticle*), then rebuilds the events:
 * pipeline_add() then pipeline_update(). An unchanged article changes
 * nothing; two articles with one id are told apart by their paths. */
bool pipeline_ingest(FrisePipeline *pipeline, GPtrArray *articles, GError **error);

/*
 * A big corpus, in bounded steps: pipeline_add() each batch of articles
 * as it is read (each commits in transactions of pipeline_set_batch()
 * articles, so that a killed ingest loses only the transaction it was in;
 * run again, the articles committed are skipped by their content hash),
 * then pipeline_update() once. pipeline_ingest() is the two in one.
 * The events are the same whatever the batches.
 */
#define PIPELINE_DEFAULT_BATCH 256
/* Articles per ingest transaction; 0 restores PIPELINE_DEFAULT_BATCH. */
void pipeline_set_batch(FrisePipeline *pipeline, guint articles);
/* Tags `articles` (FriseArticle*), finds the candidates of the dated
 * ones and commits them, without merging: the store's events are stale
 * until pipeline_update(). Their lines repeated in the corpus
 * (frise/boilerplate.h) are judged first with the store's articles and
 * theirs (changing `articles`: their spans and titles). An article the
 * store holds unchanged is
 * neither tagged nor written; one read before since the last
 * pipeline_update() (the same input twice in one command) is skipped; a
 * second article with an id read before goes by its path. */
bool pipeline_add(FrisePipeline *pipeline, GPtrArray *articles, GError **error);
/* Rebuilds the events when articles or templates were added since the
 * last rebuild (by this process or another): the articles whose repeated
 * lines the whole store's corpus now judges otherwise judged again (their
 * boilerplate, titles and candidates), undated articles estimated and
 * re-tagged, the stored candidates merged, scored and written back, the
 * timeline titled. One transaction. */
bool pipeline_update(FrisePipeline *pipeline, GError **error);

/*
 * The article stage as a pure function of each article: the JSON Lines
 * `frise extract` prints, one line per article (its metadata, text,
 * sentences, mentions and, for a dated article, its candidates; schema
 * in templates/candidates.schema.json), for `articles`. Uses the store
 * only for its templates. A line longer than pipeline_record_max(max_bytes)
 * (an article limit of max_bytes, 0 for the reader's default) is not
 * written: `on_skip` (may be NULL) is told why, with a limit error naming
 * the article, so that pipeline_add_extracted_paths() reads every line
 * written with the same limit. Returns a new string (g_free), each line
 * ending in '\n'; NULL with `error` when an article cannot be tagged.
 */
char *pipeline_extract(FrisePipeline *pipeline, GPtrArray *articles, size_t max_bytes, FriseReadErrorFunc on_skip,
		       void *user, GError **error);
/* The reduce step: adds the lines[i] (lens[i] bytes, read at wheres[i],
 * "FILE:LINE", for messages) that pipeline_extract() wrote, as
 * pipeline_add() adds articles, without tagging or extracting them again
 * (candidates of another frise version or other templates are found again
 * by pipeline_update()). A bad line is an input error naming its place:
 * nothing of its batch is written. */
bool pipeline_add_extracted(FrisePipeline *pipeline, const char *const *lines, const size_t *lens,
			    const char *const *wheres, size_t n, GError **error);

/*
 * Bounds of a line of `frise extract`: an article's line holds its text
 * and, for each candidate, its sentence and the next, so it may be longer
 * than the article: at most PIPELINE_RECORD_FACTOR times the article limit
 * (--max-size, 16 MiB by default: 1 GiB). pipeline_record_max() is that,
 * in bytes, for an article limit of `max_bytes` (0: the default).
 */
#define PIPELINE_RECORD_FACTOR 64
size_t pipeline_record_max(size_t max_bytes);

/*
 * The reduce step over files: the lines `frise extract` wrote in each of
 * `paths` ("-" is standard input), read as the reader reads JSON Lines
 * (no line held beyond its bound, a NUL byte refused: reader/input.h) and
 * added with pipeline_add_extracted(), pipeline_set_batch() lines at a
 * time. Bounded by `opts` (NULL: the defaults): a line is at most
 * pipeline_record_max(opts->max_bytes) bytes, and opts->max_articles lines
 * are read at most (ARTICLE_DEFAULT_MAX_ARTICLES for 0): the line after them
 * stops the read. The first fault — a bad line (an input error naming its
 * FILE:LINE and the member at fault), a line too long or one too many (a
 * limit error), a file that cannot be read — stops the read; the batches
 * before it stay committed. *nlines (may be NULL): the lines read.
 * opts->progress, when set, hears the lines added after each batch.
 */
bool pipeline_add_extracted_paths(FrisePipeline *pipeline, const char *const *paths, size_t npaths,
				  const FriseReadOptions *opts, size_t *nlines, GError **error);

/* The store's timeline with its types (store_timeline() and the types
 * of the templates); `query` NULL keeps every visible event. Returns a
 * new timeline (event_timeline_free). */
FriseTimeline *pipeline_timeline(FrisePipeline *pipeline, const FriseTimelineQuery *query, GError **error);

/* The types known to the store (built-in and added templates): a new
 * array of FriseEventType* (g_ptr_array_unref). */
GPtrArray *pipeline_types(FrisePipeline *pipeline, GError **error);

/* An event a curator names: its id as `frise events` shows it and, for
 * a change made on a given version of it (ID@N in `frise events`), that
 * version; -1 for whatever version is current. */
typedef struct {
	const char *id;
	int version;
} FriseEventRef;

/* Curation: each records an override and rebuilds, in one transaction.
 * A missing id is an input error naming it; a date that is not a TIMEX3
 * calendar value or a type the templates do not have is a usage error.
 * An event named with a version that is not its current one (someone
 * else changed it since, or it is gone) is a conflict, FRISE_ERROR_STORE,
 * whose message says who changed it, how and when: nothing is written.
 * Merging names the event the others join first. */
bool pipeline_edit_event(FrisePipeline *pipeline, const FriseEventRef *event, const char *title, const char *date,
			 const char *type, GError **error);
bool pipeline_hide_event(FrisePipeline *pipeline, const FriseEventRef *event, bool hide, GError **error);
bool pipeline_merge_events(FrisePipeline *pipeline, const FriseEventRef *events, size_t n, GError **error);
bool pipeline_split_event(FrisePipeline *pipeline, const FriseEventRef *event, GError **error);

G_END_DECLS

#endif
