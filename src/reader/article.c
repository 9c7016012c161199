/*
 * article.c — the article reader: one article from bytes. Exports the
 * article_* functions of article.h but article_raw_offset
 * (article_text.c) and the file, folder and JSON Lines readers
 * (article_paths.c), and, for those two files, the helpers of
 * article_private.h; every other symbol has file scope. The invariants
 * below hold for the three files.
 *
 * Units and invariants:
 *   - Offsets are byte offsets. `raw` holds the bytes exactly as given;
 *     `text` is derived from it (BOM dropped, CRLF -> LF, invalid UTF-8
 *     replaced by U+FFFD with --lossy, NFC). Spans are end-exclusive.
 *   - The offset map (FriseArticle.map_) is a sorted array of MapSeg: from
 *     text offset `t` up to the next segment, an offset o maps to
 *     r + (o - t) ("linear"), or to r for every o ("collapsed": a changed
 *     run such as "e\u0301" -> "é", "\r\n" -> "\n", an invalid byte ->
 *     U+FFFD, whose inner offsets all map to the run's first raw byte).
 *     When text == raw the map is NULL: no allocation in the common case.
 *   - The map is built per line and, inside a line that NFC changes, per
 *     normalisation chunk (a starter and the marks that follow it), so a
 *     changed character maps to the raw offset of that same character.
 *   - Reading is bounded: a file larger than the limit is rejected after
 *     stat() without being read; stdin and pipes are read up to limit + 1
 *     bytes; a JSON Lines line is never held beyond a bounded length.
 *   - Language knowledge is data (src/lang/xx/words.txt, read through
 *     core/lang.h); which lines are boilerplate, and the title, are
 *     boilerplate.c's (boiler_scan, boiler_title).
 *   - A web page (webpage.h) is read for its main text, which then goes
 *     through article_read_text() as the article's raw bytes, with the
 *     page's metadata as ArticleMeta; the HTML itself is not kept.
 *   - A folder's files are read on several threads (article_read_paths);
 *     reading one file touches no shared state but the stop-word set,
 *     built once under g_once. Results and errors come in file order.
 */
#include "frise/article.h"
#include "core/lang.h"
#include "core/text.h"
#include "reader/article_private.h"
#include "reader/boilerplate_private.h"
#include "reader/input.h"
#include "reader/webpage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIB ((size_t)1 << 20)
#define FRONT_MATTER_MAX 8192 /* bytes: a "---" block longer than this is text */

/* ------------------------------------------------------------------ */
/* Small helpers. */

void
article_set_error(GError **error, FriseError code, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_set_error(error, FRISE_ERROR_DOMAIN, code, "%s: %s", path, msg);
	g_free(msg);
}

void
article_set_limit_error(GError **error, const char *path, size_t size, size_t limit)
{
	char *l = input_limit_text(limit);
	if (size > 0)
		article_set_error(error, FRISE_ERROR_LIMIT, path, "%zu bytes, over the %s limit (see --max-size)",
			  size, l);
	else
		article_set_error(error, FRISE_ERROR_LIMIT, path, "larger than the %s limit (see --max-size)", l);
	g_free(l);
}

/* Horizontal white space, including the no-break spaces of French text. */
static bool
is_hspace(gunichar c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2007 || c == 0xFEFF ||
	       (c != '\n' && g_unichar_isspace(c));
}

static size_t
skip_hspace(const char *s, size_t i, size_t end)
{
	while (i < end) {
		gunichar c = g_utf8_get_char(s + i);
		if (!is_hspace(c))
			break;
		i = (size_t)(g_utf8_next_char(s + i) - s);
	}
	return i;
}

size_t
article_line_end(const char *s, size_t i, size_t end)
{
	const char *nl = memchr(s + i, '\n', end - i);
	return nl != NULL ? (size_t)(nl - s) : end;
}

/* ------------------------------------------------------------------ */
/* Dates. */

static int
digits(const char *s, size_t len, size_t n)
{
	if (len < n)
		return -1;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!g_ascii_isdigit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (len > n && g_ascii_isdigit(s[n]))
		return -1; /* "2024-031" is not a month */
	return v;
}

