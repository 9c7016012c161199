/*
 * templates.c — event types and their trigger words (prefix templates_;
 * see templates.h): templates/events.json built in, user files added, and
 * the type of the happening a date of a parsed sentence dates.
 *
 * Triggers are matched against the words of clause_parse() — folded
 * form or lemma, a phrase's words in a row — and every match is ranked:
 * first by where it stands (the date's clause's lexical verb, its object,
 * the rest of that clause, weak triggers, the rest of the sentence), then
 * by its distance to the date, then by template order. A match inside a
 * longer one counts only as part of it ("en fuite" is no "fuite"); the
 * triggers of "other" match only to claim their words so ("par rapport à"
 * is no report). Immutable once built: threads may classify with one set
 * at once.
 */
#include "events/templates.h"
#include "core/lang.h"
#include "core/morph.h"
#include "core/text.h"
#include "frise-resources.h"

#include <cjson/cJSON.h>
#include <gio/gio.h>
#include <stdint.h>
#include <string.h>


/* One word of a trigger. */
typedef struct {
	char *folded;      /* text_fold() of the word; a prefix when `prefix` */
	const char *lemma; /* the word as a lemma (morph_intern(), lower case, NFC); NULL for a prefix */
	bool prefix;       /* written "dévoil*": starts the folded word */
	guint roles;       /* written "contract/noun": the ClauseRole bits it must have; 0 = any */
	bool is_lemma;     /* the lexicon has it as a lemma: then a word it knows matches
			      it only if it can be that lemma, so that "frappé" (frapper)
			      is no "frappe" (a strike), though both fold to "frappe" */
} TriggerWord;

typedef struct {
	char *text;        /* as the file writes it */
	TriggerWord *words;
	guint n;
	guint tmpl;        /* index of its template in FriseTemplates.list (index_triggers()) */
	bool weak;         /* written "~lancer": yields to the other triggers of its clause */
} Trigger;

typedef struct {
	FriseEventType *type;
	GPtrArray *triggers[FRISE_LANG_COUNT]; /* Trigger*, owned; [UNKNOWN] unused */
	bool generic;     /* "generic": true: its mentions merge by their words only */
} Template;

struct FriseTemplates {
	GPtrArray *list;  /* Template*, "other" last */
	GPtrArray *types; /* FriseEventType*, borrowed from list, same order */
	/* per language, the triggers that can start at a word (borrowed
	 * Trigger*, in template order), so that a word is tried only
	 * against those: by its folded form, by its lemma (an interned
	 * pointer), or — for a trigger whose first word is a prefix — by the
	 * first two bytes of its folded form; rebuilt by index_triggers() */
	GHashTable *by_word[FRISE_LANG_COUNT];
	GHashTable *by_lemma[FRISE_LANG_COUNT];
	GHashTable *by_key[FRISE_LANG_COUNT];
	GPtrArray *short_prefixes[FRISE_LANG_COUNT]; /* a first word that is a one-byte prefix: tried everywhere */
	guint other; /* index of "other" in list, whose triggers only claim words; G_MAXUINT */
};

/* The first two bytes of a folded word. */
static guint
trigger_key(const char *w)
{
	guint b0 = (unsigned char)w[0];
	guint b1 = b0 == '\0' ? 0 : (unsigned char)w[1];
	return b0 << 8 | b1;
}

static void
trigger_free(gpointer p)
{
	Trigger *tr = p;
	for (guint i = 0; i < tr->n; i++)
		g_free(tr->words[i].folded);
	g_free(tr->words);
	g_free(tr->text);
	g_free(tr);
}

#define ROLE(r) (1u << (r))
/* The parts of speech a trigger word may ask for ("/noun"). */
static const struct {
	const char *name;
	guint roles;
} pos_names[] = {
	{ "noun", ROLE(CLAUSE_W_NOUN) | ROLE(CLAUSE_W_PROPER) },
	{ "verb", ROLE(CLAUSE_W_FINITE) | ROLE(CLAUSE_W_PARTICIPLE) | ROLE(CLAUSE_W_INFINITIVE) | ROLE(CLAUSE_W_AUX) },
	{ "adj", ROLE(CLAUSE_W_ADJ) | ROLE(CLAUSE_W_PARTICIPLE) },
};

