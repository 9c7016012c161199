/*
 * test_identity.c — pipeline/identity.c: when a re-extracted mention takes
 * the key of a stored source it replaces (identity_match()). One line per
 * case: the stored source's sentence, date and byte; the new mention's.
 */
#include "pipeline/identity.h"

#include <string.h>

static const struct {
	const char *old_quote, *old_value;
	size_t old_start;
	const char *new_quote, *new_value;
	size_t new_start;
	bool match;
} match_cases[] = {
	/* one word edited, same date, same place */
	{ "Le ministre a démissionné le 3 mars à Paris.", "2024-03-03", 100,
	  "Le ministre a démissionné le 3 mars à Lyon.", "2024-03-03", 100, true },
	/* a date corrected, the sentence otherwise the same */
	{ "Le ministre a démissionné le 3 mars à Paris.", "2024-03-03", 100,
	  "Le ministre a démissionné le 13 mars à Paris.", "2024-03-13", 100, true },
	/* a few words added before it: the place moves a little */
	{ "Le ministre a démissionné le 3 mars à Paris.", "2024-03-03", 100,
	  "Le ministre a démissionné le 3 mars à Paris.", "2024-03-03", 180, true },
	/* another sentence of the same date: no */
	{ "Le ministre a démissionné le 3 mars à Paris.", "2024-03-03", 100,
	  "Les syndicats appellent à la grève générale dès le 3 mars.", "2024-03-03", 100, false },
	/* half the words rewritten, a date a year away, far in the article: no */
	{ "Le ministre a démissionné le 3 mars à Paris.", "2024-03-03", 100,
	  "Le ministre sera remplacé en mars 2025 par son adjoint.", "2025-03", 5000, false },
	/* reworded but the same date and place: yes (words 0.4, dated, near) */
	{ "Le ministre de la Santé a démissionné le 3 mars.", "2024-03-03", 100,
	  "Le 3 mars, la ministre de la Santé quitte son poste.", "2024-03-03", 110, true },
};

static void
test_match(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(match_cases); i++) {
		StoreOldSource old = { (char *)"0123456789abcdef", (char *)match_cases[i].old_quote,
				       (char *)match_cases[i].old_value, (char *)"", match_cases[i].old_start };
		FriseCandidate c = { 0 };
		c.quote = (char *)match_cases[i].new_quote;
		g_strlcpy(c.timex.value, match_cases[i].new_value, sizeof c.timex.value);
		c.raw_start = match_cases[i].new_start;
		double m = identity_match(&old, &c);
		if ((m > 0) != match_cases[i].match)
			g_test_message("case %zu: %s / %s: %.3f", i, match_cases[i].old_quote, match_cases[i].new_quote, m);
		g_assert_cmpint(m > 0, ==, match_cases[i].match);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/identity/match", test_match);
	return g_test_run();
}
