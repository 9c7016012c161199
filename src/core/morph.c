/*
 * morph.c — the lexicon's public side (prefix morph_, see morph.h): loading
 * each language once, the cache in front of the analysers, the tokeniser,
 * morph_scan() and the predicates. The analysers are morph_fr.c and
 * morph_en.c (morph_private.h).
 *
 * Offsets are byte offsets into the text or word as given, end exclusive.
 * A word is checked and normalised here (valid UTF-8, NFC, one apostrophe)
 * before an analyser sees it; the host offsets it reports are mapped back
 * to the word as given, character cluster by cluster.
 *
 * The cache: per language, SHARDS hash tables, each under its own mutex,
 * from the word's bytes as given to a copy of its MorphWord. A shard that
 * reaches its share of CACHE_WORDS is emptied and fills again, so memory
 * stays bounded (about 100 bytes a word) and a result never depends on the
 * cache. Any thread may call anything here.
 */
#include "core/morph_private.h"

#include <string.h>

/* ORDER POS */
static const char *const pos_names[MORPH_POS_COUNT] = {
	"none", "verb", "aux", "noun", "proper", "adj", "adv", "pron", "det", "prep", "conj",
	"num", "interj", "particle", "other"
};

/* ORDER FORM */
static const char *const form_names[MORPH_FORM_COUNT] = {
	"none", "infinitive", "present", "imperfect", "simple-past", "future", "conditional",
	"subj-present", "subj-imperfect", "imperative", "past-participle", "present-participle"
};

const char *
morph_pos_name(MorphPos pos)
{
	return (unsigned)pos < MORPH_POS_COUNT ? pos_names[pos] : "none";
}

const char *
morph_form_name(MorphForm form)
{
	return (unsigned)form < MORPH_FORM_COUNT ? form_names[form] : "none";
}

/* ---- loading ---- */

typedef struct {
	gsize once;    /* 0 until loaded; then LOAD_OK or LOAD_FAILED */
	GError *error; /* why it failed, kept for later morph_load() calls */
} Loaded;

enum { LOAD_OK = 1, LOAD_FAILED = 2 };

static Loaded loaded[FRISE_LANG_COUNT];

static gsize
load_state(FriseLang lang)
{
	Loaded *l = &loaded[lang];
	if (g_once_init_enter(&l->once)) {
		GError *e = NULL;
		bool ok = lang == FRISE_LANG_FR ? morph_fr_load(&e) : morph_en_load(&e);
		if (!ok) {
			/* said once per process; every word is unknown from now on */
			g_warning("%s lexicon unavailable: %s; its words are unknown to the lexicon",
				  lang == FRISE_LANG_FR ? "French" : "English", e->message);
			l->error = e;
		}
		g_once_init_leave(&l->once, ok ? LOAD_OK : LOAD_FAILED);
	}
	return l->once;
}

bool
morph_load(FriseLang lang, GError **error)
{
	if (lang != FRISE_LANG_FR && lang != FRISE_LANG_EN) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE,
			    "no lexicon for language %s", frise_lang_code(lang));
		return false;
	}
	if (load_state(lang) == LOAD_OK)
		return true;
	if (error != NULL)
		*error = g_error_copy(loaded[lang].error);
	return false;
}

bool
morph_available(FriseLang lang)
{
	return (lang == FRISE_LANG_FR || lang == FRISE_LANG_EN) && load_state(lang) == LOAD_OK;
}

/* ---- helpers for the analysers ---- */

void
morph_word_add(MorphWord *w, const MorphAnalysis *a)
{
	for (guint i = 0; i < w->n; i++) {
		const MorphAnalysis *b = &w->a[i];
		if (b->lemma == a->lemma && b->pos == a->pos && b->form == a->form &&
		    b->person == a->person && b->number == a->number && b->gender == a->gender &&
		    b->flags == a->flags)
			return;
	}
	if (w->n == MORPH_MAX_ANALYSES) {
		w->flags |= MORPH_W_TRUNCATED;
		return;
	}
	w->a[w->n] = *a;
	w->a[w->n].pad_ = 0;
	w->n++;
}

/* The lemmas: one copy of each, for the life of the process. Not
 * g_intern_string(): GLib leaks its quark array each time it grows (by
 * design, for lock-free reads), which is quadratic in the strings kept, and
 * English guesses keep one a stem. */
