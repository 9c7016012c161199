/*
 * boilerplate_cut.c — the chrome glued to the story inside a line (prefix
 * boiler_): exports boiler_cuts() (boilerplate_private.h); every other
 * symbol has file scope. The reader cuts what it finds out of the text
 * (article_cut_text, article_text.c) before any line is judged, so that
 * neither the tagger nor the event stage sees it, and every later offset
 * still maps to the raw bytes.
 *
 * Offsets are byte offsets into FriseArticle.text, end exclusive. The
 * runs found are sorted and apart. Every word comes from the lists of
 * src/lang/xx/words.txt (lang.h): [time-zones], [photo-agencies],
 * [footer-openers], [credit-words], [byline-openers], [dateline-cues],
 * the month and weekday names. Nothing here keeps state between articles.
 *
 * What is cut, by shape (no site, no story word):
 *   - a page's time stamp: a clock with a time-zone word ("18.57 BST"),
 *     with a date before it ("Wednesday 27 July 2005 23.59 BST") or after
 *     it ("07:39 GMT, Wednesday, 27 January 2010") and a byline opener
 *     ("Page last updated at"), that opens a line before more text; or a
 *     date and a clock with a time-zone word inside a line, between a
 *     standfirst and a sentence (cut into a line break, so the title and
 *     its standfirst stay a line of their own);
 *   - a live blog's clocks: when three lines of an article or more open
 *     with a clock written as digits ("1758 European Union…", "17:58"),
 *     the clock of each;
 *   - a photo credit: a [credit-words] cue with a colon, then names
 *     joined by "/" up to the [photo-agencies] word or the photographer's
 *     name ("Photograph: Dennis Cook/AP George Galloway…"), before the
 *     sentence it was glued to; and the caption on the line above it (a
 *     short sentence ending with "." or ")");
 *   - a print footer: a [footer-openers] phrase to the line's end ("This
 *     article appeared on p17 of the Main section").
 */
#include "reader/boilerplate_private.h"
#include "core/lang.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

#define LIVE_CLOCKS 3   /* lines opening with a clock that make a live blog */
#define WORD_MAX 64     /* bytes: a longer token is no date word nor name */
#define YEAR_MIN 1800    /* a bare "HHMM" in [YEAR_MIN, YEAR_MAX] may be a year */
#define YEAR_MAX 2100
#define FOOTER_MAX 250  /* bytes: a footer runs at most this far to the line's end */

/* ------------------------------------------------------------------ */
/* Tokens: runs of non-space characters. */

typedef struct {
	size_t s, e;          /* in the text */
	char fold[WORD_MAX];  /* folded, without the punctuation that closes it (",", ";") */
	size_t core_e;        /* where it ends without that punctuation */
} Tok;

/* The tokens of text[s, e): a new GArray of Tok. */
static GArray *
tokens_of(const char *t, size_t s, size_t e)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(Tok));
	size_t p = s;
	while (p < e) {
		while (p < e && boiler_is_hspace(g_utf8_get_char(t + p)))
			p = (size_t)(g_utf8_next_char(t + p) - t);
		if (p >= e)
			break;
		Tok k = { p, p, "", p };
		while (k.e < e && !boiler_is_hspace(g_utf8_get_char(t + k.e)))
			k.e = (size_t)(g_utf8_next_char(t + k.e) - t);
		k.core_e = k.e;
		while (k.core_e > k.s && strchr(",;", t[k.core_e - 1]) != NULL)
			k.core_e--;
		if (k.core_e - k.s < WORD_MAX) {
			char *f = text_fold(t + k.s, (gssize)(k.core_e - k.s));
			g_strlcpy(k.fold, f, sizeof k.fold);
			g_free(f);
		}
		g_array_append_val(out, k);
		p = k.e;
	}
	return out;
}

static const Tok *
tok(const GArray *ts, guint i)
{
	return &g_array_index(ts, Tok, i);
}

/* ------------------------------------------------------------------ */
/* Date and time words. */

/* A clock written as digits: "18.57", "07:39", "19h25"; with `bare`, also
 * "1758" (hours 00-23, minutes 00-59). */