/*
 * A trigger as the file writes it: "~" first makes it weak; words are
 * separated by spaces and apostrophes ("l'accord" is "l", "accord", as
 * clause_parse() splits an elision); a word ending in "*" is a prefix;
 * "/noun", "/verb" or "/adj" after a word asks for that part of speech.
 * In a version-1 file the last word is always a prefix (how triggers
 * matched before lemmas). NULL when it has no word.
 */
static Trigger *
trigger_new(const char *written, FriseLang lang, bool last_is_prefix)
{
	char *nfc = g_utf8_normalize(written, -1, G_NORMALIZE_NFC);
	if (nfc == NULL)
		return NULL;
	char *lower = g_utf8_strdown(nfc, -1);
	g_free(nfc);
	const char *p = lower;
	while (*p == ' ')
		p++;
	bool weak = *p == '~';
	if (weak)
		p++;
	GArray *words = g_array_new(FALSE, TRUE, sizeof(TriggerWord));
	while (*p != '\0') {
		while (*p == ' ' || *p == '\'' || g_str_has_prefix(p, "\u2019"))
			p += *p == ' ' || *p == '\'' ? 1 : strlen("\u2019");
		const char *e = p;
		while (*e != '\0' && *e != ' ' && *e != '\'' && !g_str_has_prefix(e, "\u2019"))
			e++;
		if (e == p)
			break;
		TriggerWord w = { 0 };
		size_t len = (size_t)(e - p);
		const char *slash = memchr(p, '/', len);
		if (slash != NULL) {
			/* a part of speech, as the parse reads the word in context */
			size_t sl = len - (size_t)(slash - p) - 1;
			for (size_t k = 0; k < G_N_ELEMENTS(pos_names); k++)
				if (strlen(pos_names[k].name) == sl && strncmp(slash + 1, pos_names[k].name, sl) == 0)
					w.roles = pos_names[k].roles;
			len = (size_t)(slash - p);
		}
		if (len == 0)
			break;
		w.prefix = p[len - 1] == '*';
		if (w.prefix)
			len--;
		/* an elided word ("l'", "d'") is matched by its letters: the
		 * lexicon's lemma of "d'" is "de" */
		bool elided = *e == '\'' || g_str_has_prefix(e, "\u2019");
		if (len > 0) {
			w.folded = text_fold(p, (gssize)len);
			w.lemma = w.prefix ? NULL : morph_intern(p, (gssize)len);
			MorphWord mw;
			if (w.lemma != NULL && !elided && morph_analyze(lang, p, (gssize)len, &mw))
				for (guint i = 0; i < mw.n && !w.is_lemma; i++)
					w.is_lemma = mw.a[i].lemma == w.lemma;
			g_array_append_val(words, w);
		}
		p = e;
	}
	g_free(lower);
	if (words->len == 0) {
		g_array_unref(words);
		return NULL;
	}
	if (last_is_prefix) {
		TriggerWord *l = &g_array_index(words, TriggerWord, words->len - 1);
		l->prefix = true;
		l->lemma = NULL;
	}
	Trigger *tr = g_new0(Trigger, 1);
	tr->text = g_strdup(written);
	tr->weak = weak;
	tr->n = words->len;
	tr->words = (TriggerWord *)(void *)g_array_free(words, FALSE);
	return tr;
}

static void
add_to(GHashTable *h, gpointer key, Trigger *tr)
{
	GPtrArray *a = g_hash_table_lookup(h, key);
	if (a == NULL) {
		a = g_ptr_array_new();
		g_hash_table_insert(h, key, a);
	}
	g_ptr_array_add(a, tr);
}

