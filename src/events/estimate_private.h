/*
 * estimate_private.h — what the estimator's files share, private to the
 * events layer: estimate.c (the phases' order, own dates, combine,
 * describe, the API), estimate_observe.c (phase 1) and estimate_match.c
 * (phase 2: the pool and the stories the article shares with it). The
 * tuning constants, the day and clue types, the Est every phase reads and
 * fills; the small helpers are static inline (no symbol), the phases
 * defined once.
 *
 * Days are Julian day numbers (GDate's), spans [lo, hi) end-exclusive:
 * "2024-03" is lo = 2024-03-01, hi = 2024-04-01.
 */
#ifndef FRISE_EVENTS_ESTIMATE_PRIVATE_H
#define FRISE_EVENTS_ESTIMATE_PRIVATE_H

#include "events/estimate.h"
#include "core/clause.h"
#include "frise/date.h"


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

static inline GDate
gdate_of(Day d)
{
	GDate g;
	g_date_clear(&g, 1);
	g_date_set_julian(&g, d);
	return g;
}

static inline Day
day_of(int day, int month, int year)
{
	GDate g;
	g_date_clear(&g, 1);
	g_date_set_dmy(&g, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
	return g_date_get_julian(&g);
}

static inline int
year_of_day(Day d)
{
	GDate g = gdate_of(d);
	return g_date_get_year(&g);
}

/* The period of `unit` that holds day d: [*lo, *hi). */
static inline void
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
static inline char *
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
static inline bool
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

static inline void
add_clue(Est *e, ClueKind kind, bool hard, Day lo, Day hi, double w, char *why)
{
	if (lo >= hi || w <= 0) {
		g_free(why);
		return;
	}
	Clue c = { kind, hard, false, lo, hi, w, why };
	g_array_append_val(e->clues, c);
}

/* The headline of a candidate, for evidence: « … ». */
static inline const char *
title_of(const FriseCandidate *c)
{
	return c->title != NULL ? c->title : "";
}
/* The first main clause of a parse that has a verb, or NULL. */
static inline const Clause *
main_clause(const ClauseParse *p)
{
	for (guint k = 0; k < p->clauses->len; k++) {
		const Clause *c = &g_array_index(p->clauses, Clause, k);
		if (c->kind == CLAUSE_MAIN && clause_has_verb(c))
			return c;
	}
	return NULL;
}

/* Phase 1 (estimate_observe.c): the article's candidates and undated
 * sentences, as observations (e->mine, e->obs). */
void estimate_observe(Est *e);
/* Phase 2 (estimate_match.c): each observation against the pool's
 * candidates (e->cx->pool); the best one telling the same story turns it
 * into clues (e->clues), and may resolve its expression (o->resolved). */
void estimate_match(Est *e);
/* A day [lo, lo + 1) falls on the weekday o's words name, if any
 * (estimate_match.c). */
bool estimate_fits_weekday(const Obs *o, Day lo, Day hi);

#endif
