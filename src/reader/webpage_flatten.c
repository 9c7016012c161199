/*
 * webpage_flatten.c — phase 4 of the web-page reader (prefix webpage_):
 * exports webpage_flatten(), which turns libxml2's tree into the flat
 * WebpageDoc (nodes in document order, text pieces, metadata items; see
 * webpage_private.h), and webpage_node_text(). Every other symbol has
 * file scope.
 *
 * One walk in document order with an explicit stack, nothing recursive.
 * Each node's flags and class/id weight are fixed here, from the
 * Readability-style word lists below; the elements of <head> and hidden
 * elements give metadata items only, no nodes or text. Piece offsets are
 * byte offsets into doc->pool; a node's subtree is [n, end).
 */
#include "reader/webpage_private.h"

#include <string.h>

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
		if (!webpage_is_ws(*r))
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
			c = webpage_cp1252_c1[c - 0x80];
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
		return !webpage_tag_has(t, TP_SKIP) || t == TAG_HEAD;
	}
	fr->node = new_node(doc, cur, t, up->node);
	fr->own = true;
	element_meta(doc, cur, t, fr->node);
	if (t == TAG_BODY && doc->body == WEBPAGE_NONE)
		doc->body = fr->node;
	if (t == TAG_A)
		fr->link = fr->node;
	if (webpage_tag_has(t, TP_SKIP)) {
		g_array_index(doc->nodes, WebpageNode, fr->node).flags |= NF_LEAF;
		return false;
	}
	return true;
}

/* Walks the tree once, in document order, with an explicit stack. */
void
webpage_flatten(WebpageDoc *doc, xmlNode *root)
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
