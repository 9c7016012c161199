/*
 * pipeline.c — the stages in order (prefix pipeline_; see pipeline.h):
 * reader output -> corpus boilerplate (with the store's line counts) ->
 * tagger -> sentences -> store -> rebuild (corpus boilerplate over the
 * whole store, estimates, candidates, merge, the story's title) -> store. The only file that calls more than one
 * layer; each layer it calls knows nothing of the others.
 *
 * Invariants: tagging happens outside the store's write lock; every
 * write (an ingest, a curation) is one store_transact() transaction that
 * ends with a rebuild of every event from the stored mentions, so the
 * events are a function of the stored articles and overrides; a
 * transaction body starts from what the store holds, as the store may run
 * it again after a serialization failure or a deadlock.
 */
#include "frise/pipeline.h"
#include "events/candidate.h"
#include "events/estimate.h"
#include "events/merge.h"
#include "events/story.h"
#include "events/templates.h"
#include "pipeline/evidence.h"
#include "pipeline/identity.h"
#include "pipeline/record.h"
#include "reader/input.h"
#include "store/rows.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

struct FrisePipeline {
	FriseStore *store;         /* borrowed */
	const FriseTagger *tagger; /* borrowed, or own_tagger */
	FriseTagger *own_tagger;   /* lazily, owned */
	FriseTemplates *templates; /* built-in + the store's user files */
	bool dirty;                /* templates changed: the next ingest rebuilds */
	char *extractor;           /* what the article stage is: frise's version and the templates */
	guint batch;               /* articles per ingest transaction */
	GHashTable *ids;           /* id -> path of the inputs read since the last update (owned) */
};

/* The extractor stamp of the store's user templates: candidates stored by
 * another are found again. A new string. */
static char *
extractor_of(FriseStore *store, GError **error)
{
	GPtrArray *files = store_template_files(store, error);
	if (files == NULL)
		return NULL;
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
	for (guint i = 0; i + 1 < files->len; i += 2) {
		const char *name = g_ptr_array_index(files, i), *json = g_ptr_array_index(files, i + 1);
		g_checksum_update(ck, (const guchar *)name, (gssize)strlen(name) + 1);
		if (json != NULL)
			g_checksum_update(ck, (const guchar *)json, (gssize)strlen(json) + 1);
	}
	char *stamp = g_strdup_printf("frise %s, templates %.16s", frise_version(), g_checksum_get_string(ck));
	g_checksum_free(ck);
	g_ptr_array_unref(files);
	return stamp;
}

/* ------------------------------------------------------------------ */
/* The pipeline and its templates                                       */

FrisePipeline *
pipeline_new(FriseStore *store, GError **error)
{
	return pipeline_new_with(store, NULL, error);
}

FrisePipeline *
pipeline_new_with(FriseStore *store, const FriseTagger *tagger, GError **error)
{
	FriseTemplates *tp = templates_new(error);
	if (tp == NULL)
		return NULL;
	GPtrArray *files = store_template_files(store, error);
	bool ok = files != NULL;
	for (guint i = 0; ok && i + 1 < files->len; i += 2) {
		const char *name = g_ptr_array_index(files, i), *json = g_ptr_array_index(files, i + 1);
		ok = templates_add(tp, json, json ? strlen(json) : 0, name, error);
	}
	if (files != NULL)
		g_ptr_array_unref(files);
	if (!ok) {
		templates_free(tp);
		return NULL;
	}
	char *extractor = extractor_of(store, error);
	if (extractor == NULL) {
		templates_free(tp);
		return NULL;
	}
	FrisePipeline *p = g_new0(FrisePipeline, 1);
	p->store = store;
	p->tagger = tagger;
	p->templates = tp;
	p->extractor = extractor;
	p->batch = PIPELINE_DEFAULT_BATCH;
	p->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	return p;
}

void
pipeline_free(FrisePipeline *p)
{
	if (p == NULL)
		return;
	timex_tagger_free(p->own_tagger);
	templates_free(p->templates);
	g_free(p->extractor);
	g_hash_table_unref(p->ids);
	g_free(p);
}

const FriseTagger *
pipeline_tagger(FrisePipeline *p, GError **error)
{
	if (p->tagger == NULL)
		p->tagger = p->own_tagger = timex_tagger_new(error);
	return p->tagger;
}

typedef struct {
	char *name;
	const char *json;
	size_t len;
} TemplateTx;

static bool
template_body(FriseStore *s, void *data, GError **error)
{
	TemplateTx *tx = data;
	return store_put_template_file(s, tx->name, tx->json, tx->len, error) &&
	       store_set_state(s, "stale", "1", error);
}

bool
pipeline_add_templates(FrisePipeline *p, const char *path, GError **error)
{
	/* bounded: a template file is a few KB (templates/events.json:
	 * 5 KB); `--templates /dev/stdin` fed by `yes` must end, not fill
	 * memory */
	size_t len = 0;
	char *data = frise_read_file(path, PIPELINE_TEMPLATES_MAX, &len, error);
	if (data == NULL)
		return false;
	bool ok = templates_add(p->templates, data, len, path, error);
	if (ok) {
		TemplateTx tx = { g_path_get_basename(path), data, len };
		ok = store_transact(p->store, "templates", template_body, &tx, error);
		g_free(tx.name);
		p->dirty = true;
		char *stamp = ok ? extractor_of(p->store, error) : NULL;
		ok = stamp != NULL;
		if (ok) {
			g_free(p->extractor);
			p->extractor = stamp;
		}
	}
	g_free(data);
	return ok;
}

