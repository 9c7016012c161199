/*
 * test_webpage.c — unit tests of the web-page reader (src/reader/webpage.h)
 * and of how the article reader uses it: one line per case. Metadata from
 * each kind of source with its provenance, title suffixes, JSON-LD forms,
 * dates with their precision and offset, URLs, languages, charsets,
 * boilerplate left out of the text, and hostile pages (deep nesting,
 * unclosed tags, NUL, absurd attributes), each at the size that crosses
 * the reader's limit and, with -m slow, at scale (16 MiB of <div>).
 */
#include "frise/article.h"
#include "reader/webpage.h"

#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <string.h>

/* A paragraph long enough to be scored as text. */
#define PARA "The council voted on Tuesday to reopen the harbour bridge, after two years of repairs, a decision residents welcomed."
#define LD(json) "<script type=\"application/ld+json\">" json "</script>"

static WebpagePage *
read_page(const char *html, gssize len)
{
	GError *e = NULL;
	WebpagePage *p = webpage_read("t.html", html, len < 0 ? strlen(html) : (size_t)len, &e);
	g_assert_no_error(e);
	g_assert_nonnull(p);
	g_assert_true(g_utf8_validate(p->text, (gssize)p->text_len, NULL));
	g_assert_null(memchr(p->text, '\0', p->text_len));
	return p;
}

/* ------------------------------------------------------------------ */
/* Metadata, one source per line. */

typedef enum { F_TITLE, F_PUBLISHED, F_MODIFIED, F_SITE, F_BYLINE, F_CANONICAL, F_LANG } Field;

static const WebpageField *
field(const WebpagePage *p, Field f)
{
	const WebpageField *all[] = { &p->title, &p->published, &p->modified, &p->site_name, &p->byline,
				      &p->canonical, &p->lang };
	return all[f];
}

