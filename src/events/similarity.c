/*
 * similarity.c — whether two dated sentences tell one story (prefix sim_;
 * see similarity.h): content words, their TF-IDF vectors over a set of
 * candidates, the cosine, and the thresholds that make two mentions one
 * story.
 *
 * Words are folded (core/text.h); a word of a vector is its rank in the
 * lexicon, whose order is strcmp's, so sums run the same way every run.
 */
#include "events/similarity.h"
#include "core/lang.h"
#include "core/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Merge thresholds on the TF-IDF cosine of content words. */
#define SAME_TYPE_MIN_COSINE 1e-9 /* same specific type, different articles: a shared word */
#define CONTENT_MIN_COSINE 0.30   /* any type, or the same article */
/* Two reports of one story (same type, cosine at least this) whose day
 * dates differ by at most CONFLICT_DAYS are one event whose sources
 * conflict. */
GPtrArray *
sim_words_of(const GArray *toks, FriseLang lang)
{
	GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < toks->len; i++) {
		TextToken *t = &g_array_index(toks, TextToken, i);
		if (g_utf8_strlen(t->folded, -1) < 3 || lang_has(lang, LANG_STOP, t->folded))
			continue;
		if (g_ascii_isdigit(t->folded[0]))
			continue; /* numbers say little about the story */
		g_ptr_array_add(words, g_strdup(t->folded));
	}
	return words;
}

GPtrArray *
sim_words_of_parse(const ClauseParse *parse)
{
	GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < parse->words->len; i++) {
		const ClauseWord *w = &g_array_index(parse->words, ClauseWord, i);
		if (g_utf8_strlen(w->folded, -1) < 3 || lang_has(parse->lang, LANG_STOP, w->folded) ||
		    g_ascii_isdigit(w->folded[0]))
			continue;
		/* a verb or a noun by its lemma: "présentait" and "présentant"
		 * are one word of the story; a name as written */
		bool by_lemma = w->lemma != w->folded && w->role != CLAUSE_W_PROPER &&
				(w->role == CLAUSE_W_FINITE || w->role == CLAUSE_W_PARTICIPLE || w->role == CLAUSE_W_INFINITIVE ||
				 w->role == CLAUSE_W_NOUN || w->role == CLAUSE_W_ADJ);
		char *f = by_lemma ? text_fold(w->lemma, -1) : g_strdup(w->folded);
		if (by_lemma && (g_utf8_strlen(f, -1) < 3 || lang_has(parse->lang, LANG_STOP, f))) {
			g_free(f);
			continue;
		}
		g_ptr_array_add(words, f);
	}
	return words;
}

GPtrArray *
sim_words(const char *text, size_t len, FriseLang lang)
{
	GArray *toks = text_tokens(text, len);
	GPtrArray *words = sim_words_of(toks, lang);
	g_array_unref(toks);
	return words;
}



void
sim_vec_clear(SimVec *v)
{
	g_free(v->t);
	v->t = NULL;
	v->n = 0;
}


