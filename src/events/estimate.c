/*
 * estimate.c — a publication date for an undated article, from its own
 * words and from the dated articles (prefix estimate_; see estimate.h).
 *
 * estimate_in() runs these phases in order on one Est:
 *   1. observe():  the article's candidates (its dated sentences, year-less
 *      and relative ones too) and its undated sentences, each with the
 *      tense of the clause its date dates (core/clause.h, attribution.h);
 *      the tagger, asked about two probe dates, says what each relative
 *      expression is ("la semaine dernière": a week before the article).
 *   2. match():    each observation against the corpus's candidates (the
 *      dated articles', and those of articles estimated already): the
 *      best one telling the same story turns it into clues.
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
 */
#include "events/estimate.h"
#include "events/attribution.h"
#include "events/headline.h"
#include "events/similarity.h"
#include "core/clause.h"
#include "core/lang.h"
#include "core/text.h"
#include "frise/date.h"
#include "frise/timex.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Two sentences tell one story when the cosine of their TF-IDF vectors
 * (an event type, not a generic one, counting as one more word of each:
 * a rare type shared, "leak", says much, a common one little) beats what
 * the closest of N unrelated candidates reaches by chance, which grows
 * with N: CHANCE_COS * ln(N + 1) (0.09 among 30 candidates, 0.21 among
 * 5,000). A match that points at a day (a weekday, "hier") or bounds the
 * date (what it reports as past) must be STRONG times as close, and at
 * least MIN_STRONG. */
#define CHANCE_COS 0.025
#define STRONG 1.5
#define MIN_STRONG 0.1
/* NEAR weights, times the cosine of the shared story: a weekday or a
 * relative date naming what another article dates ("Mardi", "hier")… */
#define W_POINT 3.0
/* …a story it tells in the present: most present-tense sentences are
 * general statements, not news of the day, so a match says less than
 * one of a past report, which bounds with its cosine. */
#define W_MATCH 0.5
/* A report is written soon after the latest happening it tells as past:
 * a NEAR clue over that happening's days and RECENT_DAYS more. */
#define W_RECENT 0.3
#define RECENT_DAYS 7
/* A story told in the present is within this many days of the date
 * another article gives it; what goes on since a date, within ONGOING_DAYS
 * before the article that says so. */
#define NEAR_DAYS 3
#define ONGOING_DAYS 21
/* A sentence with fewer distinct content words says too little to be
 * matched ("Le 30.10.2011, mis à jour le …", "CE QUI S'EST PASSÉ"). */
#define MIN_WORDS 4
/* …and a headline with fewer is not compared by its own words. */
#define MIN_CORE 3
/* A match is ambiguous, and no evidence, when another candidate nearly as
 * close (AMBIGUOUS of its cosine) dates the article more than NEAR_DAYS
 * apart: a line every page of a site carries, a general remark. */
#define AMBIGUOUS 0.8
/* A year-less date it reports as past is of the year of the first pick
 * unless it would then begin this many days after the pick's end (the
 * tagger's rule for "past tense and well after the DCT"). */
#define WELL_AFTER 60
/* A match is one of the TOP_MATCHES candidates closest to the sentence:
 * the story it tells, whose date is then checked, not the closest of the
 * many that fit a weekday. */
#define TOP_MATCHES 3
/* Evidence from an article that is itself estimated weighs this much. */
#define ESTIMATED_POOL 0.5
/* A modal future ("devrait sortir en mars") bounds softly, this much. */
#define W_MODAL 0.5
/* The estimate stays within this many days of the dated articles' own
 * dates, unless its own words put it beyond. */
#define CORPUS_MARGIN 366
/* The peak is the days whose density is at least PEAK of the highest; a
 * period is the estimate when it holds COVER of the peak's days and
 * SHARE of all the NEAR weight within the bounds. */
#define PEAK 0.5
#define COVER 0.75
#define SHARE 0.5
/* The longest stretch of days the density is computed over. */
#define MAX_DAYS (366 * 40)
/* Probe document dates: what the tagger makes of an expression against
 * them says what the expression is. A Wednesday in the middle of a year. */
#define PROBE_YEAR "2000"
#define PROBE_DAY "2000-06-14"
#define PROBE_DAY2 "2000-09-20"

typedef guint32 Day; /* a Julian day number: 1 is 1 January of year 1 */
#define NO_DAY G_MAXUINT32

/* ---- days and periods ---- */