static const struct {
	const char *head, *body; /* body: before the paragraph */
	Field field;
	const char *value, *from; /* NULL: none */
} meta_cases[] = {
	/* titles */
	{ "<meta property=\"og:title\" content=\"Bridge reopens\">", "", F_TITLE, "Bridge reopens", "og:title" },
	{ "<meta name=\"twitter:title\" content=\"Bridge reopens\">", "", F_TITLE, "Bridge reopens", "twitter:title" },
	{ "<meta name=\"DC.title\" content=\"Bridge reopens\">", "", F_TITLE, "Bridge reopens", "dc.title" },
	{ LD("{\"@type\":\"NewsArticle\",\"headline\":\"Bridge reopens\"}"), "", F_TITLE, "Bridge reopens", "json-ld headline" },
	{ LD("{\"@type\":\"Article\",\"name\":\"Bridge reopens\"}"), "", F_TITLE, "Bridge reopens", "json-ld name" },
	{ LD("{\"@type\":\"NewsArticle\",\"headline\":\"Bridge\"}") "<meta property=\"og:title\" content=\"Other\">", "", F_TITLE, "Bridge", "json-ld headline" },
	{ "<title>Bridge reopens | The Post</title><meta property=\"og:site_name\" content=\"The Post\">", "", F_TITLE, "Bridge reopens", "title" },
	{ "<title>Bridge reopens - Post</title><meta property=\"og:site_name\" content=\"The Post\">", "", F_TITLE, "Bridge reopens", "title" },
	{ "<title>Bridge reopens – Example News</title><link rel=\"canonical\" href=\"https://www.examplenews.com/a\">", "", F_TITLE, "Bridge reopens", "title" },
	{ "<title>Bridge reopens | TMZ.com</title><meta property=\"og:url\" content=\"http://www.tmz.com/x\">", "", F_TITLE, "Bridge reopens", "title" },
	{ "<title>Bridge reopens | Metro | The Post</title><meta property=\"og:site_name\" content=\"The Post\">", "", F_TITLE, "Bridge reopens | Metro", "title" },
	{ "<title>The Post | Bridge reopens</title><meta property=\"og:site_name\" content=\"The Post\">", "", F_TITLE, "Bridge reopens", "title" },
	{ "<meta property=\"og:title\" content=\"Bridge reopens | Jo Smith\">", "", F_TITLE, "Bridge reopens | Jo Smith", "og:title" },
	{ "<meta property=\"og:title\" content=\"Bridge reopens - The Post\"><meta property=\"og:site_name\" content=\"The Post\">", "", F_TITLE, "Bridge reopens", "og:title" },
	{ "<title>Bridge reopens after repairs - The Post</title>", "<h1>Bridge reopens after repairs</h1>", F_TITLE, "Bridge reopens after repairs", "h1" },
	{ "<title>Bridge: what we know</title>", "<h1>Site menu here</h1>", F_TITLE, "Bridge: what we know", "title" },
	{ "<title>The harbour bridge reopens after repairs - Metro</title>", "", F_TITLE, "The harbour bridge reopens after repairs", "title" },
	{ "<title>Bridge reopens - Metro</title>", "", F_TITLE, "Bridge reopens - Metro", "title" },
	{ "", "<h1>Bridge reopens after repairs</h1>", F_TITLE, "Bridge reopens after repairs", "h1" },
	{ "<meta property=\"og:title\" content=\"Post News - Latest\"><meta name=\"application-name\" content=\"Post News - Latest\"><title>Bridge reopens now</title>", "<h1>Bridge reopens now</h1>", F_TITLE, "Bridge reopens now", "h1" },
	{ "<meta property=\"og:title\" content=\"Bridge &amp;#039;reopens&amp;#039;\">", "", F_TITLE, "Bridge 'reopens'", "og:title" },
	{ "<meta property=\"og:title\" content=\"  Bridge\n\t reopens  \">", "", F_TITLE, "Bridge reopens", "og:title" },
	/* JSON-LD forms */
	{ LD("{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Post\"},{\"@type\":\"NewsArticle\",\"headline\":\"In a graph\"}]}"), "", F_TITLE, "In a graph", "json-ld headline" },
	{ LD("[{\"@type\":\"BreadcrumbList\"},{\"@type\":\"ReportageNewsArticle\",\"headline\":\"In an array\"}]"), "", F_TITLE, "In an array", "json-ld headline" },
	{ LD("<![CDATA[ {\"@type\":\"BlogPosting\",\"headline\":\"In CDATA\"} ]]>"), "", F_TITLE, "In CDATA", "json-ld headline" },
	{ LD("{\"@type\":[\"NewsArticle\",\"Thing\"],\"headline\":\"Two types\"}"), "", F_TITLE, "Two types", "json-ld headline" },
	{ LD("{not json at all") "<meta property=\"og:title\" content=\"Fallback\">", "", F_TITLE, "Fallback", "og:title" },
	{ LD("{\"@type\":\"NewsArticle\",\"datePublished\":\"2015-07-24T05:36:09+01:00\"}"), "", F_PUBLISHED, "2015-07-24T05:36:09+01:00", "json-ld datePublished" },
	{ LD("{\"@type\":\"NewsArticle\",\"dateModified\":\"2015-07-25\"}"), "", F_MODIFIED, "2015-07-25", "json-ld dateModified" },
	{ LD("{\"@type\":\"NewsArticle\",\"author\":[{\"name\":\"Ada Moreau\"},{\"name\":\"Tom Ilić\"}]}"), "", F_BYLINE, "Ada Moreau, Tom Ilić", "json-ld author" },
	{ LD("{\"@type\":\"NewsArticle\",\"author\":\"Ada Moreau\"}"), "", F_BYLINE, "Ada Moreau", "json-ld author" },
	{ LD("{\"@type\":\"NewsArticle\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Libération\"}}") "<meta property=\"og:site_name\" content=\"Libération.fr\">", "", F_SITE, "Libération", "json-ld publisher" },
	{ LD("{\"@type\":\"NewsArticle\",\"url\":\"https://post.example/a\"}"), "", F_CANONICAL, "https://post.example/a", "json-ld url" },
	{ LD("{\"@type\":\"NewsArticle\",\"inLanguage\":\"fr-FR\"}"), "", F_LANG, "fr-FR", "json-ld inLanguage" },
	/* publication dates: precision and offset kept */
	{ "<meta property=\"article:published_time\" content=\"2019-04-28 06:01:07\">", "", F_PUBLISHED, "2019-04-28T06:01:07", "meta article:published_time" },
	{ "<meta property=\"article:published_time\" content=\"2019-01-03T07:00:02.000Z\">", "", F_PUBLISHED, "2019-01-03T07:00:02Z", "meta article:published_time" },
	{ "<meta name=\"parsely-pub-date\" content=\"2016-02-01T01:28:49+00:00\">", "", F_PUBLISHED, "2016-02-01T01:28:49+00:00", "meta parsely-pub-date" },
	{ "<meta name=\"sailthru.date\" content=\"2016-02-01 01:28\">", "", F_PUBLISHED, "2016-02-01T01:28", "meta sailthru.date" },
	{ "<meta name=\"DC.date.issued\" content=\"2016-02-01\">", "", F_PUBLISHED, "2016-02-01", "meta DC.date.issued" },
	{ "<meta name=\"dc.date\" content=\"2016-02\">", "", F_PUBLISHED, "2016-02", "meta dc.date" },
	{ "<meta name=\"date\" content=\"2016-02-01 01:28:49\">", "", F_PUBLISHED, "2016-02-01T01:28:49", "meta date" },
	{ "<meta name=\"pdate\" content=\"20160729\">", "", F_PUBLISHED, "2016-07-29", "meta pdate" },
	{ "", "<meta itemprop=\"datePublished\" content=\"2017-11-16T14:15+0000\">", F_PUBLISHED, "2017-11-16T14:15+00:00", "itemprop datePublished" },
	{ "", "<h1>A headline here</h1><time datetime=\"2013-09-11T10:00:00-04:00\">Sept. 11</time>", F_PUBLISHED, "2013-09-11T10:00:00-04:00", "time[datetime]" },
	{ "", "<time datetime=\"2012-01-01\">old</time><h1>A headline here</h1><time datetime=\"2013-09-11\">x</time>", F_PUBLISHED, "2013-09-11", "time[datetime]" },
	{ "", "<time pubdate datetime=\"2013-09-11\">Sept. 11</time>", F_PUBLISHED, "2013-09-11", "time[pubdate]" },
	{ "", "<div class=\"byline\">By Jo Smith | April 28, 2019 at 6:01 pm</div>", F_PUBLISHED, "2019-04-28T18:01", "byline-line" },
	{ "", "<p class=\"date\">Publié le 30 avril 2015 à 07h19</p>", F_PUBLISHED, "2015-04-30T07:19", "byline-line" },
	{ "", "<span class=\"timestamp\">1er mai 2015</span>", F_PUBLISHED, "2015-05-01", "byline-line" },
	{ "", "<span class=\"date\">30/04/2015</span>", F_PUBLISHED, "2015-04-30", "byline-line" },
	{ "", "<span class=\"date\">04/05/2015</span>", F_PUBLISHED, NULL, NULL },
	{ "", "<p>Posted March 3, 2004</p>", F_PUBLISHED, "2004-03-03", "text dateline" },
	{ "", "<p>Mis à jour le 8 mars 2023 à 6h45 par la rédaction du journal local</p>", F_PUBLISHED, "2023-03-08T06:45", "text dateline" },
	{ "", "<p>April 17, 2015 -- Drug-resistant bacteria are spreading, doctors warned on Friday in a report.</p>", F_PUBLISHED, "2015-04-17", "text dateline" },
	{ "<link rel=\"canonical\" href=\"https://post.example/news/2015/04/30/story\">", "", F_PUBLISHED, "2015-04-30", "url" },
	{ "<link rel=\"canonical\" href=\"https://post.example/2015/04/story\">", "", F_PUBLISHED, "2015-04", "url" },
	{ "<meta property=\"article:published_time\" content=\"yesterday\">", "", F_PUBLISHED, NULL, NULL },
	{ "<meta property=\"article:published_time\" content=\"2015-02-30\">", "", F_PUBLISHED, NULL, NULL },
	{ "<meta property=\"article:modified_time\" content=\"2016-05-08T10:11:51+01:00\">", "", F_MODIFIED, "2016-05-08T10:11:51+01:00", "meta article:modified_time" },
	{ "<meta property=\"og:updated_time\" content=\"2016-05-08\">", "", F_MODIFIED, "2016-05-08", "meta og:updated_time" },
	/* site names */
	{ "<meta property=\"og:site_name\" content=\"The Post\">", "", F_SITE, "The Post", "og:site_name" },
	{ "<meta name=\"application-name\" content=\"The Post\">", "", F_SITE, "The Post", "application-name" },
	{ "<title>Bridge reopens</title><meta name=\"application-name\" content=\"Bridge reopens\">", "", F_SITE, NULL, NULL },
	/* bylines */
	{ "<meta name=\"author\" content=\"Ada Moreau\">", "", F_BYLINE, "Ada Moreau", "meta author" },
	{ "<meta property=\"article:author\" content=\"https://facebook.example/ada\">", "", F_BYLINE, NULL, NULL },
	{ "", "<a rel=\"author\" href=\"/ada\">Ada Moreau</a>", F_BYLINE, "Ada Moreau", "rel=author" },
	{ "", "<span itemprop=\"author\">Ada Moreau</span>", F_BYLINE, "Ada Moreau", "itemprop author" },
	{ "", "<div class=\"byline\">By Ada Moreau</div>", F_BYLINE, "By Ada Moreau", "byline" },
	{ "", "<div class=\"comments\"><div class=\"byline\">By a commenter</div></div>", F_BYLINE, NULL, NULL },
	/* canonical URLs: http(s) only, absolute, spaces and non-ASCII escaped */
	{ "<link rel=\"canonical\" href=\"https://post.example/a\">", "", F_CANONICAL, "https://post.example/a", "link[rel=canonical]" },
	{ "<meta property=\"og:url\" content=\"https://post.example/b\">", "", F_CANONICAL, "https://post.example/b", "og:url" },
	{ "<link rel=\"canonical\" href=\"/a/b\"><meta property=\"og:url\" content=\"https://post.example/x\">", "", F_CANONICAL, "https://post.example/a/b", "link[rel=canonical]" },
	{ "<link rel=\"canonical\" href=\"//post.example/a\"><meta property=\"og:url\" content=\"http://post.example/x\">", "", F_CANONICAL, "http://post.example/a", "link[rel=canonical]" },
	{ "<link rel=\"canonical\" href=\"//post.example/a\">", "", F_CANONICAL, NULL, NULL },
	{ "<link rel=\"canonical\" href=\"javascript:alert(1)\">", "", F_CANONICAL, NULL, NULL },
	{ "<link rel=\"canonical\" href=\"ftp://post.example/a\">", "", F_CANONICAL, NULL, NULL },
	{ "<link rel=\"canonical\" href=\"HTTPS://post.example/a b/é\">", "", F_CANONICAL, "https://post.example/a%20b/%C3%A9", "link[rel=canonical]" },
	{ "<link rel=\"canonical\" href=\"https://post.example/a\tb\">", "", F_CANONICAL, NULL, NULL },
	/* escaped as frise_url_web() escapes every link: a lone '%' too */
	{ "<link rel=\"canonical\" href=\"https://post.example/100%\">", "", F_CANONICAL, "https://post.example/100%25", "link[rel=canonical]" },
	{ "<link rel=\"canonical\" href=\"https://post.example/%41\">", "", F_CANONICAL, "https://post.example/%41", "link[rel=canonical]" },
	{ "<link rel=\"canonical\" href=\"https:///path\">", "", F_CANONICAL, NULL, NULL },
	/* languages */
	{ "", "", F_LANG, NULL, NULL },
	{ "<meta http-equiv=\"Content-Language\" content=\"fr\">", "", F_LANG, "fr", "meta content-language" },
	{ "<meta property=\"og:locale\" content=\"en_GB\">", "", F_LANG, "en-GB", "og:locale" },
	{ "<meta property=\"og:locale\" content=\"not a language!\">", "", F_LANG, NULL, NULL },
};

