/*
 * timex.c (core) — what every layer knows of a temporal expression
 * without tagging one (prefix timex_, as the tagger's): the names of the
 * TIMEX3 types and the arrays the tagger returns. The tagger itself is
 * src/tagger/ (timex.h).
 */
#include "frise/timex.h"

#include <string.h>

/* ORDER TYPE */
static const char *const type_names[] = { "DATE", "TIME", "DURATION", "SET" };

const char *
timex_type_name(FriseTimexType type)
{
	return (unsigned)type < G_N_ELEMENTS(type_names) ? type_names[type] : "DATE";
}

FriseTimexType
timex_type_parse(const char *name)
{
	for (size_t t = 0; t < G_N_ELEMENTS(type_names); t++)
		if (name != NULL && strcmp(name, type_names[t]) == 0)
			return (FriseTimexType)t;
	return FRISE_TIMEX_DATE;
}

void
timex_array_free(GArray *timexes)
{
	if (timexes == NULL)
		return;
	for (guint i = 0; i < timexes->len; i++)
		g_free(g_array_index(timexes, FriseTimex, i).explain);
	g_array_free(timexes, TRUE);
}
