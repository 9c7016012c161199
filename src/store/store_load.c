/*
 * store_load.c — the store's documents for the pipeline and its article
 * list (prefix store_; see rows.h and store.h): store_load_docs(),
 * store_load_docs_of() and store_doc_clear() (articles with their text,
 * sentences, and the tagger's and the estimator's mentions), and
 * store_articles() / store_article_free() (what 'frise articles' lists).
 *
 * Invariants: each read is one snapshot (store_tx(), store_private.h);
 * offsets are bytes into articles.text, raw_* bytes into the article as
 * read, ends exclusive; a damaged row (a sentence or a mention outside
 * its text) is skipped, never handed on. What is returned is new memory.
 */
#include "store/store_private.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Loading documents                                                   */

void
store_doc_clear(StoreDoc *d)
{
	g_free(d->id);
	g_free(d->name);
	g_free(d->title);
	g_free(d->url);
	g_free(d->published);
	g_free(d->estimate);
	g_free(d->text);
	if (d->sentences)
		g_array_unref(d->sentences);
	if (d->base)
		g_array_unref(d->base);
	if (d->resolved)
		g_array_unref(d->resolved);
}

typedef struct {
	GArray *docs;
	int which;   /* StoreDocs, or -1: every article, whole */
	guint limit;
} DocsRead;

/* The articles of a DocsRead, as a WHERE clause on `articles`. */
static const char *
docs_where(int which)
{
	switch (which) {
	case STORE_DOCS_UNDATED:
		return " WHERE published IS NULL";
	case STORE_DOCS_PENDING:
		return " WHERE published IS NOT NULL AND extracted = 0";
	default:
		return "";
	}
}

static bool
load_docs_body(FriseStore *s, void *data, GError **error)
{
	DocsRead *rq = data;
	GArray *docs = rq->docs;
	g_array_set_size(docs, 0);
	bool whole = rq->which != STORE_DOCS_INFO;
	char *limit = rq->which == STORE_DOCS_PENDING ? g_strdup_printf(" LIMIT %u", MAX(rq->limit, 1)) : g_strdup("");
	char *subset = g_strdup_printf("SELECT seq FROM articles%s ORDER BY seq%s", docs_where(rq->which), limit);
	char *sql = g_strdup_printf("SELECT seq, id, title, url, published, estimate, %s, lang, name "
				    "FROM articles%s ORDER BY seq%s", whole ? "text" : "NULL", docs_where(rq->which), limit);
	StoreStmt *st = prepare(s, sql, error);
	g_free(sql);
	g_free(limit);
	if (st == NULL) {
		g_free(subset);
		return false;
	}
	GHashTable *by_seq = g_hash_table_new(g_int64_hash, g_int64_equal);
	StoreStep r;
	while ((r = step(s, st, "read the articles", error)) == STORE_STEP_ROW) {
		StoreDoc d = { 0 };
		d.seq = col_int(s, st, 0);
		d.id = col_text(s, st, 1);
		d.title = col_text(s, st, 2);
		d.url = col_text(s, st, 3);
		d.published = col_text(s, st, 4);
		d.estimate = col_text(s, st, 5);
		d.lang = frise_lang_parse(col_str(s, st, 7));
		d.name = col_raw(s, st, 8) != NULL ? col_text(s, st, 8) : g_strdup(d.id);
		if (whole) {
			const char *text = s->be->col_text(st, 6, &d.len);
			d.text = text ? g_strndup(text, d.len) : g_strdup("");
			d.sentences = g_array_new(FALSE, FALSE, sizeof(FriseSentence));
			d.base = g_array_new(FALSE, FALSE, sizeof(FriseTimex));
		}
		g_array_append_val(docs, d);
	}
	done(s, st);
	bool ok = r == STORE_STEP_DONE;
	if (!whole || !ok || docs->len == 0) {
		g_free(subset);
		g_hash_table_unref(by_seq);
		return ok;
	}
	for (guint i = 0; ok && i < docs->len; i++)
		g_hash_table_insert(by_seq, &g_array_index(docs, StoreDoc, i).seq, GUINT_TO_POINTER(i));
	/* every article: whole tables; a subset: its rows only */
	char *of = rq->which < 0 ? g_strdup("") : g_strdup_printf(" WHERE article IN (%s)", subset);
	g_free(subset);
	sql = g_strdup_printf("SELECT article, start, \"end\", raw_start, raw_end, boilerplate FROM sentences%s "
			      "ORDER BY article, idx", of);
	st = prepare(s, sql, error);
	g_free(sql);
	ok = st != NULL;
	while (ok && (r = step(s, st, "read the sentences", error)) == STORE_STEP_ROW) {
		gint64 a = col_int(s, st, 0);
		gpointer ip;
		if (!g_hash_table_lookup_extended(by_seq, &a, NULL, &ip))
			continue;
		StoreDoc *d = &g_array_index(docs, StoreDoc, GPOINTER_TO_UINT(ip));
		FriseSentence se = { (size_t)col_int(s, st, 1), (size_t)col_int(s, st, 2), (size_t)col_int(s, st, 3),
				     (size_t)col_int(s, st, 4), col_int(s, st, 5) != 0 };
		/* a damaged row must not point outside its text */
		if (se.start > se.end || se.end > d->len)
			continue;
		g_array_append_val(d->sentences, se);
	}
	done(s, st);
	ok = ok && r == STORE_STEP_DONE;
	sql = g_strdup_printf("SELECT article, resolved, start, \"end\", type, value, mod, tense, relative, rule "
			      "FROM mentions%s ORDER BY article, resolved, start", of);
	st = ok ? prepare(s, sql, error) : NULL;
	g_free(sql);
	g_free(of);
	ok = st != NULL;
	while (ok && (r = step(s, st, "read the mentions", error)) == STORE_STEP_ROW) {
		gint64 a = col_int(s, st, 0);
		gpointer ip;
		if (!g_hash_table_lookup_extended(by_seq, &a, NULL, &ip))
			continue;
		StoreDoc *d = &g_array_index(docs, StoreDoc, GPOINTER_TO_UINT(ip));
		FriseTimex t = { 0 };
		t.start = (size_t)col_int(s, st, 2);
		t.end = (size_t)col_int(s, st, 3);
		if (t.start > t.end || t.end > d->len)
			continue;
		t.type = timex_type_parse(col_str(s, st, 4));
		g_strlcpy(t.value, col_str(s, st, 5), sizeof t.value);
		g_strlcpy(t.mod, col_str(s, st, 6), sizeof t.mod);
		t.tense = (FriseTense)col_int(s, st, 7);
		t.relative = col_int(s, st, 8) != 0;
		t.rule = col_raw(s, st, 9) ? g_intern_string(col_raw(s, st, 9)) : NULL;
		GArray **into = col_int(s, st, 1) ? &d->resolved : &d->base;
		if (*into == NULL)
			*into = g_array_new(FALSE, FALSE, sizeof(FriseTimex));
		g_array_append_val(*into, t);
	}
	done(s, st);
	ok = ok && r == STORE_STEP_DONE;
	g_hash_table_unref(by_seq);
	return ok;
}