static void
test_meta(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(meta_cases); i++) {
		char *html = g_strdup_printf("<!DOCTYPE html><html><head>%s</head><body>%s<p>" PARA "</p></body></html>",
					     meta_cases[i].head, meta_cases[i].body);
		WebpagePage *p = read_page(html, -1);
		const WebpageField *f = field(p, meta_cases[i].field);
		if (g_strcmp0(f->value, meta_cases[i].value) != 0 || g_strcmp0(f->from, meta_cases[i].from) != 0)
			g_error("case %zu (%s%s): got '%s' from %s, expected '%s' from %s", i, meta_cases[i].head,
				meta_cases[i].body, f->value, f->from, meta_cases[i].value, meta_cases[i].from);
		webpage_free(p);
		g_free(html);
	}
}

/* The <html lang> wins over the other language sources. */
static void
test_html_lang(void)
{
	WebpagePage *p = read_page("<html lang=\"en-US\"><head><meta property=\"og:locale\" content=\"fr_FR\"></head>"
				   "<body><p>" PARA "</p></body></html>", -1);
	g_assert_cmpstr(p->lang.value, ==, "en-US");
	g_assert_cmpstr(p->lang.from, ==, "html[lang]");
	webpage_free(p);
}

/* ------------------------------------------------------------------ */
/* Charsets: bytes in, text out. */

