/*
 * extract.c — from tagged articles to merged events (prefix extract_; see
 * extract.h): templates, sentences, headlines, status, candidates,
 * estimates for undated articles, and the merge.
 *
 * Offsets are byte offsets into FriseDoc.text, end exclusive. Words are
 * compared folded: NFD, combining marks dropped, case-folded ("Dévoilé"
 * -> "devoile"). Language knowledge (abbreviations, stop words, filler,
 * prepositions, status cues) lives in the tables below; to extend one,
 * add a string to it — the code reads the tables only.
 *
 * Threads: extract_candidates_all() runs extract_candidates() on several
 * threads; everything a candidate is made from is read-only meanwhile (the
 * one lazily built table, the stop-word set, is built under g_once).
 */
#include "frise/extract.h"
#include "frise/date.h"
#include "frise-resources.h"

#include <cjson/cJSON.h>
#include <gio/gio.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Tables                                                              */

/* Words that end with "." without ending a sentence (without the dot;
 * compared case-sensitively). A single capital letter is an initial. */
static const char *const abbreviations[] = {
	"M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mgr", "St", "Ste",
	"av", "apr", "cf", "p", "pp", "vol", "art", "n°", "No", "no", "env", "ex", "min",
	"Mr", "Mrs", "Ms", "Jr", "Sr", "Prof", "Gen", "Gov", "Sen", "Rep", "Inc", "Corp",
	"Ltd", "Co", "vs", "approx", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
};

/* Folded stop words of French and English, dropped from content words. */
static const char *const stop_words[] = {
	"les", "des", "une", "est", "sont", "etait", "ont", "avait", "aux", "dans", "par", "pour",
	"sur", "avec", "sans", "sous", "entre", "vers", "chez", "mais", "donc", "car", "que", "qui",
	"quoi", "dont", "quel", "quelle", "quels", "quelles", "leur", "leurs", "son", "ses", "sa",
	"cette", "ces", "cet", "celui", "celle", "ceux", "cela", "ceci", "elle", "elles", "ils",
	"nous", "vous", "lui", "eux", "meme", "aussi", "plus", "moins", "tres", "tout", "tous",
	"toute", "toutes", "deja", "encore", "ainsi", "alors", "apres", "avant", "depuis", "pendant",
	"lors", "comme", "fait", "faire", "etre", "avoir", "ete", "peut", "pas", "non", "oui",
	"bien", "ici", "notre", "nos", "votre", "vos", "mon", "mes", "ton", "tes", "autre",
	"autres", "selon", "ans", "annee", "annees", "mois", "jour", "jours", "semaine", "fois",
	"the", "and", "for", "with", "that", "this", "from", "was", "were", "has", "have", "had",
	"are", "its", "his", "her", "their", "they", "them", "but", "not", "been", "will",
	"would", "which", "who", "whom", "what", "when", "where", "also", "into", "than", "then",
	"there", "said", "about", "after", "before", "over", "out", "year", "years", "month",
	"day", "days", "week", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
	"dimanche", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
	"septembre", "octobre", "novembre", "decembre", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
	"june", "july", "august", "september", "october", "november", "december",
};

/* Words, folded, after which a bare "été" is the season ("l'été", "cet
 * été", "en été"); after anything else ("a été", "n'a pas encore été")
 * it is the participle of "être". */
static const char *const season_determiners[] = {
	"l", "cet", "en", "d", "au", "de", "chaque", "dernier", "prochain", "bel",
};

/* Folded expressions that name the period of the document date itself:
 * when the date is coarser than they are ("cette semaine" in an article
 * dated 2024-03), they take the document date. */
static const char *const present_deictics[] = {
	"cette semaine", "ce mois", "ce mois-ci", "cette annee", "aujourd'hui", "ce jour",
	"this week", "this month", "this year", "today",
};

/* Folded words that, right before a date, make it the article's own
 * timestamp (a byline, a dateline), not an event. */
static const char *const dateline_cues[] = {
	"publie le", "mis a jour le", "modifie le", "date du", "posted on", "published on", "updated on",
	"publie", "mis a jour",
};

/* Folded words that, a few words before a date, make it the start of a
 * period the sentence's event happens in, not that event's date: "La CPI a
 * lancé, lundi 27 juin, un mandat … depuis le soulèvement du 15 février". */
static const char *const since_cues[] = { "depuis", "since" };

/* Folded auxiliaries: "a publié le 24 mars" reports a publication. */
static const char *const auxiliaries[] = {
	"a", "ont", "avait", "avaient", "aura", "auront", "ayant", "sera", "est", "sont", "etait",
	"has", "have", "had", "was", "were", "is", "be", "been",
};

/* Weekday names, folded, Monday first (ISO weekday = index + 1). */
static const char *const weekdays[2][7] = {
	{ "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche" },
	{ "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" },
};

/* Words, folded, that may stand right before a temporal expression and go
 * with it when a headline drops it ("En février 2024, …"). */
static const char *const time_prepositions[] = {
	"le", "la", "les", "l", "en", "des", "depuis", "ce", "cette", "cet", "au", "du", "a",
	"d", "ici", "partir", "jusqu", "courant", "debut", "fin", "mi", "dans", "vers",
	"on", "in", "since", "by", "at", "during", "this", "until", "from", "early", "late", "of",
};

/* Folded words that join the two ends of a range. */
static const char *const range_words[] = {
	"et", "a", "au", "entre", "jusqu", "and", "to", "until", "between", "through",
};

/* Folded openers that add nothing to a headline; dropped at its start. */
static const char *const fillers[] = {
	"cependant", "neanmoins", "toutefois", "pour rappel", "par ailleurs", "en outre",
	"pendant ce temps", "de son cote", "entre-temps", "entre temps", "plus recemment",
	"mais", "et", "alors", "ainsi", "or", "enfin", "puis", "ensuite", "d'ailleurs",
	"however", "meanwhile", "also", "but", "and", "then", "finally", "moreover", "still",
};

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

/* Granularity bonus to salience, ORDER GRAN. */
static const double precision_bonus[] = {
	0.0, 0.0, 0.0, 0.2, 0.25, 0.3, 0.3, 0.5, 0.7, 1.0, 1.0, 1.0, 1.0, 1.0,
};

/* Merge thresholds on the TF-IDF cosine of content words. */
#define SAME_TYPE_MIN_COSINE 1e-9 /* same non-"other" type, different articles: a shared word */
#define CONTENT_MIN_COSINE 0.30   /* any type, or the same article */
/* Two reports of one story (same type, cosine at least this) whose day
 * dates differ by at most CONFLICT_DAYS are one event whose sources
 * conflict. */
#define CONFLICT_MIN_COSINE 0.5
#define CONFLICT_DAYS 7
/* A lead candidate (within this many sentences of the body's start) with
 * no type of its own takes the type and words of what precedes it. */
#define LEAD_SENTENCES 3
/* Members of a cluster a newcomer's story is compared with. */
#define STORY_SAMPLE 8

static bool
in_table(const char *const *table, size_t n, const char *word)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i], word) == 0)
			return true;
	return false;
}
#define IN_TABLE(t, w) in_table((t), G_N_ELEMENTS(t), (w))

/* ------------------------------------------------------------------ */
/* Folding and words                                                   */

/* Folded copy of text[0, len): NFD, combining marks dropped, case-folded,
 * ’ turned into '. Returns a new string. */
static char *
fold(const char *text, gssize len)
{
	/* ASCII is its own NFD and folds to its lower case: most words are */
	size_t n = len < 0 ? strlen(text) : (size_t)len;
	size_t k = 0;
	while (k < n && text[k] != '\0' && (unsigned char)text[k] < 0x80)
		k++;
	if (k == n)
		return g_ascii_strdown(text, (gssize)n);
	char *nfd = g_utf8_normalize(text, len, G_NORMALIZE_NFD);
	if (nfd == NULL)
		return g_strdup("");
	GString *s = g_string_sized_new(strlen(nfd));
	for (const char *p = nfd; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c >= 0x300 && c <= 0x36f)
			continue;
		if (c == 0x2019 || c == 0x2018)
			c = '\'';
		g_string_append_unichar(s, c);
	}
	g_free(nfd);
	char *f = g_utf8_casefold(s->str, (gssize)s->len);
	g_string_free(s, TRUE);
	return f;
}

typedef struct {
	size_t start, end; /* in the text given to tokens() */
	char *folded;
} Token;

static void
token_clear(Token *t)
{
	g_free(t->folded);
}

/* The words (letters and digits; "-" inside a word kept) of text[0, len). */
static GArray *
tokens(const char *text, size_t len)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(Token));
	g_array_set_clear_func(a, (GDestroyNotify)token_clear);
	const char *p = text, *end = text + len;
	while (p < end) {
		gunichar c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			p++;
			continue;
		}
		if (!g_unichar_isalnum(c)) {
			p = g_utf8_next_char(p);
			continue;
		}
		const char *w = p;
		while (p < end) {
			gunichar d = g_utf8_get_char_validated(p, end - p);
			if (d == (gunichar)-1 || d == (gunichar)-2)
				break;
			if (g_unichar_isalnum(d) || (g_unichar_type(d) == G_UNICODE_NON_SPACING_MARK)) {
				p = g_utf8_next_char(p);
				continue;
			}
			/* keep "peut-être", "J.-C." apart: '-' only between letters */
			if (d == '-' && p + 1 < end && g_unichar_isalpha(g_utf8_get_char_validated(p + 1, end - p - 1))) {
				p++;
				continue;
			}
			break;
		}
		Token t = { (size_t)(w - text), (size_t)(p - text), fold(w, p - w) };
		g_array_append_val(a, t);
	}
	return a;
}

/* stop_words as a set, built once (the linear scan was a tenth of a
 * 10,000-article build); never freed, like the table it mirrors. */
static bool
is_stop_word(const char *word)
{
	static GHashTable *set;
	if (g_once_init_enter(&set)) {
		GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
		for (size_t i = 0; i < G_N_ELEMENTS(stop_words); i++)
			g_hash_table_add(h, (gpointer)stop_words[i]);
		g_once_init_leave(&set, h);
	}
	return g_hash_table_contains(set, word);
}

/* As extract_words, on tokens already made. */
static GPtrArray *
words_of(const GArray *toks)
{
	GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < toks->len; i++) {
		Token *t = &g_array_index(toks, Token, i);
		if (g_utf8_strlen(t->folded, -1) < 3 || is_stop_word(t->folded))
			continue;
		if (g_ascii_isdigit(t->folded[0]))
			continue; /* numbers say little about the story */
		g_ptr_array_add(words, g_strdup(t->folded));
	}
	return words;
}

GPtrArray *
extract_words(const char *text, size_t len)
{
	GArray *toks = tokens(text, len);
	GPtrArray *words = words_of(toks);
	g_array_unref(toks);
	return words;
}

/* True when the folded phrase `phrase` (words separated by spaces or
 * apostrophes) occurs at token i of `toks`: each phrase word must equal
 * its token, except that with `prefix` the last one need only start it
 * ("action en just" matches "action en justice"). Sets *last to the
 * index of the last token matched. */
