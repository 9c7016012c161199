/*
 * webpage.c — a saved web page in, a flat document out (prefix webpage_).
 * Exports webpage_has_html_name, webpage_sniff, webpage_read,
 * webpage_free (webpage.h) and, for the other files of the module, the
 * tag table, webpage_tag_lookup, webpage_collapse and webpage_cp1252_c1
 * (webpage_private.h). Every other symbol has file scope. Phases 1 and 3
 * are here, phase 2 in webpage_normalise.c, phase 4 in webpage_flatten.c.
 *
 * Four phases, each linear in the input and none recursive:
 *   1. decode: the bytes to UTF-8 (BOM, else <meta charset>/http-equiv in
 *      the first 16 KiB, else UTF-8 when valid, else windows-1252; an
 *      unknown or failing declared charset falls back the same way);
 *      invalid sequences and NUL become U+FFFD.
 *   2. normalise: an HTML5-style tokenizer rewrites the page as a plain
 *      token stream: no comments, doctype, scripts or styles (the JSON-LD
 *      scripts are kept aside), only the attributes frise reads, every
 *      element it closes closed by an explicit end tag, <p> closed before
 *      the HTML5 block elements, at most DEPTH_MAX open elements and
 *      ELEMENTS_MAX elements (further start tags are dropped, their text
 *      kept), text runs split every MiB.
 *   3. parse: libxml2's HTML parser builds the tree from that stream.
 *   4. flatten: the tree becomes WebpageDoc (webpage_private.h): nodes in
 *      document order, text pieces, metadata items.
 * Then webpage_meta.c reads the metadata and webpage_text.c the text.
 *
 * Why libxml2 and not gumbo: on Debian 12, gumbo 0.10.1 is quadratic in
 * nesting (10,000 nested <div> take 0.14 s, 30,000 take 1.5 s, so a
 * 16 MiB page of <div> would take hours), frees its tree recursively, and
 * HTML5's reconstruction of formatting elements makes 4,000 repetitions of
 * "<p><b id=N>t</p>" (80 KB) cost 5 s and 3 GB; a guard in front cannot
 * prevent the last without re-implementing HTML5 tree construction.
 * libxml2 2.9's parser is linear on all three (16 MiB of <div>: 1.5 s),
 * iterative, fuzzed by OSS-Fuzz, and without XML_PARSE_HUGE it stops at
 * 256 open elements, which bounds its one quadratic path (an end tag
 * scans the open elements). Its other quadratic path (a tag with 10^6
 * distinct attributes: minutes) and the HTML 4 rules it follows (an
 * <article> does not close a <p>) are what phase 2 takes care of. The
 * price: libxml2 knows the 253 HTML 4 entity names, not all 2,231 of HTML5.
 */
#include "reader/webpage_private.h"

#include <errno.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <string.h>

#define PRESCAN_MAX (16 * 1024) /* bytes searched for <meta charset> */

/* ------------------------------------------------------------------ */
/* Tags. */

#define V TP_VOID
#define R TP_RAW
#define RC TP_RCDATA
#define CP TP_CLOSES_P
#define B TP_BLOCK
#define S TP_SKIP
#define SC TP_SCOPE
#define H TP_HEADING
#define TB TP_TABLE_PART
#define TX TP_TEXTISH
#define TS TP_TO_SCORE
#define DB TP_DIV_BLOCK

