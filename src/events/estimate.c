/*
 * estimate.c — a publication date for an undated article, from its own
 * words and from the dated articles (prefix estimate_; see estimate.h).
 *
 * estimate_in() runs these phases in order on one Est (estimate_private.h):
 *   1. estimate_observe() (estimate_observe.c): the article's candidates (its dated sentences, year-less
 *      and relative ones too) and its undated sentences, each with the
 *      tense of the clause its date dates (core/clause.h, attribution.h);
 *      the tagger, asked about two probe dates, says what each relative
 *      expression is ("la semaine dernière": a week before the article).
 *   2. estimate_match() (estimate_match.c): each observation against the
 *      corpus's candidates (the dated articles', and those of articles
 *      estimated already, in an EstimatePool): the best one telling the
 *      same story turns it into clues.
 *   3. own_dates(): dates with a year it gives itself bound it by tense.
 *   4. combine():  a first pick; place_yearless() then puts its year-less
 *      dates ("le 24 mars") in the year of that pick and they bound it too;
 *      combine() again; describe() says why.
 *
 * Clues: NEAR points at days where the article's date likely is, with a
 * weight; AFTER and BEFORE are bounds. A hard bound comes from the
 * article's own words and is never crossed (but a future it announces
 * before a date it reports as past is a contradiction, and left out); a
 * soft one comes from a shared story and holds unless the NEAR evidence
 * before (after) it weighs more. Within the bounds, the NEAR weights make
 * a density over days (each clue spread evenly over its days): the
 * estimate is the smallest period — a day, an ISO week, a month, a year —
 * that holds most of the density's peak and at least half the weight.
 *
 * Days are Julian day numbers (GDate's), spans [lo, hi) end-exclusive:
 * "2024-03" is lo = 2024-03-01, hi = 2024-04-01. Every function here
 * reads its arguments only and may run on any thread.
 *
 * This file: phases 3 and 4, describe(), the API (estimate_in(),
 * estimate_of(), estimate_with(), estimate_clear()) and the tagging of a
 * week-dated article (estimate_dcts(), estimate_week_timexes()). The
 * tuning constants and the Day, Clue, Obs and Est types are in
 * estimate_private.h.
 */
#include "events/estimate_private.h"
#include "core/clause.h"
#include "frise/date.h"
#include "frise/timex.h"

#include <string.h>
static void
clue_clear(gpointer p)
{
	g_free(((Clue *)p)->why);
}

static void
obs_clear(gpointer p)
{
	g_free(((Obs *)p)->resolved);
}

/* ---- 3. its own dates ---- */

/* The clues of the article's own date `value` (a year it gives, or one
 * the estimate gave it), by the tense of its clause. */
static void
clues_of_own(Est *e, const Obs *o, const char *value, const char *how)
{
	Day lo, hi;
	if (!value_days(value, o->c->timex.mod, &lo, &hi)) {
		/* "depuis mars" is ON_OR_AFTER: its start still bounds */
		DateDays dd;
		date_days(value, "", &dd);
		if (!(o->since && dd.has_days))
			return;
		lo = dd.lo, hi = dd.hi;
	}
	const char *said = title_of(o->c);
	if (o->since)
		add_clue(e, CLUE_AFTER, true, lo, hi,
			 1, g_strdup_printf("it reports « %s » as going on since %s%s", said, value, how));
	else if (o->tense == FRISE_TENSE_PAST)
		add_clue(e, CLUE_AFTER, true, lo, hi, 1,
			 g_strdup_printf("it reports as past « %s » of %s%s", said, value, how));
	else if (o->tense == FRISE_TENSE_FUTURE && o->mood == CLAUSE_MOOD_INDICATIVE)
		add_clue(e, CLUE_BEFORE, true, lo, hi, 1,
			 g_strdup_printf("it reports as planned « %s » of %s%s", said, value, how));
	else if (o->tense == FRISE_TENSE_FUTURE && o->mood == CLAUSE_MOOD_MODAL)
		add_clue(e, CLUE_BEFORE, false, lo, hi, W_MODAL,
			 g_strdup_printf("it reports as expected « %s » of %s%s", said, value, how));
}