static GMutex intern_lock;
static GHashTable *interned; /* char * (in `strings`) → itself */
static GStringChunk *strings;

const char *
morph_intern(const char *s, gssize len)
{
	if (len < 0)
		len = (gssize)strlen(s);
	char buf[4 * MORPH_WORD_MAX + 1];
	if ((gsize)len >= sizeof buf)
		len = sizeof buf - 1;
	gsize n = 0;
	for (gssize i = 0; i < len; i++) {
		if (i + 2 < len && (guchar)s[i] == 0xE2 && (guchar)s[i + 1] == 0x80 &&
		    (guchar)s[i + 2] == 0x99) { /* ’ */
			buf[n++] = '\'';
			i += 2;
		} else {
			buf[n++] = s[i];
		}
	}
	buf[n] = '\0';
	g_mutex_lock(&intern_lock);
	if (interned == NULL) {
		interned = g_hash_table_new(g_str_hash, g_str_equal);
		strings = g_string_chunk_new(64 * 1024);
	}
	const char *copy = g_hash_table_lookup(interned, buf);
	if (copy == NULL) {
		char *c = g_string_chunk_insert_len(strings, buf, (gssize)n);
		g_hash_table_add(interned, c);
		copy = c;
	}
	g_mutex_unlock(&intern_lock);
	return copy;
}

bool
morph_is_digits(const char *word, gsize len)
{
	if (len == 0 || !g_ascii_isdigit(word[0]) || !g_ascii_isdigit(word[len - 1]))
		return false;
	for (gsize i = 0; i < len; i++)
		if (!g_ascii_isdigit(word[i]) &&
		    !((word[i] == '.' || word[i] == ',') && g_ascii_isdigit(word[i + 1])))
			return false;
	return true;
}

/* ---- the cache ---- */

#define SHARDS 16
#define CACHE_WORDS 65536 /* per language; a shard holds CACHE_WORDS / SHARDS */

typedef struct {
	guint32 hash;
	guint32 len;
	const char *bytes;
} Key;

/* One cached word: its analyses, then its bytes (key.bytes points there). */
typedef struct {
	Key key;
	guint8 n, flags, host_start, host_end, tail_start;
	MorphAnalysis a[];
} Entry;

typedef struct {
	GMutex lock;
	GHashTable *table; /* Entry * (key and value), made on first use */
} Shard;

static Shard shards[FRISE_LANG_COUNT][SHARDS];

static guint
key_hash(gconstpointer k)
{
	return ((const Key *)k)->hash;
}

static gboolean
key_equal(gconstpointer a_, gconstpointer b_)
{
	const Key *a = a_, *b = b_;
	return a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
}

/* FNV-1a: words are short, and this is fast enough not to show. */
static guint32
hash_bytes(const char *s, gsize len)
{
	guint32 h = 2166136261u;
	for (gsize i = 0; i < len; i++)
		h = (h ^ (guchar)s[i]) * 16777619u;
	return h;
}

static bool
cache_get(FriseLang lang, const Key *k, MorphWord *out)
{
	Shard *s = &shards[lang][k->hash >> 28];
	bool hit = false;
	g_mutex_lock(&s->lock);
	const Entry *e = s->table != NULL ? g_hash_table_lookup(s->table, k) : NULL;
	if (e != NULL) {
		out->n = e->n;
		out->flags = e->flags;
		out->host_start = e->host_start;
		out->host_end = e->host_end;
		out->tail_start = e->tail_start;
		memcpy(out->a, e->a, e->n * sizeof e->a[0]);
		hit = true;
	}
	g_mutex_unlock(&s->lock);
	return hit;
}

