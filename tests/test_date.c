/*
 * test_date.c — date.c, one line per case: granularity, end-exclusive
 * spans per granularity and mod, containment, order, display strings.
 */
#include "frise/date.h"

#include <string.h>

static void
test_granularity(void)
{
	static const struct { const char *value; FriseGranularity gran; bool anchored; } cases[] = {
		{ "2024-02-15", FRISE_GRAN_DAY, true },
		{ "2024-02", FRISE_GRAN_MONTH, true },
		{ "2024", FRISE_GRAN_YEAR, true },
		{ "2024-W12", FRISE_GRAN_WEEK, true },
		{ "2024-W12-WE", FRISE_GRAN_WEEK, true },
		{ "2024-Q1", FRISE_GRAN_QUARTER, true },
		{ "2024-H2", FRISE_GRAN_HALF, true },
		{ "2024-SU", FRISE_GRAN_SEASON, true },
		{ "199X", FRISE_GRAN_DECADE, true },
		{ "19XX", FRISE_GRAN_CENTURY, true },
		{ "2024-02-15T14:00", FRISE_GRAN_MINUTE, true },
		{ "2024-02-15T14", FRISE_GRAN_HOUR, true },
		{ "1999-05-18TEV", FRISE_GRAN_PART_OF_DAY, true },
		{ "XXXX-03-24", FRISE_GRAN_DAY, false },
		{ "XXXX-02", FRISE_GRAN_MONTH, false },
		{ "P3M", FRISE_GRAN_NONE, false },
		{ "PRESENT_REF", FRISE_GRAN_NONE, false },
		{ "2024-02-30", FRISE_GRAN_NONE, false },
		{ "2024-13", FRISE_GRAN_NONE, false },
		{ "2024-Q5", FRISE_GRAN_NONE, false },
		{ "", FRISE_GRAN_NONE, false },
		/* no impossible day or week (date_parse) */
		{ "2013-02-29", FRISE_GRAN_NONE, false },
		{ "2024-02-29", FRISE_GRAN_DAY, true },
		{ "2024-02-31", FRISE_GRAN_NONE, false },
		{ "2024-W53", FRISE_GRAN_NONE, false }, /* 2024 has 52 ISO weeks */
		{ "2020-W53", FRISE_GRAN_WEEK, true },  /* 2020 has 53 */
		{ "2026-W53", FRISE_GRAN_WEEK, true },  /* 2026 starts on a Thursday */
		{ "2024-02-15T25:00", FRISE_GRAN_NONE, false },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_test_message("%s", cases[i].value);
		g_assert_cmpint(date_granularity(cases[i].value), ==, cases[i].gran);
		g_assert_cmpint(date_is_anchored(cases[i].value), ==, cases[i].anchored);
	}
}

static char *
iso(const GDate *d)
{
	return g_strdup_printf("%04d-%02d-%02d", g_date_get_year(d), g_date_get_month(d), g_date_get_day(d));
}

