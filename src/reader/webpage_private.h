/*
 * webpage_private.h — what the seven files of the web-page reader share
 * (prefix webpage_): webpage.c turns the bytes into a flat document (this
 * header's WebpageDoc), with webpage_normalise.c's token stream and
 * webpage_flatten.c's walk of the parsed tree; webpage_meta.c reads its
 * metadata (with webpage_date.c's dates and webpage_jsonld.c's JSON-LD)
 * and webpage_text.c its main text. Nothing here leaves src/reader/.
 *
 * The flat document: elements in document order (pre-order), each with
 * the index of its parent and `end`, the index just after its last
 * descendant, so the subtree of node n is the range [n, end). Text is a
 * list of pieces (one per text node, white space collapsed) in document
 * order, each naming the element that holds it; `pieces` of node n is
 * the number of pieces before n starts, so the pieces inside n are
 * [pieces(n), pieces(end)). Traversals are loops over these ranges:
 * nothing recurses.
 */
#ifndef FRISE_READER_WEBPAGE_PRIVATE_H
#define FRISE_READER_WEBPAGE_PRIVATE_H

#include "reader/webpage.h"

#include <libxml/tree.h>
#include <string.h>

#define WEBPAGE_NONE G_MAXUINT32 /* no node, no piece */

/* Elements frise tells apart. ORDER TAG: webpage_tags[] in webpage.c. */
typedef enum {
	TAG_OTHER = 0, /* any element not below (custom elements, typos) */
	TAG_A, TAG_ABBR, TAG_ADDRESS, TAG_APPLET, TAG_AREA, TAG_ARTICLE, TAG_ASIDE, TAG_AUDIO,
	TAG_B, TAG_BASE, TAG_BASEFONT, TAG_BDI, TAG_BDO, TAG_BGSOUND, TAG_BIG, TAG_BLOCKQUOTE,
	TAG_BODY, TAG_BR, TAG_BUTTON, TAG_CANVAS, TAG_CAPTION, TAG_CENTER, TAG_CITE, TAG_CODE,
	TAG_COL, TAG_COLGROUP, TAG_DATA, TAG_DATALIST, TAG_DD, TAG_DEL, TAG_DETAILS, TAG_DFN,
	TAG_DIALOG, TAG_DIR, TAG_DIV, TAG_DL, TAG_DT, TAG_EM, TAG_EMBED, TAG_FIELDSET,
	TAG_FIGCAPTION, TAG_FIGURE, TAG_FONT, TAG_FOOTER, TAG_FORM, TAG_FRAME, TAG_FRAMESET,
	TAG_H1, TAG_H2, TAG_H3, TAG_H4, TAG_H5, TAG_H6, TAG_HEAD, TAG_HEADER, TAG_HGROUP,
	TAG_HR, TAG_HTML, TAG_I, TAG_IFRAME, TAG_IMAGE, TAG_IMG, TAG_INPUT, TAG_INS, TAG_KBD,
	TAG_KEYGEN, TAG_LABEL, TAG_LEGEND, TAG_LI, TAG_LINK, TAG_LISTING, TAG_MAIN, TAG_MAP,
	TAG_MARK, TAG_MARQUEE, TAG_MATH, TAG_MENU, TAG_META, TAG_METER, TAG_NAV, TAG_NOBR,
	TAG_NOEMBED, TAG_NOFRAMES, TAG_NOSCRIPT, TAG_OBJECT, TAG_OL, TAG_OPTGROUP, TAG_OPTION,
	TAG_OUTPUT, TAG_P, TAG_PARAM, TAG_PICTURE, TAG_PLAINTEXT, TAG_PRE, TAG_PROGRESS, TAG_Q,
	TAG_RP, TAG_RT, TAG_RUBY, TAG_S, TAG_SAMP, TAG_SCRIPT, TAG_SEARCH, TAG_SECTION,
	TAG_SELECT, TAG_SMALL, TAG_SOURCE, TAG_SPAN, TAG_STRIKE, TAG_STRONG, TAG_STYLE, TAG_SUB,
	TAG_SUMMARY, TAG_SUP, TAG_SVG, TAG_TABLE, TAG_TBODY, TAG_TD, TAG_TEMPLATE, TAG_TEXTAREA,
	TAG_TFOOT, TAG_TH, TAG_THEAD, TAG_TIME, TAG_TITLE, TAG_TR, TAG_TRACK, TAG_TT, TAG_U,
	TAG_UL, TAG_VAR, TAG_VIDEO, TAG_WBR, TAG_XMP,
	TAG_COUNT
} WebpageTag;

