/*
 * estimate_match.c — phase 2 of the estimator (estimate.c): the stories an
 * undated article shares with the dated ones. Exports the pool
 * (estimate_pool_new(), estimate_pool_free(): estimate.h), and
 * estimate_match() and estimate_fits_weekday() (estimate_private.h).
 *
 * The pool holds the candidates compared with, each with its TF-IDF
 * vectors (its sentence's words, its headline's) in an inverted index; an
 * observation is compared with those that share a word only. Two
 * sentences tell one story when their cosine beats chance
 * (CHANCE_COS * ln(N + 1) among N candidates); the closest that dates the
 * observation, unless one nearly as close dates it otherwise, makes its
 * clues: NEAR for a day or a story told in the present, AFTER or BEFORE
 * for a past or a planned one, soft (it holds unless the NEAR evidence
 * outweighs it). Days are Julian day numbers, spans end-exclusive.
 * estimate_match() only reads the pool (e->cx->pool is const).
 */
#include "events/estimate_private.h"
#include "events/similarity.h"
#include "core/clause.h"
#include "core/text.h"

#include <math.h>
#include <string.h>

/* ---- 2. match ---- */

/* The value a year-less expression takes if it names (part of) the
 * anchored date `a`: "XXXX-02-15" + "2024-02" -> "2024-02-15". NULL when
 * it does not fit. */
static char *
refine(const char *value, const char *a)
{
	GDate s, en;
	if (!date_span(a, "", &s, &en))
		return NULL;
	int y0 = g_date_get_year(&s);
	g_date_subtract_days(&en, 1);
	int y1 = g_date_get_year(&en);
	for (int y = y0; y <= y1; y++) {
		char *v = g_strdup_printf("%04d%s", y, value + 4);
		if (date_is_anchored(v) && (date_contains(a, v) || date_contains(v, a)))
			return v;
		g_free(v);
	}
	return NULL;
}

/* The days a relative expression n units from the article's date puts
 * the article at, when it names something dated [lo, hi): false when the
 * date is too coarse for the unit ("hier" and a month). */
static bool
shifted(const Obs *o, const char *value, Day lo, Day hi, Day *slo, Day *shi)
{
	FriseGranularity g = date_granularity(value);
	Day a, b, c, dd;
	switch (o->unit) {
	case UNIT_DAY:
		if (g < FRISE_GRAN_DAY)
			return false;
		*slo = lo - (Day)o->n, *shi = hi - (Day)o->n;
		return true;
	case UNIT_WEEK:
		if (g < FRISE_GRAN_MONTH)
			return false;
		period_of(UNIT_WEEK, lo, &a, &b);
		period_of(UNIT_WEEK, hi - 1, &c, &dd);
		*slo = a - (Day)(7 * o->n), *shi = dd - (Day)(7 * o->n);
		return true;
	case UNIT_MONTH: {
		if (g < FRISE_GRAN_MONTH)
			return false;
		GDate s = gdate_of(lo), en = gdate_of(hi - 1);
		int m0 = g_date_get_year(&s) * 12 + g_date_get_month(&s) - 1 - o->n;
		int m1 = g_date_get_year(&en) * 12 + g_date_get_month(&en) - 1 - o->n + 1;
		*slo = day_of(1, m0 % 12 + 1, m0 / 12), *shi = day_of(1, m1 % 12 + 1, m1 / 12);
		return true;
	}
	default: {
		if (g < FRISE_GRAN_YEAR)
			return false;
		int y0 = year_of_day(lo) - o->n, y1 = year_of_day(hi - 1) - o->n;
		*slo = day_of(1, 1, y0), *shi = day_of(1, 1, y1 + 1);
		return true;
	}
	}
}

/* A day [lo, lo + 1) falls on the weekday its words name, if any. */
bool
estimate_fits_weekday(const Obs *o, Day lo, Day hi)
{
	if (o->kind != OBS_YEARLESS || o->wd == 0 || hi != lo + 1)
		return true;
	GDate g = gdate_of(lo);
	return (int)g_date_get_weekday(&g) == o->wd;
}

