/*
 * templates.c — event types and their trigger words (prefix templates_;
 * see templates.h): templates/events.json built in, user files added, and
 * the type a sentence's words give.
 *
 * Triggers are folded phrases (core/text.h) matched against a sentence's
 * tokens; the nearest to the date wins. Immutable once built: threads may
 * classify with one set at once.
 */
#include "events/templates.h"
#include "core/text.h"
#include "frise-resources.h"

#include <cjson/cJSON.h>
#include <gio/gio.h>
#include <stdint.h>
#include <string.h>


typedef struct {
	FriseEventType *type;
	GPtrArray *triggers[FRISE_LANG_COUNT]; /* folded phrases; [UNKNOWN] unused */
	bool generic;     /* "generic": true: its mentions merge by their words only */
} Template;

/* A trigger filed under the first two bytes of its first word. */
typedef struct {
	const char *phrase; /* borrowed from its Template */
	guint tmpl;         /* index in FriseTemplates.list */
} Trigger;

struct FriseTemplates {
	GPtrArray *list;  /* Template*, "other" last */
	GPtrArray *types; /* FriseEventType*, borrowed from list, same order */
	/* per language: trigger_key() -> GArray of Trigger, in template
	 * order, so that a token is tried only against the triggers that can
	 * start at it (trying every trigger at every token was the largest
	 * cost of the candidates); rebuilt by index_triggers() */
	GHashTable *by_key[FRISE_LANG_COUNT];
	GArray *short_ones[FRISE_LANG_COUNT]; /* Trigger whose first word has one byte: tried everywhere */
};

/* The key of a folded word: its first two bytes ("a" and "a'" alike:
 * a word ends at a space or an apostrophe). A token can start a
 * trigger only if their keys are equal (a one-byte trigger word aside:
 * as a prefix it starts any token with that byte). */
static guint
trigger_key(const char *w)
{
	guint b0 = (unsigned char)w[0];
	guint b1 = b0 == '\0' || w[1] == ' ' || w[1] == '\'' ? 0 : (unsigned char)w[1];
	return b0 << 8 | b1;
}

static void
free_triggers(gpointer a)
{
	g_array_unref(a);
}

static void
index_triggers(FriseTemplates *tp)
{
	for (int l = 0; l < FRISE_LANG_COUNT; l++) {
		g_clear_pointer(&tp->by_key[l], g_hash_table_unref);
		g_clear_pointer(&tp->short_ones[l], g_array_unref);
		tp->by_key[l] = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, free_triggers);
		tp->short_ones[l] = g_array_new(FALSE, FALSE, sizeof(Trigger));
		for (guint j = 0; j < tp->list->len; j++) {
			Template *t = g_ptr_array_index(tp->list, j);
			for (guint k = 0; t->triggers[l] != NULL && k < t->triggers[l]->len; k++) {
				const char *ph = g_ptr_array_index(t->triggers[l], k);
				Trigger tr = { ph, j };
				while (*ph == ' ' || *ph == '\'')
					ph++;
				if (*ph == '\0')
					continue; /* matches nothing (phrase_at) */
				guint key = trigger_key(ph);
				if ((key & 0xff) == 0) {
					g_array_append_val(tp->short_ones[l], tr);
					continue;
				}
				GArray *a = g_hash_table_lookup(tp->by_key[l], GUINT_TO_POINTER(key));
				if (a == NULL) {
					a = g_array_new(FALSE, FALSE, sizeof(Trigger));
					g_hash_table_insert(tp->by_key[l], GUINT_TO_POINTER(key), a);
				}
				g_array_append_val(a, tr);
			}
		}
	}
}

static void
template_free(Template *t)
{
	if (t == NULL)
		return;
	event_type_free(t->type);
	for (int l = 0; l < FRISE_LANG_COUNT; l++)
		if (t->triggers[l] != NULL)
			g_ptr_array_unref(t->triggers[l]);
	g_free(t);
}

