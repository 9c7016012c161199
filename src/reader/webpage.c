/*
 * webpage.c — a saved web page in, a flat document out (prefix webpage_).
 * Exports webpage_has_html_name, webpage_sniff, webpage_read,
 * webpage_free (webpage.h) and, for the other two files of the module,
 * the tag table and webpage_node_text / webpage_collapse
 * (webpage_private.h). Every other symbol has file scope.
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

#define DEPTH_MAX 192           /* open elements in the normalised stream (libxml2 stops at 256) */
#define ELEMENTS_MAX 250000     /* elements in the normalised stream */
#define NAME_MAX_LEN 64         /* longer tag or attribute names are dropped */
#define VALUE_MAX (64 * 1024)   /* longer attribute values are dropped */
#define TEXT_SPLIT (1 << 20)    /* a text run is cut by an empty <span> every MiB */
#define RCDATA_MAX (64 * 1024)  /* bytes of a <title>/<textarea> kept */
#define JSONLD_MAX (4 << 20)    /* bytes of one JSON-LD script kept */
#define JSONLD_COUNT 64         /* JSON-LD scripts kept */
#define PRESCAN_MAX (16 * 1024) /* bytes searched for <meta charset> */
#define UNKNOWN_NAMES_MAX 4096  /* distinct unknown tag names told apart */

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

static bool
has(WebpageTag t, guint props)
{
	return (webpage_tags[t].props & props) != 0;
}

/* ------------------------------------------------------------------ */
/* Small helpers. */

static bool
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool
prefix_ci(const char *s, size_t n, const char *lit)
{
	size_t l = strlen(lit);
	return n >= l && g_ascii_strncasecmp(s, lit, l) == 0;
}