/* Whether a pool candidate dates observation o, and how: the days it
 * gives the article's date (NEAR) or the date it reports (bounds), and
 * the value it resolves o's expression to (or NULL). */
typedef struct {
	Day lo, hi;     /* the pool candidate's days (or, relative: the article's) */
	char *resolves; /* owned */
} Fit;

static bool
fits(const Obs *o, const FriseCandidate *p, Fit *f)
{
	const char *v = p->timex.value;
	f->resolves = NULL;
	if (!value_days(v, p->timex.mod, &f->lo, &f->hi))
		return false;
	switch (o->kind) {
	case OBS_WEEKDAY: {
		if (date_granularity(v) < FRISE_GRAN_DAY || f->hi != f->lo + 1)
			return false;
		GDate g = gdate_of(f->lo);
		if ((int)g_date_get_weekday(&g) != o->wd)
			return false;
		f->resolves = g_strndup(v, 10);
		return true;
	}
	case OBS_RELATIVE:
		return shifted(o, v, f->lo, f->hi, &f->lo, &f->hi);
	case OBS_YEARLESS:
		if ((f->resolves = refine(o->c->timex.value, v)) == NULL)
			return false;
		if (!value_days(f->resolves, o->c->timex.mod, &f->lo, &f->hi) || !estimate_fits_weekday(o, f->lo, f->hi)) {
			g_clear_pointer(&f->resolves, g_free);
			return false;
		}
		return true;
	case OBS_DATELESS:
		return true;
	default:
		return false;
	}
}

/* True when pool candidate p is current for its doc j, dated: its date
 * is near the doc's own ("cette semaine", "aujourd'hui") or it goes on
 * since ("depuis février, … participent"). Then [*lo, *hi) are the days
 * it is current: where a story the article tells in the present puts it.
 * A story told in the present matches one the other recalls far back as
 * often as not ("Sora est présenté" and February's reveal). */
static bool
current(const Est *e, const FriseCandidate *p, guint j, Day *lo, Day *hi)
{
	Day plo, phi, clo, chi;
	const char *pub = e->docs[j].published;
	if (pub == NULL || !value_days(pub, "", &plo, &phi) || !value_days(p->timex.value, p->timex.mod, &clo, &chi))
		return false;
	if (p->since && clo < phi) {
		*lo = MAX(clo, plo > ONGOING_DAYS ? plo - ONGOING_DAYS : 0), *hi = phi;
		return true;
	}
	if (chi + NEAR_DAYS <= plo || phi + NEAR_DAYS <= clo)
		return false;
	*lo = clo, *hi = chi;
	return true;
}

/* The clues of observation o, which pool candidate p of docs[j] dates
 * (cosine `w` times the pool's weight); only a `strong` match points at
 * days or bounds. */