static bool
is_clock(const char *w, bool bare)
{
	size_t n = strlen(w);
	int h, m;
	if (bare && n == 4 && g_ascii_isdigit(w[0]) && g_ascii_isdigit(w[1]) && g_ascii_isdigit(w[2]) &&
	    g_ascii_isdigit(w[3])) {
		h = (w[0] - '0') * 10 + (w[1] - '0');
		m = (w[2] - '0') * 10 + (w[3] - '0');
		return h < 24 && m < 60;
	}
	if (n < 4 || n > 5 || !g_ascii_isdigit(w[0]))
		return false;
	size_t i = g_ascii_isdigit(w[1]) ? 2 : 1;
	if (i + 3 != n || (w[i] != '.' && w[i] != ':' && w[i] != 'h') || !g_ascii_isdigit(w[i + 1]) ||
	    !g_ascii_isdigit(w[i + 2]))
		return false;
	h = i == 2 ? (w[0] - '0') * 10 + (w[1] - '0') : w[0] - '0';
	m = (w[i + 1] - '0') * 10 + (w[i + 2] - '0');
	return h < 24 && m < 60;
}

static bool
all_digits(const char *w, size_t lo, size_t hi)
{
	size_t n = strlen(w);
	if (n < lo || n > hi)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!g_ascii_isdigit(w[i]))
			return false;
	return true;
}

/* A month's name, as the months lists hold it (exact, any case). */
static bool
is_month(FriseLang lang, const char *t, const Tok *k)
{
	static const LangList lists[] = { LANG_MONTHS, LANG_MONTHS_ABBR };
	size_t n = k->core_e - k->s;
	if (n > 0 && t[k->s + n - 1] == '.')
		n--;
	for (size_t l = 0; l < G_N_ELEMENTS(lists); l++) {
		const LangWords *w = lang_list(lang, lists[l]);
		for (guint i = 0; i < w->n; i++)
			if (boiler_ascii_lower((unsigned char)w->items[i][0]) == boiler_ascii_lower((unsigned char)t[k->s]) &&
			    strlen(w->items[i]) == n && g_ascii_strncasecmp(w->items[i], t + k->s, n) == 0)
				return true;
	}
	return false;
}

typedef enum { DW_NONE, DW_WEEKDAY, DW_DAY, DW_MONTH, DW_YEAR, DW_CLOCK, DW_ZONE, DW_GLUE } DateWord;

/* What a token is in a time stamp. Glue ("-", "at", "on") only joins the
 * others. */
static DateWord
date_word(FriseLang lang, const char *t, const Tok *k)
{
	const char *w = k->fold;
	if (*w == '\0')
		return DW_NONE;
	if (is_clock(w, false))
		return DW_CLOCK;
	if (all_digits(w, 4, 4) && (w[0] == '1' || w[0] == '2'))
		return DW_YEAR;
	if (all_digits(w, 1, 2) && atoi(w) >= 1 && atoi(w) <= 31)
		return DW_DAY;
	if (lang_has(lang, LANG_WEEKDAYS, w))
		return DW_WEEKDAY;
	if (is_month(lang, t, k))
		return DW_MONTH;
	if (lang_has(lang, LANG_TIME_ZONES, w))
		return DW_ZONE;
	if (strcmp(w, "-") == 0 || strcmp(w, "\xE2\x80\x93") == 0 || lang_has(lang, LANG_TIME_PREPOSITIONS, w))
		return DW_GLUE;
	return DW_NONE;
}

/* A time stamp from token i on, `dw` holding what each of the line's
 * `len` tokens is (date_word): its tokens (*n) as long as they are date
 * words, not ending on glue. True when it holds a clock with a time-zone
 * word after it; *dated when it also holds a day, a month and a year, or
 * a weekday. */
static bool
stamp_at(const DateWord *dw, guint len, guint i, guint *n, bool *dated)
{
	bool zoned = false, day = false, month = false, year = false, weekday = false;
	guint last = i, k = i;
	for (; k < len; k++) {
		DateWord d = dw[k];
		if (d == DW_NONE)
			break;
		if (d == DW_GLUE)
			continue;
		if (d == DW_ZONE) {
			if (k == i || dw[k - 1] != DW_CLOCK)
				break;
			zoned = true;
		}
		day |= d == DW_DAY;
		month |= d == DW_MONTH;
		year |= d == DW_YEAR;
		weekday |= d == DW_WEEKDAY;
		last = k;
	}
	*n = last - i + 1;
	*dated = (day && month && year) || weekday;
	return zoned && dw[i] != DW_GLUE;
}

