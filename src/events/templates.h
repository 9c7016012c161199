/*
 * templates.h — event-type templates (prefix templates_): the built-in
 * templates/events.json and user files, and the type of the happening a
 * date of a parsed sentence dates (core/clause.h).
 *
 * A trigger is one or more words; a word of the text matches a trigger
 * word when its lemma — the lexicon's, for the reading clause_parse()
 * chose — is it ("fuient" is fuir, "lancées" lancer, "killed" kill), or
 * when both fold alike (core/text.h) and the word can be that lemma
 * ("frappé" is never the noun "frappe"); "dévoil*" is a prefix,
 * "contract/noun" asks for a part of speech. A trigger that starts with
 * '~' is weak: a verb or noun whose own type yields to any other of its
 * clause ("lancer une offensive", "annoncer la mort de"). The triggers
 * of "other" only claim words for no type ("par rapport à").
 * templates/events.json says the rest, at its top.
 *
 * Offsets are byte offsets into the sentence given, end exclusive.
 * Immutable once built: any number of threads may classify with one set.
 */
#ifndef FRISE_EVENTS_TEMPLATES_H
#define FRISE_EVENTS_TEMPLATES_H

#include "core/clause.h"
#include "frise/event.h"

typedef struct FriseTemplates FriseTemplates;

/* The built-in templates (/frise/templates/events.json). Returns a new
 * set (templates_free) or NULL with `error`. */
FriseTemplates *templates_new(GError **error);
/* Adds the types of a template file held in `json` (`name` names it in
 * messages): an existing id is replaced, a new one is added before
 * "other". False with `error` naming `name` when the JSON is bad. */
bool templates_add(FriseTemplates *templates, const char *json, size_t len, const char *name,
		   GError **error);
void templates_free(FriseTemplates *templates);
/* True when type `id` is generic ("other", or "generic": true in its
 * template: a statement): its mentions of one date merge by their words
 * only. An unknown id is generic. */
bool templates_is_generic(const FriseTemplates *templates, const char *id);
/* The types, in template order; owned by `templates`. */
const GPtrArray *templates_types(const FriseTemplates *templates);

/* Why a type was chosen: the trigger and where in the sentence it stood. */
typedef struct {
	const char *trigger; /* the trigger as the template file writes it; NULL for "other" */
	const char *where;   /* static: "main verb", "object", "clause", "clause, weak", "sentence", … */
	size_t start, end;   /* the words it matched, bytes in the sentence */
} TemplatesWhy;

/*
 * The type of the happening dated by bytes [tstart, tend) of the parsed
 * sentence `parse` whose own clause is `clause` (attrib_of() gives it;
 * G_MAXUINT when there is none: then only nearness counts). Prefers, in
 * this order, a trigger that is the clause's lexical verb (Clause.main_verb),
 * one in its object (the words after that verb), one elsewhere in the
 * clause, the verb's or clause's weak triggers, then the rest of the
 * sentence; within each, the nearest to the date, then the earlier
 * template. Words of the date are skipped inside a phrase ("a pris jeudi
 * le commandement"). "other" when nothing matches. Returns a static
 * string of `templates`; fills *why unless NULL.
 */
const char *templates_classify_clause(const FriseTemplates *templates, FriseLang lang, const ClauseParse *parse,
				      guint clause, size_t tstart, size_t tend, TemplatesWhy *why);

/* The type the words of `text` give, the trigger nearest to byte `anchor`
 * winning (strong before weak): the text is parsed, but no clause is
 * preferred. Static to `templates`. */
const char *templates_classify(const FriseTemplates *templates, FriseLang lang, const char *text,
			       size_t len, size_t anchor);

#endif
