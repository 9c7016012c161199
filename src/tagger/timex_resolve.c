/*
 * timex_resolve.c — turns the slots of a match ("what was seen") into a
 * TIMEX3 value and mod, against an explicit document date (tx_resolve).
 * Nothing here reads the clock.
 *
 * News-style resolution: a year-less date takes the DCT's year, moved
 * back a year when the clause is past and the date after the DCT (forward
 * when future); a bare weekday is the latest one on or before the DCT
 * unless the clause is future; "dernier"/"last" moves strictly before.
 * A value keeps the granularity written: "février" is 2024-02.
 * Without the DCT fields needed, values stay underspecified (XXXX-02).
 */
#include "timex_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define V(s) (seen->v[TX_S_##s])
#define HAS(s) (seen->v[TX_S_##s] != TX_UNSET)

static const char *const pod_names[] = { "", "MO", "AF", "EV", "NI", "DT", "MI" };
static const char *const season_names[] = { "", "SP", "SU", "FA", "WI" };
static const char *const mod_names[] = {
	"", "START", "MID", "END", "BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE",
	"APPROX", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "LESS_THAN", "MORE_THAN"
};

/* A small printf for the values: %d, %0Nd, %s, %c only. The values are
 * made for every expression, and the C library's printf is most of the
 * tagger's time otherwise. */
static void
appf(GString *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			g_string_append_c(g, *p);
			continue;
		}
		p++;
		int width = 0;
		if (*p == '0') {
			p++;
			width = *p++ - '0';
		}
		if (*p == 'd') {
			int v = va_arg(ap, int);
			char buf[16];
			int n = 0;
			bool neg = v < 0;
			unsigned u = neg ? 0u - (unsigned)v : (unsigned)v;
			do {
				buf[n++] = (char)('0' + u % 10);
				u /= 10;
			} while (u);
			while (n < width)
				buf[n++] = '0';
			if (neg)
				g_string_append_c(g, '-');
			while (n > 0)
				g_string_append_c(g, buf[--n]);
		} else if (*p == 's') {
			g_string_append(g, va_arg(ap, const char *));
		} else if (*p == 'c') {
			g_string_append_c(g, (char)va_arg(ap, int));
		} else if (*p == '%') {
			g_string_append_c(g, '%');
		}
	}
	va_end(ap);
}