/* ------------------------------------------------------------------ */
/* Cuts. */

static void
add_cut(GArray *cuts, size_t s, size_t e, FriseBoilerKind kind, bool newline)
{
	if (e <= s)
		return;
	if (cuts->len > 0 && g_array_index(cuts, BoilerCut, cuts->len - 1).span.end > s)
		return; /* overlaps the one before: keep that one */
	BoilerCut c = { { s, e }, kind, newline };
	g_array_append_val(cuts, c);
}

/* Where the words after token i start (the next token), or `le`. */
static size_t
next_start(const GArray *ts, guint i, size_t le)
{
	return i + 1 < ts->len ? tok(ts, i + 1)->s : le;
}

/* A byline opener first ("Page last updated at", "Last updated:",
 * "Published:"): how many tokens it takes, else 0. */
static guint
opener_tokens(FriseLang lang, const char *t, const BoilerLine *l, const GArray *ts)
{
	static const LangList lists[] = { LANG_BYLINE_OPENERS, LANG_DATELINE_CUES };
	size_t from = tok(ts, 0)->s;
	for (size_t li = 0; li < G_N_ELEMENTS(lists); li++) {
		const LangWords *w = lang_list(lang, lists[li]);
		for (guint k = 0; k < w->n; k++) {
			size_t m = text_match_prefix(t + from, l->e - from, w->items[k]);
			if (m == 0)
				continue;
			size_t end = from + m;
			if (end < l->e && t[end] == ':')
				end++;
			if (end < l->e && !boiler_is_hspace(g_utf8_get_char(t + end)))
				continue;
			guint n = 0;
			while (n < ts->len && tok(ts, n)->s < end)
				n++;
			return n;
		}
	}
	return 0;
}

/* Time stamps: at the line's start (after a byline opener or not), before
 * more text; inside the line, dated, between two runs of text. */
static void
find_stamps(const FriseArticle *a, const BoilerLine *l, const GArray *ts, GArray *cuts)
{
	const char *t = a->text;
	guint n;
	bool dated;
	/* what each token is, once: a stamp is looked for from every token */
	DateWord *dw = g_new(DateWord, ts->len);
	for (guint i = 0; i < ts->len; i++)
		dw[i] = date_word(a->lang, t, tok(ts, i));
	guint open = opener_tokens(a->lang, t, l, ts);
	while (open > 0 && open < ts->len && dw[open] == DW_GLUE)
		open++; /* "Page last updated at 07:39 GMT" */
	if (open < ts->len && stamp_at(dw, ts->len, open, &n, &dated) && open + n < ts->len) {
		add_cut(cuts, l->s, next_start(ts, open + n - 1, l->e), FRISE_BOILER_TIMESTAMP, false);
		g_free(dw);
		return;
	}
	for (guint i = 1; i + 1 < ts->len; i++) {
		if (dw[i - 1] != DW_NONE) /* "at 12.00 GMT", "on Friday 8 May": inside a sentence */
			continue;
		if (!stamp_at(dw, ts->len, i, &n, &dated) || !dated || i + n >= ts->len)
			continue;
		DateWord first = dw[i];
		if (first != DW_WEEKDAY && first != DW_DAY && first != DW_CLOCK)
			continue;
		/* the text before is no sentence that runs into it ("...the Guardian on") */
		size_t s = tok(ts, i - 1)->e, e = next_start(ts, i + n - 1, l->e);
		add_cut(cuts, s, e, FRISE_BOILER_TIMESTAMP, true);
		i += n;
	}
	g_free(dw);
}

/* The clock a line opens with, as a live blog writes it ("1758", "17:58",
 * "17h58", then " :" or " -"), before a word with a capital or a quote:
 * where the words after it start, or 0. */
