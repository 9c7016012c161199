/*
 * rows.h — what the pipeline reads from and writes to the store (prefix
 * store_), private to libfrise: articles with their sentences and
 * mentions, estimates, overrides, events, template files, transactions.
 * Everything here is SQL: the caller tags, extracts and merges.
 *
 * Offsets are bytes into an article's text (raw_* into its bytes as
 * read), end exclusive. A function that fails returns false or NULL with
 * `error` naming the store (FRISE_ERROR_STORE) or the input.
 */
#ifndef FRISE_STORE_ROWS_H
#define FRISE_STORE_ROWS_H

#include "core/text.h"
#include "frise/store.h"

/* The body of a transaction: the reads and writes below. It may run
 * more than once (see store_transact()), so it must start from what the
 * store holds, not from what an earlier run left in memory. */
typedef bool (*StoreBody)(FriseStore *store, void *data, GError **error);

/* Runs `body` in one write transaction and commits it: writers of one
 * store run one after the other (SQLite: BEGIN IMMEDIATE, waiting for the
 * busy timeout; PostgreSQL: an advisory lock, from any machine). When the
 * database gave up on it (serialization failure, deadlock: SQLSTATE
 * 40001, 40P01), it is rolled back and run again, up to the store's
 * retries (default 5), then fails saying so. `change` says what the
 * transaction does ("ingest", "edit --title"…): the events it changes
 * are marked as changed that way by this process's user (FRISE_USER, or
 * user@host). Every write below runs inside one. */
bool store_transact(FriseStore *store, const char *change, StoreBody body, void *data, GError **error);

/* The store as messages name it: its path, or its URL without password. */
const char *store_name(const FriseStore *store);

/* True when the store holds article `id` with the same bytes and the same
 * metadata (a new --dct or title is a change too). */
bool store_has_same(FriseStore *store, const char *id, const FriseArticle *article);
/* Inserts or replaces article `id` (its identity; article->id is its
 * name), its sentences (FriseSentence) and its mentions tagged with its
 * own date (FriseTimex), ingested at `now` (Unix seconds); an estimate it
 * had is dropped. A row of a version-6 store (keyed by its name) with the
 * same name and path is that article: it takes identity `id`. When it
 * replaces other bytes, *replaced (may be NULL) is set to the row's old
 * bytes' hash (a new string; else NULL) and the article is marked renewed
 * (store_renewed()). */
bool store_put_article(FriseStore *store, const char *id, const FriseArticle *article,
		       const GArray *sentences, const GArray *timexes, gint64 now, char **replaced,
		       GError **error);

/*
 * Corpus evidence of the boilerplate stage (frise/boilerplate.h). Each
 * stored article keeps its distinct line hashes and, for each, whether it
 * was repeated in the corpus its sentences and title were judged with. A
 * line's count is the number of stored articles with distinct bytes that
 * hold it (as boiler_count() counts a batch), kept up to date by the
 * functions below and store_put_article(); the corpus is every article
 * whose lines are kept.
 */
/* Adds to `counts` (guint64 * -> GUINT_TO_POINTER(n), its keys pointing
 * into `hashes`) the count of each line hash of `hashes` (distinct), not
 * counting the stored versions of the articles `ids` (they are being read
 * again: they count as read), and sets *articles to the articles counted
 * (`ids` aside). One read snapshot. */
bool store_line_counts(FriseStore *store, const GArray *hashes, const char *const *ids, size_t nids,
		       GHashTable *counts, size_t *articles, GError **error);
/* Keeps the line hashes of stored article `id` (distinct: a GArray of
 * guint64) in place of those it had, each with repeated[i] (NULL: none
 * repeated), and whether its title is a line of its body. An article
 * stored by store_put_article() has none until this call (the rebuild
 * reads them: store_load_lined()). */
bool store_put_lines(FriseStore *store, const char *id, const GArray *hashes, const guint8 *repeated,
		     bool title_from_body, GError **error);
