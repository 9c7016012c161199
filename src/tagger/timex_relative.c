/*
 * timex_relative.c — the values counted from a day (prefix tx_): a weekday
 * near the DCT or the last day named (tx_weekday_value: "mardi", "le lundi
 * suivant", "3 fridays from now"), and a unit moved from the DCT or from
 * the last date named (tx_relative_value: "la semaine dernière", "il y a
 * trois ans", "dans 1 an 11 mois", "a year earlier"). Both are parts of
 * tx_resolve (timex_resolve.c): they append the TIMEX3 value to `v`, set
 * *rel when it depends on the DCT or on the text before, and return false
 * when the slots make no value. Nothing here reads the clock.
 *
 * Dates are proleptic Gregorian (GDate). A value keeps the granularity of
 * the unit said ("la semaine dernière" is a week, 2024-W07); without the
 * DCT fields it needs, it stays underspecified (XXXX-WXX).
 */
#include "timex_private.h"

#include <stdlib.h>
#include <string.h>

/* The resolver's shorthand for the slots of `seen`, as in timex_resolve.c. */
#define V(s) (seen->v[TX_S_##s])
#define HAS(s) (seen->v[TX_S_##s] != TX_UNSET)

/* A weekday near the DCT. */
bool
tx_weekday_value(const TxSeen *seen, const TxContext *c, GString *v, bool *rel)
{
	GDate g;
	int w = V(WEEKDAY);
	if (HAS(UNIT) && V(UNIT) == TX_U_WEEK && (tx_dct_date(c, &g) || (HAS(ANCHOR) && c->anchor_y > 0))) {
		/* "mardi de la semaine prochaine", "wednesday of this week":
		 * that day of the week said; "la semaine suivante" counts from
		 * the last day named */
		int sh = HAS(SHIFT) ? V(SHIFT) : 0;
		if (HAS(ANCHOR) && c->anchor_y > 0) {
			g_date_clear(&g, 1);
			g_date_set_dmy(&g, c->anchor_d, c->anchor_m, c->anchor_y);
		}
		tx_add_days(&g, 7 * sh + w - (int)g_date_get_weekday(&g));
		tx_ymd(v, &g);
		*rel = true;
		tx_step(c, "weekday %d of the week %+d", w, sh);
		return true;
	}
	if (HAS(ANCHOR) && c->anchor_y > 0) {
		/* "ce même lundi": the week of the last day named; "the
		 * previous Friday", "le lundi suivant": the one before or after
		 * it */
		g_date_clear(&g, 1);
		g_date_set_dmy(&g, c->anchor_d, c->anchor_m, c->anchor_y);
		int aw = g_date_get_weekday(&g);
		int sh = HAS(SHIFT) ? V(SHIFT) : 0;
		if (sh < 0)
			tx_add_days(&g, -((aw - w + 7) % 7 ? (aw - w + 7) % 7 : 7));
		else if (sh > 0)
			tx_add_days(&g, (w - aw + 7) % 7 ? (w - aw + 7) % 7 : 7);
		else
			tx_add_days(&g, w - aw);
		tx_ymd(v, &g);
		*rel = true;
		tx_step(c, "weekday %d %s the last day named", w,
		     sh < 0 ? "before" : sh > 0 ? "after" : "in the week of");
		return true;
	}
	if (!tx_dct_date(c, &g)) {
		tx_appf(v, "XXXX-WXX-%d", w);
		return true;
	}
	*rel = true;
	int dw = g_date_get_weekday(&g);
	if (HAS(DIR)) {
		/* "3 fridays from now", "2 thursdays ago": the n-th one strictly
		 * after or before the DCT */
		int q = HAS(QTY) && V(QTY) > 0 ? V(QTY) : 1;
		if (q > 1000)
			return false;
		int back = (dw - w + 7) % 7, fwd = (w - dw + 7) % 7;
		if (V(DIR) < 0)
			tx_add_days(&g, -(back ? back : 7) - 7 * (q - 1));
		else
			tx_add_days(&g, (fwd ? fwd : 7) + 7 * (q - 1));
		tx_ymd(v, &g);
		tx_step(c, "weekday %d, the %d-th %s the DCT", w, q, V(DIR) < 0 ? "before" : "after");
		return true;
	}
	int shift = HAS(SHIFT) ? V(SHIFT) : 0;
	int back = (dw - w + 7) % 7, fwd = (w - dw + 7) % 7;
	if (shift < 0) {
		tx_add_days(&g, -(back ? back : 7));
		tx_step(c, "weekday %d strictly before the DCT", w);
	} else if (shift > 0) {
		tx_add_days(&g, fwd ? fwd : 7);
		tx_step(c, "weekday %d strictly after the DCT", w);
	} else if (back == 0) {
		tx_step(c, "weekday %d is the DCT's", w);   /* whatever the tense */
	} else if (tx_tense(c) == FRISE_TENSE_FUTURE) {
		tx_add_days(&g, fwd);
		tx_step(c, "future tense: weekday %d on or after the DCT", w);
	} else if (tx_tense(c) == FRISE_TENSE_PRESENT && fwd < back) {
		/* a news report in the present: the nearest one */
		tx_add_days(&g, fwd);
		tx_step(c, "present tense: weekday %d nearest the DCT, after it", w);
	} else {
		tx_add_days(&g, -back);
		tx_step(c, "weekday %d on or before the DCT", w);
	}
	tx_ymd(v, &g);
	return true;
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

/* Point d (the DCT, or a date named) moved by years, months, days and
 * seconds (a point without a time of day moves by whole days: the seconds
 * are counted in days, rounded toward zero). Writes the value at
 * granularity `gran` (1 year, 2 month, 3 day, 4 minute); false when the
 * point is too coarse for it. */
static bool
moved(const TxDct *d, int months, int days, long seconds, int gran, GString *v)
{
	if (d->gran < MIN(gran, 3) || (gran >= 3 && d->gran < 3))
		return false;
	int mi = d->year * 12 + (d->month ? d->month - 1 : 0) + months;
	int y = mi / 12, m = mi % 12 + 1;
	if (y < 1 || y > 9999)
		return false;
	if (gran == 1) {
		tx_appf(v, "%04d", y);
		return true;
	}
	if (gran == 2) {
		tx_appf(v, "%04d-%02d", y, m);
		return true;
	}
	int dd = MIN(d->day, (int)g_date_get_days_in_month(m, y));
	GDate g;
	g_date_clear(&g, 1);
	g_date_set_dmy(&g, dd, m, y);
	long t = d->gran >= 4 ? d->hour * 3600L + d->minute * 60L : 0;
	if (d->gran >= 4) {
		t += seconds;
		long dayshift = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
		t -= dayshift * 86400;
		days += (int)dayshift;
	} else {
		days += (int)(seconds / 86400);
	}
	if (days < -3000000 || days > 3000000)
		return false;
	tx_add_days(&g, days);
	if (g_date_get_year(&g) > 9999)
		return false;
	tx_ymd(v, &g);
	if (gran >= 4 && d->gran >= 4)
		tx_appf(v, "T%02d:%02d", (int)(t / 3600), (int)(t / 60 % 60));
	return true;
}

bool
tx_offset_value(const char *v, int unit, int n, char *out, size_t size)
{
	TxDct p;
	if (!parse_last(v, &p) || p.gran < 3)
		return false;
	const char *rest = v + 10; /* a part of the day ("TEV") stays as it is */
	if (rest[0] == 'T' && g_ascii_isdigit(rest[1]) && g_ascii_isdigit(rest[2]) && rest[3] == ':' &&
	    g_ascii_isdigit(rest[4]) && g_ascii_isdigit(rest[5]) && rest[6] == '\0') {
		p.hour = atoi(rest + 1);
		p.minute = atoi(rest + 4);
		p.gran = 4;
		rest = "";
	}
	int months = 0, days = 0;
	long secs = 0;
	switch (unit) {
	case TX_U_YEAR: months = 12 * n; break;
	case TX_U_MONTH: months = n; break;
	case TX_U_WEEK: days = 7 * n; break;
	case TX_U_DAY: days = n; break;
	case TX_U_HOUR: secs = 3600L * n; break;
	case TX_U_MINUTE: secs = 60L * n; break;
	default: return false;
	}
	if (secs != 0 && p.gran < 4)
		return false; /* "15 minutes after Monday" */
	GString *g = g_string_new(NULL);
	bool ok = moved(&p, months, days, secs, p.gran, g) && g->len + strlen(rest) < size;
	if (ok)
		g_snprintf(out, size, "%s%s", g->str, rest);
	g_string_free(g, TRUE);
	return ok;
}

/* "il y a 15 minutes", "in 2 hours", "dans 1 an 11 mois": the DCT moved by
 * a compound offset or by hours, minutes, seconds; the value is as fine as
 * the finest unit said. */
static bool
offset_value(const TxContext *c, const int a[7], int dir, GString *v, bool *rel)
{
	int months = dir * (12 * a[0] + a[1]);
	int days = dir * (7 * a[2] + a[3]);
	long secs = dir * (a[4] * 3600L + a[5] * 60L + a[6]);
	int gran = a[4] || a[5] || a[6] ? 4 : a[2] || a[3] ? 3 : a[1] ? 2 : 1;
	if (!moved(c->dct, months, days, secs, gran, v)) {
		g_string_append(v, gran >= 3 ? "XXXX-XX-XX" : gran == 2 ? "XXXX-XX" : "XXXX");
		return true;
	}
	*rel = true;
	tx_step(c, "DCT moved by %+d months, %+d days, %+ld s", months, days, secs);
	return true;
}

/* A value counted from the DCT in `unit`s: "la semaine dernière",
 * "il y a trois ans", "cette année". */
bool
tx_relative_value(const TxSeen *seen, const TxContext *c, GString *v, bool *rel)
{
	int u = V(UNIT);
	int n = 0;
	int am[7];
	if (HAS(DIR) && !HAS(ANCHOR) && tx_amounts(seen, am))
		return offset_value(c, am, V(DIR), v, rel);
	if (HAS(DIR) && !HAS(ANCHOR) && (u == TX_U_HOUR || u == TX_U_MINUTE || u == TX_U_SECOND)) {
		int q = HAS(QTY) ? V(QTY) : 1;
		if (q == TX_VAGUE) {
			g_string_append(v, V(DIR) < 0 ? "PAST_REF" : "FUTURE_REF");
			return true;
		}
		if (q < 0 || q > 1000000)
			return false;
		int one[7] = { 0 };
		one[u == TX_U_HOUR ? 4 : u == TX_U_MINUTE ? 5 : 6] = q;
		return offset_value(c, one, V(DIR), v, rel);
	}
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
	bool day = tx_dct_date(c, &g);
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
		tx_step(c, "from the last day named");
	} else if (HAS(ANCHOR) && u < (int)G_N_ELEMENTS(need) && need[u] > 0 &&
		   parse_last(lastv, &last) && last.gran >= need[u]) {
		/* "a year earlier": from the last date named */
		d = &last;
		if (last.gran == 3) {
			g_date_clear(&g, 1);
			g_date_set_dmy(&g, last.day, last.month, last.year);
		}
		tx_step(c, "from the last date named %s", lastv);
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
			tx_step(c, "the last date named %s is already a year back", lastv);
			return true;
		}
		if (d == &last && strlen(lastv) > 5 && lastv[4] == '-' && lastv[5] == 'Q') {
			/* "a year earlier" keeps the granularity of the quarter
			 * it is anchored on: 1989-Q3 -> 1988-Q3 (TimeBank) */
			tx_appf(v, "%04d%s", d->year + n, lastv + 4);
			tx_step(c, "year of the last date named %+d", n);
			return true;
		}
		if (HAS(ANCHOR) && V(ANCHOR) == 2 && d != &last && c->last_quarter != NULL &&
		    c->last_quarter[0] && atoi(c->last_quarter) < c->dct->year && n < 0) {
			g_string_append(v, c->last_quarter);
			tx_step(c, "the quarter named a few sentences back %s is already a year back", c->last_quarter);
			return true;
		}
		if (HAS(ANCHOR) && d != &last && c->last_quarter != NULL && c->last_quarter[0]) {
			/* no date in this sentence or the one before, but a
			 * quarter a few sentences back: earnings news compares
			 * quarters ("A year earlier, net income was…") */
			tx_appf(v, "%04d%s", atoi(c->last_quarter) + n, c->last_quarter + 4);
			tx_step(c, "quarter named a few sentences back %s %+d year(s)", c->last_quarter, n);
			return true;
		}
		tx_appf(v, "%04d", d->year + n);
		tx_step(c, "%s year %d %+d", d == &last ? "that" : "DCT", d->year, n);
		return true;
	case TX_U_MONTH:
		if (d->gran < 2)
			break;
		{
			int mi = d->year * 12 + (d->month - 1) + n;
			tx_appf(v, "%04d-%02d", mi / 12, mi % 12 + 1);
			tx_step(c, "%s month %+d", d == &last ? "that" : "DCT", n);
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
			tx_appf(v, "%04d-Q%d", qi / 4, qi % 4 + 1);
			tx_step(c, "quarter named a few sentences back %s %+d", c->last_quarter, n);
			return true;
		}
		{
			int per = u == TX_U_QUARTER ? 3 : 6;
			int nper = 12 / per;
			int qi = d->year * nper + (d->month - 1) / per + n;
			tx_appf(v, "%04d-%c%d", qi / nper, u == TX_U_QUARTER ? 'Q' : 'H',
					       qi % nper + 1);
		}
		return true;
	case TX_U_DAY:
		if (!day)
			break;
		tx_add_days(&g, n);
		tx_ymd(v, &g);
		tx_step(c, "DCT %+d day(s)", n);
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
			tx_add_days(&g, 7 * n);
			int y, w;
			tx_iso_week(&g, &y, &w);
			tx_appf(v, "%04d-W%02d%s", y, w, u == TX_U_WEEKEND ? "-WE" : "");
			tx_step(c, "week of the DCT %+d", n);
		}
		return true;
	case TX_U_DECADE:
		if (d->gran < 1)
			break;
		tx_appf(v, "%03dX", d->year / 10 + n);
		return true;
	case TX_U_CENTURY:
		if (d->gran < 1)
			break;
		tx_appf(v, "%02dXX", d->year / 100 + n);
		return true;
	case TX_U_SEASON:
		if (d->gran < 2)
			break;
		{
			int s = tx_season_of_month(d->month);
			int y = d->year - (d->month <= 2 ? 1 : 0);
			int si = y * 4 + (s - 1) + n;
			tx_appf(v, "%04d-%s", si / 4, tx_season_names[si % 4 + 1]);
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