/* ORDER UNIT: unit_gran[] follows it. */
typedef enum { UNIT_DAY = 0, UNIT_WEEK, UNIT_MONTH, UNIT_YEAR, UNIT_COUNT } Unit;
static const FriseGranularity unit_gran[] = { FRISE_GRAN_DAY, FRISE_GRAN_WEEK, FRISE_GRAN_MONTH, FRISE_GRAN_YEAR };
/* The farthest a relative expression is taken to say the article's date
 * ("il y a trois semaines", not "il y a dix ans"). */
static const int max_offset[] = { 31, 8, 12, 3 };

static GDate
gdate_of(Day d)
{
	GDate g;
	g_date_clear(&g, 1);
	g_date_set_julian(&g, d);
	return g;
}

static Day
day_of(int day, int month, int year)
{
	GDate g;
	g_date_clear(&g, 1);
	g_date_set_dmy(&g, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
	return g_date_get_julian(&g);
}

static int
year_of_day(Day d)
{
	GDate g = gdate_of(d);
	return g_date_get_year(&g);
}

/* The period of `unit` that holds day d: [*lo, *hi). */
static void
period_of(Unit u, Day d, Day *lo, Day *hi)
{
	GDate g = gdate_of(d);
	int y = g_date_get_year(&g), m = g_date_get_month(&g);
	switch (u) {
	case UNIT_DAY:
		*lo = d, *hi = d + 1;
		break;
	case UNIT_WEEK:
		*lo = d - (Day)(g_date_get_weekday(&g) - 1), *hi = *lo + 7;
		break;
	case UNIT_MONTH:
		*lo = day_of(1, m, y), *hi = m == 12 ? day_of(1, 1, y + 1) : day_of(1, m + 1, y);
		break;
	default:
		*lo = day_of(1, 1, y), *hi = day_of(1, 1, y + 1);
		break;
	}
}

/* The TIMEX3 value of the period of `unit` that holds day d: a new string. */
static char *
period_value(Unit u, Day d)
{
	GDate g = gdate_of(d);
	switch (u) {
	case UNIT_DAY:
		return g_strdup_printf("%04d-%02d-%02d", g_date_get_year(&g), g_date_get_month(&g), g_date_get_day(&g));
	case UNIT_WEEK: {
		/* an ISO week is its Thursday's year's */
		GDate th = gdate_of(d - (Day)(g_date_get_weekday(&g) - 1) + 3);
		return g_strdup_printf("%04d-W%02u", g_date_get_year(&th), g_date_get_iso8601_week_of_year(&th));
	}
	case UNIT_MONTH:
		return g_strdup_printf("%04d-%02d", g_date_get_year(&g), g_date_get_month(&g));
	default:
		return g_strdup_printf("%04d", g_date_get_year(&g));
	}
}

/* The days of an anchored value, its mod applied: false when it has
 * none, or an open mod ("avant 2025") that says no span. */
static bool
value_days(const char *value, const char *mod, Day *lo, Day *hi)
{
	DateDays dd;
	date_days(value, mod, &dd);
	if (!dd.has_mod_days || dd.open)
		return false;
	*lo = dd.mlo, *hi = dd.mhi;
	return true;
}

/* ---- clues and observations ---- */

typedef enum { CLUE_NEAR, CLUE_AFTER, CLUE_BEFORE } ClueKind;

typedef struct {
	ClueKind kind;
	bool hard;       /* from the article's own words */
	bool recency;    /* the "soon after" clue */
	Day lo, hi;      /* the days it points at; AFTER bounds from lo, BEFORE up to hi */
	double w;
	char *why;       /* owned */
} Clue;

/* What kind of date an observation holds. */
typedef enum {
	OBS_NONE = 0,  /* nothing the estimate can use */
	OBS_DATELESS,  /* an undated sentence: its tense only */
	OBS_ANCHORED,  /* "le 3 mars 2024" */
	OBS_YEARLESS,  /* "le 24 mars", "en février", "mars dernier" */
	OBS_RELYEAR,   /* "décembre de l'année dernière": a month of a year relative to the article's */
	OBS_WEEKDAY,   /* "Mardi" */
	OBS_RELATIVE   /* "la semaine dernière", "hier", "le mois dernier" */
} ObsKind;

typedef struct {
	ObsKind kind;
	const FriseCandidate *c; /* borrowed from Est.mine */
	FriseTense tense;        /* of the clause its date dates (an undated sentence: its main clause) */
	ClauseMood mood;
	bool since;              /* the start of what goes on */
	Unit unit;               /* RELATIVE: the date is n units from the article's */
	int n;
	int wd;                  /* WEEKDAY: ISO weekday, 1 = Monday */
	int yshift;              /* RELYEAR: years from the article's; YEARLESS: -1 "dernier", 1 "prochain" */
	char *resolved;          /* what the evidence makes its expression (owned), or NULL… */
	Day rlo, rhi;            /* …and the days the article's date then has: kept when the pick is there */
} Obs;

typedef struct {
	const FriseDoc *docs;
	guint ndocs, index;
	const FriseDoc *d;      /* docs[index] */
	const FriseTemplates *tp;
	const EstimateContext *cx;
	GPtrArray *mine;        /* FriseCandidate: its candidates, then its undated sentences (owned) */
	GArray *obs;            /* Obs */
	GArray *clues;          /* Clue */
	bool corpus;            /* some other doc is dated… */
	Day corpus_lo, corpus_hi; /* …its dates' days */
	GHashTable *years;      /* year -> how many dated docs have it */
} Est;

static void
add_clue(Est *e, ClueKind kind, bool hard, Day lo, Day hi, double w, char *why)
{
	if (lo >= hi || w <= 0) {
		g_free(why);
		return;
	}
	Clue c = { kind, hard, false, lo, hi, w, why };
	g_array_append_val(e->clues, c);
}

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

/* The headline of a candidate, for evidence: « … ». */
static const char *
title_of(const FriseCandidate *c)
{
	return c->title != NULL ? c->title : "";
}

/* ---- 1. observe ---- */

/* ISO weekday (1 = Monday) the words of an expression name ("samedi 12
 * mars", "Mardi"), or 0. */
static int
weekday_in(const FriseDoc *d, const FriseTimex *t)
{
	char *f = text_fold(d->text + t->start, (gssize)(t->end - t->start));
	int wd = 0;
	const LangWords *days = lang_list(d->lang, LANG_WEEKDAYS); /* Monday first: ISO weekday = index + 1 */
	for (guint i = 0; i < days->n && i < 7 && wd == 0; i++)
		if (strstr(f, days->items[i]) != NULL)
			wd = (int)i + 1;
	g_free(f);
	return wd;
}

/* ISO weekday (1 = Monday) a weekday expression with no day of the
 * month names ("Mardi", "XXXX-WXX-2"), or 0. */
static int
weekday_of(const FriseDoc *d, const FriseTimex *t)
{
	const char *v = t->value;
	if (strncmp(v, "XXXX-WXX-", 9) == 0 && v[9] >= '1' && v[9] <= '7')
		return v[9] - '0';
	if (strncmp(v, "XXXX", 4) != 0 || strpbrk(v + 4, "0123456789") != NULL)
		return 0;
	return weekday_in(d, t);
}

/* The value the tagger gives the expression at `start` against `dct`:
 * start -> value, new table (NULL without a tagger). */
static GHashTable *
probe(const Est *e, const char *dct)
{
	if (e->cx == NULL || e->cx->tag == NULL)
		return NULL;
	GArray *tx = e->cx->tag(e->d, dct, e->cx->tag_data);
	if (tx == NULL)
		return NULL;
	GHashTable *h = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	for (guint i = 0; i < tx->len; i++) {
		const FriseTimex *t = &g_array_index(tx, FriseTimex, i);
		g_hash_table_replace(h, GUINT_TO_POINTER((guint)t->start), g_strdup(t->value));
	}
	timex_array_free(tx);
	return h;
}

/* How far from the probe day `probe` the tagger put a relative
 * expression it resolved to `v`: n units. False when it is no calendar
 * value this can tell (a season, a clock time, which hangs on the last
 * day named as often as on the article's). */
static bool
offset_from(const char *v, const char *probe, Unit *unit, int *n)
{
	FriseDateParts p, q;
	if (v == NULL || !date_parse(v, &p) || !p.anchored || p.gran > FRISE_GRAN_PART_OF_DAY ||
	    !date_parse(probe, &q))
		return false;
	Day pd = day_of(q.day, q.month, q.year);
	if (p.gran >= FRISE_GRAN_DAY) {
		*unit = UNIT_DAY;
		*n = (int)day_of(p.day, p.month, p.year) - (int)pd;
	} else if (p.gran == FRISE_GRAN_WEEK) {
		GDate s, en;
		Day lo, hi, plo, phi;
		if (!date_span(v, "", &s, &en))
			return false;
		period_of(UNIT_WEEK, g_date_get_julian(&s), &lo, &hi);
		period_of(UNIT_WEEK, pd, &plo, &phi);
		*unit = UNIT_WEEK;
		*n = ((int)lo - (int)plo) / 7;
	} else if (p.gran == FRISE_GRAN_MONTH) {
		*unit = UNIT_MONTH;
		*n = (p.year * 12 + p.month) - (q.year * 12 + q.month);
	} else if (p.gran == FRISE_GRAN_YEAR) {
		*unit = UNIT_YEAR;
		*n = p.year - q.year;
	} else {
		return false;
	}
	return true;
}

/* What kind of date o->c's expression is, from its value and what the
 * probes make of it: py against a year, pd and pd2 against two days. */
static void
classify(const Est *e, Obs *o, GHashTable *py, GHashTable *pd, GHashTable *pd2)
{
	const FriseTimex *t = &o->c->timex;
	const char *v = t->value;
	gpointer key = GUINT_TO_POINTER((guint)t->start);
	const char *vy = py ? g_hash_table_lookup(py, key) : NULL, *vd = pd ? g_hash_table_lookup(pd, key) : NULL;
	const char *vd2 = pd2 ? g_hash_table_lookup(pd2, key) : NULL;
	FriseDateParts p;
	Unit u2;
	int n2;
	o->kind = OBS_NONE;
	if (date_is_anchored(v)) {
		o->kind = OBS_ANCHORED;
	} else if ((o->wd = weekday_of(e->d, t)) > 0) {
		o->kind = OBS_WEEKDAY;
	} else if (strncmp(v, "XXXX-", 5) == 0 && g_ascii_isdigit(v[5]) && g_ascii_isdigit(v[6])) {
		/* a month (and day) without its year: the year probe tells "en
		 * décembre" (its year) from "décembre de l'année dernière" (one
		 * before); "mars dernier" needs a day to say which March */
		o->kind = OBS_YEARLESS;
		o->wd = weekday_in(e->d, t); /* "samedi 12 mars": the year where it is a Saturday */
		if (o->wd == 0 && vy != NULL && date_parse(vy, &p) && p.anchored && p.year != atoi(PROBE_YEAR)) {
			o->kind = OBS_RELYEAR;
			o->yshift = p.year - atoi(PROBE_YEAR);
		} else if ((vy == NULL || !date_is_anchored(vy)) && vd != NULL && date_is_anchored(vd)) {
			o->yshift = date_compare(vd, PROBE_DAY) < 0 ? -1 : 1;
		}
	} else if (strncmp(v, "XXXX", 4) == 0 && offset_from(vd, PROBE_DAY, &o->unit, &o->n) &&
		   offset_from(vd2, PROBE_DAY2, &u2, &n2) && u2 == o->unit && n2 == o->n &&
		   ABS(o->n) <= max_offset[o->unit]) {
		/* the same distance from both probe days: it hangs on the
		 * article's date, not on a date the text names ("la veille") */
		o->kind = OBS_RELATIVE;
	}
}

/* The parse of sentence si, made once. */
static ClauseParse *
parse_of(const Est *e, GHashTable *parses, guint si)
{
	ClauseParse *p = g_hash_table_lookup(parses, GUINT_TO_POINTER(si + 1));
	if (p == NULL) {
		const FriseSentence *s = &g_array_index(e->d->sentences, FriseSentence, si);
		p = clause_parse(e->d->text + s->start, s->end - s->start, e->d->lang);
		g_hash_table_insert(parses, GUINT_TO_POINTER(si + 1), p);
	}
	return p;
}

/* The first main clause of a parse that has a verb, or NULL. */
static const Clause *
main_clause(const ClauseParse *p)
{
	for (guint k = 0; k < p->clauses->len; k++) {
		const Clause *c = &g_array_index(p->clauses, Clause, k);
		if (c->kind == CLAUSE_MAIN && clause_has_verb(c))
			return c;
	}
	return NULL;
}

/* The first words of a sentence, for evidence: a new string. */
static char *
excerpt(const char *s, size_t len)
{
	size_t n = MIN(len, 70);
	while (n < len && n > 0 && s[n] != ' ')
		n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '.'))
		n--;
	const char *end;
	g_utf8_validate(s, (gssize)n, &end);
	return g_strndup(s, (gsize)(end - s));
}

