/*
 * estimate.c — a publication date for an undated article, from the dated
 * ones (prefix estimate_; see estimate.h): the events it shares with them
 * are strong evidence, the corpus's own dates weak evidence.
 */
#include "events/estimate.h"
#include "events/similarity.h"
#include "core/lang.h"
#include "core/text.h"
#include "frise/date.h"

#include <string.h>


/* ISO weekday (1 = Monday) named by a weekday expression, or 0. */
static int
weekday_of(const FriseDoc *d, const FriseTimex *t)
{
	const char *v = t->value;
	if (strncmp(v, "XXXX-WXX-", 9) == 0 && v[9] >= '1' && v[9] <= '7' && v[10] == '\0')
		return v[9] - '0';
	char *f = text_fold(d->text + t->start, (gssize)(t->end - t->start));
	int wd = 0;
	const LangWords *days = lang_list(d->lang, LANG_WEEKDAYS); /* Monday first: ISO weekday = index + 1 */
	for (guint i = 0; i < days->n && i < 7 && wd == 0; i++)
		if (strstr(f, days->items[i]) != NULL)
			wd = (int)i + 1;
	g_free(f);
	return wd;
}

/* The value a partial expression takes if it names (part of) the
 * anchored date `a`: "XXXX-02-15" + "2024-02" -> "2024-02-15"; a weekday
 * + "2024-11-26" (a Tuesday) -> "2024-11-26". NULL when it does not fit.
 * Sets *deictic for a weekday. */
static char *
refine(const FriseDoc *d, const FriseTimex *t, const char *a, bool *deictic)
{
	*deictic = false;
	int wd = weekday_of(d, t);
	if (wd > 0) {
		if (date_granularity(a) != FRISE_GRAN_DAY)
			return NULL;
		GDate s, e;
		if (!date_span(a, "", &s, &e) || (int)g_date_get_weekday(&s) != wd)
			return NULL;
		*deictic = true;
		return g_strndup(a, 10);
	}
	if (strncmp(t->value, "XXXX", 4) != 0 || strchr(t->value + 4, 'X') != NULL)
		return NULL;
	GDate s, e;
	if (!date_span(a, "", &s, &e))
		return NULL;
	int y0 = g_date_get_year(&s);
	g_date_subtract_days(&e, 1);
	int y1 = g_date_get_year(&e);
	for (int y = y0; y <= y1; y++) {
		char *v = g_strdup_printf("%04d%s", y, t->value + 4);
		if (date_is_anchored(v) && (date_contains(a, v) || date_contains(v, a)))
			return v;
		g_free(v);
	}
	return NULL;
}

/* The year of an anchored value, 0 for any other. */
static int
year_of(const char *v)
{
	FriseDateParts p;
	return date_parse(v, &p) && p.anchored ? p.year : 0;
}

void
estimate_clear(FriseEstimate *e)
{
	g_free(e->value);
	g_free(e->evidence);
	if (e->resolved != NULL)
		g_hash_table_unref(e->resolved);
	memset(e, 0, sizeof *e);
}

void
estimate_of(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *tp,
		 FriseEstimate *out)
{
	GPtrArray **dated = candidates_find_each(docs, ndocs, tp, true, true);
	estimate_with(docs, ndocs, index, tp, dated, out);
	candidates_each_free(dated, ndocs);
}