/* Sets repeated[i] on line hashes[i] of article `seq` (lines it keeps). */
bool store_put_line_flags(FriseStore *store, gint64 seq, const GArray *hashes, const guint8 *repeated,
			  GError **error);
/* The corpus as a rebuild judges it: the articles whose lines are kept
 * (distinct bytes), and into `repeated` (a table of g_int64_hash whose
 * keys it owns: g_free) each line hash that `threshold` of them or more
 * hold, with its count. */
bool store_corpus_size(FriseStore *store, size_t *articles, GError **error);
bool store_repeated_lines(FriseStore *store, guint threshold, GHashTable *repeated, GError **error);
/* The seqs (gint64, ascending) of the articles that hold a line whose
 * `repeated` disagrees with the corpus at `threshold`: those to judge
 * again. */
bool store_lines_changed(FriseStore *store, guint threshold, GArray *seqs, GError **error);

/* A stored article as the corpus evidence reads it again. */
typedef struct {
	gint64 seq;
	char *id, *title;
	FriseLang lang;
	bool title_from_body;
	char *text;           /* articles.text */
	size_t len;
	GArray *sentences;    /* FriseSentence by idx: start, end, boilerplate (raw_* unset) */
	GArray *hashes;       /* its kept line hashes (guint64), none when its lines are not kept */
	guint8 *repeated;     /* by hash: as last judged */
} StoreLined;

void store_lined_clear(StoreLined *lined);
/* The articles of `seqs` (n of them; NULL: the first `n` whose lines are
 * not kept, by seq), whole: a new GArray of StoreLined (cleared with it). */
GArray *store_load_lined(FriseStore *store, const gint64 *seqs, guint n, GError **error);
/* Article `seq` judged again: its title (NULL: unchanged), the
 * boilerplate flag of each of its sentences (`flags`: int by idx, 0 or 1,
 * -1 for unchanged), and its candidates dropped, for the rebuild to
 * extract them again. */
bool store_put_judgment(FriseStore *store, gint64 seq, const char *title, const GArray *flags, GError **error);

/* The timeline's title (state 'title'; NULL unsets it: store_timeline()
 * then takes the first article's). */
bool store_put_timeline_title(FriseStore *store, const char *title, GError **error);