static const struct {
	const char *bytes;
	gssize len; /* -1: strlen */
	const char *text;
} charset_cases[] = {
	{ "<meta charset=\"windows-1252\"><p>caf\xe9 \x93quoted\x94 \x80 \x85</p>", -1, "café “quoted” € …" },
	{ "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xe9 \x96 x</p>", -1, "café – x" },
	{ "<meta charset='latin1'><p>na\xefve</p>", -1, "naïve" },
	{ "<p>caf\xe9 undeclared</p>", -1, "café undeclared" },
	{ "<meta charset=\"utf-8\"><p>a\xff b</p>", -1, "a\xEF\xBF\xBD b" },
	{ "<meta charset=\"x-nonsense\"><p>caf\xc3\xa9</p>", -1, "café" },
	{ "<meta charset=\"x-nonsense\"><p>caf\xe9</p>", -1, "café" },
	{ "<meta charset=\"koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>", -1, "Привет" },
	{ "<meta charset=\"utf-16\"><p>caf\xc3\xa9</p>", -1, "café" },
	{ "\xEF\xBB\xBF<p>caf\xc3\xa9 BOM</p>", -1, "café BOM" },
	{ "\xFF\xFE<\0p\0>\0\xe9\0t\0\xe9\0<\0/\0p\0>\0", 22, "été" },
	{ "\xFE\xFF\0<\0p\0>\0\xe9\0t\0\xe9\0<\0/\0p\0>", 22, "été" },
	{ "<p>a\0b</p>", 10, "a\xEF\xBF\xBD" "b" },
	{ "<p>&#150; &#x2014; &eacute; &amp;amp; &#0; &#xD800; &lt;b&gt;</p>", -1, "– — é &amp; <b>" },
	{ "<!-- <meta charset=\"koi8-r\"> --><meta charset=\"windows-1252\"><p>caf\xe9</p>", -1, "café" },
};

static void
test_charsets(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(charset_cases); i++) {
		WebpagePage *p = read_page(charset_cases[i].bytes, charset_cases[i].len);
		if (strcmp(p->text, charset_cases[i].text) != 0 && strstr(p->text, charset_cases[i].text) == NULL)
			g_error("case %zu: got '%s', expected '%s'", i, p->text, charset_cases[i].text);
		webpage_free(p);
	}
}

/* ------------------------------------------------------------------ */
/* The main text: boilerplate out, paragraphs in order. */

#define P1 "The harbour bridge reopened to traffic on Tuesday, two years after cracks in its main span forced the city to close it, and commuters cheered."
#define P2 "Engineers replaced 1,200 tonnes of steel, repainted the towers and rebuilt the deck, the works department said, at a cost of 48 million pounds."
#define P3 "The council will decide in May whether to add a cycle lane, a plan that residents, cyclists and shopkeepers have argued about for years."

