/*
 * headline.h — headlines (prefix headline_). Offsets are byte offsets
 * into the sentence given, end exclusive.
 */
#ifndef FRISE_EVENTS_HEADLINE_H
#define FRISE_EVENTS_HEADLINE_H

#include "core/clause.h"

/* The longest headline, in characters. */
#define HEADLINE_MAX 80

/* A headline for `sentence` (`len` bytes) whose temporal expression is
 * bytes [tstart, tend) of it: the expression with its preposition, and
 * leading filler ("Cependant,", "Pour rappel,"), removed; capitalised; cut
 * at a clause boundary or before an adjunct, else at a word, to at most
 * `max` characters (0: HEADLINE_MAX), never with "…".
 * Returns a new string (g_free). */
char *headline_make(const char *sentence, size_t len, size_t tstart, size_t tend, FriseLang lang,
		    size_t max);

/*
 * A headline from clause `clause` of the parsed sentence (the clause the
 * date [tstart, tend) dates): its own words and what it reports, without
 * its relative, participial and subordinate clauses, a fronted phrase
 * before its subject, an apposition, the date and its preposition, a
 * leading connective; a subject pronoun replaced by `actor` (the actor
 * named last before it, or NULL). At most `max` characters (0:
 * HEADLINE_MAX), cut only before an adjunct. NULL when no printable
 * headline comes of it (no verb, fewer than three words, a hole where a
 * bracket or a quote was cut, too long with nothing to lose): the caller
 * takes another sentence. Returns a new string (g_free).
 */
char *headline_of(const ClauseParse *parse, const char *sentence, size_t len, guint clause, size_t tstart,
		  size_t tend, const char *actor, FriseLang lang, size_t max);

#endif
