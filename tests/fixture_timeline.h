/*
 * fixture_timeline.h — a FriseTimeline built in C for the renderer tests
 * (no articles, no store): every kind of date value, every mod the
 * renderers treat apart, a TIME value, planned and uncertain events, a
 * year-unknown value, a date conflict, several sources with URLs and
 * quotes, and hostile text in every string field.
 */
#ifndef FIXTURE_TIMELINE_H
#define FIXTURE_TIMELINE_H

#include "frise/event.h"

/* Strings the fixture puts in its text; the tests check that each comes
 * back unchanged from every format. NULL-terminated. */
extern const char *const fixture_hostile[];

/* A new timeline (event_timeline_free). With `edited`, event
 * "00000000000000a1" has a new text and its sequence and modified time
 * are bumped, as the store does after an edit; nothing else changes. */
FriseTimeline *fixture_timeline(bool edited);

/* The number of events whose year is known (what a calendar can hold). */
guint fixture_anchored_count(void);

#endif