static const struct {
	const char *body;
	const char *text;
} text_cases[] = {
	{ "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p>", P1 "\n\n" P2 "\n\n" P3 },
	{ "<nav><a href=/>Home</a> <a href=/n>News</a></nav><article><p>" P1 "</p><p>" P2 "</p></article><footer><p>Copyright 2024, all rights reserved, contact us.</p></footer>", P1 "\n\n" P2 },
	{ "<article><h1>Harbour bridge reopens after repairs</h1><p>" P1 "</p><h2>A long closure</h2><p>" P2 "</p></article>", P1 "\n\nA long closure\n\n" P2 },
	{ "<article><div class=\"share-bar\"><a href=/s>Share on X</a> <a href=/m>Email</a></div><p>" P1 "</p><p>" P2 "</p></article>", P1 "\n\n" P2 },
	{ "<article><p>" P1 "</p><p>" P2 "</p></article><section id=\"comments\"><div class=comment><p>" P3 "</p></div></section>", P1 "\n\n" P2 },
	{ "<article><p>" P1 "</p><p>" P2 "</p><aside class=\"related\"><ul><li><a href=/a>Ferry fares to rise in April</a></li></ul></aside></article>", P1 "\n\n" P2 },
	{ "<div class=\"sidebar\"><p>" P3 "</p></div><div class=\"content\"><p>" P1 "</p><p>" P2 "</p></div>", P1 "\n\n" P2 },
	{ "<div role=\"navigation\"><p>" P3 "</p></div><div><p>" P1 "</p><p>" P2 "</p></div>", P1 "\n\n" P2 },
	{ "<div><p>" P1 "</p><p style=\"display: none\">" P3 "</p><p hidden>" P3 "</p><div aria-hidden=\"true\">" P3 "</div><p>" P2 "</p></div>", P1 "\n\n" P2 },
	{ "<div><p>" P1 "</p><script>var x = '" P3 "';</script><style>p{}</style><noscript>" P3 "</noscript><template><p>" P3 "</p></template><svg><text>" P3 "</text></svg><p>" P2 "</p></div>", P1 "\n\n" P2 },
	{ "<div><p>" P1 "</p><form><p>Sign up for our newsletter, it is free, short and sent every weekday.</p><input type=email><button>Subscribe</button></form><p>" P2 "</p></div>", P1 "\n\n" P2 },
	{ "<div><p>" P1 "</p><div class=\"advert\">Advertisement</div><p>" P2 "</p></div>", P1 "\n\n" P2 },
	{ "<div><p>" P1 "</p><figure><img src=a.jpg><figcaption>The bridge at dawn, on its first day back in service.</figcaption></figure><p>" P2 "</p></div>", P1 "\n\nThe bridge at dawn, on its first day back in service.\n\n" P2 },
	{ "<div class=\"story\">" P1 "<br><br>" P2 "<br><br>" P3 "</div>", P1 "\n\n" P2 "\n\n" P3 },
	{ "<div><p>" P1 "</p><p>First line of a poem, short<br>and the second line</p><p>" P2 "</p></div>", P1 "\n\nFirst line of a poem, short\nand the second line\n\n" P2 },
	{ "<p>  Spaces \n\t collapse&nbsp;here, <b>bold</b> <i>it</i>alic, Netan&shy;yahu.  </p>", "Spaces collapse\xC2\xA0here, bold italic, Netanyahu." },
	{ "<p>one<p>two<div><span>three, unclosed", "one\n\ntwo\n\nthree, unclosed" },
	{ "<p>" P1 "<section><p>" P2 "</p></section>", P1 "\n\n" P2 },
	{ "<table><tr><td><p>" P1 "</p><p>" P2 "</p></td><td><div><a href=/>Home</a> <a href=/n>News</a> <a href=/s>Sport</a></div></td></tr></table>", P1 "\n\n" P2 },
	{ "<div><p>" P1 "</p></div><div class=\"comments\"><p>" P2 "</p><p>" P3 "</p></div>", P1 },
};

static void
test_text(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(text_cases); i++) {
		char *html = g_strdup_printf("<!DOCTYPE html><html><head><title>Harbour bridge reopens after repairs</title>"
					     "</head><body>%s</body></html>", text_cases[i].body);
		WebpagePage *p = read_page(html, -1);
		if (strcmp(p->text, text_cases[i].text) != 0)
			g_error("case %zu: got\n%s\nexpected\n%s", i, p->text, text_cases[i].text);
		webpage_free(p);
		g_free(html);
	}
}

/* A page with only chrome has no article text: an error naming the file. */
static void
test_no_text(void)
{
	static const char *const pages[] = {
		"", "<html></html>", "<nav><a href=/>Home</a></nav>", "<script>x()</script>", "<!-- only a comment -->",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(pages); i++) {
		GError *e = NULL;
		g_assert_null(webpage_read("empty.html", pages[i], strlen(pages[i]), &e));
		g_assert_error(e, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT);
		g_assert_cmpstr(e->message, ==, "empty.html: no article text in this web page");
		g_clear_error(&e);
	}
}

/* ------------------------------------------------------------------ */
/* Hostile pages: each must come back (text or error), quickly. */

static char *
repeat(const char *head, const char *unit, size_t bytes, const char *tail, size_t *len)
{
	GString *s = g_string_sized_new(bytes + 256);
	g_string_append(s, head);
	size_t ul = strlen(unit);
	while (s->len + ul <= bytes)
		g_string_append_len(s, unit, (gssize)ul);
	g_string_append(s, tail);
	*len = s->len;
	return g_string_free(s, FALSE);
}

static char *
numbered(const char *head, const char *fmt, size_t bytes, const char *tail, size_t *len)
{
	GString *s = g_string_sized_new(bytes + 256);
	g_string_append(s, head);
	const char *mark = strstr(fmt, "%u");
	g_assert_nonnull(mark);
	for (unsigned i = 0; s->len < bytes; i++) {
		g_string_append_len(s, fmt, mark - fmt);
		g_string_append_printf(s, "%u", i);
		g_string_append(s, mark + 2);
	}
	g_string_append(s, tail);
	*len = s->len;
	return g_string_free(s, FALSE);
}

#define KIB ((size_t)1 << 10)
#define MIB ((size_t)1 << 20)

/*
 * Each page is read at two sizes. `bytes` is the smallest that still goes
 * past the limit the case is about (webpage.c: DEPTH_MAX 192 open
 * elements, VALUE_MAX 64 KiB, TEXT_SPLIT 1 MiB, UNKNOWN_NAMES_MAX 4,096
 * names; cJSON's 1,000 levels), with a margin: /webpage/hostile reads them
 * so, in every run, valgrind's included. `scale` is the size that shows
 * the reading stays linear, up to the reader's 16 MiB limit, and crosses
 * ELEMENTS_MAX (250,000 elements: "many line breaks"): /webpage/hostile/scale
 * reads them so with -m slow (the webpage-scale test: natively and under
 * ASan; under valgrind a 16 MiB page takes minutes, and 250,000 elements
 * through libxml2 alone half a minute).
 */