static bool
valid_colour(const char *c)
{
	if (c == NULL || strlen(c) != 7 || c[0] != '#')
		return false;
	for (int i = 1; i < 7; i++)
		if (!g_ascii_isxdigit(c[i]))
			return false;
	return true;
}

bool
templates_add(FriseTemplates *tp, const char *json, size_t len, const char *name,
		      GError **error)
{
	cJSON *root = cJSON_ParseWithLength(json, len);
	if (root == NULL) {
		size_t off = cJSON_GetErrorPtr() ? (size_t)(cJSON_GetErrorPtr() - json) : 0;
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
			    "%s: not valid JSON (near byte %zu)", name, off);
		return false;
	}
	const cJSON *types = cJSON_GetObjectItemCaseSensitive(root, "types");
	if (!cJSON_IsArray(types)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
			    "%s: expected an object with a \"types\" array", name);
		cJSON_Delete(root);
		return false;
	}
	GPtrArray *added = g_ptr_array_new_with_free_func((GDestroyNotify)template_free);
	int n = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, types) {
		n++;
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(it, "id");
		const cJSON *colour = cJSON_GetObjectItemCaseSensitive(it, "colour");
		const cJSON *label = cJSON_GetObjectItemCaseSensitive(it, "label");
		const cJSON *trig = cJSON_GetObjectItemCaseSensitive(it, "triggers");
		if (!cJSON_IsString(id) || *id->valuestring == '\0' ||
		    !valid_colour(cJSON_GetStringValue(colour)) || !cJSON_IsObject(label)) {
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
				    "%s: type %d needs an \"id\", a \"colour\" \"#rrggbb\" and a \"label\" object",
				    name, n);
			g_ptr_array_unref(added);
			cJSON_Delete(root);
			return false;
		}
		Template *t = g_new0(Template, 1);
		t->generic = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "generic")) || strcmp(id->valuestring, "other") == 0;
		t->type = g_new0(FriseEventType, 1);
		t->type->id = g_strdup(id->valuestring);
		t->type->colour = g_ascii_strdown(colour->valuestring, -1);
		for (int l = 1; l < FRISE_LANG_COUNT; l++) {
			const char *code = frise_lang_code((FriseLang)l);
			const char *lab = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(label, code));
			t->type->label[l] = g_strdup(lab ? lab : id->valuestring);
			t->triggers[l] = g_ptr_array_new_with_free_func(g_free);
			const cJSON *words = cJSON_GetObjectItemCaseSensitive(trig, code);
			const cJSON *w;
			cJSON_ArrayForEach(w, words) {
				if (cJSON_IsString(w) && *w->valuestring != '\0')
					g_ptr_array_add(t->triggers[l], text_fold(w->valuestring, -1));
			}
		}
		t->type->label[FRISE_LANG_UNKNOWN] = g_strdup(t->type->label[FRISE_LANG_EN]);
		g_ptr_array_add(added, t);
	}
	cJSON_Delete(root);
	/* Replace same ids; insert new ones before "other". */
	for (guint i = 0; i < added->len; i++) {
		Template *t = g_ptr_array_index(added, i);
		g_ptr_array_index(added, i) = NULL;
		guint j;
		for (j = 0; j < tp->list->len; j++) {
			Template *o = g_ptr_array_index(tp->list, j);
			if (strcmp(o->type->id, t->type->id) == 0)
				break;
		}
		if (j < tp->list->len) {
			template_free(g_ptr_array_index(tp->list, j));
			g_ptr_array_index(tp->list, j) = t;
		} else {
			guint at = tp->list->len;
			if (at > 0 && strcmp(((Template *)g_ptr_array_index(tp->list, at - 1))->type->id, "other") == 0)
				at--;
			g_ptr_array_insert(tp->list, (gint)at, t);
		}
	}
	g_ptr_array_unref(added);
	g_ptr_array_set_size(tp->types, 0);
	for (guint j = 0; j < tp->list->len; j++)
		g_ptr_array_add(tp->types, ((Template *)g_ptr_array_index(tp->list, j))->type);
	index_triggers(tp);
	return true;
}

