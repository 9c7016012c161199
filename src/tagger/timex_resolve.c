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
 *
 * Exports tx_resolve, and to timex_relative.c (which holds the values
 * counted from the DCT or from the last date named: weekdays, "la semaine
 * dernière", "il y a trois ans", "a year earlier") the value printer
 * tx_appf, the --explain trace tx_step, tx_iso_week, tx_amounts and
 * tx_season_names.
 */
#include "timex_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define V(s) (seen->v[TX_S_##s])
#define HAS(s) (seen->v[TX_S_##s] != TX_UNSET)

static const char *const pod_names[] = { "", "MO", "AF", "EV", "NI", "DT", "MI" };
const char *const tx_season_names[5] = { "", "SP", "SU", "FA", "WI" };
static const char *const mod_names[] = {
	"", "START", "MID", "END", "BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE",
	"APPROX", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "LESS_THAN", "MORE_THAN"
};

/* A small printf for the values: %d, %0Nd, %s, %c only. The values are
 * made for every expression, and the C library's printf is most of the
 * tagger's time otherwise. */
void
tx_appf(GString *g, const char *fmt, ...)
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

void
tx_step(const TxContext *c, const char *fmt, ...)
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

void
tx_iso_week(const GDate *d, int *year, int *week)
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
		tx_step(c, "month of the DCT's year %+d -> %d", shift, y);
		return y;
	}
	if (d->gran < 2) {
		if (shift != 0) {
			/* "mars dernier" against a year-only DCT: this year's
			 * or last year's, the DCT cannot say */
			*rel = false;
			tx_step(c, "DCT %d too coarse for 'last'/'next': year unknown", y);
			return 0;
		}
		tx_step(c, "year from DCT %d", y);
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
		tx_step(c, "'last': the latest before the DCT -> %d", y);
	} else if (shift > 0) {
		if (cmp < 0 || (cmp == 0 && day == 0))
			y++;
		tx_step(c, "'next': the first after the DCT -> %d", y);
	} else if (c->sent_y > 0 &&
		   (c->sent_y < d->year || (c->sent_y == d->year && month >= c->sent_m && cmp <= 0)) &&
		   tx_tense(c) != FRISE_TENSE_FUTURE) {
		/* the sentence already said a year: a later month of it goes on
		 * from there ("began in May 2023 and ended in November") */
		y = month >= c->sent_m ? c->sent_y : c->sent_y + 1;
		if (y > d->year || (y == d->year && cmp > 0))
			y = d->year - (cmp > 0);
		tx_step(c, "after %04d-%02d in this sentence -> %d", c->sent_y, c->sent_m, y);
	} else if (cmp > 0 && days_apart(d, month, day) > 60 && tx_tense(c) == FRISE_TENSE_PAST) {
		y--;
		tx_step(c, "past tense and well after the DCT -> previous year %d", y);
	} else if (cmp < 0 && days_apart(d, month, day) > 20 && tx_tense(c) == FRISE_TENSE_FUTURE) {
		y++;
		tx_step(c, "future tense and before the DCT -> next year %d", y);
	} else if (c->month_year != NULL && c->month_year[month] > 0 &&
		   tx_tense(c) != FRISE_TENSE_PAST && tx_tense(c) != FRISE_TENSE_FUTURE) {
		/* no tense, but the text named this month with its year
		 * ("En février 2024 … celle de février") */
		y = c->month_year[month];
		tx_step(c, "no tense; the text gave this month the year %d", y);
	} else if (cmp != 0 && days_apart(d, month, day) > NEAREST_DAYS &&
		   tx_tense(c) != FRISE_TENSE_PAST && tx_tense(c) != FRISE_TENSE_FUTURE) {
		/* no tense to go by and more than half a year away: the
		 * occurrence nearest the DCT ("payable Jan. 2" in November) */
		y += cmp > 0 ? -1 : 1;
		tx_step(c, "no tense, over half a year from the DCT: the nearest, %d", y);
	} else {
		tx_step(c, "year of the DCT %d", y);
	}
	return y;
}


/* The day a time of day or part of day hangs on: the last day the text
 * named, else the DCT. */