static size_t
live_clock(const char *t, const BoilerLine *l, const GArray *ts)
{
	if (ts->len < 3 || !is_clock(tok(ts, 0)->fold, true))
		return 0;
	guint i = 1;
	const char *w = tok(ts, 1)->fold;
	if (strcmp(w, ":") == 0 || strcmp(w, "-") == 0 || strcmp(w, "\xE2\x80\x93") == 0)
		i = 2;
	if (i >= ts->len)
		return 0;
	gunichar c = g_utf8_get_char(t + tok(ts, i)->s);
	if (!g_unichar_isupper(c) && c != '"' && c != 0x201C && c != 0xAB)
		return 0;
	(void)l;
	return tok(ts, i)->s;
}

/* A name word of a credit: a capital or a digit first ("AFP", "Lopez-Mills",
 * "KPA"); `inner` also takes a short word in small letters ("de", "of"). */
static bool
name_word(const char *s, size_t n, bool inner)
{
	if (n == 0)
		return false;
	gunichar c = g_utf8_get_char(s);
	if (g_unichar_isupper(c) || g_unichar_isdigit(c))
		return !(s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == ',');
	return inner && n <= 3 && g_unichar_islower(c) && g_utf8_strlen(s, (gssize)n) == (glong)n;
}

/* One word of a credit, with where it starts a part (after a "/"). */
typedef struct {
	size_t s, e;
	bool part; /* the first word of a part after a "/" */
} CreditWord;

static bool
is_agency(FriseLang lang, const char *t, const CreditWord *w)
{
	char *f = text_fold(t + w->s, (gssize)(w->e - w->s));
	bool yes = lang_has(lang, LANG_PHOTO_AGENCIES, f);
	g_free(f);
	return yes;
}

/* "Images", "Pictures" after an agency ("Getty Images"), when a capital
 * follows (the sentence), not "PA Images of British soldiers". */
static bool
agency_suffix(const char *t, const CreditWord *w, const CreditWord *next)
{
	static const char *const suffixes[] = { "images", "pictures", "photos" };
	char *f = text_fold(t + w->s, (gssize)(w->e - w->s));
	bool yes = TEXT_IN_TABLE(suffixes, f);
	g_free(f);
	return yes && next != NULL && g_unichar_isupper(g_utf8_get_char(t + next->s));
}

/* The credit after a cue ("Dennis Cook/AP", "Carl de Souza/AFP/Getty
 * Images", "PA", "Paul McErlane") from token i on: where the sentence
 * after it starts, or 0. */
static size_t
credit_end(FriseLang lang, const char *t, const GArray *ts, guint i)
{
	GArray *ws = g_array_new(FALSE, FALSE, sizeof(CreditWord));
	bool stop = false;
	for (guint k = i; k < ts->len && !stop && ws->len < 16; k++) {
		const Tok *x = tok(ts, k);
		bool first = true;
		for (size_t p = x->s; p < x->e;) {
			/* "Cook\/AP": a "/" (escaped or not) starts a part */
			size_t q = p;
			while (q < x->e && t[q] != '/' && !(t[q] == '\\' && q + 1 < x->e && t[q + 1] == '/'))
				q++;
			bool part = !first;
			CreditWord w = { p, q, part };
			bool inner = ws->len > 0 && !part && !(first && k == i);
			if (!name_word(t + p, q - p, inner)) {
				stop = true;
				break;
			}
			g_array_append_val(ws, w);
			first = false;
			if (q >= x->e)
				break;
			p = q + (t[q] == '\\' ? 2 : 1);
			if (p >= x->e) {
				stop = true; /* "Reuters/" then a space */
				break;
			}
		}
	}
	/* the last part's first word */
	guint lastp = 0;
	for (guint k = 0; k < ws->len; k++)
		if (g_array_index(ws, CreditWord, k).part)
			lastp = k;
	size_t end = 0;
	guint n = ws->len - lastp; /* words from the last part on */
	const CreditWord *w0 = ws->len > 0 ? &g_array_index(ws, CreditWord, lastp) : NULL;
	if (w0 != NULL && is_agency(lang, t, w0)) {
		guint take = 1;
		if (n > 1 && agency_suffix(t, &g_array_index(ws, CreditWord, lastp + 1),
					   n > 2 ? &g_array_index(ws, CreditWord, lastp + 2) : NULL))
			take = 2;
		if (n > take)
			end = g_array_index(ws, CreditWord, lastp + take - 1).e;
	} else if (w0 != NULL && n >= 3) {
		/* a photographer's name, a first and a last, before the sentence */
		const CreditWord *a = &g_array_index(ws, CreditWord, lastp);
		const CreditWord *b = &g_array_index(ws, CreditWord, lastp + 1);
		if (!(g_unichar_islower(g_utf8_get_char(t + a->s)) || g_unichar_islower(g_utf8_get_char(t + b->s))))
			end = b->e;
	}
	g_array_unref(ws);
	return end;
}