static const struct {
	const char *name;
	const char *head, *unit, *tail;
	bool numbered;  /* "%u" in unit stands for 0, 1, 2… */
	size_t bytes, scale;
	const char *text; /* a part of the text expected, NULL: no text (an error) */
} hostile_cases[] = {
	{ "10,000 nested divs", "<body>", "<div>", "<p>" P1 "</p><p>" P2 "</p>", false, 50000, 50000, P2 },
	{ "10,000 nested divs, text after them", "<body>", "<div>", "</div>", false, 50000, 50000, NULL },
	{ "<div> to the end", "", "<div>", "", false, 32 * KIB, 16 * MIB, NULL },
	{ "<div> to the end, then text", "", "<div>", "<p>" P1 "</p>", false, 32 * KIB, 16 * MIB - 200, P1 },
	{ "deep nesting closed by stray end tags", "<div>", "<div><span></b>", "<p>" P1 "</p>", false, 32 * KIB, 4 * MIB, P1 },
	{ "nested tables", "", "<table><tr><td>", "<p>" P1 "</p>", false, 20000, 150000, P1 },
	{ "formatting elements with distinct attributes", "", "<p><b id=%u>t</p>", "<p>" P1 "</p>", true, 32 * KIB, 2 * MIB, P1 },
	{ "unclosed formatting elements", "", "<b id=%u>", "<p>" P1 "</p>", true, 32 * KIB, 2 * MIB, P1 },
	{ "a tag with very many attributes", "<p ", "a%u=1 ", ">" P1 "</p>", true, 32 * KIB, 4 * MIB, P1 },
	{ "a long attribute value", "<p title=\"", "aaaaaaaa", "\">" P1 "</p>", false, 256 * KIB, 4 * MIB, P1 },
	{ "distinct unknown elements", "", "<x-e%u>", "<p>" P1 "</p>", true, 128 * KIB, MIB, P1 },
	{ "an unclosed svg of self-closed paths", "<svg>", "<path d=\"M0 0\"/>", "<p>" P1 "</p>", false, 32 * KIB, MIB, P1 },
	{ "an unclosed tag to the end", "<p>" P1 "</p><a href=\"x\"", " b", "", false, 32 * KIB, MIB, P1 },
	{ "an unclosed comment", "<p>" P1 "</p><!--", "<p>x</p>", "", false, 32 * KIB, MIB, P1 },
	{ "an unclosed script", "<p>" P1 "</p><script>", "<p>x</p>", "", false, 32 * KIB, MIB, P1 },
	{ "text in one node", "<p>", "word ", "</p>", false, MIB + 64 * KIB, 4 * MIB, "word word" },
	{ "'<' to the end", "<p>" P1 "</p>", "<", "", false, 32 * KIB, MIB, P1 },
	{ "nested links", "", "<a href=\"/x\">", "<p>" P1 "</p>", false, 32 * KIB, MIB, P1 },
	{ "deep JSON-LD", "<script type=\"application/ld+json\">", "[", "</script><p>" P1 "</p>", false, 32 * KIB, MIB, P1 },
	{ "many byline elements", "", "<div class=\"byline\">By x</div>", "<p>" P1 "</p>", false, 32 * KIB, 4 * MIB, P1 },
	{ "many date lines", "", "<span class=\"date\">April 3, 2019</span>", "<p>" P1 "</p>", false, 32 * KIB, 2 * MIB, P1 },
	{ "many list items", "<ul>", "<li>item, ", "</ul>", false, 32 * KIB, 2 * MIB, "item" },
	{ "many line breaks", "<div>", "x<br>", "</div>", false, 32 * KIB, 2 * MIB, "x\nx" },
	{ "NUL bytes", "<p>", "a\xff", "</p>", false, 32 * KIB, MIB, "a" },
};

/* Reads every hostile page at its `bytes` (at_scale false) or `scale`. */
static void
read_hostile(bool at_scale)
{
	for (size_t i = 0; i < G_N_ELEMENTS(hostile_cases); i++) {
		size_t len, bytes = at_scale ? hostile_cases[i].scale : hostile_cases[i].bytes;
		char *data = hostile_cases[i].numbered
			     ? numbered(hostile_cases[i].head, hostile_cases[i].unit, bytes, hostile_cases[i].tail, &len)
			     : repeat(hostile_cases[i].head, hostile_cases[i].unit, bytes, hostile_cases[i].tail, &len);
		if (strcmp(hostile_cases[i].name, "NUL bytes") == 0)
			for (size_t k = 3; k + 4 < len; k += 2)
				data[k + 1] = '\0';
		GError *e = NULL;
		WebpagePage *p = webpage_read("h.html", data, len, &e);
		if (hostile_cases[i].text == NULL) {
			if (p != NULL)
				g_error("%s (%zu bytes): text where none was expected: %.80s", hostile_cases[i].name, len,
					p->text);
			g_assert_error(e, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT);
			g_clear_error(&e);
		} else {
			if (p == NULL)
				g_error("%s (%zu bytes): %s", hostile_cases[i].name, len, e->message);
			g_assert_true(g_utf8_validate(p->text, (gssize)p->text_len, NULL));
			if (strstr(p->text, hostile_cases[i].text) == NULL)
				g_error("%s (%zu bytes): '%s' not in the text: %.200s", hostile_cases[i].name, len,
					hostile_cases[i].text, p->text);
		}
		webpage_free(p);
		g_free(data);
	}
}