/* What a tag is (bits of WebpageTagInfo.props). */
enum {
	TP_VOID = 1 << 0,     /* no content and no end tag: <br>, <img> */
	TP_RAW = 1 << 1,      /* raw text, dropped with its content: <script>, <style> */
	TP_RCDATA = 1 << 2,   /* its content is text, never markup: <title>, <textarea> */
	TP_CLOSES_P = 1 << 3, /* its start tag closes an open <p> (HTML5 "close a p element") */
	TP_BLOCK = 1 << 4,    /* starts and ends a block of text */
	TP_SKIP = 1 << 5,     /* its content is never article text: <select>, <svg>, <button> */
	TP_SCOPE = 1 << 6,    /* bounds the elements an end tag or a <p> can close */
	TP_HEADING = 1 << 7,  /* h1 to h6 */
	TP_TABLE_PART = 1 << 8, /* tbody, thead, tfoot, tr, td, th, caption, colgroup */
	TP_TEXTISH = 1 << 9,  /* counts as text for "no useful content" (span, li, td, p, div…) */
	TP_TO_SCORE = 1 << 10, /* scored as a paragraph: p, pre, td, section, h2–h6 */
	TP_DIV_BLOCK = 1 << 11, /* keeps a <div> from being read as a paragraph */
};

typedef struct {
	const char *name;
	guint16 props;
	guint8 priority; /* which open elements an end tag may close (libxml2's end priority) */
} WebpageTagInfo;

extern const WebpageTagInfo webpage_tags[TAG_COUNT];

/* The tag of a lowercase name; TAG_OTHER when frise does not know it. */
WebpageTag webpage_tag_lookup(const char *name, size_t len);

/* True when tag t has one of the TP_* bits of `props`. */
static inline bool
webpage_tag_has(WebpageTag t, guint props)
{
	return (webpage_tags[t].props & props) != 0;
}

/* HTML's white space: space, tab, LF, CR, FF (not VT). */
static inline bool
webpage_is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* True when s[0..n) starts with `lit`, ASCII case-insensitively. */
static inline bool
webpage_prefix_ci(const char *s, size_t n, const char *lit)
{
	size_t l = strlen(lit);
	return n >= l && g_ascii_strncasecmp(s, lit, l) == 0;
}

/* windows-1252's characters for the bytes 0x80-0x9F (webpage.c). */
extern const guint16 webpage_cp1252_c1[32];

/* One attribute of a tag as the tokenizer reads it: name and value point
 * into the tag's text (not NUL-terminated, entities not decoded). */
typedef struct {
	const char *name, *value;
	size_t nlen, vlen;
} WebpageAttr;

/* Reads the next attribute of a tag from s[*i..n). Returns 1 with *a
 * filled; 0 at the tag's '>' (consumed; *self_closing when "/>"); -1 when
 * the input ends inside the tag (webpage_normalise.c). */
int webpage_next_attr(const char *s, size_t n, size_t *i, WebpageAttr *a, bool *self_closing);

/* True when a's name is `name` (lowercase), ASCII case-insensitively. */
bool webpage_attr_is(const WebpageAttr *a, const char *name);

/* Node flags, fixed when the document is built. */
enum {
	NF_UNLIKELY = 1 << 0,  /* class/id say "not content" (comment, sidebar, …) and nothing says content */
	NF_ROLE_OUT = 1 << 1,  /* role: menu, navigation, complementary, dialog, alert… */
	NF_BYLINE = 1 << 2,    /* rel=author, itemprop=author or a byline/author class */
	NF_SHARE = 1 << 3,     /* a share bar by its class/id */
	NF_HASH_LINK = 1 << 4, /* <a href="#…">: counts 0.3 in link density */
	NF_VIDEO = 1 << 5,     /* an embed of a known video player */
	NF_DATA_NO = 1 << 6,   /* table role=presentation or datatable=0 */
	NF_DATA_YES = 1 << 7,  /* table with a summary */
	NF_CHROME = 1 << 8,    /* nav, aside, footer, form-like chrome: dropped from the text */
	NF_LEAF = 1 << 9,      /* an element whose content was not read (select, iframe, button…) */
};

typedef struct {
	guint32 parent;   /* WEBPAGE_NONE for the root */
	guint32 end;      /* one past the last node of the subtree */
	guint32 pieces;   /* pieces before this node starts */
	guint16 tag;      /* WebpageTag */
	guint16 flags;    /* NF_* */
	gint16 weight;    /* class/id weight: +25 for a content hint, -25 for a chrome hint, each of class and id */
	gint16 span;      /* colspan or rowspan (1 when absent) */
	const char *cls;  /* the class attribute (doc->strings), "" when absent */
} WebpageNode;

