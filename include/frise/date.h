/*
 * date.h — the one canonical form of a date in frise, and the views derived
 * from it (prefix date_).
 *
 * A date is a TIMEX3 value string plus an optional mod, nothing else:
 *   "2024-02-15"  day          "2024-02"   month       "2024"  year
 *   "2024-W12"    ISO week     "2024-Q1"   quarter     "2024-SU" season
 *   "2024-H1"     half-year    "199X"      decade      "19XX"  century
 *   "2024-02-15T14:00" minute  "2024-02-15TEV" part of day
 *   "XXXX-03-24"  year unknown "PRESENT_REF", "PAST_REF", "FUTURE_REF"
 * Spans, granularity, display strings and calendar dates are computed from
 * it and never stored beside it. Dates are proleptic Gregorian.
 *
 * Every function here depends on its arguments alone (no clock, no
 * locale; month names come from the compiled-in language tables, loaded
 * once) and may run on any thread; strings returned as "new" are the
 * caller's to g_free().
 */
#ifndef FRISE_DATE_H
#define FRISE_DATE_H

#include "frise/frise.h"

G_BEGIN_DECLS

/* Coarse to fine. ORDER GRAN: date_granularity_name() follows it. */
typedef enum {
	FRISE_GRAN_NONE = 0, /* not a calendar value: P3M, PRESENT_REF, garbage */
	FRISE_GRAN_CENTURY,
	FRISE_GRAN_DECADE,
	FRISE_GRAN_YEAR,
	FRISE_GRAN_HALF,
	FRISE_GRAN_QUARTER,
	FRISE_GRAN_SEASON,
	FRISE_GRAN_MONTH,
	FRISE_GRAN_WEEK,
	FRISE_GRAN_DAY,
	FRISE_GRAN_PART_OF_DAY, /* 2024-02-15TEV */
	FRISE_GRAN_HOUR,
	FRISE_GRAN_MINUTE,
	FRISE_GRAN_SECOND
} FriseGranularity;

/* "century", "decade", "year", …, "part_of_day", …, "none" — the
 * spelling of templates/timeline.schema.json and the page; static storage.
 * date_granularity_parse() reads them back (anything else is NONE). */
const char *date_granularity_name(FriseGranularity gran);
FriseGranularity date_granularity_parse(const char *name);

/*
 * The TIMEX3 mods, the one vocabulary every stage reads: what a mod
 * means is said here and nowhere else. ORDER MOD: mod_names[] in date.c
 * follows it (the tagger's tables name them in this order too).
 */
typedef enum {
	FRISE_MOD_NONE = 0,
	FRISE_MOD_START,         /* narrow: the first third of the period ("début 2024") */
	FRISE_MOD_MID,           /* narrow: the middle third */
	FRISE_MOD_END,           /* narrow: the last third ("fin 2024") */
	FRISE_MOD_BEFORE,        /* bound: some time before the period ("avant 2025") */
	FRISE_MOD_AFTER,         /* bound: some time after it */
	FRISE_MOD_ON_OR_AFTER,   /* bound: from its start on ("depuis mars") */
	FRISE_MOD_ON_OR_BEFORE,  /* bound: up to its end ("jusqu'en mars") */
	FRISE_MOD_APPROX,        /* approximate: about the period ("vers 2024") */
	FRISE_MOD_EQUAL_OR_LESS, /* approximate: a quantity at most */
	FRISE_MOD_EQUAL_OR_MORE, /* approximate: a quantity at least */
	FRISE_MOD_LESS_THAN,     /* approximate: a quantity under */
	FRISE_MOD_MORE_THAN,     /* approximate: a quantity over */
	FRISE_MOD_COUNT
} FriseMod;

/* What kind of change a mod makes to the days a value covers. */
typedef enum {
	FRISE_MOD_KIND_NONE = 0, /* no mod: the value's days */
	FRISE_MOD_KIND_NARROW,   /* a part of the value's days (START, MID, END) */
	FRISE_MOD_KIND_BOUND,    /* open on one side of the value (BEFORE, AFTER, ON_OR_…) */
	FRISE_MOD_KIND_APPROX    /* about the value (APPROX, LESS_THAN, …) */
} FriseModKind;

/* The TIMEX3 name ("" for NONE); static storage. date_mod_parse() reads
 * it back: NULL or "" is NONE, an unknown name FRISE_MOD_COUNT. */
const char *date_mod_name(FriseMod mod);
FriseMod date_mod_parse(const char *name);
FriseModKind date_mod_kind(FriseMod mod);
/* date_mod_kind(date_mod_parse(name)); an unknown name is NONE. */
FriseModKind date_mod_kind_of(const char *name);

/* A TIMEX3 value taken apart. Fields the granularity does not use are 0. */
typedef struct {
	FriseGranularity gran;   /* FRISE_GRAN_NONE when it is not a date */
	bool anchored;           /* the year is known */
	int year;                /* for DECADE: 1990; CENTURY: 1900 */
	int month, day;          /* 1-based */
	int week;                /* ISO week number */
	int part;                /* quarter or half number, 1-based */
	char season[3];          /* SP SU FA WI */
	char pod[3];             /* part of day: MO AF EV NI DT MI */
	int hour, minute, second;
} FriseDateParts;