static void
step(const TxContext *c, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void
step(const TxContext *c, const char *fmt, ...)
{
	if (c->explain == NULL)
		return;
	va_list ap;
	va_start(ap, fmt);
	g_string_append_vprintf(c->explain, fmt, ap);
	va_end(ap);
	g_string_append(c->explain, "; ");
}

/* A two-digit year, placed in the century that puts it nearest the DCT
 * (no later than ten years after it). */
static int
full_year(int yy, const TxDct *d)
{
	int ref = d->gran ? d->year : 2000;
	int y = ref / 100 * 100 + yy;
	if (y > ref + 10)
		y -= 100;
	return y;
}

static void
iso_week(const GDate *d, int *year, int *week)
{
	GDate th = *d;
	int wd = g_date_get_weekday(&th); /* 1 = Monday */
	if (wd < 4)
		g_date_add_days(&th, 4 - wd);
	else if (wd > 4)
		g_date_subtract_days(&th, wd - 4);
	*year = g_date_get_year(&th);
	*week = (int)g_date_get_iso8601_week_of_year(d);
}

static void
add_days(GDate *d, int n)
{
	if (n > 0)
		g_date_add_days(d, n);
	else if (n < 0)
		g_date_subtract_days(d, -n);
}

/* Without a tense, a year-less date this far from the DCT in the DCT's
 * year is taken in the neighbouring year instead. */
#define NEAREST_DAYS 183

/* Days between the DCT and month/day (the 15th when no day) of its year. */
static int
days_apart(const TxDct *d, int month, int day)
{
	GDate a, b;
	g_date_clear(&a, 1);
	g_date_clear(&b, 1);
	g_date_set_dmy(&a, d->gran >= 3 ? d->day : 15, d->month, d->year);
	int dd = day ? day : 15;
	if (!g_date_valid_dmy(dd, month, d->year))
		dd = 28;
	g_date_set_dmy(&b, dd, month, d->year);
	return ABS(g_date_days_between(&a, &b));
}

/* The year of a year-less month (and day, 0 if none) from the DCT; 0 when
 * the DCT is too coarse to tell ("mars dernier" against DCT "2024"). */
static int
year_for(const TxSeen *seen, const TxContext *c, int month, int day, bool *rel)
{
	const TxDct *d = c->dct;
	*rel = true;
	int y = d->year;
	int shift = HAS(SHIFT) ? V(SHIFT) : 0;
	if (HAS(UNIT) && V(UNIT) == TX_U_YEAR) {
		/* "March last year", "mars de l'année dernière": the year is
		 * said, whatever the month and the DCT's precision */
		y += shift;
		step(c, "month of the DCT's year %+d -> %d", shift, y);
		return y;
	}
	if (d->gran < 2) {
		if (shift != 0) {
			/* "mars dernier" against a year-only DCT: this year's
			 * or last year's, the DCT cannot say */
			*rel = false;
			step(c, "DCT %d too coarse for 'last'/'next': year unknown", y);
			return 0;
		}
		step(c, "year from DCT %d", y);
		return y;
	}
	int cmp; /* date vs DCT: -1 before, 0 same, 1 after */
	if (month != d->month)
		cmp = month < d->month ? -1 : 1;
	else if (day == 0 || d->gran < 3)
		cmp = 0;
	else
		cmp = day < d->day ? -1 : day > d->day ? 1 : 0;
	if (shift < 0) {
		if (cmp > 0 || (cmp == 0 && day == 0))
			y--;
		step(c, "'last': the latest before the DCT -> %d", y);
	} else if (shift > 0) {
		if (cmp < 0 || (cmp == 0 && day == 0))
			y++;
		step(c, "'next': the first after the DCT -> %d", y);
	} else if (c->sent_y > 0 && tx_tense(c) != FRISE_TENSE_FUTURE &&
		   (c->sent_y < d->year || (c->sent_y == d->year && month >= c->sent_m && cmp <= 0))) {
		/* the sentence already said a year: a later month of it goes on
		 * from there ("began in May 2023 and ended in November") */
		y = month >= c->sent_m ? c->sent_y : c->sent_y + 1;
		if (y > d->year || (y == d->year && cmp > 0))
			y = d->year - (cmp > 0);
		step(c, "after %04d-%02d in this sentence -> %d", c->sent_y, c->sent_m, y);
	} else if (tx_tense(c) == FRISE_TENSE_PAST && cmp > 0 && days_apart(d, month, day) > 60) {
		y--;
		step(c, "past tense and well after the DCT -> previous year %d", y);
	} else if (tx_tense(c) == FRISE_TENSE_FUTURE && cmp < 0 && days_apart(d, month, day) > 20) {
		y++;
		step(c, "future tense and before the DCT -> next year %d", y);
	} else if (tx_tense(c) != FRISE_TENSE_PAST && tx_tense(c) != FRISE_TENSE_FUTURE &&
		   c->month_year != NULL && c->month_year[month] > 0) {
		/* no tense, but the text named this month with its year
		 * ("En février 2024 … celle de février") */
		y = c->month_year[month];
		step(c, "no tense; the text gave this month the year %d", y);
	} else if (tx_tense(c) != FRISE_TENSE_PAST && tx_tense(c) != FRISE_TENSE_FUTURE &&
		   cmp != 0 && days_apart(d, month, day) > NEAREST_DAYS) {
		/* no tense to go by and more than half a year away: the
		 * occurrence nearest the DCT ("payable Jan. 2" in November) */
		y += cmp > 0 ? -1 : 1;
		step(c, "no tense, over half a year from the DCT: the nearest, %d", y);
	} else {
		step(c, "year of the DCT %d", y);
	}
	return y;
}

static bool
dct_date(const TxContext *c, GDate *g)
{
	if (c->dct->gran < 3)
		return false;
	g_date_clear(g, 1);
	g_date_set_dmy(g, c->dct->day, c->dct->month, c->dct->year);
	return true;
}

/* The day a time of day or part of day hangs on: the last day the text
 * named, else the DCT. */
static bool
anchor_day(const TxContext *c, GString *v)
{
	if (c->anchor_y > 0) {
		appf(v, "%04d-%02d-%02d", c->anchor_y, c->anchor_m, c->anchor_d);
		step(c, "day from the last date mentioned %s", v->str);
		return true;
	}
	g_string_append(v, "XXXX-XX-XX");
	return false;
}

static bool
duration(const TxSeen *seen, const TxContext *c, GString *v)
{
	if (!HAS(UNIT))
		return false;
	int u = V(UNIT);
	int q = HAS(QTY) ? V(QTY) : 1;
	bool vague = q == TX_VAGUE;
	if (!vague && (q < 0 || q > 100000))
		return false;   /* "mille mille ans": not a duration anyone writes */
	bool half = HAS(FRAC) && V(FRAC) == 5;
	const char *letter;
	bool time = false;
	int mult = 1;
	switch (u) {
	case TX_U_YEAR: letter = "Y"; break;
	case TX_U_MONTH: letter = "M"; break;
	case TX_U_WEEK: letter = "W"; break;
	case TX_U_DAY: letter = "D"; break;
	case TX_U_HOUR: letter = "H"; time = true; break;
	case TX_U_MINUTE: letter = "M"; time = true; break;
	case TX_U_SECOND: letter = "S"; time = true; break;
	case TX_U_QUARTER: letter = "Q"; break;
	case TX_U_HALF: letter = "M"; mult = 6; break;
	case TX_U_DECADE: letter = "Y"; mult = 10; break;
	case TX_U_CENTURY: letter = "Y"; mult = 100; break;
	case TX_U_MILLENNIUM: letter = "Y"; mult = 1000; break;
	case TX_U_WEEKEND: letter = "WE"; break;
	case TX_U_NIGHT: letter = "D"; break;
	case TX_U_SEASON: letter = "M"; mult = 3; break;
	default: return false;
	}
	g_string_append(v, time ? "PT" : "P");
	if (!vague && half && mult == 1 && (u == TX_U_YEAR || u == TX_U_DAY || u == TX_U_HOUR || u == TX_U_MINUTE)) {
		/* a half in the next unit down, as TimeML writes it: "5 1/2
		 * hours" PT5H30M, "2 1/2 years" P2Y6M */
		static const char *const halves[] = {
			[TX_U_YEAR] = "Y6M", [TX_U_DAY] = "DT12H", [TX_U_HOUR] = "H30M", [TX_U_MINUTE] = "M30S",
		};
		appf(v, "%d%s", q, halves[u]);
		step(c, "duration %s", v->str);
		return true;
	}
	if (vague)
		g_string_append(v, "X");
	else if (half && mult == 1)
		appf(v, "%d.5", q);
	else if (HAS(FRAC) && mult == 1)
		appf(v, "%d.%d", q, V(FRAC));
	else
		appf(v, "%d", q * mult);
	g_string_append(v, letter);
	step(c, "duration %s", v->str);
	return true;
}

static bool
set_value(const TxSeen *seen, const TxContext *c, GString *v)
{
	if (HAS(WEEKDAY)) {
		appf(v, "XXXX-WXX-%d", V(WEEKDAY));
		if (HAS(POD))
			appf(v, "T%s", pod_names[V(POD)]);
		return true;
	}
	if (HAS(MONTH)) {
		if (HAS(DAY))
			appf(v, "XXXX-%02d-%02d", V(MONTH), V(DAY));
		else
			appf(v, "XXXX-%02d", V(MONTH));
		return true;
	}
	if (HAS(POD) && !HAS(UNIT)) {
		appf(v, "XXXX-XX-XXT%s", pod_names[V(POD)]);
		return true;
	}
	return duration(seen, c, v);
}

static void
ymd(GString *v, const GDate *g)
{
	appf(v, "%04d-%02d-%02d", g_date_get_year(g), g_date_get_month(g),
			       g_date_get_day(g));
}

/* A weekday near the DCT. */
static bool
weekday(const TxSeen *seen, const TxContext *c, GString *v, bool *rel)
{
	GDate g;
	int w = V(WEEKDAY);
	if (HAS(ANCHOR) && c->anchor_y > 0) {
		/* "ce même lundi": the week of the last day named; "the
		 * previous Friday", "le lundi suivant": the one before or after
		 * it */
		g_date_clear(&g, 1);
		g_date_set_dmy(&g, c->anchor_d, c->anchor_m, c->anchor_y);
		int aw = g_date_get_weekday(&g);
		int sh = HAS(SHIFT) ? V(SHIFT) : 0;
		if (sh < 0)
			add_days(&g, -((aw - w + 7) % 7 ? (aw - w + 7) % 7 : 7));
		else if (sh > 0)
			add_days(&g, (w - aw + 7) % 7 ? (w - aw + 7) % 7 : 7);
		else
			add_days(&g, w - aw);
		ymd(v, &g);
		*rel = true;
		step(c, "weekday %d %s the last day named", w,
		     sh < 0 ? "before" : sh > 0 ? "after" : "in the week of");
		return true;
	}
	if (!dct_date(c, &g)) {
		appf(v, "XXXX-WXX-%d", w);
		return true;
	}
	*rel = true;
	int dw = g_date_get_weekday(&g);
	int shift = HAS(SHIFT) ? V(SHIFT) : 0;
	int back = (dw - w + 7) % 7, fwd = (w - dw + 7) % 7;
	if (shift < 0) {
		add_days(&g, -(back ? back : 7));
		step(c, "weekday %d strictly before the DCT", w);
	} else if (shift > 0) {
		add_days(&g, fwd ? fwd : 7);
		step(c, "weekday %d strictly after the DCT", w);
	} else if (tx_tense(c) == FRISE_TENSE_FUTURE) {
		add_days(&g, fwd);
		step(c, "future tense: weekday %d on or after the DCT", w);
	} else {
		add_days(&g, -back);
		step(c, "weekday %d on or before the DCT", w);
	}
	ymd(v, &g);
	return true;
}

static int
season_of_month(int m)
{
	/* meteorological, as news uses them: MAM spring, JJA summer, SON fall */
	if (m >= 3 && m <= 5)
		return 1;
	if (m >= 6 && m <= 8)
		return 2;
	if (m >= 9 && m <= 11)
		return 3;
	return 4;
}

/* The last value named, as a base for "a year earlier": YYYY, YYYY-MM,
 * YYYY-MM-DD (time part ignored), YYYY-Qn (its first month). */
static bool
parse_last(const char *s, TxDct *d)
{
	memset(d, 0, sizeof *d);
	if (s == NULL || strlen(s) < 4)
		return false;
	for (int i = 0; i < 4; i++)
		if (!g_ascii_isdigit(s[i]))
			return false;
	d->year = atoi(s);
	d->gran = 1;
	if (s[4] == 0)
		return true;
	if (s[4] != '-')
		return false;
	if (s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
		d->month = (s[6] - '1') * 3 + 1;
		d->gran = 2;
		return true;
	}
	if (!g_ascii_isdigit(s[5]) || !g_ascii_isdigit(s[6]))
		return true;
	d->month = atoi(s + 5);
	if (d->month < 1 || d->month > 12)
		return false;
	d->gran = 2;
	if (s[7] == '-' && g_ascii_isdigit(s[8]) && g_ascii_isdigit(s[9])) {
		d->day = atoi(s + 8);
		if (g_date_valid_dmy(d->day, d->month, d->year))
			d->gran = 3;
	}
	return true;
}

/* A value counted from the DCT in `unit`s: "la semaine dernière",
 * "il y a trois ans", "cette année". */
static bool
relative(const TxSeen *seen, const TxContext *c, GString *v, bool *rel)
{
	int u = V(UNIT);
	int n = 0;
	if (HAS(SHIFT))
		n = V(SHIFT);
	if (HAS(DIR)) {
		int q = HAS(QTY) ? V(QTY) : 1;
		if (q == TX_VAGUE) {
			g_string_append(v, V(DIR) < 0 ? "PAST_REF" : "FUTURE_REF");
			return true;
		}
		if (q < 0 || q > 10000)
			return false;
		n += V(DIR) * q;
	}
	if (n < -10000 || n > 10000)
		return false;
	const TxDct *d = c->dct;
	/* anchor=3, "the following month": whatever the distance */
	const char *lastv = HAS(ANCHOR) && V(ANCHOR) == 3 ? c->last_far : c->last;
	GDate g;
	bool day = dct_date(c, &g);
	TxDct last;
	static const int need[] = {
		[TX_U_YEAR] = 1, [TX_U_MONTH] = 2, [TX_U_QUARTER] = 2, [TX_U_HALF] = 2,
		[TX_U_SEASON] = 2, [TX_U_DECADE] = 1, [TX_U_CENTURY] = 1, [TX_U_DAY] = 3,
		[TX_U_WEEK] = 3, [TX_U_WEEKEND] = 3,
	};
	if (HAS(ANCHOR) && u == TX_U_DAY && c->anchor_y > 0) {
		/* "la veille", "the next day": from the last day named */
		g_date_clear(&g, 1);
		g_date_set_dmy(&g, c->anchor_d, c->anchor_m, c->anchor_y);
		day = true;
		step(c, "from the last day named");
	} else if (HAS(ANCHOR) && u < (int)G_N_ELEMENTS(need) && need[u] > 0 &&
		   parse_last(lastv, &last) && last.gran >= need[u]) {
		/* "a year earlier": from the last date named */
		d = &last;
		if (last.gran == 3) {
			g_date_clear(&g, 1);
			g_date_set_dmy(&g, last.day, last.month, last.year);
		}
		step(c, "from the last date named %s", lastv);
	}
	*rel = true;
	switch (u) {
	case TX_U_YEAR:
		if (d->gran < 1)
			break;
		if (d == &last && V(ANCHOR) == 2 && last.year < c->dct->year && n < 0) {
			/* anchor=2, the adjective "year-ago"/"year-earlier":
			 * it names the period a year before the current one;
			 * a date already before the DCT's year ("last year",
			 * "the year-ago quarter") is that period itself */
			g_string_append(v, lastv);
			step(c, "the last date named %s is already a year back", lastv);
			return true;
		}
		if (d == &last && strlen(lastv) > 5 && lastv[4] == '-' && lastv[5] == 'Q') {
			/* "a year earlier" keeps the granularity of the quarter
			 * it is anchored on: 1989-Q3 -> 1988-Q3 (TimeBank) */
			appf(v, "%04d%s", d->year + n, lastv + 4);
			step(c, "year of the last date named %+d", n);
			return true;
		}
		if (HAS(ANCHOR) && V(ANCHOR) == 2 && d != &last && c->last_quarter != NULL &&
		    c->last_quarter[0] && atoi(c->last_quarter) < c->dct->year && n < 0) {
			g_string_append(v, c->last_quarter);
			step(c, "the quarter named a few sentences back %s is already a year back", c->last_quarter);
			return true;
		}
		if (HAS(ANCHOR) && d != &last && c->last_quarter != NULL && c->last_quarter[0]) {
			/* no date in this sentence or the one before, but a
			 * quarter a few sentences back: earnings news compares
			 * quarters ("A year earlier, net income was…") */
			appf(v, "%04d%s", atoi(c->last_quarter) + n, c->last_quarter + 4);
			step(c, "quarter named a few sentences back %s %+d year(s)", c->last_quarter, n);
			return true;
		}
		appf(v, "%04d", d->year + n);
		step(c, "%s year %d %+d", d == &last ? "that" : "DCT", d->year, n);
		return true;
	case TX_U_MONTH:
		if (d->gran < 2)
			break;
		{
			int mi = d->year * 12 + (d->month - 1) + n;
			appf(v, "%04d-%02d", mi / 12, mi % 12 + 1);
			step(c, "%s month %+d", d == &last ? "that" : "DCT", n);
		}
		return true;
	case TX_U_QUARTER:
	case TX_U_HALF:
		if (d->gran < 2)
			break;
		if (u == TX_U_QUARTER && HAS(ANCHOR) && d != &last && c->last_quarter != NULL &&
		    strlen(c->last_quarter) == 7 && c->last_quarter[5] == 'Q') {
			/* "that quarter", "the following quarter": from the
			 * quarter named a few sentences back */
			int qi = atoi(c->last_quarter) * 4 + (c->last_quarter[6] - '1') + n;
			appf(v, "%04d-Q%d", qi / 4, qi % 4 + 1);
			step(c, "quarter named a few sentences back %s %+d", c->last_quarter, n);
			return true;
		}
		{
			int per = u == TX_U_QUARTER ? 3 : 6;
			int nper = 12 / per;
			int qi = d->year * nper + (d->month - 1) / per + n;
			appf(v, "%04d-%c%d", qi / nper, u == TX_U_QUARTER ? 'Q' : 'H',
					       qi % nper + 1);
		}
		return true;
	case TX_U_DAY:
		if (!day)
			break;
		add_days(&g, n);
		ymd(v, &g);
		step(c, "DCT %+d day(s)", n);
		return true;
	case TX_U_WEEK:
	case TX_U_WEEKEND:
		if (!day)
			break;
		{
			int dw = g_date_get_weekday(&g);
			if (u == TX_U_WEEKEND && !HAS(SHIFT) && !HAS(DIR)) {
				/* this weekend: the coming one in the future, else the last */
				if (tx_tense(c) != FRISE_TENSE_FUTURE && dw < 6)
					n = -1;
			}
			add_days(&g, 7 * n);
			int y, w;
			iso_week(&g, &y, &w);
			appf(v, "%04d-W%02d%s", y, w, u == TX_U_WEEKEND ? "-WE" : "");
			step(c, "week of the DCT %+d", n);
		}
		return true;
	case TX_U_DECADE:
		if (d->gran < 1)
			break;
		appf(v, "%03dX", d->year / 10 + n);
		return true;
	case TX_U_CENTURY:
		if (d->gran < 1)
			break;
		appf(v, "%02dXX", d->year / 100 + n);
		return true;
	case TX_U_SEASON:
		if (d->gran < 2)
			break;
		{
			int s = season_of_month(d->month);
			int y = d->year - (d->month <= 2 ? 1 : 0);
			int si = y * 4 + (s - 1) + n;
			appf(v, "%04d-%s", si / 4, season_names[si % 4 + 1]);
		}
		return true;
	default:
		*rel = false;
		return false;
	}
	/* not enough DCT */
	*rel = false;
	static const char *const under[] = {
		[TX_U_YEAR] = "XXXX", [TX_U_MONTH] = "XXXX-XX", [TX_U_DAY] = "XXXX-XX-XX",
		[TX_U_WEEK] = "XXXX-WXX", [TX_U_WEEKEND] = "XXXX-WXX-WE",
		[TX_U_QUARTER] = "XXXX-QX", [TX_U_HALF] = "XXXX-HX", [TX_U_DECADE] = "XXXX",
		[TX_U_CENTURY] = "XXXX", [TX_U_SEASON] = "XXXX-XX",
	};
	g_string_append(v, under[u] ? under[u] : "XXXX");
	return true;
}

/* "le premier dimanche du printemps", "the second Monday of May": the
 * num-th weekday from the start of the month or the (astronomical, as
 * date.c) season. */
static bool
nth_weekday(const TxSeen *seen, const TxContext *c, int year, GString *v, bool *rel)
{
	static const int season_start[][2] = { { 0, 0 }, { 3, 20 }, { 6, 21 }, { 9, 22 }, { 12, 21 } };
	int m, dd;
	if (HAS(MONTH)) {
		m = V(MONTH);
		dd = 1;
	} else {
		m = season_start[V(SEASON)][0];
		dd = season_start[V(SEASON)][1];
	}
	if (m < 1 || m > 12 || V(NUM) < 1 || V(NUM) > 5)
		return false;
	if (year == 0) {
		if (c->dct->gran == 0)
			return false;
		year = year_for(seen, c, m, 0, rel);
		if (year == 0)
			return false;
	}
	GDate g;
	g_date_clear(&g, 1);
	g_date_set_dmy(&g, dd, m, year);
	int wd = g_date_get_weekday(&g);
	add_days(&g, (V(WEEKDAY) - wd + 7) % 7 + 7 * (V(NUM) - 1));
	ymd(v, &g);
	step(c, "weekday %d number %d from %04d-%02d-%02d", V(WEEKDAY), V(NUM), year, m, dd);
	return true;
}

/* Easter Sunday of `year` (Gregorian; the anonymous algorithm of Nature,
 * 1876, as in Meeus): month and day. GLib has no such function. */
static void
easter(int year, int *month, int *day)
{
	int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	*month = (h + l - 7 * m + 114) / 31;
	*day = (h + l - 7 * m + 114) % 31 + 1;
}

/* A feast counted from Easter ("Pâques" 0, "Pentecôte" +49): the year
 * said, else the DCT's moved by tense like a year-less date. */
static bool
movable_feast(const TxSeen *seen, const TxContext *c, int year, GString *v, bool *rel)
{
	if (year == 0) {
		if (c->dct->gran == 0) {
			appf(v, "XXXX-XX-XX");
			return true;
		}
		int em, ed;
		easter(c->dct->year, &em, &ed);
		GDate g;
		g_date_clear(&g, 1);
		g_date_set_dmy(&g, ed, em, c->dct->year);
		add_days(&g, V(EASTER));
		year = year_for(seen, c, g_date_get_month(&g), g_date_get_day(&g), rel);
		if (year == 0) {
			appf(v, "XXXX-XX-XX");
			return true;
		}
	}
	int em, ed;
	easter(year, &em, &ed);
	GDate g;
	g_date_clear(&g, 1);
	g_date_set_dmy(&g, ed, em, year);
	add_days(&g, V(EASTER));
	step(c, "Easter %04d-%02d-%02d %+d days", year, em, ed, V(EASTER));
	if (HAS(UNIT) && V(UNIT) == TX_U_WEEK) {
		/* "Easter week": the ISO week holding that day */
		int wy, wk;
		iso_week(&g, &wy, &wk);
		appf(v, "%04d-W%02d", wy, wk);
		return true;
	}
	ymd(v, &g);
	return true;
}

static bool
date_value(const TxSeen *seen, const TxContext *c, GString *v, bool *rel)
{
	const TxDct *d = c->dct;
	if (HAS(YEAR) && (V(YEAR) < 1000 || V(YEAR) > 2199))
		return false;   /* "the year ten": a spelled number, no year of news */
	int year = HAS(YEAR) ? V(YEAR) : HAS(YY) ? full_year(V(YY), d) : 0;
	if (HAS(DECADE)) {
		int dec = V(DECADE);
		if (dec < 100)
			dec = full_year(dec, d);
		appf(v, "%03dX", dec / 10);
		return true;
	}
	if (HAS(CENTURY)) {
		appf(v, "%02dXX", V(CENTURY) - 1);
		return true;
	}
	if (HAS(EASTER))
		return movable_feast(seen, c, year, v, rel);
	if (HAS(NUM) && HAS(WEEKDAY) && (HAS(MONTH) || HAS(SEASON)))
		return nth_weekday(seen, c, year, v, rel);
	if (HAS(MONTH)) {
		int m = V(MONTH), day = HAS(DAY) ? V(DAY) : 0;
		if (m < 1 || m > 12)
			return false;
		if (day > 0 && year > 0 && !g_date_valid_dmy(day, m, year))
			return false;
		if (day > 31)
			return false;
		if (year == 0) {
			if (d->gran == 0) {
				appf(v, "XXXX-%02d", m);
				if (day)
					appf(v, "-%02d", day);
				return true;
			}
			year = year_for(seen, c, m, day, rel);
			if (year == 0) {
				appf(v, "XXXX-%02d", m);
				if (day)
					appf(v, "-%02d", day);
				return true;
			}
			if (HAS(WEEKDAY) && day > 0) {
				/* "jeudi 12 novembre": the year nearest the one
				 * chosen where the 12th of November is a Thursday */
				for (int k = 0; k <= 12; k++) {
					int y = year + (k % 2 ? (k + 1) / 2 : -k / 2);
					if (g_date_valid_dmy(day, m, y)) {
						GDate g;
						g_date_clear(&g, 1);
						g_date_set_dmy(&g, day, m, y);
						if ((int)g_date_get_weekday(&g) == V(WEEKDAY)) {
							if (y != year)
								step(c, "weekday %d fits year %d", V(WEEKDAY), y);
							year = y;
							break;
						}
					}
				}
			}
		}
		if (day && HAS(UNIT) && V(UNIT) == TX_U_WEEK && g_date_valid_dmy(day, m, year)) {
			/* "the week of March 6": the ISO week holding that day */
			GDate g;
			int wy, wk;
			g_date_clear(&g, 1);
			g_date_set_dmy(&g, day, m, year);
			iso_week(&g, &wy, &wk);
			appf(v, "%04d-W%02d", wy, wk);
			step(c, "the week of %04d-%02d-%02d", year, m, day);
			return true;
		}
		appf(v, "%04d-%02d", year, m);
		if (day)
			appf(v, "-%02d", day);
		return true;
	}
	if (HAS(SEASON)) {
		int s = V(SEASON);
		if (year == 0) {
			if (d->gran == 0) {
				appf(v, "XXXX-%s", season_names[s]);
				return true;
			}
			if (!HAS(SHIFT) && tx_tense(c) != FRISE_TENSE_PAST && tx_tense(c) != FRISE_TENSE_FUTURE) {
				/* "en été", present tense: any summer */
				appf(v, "XXXX-%s", season_names[s]);
				step(c, "season without year, shift or tense: generic");
				return true;
			}
			if (d->gran < 2 && HAS(SHIFT) && V(SHIFT) != 0) {
				/* "le printemps dernier" against a year-only DCT */
				appf(v, "XXXX-%s", season_names[s]);
				step(c, "DCT %d too coarse for 'last'/'next': year unknown", d->year);
				return true;
			}
			year = d->year;
			*rel = true;
			if (d->gran >= 2) {
				int ds = season_of_month(d->month);
				int shift = HAS(SHIFT) ? V(SHIFT) : 0;
				/* January and February belong to the winter that
				 * began the year before: "last fall" in February
				 * 1998 is 1997-FA */
				year = d->month <= 2 ? d->year - 1 : d->year;
				if ((shift < 0 && s >= ds) || (shift == 0 && tx_tense(c) == FRISE_TENSE_PAST && s > ds))
					year--;
				else if ((shift > 0 && s <= ds) || (shift == 0 && tx_tense(c) == FRISE_TENSE_FUTURE && s < ds))
					year++;
				else if (shift == 0 && tx_tense(c) != FRISE_TENSE_PAST && s < ds)
					year = d->year; /* "this spring" in February: the coming one */
			}
		}
		appf(v, "%04d-%s", year, season_names[s]);
		return true;
	}
	if (HAS(QUARTER) || HAS(HALF)) {
		if (year == 0 && HAS(UNIT) && V(UNIT) == TX_U_YEAR && d->gran >= 1) {
			/* "next year's first quarter": the year is said */
			year = d->year + (HAS(SHIFT) ? V(SHIFT) : 0);
			*rel = true;
			step(c, "quarter of the DCT's year %+d", HAS(SHIFT) ? V(SHIFT) : 0);
		}
		if (year == 0) {
			if (d->gran == 0) {
				g_string_append(v, "XXXX");
			} else {
				year = d->year;
				*rel = true;
				if (d->gran >= 2) {
					/* as for months: a past quarter after the DCT's
					 * is last year's; a future one two or more
					 * before it next year's (not the one just
					 * ended: earnings are reported after it) */
					int per = HAS(QUARTER) ? 3 : 6;
					int q = HAS(QUARTER) ? V(QUARTER) : V(HALF);
					int dq = (d->month - 1) / per + 1;
					if (q > dq && tx_tense(c) == FRISE_TENSE_PAST)
						year--;
					else if (q <= dq - 2 && tx_tense(c) == FRISE_TENSE_FUTURE)
						year++;
				}
			}
		}
		if (year)
			appf(v, "%04d", year);
		if (HAS(QUARTER))
			appf(v, "-Q%d", V(QUARTER));
		else
			appf(v, "-H%d", V(HALF));
		return true;
	}
	if (HAS(WEEKDAY) && HAS(DAY) && c->dct->gran >= 2) {
		/* "lundi 23": the month nearest the DCT's where the 23rd is a
		 * Monday, the past first unless the clause is future */
		int dir = tx_tense(c) == FRISE_TENSE_FUTURE ? 1 : -1;
		for (int k = 0; k <= 12; k++) {
			int off = k == 0 ? 0 : (k % 2 ? dir : -dir) * ((k + 1) / 2);
			int mi = c->dct->year * 12 + (c->dct->month - 1) + off;
			int y = mi / 12, m = mi % 12 + 1;
			if (!g_date_valid_dmy(V(DAY), m, y))
				continue;
			GDate g;
			g_date_clear(&g, 1);
			g_date_set_dmy(&g, V(DAY), m, y);
			if ((int)g_date_get_weekday(&g) == V(WEEKDAY)) {
				*rel = true;
				ymd(v, &g);
				step(c, "weekday %d on day %d: month %04d-%02d", V(WEEKDAY), V(DAY), y, m);
				return true;
			}
		}
	}
	if (HAS(WEEKDAY))
		return weekday(seen, c, v, rel);
	if (HAS(UNIT) && !HAS(YEAR))
		return relative(seen, c, v, rel);
	if (HAS(DAY)) {
		/* "le 15": the month of the last date named, else the DCT's */
		if (c->anchor_y > 0) {
			appf(v, "%04d-%02d-%02d", c->anchor_y, c->anchor_m, V(DAY));
			*rel = true;
			return g_date_valid_dmy(V(DAY), c->anchor_m, c->anchor_y);
		}
		appf(v, "XXXX-XX-%02d", V(DAY));
		return true;
	}
	if (year > 0 && HAS(UNIT) && V(UNIT) == TX_U_QUARTER && d->gran >= 2) {
		/* "the 1988 quarter", "the 1989 period": earnings news
		 * compares the latest quarter (the DCT's + shift) across
		 * years */
		int q = ((d->month - 1) / 3 + (HAS(SHIFT) ? V(SHIFT) : 0)) % 4;
		if (q < 0)
			q += 4;
		appf(v, "%04d-Q%d", year, q + 1);
		step(c, "the latest quarter (DCT's %+d) of the year said", HAS(SHIFT) ? V(SHIFT) : 0);
		return true;
	}
	if (year > 0) {
		appf(v, "%04d", year);
		return true;
	}
	return false;
}

bool
tx_resolve(const TxSeen *seen, const TxContext *c, char *value, char *mod, bool *relative_)
{
	GString *v = c->scratch != NULL ? g_string_truncate(c->scratch, 0) : g_string_new(NULL);
	bool ok = true;
	*relative_ = false;
	mod[0] = 0;
	if (HAS(MOD) && V(MOD) > 0 && V(MOD) < (int)G_N_ELEMENTS(mod_names))
		g_strlcpy(mod, mod_names[V(MOD)], 16);
	if (HAS(REF)) {
		static const char *const refs[] = { "", "PRESENT_REF", "PAST_REF", "FUTURE_REF" };
		g_string_append(v, refs[V(REF) & 3]);
	} else if (c->type == FRISE_TIMEX_DURATION) {
		ok = duration(seen, c, v);
	} else if (c->type == FRISE_TIMEX_SET) {
		ok = set_value(seen, c, v);
	} else {
		bool dated = HAS(YEAR) || HAS(YY) || HAS(DECADE) || HAS(CENTURY) || HAS(MONTH) || HAS(EASTER) ||
			     HAS(SEASON) || HAS(QUARTER) || HAS(HALF) || HAS(WEEKDAY) || HAS(UNIT) ||
			     HAS(DAY);
		if (dated)
			ok = date_value(seen, c, v, relative_);
		bool timed = HAS(HOUR) || HAS(POD);
		if (ok && timed) {
			if (!dated)
				*relative_ = anchor_day(c, v) || *relative_;
			/* a time needs a day */
			bool isday = v->len == 10 && g_ascii_isdigit(v->str[0]) && v->str[4] == '-';
			bool xday = v->len == 10 && v->str[0] == 'X';
			if (isday || xday) {
				if (HAS(HOUR)) {
					int h = V(HOUR);
					if (HAS(PM) && h < 12)
						h += 12;
					if (h > 24 || (HAS(MINUTE) && V(MINUTE) > 59)) {
						ok = false;
					} else {
						appf(v, "T%02d:%02d", h,
								       HAS(MINUTE) ? V(MINUTE) : 0);
					}
				} else {
					appf(v, "T%s", pod_names[V(POD)]);
				}
			}
		}
	}
	if (ok && (v->len == 0 || v->len >= 48))
		ok = false;
	if (ok) {
		memcpy(value, v->str, v->len + 1);
		step(c, "value %s%s%s", value, mod[0] ? " mod " : "", mod);
	}
	if (v != c->scratch)
		g_string_free(v, TRUE);
	return ok;
}
