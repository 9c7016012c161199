/*
 * text.c — folding, words, phrases and sentences (prefix text_; see
 * text.h). Offsets are byte offsets into the text given, end exclusive.
 * GLib gives NFD and case folding; which bytes make a word, where a
 * sentence ends and what counts as an abbreviation are frise's own rules,
 * written here once for every stage.
 */
#include "core/text.h"
#include "core/lang.h"

#include <string.h>

bool
text_in_table(const char *const *table, size_t n, const char *word)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i], word) == 0)
			return true;
	return false;
}


/* ------------------------------------------------------------------ */
/* Folding and words                                                   */

/* U+00C0..U+00FF as text_fold() folds them: the one ASCII letter NFD
 * leaves once its marks are dropped, lower-cased; 0 for the characters
 * that fold otherwise (æ, ð, ø, ß and þ keep a letter of their own, ß
 * becomes "ss") and for × and ÷. */
const char text_latin1_fold[64] =
	"aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0"
	"aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";

/* Folded copy of text[0, len): NFD, combining marks dropped, case-folded,
 * ’ turned into '. Returns a new string. */
char *
text_fold(const char *text, gssize len)
{
	/* ASCII is its own NFD and folds to its lower case; a Latin-1 letter
	 * of text_latin1_fold and ’ ‘ fold to one ASCII byte: most words are
	 * only these, folded here byte by byte */
	size_t n = len < 0 ? strlen(text) : (size_t)len;
	const unsigned char *u = (const unsigned char *)text;
	char *out = g_malloc(n + 1);
	size_t i = 0, o = 0;
	while (i < n) {
		if (u[i] < 0x80 && u[i] != 0) {
			out[o++] = g_ascii_tolower(text[i]);
			i++;
		} else if (u[i] == 0xC3 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0xBF &&
			   text_latin1_fold[u[i + 1] - 0x80] != 0) {
			out[o++] = text_latin1_fold[u[i + 1] - 0x80];
			i += 2;
		} else if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0x98 || u[i + 2] == 0x99)) {
			out[o++] = '\'';
			i += 3;
		} else {
			break;
		}
	}
	if (i == n) {
		out[o] = '\0';
		return out;
	}
	g_free(out);
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

static void
token_clear(TextToken *t)
{
	g_free(t->folded);
}

/* The words (letters and digits; "-" inside a word kept) of text[0, len). */
GArray *
text_tokens(const char *text, size_t len)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(TextToken));
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
		TextToken t = { (size_t)(w - text), (size_t)(p - text), text_fold(w, p - w) };
		g_array_append_val(a, t);
	}
	return a;
}

/* True when the folded phrase `phrase` (words separated by spaces or
 * apostrophes) occurs at token i of `toks`: each phrase word must equal
 * its token, except that with `prefix` the last one need only start it
 * ("action en just" matches "action en justice"). Sets *last to the
 * index of the last token matched. */
bool
text_phrase_at(const GArray *toks, guint i, const char *phrase, bool prefix, guint *last)
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
		const char *w = g_array_index(toks, TextToken, k).folded;
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

