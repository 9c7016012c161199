/*
 * timex_calendar.c — the calendars feasts are counted in (prefix tx_cal_):
 * Easter (Gregorian and Orthodox), the Hebrew calendar, the arithmetic
 * Islamic calendar, new and full moons (the Chinese New Year, the Hindu
 * lunar months and their tithis), the sun's sidereal signs (Hindu solar
 * days: Makar Sankranti, Vaisakhi) and the Shahenshahi Parsi year.
 *
 * Days are R.D. numbers, as GLib's Julian days: day 1 is 0001-01-01,
 * proleptic Gregorian. Calendar arithmetic after Reingold & Dershowitz
 * (Calendrical Calculations); moon phases after Meeus (Astronomical
 * Algorithms, 2nd ed., ch. 49, good to a minute) and the sun after his
 * low-precision formula (ch. 25, 0.01 degree): enough to name a day.
 * Observed religious dates may differ from these by a day (moon
 * sighting, local sunrise), never more. Nothing here reads the clock.
 */
#include "timex_private.h"

#include <math.h>

#define RD_JD 1721424.5   /* JD of R.D. 0 at midnight: JD = RD + RD_JD */
#define DEG (G_PI / 180.0)

/* ---- Easter ---- */

int
tx_cal_easter(int year, bool orthodox)
{
	GDate g;
	g_date_clear(&g, 1);
	if (!orthodox) {
		/* the anonymous Gregorian computus (Nature, 1876; Meeus ch. 8) */
		int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
		int f = (b + 8) / 25, gg = (b - f + 1) / 3, h = (19 * a + b - d - gg + 15) % 30;
		int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		g_date_set_dmy(&g, (h + l - 7 * m + 114) % 31 + 1, (h + l - 7 * m + 114) / 31, year);
		return (int)g_date_get_julian(&g);
	}
	/* the Julian computus, its date made Gregorian */
	int a = year % 4, b = year % 7, c = year % 19;
	int d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
	int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
	/* R.D. of a Julian calendar date (R&D fixed-from-julian) */
	int y = year, rd = -2 + 365 * (y - 1) + (y - 1) / 4 + (367 * month - 362) / 12 +
			   (month <= 2 ? 0 : (y % 4 == 0 ? -1 : -2)) + day;
	return rd;
}

/* ---- the Hebrew calendar ---- */

#define HEBREW_EPOCH (-1373427)   /* 1 Tishri AM 1, R.D. */

static bool
hebrew_leap(long y)
{
	return ((7 * y + 1) % 19 + 19) % 19 < 7;
}

static long
hebrew_elapsed(long y)
{
	long months = (235 * y - 234) / 19;
	long parts = 12084 + 13753 * months;
	long day = 29 * months + parts / 25920;
	return (3 * (day + 1)) % 7 < 3 ? day + 1 : day;
}

static long
hebrew_new_year(long y)
{
	long ny0 = hebrew_elapsed(y - 1), ny1 = hebrew_elapsed(y), ny2 = hebrew_elapsed(y + 1);
	long corr = ny2 - ny1 == 356 ? 2 : ny1 - ny0 == 382 ? 1 : 0;
	return HEBREW_EPOCH + ny1 + corr;
}

static int
hebrew_month_days(int m, long y)
{
	long len = hebrew_new_year(y + 1) - hebrew_new_year(y);
	if (m == 2 || m == 4 || m == 6 || m == 10 || m == 13 || (m == 12 && !hebrew_leap(y)) ||
	    (m == 8 && len % 10 != 5) || (m == 9 && len % 10 == 3))
		return 29;
	return 30;
}

/* Months from Nisan (1) to Adar (12) and Adar II (13); the year starts
 * with Tishri (7). */
static long
hebrew_to_rd(long y, int m, int d)
{
	long rd = hebrew_new_year(y) + d - 1;
	int last = hebrew_leap(y) ? 13 : 12;
	if (m < 7) {
		for (int k = 7; k <= last; k++)
			rd += hebrew_month_days(k, y);
		for (int k = 1; k < m; k++)
			rd += hebrew_month_days(k, y);
	} else {
		for (int k = 7; k < m; k++)
			rd += hebrew_month_days(k, y);
	}
	return rd;
}

/* ---- the arithmetic Islamic calendar ---- */

#define ISLAMIC_EPOCH 227015      /* 1 Muharram AH 1 (16 July 622 Julian), R.D. */