static void
cache_put(FriseLang lang, const Key *k, const MorphWord *w)
{
	Entry *e = g_malloc(sizeof *e + w->n * sizeof e->a[0] + k->len);
	char *bytes = (char *)(e->a + w->n);
	memcpy(bytes, k->bytes, k->len);
	e->key = (Key){ k->hash, k->len, bytes };
	e->n = w->n;
	e->flags = w->flags;
	e->host_start = w->host_start;
	e->host_end = w->host_end;
	e->tail_start = w->tail_start;
	memcpy(e->a, w->a, w->n * sizeof e->a[0]);

	Shard *s = &shards[lang][k->hash >> 28];
	g_mutex_lock(&s->lock);
	if (s->table == NULL)
		s->table = g_hash_table_new_full(key_hash, key_equal, NULL, g_free);
	else if (g_hash_table_size(s->table) >= CACHE_WORDS / SHARDS)
		g_hash_table_remove_all(s->table);
	/* another thread may have put it first: then e replaces its equal */
	g_hash_table_replace(s->table, e, e);
	g_mutex_unlock(&s->lock);
}

/* ---- analysing ---- */

/* Turns ’ (E2 80 99) and ʼ (CA BC) into ' in place; returns the new length. */
static gsize
fold_apostrophes(char *s, gsize len)
{
	gsize n = 0;
	for (gsize i = 0; i < len; i++) {
		if (i + 2 < len && (guchar)s[i] == 0xE2 && (guchar)s[i + 1] == 0x80 && (guchar)s[i + 2] == 0x99) {
			s[n++] = '\'';
			i += 2;
		} else if (i + 1 < len && (guchar)s[i] == 0xCA && (guchar)s[i + 1] == 0xBC) {
			s[n++] = '\'';
			i += 1;
		} else {
			s[n++] = s[i];
		}
	}
	s[n] = '\0';
	return n;
}

/* The offset in `orig` of the character cluster (a character and the
 * combining marks after it) that starts at offset `off` of `norm`, its
 * normalised form: both have the same clusters, in the same order. */
static guint8
map_back(const char *orig, gsize olen, const char *norm, gsize nlen, gsize off)
{
	if (off >= nlen)
		return (guint8)olen;
	gsize clusters = 0;
	for (const char *p = norm; p < norm + off; p = g_utf8_next_char(p))
		if (!g_unichar_ismark(g_utf8_get_char(p)))
			clusters++;
	const char *p = orig;
	for (; p < orig + olen; p = g_utf8_next_char(p))
		if (!g_unichar_ismark(g_utf8_get_char(p)) && clusters-- == 0)
			break;
	return (guint8)(p - orig);
}

static void
analyze_uncached(FriseLang lang, const char *word, gsize len, MorphWord *out)
{
	char ascii[MORPH_WORD_MAX + 1];
	char *norm = NULL;
	const char *w = word;
	gsize wlen = len;
	bool plain = true;
	for (gsize i = 0; i < len; i++)
		if ((guchar)word[i] >= 0x80)
			plain = false;
	if (plain) {
		memcpy(ascii, word, len);
		ascii[len] = '\0';
		w = ascii;
	} else {
		norm = g_utf8_normalize(word, (gssize)len, G_NORMALIZE_NFC);
		if (norm == NULL)
			return;
		wlen = fold_apostrophes(norm, strlen(norm));
		w = norm;
		if (wlen == 0 || wlen > 4 * MORPH_WORD_MAX) {
			g_free(norm);
			return;
		}
	}
	out->host_start = 0;
	out->host_end = out->tail_start = (guint8)wlen;
	if (lang == FRISE_LANG_FR)
		morph_fr_analyze(w, wlen, out);
	else
		morph_en_analyze(w, wlen, out);
	if (out->host_start >= out->host_end || out->host_end > out->tail_start || out->tail_start > wlen) {
		out->host_start = 0; /* an analyser's slip: the whole word */
		out->host_end = out->tail_start = (guint8)wlen;
	}
	gunichar first = g_utf8_get_char(w + out->host_start);
	if (g_unichar_isupper(first) || g_unichar_istitle(first))
		out->flags |= MORPH_W_CAPITALISED;
	if (!plain) {
		out->host_end = map_back(word, len, w, wlen, out->host_end);
		out->tail_start = map_back(word, len, w, wlen, out->tail_start);
		out->host_start = map_back(word, len, w, wlen, out->host_start);
		/* clusters that normalisation merged (Hangul jamo): the whole word */
		if (out->host_start >= out->host_end || out->host_end > out->tail_start) {
			out->host_start = 0;
			out->host_end = out->tail_start = (guint8)len;
		}
	}
	g_free(norm);
}