bool
text_has_phrase(const GArray *toks, const char *const *table, size_t n)
{
	for (guint i = 0; i < toks->len; i++)
		for (size_t j = 0; j < n; j++)
			if (text_phrase_at(toks, i, table[j], false, NULL))
				return true;
	return false;
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
abbreviation_before(const char *text, size_t lo, size_t dot, FriseLang lang)
{
	size_t s = dot;
	while (s > lo && text[s - 1] != ' ' && text[s - 1] != '\n' && text[s - 1] != '(' &&
	       text[s - 1] != '\t' && (unsigned char)text[s - 1] != 0xa0)
		s--;
	if (s == dot)
		return false;
	char *w = g_strndup(text + s, dot - s);
	char *f = text_fold(w, -1);
	bool abbr = lang_has(lang, LANG_ABBREVIATIONS, f);
	g_free(f);
	/* "J.-C", "U.S": a dot inside the word */
	if (!abbr && strchr(w, '.') != NULL && g_unichar_isalpha(g_utf8_get_char(w)))
		abbr = true;
	/* an initial: one capital letter */
	if (!abbr && g_utf8_strlen(w, -1) == 1 && g_unichar_isupper(g_utf8_get_char(w)))
		abbr = true;
	g_free(w);
	return abbr;
}

/* A sentence longer than this is cut: at the first comma, semicolon or
 * colon after it, or at any space after 1.5 times it. News sentences are
 * far shorter; a page that never ends one (a list joined by commas, a
 * scrape without stops) would otherwise make every later stage, which
 * reads a date's whole sentence, cost the sentence's length per date. */
#define SENTENCE_MAX 1500

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
text_sentences(const char *text, size_t start, size_t end, FriseLang lang)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(FriseSentence));
	size_t s = start, p = start;
	int depth = 0;
	while (p < end) {
		unsigned char b = (unsigned char)text[p];
		if (b >= 0x20 && b < 0x80 && b != '.' && b != '!' && b != '?' && p - s < SENTENCE_MAX) {
			p++;   /* most of the text: ASCII that ends nothing (said below for all) */
			continue;
		}
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
		if (p - s >= SENTENCE_MAX && next < end && text[next] == ' ' &&
		    (c == ',' || c == ';' || c == ':' || p - s >= SENTENCE_MAX * 3 / 2)) {
			emit_sentence(out, text, s, next);
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
		bool abbr = c == '.' && run == 1 && abbreviation_before(text, s, dot, lang);
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
		/* "à Milan.Les analystes": a scrape that lost the space; a period
		 * after two small letters then a capitalised word (not "U.S.",
		 * not "3.5", not "J.-C.") ends a sentence too */
		const char *p1 = dot >= 2 ? g_utf8_find_prev_char(text, text + dot) : NULL;
		const char *p2 = p1 != NULL ? g_utf8_find_prev_char(text, p1) : NULL; /* NULL: "é." opens the text */
		bool glued = !space && c == '.' && run == 1 && after == q && k < end && p2 != NULL &&
			     g_unichar_islower(g_utf8_get_char(p1)) && g_unichar_islower(g_utf8_get_char(p2)) &&
			     g_unichar_isupper(g_utf8_get_char(text + k)) &&
			     k + 1 < end && g_unichar_islower(g_utf8_get_char(g_utf8_next_char(text + k)));
		bool split = !abbr && depth == 0 &&
			     (k >= end || text[k] == '\n' ||
			      (space && is_sentence_start(g_utf8_get_char(text + k))) || glued);
		if (split) {
			emit_sentence(out, text, s, after);
			s = after;
		}
		p = after > q ? after : q;
	}
	emit_sentence(out, text, s, end);
	return out;
}

gunichar
text_fold_char(gunichar c)
{
	if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
		return '\'';
	if (c == 0xA0 || c == 0x202F)
		return ' ';
	return g_unichar_tolower(c);
}

/* g_ascii_tolower(), inlined for the loop below. */
static inline unsigned char
ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

size_t
text_match_prefix(const char *s, size_t len, const char *pattern)
{
	const char *p = pattern, *q = s, *end = s + len;
	while (*p != '\0') {
		if (q >= end)
			return 0;
		if ((unsigned char)*p < 0x80 && (unsigned char)*q < 0x80) {
			/* both ASCII: the fold is the ASCII lower case (the
			 * common case, and most calls stop at the first byte) */
			if (ascii_lower((unsigned char)*p) != ascii_lower((unsigned char)*q))
				return 0;
			p++;
			q++;
			continue;
		}
		if (text_fold_char(g_utf8_get_char(q)) != text_fold_char(g_utf8_get_char(p)))
			return 0;
		p = g_utf8_next_char(p);
		q = g_utf8_next_char(q);
	}
	return (size_t)(q - s);
}
