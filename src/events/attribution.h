/*
 * attribution.h — which happening a date of a sentence dates (prefix
 * attrib_): the verb of its own clause, or nothing the timeline wants —
 * a background fact (a relative or participial clause, a comparison, a
 * verbless phrase naming another happening), a name ("Mouvement du 6
 * avril", "pont du 6 octobre"), a number read as a year ("résolution
 * 1973", "1300 morts").
 *
 * Offsets are byte offsets into the sentence, end exclusive.
 */
#ifndef FRISE_EVENTS_ATTRIBUTION_H
#define FRISE_EVENTS_ATTRIBUTION_H

#include "core/clause.h"
#include "frise/date.h"

/* ORDER ATTRIB: attrib_kind_name() follows it. */
typedef enum {
	ATTRIB_OWN = 0,      /* dates the happening of its clause's verb */
	ATTRIB_SINCE,        /* the start of a period the happening runs in ("depuis", "since") */
	ATTRIB_BACKGROUND,   /* dates a fact the sentence recalls, not its happening */
	ATTRIB_NAME,         /* part of a name */
	ATTRIB_NUMBER        /* a number taken for a year */
} AttribKind;

typedef struct {
	AttribKind kind;
	const char *why;     /* static: "a relative clause", "a name (pont du …)", … */
	guint clause;        /* the clause whose happening it dates (ATTRIB_OWN, ATTRIB_SINCE) */
} Attribution;

/* Where the date at bytes [tstart, tend) of the parsed sentence `text`
 * belongs; `gran` is its value's granularity. */
void attrib_of(const ClauseParse *parse, const char *text, size_t len, size_t tstart, size_t tend,
	       FriseGranularity gran, Attribution *out);

/* "own", "since", "background", "name", "number": static strings. */
const char *attrib_kind_name(AttribKind kind);

#endif
