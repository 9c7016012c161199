/*
 * evidence.c — the boilerplate stage's corpus evidence over a store
 * (prefix evidence_; see evidence.h): the reader's boiler_count() and
 * boiler_mark() fed with the store's line counts.
 *
 * Invariants: an article is judged again from its stored text, read back
 * with line evidence only (the reader's), and only when that text reads
 * back byte for byte, so that its stored sentence offsets still hold. Its
 * sentences and title change only through boiler_mark(), whose marks
 * depend on the corpus only through which of its lines are repeated: an
 * article whose stored `repeated` flags agree with the corpus needs no
 * new judgment. The store's counts are those of its articles with their
 * lines kept, articles with the same bytes once.
 */
#include "pipeline/evidence.h"

#include <string.h>

/* Articles read back at once by a rebuild. */
#define EVIDENCE_BATCH 256

void
evidence_lines_free(EvidenceLines *l)
{
	if (l == NULL)
		return;
	g_array_unref(l->hashes);
	g_free(l->repeated);
	g_free(l);
}

/* The lines of `a` as the store keeps them, judged in `corpus`. Takes
 * `hashes`. */
static EvidenceLines *
lines_of(const FriseArticle *a, GArray *hashes, const FriseLineCounts *corpus)
{
	EvidenceLines *l = g_new0(EvidenceLines, 1);
	l->hashes = hashes;
	l->repeated = g_new0(guint8, MAX(hashes->len, 1));
	for (guint k = 0; k < hashes->len; k++)
		l->repeated[k] = boiler_is_repeated(corpus, g_array_index(hashes, guint64, k));
	l->title_from_body = a->title_line != SIZE_MAX;
	return l;
}

/* ------------------------------------------------------------------ */
/* At ingest                                                            */

GPtrArray *
evidence_judge(FriseStore *store, GPtrArray *articles, GError **error)
{
	GPtrArray *hashes = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	GHashTable *distinct = g_hash_table_new(g_int64_hash, g_int64_equal);
	GArray *keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	GPtrArray *ids = g_ptr_array_new();
	for (guint i = 0; i < articles->len; i++) {
		const FriseArticle *a = g_ptr_array_index(articles, i);
		GArray *h = boiler_line_hashes(a);
		for (guint k = 0; k < h->len; k++)
			if (g_hash_table_add(distinct, &g_array_index(h, guint64, k)))
				g_array_append_val(keys, g_array_index(h, guint64, k));
		g_ptr_array_add(hashes, h);
		g_ptr_array_add(ids, a->identity != NULL ? a->identity : a->id); /* what the store keys it by */
	}
	g_hash_table_unref(distinct);
	/* the store's counts of the batch's lines, then the batch's own */
	GHashTable *stored = g_hash_table_new(g_int64_hash, g_int64_equal); /* keys point into `keys` */
	FriseLineCounts prior = { stored, 0 };
	GPtrArray *out = NULL;
	if (store_line_counts(store, keys, (const char *const *)ids->pdata, ids->len, stored, &prior.articles, error)) {
		FriseLineCounts corpus;
		boiler_count(articles, hashes, &prior, &corpus);
		boiler_mark(articles, &corpus);
		out = g_ptr_array_new_with_free_func((GDestroyNotify)evidence_lines_free);
		for (guint i = 0; i < articles->len; i++)
			g_ptr_array_add(out, lines_of(g_ptr_array_index(articles, i), g_array_ref(hashes->pdata[i]),
						      &corpus));
		g_hash_table_unref(corpus.counts);
	}
	g_hash_table_unref(stored); /* before the keys it points into */
	g_array_unref(keys);
	g_ptr_array_unref(ids);
	g_ptr_array_unref(hashes);
	return out;
}

/* ------------------------------------------------------------------ */
/* At a rebuild                                                         */

/* Stored article `d` read again from its text, with the reader's line
 * evidence only; NULL when the text does not read back byte for byte. The
 * text is plain text whatever the article was (a web page's is its main
 * text): it is read under a name that is no page's and carries no date. */
static FriseArticle *
read_again(const StoreLined *d)
{
	FriseReadOptions opts = { .lang = d->lang, .max_bytes = d->len + 1 };
	GError *e = NULL;
	FriseArticle *a = article_read_bytes("stored.txt", d->text, d->len, &opts, &e);
	g_clear_error(&e);
	if (a != NULL && (a->text_len != d->len || memcmp(a->text, d->text, d->len) != 0))
		g_clear_pointer(&a, article_free);
	return a;
}

/* The lines of the articles stored without them, EVIDENCE_BATCH at a
 * time. Their sentences were judged without corpus evidence: none of
 * their lines counted as repeated. An article whose text does not read
 * back keeps no line (it leaves the corpus). */