static void
clues_of_match(Est *e, Obs *o, const FriseCandidate *p, guint j, const Fit *f, double w, bool strong)
{
	const char *who = e->docs[j].id, *v = p->timex.value, *said = title_of(p);
	Day lo, hi;
	bool later = (o->tense == FRISE_TENSE_FUTURE && o->mood != CLAUSE_MOOD_CONDITIONAL) || o->yshift > 0;
	bool past = strong && (o->tense == FRISE_TENSE_PAST || o->yshift < 0);
	bool future = strong && later;
	if (!strong && (o->kind == OBS_WEEKDAY || o->kind == OBS_RELATIVE))
		return;
	switch (o->kind) {
	case OBS_WEEKDAY: {
		/* the day named is that day, the day before or in the week
		 * before the article (after it, for a future) */
		static const struct { int from, to; double share; } kernel[] = { { 0, 1, 0.5 }, { 0, 2, 0.3 }, { 0, 7, 0.2 } };
		for (guint q = 0; q < G_N_ELEMENTS(kernel); q++) {
			Day klo = later ? f->lo - (Day)(kernel[q].to - 1) : f->lo, khi = later ? f->hi : f->lo + (Day)kernel[q].to;
			add_clue(e, CLUE_NEAR, false, klo, khi, w * W_POINT * kernel[q].share,
				 g_strdup_printf("it names by its weekday « %s », which %s dates %s", said, who, f->resolves));
		}
		if (past)
			add_clue(e, CLUE_AFTER, false, f->lo, f->hi, w,
				 g_strdup_printf("it reports as past « %s » of %s (%s)", said, f->resolves, who));
		else if (future)
			add_clue(e, CLUE_BEFORE, false, f->lo, f->hi, w,
				 g_strdup_printf("it reports as planned « %s » of %s (%s)", said, f->resolves, who));
		break;
	}
	case OBS_RELATIVE: {
		char *surface = g_strndup(e->d->text + o->c->timex.start, o->c->timex.end - o->c->timex.start);
		add_clue(e, CLUE_NEAR, false, f->lo, f->hi, w * W_POINT,
			 g_strdup_printf("its « %s » is « %s », which %s dates %s", surface, said, who, v));
		g_free(surface);
		break;
	}
	case OBS_YEARLESS:
		if (past)
			add_clue(e, CLUE_AFTER, false, f->lo, f->hi, w,
				 g_strdup_printf("it reports as past « %s », which %s dates %s", said, who, f->resolves));
		else if (future)
			add_clue(e, CLUE_BEFORE, false, f->lo, f->hi, w,
				 g_strdup_printf("it reports as planned « %s », which %s dates %s", said, who, f->resolves));
		else if (o->tense == FRISE_TENSE_PRESENT && current(e, p, j, &lo, &hi))
			add_clue(e, CLUE_NEAR, false, lo - NEAR_DAYS, hi + NEAR_DAYS, w * W_MATCH,
				 g_strdup_printf("it reports as present « %s », which %s reports as current, %s", said, who,
						 f->resolves));
		break;
	case OBS_DATELESS:
		if (past)
			add_clue(e, CLUE_AFTER, false, f->lo, f->hi, w,
				 g_strdup_printf("it reports as past « %s », which %s dates %s", said, who, v));
		else if (future)
			add_clue(e, CLUE_BEFORE, false, f->lo, f->hi, w,
				 g_strdup_printf("it reports as planned « %s », which %s dates %s", said, who, v));
		else if (o->tense == FRISE_TENSE_PRESENT && current(e, p, j, &lo, &hi))
			add_clue(e, CLUE_NEAR, false, lo - NEAR_DAYS, hi + NEAR_DAYS, w * W_MATCH,
				 g_strdup_printf("it reports as present « %s », which %s reports as current, %s", said, who, v));
		break;
	default:
		break;
	}
}

/* ---- the pool: what articles are compared with ---- */

/* A term of a pool vector: the candidate that has it and its weight. */
typedef struct {
	guint q;
	double w;
} Posting;

/* An inverted index of vectors: for each word (its lexicon rank), the
 * candidates that have it, so that a sentence is compared with those
 * that share a word only. */
typedef struct {
	guint *start;   /* by rank, nwords + 1: where its postings begin in `post` */
	Posting *post;
} Index;

struct EstimatePool {
	const FriseDoc *docs;  /* borrowed */
	GPtrArray *cands;      /* FriseCandidate, borrowed: the dated docs', then the estimated ones' */
	GArray *doc;           /* guint: the doc of each */
	GArray *weight;        /* double: what its evidence weighs */
	GPtrArray *core;       /* GPtrArray of words: each one's headline's (owned) */
	GPtrArray *verb;       /* char*: its headline's verb lemma, or NULL (owned) */
	GPtrArray *shadow;     /* FriseCandidate with each one's words and its headline's,
				  for the lexicon (owned, words too) */
	SimLexicon lx;
	double n;              /* how many: the IDFs' document count */
	GArray *vsent, *vcore; /* SimVec: of each one's words, of its headline's */
	GArray *tw;            /* double: its type's weight as a word */
	GHashTable *types;     /* type -> how many have it */
	Index isent, icore;
};

/* The content words of a headline (a new array): the words the
 * happening's clause gives, without its relative clauses and adjuncts;
 * and in *verb the lemma of its main clause's verb (a new string, folded),
 * or NULL. */