GPtrArray *
pipeline_types(FrisePipeline *p, GError **error)
{
	(void)error; /* the templates are parsed already */
	const GPtrArray *types = templates_types(p->templates);
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)event_type_free);
	for (guint i = 0; i < types->len; i++) {
		const FriseEventType *t = g_ptr_array_index(types, i);
		FriseEventType *c = g_new0(FriseEventType, 1);
		c->id = g_strdup(t->id);
		c->colour = g_strdup(t->colour);
		for (int l = 0; l < FRISE_LANG_COUNT; l++)
			c->label[l] = g_strdup(t->label[l]);
		g_ptr_array_add(out, c);
	}
	return out;
}

FriseTimeline *
pipeline_timeline(FrisePipeline *p, const FriseTimelineQuery *q, GError **error)
{
	FriseTimeline *tl = store_timeline(p->store, q, error);
	if (tl == NULL)
		return NULL;
	GPtrArray *types = pipeline_types(p, error);
	g_ptr_array_extend_and_steal(tl->types, types);
	return tl;
}

/* ------------------------------------------------------------------ */
/* Candidates as store rows                                            */

/* The store rows of `cands`; their words are joined into `words` (one
 * string per candidate, freed by the caller with the rows). */
static StoreCandidate *
rows_of(const GPtrArray *cands, GPtrArray *words)
{
	StoreCandidate *rows = g_new0(StoreCandidate, MAX(cands->len, 1));
	for (guint i = 0; i < cands->len; i++) {
		const FriseCandidate *c = g_ptr_array_index(cands, i);
		GString *w = g_string_new(NULL);
		for (guint k = 0; k < c->words->len; k++) {
			g_string_append(w, g_ptr_array_index(c->words, k));
			g_string_append_c(w, '\x1f');
		}
		g_ptr_array_add(words, g_string_free(w, FALSE));
		rows[i] = (StoreCandidate){ c->sentence, c->timex, c->key, c->type, c->generic_type, c->weak_title,
					    c->since, (int)c->status, c->position, c->title,
					    g_ptr_array_index(words, words->len - 1), c->quote, c->after, c->raw_start, c->raw_end };
		rows[i].timex.explain = NULL;
	}
	return rows;
}

static bool
put_candidates(FriseStore *s, const char *id, const GPtrArray *cands, GError **error)
{
	GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
	StoreCandidate *rows = rows_of(cands, words);
	bool ok = store_put_candidates(s, id, rows, cands->len, error);
	g_free(rows);
	g_ptr_array_unref(words);
	return ok;
}

/* A stored candidate of doc `doc` as the merge reads it; its words are
 * strings of `chunk`, which must outlive it. */
static FriseCandidate *
candidate_of_row(const StoreCandidate *row, guint doc, GStringChunk *chunk)
{
	FriseCandidate *c = g_new0(FriseCandidate, 1);
	c->doc = doc;
	c->sentence = row->sentence;
	c->timex = row->timex;
	g_strlcpy(c->key, row->key, sizeof c->key);
	c->type = g_strdup(row->type);
	c->generic_type = row->generic;
	c->title = g_strdup(row->title);
	c->weak_title = row->weak_title;
	c->since = row->since;
	c->status = (FriseStatus)row->status;
	c->position = row->position;
	c->words = g_ptr_array_new(); /* borrowed strings: candidate_free() leaves them */
	for (const char *w = row->words; *w != '\0';) {
		const char *e = strchr(w, '\x1f');
		size_t n = e ? (size_t)(e - w) : strlen(w);
		char *one = g_strndup(w, n);
		g_ptr_array_add(c->words, g_string_chunk_insert_const(chunk, one));
		g_free(one);
		w += n + (e != NULL);
	}
	c->quote = g_strdup(row->quote);
	c->after = g_strdup(row->after != NULL ? row->after : "");
	c->raw_start = row->raw_start;
	c->raw_end = row->raw_end;
	return c;
}

/* ------------------------------------------------------------------ */
/* Rebuild: extraction of what is pending, estimates, merge            */

static void
fill_doc(FriseDoc *fd, const StoreDoc *d, bool use_resolved)
{
	fd->id = d->id;
	fd->name = d->name;
	fd->title = d->title;
	fd->url = d->url;
	fd->text = d->text;
	fd->len = d->len;
	fd->lang = d->lang;
	fd->published = d->published;
	fd->sentences = d->sentences;
	if (use_resolved && d->published == NULL && d->resolved != NULL && d->estimate != NULL) {
		fd->timexes = d->resolved;
		fd->dct = d->estimate;
	} else {
		fd->timexes = d->base;
		fd->dct = d->published;
	}
}

/* Articles the rebuild extracts at once (a store of an older frise, or
 * after a template change): their texts are what it holds. */
#define EXTRACT_BATCH 256

/* The candidates of the dated articles not extracted yet (as of
 * p->extractor), found and stored EXTRACT_BATCH articles at a time. */
static bool
extract_pending(FrisePipeline *p, GError **error)
{
	char *was = NULL;
	if (!store_get_state(p->store, "extractor", &was, error))
		return false;
	bool ok = true;
	if (g_strcmp0(was, p->extractor) != 0)
		ok = store_reset_candidates(p->store, error) && store_set_state(p->store, "extractor", p->extractor, error);
	g_free(was);
	while (ok) {
		GArray *docs = store_load_docs_of(p->store, STORE_DOCS_PENDING, EXTRACT_BATCH, error);
		if (docs == NULL)
			return false;
		guint n = docs->len;
		if (n == 0) {
			g_array_unref(docs);
			break;
		}
		FriseDoc *fds = g_new0(FriseDoc, n);
		for (guint i = 0; i < n; i++)
			fill_doc(&fds[i], &g_array_index(docs, StoreDoc, i), false);
		GPtrArray **each = candidates_find_each(fds, n, p->templates, true, false);
		for (guint i = 0; ok && i < n; i++)
			ok = put_candidates(p->store, fds[i].id, each[i], error);
		candidates_each_free(each, n);
		g_free(fds);
		g_array_unref(docs);
	}
	return ok;
}