static void
own_dates(Est *e)
{
	for (guint i = 0; i < e->obs->len; i++) {
		const Obs *o = &g_array_index(e->obs, Obs, i);
		if (o->kind == OBS_ANCHORED)
			clues_of_own(e, o, o->c->timex.value, "");
	}
}

/* ---- 4. combine ---- */

typedef struct {
	bool ok;
	Unit unit;
	Day lo, hi;          /* the period picked */
	Day wlo, whi;        /* the bounds within which it was picked: 0 and NO_DAY for none */
	gint lclue, hclue;   /* the clues that set them, or -1 */
	gint recency;        /* the recency clue, or -1 */
	GArray *dropped;     /* guint: clues left out as contradictions */
	bool weak;           /* only the corpus's years said it */
	int weak_year;
} Pick;

static bool
is_dropped(const Pick *k, guint i)
{
	for (guint j = 0; j < k->dropped->len; j++)
		if (g_array_index(k->dropped, guint, j) == i)
			return true;
	return false;
}

/* The NEAR weight within [a, b), each clue spread over its days. */
static double
mass_in(const Est *e, const Pick *k, Day a, Day b)
{
	double m = 0;
	for (guint i = 0; i < e->clues->len; i++) {
		const Clue *c = &g_array_index(e->clues, Clue, i);
		if (c->kind != CLUE_NEAR || is_dropped(k, i))
			continue;
		Day lo = MAX(c->lo, a), hi = MIN(c->hi, b);
		if (lo < hi)
			m += c->w * (double)(hi - lo) / (double)(c->hi - c->lo);
	}
	return m;
}

/* The NEAR weight of the clues other than "soon after" that lie wholly
 * within [a, b): what a bound at a or b would rule out. */
static double
story_mass_within(const Est *e, const Pick *k, Day a, Day b)
{
	double m = 0;
	for (guint i = 0; i < e->clues->len; i++) {
		const Clue *c = &g_array_index(e->clues, Clue, i);
		if (c->kind == CLUE_NEAR && !c->recency && !is_dropped(k, i) && a <= c->lo && c->hi <= b)
			m += c->w;
	}
	return m;
}

/* The NEAR weight of the clues that are not "soon after" within [a, b). */
static double
story_mass_in(const Est *e, const Pick *k, Day a, Day b)
{
	double m = 0;
	for (guint i = 0; i < e->clues->len; i++) {
		const Clue *c = &g_array_index(e->clues, Clue, i);
		if (c->kind != CLUE_NEAR || c->recency || is_dropped(k, i))
			continue;
		Day lo = MAX(c->lo, a), hi = MIN(c->hi, b);
		if (lo < hi)
			m += c->w * (double)(hi - lo) / (double)(c->hi - c->lo);
	}
	return m;
}

static int
cmp_clue_lo_desc(gconstpointer a, gconstpointer b, gpointer data)
{
	const Clue *c = data;
	const Clue *x = &c[*(const guint *)a], *y = &c[*(const guint *)b];
	return x->lo != y->lo ? (x->lo < y->lo ? 1 : -1) : (*(const guint *)a > *(const guint *)b) - (*(const guint *)a < *(const guint *)b);
}

static int
cmp_clue_hi_asc(gconstpointer a, gconstpointer b, gpointer data)
{
	const Clue *c = data;
	const Clue *x = &c[*(const guint *)a], *y = &c[*(const guint *)b];
	return x->hi != y->hi ? (x->hi < y->hi ? -1 : 1) : (*(const guint *)a > *(const guint *)b) - (*(const guint *)a < *(const guint *)b);
}

/* The bounds: hard ones, the contradicted futures left out; the corpus's
 * span; soft ones that the NEAR evidence they rule out (wholly beyond
 * them) does not outweigh. */