/* The bytes of a credit cue ("Photograph:") line `l` opens with, or 0. */
static size_t
credit_prefix(FriseLang lang, const char *t, const BoilerLine *l)
{
	const LangWords *w = lang_list(lang, LANG_CREDIT_WORDS);
	for (guint k = 0; k < w->n; k++) {
		const char *e = w->items[k];
		size_t m = e[strlen(e) - 1] == ':' ? text_match_prefix(t + l->s, l->e - l->s, e) : 0;
		if (m > 0)
			return m;
	}
	return 0;
}

/* A credit cue with a colon that opens the line ("Photograph:", "Photo :"):
 * how many tokens it takes, else 0. */
static guint
credit_cue(FriseLang lang, const char *t, const BoilerLine *l, const GArray *ts)
{
	size_t m = credit_prefix(lang, t, l);
	if (m == 0)
		return 0;
	guint n = 0;
	while (n < ts->len && tok(ts, n)->s < l->s + m)
		n++;
	return n;
}

/* A print footer from a [footer-openers] phrase at a word's start to the
 * line's end: where it starts, or SIZE_MAX. Word starts are found in the
 * text, so that a line needs no tokens for it. */
static size_t
footer_at(FriseLang lang, const char *t, const BoilerLine *l)
{
	const LangWords *w = lang_list(lang, LANG_FOOTER_OPENERS);
	size_t x = l->s;
	if (l->e - l->s > FOOTER_MAX) {
		/* no word that starts before the last FOOTER_MAX bytes can
		 * open one: from the first word start after that (a line is
		 * walked from its end, not from its start) */
		x = l->e - FOOTER_MAX;
		while (((unsigned char)t[x] & 0xC0) == 0x80)
			x++;
		if (!boiler_is_hspace(g_utf8_get_char(g_utf8_prev_char(t + x))))
			while (x < l->e && !boiler_is_hspace(char_at(t, &x)))
				;
	}
	while (x < l->e) {
		size_t next = x;
		gunichar c = char_at(t, &next);
		if (boiler_is_hspace(c)) {
			x = next;
			continue;
		}
		/* a word starts at x: an opener whose first byte folds as its
		 * own may start there (text_match_prefix folds the rest) */
		for (guint k = 0; k < w->n; k++) {
			unsigned char p0 = (unsigned char)w->items[k][0];
			if ((c >= 0x80 || p0 >= 0x80 || boiler_ascii_lower((unsigned char)c) == boiler_ascii_lower(p0)) &&
			    text_match_prefix(t + x, l->e - x, w->items[k]) > 0)
				return x;
		}
		x = next;
		while (x < l->e) {
			size_t after = x;
			if (boiler_is_hspace(char_at(t, &after)))
				break;
			x = after;
		}
	}
	return SIZE_MAX;
}

/* True when text[s, e) holds an ASCII digit: every clock, so every time
 * stamp and live-blog clock, has one (text_fold() makes no digit of
 * another character). Most lines have none and need no tokens. */
static bool
has_digit(const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (g_ascii_isdigit(t[i]))
			return true;
	return false;
}

/* True when line `l` holds a character that is no blank. */
static bool
has_text(const char *t, const BoilerLine *l)
{
	for (size_t x = l->s; x < l->e; x = (size_t)(g_utf8_next_char(t + x) - t))
		if (!boiler_is_hspace(g_utf8_get_char(t + x)))
			return true;
	return false;
}

static void
tokens_free(gpointer ts)
{
	if (ts != NULL)
		g_array_unref(ts);
}