/*
 * Parses YYYY, YYYY-MM or YYYY-MM-DD ('/' also separates) at the start of
 * s[0..len); with `with_time`, a following "THH:MM" or " HH:MM" (seconds,
 * fraction and zone ignored) gives minute precision. Returns a new TIMEX3
 * value and sets *consumed, or NULL.
 */
static char *
parse_date_prefix(const char *s, size_t len, bool with_time, size_t *consumed)
{
	int y = digits(s, len, 4), m = -1, d = -1;
	if (y < 1000 || y > 2999)
		return NULL;
	size_t i = 4;
	char sep = 0;
	if (i + 2 < len + 0 && (s[i] == '-' || s[i] == '/') && (m = digits(s + i + 1, len - i - 1, 2)) >= 0) {
		if (m < 1 || m > 12)
			return NULL;
		sep = s[i];
		i += 3;
		if (i + 2 < len + 0 && s[i] == sep && (d = digits(s + i + 1, len - i - 1, 2)) >= 0) {
			if (!g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
				return NULL;
			i += 3;
		}
	}
	char *value;
	if (d >= 0)
		value = g_strdup_printf("%04d-%02d-%02d", y, m, d);
	else if (m >= 0)
		value = g_strdup_printf("%04d-%02d", y, m);
	else
		value = g_strdup_printf("%04d", y);
	if (with_time && d >= 0 && i < len && (s[i] == 'T' || s[i] == ' ')) {
		int hh = digits(s + i + 1, len - i - 1, 2), mm = -1;
		if (hh >= 0 && hh < 24 && i + 3 < len && s[i + 3] == ':' &&
		    (mm = digits(s + i + 4, len - i - 4, 2)) >= 0 && mm < 60) {
			char *t = g_strdup_printf("%sT%02d:%02d", value, hh, mm);
			g_free(value);
			value = t;
			i += 6;
			/* seconds, fraction and zone: accepted, not kept */
			while (i < len && (g_ascii_isdigit(s[i]) || strchr(":.+-Z", s[i]) != NULL))
				i++;
		}
	}
	*consumed = i;
	return value;
}

char *
article_parse_date(const char *value)
{
	if (value == NULL)
		return NULL;
	while (g_ascii_isspace(*value))
		value++;
	size_t len = strlen(value);
	while (len > 0 && g_ascii_isspace(value[len - 1]))
		len--;
	size_t used = 0;
	char *v = parse_date_prefix(value, len, true, &used);
	if (v != NULL && used != len) {
		g_free(v);
		v = NULL;
	}
	return v;
}

/*
 * A date in the path: a component (the file name or one of its three
 * nearest folders) that starts with YYYY-MM-DD or YYYY-MM followed by a
 * non-digit, or folders YYYY/MM[/DD]. The component nearest the file
 * wins. Returns a new value or NULL.
 */
static char *
path_date(const char *path)
{
	char **parts = g_strsplit(path, G_DIR_SEPARATOR_S, -1);
	guint n = g_strv_length(parts);
	char *best = NULL;
	/* the file name and its three nearest folders: a date far up
	 * ("/home/u/2019-backup/…") says nothing about the article */
	for (guint i = n > 4 ? n - 4 : 0; i < n; i++) {
		const char *p = parts[i];
		size_t len = strlen(p), used;
		char *v = parse_date_prefix(p, len, false, &used);
		if (v != NULL && strlen(v) > 4) {
			g_free(best);
			best = v;
			continue;
		}
		g_free(v);
		/* folders 2011/02/21/x.txt */
		if (len == 4 && i + 2 < n && strlen(parts[i + 1]) == 2 && digits(p, 4, 4) >= 1000) {
			int m = digits(parts[i + 1], 2, 2), d = -1;
			if (m < 1 || m > 12)
				continue;
			if (i + 3 < n && strlen(parts[i + 2]) == 2)
				d = digits(parts[i + 2], 2, 2);
			g_free(best);
			if (d >= 1 && g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)digits(p, 4, 4)))
				best = g_strdup_printf("%s-%02d-%02d", p, m, d);
			else
				best = g_strdup_printf("%s-%02d", p, m);
		}
	}
	g_strfreev(parts);
	return best;
}