static void
bounds(Est *e, Pick *k)
{
	Clue *cl = (Clue *)e->clues->data;
	Day L = 0, H = NO_DAY;
	for (guint i = 0; i < e->clues->len; i++)
		if (cl[i].kind == CLUE_AFTER && cl[i].hard && cl[i].lo > L)
			L = cl[i].lo, k->lclue = (gint)i;
	for (guint i = 0; i < e->clues->len; i++) {
		if (cl[i].kind != CLUE_BEFORE || !cl[i].hard)
			continue;
		if (cl[i].hi <= L) {
			/* announced for a date before one it reports as past */
			g_array_append_val(k->dropped, i);
			continue;
		}
		if (cl[i].hi < H)
			H = cl[i].hi, k->hclue = (gint)i;
	}
	k->wlo = L, k->whi = H;
	if (e->corpus) {
		Day slo = e->corpus_lo > CORPUS_MARGIN ? e->corpus_lo - CORPUS_MARGIN : 0;
		Day shi = e->corpus_hi + CORPUS_MARGIN;
		if (L < shi && slo > L)
			k->wlo = slo, k->lclue = -1;
		if (H > slo && shi < H)
			k->whi = shi, k->hclue = -1;
		if (k->wlo >= k->whi)
			k->wlo = L, k->whi = H;
	}
	/* soft bounds, the latest AFTER first */
	GArray *order = g_array_new(FALSE, FALSE, sizeof(guint));
	for (guint i = 0; i < e->clues->len; i++)
		if (cl[i].kind == CLUE_AFTER && !cl[i].hard && cl[i].lo > k->wlo && cl[i].lo < k->whi)
			g_array_append_val(order, i);
	g_array_sort_with_data(order, cmp_clue_lo_desc, cl);
	for (guint q = 0; q < order->len; q++) {
		guint i = g_array_index(order, guint, q);
		if (cl[i].w > story_mass_within(e, k, k->wlo, cl[i].lo)) {
			k->wlo = cl[i].lo, k->lclue = (gint)i;
			break;
		}
	}
	g_array_set_size(order, 0);
	for (guint i = 0; i < e->clues->len; i++)
		if (cl[i].kind == CLUE_BEFORE && !cl[i].hard && cl[i].hi < k->whi && cl[i].hi > k->wlo)
			g_array_append_val(order, i);
	g_array_sort_with_data(order, cmp_clue_hi_asc, cl);
	for (guint q = 0; q < order->len; q++) {
		guint i = g_array_index(order, guint, q);
		if (cl[i].w > story_mass_within(e, k, cl[i].hi, k->whi)) {
			k->whi = cl[i].hi, k->hclue = (gint)i;
			break;
		}
	}
	g_array_unref(order);
}

/* The year most dated articles have within [a, b), or 0. */
static int
weak_year(const Est *e, Day a, Day b)
{
	int best = 0, count = 0;
	GHashTableIter it;
	gpointer ky, v;
	g_hash_table_iter_init(&it, e->years);
	while (g_hash_table_iter_next(&it, &ky, &v)) {
		int y = GPOINTER_TO_INT(ky), c = GPOINTER_TO_INT(v);
		if (day_of(1, 1, y + 1) <= a || (b != NO_DAY && day_of(1, 1, y) >= b))
			continue;
		if (c > count || (c == count && y > best))
			best = y, count = c;
	}
	return best;
}

/* No NEAR weight within the bounds: the corpus's year, or the bounds'. */
static void
pick_without_near(const Est *e, Pick *k)
{
	int y = weak_year(e, k->wlo, k->whi);
	if (y > 0) {
		k->ok = k->weak = true;
		k->weak_year = y;
		k->unit = UNIT_YEAR;
		period_of(UNIT_YEAR, MAX(day_of(1, 1, y), k->wlo), &k->lo, &k->hi);
		return;
	}
	Day at = k->wlo > 0 ? k->wlo : k->whi != NO_DAY ? k->whi - 1 : 0;
	if (at == 0)
		return;
	k->ok = true;
	for (Unit u = UNIT_DAY; u < UNIT_COUNT; u++) {
		period_of(u, at, &k->lo, &k->hi);
		k->unit = u;
		if (k->wlo > 0 && k->whi != NO_DAY && k->lo <= k->wlo && k->whi <= k->hi)
			return;
	}
	period_of(UNIT_YEAR, at, &k->lo, &k->hi);
	k->unit = UNIT_YEAR;
}