static bool
anchor_day(const TxContext *c, GString *v)
{
	if (c->anchor_y > 0) {
		tx_appf(v, "%04d-%02d-%02d", c->anchor_y, c->anchor_m, c->anchor_d);
		tx_step(c, "day from the last date mentioned %s", v->str);
		return true;
	}
	g_string_append(v, "XXXX-XX-XX");
	return false;
}

/* The amounts of a compound offset ("1 an 11 mois", "1 year, 1 month, 1
 * week"): [0] years … [6] seconds; false when the match had one pair. */
bool
tx_amounts(const TxSeen *seen, int a[7])
{
	static const int slots[7] = { TX_S_N_Y, TX_S_N_M, TX_S_N_W, TX_S_N_D, TX_S_N_H, TX_S_N_MIN, TX_S_N_S };
	if (!HAS(NPAIRS) || V(NPAIRS) < 2)
		return false;
	for (int i = 0; i < 7; i++)
		a[i] = seen->v[slots[i]] == TX_UNSET ? 0 : seen->v[slots[i]];
	return true;
}

/* "P1Y11M", "P1DT2H": a compound duration, weeks counted as days (ISO
 * 8601 does not mix W with the other units). */
static bool
compound_duration(const int a[7], const TxContext *c, GString *v)
{
	static const char letters[] = "YMWDHMS";
	g_string_append_c(v, 'P');
	int d = a[3] + 7 * a[2];
	for (int i = 0; i < 2; i++)
		if (a[i])
			tx_appf(v, "%d%c", a[i], letters[i]);
	if (d)
		tx_appf(v, "%dD", d);
	if (a[4] || a[5] || a[6]) {
		g_string_append_c(v, 'T');
		for (int i = 4; i < 7; i++)
			if (a[i])
				tx_appf(v, "%d%c", a[i], letters[i]);
	}
	if (v->len == 1)
		return false;
	tx_step(c, "compound duration %s", v->str);
	return true;
}

static bool
duration(const TxSeen *seen, const TxContext *c, GString *v)
{
	int am[7];
	if (tx_amounts(seen, am))
		return compound_duration(am, c, v);
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
		tx_appf(v, "%d%s", q, halves[u]);
		tx_step(c, "duration %s", v->str);
		return true;
	}
	if (vague)
		g_string_append(v, "X");
	else if (half && mult == 1)
		tx_appf(v, "%d.5", q);
	else if (HAS(FRAC) && mult == 1)
		tx_appf(v, "%d.%d", q, V(FRAC));
	else
		tx_appf(v, "%d", q * mult);
	g_string_append(v, letter);
	tx_step(c, "duration %s", v->str);
	return true;
}

static bool
set_value(const TxSeen *seen, const TxContext *c, GString *v)
{
	if (HAS(WEEKDAY)) {
		tx_appf(v, "XXXX-WXX-%d", V(WEEKDAY));
		if (HAS(POD))
			tx_appf(v, "T%s", pod_names[V(POD)]);
		return true;
	}
	if (HAS(MONTH)) {
		if (HAS(DAY))
			tx_appf(v, "XXXX-%02d-%02d", V(MONTH), V(DAY));
		else
			tx_appf(v, "XXXX-%02d", V(MONTH));
		return true;
	}
	if (HAS(POD) && !HAS(UNIT)) {
		tx_appf(v, "XXXX-XX-XXT%s", pod_names[V(POD)]);
		return true;
	}
	return duration(seen, c, v);
}

/* The n-th weekday, week, weekend or day of a month, a season or a year
 * ("le premier dimanche du printemps", "the second Monday of May", "last
 * Friday of October", "la première semaine d'octobre 2014", "the 5th last
 * day of May", "the third last week of 2018", "the first Monday of next
 * month"); n < 0 counts from the end (fromend=1 or num=-1). Weeks and
 * weekends are the whole ones inside the period. */