/* ------------------------------------------------------------------ */
/* Language. */

/* The languages (bit l: FriseLang l) whose [detect] list holds `word`.
 * The lists as one set, built once and never freed, like the data it
 * mirrors (a linear scan with strcmp was ~6% of an ingest). */
static guint
lang_bits(const char *word)
{
	static GHashTable *set;
	if (g_once_init_enter(&set)) {
		GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
		for (int l = FRISE_LANG_UNKNOWN + 1; l < FRISE_LANG_COUNT; l++) {
			const LangWords *w = lang_list((FriseLang)l, LANG_DETECT);
			for (guint k = 0; k < w->n; k++) {
				guint bits = GPOINTER_TO_UINT(g_hash_table_lookup(h, w->items[k]));
				g_hash_table_insert(h, (gpointer)w->items[k], GUINT_TO_POINTER(bits | 1u << l));
			}
		}
		g_once_init_leave(&set, h);
	}
	return GPOINTER_TO_UINT(g_hash_table_lookup(set, word));
}

/* Counts into hits[FriseLang] the [detect] words of each language among
 * the first words of text[0, len). */
static void
count_hits(const char *text, size_t len, int hits[FRISE_LANG_COUNT])
{
	enum { MAX_WORDS = 3000, ENOUGH = 200, MAX_BYTES = 65536 };
	G_STATIC_ASSERT(FRISE_LANG_COUNT < 32);
	char word[32];
	size_t wl = 0;
	int words = 0, total = 0;
	bool overlong = false;
	const char *end = text + (len > MAX_BYTES ? MAX_BYTES : len);

	/* the first 64 KiB decide: a 100 MB line is not read to the end */
	for (const char *p = text; p <= end && words < MAX_WORDS && total < ENOUGH;) {
		/* ASCII, most of the text, without the Unicode calls (same result) */
		bool ascii = p < end && (unsigned char)*p < 0x80;
		gunichar c = ascii ? (gunichar)*p : p < end ? g_utf8_get_char_validated(p, end - p) : 0;
		if (c == (gunichar)-1 || c == (gunichar)-2)
			c = 0;
		if (ascii && g_ascii_isalpha(*p)) {
			if (wl + 1 < sizeof word)
				word[wl++] = g_ascii_tolower(*p);
			else
				overlong = true;
		} else if (!ascii && c != 0 && g_unichar_isalpha(c)) {
			char buf[8];
			int n = g_unichar_to_utf8(g_unichar_tolower(c), buf);
			if (wl + (size_t)n < sizeof word)
				memcpy(word + wl, buf, (size_t)n), wl += (size_t)n;
			else
				overlong = true;
		} else if (wl > 0 || overlong) {
			word[wl] = '\0';
			guint bits = overlong ? 0 : lang_bits(word);
			for (size_t k = 0; k < FRISE_LANG_COUNT; k++) {
				int h = (bits >> k) & 1;
				hits[k] += h;
				total += h;
			}
			words++;
			wl = 0;
			overlong = false;
		}
		if (p == end)
			break;
		if (ascii) { /* as g_utf8_find_next_char: stray continuation bytes skipped */
			for (p++; p < end && ((unsigned char)*p & 0xc0) == 0x80; p++)
				;
			continue;
		}
		const char *next = g_utf8_find_next_char(p, end);
		p = next != NULL ? next : end;
	}
}

/* The language with the most hits, and the runner-up. */
void
article_best_lang(const int hits[FRISE_LANG_COUNT], size_t *best_out, size_t *second_out)
{
	size_t best = FRISE_LANG_UNKNOWN, second = FRISE_LANG_UNKNOWN;
	for (size_t k = FRISE_LANG_UNKNOWN + 1; k < FRISE_LANG_COUNT; k++) {
		if (hits[k] > hits[best])
			second = best, best = k;
		else if (hits[k] > hits[second])
			second = k;
	}
	*best_out = best;
	*second_out = second;
}

