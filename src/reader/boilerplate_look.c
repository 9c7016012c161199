/*
 * boilerplate_look.c — the boilerplate stage's line evidence (prefix
 * boiler_): what one line looks like (BoilerLook) and the rule of each
 * kind that reads it. Exports, for boilerplate.c and
 * boilerplate_corpus.c (boilerplate_private.h), boiler_look_init(),
 * boiler_look_chars(), boiler_look_clear(), boiler_is_prose(),
 * boiler_line_kind(), boiler_is_teaser_heading() and
 * boiler_plain_prose(); every other symbol has file scope.
 *
 * Offsets are byte offsets into the line a BoilerLook was made of (its
 * `s`, trimmed), end-exclusive. Every word comes from the lists of
 * src/lang/xx/words.txt (lang.h), folded (accents dropped, lower case)
 * and matched as whole words; the symbols © € $ £ | • » are written
 * here. A BoilerLook holds its own memory: boiler_look_clear() frees it.
 * Nothing here keeps state between lines but the phrase tables built
 * once under g_once.
 */
#include "reader/boilerplate_private.h"
#include "core/lang.h"
#include "core/text.h"

#include <string.h>

#define NAV_WORDS 8       /* a navigation line has at most this many words */
#define BYLINE_WORDS 20   /* … and a byline or a date line */
#define PLAIN_WORDS 12    /* a sentence of this many words is read by its look only when it has a symbol */

/* ------------------------------------------------------------------ */
/* Folded phrases. */

/* Folded, white space collapsed to one space, no space before ':', trimmed:
 * the form the phrase lists are compared in. Returns a new string. */
static char *
norm_fold(const char *s, size_t len)
{
	char *f = text_fold(s, (gssize)len);
	GString *o = g_string_sized_new(strlen(f));
	bool space = false;
	for (const char *p = f; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (boiler_is_hspace(c) || c == '\n') {
			space = o->len > 0;
			continue;
		}
		if (space && c != ':')
			g_string_append_c(o, ' ');
		space = false;
		g_string_append_unichar(o, c);
	}
	g_free(f);
	return g_string_free(o, FALSE);
}

static bool
word_byte(const char *p)
{
	return g_unichar_isalnum(g_utf8_get_char(p));
}

/* Where the word that starts at f ends (letters and digits). */
static const char *
word_end(const char *f)
{
	while (*f != '\0' && word_byte(f))
		f = g_utf8_next_char(f);
	return f;
}

/* The entries of one list in norm_fold form, indexed by their first word
 * so that a line is looked up word by word rather than entry by entry. */
typedef struct {
	GHashTable *by_first; /* first word -> GPtrArray of entries */
	GPtrArray *misc;      /* entries that start with no word */
} Phrases;

/* The phrases of a list, per language; built once, never freed. */
static const Phrases *
phrases(FriseLang lang, LangList list)
{
	static Phrases *all; /* [lang * LANG_LIST_COUNT + list] */
	if (g_once_init_enter(&all)) {
		Phrases *a = g_new0(Phrases, FRISE_LANG_COUNT * LANG_LIST_COUNT);
		for (int l = 0; l < FRISE_LANG_COUNT; l++)
			for (int k = 0; k < LANG_LIST_COUNT; k++) {
				const LangWords *w = lang_list((FriseLang)l, (LangList)k);
				Phrases *p = &a[l * LANG_LIST_COUNT + k];
				p->by_first = g_hash_table_new(g_str_hash, g_str_equal);
				p->misc = g_ptr_array_new();
				for (guint i = 0; i < w->n; i++) {
					char *e = norm_fold(w->items[i], -1);
					if (*e == '\0' || !word_byte(e)) {
						g_ptr_array_add(p->misc, e);
						continue;
					}
					char *first = g_strndup(e, (gsize)(word_end(e) - e));
					GPtrArray *bucket = g_hash_table_lookup(p->by_first, first);
					if (bucket == NULL) {
						bucket = g_ptr_array_new();
						g_hash_table_insert(p->by_first, first, bucket);
					} else {
						g_free(first);
					}
					g_ptr_array_add(bucket, e);
				}
			}
		g_once_init_leave(&all, a);
	}
	if ((unsigned)lang >= FRISE_LANG_COUNT)
		lang = FRISE_LANG_UNKNOWN;
	return &all[lang * LANG_LIST_COUNT + list];
}

