/*
 * salience.h — how much an event matters (prefix salience_): the one
 * place that scores events and ranks them for a top N. Higher is more
 * important; scores are >= 0.
 */
#ifndef FRISE_EVENTS_SALIENCE_H
#define FRISE_EVENTS_SALIENCE_H

#include "events/candidate.h"
#include "frise/date.h"

/* What an event's score is made of. */
typedef struct {
	guint articles;          /* articles that report it in their own words */
	guint repeats;           /* its other mentions */
	FriseGranularity precision; /* of its date */
	bool typed;              /* a type of its own, not "other" */
	double first;            /* where its earliest mention starts in its article body, 0..1 */
	guint day_articles;      /* for a day-level event: the articles naming its day */
	bool told;               /* a clause of its own tells it (not a stripped sentence) */
	FriseStatus status;      /* what happened counts more than what is planned or uncertain */
} SalienceFactors;

/* The factors of event `e` made of `members` (FriseCandidate*, its
 * sources in order), its day aside (salience_score() adds it). */
void salience_factors(const FriseEvent *e, const GPtrArray *members, SalienceFactors *out);

/* Sets each event's score and why (each factor with its value) from
 * `factors` (one per event, same order), with the day factor counted over
 * `cands` (FriseCandidate*): a day many articles name matters, whatever
 * they say of it. */
void salience_score(GPtrArray *events, SalienceFactors *factors, const GPtrArray *cands);

/* Sets each event's rank: among the visible events of one day (its value
 * up to the day), the n-th best counts score / n, so that a
 * short timeline shows several moments rather than one busy day's live
 * blog; ties go to the event seen first in the articles (`docs`, in their
 * order), then to date order (the order of `events`). A hidden event's
 * rank is its score. */
void salience_rank(GPtrArray *events, const FriseDoc *docs, guint ndocs);

#endif
