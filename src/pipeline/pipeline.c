/*
 * pipeline.c — the stages in order (prefix pipeline_; see pipeline.h):
 * reader output -> corpus boilerplate (with the store's line counts) ->
 * tagger -> sentences -> store -> rebuild (estimates, candidates, merge,
 * the story's title) -> store. The only file that calls more than one
 * layer; each layer it calls knows nothing of the others.
 *
 * Invariants: tagging happens outside the store's write lock; every
 * write (an ingest, a curation) is one transaction that ends with a
 * rebuild of every event from the stored mentions, so the events are a
 * function of the stored articles and overrides.
 */
#include "frise/pipeline.h"
#include "events/candidate.h"
#include "events/estimate.h"
#include "events/merge.h"
#include "events/story.h"
#include "events/templates.h"
#include "frise/boilerplate.h"
#include "store/rows.h"

#include <string.h>

struct FrisePipeline {
	FriseStore *store;         /* borrowed */
	const FriseTagger *tagger; /* borrowed, or own_tagger */
	FriseTagger *own_tagger;   /* lazily, owned */
	FriseTemplates *templates; /* built-in + the store's user files */
	bool dirty;                /* templates changed: the next ingest rebuilds */
};

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
	FrisePipeline *p = g_new0(FrisePipeline, 1);
	p->store = store;
	p->tagger = tagger;
	p->templates = tp;
	return p;
}

void
pipeline_free(FrisePipeline *p)
{
	if (p == NULL)
		return;
	timex_tagger_free(p->own_tagger);
	templates_free(p->templates);
	g_free(p);
}

const FriseTagger *
pipeline_tagger(FrisePipeline *p, GError **error)
{
	if (p->tagger == NULL)
		p->tagger = p->own_tagger = timex_tagger_new(error);
	return p->tagger;
}