/* What a rebuild holds: every article's metadata (no text), the
 * undated ones whole, and the candidates of each. */
typedef struct {
	GArray *info;          /* StoreDoc, every article, no text */
	GArray *undated;       /* StoreDoc, whole */
	FriseDoc *fds;         /* by article */
	GHashTable *index_of;  /* seq -> article index */
	GPtrArray **sets;      /* by article: its candidates (owned) */
	GStringChunk *words;   /* the stored candidates' words */
} Corpus;

static bool
collect_row(gint64 article, const StoreCandidate *row, void *data, GError **error)
{
	(void)error;
	Corpus *c = data;
	gpointer ip;
	if (!g_hash_table_lookup_extended(c->index_of, &article, NULL, &ip))
		return true;
	guint i = GPOINTER_TO_UINT(ip);
	g_ptr_array_add(c->sets[i], candidate_of_row(row, i, c->words));
	return true;
}

static void
corpus_clear(Corpus *c)
{
	guint n = c->info ? c->info->len : 0;
	for (guint i = 0; c->sets != NULL && i < n; i++)
		g_ptr_array_unref(c->sets[i]);
	g_free(c->sets);
	g_free(c->fds);
	if (c->index_of != NULL)
		g_hash_table_unref(c->index_of);
	if (c->undated != NULL)
		g_array_unref(c->undated);
	if (c->info != NULL)
		g_array_unref(c->info);
	if (c->words != NULL)
		g_string_chunk_free(c->words);
}

static gint
cmp_doc_identity(gconstpointer pa, gconstpointer pb)
{
	const StoreDoc *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);
	return c != 0 ? c : (a->seq > b->seq) - (a->seq < b->seq);
}

static bool
corpus_load(FrisePipeline *p, Corpus *c, GError **error)
{
	c->info = store_load_docs_of(p->store, STORE_DOCS_INFO, 0, error);
	c->undated = c->info ? store_load_docs_of(p->store, STORE_DOCS_UNDATED, 0, error) : NULL;
	if (c->undated == NULL)
		return false;
	/* the docs in the order of their identities, not of their ingest:
	 * every later step (estimates, the merge's order, the story's title,
	 * ranking ties) then reads the same corpus whatever order the
	 * articles came in */
	g_array_sort(c->info, cmp_doc_identity);
	g_array_sort(c->undated, cmp_doc_identity);
	guint n = c->info->len;
	c->fds = g_new0(FriseDoc, MAX(n, 1));
	c->sets = g_new0(GPtrArray *, MAX(n, 1));
	c->index_of = g_hash_table_new(g_int64_hash, g_int64_equal);
	c->words = g_string_chunk_new(1 << 16);
	for (guint i = 0; i < n; i++) {
		StoreDoc *d = &g_array_index(c->info, StoreDoc, i);
		fill_doc(&c->fds[i], d, true);
		c->sets[i] = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
		g_hash_table_insert(c->index_of, &d->seq, GUINT_TO_POINTER(i));
	}
	return store_each_candidate(p->store, collect_row, c, error);
}

/* The article index of undated doc `d`. */
static guint
undated_index(Corpus *c, const StoreDoc *d)
{
	return GPOINTER_TO_UINT(g_hash_table_lookup(c->index_of, &d->seq));
}

/* The estimate's way to ask the tagger (estimate.h: EstimateTagFunc). */
static GArray *
tag_for_estimate(const FriseDoc *doc, const char *dct, void *tagger)
{
	FriseTagOptions opts = { .lang = doc->lang, .dct = dct };
	return timex_tag(tagger, doc->text, doc->len, &opts, NULL);
}

/* An undated article's mentions tagged with its estimate: a week, which
 * the tagger does not take, as its Monday and its Sunday joined
 * (estimate_week_timexes); the evidence's own resolutions applied. A new
 * array, or NULL with `error`. */
static GArray *
tag_estimated(const FriseTagger *tagger, const FriseDoc *fd, const FriseEstimate *est, GError **error)
{
	char dcts[2][11];
	int n = estimate_dcts(est->value, dcts);
	GArray *tx[2] = { NULL, NULL };
	for (int k = 0; k < n; k++) {
		FriseTagOptions opts = { .lang = fd->lang, .dct = dcts[k] };
		if ((tx[k] = timex_tag(tagger, fd->text, fd->len, &opts, error)) == NULL) {
			if (k > 0)
				timex_array_free(tx[0]);
			return NULL;
		}
	}
	GArray *out = tx[0];
	if (n == 2) {
		out = estimate_week_timexes(fd->timexes, tx[0], tx[1], est->value);
		timex_array_free(tx[0]);
		timex_array_free(tx[1]);
	}
	for (guint k = 0; k < out->len; k++) {
		FriseTimex *t = &g_array_index(out, FriseTimex, k);
		const char *r = g_hash_table_lookup(est->resolved, GUINT_TO_POINTER((guint)t->start));
		if (r != NULL)
			g_strlcpy(t->value, r, sizeof t->value);
		g_clear_pointer(&t->explain, g_free);
	}
	return out;
}

/* Estimates the undated articles of `c` and re-tags them with their
 * estimate, in two rounds: the first compares each with the dated
 * articles' stored candidates, the second also with the undated ones the
 * first dated (an article may report a story only another undated
 * article dates). */
