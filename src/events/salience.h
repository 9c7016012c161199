/*
 * salience.h — how much an event matters (prefix salience_): the one
 * place that scores events. Higher is more important; >= 0.
 */
#ifndef FRISE_EVENTS_SALIENCE_H
#define FRISE_EVENTS_SALIENCE_H

#include "events/candidate.h"

/* The score of event `e` made of `members` (FriseCandidate*, its
 * sources in order): the articles that report it in their own words, a
 * little for each further mention, the precision of its date, a type of
 * its own and the lead position. */
double salience_of(const FriseEvent *e, const GPtrArray *members);
/* Adds to each day-level event of `events` log2(1 + the number of
 * articles whose candidates, `cands`, name its day). */
void salience_add_days(GPtrArray *events, const GPtrArray *cands);

#endif