/* True when `entry` occurs in the folded line `f` at `at`, not inside a
 * word. */
static bool
phrase_here(const char *f, size_t at, const char *entry, size_t n)
{
	if (strncmp(f + at, entry, n) != 0)
		return false;
	if (at > 0 && word_byte(entry) && word_byte(g_utf8_prev_char(f + at)))
		return false;
	if (f[at + n] != '\0' && n > 0 && word_byte(g_utf8_prev_char(entry + n)) && word_byte(f + at + n))
		return false;
	return true;
}

/* The entries whose first word is the word at w (up to we), or NULL. */
static const GPtrArray *
bucket_of(const Phrases *ps, const char *w, const char *we)
{
	char buf[64];
	size_t n = (size_t)(we - w);
	if (n == 0 || n >= sizeof buf)
		return NULL;
	memcpy(buf, w, n);
	buf[n] = '\0';
	return g_hash_table_lookup(ps->by_first, buf);
}

/* Calls fn on each place of the folded line `f` where an entry of `list`
 * occurs, in order, until it returns true; returns whether one did. */
typedef bool (*PhraseFunc)(const char *f, size_t at, const char *entry, void *data);

static bool
each_phrase(const char *f, FriseLang lang, LangList list, PhraseFunc fn, void *data)
{
	const Phrases *ps = phrases(lang, list);
	for (guint i = 0; i < ps->misc->len; i++) {
		const char *e = ps->misc->pdata[i];
		size_t n = strlen(e);
		for (const char *at = strstr(f, e); at != NULL; at = strstr(at + 1, e))
			if (phrase_here(f, (size_t)(at - f), e, n) && fn(f, (size_t)(at - f), e, data))
				return true;
	}
	for (const char *p = f; *p != '\0';) {
		if (!word_byte(p)) {
			p = g_utf8_next_char(p);
			continue;
		}
		const char *we = word_end(p);
		const GPtrArray *b = bucket_of(ps, p, we);
		for (guint i = 0; b != NULL && i < b->len; i++) {
			const char *e = b->pdata[i];
			if (phrase_here(f, (size_t)(p - f), e, strlen(e)) && fn(f, (size_t)(p - f), e, data))
				return true;
		}
		p = we;
	}
	return false;
}

/* The first entry of `list` that starts the folded line `f`, or NULL. */
static const char *
starts_with_phrase(const char *f, FriseLang lang, LangList list)
{
	const Phrases *ps = phrases(lang, list);
	for (guint i = 0; i < ps->misc->len; i++) {
		const char *e = ps->misc->pdata[i];
		if (phrase_here(f, 0, e, strlen(e)))
			return e;
	}
	const GPtrArray *b = word_byte(f) ? bucket_of(ps, f, word_end(f)) : NULL;
	for (guint i = 0; b != NULL && i < b->len; i++) {
		const char *e = b->pdata[i];
		if (phrase_here(f, 0, e, strlen(e)))
			return e;
	}
	return NULL;
}

/* True when the word `folded` opens an entry of `list`. */
static bool
opens_phrase(const char *folded, FriseLang lang, LangList list)
{
	const Phrases *ps = phrases(lang, list);
	return ps->misc->len > 0 || g_hash_table_contains(ps->by_first, folded);
}

static bool
collect_entry(const char *f, size_t at, const char *entry, void *data)
{
	(void)f;
	(void)at;
	GPtrArray *seen = data;
	for (guint i = 0; i < seen->len; i++)
		if (seen->pdata[i] == entry)
			return false;
	g_ptr_array_add(seen, (gpointer)entry);
	return false;
}