static bool
estimate_undated(FrisePipeline *p, Corpus *c, GError **error)
{
	guint n = c->info->len, undated = c->undated->len;
	if (undated == 0)
		return true;
	const FriseTagger *tagger = pipeline_tagger(p, error);
	if (tagger == NULL)
		return false;
	for (guint u = 0; u < undated; u++)
		fill_doc(&c->fds[undated_index(c, &g_array_index(c->undated, StoreDoc, u))],
			 &g_array_index(c->undated, StoreDoc, u), false);
	FriseDoc *fds = c->fds;
	FriseEstimate *est = g_new0(FriseEstimate, n);
	GArray **tx = g_new0(GArray *, n);
	GPtrArray **again = NULL; /* round 2: the estimated articles' candidates */
	EstimatePool *pool = estimate_pool_new(fds, n, c->sets, NULL, NULL);
	EstimateContext cx = { .pool = pool, .tag = tag_for_estimate, .tag_data = (void *)tagger };
	bool ok = true;
	for (int round = 0; ok && round < (undated > 1 ? 2 : 1); round++) {
		if (round == 1) {
			FriseDoc *fe = g_new0(FriseDoc, n);
			again = g_new0(GPtrArray *, n);
			for (guint i = 0; i < n; i++) {
				fe[i] = fds[i];
				if (tx[i] != NULL) {
					fe[i].timexes = tx[i];
					fe[i].dct = est[i].value;
				}
			}
			for (guint i = 0; i < n; i++)
				if (tx[i] != NULL)
					again[i] = candidates_find(fe, i, p->templates, true);
			g_free(fe);
			EstimatePool *first = pool;
			cx.pool = pool = estimate_pool_new(fds, n, c->sets, again, first);
			estimate_pool_free(first);
		}
		FriseEstimate *next = g_new0(FriseEstimate, n);
		GArray **ntx = g_new0(GArray *, n);
		for (guint u = 0; ok && u < undated; u++) {
			guint i = undated_index(c, &g_array_index(c->undated, StoreDoc, u));
			estimate_in(fds, n, i, p->templates, &cx, &next[i]);
			if (next[i].value != NULL)
				ok = (ntx[i] = tag_estimated(tagger, &fds[i], &next[i], error)) != NULL;
		}
		for (guint i = 0; i < n; i++) {
			estimate_clear(&est[i]);
			if (tx[i] != NULL)
				timex_array_free(tx[i]);
		}
		g_free(est);
		g_free(tx);
		est = next;
		tx = ntx;
	}
	for (guint u = 0; ok && u < undated; u++) {
		StoreDoc *d = &g_array_index(c->undated, StoreDoc, u);
		guint i = undated_index(c, d);
		ok = store_put_estimate(p->store, d->seq, est[i].value,
					est[i].value ? date_granularity_name(est[i].precision) : NULL, est[i].evidence, tx[i],
					error);
		g_free(d->estimate);
		d->estimate = g_strdup(est[i].value);
		if (d->resolved != NULL)
			g_array_unref(d->resolved);
		d->resolved = tx[i] != NULL ? g_array_copy(tx[i]) : NULL;
	}
	for (guint i = 0; i < n; i++) {
		estimate_clear(&est[i]);
		if (tx[i] != NULL)
			timex_array_free(tx[i]);
	}
	g_free(est);
	g_free(tx);
	estimate_pool_free(pool);
	if (again != NULL)
		candidates_each_free(again, n);
	return ok;
}

/* Recomputes every event from the stored candidates (extracting those
 * not stored yet); with `estimate` (articles were added), first judges
 * again the articles the corpus evidence changed (evidence_update()) and
 * re-estimates the undated articles. Runs inside the caller's
 * transaction. Holds every article's metadata and candidates, and the
 * undated articles whole: never a dated article's text but those judged
 * again, EVIDENCE_BATCH at a time. */