FriseLang
article_detect_lang(const char *text, size_t len)
{
	int hits[FRISE_LANG_COUNT] = { 0 }; /* by FriseLang; [UNKNOWN] stays 0 */
	count_hits(text, len, hits);
	size_t best, second;
	article_best_lang(hits, &best, &second);
	/* the best language must have 3 hits or more and 1.5 times the next */
	if (hits[best] < 3 || hits[best] * 2 < hits[second] * 3)
		return FRISE_LANG_UNKNOWN;
	return (FriseLang)best;
}

/* A weaker guess for a text article_detect_lang() cannot tell: the
 * language with more hits than any other, even one; UNKNOWN on a tie. */
static FriseLang
guess_lang(const char *text, size_t len)
{
	int hits[FRISE_LANG_COUNT] = { 0 };
	count_hits(text, len, hits);
	size_t best, second;
	article_best_lang(hits, &best, &second);
	return hits[best] > hits[second] ? (FriseLang)best : FRISE_LANG_UNKNOWN;
}

/* ------------------------------------------------------------------ */
/* Metadata, boilerplate, title. */

static void
add_span(GArray *spans, size_t start, size_t end, FriseBoilerKind kind)
{
	if (end <= start)
		return;
	FriseBoiler b = { { start, end }, kind, 0, 0 };
	g_array_append_val(spans, b);
}

/* Strips quotes around a front-matter value; returns a new string. */
static char *
fm_value(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	if (len >= 2 && (s[0] == '"' || s[0] == '\'') && s[len - 1] == s[0])
		s++, len -= 2;
	return g_strndup(s, len);
}

typedef struct {
	char *date, *title, *source, *url, *lang;
} FrontMatter;

/* YAML-style front matter at the start of text: "---\nkey: value\n…---".
 * Returns the offset after it (0 when there is none). Only the flat keys
 * frise uses are read; others are ignored. */
static size_t
parse_front_matter(const char *t, size_t len, FrontMatter *fm)
{
	size_t le = article_line_end(t, 0, len);
	if (le < 3 || memcmp(t, "---", 3) != 0 || skip_hspace(t, 3, le) != le || le == len)
		return 0;
	size_t pos = le + 1, close = 0, after = 0;
	/* a "---" rule before text is not front matter: a key must follow */
	size_t k = pos;
	while (k < len && (g_ascii_isalnum(t[k]) || t[k] == '_' || t[k] == '-'))
		k++;
	if (k == pos || k >= len || t[k] != ':')
		return 0;
	while (pos < len && pos < FRONT_MATTER_MAX) {
		size_t e = article_line_end(t, pos, len);
		if (e - pos >= 3 && (memcmp(t + pos, "---", 3) == 0 || memcmp(t + pos, "...", 3) == 0) &&
		    skip_hspace(t, pos + 3, e) == e) {
			close = pos;
			after = e < len ? e + 1 : e;
			break;
		}
		pos = e + 1;
	}
	if (close == 0)
		return 0;
	for (pos = le + 1; pos < close;) {
		size_t e = article_line_end(t, pos, close);
		const char *colon = memchr(t + pos, ':', e - pos);
		if (colon != NULL) {
			char *key = g_ascii_strdown(t + pos, colon - (t + pos));
			g_strstrip(key);
			char **slot = NULL;
			if (strcmp(key, "date") == 0 || strcmp(key, "published") == 0)
				slot = &fm->date;
			else if (strcmp(key, "title") == 0)
				slot = &fm->title;
			else if (strcmp(key, "source") == 0)
				slot = &fm->source;
			else if (strcmp(key, "url") == 0 || strcmp(key, "link") == 0)
				slot = &fm->url;
			else if (strcmp(key, "lang") == 0 || strcmp(key, "language") == 0)
				slot = &fm->lang;
			if (slot != NULL) {
				g_free(*slot);
				*slot = fm_value(colon + 1, (size_t)(t + e - colon - 1));
				if (**slot == '\0')
					g_clear_pointer(slot, g_free);
			}
			g_free(key);
		}
		pos = e + 1;
	}
	return after;
}