static long
islamic_to_rd(long y, int m, int d)
{
	return d + 29 * (m - 1) + (6 * m - 1) / 11 + (y - 1) * 354 + (3 + 11 * y) / 30 + ISLAMIC_EPOCH - 1;
}

/* ---- the moon and the sun ---- */

/* The JDE of new moon k (k = 0 about 2000-01-06), or of the full moon
 * after it with full. */
static double
moon_phase(double k, bool full)
{
	if (full)
		k += 0.5;
	double T = k / 1236.85, T2 = T * T, T3 = T2 * T, T4 = T3 * T;
	double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.000000150 * T3 + 0.00000000073 * T4;
	double M = (2.5534 + 29.10535670 * k - 0.0000014 * T2 - 0.00000011 * T3) * DEG;
	double Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4) * DEG;
	double F = (160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4) * DEG;
	double Om = (124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3) * DEG;
	double E = 1 - 0.002516 * T - 0.0000074 * T2;
	double c = full ? -0.40614 * sin(Mp) + 0.17302 * E * sin(M) + 0.01614 * sin(2 * Mp) + 0.01043 * sin(2 * F) +
			       0.00734 * E * sin(Mp - M) - 0.00515 * E * sin(Mp + M) + 0.00209 * E * E * sin(2 * M)
			: -0.40720 * sin(Mp) + 0.17241 * E * sin(M) + 0.01608 * sin(2 * Mp) + 0.01039 * sin(2 * F) +
			       0.00739 * E * sin(Mp - M) - 0.00514 * E * sin(Mp + M) + 0.00208 * E * E * sin(2 * M);
	c += -0.00111 * sin(Mp - 2 * F) - 0.00057 * sin(Mp + 2 * F) + 0.00056 * E * sin(2 * Mp + M) -
	     0.00042 * sin(3 * Mp) + 0.00042 * E * sin(M + 2 * F) + 0.00038 * E * sin(M - 2 * F) -
	     0.00024 * E * sin(2 * Mp - M) - 0.00017 * sin(Om) - 0.00007 * sin(Mp + 2 * M) +
	     0.00004 * sin(2 * Mp - 2 * F) + 0.00004 * sin(3 * M) + 0.00003 * sin(Mp + M - 2 * F) +
	     0.00003 * sin(2 * Mp + 2 * F) - 0.00003 * sin(Mp + M + 2 * F) + 0.00003 * sin(Mp - M + 2 * F) -
	     0.00002 * sin(Mp - M - 2 * F) - 0.00002 * sin(3 * Mp + M) + 0.00002 * sin(4 * Mp);
	return jde + c;
}

/* The index k of the last new moon at or before jd. */
static double
new_moon_before(double jd)
{
	double k = floor((jd - 2451550.09766) / 29.530588861);
	while (moon_phase(k + 1, false) <= jd)
		k++;
	while (moon_phase(k, false) > jd)
		k--;
	return k;
}

/* The sun's sidereal longitude (degrees, Lahiri ayanamsa) at jd. */
static double
sun_sidereal(double jd)
{
	double T = (jd - 2451545.0) / 36525;
	double L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
	double M = (357.52911 + 35999.05029 * T - 0.0001537 * T * T) * DEG;
	double C = (1.914602 - 0.004817 * T - 0.000014 * T * T) * sin(M) + (0.019993 - 0.000101 * T) * sin(2 * M) +
		   0.000289 * sin(3 * M);
	double apparent = L0 + C - 0.00569 - 0.00478 * sin((125.04 - 1934.136 * T) * DEG);
	double ayanamsa = 23.853 + 0.013969 * (T * 100);
	double l = fmod(apparent - ayanamsa, 360);
	return l < 0 ? l + 360 : l;
}

/* The moment (JD) the sun enters sign s (1 Mesha .. 12 Mina) in
 * Gregorian year y: Mesha about 14 April, Makara about 14 January. */