static Pick
combine(Est *e)
{
	Pick k = { .lclue = -1, .hclue = -1, .recency = -1, .dropped = g_array_new(FALSE, FALSE, sizeof(guint)) };
	/* the recency clue of an earlier pick goes: the bounds may move */
	for (guint i = e->clues->len; i > 0; i--)
		if (g_array_index(e->clues, Clue, i - 1).recency)
			g_array_remove_index(e->clues, i - 1);
	bounds(e, &k);
	if (k.lclue >= 0 && g_array_index(e->clues, Clue, (guint)k.lclue).hi <= g_array_index(e->clues, Clue, (guint)k.lclue).lo + 7 &&
	    story_mass_in(e, &k, g_array_index(e->clues, Clue, (guint)k.lclue).lo, k.whi) < W_RECENT) {
		/* soon after the latest happening it reports as past, when it
		 * gives its day or week ("soon after February" is no month), and
		 * unless other evidence says where after it */
		const Clue *l = &g_array_index(e->clues, Clue, (guint)k.lclue);
		Clue r = { CLUE_NEAR, false, true, l->lo, l->hi + RECENT_DAYS, W_RECENT,
			   g_strdup("a report is written soon after the latest happening it tells as past") };
		g_array_append_val(e->clues, r);
		k.recency = (gint)e->clues->len - 1;
	}
	/* the density over the days NEAR clues point at within the bounds */
	Day a = NO_DAY, b = 0;
	for (guint i = 0; i < e->clues->len; i++) {
		const Clue *c = &g_array_index(e->clues, Clue, i);
		if (c->kind != CLUE_NEAR || is_dropped(&k, i))
			continue;
		Day lo = MAX(c->lo, k.wlo), hi = MIN(c->hi, k.whi);
		if (lo < hi)
			a = MIN(a, lo), b = MAX(b, hi);
	}
	if (a >= b || b - a > MAX_DAYS) {
		pick_without_near(e, &k);
		return k;
	}
	double *dens = g_new0(double, b - a + 1);
	for (guint i = 0; i < e->clues->len; i++) {
		const Clue *c = &g_array_index(e->clues, Clue, i);
		if (c->kind != CLUE_NEAR || is_dropped(&k, i))
			continue;
		Day lo = MAX(c->lo, a), hi = MIN(c->hi, b);
		if (lo >= hi)
			continue;
		double per = c->w / (double)(c->hi - c->lo);
		dens[lo - a] += per;
		dens[hi - a] -= per;
	}
	double top = 0, run = 0;
	Day peak = a;
	for (Day t = a; t < b; t++) {
		run += dens[t - a];
		dens[t - a] = run;
		if (run > top + 1e-12)
			top = run, peak = t;
	}
	Day rlo = peak, rhi = peak + 1;
	while (rlo > a && dens[rlo - 1 - a] >= PEAK * top)
		rlo--;
	while (rhi < b && dens[rhi - a] >= PEAK * top)
		rhi++;
	g_free(dens);
	double total = mass_in(e, &k, a, b);
	for (Unit u = UNIT_DAY; u < UNIT_COUNT && !k.ok; u++) {
		/* the period of u that holds most of the peak */
		Day best_lo = 0, best_hi = 0, cover = 0;
		for (Day t = rlo; t < rhi;) {
			Day lo, hi;
			period_of(u, t, &lo, &hi);
			Day c = MIN(hi, rhi) - MAX(lo, rlo);
			if (c > cover || (c == cover && lo <= peak && peak < hi))
				cover = c, best_lo = lo, best_hi = hi;
			t = hi;
		}
		if ((double)cover >= COVER * (double)(rhi - rlo) && mass_in(e, &k, best_lo, best_hi) >= SHARE * total) {
			k.ok = true;
			k.unit = u;
			k.lo = best_lo, k.hi = best_hi;
		}
	}
	if (!k.ok) {
		k.ok = true;
		k.unit = UNIT_YEAR;
		period_of(UNIT_YEAR, peak, &k.lo, &k.hi);
	}
	return k;
}