/* An article as a rebuild reads it back. */
typedef struct {
	gint64 seq;           /* its row */
	char *id;             /* its identity (FriseArticle.identity) */
	char *name;           /* what listings show (FriseArticle.id) */
	char *title, *url, *published, *estimate, *text;
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

/* Which articles store_load_docs_of() reads, in ingest order. */
typedef enum {
	STORE_DOCS_INFO,    /* every article without its text, sentences and mentions
			       (text NULL, len 0, sentences and base NULL) */
	STORE_DOCS_UNDATED, /* the articles without a date of their own, whole */
	STORE_DOCS_PENDING, /* the first `limit` dated articles whose candidates are not
			       stored (store_put_candidates()), whole */
} StoreDocs;
GArray *store_load_docs_of(FriseStore *store, StoreDocs which, guint limit, GError **error);

/* A candidate as the store keeps it: the event stage's FriseCandidate as
 * plain columns, with its sentence's text. Every pointer is borrowed. */
typedef struct {
	guint sentence;
	FriseTimex timex;   /* start, end, type, value, mod, tense, relative, rule */
	const char *key;    /* 16 hex digits */
	const char *type;   /* template id */
	bool generic, weak_title, since;
	int status;         /* FriseStatus */
	double position;
	const char *title;
	const char *words;  /* content words, each followed by '\x1f' */
	const char *quote;  /* the sentence's text */
	const char *after;  /* the next sentence's text, "" for none */
	size_t raw_start, raw_end; /* the sentence in the article's raw bytes */
} StoreCandidate;

/* Replaces the candidates of article `id` with rows[0, n) and marks it
 * extracted, as of the extractor the state 'extractor' names. */
bool store_put_candidates(FriseStore *store, const char *id, const StoreCandidate *rows, size_t n,
			  GError **error);
/* Calls `fn` on every stored candidate of the extracted dated articles,
 * by article (its seq, ingest order) then text order; the row is
 * borrowed until `fn` returns. Stops at the first false `fn` returns. */
typedef bool (*StoreCandidateFunc)(gint64 article, const StoreCandidate *row, void *data, GError **error);
bool store_each_candidate(FriseStore *store, StoreCandidateFunc fn, void *data, GError **error);
/* Forgets every stored candidate: each dated article is extracted again
 * (STORE_DOCS_PENDING). */
bool store_reset_candidates(FriseStore *store, GError **error);

/* The store's state `name` (see schema.c: 'stale', 'extractor',
 * 'title'): a new string in *value, NULL when unset. */
bool store_get_state(FriseStore *store, const char *name, char **value, GError **error);
/* Sets it; NULL unsets it. */
bool store_set_state(FriseStore *store, const char *name, const char *value, GError **error);
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
/* Events `ids` (n >= 2) become one, whatever was done before: the later
 * action wins. Every source key of each is merged with the first event's
 * id, and the split overrides of those keys are dropped (a merge after a
 * split undoes the split for those sources). The keys merged are added
 * to `keys` (char*, freed by its owner). */
bool store_merge_overrides(FriseStore *store, const char *const *ids, size_t n, GPtrArray *keys, GError **error);
/* How many events hold mention keys `keys` (char*) now, in *events. */
bool store_events_holding(FriseStore *store, const GPtrArray *keys, guint *events, GError **error);
/* True when event `id` exists; otherwise false with an input error
 * naming it. */
bool store_event_exists(FriseStore *store, const char *id, GError **error);
/* True when event `id` is at version `version` (its sequence); otherwise
 * false with a conflict (FRISE_ERROR_STORE) saying who changed it, how and
 * when, and how to redo the change — or that the event is gone. */
bool store_check_version(FriseStore *store, const char *id, int version, GError **error);

/* Replaces every event with `events` (FriseEvent*, in date order) of the
 * articles `docs` (StoreDoc): an event whose content digest is unchanged
 * keeps its sequence, created and modified (and who changed it, how); a
 * changed one has its sequence bumped; a new one starts at 0, created
 * now; both are marked changed by this transaction. Fills sequence,
 * created and modified of each event. */
bool store_put_events(FriseStore *store, const GArray *docs, GPtrArray *events, GError **error);

/*
 * Mention keys through edits (store_keys.c; pipeline/identity.c decides).
 */
/* Every stored alias: "SEQ\x1fNATURAL" -> kept key, into `out` (owned
 * strings: g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free)). */
bool store_key_aliases(FriseStore *store, GHashTable *out, GError **error);
/* The articles an ingest renewed (their bytes replaced) since the last
 * rebuild, by seq: a new array of gint64. */
GArray *store_renewed(FriseStore *store, GError **error);
/* A source of a stored event, as pipeline/identity.c compares it. */
typedef struct {
	char *key;            /* its mention key */
	char *quote;          /* its sentence */
	char *value, *mod;    /* its date */
	size_t start;         /* raw byte of its sentence */
} StoreOldSource;
void store_old_source_clear(StoreOldSource *source);
/* The sources of the stored events in article `seq`, one per key, by
 * raw_start: a new GArray of StoreOldSource (cleared with it). */
GArray *store_old_sources(FriseStore *store, gint64 seq, GError **error);
/* Replaces article `seq`'s aliases with `pairs` (natural, kept, natural,
 * kept…; `n` strings) and clears its renewed mark. */
bool store_put_key_aliases(FriseStore *store, gint64 seq, const char *const *pairs, guint n, GError **error);

/* The user's template files, oldest first: a new array of strings,
 * name and JSON text in turn (g_ptr_array_unref). */
GPtrArray *store_template_files(FriseStore *store, GError **error);
bool store_put_template_file(FriseStore *store, const char *name, const char *json, size_t len,
			     GError **error);

#endif