void
estimate_with(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *tp,
		      GPtrArray *const *dated, FriseEstimate *out)
{
	memset(out, 0, sizeof *out);
	out->resolved = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	/* the others' sets are borrowed; this article's own is all its
	 * candidates, unanchored ones too */
	GPtrArray **sets = g_new0(GPtrArray *, MAX(ndocs, 1));
	for (guint j = 0; j < ndocs; j++)
		sets[j] = j == index ? candidates_find(docs, j, tp, false) : dated[j];
	SimLexicon lx = sim_lexicon_new(sets, ndocs);
	double n = 0;
	for (guint j = 0; j < ndocs; j++)
		n += sets[j]->len;
	GHashTable *years = g_hash_table_new(g_direct_hash, g_direct_equal); /* year -> count */
	GHashTable *vecs = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, sim_vec_free);
	int own_year = 0, strong_year = 0;
	char *deictic_day = NULL, *strong_best = NULL;
	const char *strong_doc = NULL, *deictic_doc = NULL;
	double *best_cos = NULL;
	GPtrArray *mine = sets[index];
	best_cos = g_new0(double, mine->len);
	for (guint i = 0; i < mine->len; i++) {
		FriseCandidate *c = g_ptr_array_index(mine, i);
		if (date_is_anchored(c->timex.value)) {
			if (c->status == FRISE_STATUS_HAPPENED && year_of(c->timex.value) > own_year)
				own_year = year_of(c->timex.value);
			continue;
		}
		SimVec vc = sim_vec(c, &lx, n);
		for (guint j = 0; j < ndocs; j++) {
			if (j == index)
				continue;
			for (guint k = 0; k < sets[j]->len; k++) {
				FriseCandidate *o = g_ptr_array_index(sets[j], k);
				bool deictic;
				char *r = refine(&docs[index], &c->timex, o->timex.value, &deictic);
				if (r == NULL)
					continue;
				int y = year_of(r);
				g_hash_table_insert(years, GINT_TO_POINTER(y),
						    GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(years, GINT_TO_POINTER(y))) + 1));
				SimVec *vo = g_hash_table_lookup(vecs, o);
				if (vo == NULL) {
					vo = g_new(SimVec, 1);
					*vo = sim_vec(o, &lx, n);
					g_hash_table_insert(vecs, o, vo);
				}
				double cos = sim_cos(&vc, vo);
				if (!sim_same_story(c, o, cos) || cos < best_cos[i]) {
					g_free(r);
					continue;
				}
				best_cos[i] = cos + 1e-9;
				if (deictic && (deictic_day == NULL || strcmp(r, deictic_day) > 0)) {
					g_free(deictic_day);
					deictic_day = g_strdup(r);
					deictic_doc = docs[j].id;
				}
				if (y >= strong_year) {
					strong_year = y;
					g_free(strong_best);
					strong_best = g_strdup(o->timex.value);
					strong_doc = docs[j].id;
				}
				g_hash_table_replace(out->resolved, GUINT_TO_POINTER((guint)c->timex.start), r);
			}
		}
		sim_vec_clear(&vc);
	}
	/* the corpus's own dates count as weak evidence of its years */
	for (guint j = 0; j < ndocs; j++)
		if (j != index && docs[j].published != NULL && date_is_anchored(docs[j].published)) {
			int y = year_of(docs[j].published);
			g_hash_table_insert(years, GINT_TO_POINTER(y),
					    GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(years, GINT_TO_POINTER(y))) + 1));
		}
	int weak_year = 0, weak_count = 0;
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, years);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		int y = GPOINTER_TO_INT(k), cnt = GPOINTER_TO_INT(v);
		if (cnt > weak_count || (cnt == weak_count && y > weak_year)) {
			weak_year = y;
			weak_count = cnt;
		}
	}
	if (deictic_day != NULL && year_of(deictic_day) >= own_year && year_of(deictic_day) >= strong_year) {
		out->value = g_strdup(deictic_day);
		out->precision = FRISE_GRAN_DAY;
		out->evidence = g_strdup_printf("it names by its weekday an event that %s dates %s",
						deictic_doc, deictic_day);
	} else if (strong_year > 0 || own_year > 0) {
		int y = MAX(strong_year, own_year);
		out->value = g_strdup_printf("%04d", y);
		out->precision = FRISE_GRAN_YEAR;
		if (strong_year >= own_year)
			out->evidence = g_strdup_printf("it reports an event that %s dates %s", strong_doc,
							strong_best);
		else
			out->evidence = g_strdup_printf("it mentions %d", own_year);
	} else if (weak_year > 0) {
		out->value = g_strdup_printf("%04d", weak_year);
		out->precision = FRISE_GRAN_YEAR;
		out->evidence = g_strdup_printf("the other articles' dates are mostly in %d", weak_year);
	} else {
		out->evidence = g_strdup("no dated article to compare it with");
	}
	g_free(deictic_day);
	g_free(strong_best);
	g_free(best_cos);
	g_hash_table_unref(years);
	g_hash_table_unref(vecs);
	sim_lexicon_clear(&lx);
	g_ptr_array_unref(sets[index]);
	g_free(sets);
}
