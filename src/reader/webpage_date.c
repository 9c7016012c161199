/*
 * webpage_date.c — the dates of a web page's metadata (prefix webpage_):
 * exports webpage_accept_date(), webpage_parse_text_date(),
 * webpage_text_date() and webpage_url_date() (webpage_private.h), for
 * webpage_meta.c; every other symbol has file scope.
 *
 * Dates come out as new ISO 8601 strings with the precision and the UTC
 * offset the page gives ("2015-07-24T05:36:09+01:00", "2015-04-30"), or
 * NULL when the value is no valid date; nothing reads the clock. Text
 * dates ("April 28, 2019 at 6:01 am", "30 avril 2015 à 07h19") are read
 * with the month names of every language of src/lang/ (month_of()).
 */
#include "core/lang.h"
#include "core/text.h"
#include "reader/webpage_private.h"

#include <string.h>

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
char *
webpage_parse_text_date(const char *s)
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
char *
webpage_accept_date(const char *v, const void *data)
{
	bool compact = data != NULL;
	char *s = parse_iso(v, compact);
	return s != NULL ? s : strlen(v) < 200 ? webpage_parse_text_date(v) : NULL;
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
			d = webpage_parse_text_date(l);
		else if (n == 0 || n == 2) {
			/* "April 17, 2015 -- Drug-resistant bacteria…": a date, then a dash */
			char *head = g_utf8_substring(l, 0, MIN(chars, 40));
			char *dash = strstr(head, " --");
			if (dash == NULL)
				dash = strstr(head, " —");
			if (dash != NULL) {
				*dash = '\0';
				d = webpage_parse_text_date(head);
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


/* A date in the URL's path: /2015/04/30/, /2015-04-30/, /20150430/. */
char *
webpage_url_date(const char *url)
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