/* ---- year-less dates, in the year of a first pick ---- */

/* The occurrence of a year-less value ("XXXX-03-24") in year y: a new string. */
static char *
in_year(const char *value, int y)
{
	char *v = g_strdup_printf("%04d%s", y, value + 4);
	if (!date_is_anchored(v))
		g_clear_pointer(&v, g_free);
	return v;
}

static void
place_yearless(Est *e, const Pick *k)
{
	for (guint i = 0; i < e->obs->len; i++) {
		const Obs *o = &g_array_index(e->obs, Obs, i);
		const char *v = o->c->timex.value;
		char *at = NULL;
		if (o->kind == OBS_RELYEAR) {
			at = in_year(v, year_of_day(k->lo + (k->hi - k->lo) / 2) + o->yshift);
		} else if (o->kind == OBS_YEARLESS) {
			bool past = o->since || o->tense == FRISE_TENSE_PAST || o->yshift < 0;
			bool future = !past && (o->tense == FRISE_TENSE_FUTURE || o->yshift > 0);
			if (!past && !future && k->unit == UNIT_YEAR)
				continue; /* which occurrence is near a year's pick? */
			int y = year_of_day(past ? k->hi - 1 : k->lo);
			Day lo, hi;
			for (int step = 0; step < (o->wd > 0 ? 12 : 3) && at == NULL; step++) {
				/* past: the latest that began before the pick ends,
				 * or not well after it (the tagger's rule: the pick
				 * may be early); future: the first that ends after it
				 * begins, or not well before; else the pick's year */
				int yy = past ? y - step : future ? y + step : y + (step % 2 ? -(step + 1) / 2 : step / 2);
				char *c = in_year(v, yy);
				if (c != NULL && value_days(c, o->c->timex.mod, &lo, &hi) && estimate_fits_weekday(o, lo, hi) &&
				    ((past && lo < k->hi + WELL_AFTER) || (future && hi + WELL_AFTER > k->lo) || (!past && !future)))
					at = c;
				else
					g_free(c);
			}
		}
		if (at != NULL) {
			Obs placed = *o;
			if (o->yshift < 0 && o->tense == FRISE_TENSE_NONE)
				placed.tense = FRISE_TENSE_PAST; /* "mars dernier" */
			clues_of_own(e, &placed, at, ", in the year of the other evidence");
			g_free(at);
		}
	}
}

/* ---- evidence ---- */

/* How a bound's day reads: the value of its clue's days. */
static char *
day_text(Day d)
{
	return period_value(UNIT_DAY, d);
}

static int
cmp_mass_desc(gconstpointer a, gconstpointer b)
{
	const double *x = a, *y = b;
	return x[0] != y[0] ? (x[0] < y[0] ? 1 : -1) : (x[1] > y[1]) - (x[1] < y[1]);
}