static bool
phrase_at(GArray *toks, guint i, const char *phrase, bool prefix, guint *last)
{
	/* walks the phrase's words in place: this runs for every token and
	 * trigger, so it allocates nothing */
	guint k = i;
	const char *p = phrase;
	while (*p == ' ' || *p == '\'')
		p++;
	if (*p == '\0')
		return false;
	while (*p != '\0') {
		if (k >= toks->len)
			return false;
		const char *w = g_array_index(toks, Token, k).folded;
		/* the first byte turns most tokens away before the word is read */
		if (w[0] != p[0])
			return false;
		const char *e = p;
		while (*e != '\0' && *e != ' ' && *e != '\'')
			e++;
		const char *next = e;
		while (*next == ' ' || *next == '\'')
			next++;
		size_t n = (size_t)(e - p);
		bool last_part = *next == '\0';
		if (strncmp(w, p, n) != 0 || (!(prefix && last_part) && w[n] != '\0'))
			return false;
		k++;
		p = next;
	}
	if (last != NULL)
		*last = k - 1;
	return true;
}

static bool
has_phrase(GArray *toks, const char *const *table, size_t n)
{
	for (guint i = 0; i < toks->len; i++)
		for (size_t j = 0; j < n; j++)
			if (phrase_at(toks, i, table[j], false, NULL))
				return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Templates                                                           */

typedef struct {
	FriseEventType *type;
	GPtrArray *triggers[FRISE_LANG_COUNT]; /* folded phrases; [UNKNOWN] unused */
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
extract_templates_add(FriseTemplates *tp, const char *json, size_t len, const char *name,
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
					g_ptr_array_add(t->triggers[l], fold(w->valuestring, -1));
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
extract_templates_new(GError **error)
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
	bool ok = extract_templates_add(tp, data, len, "templates/events.json", error);
	g_bytes_unref(b);
	if (!ok) {
		extract_templates_free(tp);
		return NULL;
	}
	return tp;
}

void
extract_templates_free(FriseTemplates *tp)
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
extract_templates_types(const FriseTemplates *tp)
{
	return tp->types;
}

/* Keeps in *best the nearest match to `anchor` of the triggers `trs`
 * at token i (ties: the earlier template). */
static void
try_triggers(const GArray *trs, GArray *toks, guint i, size_t anchor, size_t *best_dist, guint *best)
{
	for (guint k = 0; trs != NULL && k < trs->len; k++) {
		const Trigger *tr = &g_array_index(trs, Trigger, k);
		guint last;
		if (!phrase_at(toks, i, tr->phrase, true, &last))
			continue;
		size_t s = g_array_index(toks, Token, i).start;
		size_t e = g_array_index(toks, Token, last).end;
		size_t dist = anchor < s ? s - anchor : anchor > e ? anchor - e : 0;
		if (dist < *best_dist || (dist == *best_dist && tr->tmpl < *best)) {
			*best_dist = dist;
			*best = tr->tmpl;
		}
	}
}

/* As extract_classify, on tokens already made. */
static const char *
classify_tokens(const FriseTemplates *tp, FriseLang lang, GArray *toks, size_t anchor)
{
	if (lang <= FRISE_LANG_UNKNOWN || lang >= FRISE_LANG_COUNT)
		lang = FRISE_LANG_FR;
	size_t best_dist = SIZE_MAX;
	guint best = G_MAXUINT;
	for (guint i = 0; i < toks->len; i++) {
		const char *w = g_array_index(toks, Token, i).folded;
		try_triggers(g_hash_table_lookup(tp->by_key[lang], GUINT_TO_POINTER(trigger_key(w))), toks, i,
			     anchor, &best_dist, &best);
		try_triggers(tp->short_ones[lang], toks, i, anchor, &best_dist, &best);
	}
	if (best == G_MAXUINT)
		return "other";
	return ((Template *)g_ptr_array_index(tp->list, best))->type->id;
}

const char *
extract_classify(const FriseTemplates *tp, FriseLang lang, const char *text, size_t len,
		 size_t anchor)
{
	GArray *toks = tokens(text, len);
	const char *id = classify_tokens(tp, lang, toks, anchor);
	g_array_unref(toks);
	return id;
}

/* ------------------------------------------------------------------ */
/* Sentences                                                           */

static bool
is_terminator(gunichar c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static bool
is_closer(gunichar c)
{
	return c == 0xbb || c == 0x201d || c == '"' || c == ')' || c == 0x2019 || c == '\'' || c == ']';
}

static bool
is_sentence_start(gunichar c)
{
	return g_unichar_isupper(c) || g_unichar_istitle(c) || g_unichar_isdigit(c) || c == 0xab || c == 0x201c || c == '"' || c == '-' ||
		 c == 0x2013 || c == 0x2014 || c == 0x2022 || c == '(' || c == '\'';
}

/* The word that ends right before byte `dot` of `text` (back to a space). */
static bool
abbreviation_before(const char *text, size_t lo, size_t dot)
{
	size_t s = dot;
	while (s > lo && text[s - 1] != ' ' && text[s - 1] != '\n' && text[s - 1] != '(' &&
	       text[s - 1] != '\t' && (unsigned char)text[s - 1] != 0xa0)
		s--;
	if (s == dot)
		return false;
	char *w = g_strndup(text + s, dot - s);
	bool abbr = IN_TABLE(abbreviations, w);
	/* "J.-C", "U.S": a dot inside the word */
	if (!abbr && strchr(w, '.') != NULL && g_unichar_isalpha(g_utf8_get_char(w)))
		abbr = true;
	/* an initial: one capital letter */
	if (!abbr && g_utf8_strlen(w, -1) == 1 && g_unichar_isupper(g_utf8_get_char(w)))
		abbr = true;
	g_free(w);
	return abbr;
}

static void
emit_sentence(GArray *out, const char *text, size_t s, size_t e)
{
	/* trim spaces, bullets and dashes that open a list item */
	while (s < e) {
		gunichar c = g_utf8_get_char(text + s);
		if (!(g_unichar_isspace(c) || c == 0x2022 || c == 0xa0 || c == 0x202f))
			break;
		s = (size_t)(g_utf8_next_char(text + s) - text);
	}
	while (e > s) {
		const char *p = g_utf8_find_prev_char(text + s, text + e);
		if (p == NULL || !g_unichar_isspace(g_utf8_get_char(p)))
			break;
		e = (size_t)(p - text);
	}
	if (e <= s)
		return;
	FriseSentence st = { s, e, s, e, false };
	g_array_append_val(out, st);
}

GArray *
extract_sentences(const char *text, size_t start, size_t end)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(FriseSentence));
	size_t s = start, p = start;
	int depth = 0;
	while (p < end) {
		gunichar c = g_utf8_get_char_validated(text + p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			p++;
			continue;
		}
		size_t next = (size_t)(g_utf8_next_char(text + p) - text);
		if (c == '\n') {
			emit_sentence(out, text, s, p);
			s = next;
			depth = 0;
			p = next;
			continue;
		}
		if (c == 0xab || c == 0x201c)
			depth++;
		else if ((c == 0xbb || c == 0x201d) && depth > 0)
			depth--;
		if (!is_terminator(c)) {
			p = next;
			continue;
		}
		size_t dot = p, q = next;
		int run = 1;
		while (q < end && is_terminator(g_utf8_get_char(text + q))) {
			q = (size_t)(g_utf8_next_char(text + q) - text);
			run++;
		}
		bool abbr = c == '.' && run == 1 && abbreviation_before(text, s, dot);
		/* closing quotes and brackets belong to the sentence they close */
		size_t after = q;
		while (after < end) {
			gunichar d = g_utf8_get_char(text + after);
			size_t n2 = (size_t)(g_utf8_next_char(text + after) - text);
			if (d == ' ' || d == 0xa0 || d == 0x202f) {
				/* "… »": a space before a closing guillemet */
				size_t k = n2;
				while (k < end && (text[k] == ' '))
					k++;
				if (k < end && g_utf8_get_char(text + k) == 0xbb) {
					after = (size_t)(g_utf8_next_char(text + k) - text);
					if (depth > 0)
						depth--;
					continue;
				}
				break;
			}
			if (!is_closer(d))
				break;
			if ((d == 0xbb || d == 0x201d) && depth > 0)
				depth--;
			after = n2;
		}
		/* a sentence ends where whitespace and a sentence start follow */
		size_t k = after;
		bool space = false;
		while (k < end) {
			gunichar d = g_utf8_get_char(text + k);
			if (d == '\n' || !(g_unichar_isspace(d) || d == 0xa0 || d == 0x202f))
				break;
			space = true;
			k = (size_t)(g_utf8_next_char(text + k) - text);
		}
		bool split = !abbr && depth == 0 &&
			     (k >= end || text[k] == '\n' ||
			      (space && is_sentence_start(g_utf8_get_char(text + k))));
		if (split) {
			emit_sentence(out, text, s, after);
			s = after;
		}
		p = after > q ? after : q;
	}
	emit_sentence(out, text, s, end);
	return out;
}

/* ------------------------------------------------------------------ */
/* Headlines and status                                                */

/* Byte offset where the folded prefix `words` (a filler) ends in `s`, or 0. */
static size_t
filler_end(const char *s, size_t len)
{
	GArray *toks = tokens(s, len);
	size_t end = 0;
	for (size_t j = 0; j < G_N_ELEMENTS(fillers) && toks->len > 0; j++) {
		guint last;
		if (phrase_at(toks, 0, fillers[j], false, &last) &&
		    g_array_index(toks, Token, 0).start < 3) {
			size_t e = g_array_index(toks, Token, last).end;
			/* only a filler followed by a comma, or a bare conjunction */
			const char *rest = s + e;
			while (*rest == ' ')
				rest++;
			if (*rest == ',' || strchr(fillers[j], ' ') == NULL) {
				if (*rest == ',')
					rest++;
				if ((size_t)(rest - s) > end)
					end = (size_t)(rest - s);
			}
		}
	}
	g_array_unref(toks);
	return end;
}

/* Bytes of a live blog's time stamp opening `s` ("15h10 : ", "0 h 15 - ",
 * "9:30 — "), or 0: the clock time, then a colon or a dash. Written by
 * hand: a few bytes of typography no library names. */
static size_t
stamp_end(const char *s, size_t len)
{
	size_t p = 0, digits = 0;
	while (p < len && g_ascii_isdigit(s[p]) && digits < 2)
		p++, digits++;
	if (digits == 0)
		return 0;
	while (p < len && s[p] == ' ')
		p++;
	if (p < len && (s[p] == 'h' || s[p] == 'H' || s[p] == ':'))
		p++;
	else
		return 0;
	while (p < len && s[p] == ' ')
		p++;
	for (digits = 0; p < len && g_ascii_isdigit(s[p]) && digits < 2; p++)
		digits++;
	for (;;) {
		if (p < len && s[p] == ' ')
			p++;
		else if (p + 1 < len && (unsigned char)s[p] == 0xc2 && (unsigned char)s[p + 1] == 0xa0)
			p += 2; /* a no-break space */
		else
			break;
	}
	if (p < len && (s[p] == ':' || s[p] == '-'))
		p++;
	else if (p + 2 < len && (unsigned char)s[p] == 0xe2 && (unsigned char)s[p + 1] == 0x80 &&
		 ((unsigned char)s[p + 2] == 0x93 || (unsigned char)s[p + 2] == 0x94))
		p += 3; /* – — */
	else
		return 0;
	while (p < len && s[p] == ' ')
		p++;
	return p;
}

char *
extract_headline(const char *sentence, size_t len, size_t tstart, size_t tend, FriseLang lang,
		 size_t max)
{
	if (max == 0)
		max = 90;
	if (tstart > len)
		tstart = len;
	if (tend > len || tend < tstart)
		tend = tstart;
	/* widen the expression to the prepositions right before it */
	GArray *toks = tokens(sentence, tstart);
	size_t cut = tstart;
	for (guint i = toks->len; i > 0; i--) {
		Token *t = &g_array_index(toks, Token, i - 1);
		bool adjacent = true;
		for (size_t k = t->end; k < cut; k++)
			if (sentence[k] != ' ' && sentence[k] != '\'' && (unsigned char)sentence[k] != 0xe2 &&
			    (unsigned char)sentence[k] != 0x80 && (unsigned char)sentence[k] != 0x99) {
				adjacent = false;
				break;
			}
		if (!adjacent || cut - t->end > 4 || !IN_TABLE(time_prepositions, t->folded))
			break;
		cut = t->start;
	}
	/* one end of a range ("entre le 15 juillet et le 15 août", "de 18 h à
	 * 23 h") stays: without it the other end reads wrong */
	bool range = false;
	for (guint i = toks->len; i > 0; i--) {
		Token *t = &g_array_index(toks, Token, i - 1);
		if (t->end > cut)
			continue;
		if (t->end + 2 >= cut && IN_TABLE(range_words, t->folded)) {
			/* "entre X", or "N … et X" with a number just before */
			range = strcmp(t->folded, "entre") == 0 || strcmp(t->folded, "between") == 0;
			for (guint j = i - 1; j > 0 && j + 3 >= i && !range; j--)
				range = g_ascii_isdigit(g_array_index(toks, Token, j - 1).folded[0]);
		}
		break;
	}
	g_array_unref(toks);
	/* "X et le 15 août", "X à 23 h": a range word, then a number */
	GArray *after = tokens(sentence + tend, len - tend);
	if (after->len > 1 && g_array_index(after, Token, 0).start <= 1 &&
	    IN_TABLE(range_words, g_array_index(after, Token, 0).folded)) {
		const char *n1 = g_array_index(after, Token, 1).folded;
		const char *n2 = after->len > 2 ? g_array_index(after, Token, 2).folded : "";
		/* "de mardi à mercredi", "from Monday to Friday" too */
		range = range || g_ascii_isdigit(n1[0]) || IN_TABLE(weekdays[0], n1) || IN_TABLE(weekdays[1], n1) ||
			((strcmp(n1, "le") == 0 || strcmp(n1, "la") == 0 || strcmp(n1, "the") == 0) &&
			 (g_ascii_isdigit(n2[0]) || IN_TABLE(weekdays[0], n2) || IN_TABLE(weekdays[1], n2)));
	}
	g_array_unref(after);
	if (range)
		cut = tend = tstart;
	GString *h = g_string_new_len(sentence, (gssize)cut);
	size_t rest = tend;
	/* "En février 2024, OpenAI": the comma after a fronted date goes too */
	size_t k = rest;
	while (k < len && sentence[k] == ' ')
		k++;
	if (k < len && sentence[k] == ',' && cut < 3)
		rest = k + 1;
	g_string_append_len(h, sentence + rest, (gssize)(len - rest));
	/* tidy: spaces, " ," and leading punctuation */
	char *t = g_strdup(h->str);
	g_string_free(h, TRUE);
	GString *o = g_string_new(NULL);
	for (const char *p = t; *p; p++) {
		if (*p == ' ' && (o->len == 0 || o->str[o->len - 1] == ' '))
			continue;
		if ((*p == ',' || *p == '.') && o->len > 0 && o->str[o->len - 1] == ' ')
			g_string_truncate(o, o->len - 1);
		if (*p == ',' && o->len > 0 && o->str[o->len - 1] == ',')
			continue; /* "épousa, le 23 septembre 1933, Georges" */
		g_string_append_c(o, *p);
	}
	g_free(t);
	for (int pass = 0; pass < 3; pass++) {
		size_t lead = 0;
		/* no-break spaces too: "0 h 15\u00a0: La Libye" */
		while (lead < o->len && (strchr(", ;:", o->str[lead]) != NULL ||
					 (lead + 1 < o->len && (unsigned char)o->str[lead] == 0xc2 &&
					  (unsigned char)o->str[lead + 1] == 0xa0)))
			lead += (unsigned char)o->str[lead] == 0xc2 ? 2 : 1;
		g_string_erase(o, 0, (gssize)lead);
		size_t f = filler_end(o->str, o->len);
		if (f == 0)
			f = stamp_end(o->str, o->len);
		if (f == 0 || f >= o->len)
			break;
		g_string_erase(o, 0, (gssize)f);
	}
	/* trailing punctuation */
	while (o->len > 0 && strchr(" .!?;:,", o->str[o->len - 1]) != NULL)
		g_string_truncate(o, o->len - 1);
	/* capitalise */
	if (o->len > 0) {
		gunichar c = g_utf8_get_char(o->str);
		const char *n = g_utf8_next_char(o->str);
		char buf[8];
		int bl = g_unichar_to_utf8(g_unichar_toupper(c), buf);
		g_string_erase(o, 0, n - o->str);
		g_string_prepend_len(o, buf, bl);
	}
	/* cut at a clause boundary, else a word boundary */
	if ((size_t)g_utf8_strlen(o->str, -1) > max) {
		const char *limit = g_utf8_offset_to_pointer(o->str, (glong)max);
		size_t lim = (size_t)(limit - o->str);
		static const char *const clauses[] = { " \xe2\x80\x93 ", " \xe2\x80\x94 ", "; ", " : " };
		size_t best = 0;
		for (size_t j = 0; j < G_N_ELEMENTS(clauses); j++) {
			const char *p = o->str;
			const char *hit;
			while ((hit = strstr(p, clauses[j])) != NULL && (size_t)(hit - o->str) <= lim) {
				if ((size_t)g_utf8_strlen(o->str, hit - o->str) >= 40 && (size_t)(hit - o->str) > best)
					best = (size_t)(hit - o->str);
				p = hit + 1;
			}
			if (best > 0)
				break;
		}
		if (best > 0) {
			g_string_truncate(o, best);
		} else {
			const char *lim1 = g_utf8_offset_to_pointer(o->str, (glong)max - 1);
			size_t b = (size_t)(lim1 - o->str);
			while (b > 0 && o->str[b] != ' ')
				b--;
			if (b == 0)
				b = (size_t)(lim1 - o->str);
			g_string_truncate(o, b);
			while (o->len > 0 && strchr(" ,;:", o->str[o->len - 1]) != NULL)
				g_string_truncate(o, o->len - 1);
			g_string_append(o, "\xe2\x80\xa6");
		}
	}
	return g_string_free(o, FALSE);
}

/* As extract_status, on the sentence's tokens already made. */
static FriseStatus
status_of(GArray *toks, const FriseTimex *timex, const char *dct)
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
	if (has_phrase(toks, strong_hedges, G_N_ELEMENTS(strong_hedges)))
		st = FRISE_STATUS_UNCERTAIN;
	else if (before_dct)
		st = FRISE_STATUS_HAPPENED; /* over before the article: what it plans is elsewhere */
	else if (after_dct || (timex != NULL && timex->tense == FRISE_TENSE_FUTURE) ||
		 has_phrase(toks, planned_cues, G_N_ELEMENTS(planned_cues)))
		st = FRISE_STATUS_PLANNED;
	else if (has_phrase(toks, weak_hedges, G_N_ELEMENTS(weak_hedges)))
		st = FRISE_STATUS_UNCERTAIN;
	return st;
}