FriseTemplates *
templates_new(GError **error)
{
	/* through the resource itself, so that linking the static library
	 * keeps the resource object */
	GBytes *b = g_resource_lookup_data(frise_res_get_resource(), "/frise/templates/events.json", 0, error);
	if (b == NULL)
		return NULL;
	FriseTemplates *tp = g_new0(FriseTemplates, 1);
	tp->list = g_ptr_array_new_with_free_func((GDestroyNotify)template_free);
	tp->types = g_ptr_array_new();
	gsize len;
	const char *data = g_bytes_get_data(b, &len);
	bool ok = templates_add(tp, data, len, "templates/events.json", error);
	g_bytes_unref(b);
	if (!ok) {
		templates_free(tp);
		return NULL;
	}
	return tp;
}

void
templates_free(FriseTemplates *tp)
{
	if (tp == NULL)
		return;
	g_ptr_array_unref(tp->types);
	g_ptr_array_unref(tp->list);
	for (int l = 0; l < FRISE_LANG_COUNT; l++) {
		if (tp->by_key[l] != NULL)
			g_hash_table_unref(tp->by_key[l]);
		if (tp->short_ones[l] != NULL)
			g_array_unref(tp->short_ones[l]);
	}
	g_free(tp);
}

const GPtrArray *
templates_types(const FriseTemplates *tp)
{
	return tp->types;
}

/* Keeps in *best the nearest match to `anchor` of the triggers `trs`
 * at token i (ties: the earlier template). */
static void
try_triggers(const GArray *trs, const GArray *toks, guint i, size_t anchor, size_t *best_dist, guint *best)
{
	for (guint k = 0; trs != NULL && k < trs->len; k++) {
		const Trigger *tr = &g_array_index(trs, Trigger, k);
		guint last;
		if (!text_phrase_at(toks, i, tr->phrase, true, &last))
			continue;
		size_t s = g_array_index(toks, TextToken, i).start;
		size_t e = g_array_index(toks, TextToken, last).end;
		size_t dist = anchor < s ? s - anchor : anchor > e ? anchor - e : 0;
		if (dist < *best_dist || (dist == *best_dist && tr->tmpl < *best)) {
			*best_dist = dist;
			*best = tr->tmpl;
		}
	}
}


const char *
templates_classify_tokens(const FriseTemplates *tp, FriseLang lang, const GArray *toks, size_t anchor)
{
	if (lang <= FRISE_LANG_UNKNOWN || lang >= FRISE_LANG_COUNT)
		lang = FRISE_LANG_FR;
	size_t best_dist = SIZE_MAX;
	guint best = G_MAXUINT;
	for (guint i = 0; i < toks->len; i++) {
		const char *w = g_array_index(toks, TextToken, i).folded;
		try_triggers(g_hash_table_lookup(tp->by_key[lang], GUINT_TO_POINTER(trigger_key(w))), toks, i,
			     anchor, &best_dist, &best);
		try_triggers(tp->short_ones[lang], toks, i, anchor, &best_dist, &best);
	}
	if (best == G_MAXUINT)
		return "other";
	return ((Template *)g_ptr_array_index(tp->list, best))->type->id;
}

const char *
templates_classify(const FriseTemplates *tp, FriseLang lang, const char *text, size_t len,
		   size_t anchor)
{
	GArray *toks = text_tokens(text, len);
	const char *id = templates_classify_tokens(tp, lang, toks, anchor);
	g_array_unref(toks);
	return id;
}

bool
templates_is_generic(const FriseTemplates *tp, const char *id)
{
	for (guint j = 0; j < tp->list->len; j++) {
		const Template *t = g_ptr_array_index(tp->list, j);
		if (strcmp(t->type->id, id) == 0)
			return t->generic;
	}
	return true;
}