static char *
describe(const Est *e, const Pick *k)
{
	GString *s = g_string_new(NULL);
	const Clue *cl = (const Clue *)e->clues->data;
	if (k->weak) {
		g_string_append_printf(s, "the other articles' dates are mostly in %d", k->weak_year);
	} else {
		/* the NEAR clues by their weight in the period picked */
		GArray *by = g_array_new(FALSE, FALSE, sizeof(double) * 2);
		for (guint i = 0; i < e->clues->len; i++) {
			if (cl[i].kind != CLUE_NEAR || is_dropped(k, i))
				continue;
			Day lo = MAX(cl[i].lo, k->lo), hi = MIN(cl[i].hi, k->hi);
			if (lo >= hi)
				continue;
			double row[2] = { cl[i].w * (double)(hi - lo) / (double)(cl[i].hi - cl[i].lo), (double)i };
			g_array_append_vals(by, row, 1);
		}
		g_array_sort(by, cmp_mass_desc);
		for (guint q = 0; q < by->len && q < 3; q++) {
			const Clue *c = &cl[(guint)((double *)by->data)[2 * q + 1]];
			if (c->recency && k->lclue >= 0)
				continue; /* said with the bound */
			bool again = false; /* one sentence matched by several of its dates */
			for (guint r = 0; r < q && !again; r++)
				again = strcmp(cl[(guint)((double *)by->data)[2 * r + 1]].why, c->why) == 0;
			if (again)
				continue;
			g_string_append_printf(s, "%s%s", s->len ? "; " : "", c->why);
		}
		g_array_unref(by);
	}
	if (k->lclue >= 0) {
		char *d = day_text(cl[k->lclue].lo);
		g_string_append_printf(s, "%safter %s: %s", s->len ? "; " : "", d, cl[k->lclue].why);
		if (k->recency >= 0 && k->unit <= UNIT_MONTH)
			g_string_append(s, ", and a report is written soon after the latest happening it tells as past");
		g_free(d);
	}
	if (k->hclue >= 0) {
		char *d = day_text(cl[k->hclue].hi - 1);
		g_string_append_printf(s, "%sby %s: %s", s->len ? "; " : "", d, cl[k->hclue].why);
		g_free(d);
	}
	for (guint j = 0; j < k->dropped->len; j++)
		g_string_append_printf(s, "%sleft out, as its past reports contradict it: %s", s->len ? "; " : "",
				       cl[g_array_index(k->dropped, guint, j)].why);
	return g_string_free(s, FALSE);
}

/* ---- the API ---- */

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
estimate_of(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *tp, FriseEstimate *out)
{
	GPtrArray **dated = candidates_find_each(docs, ndocs, tp, true, true);
	estimate_with(docs, ndocs, index, tp, dated, out);
	candidates_each_free(dated, ndocs);
}

void
estimate_with(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *tp, GPtrArray *const *dated,
	      FriseEstimate *out)
{
	EstimatePool *pool = estimate_pool_new(docs, ndocs, dated, NULL, NULL);
	EstimateContext cx = { .pool = pool };
	estimate_in(docs, ndocs, index, tp, &cx, out);
	estimate_pool_free(pool);
}

/* The corpus's own dates: their span and their years. */
static void
corpus_dates(Est *e)
{
	for (guint j = 0; j < e->ndocs; j++) {
		Day lo, hi;
		const char *p = e->docs[j].published;
		if (j == e->index || p == NULL || !value_days(p, "", &lo, &hi))
			continue;
		e->corpus_lo = e->corpus ? MIN(e->corpus_lo, lo) : lo;
		e->corpus_hi = e->corpus ? MAX(e->corpus_hi, hi) : hi;
		e->corpus = true;
		gpointer y = GINT_TO_POINTER(year_of_day(lo));
		g_hash_table_insert(e->years, y, GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(e->years, y)) + 1));
	}
}