typedef struct {
	guint32 node;     /* the element holding this text */
	guint32 link;     /* the innermost <a> around it, or WEBPAGE_NONE */
	guint32 start;    /* bytes in doc->pool */
	guint32 len;
	guint32 chars;    /* characters */
	guint32 commas;   /* commas of any script */
} WebpagePiece;

/* One name=value read from the page's markup, for webpage_meta.c. */
typedef struct {
	const char *key;   /* lowercase: "og:title", "article:published_time", "itemprop:author",
			      "http-equiv:content-language", "link:canonical", "html:lang",
			      "html:title" (the <title>), "time", "time:pubdate", "h1",
			      "rel:author" (doc->strings) */
	const char *value; /* as written (entities decoded), or NULL for an element's text */
	guint32 node;      /* the element, or WEBPAGE_NONE (in <head>) */
} WebpageMetaItem;

typedef struct {
	GArray *nodes;      /* WebpageNode */
	GArray *pieces;     /* WebpagePiece */
	GString *pool;      /* text of the pieces */
	GStringChunk *strings;
	GArray *meta;       /* WebpageMetaItem in document order */
	GPtrArray *jsonld;  /* char*: contents of <script type="application/ld+json"> */
	guint32 body;       /* the <body> node (0 when the page has none) */
} WebpageDoc;

/* The text of node n's subtree: pieces joined, white space collapsed,
 * trimmed. Returns a new string. */
char *webpage_node_text(const WebpageDoc *doc, guint32 n);

/* Phase 2 (webpage_normalise.c): rewrites the page s[0..n) (UTF-8, no
 * NUL) as the token stream webpage.c describes, adding the JSON-LD
 * scripts' contents to `jsonld` (char*, owned by the array). Returns a
 * new GString. */
GString *webpage_normalise(const char *s, size_t n, GPtrArray *jsonld);

/* Phase 4 (webpage_flatten.c): appends the tree under `root` to `doc`
 * (nodes, pieces, metadata items) and sets doc->body. */
void webpage_flatten(WebpageDoc *doc, xmlNode *root);

/* A dateline among the first lines of a page's main text ("Posted March
 * 3, 2004", "April 17, 2015 -- …"): a new ISO stamp, or NULL
 * (webpage_date.c). */
char *webpage_text_date(const char *text);

/* A date from metadata, ISO 8601 first ("compact" 20150430 too when
 * `data` is not NULL), then in words: a new ISO stamp, or NULL
 * (webpage_date.c). Of the type of webpage_meta.c's Accept. */
char *webpage_accept_date(const char *v, const void *data);

/* A date written in words ("April 28, 2019", "30 avril 2015 à 07h19"): a
 * new ISO stamp, or NULL (webpage_date.c). */
char *webpage_parse_text_date(const char *s);

/* A date in a URL's path: /2015/04/30/, /2015-04-30/, /20150430/: a new
 * ISO stamp, or NULL (webpage_date.c). */
char *webpage_url_date(const char *url);

/* A metadata value made presentable: entities decoded, white space
 * collapsed; NULL when nothing is left. Returns a new string
 * (webpage_meta.c). */
char *webpage_clean(const char *v);

/* What the page's JSON-LD says (webpage_jsonld.c): new strings or NULL,
 * freed by webpage_ld_clear(). */
typedef struct {
	char *headline, *name, *published, *modified, *author, *publisher, *url, *lang;
	char *site; /* the name of a top-level WebSite or Organization */
	bool article;
} WebpageLd;

/* Reads every JSON-LD script of the page into *ld. */
void webpage_read_jsonld(const WebpageDoc *doc, WebpageLd *ld);

void webpage_ld_clear(WebpageLd *ld);

/* Fills page's metadata fields from the document (webpage_meta.c). */
void webpage_read_meta(const WebpageDoc *doc, WebpagePage *page);

/* The main text of the document (webpage_text.c): a new string, "" when
 * there is none. `title` (may be NULL) is the headline, whose copy in an
 * <h1>/<h2> is left out; `has_byline`: the metadata named the author, so
 * a byline line is kept as text. */
char *webpage_main_text(const WebpageDoc *doc, const char *title, bool has_byline);

/* Token-set similarity of b to a in [0, 1], as readers compare a heading
 * with the title: the share of b's text that is words a also has. */
double webpage_similarity(const char *a, const char *b);

/* Collapses runs of white space in s to one space and trims; in place. */
char *webpage_collapse(char *s);

#endif