/* The inline header " date 2024-03 " at `pos`: returns the offset where the
 * article continues (0 when there is none) and the date in *value. */
static size_t
parse_header(const char *t, size_t pos, size_t len, char **value)
{
	size_t le = article_line_end(t, pos, len);
	size_t s = skip_hspace(t, pos, le);
	size_t m = text_match_prefix(t + s, le - s, "date");
	if (m == 0)
		return 0;
	s += m;
	if (s < le && t[s] == ':')
		s++;
	size_t d = skip_hspace(t, s, le);
	if (d == s && t[s - 1] != ':')
		return 0; /* "dated", "datebook" */
	size_t used;
	char *v = parse_date_prefix(t + d, le - d, false, &used);
	if (v == NULL)
		return 0;
	size_t after = d + used;
	if (after < le && !is_hspace(g_utf8_get_char(t + after))) {
		g_free(v);
		return 0;
	}
	after = skip_hspace(t, after, le);
	if (after == le && le < len)
		after = le + 1;
	*value = v;
	return after;
}

static bool
all_space(const char *t, size_t len)
{
	for (const char *p = t; p < t + len; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!g_unichar_isspace(c) && c != 0xFEFF && c != 0xA0 && c != 0x202F && c != 0x200B)
			return false;
	}
	return true;
}

/* A file name as text: valid UTF-8, each byte that is not written \xHH
 * ("b\xffad.txt"), so that an id or a path a JSON output, the page or
 * the store holds is text (a name is bytes on Linux). Nothing reopens a
 * file by it. */
static char *
name_text(const char *path)
{
	if (g_utf8_validate(path, -1, NULL))
		return g_strdup(path);
	GString *g = g_string_new(NULL);
	for (const char *p = path; *p != '\0';) {
		const char *end = NULL;
		g_utf8_validate(p, -1, &end);
		g_string_append_len(g, p, end - p);
		p = end;
		if (*p != '\0')
			g_string_append_printf(g, "\\x%02x", (unsigned char)*p++);
	}
	return g_string_free(g, FALSE);
}

static char *
base_name(const char *path)
{
	if (strcmp(path, "-") == 0)
		return g_strdup("-");
	return g_path_get_basename(path);
}

/* What the store keys article `a` by (FriseArticle.identity): a JSON
 * Lines record's "id"; else, for a file, its canonical absolute path
 * (symbolic links resolved when it exists); else (standard input, a
 * record without "id") "sha256:" and its bytes' hash. A new string. */
static char *
identity_of(const FriseArticle *a, const char *path, const ArticleMeta *meta)
{
	if (meta != NULL && meta->keyed)
		return g_strdup(meta->id);
	if ((meta != NULL && meta->no_path_date) || strcmp(path, "-") == 0)
		return g_strconcat("sha256:", a->hash, NULL);
	char *real = realpath(path, NULL);
	char *abs = real != NULL ? g_strdup(real) : g_canonicalize_filename(path, NULL);
	free(real);
	char *out = name_text(abs);
	g_free(abs);
	return out;
}

/* The origin of meta->published (FRISE_ORIGIN_NONE without meta). */
static FriseDateOrigin
meta_origin(const ArticleMeta *meta)
{
	return meta != NULL && meta->published != NULL ? meta->origin : FRISE_ORIGIN_NONE;
}