void
estimate_in(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *tp, const EstimateContext *cx,
	    FriseEstimate *out)
{
	memset(out, 0, sizeof *out);
	out->resolved = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	Est e = { docs, ndocs, index, &docs[index], tp, cx, NULL,
		  g_array_new(FALSE, TRUE, sizeof(Obs)), g_array_new(FALSE, TRUE, sizeof(Clue)), false, 0, 0,
		  g_hash_table_new(g_direct_hash, g_direct_equal) };
	g_array_set_clear_func(e.obs, obs_clear);
	g_array_set_clear_func(e.clues, clue_clear);
	corpus_dates(&e);
	estimate_observe(&e);
	estimate_match(&e);
	own_dates(&e);
	Pick k = combine(&e);
	if (k.ok) {
		/* its year-less dates in the year of that pick, then again */
		guint before = e.clues->len;
		place_yearless(&e, &k);
		if (e.clues->len > before) {
			g_array_unref(k.dropped);
			k = combine(&e);
		}
	}
	if (k.ok) {
		out->value = period_value(k.unit, k.lo);
		out->precision = unit_gran[k.unit];
		out->evidence = describe(&e, &k);
		/* what the evidence resolved, where the pick agrees */
		for (guint i = 0; i < e.obs->len; i++) {
			Obs *o = &g_array_index(e.obs, Obs, i);
			if (o->resolved == NULL)
				continue;
			bool fits_pick = o->kind == OBS_WEEKDAY ? o->rlo + 7 > k.lo && o->rlo < k.hi : o->rlo < k.hi;
			if (fits_pick)
				g_hash_table_replace(out->resolved, GUINT_TO_POINTER((guint)o->c->timex.start),
						     g_strdup(o->resolved));
		}
	} else {
		out->evidence = g_strdup(e.corpus ? "nothing in it dates it" : "no dated article to compare it with");
	}
	g_array_unref(k.dropped);
	g_array_unref(e.obs);
	g_array_unref(e.clues);
	if (e.mine != NULL)
		g_ptr_array_unref(e.mine);
	g_hash_table_unref(e.years);
}

/* ---- tagging with a week ---- */

int
estimate_dcts(const char *value, char dcts[2][11])
{
	GDate s, en;
	if (value != NULL && date_granularity(value) == FRISE_GRAN_WEEK && date_span(value, "", &s, &en)) {
		g_date_subtract_days(&en, 1);
		g_snprintf(dcts[0], 11, "%04d-%02d-%02d", g_date_get_year(&s), g_date_get_month(&s), g_date_get_day(&s));
		g_snprintf(dcts[1], 11, "%04d-%02d-%02d", g_date_get_year(&en), g_date_get_month(&en), g_date_get_day(&en));
		return 2;
	}
	g_strlcpy(dcts[0], value != NULL ? value : "", 11);
	return 1;
}

/* The timex of `a` spanning [start, end), or NULL (a is in text order). */
static const FriseTimex *
find_span(const GArray *a, guint *from, size_t start, size_t end)
{
	if (a == NULL)
		return NULL;
	while (*from < a->len && g_array_index(a, FriseTimex, *from).start < start)
		(*from)++;
	for (guint i = *from; i < a->len && g_array_index(a, FriseTimex, i).start == start; i++)
		if (g_array_index(a, FriseTimex, i).end == end)
			return &g_array_index(a, FriseTimex, i);
	return NULL;
}

GArray *
estimate_week_timexes(const GArray *base, const GArray *monday, const GArray *sunday, const char *week)
{
	GArray *out = g_array_sized_new(FALSE, TRUE, sizeof(FriseTimex), monday->len);
	Day wlo = 0, whi = 0;
	bool has_week = value_days(week, "", &wlo, &whi);
	guint bi = 0, si = 0;
	for (guint i = 0; i < monday->len; i++) {
		FriseTimex t = g_array_index(monday, FriseTimex, i);
		t.explain = NULL;
		const FriseTimex *s = find_span(sunday, &si, t.start, t.end);
		Day alo, ahi, blo, bhi;
		if (s != NULL && strcmp(s->value, t.value) == 0 && strcmp(s->mod, t.mod) == 0) {
			/* the week decides it */
		} else if (s != NULL && has_week && value_days(t.value, "", &alo, &ahi) &&
			   value_days(s->value, "", &blo, &bhi) && wlo <= alo && bhi <= whi) {
			g_strlcpy(t.value, week, sizeof t.value);
			t.mod[0] = '\0';
		} else {
			const FriseTimex *b = find_span(base, &bi, t.start, t.end);
			if (b != NULL) {
				g_strlcpy(t.value, b->value, sizeof t.value);
				g_strlcpy(t.mod, b->mod, sizeof t.mod);
			}
		}
		g_array_append_val(out, t);
	}
	return out;
}