bool
morph_analyze(FriseLang lang, const char *word, gssize len, MorphWord *out)
{
	gsize n = len < 0 ? strlen(word) : (gsize)len;
	out->n = 0;
	out->flags = 0;
	out->host_start = out->host_end = out->tail_start = 0; /* refused */
	if (n == 0 || n > MORPH_WORD_MAX || !morph_available(lang))
		return false;
	Key k = { hash_bytes(word, n), (guint32)n, word };
	if (cache_get(lang, &k, out))
		return out->n > 0;
	if (!g_utf8_validate_len(word, n, NULL))
		return false;
	analyze_uncached(lang, word, n, out);
	cache_put(lang, &k, out);
	return out->n > 0;
}

/* ---- tokens ---- */

static bool
is_word_char(gunichar c)
{
	if (c < 0x80)
		return g_ascii_isalnum(c); /* as Unicode has them */
	return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

static bool
is_joiner(gunichar c)
{
	return c == '\'' || c == 0x2019 || c == 0x02BC || c == '-' || c == 0x2010 || c == 0x2011;
}

/* The character at text[i], its length in *n; (gunichar)-1 for an invalid
 * byte (then *n is 1). */
static gunichar
char_at(const char *text, gsize len, gsize i, gsize *n)
{
	if ((guchar)text[i] - 1u < 0x7Fu) { /* ASCII but NUL, which GLib refuses */
		*n = 1;
		return (guchar)text[i];
	}
	gunichar c = g_utf8_get_char_validated(text + i, (gssize)(len - i));
	if (c == (gunichar)-1 || c == (gunichar)-2) {
		*n = 1;
		return (gunichar)-1;
	}
	*n = (gsize)(g_utf8_next_char(text + i) - (text + i));
	return c;
}

bool
morph_next_word(const char *text, gsize len, gsize *pos, FriseSpan *word)
{
	gsize i = *pos, n;
	while (i < len && !is_word_char(char_at(text, len, i, &n)))
		i += n;
	if (i >= len) {
		*pos = len;
		return false;
	}
	gsize start = i;
	while (i < len) {
		gunichar c = char_at(text, len, i, &n);
		if (is_word_char(c)) {
			i += n;
			continue;
		}
		gsize m;
		if (is_joiner(c) && i + n < len && is_word_char(char_at(text, len, i + n, &m))) {
			i += n + m;
			continue;
		}
		/* a number's separators: "45,000", "7.0", "1,5" */
		if ((c == ',' || c == '.') && i > start && g_ascii_isdigit(text[i - 1]) && i + 1 < len &&
		    g_ascii_isdigit(text[i + 1])) {
			i += 2;
			continue;
		}
		break;
	}
	word->start = start;
	word->end = i;
	*pos = i;
	return true;
}

/* Appends a token for text[start, end) analysed on its own. */
static void
push_token(GArray *tokens, FriseLang lang, const char *text, gsize start, gsize end)
{
	g_array_set_size(tokens, tokens->len + 1);
	MorphToken *t = &g_array_index(tokens, MorphToken, tokens->len - 1);
	t->span.start = start;
	t->span.end = end;
	morph_analyze(lang, text + start, (gssize)(end - start), &t->word);
}

MorphToken *
morph_scan(FriseLang lang, const char *text, gsize len, gsize *n_tokens)
{
	/* room for a word every four bytes at first: no growing in most sentences */
	GArray *tokens = g_array_sized_new(FALSE, TRUE, sizeof(MorphToken), (guint)MIN(len / 4 + 4, 4096));
	gsize pos = 0;
	FriseSpan w;
	while (morph_next_word(text, len, &pos, &w)) {
		/* a word, then what follows its host, until nothing does */
		for (gsize start = w.start; start < w.end;) {
			MorphWord mw;
			morph_analyze(lang, text + start, (gssize)(w.end - start), &mw);
			if (mw.host_end == 0) { /* refused (too long, no lexicon): one token */
				push_token(tokens, lang, text, start, w.end);
				break;
			}
			gsize host_start = start + mw.host_start, host_end = start + mw.host_end;
			gsize tail = start + mw.tail_start;
			if (host_start > start)
				push_token(tokens, lang, text, start, host_start);
			g_array_set_size(tokens, tokens->len + 1);
			MorphToken *t = &g_array_index(tokens, MorphToken, tokens->len - 1);
			t->span.start = host_start;
			t->span.end = host_end;
			t->word = mw;
			t->word.host_start = 0;
			t->word.host_end = t->word.tail_start = (guint8)(host_end - host_start);
			if (tail <= start || tail >= w.end)
				break;
			start = tail;
		}
	}
	*n_tokens = tokens->len;
	return (MorphToken *)(void *)g_array_free(tokens, tokens->len == 0);
}

/* ---- predicates ---- */

bool
morph_form_is_finite(MorphForm form)
{
	return form >= MORPH_FORM_PRESENT && form <= MORPH_FORM_IMPERATIVE;
}

static bool
is_verb_pos(guint8 pos)
{
	return pos == MORPH_POS_VERB || pos == MORPH_POS_AUX;
}

bool
morph_can_be_finite_verb(const MorphWord *word)
{
	for (guint i = 0; i < word->n; i++)
		if (is_verb_pos(word->a[i].pos) && morph_form_is_finite(word->a[i].form))
			return true;
	return false;
}

bool
morph_can_be_participle(const MorphWord *word)
{
	for (guint i = 0; i < word->n; i++)
		if (word->a[i].form == MORPH_FORM_PAST_PARTICIPLE ||
		    word->a[i].form == MORPH_FORM_PRESENT_PARTICIPLE)
			return true;
	return false;
}

bool
morph_has_pos(const MorphWord *word, MorphPos pos)
{
	for (guint i = 0; i < word->n; i++)
		if (word->a[i].pos == pos)
			return true;
	return false;
}

bool
morph_is_only_verb(const MorphWord *word)
{
	for (guint i = 0; i < word->n; i++)
		if (!is_verb_pos(word->a[i].pos))
			return false;
	return word->n > 0;
}

const MorphAnalysis *
morph_find(const MorphWord *word, const char *lemma, MorphPos pos)
{
	for (guint i = 0; i < word->n; i++)
		if (strcmp(word->a[i].lemma, lemma) == 0 && (pos == MORPH_POS_NONE || word->a[i].pos == pos))
			return &word->a[i];
	return NULL;
}

char *
morph_analysis_describe(const MorphAnalysis *a)
{
	static const char *const genders[] = { NULL, "masc", "fem", "epi" };
	static const char *const numbers[] = { NULL, "sg", "pl", "inv" };
	static const struct { guint16 flag; const char *name; } flags[] = {
		{ MORPH_F_MODAL, "modal" }, { MORPH_F_SUBJECT, "subject" }, { MORPH_F_OBJECT, "object" },
		{ MORPH_F_ADJ, "adj" }, { MORPH_F_GUESS, "guess" }, { MORPH_F_NEGATIVE, "negative" },
		{ MORPH_F_LOCUTION, "locution" },
	};
	GString *s = g_string_new(a->lemma);
	g_string_append_printf(s, "%s%s", *a->lemma ? " " : "", morph_pos_name(a->pos));
	if (a->form != MORPH_FORM_NONE)
		g_string_append_printf(s, " %s", morph_form_name(a->form));
	const char *number = a->number < G_N_ELEMENTS(numbers) ? numbers[a->number] : NULL;
	if (a->person != 0) {
		g_string_append_printf(s, " %u%s", a->person,
				       a->number == MORPH_NUMBER_SG || a->number == MORPH_NUMBER_PL ? number : "");
		if (a->number == MORPH_NUMBER_SG || a->number == MORPH_NUMBER_PL)
			number = NULL;
	}
	if (a->gender < G_N_ELEMENTS(genders) && genders[a->gender] != NULL)
		g_string_append_printf(s, " %s", genders[a->gender]);
	if (number != NULL)
		g_string_append_printf(s, " %s", number);
	for (size_t i = 0; i < G_N_ELEMENTS(flags); i++)
		if (a->flags & flags[i].flag)
			g_string_append_printf(s, " %s", flags[i].name);
	return g_string_free(s, FALSE);
}

char *
morph_word_describe(const MorphWord *word)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < word->n; i++) {
		char *d = morph_analysis_describe(&word->a[i]);
		g_string_append_printf(s, "%s%s", i ? " | " : "", d);
		g_free(d);
	}
	return g_string_free(s, FALSE);
}