FriseArticle *
article_read_text(const char *path, const char *data, size_t len, const FriseReadOptions *opts,
	     const ArticleMeta *meta, GError **error)
{
	static const FriseReadOptions defaults = { 0 };
	if (opts == NULL)
		opts = &defaults;
	size_t limit = opts->max_bytes != 0 ? opts->max_bytes : ARTICLE_DEFAULT_MAX_BYTES;
	if (len > limit) {
		article_set_limit_error(error, path, len, limit);
		return NULL;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul != NULL) {
		article_set_error(error, FRISE_ERROR_INPUT, path, "NUL byte at byte %zu (binary file?)",
			  (size_t)(nul - data));
		return NULL;
	}

	FriseArticle *a = g_new0(FriseArticle, 1);
	a->raw = g_malloc(len + 1);
	memcpy(a->raw, data, len);
	a->raw[len] = '\0';
	a->raw_len = len;
	a->boilerplate = g_array_new(FALSE, FALSE, sizeof(FriseBoiler));
	a->cuts = g_array_new(FALSE, FALSE, sizeof(FriseBoiler));
	a->title_line = SIZE_MAX;
	if (!article_build_text(a, path, (opts->flags & FRISE_READ_LOSSY) != 0, error)) {
		article_free(a);
		return NULL;
	}
	if (all_space(a->text, a->text_len)) {
		article_set_error(error, FRISE_ERROR_INPUT, path, "empty article");
		article_free(a);
		return NULL;
	}
	a->path = name_text(path);
	a->id = meta != NULL && meta->id != NULL ? g_strdup(meta->id) : base_name(a->path);

	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(sum, (const guchar *)a->raw, (gssize)a->raw_len);
	g_strlcpy(a->hash, g_checksum_get_string(sum), sizeof a->hash);
	g_checksum_free(sum);
	a->identity = identity_of(a, path, meta);

	/* metadata: front matter, then the inline header after it */
	FrontMatter fm = { 0 };
	size_t body = parse_front_matter(a->text, a->text_len, &fm);
	char *header_date = NULL;
	size_t after_header = parse_header(a->text, body, a->text_len, &header_date);
	if (after_header > 0)
		body = after_header;
	a->body.start = body;
	a->body.end = a->text_len;
	add_span(a->boilerplate, 0, body, FRISE_BOILER_METADATA); /* metadata never becomes an event */

	char *fm_date = article_parse_date(fm.date);
	char *from_path = meta != NULL && meta->no_path_date ? NULL : path_date(path);
	if (opts->published != NULL && (a->published = article_parse_date(opts->published)) != NULL)
		a->published_origin = FRISE_ORIGIN_OPTION;
	else if (meta != NULL && meta->published != NULL)
		a->published = g_strdup(meta->published), a->published_origin = meta->origin;
	else if (fm_date != NULL)
		a->published = g_steal_pointer(&fm_date), a->published_origin = FRISE_ORIGIN_FRONT_MATTER;
	else if (header_date != NULL)
		a->published = g_steal_pointer(&header_date), a->published_origin = FRISE_ORIGIN_HEADER;
	else if (from_path != NULL)
		a->published = g_steal_pointer(&from_path), a->published_origin = FRISE_ORIGIN_PATH;
	g_free(fm_date);
	g_free(header_date);
	g_free(from_path);
	if (a->published != NULL)
		a->published_from = a->published_origin == meta_origin(meta) && meta->published_from != NULL
				    ? meta->published_from : article_origin_name(a->published_origin);

	/* a link goes to every output: only http(s), percent-encoded, so
	 * that no line break or quote in it can end a calendar line or an
	 * attribute (frise.h) */
	a->url = frise_url_web(meta != NULL && meta->url != NULL ? meta->url : fm.url);
	a->url_from = a->url == NULL ? NULL : meta != NULL && meta->url != NULL ? meta->url_from : "front matter";
	a->source = g_strdup(meta != NULL && meta->source != NULL ? meta->source : fm.source);
	a->source_from = a->source == NULL ? NULL : meta != NULL && meta->source != NULL ? meta->source_from
										    : "front matter";

	char *title = NULL;
	if (meta != NULL && meta->title != NULL && *meta->title != '\0')
		title = g_strdup(meta->title), a->title_from = meta->title_from;
	else if (fm.title != NULL)
		title = g_strdup(fm.title), a->title_from = "front matter";

	/* the language is decided here, once, for every later stage; lang_from
	 * names the metadata that gave it, else follows lang_origin */
	bool from_meta = meta != NULL && meta->lang != NULL;
	FriseLang given = frise_lang_parse(from_meta ? meta->lang : fm.lang);
	const char *body_text = a->text + a->body.start;
	size_t body_len = a->body.end - a->body.start;
	if (opts->lang != FRISE_LANG_UNKNOWN)
		a->lang = opts->lang, a->lang_origin = FRISE_LANG_FROM_OPTION;
	else if (given != FRISE_LANG_UNKNOWN)
		a->lang = given, a->lang_origin = FRISE_LANG_FROM_METADATA;
	else if ((a->lang = article_detect_lang(body_text, body_len)) != FRISE_LANG_UNKNOWN)
		a->lang_origin = FRISE_LANG_FROM_WORDS;
	else if ((a->lang = guess_lang(body_text, body_len)) != FRISE_LANG_UNKNOWN)
		a->lang_origin = FRISE_LANG_FROM_FEW_WORDS;
	else
		a->lang = FRISE_LANG_FR, a->lang_origin = FRISE_LANG_FROM_DEFAULT; /* article_read_paths() may do better */
	if (a->lang_origin == FRISE_LANG_FROM_METADATA)
		a->lang_from = from_meta ? meta->lang_from : "front matter";
	else
		a->lang_from = article_lang_origin_name(a->lang_origin);

	/* chrome glued to the story cut out of the text, then boilerplate
	 * lines by their words (in the article's language), then the title */
	GArray *cuts = boiler_cuts(a);
	article_cut_text(a, cuts);
	g_array_unref(cuts);
	boiler_scan(a);
	if (title == NULL)
		title = boiler_title(a);
	if (a->title_from == NULL)
		a->title_from = title != NULL ? "first line" : "id";
	a->title = title != NULL ? title : g_strdup(a->id);

	g_free(fm.date);
	g_free(fm.title);
	g_free(fm.source);
	g_free(fm.url);
	g_free(fm.lang);
	return a;
}

