/*
 * webpage_meta.c — a web page's metadata (prefix webpage_): exports
 * webpage_read_meta, webpage_similarity and webpage_clean
 * (webpage_private.h). The dates are read by webpage_date.c, the JSON-LD
 * by webpage_jsonld.c.
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
 * the month names of every language of src/lang/ (webpage_date.c). URLs
 * come out absolute (http or https only), without control characters,
 * spaces and non-ASCII bytes percent-encoded.
 */
#include "core/lang.h"
#include "core/text.h"
#include "reader/webpage_private.h"

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
char *
webpage_clean(const char *v)
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
		return webpage_clean(m->value);
	char *t = webpage_node_text(doc, m->node);
	char *c = webpage_clean(t);
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
choose_title(const WebpageDoc *doc, const WebpageLd *ld, const char *site, const GPtrArray *site_keys,
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
		char *d = t != NULL ? webpage_parse_text_date(t) : NULL;
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
		char *v = webpage_accept_date(m->value, NULL);
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
	WebpageLd ld = { 0 };
	webpage_read_jsonld(doc, &ld);
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
	if (!set_field(&page->published, ld.published != NULL ? webpage_accept_date(ld.published, NULL) : NULL,
		       "json-ld datePublished") &&
	    !from_items(doc, &page->published, published_sources, G_N_ELEMENTS(published_sources), webpage_accept_date, NULL)) {
		const char *from = NULL;
		char *t = time_element(doc, chrome, &from);
		if (!set_field(&page->published, t, from) &&
		    !from_items(doc, &page->published, compact_sources, G_N_ELEMENTS(compact_sources), webpage_accept_date, "")) {
			if (!set_field(&page->published, page_dateline(doc, chrome), "byline-line"))
				set_field(&page->published, webpage_url_date(page->canonical.value), "url");
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
	if (!set_field(&page->modified, ld.modified != NULL ? webpage_accept_date(ld.modified, NULL) : NULL,
		       "json-ld dateModified"))
		from_items(doc, &page->modified, modified_sources, G_N_ELEMENTS(modified_sources), webpage_accept_date, NULL);

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
	webpage_ld_clear(&ld);
}
