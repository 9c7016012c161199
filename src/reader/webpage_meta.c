/*
 * webpage_meta.c — a web page's metadata (prefix webpage_): exports
 * webpage_read_meta and webpage_similarity (webpage_private.h).
 *
 * Each field is taken from the first source, in the order of the tables
 * below, that gives a usable value; `from` names that source. Sources
 * agree or disagree on the title, so it is chosen by agreement: a title
 * that is only the site's name is set aside, a " | Site" or " - Site"
 * suffix goes when Site is the site's name (or its host), and the
 * <title> or <h1> of a page without metadata is taken where the other
 * confirms it. JSON-LD is read with cJSON: objects at the top, in arrays,
 * in "@graph" and as a WebPage's "mainEntity", the first of an article
 * type (NewsArticle, BlogPosting, …) being the article's.
 *
 * Dates come out as ISO 8601 with the precision and the UTC offset the
 * page gives ("2015-07-24T05:36:09+01:00", "2015-04-30"); text dates
 * ("April 28, 2019 at 6:01 am", "30 avril 2015 à 07h19") are read with
 * the month names of every language of src/lang/ (month_of()). URLs come
 * out absolute (http or https only), without control characters, spaces
 * and non-ASCII bytes percent-encoded.
 */
#include "core/lang.h"
#include "core/text.h"
#include "reader/webpage_private.h"

#include <cjson/cJSON.h>
#include <string.h>

#define TITLE_MAX 400   /* bytes: a longer candidate is no title */
#define BYLINE_MAX 100  /* characters of a byline found in the text (as readers do) */
#define H1_MAX 16       /* <h1> elements looked at */

/* ------------------------------------------------------------------ */
/* Text helpers. */

/* Decodes the entities a page sometimes escapes twice in its metadata
 * ("&amp;#039;" read as "&#039;"): &amp; &quot; &apos; &lt; &gt; &nbsp;
 * and numeric references. Returns a new string. */
static char *
unescape(const char *s)
{
	static const struct {
		const char *name;
		gunichar c;
	} names[] = { { "amp;", '&' }, { "quot;", '"' }, { "apos;", '\'' }, { "lt;", '<' }, { "gt;", '>' },
		      { "nbsp;", 0xA0 } };
	GString *out = g_string_sized_new(strlen(s));
	for (const char *p = s; *p != '\0';) {
		if (*p != '&') {
			g_string_append_c(out, *p++);
			continue;
		}
		bool done = false;
		for (size_t k = 0; k < G_N_ELEMENTS(names) && !done; k++)
			if (g_str_has_prefix(p + 1, names[k].name)) {
				g_string_append_unichar(out, names[k].c);
				p += 1 + strlen(names[k].name);
				done = true;
			}
		if (!done && p[1] == '#') {
			const char *q = p + 2;
			int base = 10;
			if (*q == 'x' || *q == 'X')
				base = 16, q++;
			char *end = NULL;
			unsigned long v = strtoul(q, &end, base);
			if (end != q && end != NULL && *end == ';' && end - q <= 8) {
				if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
					v = 0xFFFD;
				g_string_append_unichar(out, (gunichar)v);
				p = end + 1;
				done = true;
			}
		}
		if (!done)
			g_string_append_c(out, *p++);
	}
	return g_string_free(out, FALSE);
}

/* A metadata value made presentable: entities decoded, white space
 * collapsed; NULL when nothing is left. Returns a new string. */
static char *
clean(const char *v)
{
	if (v == NULL)
		return NULL;
	char *s = webpage_collapse(unescape(v));
	if (!g_utf8_validate(s, -1, NULL)) {
		char *t = g_utf8_make_valid(s, -1);
		g_free(s);
		s = t;
	}
	if (*s == '\0') {
		g_free(s);
		return NULL;
	}
	return s;
}

/* Lowercase letters and digits of s: what two titles must share to be
 * "the same". Returns a new string. */
static char *
key_of(const char *s)
{
	GString *k = g_string_new(NULL);
	if (s == NULL)
		return g_string_free(k, FALSE);
	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_isalnum(c))
			g_string_append_unichar(k, g_unichar_tolower(c));
	}
	return g_string_free(k, FALSE);
}

static bool
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return false;
	char *ka = key_of(a), *kb = key_of(b);
	bool same = *ka != '\0' && strcmp(ka, kb) == 0;
	g_free(ka);
	g_free(kb);
	return same;
}

/* Words (letters and digits) of s, lowercased, in a new array. */
static GPtrArray *
words_of(const char *s)
{
	GPtrArray *w = g_ptr_array_new_with_free_func(g_free);
	GString *cur = g_string_new(NULL);
	for (const char *p = s;; p = g_utf8_next_char(p)) {
		gunichar c = *p != '\0' ? g_utf8_get_char(p) : 0;
		if (c != 0 && g_unichar_isalnum(c)) {
			g_string_append_unichar(cur, g_unichar_tolower(c));
			continue;
		}
		if (cur->len > 0)
			g_ptr_array_add(w, g_strdup(cur->str));
		g_string_truncate(cur, 0);
		if (c == 0)
			break;
	}
	g_string_free(cur, TRUE);
	return w;
}

double
webpage_similarity(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return 0;
	GPtrArray *wa = words_of(a), *wb = words_of(b);
	GHashTable *set = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < wa->len; i++)
		g_hash_table_add(set, wa->pdata[i]);
	size_t total = 0, unique = 0;
	for (guint i = 0; i < wb->len; i++) {
		size_t l = strlen(wb->pdata[i]) + (i > 0);
		total += l;
		if (!g_hash_table_contains(set, wb->pdata[i]))
			unique += l;
	}
	double sim = wa->len == 0 || wb->len == 0 || total == 0 ? 0 : 1.0 - (double)unique / (double)total;
	g_hash_table_destroy(set);
	g_ptr_array_unref(wa);
	g_ptr_array_unref(wb);
	return sim;
}

static size_t
word_count(const char *s)
{
	GPtrArray *w = words_of(s);
	size_t n = w->len;
	g_ptr_array_unref(w);
	return n;
}

/* ------------------------------------------------------------------ */
/* The items of the document. */

/* The first item with `key`, or NULL. With `with_value`, items without a
 * value (an element's text) are skipped. */
static const WebpageMetaItem *
item(const WebpageDoc *doc, const char *key, bool with_value)
{
	for (guint i = 0; i < doc->meta->len; i++) {
		const WebpageMetaItem *m = &g_array_index(doc->meta, WebpageMetaItem, i);
		if (strcmp(m->key, key) == 0 && (!with_value || (m->value != NULL && *m->value != '\0')))
			return m;
	}
	return NULL;
}

/* The value of an item, or the text of its element. Returns a new
 * string, or NULL. */
static char *
item_text(const WebpageDoc *doc, const WebpageMetaItem *m)
{
	if (m == NULL)
		return NULL;
	if (m->value != NULL)
		return clean(m->value);
	char *t = webpage_node_text(doc, m->node);
	char *c = clean(t);
	g_free(t);
	return c;
}

/* Sets f from the first of `keys` (item keys) that has a usable value,
 * `accept` (may be NULL) deciding what is usable and returning the value
 * to keep (new string) or NULL. */