static double
sankranti(int y, int s)
{
	GDate g;
	g_date_clear(&g, 1);
	g_date_set_dmy(&g, 14, 4, y);
	double guess = g_date_get_julian(&g) + RD_JD + 30.44 * (s - 1) - (s >= 10 ? 365.25 : 0);
	double target = 30.0 * (s - 1), lo = guess - 20, hi = guess + 20;
	for (int i = 0; i < 50; i++) {
		double mid = (lo + hi) / 2;
		double d = fmod(sun_sidereal(mid) - target + 540, 360) - 180;   /* -180..180 */
		if (d < 0)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

/* The civil day (R.D.) of a moment, in the time zone `hours` east. */
static int
rd_of(double jd, double hours)
{
	return (int)floor(jd - RD_JD + hours / 24);
}

/* Hindu lunar day: tithi t (1..15 bright half, 16..30 dark half, 30 the new
 * moon) of lunar month m (1 Chaitra .. 12 Phalguna, amanta: the month during
 * which the sun enters sign m) of Gregorian year y, in India: the day (IST)
 * of the middle of the tithi, whose bounds are interpolated between the
 * month's new moon, full moon and next new moon. Festivals are kept by the
 * tithi at sunrise, at dusk or at midnight depending on the feast: the
 * middle is within a day of each. */
static int
hindu_tithi(int y, int m, int t)
{
	const double ist = 5.5;
	double s = sankranti(y, m);
	double k = new_moon_before(s);
	double nm0 = moon_phase(k, false), fm = moon_phase(k, true), nm1 = moon_phase(k + 1, false);
	double start, end;
	if (t <= 15) {
		start = nm0 + (fm - nm0) * (t - 1) / 15.0;
		end = nm0 + (fm - nm0) * t / 15.0;
	} else {
		start = fm + (nm1 - fm) * (t - 16) / 15.0;
		end = fm + (nm1 - fm) * (t - 15) / 15.0;
	}
	return rd_of((start + end) / 2, ist);
}

/* ---- the public side ---- */

/* The R.D. of date (m, d) of the calendar `cal` that falls in Gregorian year
 * y, the first when two do; 0 when none does. */
int
tx_cal_day(int cal, int y, int m, int d)
{
	if (y < 1 || y > 9999)
		return 0;
	GDate g;
	g_date_clear(&g, 1);
	g_date_set_dmy(&g, 1, 1, y);
	int jan1 = (int)g_date_get_julian(&g);
	g_date_set_dmy(&g, 31, 12, y);
	int dec31 = (int)g_date_get_julian(&g);
	switch (cal) {
	case TX_CAL_HEBREW:
		if (m < 1 || m > 13 || d < 1 || d > 30)
			return 0;
		for (long hy = y + 3760; hy <= y + 3761; hy++) {
			if (m == 13 && !hebrew_leap(hy))
				continue;
			int mm = m == 12 && hebrew_leap(hy) ? 13 : m;   /* Purim is in Adar II in a leap year */
			long rd = hebrew_to_rd(hy, mm, d);
			if (rd >= jan1 && rd <= dec31)
				return (int)rd;
		}
		return 0;
	case TX_CAL_ISLAMIC: {
		if (m < 1 || m > 12 || d < 1 || d > 30)
			return 0;
		long est = (long)floor((y - 621.5) / 0.970229);
		for (long iy = est - 2; iy <= est + 2; iy++) {
			long rd = islamic_to_rd(iy, m, d);
			if (iy >= 1 && rd >= jan1 && rd <= dec31)
				return (int)rd;
		}
		return 0;
	}
	case TX_CAL_CHINESE: {
		/* the first day of the first month: the new moon (Beijing time)
		 * on or after 21 January (the second after the winter solstice) */
		if (m != 1)
			return 0;
		double jan21 = jan1 + 20 + RD_JD;
		double k = new_moon_before(jan21 - 8.0 / 24) + 1;
		int rd = rd_of(moon_phase(k, false), 8);
		if (rd < jan1 + 20)
			rd = rd_of(moon_phase(k + 1, false), 8);
		return rd + d - 1;
	}
	case TX_CAL_HINDU:
		if (m < 1 || m > 12 || d < 1 || d > 30)
			return 0;
		return hindu_tithi(y, m, d);
	case TX_CAL_SANKRANTI:
		if (m < 1 || m > 12)
			return 0;
		/* the day after the sun enters the sign when it does so in the
		 * afternoon (India): the festival is kept at the next sunrise */
		return rd_of(sankranti(y, m) + 6.5 / 24, 5.5) + d;
	case TX_CAL_PARSI: {
		/* the Shahenshahi year has 365 days: Navroz was 17 August 2018 */
		g_date_set_dmy(&g, 17, 8, 2018);
		long base = g_date_get_julian(&g), rd = base + 365L * (y - 2018);
		while (rd > dec31)
			rd -= 365;
		while (rd < jan1)
			rd += 365;
		return (int)rd + d - 1;
	}
	default:
		return 0;
	}
}
