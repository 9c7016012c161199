/*
 * lang.c — the loader of src/lang/<code>/words.txt (prefix lang_; see
 * lang.h). One parse per language, on first use, under g_once; the
 * result is immutable and shared by every thread for the process's life
 * (never freed, like the built-in data it comes from).
 *
 * The format (documented at the top of src/lang/fr/words.txt) is frise's
 * own: sections of one entry a line, which no library reads for us; it
 * is parsed here by hand, a few lines of splitting.
 */
#include "core/lang.h"
#include "core/text.h"
#include "frise-resources.h"

#include <gio/gio.h>
#include <string.h>

/* ORDER LIST: the section names of words.txt, and whether the list is
 * stored as written (exact) or folded. */
static const struct {
	const char *name;
	bool exact;
} list_names[LANG_LIST_COUNT] = {
	{ "detect", true },
	{ "stop-words", false },
	{ "abbreviations", false },
	{ "weekdays", false },
	{ "months", true },
	{ "months-abbr", true },
	{ "season-homographs", false },
	{ "season-determiners", false },
	{ "age-words", false },
	{ "present-deictics", false },
	{ "dateline-cues", false },
	{ "since-cues", false },
	{ "auxiliaries", false },
	{ "time-prepositions", false },
	{ "range-words", false },
	{ "range-openers", false },
	{ "determiners", false },
	{ "fillers", false },
	{ "strong-hedges", false },
	{ "planned-cues", false },
	{ "weak-hedges", false },
	{ "boilerplate", true },
	{ "contractions", true },
	{ "relative-pronouns", false },
	{ "subordinators", false },
	{ "coordinators", false },
	{ "negations", false },
	{ "speech-verbs", true },
	{ "auxiliary-lemmas", true },
	{ "perfect-auxiliaries", true },
	{ "periphrastic", true },
	{ "modal-lemmas", true },
	{ "plan-participles", true },
	{ "comparison-openers", false },
	{ "comparison-links", false },
	{ "comparatives", false },
	{ "name-heads", false },
	{ "name-links", false },
	{ "year-prepositions", false },
	{ "anaphoric-pronouns", false },
	{ "speculation-cues", false },
	{ "vague-pronouns", false },
	{ "infinitive-markers", false },
	{ "passive-auxiliaries", true },
	{ "background-prepositions", false },
	{ "navigation-words", false },
	{ "teaser-openers", false },
	{ "reading-time-words", false },
	{ "reading-time-units", false },
	{ "copyright-words", false },
	{ "promo-words", false },
	{ "promo-price-words", false },
	{ "comment-words", false },
	{ "byline-words", false },
	{ "byline-openers", false },
	{ "credit-words", false },
	{ "reader-address", false },
	{ "time-zones", false },
	{ "photo-agencies", false },
	{ "footer-openers", false },
	{ "state-verbs", true },
	{ "opinion-verbs", true },
	{ "speculation-verbs", true },
	{ "example-openers", false },
	{ "complement-determiners", false },
	{ "place-prepositions", false },
};

typedef struct {
	GPtrArray *items[LANG_LIST_COUNT]; /* char*, NULL-terminated */
	LangWords words[LANG_LIST_COUNT];
	GHashTable *sets[LANG_LIST_COUNT]; /* entry -> itself */
	guint32 first[LANG_LIST_COUNT][8]; /* bit per first byte of an entry: most
					    * words asked are in no list, said without
					    * hashing them */
	GHashTable *strings;               /* key -> value */
} LangData;

/* Where each language's file is; ORDER LANG (frise_lang_code()). */
static char *
resource_path(FriseLang lang)
{
	return g_strdup_printf("/frise/src/lang/%s/words.txt", frise_lang_code(lang));
}

/* Parses `data` (len bytes) into `d`. A line that is no entry of a
 * known section is a bug of the data, caught by the lang tests. */
static void
parse(LangData *d, const char *data, size_t len)
{
	int list = -1;
	bool strings = false;
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		char *line = g_strndup(p, (gsize)(le - p));
		p = nl ? nl + 1 : end;
		g_strstrip(line);
		if (*line == '\0' || *line == '#') { /* a comment is a line of its own */
			g_free(line);
			continue;
		}
		size_t n = strlen(line);
		if (line[0] == '[' && line[n - 1] == ']') {
			line[n - 1] = '\0';
			list = -1;
			strings = strcmp(line + 1, "strings") == 0;
			for (int k = 0; k < LANG_LIST_COUNT; k++)
				if (strcmp(line + 1, list_names[k].name) == 0)
					list = k;
			g_free(line);
			continue;
		}
		if (strings) {
			char *eq = strstr(line, " = ");
			if (eq != NULL) {
				*eq = '\0';
				g_hash_table_replace(d->strings, g_strdup(g_strstrip(line)), g_strdup(eq + 3));
			} else if (n > 2 && strcmp(line + n - 2, " =") == 0) {
				line[n - 2] = '\0';
				g_hash_table_replace(d->strings, g_strdup(g_strstrip(line)), g_strdup(""));
			}
			g_free(line);
			continue;
		}
		if (list >= 0) {
			char *entry = list_names[list].exact ? g_strdup(line) : text_fold(line, -1);
			g_ptr_array_add(d->items[list], entry);
			g_hash_table_add(d->sets[list], entry);
			guchar f = (guchar)entry[0];
			d->first[list][f >> 5] |= 1u << (f & 31);
		}
		g_free(line);
	}
}