/* How many entries of `list` occur in the folded line `f`. */
static guint
count_phrases(const char *f, FriseLang lang, LangList list)
{
	GPtrArray *seen = g_ptr_array_new();
	each_phrase(f, lang, list, collect_entry, seen);
	guint n = seen->len;
	g_ptr_array_unref(seen);
	return n;
}

/* An entry with more of the line after it: its place in *(size_t *)data. */
static bool
more_after(const char *f, size_t at, const char *entry, void *data)
{
	const char *rest = f + at + strlen(entry);
	while (*rest == ' ' || *rest == ':')
		rest++;
	if (*rest == '\0')
		return false;
	*(size_t *)data = at;
	return true;
}

/* Where the first entry of `list` with more of the line after it occurs
 * in the folded line `f` ("Crédits photo : AFP", not "… cette photo :"),
 * or SIZE_MAX. */
static size_t
phrase_then_more(const char *f, FriseLang lang, LangList list)
{
	size_t at = SIZE_MAX;
	each_phrase(f, lang, list, more_after, &at);
	return at;
}

/* Month and weekday names of a language, folded; built once. */
static bool
is_date_word(FriseLang lang, const char *folded)
{
	static GHashTable **sets;
	if (g_once_init_enter(&sets)) {
		GHashTable **s = g_new0(GHashTable *, FRISE_LANG_COUNT);
		static const LangList lists[] = { LANG_MONTHS, LANG_MONTHS_ABBR, LANG_WEEKDAYS };
		for (int l = 0; l < FRISE_LANG_COUNT; l++) {
			s[l] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL); /* "May" is twice */
			for (size_t k = 0; k < G_N_ELEMENTS(lists); k++) {
				const LangWords *w = lang_list((FriseLang)l, lists[k]);
				for (guint i = 0; i < w->n; i++)
					g_hash_table_add(s[l], text_fold(w->items[i], -1));
			}
		}
		g_once_init_leave(&sets, s);
	}
	if ((unsigned)lang >= FRISE_LANG_COUNT)
		lang = FRISE_LANG_UNKNOWN;
	return g_hash_table_contains(sets[lang], folded);
}

/* ------------------------------------------------------------------ */
/* The look of a line. */