static bool
rebuild(FrisePipeline *p, bool estimate, GError **error)
{
	Corpus c = { 0 };
	/* articles added: the corpus evidence of the whole store first, as it
	 * changes sentences and titles, and so candidates */
	bool ok = (!estimate || evidence_update(p->store, error)) && extract_pending(p, error) &&
		  corpus_load(p, &c, error);
	ok = ok && (!estimate || estimate_undated(p, &c, error));
	/* the undated articles' candidates, as their estimate resolves them */
	for (guint u = 0; ok && u < c.undated->len; u++) {
		StoreDoc *d = &g_array_index(c.undated, StoreDoc, u);
		guint i = undated_index(&c, d);
		fill_doc(&c.fds[i], d, true);
		g_ptr_array_unref(c.sets[i]);
		c.sets[i] = candidates_find(c.fds, i, p->templates, true);
	}
	/* the keys the merge uses: unique, and kept through edits */
	if (ok) {
		gint64 *seqs = g_new(gint64, MAX(c.info->len, 1));
		for (guint i = 0; i < c.info->len; i++)
			seqs[i] = g_array_index(c.info, StoreDoc, i).seq;
		ok = identity_keys(p->store, c.fds, seqs, c.info->len, c.sets, error);
		g_free(seqs);
	}
	GPtrArray *strings = g_ptr_array_new_with_free_func(g_free);
	GArray *ov = ok ? store_overrides(p->store, strings, error) : NULL;
	ok = ok && ov != NULL;
	if (ok) {
		guint n = c.info->len;
		GPtrArray *cands = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
		for (guint i = 0; i < n; i++) {
			g_ptr_array_set_free_func(c.sets[i], NULL);
			g_ptr_array_extend_and_steal(cands, c.sets[i]);
			c.sets[i] = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
		}
		GPtrArray *events = merge_candidates(c.fds, n, cands, ov);
		ok = store_put_events(p->store, c.info, events, error) && store_set_state(p->store, "stale", NULL, error);
		char *title = ok ? story_title(c.fds, n) : NULL;
		ok = ok && store_put_timeline_title(p->store, title, error);
		g_free(title);
		g_ptr_array_unref(events);
		g_ptr_array_unref(cands);
	}
	if (ov != NULL)
		g_array_unref(ov);
	g_ptr_array_unref(strings);
	corpus_clear(&c);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Ingest: batches of articles, then one rebuild                        */

typedef struct {
	const FriseArticle *a;
	const char *id;      /* a->identity (borrowed from the pipeline's ids) */
	GArray *sentences;   /* FriseSentence */
	GArray *timexes;     /* FriseTimex */
	GPtrArray *cands;    /* FriseCandidate* of a dated article, or NULL */
	Record *rec;         /* what it was read from (pipeline_add_extracted()), or NULL */
	EvidenceLines *lines; /* its lines as judged at ingest, or NULL (a record: the rebuild reads them) */
} Prepared;

static GArray *
article_sentences(const FriseArticle *a)
{
	GArray *ss = text_sentences(a->text, a->body.start, a->body.end, a->lang);
	for (guint i = 0; i < ss->len; i++) {
		FriseSentence *se = &g_array_index(ss, FriseSentence, i);
		se->raw_start = article_raw_offset(a, se->start);
		se->raw_end = article_raw_offset(a, se->end);
		se->boilerplate = article_is_boilerplate(a, se->start);
	}
	return ss;
}

static void
prepared_free(GArray *prep)
{
	for (guint i = 0; prep != NULL && i < prep->len; i++) {
		Prepared *pr = &g_array_index(prep, Prepared, i);
		if (pr->rec != NULL) {
			record_clear(pr->rec);
			g_free(pr->rec);
			continue;
		}
		evidence_lines_free(pr->lines);
		g_array_unref(pr->sentences);
		timex_array_free(pr->timexes);
		if (pr->cands != NULL)
			g_ptr_array_unref(pr->cands);
	}
	if (prep != NULL)
		g_array_unref(prep);
}

/* The identity `a` is kept as (FriseArticle.identity), borrowed from
 * p->ids; NULL when an input of that identity was read already since the
 * last update (one command's inputs: the same file named twice). */
static const char *
claim_id(FrisePipeline *p, const FriseArticle *a)
{
	const char *id = a->identity != NULL ? a->identity : a->id;
	if (g_hash_table_contains(p->ids, id))
		return NULL;
	char *own = g_strdup(id);
	g_hash_table_insert(p->ids, own, g_strdup(a->path != NULL ? a->path : ""));
	return own;
}

/* The candidates of the dated articles of `prep` (outside the write
 * lock, on the machine's cores): each is a function of its article. */
static void
find_candidates(FrisePipeline *p, GArray *prep)
{
	guint n = prep->len;
	FriseDoc *fds = g_new0(FriseDoc, MAX(n, 1));
	for (guint i = 0; i < n; i++) {
		Prepared *pr = &g_array_index(prep, Prepared, i);
		fds[i] = (FriseDoc){ pr->id, pr->a->title, pr->a->url, pr->a->text, pr->a->text_len, pr->a->lang,
				     pr->a->published, pr->a->published, pr->sentences, pr->timexes, pr->a->id };
	}
	GPtrArray **each = candidates_find_each(fds, n, p->templates, true, true);
	for (guint i = 0; i < n; i++) {
		Prepared *pr = &g_array_index(prep, Prepared, i);
		if (pr->a->published != NULL) {
			pr->cands = each[i];
			each[i] = NULL;
		}
	}
	candidates_each_free(each, n);
	g_free(fds);
}

/* The articles of `articles` the store does not hold as they are, with
 * `judge` their repeated lines marked (evidence_judge()), split into
 * sentences, tagged and (dated ones) extracted: a new GArray of Prepared,
 * or NULL with `error`. */
static GArray *
prepare(FrisePipeline *p, GPtrArray *articles, bool judge, GError **error)
{
	const FriseTagger *tagger = pipeline_tagger(p, error);
	if (tagger == NULL)
		return NULL;
	/* lines repeated across the corpus first: they change titles, which
	 * tell whether an article changed */
	GPtrArray *lines = judge && articles != NULL ? evidence_judge(p->store, articles, error)
						     : g_ptr_array_new();
	if (lines == NULL)
		return NULL;
	GArray *prep = g_array_new(FALSE, TRUE, sizeof(Prepared));
	for (guint i = 0; articles != NULL && i < articles->len; i++) {
		const FriseArticle *a = g_ptr_array_index(articles, i);
		const char *id = claim_id(p, a);
		if (id == NULL)
			continue; /* the same input twice */
		if (store_has_same(p->store, id, a))
			continue; /* committed already: an interrupted ingest resumes here */
		Prepared pr = { a, id, article_sentences(a), NULL, NULL, NULL,
				 i < lines->len ? g_steal_pointer(&lines->pdata[i]) : NULL };
		FriseTagOptions opts = { .lang = a->lang, .dct = a->published };
		pr.timexes = timex_tag(tagger, a->text, a->text_len, &opts, error);
		if (pr.timexes == NULL) {
			g_prefix_error(error, "%s: ", a->path ? a->path : a->id);
			g_array_unref(pr.sentences);
			evidence_lines_free(pr.lines);
			prepared_free(prep);
			g_ptr_array_unref(lines);
			return NULL;
		}
		for (guint k = 0; k < pr.timexes->len; k++)
			g_clear_pointer(&g_array_index(pr.timexes, FriseTimex, k).explain, g_free);
		g_array_append_val(prep, pr);
	}
	g_ptr_array_unref(lines);
	find_candidates(p, prep);
	return prep;
}

typedef struct {
	GArray *prep;        /* Prepared */
	guint from, to;      /* the batch */
	const char *extractor;
	gint64 now;
	GPtrArray *notes;    /* char*: the batch's replaced articles, said once it is committed */
} AddTx;

/* One batch's transaction: its articles and their candidates; the
 * events are stale until the rebuild. */
static bool
add_body(FriseStore *s, void *data, GError **error)
{
	AddTx *tx = data;
	/* the store's candidates are this extractor's from now on: those of
	 * another (an older frise, other templates) go, and their articles
	 * are extracted again by the rebuild; a new store is told whose its
	 * first candidates are, so that the rebuild does not find them again */
	char *was = NULL;
	bool ok = store_get_state(s, "extractor", &was, error);
	if (ok && g_strcmp0(was, tx->extractor) != 0)
		ok = store_reset_candidates(s, error) && store_set_state(s, "extractor", tx->extractor, error);
	g_free(was);
	g_ptr_array_set_size(tx->notes, 0); /* a transaction run again starts again */
	for (guint i = tx->from; ok && i < tx->to; i++) {
		Prepared *pr = &g_array_index(tx->prep, Prepared, i);
		/* another process may have been first */
		if (store_has_same(s, pr->id, pr->a))
			continue;
		char *replaced = NULL;
		ok = store_put_article(s, pr->id, pr->a, pr->sentences, pr->timexes, tx->now, &replaced, error);
		if (replaced != NULL)
			g_ptr_array_add(tx->notes,
					g_strdup_printf("%s: replaces the stored article %s, whose bytes differ (sha256 "
							"%.12s… before, %.12s… now); its events are made again from "
							"the new text", pr->a->path ? pr->a->path : pr->a->id, pr->id,
							replaced, pr->a->hash));
		g_free(replaced);
		ok = ok &&
		     (pr->lines == NULL || store_put_lines(s, pr->id, pr->lines->hashes, pr->lines->repeated,
							   pr->lines->title_from_body, error));
		/* candidates of another extractor are found again by the rebuild */
		bool mine = pr->rec == NULL || g_strcmp0(pr->rec->extractor, tx->extractor) == 0;
		if (ok && pr->cands != NULL && mine)
			ok = put_candidates(s, pr->id, pr->cands, error);
	}
	return ok && store_set_state(s, "stale", "1", error);
}

/* Commits `prep` p->batch articles per transaction. */
static bool
commit_prepared(FrisePipeline *p, GArray *prep, GError **error)
{
	GDateTime *nowt = frise_now();
	AddTx tx = { prep, 0, 0, p->extractor, g_date_time_to_unix(nowt), g_ptr_array_new_with_free_func(g_free) };
	g_date_time_unref(nowt);
	bool ok = true;
	for (guint i = 0; ok && i < prep->len; i += p->batch) {
		tx.from = i;
		tx.to = MIN(prep->len, i + p->batch);
		ok = store_transact(p->store, "ingest", add_body, &tx, error);
		for (guint k = 0; ok && k < tx.notes->len; k++)
			g_message("%s", (const char *)g_ptr_array_index(tx.notes, k));
	}
	g_ptr_array_unref(tx.notes);
	return ok;
}

void
pipeline_set_batch(FrisePipeline *p, guint articles)
{
	p->batch = articles > 0 ? articles : PIPELINE_DEFAULT_BATCH;
}

bool
pipeline_add(FrisePipeline *p, GPtrArray *articles, GError **error)
{
	/* tag outside the write lock; unchanged articles are not tagged */
	GArray *prep = prepare(p, articles, true, error);
	if (prep == NULL)
		return false;
	bool ok = commit_prepared(p, prep, error);
	prepared_free(prep);
	return ok;
}

/* A record of this extractor names only types of its templates (one of
 * another extractor is found again by the rebuild: its types do not
 * matter). False with an input error naming `where`. */
static bool
known_types(FrisePipeline *p, const Record *r, const char *where, GError **error)
{
	if (r->candidates == NULL || g_strcmp0(r->extractor, p->extractor) != 0)
		return true;
	const GPtrArray *types = templates_types(p->templates);
	for (guint i = 0; i < r->candidates->len; i++) {
		const FriseCandidate *c = g_ptr_array_index(r->candidates, i);
		bool known = false;
		for (guint k = 0; !known && k < types->len; k++)
			known = strcmp(((FriseEventType *)g_ptr_array_index(types, k))->id, c->type) == 0;
		if (!known) {
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
				    "%s: \"type\": '%.60s' is not an event type of the templates its \"extractor\" names",
				    where, c->type);
			return false;
		}
	}
	return true;
}