FriseStatus
extract_status(const char *sentence, size_t len, const FriseTimex *timex, const char *dct)
{
	GArray *toks = tokens(sentence, len);
	FriseStatus st = status_of(toks, timex, dct);
	g_array_unref(toks);
	return st;
}

/* ------------------------------------------------------------------ */
/* Candidates                                                          */

void
extract_candidate_free(FriseCandidate *c)
{
	if (c == NULL)
		return;
	g_free(c->type);
	g_free(c->title);
	if (c->words != NULL)
		g_ptr_array_unref(c->words);
	g_free(c);
}

static bool
is_event_timex(const FriseTimex *t, bool anchored_only)
{
	if (t->type != FRISE_TIMEX_DATE && t->type != FRISE_TIMEX_TIME)
		return false;
	if (t->value[0] == 'P' || strstr(t->value, "_REF") != NULL || t->value[0] == '\0')
		return false;
	if (date_is_anchored(t->value))
		return date_granularity(t->value) >= FRISE_GRAN_YEAR;
	if (anchored_only)
		return false;
	return strncmp(t->value, "XXXX", 4) == 0;
}

/* "a été", "ont été": the participle the tagger may take for summer. */
static bool
is_participle(const char *text, const FriseTimex *t)
{
	char *f = fold(text + t->start, (gssize)(t->end - t->start));
	bool ete = strcmp(f, "ete") == 0;
	g_free(f);
	if (!ete)
		return false;
	size_t s = t->start;
	while (s > 0 && text[s - 1] == ' ')
		s--;
	size_t w = s;
	while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n' && text[w - 1] != '\'')
		w--;
	char *prev = fold(text + w, (gssize)(s - w));
	size_t pl = strlen(prev);
	if (pl > 0 && prev[pl - 1] == '\'')
		prev[pl - 1] = '\0';
	bool season = IN_TABLE(season_determiners, prev) || w == s;
	g_free(prev);
	return !season;
}

/* An age or a count of years: "âgé de 30 ans", "30-year-old", a "30 ans"
 * tagged as a date. */
static bool
is_age(const char *text, size_t len, const FriseTimex *t)
{
	size_t n = len - t->end;
	if (n > 12)
		n = 12;
	char *f = fold(text + t->start, (gssize)(t->end - t->start + n));
	char *surface = fold(text + t->start, (gssize)(t->end - t->start));
	const char *tail = f + strlen(surface);
	bool age = g_str_has_prefix(tail, " ans") || g_str_has_prefix(tail, "-year-old") ||
		   g_str_has_prefix(tail, " years old") ||
		   (g_ascii_isdigit(surface[0]) &&
		    (g_str_has_suffix(surface, " ans") || g_str_has_suffix(surface, " years old")));
	g_free(surface);
	g_free(f);
	return age;
}

/* "Publié le 31 mars 2011 à 14h06", "Mis à jour le …": the article's
 * timestamp, when a cue ends right before the expression or with only
 * another date between. */
