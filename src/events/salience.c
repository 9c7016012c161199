/*
 * salience.c — the score of an event and its rank for a top N (prefix
 * salience_; see salience.h). Every factor is computed here, once, and
 * written into the event's `why` with its value, so that `frise events
 * --explain` says where a score comes from.
 */
#include "events/salience.h"
#include "core/text.h"
#include "frise/date.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Granularity bonus to salience, ORDER GRAN. */
static const double precision_bonus[] = {
	0.0, 0.0, 0.0, 0.2, 0.25, 0.3, 0.3, 0.5, 0.7, 1.0, 1.0, 1.0, 1.0, 1.0,
};

#define REPEAT_WEIGHT 0.05 /* per mention beyond the articles' own words */
#define TYPED_BONUS 0.3    /* a type of its own */
#define LEAD_WEIGHT 0.5    /* times (1 - where it starts in its article) */
#define UNTOLD_WEIGHT 0.5  /* the whole score of an event no clause tells a happening of
			      (a stripped sentence, a remark: "X was the only one…",
			      "I think…", "hadn't said a word"): a happening of its day,
			      told by fewer articles, goes before it */
/* the whole score by status, ORDER STATUS: planned and uncertain things
 * count less than what happened */
static const double status_weight[] = { 1.0, 0.8, 0.6 };

void
salience_factors(const FriseEvent *e, const GPtrArray *members, SalienceFactors *out)
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
	memset(out, 0, sizeof *out);
	out->articles = members->len == 1 ? 1 : MIN(g_hash_table_size(articles), g_hash_table_size(wordings));
	out->repeats = members->len - out->articles;
	out->precision = date_granularity(e->value);
	out->typed = strcmp(e->type, "other") != 0;
	out->first = first_pos;
	out->status = e->status;
	out->told = false;
	for (guint i = 0; i < members->len; i++)
		out->told |= !((const FriseCandidate *)g_ptr_array_index(members, i))->weak_title;
	g_hash_table_unref(articles);
	g_hash_table_unref(wordings);
	g_hash_table_unref(quotes);
}

void
salience_score(GPtrArray *events, SalienceFactors *factors, const GPtrArray *cands)
{
	/* the bonus goes to day-level events ("la nuit de mardi" is one too),
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
		SalienceFactors *f = &factors[i];
		/* the date as it is now: a user's date counts */
		f->precision = date_granularity(e->value);
		f->day_articles = 0;
		if (f->precision == FRISE_GRAN_DAY || f->precision == FRISE_GRAN_PART_OF_DAY) {
			char *day = g_strndup(e->value, 10);
			f->day_articles = GPOINTER_TO_UINT(g_hash_table_lookup(day_docs, day));
			g_free(day);
		}
		FriseGranularity g = (size_t)f->precision < G_N_ELEMENTS(precision_bonus) ? f->precision : FRISE_GRAN_NONE;
		double parts[] = {
			(double)f->articles,
			REPEAT_WEIGHT * f->repeats,
			precision_bonus[g],
			f->typed ? TYPED_BONUS : 0.0,
			LEAD_WEIGHT * (1.0 - f->first),
			f->day_articles > 0 ? log2(1.0 + f->day_articles) : 0.0,
		};
		double sum = 0;
		for (size_t k = 0; k < G_N_ELEMENTS(parts); k++)
			sum += parts[k];
		f->status = e->status; /* the user may have changed nothing of it: as merged */
		double by_status = (unsigned)f->status < G_N_ELEMENTS(status_weight) ? status_weight[f->status] : 1.0;
		double by_told = f->told ? 1.0 : UNTOLD_WEIGHT;
		e->score = sum * by_status * by_told;
		g_free(e->why);
		e->why = g_strdup_printf("(%u article%s in their own words +%.2f, %u more mention%s +%.2f, "
					 "precision %s +%.2f, %s +%.2f, earliest mention at %.0f%% of its article "
					 "+%.2f, %u article%s naming its day +%.2f) × %s %.1f × %s %.1f = %.3f",
					 f->articles, f->articles == 1 ? "" : "s", parts[0], f->repeats,
					 f->repeats == 1 ? "" : "s", parts[1], date_granularity_name(f->precision),
					 parts[2], f->typed ? "a type of its own" : "no type", parts[3],
					 100.0 * f->first, parts[4], f->day_articles, f->day_articles == 1 ? "" : "s",
					 parts[5], event_status_name(f->status), by_status,
					 f->told ? "a clause tells a happening" : "no clause tells a happening", by_told, e->score);
	}
	g_hash_table_unref(day_docs);
}

/* An event as salience_rank() orders the events of one day. */
typedef struct {
	FriseEvent *e;
	guint order;     /* date order */
	guint64 first;   /* its earliest source: article index, then byte */
} Ranked;

static gint
cmp_ranked(gconstpointer pa, gconstpointer pb)
{
	const Ranked *a = pa, *b = pb;
	int day = strncmp(a->e->value, b->e->value, 10);
	if (day != 0)
		return day;
	if (a->e->score != b->e->score)
		return a->e->score > b->e->score ? -1 : 1;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

void
salience_rank(GPtrArray *events, const FriseDoc *docs, guint ndocs)
{
	GHashTable *doc_of = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < ndocs; i++)
		g_hash_table_insert(doc_of, (gpointer)docs[i].id, GUINT_TO_POINTER(i + 1));
	GArray *visible = g_array_new(FALSE, FALSE, sizeof(Ranked));
	for (guint i = 0; i < events->len; i++) {
		FriseEvent *e = g_ptr_array_index(events, i);
		e->rank = e->score;
		if (e->hidden)
			continue;
		Ranked r = { e, i, UINT64_MAX };
		for (guint k = 0; k < e->sources->len; k++) {
			const FriseSource *s = g_ptr_array_index(e->sources, k);
			guint d = GPOINTER_TO_UINT(g_hash_table_lookup(doc_of, s->article));
			guint64 first = d == 0 ? UINT64_MAX : (guint64)(d - 1) << 40 | MIN(s->start, (1ULL << 40) - 1);
			r.first = MIN(r.first, first);
		}
		g_array_append_val(visible, r);
	}
	g_array_sort(visible, cmp_ranked);
	guint nth = 0;
	for (guint i = 0; i < visible->len; i++) {
		Ranked *r = &g_array_index(visible, Ranked, i);
		if (i > 0 && strncmp(r->e->value, g_array_index(visible, Ranked, i - 1).e->value, 10) == 0)
			nth++;
		else
			nth = 0;
		r->e->rank = r->e->score / (1.0 + nth);
	}
	g_array_unref(visible);
	g_hash_table_unref(doc_of);
}