bool
pipeline_add_templates(FrisePipeline *p, const char *path, GError **error)
{
	char *data = NULL;
	gsize len = 0;
	GError *e = NULL;
	if (!g_file_get_contents(path, &data, &len, &e)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s", e->message);
		g_error_free(e);
		return false;
	}
	bool ok = templates_add(p->templates, data, len, path, error);
	if (ok) {
		char *base = g_path_get_basename(path);
		ok = store_put_template_file(p->store, base, data, len, error);
		g_free(base);
		p->dirty = true;
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
/* Rebuild: estimates, candidates, merge                               */

static void
fill_doc(FriseDoc *fd, const StoreDoc *d, bool use_resolved)
{
	fd->id = d->id;
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

/* Estimates undated articles and re-tags them with their estimate. */
static bool
estimate_all(FrisePipeline *p, GArray *docs, GError **error)
{
	guint n = docs->len;
	FriseDoc *fds = g_new0(FriseDoc, MAX(n, 1));
	for (guint i = 0; i < n; i++)
		fill_doc(&fds[i], &g_array_index(docs, StoreDoc, i), false);
	const FriseTagger *tagger = pipeline_tagger(p, error);
	bool ok = tagger != NULL;
	GPtrArray **sets = NULL; /* the dated articles' candidates, found once */
	for (guint i = 0; ok && i < n; i++) {
		StoreDoc *d = &g_array_index(docs, StoreDoc, i);
		if (d->published != NULL)
			continue;
		if (sets == NULL)
			sets = candidates_find_each(fds, n, p->templates, true, true);
		FriseEstimate est;
		estimate_with(fds, n, i, p->templates, sets, &est);
		GArray *tx = NULL;
		if (est.value != NULL) {
			FriseTagOptions opts = { .lang = d->lang, .dct = est.value };
			tx = timex_tag(tagger, d->text, d->len, &opts, error);
			if (tx == NULL) {
				ok = false;
				estimate_clear(&est);
				break;
			}
			for (guint k = 0; k < tx->len; k++) {
				FriseTimex *t = &g_array_index(tx, FriseTimex, k);
				const char *r = g_hash_table_lookup(est.resolved, GUINT_TO_POINTER((guint)t->start));
				if (r != NULL)
					g_strlcpy(t->value, r, sizeof t->value);
				g_clear_pointer(&t->explain, g_free);
			}
		}
		ok = store_put_estimate(p->store, d->seq, est.value,
					est.value ? date_granularity_name(est.precision) : NULL, est.evidence, tx, error);
		g_free(d->estimate);
		d->estimate = g_strdup(est.value);
		if (d->resolved != NULL)
			g_array_unref(d->resolved);
		d->resolved = tx != NULL ? g_array_copy(tx) : NULL;
		if (tx != NULL)
			timex_array_free(tx);
		estimate_clear(&est);
	}
	candidates_each_free(sets, n);
	g_free(fds);
	return ok;
}

/* Recomputes every event from the stored mentions; with `estimate`,
 * first re-estimates the undated articles. Runs inside the caller's
 * transaction. */
static bool
rebuild(FrisePipeline *p, bool estimate, GError **error)
{
	GArray *docs = store_load_docs(p->store, error);
	if (docs == NULL)
		return false;
	bool ok = !estimate || estimate_all(p, docs, error);
	GPtrArray *strings = g_ptr_array_new_with_free_func(g_free);
	GArray *ov = ok ? store_overrides(p->store, strings, error) : NULL;
	ok = ok && ov != NULL;
	if (ok) {
		guint n = docs->len;
		FriseDoc *fds = g_new0(FriseDoc, MAX(n, 1));
		for (guint i = 0; i < n; i++)
			fill_doc(&fds[i], &g_array_index(docs, StoreDoc, i), true);
		GPtrArray *cands = candidates_find_all(fds, n, p->templates, true);
		GPtrArray *events = merge_candidates(fds, n, cands, ov);
		ok = store_put_events(p->store, docs, events, error);
		char *title = ok ? story_title(fds, n) : NULL;
		ok = ok && store_put_timeline_title(p->store, title, error);
		g_free(title);
		g_ptr_array_unref(events);
		g_ptr_array_unref(cands);
		g_free(fds);
	}
	if (ov != NULL)
		g_array_unref(ov);
	g_ptr_array_unref(strings);
	g_array_unref(docs);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Ingest                                                              */

typedef struct {
	const FriseArticle *a;
	const char *id;      /* a->id, or a->path when another article of the batch has that id */
	GArray *sentences;   /* FriseSentence */
	GArray *timexes;     /* FriseTimex */
	const GArray *lines; /* its line hashes (boiler_line_hashes), borrowed */
} Prepared;

/* Corpus evidence of boilerplate (frise/boilerplate.h) over the batch and
 * the articles the store holds already: marks the repeated lines of
 * `articles` and gives each article's line hashes, for the store
 * (`*lines`: a new array of GArray *, one per article). */
static bool
corpus_evidence(FrisePipeline *p, GPtrArray *articles, GPtrArray **lines, GError **error)
{
	*lines = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	GArray *all = g_array_new(FALSE, FALSE, sizeof(guint64));
	GPtrArray *ids = g_ptr_array_new();
	for (guint i = 0; i < articles->len; i++) {
		const FriseArticle *a = g_ptr_array_index(articles, i);
		GArray *h = boiler_line_hashes(a);
		g_array_append_vals(all, h->data, h->len);
		g_ptr_array_add(*lines, h);
		g_ptr_array_add(ids, a->id);
		if (a->path != NULL && strcmp(a->path, a->id) != 0)
			g_ptr_array_add(ids, a->path); /* the id of a second x.txt (prepare()) */
	}
	/* the store's counts, by the batch's distinct hashes */
	GHashTable *counts = g_hash_table_new(g_int64_hash, g_int64_equal);
	GHashTable *distinct = g_hash_table_new(g_int64_hash, g_int64_equal);
	GArray *keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	for (guint i = 0; i < all->len; i++)
		if (g_hash_table_add(distinct, &g_array_index(all, guint64, i)))
			g_array_append_val(keys, g_array_index(all, guint64, i));
	g_hash_table_unref(distinct);
	FriseLineCounts prior = { counts, 0 };
	bool ok = store_line_counts(p->store, keys, (const char *const *)ids->pdata, ids->len, counts,
				    &prior.articles, error);
	if (ok)
		boiler_corpus(articles, &prior);
	g_hash_table_unref(counts); /* before the keys it points into */
	g_array_unref(keys);
	g_array_unref(all);
	g_ptr_array_unref(ids);
	if (!ok)
		g_clear_pointer(lines, g_ptr_array_unref);
	return ok;
}

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

/* The articles of `articles` the store does not hold as they are,
 * split into sentences and tagged: a new GArray of Prepared, or NULL with
 * `error`. */
static GArray *
prepare(FrisePipeline *p, GPtrArray *articles, const GPtrArray *lines, GError **error)
{
	const FriseTagger *tagger = pipeline_tagger(p, error);
	if (tagger == NULL)
		return NULL;
	GArray *prep = g_array_new(FALSE, TRUE, sizeof(Prepared));
	GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
	bool ok = true;
	for (guint i = 0; ok && articles != NULL && i < articles->len; i++) {
		const FriseArticle *a = g_ptr_array_index(articles, i);
		/* two files called x.txt in two folders: the second goes by its path */
		const char *id = g_hash_table_contains(ids, a->id) && a->path != NULL ? a->path : a->id;
		if (!g_hash_table_add(ids, (gpointer)id))
			continue; /* the same input twice */
		if (store_has_same(p->store, id, a))
			continue;
		Prepared pr = { a, id, article_sentences(a), NULL, g_ptr_array_index(lines, i) };
		FriseTagOptions opts = { .lang = a->lang, .dct = a->published };
		pr.timexes = timex_tag(tagger, a->text, a->text_len, &opts, error);
		if (pr.timexes == NULL) {
			g_prefix_error(error, "%s: ", a->path ? a->path : a->id);
			g_array_unref(pr.sentences);
			ok = false;
			break;
		}
		for (guint k = 0; k < pr.timexes->len; k++)
			g_clear_pointer(&g_array_index(pr.timexes, FriseTimex, k).explain, g_free);
		g_array_append_val(prep, pr);
	}
	g_hash_table_unref(ids);
	if (!ok) {
		for (guint i = 0; i < prep->len; i++) {
			Prepared *pr = &g_array_index(prep, Prepared, i);
			g_array_unref(pr->sentences);
			timex_array_free(pr->timexes);
		}
		g_array_unref(prep);
		return NULL;
	}
	return prep;
}

bool
pipeline_ingest(FrisePipeline *p, GPtrArray *articles, GError **error)
{
	/* lines repeated across the corpus first: they change titles, which
	 * tell whether an article changed; then tag outside the write lock
	 * (unchanged articles are not tagged) */
	GPtrArray *lines = NULL;
	if (articles == NULL || articles->len == 0)
		lines = g_ptr_array_new();
	else if (!corpus_evidence(p, articles, &lines, error))
		return false;
	GArray *prep = prepare(p, articles, lines, error);
	if (prep == NULL) {
		g_ptr_array_unref(lines);
		return false;
	}
	bool ok = true;
	if (prep->len > 0 || p->dirty) {
		GDateTime *nowt = frise_now();
		gint64 now = g_date_time_to_unix(nowt);
		g_date_time_unref(nowt);
		ok = store_begin(p->store, error);
		for (guint i = 0; ok && i < prep->len; i++) {
			Prepared *pr = &g_array_index(prep, Prepared, i);
			/* another process may have been first */
			if (!store_has_same(p->store, pr->id, pr->a))
				ok = store_put_article(p->store, pr->id, pr->a, pr->sentences, pr->timexes, now, error) &&
				     store_put_line_hashes(p->store, pr->id, pr->lines, error);
		}
		ok = ok && rebuild(p, true, error) && store_commit(p->store, error);
		if (!ok)
			store_rollback(p->store);
		else
			p->dirty = false;
	}
	for (guint i = 0; i < prep->len; i++) {
		Prepared *pr = &g_array_index(prep, Prepared, i);
		g_array_unref(pr->sentences);
		timex_array_free(pr->timexes);
	}
	g_array_unref(prep);
	g_ptr_array_unref(lines);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Curation                                                            */

/* Ends a curation's transaction: rebuilds and commits when `ok`, else
 * rolls back. */
static bool
finish(FrisePipeline *p, bool ok, GError **error)
{
	ok = ok && rebuild(p, false, error) && store_commit(p->store, error);
	if (!ok)
		store_rollback(p->store);
	return ok;
}

bool
pipeline_edit_event(FrisePipeline *p, const char *id, const char *title, const char *date, const char *type,
		    GError **error)
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
	if (!store_begin(p->store, error))
		return false;
	bool ok = store_event_exists(p->store, id, error) &&
		  (title == NULL || store_add_override(p->store, FRISE_OVERRIDE_TITLE, id, title, true, error)) &&
		  (date == NULL || store_add_override(p->store, FRISE_OVERRIDE_DATE, id, date, true, error)) &&
		  (type == NULL || store_add_override(p->store, FRISE_OVERRIDE_TYPE, id, type, true, error));
	return finish(p, ok, error);
}

bool
pipeline_hide_event(FrisePipeline *p, const char *id, bool hide, GError **error)
{
	if (!store_begin(p->store, error))
		return false;
	bool ok = store_event_exists(p->store, id, error) &&
		  (hide ? store_add_override(p->store, FRISE_OVERRIDE_HIDE, id, "", true, error)
			: store_delete_override(p->store, FRISE_OVERRIDE_HIDE, id, error));
	return finish(p, ok, error);
}

bool
pipeline_merge_events(FrisePipeline *p, const char *const *ids, size_t n, GError **error)
{
	if (n < 2) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE, "merge needs at least two event ids");
		return false;
	}
	if (!store_begin(p->store, error))
		return false;
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++)
		ok = store_event_exists(p->store, ids[i], error);
	/* an event id is the key of its first mention */
	for (size_t i = 1; ok && i < n; i++)
		ok = store_add_override(p->store, FRISE_OVERRIDE_MERGE, ids[0], ids[i], false, error);
	return finish(p, ok, error);
}

bool
pipeline_split_event(FrisePipeline *p, const char *id, GError **error)
{
	if (!store_begin(p->store, error))
		return false;
	bool ok = store_event_exists(p->store, id, error) && store_split_overrides(p->store, id, error);
	return finish(p, ok, error);
}
