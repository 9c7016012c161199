/*
 * story.c — the timeline's own title (prefix story_; see story.h). The
 * words are folded content words (similarity.h), compared with strcmp, so
 * the choice is the same every run for the same titles.
 */
#include "events/story.h"
#include "events/similarity.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* A title that reads as one: not a cut paragraph, not the file's name. */
static bool
headline_like(const FriseDoc *d)
{
	size_t len = strlen(d->title);
	return len > 0 && len <= STORY_TITLE_MAX && !g_str_has_suffix(d->title, "…") &&
	       (d->name != NULL ? strcmp(d->title, d->name) != 0 : d->id == NULL || strcmp(d->title, d->id) != 0);
}

/* The distinct content words of a title: a new set of strings. */
static GHashTable *
title_words(const FriseDoc *d)
{
	GPtrArray *w = sim_words(d->title, strlen(d->title), d->lang);
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < w->len; i++)
		g_hash_table_add(set, g_strdup(w->pdata[i]));
	g_ptr_array_unref(w);
	return set;
}

char *
story_title(const FriseDoc *docs, size_t n)
{
	if (n == 0)
		return NULL;
	GHashTable **words = g_new0(GHashTable *, n);
	GHashTable *df = g_hash_table_new(g_str_hash, g_str_equal); /* word (borrowed) -> titles */
	bool any_headline = false;
	for (size_t i = 0; i < n; i++) {
		any_headline |= headline_like(&docs[i]);
		words[i] = title_words(&docs[i]);
		GHashTableIter it;
		gpointer w;
		g_hash_table_iter_init(&it, words[i]);
		while (g_hash_table_iter_next(&it, &w, NULL))
			g_hash_table_replace(df, w, GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(df, w)) + 1));
	}
	size_t best = SIZE_MAX;
	double best_score = -1.0;
	for (size_t i = 0; i < n; i++) {
		if (docs[i].title == NULL || *docs[i].title == '\0' || (any_headline && !headline_like(&docs[i])))
			continue;
		double sum = 0.0;
		GHashTableIter it;
		gpointer w;
		g_hash_table_iter_init(&it, words[i]);
		while (g_hash_table_iter_next(&it, &w, NULL))
			sum += GPOINTER_TO_UINT(g_hash_table_lookup(df, w)) - 1.0; /* the other titles */
		guint size = g_hash_table_size(words[i]);
		double score = size > 0 ? sum / sqrt((double)size) : 0.0;
		if (score > best_score) {
			best_score = score;
			best = i;
		}
	}
	g_hash_table_unref(df); /* before the words it borrows */
	for (size_t i = 0; i < n; i++)
		g_hash_table_unref(words[i]);
	g_free(words);
	return best != SIZE_MAX ? g_strdup(docs[best].title) : NULL;
}
