/*
 * date.c — views of a TIMEX3 value (prefix date_): granularity, the span of
 * days it covers, containment, order and display strings in French and
 * English. The value string is the only state; everything here is derived
 * from it on each call (see date.h). Days are GDate (proleptic Gregorian);
 * spans are end-exclusive. The TIMEX3 value grammar has no parser in GLib,
 * so the small one below is written by hand.
 */
#include "frise/date.h"

#include <string.h>

/* A value taken apart. Fields that the granularity does not use are 0. */
typedef struct {
	FriseGranularity gran;
	bool anchored;     /* the year is known */
	int year;          /* for DECADE: 1990; CENTURY: 1900 */
	int month, day;    /* 1-based */
	int week;          /* ISO week number */
	int part;          /* quarter or half number, 1-based */
	char season[3];    /* SP SU FA WI */
	char pod[3];       /* part of day: MO AF EV NI DT MI */
	int hour, minute, second;
} Parsed;

/* ORDER GRAN */
static const char *const gran_names[] = {
	"none", "century", "decade", "year", "half", "quarter", "season", "month",
	"week", "day", "part-of-day", "hour", "minute", "second"
};

const char *
date_granularity_name(FriseGranularity gran)
{
	return (unsigned)gran < G_N_ELEMENTS(gran_names) ? gran_names[gran] : "none";
}

/* Reads exactly n ASCII digits at *s; -1 if they are not there. */
static int
digits(const char **s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!g_ascii_isdigit((*s)[i]))
			return -1;
		v = v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	return v;
}

static bool
parse_time(const char *s, Parsed *p)
{
	static const char *const pods[] = { "MO", "AF", "EV", "NI", "DT", "MI" };
	for (size_t i = 0; i < G_N_ELEMENTS(pods); i++)
		if (strcmp(s, pods[i]) == 0) {
			memcpy(p->pod, pods[i], 3);
			p->gran = FRISE_GRAN_PART_OF_DAY;
			return true;
		}
	if ((p->hour = digits(&s, 2)) < 0 || p->hour > 24)
		return false;
	p->gran = FRISE_GRAN_HOUR;
	if (*s == '\0')
		return true;
	if (*s++ != ':' || (p->minute = digits(&s, 2)) < 0 || p->minute > 59)
		return false;
	p->gran = FRISE_GRAN_MINUTE;
	if (*s == '\0')
		return true;
	if (*s++ != ':' || (p->second = digits(&s, 2)) < 0 || p->second > 60)
		return false;
	p->gran = FRISE_GRAN_SECOND;
	return *s == '\0' || *s == 'Z' || *s == '+' || *s == '-' || *s == '.';
}