static int
cmp_word(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The lexicon of `sets` of candidates, which must outlive it; free with
 * sim_lexicon_clear(). */
SimLexicon
sim_lexicon_new(GPtrArray *const *sets, size_t nsets)
{
	GHashTable *id = g_hash_table_new(g_str_hash, g_str_equal); /* word -> first-seen index + 1 */
	GPtrArray *words = g_ptr_array_new();
	GArray *df = g_array_new(FALSE, FALSE, sizeof(guint));
	GArray *last = g_array_new(FALSE, FALSE, sizeof(guint)); /* by index: last candidate + 1 with it */
	guint cand = 0;
	for (size_t k = 0; k < nsets; k++) {
		GPtrArray *cands = sets[k];
		for (guint i = 0; i < cands->len; i++) {
			FriseCandidate *c = g_ptr_array_index(cands, i);
			cand++;
			for (guint j = 0; j < c->words->len; j++) {
				char *w = g_ptr_array_index(c->words, j);
				guint x = GPOINTER_TO_UINT(g_hash_table_lookup(id, w));
				if (x == 0) {
					g_ptr_array_add(words, w);
					x = words->len;
					g_hash_table_insert(id, w, GUINT_TO_POINTER(x));
					g_array_set_size(df, x);
					g_array_set_size(last, x);
					g_array_index(df, guint, x - 1) = 0;
					g_array_index(last, guint, x - 1) = 0;
				}
				if (g_array_index(last, guint, x - 1) == cand)
					continue; /* once per candidate */
				g_array_index(last, guint, x - 1) = cand;
				g_array_index(df, guint, x - 1)++;
			}
		}
	}
	g_array_unref(last);
	/* ranks, so that a cosine compares integers, not strings */
	GPtrArray *sorted = g_ptr_array_copy(words, NULL, NULL);
	if (sorted->len > 1) /* pdata is NULL when empty */
		qsort(sorted->pdata, sorted->len, sizeof(gpointer), cmp_word);
	SimLexicon lx = { g_hash_table_new(g_str_hash, g_str_equal), g_new(guint, MAX(words->len, 1)) };
	for (guint r = 0; r < sorted->len; r++) {
		char *w = g_ptr_array_index(sorted, r);
		lx.df[r] = g_array_index(df, guint, GPOINTER_TO_UINT(g_hash_table_lookup(id, w)) - 1);
		g_hash_table_insert(lx.rank, w, GUINT_TO_POINTER(r));
	}
	g_ptr_array_unref(sorted);
	g_ptr_array_unref(words);
	g_array_unref(df);
	g_hash_table_unref(id);
	return lx;
}

void
sim_lexicon_clear(SimLexicon *lx)
{
	g_hash_table_unref(lx->rank);
	g_free(lx->df);
}

static int
cmp_term(const void *a, const void *b)
{
	guint x = ((const SimTerm *)a)->word, y = ((const SimTerm *)b)->word;
	return x < y ? -1 : x > y;
}

/* The vector of candidate c, one of `lx`'s. */
SimVec
sim_vec(const FriseCandidate *c, const SimLexicon *lx, double ndocs)
{
	SimVec v = { g_new(SimTerm, c->words->len + 1), 0, 0 };
	for (guint j = 0; j < c->words->len; j++)
		v.t[v.n++] = (SimTerm){ GPOINTER_TO_UINT(g_hash_table_lookup(lx->rank, g_ptr_array_index(c->words, j))),
				     1.0 };
	qsort(v.t, v.n, sizeof(SimTerm), cmp_term);
	/* fold repeats into a count, then weigh: (1 + log tf) * idf */
	guint out = 0;
	for (guint j = 0; j < v.n; j++) {
		if (out > 0 && v.t[out - 1].word == v.t[j].word)
			v.t[out - 1].w += 1.0;
		else
			v.t[out++] = v.t[j];
	}
	v.n = out;
	for (guint j = 0; j < v.n; j++) {
		double dfw = lx->df[v.t[j].word];
		double x = (1.0 + log(v.t[j].w)) * log((ndocs + 1.0) / (dfw + 0.5));
		v.t[j].w = x > 0 ? x : 0;
		v.norm += v.t[j].w * v.t[j].w;
	}
	v.norm = sqrt(v.norm);
	return v;
}

void
sim_vec_free(gpointer v)
{
	sim_vec_clear(v);
	g_free(v);
}

double
sim_cos(const SimVec *a, const SimVec *b)
{
	if (a->norm == 0 || b->norm == 0)
		return 0;
	double dot = 0;
	guint i = 0, j = 0;
	while (i < a->n && j < b->n) {
		guint x = a->t[i].word, y = b->t[j].word;
		if (x == y)
			dot += a->t[i++].w * b->t[j++].w;
		else if (x < y)
			i++;
		else
			j++;
	}
	return dot / (a->norm * b->norm);
}

/* Whether two mentions tell one story: by their cosine, with a lower bar
 * for two articles giving them the same type (not "other"). */
bool
sim_story(bool same_doc, bool same_typed, double cos)
{
	if (same_doc)
		return cos >= CONTENT_MIN_COSINE;
	if (same_typed)
		return cos >= SAME_TYPE_MIN_COSINE;
	return cos >= CONTENT_MIN_COSINE;
}

bool
sim_same_story(const FriseCandidate *a, const FriseCandidate *b, double cos)
{
	return sim_story(a->doc == b->doc, strcmp(a->type, b->type) == 0 && !a->generic_type,
			       cos);
}