/* The primary subtag of a language tag ("en-US" -> "en") in buf. */
static const char *
primary_lang(const char *tag, char *buf, size_t cap)
{
	if (tag == NULL)
		return NULL;
	size_t n = strcspn(tag, "-");
	if (n == 0 || n >= cap)
		return NULL;
	memcpy(buf, tag, n);
	buf[n] = '\0';
	return buf;
}

/*
 * A web page: its main text is read as the article, with the page's
 * metadata where `given` (a JSON Lines record, may be NULL) says nothing;
 * --dct still wins over both (article_read_text).
 */
FriseArticle *
article_read_page(const char *path, const char *data, size_t len, const FriseReadOptions *opts, const ArticleMeta *given,
	  GError **error)
{
	size_t limit = opts != NULL && opts->max_bytes != 0 ? opts->max_bytes : ARTICLE_DEFAULT_MAX_BYTES;
	if (len > limit) {
		article_set_limit_error(error, path, len, limit);
		return NULL;
	}
	WebpagePage *page = webpage_read(path, data, len, error);
	if (page == NULL)
		return NULL;
	ArticleMeta m = given != NULL ? *given : (ArticleMeta){ .no_path_date = false };
	if (m.title == NULL)
		m.title = page->title.value, m.title_from = page->title.from;
	if (m.url == NULL)
		m.url = page->canonical.value, m.url_from = page->canonical.from;
	if (m.source == NULL)
		m.source = page->site_name.value, m.source_from = page->site_name.from;
	char lang[8];
	if (m.lang == NULL && (m.lang = primary_lang(page->lang.value, lang, sizeof lang)) != NULL)
		m.lang_from = page->lang.from;
	char *published = NULL;
	bool page_date = false;
	if (m.published == NULL && page->published.value != NULL &&
	    (published = article_parse_date(page->published.value)) != NULL) {
		m.published = published, m.origin = FRISE_ORIGIN_HTML, m.published_from = page->published.from;
		page_date = true;
	}
	FriseArticle *a = article_read_text(path, page->text, page->text_len, opts, &m, error);
	if (a != NULL) {
		if (page_date && a->published_origin == FRISE_ORIGIN_HTML)
			a->published_time = g_strdup(page->published.value);
		a->modified = g_steal_pointer(&page->modified.value), a->modified_from = page->modified.from;
		a->site_name = g_steal_pointer(&page->site_name.value), a->site_name_from = page->site_name.from;
		a->byline = g_steal_pointer(&page->byline.value), a->byline_from = page->byline.from;
		a->canonical = g_steal_pointer(&page->canonical.value), a->canonical_from = page->canonical.from;
		a->lang_tag = g_steal_pointer(&page->lang.value);
		if (a->modified == NULL)
			a->modified_from = NULL;
		if (a->site_name == NULL)
			a->site_name_from = NULL;
		if (a->byline == NULL)
			a->byline_from = NULL;
		if (a->canonical == NULL)
			a->canonical_from = NULL;
	}
	g_free(published);
	webpage_free(page);
	return a;
}