static void
test_span(void)
{
	static const struct { const char *value, *mod, *start, *end; } cases[] = {
		{ "2024-02-15", "", "2024-02-15", "2024-02-16" },
		{ "2024-02", "", "2024-02-01", "2024-03-01" },
		{ "2024-12", "", "2024-12-01", "2025-01-01" },
		{ "2024", "", "2024-01-01", "2025-01-01" },
		{ "2024-W12", "", "2024-03-18", "2024-03-25" },
		{ "2021-W01", "", "2021-01-04", "2021-01-11" },
		{ "2020-W53", "", "2020-12-28", "2021-01-04" },
		{ "2024-Q1", "", "2024-01-01", "2024-04-01" },
		{ "2024-Q4", "", "2024-10-01", "2025-01-01" },
		{ "2024-H2", "", "2024-07-01", "2025-01-01" },
		{ "2024-SP", "", "2024-03-20", "2024-06-21" },
		{ "2024-WI", "", "2024-12-21", "2025-03-20" },
		{ "199X", "", "1990-01-01", "2000-01-01" },
		{ "19XX", "", "1900-01-01", "2000-01-01" },
		{ "2024-02-15T14:00", "", "2024-02-15", "2024-02-16" },
		{ "2024-02-29", "", "2024-02-29", "2024-03-01" },
		{ "2024", "END", "2024-09-01", "2025-01-01" },
		{ "2024", "START", "2024-01-01", "2024-05-02" },
		{ "2024-03", "MID", "2024-03-11", "2024-03-21" },
		{ "2024-03", "BEFORE", "2024-03-01", "2024-04-01" },
		{ "2024-02-15", "END", "2024-02-15", "2024-02-16" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		GDate s, e;
		g_test_message("%s %s", cases[i].value, cases[i].mod);
		g_assert_true(date_span(cases[i].value, cases[i].mod, &s, &e));
		char *a = iso(&s), *b = iso(&e);
		g_assert_cmpstr(a, ==, cases[i].start);
		g_assert_cmpstr(b, ==, cases[i].end);
		g_free(a);
		g_free(b);
	}
	GDate s, e;
	g_assert_false(date_span("XXXX-03-24", NULL, &s, &e));
	g_assert_false(date_span("P3M", NULL, &s, &e));
	g_assert_false(date_span(NULL, NULL, &s, &e));
}

static void
test_contains(void)
{
	static const struct { const char *outer, *inner; bool yes; } cases[] = {
		{ "2024-02", "2024-02-15", true },
		{ "2024-02-15", "2024-02", false },
		{ "2024", "2024-02", true },
		{ "2024-02", "2024-W07", true },   /* 12–18 February */
		{ "2024-02", "2024-W09", false },  /* 26 February – 3 March */
		{ "2024-W09", "2024-02-27", true },
		{ "2024-Q1", "2024-03-24", true },
		{ "2024-02", "2024-02", true },
		{ "XXXX-02", "XXXX-02", true },
		{ "XXXX-02", "2024-02-15", false },
		{ "2024-02", "XXXX-02-15", false },
		{ "202X", "2024-11-26", true },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_test_message("%s ⊇ %s", cases[i].outer, cases[i].inner);
		g_assert_cmpint(date_contains(cases[i].outer, cases[i].inner), ==, cases[i].yes);
	}
}

static void
test_compare(void)
{
	static const struct { const char *a, *b; int order; } cases[] = {
		{ "2024-02", "2024-02-15", -1 },    /* same start: the month first */
		{ "2024-02-15", "2024-03", -1 },
		{ "2024", "2024-01", -1 },
		{ "2024-11-26", "2024-11-26", 0 },
		{ "2024-11-26", "XXXX-02", -1 },    /* unanchored last */
		{ "2025", "2024-12-31", 1 },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_assert_cmpint(date_compare(cases[i].a, cases[i].b), ==, cases[i].order);
		g_assert_cmpint(date_compare(cases[i].b, cases[i].a), ==, -cases[i].order);
	}
}

static void
test_display(void)
{
	static const struct { const char *value, *mod; FriseLang lang; bool abbrev; const char *text; } cases[] = {
		{ "2024-02-15", "", FRISE_LANG_FR, false, "15 février 2024" },
		{ "2024-02-01", "", FRISE_LANG_FR, false, "1er février 2024" },
		{ "2024-02-15", "", FRISE_LANG_EN, false, "February 15, 2024" },
		{ "2024-02", "", FRISE_LANG_FR, false, "février 2024" },
		{ "2024-02", "", FRISE_LANG_FR, true, "févr. 2024" },
		{ "2024-02", "", FRISE_LANG_EN, true, "Feb 2024" },
		{ "2024", "END", FRISE_LANG_FR, false, "fin 2024" },
		{ "2024", "END", FRISE_LANG_EN, false, "late 2024" },
		{ "2025", "BEFORE", FRISE_LANG_FR, false, "avant 2025" },
		{ "2024-03", "APPROX", FRISE_LANG_FR, false, "vers mars 2024" },
		{ "2024-02", "ON_OR_AFTER", FRISE_LANG_FR, false, "depuis février 2024" },
		{ "2024-W12", "", FRISE_LANG_FR, false, "semaine du 18 mars 2024" },
		{ "2024-W12", "", FRISE_LANG_EN, false, "week of March 18, 2024" },
		{ "2024-Q1", "", FRISE_LANG_FR, false, "1er trimestre 2024" },
		{ "2024-Q3", "", FRISE_LANG_EN, false, "Q3 2024" },
		{ "2024-SP", "", FRISE_LANG_FR, false, "printemps 2024" },
		{ "2024-SU", "APPROX", FRISE_LANG_FR, false, "vers l’été 2024" },
		{ "2024-SP", "START", FRISE_LANG_FR, false, "début du printemps 2024" },
		{ "2024-WI", "END", FRISE_LANG_FR, false, "fin de l’hiver 2024" },
		{ "2024-SP", "ON_OR_BEFORE", FRISE_LANG_FR, false, "jusqu’au printemps 2024" },
		{ "2024-SU", "MID", FRISE_LANG_FR, false, "mi-été 2024" },
		{ "2024-SU", "APPROX", FRISE_LANG_EN, false, "around summer 2024" },
		{ "199X", "", FRISE_LANG_FR, false, "années 1990" },
		{ "199X", "", FRISE_LANG_EN, false, "the 1990s" },
		{ "19XX", "", FRISE_LANG_FR, false, "20e siècle" },
		{ "20XX", "", FRISE_LANG_EN, false, "21st century" },
		{ "2024-02-15T14:05", "", FRISE_LANG_FR, false, "15 février 2024, 14 h 05" },
		{ "2024-02-15T14:05", "", FRISE_LANG_EN, false, "February 15, 2024, 14:05" },
		{ "1999-05-18TEV", "", FRISE_LANG_FR, false, "18 mai 1999 (soir)" },
		{ "XXXX-03-24", "", FRISE_LANG_FR, false, "24 mars (année inconnue)" },
		{ "PRESENT_REF", "", FRISE_LANG_EN, false, "now" },
		{ "%s%n", "END", FRISE_LANG_FR, false, "fin %s%n" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *s = date_display(cases[i].value, cases[i].mod, cases[i].lang, cases[i].abbrev);
		g_assert_cmpstr(s, ==, cases[i].text);
		g_free(s);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/date/granularity", test_granularity);
	g_test_add_func("/date/span", test_span);
	g_test_add_func("/date/contains", test_contains);
	g_test_add_func("/date/compare", test_compare);
	g_test_add_func("/date/display", test_display);
	return g_test_run();
}
