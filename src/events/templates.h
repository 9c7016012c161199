/*
 * templates.h — event-type templates (prefix templates_): the built-in
 * templates/events.json and user files, and the type a sentence's words
 * give. Triggers are folded phrases (core/text.h); offsets are byte
 * offsets into the text given, end exclusive.
 */
#ifndef FRISE_EVENTS_TEMPLATES_H
#define FRISE_EVENTS_TEMPLATES_H

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
/* The type whose trigger, in `lang`, matches nearest to byte `anchor` of
 * `text` ("other" when none does); static to `templates`. */
const char *templates_classify(const FriseTemplates *templates, FriseLang lang, const char *text,
			       size_t len, size_t anchor);
/* As templates_classify, on the text's tokens already made (TextToken). */
const char *templates_classify_tokens(const FriseTemplates *templates, FriseLang lang,
				      const GArray *toks, size_t anchor);

#endif