bool
article_is_web_page(const char *path, const char *data, size_t len)
{
	return webpage_has_html_name(path) || webpage_sniff(data, len);
}

size_t
article_body_start(const char *data, size_t len)
{
	/* the metadata is in the first FRONT_MATTER_MAX bytes and a header
	 * line: read them as the reader does (lossy: the cut may split a
	 * character), and map the body's start back to the bytes given */
	size_t n = MIN(len, (size_t)FRONT_MATTER_MAX + 4096);
	FriseArticle a = { 0 };
	a.raw = g_strndup(data, n);
	a.raw_len = strlen(a.raw); /* a NUL ends it: the caller refuses those */
	size_t start = 0;
	if (article_build_text(&a, "", true, NULL)) {
		FrontMatter fm = { 0 };
		size_t body = parse_front_matter(a.text, a.text_len, &fm);
		char *header_date = NULL;
		size_t after_header = parse_header(a.text, body, a.text_len, &header_date);
		if (after_header > 0)
			body = after_header;
		/* a cut inside the header's line reads as no header: the line must end in the prefix */
		start = body < a.text_len || n == len ? article_raw_offset(&a, body) : 0;
		g_free(header_date);
		g_free(fm.date);
		g_free(fm.title);
		g_free(fm.source);
		g_free(fm.url);
		g_free(fm.lang);
	}
	g_free(a.raw);
	g_free(a.text);
	if (a.map_ != NULL)
		g_array_free(a.map_, TRUE);
	return start;
}

FriseArticle *
article_read_bytes(const char *path, const char *data, size_t len, const FriseReadOptions *opts,
		   GError **error)
{
	if (article_is_web_page(path, data, len))
		return article_read_page(path, data, len, opts, NULL, error);
	return article_read_text(path, data, len, opts, NULL, error);
}

const FriseBoiler *
article_boilerplate_at(const FriseArticle *article, size_t text_offset)
{
	const GArray *spans = article->boilerplate;
	if (spans == NULL)
		return NULL;
	/* spans are in text order and do not overlap */
	guint lo = 0, hi = spans->len;
	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		const FriseBoiler *b = &g_array_index(spans, FriseBoiler, mid);
		if (text_offset < b->span.start)
			hi = mid;
		else if (text_offset >= b->span.end)
			lo = mid + 1;
		else
			return b;
	}
	return NULL;
}

bool
article_is_boilerplate(const FriseArticle *article, size_t text_offset)
{
	return article_boilerplate_at(article, text_offset) != NULL;
}

void
article_free(FriseArticle *article)
{
	if (article == NULL)
		return;
	g_free(article->id);
	g_free(article->identity);
	g_free(article->path);
	g_free(article->title);
	g_free(article->url);
	g_free(article->source);
	g_free(article->published);
	g_free(article->published_time);
	g_free(article->modified);
	g_free(article->site_name);
	g_free(article->byline);
	g_free(article->canonical);
	g_free(article->lang_tag);
	g_free(article->raw);
	g_free(article->text);
	if (article->boilerplate != NULL)
		g_array_free(article->boilerplate, TRUE);
	if (article->cuts != NULL)
		g_array_free(article->cuts, TRUE);
	if (article->map_ != NULL)
		g_array_free(article->map_, TRUE);
	g_free(article);
}