static GPtrArray *
headline_words(const char *headline, FriseLang lang, char **verb)
{
	ClauseParse *p = clause_parse(headline, strlen(headline), lang);
	GPtrArray *w = sim_words_of_parse(p);
	const Clause *mc = main_clause(p);
	*verb = NULL;
	if (mc != NULL && mc->main_verb >= 0) {
		const ClauseWord *v = &g_array_index(p->words, ClauseWord, (guint)mc->main_verb);
		*verb = text_fold(v->lemma, -1);
	}
	clause_parse_free(p);
	return w;
}

/* True when the date of candidate p of an estimated doc comes from its
 * words ("le 24 mars", its year from the estimate), not from its estimate
 * alone ("mardi", "hier"): only such dates are evidence for others. */
static bool
dated_by_text(const FriseDoc *d, const FriseCandidate *p)
{
	const GArray *tx = d->timexes; /* as tagged without a date: in text order */
	guint lo = 0, hi = tx != NULL ? tx->len : 0;
	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		if (g_array_index(tx, FriseTimex, mid).start < p->timex.start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (tx == NULL || lo >= tx->len || g_array_index(tx, FriseTimex, lo).start != p->timex.start)
		return false;
	const char *v = g_array_index(tx, FriseTimex, lo).value;
	return date_is_anchored(v) || (strncmp(v, "XXXX-", 5) == 0 && g_ascii_isdigit(v[5]));
}

/* The weight of an event type as a word of a sentence's vector: its
 * IDF among the candidates compared (sim_vec's weight with tf 1); 0 for
 * a generic type ("other", a statement). */
static double
type_weight(GHashTable *types, double n, const FriseCandidate *c)
{
	if (c->generic_type)
		return 0;
	double df = GPOINTER_TO_UINT(g_hash_table_lookup(types, c->type));
	double x = log((n + 1.0) / (df + 0.5));
	return x > 0 ? x : 0;
}

/* The TF-IDF vector of `words` against the pool's lexicon, sim_vec()'s
 * weights; a word the pool does not have weighs as one no candidate has
 * (it counts in the norm, and matches nothing). */
static SimVec
vec_of(const EstimatePool *pool, const GPtrArray *words)
{
	GPtrArray *known = g_ptr_array_new();
	double unseen = 0, x = log((pool->n + 1.0) / 0.5);
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < words->len; i++) {
		char *w = g_ptr_array_index(words, i);
		if (g_hash_table_contains(pool->lx.rank, w))
			g_ptr_array_add(known, w);
		else if (g_hash_table_add(seen, w))
			unseen += x * x;
	}
	FriseCandidate c = { .words = known };
	SimVec v = sim_vec(&c, &pool->lx, pool->n);
	v.norm = sqrt(v.norm * v.norm + unseen);
	g_hash_table_unref(seen);
	g_ptr_array_unref(known);
	return v;
}

/* Adds candidate p of doc j; its headline's words and verb are taken
 * from `reuse` at `r` when it has them (the same candidate), else parsed. */
static void
add_to_pool(EstimatePool *pool, guint j, FriseCandidate *p, double weight, const EstimatePool *reuse, guint r)
{
	char *verb;
	GPtrArray *core;
	if (reuse != NULL && r < reuse->cands->len && g_ptr_array_index(reuse->cands, r) == p) {
		core = g_ptr_array_ref(g_ptr_array_index(reuse->core, r));
		verb = g_strdup(g_ptr_array_index(reuse->verb, r));
	} else {
		core = headline_words(title_of(p), pool->docs[j].lang, &verb);
	}
	GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < p->words->len; i++)
		g_ptr_array_add(all, g_strdup(g_ptr_array_index(p->words, i)));
	for (guint i = 0; i < core->len; i++)
		g_ptr_array_add(all, g_strdup(g_ptr_array_index(core, i)));
	FriseCandidate *sh = g_new0(FriseCandidate, 1);
	sh->words = all;
	g_ptr_array_add(pool->cands, p);
	g_array_append_val(pool->doc, j);
	g_array_append_val(pool->weight, weight);
	g_ptr_array_add(pool->shadow, sh);
	g_ptr_array_add(pool->core, core);
	g_ptr_array_add(pool->verb, verb);
	g_hash_table_insert(pool->types, p->type,
			    GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(pool->types, p->type)) + 1));
}