static bool
nth_of(const TxSeen *seen, const TxContext *c, int year, GString *v, bool *rel)
{
	static const int season_start[][2] = { { 0, 0 }, { 3, 20 }, { 6, 21 }, { 9, 22 }, { 12, 21 } };
	int n = V(NUM) * (HAS(FROMEND) && V(FROMEND) ? -1 : 1);
	int m = 0, dd = 1;
	bool in_month = true;
	int unit = HAS(WEEKDAY) ? TX_U_NONE : HAS(UNIT) ? V(UNIT) : TX_U_NONE;
	if (HAS(MONTH)) {
		m = V(MONTH);
	} else if (HAS(SEASON) && V(SEASON) >= 1 && V(SEASON) <= 4) {
		m = season_start[V(SEASON)][0];
		dd = season_start[V(SEASON)][1];
		in_month = false;
		if (n < 0)
			return false;
	} else if (HAS(WEEKDAY) && HAS(UNIT) && V(UNIT) == TX_U_MONTH) {
		/* "the first Monday of next month" */
		if (c->dct->gran < 2)
			return false;
		int mi = c->dct->year * 12 + c->dct->month - 1 + (HAS(SHIFT) ? V(SHIFT) : 0);
		year = mi / 12;
		m = mi % 12 + 1;
		*rel = true;
	} else if (year > 0 && (unit == TX_U_WEEK || unit == TX_U_WEEKEND || unit == TX_U_DAY)) {
		in_month = false;   /* the weeks of a year */
	} else {
		return false;
	}
	if (n == 0 || n > 53 || n < -53 || (m != 0 && (m < 1 || m > 12)))
		return false;
	if (year == 0) {
		if (c->dct->gran == 0 || m == 0)
			return false;
		year = year_for(seen, c, m, 0, rel);
		if (year == 0)
			return false;
	}
	if (year < 1 || year > 9999)
		return false;
	GDate lo, hi;   /* the period, both days in it */
	g_date_clear(&lo, 1);
	g_date_clear(&hi, 1);
	if (m == 0) {
		g_date_set_dmy(&lo, 1, 1, year);
		g_date_set_dmy(&hi, 31, 12, year);
	} else if (in_month) {
		g_date_set_dmy(&lo, 1, m, year);
		g_date_set_dmy(&hi, g_date_get_days_in_month(m, year), m, year);
	} else {
		g_date_set_dmy(&lo, dd, m, year);
		hi = lo;
		tx_add_days(&hi, 92);
	}
	GDate g = n > 0 ? lo : hi;
	int k = ABS(n) - 1;
	if (HAS(WEEKDAY)) {
		int wd = g_date_get_weekday(&g);
		if (n > 0)
			tx_add_days(&g, (V(WEEKDAY) - wd + 7) % 7 + 7 * k);
		else
			tx_add_days(&g, -((wd - V(WEEKDAY) + 7) % 7) - 7 * k);
		tx_step(c, "weekday %d number %d of the period from %04d-%02d-%02d", V(WEEKDAY), n, year, m, dd);
	} else if (unit == TX_U_DAY) {
		tx_add_days(&g, n > 0 ? k : -k);
		tx_step(c, "day %d of the period", n);
	} else if (unit == TX_U_WEEK || unit == TX_U_WEEKEND) {
		/* the first Monday (Saturday) with its whole week (weekend)
		 * inside, or the last one */
		int first = unit == TX_U_WEEK ? 1 : 6, wd = g_date_get_weekday(&g);
		int len = unit == TX_U_WEEK ? 7 : 2;
		if (n > 0) {
			tx_add_days(&g, (first - wd + 7) % 7 + 7 * k);
		} else {
			tx_add_days(&g, -(len - 1));   /* the latest start with its end inside */
			wd = g_date_get_weekday(&g);
			tx_add_days(&g, -((wd - first + 7) % 7) - 7 * k);
		}
		GDate end = g;
		tx_add_days(&end, len - 1);
		if (g_date_compare(&g, &lo) < 0 || g_date_compare(&end, &hi) > 0)
			return false;
		int wy, wk;
		tx_iso_week(&g, &wy, &wk);
		tx_appf(v, "%04d-W%02d%s", wy, wk, unit == TX_U_WEEKEND ? "-WE" : "");
		tx_step(c, "%s %d of the period", unit == TX_U_WEEK ? "week" : "weekend", n);
		return true;
	} else {
		return false;
	}
	if (g_date_compare(&g, &lo) < 0 || g_date_compare(&g, &hi) > 0)
		return false;
	tx_ymd(v, &g);
	return true;
}