typedef struct {
	const char *key;  /* item key */
	const char *from; /* provenance */
} Source;

typedef char *(*Accept)(const char *value, const void *data);

static bool
set_field(WebpageField *f, char *value, const char *from)
{
	if (value == NULL)
		return false;
	f->value = value;
	f->from = from;
	return true;
}

/* With accept_url, values are given as written (entities decoded): a URL
 * is checked before any white space is collapsed. */
static char *accept_url(const char *v, const void *base);

static bool
from_items(const WebpageDoc *doc, WebpageField *f, const Source *src, size_t n, Accept accept,
	   const void *data)
{
	for (size_t k = 0; k < n; k++)
		for (guint i = 0; i < doc->meta->len; i++) {
			const WebpageMetaItem *m = &g_array_index(doc->meta, WebpageMetaItem, i);
			if (strcmp(m->key, src[k].key) != 0)
				continue;
			char *v = accept == accept_url ? (m->value != NULL ? unescape(m->value) : NULL) : item_text(doc, m);
			if (v == NULL)
				continue;
			char *kept = accept != NULL ? accept(v, data) : g_strdup(v);
			g_free(v);
			if (set_field(f, kept, src[k].from))
				return true;
		}
	return false;
}

/* ------------------------------------------------------------------ */
/* Dates. */

/*
 * Month names are the languages' own (src/lang/xx/words.txt, [months] and
 * [months-abbr]): every language's, since a page may write its dates in
 * another language than its text. Looked up folded ("Février", "fevrier"
 * -> 2), an abbreviation without its '.' ("janv." -> "janv"); a language
 * added to src/lang/ brings its names with it. The table is built once,
 * never freed, like the lists it mirrors.
 */
static int
month_of(const char *w)
{
	static GHashTable *months;
	if (g_once_init_enter(&months)) {
		GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
		static const LangList lists[] = { LANG_MONTHS, LANG_MONTHS_ABBR };
		for (int l = FRISE_LANG_UNKNOWN + 1; l < FRISE_LANG_COUNT; l++)
			for (size_t j = 0; j < G_N_ELEMENTS(lists); j++) {
				const LangWords *m = lang_list((FriseLang)l, lists[j]);
				for (guint k = 0; k < m->n && k < 12; k++) {
					char *f = text_fold(m->items[k], (gssize)strcspn(m->items[k], "."));
					if (*f == '\0' || g_hash_table_contains(h, f))
						g_free(f);
					else
						g_hash_table_insert(h, f, GINT_TO_POINTER((int)k + 1));
				}
			}
		g_once_init_leave(&months, h);
	}
	char *f = text_fold(w, -1);
	int m = GPOINTER_TO_INT(g_hash_table_lookup(months, f));
	g_free(f);
	return m;
}