static void
shadow_free(gpointer p)
{
	FriseCandidate *c = p;
	g_ptr_array_unref(c->words);
	g_free(c);
}

static void
index_build(Index *ix, const GArray *vecs, guint nwords)
{
	ix->start = g_new0(guint, nwords + 1);
	for (guint q = 0; q < vecs->len; q++) {
		const SimVec *v = &g_array_index(vecs, SimVec, q);
		for (guint t = 0; t < v->n; t++)
			ix->start[v->t[t].word + 1]++;
	}
	for (guint r = 0; r < nwords; r++)
		ix->start[r + 1] += ix->start[r];
	ix->post = g_new(Posting, MAX(ix->start[nwords], 1));
	guint *fill = g_memdup2(ix->start, sizeof(guint) * nwords);
	for (guint q = 0; q < vecs->len; q++) {
		const SimVec *v = &g_array_index(vecs, SimVec, q);
		for (guint t = 0; t < v->n; t++)
			ix->post[fill[v->t[t].word]++] = (Posting){ q, v->t[t].w };
	}
	g_free(fill);
}

EstimatePool *
estimate_pool_new(const FriseDoc *docs, guint ndocs, GPtrArray *const *dated, GPtrArray *const *estimated,
		  const EstimatePool *reuse)
{
	EstimatePool *pool = g_new0(EstimatePool, 1);
	pool->docs = docs;
	pool->cands = g_ptr_array_new();
	pool->doc = g_array_new(FALSE, FALSE, sizeof(guint));
	pool->weight = g_array_new(FALSE, FALSE, sizeof(double));
	pool->core = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	pool->verb = g_ptr_array_new_with_free_func(g_free);
	pool->shadow = g_ptr_array_new_with_free_func(shadow_free);
	pool->types = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint j = 0; dated != NULL && j < ndocs; j++)
		for (guint q = 0; dated[j] != NULL && q < dated[j]->len; q++)
			add_to_pool(pool, j, g_ptr_array_index(dated[j], q), 1.0, reuse, pool->cands->len);
	for (guint j = 0; estimated != NULL && j < ndocs; j++)
		for (guint q = 0; estimated[j] != NULL && q < estimated[j]->len; q++) {
			FriseCandidate *p = g_ptr_array_index(estimated[j], q);
			if (dated_by_text(&docs[j], p))
				add_to_pool(pool, j, p, ESTIMATED_POOL, NULL, 0);
		}
	pool->n = pool->cands->len;
	pool->lx = sim_lexicon_new((GPtrArray *const *)&pool->shadow, 1);
	pool->vsent = g_array_sized_new(FALSE, FALSE, sizeof(SimVec), pool->cands->len);
	pool->vcore = g_array_sized_new(FALSE, FALSE, sizeof(SimVec), pool->cands->len);
	pool->tw = g_array_sized_new(FALSE, FALSE, sizeof(double), pool->cands->len);
	for (guint q = 0; q < pool->cands->len; q++) {
		const FriseCandidate *p = g_ptr_array_index(pool->cands, q);
		SimVec a = vec_of(pool, p->words), b = vec_of(pool, g_ptr_array_index(pool->core, q));
		double t = type_weight(pool->types, pool->n, p);
		g_array_append_val(pool->vsent, a);
		g_array_append_val(pool->vcore, b);
		g_array_append_val(pool->tw, t);
	}
	guint nwords = g_hash_table_size(pool->lx.rank);
	index_build(&pool->isent, pool->vsent, nwords);
	index_build(&pool->icore, pool->vcore, nwords);
	return pool;
}