GArray *
boiler_cuts(const FriseArticle *a)
{
	const char *t = a->text;
	GArray *cuts = g_array_new(FALSE, FALSE, sizeof(BoilerCut));
	GArray *lines = boiler_lines_of(t, a->body.start, a->body.end);
	/* the tokens of each line with a digit (NULL for the others until a
	 * credit or a footer needs them) */
	GPtrArray *toks = g_ptr_array_new_with_free_func(tokens_free);
	guint clocks = 0;
	bool no_year = false; /* one of them cannot be a year ("1758", "0000", "17:58") */
	for (guint i = 0; i < lines->len; i++) {
		const BoilerLine *l = &g_array_index(lines, BoilerLine, i);
		GArray *ts = has_digit(t, l->s, l->e) ? tokens_of(t, l->s, l->e) : NULL;
		g_ptr_array_add(toks, ts);
		if (ts != NULL && live_clock(t, l, ts) > 0) {
			const char *w = tok(ts, 0)->fold;
			clocks++;
			no_year |= !all_digits(w, 4, 4) || atoi(w) < YEAR_MIN || atoi(w) > YEAR_MAX;
		}
	}
	if (!no_year)
		clocks = 0; /* "1990 Iraq invades Kuwait": a chronology's years */
	size_t caption = SIZE_MAX, caption_end = 0; /* the last run of text of the line before */
	for (guint i = 0; i < lines->len; i++) {
		const BoilerLine *l = &g_array_index(lines, BoilerLine, i);
		if (toks->pdata[i] == NULL) {
			/* no digit: no stamp and no clock; only a credit or a footer */
			if (credit_prefix(a->lang, t, l) == 0 && footer_at(a->lang, t, l) == SIZE_MAX) {
				if (has_text(t, l)) {
					caption = l->s;
					caption_end = l->e;
				}
				continue;
			}
			toks->pdata[i] = tokens_of(t, l->s, l->e);
		}
		const GArray *ts = toks->pdata[i];
		if (ts->len == 0)
			continue;
		guint before = cuts->len;
		bool credit_above = caption == SIZE_MAX;
		guint cue = credit_cue(a->lang, t, l, ts);
		size_t at = cue > 0 && cue < ts->len ? credit_end(a->lang, t, ts, cue) : 0;
		if (at > 0) {
			/* the caption above: the rest of the line before, when short
			 * and a sentence (a title above a credit is no caption) */
			if (!credit_above && caption_end - caption <= SHORT_LINE && caption_end > caption &&
			    strchr(".)", t[caption_end - 1]) != NULL)
				add_cut(cuts, caption, caption_end, FRISE_BOILER_CREDIT, false);
			while (at < l->e && boiler_is_hspace(g_utf8_get_char(t + at)))
				at = (size_t)(g_utf8_next_char(t + at) - t);
			add_cut(cuts, l->s, at, FRISE_BOILER_CREDIT, false);
			caption = SIZE_MAX; /* no caption for a credit below: this line is the story's */
			continue;
		} else if (clocks >= LIVE_CLOCKS && (at = live_clock(t, l, ts)) > 0) {
			add_cut(cuts, l->s, at, FRISE_BOILER_TIMESTAMP, false);
		} else {
			find_stamps(a, l, ts, cuts);
		}
		size_t f = footer_at(a->lang, t, l);
		if (f != SIZE_MAX) {
			size_t s = f;
			while (s > l->s && boiler_is_hspace(g_utf8_get_char(g_utf8_prev_char(t + s))))
				s = (size_t)(g_utf8_prev_char(t + s) - t);
			if (cuts->len == 0 || g_array_index(cuts, BoilerCut, cuts->len - 1).span.end <= s)
				add_cut(cuts, s, l->e, FRISE_BOILER_FOOTER, false);
		}
		/* where this line's last run of text starts, for a credit below */
		caption = l->s;
		caption_end = l->e;
		for (guint k = before; k < cuts->len; k++) {
			const BoilerCut *c = &g_array_index(cuts, BoilerCut, k);
			if (c->span.end >= l->e)
				caption = SIZE_MAX; /* cut to its end already */
			else if (c->newline || c->span.start == l->s)
				caption = c->span.end;
		}
	}
	g_ptr_array_unref(toks);
	g_array_unref(lines);
	return cuts;
}