bool
pipeline_add_extracted(FrisePipeline *p, const char *const *lines, const size_t *lens, const char *const *wheres,
		       size_t n, GError **error)
{
	GArray *prep = g_array_new(FALSE, TRUE, sizeof(Prepared));
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		Record *r = g_new0(Record, 1);
		if (!record_read(lines[i], lens[i], wheres[i], r, error)) {
			g_free(r);
			ok = false;
			break;
		}
		if (!known_types(p, r, wheres[i], error)) {
			record_clear(r);
			g_free(r);
			ok = false;
			break;
		}
		const char *id = claim_id(p, &r->article);
		if (id == NULL || store_has_same(p->store, id, &r->article)) {
			record_clear(r);
			g_free(r);
			continue;
		}
		Prepared pr = { &r->article, id, r->sentences, r->timexes, r->candidates, r };
		g_array_append_val(prep, pr);
	}
	ok = ok && commit_prepared(p, prep, error);
	prepared_free(prep);
	return ok;
}

/* The lines of pipeline_add_extracted_paths() not yet added. */
typedef struct {
	FrisePipeline *p;
	GPtrArray *lines, *wheres; /* char* */
	GArray *lens;              /* size_t */
	size_t read, max;          /* lines read, most to read */
	FriseReadProgressFunc progress;
	GError *error;             /* the first fault: nothing more is read */
} ExtractedRead;