static void
test_hostile(void)
{
	read_hostile(false);
}

static void
test_hostile_scale(void)
{
	read_hostile(true);
}

/* ------------------------------------------------------------------ */
/* Recognising a page. */

static const struct {
	const char *path, *data;
	bool html;
} sniff_cases[] = {
	{ "a.html", "text", true },
	{ "a.HTM", "text", true },
	{ "a.txt", "<!DOCTYPE html><html>", true },
	{ "a.txt", "\xEF\xBB\xBF  \n<!doctype HTML>", true },
	{ "a.txt", "<!-- saved --> <html lang=fr>", true },
	{ "a.txt", "<?xml version=\"1.0\"?><!DOCTYPE html>", true },
	{ "a.txt", "<html>", true },
	{ "a.txt", "<htmlx>", false },
	{ "a.txt", "<p>a paragraph</p>", false },
	{ "a.txt", "Le texte <!DOCTYPE html>", false },
	{ "a.md", "# <html>", false },
	{ "html", "text", false },
};

static void
test_sniff(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(sniff_cases); i++) {
		bool html = webpage_has_html_name(sniff_cases[i].path) ||
			    webpage_sniff(sniff_cases[i].data, strlen(sniff_cases[i].data));
		if (html != sniff_cases[i].html)
			g_error("case %zu: %s '%s'", i, sniff_cases[i].path, sniff_cases[i].data);
	}
}

/* ------------------------------------------------------------------ */
/* Through the article reader. */

#define PAGE "<!DOCTYPE html><html lang=\"fr\"><head><title>Le pont rouvre | Le Courrier</title>" \
	"<meta property=\"og:site_name\" content=\"Le Courrier\">" \
	"<meta property=\"article:published_time\" content=\"2024-03-12T08:30:00+01:00\">" \
	"<meta name=\"author\" content=\"Ada Moreau\">" \
	"<link rel=\"canonical\" href=\"https://courrier.example/pont\"></head><body>" \
	"<nav><a href=/>Accueil</a></nav><article><h1>Le pont rouvre</h1>" \
	"<p>Le pont du port a rouvert mardi, deux ans après sa fermeture, et les habitants ont applaudi le premier bus.</p>" \
	"<p>Les travaux ont coûté 48 millions d’euros, selon la mairie, qui promet une piste cyclable en mai.</p>" \
	"</article></body></html>"

static void
test_article(void)
{
	GError *e = NULL;
	FriseArticle *a = article_read_bytes("news/pont.html", PAGE, strlen(PAGE), NULL, &e);
	g_assert_no_error(e);
	g_assert_cmpstr(a->raw, ==, "Le pont du port a rouvert mardi, deux ans après sa fermeture, et les habitants ont "
				    "applaudi le premier bus.\n\nLes travaux ont coûté 48 millions d’euros, selon la mairie, "
				    "qui promet une piste cyclable en mai.");
	g_assert_cmpstr(a->title, ==, "Le pont rouvre");
	g_assert_cmpstr(a->title_from, ==, "h1"); /* the <title> confirms it */
	g_assert_cmpstr(a->published, ==, "2024-03-12T08:30");
	g_assert_cmpint(a->published_origin, ==, FRISE_ORIGIN_HTML);
	g_assert_cmpstr(a->published_from, ==, "meta article:published_time");
	g_assert_cmpstr(a->published_time, ==, "2024-03-12T08:30:00+01:00");
	g_assert_cmpstr(a->source, ==, "Le Courrier");
	g_assert_cmpstr(a->site_name, ==, "Le Courrier");
	g_assert_cmpstr(a->byline, ==, "Ada Moreau");
	g_assert_cmpstr(a->url, ==, "https://courrier.example/pont");
	g_assert_cmpstr(a->canonical_from, ==, "link[rel=canonical]");
	g_assert_cmpint(a->lang, ==, FRISE_LANG_FR);
	g_assert_cmpstr(a->lang_tag, ==, "fr");
	g_assert_cmpint(a->lang_origin, ==, FRISE_LANG_FROM_METADATA);
	g_assert_cmpstr(a->lang_from, ==, "html[lang]");
	g_assert_cmpuint(article_raw_offset(a, 10), ==, 10); /* offsets are the text's */
	article_free(a);

	/* --dct wins over the page's date */
	FriseReadOptions opts = { .published = "2020-01-02" };
	a = article_read_bytes("pont.html", PAGE, strlen(PAGE), &opts, &e);
	g_assert_no_error(e);
	g_assert_cmpstr(a->published, ==, "2020-01-02");
	g_assert_cmpint(a->published_origin, ==, FRISE_ORIGIN_OPTION);
	g_assert_null(a->published_time);
	article_free(a);

	/* sniffed in a .txt, and NUL bytes are no error in a page */
	char *with_nul = g_strconcat(PAGE, "\0", NULL);
	a = article_read_bytes("pont.txt", with_nul, strlen(PAGE) + 1, NULL, &e);
	g_assert_no_error(e);
	g_assert_cmpstr(a->title, ==, "Le pont rouvre");
	article_free(a);
	g_free(with_nul);

	/* a text file stays a text file (not "Pas une page." in it: the
	 * boilerplate stage reads that short line, with "page" and no sentence
	 * end before its tag, as a navigation line, and the title is the id) */
	a = article_read_bytes("a.txt", "<p>Pas un document.</p>", 23, NULL, &e);
	g_assert_no_error(e);
	g_assert_cmpstr(a->raw, ==, "<p>Pas un document.</p>");
	g_assert_cmpstr(a->title_from, ==, "first line");
	g_assert_cmpint(a->lang_origin, ==, FRISE_LANG_FROM_FEW_WORDS); /* three words: a guess */
	g_assert_cmpstr(a->lang_from, ==, "few words");
	article_free(a);

	/* the size limit is the page's, before it is read */
	opts = (FriseReadOptions){ .max_bytes = 100 };
	g_assert_null(article_read_bytes("big.html", PAGE, strlen(PAGE), &opts, &e));
	g_assert_error(e, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT);
	g_clear_error(&e);
}