/* Fills *p from `v`; returns false when it is no date. */
static bool
parse_value(const char *v, Parsed *p)
{
	memset(p, 0, sizeof *p);
	if (v == NULL || strlen(v) < 2)
		return false;
	const char *s = v;
	if (strncmp(s, "XXXX", 4) == 0) {
		s += 4;
	} else if (g_ascii_isdigit(s[0]) && g_ascii_isdigit(s[1]) && s[2] == 'X' && s[3] == 'X' && s[4] == '\0') {
		p->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100;
		p->anchored = true;
		p->gran = FRISE_GRAN_CENTURY;
		return true;
	} else if (g_ascii_isdigit(s[0]) && g_ascii_isdigit(s[1]) && g_ascii_isdigit(s[2]) && s[3] == 'X' && s[4] == '\0') {
		p->year = ((s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0')) * 10;
		p->anchored = true;
		p->gran = FRISE_GRAN_DECADE;
		return true;
	} else {
		if ((p->year = digits(&s, 4)) < 1)
			return false;
		p->anchored = true;
	}
	if (*s == '\0') {
		p->gran = FRISE_GRAN_YEAR;
		return p->anchored;
	}
	if (*s++ != '-')
		return false;
	if (*s == 'W' && g_ascii_isdigit(s[1])) {
		s++;
		if ((p->week = digits(&s, 2)) < 1 || p->week > 53)
			return false;
		p->gran = FRISE_GRAN_WEEK;
		return *s == '\0' || strcmp(s, "-WE") == 0;
	}
	if ((*s == 'Q' || *s == 'H') && g_ascii_isdigit(s[1]) && s[2] == '\0') {
		p->part = s[1] - '0';
		p->gran = *s == 'Q' ? FRISE_GRAN_QUARTER : FRISE_GRAN_HALF;
		return p->part >= 1 && p->part <= (*s == 'Q' ? 4 : 2);
	}
	if (strcmp(s, "SP") == 0 || strcmp(s, "SU") == 0 || strcmp(s, "FA") == 0 || strcmp(s, "WI") == 0) {
		memcpy(p->season, s, 3);
		p->gran = FRISE_GRAN_SEASON;
		return true;
	}
	if ((p->month = digits(&s, 2)) < 1 || p->month > 12)
		return false;
	p->gran = FRISE_GRAN_MONTH;
	if (*s == '\0')
		return true;
	if (*s++ != '-' || (p->day = digits(&s, 2)) < 1 ||
	    p->day > g_date_get_days_in_month((GDateMonth)p->month, (GDateYear)(p->anchored ? p->year : 2000)))
		return false;
	p->gran = FRISE_GRAN_DAY;
	if (*s == '\0')
		return true;
	if (*s++ != 'T' || !parse_time(s, p))
		return false;
	return true;
}

/* As parse_value, and p->gran is FRISE_GRAN_NONE when it returns false. */
static bool
parse(const char *v, Parsed *p)
{
	if (parse_value(v, p))
		return true;
	p->gran = FRISE_GRAN_NONE;
	p->anchored = false;
	return false;
}

FriseGranularity
date_granularity(const char *value)
{
	Parsed p;
	parse(value, &p);
	return p.gran;
}

bool
date_is_anchored(const char *value)
{
	Parsed p;
	return parse(value, &p) && p.anchored;
}

static void
set_dmy(GDate *d, int day, int month, int year)
{
	g_date_clear(d, 1);
	g_date_set_dmy(d, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

/* Monday of ISO week 1: the week that holds 4 January. */
static void
iso_week_start(GDate *d, int year, int week)
{
	set_dmy(d, 4, 1, year);
	g_date_subtract_days(d, g_date_get_weekday(d) - G_DATE_MONDAY);
	g_date_add_days(d, (guint)(week - 1) * 7);
}

/* The span of a parsed anchored value, without mod. */
static void
span_of(const Parsed *p, GDate *start, GDate *end)
{
	int y = p->year;
	switch (p->gran) {
	case FRISE_GRAN_CENTURY:
		set_dmy(start, 1, 1, y);
		set_dmy(end, 1, 1, y + 100);
		break;
	case FRISE_GRAN_DECADE:
		set_dmy(start, 1, 1, y);
		set_dmy(end, 1, 1, y + 10);
		break;
	case FRISE_GRAN_YEAR:
		set_dmy(start, 1, 1, y);
		set_dmy(end, 1, 1, y + 1);
		break;
	case FRISE_GRAN_HALF:
	case FRISE_GRAN_QUARTER: {
		int months = p->gran == FRISE_GRAN_HALF ? 6 : 3;
		set_dmy(start, 1, 1 + (p->part - 1) * months, y);
		*end = *start;
		g_date_add_months(end, (guint)months);
		break;
	}
	case FRISE_GRAN_SEASON: {
		/* Astronomical seasons of the northern hemisphere, to the day
		 * they most often start on. Winter 2024 runs into 2025. */
		static const struct { char id[3]; int m0, d0, m1, d1, dy; } seasons[] = {
			{ "SP", 3, 20, 6, 21, 0 }, { "SU", 6, 21, 9, 23, 0 },
			{ "FA", 9, 23, 12, 21, 0 }, { "WI", 12, 21, 3, 20, 1 },
		};
		for (size_t i = 0; i < G_N_ELEMENTS(seasons); i++)
			if (strcmp(p->season, seasons[i].id) == 0) {
				set_dmy(start, seasons[i].d0, seasons[i].m0, y);
				set_dmy(end, seasons[i].d1, seasons[i].m1, y + seasons[i].dy);
			}
		break;
	}
	case FRISE_GRAN_MONTH:
		set_dmy(start, 1, p->month, y);
		*end = *start;
		g_date_add_months(end, 1);
		break;
	case FRISE_GRAN_WEEK:
		iso_week_start(start, y, p->week);
		*end = *start;
		g_date_add_days(end, 7);
		break;
	default: /* a day, or a time within it */
		set_dmy(start, p->day, p->month, y);
		*end = *start;
		g_date_add_days(end, 1);
		break;
	}
}

bool
date_span(const char *value, const char *mod, GDate *start, GDate *end)
{
	Parsed p;
	if (!parse(value, &p) || !p.anchored)
		return false;
	span_of(&p, start, end);
	if (mod == NULL || *mod == '\0')
		return true;
	int third = (int)g_date_days_between(start, end) / 3;
	if (third < 1)
		return true;
	if (strcmp(mod, "START") == 0) {
		*end = *start;
		g_date_add_days(end, (guint)third);
	} else if (strcmp(mod, "MID") == 0) {
		g_date_add_days(start, (guint)third);
		*end = *start;
		g_date_add_days(end, (guint)third);
	} else if (strcmp(mod, "END") == 0) {
		*start = *end;
		g_date_subtract_days(start, (guint)third);
	}
	return true;
}

bool
date_contains(const char *outer, const char *inner)
{
	if (outer != NULL && inner != NULL && strcmp(outer, inner) == 0)
		return true;
	GDate os, oe, is, ie;
	if (!date_span(outer, NULL, &os, &oe) || !date_span(inner, NULL, &is, &ie))
		return false;
	return g_date_compare(&os, &is) <= 0 && g_date_compare(&ie, &oe) <= 0;
}

int
date_compare(const char *a, const char *b)
{
	GDate as, ae, bs, be;
	bool ha = date_span(a, NULL, &as, &ae), hb = date_span(b, NULL, &bs, &be);
	if (ha != hb)
		return ha ? -1 : 1; /* unanchored values sort last */
	if (ha) {
		int c = g_date_compare(&as, &bs);
		if (c == 0)
			c = -g_date_compare(&ae, &be);
		if (c == 0)
			c = (int)date_granularity(a) - (int)date_granularity(b);
		if (c != 0)
			return c < 0 ? -1 : 1;
	}
	int c = g_strcmp0(a, b);
	return c < 0 ? -1 : c > 0;
}

int
date_order(const char *va, const char *ma, const char *vb, const char *mb)
{
	GDate as, ae, bs, be;
	g_date_clear(&as, 1), g_date_clear(&ae, 1), g_date_clear(&bs, 1), g_date_clear(&be, 1);
	bool ha = date_is_anchored(va) && date_span(va, ma, &as, &ae);
	bool hb = date_is_anchored(vb) && date_span(vb, mb, &bs, &be);
	if (ha != hb)
		return ha ? -1 : 1;
	if (ha) {
		int c = g_date_compare(&as, &bs);
		if (c == 0)
			c = -g_date_compare(&ae, &be); /* longer first */
		if (c != 0)
			return c < 0 ? -1 : 1;
	}
	int c = date_compare(va, vb);
	if (c == 0)
		c = strcmp(va, vb);
	if (c == 0)
		c = g_strcmp0(ma, mb);
	return c < 0 ? -1 : c > 0;
}

/* ORDER MONTH: January first. */
static const char *const months_fr[] = { "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
					  "août", "septembre", "octobre", "novembre", "décembre" };
static const char *const months_fr_abbr[] = { "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.",
					      "août", "sept.", "oct.", "nov.", "déc." };
static const char *const months_en[] = { "January", "February", "March", "April", "May", "June", "July",
					 "August", "September", "October", "November", "December" };
static const char *const months_en_abbr[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
					      "Aug", "Sep", "Oct", "Nov", "Dec" };

const char *
date_month_name(int month, FriseLang lang, bool abbrev)
{
	if (month < 1 || month > 12)
		return "";
	/* Indexing each table on its own: GCC's object-size check misreads
	 * (c ? a : b)[i] as an out-of-bounds access under UBSan. */
	if (lang == FRISE_LANG_FR)
		return abbrev ? months_fr_abbr[month - 1] : months_fr[month - 1];
	return abbrev ? months_en_abbr[month - 1] : months_en[month - 1];
}

/* Words of the display strings, one row per language. ORDER LANG for the
 * columns: [0] is used for FRISE_LANG_UNKNOWN and English. */
typedef struct {
	const char *key;
	const char *fr, *en;
} Word;

static const Word words[] = {
	/* mods: a format with one %s, the date */
	{ "START", "début %s", "early %s" },
	{ "MID", "mi-%s", "mid-%s" },
	{ "END", "fin %s", "late %s" },
	{ "BEFORE", "avant %s", "before %s" },
	{ "AFTER", "après %s", "after %s" },
	{ "ON_OR_BEFORE", "jusqu’à %s", "until %s" },
	{ "ON_OR_AFTER", "depuis %s", "since %s" },
	{ "APPROX", "vers %s", "around %s" },
	{ "LESS_THAN", "moins de %s", "less than %s" },
	{ "MORE_THAN", "plus de %s", "more than %s" },
	{ "EQUAL_OR_LESS", "au plus %s", "at most %s" },
	{ "EQUAL_OR_MORE", "au moins %s", "at least %s" },
	/* seasons */
	{ "SP", "printemps", "spring" },
	{ "SU", "été", "summer" },
	{ "FA", "automne", "autumn" },
	{ "WI", "hiver", "winter" },
	/* parts of day */
	{ "MO", "matin", "morning" },
	{ "AF", "après-midi", "afternoon" },
	{ "EV", "soir", "evening" },
	{ "NI", "nuit", "night" },
	{ "DT", "journée", "daytime" },
	{ "MI", "minuit", "midnight" },
	/* references */
	{ "PRESENT_REF", "aujourd’hui", "now" },
	{ "PAST_REF", "autrefois", "in the past" },
	{ "FUTURE_REF", "à l’avenir", "in the future" },
	{ NULL, NULL, NULL }
};

static const char *
word(const char *key, FriseLang lang)
{
	for (const Word *w = words; w->key != NULL; w++)
		if (strcmp(w->key, key) == 0)
			return lang == FRISE_LANG_FR ? w->fr : w->en;
	return NULL;
}

/* Day and month: "1er février", "15 février" / "February 15". */
static void
append_day_month(GString *s, int day, int month, FriseLang lang, bool abbrev)
{
	if (lang == FRISE_LANG_FR)
		g_string_append_printf(s, "%d%s %s", day, day == 1 ? "er" : "", date_month_name(month, lang, abbrev));
	else
		g_string_append_printf(s, "%s %d", date_month_name(month, lang, abbrev), day);
}

static void
append_plain(GString *s, const Parsed *p, FriseLang lang, bool abbrev)
{
	bool fr = lang == FRISE_LANG_FR;
	switch (p->gran) {
	case FRISE_GRAN_CENTURY: {
		int c = p->year / 100 + 1;
		if (fr)
			g_string_append_printf(s, "%de siècle", c);
		else
			g_string_append_printf(s, "%d%s century", c,
					       c % 10 == 1 && c != 11 ? "st" : c % 10 == 2 && c != 12 ? "nd" :
					       c % 10 == 3 && c != 13 ? "rd" : "th");
		break;
	}
	case FRISE_GRAN_DECADE:
		g_string_append_printf(s, fr ? "années %d" : "the %ds", p->year);
		break;
	case FRISE_GRAN_YEAR:
		g_string_append_printf(s, "%d", p->year);
		break;
	case FRISE_GRAN_HALF:
		if (fr)
			g_string_append_printf(s, "%s semestre %d", p->part == 1 ? "1er" : "2e", p->year);
		else
			g_string_append_printf(s, "H%d %d", p->part, p->year);
		break;
	case FRISE_GRAN_QUARTER:
		if (fr)
			g_string_append_printf(s, "%d%s trimestre %d", p->part, p->part == 1 ? "er" : "e", p->year);
		else
			g_string_append_printf(s, "Q%d %d", p->part, p->year);
		break;
	case FRISE_GRAN_SEASON:
		g_string_append_printf(s, "%s %d", word(p->season, lang), p->year);
		break;
	case FRISE_GRAN_MONTH:
		g_string_append(s, date_month_name(p->month, lang, abbrev));
		if (p->anchored)
			g_string_append_printf(s, " %d", p->year);
		break;
	case FRISE_GRAN_WEEK: {
		GDate d;
		iso_week_start(&d, p->year, p->week);
		g_string_append(s, fr ? "semaine du " : "week of ");
		append_day_month(s, g_date_get_day(&d), g_date_get_month(&d), lang, abbrev);
		g_string_append_printf(s, fr ? " %d" : ", %d", g_date_get_year(&d));
		break;
	}
	default:
		append_day_month(s, p->day, p->month, lang, abbrev);
		if (p->anchored)
			g_string_append_printf(s, fr ? " %d" : ", %d", p->year);
		if (p->gran == FRISE_GRAN_PART_OF_DAY)
			g_string_append_printf(s, " (%s)", word(p->pod, lang));
		else if (p->gran >= FRISE_GRAN_HOUR)
			g_string_append_printf(s, fr ? ", %d h %02d" : ", %02d:%02d", p->hour, p->minute);
		break;
	}
}

char *
date_display(const char *value, const char *mod, FriseLang lang, bool abbrev)
{
	if (lang != FRISE_LANG_FR)
		lang = FRISE_LANG_EN;
	Parsed p;
	GString *s = g_string_new(NULL);
	const char *ref = value ? word(value, lang) : NULL;
	const char *fmt = mod != NULL && *mod != '\0' ? word(mod, lang) : NULL;
	bool fr_season = false;
	if (ref != NULL && g_str_has_suffix(value, "_REF"))
		g_string_append(s, ref);
	else if (!parse(value, &p))
		g_string_append(s, value ? value : "");
	else if (lang == FRISE_LANG_FR && p.gran == FRISE_GRAN_SEASON && fmt != NULL && strcmp(mod, "MID") != 0) {
		/* A modified French season takes its article: "vers l’été
		 * 2024", "fin de l’hiver 2024", "début du printemps 2024". */
		fr_season = true;
		g_string_append_printf(s, "%s%s %d", strcmp(p.season, "SP") == 0 ? "le " : "l’",
				       word(p.season, lang), p.year);
		if (strcmp(mod, "START") == 0)
			fmt = "début de %s";
		else if (strcmp(mod, "END") == 0)
			fmt = "fin de %s";
	} else {
		append_plain(s, &p, lang, abbrev);
		if (!p.anchored)
			g_string_append(s, lang == FRISE_LANG_FR ? " (année inconnue)" : " (year unknown)");
	}
	if (fmt != NULL && strstr(fmt, "%s") != NULL) {
		char *plain = g_string_free(s, FALSE);
		/* The date goes where the format's %s is; not through printf,
		 * since `plain` comes from the input. */
		const char *at = strstr(fmt, "%s");
		s = g_string_new_len(fmt, at - fmt);
		g_string_append(s, plain);
		g_string_append(s, at + 2);
		g_free(plain);
	}
	if (fr_season) {
		/* à le -> au, de le -> du */
		char *t = g_string_free(s, FALSE);
		char **parts = g_strsplit(t, "à le ", 2);
		char *u = g_strjoinv("au ", parts);
		g_strfreev(parts);
		parts = g_strsplit(u, "de le ", 2);
		s = g_string_new(NULL);
		g_string_append(s, parts[0]);
		if (parts[1] != NULL)
			g_string_append_printf(s, "du %s", parts[1]);
		g_strfreev(parts);
		g_free(u);
		g_free(t);
	}
	return g_string_free(s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Days: a value and mod parsed once, for comparing many dates          */

static bool
mod_is_open(const char *mod)
{
	return strcmp(mod, "BEFORE") == 0 || strcmp(mod, "AFTER") == 0 ||
	       strcmp(mod, "ON_OR_BEFORE") == 0 || strcmp(mod, "ON_OR_AFTER") == 0;
}


void
date_days(const char *value, const char *mod, DateDays *d)
{
	GDate s, e;
	memset(d, 0, sizeof *d);
	d->value = value;
	d->mod = mod;
	d->gran = date_granularity(value);
	d->open = mod_is_open(mod);
	if ((d->has_days = date_span(value, "", &s, &e))) {
		d->lo = g_date_get_julian(&s);
		d->hi = g_date_get_julian(&e);
	}
	if ((d->has_mod_days = date_span(value, mod, &s, &e))) {
		d->mlo = g_date_get_julian(&s);
		d->mhi = g_date_get_julian(&e);
	}
}

/* The days of `outer` (its mod applied: "fin 2024" is its last third)
 * include those of `inner` (without mods: date_contains). */
bool
date_days_contain(const DateDays *outer, const DateDays *inner)
{
	if (outer->mod[0] == '\0' && inner->mod[0] == '\0')
		return strcmp(outer->value, inner->value) == 0 ||
		       (outer->has_days && inner->has_days && outer->lo <= inner->lo && inner->hi <= outer->hi);
	return outer->has_mod_days && inner->has_mod_days && outer->mlo <= inner->mlo && inner->mhi <= outer->mhi;
}

bool
date_days_match(const DateDays *a, const DateDays *b)
{
	bool same = strcmp(a->value, b->value) == 0 && strcmp(a->mod, b->mod) == 0;
	if (a->open || b->open || same)
		return same;
	return date_days_contain(a, b) || date_days_contain(b, a);
}

bool
date_compatible(const char *va, const char *ma, const char *vb, const char *mb)
{
	DateDays da, db;
	date_days(va, ma, &da);
	date_days(vb, mb, &db);
	return date_days_match(&da, &db);
}

bool
date_days_near(const DateDays *a, const DateDays *b, int days)
{
	if (a->gran < FRISE_GRAN_DAY || b->gran < FRISE_GRAN_DAY || !a->has_days || !b->has_days)
		return false;
	gint64 d = (gint64)b->lo - (gint64)a->lo;
	return d <= days && d >= -days;
}