static bool
add_extracted_batch(ExtractedRead *er)
{
	if (er->lines->len == 0)
		return er->error == NULL;
	if (er->error == NULL)
		pipeline_add_extracted(er->p, (const char *const *)er->lines->pdata, (const size_t *)(void *)er->lens->data,
				       (const char *const *)er->wheres->pdata, er->lines->len, &er->error);
	g_ptr_array_set_size(er->lines, 0);
	g_ptr_array_set_size(er->wheres, 0);
	g_array_set_size(er->lens, 0);
	if (er->error == NULL && er->progress != NULL)
		er->progress("articles", er->read, 0);
	return er->error == NULL;
}

static bool
extracted_line(const char *where, const char *line, size_t len, void *user)
{
	ExtractedRead *er = user;
	if (++er->read > er->max) {
		/* the line past the limit stops the stream: an endless one is
		 * never read to its end */
		g_set_error(&er->error, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT,
			    "%s: more than %zu lines to read (raise the limit with --max-files)", where, er->max);
		return false;
	}
	g_ptr_array_add(er->lines, g_strndup(line, len));
	g_ptr_array_add(er->wheres, g_strdup(where));
	g_array_append_val(er->lens, len);
	return er->lines->len < er->p->batch || add_extracted_batch(er);
}

static bool
extracted_refuse(GError *e, void *user)
{
	ExtractedRead *er = user;
	if (er->error == NULL)
		er->error = e;
	else
		g_error_free(e);
	return false;
}

bool
pipeline_add_extracted_paths(FrisePipeline *p, const char *const *paths, size_t npaths, const FriseReadOptions *opts,
			     size_t *nlines, GError **error)
{
	size_t max_bytes = opts != NULL && opts->max_bytes > 0 ? opts->max_bytes : ARTICLE_DEFAULT_MAX_BYTES;
	ExtractedRead er = { p, g_ptr_array_new_with_free_func(g_free), g_ptr_array_new_with_free_func(g_free),
			     g_array_new(FALSE, FALSE, sizeof(size_t)), 0,
			     opts != NULL && opts->max_articles > 0 ? opts->max_articles : ARTICLE_DEFAULT_MAX_ARTICLES,
			     opts != NULL ? opts->progress : NULL, NULL };
	size_t limit = pipeline_record_max(max_bytes);
	char *l = input_limit_text(max_bytes);
	char *what = g_strdup_printf("%d times the %s article limit of --max-size (a line of 'frise extract')",
				     PIPELINE_RECORD_FACTOR, l);
	g_free(l);
	for (size_t i = 0; er.error == NULL && i < npaths; i++) {
		int fd = input_open(paths[i], false, &er.error);
		if (fd < 0)
			break;
		input_lines(fd, paths[i], limit, what, extracted_line, extracted_refuse, &er, &er.error);
		if (fd != STDIN_FILENO)
			close(fd);
	}
	add_extracted_batch(&er);
	g_free(what);
	g_ptr_array_unref(er.lines);
	g_ptr_array_unref(er.wheres);
	g_array_unref(er.lens);
	if (nlines != NULL)
		*nlines = MIN(er.read, er.max);
	if (er.error != NULL) {
		g_propagate_error(error, er.error);
		return false;
	}
	return true;
}

size_t
pipeline_record_max(size_t max_bytes)
{
	max_bytes = max_bytes > 0 ? max_bytes : ARTICLE_DEFAULT_MAX_BYTES;
	return max_bytes > SIZE_MAX / PIPELINE_RECORD_FACTOR ? SIZE_MAX : max_bytes * PIPELINE_RECORD_FACTOR;
}

typedef struct {
	FrisePipeline *p;
	bool force;
} UpdateTx;

static bool
update_body(FriseStore *s, void *data, GError **error)
{
	UpdateTx *tx = data;
	char *stale = NULL;
	if (!store_get_state(s, "stale", &stale, error))
		return false;
	bool need = tx->force || stale != NULL;
	g_free(stale);
	return !need || rebuild(tx->p, true, error);
}

bool
pipeline_update(FrisePipeline *p, GError **error)
{
	UpdateTx tx = { p, p->dirty };
	bool ok = store_transact(p->store, "ingest", update_body, &tx, error);
	if (ok)
		p->dirty = false;
	/* the next add is another command's: the same files again are that
	 * command's input, not a second copy of this one's */
	g_hash_table_remove_all(p->ids);
	return ok;
}

bool
pipeline_ingest(FrisePipeline *p, GPtrArray *articles, GError **error)
{
	return pipeline_add(p, articles, error) && pipeline_update(p, error);
}