static bool
is_dateline(const char *text, const FriseTimex *t)
{
	size_t from = t->start > 60 ? t->start - 60 : 0;
	while (from > 0 && (text[from] & 0xc0) == 0x80)
		from--;
	char *before = fold(text + from, (gssize)(t->start - from));
	bool cue = false;
	for (size_t k = 0; k < G_N_ELEMENTS(dateline_cues) && !cue; k++) {
		const char *hit = g_strrstr(before, dateline_cues[k]);
		if (hit == NULL)
			continue;
		const char *rest = hit + strlen(dateline_cues[k]);
		/* the word before the cue */
		const char *w1 = hit;
		while (w1 > before && w1[-1] == ' ')
			w1--;
		const char *w0 = w1;
		while (w0 > before && w0[-1] != ' ' && w0[-1] != '\'')
			w0--;
		char *prev = g_strndup(w0, (gsize)(w1 - w0));
		bool aux = IN_TABLE(auxiliaries, prev);
		g_free(prev);
		if (aux)
			continue;
		/* right before it, or with only a date between ("le 31 mars 2011 à") */
		bool blank = true, digit = false;
		for (const char *r = rest; *r; r++) {
			blank &= *r == ' ';
			digit |= g_ascii_isdigit(*r);
		}
		cue = blank || (digit && g_utf8_strlen(rest, -1) <= 30 && strpbrk(rest, ".:;!?\n") == NULL);
	}
	g_free(before);
	return cue;
}

/* True when one of since_cues stands at most four words before `t`, in the
 * same clause (no punctuation between), sentence text starting at `s0`. */
static bool
is_since(const char *text, size_t s0, const FriseTimex *t)
{
	size_t p = t->start;
	for (int words = 0; words < 5 && p > s0; words++) {
		while (p > s0 && text[p - 1] == ' ')
			p--;
		size_t w = p;
		while (w > s0 && text[w - 1] != ' ' && text[w - 1] != '\'')
			w--;
		if (w == p)
			return false;
		for (size_t q = w; q < p; q++)
			if (strchr(",;:.!?()", text[q]) != NULL)
				return false;
		char *f = fold(text + w, (gssize)(p - w));
		bool hit = IN_TABLE(since_cues, f);
		g_free(f);
		if (hit)
			return true;
		p = w;
		if (p > s0 && text[p - 1] == '\'')
			p--;
	}
	return false;
}

/* True when a headline has at least three words of letters: what is left
 * of "Daté du jeudi 12 novembre" or a file name once the date is gone is
 * not news. */
static bool
says_something(const char *headline)
{
	GArray *toks = tokens(headline, strlen(headline));
	guint words = 0;
	for (guint i = 0; i < toks->len; i++)
		words += g_unichar_isalpha(g_utf8_get_char(g_array_index(toks, Token, i).folded));
	g_array_unref(toks);
	return words >= 3;
}

/* Index of the sentence holding byte `off`, or G_MAXUINT (binary search:
 * sentences are in order and do not overlap). */
static guint
sentence_of(const GArray *sentences, size_t off)
{
	guint lo = 0, hi = sentences->len;
	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		const FriseSentence *s = &g_array_index(sentences, FriseSentence, mid);
		if (off < s->start)
			hi = mid;
		else if (off >= s->end)
			lo = mid + 1;
		else
			return mid;
	}
	return G_MAXUINT;
}

static void
mention_key(const FriseDoc *doc, const FriseSentence *s, const FriseTimex *t, int nth, char out[17])
{
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(ck, (const guchar *)doc->id, (gssize)strlen(doc->id));
	g_checksum_update(ck, (const guchar *)"\x1f", 1);
	g_checksum_update(ck, (const guchar *)doc->text + s->start, (gssize)(s->end - s->start));
	g_checksum_update(ck, (const guchar *)"\x1f", 1);
	g_checksum_update(ck, (const guchar *)doc->text + t->start, (gssize)(t->end - t->start));
	char n[16];
	g_snprintf(n, sizeof n, "\x1f%d", nth);
	g_checksum_update(ck, (const guchar *)n, (gssize)strlen(n));
	memcpy(out, g_checksum_get_string(ck), 16);
	out[16] = '\0';
	g_checksum_free(ck);
}

static bool dates_compatible(const FriseTimex *a, const FriseTimex *b);

GPtrArray *
extract_candidates(const FriseDoc *docs, guint index, const FriseTemplates *tp, bool anchored_only)
{
	const FriseDoc *d = &docs[index];
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)extract_candidate_free);
	if (d->sentences == NULL || d->timexes == NULL || d->sentences->len == 0)
		return out;
	size_t body_s = g_array_index(d->sentences, FriseSentence, 0).start;
	size_t body_e = g_array_index(d->sentences, FriseSentence, d->sentences->len - 1).end;
	double body_len = body_e > body_s ? (double)(body_e - body_s) : 1.0;
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *repeats = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *sentence_digests = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	for (guint i = 0; i < d->timexes->len; i++) {
		const FriseTimex *t = &g_array_index(d->timexes, FriseTimex, i);
		FriseTimex deictic;
		if (t->end > d->len)
			continue;
		if (!date_is_anchored(t->value) && d->dct != NULL) {
			/* "cette semaine" against a month date: the month */
			char *f = fold(d->text + t->start, (gssize)(t->end - t->start));
			bool present = false;
			for (size_t k = 0; k < G_N_ELEMENTS(present_deictics); k++)
				present |= g_str_has_suffix(f, present_deictics[k]);
			g_free(f);
			if (present && date_granularity(d->dct) < FRISE_GRAN_DAY) {
				deictic = *t;
				g_strlcpy(deictic.value, d->dct, sizeof deictic.value);
				t = &deictic;
			}
		}
		if (!is_event_timex(t, anchored_only) || is_age(d->text, d->len, t) ||
		    is_participle(d->text, t) || is_dateline(d->text, t))
			continue;
		guint si = sentence_of(d->sentences, t->start);
		if (si == G_MAXUINT)
			continue;
		const FriseSentence *s = &g_array_index(d->sentences, FriseSentence, si);
		if (s->boilerplate || t->end > s->end)
			continue;
		/* one candidate per sentence and value; count repeats of a surface for the key */
		char *dup = g_strdup_printf("%u\x1f%s", si, t->value);
		if (g_hash_table_contains(seen, dup)) {
			g_free(dup);
			continue;
		}
		g_hash_table_add(seen, dup);
		/* by the sentence's words, not its index: a sentence repeated word
		 * for word gives its mentions keys of their own (the same key
		 * twice made two events with one id, and the ingest failed) */
		const char *sd = g_hash_table_lookup(sentence_digests, GUINT_TO_POINTER(si + 1));
		if (sd == NULL) {
			char *dg = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)d->text + s->start,
							       s->end - s->start);
			g_hash_table_insert(sentence_digests, GUINT_TO_POINTER(si + 1), dg);
			sd = dg;
		}
		char *surf = g_strdup_printf("%s\x1f%.*s", sd, (int)(t->end - t->start), d->text + t->start);
		int nth = GPOINTER_TO_INT(g_hash_table_lookup(repeats, surf));
		g_hash_table_replace(repeats, surf, GINT_TO_POINTER(nth + 1));

		FriseCandidate *c = g_new0(FriseCandidate, 1);
		c->doc = index;
		c->sentence = si;
		c->timex = *t;
		c->timex.explain = NULL;
		mention_key(d, s, t, nth, c->key);
		const char *stext = d->text + s->start;
		size_t slen = s->end - s->start;
		/* the sentence's tokens, made once for its type, status and words */
		GArray *toks = tokens(stext, slen);
		c->type = g_strdup(classify_tokens(tp, d->lang, toks, t->start - s->start));
		c->title = extract_headline(stext, slen, t->start - s->start, t->end - s->start, d->lang, 90);
		if (!says_something(c->title)) {
			/* "1999-05-21-0100", "Daté du jeudi 12 novembre": a date and no news */
			g_array_unref(toks);
			extract_candidate_free(c);
			continue;
		}
		c->status = status_of(toks, &c->timex, d->dct);
		c->position = (double)(s->start - body_s) / body_len;
		c->words = words_of(toks);
		g_array_unref(toks);
		/* the lead: a first dated sentence with no type of its own
		 * reports the headline's event */
		if (out->len == 0 && si < LEAD_SENTENCES && strcmp(c->type, "other") == 0) {
			GString *ctx = g_string_new(d->title ? d->title : "");
			for (guint j = 0; j < si; j++) {
				const FriseSentence *p = &g_array_index(d->sentences, FriseSentence, j);
				g_string_append_c(ctx, '\n');
				g_string_append_len(ctx, d->text + p->start, (gssize)(p->end - p->start));
			}
			const char *ty = extract_classify(tp, d->lang, ctx->str, ctx->len, ctx->len);
			if (strcmp(ty, "other") != 0) {
				g_free(c->type);
				c->type = g_strdup(ty);
				GPtrArray *more = extract_words(ctx->str, ctx->len);
				for (guint j = 0; j < more->len; j++)
					g_ptr_array_add(c->words, g_strdup(g_ptr_array_index(more, j)));
				g_ptr_array_unref(more);
			}
			g_string_free(ctx, TRUE);
		}
		g_ptr_array_add(out, c);
	}
	g_hash_table_unref(seen);
	g_hash_table_unref(repeats);
	g_hash_table_unref(sentence_digests);
	/* "hier, vers 21 h 45": of two dates of one sentence where one
	 * refines the other, the finer one is the event's */
	for (guint i = out->len; i > 0; i--) {
		FriseCandidate *c = g_ptr_array_index(out, i - 1);
		/* candidates are in text order: those of one sentence are neighbours */
		guint from = i - 1, to = i;
		while (from > 0 && ((FriseCandidate *)g_ptr_array_index(out, from - 1))->sentence == c->sentence)
			from--;
		while (to < out->len && ((FriseCandidate *)g_ptr_array_index(out, to))->sentence == c->sentence)
			to++;
		const FriseSentence *cs = &g_array_index(d->sentences, FriseSentence, c->sentence);
		bool since = to - from > 1 && is_since(d->text, cs->start, &c->timex);
		for (guint j = from; j < to; j++) {
			FriseCandidate *o = g_ptr_array_index(out, j);
			/* …and a date the event runs since is the background of
			 * another date's event */
			if (o != c && ((dates_compatible(&c->timex, &o->timex) &&
					date_granularity(o->timex.value) > date_granularity(c->timex.value)) ||
				       (since && !is_since(d->text, cs->start, &o->timex)))) {
				g_ptr_array_remove_index(out, i - 1);
				break;
			}
		}
	}
	return out;
}

/* Docs taken by the threads of extract_candidates_all(), CHUNK at a
 * time; out[i] gets the candidates of docs[i]. */
typedef struct {
	const FriseDoc *docs;
	const FriseTemplates *tp;
	bool anchored_only;
	GPtrArray **out;
} Batch;

#define CHUNK 32
#define MAX_THREADS 8