static bool
is_terminal(gunichar c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static bool
is_closing(gunichar c)
{
	return c == 0xBB || c == 0x201D || c == '"' || c == ')' || c == 0x2019 || c == '\'' || c == ']' ||
	       c == 0x203A;
}

static bool
is_currency(gunichar c)
{
	return c == 0x20AC || c == '$' || c == 0xA3;
}

/* Characters of the line: letters, capitals, links, separators, price,
 * where sentences end. */
void
boiler_look_chars(BoilerLook *k)
{
	const char *s = k->s, *end = s + k->len;
	size_t upper = 0;
	gunichar prev = 0;
	const char *link_end = NULL;
	size_t quote_from = SIZE_MAX; /* where the open quotation starts */
	for (const char *p = s; p < end; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		/* quotations: what someone says, not the site */
		bool opens = c == 0xAB || c == 0x201C || (c == '"' && quote_from == SIZE_MAX);
		bool closes = quote_from != SIZE_MAX && (c == 0xBB || c == 0x201D || c == '"');
		if (closes) {
			if (k->quotes < G_N_ELEMENTS(k->quote_at))
				k->quote_at[k->quotes++] = (FriseSpan){ quote_from, (size_t)(p - s) };
			quote_from = SIZE_MAX;
		} else if (opens && quote_from == SIZE_MAX) {
			quote_from = (size_t)(p - s);
		}
		if (boiler_is_hspace(c)) {
			prev = c;
			continue;
		}
		k->nonspace++;
		/* a URL, a @handle or a #tag runs to the next space */
		if (link_end == NULL || p >= link_end) {
			bool starts = ((c == 'h' || c == 'w') && (g_str_has_prefix(p, "http://") ||
				      g_str_has_prefix(p, "https://") || g_str_has_prefix(p, "www."))) ||
				      ((c == '@' || c == '#') && p + 1 < end && g_unichar_isalnum(g_utf8_get_char(p + 1)) &&
				       (p == s || boiler_is_hspace(prev) || prev == '(' || prev == ':'));
			if (starts) {
				link_end = p;
				while (link_end < end && !boiler_is_hspace(g_utf8_get_char(link_end)))
					link_end = g_utf8_next_char(link_end);
				if (k->links < G_N_ELEMENTS(k->link_at))
					k->link_at[k->links] = (FriseSpan){ (size_t)(p - s), (size_t)(link_end - s) };
				k->links++;
			}
		}
		if (c < 0x80 ? g_ascii_isalpha(c) : g_unichar_isalpha(c)) {
			k->letters++;
			upper += c < 0x80 ? g_ascii_isupper(c) : g_unichar_isupper(c);
		}
		if ((c == '|' || c == 0x2022 || c == 0xB7) && p > s)
			k->separators++;
		if (is_currency(c)) {
			const char *n = g_utf8_next_char(p);
			bool digit_after = n < end && g_ascii_isdigit(*n);
			const char *q = p;
			while (q > s && boiler_is_hspace(g_utf8_get_char(g_utf8_prev_char(q))))
				q = g_utf8_prev_char(q);
			bool digit_before = q > s && g_ascii_isdigit(*g_utf8_prev_char(q));
			k->price |= digit_after || digit_before;
		}
		/* ". X": a sentence ends inside the line */
		if (is_terminal(c)) {
			const char *q = g_utf8_next_char(p);
			while (q < end && (is_terminal(g_utf8_get_char(q)) || is_closing(g_utf8_get_char(q))))
				q = g_utf8_next_char(q);
			if (q < end && boiler_is_hspace(g_utf8_get_char(q))) {
				while (q < end && boiler_is_hspace(g_utf8_get_char(q)))
					q = g_utf8_next_char(q);
				if (q < end && g_unichar_isupper(g_utf8_get_char(q)))
					k->inner_ends++;
			}
		}
		prev = c;
	}
	if (quote_from != SIZE_MAX && k->quotes < G_N_ELEMENTS(k->quote_at))
		k->quote_at[k->quotes++] = (FriseSpan){ quote_from, k->len }; /* runs to the line's end */
	k->caps = k->letters > 0 && upper == k->letters;
	/* the last character, closing quotes and brackets aside */
	const char *p = end;
	while (p > s) {
		p = g_utf8_prev_char(p);
		gunichar c = g_utf8_get_char(p);
		if (is_closing(c) || boiler_is_hspace(c))
			continue;
		k->end = is_terminal(c);
		break;
	}
}

/* The words of the line by class. */
static void
look_words(BoilerLook *k)
{
	FriseLang lang = k->lang;
	for (guint i = 0; i < k->toks->len; i++) {
		const TextToken *t = &g_array_index(k->toks, TextToken, i);
		const char *w = t->folded;
		bool in_link = false;
		for (guint l = 0; l < MIN(k->links, G_N_ELEMENTS(k->link_at)); l++)
			in_link |= t->start >= k->link_at[l].start && t->start < k->link_at[l].end;
		if (in_link) {
			k->link_words++;
			continue;
		}
		bool letter = false, digit = false;
		for (const char *p = w; *p != '\0'; p = g_utf8_next_char(p)) {
			gunichar c = g_utf8_get_char(p);
			letter |= g_unichar_isalpha(c);
			digit |= g_unichar_isdigit(c);
		}
		if (digit) {
			k->numbers++;
			continue;
		}
		if (!letter)
			continue;
		k->words++;
		if (i > 0 && g_unichar_islower(g_utf8_get_char(k->s + t->start)))
			k->lower++;
		if (lang_has(lang, LANG_NAVIGATION_WORDS, w))
			k->nav++;
		bool quoted = false;
		for (guint q = 0; q < k->quotes; q++)
			quoted |= t->start > k->quote_at[q].start && t->start < k->quote_at[q].end;
		if (!quoted && lang_has(lang, LANG_READER_ADDRESS, w))
			k->reader++;
		if (is_date_word(lang, w))
			k->dates++;
		else if (g_utf8_strlen(w, -1) <= 2 || lang_has(lang, LANG_STOP, w))
			k->stops++;
		else if (lang_has(lang, LANG_BYLINE_WORDS, w))
			k->bylines++;
		else if (!k->caps && g_unichar_isupper(g_utf8_get_char(k->s + t->start)))
			k->names++;
		else
			k->other++;
	}
}

void
boiler_look_init(BoilerLook *k, const char *s, size_t len, FriseLang lang)
{
	memset(k, 0, sizeof *k);
	k->s = s;
	k->len = len;
	k->lang = lang;
	k->fold = norm_fold(s, len);
	k->toks = text_tokens(s, len);
	boiler_look_chars(k);
	look_words(k);
}

void
boiler_look_clear(BoilerLook *k)
{
	g_free(k->fold);
	g_array_unref(k->toks);
}

/* A sentence of running text: it ends like one, has a few words and a
 * fair share of stop words ("Ce message s'affichera sur l'autre
 * appareil.") or of words in small letters ("It was unclear how much
 * protection current vaccines might offer.": English lists few stop
 * words), or is long enough to be a paragraph. */
bool
boiler_is_prose(const BoilerLook *k)
{
	if (k->words >= PROSE_WORDS)
		return true;
	return k->end && k->words >= 5 && (k->stops * 4 >= k->words || k->lower * 5 >= (k->words - 1) * 3);
}

/* ------------------------------------------------------------------ */
/* Line evidence: one rule per kind. */

/* How many words (text_tokens) the phrase `entry` has. */
static guint
tokens_in(const char *entry)
{
	GArray *toks = text_tokens(entry, strlen(entry));
	guint n = toks->len;
	g_array_unref(toks);
	return n;
}

/* True when tokens [from, end) of the line are names, dates, numbers,
 * stop and byline words only ("Nom le 3 avril 2005 à 10h12"). */
static bool
rest_is_byline(const BoilerLook *k, guint from)
{
	for (guint i = from; i < k->toks->len; i++) {
		const TextToken *t = &g_array_index(k->toks, TextToken, i);
		const char *w = t->folded;
		if (g_ascii_isdigit(w[0]) || is_date_word(k->lang, w) || g_utf8_strlen(w, -1) <= 2 ||
		    lang_has(k->lang, LANG_STOP, w) || lang_has(k->lang, LANG_BYLINE_WORDS, w) ||
		    g_unichar_isupper(g_utf8_get_char(k->s + t->start)))
			continue;
		return false;
	}
	return true;
}

/* "Temps de lecture : 2 min", "5 min read": a number, a reading word and
 * a unit on a short line that is not a sentence. */
static bool
is_reading_time(const BoilerLook *k)
{
	if (k->numbers == 0 || k->words > 10 || boiler_is_prose(k) ||
	    count_phrases(k->fold, k->lang, LANG_READING_TIME_WORDS) == 0)
		return false;
	for (guint i = 0; i < k->toks->len; i++)
		if (lang_has(k->lang, LANG_READING_TIME_UNITS, g_array_index(k->toks, TextToken, i).folded))
			return true;
	return false;
}

/* "© 2020 …" on a short line; "Tous droits réservés" on one that is not a
 * sentence. */
static bool
is_copyright(const BoilerLook *k)
{
	if (k->len > SHORT_LINE)
		return false;
	if (g_strstr_len(k->s, (gssize)k->len, "\xC2\xA9") != NULL)
		return true;
	return !boiler_is_prose(k) && count_phrases(k->fold, k->lang, LANG_COPYRIGHT_WORDS) > 0;
}

/* A comment's marker: "Répondre", "Signaler un abus", "Posted by Name on
 * 3 April 2005 10:08 AM.": a [comment-words] phrase opens the line and
 * what follows is a byline or a few words. */
static bool
is_comment_marker(const BoilerLook *k)
{
	const char *e = starts_with_phrase(k->fold, k->lang, LANG_COMMENT_WORDS);
	if (e == NULL || k->len > SHORT_LINE)
		return false;
	guint after = MIN(tokens_in(e), k->toks->len);
	return k->toks->len - after <= 2 || rest_is_byline(k, after);
}

/* A glyph that opens a link to another page: » › → ▶ ► ➜ ➤ ⇒ > (not a
 * guillemet that closes a quote: a capital follows). */
static bool
starts_with_arrow(const BoilerLook *k)
{
	const char *s = k->s, *end = s + k->len;
	gunichar c = g_utf8_get_char(s);
	const char *p = g_utf8_next_char(s);
	if (c == '-' && g_str_has_prefix(s, "-->"))
		p = s + 3;
	else if (c == '=' && g_str_has_prefix(s, "=>"))
		p = s + 2;
	else if (!(c == 0xBB || c == 0x203A || c == 0x2192 || c == 0x25B6 || c == 0x25BA || c == 0x279C ||
		   c == 0x27A4 || c == 0x21D2 || c == '>'))
		return false;
	while (p < end && (boiler_is_hspace(g_utf8_get_char(p)) || g_utf8_get_char(p) == '>'))
		p = g_utf8_next_char(p);
	if (p >= end)
		return false;
	gunichar d = g_utf8_get_char(p);
	return g_unichar_isupper(d) || g_unichar_isdigit(d) || d == 0xAB || d == '"' || d == 0x201C;
}

/* Where the prose after the phrase `entry` that opens the line starts
 * ("Continue reading... The airbus makes its maiden flight."), or 0 when
 * what follows is no sentence ("Lire aussi : Kadhafi menace"). */
static size_t
prose_after(const BoilerLook *k, const char *entry)
{
	guint n = tokens_in(entry);
	if (n == 0 || n >= k->toks->len)
		return 0;
	size_t at = g_array_index(k->toks, TextToken, n - 1).end;
	while (at < k->len) {
		gunichar c = g_utf8_get_char(k->s + at);
		if (g_unichar_isalnum(c) || c == 0xAB || c == '"' || c == 0x201C)
			break;
		at = (size_t)(g_utf8_next_char(k->s + at) - k->s);
	}
	if (at >= k->len)
		return 0;
	BoilerLook rest;
	boiler_look_init(&rest, k->s + at, k->len - at, k->lang);
	bool prose = boiler_is_prose(&rest);
	boiler_look_clear(&rest);
	return prose ? at : 0;
}

/* "À lire aussi : …", "Read more", "» Another headline". A sentence glued
 * after the opener stays the story's: *upto is then where it starts. */
static bool
is_teaser(const BoilerLook *k, size_t *upto)
{
	if (k->len > SHORT_LINE)
		return false;
	const char *e = starts_with_phrase(k->fold, k->lang, LANG_TEASER_OPENERS);
	if (e != NULL) {
		size_t at = prose_after(k, e);
		if (at > 0)
			*upto = at;
		return true;
	}
	return starts_with_arrow(k) && !k->end;
}

/* A teaser heading alone on its line: "Sur le même sujet", "Most read". */
bool
boiler_is_teaser_heading(const BoilerLook *k)
{
	const char *e = starts_with_phrase(k->fold, k->lang, LANG_TEASER_OPENERS);
	if (e == NULL)
		return false;
	const char *rest = k->fold + strlen(e);
	while (*rest == ' ' || *rest == ':')
		rest++;
	return *rest == '\0';
}

/* "Abonnez-vous à notre newsletter", "Web + tablette + mobile à partir de
 * 1€": a [promo-words] phrase with a word to the reader, a price or a
 * second such phrase, or a price with a [promo-price-words] phrase, on a
 * line that is no sentence; a sentence is one only with a [promo-words]
 * phrase, a word to the reader and a price or a second phrase. */
static bool
is_promo(const BoilerLook *k)
{
	if (k->len > SHORT_LINE || k->words > 30)
		return false;
	guint n = count_phrases(k->fold, k->lang, LANG_PROMO_WORDS);
	if (boiler_is_prose(k))
		return n > 0 && k->reader > 0 && (k->price || n >= 2);
	if (n > 0 && (k->reader > 0 || k->price || n >= 2))
		return true;
	return k->price && count_phrases(k->fold, k->lang, LANG_PROMO_PRICE_WORDS) > 0;
}

/* "Crédits photo : AFP", "Photograph: Reuters" on a line that is no
 * sentence: a short one, or a caption with the credit in its second half
 * (a credit glued before the story's next sentence leaves it the story's);
 * or a caption all in brackets. */
static bool
is_credit(const BoilerLook *k)
{
	if (k->len > SHORT_LINE || boiler_is_prose(k))
		return false;
	/* a line all in brackets: "(Raid aérien d'un F16, le 27 mars, Reuters)" */
	if (k->s[0] == '(' && k->s[k->len - 1] == ')' && k->len <= SHORT_LINE * 4 / 5)
		return true;
	size_t at = phrase_then_more(k->fold, k->lang, LANG_CREDIT_WORDS);
	return at != SIZE_MAX && (k->len <= SHORT_LINE / 2 || at >= strlen(k->fold) / 2);
}

/* "Monde | Politique | Économie | Culture": three parts or more, each of a
 * few words. */
static bool
is_link_list(const BoilerLook *k)
{
	return k->separators >= 2 && k->words + k->numbers <= (k->separators + 1) * 4 && !boiler_is_prose(k);
}

/* Mostly URLs, @handles and #tags: at most two words beside each
 * ("@handle: #tag #tag http://… 9 hours ago"); a tweet quoted for what it
 * says has more. */
static bool
is_links(const BoilerLook *k)
{
	return k->links > 0 && k->words <= 2 * k->links;
}

/* "Envoyer par email", "Plan du site", "Jump to navigation", "Imprimer": a
 * few words and no sentence end, two of them [navigation-words] (or the
 * only one that is no stop word), and those two thirds of the words that
 * are not stop words. */
static bool
is_navigation(const BoilerLook *k)
{
	if (k->words == 0 || k->words > NAV_WORDS || k->numbers > 1 || k->end)
		return false;
	guint content = k->words - MIN(k->stops, k->words);
	return (k->nav >= 2 || (k->nav == 1 && content <= 1)) && k->nav * 3 >= content * 2;
}

/* "— 10 novembre 2020 —", "Par Jean Dupont", "Publié le 3 mars 2011 à
 * 19h25 - Mis à jour …": only names, dates, numbers, stop and byline
 * words, and a [dateline-cues] phrase, or no sentence end and either a
 * date without a name ("It was December 2001." is a sentence) or a
 * [byline-openers] phrase first. */
static bool
is_byline(const BoilerLook *k)
{
	if (k->other > 0 || k->words + k->numbers == 0 || k->words > BYLINE_WORDS || k->caps)
		return false;
	if (count_phrases(k->fold, k->lang, LANG_DATELINE_CUES) > 0)
		return true;
	if (k->end)
		return false;
	if (k->names == 0 && k->dates > 0 && k->stops * 2 <= k->words)
		return true;
	return starts_with_phrase(k->fold, k->lang, LANG_BYLINE_OPENERS) != NULL;
}

/* A sentence of running text that no rule of boiler_line_kind() could mark,
 * told without reading its words (most lines of an article are): at
 * least PLAIN_WORDS words, a sentence end, none of the symbols the rules
 * look for (© € $ £ • | @ # or a URL), no arrow nor bracket first, and no
 * teaser, comment or byline opener at its start. */
bool
boiler_plain_prose(const char *s, size_t len, FriseLang lang)
{
	/* 1: a blank; 2: a byte that may start a symbol the rules look for */
	static const unsigned char cls[256] = {
		[' '] = 1, ['\t'] = 1, ['@'] = 2, ['#'] = 2, ['|'] = 2, ['$'] = 2, ['('] = 2,
		[0xC2] = 2, [0xE2] = 2, ['h'] = 2, ['w'] = 2,
	};
	size_t words = 0;
	bool in = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (G_UNLIKELY(cls[c] == 2) &&
		    (c == '@' || c == '#' || c == '|' || c == '$' || c == '(' ||
		     (c == 0xC2 && i + 1 < len && ((unsigned char)s[i + 1] == 0xA9 || (unsigned char)s[i + 1] == 0xA3)) ||
		     (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x82 && (unsigned char)s[i + 2] == 0xAC) ||
		     (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xA2) ||
		     ((c == 'h' || c == 'w') && (g_str_has_prefix(s + i, "http") || g_str_has_prefix(s + i, "www.")))))
			return false;
		bool space = cls[c] == 1;
		words += !space && !in;
		in = !space;
	}
	if (words < PLAIN_WORDS)
		return false;
	const char *p = s + len;
	gunichar last = 0;
	while (p > s) {
		p = g_utf8_prev_char(p);
		last = g_utf8_get_char(p);
		if (!is_closing(last) && !boiler_is_hspace(last))
			break;
	}
	if (!is_terminal(last))
		return false;
	gunichar c0 = g_utf8_get_char(s);
	if (!g_unichar_isalnum(c0) && c0 != 0xAB && c0 != '"' && c0 != 0x201C && c0 != '\'')
		return false;
	/* an opener: its first word first, then the first bytes folded */
	const char *w = s;
	while (w < s + len && word_byte(w))
		w = g_utf8_next_char(w);
	char *first = text_fold(s, w - s);
	static const LangList openers[] = { LANG_TEASER_OPENERS, LANG_COMMENT_WORDS, LANG_BYLINE_OPENERS };
	bool maybe = false;
	for (size_t i = 0; i < G_N_ELEMENTS(openers); i++)
		maybe |= opens_phrase(first, lang, openers[i]);
	g_free(first);
	if (!maybe)
		return true;
	size_t n = MIN(len, (size_t)64);
	while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	char *head = norm_fold(s, n);
	bool opener = false;
	for (size_t i = 0; i < G_N_ELEMENTS(openers); i++)
		opener |= starts_with_phrase(head, lang, openers[i]) != NULL;
	g_free(head);
	return !opener;
}

/* The kind a line is by its look, or -1; *upto is left alone when the
 * whole line is that kind, else set to where the story starts again.
 * ORDER BOILER-KIND (the rules are tried about in the order of the kinds). */
int
boiler_line_kind(const BoilerLook *k, size_t *upto)
{
	if (is_link_list(k))
		return FRISE_BOILER_LINK_LIST;
	if (is_reading_time(k))
		return FRISE_BOILER_READING_TIME;
	if (is_copyright(k))
		return FRISE_BOILER_COPYRIGHT;
	if (is_teaser(k, upto))
		return FRISE_BOILER_TEASER;
	if (is_comment_marker(k))
		return FRISE_BOILER_COMMENTS;
	if (is_promo(k))
		return FRISE_BOILER_PROMO;
	if (is_byline(k))
		return FRISE_BOILER_BYLINE;
	if (is_links(k))
		return FRISE_BOILER_LINKS;
	if (is_credit(k))
		return FRISE_BOILER_CREDIT;
	if (is_navigation(k))
		return FRISE_BOILER_NAVIGATION;
	return -1;
}