void
estimate_pool_free(EstimatePool *pool)
{
	if (pool == NULL)
		return;
	for (guint q = 0; q < pool->vsent->len; q++) {
		sim_vec_clear(&g_array_index(pool->vsent, SimVec, q));
		sim_vec_clear(&g_array_index(pool->vcore, SimVec, q));
	}
	g_array_unref(pool->vsent);
	g_array_unref(pool->vcore);
	g_array_unref(pool->tw);
	g_free(pool->isent.start);
	g_free(pool->isent.post);
	g_free(pool->icore.start);
	g_free(pool->icore.post);
	sim_lexicon_clear(&pool->lx);
	g_ptr_array_unref(pool->shadow);
	g_ptr_array_unref(pool->core);
	g_ptr_array_unref(pool->verb);
	g_ptr_array_unref(pool->cands);
	g_array_unref(pool->doc);
	g_array_unref(pool->weight);
	g_hash_table_unref(pool->types);
	g_free(pool);
}

/* ---- 2. match ---- */

/* A pool candidate that tells an observation's story: its cosine, that
 * times its pool's weight, its index, what it says of the date. */
typedef struct {
	double cos, w;
	guint q;
	Fit f;
} Hit;

/* Closest first; then in pool order. */
static int
cmp_hit(gconstpointer a, gconstpointer b)
{
	const Hit *x = a, *y = b;
	return x->w != y->w ? (x->w < y->w ? 1 : -1) : (x->q > y->q) - (x->q < y->q);
}

/* How many different words `words` holds. */
static guint
distinct_words(const GPtrArray *words)
{
	GHashTable *set = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < words->len; i++)
		g_hash_table_add(set, g_ptr_array_index(words, i));
	guint n = g_hash_table_size(set);
	g_hash_table_unref(set);
	return n;
}

/* The dot products of v with the pool's vectors of index ix, added to
 * dot[q] (the candidates it shares a word with listed in `touched` the
 * first time). */
static void
dots(const Index *ix, const SimVec *v, double *dot, double *other, GArray *touched)
{
	for (guint t = 0; t < v->n; t++) {
		guint r = v->t[t].word;
		for (guint k = ix->start[r]; k < ix->start[r + 1]; k++) {
			const Posting *po = &ix->post[k];
			if (dot[po->q] == 0 && other[po->q] == 0)
				g_array_append_val(touched, po->q);
			dot[po->q] += v->t[t].w * po->w;
		}
	}
}

/* The cosine of two vectors whose words' dot product is `dot`, their
 * types as one more word each. */
static double
typed_cos(double dot, const SimVec *a, const SimVec *b, double ta, double tb, bool same)
{
	double den = sqrt((a->norm * a->norm + ta * ta) * (b->norm * b->norm + tb * tb));
	return den > 0 ? (dot + (same ? ta * tb : 0)) / den : 0;
}