static void
batch_one(guint i, void *data)
{
	Batch *b = data;
	b->out[i] = extract_candidates(b->docs, i, b->tp, b->anchored_only);
}

GPtrArray *
extract_candidates_all(const FriseDoc *docs, guint ndocs, const FriseTemplates *tp, bool anchored_only)
{
	/* Each doc's candidates depend on that doc and the templates only,
	 * which every thread reads and none writes (the stop-word set is
	 * built under g_once); they are put together in doc order, so the
	 * result does not depend on the threads. */
	Batch b = { docs, tp, anchored_only, g_new0(GPtrArray *, MAX(ndocs, 1)) };
	frise_parallel_for(0, ndocs, CHUNK, MAX_THREADS, "frise-extract", batch_one, &b);
	GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)extract_candidate_free);
	for (guint i = 0; i < ndocs; i++)
		g_ptr_array_extend_and_steal(all, b.out[i]);
	g_free(b.out);
	return all;
}

/* ------------------------------------------------------------------ */
/* TF-IDF                                                              */

/* A sparse TF-IDF vector: terms sorted by word, so that a cosine is one
 * merge of two sorted arrays. A word is its rank in the Lexicon, whose
 * order is strcmp's, so sums run the same way every run. */
typedef struct {
	guint word; /* rank in the Lexicon */
	double w;
} Term;

typedef struct {
	Term *t;
	guint n;
	double norm;
} Vec;

static void
vec_clear(Vec *v)
{
	g_free(v->t);
	v->t = NULL;
	v->n = 0;
}

/* The words of a set of candidates (each candidate a document). */
typedef struct {
	GHashTable *rank; /* word (borrowed from the candidates) -> GUINT_TO_POINTER(rank in strcmp order) */
	guint *df;        /* by rank: how many candidates have the word */
} Lexicon;

static int
cmp_word(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The lexicon of `sets` of candidates, which must outlive it; free with
 * lexicon_clear(). */
static Lexicon
lexicon_new(GPtrArray *const *sets, size_t nsets)
{
	GHashTable *id = g_hash_table_new(g_str_hash, g_str_equal); /* word -> first-seen index + 1 */
	GPtrArray *words = g_ptr_array_new();
	GArray *df = g_array_new(FALSE, FALSE, sizeof(guint));
	GArray *last = g_array_new(FALSE, FALSE, sizeof(guint)); /* by index: last candidate + 1 with it */
	guint cand = 0;
	for (size_t k = 0; k < nsets; k++) {
		GPtrArray *cands = sets[k];
		for (guint i = 0; i < cands->len; i++) {
			FriseCandidate *c = g_ptr_array_index(cands, i);
			cand++;
			for (guint j = 0; j < c->words->len; j++) {
				char *w = g_ptr_array_index(c->words, j);
				guint x = GPOINTER_TO_UINT(g_hash_table_lookup(id, w));
				if (x == 0) {
					g_ptr_array_add(words, w);
					x = words->len;
					g_hash_table_insert(id, w, GUINT_TO_POINTER(x));
					g_array_set_size(df, x);
					g_array_set_size(last, x);
					g_array_index(df, guint, x - 1) = 0;
					g_array_index(last, guint, x - 1) = 0;
				}
				if (g_array_index(last, guint, x - 1) == cand)
					continue; /* once per candidate */
				g_array_index(last, guint, x - 1) = cand;
				g_array_index(df, guint, x - 1)++;
			}
		}
	}
	g_array_unref(last);
	/* ranks, so that a cosine compares integers, not strings */
	GPtrArray *sorted = g_ptr_array_copy(words, NULL, NULL);
	if (sorted->len > 1) /* pdata is NULL when empty */
		qsort(sorted->pdata, sorted->len, sizeof(gpointer), cmp_word);
	Lexicon lx = { g_hash_table_new(g_str_hash, g_str_equal), g_new(guint, MAX(words->len, 1)) };
	for (guint r = 0; r < sorted->len; r++) {
		char *w = g_ptr_array_index(sorted, r);
		lx.df[r] = g_array_index(df, guint, GPOINTER_TO_UINT(g_hash_table_lookup(id, w)) - 1);
		g_hash_table_insert(lx.rank, w, GUINT_TO_POINTER(r));
	}
	g_ptr_array_unref(sorted);
	g_ptr_array_unref(words);
	g_array_unref(df);
	g_hash_table_unref(id);
	return lx;
}

static void
lexicon_clear(Lexicon *lx)
{
	g_hash_table_unref(lx->rank);
	g_free(lx->df);
}

static int
cmp_term(const void *a, const void *b)
{
	guint x = ((const Term *)a)->word, y = ((const Term *)b)->word;
	return x < y ? -1 : x > y;
}

/* The vector of candidate c, one of `lx`'s. */
static Vec
vec_make(const FriseCandidate *c, const Lexicon *lx, double ndocs)
{
	Vec v = { g_new(Term, c->words->len + 1), 0, 0 };
	for (guint j = 0; j < c->words->len; j++)
		v.t[v.n++] = (Term){ GPOINTER_TO_UINT(g_hash_table_lookup(lx->rank, g_ptr_array_index(c->words, j))),
				     1.0 };
	qsort(v.t, v.n, sizeof(Term), cmp_term);
	/* fold repeats into a count, then weigh: (1 + log tf) * idf */
	guint out = 0;
	for (guint j = 0; j < v.n; j++) {
		if (out > 0 && v.t[out - 1].word == v.t[j].word)
			v.t[out - 1].w += 1.0;
		else
			v.t[out++] = v.t[j];
	}
	v.n = out;
	for (guint j = 0; j < v.n; j++) {
		double dfw = lx->df[v.t[j].word];
		double x = (1.0 + log(v.t[j].w)) * log((ndocs + 1.0) / (dfw + 0.5));
		v.t[j].w = x > 0 ? x : 0;
		v.norm += v.t[j].w * v.t[j].w;
	}
	v.norm = sqrt(v.norm);
	return v;
}

static void
vec_free(gpointer v)
{
	vec_clear(v);
	g_free(v);
}

static double
vec_cos(const Vec *a, const Vec *b)
{
	if (a->norm == 0 || b->norm == 0)
		return 0;
	double dot = 0;
	guint i = 0, j = 0;
	while (i < a->n && j < b->n) {
		guint x = a->t[i].word, y = b->t[j].word;
		if (x == y)
			dot += a->t[i++].w * b->t[j++].w;
		else if (x < y)
			i++;
		else
			j++;
	}
	return dot / (a->norm * b->norm);
}

/* Whether two mentions tell one story: by their cosine, with a lower bar
 * for two articles giving them the same type (not "other"). */
static bool
story_threshold(bool same_doc, bool same_typed, double cos)
{
	if (same_doc)
		return cos >= CONTENT_MIN_COSINE;
	if (same_typed)
		return cos >= SAME_TYPE_MIN_COSINE;
	return cos >= CONTENT_MIN_COSINE;
}

static bool
same_story(const FriseCandidate *a, const FriseCandidate *b, double cos)
{
	return story_threshold(a->doc == b->doc, strcmp(a->type, b->type) == 0 && strcmp(a->type, "other") != 0,
			       cos);
}

static bool
open_mod(const char *mod)
{
	return strcmp(mod, "BEFORE") == 0 || strcmp(mod, "AFTER") == 0 ||
	       strcmp(mod, "ON_OR_BEFORE") == 0 || strcmp(mod, "ON_OR_AFTER") == 0;
}

/* What the date tests read of a mention's value and mod, parsed once
 * (the merge compares each newcomer with many members: parsing the
 * value strings at each test was a fifth of the merge). Days are
 * Julian day numbers, [lo, hi) as date_span gives them. */
typedef struct Dates {
	const char *value, *mod;  /* borrowed from the FriseTimex */
	FriseGranularity gran;
	bool open;                /* an open mod: BEFORE, AFTER, ON_OR_… */
	bool has_days;            /* anchored: lo, hi hold its days, mod aside */
	bool has_mod_days;        /* mlo, mhi hold its days, mod applied */
	guint32 lo, hi, mlo, mhi;
} Dates;

static void
dates_of(const FriseTimex *t, Dates *d)
{
	GDate s, e;
	memset(d, 0, sizeof *d);
	d->value = t->value;
	d->mod = t->mod;
	d->gran = date_granularity(t->value);
	d->open = open_mod(t->mod);
	if ((d->has_days = date_span(t->value, "", &s, &e))) {
		d->lo = g_date_get_julian(&s);
		d->hi = g_date_get_julian(&e);
	}
	if ((d->has_mod_days = date_span(t->value, t->mod, &s, &e))) {
		d->mlo = g_date_get_julian(&s);
		d->mhi = g_date_get_julian(&e);
	}
}

/* The days of `outer` (its mod applied: "fin 2024" is its last third)
 * include those of `inner` (without mods: date_contains). */
static bool
span_contains(const Dates *outer, const Dates *inner)
{
	if (outer->mod[0] == '\0' && inner->mod[0] == '\0')
		return strcmp(outer->value, inner->value) == 0 ||
		       (outer->has_days && inner->has_days && outer->lo <= inner->lo && inner->hi <= outer->hi);
	return outer->has_mod_days && inner->has_mod_days && outer->mlo <= inner->mlo && inner->mhi <= outer->mhi;
}

static bool
dates_match(const Dates *a, const Dates *b)
{
	bool same = strcmp(a->value, b->value) == 0 && strcmp(a->mod, b->mod) == 0;
	if (a->open || b->open || same)
		return same;
	return span_contains(a, b) || span_contains(b, a);
}

static bool
dates_compatible(const FriseTimex *a, const FriseTimex *b)
{
	Dates da, db;
	dates_of(a, &da);
	dates_of(b, &db);
	return dates_match(&da, &db);
}

/* Two day-precise (or finer) dates at most CONFLICT_DAYS apart. */
static bool
near_days(const Dates *a, const Dates *b)
{
	if (a->gran < FRISE_GRAN_DAY || b->gran < FRISE_GRAN_DAY || !a->has_days || !b->has_days)
		return false;
	gint64 d = (gint64)b->lo - (gint64)a->lo;
	return d <= CONFLICT_DAYS && d >= -CONFLICT_DAYS;
}

/* ------------------------------------------------------------------ */
/* Estimates                                                           */

/* ISO weekday (1 = Monday) named by a weekday expression, or 0. */
static int
weekday_of(const FriseDoc *d, const FriseTimex *t)
{
	const char *v = t->value;
	if (strncmp(v, "XXXX-WXX-", 9) == 0 && v[9] >= '1' && v[9] <= '7' && v[10] == '\0')
		return v[9] - '0';
	char *f = fold(d->text + t->start, (gssize)(t->end - t->start));
	int wd = 0;
	for (int l = 0; l < 2 && wd == 0; l++)
		for (int i = 0; i < 7; i++)
			if (strstr(f, weekdays[l][i]) != NULL) {
				wd = i + 1;
				break;
			}
	g_free(f);
	return wd;
}

/* The value a partial expression takes if it names (part of) the
 * anchored date `a`: "XXXX-02-15" + "2024-02" -> "2024-02-15"; a weekday
 * + "2024-11-26" (a Tuesday) -> "2024-11-26". NULL when it does not fit.
 * Sets *deictic for a weekday. */
static char *
refine(const FriseDoc *d, const FriseTimex *t, const char *a, bool *deictic)
{
	*deictic = false;
	int wd = weekday_of(d, t);
	if (wd > 0) {
		if (date_granularity(a) != FRISE_GRAN_DAY)
			return NULL;
		GDate s, e;
		if (!date_span(a, "", &s, &e) || (int)g_date_get_weekday(&s) != wd)
			return NULL;
		*deictic = true;
		return g_strndup(a, 10);
	}
	if (strncmp(t->value, "XXXX", 4) != 0 || strchr(t->value + 4, 'X') != NULL)
		return NULL;
	GDate s, e;
	if (!date_span(a, "", &s, &e))
		return NULL;
	int y0 = g_date_get_year(&s);
	g_date_subtract_days(&e, 1);
	int y1 = g_date_get_year(&e);
	for (int y = y0; y <= y1; y++) {
		char *v = g_strdup_printf("%04d%s", y, t->value + 4);
		if (date_is_anchored(v) && (date_contains(a, v) || date_contains(v, a)))
			return v;
		g_free(v);
	}
	return NULL;
}

static int
year_of(const char *v)
{
	return (int)g_ascii_strtoll(v, NULL, 10);
}

void
extract_estimate_clear(FriseEstimate *e)
{
	g_free(e->value);
	g_free(e->evidence);
	if (e->resolved != NULL)
		g_hash_table_unref(e->resolved);
	memset(e, 0, sizeof *e);
}

/* The set of doc i that extract_estimate() compares with: its anchored
 * candidates when it is dated, none when it is not. */
static void
dated_one(guint i, void *data)
{
	Batch *b = data;
	b->out[i] = b->docs[i].published != NULL ? extract_candidates(b->docs, i, b->tp, true)
						  : g_ptr_array_new_with_free_func((GDestroyNotify)extract_candidate_free);
}

GPtrArray **
extract_estimate_sets(const FriseDoc *docs, guint ndocs, const FriseTemplates *tp)
{
	Batch b = { docs, tp, true, g_new0(GPtrArray *, MAX(ndocs, 1)) };
	frise_parallel_for(0, ndocs, CHUNK, MAX_THREADS, "frise-estimate", dated_one, &b);
	return b.out;
}

void
extract_estimate_sets_free(GPtrArray **sets, guint ndocs)
{
	if (sets == NULL)
		return;
	for (guint j = 0; j < ndocs; j++)
		if (sets[j] != NULL)
			g_ptr_array_unref(sets[j]);
	g_free(sets);
}

void
extract_estimate(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *tp,
		 FriseEstimate *out)
{
	GPtrArray **dated = extract_estimate_sets(docs, ndocs, tp);
	extract_estimate_with(docs, ndocs, index, tp, dated, out);
	extract_estimate_sets_free(dated, ndocs);
}

void
extract_estimate_with(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *tp,
		      GPtrArray *const *dated, FriseEstimate *out)
{
	memset(out, 0, sizeof *out);
	out->resolved = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	/* the others' sets are borrowed; this article's own is all its
	 * candidates, unanchored ones too */
	GPtrArray **sets = g_new0(GPtrArray *, MAX(ndocs, 1));
	for (guint j = 0; j < ndocs; j++)
		sets[j] = j == index ? extract_candidates(docs, j, tp, false) : dated[j];
	Lexicon lx = lexicon_new(sets, ndocs);
	double n = 0;
	for (guint j = 0; j < ndocs; j++)
		n += sets[j]->len;
	GHashTable *years = g_hash_table_new(g_direct_hash, g_direct_equal); /* year -> count */
	GHashTable *vecs = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, vec_free);
	int own_year = 0, strong_year = 0;
	char *deictic_day = NULL, *strong_best = NULL;
	const char *strong_doc = NULL, *deictic_doc = NULL;
	double *best_cos = NULL;
	GPtrArray *mine = sets[index];
	best_cos = g_new0(double, mine->len);
	for (guint i = 0; i < mine->len; i++) {
		FriseCandidate *c = g_ptr_array_index(mine, i);
		if (date_is_anchored(c->timex.value)) {
			if (c->status == FRISE_STATUS_HAPPENED && year_of(c->timex.value) > own_year)
				own_year = year_of(c->timex.value);
			continue;
		}
		Vec vc = vec_make(c, &lx, n);
		for (guint j = 0; j < ndocs; j++) {
			if (j == index)
				continue;
			for (guint k = 0; k < sets[j]->len; k++) {
				FriseCandidate *o = g_ptr_array_index(sets[j], k);
				bool deictic;
				char *r = refine(&docs[index], &c->timex, o->timex.value, &deictic);
				if (r == NULL)
					continue;
				int y = year_of(r);
				g_hash_table_insert(years, GINT_TO_POINTER(y),
						    GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(years, GINT_TO_POINTER(y))) + 1));
				Vec *vo = g_hash_table_lookup(vecs, o);
				if (vo == NULL) {
					vo = g_new(Vec, 1);
					*vo = vec_make(o, &lx, n);
					g_hash_table_insert(vecs, o, vo);
				}
				double cos = vec_cos(&vc, vo);
				if (!same_story(c, o, cos) || cos < best_cos[i]) {
					g_free(r);
					continue;
				}
				best_cos[i] = cos + 1e-9;
				if (deictic && (deictic_day == NULL || strcmp(r, deictic_day) > 0)) {
					g_free(deictic_day);
					deictic_day = g_strdup(r);
					deictic_doc = docs[j].id;
				}
				if (y >= strong_year) {
					strong_year = y;
					g_free(strong_best);
					strong_best = g_strdup(o->timex.value);
					strong_doc = docs[j].id;
				}
				g_hash_table_replace(out->resolved, GUINT_TO_POINTER((guint)c->timex.start), r);
			}
		}
		vec_clear(&vc);
	}
	/* the corpus's own dates count as weak evidence of its years */
	for (guint j = 0; j < ndocs; j++)
		if (j != index && docs[j].published != NULL && date_is_anchored(docs[j].published)) {
			int y = year_of(docs[j].published);
			g_hash_table_insert(years, GINT_TO_POINTER(y),
					    GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(years, GINT_TO_POINTER(y))) + 1));
		}
	int weak_year = 0, weak_count = 0;
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, years);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		int y = GPOINTER_TO_INT(k), cnt = GPOINTER_TO_INT(v);
		if (cnt > weak_count || (cnt == weak_count && y > weak_year)) {
			weak_year = y;
			weak_count = cnt;
		}
	}
	if (deictic_day != NULL && year_of(deictic_day) >= own_year && year_of(deictic_day) >= strong_year) {
		out->value = g_strdup(deictic_day);
		out->precision = FRISE_GRAN_DAY;
		out->evidence = g_strdup_printf("it names by its weekday an event that %s dates %s",
						deictic_doc, deictic_day);
	} else if (strong_year > 0 || own_year > 0) {
		int y = MAX(strong_year, own_year);
		out->value = g_strdup_printf("%04d", y);
		out->precision = FRISE_GRAN_YEAR;
		if (strong_year >= own_year)
			out->evidence = g_strdup_printf("it reports an event that %s dates %s", strong_doc,
							strong_best);
		else
			out->evidence = g_strdup_printf("it mentions %d", own_year);
	} else if (weak_year > 0) {
		out->value = g_strdup_printf("%04d", weak_year);
		out->precision = FRISE_GRAN_YEAR;
		out->evidence = g_strdup_printf("the other articles' dates are mostly in %d", weak_year);
	} else {
		out->evidence = g_strdup("no dated article to compare it with");
	}
	g_free(deictic_day);
	g_free(strong_best);
	g_free(best_cos);
	g_hash_table_unref(years);
	g_hash_table_unref(vecs);
	lexicon_clear(&lx);
	g_ptr_array_unref(sets[index]);
	g_free(sets);
}

