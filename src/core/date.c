/*
 * date.c — views of a TIMEX3 value (prefix date_): granularity, the span of
 * days it covers, containment, order and display strings in French and
 * English. The value string is the only state; everything here is derived
 * from it on each call (see date.h). Days are GDate (proleptic Gregorian);
 * spans are end-exclusive. The TIMEX3 value grammar has no parser in GLib,
 * so the small one below is written by hand.
 */
#include "frise/date.h"
#include "core/lang.h"

#include <stdarg.h>

#include <string.h>


/* ORDER GRAN */
static const char *const gran_names[] = {
	"none", "century", "decade", "year", "half", "quarter", "season", "month",
	"week", "day", "part_of_day", "hour", "minute", "second"
};

const char *
date_granularity_name(FriseGranularity gran)
{
	return (unsigned)gran < G_N_ELEMENTS(gran_names) ? gran_names[gran] : "none";
}

FriseGranularity
date_granularity_parse(const char *name)
{
	for (size_t g = 0; name != NULL && g < G_N_ELEMENTS(gran_names); g++)
		if (strcmp(name, gran_names[g]) == 0)
			return (FriseGranularity)g;
	if (name != NULL && strcmp(name, "part-of-day") == 0)
		return FRISE_GRAN_PART_OF_DAY; /* the spelling before the schema's, in older stores */
	return FRISE_GRAN_NONE;
}

/* ORDER MOD: the name and kind of each FriseMod. */
static const struct {
	const char *name;
	FriseModKind kind;
} mods[FRISE_MOD_COUNT] = {
	{ "", FRISE_MOD_KIND_NONE },
	{ "START", FRISE_MOD_KIND_NARROW },
	{ "MID", FRISE_MOD_KIND_NARROW },
	{ "END", FRISE_MOD_KIND_NARROW },
	{ "BEFORE", FRISE_MOD_KIND_BOUND },
	{ "AFTER", FRISE_MOD_KIND_BOUND },
	{ "ON_OR_AFTER", FRISE_MOD_KIND_BOUND },
	{ "ON_OR_BEFORE", FRISE_MOD_KIND_BOUND },
	{ "APPROX", FRISE_MOD_KIND_APPROX },
	{ "EQUAL_OR_LESS", FRISE_MOD_KIND_APPROX },
	{ "EQUAL_OR_MORE", FRISE_MOD_KIND_APPROX },
	{ "LESS_THAN", FRISE_MOD_KIND_APPROX },
	{ "MORE_THAN", FRISE_MOD_KIND_APPROX },
};

const char *
date_mod_name(FriseMod mod)
{
	return (unsigned)mod < FRISE_MOD_COUNT ? mods[mod].name : "";
}

FriseMod
date_mod_parse(const char *name)
{
	if (name == NULL || *name == '\0')
		return FRISE_MOD_NONE;
	for (int m = 1; m < FRISE_MOD_COUNT; m++)
		if (strcmp(name, mods[m].name) == 0)
			return (FriseMod)m;
	return FRISE_MOD_COUNT;
}

FriseModKind
date_mod_kind(FriseMod mod)
{
	return (unsigned)mod < FRISE_MOD_COUNT ? mods[mod].kind : FRISE_MOD_KIND_NONE;
}

FriseModKind
date_mod_kind_of(const char *name)
{
	return date_mod_kind(date_mod_parse(name));
}

/* Reads exactly n ASCII digits at *s; -1 if they are not there. */
/* The number of ISO weeks of `year`: 53 when 28 December falls in week 53. */
static int
iso_weeks(int year)
{
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_dmy(&d, 28, G_DATE_DECEMBER, (GDateYear)year);
	return (int)g_date_get_iso8601_week_of_year(&d);
}

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
parse_time(const char *s, FriseDateParts *p)
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
parse_value(const char *v, FriseDateParts *p)
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
		/* a year has 52 ISO weeks, or 53 when it starts on a Thursday
		 * (or a Wednesday, in a leap year): 2024-W53 is no week */
		if ((p->week = digits(&s, 2)) < 1 || p->week > (p->anchored ? iso_weeks(p->year) : 53))
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

bool
date_parse(const char *v, FriseDateParts *p)
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
	FriseDateParts p;
	date_parse(value, &p);
	return p.gran;
}

bool
date_is_anchored(const char *value)
{
	FriseDateParts p;
	return date_parse(value, &p) && p.anchored;
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
span_of(const FriseDateParts *p, GDate *start, GDate *end)
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
	FriseDateParts p;
	if (!date_parse(value, &p) || !p.anchored)
		return false;
	span_of(&p, start, end);
	if (mod == NULL || *mod == '\0')
		return true;
	int third = (int)g_date_days_between(start, end) / 3;
	if (third < 1)
		return true;
	switch (date_mod_parse(mod)) {
	case FRISE_MOD_START:
		*end = *start;
		g_date_add_days(end, (guint)third);
		break;
	case FRISE_MOD_MID:
		g_date_add_days(start, (guint)third);
		*end = *start;
		g_date_add_days(end, (guint)third);
		break;
	case FRISE_MOD_END:
		*start = *end;
		g_date_subtract_days(start, (guint)third);
		break;
	default:
		break;
	}
	return true;
}