/* The R.D. day of the feast the slots name in Gregorian year y (0: none):
 * counted from Easter (easter=N, cal=ORTHODOX for the Julian one) or a
 * date of another calendar (cal=HEBREW month=7 day=10: Yom Kippur). */
static int
feast_rd(const TxSeen *seen, int y)
{
	int cal = HAS(CAL) ? V(CAL) : TX_CAL_GREGORIAN;
	if (y < 1 || y > 9999)
		return 0;
	if (HAS(EASTER))
		return tx_cal_easter(y, cal == TX_CAL_ORTHODOX) + V(EASTER);
	return tx_cal_day(cal, y, HAS(MONTH) ? V(MONTH) : 1, HAS(DAY) ? V(DAY) : 1);
}

/* A movable feast: the year said, else the DCT's moved by tense like a
 * year-less date (the occurrence in the DCT's year decides). */
static bool
movable_feast(const TxSeen *seen, const TxContext *c, int year, GString *v, bool *rel)
{
	GDate g;
	g_date_clear(&g, 1);
	if (year == 0) {
		int rd = c->dct->gran > 0 ? feast_rd(seen, c->dct->year) : 0;
		if (rd <= 0) {
			tx_appf(v, "XXXX-XX-XX");
			return true;
		}
		g_date_set_julian(&g, (guint32)rd);
		year = year_for(seen, c, g_date_get_month(&g), g_date_get_day(&g), rel);
		if (year == 0) {
			tx_appf(v, "XXXX-XX-XX");
			return true;
		}
	}
	int rd = feast_rd(seen, year);
	if (rd <= 0)
		return false;
	g_date_set_julian(&g, (guint32)rd);
	tx_step(c, "feast of %d: %04d-%02d-%02d", year, g_date_get_year(&g), g_date_get_month(&g), g_date_get_day(&g));
	if (HAS(UNIT) && V(UNIT) == TX_U_WEEK) {
		/* "Easter week": the ISO week holding that day */
		int wy, wk;
		tx_iso_week(&g, &wy, &wk);
		tx_appf(v, "%04d-W%02d", wy, wk);
		return true;
	}
	tx_ymd(v, &g);
	return true;
}