static bool
read_missing_lines(FriseStore *store, GError **error)
{
	bool ok = true;
	while (ok) {
		GArray *docs = store_load_lined(store, NULL, EVIDENCE_BATCH, error);
		if (docs == NULL)
			return false;
		guint n = docs->len;
		for (guint i = 0; ok && i < n; i++) {
			const StoreLined *d = &g_array_index(docs, StoreLined, i);
			FriseArticle *a = read_again(d);
			GArray *h = a != NULL ? boiler_line_hashes(a) : g_array_new(FALSE, FALSE, sizeof(guint64));
			/* a title the reader finds in the body again is the body's */
			bool body = a != NULL && a->title_line != SIZE_MAX && strcmp(a->title, d->title) == 0;
			ok = store_put_lines(store, d->id, h, NULL, body, error);
			g_array_unref(h);
			article_free(a);
		}
		g_array_unref(docs);
		if (n == 0)
			break;
	}
	return ok;
}

/* Stored article `d`, read again as `a` and marked in `corpus`: its
 * sentences and title as this judgment has them, if they changed, and
 * the flags of its lines that changed. */
static bool
judge_again(FriseStore *store, const StoreLined *d, const FriseArticle *a, const FriseLineCounts *corpus,
	    GError **error)
{
	GArray *flags = g_array_sized_new(FALSE, FALSE, sizeof(int), d->sentences->len);
	bool changed = false;
	for (guint k = 0; k < d->sentences->len; k++) {
		const FriseSentence *se = &g_array_index(d->sentences, FriseSentence, k);
		bool b = article_is_boilerplate(a, se->start);
		int f = b == se->boilerplate ? -1 : b;
		g_array_append_val(flags, f);
		changed |= f >= 0;
	}
	const char *title = d->title_from_body && strcmp(a->title, d->title) != 0 ? a->title : NULL;
	changed |= title != NULL;
	bool ok = !changed || store_put_judgment(store, d->seq, title, flags, error);
	g_array_unref(flags);
	/* the lines are the stored ones (the same text): only flags change */
	GArray *which = g_array_new(FALSE, FALSE, sizeof(guint64));
	GByteArray *now = g_byte_array_new();
	for (guint k = 0; k < d->hashes->len; k++) {
		guint64 h = g_array_index(d->hashes, guint64, k);
		guint8 r = boiler_is_repeated(corpus, h);
		if (r == d->repeated[k])
			continue;
		g_array_append_val(which, h);
		g_byte_array_append(now, &r, 1);
	}
	ok = ok && store_put_line_flags(store, d->seq, which, now->data, error);
	g_byte_array_unref(now);
	g_array_unref(which);
	return ok;
}

/* The articles of `seqs` judged again in `corpus`, EVIDENCE_BATCH at a
 * time. */
static bool
judge_changed(FriseStore *store, const GArray *seqs, const FriseLineCounts *corpus, GError **error)
{
	bool ok = true;
	for (guint from = 0; ok && from < seqs->len; from += EVIDENCE_BATCH) {
		guint n = MIN(EVIDENCE_BATCH, seqs->len - from);
		GArray *docs = store_load_lined(store, &g_array_index(seqs, gint64, from), n, error);
		if (docs == NULL)
			return false;
		GPtrArray *arts = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
		GArray *which = g_array_new(FALSE, FALSE, sizeof(guint)); /* the doc of each article */
		for (guint i = 0; ok && i < docs->len; i++) {
			const StoreLined *d = &g_array_index(docs, StoreLined, i);
			FriseArticle *a = read_again(d);
			if (a == NULL) {
				GArray *none = g_array_new(FALSE, FALSE, sizeof(guint64));
				ok = store_put_lines(store, d->id, none, NULL, d->title_from_body, error);
				g_array_unref(none);
				continue;
			}
			g_ptr_array_add(arts, a);
			g_array_append_val(which, i);
		}
		if (ok)
			boiler_mark(arts, corpus);
		for (guint k = 0; ok && k < arts->len; k++)
			ok = judge_again(store, &g_array_index(docs, StoreLined, g_array_index(which, guint, k)),
					 arts->pdata[k], corpus, error);
		g_array_unref(which);
		g_ptr_array_unref(arts);
		g_array_unref(docs);
	}
	return ok;
}

bool
evidence_update(FriseStore *store, GError **error)
{
	size_t n = 0;
	if (!read_missing_lines(store, error) || !store_corpus_size(store, &n, error))
		return false;
	guint threshold = boiler_corpus_threshold(n);
	FriseLineCounts corpus = { g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL), n };
	GArray *seqs = g_array_new(FALSE, FALSE, sizeof(gint64));
	bool ok = store_repeated_lines(store, threshold, corpus.counts, error) &&
		  store_lines_changed(store, threshold, seqs, error) && judge_changed(store, seqs, &corpus, error);
	g_array_unref(seqs);
	g_hash_table_unref(corpus.counts);
	return ok;
}