char *
webpage_collapse(char *s)
{
	if (s == NULL)
		return NULL;
	char *w = s;
	bool space = false;
	for (const char *r = s; *r != '\0'; r++) {
		if (is_ws(*r) || *r == '\v') {
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
		while (i < end && is_ws(data[i]))
			i++;
		if (prefix_ci(data + i, end - i, "<!--")) {
			const char *close = g_strstr_len(data + i + 4, (gssize)(end - i - 4), "-->");
			if (close == NULL)
				return false;
			i = (size_t)(close - data) + 3;
		} else if (prefix_ci(data + i, end - i, "<?xml")) {
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
	if (prefix_ci(s, n, "<!doctype html"))
		return n == 14 || is_ws(s[14]) || s[14] == '>';
	if (prefix_ci(s, n, "<html"))
		return n == 5 || is_ws(s[5]) || s[5] == '>';
	return false;
}

/* ------------------------------------------------------------------ */
/* Attributes, as the HTML5 tokenizer reads them. */

typedef struct {
	const char *name, *value;
	size_t nlen, vlen;
} Attr;

/* Reads the next attribute of a tag from s[*i..n). Returns 1 with *a
 * filled; 0 at the tag's '>' (consumed; *self_closing when "/>"); -1 when
 * the input ends inside the tag. */
static int
next_attr(const char *s, size_t n, size_t *i, Attr *a, bool *self_closing)
{
	size_t p = *i;
	for (;;) {
		while (p < n && is_ws(s[p]))
			p++;
		if (p >= n) {
			*i = n;
			return -1;
		}
		if (s[p] == '>') {
			*i = p + 1;
			return 0;
		}
		if (s[p] == '/') {
			if (p + 1 < n && s[p + 1] == '>') {
				*self_closing = true;
				*i = p + 2;
				return 0;
			}
			p++;
			continue;
		}
		break;
	}
	size_t ns = p++; /* the first character may be '=' */
	while (p < n && !is_ws(s[p]) && s[p] != '/' && s[p] != '>' && s[p] != '=')
		p++;
	a->name = s + ns;
	a->nlen = p - ns;
	a->value = s + p;
	a->vlen = 0;
	size_t q = p;
	while (q < n && is_ws(s[q]))
		q++;
	if (q < n && s[q] == '=') {
		q++;
		while (q < n && is_ws(s[q]))
			q++;
		if (q < n && (s[q] == '"' || s[q] == '\'')) {
			const char *close = memchr(s + q + 1, s[q], n - q - 1);
			size_t e = close != NULL ? (size_t)(close - s) : n;
			a->value = s + q + 1;
			a->vlen = e - q - 1;
			p = close != NULL ? e + 1 : n;
		} else {
			size_t vs = q;
			while (q < n && !is_ws(s[q]) && s[q] != '>')
				q++;
			a->value = s + vs;
			a->vlen = q - vs;
			p = q;
		}
	}
	*i = p;
	return 1;
}

static bool
attr_is(const Attr *a, const char *name)
{
	return a->nlen == strlen(name) && g_ascii_strncasecmp(a->name, name, a->nlen) == 0;
}

/* ------------------------------------------------------------------ */
/* Phase 1: decoding. */

/* windows-1252 bytes 0x80-0x9F; the five it leaves undefined map to the
 * C1 controls, as the WHATWG Encoding Standard says. */
static const guint16 cp1252_c1[32] = {
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
			g_string_append_unichar(out, c < 0xA0 ? cp1252_c1[c - 0x80] : c);
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
	while (n > 0 && (is_ws(*label) || *label == '"' || *label == '\''))
		label++, n--;
	while (n > 0 && (is_ws(label[n - 1]) || label[n - 1] == '"' || label[n - 1] == '\'' || label[n - 1] == ';'))
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
		if (prefix_ci(s + i, n - i, "<!--")) {
			const char *close = g_strstr_len(s + i + 4, (gssize)(n - i - 4), "-->");
			if (close == NULL)
				break;
			i = (size_t)(close - s) + 3;
			continue;
		}
		if (!prefix_ci(s + i, n - i, "<meta") || i + 5 >= n || !(is_ws(s[i + 5]) || s[i + 5] == '/')) {
			i++;
			continue;
		}
		size_t p = i + 5;
		Attr a;
		bool sc = false, http_ct = false;
		const char *charset = NULL, *content = NULL;
		size_t clen = 0, ctlen = 0;
		int r;
		while ((r = next_attr(s, n, &p, &a, &sc)) == 1) {
			if (attr_is(&a, "charset") && charset == NULL)
				charset = a.value, clen = a.vlen;
			else if (attr_is(&a, "http-equiv"))
				http_ct = a.vlen == 12 && g_ascii_strncasecmp(a.value, "content-type", 12) == 0;
			else if (attr_is(&a, "content") && content == NULL)
				content = a.value, ctlen = a.vlen;
		}
		if (charset != NULL)
			return encoding_of_label(charset, clen, iconv_name, cap);
		if (http_ct && content != NULL) {
			for (size_t k = 0; k + 7 < ctlen; k++)
				if (g_ascii_strncasecmp(content + k, "charset", 7) == 0) {
					size_t v = k + 7;
					while (v < ctlen && is_ws(content[v]))
						v++;
					if (v < ctlen && content[v] == '=') {
						v++;
						size_t e = v;
						while (e < ctlen && content[e] != ';' && !(is_ws(content[e]) && e > v))
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
/* Phase 2: the normalised token stream. */

/* The attributes frise reads; every other one is dropped. */
static const char *const kept_attrs[] = {
	"id", "class", "style", "hidden", "aria-hidden", "aria-modal", "role", "itemprop", "rel", "href",
	"name", "property", "content", "http-equiv", "lang", "xml:lang", "datetime", "pubdate",
	"colspan", "rowspan", "summary", "datatable", "src", "data",
};

/* One open element of the model. `prev_*` restore the "topmost" indexes
 * when it is popped. */
typedef struct {
	guint32 id;          /* WebpageTag, or TAG_COUNT + n for the n-th unknown name */
	guint32 prev_same;   /* topmost index + 1 of the same id before this one */
	guint32 prev_level;  /* same, for its priority level */
	guint32 prev_scope;  /* same, for scope boundaries */
	guint32 prev_list;   /* same, for ol/ul/dl */
	guint8 level;
	bool scope, list;
} Open;

#define LEVELS 8

typedef struct {
	const char *s;
	size_t n, i;
	GString *out;
	GPtrArray *jsonld;
	GArray *stack;       /* Open */
	GArray *top;         /* guint32 per id: topmost stack index + 1 (0: not open) */
	GHashTable *names;   /* unknown name -> id */
	GPtrArray *id_names; /* id - TAG_COUNT -> name */
	guint32 level_top[LEVELS];
	guint32 scope_top, list_top;
	size_t elements;
	size_t text_run;
	bool seen_html, seen_head, seen_body;
} Norm;

static guint8
level_of(guint8 priority)
{
	static const guint8 p[LEVELS] = { 100, 150, 160, 170, 180, 190, 200, 220 };
	for (guint8 k = 0; k < LEVELS; k++)
		if (priority <= p[k])
			return k;
	return LEVELS - 1;
}

static guint32
top_of(const Norm *z, guint32 id)
{
	return id < z->top->len ? g_array_index(z->top, guint32, id) : 0;
}

static const char *
id_name(const Norm *z, guint32 id)
{
	return id < TAG_COUNT ? webpage_tags[id].name : z->id_names->pdata[id - TAG_COUNT];
}

static guint32
depth(const Norm *z)
{
	return z->stack->len;
}

static guint32
current(const Norm *z)
{
	return z->stack->len > 0 ? g_array_index(z->stack, Open, z->stack->len - 1).id : G_MAXUINT32;
}

static void
push(Norm *z, guint32 id)
{
	if (id >= z->top->len)
		g_array_set_size(z->top, id + 1);
	WebpageTag t = id < TAG_COUNT ? (WebpageTag)id : TAG_OTHER;
	Open o = { id, top_of(z, id), 0, z->scope_top, z->list_top, level_of(webpage_tags[t].priority),
		   has(t, TP_SCOPE) || t == TAG_BUTTON, t == TAG_OL || t == TAG_UL || t == TAG_DL };
	o.prev_level = z->level_top[o.level];
	g_array_append_val(z->stack, o);
	guint32 idx = z->stack->len; /* index + 1 */
	g_array_index(z->top, guint32, id) = idx;
	z->level_top[o.level] = idx;
	if (o.scope)
		z->scope_top = idx;
	if (o.list)
		z->list_top = idx;
}

static void
pop(Norm *z)
{
	Open o = g_array_index(z->stack, Open, z->stack->len - 1);
	g_array_set_size(z->stack, z->stack->len - 1);
	g_array_index(z->top, guint32, o.id) = o.prev_same;
	z->level_top[o.level] = o.prev_level;
	z->scope_top = o.prev_scope;
	z->list_top = o.prev_list;
	g_string_append(z->out, "</");
	g_string_append(z->out, id_name(z, o.id));
	g_string_append_c(z->out, '>');
}

/* Pops up to and including the element at stack index + 1 `idx`. */
static void
pop_to(Norm *z, guint32 idx)
{
	while (idx > 0 && z->stack->len >= idx)
		pop(z);
}

static guint32
max3(guint32 a, guint32 b, guint32 c)
{
	return MAX(a, MAX(b, c));
}

/* The element at index + 1 `idx` may be closed by an end tag of priority
 * level `level`: nothing above it has a higher level (libxml2's rule, so
 * that the parser closes what the stream closes). */
static bool
closable(const Norm *z, guint32 idx, guint8 level)
{
	for (guint8 k = level + 1; k < LEVELS; k++)
		if (z->level_top[k] > idx)
			return false;
	return true;
}

static void
close_p_if_open(Norm *z)
{
	guint32 p = top_of(z, TAG_P);
	if (p > z->scope_top && closable(z, p, 0))
		pop_to(z, p);
}

/* The implied end tags of an HTML5 start tag `t`, made explicit. */
static void
implied_closes(Norm *z, WebpageTag t, bool foreign)
{
	if (foreign)
		return;
	if (has(t, TP_CLOSES_P))
		close_p_if_open(z);
	if (has(t, TP_HEADING) && current(z) < TAG_COUNT && has((WebpageTag)current(z), TP_HEADING))
		pop(z);
	guint32 table = top_of(z, TAG_TABLE);
	switch (t) {
	case TAG_LI: {
		guint32 li = top_of(z, TAG_LI);
		if (li > MAX(z->scope_top, z->list_top) && closable(z, li, 0))
			pop_to(z, li);
		break;
	}
	case TAG_DD:
	case TAG_DT: {
		guint32 d = MAX(top_of(z, TAG_DD), top_of(z, TAG_DT));
		if (d > MAX(z->scope_top, z->list_top) && closable(z, d, 0))
			pop_to(z, d);
		break;
	}
	case TAG_OPTION:
		if (current(z) == TAG_OPTION)
			pop(z);
		break;
	case TAG_OPTGROUP:
		if (current(z) == TAG_OPTION)
			pop(z);
		if (current(z) == TAG_OPTGROUP)
			pop(z);
		break;
	case TAG_A: {
		guint32 a = top_of(z, TAG_A);
		if (a > z->scope_top && closable(z, a, 0))
			pop_to(z, a);
		break;
	}
	case TAG_BUTTON: {
		guint32 b = top_of(z, TAG_BUTTON);
		if (b > 0 && closable(z, b, 0))
			pop_to(z, b);
		break;
	}
	case TAG_TD:
	case TAG_TH: {
		guint32 cell = MAX(top_of(z, TAG_TD), top_of(z, TAG_TH));
		if (cell > table)
			pop_to(z, cell);
		break;
	}
	case TAG_TR: {
		guint32 row = max3(top_of(z, TAG_TD), top_of(z, TAG_TH), top_of(z, TAG_TR));
		if (row > table) {
			guint32 tr = top_of(z, TAG_TR);
			pop_to(z, tr > table ? tr : MAX(top_of(z, TAG_TD), top_of(z, TAG_TH)));
		}
		break;
	}
	case TAG_TBODY:
	case TAG_THEAD:
	case TAG_TFOOT:
	case TAG_CAPTION:
	case TAG_COLGROUP:
		if (table > 0 && z->stack->len > table)
			pop_to(z, table + 1);
		break;
	case TAG_TABLE:
		if (table > 0 && table > max3(top_of(z, TAG_TD), top_of(z, TAG_TH), top_of(z, TAG_CAPTION)))
			pop_to(z, table);
		break;
	default:
		break;
	}
}

/* HTML5 leaves <svg>/<math> at these start tags. */
static bool
breaks_foreign(WebpageTag t)
{
	switch (t) {
	case TAG_B: case TAG_BIG: case TAG_BLOCKQUOTE: case TAG_BODY: case TAG_BR: case TAG_CENTER:
	case TAG_CODE: case TAG_DD: case TAG_DIV: case TAG_DL: case TAG_DT: case TAG_EM: case TAG_EMBED:
	case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6: case TAG_HEAD:
	case TAG_HR: case TAG_I: case TAG_IMG: case TAG_LI: case TAG_LISTING: case TAG_MENU: case TAG_META:
	case TAG_NOBR: case TAG_OL: case TAG_P: case TAG_PRE: case TAG_RUBY: case TAG_S: case TAG_SMALL:
	case TAG_SPAN: case TAG_STRONG: case TAG_STRIKE: case TAG_SUB: case TAG_SUP: case TAG_TABLE:
	case TAG_TT: case TAG_U: case TAG_UL: case TAG_VAR:
		return true;
	default:
		return false;
	}
}

static guint32
foreign_top(const Norm *z)
{
	return MAX(top_of(z, TAG_SVG), top_of(z, TAG_MATH));
}

/* The id of a tag name (lowercase), interning unknown names;
 * G_MAXUINT32 when there are too many of them. */
static guint32
name_id(Norm *z, const char *name, size_t len)
{
	WebpageTag t = webpage_tag_lookup(name, len);
	if (t != TAG_OTHER)
		return t;
	char *key = g_strndup(name, len);
	gpointer v = g_hash_table_lookup(z->names, key);
	if (v != NULL) {
		g_free(key);
		return GPOINTER_TO_UINT(v);
	}
	if (z->id_names->len >= UNKNOWN_NAMES_MAX) {
		g_free(key);
		return G_MAXUINT32;
	}
	guint32 id = TAG_COUNT + z->id_names->len;
	g_ptr_array_add(z->id_names, key);
	g_hash_table_insert(z->names, key, GUINT_TO_POINTER(id));
	return id;
}

/* Reads a tag name at s[*i..): lowercased into buf; false when it is not
 * a name libxml2 reads the same way ([a-z][a-z0-9_:.-]*, at most
 * NAME_MAX_LEN bytes). *i ends after the name either way. */
static bool
read_name(const Norm *z, size_t *i, char *buf, size_t *len)
{
	size_t p = *i, k = 0;
	bool ok = true;
	while (p < z->n && !is_ws(z->s[p]) && z->s[p] != '/' && z->s[p] != '>') {
		char c = g_ascii_tolower(z->s[p]);
		if (!(g_ascii_isalnum(c) || c == '-' || c == '_' || c == ':' || c == '.'))
			ok = false;
		if (k < NAME_MAX_LEN)
			buf[k] = c;
		k++;
		p++;
	}
	*i = p;
	*len = k;
	return ok && k > 0 && k <= NAME_MAX_LEN && g_ascii_isalpha(buf[0]);
}

static void
escape_into(GString *out, const char *s, size_t n, bool in_attr)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '<')
			g_string_append(out, "&lt;");
		else if (in_attr && s[i] == '"')
			g_string_append(out, "&quot;");
		else
			g_string_append_c(out, s[i]);
	}
}

/* Text in the data state: copied with '<' escaped, cut every TEXT_SPLIT
 * bytes (libxml2 refuses text nodes over 10 MB). */
static void
emit_text(Norm *z, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t take = MIN(n - i, (size_t)TEXT_SPLIT - z->text_run);
		escape_into(z->out, s + i, take, false);
		z->text_run += take;
		i += take;
		if (z->text_run >= TEXT_SPLIT) {
			g_string_append(z->out, "<span></span>");
			z->text_run = 0;
		}
	}
}

/* Where the raw text of <name> ends: the offset of its end tag's '<' (or
 * n), and *after the offset after that end tag. */
static size_t
raw_end(const Norm *z, size_t from, const char *name, size_t *after)
{
	size_t nl = strlen(name);
	for (size_t p = from; p < z->n;) {
		const char *lt = memchr(z->s + p, '<', z->n - p);
		if (lt == NULL)
			break;
		p = (size_t)(lt - z->s);
		if (p + 2 + nl <= z->n && z->s[p + 1] == '/' && g_ascii_strncasecmp(z->s + p + 2, name, nl) == 0 &&
		    (p + 2 + nl == z->n || is_ws(z->s[p + 2 + nl]) || z->s[p + 2 + nl] == '/' ||
		     z->s[p + 2 + nl] == '>')) {
			const char *gt = memchr(z->s + p, '>', z->n - p);
			*after = gt != NULL ? (size_t)(gt - z->s) + 1 : z->n;
			return p;
		}
		p++;
	}
	*after = z->n;
	return z->n;
}

static bool
is_jsonld_type(const Attr *a)
{
	if (!attr_is(a, "type"))
		return false;
	const char *v = a->value;
	size_t n = a->vlen;
	while (n > 0 && is_ws(*v))
		v++, n--;
	while (n > 0 && is_ws(v[n - 1]))
		n--;
	return n == 19 && g_ascii_strncasecmp(v, "application/ld+json", 19) == 0;
}

/* A start tag: `name` read, z->i just after it. */
static void
start_tag(Norm *z, const char *name, size_t nlen, bool name_ok)
{
	/* attributes first: the tag is dropped if the input ends inside it */
	Attr a;
	bool self_closing = false, jsonld = false;
	GString *attrs = g_string_new(NULL);
	guint32 seen = 0; /* bit k: kept_attrs[k] already written */
	int r;
	G_STATIC_ASSERT(G_N_ELEMENTS(kept_attrs) < 32);
	while ((r = next_attr(z->s, z->n, &z->i, &a, &self_closing)) == 1) {
		jsonld |= is_jsonld_type(&a);
		if (a.vlen > VALUE_MAX)
			continue;
		for (guint k = 0; k < G_N_ELEMENTS(kept_attrs); k++)
			if (!(seen >> k & 1) && attr_is(&a, kept_attrs[k])) {
				seen |= 1u << k;
				g_string_append_printf(attrs, " %s=\"", kept_attrs[k]);
				escape_into(attrs, a.value, a.vlen, true);
				g_string_append_c(attrs, '"');
				break;
			}
	}
	if (r < 0 || !name_ok) {
		g_string_free(attrs, TRUE);
		return;
	}
	guint32 id = name_id(z, name, nlen);
	if (id == G_MAXUINT32) { /* one unknown name too many: the tag goes, its text stays */
		g_string_free(attrs, TRUE);
		return;
	}
	WebpageTag t = id < TAG_COUNT ? (WebpageTag)id : TAG_OTHER;
	if (t == TAG_IMAGE)
		t = TAG_IMG, id = TAG_IMG;
	const char *tn = id_name(z, id);

	if (has(t, TP_RAW) || has(t, TP_RCDATA) || t == TAG_IFRAME) {
		size_t after = z->n, end = z->n;
		if (t != TAG_PLAINTEXT)
			end = raw_end(z, z->i, tn, &after);
		if (t == TAG_SCRIPT && jsonld && z->jsonld->len < JSONLD_COUNT)
			g_ptr_array_add(z->jsonld, g_strndup(z->s + z->i, MIN(end - z->i, (size_t)JSONLD_MAX)));
		if (has(t, TP_RCDATA) || t == TAG_IFRAME) {
			if (t != TAG_PLAINTEXT)
				implied_closes(z, t, false);
			g_string_append_printf(z->out, "<%s%s>", t == TAG_PLAINTEXT ? "pre" : tn, attrs->str);
			if (t != TAG_IFRAME)
				escape_into(z->out, z->s + z->i, MIN(end - z->i, (size_t)RCDATA_MAX), false);
			g_string_append_printf(z->out, "</%s>", t == TAG_PLAINTEXT ? "pre" : tn);
			z->elements++;
		}
		z->i = after;
		g_string_free(attrs, TRUE);
		return;
	}
	if (t == TAG_HTML || t == TAG_HEAD || t == TAG_BODY) {
		bool *seen_it = t == TAG_HTML ? &z->seen_html : t == TAG_HEAD ? &z->seen_head : &z->seen_body;
		if (!*seen_it)
			g_string_append_printf(z->out, "<%s%s>", tn, attrs->str);
		*seen_it = true;
		g_string_free(attrs, TRUE);
		return;
	}
	guint32 ft = foreign_top(z);
	if (ft > 0 && breaks_foreign(t))
		pop_to(z, ft);
	bool foreign = foreign_top(z) > 0;
	implied_closes(z, t, foreign);
	if (z->elements >= ELEMENTS_MAX) {
		g_string_free(attrs, TRUE);
		return;
	}
	bool empty = has(t, TP_VOID) || (foreign && self_closing);
	if (!empty && depth(z) >= DEPTH_MAX) {
		g_string_free(attrs, TRUE);
		return; /* its content joins the element above */
	}
	g_string_append_printf(z->out, "<%s%s%s>", tn, attrs->str, empty ? "/" : "");
	z->elements++;
	z->text_run = 0;
	if (!empty)
		push(z, id);
	g_string_free(attrs, TRUE);
}

static void
end_tag(Norm *z, const char *name, size_t nlen, bool name_ok)
{
	const char *gt = memchr(z->s + z->i, '>', z->n - z->i);
	z->i = gt != NULL ? (size_t)(gt - z->s) + 1 : z->n;
	if (!name_ok || gt == NULL)
		return;
	WebpageTag t = webpage_tag_lookup(name, nlen);
	if (t == TAG_BR) { /* HTML5: </br> is <br> */
		g_string_append(z->out, "<br/>");
		return;
	}
	if (t == TAG_HTML || t == TAG_HEAD || t == TAG_BODY)
		return;
	guint32 id = t;
	if (t == TAG_OTHER) {
		char *key = g_strndup(name, nlen);
		gpointer v = g_hash_table_lookup(z->names, key);
		g_free(key);
		if (v == NULL)
			return;
		id = GPOINTER_TO_UINT(v);
	}
	guint32 idx = top_of(z, id);
	if (idx == 0)
		return;
	/* a cell or row end closes only inside its table */
	if (has(t, TP_TABLE_PART) && idx < top_of(z, TAG_TABLE))
		return;
	if (closable(z, idx, level_of(webpage_tags[t].priority)))
		pop_to(z, idx);
	z->text_run = 0;
}

/* Skips a comment or other markup declaration at z->i ("<!" or "<?" or
 * "</" not followed by a letter), as HTML5's tokenizer does. */
static void
skip_declaration(Norm *z)
{
	const char *s = z->s;
	size_t i = z->i, n = z->n;
	if (prefix_ci(s + i, n - i, "<!--")) {
		i += 4;
		if (i < n && s[i] == '>') { /* <!--> */
			z->i = i + 1;
			return;
		}
		if (i + 1 < n && s[i] == '-' && s[i + 1] == '>') { /* <!---> */
			z->i = i + 2;
			return;
		}
		for (; i < n; i++) {
			if (s[i] != '-' || i + 2 >= n || s[i + 1] != '-')
				continue;
			if (s[i + 2] == '>') {
				z->i = i + 3;
				return;
			}
			if (s[i + 2] == '!' && i + 3 < n && s[i + 3] == '>') {
				z->i = i + 4;
				return;
			}
		}
		z->i = n;
		return;
	}
	const char *gt = memchr(s + i, '>', n - i);
	z->i = gt != NULL ? (size_t)(gt - s) + 1 : n;
}

/* Rewrites the page (UTF-8) as the stream described at the top. */
static GString *
normalise(const char *s, size_t n, GPtrArray *jsonld)
{
	Norm z = { s, n, 0, g_string_sized_new(n / 2 + 64), jsonld, g_array_new(FALSE, FALSE, sizeof(Open)),
		   g_array_new(FALSE, TRUE, sizeof(guint32)), g_hash_table_new(g_str_hash, g_str_equal),
		   g_ptr_array_new_with_free_func(g_free), { 0 }, 0, 0, 0, 0, false, false, false };
	char name[NAME_MAX_LEN + 1];
	while (z.i < n) {
		const char *lt = memchr(s + z.i, '<', n - z.i);
		size_t stop = lt != NULL ? (size_t)(lt - s) : n;
		emit_text(&z, s + z.i, stop - z.i);
		z.i = stop;
		if (stop >= n)
			break;
		char c1 = stop + 1 < n ? s[stop + 1] : '\0';
		size_t nlen;
		if (g_ascii_isalpha(c1)) {
			z.i = stop + 1;
			bool ok = read_name(&z, &z.i, name, &nlen);
			start_tag(&z, name, MIN(nlen, (size_t)NAME_MAX_LEN), ok);
		} else if (c1 == '/' && stop + 2 < n && g_ascii_isalpha(s[stop + 2])) {
			z.i = stop + 2;
			bool ok = read_name(&z, &z.i, name, &nlen);
			end_tag(&z, name, MIN(nlen, (size_t)NAME_MAX_LEN), ok);
		} else if (c1 == '!' || c1 == '?' || c1 == '/') {
			skip_declaration(&z);
		} else {
			emit_text(&z, "<", 1);
			z.i = stop + 1;
		}
	}
	g_array_free(z.stack, TRUE);
	g_array_free(z.top, TRUE);
	g_hash_table_destroy(z.names);
	g_ptr_array_unref(z.id_names);
	return z.out;
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

/* ------------------------------------------------------------------ */
/* Phase 4: the flat document. */

/*
 * Class/id hints, matched case-insensitively as substrings of "class id"
 * (after Readability's lists). To extend: add a word; a word with a
 * leading or trailing '-' or ' ' is matched as written.
 */
static const char *const unlikely_words[] = {
	"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
	"extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
	"shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
	"pagination", "pager", "popup", "yom-remote", "newsletter", "subscribe", "cookie",
};
static const char *const maybe_words[] = {
	"and", "article", "body", "column", "content", "main", "shadow",
};
static const char *const positive_words[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
	"text", "blog", "story",
};
static const char *const negative_words[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote",
	"gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
	"sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "newsletter", "subscribe",
};
static const char *const byline_words[] = {
	"byline", "author", "dateline", "writtenby", "p-author",
};
/* ARIA roles of page chrome. */
static const char *const chrome_roles[] = {
	"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
};

static bool
contains_any(const char *hay, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strstr(hay, words[k]) != NULL)
			return true;
	return false;
}

/* "hid" as a whole class or id word. */
static bool
has_hid_word(const char *s)
{
	for (const char *p = s; (p = strstr(p, "hid")) != NULL; p += 3)
		if ((p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' '))
			return true;
	return false;
}

/* "share" or "sharedaddy" between word boundaries or underscores. */
static bool
has_share_word(const char *s)
{
	for (const char *p = s; (p = strstr(p, "share")) != NULL; p++) {
		bool before = p == s || !g_ascii_isalnum(p[-1]) || p[-1] == '_';
		const char *e = p + 5;
		if (g_str_has_prefix(e, "daddy"))
			e += 5;
		bool after = *e == '\0' || !g_ascii_isalnum(*e) || *e == '_';
		if (before && after)
			return true;
	}
	return false;
}

static int
class_weight(const char *lower)
{
	if (*lower == '\0')
		return 0;
	int w = 0;
	if (contains_any(lower, negative_words, G_N_ELEMENTS(negative_words)) || has_hid_word(lower))
		w -= 25;
	if (contains_any(lower, positive_words, G_N_ELEMENTS(positive_words)))
		w += 25;
	return w;
}

static const char *
prop(xmlNode *e, const char *name)
{
	for (xmlAttr *a = e->properties; a != NULL; a = a->next)
		if (a->name != NULL && strcmp((const char *)a->name, name) == 0)
			return a->children != NULL && a->children->content != NULL ? (const char *)a->children->content
										    : "";
	return NULL;
}

/* display:none or visibility:hidden in a style attribute. */
static bool
style_hides(const char *style)
{
	if (style == NULL)
		return false;
	char *s = g_ascii_strdown(style, -1);
	char *w = s;
	for (const char *r = s; *r != '\0'; r++)
		if (!is_ws(*r))
			*w++ = *r;
	*w = '\0';
	bool hidden = false;
	for (char *p = s; !hidden && (p = strstr(p, "display:none")) != NULL; p++)
		hidden = p == s || p[-1] == ';' || p[-1] == '{';
	for (char *p = s; !hidden && (p = strstr(p, "visibility:hidden")) != NULL; p++)
		hidden = p == s || p[-1] == ';' || p[-1] == '{';
	g_free(s);
	return hidden;
}

static bool
hidden_element(xmlNode *e)
{
	if (prop(e, "hidden") != NULL || style_hides(prop(e, "style")))
		return true;
	const char *ah = prop(e, "aria-hidden");
	if (ah != NULL && g_ascii_strcasecmp(ah, "true") == 0) {
		const char *c = prop(e, "class");
		return c == NULL || strstr(c, "fallback-image") == NULL;
	}
	const char *modal = prop(e, "aria-modal"), *role = prop(e, "role");
	return modal != NULL && role != NULL && strcmp(modal, "true") == 0 && strcmp(role, "dialog") == 0;
}

static bool
video_src(const char *v)
{
	static const char *const hosts[] = {
		"//www.youtube.com", "//youtube.com", "//www.youtube-nocookie.com", "//youtube-nocookie.com",
		"//www.dailymotion.com", "//dailymotion.com", "//player.vimeo.com", "//v.qq.com",
		"//archive.org", "//upload.wikimedia.org", "//player.twitch.tv",
	};
	if (v == NULL)
		return false;
	for (size_t k = 0; k < G_N_ELEMENTS(hosts); k++)
		if (strstr(v, hosts[k]) != NULL)
			return true;
	return false;
}

static const char *
intern(WebpageDoc *doc, const char *s)
{
	return g_string_chunk_insert_const(doc->strings, s);
}

static void
add_meta(WebpageDoc *doc, const char *key, const char *value, guint32 node)
{
	char *k = g_ascii_strdown(key, -1);
	g_strstrip(k);
	WebpageMetaItem m = { intern(doc, k), value != NULL ? intern(doc, value) : NULL, node };
	g_free(k);
	if (*m.key != '\0')
		g_array_append_val(doc->meta, m);
}

/* Adds one item per white-space separated word of `words`: "prefix" +
 * word. */
static void
add_meta_words(WebpageDoc *doc, const char *prefix, const char *words, const char *value, guint32 node)
{
	char **v = g_strsplit_set(words, " \t\n\r\f", -1);
	for (char **w = v; *w != NULL; w++)
		if (**w != '\0') {
			char *key = g_strconcat(prefix, *w, NULL);
			add_meta(doc, key, value, node);
			g_free(key);
		}
	g_strfreev(v);
}

/* The metadata an element carries. */
static void
element_meta(WebpageDoc *doc, xmlNode *e, WebpageTag t, guint32 node)
{
	const char *content = prop(e, "content");
	switch (t) {
	case TAG_META: {
		const char *name = prop(e, "name"), *property = prop(e, "property"), *ip = prop(e, "itemprop"),
			   *he = prop(e, "http-equiv");
		if (content == NULL)
			return;
		if (name != NULL)
			add_meta(doc, name, content, node);
		if (property != NULL)
			add_meta_words(doc, "", property, content, node);
		if (ip != NULL)
			add_meta_words(doc, "itemprop:", ip, content, node);
		if (he != NULL) {
			char *key = g_strconcat("http-equiv:", he, NULL);
			add_meta(doc, key, content, node);
			g_free(key);
		}
		return;
	}
	case TAG_LINK: {
		const char *rel = prop(e, "rel"), *href = prop(e, "href");
		if (rel != NULL && href != NULL)
			add_meta_words(doc, "link:", rel, href, node);
		return;
	}
	case TAG_BASE:
		if (prop(e, "href") != NULL)
			add_meta(doc, "base", prop(e, "href"), node);
		return;
	case TAG_HTML:
		if (prop(e, "lang") != NULL)
			add_meta(doc, "html:lang", prop(e, "lang"), node);
		else if (prop(e, "xml:lang") != NULL)
			add_meta(doc, "html:lang", prop(e, "xml:lang"), node);
		return;
	case TAG_TITLE: {
		xmlChar *text = xmlNodeGetContent(e);
		if (text != NULL) {
			add_meta(doc, "html:title", (const char *)text, node);
			xmlFree(text);
		}
		return;
	}
	default:
		break;
	}
	if (node == WEBPAGE_NONE)
		return;
	const char *ip = prop(e, "itemprop");
	if (ip != NULL) {
		const char *v = content != NULL ? content : prop(e, "datetime");
		add_meta_words(doc, "itemprop:", ip, v, node);
	}
	if (t == TAG_H1)
		add_meta(doc, "h1", NULL, node);
	if (t == TAG_TIME && prop(e, "datetime") != NULL)
		add_meta(doc, prop(e, "pubdate") != NULL ? "time:pubdate" : "time", prop(e, "datetime"), node);
	if (t == TAG_A && prop(e, "rel") != NULL)
		add_meta_words(doc, "rel:", prop(e, "rel"), NULL, node);
}

/* Appends a text node as a piece: white space collapsed (a leading or
 * trailing run kept as one space), C1 controls read as windows-1252
 * (HTML5's rule for "&#150;"), other controls, soft hyphens and U+FEFF
 * dropped. */
static void
add_piece(WebpageDoc *doc, const char *s, guint32 node, guint32 link)
{
	GString *pool = doc->pool;
	gsize start = pool->len;
	guint32 chars = 0, commas = 0;
	bool space = false;
	for (const char *p = s; *p != '\0';) {
		gunichar c = g_utf8_get_char_validated(p, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			c = 0xFFFD;
			p++;
		} else {
			p = g_utf8_next_char(p);
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			space = true;
			continue;
		}
		if (c >= 0x80 && c < 0xA0)
			c = cp1252_c1[c - 0x80];
		/* controls, soft hyphens and stray BOMs are no text: "Netan&shy;yahu" is one word */
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xAD || c == 0xFEFF)
			continue;
		if (space) {
			g_string_append_c(pool, ' ');
			chars++;
			space = false;
		}
		g_string_append_unichar(pool, c);
		chars++;
		if (c == ',' || c == 0x060C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41 ||
		    c == 0x2E34 || c == 0x2E32 || c == 0xFF0C)
			commas++;
	}
	if (space) {
		g_string_append_c(pool, ' ');
		chars++;
	}
	if (pool->len == start)
		return;
	if (pool->len > G_MAXUINT32) { /* cannot happen below 16 MiB inputs; keep the bound explicit */
		g_string_truncate(pool, start);
		return;
	}
	WebpagePiece pc = { node, link, (guint32)start, (guint32)(pool->len - start), chars, commas };
	g_array_append_val(doc->pieces, pc);
}

/* How the content of an element is read. */
typedef enum {
	MODE_TEXT, /* nodes and text pieces */
	MODE_META, /* metadata only: <head>, hidden elements */
} Mode;

typedef struct {
	xmlNode *xml;
	guint32 node;  /* the node it made, or its parent's (own false) */
	guint32 link;  /* innermost <a> at or above it */
	Mode mode;     /* how its children are read */
	bool own;
} Frame;

static guint32
new_node(WebpageDoc *doc, xmlNode *e, WebpageTag t, guint32 parent)
{
	const char *cls = prop(e, "class"), *id = prop(e, "id"), *role = prop(e, "role");
	char *lc = g_ascii_strdown(cls != NULL ? cls : "", -1), *li = g_ascii_strdown(id != NULL ? id : "", -1);
	char *lower = g_strstrip(g_strconcat(lc, " ", li, NULL));
	WebpageNode n = { parent, 0, doc->pieces->len, (guint16)t, 0, 0, 1, intern(doc, cls != NULL ? cls : "") };
	n.weight = (gint16)(class_weight(lc) + class_weight(li));
	if (*lower != '\0' && contains_any(lower, unlikely_words, G_N_ELEMENTS(unlikely_words)) &&
	    !contains_any(lower, maybe_words, G_N_ELEMENTS(maybe_words)) && t != TAG_BODY && t != TAG_A)
		n.flags |= NF_UNLIKELY;
	if (role != NULL)
		for (size_t k = 0; k < G_N_ELEMENTS(chrome_roles); k++)
			if (strcmp(role, chrome_roles[k]) == 0)
				n.flags |= NF_ROLE_OUT;
	const char *rel = prop(e, "rel"), *ip = prop(e, "itemprop");
	if ((rel != NULL && strcmp(rel, "author") == 0) || (ip != NULL && strstr(ip, "author") != NULL) ||
	    contains_any(lower, byline_words, G_N_ELEMENTS(byline_words)))
		n.flags |= NF_BYLINE;
	if (has_share_word(lower))
		n.flags |= NF_SHARE;
	if (t == TAG_A) {
		const char *href = prop(e, "href");
		if (href != NULL && href[0] == '#' && href[1] != '\0')
			n.flags |= NF_HASH_LINK;
	}
	if ((t == TAG_IFRAME || t == TAG_EMBED || t == TAG_OBJECT) &&
	    (video_src(prop(e, "src")) || video_src(prop(e, "data"))))
		n.flags |= NF_VIDEO;
	if (t == TAG_TABLE) {
		const char *r = prop(e, "role"), *dt = prop(e, "datatable"), *sum = prop(e, "summary");
		if ((r != NULL && strcmp(r, "presentation") == 0) || (dt != NULL && strcmp(dt, "0") == 0))
			n.flags |= NF_DATA_NO;
		else if (sum != NULL && *sum != '\0')
			n.flags |= NF_DATA_YES;
	}
	if (t == TAG_NAV || t == TAG_ASIDE || t == TAG_FOOTER)
		n.flags |= NF_CHROME;
	const char *span = prop(e, t == TAG_TR ? "rowspan" : "colspan");
	if (span != NULL) {
		long v = strtol(span, NULL, 10);
		n.span = (gint16)CLAMP(v, 1, 1000);
	}
	g_free(lower);
	g_free(lc);
	g_free(li);
	g_array_append_val(doc->nodes, n);
	return doc->nodes->len - 1;
}

static void
close_frame(WebpageDoc *doc, const Frame *fr)
{
	if (fr->own)
		g_array_index(doc->nodes, WebpageNode, fr->node).end = doc->nodes->len;
}

/* Reads one tree node `cur` under frame `up`: fills *fr (the frame its
 * children would be read in) and returns whether to read them. */
static bool
visit(WebpageDoc *doc, xmlNode *cur, const Frame *up, Frame *fr)
{
	*fr = (Frame){ cur, up->node, up->link, up->mode, false };
	if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
		if (up->mode == MODE_TEXT && up->node != WEBPAGE_NONE && cur->content != NULL)
			add_piece(doc, (const char *)cur->content, up->node, up->link);
		return false;
	}
	if (cur->type != XML_ELEMENT_NODE || cur->name == NULL)
		return false;
	const char *nm = (const char *)cur->name;
	WebpageTag t = webpage_tag_lookup(nm, strlen(nm));
	if (t == TAG_TEMPLATE || t == TAG_SVG || t == TAG_MATH)
		return false;
	if (t == TAG_HEAD || up->mode == MODE_META || (hidden_element(cur) && t != TAG_HTML && t != TAG_BODY)) {
		element_meta(doc, cur, t, WEBPAGE_NONE);
		fr->mode = MODE_META;
		return !has(t, TP_SKIP) || t == TAG_HEAD;
	}
	fr->node = new_node(doc, cur, t, up->node);
	fr->own = true;
	element_meta(doc, cur, t, fr->node);
	if (t == TAG_BODY && doc->body == WEBPAGE_NONE)
		doc->body = fr->node;
	if (t == TAG_A)
		fr->link = fr->node;
	if (has(t, TP_SKIP)) {
		g_array_index(doc->nodes, WebpageNode, fr->node).flags |= NF_LEAF;
		return false;
	}
	return true;
}

/* Walks the tree once, in document order, with an explicit stack. */
static void
flatten(WebpageDoc *doc, xmlNode *root)
{
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(Frame));
	Frame sentinel = { NULL, WEBPAGE_NONE, WEBPAGE_NONE, MODE_TEXT, false };
	g_array_append_val(stack, sentinel);
	doc->body = WEBPAGE_NONE;
	for (xmlNode *cur = root; cur != NULL;) {
		const Frame *up = &g_array_index(stack, Frame, stack->len - 1);
		Frame fr;
		if (visit(doc, cur, up, &fr) && cur->children != NULL) {
			g_array_append_val(stack, fr);
			cur = cur->children;
			continue;
		}
		close_frame(doc, &fr);
		/* the next node: a sibling, or the next sibling of an ancestor */
		while (cur != NULL) {
			if (cur == root) {
				cur = NULL;
			} else if (cur->next != NULL) {
				cur = cur->next;
				break;
			} else {
				Frame done = g_array_index(stack, Frame, stack->len - 1);
				g_array_set_size(stack, stack->len - 1);
				close_frame(doc, &done);
				cur = done.xml;
			}
		}
	}
	if (doc->body == WEBPAGE_NONE)
		doc->body = 0;
	g_array_free(stack, TRUE);
}

char *
webpage_node_text(const WebpageDoc *doc, guint32 n)
{
	if (n >= doc->nodes->len)
		return g_strdup("");
	const WebpageNode *node = &g_array_index(doc->nodes, WebpageNode, n);
	guint32 from = node->pieces;
	guint32 to = node->end < doc->nodes->len ? g_array_index(doc->nodes, WebpageNode, node->end).pieces
						 : doc->pieces->len;
	GString *s = g_string_new(NULL);
	for (guint32 k = from; k < to; k++) {
		const WebpagePiece *p = &g_array_index(doc->pieces, WebpagePiece, k);
		g_string_append_len(s, doc->pool->str + p->start, p->len);
	}
	return webpage_collapse(g_string_free(s, FALSE));
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
	GString *html = normalise(utf8->str, utf8->len, doc.jsonld);
	g_string_free(utf8, TRUE);
	htmlDocPtr xml = parse(html);
	g_string_free(html, TRUE);
	xmlNode *root = xml != NULL ? xmlDocGetRootElement(xml) : NULL;
	if (root != NULL)
		flatten(&doc, root);
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