/*
 * Reads a TIMEX3 calendar value: the one parser of frise (every stage and
 * renderer that needs a value's parts asks this). Days are checked
 * against their month and year ("2013-02-29" is not a date), weeks
 * against their year ("2024-W53" is not: 2024 has 52 ISO weeks).
 * Returns false, with out->gran = FRISE_GRAN_NONE, for anything else
 * (a duration "P3M", "PRESENT_REF", garbage).
 */
bool date_parse(const char *value, FriseDateParts *out);

/* Granularity of a TIMEX3 value; FRISE_GRAN_NONE when it is not a date. */
FriseGranularity date_granularity(const char *value);

/* True when the value names a period whose year is known ("2024-02"),
 * false for "XXXX-02", "PRESENT_REF", "P3M". */
bool date_is_anchored(const char *value);

/*
 * The days a value covers, [start, end): end is exclusive.
 *   "2024-02-15" -> 2024-02-15 .. 2024-02-16
 *   "2024-02"    -> 2024-02-01 .. 2024-03-01
 *   "2024"       -> 2024-01-01 .. 2025-01-01
 *   "2024-W12"   -> 2024-03-18 .. 2024-03-25 (ISO weeks start on Monday)
 *   "2024-WI"    -> 2024-12-21 .. 2025-03-20 (northern winter, astronomical)
 * Time values cover their day. The mod narrows the span: START is the
 * first third, MID the middle third, END the last third, rounded to
 * whole days; BEFORE/AFTER/APPROX leave it as it is.
 * Returns false (start/end untouched) for values that are not anchored.
 */
bool date_span(const char *value, const char *mod, GDate *start, GDate *end);

/*
 * Where a dated thing goes on a calendar, a picture or a page: the one
 * rule every renderer uses, [start, end) end-exclusive. No mod, a narrow
 * or an approximate mod: date_span(). A bound is one day on the side we
 * know: BEFORE X the last day before X ("avant 2025" -> 2024-12-31),
 * AFTER X the first day after it, ON_OR_AFTER X its first day,
 * ON_OR_BEFORE X its last day. False (start/end untouched) for values
 * that are not anchored.
 */
bool date_placed(const char *value, const char *mod, GDate *start, GDate *end);

/*
 * True when every day of `inner` lies within `outer` ("2024-02" contains
 * "2024-02-15" and "2024-W07"; a value contains itself). Unanchored
 * values contain nothing and are contained in nothing, except that two
 * equal strings always contain each other.
 */
bool date_contains(const char *outer, const char *inner);

/* -1, 0, 1: by start day, then coarser (longer) first, then by value;
 * mods aside. */
int date_compare(const char *a, const char *b);

/* The one order of dated things (events in every output): -1, 0, 1.
 * Anchored values first; by first day with the mod applied ("fin 2024"
 * starts in September), the longer span first, then as date_compare(),
 * then by value and mod strings. Callers break the last ties (event ids). */
int date_order(const char *value_a, const char *mod_a, const char *value_b, const char *mod_b);

/*
 * A date as written for a reader, in `lang`: "15 février 2024",
 * "février 2024", "2024", "semaine 12 de 2024", "printemps 2024",
 * "fin 2024" (mod END), "avant 2025" (BEFORE), "vers mars 2024" (APPROX);
 * in English "February 15, 2024", "February 2024", "late 2024",
 * "before 2025", "circa March 2024". `abbrev` uses short month names
 * ("févr. 2024", "Feb 2024").
 * Returns a new string: g_free() it.
 */
char *date_display(const char *value, const char *mod, FriseLang lang, bool abbrev);

/* Month name, 1..12, in `lang`; abbreviated when `abbrev` ("févr.").
 * Static storage. */
const char *date_month_name(int month, FriseLang lang, bool abbrev);

/* A day of a month without its year, as `lang` writes it: "1er mars",
 * "8 févr." / "March 1", "Feb 8". Returns a new string: g_free() it. */
char *date_day_month(int day, int month, FriseLang lang, bool abbrev);

/*
 * A value and its mod parsed once into Julian day numbers, for code that
 * compares many dates (the merge compares each newcomer with many events:
 * parsing the strings at each test was a fifth of it). Days are [lo, hi),
 * end-exclusive, as date_span() gives them: "2024-02" is lo = 2024-02-01,
 * hi = 2024-03-01.
 */
typedef struct {
	const char *value, *mod;  /* borrowed: they must outlive the DateDays */
	FriseGranularity gran;
	bool open;                /* an open mod: BEFORE, AFTER, ON_OR_… */
	bool has_days;            /* anchored: lo, hi hold its days, mod aside */
	bool has_mod_days;        /* mlo, mhi hold its days, mod applied */
	guint32 lo, hi, mlo, mhi;
} DateDays;

void date_days(const char *value, const char *mod, DateDays *out);
/* The days of `outer` (its mod applied: "fin 2024" is its last third)
 * include those of `inner` (without mods: as date_contains()). */
bool date_days_contain(const DateDays *outer, const DateDays *inner);
/* Compatible dates, which may name one happening: equal, or one contains
 * the other, mods applied; an open mod ("avant 2025") matches only itself. */
bool date_days_match(const DateDays *a, const DateDays *b);
/* Both day-precise (or finer) and at most `days` days apart. */
bool date_days_near(const DateDays *a, const DateDays *b, int days);
/* date_days_match() of two values and mods. */
bool date_compatible(const char *value_a, const char *mod_a, const char *value_b, const char *mod_b);

G_END_DECLS

#endif