static bool
date_value(const TxSeen *seen, const TxContext *c, GString *v, bool *rel)
{
	const TxDct *d = c->dct;
	if (HAS(ERA) && HAS(YEAR)) {
		/* "44 BC", "AD 79": the era says it is a year, of any size;
		 * TimeML writes a year before Christ BC0044 */
		if (V(YEAR) < 1 || V(YEAR) > 9999)
			return false;
		tx_appf(v, V(ERA) < 0 ? "BC%04d" : "%04d", V(YEAR));
		tx_step(c, "year %d %s", V(YEAR), V(ERA) < 0 ? "before Christ" : "of the common era");
		return true;
	}
	if (HAS(YEAR) && (V(YEAR) < 1000 || V(YEAR) > 2999))
		return false;   /* "the year ten": a spelled number, no year of news */
	if (HAS(YEAR) && HAS(NEAR) && V(NEAR) &&
	    (V(YEAR) < 1700 || V(YEAR) > (d->gran ? d->year + 30 : 2100))) {
		/* a bare number is a year only when one is likely: "1300
		 * morts", "injured about 1000" are counts; "en 1300" says it */
		tx_step(c, "bare %d too far from the DCT to be a year", V(YEAR));
		return false;
	}
	int year = HAS(YEAR) ? V(YEAR) : HAS(YY) ? full_year(V(YY), d) : 0;
	if (HAS(DECADE)) {
		int dec = V(DECADE);
		if (dec < 100)
			dec = full_year(dec, d);
		tx_appf(v, "%03dX", dec / 10);
		return true;
	}
	if (HAS(CENTURY)) {
		tx_appf(v, "%02dXX", V(CENTURY) - 1);
		return true;
	}
	if (HAS(EASTER) || (HAS(CAL) && V(CAL) >= TX_CAL_HEBREW))
		return movable_feast(seen, c, year, v, rel);
	if (HAS(NUM) && (HAS(WEEKDAY) ? HAS(MONTH) || HAS(SEASON) || (HAS(UNIT) && V(UNIT) == TX_U_MONTH) :
			 HAS(UNIT) && (V(UNIT) == TX_U_WEEK || V(UNIT) == TX_U_WEEKEND || V(UNIT) == TX_U_DAY) &&
			 (HAS(MONTH) || year > 0)))
		return nth_of(seen, c, year, v, rel);
	if (HAS(MONTH)) {
		int m = V(MONTH), day = HAS(DAY) ? V(DAY) : 0;
		if (m < 1 || m > 12)
			return false;
		if (day > 0 && year > 0 && !g_date_valid_dmy(day, m, year))
			return false;
		if (day > (int)g_date_get_days_in_month(m, 2000))
			return false;   /* "31 février", "31/04": no day ever */
		if (year == 0) {
			if (d->gran == 0) {
				tx_appf(v, "XXXX-%02d", m);
				if (day)
					tx_appf(v, "-%02d", day);
				return true;
			}
			year = year_for(seen, c, m, day, rel);
			if (year == 0) {
				tx_appf(v, "XXXX-%02d", m);
				if (day)
					tx_appf(v, "-%02d", day);
				return true;
			}
			if (m == 2 && day == 29 && !g_date_is_leap_year(year)) {
				/* "29 février" in 2013: the leap year the tense points
				 * to, else the nearest */
				int back = year, fwd = year;
				while (!g_date_is_leap_year(back))
					back--;
				while (!g_date_is_leap_year(fwd))
					fwd++;
				int tn = tx_tense(c);
				year = tn == FRISE_TENSE_PAST ? back : tn == FRISE_TENSE_FUTURE ? fwd :
				       year - back <= fwd - year ? back : fwd;
				tx_step(c, "--02-29: leap year %d", year);
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
								tx_step(c, "weekday %d fits year %d", V(WEEKDAY), y);
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
			tx_iso_week(&g, &wy, &wk);
			tx_appf(v, "%04d-W%02d", wy, wk);
			tx_step(c, "the week of %04d-%02d-%02d", year, m, day);
			return true;
		}
		tx_appf(v, "%04d-%02d", year, m);
		if (day)
			tx_appf(v, "-%02d", day);
		return true;
	}
	if (HAS(SEASON)) {
		int s = V(SEASON);
		if (year == 0) {
			if (d->gran == 0) {
				tx_appf(v, "XXXX-%s", tx_season_names[s]);
				return true;
			}
			if (!HAS(SHIFT) && tx_tense(c) != FRISE_TENSE_PAST && tx_tense(c) != FRISE_TENSE_FUTURE) {
				/* "en été", present tense: any summer */
				tx_appf(v, "XXXX-%s", tx_season_names[s]);
				tx_step(c, "season without year, shift or tense: generic");
				return true;
			}
			if (d->gran < 2 && HAS(SHIFT) && V(SHIFT) != 0) {
				/* "le printemps dernier" against a year-only DCT */
				tx_appf(v, "XXXX-%s", tx_season_names[s]);
				tx_step(c, "DCT %d too coarse for 'last'/'next': year unknown", d->year);
				return true;
			}
			year = d->year;
			*rel = true;
			if (d->gran >= 2) {
				int ds = tx_season_of_month(d->month);
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
		tx_appf(v, "%04d-%s", year, tx_season_names[s]);
		return true;
	}
	if (HAS(QUARTER) || HAS(HALF)) {
		if (year == 0 && HAS(UNIT) && V(UNIT) == TX_U_YEAR && d->gran >= 1) {
			/* "next year's first quarter": the year is said */
			year = d->year + (HAS(SHIFT) ? V(SHIFT) : 0);
			*rel = true;
			tx_step(c, "quarter of the DCT's year %+d", HAS(SHIFT) ? V(SHIFT) : 0);
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
			tx_appf(v, "%04d", year);
		if (HAS(QUARTER))
			tx_appf(v, "-Q%d", V(QUARTER));
		else
			tx_appf(v, "-H%d", V(HALF));
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
				tx_ymd(v, &g);
				tx_step(c, "weekday %d on day %d: month %04d-%02d", V(WEEKDAY), V(DAY), y, m);
				return true;
			}
		}
	}
	if (HAS(WEEKDAY))
		return tx_weekday_value(seen, c, v, rel);
	if (HAS(DAY) && HAS(UNIT) && V(UNIT) == TX_U_MONTH && !HAS(YEAR)) {
		/* "le 20 du mois prochain", "the 20th of the current month" */
		if (!tx_relative_value(seen, c, v, rel))
			return false;
		if (v->len == 7 && g_ascii_isdigit(v->str[0])) {
			int y = atoi(v->str), m = atoi(v->str + 5);
			if (!g_date_valid_dmy(V(DAY), m, y))
				return false;
			tx_appf(v, "-%02d", V(DAY));
		}
		return true;
	}
	if (HAS(UNIT) && !HAS(YEAR))
		return tx_relative_value(seen, c, v, rel);
	if (HAS(DAY)) {
		/* "le 15": the month of the last date named, else the DCT's */
		if (c->anchor_y > 0) {
			tx_appf(v, "%04d-%02d-%02d", c->anchor_y, c->anchor_m, V(DAY));
			*rel = true;
			return g_date_valid_dmy(V(DAY), c->anchor_m, c->anchor_y);
		}
		tx_appf(v, "XXXX-XX-%02d", V(DAY));
		return true;
	}
	if (year > 0 && HAS(UNIT) && V(UNIT) == TX_U_QUARTER && d->gran >= 2) {
		/* "the 1988 quarter", "the 1989 period": earnings news
		 * compares the latest quarter (the DCT's + shift) across
		 * years */
		int q = ((d->month - 1) / 3 + (HAS(SHIFT) ? V(SHIFT) : 0)) % 4;
		if (q < 0)
			q += 4;
		tx_appf(v, "%04d-Q%d", year, q + 1);
		tx_step(c, "the latest quarter (DCT's %+d) of the year said", HAS(SHIFT) ? V(SHIFT) : 0);
		return true;
	}
	if (year > 0) {
		tx_appf(v, "%04d", year);
		return true;
	}
	return false;
}

/* When a feast moves off a weekday (slot observe): ORDER OBSERVE.
 * 1 a weekend day to the nearest weekday (Boss's Day); 2 a Sunday to the
 * Saturday before (King's Day); 3 a Saturday to the Sunday after (Tisha
 * B'Av); 4 a Friday to Thursday, a Sunday to Monday (Yom HaShoah); 5 a
 * Friday or Saturday to Thursday, a Monday to Tuesday (Yom Ha'atzmaut);
 * 6 the Friday before (Jumu'atul-Wida, before Eid al-Fitr); 7 a week
 * earlier when it is Holy Saturday (Earth Hour). */
static const signed char observe_shift[6][8] = {
	/* Mon .. Sun, index 1..7 */
	[1] = { 0, 0, 0, 0, 0, 0, -1, 1 },
	[2] = { 0, 0, 0, 0, 0, 0, 0, -1 },
	[3] = { 0, 0, 0, 0, 0, 0, 1, 0 },
	[4] = { 0, 0, 0, 0, 0, -1, 0, 1 },
	[5] = { 0, 1, 0, 0, 0, -1, -2, 0 },
};

static bool
observed(const TxContext *c, int rule, GString *v)
{
	if (rule < 1 || rule > 7 || v->len < 10 || !g_ascii_isdigit(v->str[0]))
		return true;
	GDate g;
	g_date_clear(&g, 1);
	int y = atoi(v->str), m = atoi(v->str + 5), d = atoi(v->str + 8);
	if (!g_date_valid_dmy(d, m, y))
		return false;
	g_date_set_dmy(&g, d, m, y);
	int wd = g_date_get_weekday(&g), sh;
	if (rule == 6)
		sh = -((wd - 5 + 7) % 7 ? (wd - 5 + 7) % 7 : 7);
	else if (rule == 7)
		sh = (int)g_date_get_julian(&g) == tx_cal_easter(y, false) - 1 ? -7 : 0;
	else
		sh = observe_shift[rule][wd];
	if (sh != 0) {
		char rest[48];
		g_strlcpy(rest, v->str + 10, sizeof rest);   /* a time of day stays */
		tx_add_days(&g, sh);
		g_string_truncate(v, 0);
		tx_ymd(v, &g);
		g_string_append(v, rest);
		tx_step(c, "observed %+d day(s) -> %s", sh, v->str);
	}
	return true;
}

/* "le lendemain du 13 février", "lundi en huit", "black friday": days
 * added to a day value (other values are left as they are). */
static bool
add_to_day(const TxContext *c, int days, GString *v)
{
	if (v->len != 10 || !g_ascii_isdigit(v->str[0]) || v->str[4] != '-' || !g_ascii_isdigit(v->str[8]))
		return true;
	if (days < -1000 || days > 1000)
		return false;
	GDate g;
	g_date_clear(&g, 1);
	int y = atoi(v->str), m = atoi(v->str + 5), d = atoi(v->str + 8);
	if (!g_date_valid_dmy(d, m, y))
		return false;
	g_date_set_dmy(&g, d, m, y);
	tx_add_days(&g, days);
	g_string_truncate(v, 0);
	tx_ymd(v, &g);
	tx_step(c, "%+d day(s) -> %s", days, v->str);
	return true;
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
		if (ok && HAS(OBSERVE))
			ok = observed(c, V(OBSERVE), v);
		if (ok && HAS(ADD))
			ok = add_to_day(c, V(ADD), v);
		bool timed = HAS(HOUR) || HAS(POD);
		if (ok && timed) {
			if (!dated)
				*relative_ = anchor_day(c, v) || *relative_;
			/* a time needs a day */
			bool isday = v->len == 10 && g_ascii_isdigit(v->str[0]) && v->str[4] == '-';
			bool xday = v->len == 10 && v->str[0] == 'X';
			if (isday || xday) {
				if (HAS(HOUR)) {
					int h = V(HOUR), mi = HAS(MINUTE) ? V(MINUTE) : 0;
					if (HAS(POD) && !HAS(PM) && h > 0 && h < 12 &&
					    (V(POD) == 2 || V(POD) == 3 || (V(POD) == 4 && h >= 6))) {
						/* "8 heures ce soir", "3 this afternoon" */
						h += 12;
					}
					if (HAS(MINUS) && V(MINUS) > 0 && V(MINUS) < 60 && !HAS(MINUTE)) {
						/* "midi moins le quart", "a quarter to noon" */
						h = h == 0 ? 23 : h - 1;
						mi = 60 - V(MINUS);
					}
					/* pm=1 afternoon ("8h du soir", "3pm"), pm=0
					 * morning ("12 am" is midnight) */
					if (HAS(PM) && V(PM) == 1 && h < 12)
						h += 12;
					else if (HAS(PM) && V(PM) == 0 && h == 12)
						h = 0;
					else if (HAS(PM) && (h == 0 || h > 12))
						ok = false;   /* "14PM", "0 am": no time */
					if (!ok || h > 24 || mi > 59 || mi < 0 || (h == 24 && mi > 0)) {
						ok = false;
					} else {
						tx_appf(v, "T%02d:%02d", h, mi);
					}
				} else {
					tx_appf(v, "T%s", pod_names[V(POD)]);
				}
			}
		}
	}
	if (ok && (v->len == 0 || v->len >= 48))
		ok = false;
	if (ok) {
		memcpy(value, v->str, v->len + 1);
		tx_step(c, "value %s%s%s", value, mod[0] ? " mod " : "", mod);
	}
	if (v != c->scratch)
		g_string_free(v, TRUE);
	return ok;
}
