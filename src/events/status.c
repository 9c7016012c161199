/*
 * status.c — whether a dated sentence reports what happened, what is
 * planned or what is uncertain (prefix status_; see status.h), from the
 * cue words of the sentence's language (src/lang/xx/words.txt) and the
 * date against the article's own.
 */
#include "events/status.h"
#include "core/lang.h"
#include "core/text.h"
#include "frise/date.h"

#include <string.h>

/* True when token i of `toks` (words of `text`) starts with a capital. */
static bool
capitalised(const char *text, const GArray *toks, guint i)
{
	const TextToken *t = &g_array_index(toks, TextToken, i);
	gunichar c = g_utf8_get_char(text + t->start);
	return g_unichar_isupper(c) || g_unichar_istitle(c);
}

/* True when a word of the language's calendar (a weekday or a month):
 * "Next Monday" is a cue and a date, not a name. */
static bool
calendar_word(FriseLang lang, const char *folded)
{
	if (lang_has(lang, LANG_WEEKDAYS, folded))
		return true;
	const LangWords *m = lang_list(lang, LANG_MONTHS);
	for (guint k = 0; k < m->n; k++) {
		char *f = text_fold(m->items[k], -1);
		bool same = strcmp(f, folded) == 0;
		g_free(f);
		if (same)
			return true;
	}
	return false;
}

/* True when one of `cues` occurs in the sentence as a cue, not as a
 * name: a capitalised cue inside the sentence ("in May", "Mme Va") or
 * opening it before another capitalised word that is not a weekday or
 * a month ("Will Smith won") is a proper noun. */
static bool
has_cue(const char *text, const GArray *toks, const LangWords *cues, FriseLang lang)
{
	for (guint i = 0; i < toks->len; i++)
		for (guint j = 0; j < cues->n; j++) {
			guint last;
			if (!text_phrase_at(toks, i, cues->items[j], false, &last))
				continue;
			if (capitalised(text, toks, i)) {
				if (i > 0)
					continue;
				if (last + 1 < toks->len && capitalised(text, toks, last + 1) &&
				    !calendar_word(lang, g_array_index(toks, TextToken, last + 1).folded))
					continue;
			}
			return true;
		}
	return false;
}

FriseStatus
status_of_tokens(const char *text, const GArray *toks, const FriseTimex *timex, const char *dct, FriseLang lang)
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
	if (has_cue(text, toks, lang_list(lang, LANG_STRONG_HEDGES), lang))
		st = FRISE_STATUS_UNCERTAIN;
	else if (before_dct)
		st = FRISE_STATUS_HAPPENED; /* over before the article: what it plans is elsewhere */
	else if (after_dct || (timex != NULL && timex->tense == FRISE_TENSE_FUTURE) ||
		 has_cue(text, toks, lang_list(lang, LANG_PLANNED_CUES), lang))
		st = FRISE_STATUS_PLANNED;
	else if (has_cue(text, toks, lang_list(lang, LANG_WEAK_HEDGES), lang))
		st = FRISE_STATUS_UNCERTAIN;
	return st;
}

FriseStatus
status_of(const char *sentence, size_t len, const FriseTimex *timex, const char *dct, FriseLang lang)
{
	GArray *toks = text_tokens(sentence, len);
	FriseStatus st = status_of_tokens(sentence, toks, timex, dct, lang);
	g_array_unref(toks);
	return st;
}
