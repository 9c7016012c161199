/*
 * status.c — whether a dated sentence reports what happened, what is
 * planned or what is uncertain (prefix status_; see status.h), from cue
 * words and the date against the article's own.
 */
#include "events/status.h"
#include "core/text.h"
#include "frise/date.h"

#include <string.h>

/* Cues of status, folded, matched as whole words or phrases. */
static const char *const strong_hedges[] = {
	"peu probable", "rumeur", "rumeurs", "incertain", "incertaine", "pas confirme",
	"unlikely", "rumour", "rumor", "rumoured", "rumored", "unconfirmed",
};
static const char *const planned_cues[] = {
	"devrait", "devraient", "va", "vont", "sera", "seront", "prevu", "prevue", "prevoit",
	"d'ici", "bientot", "a venir", "prochain", "prochaine", "compte", "envisage",
	"will", "plans", "planned", "expected", "scheduled", "upcoming", "next", "going to",
};
static const char *const weak_hedges[] = {
	"aurait", "auraient", "serait", "seraient", "pourrait", "pourraient", "peut-etre",
	"probablement", "possible", "reportedly", "allegedly", "may", "might", "could",
};

FriseStatus
status_of_tokens(const GArray *toks, const FriseTimex *timex, const char *dct)
{
	FriseStatus st = FRISE_STATUS_HAPPENED;
	bool after_dct = false, before_dct = false;
	if (dct != NULL && timex != NULL && date_is_anchored(timex->value)) {
		GDate ts, te, ds, de;
		if (date_span(timex->value, timex->mod, &ts, &te) && date_span(dct, "", &ds, &de)) {
			after_dct = g_date_compare(&ts, &de) >= 0;
			before_dct = g_date_compare(&te, &ds) <= 0;
		}
	}
	if (text_has_phrase(toks, strong_hedges, G_N_ELEMENTS(strong_hedges)))
		st = FRISE_STATUS_UNCERTAIN;
	else if (before_dct)
		st = FRISE_STATUS_HAPPENED; /* over before the article: what it plans is elsewhere */
	else if (after_dct || (timex != NULL && timex->tense == FRISE_TENSE_FUTURE) ||
		 text_has_phrase(toks, planned_cues, G_N_ELEMENTS(planned_cues)))
		st = FRISE_STATUS_PLANNED;
	else if (text_has_phrase(toks, weak_hedges, G_N_ELEMENTS(weak_hedges)))
		st = FRISE_STATUS_UNCERTAIN;
	return st;
}

FriseStatus
status_of(const char *sentence, size_t len, const FriseTimex *timex, const char *dct)
{
	GArray *toks = text_tokens(sentence, len);
	FriseStatus st = status_of_tokens(toks, timex, dct);
	g_array_unref(toks);
	return st;
}