/* JSON Lines: "html" instead of "text"; the record's members win over the
 * page's metadata. Folders: *.html and *.htm are read. */
static void
test_paths(void)
{
	char *dir = g_dir_make_tmp("frise-webpage-XXXXXX", NULL);
	char *jsonl = g_build_filename(dir, "in.jsonl", NULL);
	cJSON *r1 = cJSON_CreateObject(), *r2 = cJSON_CreateObject();
	cJSON_AddStringToObject(r1, "id", "p1");
	cJSON_AddStringToObject(r1, "html", PAGE);
	cJSON_AddStringToObject(r2, "id", "p2");
	cJSON_AddStringToObject(r2, "html", PAGE);
	cJSON_AddStringToObject(r2, "title", "Donné");
	cJSON_AddStringToObject(r2, "published", "2024-05");
	char *l1 = cJSON_PrintUnformatted(r1), *l2 = cJSON_PrintUnformatted(r2);
	char *lines = g_strdup_printf("%s\n%s\n", l1, l2);
	cJSON_free(l1);
	cJSON_free(l2);
	cJSON_Delete(r1);
	cJSON_Delete(r2);
	g_assert_true(g_file_set_contents(jsonl, lines, -1, NULL));
	GError *e = NULL;
	size_t failed = 0;
	const char *paths[] = { jsonl };
	GPtrArray *arts = article_read_paths(paths, 1, true, NULL, NULL, NULL, &failed, &e);
	g_assert_no_error(e);
	g_assert_cmpuint(arts->len, ==, 2);
	const FriseArticle *a = arts->pdata[0], *b = arts->pdata[1];
	g_assert_cmpstr(a->title, ==, "Le pont rouvre");
	g_assert_cmpint(a->published_origin, ==, FRISE_ORIGIN_HTML);
	g_assert_true(g_str_has_prefix(a->raw, "Le pont du port"));
	g_assert_cmpstr(b->title, ==, "Donné");
	g_assert_cmpstr(b->title_from, ==, "jsonl");
	g_assert_cmpstr(b->published, ==, "2024-05");
	g_assert_cmpint(b->published_origin, ==, FRISE_ORIGIN_JSONL);
	g_assert_cmpstr(b->site_name, ==, "Le Courrier");
	g_ptr_array_unref(arts);

	char *folder = g_build_filename(dir, "pages", NULL);
	g_mkdir(folder, 0700);
	const char *names[] = { "a.html", "b.HTM", "c.txt", "d.png" };
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		char *p = g_build_filename(folder, names[i], NULL);
		g_assert_true(g_file_set_contents(p, i == 2 ? "Un texte simple et court." : PAGE, -1, NULL));
		g_free(p);
	}
	const char *fpaths[] = { folder };
	arts = article_read_paths(fpaths, 1, false, NULL, NULL, NULL, &failed, &e);
	g_assert_no_error(e);
	g_assert_cmpuint(arts->len, ==, 3);
	g_assert_cmpstr(((FriseArticle *)arts->pdata[0])->id, ==, "a.html");
	g_assert_cmpstr(((FriseArticle *)arts->pdata[1])->id, ==, "b.HTM");
	g_assert_cmpstr(((FriseArticle *)arts->pdata[2])->id, ==, "c.txt");
	g_ptr_array_unref(arts);
	g_assert_true(article_is_input_name("x.htm", false));
	g_assert_false(article_is_input_name("x.html", true));

	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		char *p = g_build_filename(folder, names[i], NULL);
		g_unlink(p);
		g_free(p);
	}
	g_rmdir(folder);
	g_unlink(jsonl);
	g_rmdir(dir);
	g_free(folder);
	g_free(lines);
	g_free(jsonl);
	g_free(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/webpage/meta", test_meta);
	g_test_add_func("/webpage/html-lang", test_html_lang);
	g_test_add_func("/webpage/charsets", test_charsets);
	g_test_add_func("/webpage/text", test_text);
	g_test_add_func("/webpage/no-text", test_no_text);
	g_test_add_func("/webpage/hostile", test_hostile);
	if (g_test_slow()) /* -m slow: the webpage-scale test (tests/meson.build) */
		g_test_add_func("/webpage/hostile/scale", test_hostile_scale);
	g_test_add_func("/webpage/sniff", test_sniff);
	g_test_add_func("/webpage/article", test_article);
	g_test_add_func("/webpage/paths", test_paths);
	return g_test_run();
}