static void
index_triggers(FriseTemplates *tp)
{
	tp->other = G_MAXUINT;
	for (guint j = 0; j < tp->list->len; j++)
		if (strcmp(((Template *)g_ptr_array_index(tp->list, j))->type->id, "other") == 0)
			tp->other = j;
	for (int l = 0; l < FRISE_LANG_COUNT; l++) {
		g_clear_pointer(&tp->by_word[l], g_hash_table_unref);
		g_clear_pointer(&tp->by_lemma[l], g_hash_table_unref);
		g_clear_pointer(&tp->by_key[l], g_hash_table_unref);
		g_clear_pointer(&tp->short_prefixes[l], g_ptr_array_unref);
		tp->by_word[l] = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
		tp->by_lemma[l] = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
		tp->by_key[l] = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
		tp->short_prefixes[l] = g_ptr_array_new();
		for (guint j = 0; j < tp->list->len; j++) {
			Template *t = g_ptr_array_index(tp->list, j);
			for (guint k = 0; t->triggers[l] != NULL && k < t->triggers[l]->len; k++) {
				Trigger *tr = g_ptr_array_index(t->triggers[l], k);
				const TriggerWord *w = &tr->words[0];
				tr->tmpl = j;
				if (!w->prefix) {
					add_to(tp->by_word[l], w->folded, tr);
					if (w->lemma != NULL)
						add_to(tp->by_lemma[l], (gpointer)w->lemma, tr);
				} else if (w->folded[0] != '\0' && w->folded[1] != '\0') {
					add_to(tp->by_key[l], GUINT_TO_POINTER(trigger_key(w->folded)), tr);
				} else {
					g_ptr_array_add(tp->short_prefixes[l], tr);
				}
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
	/* version 1: the last word of every trigger is a prefix (templates.h) */
	const cJSON *ver = cJSON_GetObjectItemCaseSensitive(root, "version");
	int version = cJSON_IsNumber(ver) ? ver->valueint : 1;
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
			t->triggers[l] = g_ptr_array_new_with_free_func(trigger_free);
			const cJSON *words = cJSON_GetObjectItemCaseSensitive(trig, code);
			const cJSON *w;
			cJSON_ArrayForEach(w, words) {
				Trigger *tr = cJSON_IsString(w) ? trigger_new(w->valuestring, (FriseLang)l, version < 2) : NULL;
				if (tr != NULL)
					g_ptr_array_add(t->triggers[l], tr);
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
	for (int l = 0; l < FRISE_LANG_COUNT; l++) {
		g_clear_pointer(&tp->by_word[l], g_hash_table_unref);
		g_clear_pointer(&tp->by_lemma[l], g_hash_table_unref);
		g_clear_pointer(&tp->by_key[l], g_hash_table_unref);
		g_clear_pointer(&tp->short_prefixes[l], g_ptr_array_unref);
	}
	g_ptr_array_unref(tp->types);
	g_ptr_array_unref(tp->list);
	g_free(tp);
}

const GPtrArray *
templates_types(const FriseTemplates *tp)
{
	return tp->types;
}

/* ------------------------------------------------------------------ */
/* Classifying                                                         */

/* ORDER TIER: where_names[] follows it. Lower is preferred: a weak
 * verb ("annoncer", "lancer", "raise") gives way to every other trigger
 * of its clause, weak or not ("a annoncé la capture", "a lancé une
 * offensive"), but not to another clause's. A verb of saying (the
 * language's [speech-verbs]) is typed by what it says, not by who says
 * it: its subject comes after it ("the ambassador said" is a statement)
 * — unless the clause is passive ("la mort a été annoncée"), whose
 * subject is its object. A weak trigger of another clause counts for
 * nothing: an "intervention" or "troops" mentioned in passing type no
 * sentence, nor does what "après", "since" (the language's
 * [background-prepositions]) introduce in the date's clause: another
 * happening, at another time. */
typedef enum {
	TIER_VERB = 0,     /* the lexical verb of the date's clause */
	TIER_OBJECT,       /* a word of that clause after its verb (or before it, passive) */
	TIER_CLAUSE,       /* another word of that clause */
	TIER_OBJECT_WEAK,  /* the same, weak triggers */
	TIER_CLAUSE_WEAK,
	TIER_VERB_WEAK,
	TIER_SPEAKER,      /* before a verb of saying */
	TIER_SPEAKER_WEAK,
	TIER_SENTENCE,     /* another clause of the sentence */
	TIER_NONE          /* a weak trigger of another clause, a background one: none */
} Tier;

static const char *const where_names[] = { "main verb", "object", "clause", "object, weak", "clause, weak",
					   "main verb, weak", "speaker", "speaker, weak", "sentence", "" };

/* What the date's clause is: its main verb and whether it says or undergoes. */
typedef struct {
	guint clause;  /* G_MAXUINT: none */
	gint verb;     /* Clause.main_verb */
	bool speech;   /* the verb is a verb of saying */
	bool passive;  /* "a été annoncée", "was killed" */
	bool *in;      /* by clause: its words are the clause's (own_clauses()) */
} Own;

typedef struct {
	const Trigger *tr;
	guint first, last; /* words matched */
	bool masked;       /* inside a longer match, or claimed by "other" */
} Match;

static const ClauseWord *
word_of(const ClauseParse *p, guint i)
{
	return &g_array_index(p->words, ClauseWord, i);
}

static bool
word_is(const ClauseWord *w, const TriggerWord *tw)
{
	if (tw->roles != 0 && (tw->roles & ROLE(w->role)) == 0)
		return false;
	if (tw->prefix)
		return g_str_has_prefix(w->folded, tw->folded);
	if (w->lemma == tw->lemma)
		return true;
	if (strcmp(w->folded, tw->folded) != 0)
		return false;
	if (w->morph.n == 0 || !tw->is_lemma)
		return true;
	/* folded alike, and the trigger word is a lemma: the word must be
	 * able to be that lemma ("la", the article, can be the note "la";
	 * "frappé" can only be frapper, never the noun "frappe") */
	return morph_find(&w->morph, tw->lemma, MORPH_POS_NONE) != NULL;
}

/* A word that may be skipped inside a phrase: the date's own words and
 * adverbs ("a pris jeudi le commandement", "ont rapidement pris la fuite"). */
static bool
skippable(const ClauseWord *w, size_t ts, size_t te)
{
	return (w->start < te && w->end > ts) || w->role == CLAUSE_W_ADV;
}

/* True when `tr` matches from word i; sets *last to its last word. */
static bool
phrase_at(const ClauseParse *p, guint i, const Trigger *tr, size_t ts, size_t te, guint *last)
{
	guint n = p->words->len, j = i;
	for (guint k = 0; k < tr->n; k++, j++) {
		if (k > 0) {
			bool skipped = false;
			while (j < n && skippable(word_of(p, j), ts, te) && !word_is(word_of(p, j), &tr->words[k]))
				j++, skipped = true;
			/* no punctuation inside a phrase, but the commas around a date */
			if (j < n && (word_of(p, j)->punct & ~(skipped ? CLAUSE_P_COMMA : 0)) != 0)
				return false;
		}
		if (j >= n || !word_is(word_of(p, j), &tr->words[k]))
			return false;
	}
	*last = j - 1;
	return true;
}

/* A capitalised word inside a sentence that the parse takes for a name:
 * no trigger starts there ("the Security Council", "Médecins sans
 * frontières", "March"). */
static bool
is_name(const ClauseParse *p, guint i)
{
	const ClauseWord *w = word_of(p, i);
	return w->role == CLAUSE_W_PROPER && w->capital && i > 0 &&
	       (w->punct & (CLAUSE_P_STRONG | CLAUSE_P_QUOTE | CLAUSE_P_OPEN | CLAUSE_P_DASH)) == 0;
}

static void
try_all(const ClauseParse *p, guint i, const GPtrArray *trs, size_t ts, size_t te, GArray *out)
{
	for (guint k = 0; trs != NULL && k < trs->len; k++) {
		const Trigger *tr = g_ptr_array_index(trs, k);
		guint last;
		if (!phrase_at(p, i, tr, ts, te, &last))
			continue;
		bool dup = false; /* found twice: by the word and by its lemma */
		for (guint m = 0; m < out->len && !dup; m++) {
			const Match *o = &g_array_index(out, Match, m);
			dup = o->tr == tr && o->first == i;
		}
		if (!dup) {
			Match mt = { tr, i, last, false };
			g_array_append_val(out, mt);
		}
	}
}

/* True when main clause `b` only seems to start where main clause `a`
 * ends: no punctuation or link word between them, and `b` opens with its
 * verb, a word that can be a noun, and has no subject of its own — a
 * noun read as a verb ("launched its biggest assault on", "Election
 * officials announced"); `b`'s words are then `a`'s. */
static bool
continues(const ClauseParse *p, guint a, guint b)
{
	const Clause *ca = &g_array_index(p->clauses, Clause, a);
	const Clause *cb = &g_array_index(p->clauses, Clause, b);
	if (ca->kind != CLAUSE_MAIN || cb->kind != CLAUSE_MAIN || ca->last != cb->first || cb->first == 0 ||
	    cb->verb != (gint)cb->first || cb->first >= p->words->len)
		return false;
	const ClauseWord *w = word_of(p, cb->first);
	return w->role == CLAUSE_W_FINITE && w->punct == 0 && morph_has_pos(&w->morph, MORPH_POS_NOUN) &&
	       word_of(p, cb->first - 1)->role != CLAUSE_W_COORDINATOR;
}

/* Marks in `in` (one per clause) the date's clause and those it runs on
 * into or from (continues()); and, for a clause that opens with its verb
 * and has no subject ("The quake, Haiti's worst in two centuries, struck
 * …", "…, a indiqué le directeur"), what comes before it in its sentence
 * — where its subject is. */
static void
own_clauses(const ClauseParse *p, guint clause, bool *in)
{
	in[clause] = true;
	const Clause *own = &g_array_index(p->clauses, Clause, clause);
	if (own->subject < 0 && own->verb >= 0 && (guint)own->verb == own->first && own->kind == CLAUSE_MAIN &&
	    (word_of(p, own->first)->punct & CLAUSE_P_STRONG) == 0)
		for (guint j = own->first; j > 0; j--) {
			in[word_of(p, j - 1)->clause] = true;
			if (word_of(p, j - 1)->punct & CLAUSE_P_STRONG)
				break;
		}
	for (guint k = clause; k < p->clauses->len; ) {
		const Clause *c = &g_array_index(p->clauses, Clause, k);
		if (c->last >= p->words->len)
			break;
		guint next = word_of(p, c->last)->clause;
		if (next == k || !continues(p, k, next))
			break;
		in[next] = true;
		k = next;
	}
	for (guint k = clause; ; ) {
		const Clause *c = &g_array_index(p->clauses, Clause, k);
		if (c->first == 0)
			break;
		guint prev = word_of(p, c->first - 1)->clause;
		if (prev == k || !continues(p, prev, k))
			break;
		in[prev] = true;
		k = prev;
	}
}

/* True when a [background-prepositions] word stands before word i in
 * its phrase — back to the clause's verb or a comma: "après l'annonce de
 * sa mort", "since the fall of", "after the September 11 attacks". */
static bool
background(const ClauseParse *p, guint i, const Own *own)
{
	for (guint j = i + 1; j > 0; j--) {
		const ClauseWord *w = word_of(p, j - 1);
		if ((gint)(j - 1) == own->verb || !own->in[w->clause])
			return false;
		if (j - 1 < i && lang_has(p->lang, LANG_BACKGROUND_PREPOSITIONS, w->folded))
			return true;
		if (w->punct & (CLAUSE_P_COMMA | CLAUSE_P_STRONG | CLAUSE_P_OPEN | CLAUSE_P_DASH))
			return false;
	}
	return false;
}

static Tier
tier_of(const ClauseParse *p, const Match *m, const Own *own)
{
	bool weak = m->tr->weak;
	if (own->clause == G_MAXUINT)
		return weak ? TIER_NONE : TIER_SENTENCE;
	if (own->verb >= 0 && m->first <= (guint)own->verb && (guint)own->verb <= m->last)
		return weak ? TIER_VERB_WEAK : TIER_VERB;
	bool in = false, after = false;
	for (guint j = m->first; j <= m->last; j++) {
		if (own->in[word_of(p, j)->clause]) {
			in = true;
			after |= (gint)j > own->verb;
		}
	}
	if (background(p, m->first, own))
		return TIER_NONE;
	if (!in)
		return weak ? TIER_NONE : TIER_SENTENCE;
	if (after || own->passive)
		return weak ? TIER_OBJECT_WEAK : TIER_OBJECT;
	if (own->speech)
		return weak ? TIER_SPEAKER_WEAK : TIER_SPEAKER;
	return weak ? TIER_CLAUSE_WEAK : TIER_CLAUSE;
}

/* The facts tier_of() reads about the date's clause. */
static void
own_of(const ClauseParse *p, guint clause, FriseLang lang, Own *own)
{
	*own = (Own){ G_MAXUINT, -1, false, false, g_new0(bool, MAX(p->clauses->len, 1)) };
	if (clause >= p->clauses->len)
		return;
	const Clause *c = &g_array_index(p->clauses, Clause, clause);
	own->clause = clause;
	own->verb = c->main_verb;
	own_clauses(p, clause, own->in);
	if (c->main_verb < 0)
		return;
	const ClauseWord *v = word_of(p, (guint)c->main_verb);
	own->speech = lang_has(lang, LANG_SPEECH_VERBS, v->lemma);
	for (gint j = c->verb; v->role == CLAUSE_W_PARTICIPLE && j >= 0 && j < c->main_verb && !own->passive; j++)
		own->passive = lang_has(lang, LANG_PASSIVE_AUXILIARIES, word_of(p, (guint)j)->lemma);
}

const char *
templates_classify_clause(const FriseTemplates *tp, FriseLang lang, const ClauseParse *p, guint clause,
			  size_t ts, size_t te, TemplatesWhy *why)
{
	if (lang <= FRISE_LANG_UNKNOWN || lang >= FRISE_LANG_COUNT)
		lang = p->lang;
	GArray *ms = g_array_new(FALSE, FALSE, sizeof(Match));
	for (guint i = 0; i < p->words->len; i++) {
		const ClauseWord *w = word_of(p, i);
		if (is_name(p, i))
			continue;
		try_all(p, i, g_hash_table_lookup(tp->by_word[lang], w->folded), ts, te, ms);
		if (w->lemma != w->folded)
			try_all(p, i, g_hash_table_lookup(tp->by_lemma[lang], w->lemma), ts, te, ms);
		if (w->folded[0] != '\0' && w->folded[1] != '\0')
			try_all(p, i, g_hash_table_lookup(tp->by_key[lang], GUINT_TO_POINTER(trigger_key(w->folded))), ts,
				te, ms);
		try_all(p, i, tp->short_prefixes[lang], ts, te, ms);
	}
	/* a match inside a longer one, or beside a phrase of "other" that
	 * covers it, is part of that phrase only */
	guint other = tp->other;
	for (guint a = 0; a < ms->len; a++) {
		Match *m = &g_array_index(ms, Match, a);
		for (guint b = 0; b < ms->len && !m->masked; b++) {
			const Match *o = &g_array_index(ms, Match, b);
			bool covers = a != b && o->first <= m->first && o->last >= m->last;
			m->masked = covers && (o->last - o->first > m->last - m->first ||
					       (o->tr->tmpl == other && m->tr->tmpl != other));
		}
	}
	Own own;
	own_of(p, clause, lang, &own);
	const Match *best = NULL;
	Tier best_tier = TIER_NONE;
	size_t best_dist = SIZE_MAX;
	for (guint a = 0; a < ms->len; a++) {
		const Match *m = &g_array_index(ms, Match, a);
		if (m->masked || m->tr->tmpl == other)
			continue;
		Tier tier = tier_of(p, m, &own);
		if (tier == TIER_NONE)
			continue;
		size_t s = word_of(p, m->first)->start, e = word_of(p, m->last)->end;
		size_t dist = e <= ts ? ts - e : s >= te ? s - te : 0;
		if (best == NULL || tier < best_tier || (tier == best_tier && dist < best_dist) ||
		    (tier == best_tier && dist == best_dist && m->tr->tmpl < best->tr->tmpl)) {
			best = m;
			best_tier = tier;
			best_dist = dist;
		}
	}
	const char *id = "other";
	if (why != NULL)
		*why = (TemplatesWhy){ NULL, "no trigger", 0, 0 };
	if (best != NULL) {
		id = ((Template *)g_ptr_array_index(tp->list, best->tr->tmpl))->type->id;
		if (why != NULL)
			*why = (TemplatesWhy){ best->tr->text, where_names[best_tier], word_of(p, best->first)->start,
					       word_of(p, best->last)->end };
	}
	g_free(own.in);
	g_array_unref(ms);
	return id;
}

const char *
templates_classify(const FriseTemplates *tp, FriseLang lang, const char *text, size_t len, size_t anchor)
{
	if (lang <= FRISE_LANG_UNKNOWN || lang >= FRISE_LANG_COUNT)
		lang = FRISE_LANG_FR;
	ClauseParse *p = clause_parse(text, len, lang);
	const char *id = templates_classify_clause(tp, lang, p, G_MAXUINT, anchor, anchor, NULL);
	clause_parse_free(p);
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