/* True when a sentence is a question or opens on a quotation: what it
 * says is no report of its time. */
static bool
not_a_report(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	if (len > 0 && s[len - 1] == '?')
		return true;
	return len >= 2 && (s[0] == '"' || ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xab) ||
			    (len >= 3 && (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
			     ((unsigned char)s[2] == 0x9c || (unsigned char)s[2] == 0x98)));
}

/* True when a sentence is (part of) the article's title: a headline
 * says in the present what happened ("OpenAI présente Sora à
 * Hollywood"), so its tense says nothing of the article's time. */
static bool
in_title(const FriseDoc *d, const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '.'))
		len--;
	if (d->title == NULL || len == 0)
		return false;
	char *t = g_strndup(s, len);
	bool in = strstr(d->title, t) != NULL;
	g_free(t);
	return in;
}

static void
observe(Est *e)
{
	const FriseDoc *d = e->d;
	e->mine = candidates_find(e->docs, e->index, e->tp, false);
	GHashTable *parses = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
						   (GDestroyNotify)clause_parse_free);
	GHashTable *dated = g_hash_table_new(g_direct_hash, g_direct_equal); /* sentences with a candidate */
	GHashTable *py = NULL, *pd = NULL, *pd2 = NULL;
	bool probed = false;
	guint ncands = e->mine->len;
	for (guint i = 0; i < ncands; i++) {
		const FriseCandidate *c = g_ptr_array_index(e->mine, i);
		g_hash_table_add(dated, GUINT_TO_POINTER(c->sentence + 1));
		if (!probed && !date_is_anchored(c->timex.value)) {
			py = probe(e, PROBE_YEAR);
			pd = probe(e, PROBE_DAY);
			pd2 = probe(e, PROBE_DAY2);
			probed = true;
		}
		const FriseSentence *s = &g_array_index(d->sentences, FriseSentence, c->sentence);
		ClauseParse *p = parse_of(e, parses, c->sentence);
		Attribution at;
		attrib_of(p, d->text + s->start, s->end - s->start, c->timex.start - s->start, c->timex.end - s->start,
			  date_granularity(c->timex.value), &at);
		const Clause *cl = &g_array_index(p->clauses, Clause, at.clause);
		Obs o = { .c = c, .tense = cl->tense, .mood = cl->mood, .since = c->since || at.kind == ATTRIB_SINCE };
		classify(e, &o, py, pd, pd2);
		if (o.kind != OBS_NONE)
			g_array_append_val(e->obs, o);
	}
	/* its undated sentences, by the tense of their main clause */
	for (guint si = 0; d->sentences != NULL && si < d->sentences->len; si++) {
		const FriseSentence *s = &g_array_index(d->sentences, FriseSentence, si);
		const char *st = d->text + s->start;
		size_t sl = s->end - s->start;
		if (s->boilerplate || g_hash_table_contains(dated, GUINT_TO_POINTER(si + 1)) || not_a_report(st, sl) ||
		    in_title(d, st, sl))
			continue;
		ClauseParse *p = clause_parse(st, sl, d->lang);
		const Clause *mc = main_clause(p);
		if (mc != NULL && mc->tense != FRISE_TENSE_NONE) {
			FriseCandidate *c = g_new0(FriseCandidate, 1);
			c->doc = e->index;
			c->sentence = si;
			c->words = sim_words_of_parse(p);
			guint mi = (guint)(mc - (const Clause *)p->clauses->data);
			c->type = g_strdup(templates_classify_clause(e->tp, d->lang, p, mi, 0, 0, NULL));
			c->generic_type = templates_is_generic(e->tp, c->type);
			/* its headline, as the dated ones have: what its main clause
			 * says, for the evidence and to compare happenings */
			c->title = headline_of(p, st, sl, mi, 0, 0, NULL, d->lang, 0);
			if (c->title == NULL)
				c->title = excerpt(st, sl);
			g_ptr_array_add(e->mine, c);
			Obs o = { .kind = OBS_DATELESS, .c = c, .tense = mc->tense, .mood = mc->mood };
			g_array_append_val(e->obs, o);
		}
		clause_parse_free(p);
	}
	if (py != NULL)
		g_hash_table_unref(py);
	if (pd != NULL)
		g_hash_table_unref(pd);
	if (pd2 != NULL)
		g_hash_table_unref(pd2);
	g_hash_table_unref(dated);
	g_hash_table_unref(parses);
}

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
static bool
fits_weekday(const Obs *o, Day lo, Day hi)
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
		if (!value_days(f->resolves, o->c->timex.mod, &f->lo, &f->hi) || !fits_weekday(o, f->lo, f->hi)) {
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

static void
match(Est *e)
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
				if (c != NULL && value_days(c, o->c->timex.mod, &lo, &hi) && fits_weekday(o, lo, hi) &&
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
	observe(&e);
	match(&e);
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
