/*
 * headline.h — headlines (prefix headline_). Offsets are byte offsets
 * into the sentence given, end exclusive.
 */
#ifndef FRISE_EVENTS_HEADLINE_H
#define FRISE_EVENTS_HEADLINE_H

#include "frise/frise.h"

/* A headline for `sentence` (`len` bytes) whose temporal expression is
 * bytes [tstart, tend) of it: the expression with its preposition, and
 * leading filler ("Cependant,", "Pour rappel,"), removed; capitalised; cut
 * at a clause or word boundary to at most `max` characters (0: 90).
 * Returns a new string (g_free). */
char *headline_make(const char *sentence, size_t len, size_t tstart, size_t tend, FriseLang lang,
		    size_t max);

#endif