static int
digits_at(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!g_ascii_isdigit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static bool
valid_ymd(int y, int m, int d)
{
	return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	       g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

/* Reads "HH:MM[:SS[.frac]]" at *s; -1 when absent. */
static int
read_hms(const char **s, int *mi, int *se)
{
	const char *p = *s;
	int h = digits_at(p, 2);
	if (h < 0 || h > 23 || p[2] != ':')
		return -1;
	int m = digits_at(p + 3, 2);
	if (m < 0 || m > 59)
		return -1;
	p += 5;
	*se = -1;
	if (*p == ':' && digits_at(p + 1, 2) >= 0 && digits_at(p + 1, 2) <= 60) {
		*se = digits_at(p + 1, 2);
		p += 3;
		if (*p == '.' || *p == ',')
			for (p++; g_ascii_isdigit(*p); p++)
				;
	}
	*mi = m;
	*s = p;
	return h;
}

/* Reads a UTC offset at *s ("Z", "+01:00", "+0100", "-04", " UTC", " GMT")
 * into buf as written, in the form "Z" or "+01:00"; false when there is
 * none. */
static bool
read_zone(const char **s, char *buf)
{
	const char *p = *s;
	while (*p == ' ')
		p++;
	if (*p == 'Z' || *p == 'z') {
		strcpy(buf, "Z");
		*s = p + 1;
		return true;
	}
	if (g_ascii_strncasecmp(p, "utc", 3) == 0 || g_ascii_strncasecmp(p, "gmt", 3) == 0) {
		p += 3;
		if (*p != '+' && *p != '-') {
			strcpy(buf, "Z");
			*s = p;
			return true;
		}
	}
	if (*p != '+' && *p != '-')
		return false;
	int h = digits_at(p + 1, 2), m = 0;
	if (h < 0 || h > 14)
		return false;
	const char *q = p + 3;
	if (*q == ':')
		q++;
	if (g_ascii_isdigit(q[0]) && g_ascii_isdigit(q[1])) {
		m = digits_at(q, 2);
		q += 2;
	} else if (q != p + 3) {
		return false;
	}
	if (m > 59)
		return false;
	g_snprintf(buf, 8, "%c%02d:%02d", *p, h, m);
	*s = q;
	return true;
}

static char *
format_stamp(int y, int mo, int d, int h, int mi, int se, const char *zone)
{
	if (d < 0)
		return mo < 0 ? g_strdup_printf("%04d", y) : g_strdup_printf("%04d-%02d", y, mo);
	if (h < 0)
		return g_strdup_printf("%04d-%02d-%02d", y, mo, d);
	GString *s = g_string_new(NULL);
	g_string_printf(s, "%04d-%02d-%02dT%02d:%02d", y, mo, d, h, mi);
	if (se >= 0)
		g_string_append_printf(s, ":%02d", se);
	if (zone != NULL && *zone != '\0')
		g_string_append(s, zone);
	return g_string_free(s, FALSE);
}

/* An ISO 8601 date or date-time as pages write them in metadata:
 * "2015-07-24T05:36:09+01:00", "2019-04-28 06:01:07", "2017-11-16T14:15+0000",
 * "2016-07-29", "20160729" (with `compact`). Returns a new stamp or NULL. */
static char *
parse_iso(const char *v, bool compact)
{
	const char *s = v;
	while (g_ascii_isspace(*s))
		s++;
	int y = digits_at(s, 4), mo = -1, d = -1;
	if (y < 0)
		return NULL;
	const char *p = s + 4;
	if (*p == '-' || *p == '/') {
		char sep = *p;
		mo = digits_at(p + 1, 2);
		if (mo < 1 || mo > 12)
			return NULL;
		p += 3;
		if (*p == sep) {
			d = digits_at(p + 1, 2);
			if (d < 0)
				return NULL;
			p += 3;
		}
	} else if (compact && g_ascii_isdigit(*p)) {
		mo = digits_at(p, 2);
		d = digits_at(p + 2, 2);
		if (mo < 0 || d < 0)
			return NULL;
		p += 4;
		if (g_ascii_isdigit(*p) && digits_at(p, 4) >= 0) { /* HHMM[SS] */
			int h = digits_at(p, 2), mi = digits_at(p + 2, 2), se = digits_at(p + 4, 2);
			if (!valid_ymd(y, mo, d) || h > 23 || mi > 59)
				return NULL;
			return format_stamp(y, mo, d, h, mi, se >= 0 && se <= 59 ? se : -1, NULL);
		}
	} else if (g_ascii_isdigit(*p)) {
		return NULL;
	}
	if (d >= 0 ? !valid_ymd(y, mo, d) : (y < 1900 || y > 2999))
		return NULL;
	int h = -1, mi = 0, se = -1;
	char zone[8] = "";
	if (d >= 0 && (*p == 'T' || *p == 't' || *p == ' ')) {
		const char *q = p + 1;
		h = read_hms(&q, &mi, &se);
		if (h >= 0) {
			p = q;
			read_zone(&p, zone);
		}
	}
	while (g_ascii_isspace(*p))
		p++;
	if (*p != '\0' && h < 0 && d >= 0 && *p != 'T')
		return NULL; /* "2015-04-30 quelque chose" is no stamp */
	return format_stamp(y, mo, d, h, mi, se, zone);
}

/* Tokens of a date written in words. */
typedef struct {
	enum { TK_NUM, TK_WORD, TK_PUNCT } kind;
	int value;       /* TK_NUM */
	int len;         /* TK_NUM: digits */
	char word[16];   /* TK_WORD, lowercase; TK_PUNCT: the character */
} Token;

static GArray *
tokenize(const char *s, size_t max)
{
	GArray *t = g_array_new(FALSE, FALSE, sizeof(Token));
	const char *p = s, *end = s + strlen(s);
	if ((size_t)(end - s) > max)
		end = s + max;
	while (p < end) {
		gunichar c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			p++;
			continue;
		}
		Token tk = { TK_PUNCT, 0, 0, "" };
		if (g_ascii_isdigit(*p)) {
			tk.kind = TK_NUM;
			while (p < end && g_ascii_isdigit(*p) && tk.len < 9) {
				tk.value = tk.value * 10 + (*p - '0');
				tk.len++;
				p++;
			}
			while (p < end && g_ascii_isdigit(*p))
				p++, tk.len = 99;
		} else if (g_unichar_isalpha(c)) {
			tk.kind = TK_WORD;
			size_t w = 0;
			while (p < end) {
				gunichar d = g_utf8_get_char_validated(p, end - p);
				if (d == (gunichar)-1 || d == (gunichar)-2 || !g_unichar_isalpha(d))
					break;
				char buf[6];
				int l = g_unichar_to_utf8(g_unichar_tolower(d), buf);
				if (w + (size_t)l < sizeof tk.word - 1)
					memcpy(tk.word + w, buf, (size_t)l), w += (size_t)l;
				p = g_utf8_next_char(p);
			}
			tk.word[w] = '\0';
		} else {
			if (!g_unichar_isspace(c) && c != 0xA0 && c != 0x202F) {
				tk.word[0] = (char)(c < 0x80 ? c : '?');
				tk.word[1] = '\0';
			}
			p = g_utf8_next_char(p);
			if (tk.word[0] == '\0')
				continue;
		}
		g_array_append_val(t, tk);
	}
	return t;
}

static const Token *
tok(const GArray *t, guint i)
{
	return i < t->len ? &g_array_index(t, Token, i) : NULL;
}

static bool
is_punct(const Token *t, char c)
{
	return t != NULL && t->kind == TK_PUNCT && t->word[0] == c;
}

static bool
is_word(const Token *t, const char *w)
{
	return t != NULL && t->kind == TK_WORD && strcmp(t->word, w) == 0;
}

/* A time of day after a date at token *i: "at 6:01 am", "à 07h19",
 * ", 14:30", "- 6:16 pm". */
static bool
read_time_words(const GArray *t, guint *i, int *h, int *mi)
{
	guint k = *i;
	while (is_punct(tok(t, k), ',') || is_punct(tok(t, k), '-') || is_punct(tok(t, k), '|') ||
	       is_word(tok(t, k), "at") || is_word(tok(t, k), "à") || is_word(tok(t, k), "a"))
		k++;
	const Token *hh = tok(t, k);
	if (hh == NULL || hh->kind != TK_NUM || hh->len > 2 || hh->value > 23)
		return false;
	const Token *sep = tok(t, k + 1), *mm = tok(t, k + 2);
	bool h_sep = is_punct(sep, ':') || is_word(sep, "h");
	if (!h_sep || mm == NULL || mm->kind != TK_NUM || mm->len != 2 || mm->value > 59)
		return false;
	int hour = hh->value;
	k += 3;
	const Token *ap = tok(t, k);
	if (is_word(ap, "am") || is_word(ap, "pm") || (ap != NULL && ap->kind == TK_WORD && (strcmp(ap->word, "a") == 0 ||
										   strcmp(ap->word, "p") == 0) &&
						     is_punct(tok(t, k + 1), '.'))) {
		bool pm = ap->word[0] == 'p';
		if (hour < 1 || hour > 12)
			return false;
		hour = hour % 12 + (pm ? 12 : 0);
		k += 1;
		while (is_punct(tok(t, k), '.') || is_word(tok(t, k), "m"))
			k++;
	}
	*h = hour;
	*mi = mm->value;
	*i = k;
	return true;
}

/* The first date written in words or numbers in s ("April 28, 2019 at
 * 6:01 am", "Thu, 09 Mar 2017 23:16:02 +0000", "30 avril 2015 à 07h19",
 * "1er mai 2015", "2015-04-30", "30/04/2015"). Returns a new stamp or
 * NULL. Ambiguous numeric dates (04/05/2015) are not read. */
static char *
parse_text_date(const char *s)
{
	if (s == NULL)
		return NULL;
	GArray *t = tokenize(s, 400);
	char *out = NULL;
	for (guint i = 0; i < t->len && out == NULL; i++) {
		const Token *a = tok(t, i);
		int y = -1, mo = 0, d = 0;
		guint next = i;
		if (a->kind == TK_WORD && (mo = month_of(a->word)) > 0) {
			/* Month D[th][,] YYYY */
			guint k = i + 1;
			if (is_punct(tok(t, k), '.'))
				k++;
			const Token *dd = tok(t, k);
			if (dd != NULL && dd->kind == TK_NUM && dd->len <= 2) {
				d = dd->value;
				k++;
				const Token *sfx = tok(t, k);
				if (is_word(sfx, "st") || is_word(sfx, "nd") || is_word(sfx, "rd") || is_word(sfx, "th"))
					k++;
				if (is_punct(tok(t, k), ','))
					k++;
				const Token *yy = tok(t, k);
				if (yy != NULL && yy->kind == TK_NUM && yy->len == 4)
					y = yy->value, next = k + 1;
			}
		} else if (a->kind == TK_NUM && a->len <= 2) {
			guint k = i + 1;
			const Token *sfx = tok(t, k);
			if (is_word(sfx, "er") || is_word(sfx, "st") || is_word(sfx, "nd") || is_word(sfx, "rd") ||
			    is_word(sfx, "th"))
				k++;
			const Token *m = tok(t, k);
			if (m != NULL && m->kind == TK_WORD && (mo = month_of(m->word)) > 0) {
				/* D Month[.][,] YYYY */
				k++;
				if (is_punct(tok(t, k), '.'))
					k++;
				if (is_punct(tok(t, k), ','))
					k++;
				const Token *yy = tok(t, k);
				if (yy != NULL && yy->kind == TK_NUM && yy->len == 4)
					d = a->value, y = yy->value, next = k + 1;
			} else if ((is_punct(m, '/') || is_punct(m, '.')) && tok(t, k + 1) != NULL &&
				   tok(t, k + 1)->kind == TK_NUM && tok(t, k + 1)->len <= 2 &&
				   is_punct(tok(t, k + 2), m->word[0]) && tok(t, k + 3) != NULL &&
				   tok(t, k + 3)->kind == TK_NUM && tok(t, k + 3)->len == 4) {
				/* D/M/YYYY or M/D/YYYY when only one reading is a date */
				int p1 = a->value, p2 = tok(t, k + 1)->value;
				y = tok(t, k + 3)->value;
				next = k + 4;
				if (p1 > 12 && p2 <= 12)
					d = p1, mo = p2;
				else if (p2 > 12 && p1 <= 12)
					d = p2, mo = p1;
				else if (p1 == p2)
					d = p1, mo = p2;
				else
					y = -1;
			}
		} else if (a->kind == TK_NUM && a->len == 4 && is_punct(tok(t, i + 1), '-') && tok(t, i + 2) != NULL &&
			   tok(t, i + 2)->kind == TK_NUM && tok(t, i + 2)->len == 2 && is_punct(tok(t, i + 3), '-') &&
			   tok(t, i + 4) != NULL && tok(t, i + 4)->kind == TK_NUM && tok(t, i + 4)->len == 2) {
			y = a->value, mo = tok(t, i + 2)->value, d = tok(t, i + 4)->value, next = i + 5;
		}
		if (y < 0 || !valid_ymd(y, mo, d))
			continue;
		int h = -1, mi = 0;
		guint k = next;
		if (!read_time_words(t, &k, &h, &mi))
			h = -1;
		out = format_stamp(y, mo, d, h, mi, -1, NULL);
	}
	g_array_free(t, TRUE);
	return out;
}

/* A date from metadata: ISO first, then in words. */
static char *
accept_date(const char *v, const void *data)
{
	bool compact = data != NULL;
	char *s = parse_iso(v, compact);
	return s != NULL ? s : strlen(v) < 200 ? parse_text_date(v) : NULL;
}

/*
 * Words that open a dateline ("Posted March 3, 2004", "Publié le 8 mars
 * 2023"), lowercase. To extend: add the word as it starts the line.
 */
static const char *const dateline_cues[] = {
	"posted", "published", "updated", "last updated", "publié", "mis à jour", "modifié", "le ",
};

char *
webpage_text_date(const char *text)
{
	const char *line = text;
	for (int n = 0; n < 6 && line != NULL && *line != '\0'; n++) {
		const char *end = strchr(line, '\n');
		size_t len = end != NULL ? (size_t)(end - line) : strlen(line);
		char *l = g_strndup(line, len);
		char *lower = g_utf8_strdown(l, -1);
		char *d = NULL;
		bool cue = false;
		for (size_t k = 0; k < G_N_ELEMENTS(dateline_cues) && !cue; k++)
			cue = g_str_has_prefix(lower, dateline_cues[k]);
		glong chars = g_utf8_strlen(l, -1);
		if ((cue && chars <= 120) || chars <= 60)
			d = parse_text_date(l);
		else if (n == 0 || n == 2) {
			/* "April 17, 2015 -- Drug-resistant bacteria…": a date, then a dash */
			char *head = g_utf8_substring(l, 0, MIN(chars, 40));
			char *dash = strstr(head, " --");
			if (dash == NULL)
				dash = strstr(head, " —");
			if (dash != NULL) {
				*dash = '\0';
				d = parse_text_date(head);
			}
			g_free(head);
		}
		g_free(lower);
		g_free(l);
		if (d != NULL)
			return d;
		line = end != NULL ? end + 1 : NULL;
		while (line != NULL && *line == '\n')
			line++;
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* URLs. */

/* An absolute http(s) URL from v, resolving "//host/…" and "/path"
 * against `base` (an absolute URL, or NULL), escaped by frise_url_web().
 * Returns a new string or NULL. */
static char *
clean_url(const char *v, const char *base)
{
	if (v == NULL)
		return NULL;
	while (g_ascii_isspace(*v))
		v++;
	size_t n = strlen(v);
	while (n > 0 && g_ascii_isspace(v[n - 1]))
		n--;
	if (n == 0 || n > 4096)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if ((guchar)v[i] < 0x20 || v[i] == 0x7F)
			return NULL;
	GString *u = g_string_new(NULL);
	if (n >= 2 && v[0] == '/' && v[1] == '/') {
		if (base == NULL) {
			g_string_free(u, TRUE);
			return NULL;
		}
		const char *colon = strchr(base, ':');
		g_string_append_len(u, base, colon - base + 1);
	} else if (v[0] == '/') {
		if (base == NULL) {
			g_string_free(u, TRUE);
			return NULL;
		}
		const char *host = strstr(base, "://") + 3;
		const char *path = host + strcspn(host, "/?#");
		g_string_append_len(u, base, path - base);
	}
	g_string_append_len(u, v, (gssize)n);
	char *s = u->str;
	size_t scheme = g_ascii_strncasecmp(s, "https://", 8) == 0 ? 8 : g_ascii_strncasecmp(s, "http://", 7) == 0 ? 7 : 0;
	if (scheme == 0 || strchr("/?#", s[scheme]) != NULL) {
		g_string_free(u, TRUE);
		return NULL;
	}
	for (size_t i = 0; i < scheme; i++)
		s[i] = g_ascii_tolower(s[i]);
	/* escaped as every link frise writes (one rule: a page's url and
	 * its canonical link are the same string) */
	char *web = frise_url_web(s);
	g_string_free(u, TRUE);
	return web;
}

static char *
accept_url(const char *v, const void *base)
{
	return clean_url(v, base);
}

/* The host of an absolute URL, without "www.": a new string or NULL. */
static char *
host_of(const char *url)
{
	if (url == NULL || strstr(url, "://") == NULL)
		return NULL;
	const char *h = strstr(url, "://") + 3;
	size_t n = strcspn(h, "/?#:");
	if (n > 4 && g_ascii_strncasecmp(h, "www.", 4) == 0)
		h += 4, n -= 4;
	return n > 0 ? g_ascii_strdown(h, (gssize)n) : NULL;
}

/* ------------------------------------------------------------------ */
/* Languages. */

/* A BCP 47 tag from "en-US", "en_GB", "fr": letters and digits in
 * hyphen-separated subtags, the first of 2-3 letters. New string or NULL. */
static char *
accept_lang(const char *v, G_GNUC_UNUSED const void *data)
{
	char *s = g_strstrip(g_strdup(v));
	char *comma = strpbrk(s, ",;"); /* "en, fr": the first */
	if (comma != NULL)
		*comma = '\0';
	g_strstrip(s);
	for (char *p = s; *p != '\0'; p++)
		if (*p == '_')
			*p = '-';
	size_t first = strcspn(s, "-");
	bool ok = first >= 2 && first <= 3 && strlen(s) <= 35;
	for (size_t i = 0; ok && s[i] != '\0'; i++)
		ok = g_ascii_isalnum(s[i]) || (s[i] == '-' && s[i + 1] != '\0' && s[i + 1] != '-');
	for (size_t i = 0; ok && i < first; i++)
		ok = g_ascii_isalpha(s[i]);
	if (!ok) {
		g_free(s);
		return NULL;
	}
	for (size_t i = 0; i < first; i++)
		s[i] = g_ascii_tolower(s[i]);
	return s;
}

/* ------------------------------------------------------------------ */
/* JSON-LD. */

typedef struct {
	char *headline, *name, *published, *modified, *author, *publisher, *url, *lang;
	char *site; /* the name of a top-level WebSite or Organization */
	bool article;
} LdInfo;

/* The article types of schema.org whose properties describe the page. */
static const char *const ld_article_types[] = {
	"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
	"ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "BlogPosting",
	"LiveBlogPosting", "SocialMediaPosting", "TechArticle", "ScholarlyArticle", "Report",
	"SatiricalArticle", "DiscussionForumPosting", "AdvertiserContentArticle", "MedicalScholarlyArticle",
	"APIReference",
};

static bool
ld_type_is(const cJSON *o, const char *const *types, size_t n)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type");
	const cJSON *one = t;
	bool array = cJSON_IsArray(t);
	if (array)
		one = t->child;
	for (; one != NULL; one = array ? one->next : NULL) {
		if (cJSON_IsString(one))
			for (size_t k = 0; k < n; k++)
				if (strcmp(one->valuestring, types[k]) == 0)
					return true;
		if (!array)
			break;
	}
	return false;
}

static const char *
ld_string(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A person or organisation's name: a string, {"name": …}, or an array of
 * either (names joined with ", "). Returns a new string or NULL. */
static char *
ld_names(const cJSON *v)
{
	if (cJSON_IsString(v))
		return clean(v->valuestring);
	if (cJSON_IsObject(v))
		return clean(ld_string(v, "name"));
	if (!cJSON_IsArray(v))
		return NULL;
	GString *s = g_string_new(NULL);
	int n = 0;
	for (const cJSON *e = v->child; e != NULL && n < 32; e = e->next, n++) {
		char *one = cJSON_IsObject(e) ? clean(ld_string(e, "name")) : cJSON_IsString(e) ? clean(e->valuestring)
												: NULL;
		if (one != NULL) {
			if (s->len > 0)
				g_string_append(s, ", ");
			g_string_append(s, one);
		}
		g_free(one);
	}
	return s->len > 0 ? g_string_free(s, FALSE) : (g_string_free(s, TRUE), NULL);
}

static void
ld_take(LdInfo *ld, const cJSON *o)
{
	if (!cJSON_IsObject(o))
		return;
	static const char *const site_types[] = { "WebSite", "Organization", "NewsMediaOrganization" };
	if (!ld->article && ld_type_is(o, ld_article_types, G_N_ELEMENTS(ld_article_types))) {
		ld->article = true;
		ld->headline = clean(ld_string(o, "headline"));
		ld->name = clean(ld_string(o, "name"));
		char *published = clean(ld_string(o, "datePublished"));
		if (published != NULL) { /* the article's own date wins over a WebPage's */
			g_free(ld->published);
			ld->published = published;
		}
		ld->modified = clean(ld_string(o, "dateModified"));
		ld->author = ld_names(cJSON_GetObjectItemCaseSensitive(o, "author"));
		if (ld->author == NULL)
			ld->author = ld_names(cJSON_GetObjectItemCaseSensitive(o, "creator"));
		ld->publisher = ld_names(cJSON_GetObjectItemCaseSensitive(o, "publisher"));
		const cJSON *main = cJSON_GetObjectItemCaseSensitive(o, "mainEntityOfPage");
		ld->url = g_strdup(ld_string(o, "url"));
		if (ld->url == NULL && cJSON_IsString(main))
			ld->url = g_strdup(main->valuestring);
		else if (ld->url == NULL && cJSON_IsObject(main))
			ld->url = g_strdup(ld_string(main, "@id"));
		const cJSON *lang = cJSON_GetObjectItemCaseSensitive(o, "inLanguage");
		ld->lang = cJSON_IsString(lang) ? g_strdup(lang->valuestring)
			   : cJSON_IsObject(lang) ? g_strdup(ld_string(lang, "alternateName")) : NULL;
	} else if (ld->site == NULL && ld_type_is(o, site_types, G_N_ELEMENTS(site_types))) {
		ld->site = clean(ld_string(o, "name"));
	} else if (!ld->article && ld->published == NULL && ld_string(o, "datePublished") != NULL) {
		/* a WebPage or other object that dates the page */
		ld->published = clean(ld_string(o, "datePublished"));
	}
}

/* Reads every JSON-LD script of the page into *ld. */
static void
read_jsonld(const WebpageDoc *doc, LdInfo *ld)
{
	for (guint i = 0; i < doc->jsonld->len; i++) {
		char *s = g_strstrip(g_strdup(doc->jsonld->pdata[i]));
		/* CDATA or comment markers around the JSON */
		char *body = s;
		size_t n = strlen(body);
		if (g_str_has_prefix(body, "<![CDATA["))
			body += 9, n -= 9;
		else if (g_str_has_prefix(body, "<!--"))
			body += 4, n -= 4;
		while (n > 0 && g_ascii_isspace(body[n - 1]))
			n--;
		if (n >= 3 && memcmp(body + n - 3, "]]>", 3) == 0)
			n -= 3;
		else if (n >= 3 && memcmp(body + n - 3, "-->", 3) == 0)
			n -= 3;
		cJSON *root = cJSON_ParseWithLength(body, n);
		g_free(s);
		if (root == NULL)
			continue;
		const cJSON *list = cJSON_IsArray(root) ? root : NULL;
		const cJSON *one = list != NULL ? root->child : root;
		for (int k = 0; one != NULL && k < 256; one = list != NULL ? one->next : NULL, k++) {
			ld_take(ld, one);
			/* a WebPage whose mainEntity is the article */
			const cJSON *main = cJSON_IsObject(one) ? cJSON_GetObjectItemCaseSensitive(one, "mainEntity") : NULL;
			if (cJSON_IsObject(main))
				ld_take(ld, main);
			const cJSON *graph = cJSON_IsObject(one) ? cJSON_GetObjectItemCaseSensitive(one, "@graph") : NULL;
			int g = 0;
			if (cJSON_IsArray(graph))
				for (const cJSON *e = graph->child; e != NULL && g < 256; e = e->next, g++)
					ld_take(ld, e);
			if (list == NULL)
				break;
		}
		cJSON_Delete(root);
	}
}

static void
ld_clear(LdInfo *ld)
{
	g_free(ld->headline);
	g_free(ld->name);
	g_free(ld->published);
	g_free(ld->modified);
	g_free(ld->author);
	g_free(ld->publisher);
	g_free(ld->url);
	g_free(ld->lang);
	g_free(ld->site);
}

/* ------------------------------------------------------------------ */
/* Titles. */

/* Separators between a headline and a site or section name. */
static const char *const title_separators[] = {
	" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", " ‹ ", " › ",
};

/* The position and length of the last (or first) separator in s. */
static const char *
find_separator(const char *s, bool last, size_t *len)
{
	const char *best = NULL;
	for (size_t k = 0; k < G_N_ELEMENTS(title_separators); k++) {
		const char *sep = title_separators[k];
		for (const char *p = s; (p = strstr(p, sep)) != NULL; p++) {
			if (best == NULL || (last ? p > best : p < best)) {
				best = p;
				*len = strlen(sep);
			}
			if (!last)
				break;
		}
	}
	return best;
}

/* `part` names the site: one of the site keys, with or without "the",
 * or a domain ("TMZ.com" for tmz.com). */
static bool
names_site(const char *part, const GPtrArray *site_keys)
{
	char *k = key_of(part);
	const char *kt = g_str_has_prefix(k, "the") ? k + 3 : k;
	bool yes = false;
	for (guint i = 0; i < site_keys->len && !yes && *kt != '\0'; i++) {
		const char *sk = site_keys->pdata[i];
		const char *st = g_str_has_prefix(sk, "the") ? sk + 3 : sk;
		size_t lk = strlen(kt), ls = strlen(st);
		/* equal, or one the other plus a short tail: "Libération.fr"
		 * for "Libération", "TMZ.com" for tmz */
		yes = strcmp(kt, st) == 0 ||
		      (ls >= 3 && lk > ls && lk <= ls + 4 && g_str_has_prefix(kt, st)) ||
		      (lk >= 3 && ls > lk && ls <= lk + 4 && g_str_has_prefix(st, kt));
	}
	g_free(k);
	return yes;
}

/* s without the site's name before or after a separator: a new string. */
static char *
strip_site(const char *s, const GPtrArray *site_keys)
{
	char *t = g_strdup(s);
	for (int round = 0; round < 4; round++) {
		size_t len = 0;
		const char *sep = find_separator(t, true, &len);
		if (sep != NULL && sep > t && names_site(sep + len, site_keys)) {
			t[sep - t] = '\0';
			g_strchomp(t);
			continue;
		}
		sep = find_separator(t, false, &len);
		if (sep != NULL && sep > t) {
			char *head = g_strndup(t, (gsize)(sep - t));
			bool site = names_site(head, site_keys);
			g_free(head);
			if (site) {
				char *rest = g_strdup(sep + len);
				g_free(t);
				t = rest;
				continue;
			}
		}
		break;
	}
	return t;
}

/* The part of a <title> that another source confirms: the text before a
 * separator that equals `other`. NULL when there is none. */
static char *
confirmed_prefix(const char *title, const char *other)
{
	if (other == NULL)
		return NULL;
	for (size_t k = 0; k < G_N_ELEMENTS(title_separators); k++)
		for (const char *p = title; (p = strstr(p, title_separators[k])) != NULL; p++) {
			char *head = g_strndup(title, (gsize)(p - title));
			if (same_text(head, other))
				return head;
			g_free(head);
		}
	return NULL;
}

typedef struct {
	char *value;
	const char *from;
} Cand;

/* The headline among the sources: see the file comment. */
static void
choose_title(const WebpageDoc *doc, const LdInfo *ld, const char *site, const GPtrArray *site_keys,
	     WebpageField *out)
{
	static const Source meta_titles[] = {
		{ "og:title", "og:title" }, { "twitter:title", "twitter:title" }, { "dc.title", "dc.title" },
		{ "dcterms.title", "dcterms.title" }, { "title", "meta title" }, { "parsely-title", "parsely-title" },
		{ "itemprop:headline", "itemprop headline" },
	};
	GArray *cands = g_array_new(FALSE, TRUE, sizeof(Cand));
	char *html_title = item_text(doc, item(doc, "html:title", false));
	/* the <h1>s, the first that another source confirms first */
	char *h1 = NULL, *h1_any = NULL;
	int seen = 0;
	for (guint i = 0; i < doc->meta->len && seen < H1_MAX; i++) {
		const WebpageMetaItem *m = &g_array_index(doc->meta, WebpageMetaItem, i);
		if (strcmp(m->key, "h1") != 0)
			continue;
		seen++;
		char *t = item_text(doc, m);
		if (t == NULL || strlen(t) > TITLE_MAX || word_count(t) < 2) {
			g_free(t);
			continue;
		}
		bool confirmed = html_title != NULL && strstr(html_title, t) != NULL;
		for (size_t k = 0; k < G_N_ELEMENTS(meta_titles) && !confirmed; k++) {
			char *v = item_text(doc, item(doc, meta_titles[k].key, true));
			confirmed = same_text(v, t);
			g_free(v);
		}
		confirmed |= same_text(ld->headline, t) || same_text(ld->name, t);
		if (confirmed && h1 == NULL)
			h1 = g_strdup(t);
		if (h1_any == NULL)
			h1_any = g_strdup(t);
		g_free(t);
	}
	/* JSON-LD: headline, or name where it agrees with the page and the headline does not */
	const char *ld_title = ld->headline != NULL ? ld->headline : ld->name;
	if (ld->headline != NULL && ld->name != NULL && !same_text(ld->headline, ld->name)) {
		const char *ref = html_title != NULL ? html_title : h1_any;
		if (webpage_similarity(ld->name, ref) > 0.75 && webpage_similarity(ld->headline, ref) <= 0.75)
			ld_title = ld->name;
	}
	Cand c = { g_strdup(ld_title), ld_title == ld->headline ? "json-ld headline" : "json-ld name" };
	g_array_append_val(cands, c);
	for (size_t k = 0; k < G_N_ELEMENTS(meta_titles); k++) {
		Cand m = { item_text(doc, item(doc, meta_titles[k].key, true)), meta_titles[k].from };
		g_array_append_val(cands, m);
	}
	/* a page without metadata: the <h1> the <title> confirms, the <title>, any <h1> */
	char *stripped = html_title != NULL ? strip_site(html_title, site_keys) : NULL;
	char *confirmed = NULL;
	if (stripped != NULL)
		confirmed = confirmed_prefix(stripped, h1 != NULL ? h1 : h1_any);
	if (stripped != NULL && confirmed == NULL && strcmp(stripped, html_title) == 0) {
		/* a suffix nothing names: cut at the last separator when five
		 * words or more are left ("Long headline here today - Section") */
		size_t len = 0;
		const char *sep = find_separator(stripped, true, &len);
		if (sep != NULL) {
			char *head = g_strndup(stripped, (gsize)(sep - stripped));
			if (word_count(head) >= 5)
				confirmed = head;
			else
				g_free(head);
		}
	}
	Cand hc = { g_strdup(h1), "h1" };
	g_array_append_val(cands, hc);
	Cand tc = { confirmed != NULL ? confirmed : g_strdup(stripped), "title" };
	g_array_append_val(cands, tc);
	Cand ac = { g_strdup(h1_any), "h1" };
	g_array_append_val(cands, ac);

	Cand *first = NULL;
	for (guint i = 0; i < cands->len; i++) {
		Cand *x = &g_array_index(cands, Cand, i);
		if (x->value == NULL)
			continue;
		char *s = strip_site(x->value, site_keys);
		g_free(x->value);
		x->value = s;
		if (*s == '\0' || strlen(s) > TITLE_MAX)
			continue;
		if (first == NULL)
			first = x;
		if (site != NULL && same_text(s, site))
			continue; /* the site's name, not the article's */
		out->value = g_steal_pointer(&x->value);
		out->from = x->from;
		break;
	}
	if (out->value == NULL && first != NULL) {
		out->value = g_steal_pointer(&first->value);
		out->from = first->from;
	}
	for (guint i = 0; i < cands->len; i++)
		g_free(g_array_index(cands, Cand, i).value);
	g_array_free(cands, TRUE);
	g_free(html_title);
	g_free(stripped);
	g_free(h1);
	g_free(h1_any);
}

/* ------------------------------------------------------------------ */
/* Bylines and date lines found in the page's elements. */

/* chrome[n]: node n is inside an element readers leave out (comments,
 * related links, navigation). One pass: a parent comes before its
 * children. New array of doc->nodes->len booleans. */
static bool *
chrome_of(const WebpageDoc *doc)
{
	bool *chrome = g_new0(bool, MAX(doc->nodes->len, 1));
	for (guint32 n = 0; n < doc->nodes->len; n++) {
		const WebpageNode *x = &g_array_index(doc->nodes, WebpageNode, n);
		chrome[n] = (x->flags & (NF_UNLIKELY | NF_ROLE_OUT | NF_CHROME)) != 0 ||
			    (x->parent != WEBPAGE_NONE && chrome[x->parent]);
	}
	return chrome;
}

/* The text of node n when it has at most `most` characters (found in a
 * bounded number of pieces, so that looking at every node stays linear);
 * else NULL. */
static char *
short_text(const WebpageDoc *doc, guint32 n, guint32 most)
{
	const WebpageNode *x = &g_array_index(doc->nodes, WebpageNode, n);
	guint32 to = x->end < doc->nodes->len ? g_array_index(doc->nodes, WebpageNode, x->end).pieces : doc->pieces->len;
	if (to - x->pieces > most)
		return NULL;
	guint32 chars = 0;
	for (guint32 k = x->pieces; k < to; k++)
		chars += g_array_index(doc->pieces, WebpagePiece, k).chars;
	return chars <= most + 8 ? webpage_node_text(doc, n) : NULL;
}

/* The text of the first byline element (rel=author, itemprop=author, a
 * byline/author class) under 100 characters. New string or NULL. */
static char *
page_byline(const WebpageDoc *doc, const bool *chrome)
{
	for (guint32 n = doc->body; n < doc->nodes->len; n++) {
		const WebpageNode *x = &g_array_index(doc->nodes, WebpageNode, n);
		if (!(x->flags & NF_BYLINE) || chrome[n])
			continue;
		char *t = short_text(doc, n, BYLINE_MAX);
		if (t == NULL)
			continue;
		glong chars = g_utf8_strlen(t, -1);
		if (chars > 0 && chars < BYLINE_MAX)
			return t;
		g_free(t);
	}
	return NULL;
}

/* Class words of elements that hold a date line. */
static const char *const dateline_words[] = {
	"date", "time", "publish", "posted", "dateline", "timestamp", "byline", "meta",
};

/* A date written in the byline or a short date-line element before the
 * text. New stamp or NULL. */
static char *
page_dateline(const WebpageDoc *doc, const bool *chrome)
{
	for (guint32 n = doc->body; n < doc->nodes->len; n++) {
		const WebpageNode *x = &g_array_index(doc->nodes, WebpageNode, n);
		char *lc = g_ascii_strdown(x->cls, -1);
		bool dateish = (x->flags & NF_BYLINE) || x->tag == TAG_TIME;
		for (size_t k = 0; k < G_N_ELEMENTS(dateline_words) && !dateish; k++)
			dateish = strstr(lc, dateline_words[k]) != NULL;
		g_free(lc);
		if (!dateish || chrome[n])
			continue;
		char *t = short_text(doc, n, 200);
		char *d = t != NULL ? parse_text_date(t) : NULL;
		g_free(t);
		if (d != NULL)
			return d;
	}
	return NULL;
}

/* The <time datetime> that dates the article: one marked pubdate, else
 * the first after the headline's <h1>, else the first outside chrome. */
static char *
time_element(const WebpageDoc *doc, const bool *chrome, const char **from)
{
	const WebpageMetaItem *h1 = item(doc, "h1", false);
	guint32 after = h1 != NULL ? h1->node : 0;
	char *any = NULL;
	for (guint i = 0; i < doc->meta->len; i++) {
		const WebpageMetaItem *m = &g_array_index(doc->meta, WebpageMetaItem, i);
		bool pub = strcmp(m->key, "time:pubdate") == 0;
		if (!pub && strcmp(m->key, "time") != 0)
			continue;
		if (m->node != WEBPAGE_NONE && chrome[m->node])
			continue;
		char *v = accept_date(m->value, NULL);
		if (v == NULL)
			continue;
		if (pub || m->node >= after) {
			g_free(any);
			*from = pub ? "time[pubdate]" : "time[datetime]";
			return v;
		}
		if (any == NULL)
			any = v;
		else
			g_free(v);
	}
	*from = "time[datetime]";
	return any;
}

/* A date in the URL's path: /2015/04/30/, /2015-04-30/, /20150430/. */
static char *
url_date(const char *url)
{
	if (url == NULL || strstr(url, "://") == NULL)
		return NULL;
	const char *path = strstr(url, "://") + 3;
	path += strcspn(path, "/");
	for (const char *p = path; *p != '\0'; p++) {
		if (*p != '/' || !g_ascii_isdigit(p[1]))
			continue;
		int y = digits_at(p + 1, 4);
		if (y < 1990 || y > 2999)
			continue;
		const char *q = p + 5;
		int mo = -1, d = -1;
		if ((*q == '/' || *q == '-') && (mo = digits_at(q + 1, 2)) >= 1 && mo <= 12) {
			char sep = *q;
			q += 3;
			if (*q == sep && (d = digits_at(q + 1, 2)) >= 1 && !g_ascii_isdigit(q[3]))
				q += 3;
			else
				d = -1;
			if (*q != '/' && *q != '-' && *q != '\0' && !(d < 0 && g_ascii_isalpha(*q)))
				continue;
			if (d >= 0 && !valid_ymd(y, mo, d))
				continue;
			if (d < 0 && (g_ascii_isdigit(*q)))
				continue;
			return format_stamp(y, mo, d, -1, 0, -1, NULL);
		}
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* All fields. */

/* A byline value: not a URL (article:author is often one). */
static char *
accept_person(const char *v, G_GNUC_UNUSED const void *data)
{
	if (strstr(v, "://") != NULL || g_str_has_prefix(v, "www.") || strlen(v) > TITLE_MAX)
		return NULL;
	return g_strdup(v);
}

void
webpage_read_meta(const WebpageDoc *doc, WebpagePage *page)
{
	LdInfo ld = { 0 };
	read_jsonld(doc, &ld);
	bool *chrome = chrome_of(doc);

	/* the address, first: relative URLs resolve against it */
	static const Source url_sources[] = {
		{ "link:canonical", "link[rel=canonical]" }, { "og:url", "og:url" }, { "twitter:url", "twitter:url" },
	};
	char *base = NULL;
	static const char *const base_keys[] = { "base", "og:url", "link:canonical", "twitter:url" };
	for (size_t k = 0; k < G_N_ELEMENTS(base_keys) && base == NULL; k++) {
		const WebpageMetaItem *m = item(doc, base_keys[k], true);
		char *v = m != NULL ? unescape(m->value) : NULL;
		base = clean_url(v, NULL);
		g_free(v);
	}
	if (!from_items(doc, &page->canonical, url_sources, G_N_ELEMENTS(url_sources), accept_url, base))
		set_field(&page->canonical, clean_url(ld.url, base), "json-ld url");

	/* the site's name: the title's suffix is tested against it */
	static const Source site_sources[] = {
		{ "og:site_name", "og:site_name" }, { "application-name", "application-name" },
		{ "apple-mobile-web-app-title", "apple-mobile-web-app-title" },
	};
	char *html_title = item_text(doc, item(doc, "html:title", false));
	if (!set_field(&page->site_name, g_strdup(ld.publisher), "json-ld publisher")) {
		for (size_t k = 0; k < G_N_ELEMENTS(site_sources) && page->site_name.value == NULL; k++) {
			char *v = item_text(doc, item(doc, site_sources[k].key, true));
			/* an application name that is the page's own title is no site name */
			if (v != NULL && k > 0 && (same_text(v, html_title) || strlen(v) > 80))
				g_clear_pointer(&v, g_free);
			set_field(&page->site_name, v, site_sources[k].from);
		}
		if (page->site_name.value == NULL)
			set_field(&page->site_name, g_strdup(ld.site), "json-ld WebSite");
	}
	GPtrArray *site_keys = g_ptr_array_new_with_free_func(g_free);
	static const char *const site_keys_from[] = { "og:site_name", "application-name", "apple-mobile-web-app-title",
						       "twitter:site" };
	const char *sites[] = { page->site_name.value, ld.publisher, ld.site };
	for (size_t k = 0; k < G_N_ELEMENTS(sites); k++)
		if (sites[k] != NULL)
			g_ptr_array_add(site_keys, key_of(sites[k]));
	for (size_t k = 0; k < G_N_ELEMENTS(site_keys_from); k++) {
		char *v = item_text(doc, item(doc, site_keys_from[k], true));
		if (v != NULL && !same_text(v, html_title))
			g_ptr_array_add(site_keys, key_of(v[0] == '@' ? v + 1 : v));
		g_free(v);
	}
	char *host = host_of(page->canonical.value);
	if (host != NULL) {
		g_ptr_array_add(site_keys, key_of(host));
		char *dot = strchr(host, '.');
		if (dot != NULL) {
			*dot = '\0';
			g_ptr_array_add(site_keys, key_of(host));
		}
	}
	for (guint i = site_keys->len; i-- > 0;)
		if (strlen(site_keys->pdata[i]) < 2)
			g_ptr_array_remove_index(site_keys, i);

	choose_title(doc, &ld, page->site_name.value, site_keys, &page->title);

	/* dates */
	static const Source published_sources[] = {
		{ "article:published_time", "meta article:published_time" },
		{ "og:article:published_time", "meta og:article:published_time" },
		{ "article:published", "meta article:published" },
		{ "og:published_time", "meta og:published_time" },
		{ "parsely-pub-date", "meta parsely-pub-date" },
		{ "sailthru.date", "meta sailthru.date" },
		{ "itemprop:datepublished", "itemprop datePublished" },
		{ "datepublished", "meta datePublished" },
		{ "dc.date.issued", "meta DC.date.issued" },
		{ "dcterms.issued", "meta dcterms.issued" },
		{ "dc.date", "meta dc.date" },
		{ "dcterms.date", "meta dcterms.date" },
		{ "dcterms.created", "meta dcterms.created" },
		{ "dc.date.created", "meta DC.date.created" },
		{ "date", "meta date" },
		{ "pubdate", "meta pubdate" },
		{ "publishdate", "meta publishdate" },
		{ "publish-date", "meta publish-date" },
		{ "publish_date", "meta publish_date" },
		{ "publication_date", "meta publication_date" },
		{ "article.published", "meta article.published" },
		{ "article_date_original", "meta article_date_original" },
		{ "displaydate", "meta displaydate" },
	};
	static const Source compact_sources[] = { { "pdate", "meta pdate" }, { "ptime", "meta ptime" } };
	if (!set_field(&page->published, ld.published != NULL ? accept_date(ld.published, NULL) : NULL,
		       "json-ld datePublished") &&
	    !from_items(doc, &page->published, published_sources, G_N_ELEMENTS(published_sources), accept_date, NULL)) {
		const char *from = NULL;
		char *t = time_element(doc, chrome, &from);
		if (!set_field(&page->published, t, from) &&
		    !from_items(doc, &page->published, compact_sources, G_N_ELEMENTS(compact_sources), accept_date, "")) {
			if (!set_field(&page->published, page_dateline(doc, chrome), "byline-line"))
				set_field(&page->published, url_date(page->canonical.value), "url");
		}
	}
	static const Source modified_sources[] = {
		{ "article:modified_time", "meta article:modified_time" },
		{ "og:updated_time", "meta og:updated_time" },
		{ "itemprop:datemodified", "itemprop dateModified" },
		{ "datemodified", "meta dateModified" },
		{ "dc.date.modified", "meta DC.date.modified" },
		{ "dcterms.modified", "meta dcterms.modified" },
		{ "http-equiv:last-modified", "meta last-modified" },
		{ "last-modified", "meta last-modified" },
	};
	if (!set_field(&page->modified, ld.modified != NULL ? accept_date(ld.modified, NULL) : NULL,
		       "json-ld dateModified"))
		from_items(doc, &page->modified, modified_sources, G_N_ELEMENTS(modified_sources), accept_date, NULL);

	/* the author */
	static const Source byline_sources[] = {
		{ "author", "meta author" }, { "dc.creator", "meta dc.creator" },
		{ "dcterms.creator", "meta dcterms.creator" }, { "parsely-author", "meta parsely-author" },
		{ "sailthru.author", "meta sailthru.author" }, { "article:author_name", "meta article:author_name" },
		{ "byl", "meta byl" }, { "article:author", "meta article:author" },
		{ "og:article:author", "meta og:article:author" }, { "rel:author", "rel=author" },
		{ "itemprop:author", "itemprop author" },
	};
	if (!set_field(&page->byline, ld.author != NULL && strstr(ld.author, "://") == NULL ? g_strdup(ld.author) : NULL,
		       "json-ld author") &&
	    !from_items(doc, &page->byline, byline_sources, G_N_ELEMENTS(byline_sources), accept_person, NULL)) {
		set_field(&page->byline, page_byline(doc, chrome), "byline");
	}

	/* the language */
	static const Source lang_sources[] = {
		{ "html:lang", "html[lang]" }, { "http-equiv:content-language", "meta content-language" },
		{ "content-language", "meta content-language" }, { "og:locale", "og:locale" },
		{ "dc.language", "meta dc.language" }, { "itemprop:inlanguage", "itemprop inLanguage" },
		{ "inlanguage", "meta inLanguage" },
	};
	if (!from_items(doc, &page->lang, lang_sources, G_N_ELEMENTS(lang_sources), accept_lang, NULL) && ld.lang != NULL)
		set_field(&page->lang, accept_lang(ld.lang, NULL), "json-ld inLanguage");

	g_free(chrome);
	g_free(html_title);
	g_free(host);
	g_free(base);
	g_ptr_array_unref(site_keys);
	ld_clear(&ld);
}