static GArray *
load_docs(FriseStore *s, int which, guint limit, GError **error)
{
	GArray *docs = g_array_new(FALSE, TRUE, sizeof(StoreDoc));
	g_array_set_clear_func(docs, (GDestroyNotify)store_doc_clear);
	DocsRead rq = { docs, which, limit };
	if (!store_tx(s, STORE_TX_READ, load_docs_body, &rq, error)) {
		g_array_unref(docs);
		return NULL;
	}
	return docs;
}

GArray *
store_load_docs(FriseStore *s, GError **error)
{
	return load_docs(s, -1, 0, error);
}

GArray *
store_load_docs_of(FriseStore *s, StoreDocs which, guint limit, GError **error)
{
	return load_docs(s, (int)which, limit, error);
}

/* ------------------------------------------------------------------ */
/* Articles                                                            */

void
store_article_free(FriseStoreArticle *a)
{
	if (a == NULL)
		return;
	g_free(a->id);
	g_free(a->identity);
	g_free(a->path);
	g_free(a->title);
	g_free(a->url);
	g_free(a->source);
	g_free(a->hash);
	g_free(a->published);
	g_free(a->origin);
	g_free(a->estimate);
	g_free(a->evidence);
	g_free(a);
}

static FriseGranularity
granularity_parse(const char *name)
{
	for (int g = FRISE_GRAN_NONE; g <= FRISE_GRAN_SECOND; g++)
		if (name != NULL && strcmp(name, date_granularity_name((FriseGranularity)g)) == 0)
			return (FriseGranularity)g;
	return FRISE_GRAN_NONE;
}

static bool
articles_body(FriseStore *s, void *data, GError **error)
{
	GPtrArray *out = data;
	g_ptr_array_set_size(out, 0);
	StoreStmt *st = prepare(s, "SELECT coalesce(a.name, a.id), a.path, a.title, a.hash, a.lang, a.published, a.origin, "
				   "a.estimate, a.precision, a.evidence, (SELECT count(*) FROM mentions m "
				   "WHERE m.article = a.seq AND m.resolved = 0), a.url, a.source, a.id FROM articles a "
				   "ORDER BY seq",
				error);
	if (st == NULL)
		return false;
	StoreStep r;
	while ((r = step(s, st, "read the articles", error)) == STORE_STEP_ROW) {
		FriseStoreArticle *a = g_new0(FriseStoreArticle, 1);
		a->id = col_dup(s, st, 0);
		a->path = col_text(s, st, 1);
		a->title = col_dup(s, st, 2);
		a->hash = col_dup(s, st, 3);
		a->lang = frise_lang_parse(col_str(s, st, 4));
		a->published = col_text(s, st, 5);
		a->origin = col_dup(s, st, 6);
		a->estimate = col_text(s, st, 7);
		a->precision = granularity_parse(col_raw(s, st, 8));
		a->evidence = col_text(s, st, 9);
		a->mentions = (guint)col_int(s, st, 10);
		a->url = col_text(s, st, 11);
		a->source = col_text(s, st, 12);
		a->identity = col_dup(s, st, 13);
		g_ptr_array_add(out, a);
	}
	done(s, st);
	return r == STORE_STEP_DONE;
}

GPtrArray *
store_articles(FriseStore *s, GError **error)
{
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)store_article_free);
	if (!store_tx(s, STORE_TX_READ, articles_body, out, error)) {
		g_ptr_array_unref(out);
		return NULL;
	}
	return out;
}