/* ORDER TAG (sorted by name, so webpage_tag_lookup can bisect) */
const WebpageTagInfo webpage_tags[TAG_COUNT] = {
	{ "", 0, 100 },
	{ "a", 0, 100 }, { "abbr", 0, 100 }, { "address", CP | B, 100 }, { "applet", SC | S, 100 },
	{ "area", V, 100 }, { "article", CP | B, 100 }, { "aside", CP | B, 100 }, { "audio", S, 100 },
	{ "b", 0, 100 }, { "base", V, 100 }, { "basefont", V, 100 }, { "bdi", 0, 100 }, { "bdo", 0, 100 },
	{ "bgsound", V, 100 }, { "big", 0, 100 }, { "blockquote", CP | B | TX | DB, 100 },
	{ "body", B, 200 }, { "br", V, 100 }, { "button", S, 100 }, { "canvas", S, 100 },
	{ "caption", B | SC | TB, 100 }, { "center", CP | B, 100 }, { "cite", 0, 100 }, { "code", 0, 100 },
	{ "col", V | TB, 100 }, { "colgroup", S | TB, 100 }, { "data", 0, 100 }, { "datalist", S, 100 },
	{ "dd", CP | B, 100 }, { "del", 0, 100 }, { "details", CP | B, 100 }, { "dfn", 0, 100 },
	{ "dialog", CP | B, 100 }, { "dir", CP | B, 100 }, { "div", CP | B | TX | DB, 150 },
	{ "dl", CP | B | TX | DB, 100 }, { "dt", CP | B, 100 }, { "em", 0, 100 }, { "embed", V | S, 100 },
	{ "fieldset", CP | B, 100 }, { "figcaption", CP | B, 100 }, { "figure", CP | B, 100 },
	{ "font", 0, 100 }, { "footer", CP | B, 100 }, { "form", CP | B, 100 }, { "frame", V | S, 100 },
	{ "frameset", B | S, 100 },
	{ "h1", CP | B | H, 100 }, { "h2", CP | B | H | TS, 100 }, { "h3", CP | B | H | TS, 100 },
	{ "h4", CP | B | H | TS, 100 }, { "h5", CP | B | H | TS, 100 }, { "h6", CP | B | H | TS, 100 },
	{ "head", S, 200 }, { "header", CP | B, 100 }, { "hgroup", CP | B, 100 }, { "hr", V | CP | B, 100 },
	{ "html", B | SC, 220 }, { "i", 0, 100 }, { "iframe", S, 100 }, { "image", V, 100 },
	{ "img", V | TX | DB, 100 }, { "input", V | S, 100 }, { "ins", 0, 100 }, { "kbd", 0, 100 },
	{ "keygen", V | S, 100 }, { "label", 0, 100 }, { "legend", B, 100 }, { "li", CP | B | TX, 100 },
	{ "link", V, 100 }, { "listing", CP | B, 100 }, { "main", CP | B, 100 }, { "map", 0, 100 },
	{ "mark", 0, 100 }, { "marquee", SC, 100 }, { "math", S, 100 }, { "menu", CP | B, 100 },
	{ "meta", V, 100 }, { "meter", S, 100 }, { "nav", CP | B, 100 }, { "nobr", 0, 100 },
	{ "noembed", R, 100 }, { "noframes", R, 100 }, { "noscript", R, 100 }, { "object", SC | S, 100 },
	{ "ol", CP | B | TX | DB, 100 }, { "optgroup", S, 100 }, { "option", S, 100 }, { "output", 0, 100 },
	{ "p", CP | B | TX | TS | DB, 100 }, { "param", V, 100 }, { "picture", 0, 100 },
	{ "plaintext", RC | CP, 100 }, { "pre", CP | B | TX | TS | DB, 100 }, { "progress", S, 100 },
	{ "q", 0, 100 }, { "rp", 0, 100 }, { "rt", 0, 100 }, { "ruby", 0, 100 }, { "s", 0, 100 },
	{ "samp", 0, 100 }, { "script", R, 100 }, { "search", CP | B, 100 }, { "section", CP | B | TS, 100 },
	{ "select", S, 100 }, { "small", 0, 100 }, { "source", V, 100 }, { "span", TX, 100 },
	{ "strike", 0, 100 }, { "strong", 0, 100 }, { "style", R, 100 }, { "sub", 0, 100 },
	{ "summary", CP | B, 100 }, { "sup", 0, 100 }, { "svg", S, 100 },
	{ "table", CP | B | SC | TX | DB, 190 }, { "tbody", B | TB, 180 }, { "td", B | SC | TB | TX | TS, 160 },
	{ "template", S | SC, 100 }, { "textarea", RC | S, 100 }, { "tfoot", B | TB, 180 },
	{ "th", B | SC | TB, 160 }, { "thead", B | TB, 180 }, { "time", 0, 100 }, { "title", RC | S, 100 },
	{ "tr", B | TB, 170 }, { "track", V, 100 }, { "tt", 0, 100 }, { "u", 0, 100 },
	{ "ul", CP | B | TX | DB, 100 }, { "var", 0, 100 }, { "video", S, 100 }, { "wbr", V, 100 },
	{ "xmp", R | CP, 100 },
};