void
estimate_match(Est *e)
{
	const EstimatePool *pool = e->cx != NULL ? e->cx->pool : NULL;
	bool any = false;
	for (guint i = 0; i < e->obs->len && !any; i++) {
		ObsKind k = g_array_index(e->obs, Obs, i).kind;
		any = k == OBS_DATELESS || k == OBS_YEARLESS || k == OBS_WEEKDAY || k == OBS_RELATIVE;
	}
	if (pool == NULL || pool->cands->len == 0 || !any)
		return;
	double story = CHANCE_COS * log(pool->n + 1.0), strong = MAX(MIN_STRONG, STRONG * story);
	guint np = pool->cands->len;
	double *ds = g_new0(double, np), *dc = g_new0(double, np);
	GArray *touched = g_array_new(FALSE, FALSE, sizeof(guint));
	GArray *hits = g_array_new(FALSE, FALSE, sizeof(Hit));
	for (guint i = 0; i < e->obs->len; i++) {
		Obs *o = &g_array_index(e->obs, Obs, i);
		if (o->kind != OBS_DATELESS && o->kind != OBS_YEARLESS && o->kind != OBS_WEEKDAY &&
		    o->kind != OBS_RELATIVE)
			continue;
		if (o->kind == OBS_DATELESS && o->tense == FRISE_TENSE_NONE)
			continue;
		if (distinct_words(o->c->words) < MIN_WORDS)
			continue;
		SimVec vs = vec_of(pool, o->c->words);
		char *verb;
		GPtrArray *cw = headline_words(title_of(o->c), e->d->lang, &verb);
		SimVec vc = vec_of(pool, cw);
		double tc = type_weight(pool->types, pool->n, o->c);
		/* the candidates it shares a word with */
		g_array_set_size(touched, 0);
		dots(&pool->isent, &vs, ds, dc, touched);
		bool core = distinct_words(cw) >= MIN_CORE && verb != NULL;
		if (core)
			dots(&pool->icore, &vc, dc, ds, touched);
		/* those close enough to tell its story, or to make the closest
		 * ambiguous, closest first */
		g_array_set_size(hits, 0);
		for (guint k = 0; k < touched->len; k++) {
			guint q = g_array_index(touched, guint, k);
			guint j = g_array_index(pool->doc, guint, q);
			const SimVec *ps = &g_array_index(pool->vsent, SimVec, q), *pc = &g_array_index(pool->vcore, SimVec, q);
			double dsq = ds[q], dcq = dc[q];
			ds[q] = dc[q] = 0;
			if (j == e->index || ps->n < MIN_WORDS)
				continue;
			const FriseCandidate *p = g_ptr_array_index(pool->cands, q);
			double tp = g_array_index(pool->tw, double, q);
			bool same = strcmp(o->c->type, p->type) == 0;
			/* by the sentences' words, or by the happenings' own clauses
			 * when they have one verb: "OpenAI a publié un article de
			 * blog", whatever each sentence adds */
			double cos = typed_cos(dsq, &vs, ps, tc, tp, same);
			const char *pv = g_ptr_array_index(pool->verb, q);
			if (core && dcq > 0 && pc->n >= MIN_CORE && pv != NULL && strcmp(verb, pv) == 0)
				cos = MAX(cos, typed_cos(dcq, &vc, pc, tc, tp, same));
			Hit h = { cos, cos * g_array_index(pool->weight, double, q), q, { 0, 0, NULL } };
			if (h.w >= AMBIGUOUS * story * ESTIMATED_POOL)
				g_array_append_val(hits, h);
		}
		g_array_sort(hits, cmp_hit);
		/* the closest that dates it, among the few it is closest to;
		 * ambiguous when one nearly as close dates it otherwise */
		gint bi = -1;
		bool ambiguous = false;
		for (guint h = 0; h < hits->len; h++) {
			Hit *x = &g_array_index(hits, Hit, h);
			if (bi >= 0 && x->w < AMBIGUOUS * g_array_index(hits, Hit, (guint)bi).w)
				break;
			if (bi < 0 && (h >= TOP_MATCHES || x->cos < story))
				break; /* what it tells best is not dated so */
			if (!fits(o, g_ptr_array_index(pool->cands, x->q), &x->f))
				continue;
			if (bi < 0) {
				bi = (gint)h;
				continue;
			}
			const Hit *b = &g_array_index(hits, Hit, (guint)bi);
			if (x->f.hi + NEAR_DAYS <= b->f.lo || b->f.hi + NEAR_DAYS <= x->f.lo) {
				ambiguous = true;
				break;
			}
		}
		if (bi >= 0 && !ambiguous) {
			Hit *b = &g_array_index(hits, Hit, (guint)bi);
			clues_of_match(e, o, g_ptr_array_index(pool->cands, b->q), g_array_index(pool->doc, guint, b->q), &b->f,
				       b->w, b->cos >= strong);
			if (b->f.resolves != NULL && (o->kind == OBS_WEEKDAY || o->kind == OBS_YEARLESS)) {
				o->resolved = b->f.resolves;
				o->rlo = b->f.lo, o->rhi = b->f.hi;
				b->f.resolves = NULL;
			}
		}
		for (guint h = 0; h < hits->len; h++)
			g_free(g_array_index(hits, Hit, h).f.resolves);
		sim_vec_clear(&vs);
		sim_vec_clear(&vc);
		g_ptr_array_unref(cw);
		g_free(verb);
	}
	g_array_unref(hits);
	g_array_unref(touched);
	g_free(ds);
	g_free(dc);
}
