/*
 * status.h — the status of what a dated sentence reports (prefix
 * status_). Offsets are byte offsets into the sentence, end exclusive.
 */
#ifndef FRISE_EVENTS_STATUS_H
#define FRISE_EVENTS_STATUS_H

#include "frise/event.h"
#include "frise/timex.h"

/* Status of what `sentence` (in `lang`) says happens at `timex` (offsets
 * relative to the sentence), given the article's date `dct` (or NULL). */
FriseStatus status_of(const char *sentence, size_t len, const FriseTimex *timex, const char *dct,
		      FriseLang lang);
/* As status_of, on the tokens (TextToken) of `text` already made. */
FriseStatus status_of_tokens(const char *text, const GArray *toks, const FriseTimex *timex, const char *dct,
			     FriseLang lang);

#endif