static LangData *
load(FriseLang lang)
{
	LangData *d = g_new0(LangData, 1);
	for (int k = 0; k < LANG_LIST_COUNT; k++) {
		d->items[k] = g_ptr_array_new();
		d->sets[k] = g_hash_table_new(g_str_hash, g_str_equal);
	}
	d->strings = g_hash_table_new(g_str_hash, g_str_equal);
	if (lang > FRISE_LANG_UNKNOWN && lang < FRISE_LANG_COUNT) {
		char *path = resource_path(lang);
		/* through the resource itself, so that linking the static
		 * library keeps the resource object */
		GBytes *b = g_resource_lookup_data(frise_res_get_resource(), path, 0, NULL);
		if (b != NULL) {
			gsize len;
			const char *data = g_bytes_get_data(b, &len);
			parse(d, data, len);
			g_bytes_unref(b);
		}
		g_free(path);
	}
	for (int k = 0; k < LANG_LIST_COUNT; k++) {
		d->words[k].n = d->items[k]->len;
		g_ptr_array_add(d->items[k], NULL);
		d->words[k].items = (const char *const *)d->items[k]->pdata;
	}
	return d;
}

static const LangData *
data_of(FriseLang lang)
{
	static LangData *all[FRISE_LANG_COUNT];
	if ((unsigned)lang >= FRISE_LANG_COUNT)
		lang = FRISE_LANG_UNKNOWN;
	if (g_once_init_enter(&all[lang]))
		g_once_init_leave(&all[lang], load(lang));
	return all[lang];
}

const LangWords *
lang_list(FriseLang lang, LangList list)
{
	return &data_of(lang)->words[(unsigned)list < LANG_LIST_COUNT ? list : 0];
}

bool
lang_has(FriseLang lang, LangList list, const char *word)
{
	if ((unsigned)list >= LANG_LIST_COUNT || word == NULL)
		return false;
	const LangData *d = data_of(lang);
	guchar f = (guchar)word[0];
	if (!(d->first[list][f >> 5] >> (f & 31) & 1))
		return false;
	return g_hash_table_contains(d->sets[list], word);
}

bool
lang_has_pair(FriseLang lang, LangList list, const char *first, const char *second)
{
	if (first == NULL || second == NULL)
		return false;
	char *two = g_strconcat(first, " ", second, NULL);
	bool yes = lang_has(lang, list, two);
	g_free(two);
	return yes;
}

const char *
lang_string_own(FriseLang lang, const char *key)
{
	return g_hash_table_lookup(data_of(lang)->strings, key);
}

const char *
lang_string(FriseLang lang, const char *key)
{
	const char *v = lang_string_own(lang, key);
	if (v == NULL && lang != FRISE_LANG_EN)
		v = lang_string_own(FRISE_LANG_EN, key);
	return v != NULL ? v : key;
}

GHashTable *
lang_strings_with_prefix(FriseLang lang, const char *prefix)
{
	GHashTable *out = g_hash_table_new(g_str_hash, g_str_equal);
	FriseLang order[2] = { FRISE_LANG_EN, lang };
	for (int i = 0; i < 2; i++) {
		GHashTableIter it;
		gpointer k, v;
		g_hash_table_iter_init(&it, data_of(order[i])->strings);
		while (g_hash_table_iter_next(&it, &k, &v))
			if (g_str_has_prefix(k, prefix))
				g_hash_table_replace(out, k, v);
	}
	return out;
}

FriseLang
lang_or_english(FriseLang lang)
{
	return lang > FRISE_LANG_UNKNOWN && lang < FRISE_LANG_COUNT ? lang : FRISE_LANG_EN;
}

char *
lang_fill(const char *fmt, const char *a)
{
	const char *at = strstr(fmt, "%s");
	if (at == NULL)
		return g_strdup(fmt);
	return g_strdup_printf("%.*s%s%s", (int)(at - fmt), fmt, a, at + 2);
}

char *
lang_fill2(const char *fmt, const char *a, const char *b)
{
	const char *at = strstr(fmt, "%s");
	if (at == NULL)
		return g_strdup(fmt);
	char *rest = lang_fill(at + 2, b);
	char *out = g_strdup_printf("%.*s%s%s", (int)(at - fmt), fmt, a, rest);
	g_free(rest);
	return out;
}
