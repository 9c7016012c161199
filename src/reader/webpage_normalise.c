/*
 * webpage_normalise.c — phase 2 of the web-page reader (prefix webpage_):
 * exports webpage_normalise(), which rewrites a page (already UTF-8) as
 * the plain token stream libxml2 then parses, and the tag-attribute reader
 * webpage_next_attr() / webpage_attr_is(), which webpage.c's <meta
 * charset> prescan uses too (webpage_private.h). Every other symbol has
 * file scope.
 *
 * The stream: no comments, doctype, scripts or styles (the JSON-LD
 * scripts are kept aside, at most JSONLD_COUNT of JSONLD_MAX bytes each),
 * only the attributes frise reads (kept_attrs[]), every element it closes
 * closed by an explicit end tag, <p> closed before the HTML5 block
 * elements, at most DEPTH_MAX open elements and ELEMENTS_MAX elements
 * (further start tags are dropped, their text kept), text runs split
 * every TEXT_SPLIT bytes. Offsets are byte offsets into the UTF-8 input;
 * one pass, linear in the input, nothing recursive.
 */
#include "reader/webpage_private.h"

#include <string.h>

#define DEPTH_MAX 192           /* open elements in the normalised stream (libxml2 stops at 256) */
#define ELEMENTS_MAX 250000     /* elements in the normalised stream */
#define NAME_MAX_LEN 64         /* longer tag or attribute names are dropped */
#define VALUE_MAX (64 * 1024)   /* longer attribute values are dropped */
#define TEXT_SPLIT (1 << 20)    /* a text run is cut by an empty <span> every MiB */
#define RCDATA_MAX (64 * 1024)  /* bytes of a <title>/<textarea> kept */
#define JSONLD_MAX (4 << 20)    /* bytes of one JSON-LD script kept */
#define JSONLD_COUNT 64         /* JSON-LD scripts kept */
#define UNKNOWN_NAMES_MAX 4096  /* distinct unknown tag names told apart */

/* ------------------------------------------------------------------ */
/* Attributes, as the HTML5 tokenizer reads them. */

/* Reads the next attribute of a tag from s[*i..n). Returns 1 with *a
 * filled; 0 at the tag's '>' (consumed; *self_closing when "/>"); -1 when
 * the input ends inside the tag. */
int
webpage_next_attr(const char *s, size_t n, size_t *i, WebpageAttr *a, bool *self_closing)
{
	size_t p = *i;
	for (;;) {
		while (p < n && webpage_is_ws(s[p]))
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
	while (p < n && !webpage_is_ws(s[p]) && s[p] != '/' && s[p] != '>' && s[p] != '=')
		p++;
	a->name = s + ns;
	a->nlen = p - ns;
	a->value = s + p;
	a->vlen = 0;
	size_t q = p;
	while (q < n && webpage_is_ws(s[q]))
		q++;
	if (q < n && s[q] == '=') {
		q++;
		while (q < n && webpage_is_ws(s[q]))
			q++;
		if (q < n && (s[q] == '"' || s[q] == '\'')) {
			const char *close = memchr(s + q + 1, s[q], n - q - 1);
			size_t e = close != NULL ? (size_t)(close - s) : n;
			a->value = s + q + 1;
			a->vlen = e - q - 1;
			p = close != NULL ? e + 1 : n;
		} else {
			size_t vs = q;
			while (q < n && !webpage_is_ws(s[q]) && s[q] != '>')
				q++;
			a->value = s + vs;
			a->vlen = q - vs;
			p = q;
		}
	}
	*i = p;
	return 1;
}

bool
webpage_attr_is(const WebpageAttr *a, const char *name)
{
	return a->nlen == strlen(name) && g_ascii_strncasecmp(a->name, name, a->nlen) == 0;
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
		   webpage_tag_has(t, TP_SCOPE) || t == TAG_BUTTON, t == TAG_OL || t == TAG_UL || t == TAG_DL };
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
	if (webpage_tag_has(t, TP_CLOSES_P))
		close_p_if_open(z);
	if (webpage_tag_has(t, TP_HEADING) && current(z) < TAG_COUNT && webpage_tag_has((WebpageTag)current(z), TP_HEADING))
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
	while (p < z->n && !webpage_is_ws(z->s[p]) && z->s[p] != '/' && z->s[p] != '>') {
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
		    (p + 2 + nl == z->n || webpage_is_ws(z->s[p + 2 + nl]) || z->s[p + 2 + nl] == '/' ||
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
is_jsonld_type(const WebpageAttr *a)
{
	if (!webpage_attr_is(a, "type"))
		return false;
	const char *v = a->value;
	size_t n = a->vlen;
	while (n > 0 && webpage_is_ws(*v))
		v++, n--;
	while (n > 0 && webpage_is_ws(v[n - 1]))
		n--;
	return n == 19 && g_ascii_strncasecmp(v, "application/ld+json", 19) == 0;
}

/* A start tag: `name` read, z->i just after it. */
static void
start_tag(Norm *z, const char *name, size_t nlen, bool name_ok)
{
	/* attributes first: the tag is dropped if the input ends inside it */
	WebpageAttr a;
	bool self_closing = false, jsonld = false;
	GString *attrs = g_string_new(NULL);
	guint32 seen = 0; /* bit k: kept_attrs[k] already written */
	int r;
	G_STATIC_ASSERT(G_N_ELEMENTS(kept_attrs) < 32);
	while ((r = webpage_next_attr(z->s, z->n, &z->i, &a, &self_closing)) == 1) {
		jsonld |= is_jsonld_type(&a);
		if (a.vlen > VALUE_MAX)
			continue;
		for (guint k = 0; k < G_N_ELEMENTS(kept_attrs); k++)
			if (!(seen >> k & 1) && webpage_attr_is(&a, kept_attrs[k])) {
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

	if (webpage_tag_has(t, TP_RAW) || webpage_tag_has(t, TP_RCDATA) || t == TAG_IFRAME) {
		size_t after = z->n, end = z->n;
		if (t != TAG_PLAINTEXT)
			end = raw_end(z, z->i, tn, &after);
		if (t == TAG_SCRIPT && jsonld && z->jsonld->len < JSONLD_COUNT)
			g_ptr_array_add(z->jsonld, g_strndup(z->s + z->i, MIN(end - z->i, (size_t)JSONLD_MAX)));
		if (webpage_tag_has(t, TP_RCDATA) || t == TAG_IFRAME) {
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
	bool empty = webpage_tag_has(t, TP_VOID) || (foreign && self_closing);
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
	if (webpage_tag_has(t, TP_TABLE_PART) && idx < top_of(z, TAG_TABLE))
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
	if (webpage_prefix_ci(s + i, n - i, "<!--")) {
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
GString *
webpage_normalise(const char *s, size_t n, GPtrArray *jsonld)
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
