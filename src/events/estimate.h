/*
 * estimate.h — publication dates for undated articles (prefix estimate_).
 */
#ifndef FRISE_EVENTS_ESTIMATE_H
#define FRISE_EVENTS_ESTIMATE_H

#include "events/candidate.h"
#include "frise/date.h"

/* A publication date estimated for an undated article. */
typedef struct {
	char *value;          /* TIMEX3 day or year value, or NULL: no evidence */
	FriseGranularity precision; /* of `value` */
	char *evidence;       /* a sentence saying why, for `frise articles` */
	GHashTable *resolved; /* GUINT_TO_POINTER(timex start) -> char* value: expressions
				 the evidence itself resolves (owned) */
} FriseEstimate;

/*
 * Estimates the publication date of docs[index] (undated: published ==
 * NULL) from the other, dated docs: the events it shares with them (same
 * story, a date pattern such as "XXXX-02-15" or a weekday that fits theirs)
 * are strong evidence; the corpus dates its partial dates fit are weak
 * evidence (year precision). A shared event named by a weekday ("Mardi")
 * makes the estimate day-precise: that day. `out` is filled even without
 * evidence (value NULL); free it with estimate_clear().
 */
void estimate_of(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *templates,
		 FriseEstimate *out);
/*
 * As estimate_of(), with `dated` the anchored candidates of each dated
 * doc found once for the whole corpus (candidates_find_each(docs, ndocs,
 * templates, true, true)): estimating every undated article of a corpus
 * then does not find every article's candidates again for each.
 */
void estimate_with(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *templates,
		   GPtrArray *const *dated, FriseEstimate *out);
void estimate_clear(FriseEstimate *estimate);

#endif