bool
date_placed(const char *value, const char *mod, GDate *start, GDate *end)
{
	if (!date_is_anchored(value) || !date_span(value, mod, start, end))
		return false;
	switch (date_mod_parse(mod)) {
	case FRISE_MOD_BEFORE:
		*end = *start;
		g_date_subtract_days(start, 1);
		break;
	case FRISE_MOD_AFTER:
		*start = *end;
		g_date_add_days(end, 1);
		break;
	case FRISE_MOD_ON_OR_AFTER:
		*end = *start;
		g_date_add_days(end, 1);
		break;
	case FRISE_MOD_ON_OR_BEFORE:
		*start = *end;
		g_date_subtract_days(start, 1);
		break;
	default:
		break;
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

const char *
date_month_name(int month, FriseLang lang, bool abbrev)
{
	const LangWords *w = lang_list(lang_or_english(lang), abbrev ? LANG_MONTHS_ABBR : LANG_MONTHS);
	if (month < 1 || month > 12 || (guint)month > w->n)
		return "";
	return w->items[month - 1];
}

/* The string `key` + "." + n in `lang` itself, else `key` (with the
 * English fallback): "date.quarter.1" is "1er trimestre %d" in French. */
static const char *
numbered(FriseLang lang, const char *key, int n)
{
	char k[64];
	g_snprintf(k, sizeof k, "%s.%d", key, n);
	const char *v = lang_string_own(lang, k);
	return v != NULL ? v : lang_string(lang, key);
}

/* The ordinal suffix of n: "st", "nd", "rd", "th" in English (11, 12, 13
 * take "th"), "e" in French. */
static const char *
ordinal(FriseLang lang, int n)
{
	char k[32];
	g_snprintf(k, sizeof k, "ordinal.%d", n % 100);
	const char *v = lang_string_own(lang, k);
	if (v == NULL) {
		g_snprintf(k, sizeof k, "ordinal.%d", n % 10);
		v = lang_string_own(lang, k);
	}
	if (v == NULL)
		v = lang_string_own(lang, "ordinal");
	return v != NULL ? v : "";
}

/* Formats come from the built-in language data (src/lang/), never from
 * the input: the printf below reads no user text as a format. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
append_fmt(GString *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	g_string_append_vprintf(s, fmt, ap);
	va_end(ap);
}
#pragma GCC diagnostic pop

/* A day of a month: "1er février", "15 février" / "February 15";
 * with the year when `year` is not 0. */
static void
append_day(GString *s, int day, int month, int year, FriseLang lang, bool abbrev)
{
	GString *dm = g_string_new(NULL);
	append_fmt(dm, numbered(lang, "date.day-month", day), day, date_month_name(month, lang, abbrev));
	if (year != 0)
		append_fmt(s, lang_string(lang, "date.day"), dm->str, year);
	else
		g_string_append(s, dm->str);
	g_string_free(dm, TRUE);
}

char *
date_day_month(int day, int month, FriseLang lang, bool abbrev)
{
	GString *s = g_string_new(NULL);
	append_day(s, day, month, 0, lang_or_english(lang), abbrev);
	return g_string_free(s, FALSE);
}

static void
append_plain(GString *s, const FriseDateParts *p, FriseLang lang, bool abbrev)
{
	char key[32];
	switch (p->gran) {
	case FRISE_GRAN_CENTURY: {
		int c = p->year / 100 + 1;
		append_fmt(s, lang_string(lang, "date.century"), c, ordinal(lang, c));
		break;
	}
	case FRISE_GRAN_DECADE:
		append_fmt(s, lang_string(lang, "date.decade"), p->year);
		break;
	case FRISE_GRAN_YEAR:
		g_string_append_printf(s, "%d", p->year);
		break;
	case FRISE_GRAN_HALF:
		append_fmt(s, numbered(lang, "date.half", p->part), p->year);
		break;
	case FRISE_GRAN_QUARTER:
		append_fmt(s, numbered(lang, "date.quarter", p->part), p->year);
		break;
	case FRISE_GRAN_SEASON:
		g_snprintf(key, sizeof key, "season.%s", p->season);
		append_fmt(s, lang_string(lang, "date.season"), lang_string(lang, key), p->year);
		break;
	case FRISE_GRAN_MONTH:
		if (p->anchored)
			append_fmt(s, lang_string(lang, "date.month"), date_month_name(p->month, lang, abbrev), p->year);
		else
			g_string_append(s, date_month_name(p->month, lang, abbrev));
		break;
	case FRISE_GRAN_WEEK: {
		GDate d;
		iso_week_start(&d, p->year, p->week);
		GString *day = g_string_new(NULL);
		append_day(day, g_date_get_day(&d), g_date_get_month(&d), g_date_get_year(&d), lang, abbrev);
		append_fmt(s, lang_string(lang, "date.week"), day->str);
		g_string_free(day, TRUE);
		break;
	}
	default: {
		GString *day = g_string_new(NULL);
		append_day(day, p->day, p->month, p->anchored ? p->year : 0, lang, abbrev);
		if (p->gran == FRISE_GRAN_PART_OF_DAY) {
			g_snprintf(key, sizeof key, "pod.%s", p->pod);
			append_fmt(s, lang_string(lang, "date.pod"), day->str, lang_string(lang, key));
		} else if (p->gran >= FRISE_GRAN_HOUR) {
			append_fmt(s, lang_string(lang, "date.time"), day->str, p->hour, p->minute);
		} else {
			g_string_append(s, day->str);
		}
		g_string_free(day, TRUE);
		break;
	}
	}
}

/* `text` with each "A = B" of the language's [contractions] applied
 * once ("à le " -> "au "). Returns a new string. */
static char *
contract(FriseLang lang, const char *text)
{
	char *t = g_strdup(text);
	const LangWords *c = lang_list(lang, LANG_CONTRACTIONS);
	for (guint i = 0; i < c->n; i++) {
		const char *eq = strstr(c->items[i], " = ");
		if (eq == NULL)
			continue;
		/* a whole word: "à le " but not "à les " */
		char *from = g_strdup_printf("%.*s ", (int)(eq - c->items[i]), c->items[i]);
		char *at = strstr(t, from);
		if (at != NULL) {
			char *u = g_strdup_printf("%.*s%s %s", (int)(at - t), t, eq + 3, at + strlen(from));
			g_free(t);
			t = u;
		}
		g_free(from);
	}
	return t;
}

char *
date_display(const char *value, const char *mod, FriseLang lang, bool abbrev)
{
	lang = lang_or_english(lang);
	FriseDateParts p;
	GString *s = g_string_new(NULL);
	char key[48];
	g_snprintf(key, sizeof key, "ref.%s", value ? value : "");
	const char *ref = value && g_str_has_suffix(value, "_REF") ? lang_string_own(lang, key) : NULL;
	if (ref == NULL && value && g_str_has_suffix(value, "_REF"))
		ref = lang_string_own(FRISE_LANG_EN, key);
	g_snprintf(key, sizeof key, "mod.%s", mod ? mod : "");
	const char *fmt = mod != NULL && *mod != '\0' ? lang_string_own(lang, key) : NULL;
	if (fmt == NULL && mod != NULL && *mod != '\0')
		fmt = lang_string_own(FRISE_LANG_EN, key);
	bool contracted = false;
	if (ref != NULL) {
		g_string_append(s, ref);
	} else if (!date_parse(value, &p)) {
		g_string_append(s, value ? value : "");
	} else {
		/* A language may say a modified season with its article ("vers
		 * l’été 2024", "fin de l’hiver 2024", "début du printemps
		 * 2024"): season-the.* and season-mod.* in its strings. */
		g_snprintf(key, sizeof key, "season-the.%s", p.gran == FRISE_GRAN_SEASON ? p.season : "");
		const char *the = lang_string_own(lang, key);
		if (the != NULL && fmt != NULL && date_mod_parse(mod) != FRISE_MOD_MID) {
			contracted = true;
			g_string_append_printf(s, "%s %d", the, p.year);
			g_snprintf(key, sizeof key, "season-mod.%s", mod);
			const char *sf = lang_string_own(lang, key);
			if (sf != NULL)
				fmt = sf;
		} else {
			append_plain(s, &p, lang, abbrev);
			if (!p.anchored) {
				char *plain = g_string_free(s, FALSE);
				s = g_string_new(NULL);
				append_fmt(s, lang_string(lang, "date.year-unknown"), plain);
				g_free(plain);
			}
		}
	}
	if (fmt != NULL && strstr(fmt, "%s") != NULL) {
		/* not through printf: `plain` may come from the input */
		char *plain = g_string_free(s, FALSE);
		char *filled = lang_fill(fmt, plain);
		s = g_string_new(filled);
		g_free(filled);
		g_free(plain);
	}
	if (contracted) {
		char *t = g_string_free(s, FALSE);
		char *c = contract(lang, t);
		g_free(t);
		return c;
	}
	return g_string_free(s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Days: a value and mod parsed once, for comparing many dates          */


void
date_days(const char *value, const char *mod, DateDays *d)
{
	GDate s, e;
	memset(d, 0, sizeof *d);
	d->value = value;
	d->mod = mod;
	d->gran = date_granularity(value);
	d->open = date_mod_kind_of(mod) == FRISE_MOD_KIND_BOUND;
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