char *
pipeline_extract(FrisePipeline *p, GPtrArray *articles, size_t max_bytes, FriseReadErrorFunc on_skip, void *user,
		 GError **error)
{
	/* each line a function of its article: the reduce step's rebuild
	 * brings the corpus evidence */
	GArray *prep = prepare(p, articles, false, error);
	if (prep == NULL)
		return NULL;
	GString *out = g_string_new(NULL);
	size_t max = pipeline_record_max(max_bytes);
	for (guint i = 0; i < prep->len; i++) {
		Prepared *pr = &g_array_index(prep, Prepared, i);
		char *line = record_write(pr->a, pr->id, pr->sentences, pr->timexes, pr->cands, p->extractor);
		size_t len = strlen(line);
		if (len > max) {
			/* 'frise ingest --candidates' with this limit would refuse it */
			GError *e = g_error_new(FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT,
						"%s: its line of candidates is %zu bytes, more than %d times the "
						"article limit of --max-size; not written", pr->a->path ? pr->a->path : pr->id,
						len, PIPELINE_RECORD_FACTOR);
			if (on_skip != NULL)
				on_skip(e, user);
			g_error_free(e);
			g_free(line);
			continue;
		}
		g_string_append_len(out, line, (gssize)len);
		g_string_append_c(out, '\n');
		g_free(line);
	}
	prepared_free(prep);
	return g_string_free(out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Curation                                                            */

typedef enum { CURATE_EDIT, CURATE_HIDE, CURATE_SHOW, CURATE_MERGE, CURATE_SPLIT } CurateKind;

/* One curation: what it does to which events, as one transaction. */
typedef struct {
	FrisePipeline *p;
	CurateKind kind;
	const FriseEventRef *refs;
	size_t n;
	const char *title, *date, *type; /* CURATE_EDIT: each may be NULL */
	GPtrArray *keys;   /* CURATE_MERGE: the mention keys merged (char*, owned) */
	guint events;      /* CURATE_MERGE: the events that hold them after the rebuild */
} Curation;

/* The events named are there, at the version named if any; then the
 * overrides; then the rebuild. */
static bool
curation_body(FriseStore *s, void *data, GError **error)
{
	Curation *c = data;
	bool ok = true;
	for (size_t i = 0; ok && i < c->n; i++)
		ok = c->refs[i].version >= 0 ? store_check_version(s, c->refs[i].id, c->refs[i].version, error)
					     : store_event_exists(s, c->refs[i].id, error);
	const char *id = c->refs[0].id;
	switch (c->kind) {
	case CURATE_EDIT:
		ok = ok && (c->title == NULL || store_add_override(s, FRISE_OVERRIDE_TITLE, id, c->title, true, error)) &&
		     (c->date == NULL || store_add_override(s, FRISE_OVERRIDE_DATE, id, c->date, true, error)) &&
		     (c->type == NULL || store_add_override(s, FRISE_OVERRIDE_TYPE, id, c->type, true, error));
		break;
	case CURATE_HIDE:
		ok = ok && store_add_override(s, FRISE_OVERRIDE_HIDE, id, "", true, error);
		break;
	case CURATE_SHOW:
		ok = ok && store_delete_override(s, FRISE_OVERRIDE_HIDE, id, error);
		break;
	case CURATE_MERGE: {
		/* an event id is the key of its first mention; every source of
		 * each event named joins the first, splits made before undone */
		const char **ids = g_new(const char *, c->n);
		for (size_t i = 0; i < c->n; i++)
			ids[i] = c->refs[i].id;
		g_ptr_array_set_size(c->keys, 0);
		ok = ok && store_merge_overrides(s, ids, c->n, c->keys, error);
		g_free(ids);
		break;
	}
	case CURATE_SPLIT:
		ok = ok && store_split_overrides(s, id, error);
		break;
	}
	ok = ok && rebuild(c->p, false, error);
	c->events = 0;
	if (ok && c->kind == CURATE_MERGE)
		ok = store_events_holding(s, c->keys, &c->events, error);
	return ok;
}

static bool
curate(Curation *c, const char *change, GError **error)
{
	return store_transact(c->p->store, change, curation_body, c, error);
}

bool
pipeline_edit_event(FrisePipeline *p, const FriseEventRef *ev, const char *title, const char *date,
		    const char *type, GError **error)
{
	if (date != NULL && !date_is_anchored(date)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE,
			    "'%s' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or another TIMEX3 value)", date);
		return false;
	}
	if (type != NULL) {
		const GPtrArray *types = templates_types(p->templates);
		bool known = false;
		for (guint i = 0; i < types->len; i++)
			known |= strcmp(((FriseEventType *)g_ptr_array_index(types, i))->id, type) == 0;
		if (!known) {
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE,
				    "'%s' is not an event type (see templates/events.json)", type);
			return false;
		}
	}
	char *change = g_strdup_printf("edit%s%s%s", title ? " --title" : "", date ? " --date" : "",
				       type ? " --type" : "");
	Curation c = { p, CURATE_EDIT, ev, 1, title, date, type };
	bool ok = curate(&c, change, error);
	g_free(change);
	return ok;
}

bool
pipeline_hide_event(FrisePipeline *p, const FriseEventRef *ev, bool hide, GError **error)
{
	Curation c = { p, hide ? CURATE_HIDE : CURATE_SHOW, ev, 1, NULL, NULL, NULL };
	return curate(&c, hide ? "hide" : "hide --undo", error);
}

bool
pipeline_merge_events(FrisePipeline *p, const FriseEventRef *evs, size_t n, GError **error)
{
	if (n < 2) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE, "merge needs at least two event ids");
		return false;
	}
	Curation c = { p, CURATE_MERGE, evs, n, NULL, NULL, NULL, g_ptr_array_new_with_free_func(g_free), 0 };
	bool ok = curate(&c, "merge", error);
	/* the merge forces every source into one group: more than one event
	 * would be a fault of the merge, said rather than hidden */
	if (ok && c.events > 1)
		g_message("merge: the %u sources of the %zu events named are in %u events after the merge, not one "
			  "(see 'frise events --explain')", c.keys->len, n, c.events);
	g_ptr_array_unref(c.keys);
	return ok;
}

bool
pipeline_split_event(FrisePipeline *p, const FriseEventRef *ev, GError **error)
{
	Curation c = { p, CURATE_SPLIT, ev, 1, NULL, NULL, NULL };
	return curate(&c, "split", error);
}
