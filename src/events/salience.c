/*
 * salience.c — the score of an event (prefix salience_; see salience.h).
 */
#include "events/salience.h"
#include "core/text.h"
#include "frise/date.h"

#include <math.h>
#include <string.h>

/* Granularity bonus to salience, ORDER GRAN. */
static const double precision_bonus[] = {
	0.0, 0.0, 0.0, 0.2, 0.25, 0.3, 0.3, 0.5, 0.7, 1.0, 1.0, 1.0, 1.0, 1.0,
};

double
salience_of(const FriseEvent *e, const GPtrArray *members)
{
	/* the articles that report it in their own words (a sentence copied
	 * word for word across articles is a site's boilerplate more often
	 * than news) */
	GHashTable *articles = g_hash_table_new(g_direct_hash, g_direct_equal);
	GHashTable *wordings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *quotes = g_hash_table_new(g_str_hash, g_str_equal); /* borrowed from the sources */
	double first_pos = 1.0;
	for (guint i = 0; i < members->len; i++) {
		const FriseCandidate *c = g_ptr_array_index(members, i);
		const FriseSource *src = g_ptr_array_index(e->sources, i);
		g_hash_table_add(articles, GUINT_TO_POINTER(c->doc));
		/* one member: one wording; a quote seen as is needs no folding */
		if (members->len > 1 && g_hash_table_add(quotes, src->quote))
			g_hash_table_add(wordings, text_fold(src->quote, -1));
		if (c->position < first_pos)
			first_pos = c->position;
	}
	guint narticles = members->len == 1 ? 1 : MIN(g_hash_table_size(articles), g_hash_table_size(wordings));
	g_hash_table_unref(articles);
	g_hash_table_unref(wordings);
	g_hash_table_unref(quotes);
	FriseGranularity g = date_granularity(e->value);
	return (double)narticles + 0.05 * (double)(members->len - narticles) +
	       precision_bonus[g < G_N_ELEMENTS(precision_bonus) ? g : 0] +
	       (strcmp(e->type, "other") != 0 ? 0.3 : 0.0) + 0.5 * (1.0 - first_pos);
}

void
salience_add_days(GPtrArray *events, const GPtrArray *cands)
{
	/* a day many articles mention matters, whatever they say of it; the
	 * bonus goes to day-level events ("la nuit de mardi" is one too),
	 * not to each timed entry of a live blog on that day */
	GHashTable *day_docs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < cands->len; i++) {
		const FriseCandidate *c = g_ptr_array_index(cands, i);
		if (date_granularity(c->timex.value) < FRISE_GRAN_DAY)
			continue;
		char *key = g_strdup_printf("%.10s/%u", c->timex.value, c->doc);
		if (!g_hash_table_add(day_docs, key))
			continue;
		char *day = g_strndup(c->timex.value, 10);
		guint cnt = GPOINTER_TO_UINT(g_hash_table_lookup(day_docs, day));
		g_hash_table_replace(day_docs, day, GUINT_TO_POINTER(cnt + 1));
	}
	for (guint i = 0; i < events->len; i++) {
		FriseEvent *e = g_ptr_array_index(events, i);
		FriseGranularity g = date_granularity(e->value);
		if (g != FRISE_GRAN_DAY && g != FRISE_GRAN_PART_OF_DAY)
			continue;
		char *day = g_strndup(e->value, 10);
		e->score += log2(1.0 + GPOINTER_TO_UINT(g_hash_table_lookup(day_docs, day)));
		g_free(day);
	}
	g_hash_table_unref(day_docs);
}