#undef V
#undef R
#undef RC
#undef CP
#undef B
#undef S
#undef SC
#undef H
#undef TB
#undef TX
#undef TS
#undef DB

WebpageTag
webpage_tag_lookup(const char *name, size_t len)
{
	guint lo = 1, hi = TAG_COUNT;
	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		const char *t = webpage_tags[mid].name;
		size_t tl = strlen(t);
		int c = memcmp(name, t, MIN(len, tl));
		if (c == 0)
			c = len < tl ? -1 : len > tl ? 1 : 0;
		if (c == 0)
			return (WebpageTag)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return TAG_OTHER;
}

/* ------------------------------------------------------------------ */
/* Small helpers. */

char *
webpage_collapse(char *s)
{
	if (s == NULL)
		return NULL;
	char *w = s;
	bool space = false;
	for (const char *r = s; *r != '\0'; r++) {
		if (webpage_is_ws(*r) || *r == '\v') {
			space = w != s;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

bool
webpage_has_html_name(const char *path)
{
	if (path == NULL)
		return false;
	size_t n = strlen(path);
	return (n > 5 && g_ascii_strcasecmp(path + n - 5, ".html") == 0) ||
	       (n > 4 && g_ascii_strcasecmp(path + n - 4, ".htm") == 0);
}

bool
webpage_sniff(const char *data, size_t len)
{
	size_t i = 0, end = MIN(len, (size_t)65536);
	if (end >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		while (i < end && webpage_is_ws(data[i]))
			i++;
		if (webpage_prefix_ci(data + i, end - i, "<!--")) {
			const char *close = g_strstr_len(data + i + 4, (gssize)(end - i - 4), "-->");
			if (close == NULL)
				return false;
			i = (size_t)(close - data) + 3;
		} else if (webpage_prefix_ci(data + i, end - i, "<?xml")) {
			const char *close = memchr(data + i, '>', end - i);
			if (close == NULL)
				return false;
			i = (size_t)(close - data) + 1;
		} else {
			break;
		}
	}
	const char *s = data + i;
	size_t n = end - i;
	if (webpage_prefix_ci(s, n, "<!doctype html"))
		return n == 14 || webpage_is_ws(s[14]) || s[14] == '>';
	if (webpage_prefix_ci(s, n, "<html"))
		return n == 5 || webpage_is_ws(s[5]) || s[5] == '>';
	return false;
}

/* ------------------------------------------------------------------ */
/* Phase 1: decoding. */

/* windows-1252 bytes 0x80-0x9F; the five it leaves undefined map to the
 * C1 controls, as the WHATWG Encoding Standard says. */
const guint16 webpage_cp1252_c1[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void
append_cp1252(GString *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		guchar c = (guchar)s[i];
		if (c < 0x80)
			g_string_append_c(out, (char)c);
		else
			g_string_append_unichar(out, c < 0xA0 ? webpage_cp1252_c1[c - 0x80] : c);
	}
}

/* Appends UTF-8 s[0..n) to out with each invalid sequence as U+FFFD. */
static void
append_utf8_lossy(GString *out, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	while (p < end) {
		const char *bad = NULL;
		if (g_utf8_validate_len(p, (gsize)(end - p), &bad)) {
			g_string_append_len(out, p, end - p);
			return;
		}
		g_string_append_len(out, p, bad - p);
		g_string_append(out, "\xEF\xBF\xBD");
		p = bad + 1;
		/* one U+FFFD per maximal invalid run of continuation bytes */
		while (p < end && ((guchar)*p & 0xC0) == 0x80)
			p++;
	}
}

/* Converts with iconv; an invalid or incomplete sequence becomes U+FFFD.
 * False when the charset is unknown to iconv. */
static bool
append_iconv(GString *out, const char *charset, const char *s, size_t n)
{
	GIConv cd = g_iconv_open("UTF-8", charset);
	if (cd == (GIConv)-1)
		return false;
	char buf[16384];
	gchar *in = (gchar *)s;
	gsize left = n;
	while (left > 0) {
		gchar *o = buf;
		gsize room = sizeof buf;
		gsize r = g_iconv(cd, &in, &left, &o, &room);
		g_string_append_len(out, buf, (gssize)(o - buf));
		if (r != (gsize)-1)
			continue;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL: skip one byte, reset the state */
		g_string_append(out, "\xEF\xBF\xBD");
		in++;
		left--;
		g_iconv(cd, NULL, NULL, NULL, NULL);
	}
	gchar *o = buf;
	gsize room = sizeof buf;
	g_iconv(cd, NULL, NULL, &o, &room); /* flush a stateful encoding */
	g_string_append_len(out, buf, (gssize)(o - buf));
	g_iconv_close(cd);
	return true;
}

typedef enum { ENC_UNKNOWN, ENC_UTF8, ENC_CP1252, ENC_UTF16LE, ENC_UTF16BE, ENC_OTHER } Enc;

/* The WHATWG names of a label frise handles specially; ENC_OTHER for the
 * labels iconv is asked about (with the canonical name in *iconv_name). */
static Enc
encoding_of_label(const char *label, size_t n, char *iconv_name, size_t cap)
{
	static const char *const utf8[] = { "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8",
					     "unicode20utf8", "x-unicode20utf8" };
	static const char *const cp1252[] = { "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
					       "iso88591", "iso_8859-1", "iso_8859-1:1987", "iso-ir-100", "latin1",
					       "l1", "ascii", "us-ascii", "ansi_x3.4-1968", "cp819", "ibm819",
					       "csisolatin1" };
	/* a meta that says UTF-16 is wrong about the bytes it is in: UTF-8 */
	static const char *const utf16[] = { "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2",
					      "csunicode", "iso-10646-ucs-2" };
	static const struct {
		const char *label, *name;
	} others[] = {
		{ "gb2312", "GBK" }, { "gb_2312", "GBK" }, { "chinese", "GBK" }, { "x-gbk", "GBK" },
		{ "gbk", "GBK" }, { "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
		{ "tis-620", "WINDOWS-874" }, { "iso-8859-11", "WINDOWS-874" }, { "shift_jis", "CP932" },
		{ "sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" }, { "euc-kr", "CP949" },
		{ "ks_c_5601-1987", "CP949" }, { "big5", "BIG5-HKSCS" }, { "x-sjis", "CP932" },
	};
	char l[48];
	while (n > 0 && (webpage_is_ws(*label) || *label == '"' || *label == '\''))
		label++, n--;
	while (n > 0 && (webpage_is_ws(label[n - 1]) || label[n - 1] == '"' || label[n - 1] == '\'' || label[n - 1] == ';'))
		n--;
	if (n == 0 || n >= sizeof l)
		return ENC_UNKNOWN;
	for (size_t i = 0; i < n; i++)
		l[i] = g_ascii_tolower(label[i]);
	l[n] = '\0';
	for (size_t k = 0; k < G_N_ELEMENTS(utf8); k++)
		if (strcmp(l, utf8[k]) == 0)
			return ENC_UTF8;
	for (size_t k = 0; k < G_N_ELEMENTS(utf16); k++)
		if (strcmp(l, utf16[k]) == 0)
			return ENC_UTF8;
	for (size_t k = 0; k < G_N_ELEMENTS(cp1252); k++)
		if (strcmp(l, cp1252[k]) == 0)
			return ENC_CP1252;
	for (size_t k = 0; k < G_N_ELEMENTS(others); k++)
		if (strcmp(l, others[k].label) == 0) {
			g_strlcpy(iconv_name, others[k].name, cap);
			return ENC_OTHER;
		}
	for (size_t i = 0; i < n; i++) /* a name iconv may know: letters, digits, - _ : . */
		if (!g_ascii_isalnum(l[i]) && strchr("-_:.", l[i]) == NULL)
			return ENC_UNKNOWN;
	g_strlcpy(iconv_name, l, cap);
	return ENC_OTHER;
}

/* The charset a <meta charset> or <meta http-equiv=Content-Type> declares
 * in the first PRESCAN_MAX bytes (comments skipped). */
static Enc
prescan(const char *s, size_t n, char *iconv_name, size_t cap)
{
	n = MIN(n, (size_t)PRESCAN_MAX);
	for (size_t i = 0; i < n;) {
		const char *lt = memchr(s + i, '<', n - i);
		if (lt == NULL)
			break;
		i = (size_t)(lt - s);
		if (webpage_prefix_ci(s + i, n - i, "<!--")) {
			const char *close = g_strstr_len(s + i + 4, (gssize)(n - i - 4), "-->");
			if (close == NULL)
				break;
			i = (size_t)(close - s) + 3;
			continue;
		}
		if (!webpage_prefix_ci(s + i, n - i, "<meta") || i + 5 >= n || !(webpage_is_ws(s[i + 5]) || s[i + 5] == '/')) {
			i++;
			continue;
		}
		size_t p = i + 5;
		WebpageAttr a;
		bool sc = false, http_ct = false;
		const char *charset = NULL, *content = NULL;
		size_t clen = 0, ctlen = 0;
		int r;
		while ((r = webpage_next_attr(s, n, &p, &a, &sc)) == 1) {
			if (webpage_attr_is(&a, "charset") && charset == NULL)
				charset = a.value, clen = a.vlen;
			else if (webpage_attr_is(&a, "http-equiv"))
				http_ct = a.vlen == 12 && g_ascii_strncasecmp(a.value, "content-type", 12) == 0;
			else if (webpage_attr_is(&a, "content") && content == NULL)
				content = a.value, ctlen = a.vlen;
		}
		if (charset != NULL)
			return encoding_of_label(charset, clen, iconv_name, cap);
		if (http_ct && content != NULL) {
			for (size_t k = 0; k + 7 < ctlen; k++)
				if (g_ascii_strncasecmp(content + k, "charset", 7) == 0) {
					size_t v = k + 7;
					while (v < ctlen && webpage_is_ws(content[v]))
						v++;
					if (v < ctlen && content[v] == '=') {
						v++;
						size_t e = v;
						while (e < ctlen && content[e] != ';' && !(webpage_is_ws(content[e]) && e > v))
							e++;
						return encoding_of_label(content + v, e - v, iconv_name, cap);
					}
				}
		}
		if (r < 0)
			break;
		i = p;
	}
	return ENC_UNKNOWN;
}

/* The page as UTF-8 without NUL: a new GString. */
static GString *
decode(const char *data, size_t len)
{
	GString *out = g_string_sized_new(len + 16);
	char iconv_name[48] = "";
	Enc enc = ENC_UNKNOWN;
	size_t start = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		enc = ENC_UTF8, start = 3;
	else if (len >= 2 && memcmp(data, "\xFF\xFE", 2) == 0)
		enc = ENC_UTF16LE, start = 2;
	else if (len >= 2 && memcmp(data, "\xFE\xFF", 2) == 0)
		enc = ENC_UTF16BE, start = 2;
	else
		enc = prescan(data, len, iconv_name, sizeof iconv_name);
	const char *s = data + start;
	size_t n = len - start;
	bool done = false;
	if (enc == ENC_UTF16LE || enc == ENC_UTF16BE)
		done = append_iconv(out, enc == ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE", s, n);
	else if (enc == ENC_CP1252)
		append_cp1252(out, s, n), done = true;
	else if (enc == ENC_OTHER)
		done = append_iconv(out, iconv_name, s, n);
	if (!done) {
		/* declared UTF-8, nothing declared, or a charset iconv does not know */
		if (enc == ENC_UTF8 || g_utf8_validate_len(s, n, NULL))
			append_utf8_lossy(out, s, n);
		else
			append_cp1252(out, s, n);
	}
	/* NUL is no character of a web page: U+FFFD, as HTML5 does in text */
	if (memchr(out->str, '\0', out->len) != NULL) {
		GString *clean = g_string_sized_new(out->len + 16);
		for (size_t i = 0; i < out->len; i++) {
			if (out->str[i] == '\0')
				g_string_append(clean, "\xEF\xBF\xBD");
			else
				g_string_append_c(clean, out->str[i]);
		}
		g_string_free(out, TRUE);
		out = clean;
	}
	return out;
}

/* ------------------------------------------------------------------ */
/* Phase 3: libxml2. */

static gpointer
init_libxml(G_GNUC_UNUSED gpointer data)
{
	xmlInitParser(); /* once, before any thread parses */
	return NULL;
}

static htmlDocPtr
parse(const GString *html)
{
	static GOnce once = G_ONCE_INIT;
	g_once(&once, init_libxml, NULL);
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	/* keep every white-space text node: "<b>a</b> <i>b</i>" is two words */
	ctxt->sax->ignorableWhitespace = ctxt->sax->characters;
	if (html->len > G_MAXINT) {
		htmlFreeParserCtxt(ctxt);
		return NULL;
	}
	htmlDocPtr doc = htmlCtxtReadMemory(ctxt, html->str, (int)html->len, NULL, "UTF-8",
					    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
	htmlFreeParserCtxt(ctxt);
	return doc;
}

static void
doc_free(WebpageDoc *doc)
{
	g_array_free(doc->nodes, TRUE);
	g_array_free(doc->pieces, TRUE);
	g_string_free(doc->pool, TRUE);
	g_string_chunk_free(doc->strings);
	g_array_free(doc->meta, TRUE);
	g_ptr_array_unref(doc->jsonld);
}

/* ------------------------------------------------------------------ */
/* The page. */

WebpagePage *
webpage_read(const char *path, const char *data, size_t len, GError **error)
{
	GString *utf8 = decode(data, len);
	WebpageDoc doc = { g_array_new(FALSE, FALSE, sizeof(WebpageNode)), g_array_new(FALSE, FALSE, sizeof(WebpagePiece)),
			   g_string_new(NULL), g_string_chunk_new(4096), g_array_new(FALSE, FALSE, sizeof(WebpageMetaItem)),
			   g_ptr_array_new_with_free_func(g_free), 0 };
	GString *html = webpage_normalise(utf8->str, utf8->len, doc.jsonld);
	g_string_free(utf8, TRUE);
	htmlDocPtr xml = parse(html);
	g_string_free(html, TRUE);
	xmlNode *root = xml != NULL ? xmlDocGetRootElement(xml) : NULL;
	if (root != NULL)
		webpage_flatten(&doc, root);
	if (xml != NULL)
		xmlFreeDoc(xml);

	WebpagePage *page = g_new0(WebpagePage, 1);
	webpage_read_meta(&doc, page);
	page->text = doc.nodes->len > 0 ? webpage_main_text(&doc, page->title.value, page->byline.value != NULL)
					: g_strdup("");
	page->text_len = strlen(page->text);
	if (page->published.value == NULL && (page->published.value = webpage_text_date(page->text)) != NULL)
		page->published.from = "text dateline";
	doc_free(&doc);
	if (page->text_len == 0) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s: no article text in this web page", path);
		webpage_free(page);
		return NULL;
	}
	return page;
}

static void
field_clear(WebpageField *f)
{
	g_free(f->value);
	f->value = NULL;
	f->from = NULL;
}

void
webpage_free(WebpagePage *page)
{
	if (page == NULL)
		return;
	g_free(page->text);
	field_clear(&page->title);
	field_clear(&page->published);
	field_clear(&page->modified);
	field_clear(&page->site_name);
	field_clear(&page->byline);
	field_clear(&page->canonical);
	field_clear(&page->lang);
	g_free(page);
}