/* ------------------------------------------------------------------ */
/* Merge                                                               */

/* ORDER KIND */
static const char *const override_names[] = { "title", "date", "type", "hide", "merge", "split" };

const char *
extract_override_name(FriseOverrideKind kind)
{
	return (unsigned)kind < G_N_ELEMENTS(override_names) ? override_names[kind] : "title";
}

int
extract_override_parse(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(override_names); i++)
		if (name != NULL && strcmp(name, override_names[i]) == 0)
			return (int)i;
	return -1;
}

/* Union-find over candidate indexes, for user merges. */
static guint
uf_find(guint *parent, guint i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

static int
cand_order(const FriseCandidate *a, const FriseCandidate *b)
{
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return a->timex.start < b->timex.start ? -1 : a->timex.start > b->timex.start;
}

/* The merge's order, on candidate indexes: finest dates first, then in
 * text order. `data` is the merge's Greedy. */
typedef struct {
	GPtrArray *cands;
	const Dates *dates;
} Greedy;

static gint
cmp_greedy(gconstpointer pa, gconstpointer pb, gpointer data)
{
	const Greedy *g = data;
	guint ia = *(const guint *)pa, ib = *(const guint *)pb;
	FriseGranularity ga = g->dates[ia].gran, gb = g->dates[ib].gran;
	if (ga != gb)
		return ga > gb ? -1 : 1;
	return cand_order(g_ptr_array_index(g->cands, ia), g_ptr_array_index(g->cands, ib));
}

static gint
cmp_source(gconstpointer pa, gconstpointer pb)
{
	return cand_order(*(FriseCandidate *const *)pa, *(FriseCandidate *const *)pb);
}

/* What a newcomer reads of a cluster it may join, kept apart from the
 * Cluster in one array (by cluster index) so that the scan reads
 * contiguous memory: it stalled on loading each Cluster and its members
 * array. */
typedef struct {
	guint32 lo, hi;     /* Julian days every member's span covers: a
			       compatible newcomer's span must overlap them */
	bool alone;         /* holds a split mention: takes no one */
	guint n;            /* members */
	guint sample[STORY_SAMPLE]; /* the first members' candidate indexes */
	guint finest, coarsest;     /* the members with the shortest and longest span */
} Window;

/* What the merge reads of a candidate, by candidate index. */
typedef struct {
	Dates dates;
	guint doc, sentence;
	const char *type; /* interned: equal types, equal pointers */
} Facts;

typedef struct {
	GPtrArray *members; /* FriseCandidate*, borrowed */
	GArray *idx;        /* guint: their indexes in the candidates, same order */
	bool have_finest;                  /* Window.finest and .coarsest are set */
	guint32 finest_len, coarsest_len;  /* their spans' days */
	bool founder_span;  /* the first member's days [flo, fhi), if it has some */
	guint32 flo, fhi;
} Cluster;

static FriseEvent *
make_event(const FriseDoc *docs, Cluster *cl)
{
	g_ptr_array_sort(cl->members, cmp_source);
	FriseCandidate *founder = g_ptr_array_index(cl->members, 0);
	FriseCandidate *rep = founder;
	for (guint i = 1; i < cl->members->len; i++) {
		FriseCandidate *c = g_ptr_array_index(cl->members, i);
		if (date_granularity(c->timex.value) > date_granularity(rep->timex.value))
			rep = c;
	}
	FriseEvent *e = g_new0(FriseEvent, 1);
	e->id = g_strdup(founder->key);
	e->value = g_strdup(rep->timex.value);
	e->mod = g_strdup(rep->timex.mod);
	e->is_time = date_granularity(rep->timex.value) >= FRISE_GRAN_HOUR;
	e->title = g_strdup(rep->title);
	const FriseDoc *rd = &docs[rep->doc];
	const FriseSentence *rs = &g_array_index(rd->sentences, FriseSentence, rep->sentence);
	e->text = g_strndup(rd->text + rs->start, rs->end - rs->start);
	e->status = rep->status;
	/* the type most members give, "other" only when none gives another */
	GHashTable *votes = g_hash_table_new(g_str_hash, g_str_equal);
	const char *type = rep->type;
	int best = 0;
	for (guint i = 0; i < cl->members->len; i++) {
		FriseCandidate *c = g_ptr_array_index(cl->members, i);
		if (strcmp(c->type, "other") == 0)
			continue;
		int n = GPOINTER_TO_INT(g_hash_table_lookup(votes, c->type)) + 1;
		g_hash_table_insert(votes, c->type, GINT_TO_POINTER(n));
		if (n > best || (n == best && c == rep)) {
			best = n;
			type = c->type;
		}
	}
	g_hash_table_unref(votes);
	e->type = g_strdup(type);
	e->sources = g_ptr_array_new_with_free_func((GDestroyNotify)event_source_free);
	e->keys = g_ptr_array_new_with_free_func(g_free);
	GHashTable *articles = g_hash_table_new(g_direct_hash, g_direct_equal);
	GHashTable *wordings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *quotes = g_hash_table_new(g_str_hash, g_str_equal); /* borrowed from the sources */
	double first_pos = 1.0;
	/* conflicts: each distinct (value, mod) against the distinct ones
	 * before it, until one conflicts (a member compared with every earlier
	 * member made a 1 MB article repeating one date take 25 s) */
	GHashTable *dates_seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GArray *distinct = g_array_new(FALSE, FALSE, sizeof(Dates));
	for (guint i = 0; i < cl->members->len; i++) {
		FriseCandidate *c = g_ptr_array_index(cl->members, i);
		const FriseDoc *d = &docs[c->doc];
		const FriseSentence *s = &g_array_index(d->sentences, FriseSentence, c->sentence);
		FriseSource *src = g_new0(FriseSource, 1);
		src->article = g_strdup(d->id);
		src->title = g_strdup(d->title);
		src->url = g_strdup(d->url);
		src->published = g_strdup(d->published ? d->published : d->dct);
		src->quote = g_strndup(d->text + s->start, s->end - s->start);
		src->start = s->raw_start;
		src->end = s->raw_end;
		src->value = g_strdup(c->timex.value);
		src->mod = g_strdup(c->timex.mod);
		g_ptr_array_add(e->sources, src);
		g_ptr_array_add(e->keys, g_strdup(c->key));
		g_hash_table_add(articles, GUINT_TO_POINTER(c->doc));
		/* one member: one wording; a quote seen as is needs no folding */
		if (cl->members->len > 1 && g_hash_table_add(quotes, src->quote))
			g_hash_table_add(wordings, fold(src->quote, -1));
		if (c->position < first_pos)
			first_pos = c->position;
		if (!e->conflict && g_hash_table_add(dates_seen, g_strconcat(c->timex.value, "\x1f", c->timex.mod, NULL))) {
			Dates dc;
			dates_of(&c->timex, &dc);
			for (guint j = 0; j < distinct->len && !e->conflict; j++)
				if (!dates_match(&dc, &g_array_index(distinct, Dates, j)))
					e->conflict = true;
			g_array_append_val(distinct, dc);
		}
	}
	g_array_unref(distinct);
	g_hash_table_unref(dates_seen);
	/* salience: the articles that report it in their own words (a sentence
	 * copied word for word across articles is a site's boilerplate more
	 * often than news), then precision, type, lead position */
	guint narticles = cl->members->len == 1 ? 1 : MIN(g_hash_table_size(articles), g_hash_table_size(wordings));
	g_hash_table_unref(articles);
	g_hash_table_unref(wordings);
	g_hash_table_unref(quotes);
	FriseGranularity g = date_granularity(e->value);
	e->score = (double)narticles + 0.05 * (double)(cl->members->len - narticles) +
		   precision_bonus[g < G_N_ELEMENTS(precision_bonus) ? g : 0] +
		   (strcmp(e->type, "other") != 0 ? 0.3 : 0.0) + 0.5 * (1.0 - first_pos);
	return e;
}

static gint
cmp_event_date(gconstpointer pa, gconstpointer pb)
{
	const FriseEvent *a = *(FriseEvent *const *)pa, *b = *(FriseEvent *const *)pb;
	/* by first day, the mod applied ("fin 2024" starts in September) */
	GDate as, ae, bs, be;
	if (date_span(a->value, a->mod, &as, &ae) && date_span(b->value, b->mod, &bs, &be)) {
		int d = g_date_compare(&as, &bs);
		if (d != 0)
			return d;
	}
	int c = date_compare(a->value, b->value);
	return c != 0 ? c : strcmp(a->id, b->id);
}

static gint
cmp_guint(gconstpointer a, gconstpointer b)
{
	guint x = *(const guint *)a, y = *(const guint *)b;
	return x < y ? -1 : x > y;
}

/* Blocking index for the merge: (weighted word, date bucket) -> clusters
 * whose sampled members have the word. A newcomer joins a cluster only if
 * its dates are compatible with (or, for a conflict, within CONFLICT_DAYS
 * of) the founder's, which is always among those read; so a cluster is
 * filed under each BUCKET_DAYS-wide bucket of the founder's days widened
 * by CONFLICT_DAYS, or under BUCKET_WIDE when they touch more than
 * MAX_BUCKETS buckets or the founder has no days; and under BUCKET_ANY,
 * read by a newcomer without days or with too many buckets. */
#define BUCKET_DAYS 31
#define MAX_BUCKETS 16
#define BUCKET_ANY (-1)
#define BUCKET_WIDE (-2)

typedef struct {
	guint word; /* Term.word */
	gint64 bucket;
} PostKey;

static guint
post_hash(gconstpointer p)
{
	const PostKey *k = p;
	return k->word * 2246822519u ^ (guint)((guint64)k->bucket * 2654435761u);
}

static gboolean
post_equal(gconstpointer a, gconstpointer b)
{
	const PostKey *x = a, *y = b;
	return x->word == y->word && x->bucket == y->bucket;
}

static void
free_posting(gpointer p)
{
	g_array_unref(p);
}

static void
post_add(GHashTable *by_word, guint word, gint64 bucket, guint k)
{
	PostKey key = { word, bucket };
	GArray *post = g_hash_table_lookup(by_word, &key);
	if (post == NULL) {
		post = g_array_new(FALSE, FALSE, sizeof(guint));
		g_hash_table_insert(by_word, g_memdup2(&key, sizeof key), post);
	}
	if (post->len == 0 || g_array_index(post, guint, post->len - 1) != k)
		g_array_append_val(post, k);
}

/* Files cluster k under v's weighted words (see PostKey). */
static void
index_words(GHashTable *by_word, const Vec *v, guint k, const Cluster *cl)
{
	gint64 lo = (gint64)cl->flo - CONFLICT_DAYS, hi = (gint64)cl->fhi + CONFLICT_DAYS;
	gint64 b0 = (lo > 0 ? lo : 0) / BUCKET_DAYS, b1 = (hi - 1) / BUCKET_DAYS;
	bool wide = !cl->founder_span || hi <= lo || b1 - b0 >= MAX_BUCKETS;
	for (guint j = 0; j < v->n; j++) {
		if (v->t[j].w <= 0)
			continue;
		post_add(by_word, v->t[j].word, BUCKET_ANY, k);
		if (wide)
			post_add(by_word, v->t[j].word, BUCKET_WIDE, k);
		else
			for (gint64 b = b0; b <= b1; b++)
				post_add(by_word, v->t[j].word, b, k);
	}
}

/* Appends to `out` (once each, `seen` stamps) the clusters filed under
 * (word, bucket). */
static void
post_collect(GHashTable *by_word, guint word, gint64 bucket, GArray *seen, guint stamp, GArray *out)
{
	PostKey key = { word, bucket };
	GArray *post = g_hash_table_lookup(by_word, &key);
	for (guint p = 0; post != NULL && p < post->len; p++) {
		guint k = g_array_index(post, guint, p);
		if (g_array_index(seen, guint, k) == stamp)
			continue;
		g_array_index(seen, guint, k) = stamp;
		g_array_append_val(out, k);
	}
}

GPtrArray *
extract_merge(const FriseDoc *docs, guint ndocs, GPtrArray *cands, const GArray *overrides)
{
	guint n = cands->len;
	Lexicon lx = lexicon_new(&cands, 1);
	Vec *vecs = g_new0(Vec, n);
	Facts *fx = g_new(Facts, n);
	const char *other = g_intern_static_string("other");
	GHashTable *by_key = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < n; i++) {
		FriseCandidate *c = g_ptr_array_index(cands, i);
		vecs[i] = vec_make(c, &lx, (double)n);
		dates_of(&c->timex, &fx[i].dates);
		fx[i].doc = c->doc;
		fx[i].sentence = c->sentence;
		fx[i].type = g_intern_string(c->type);
		g_hash_table_insert(by_key, c->key, GUINT_TO_POINTER(i + 1));
	}
	/* user merges and splits */
	guint *parent = g_new(guint, n);
	bool *alone = g_new0(bool, n);
	bool *forced = g_new0(bool, n);
	for (guint i = 0; i < n; i++)
		parent[i] = i;
	for (guint o = 0; overrides != NULL && o < overrides->len; o++) {
		const FriseOverride *ov = &g_array_index(overrides, FriseOverride, o);
		guint a = GPOINTER_TO_UINT(g_hash_table_lookup(by_key, ov->key));
		if (a == 0)
			continue;
		if (ov->kind == FRISE_OVERRIDE_SPLIT)
			alone[a - 1] = true;
		if (ov->kind == FRISE_OVERRIDE_MERGE && ov->value != NULL) {
			guint b = GPOINTER_TO_UINT(g_hash_table_lookup(by_key, ov->value));
			if (b == 0)
				continue;
			parent[uf_find(parent, a - 1)] = uf_find(parent, b - 1);
			forced[a - 1] = forced[b - 1] = true;
		}
	}
	/* candidate indexes in the order they are placed */
	GArray *order = g_array_sized_new(FALSE, FALSE, sizeof(guint), n);
	for (guint i = 0; i < n; i++)
		g_array_append_val(order, i);
	Dates *dt = g_new(Dates, n); /* for the sort */
	for (guint i = 0; i < n; i++)
		dt[i] = fx[i].dates;
	Greedy greedy = { cands, dt };
	g_array_sort_with_data(order, cmp_greedy, &greedy);
	g_free(dt);
	GPtrArray *clusters = g_ptr_array_new();
	GArray *windows = g_array_new(FALSE, FALSE, sizeof(Window)); /* by cluster */
	/* (weighted word, date bucket) -> clusters: see PostKey */
	GHashTable *by_word = g_hash_table_new_full(post_hash, post_equal, g_free, free_posting);
	GArray *cand_k = g_array_new(FALSE, FALSE, sizeof(guint));
	GArray *seen = g_array_new(FALSE, TRUE, sizeof(guint)); /* cluster -> last stamp */
	guint stamp = 0;
	guint *cluster_of = g_new(guint, n);
	for (guint i = 0; i < n; i++)
		cluster_of[i] = G_MAXUINT;
	for (guint oi = 0; oi < n; oi++) {
		guint ci = g_array_index(order, guint, oi);
		FriseCandidate *c = g_ptr_array_index(cands, ci);
		guint root = uf_find(parent, ci);
		/* a forced group goes to the cluster of its first placed member */
		guint target = G_MAXUINT;
		if (forced[ci])
			for (guint j = 0; j < n && target == G_MAXUINT; j++)
				if (j != ci && uf_find(parent, j) == root && cluster_of[j] != G_MAXUINT)
					target = cluster_of[j];
		const Facts *cf = &fx[ci];
		bool have_span = cf->dates.has_days;
		guint32 clo = have_span ? cf->dates.lo : 0, chi = have_span ? cf->dates.hi : 0;
		if (target == G_MAXUINT && !alone[ci]) {
			/* blocking: only a cluster sharing a weighted word with a
			 * sampled member can pass same_story (every threshold is
			 * above 0); a forced mention reads every member, so it
			 * scans all clusters */
			guint ncand = clusters->len;
			if (!forced[ci]) {
				g_array_set_size(cand_k, 0);
				stamp++;
				if (seen->len < clusters->len)
					g_array_set_size(seen, clusters->len);
				/* the buckets of the days a compatible cluster may hold */
				gint64 q0 = 0, q1 = 0;
				bool by_date = have_span;
				if (have_span && chi > clo) {
					q0 = clo / BUCKET_DAYS;
					q1 = (chi - 1) / BUCKET_DAYS;
					by_date = q1 - q0 < MAX_BUCKETS;
				} else {
					by_date = false;
				}
				for (guint j = 0; j < vecs[ci].n; j++) {
					guint w = vecs[ci].t[j].word;
					if (vecs[ci].t[j].w <= 0)
						continue;
					if (!by_date) {
						post_collect(by_word, w, BUCKET_ANY, seen, stamp, cand_k);
						continue;
					}
					post_collect(by_word, w, BUCKET_WIDE, seen, stamp, cand_k);
					for (gint64 b = q0; b <= q1; b++)
						post_collect(by_word, w, b, seen, stamp, cand_k);
				}
				g_array_sort(cand_k, cmp_guint);
				ncand = cand_k->len;
			}
			double best = -1;
			for (guint kk = 0; kk < ncand; kk++) {
				guint k = forced[ci] ? kk : g_array_index(cand_k, guint, kk);
				const Window *wd = &g_array_index(windows, Window, k);
				if (wd->alone || (have_span && (chi + CONFLICT_DAYS <= wd->lo ||
								 clo >= wd->hi + (guint64)CONFLICT_DAYS)))
					continue;
				bool ok = true;
				double top = -1;
				bool story = false;
				/* members' dates nest, so the finest and the coarsest
				 * stand for all; the story is read on the first few
				 * (the finest, placed first) to keep this linear; a
				 * forced mention reads every member */
				guint nm = forced[ci] ? wd->n : MIN(wd->n, STORY_SAMPLE);
				const guint *mem = forced[ci]
					? &g_array_index(((Cluster *)g_ptr_array_index(clusters, k))->idx, guint, 0)
					: wd->sample;
				for (guint m = 0; m < nm + 2 && ok; m++) {
					guint oj = m < nm ? mem[m] : m == nm ? wd->finest : wd->coarsest;
					const Facts *of = &fx[oj];
					bool same_type = cf->type == of->type;
					bool same_dates = dates_match(&cf->dates, &of->dates);
					if (!same_dates && (of->doc == cf->doc || !same_type)) {
						ok = false; /* no conflict allowance: the cosine is moot */
						break;
					}
					double cos = vec_cos(&vecs[ci], &vecs[oj]);
					bool dates_ok = same_dates ||
							(cos >= CONFLICT_MIN_COSINE && near_days(&cf->dates, &of->dates));
					if (!dates_ok || (of->doc == cf->doc && of->sentence == cf->sentence) ||
					    (forced[oj] && uf_find(parent, oj) != root && forced[ci])) {
						ok = false;
						break;
					}
					if (story_threshold(of->doc == cf->doc, same_type && cf->type != other, cos))
						story = true;
					double sc = cos + (same_type ? 0.5 : 0);
					if (sc > top)
						top = sc;
				}
				if (ok && story && top > best) {
					best = top;
					target = k;
				}
			}
		}
		if (target == G_MAXUINT) {
			Cluster *cl = g_new0(Cluster, 1);
			cl->members = g_ptr_array_new();
			cl->idx = g_array_new(FALSE, FALSE, sizeof(guint));
			Window wd = { 0, G_MAXUINT32, alone[ci] && !forced[ci], 0, { 0 }, 0, 0 };
			target = clusters->len;
			g_ptr_array_add(clusters, cl);
			g_array_append_val(windows, wd);
		}
		Cluster *tc = g_ptr_array_index(clusters, target);
		Window *tw = &g_array_index(windows, Window, target);
		guint32 len = have_span ? chi - clo : G_MAXUINT32;
		/* the members a newcomer's story is read on: the first
		 * STORY_SAMPLE, the finest and the coarsest */
		bool sampled = tc->members->len < STORY_SAMPLE;
		if (!tc->have_finest || len < tc->finest_len) {
			tw->finest = ci;
			tc->finest_len = len;
			sampled = true;
		}
		if (!tc->have_finest || len > tc->coarsest_len) {
			tw->coarsest = ci;
			tc->coarsest_len = len;
			sampled = true;
		}
		tc->have_finest = true;
		if (tc->members->len == 0) {
			tc->founder_span = have_span;
			tc->flo = clo;
			tc->fhi = chi;
		}
		if (sampled)
			index_words(by_word, &vecs[ci], target, tc);
		if (have_span) {
			tw->lo = MAX(tw->lo, clo);
			tw->hi = MIN(tw->hi, chi);
			if (tw->hi <= tw->lo) /* a user's merge of far dates: check every one */
				tw->lo = 0, tw->hi = G_MAXUINT32;
		}
		g_ptr_array_add(tc->members, c);
		g_array_append_val(tc->idx, ci);
		if (tw->n < STORY_SAMPLE)
			tw->sample[tw->n] = ci;
		tw->n++;
		cluster_of[ci] = target;
	}
	GPtrArray *events = g_ptr_array_new_with_free_func((GDestroyNotify)event_free);
	for (guint k = 0; k < clusters->len; k++) {
		Cluster *cl = g_ptr_array_index(clusters, k);
		FriseEvent *e = make_event(docs, cl);
		for (guint o = 0; overrides != NULL && o < overrides->len; o++) {
			const FriseOverride *ov = &g_array_index(overrides, FriseOverride, o);
			if (strcmp(ov->key, e->id) != 0 || ov->value == NULL)
				continue;
			switch (ov->kind) {
			case FRISE_OVERRIDE_TITLE:
				g_free(e->title);
				e->title = g_strdup(ov->value);
				e->edited = true;
				break;
			case FRISE_OVERRIDE_DATE:
				g_free(e->value);
				g_free(e->mod);
				e->value = g_strdup(ov->value);
				e->mod = g_strdup("");
				e->is_time = date_granularity(ov->value) >= FRISE_GRAN_HOUR;
				e->edited = true;
				break;
			case FRISE_OVERRIDE_TYPE:
				g_free(e->type);
				e->type = g_strdup(ov->value);
				e->edited = true;
				break;
			case FRISE_OVERRIDE_HIDE:
				e->hidden = true;
				break;
			default:
				break;
			}
		}
		g_ptr_array_add(events, e);
		g_ptr_array_unref(cl->members);
		g_array_unref(cl->idx);
		g_free(cl);
	}
	/* salience, last part: a day many articles mention matters, whatever
	 * they say of it; the bonus goes to day-level events ("la nuit de
	 * mardi" is one too), not to each timed entry of a live blog on that
	 * day */
	GHashTable *day_docs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < n; i++) {
		FriseCandidate *c = g_ptr_array_index(cands, i);
		if (date_granularity(c->timex.value) < FRISE_GRAN_DAY)
			continue;
		char *key = g_strdup_printf("%.10s/%u", c->timex.value, c->doc);
		if (!g_hash_table_add(day_docs, key))
			continue;
		char *day = g_strndup(c->timex.value, 10);
		guint cnt = GPOINTER_TO_UINT(g_hash_table_lookup(day_docs, day));
		g_hash_table_replace(day_docs, day, GUINT_TO_POINTER(cnt + 1));
	}
	for (guint i = 0; i < events->len; i++) {
		FriseEvent *e = g_ptr_array_index(events, i);
		FriseGranularity g = date_granularity(e->value);
		if (g != FRISE_GRAN_DAY && g != FRISE_GRAN_PART_OF_DAY)
			continue;
		char *day = g_strndup(e->value, 10);
		e->score += log2(1.0 + GPOINTER_TO_UINT(g_hash_table_lookup(day_docs, day)));
		g_free(day);
	}
	g_hash_table_unref(day_docs);
	g_ptr_array_sort(events, cmp_event_date);
	g_ptr_array_unref(clusters);
	g_array_unref(windows);
	g_hash_table_unref(by_word);
	g_array_unref(cand_k);
	g_array_unref(seen);
	g_array_unref(order);
	g_free(cluster_of);
	g_free(parent);
	g_free(alone);
	g_free(forced);
	for (guint i = 0; i < n; i++)
		vec_clear(&vecs[i]);
	g_free(vecs);
	g_free(fx);
	g_hash_table_unref(by_key);
	lexicon_clear(&lx);
	return events;
}

char *
extract_event_digest(const FriseEvent *e)
{
	GString *s = g_string_new(NULL);
	g_string_append_printf(s, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d\x1f%d", e->value, e->mod, e->title,
			       e->text, e->type, (int)e->status, (int)e->hidden);
	for (guint i = 0; i < e->sources->len; i++) {
		FriseSource *src = g_ptr_array_index(e->sources, i);
		g_string_append_printf(s, "\x1e%s\x1f%s\x1f%zu", src->article, src->value, src->start);
	}
	char *h = g_compute_checksum_for_string(G_CHECKSUM_SHA256, s->str, (gssize)s->len);
	g_string_free(s, TRUE);
	h[16] = '\0';
	return h;
}
