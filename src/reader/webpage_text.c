/*
 * webpage_text.c — the main text of a web page (prefix webpage_): exports
 * webpage_main_text (webpage_private.h).
 *
 * The method is Mozilla Readability's, rewritten over the flat document:
 *   1. drop: page chrome (nav, aside, footer), elements whose class/id or
 *      ARIA role say comment, sidebar, menu, share…, the byline (when the
 *      metadata did not name the author) and the heading that repeats the
 *      title;
 *   2. paragraphs: <p>, <pre>, <td>, <section>, <h2>–<h6>, and every run
 *      of inline text inside a <div> (a <div> holding one such run or one
 *      <p> is that paragraph);
 *   3. score: a paragraph of 25 characters or more gives 1 + its commas + 1
 *      + one per 100 characters (at most 3) to its parent, half of it to
 *      the grandparent and a third of a level's to the levels above (up to
 *      five); an element starts from its tag (div +5, lists -3, headings
 *      -5) and its class/id hints (+/-25); its final score is scaled by
 *      1 - link density;
 *   4. choose: the best element, or the ancestor three of the near-best
 *      share, or a parent scoring higher; then its siblings that score a
 *      fifth of it or are text-like paragraphs;
 *   5. clean: inside that content, share bars, headings with a negative
 *      hint, and tables, lists and divs that look like boilerplate (more
 *      links than text, more list items than paragraphs, inputs, lone
 *      embeds, no text) go;
 *   6. if less than 500 characters are left, again without (1)'s class
 *      hints, then without hint weights, then without (5)'s cleaning;
 *      when none reaches 500, a short article of 140 characters or more
 *      found by the strictest attempt wins (a brief beats its comments),
 *      else the longest result.
 * Everything is a loop over the node and piece ranges (webpage_private.h):
 * each attempt is linear in the document; there are at most four.
 */
#include "reader/webpage_private.h"

#include <math.h>
#include <string.h>

#define MIN_PARAGRAPH 25   /* characters for a paragraph to be scored */
#define TOP_CANDIDATES 5
#define ANCESTOR_LEVELS 5
#define MIN_ARTICLE 500    /* characters for an attempt to succeed */
#define MIN_BRIEF 140      /* characters of a short article the strictest attempt found */
#define SHARE_MAX 500      /* characters of a share element still removed */
#define LINK_BLOCK 0.75    /* link density of a block left out of the text */

enum {
	FLAG_STRIP = 1 << 0,  /* drop elements whose class/id or role say "not content" */
	FLAG_WEIGHT = 1 << 1, /* class/id hints weigh in scores */
	FLAG_CLEAN = 1 << 2,  /* clean tables, lists and divs conditionally */
};

/* What a <div> is read as. */
typedef enum {
	K_NORMAL = 0, /* a container; its inline runs are paragraphs */
	K_WRAPPER,    /* holds one <p> and nothing else: the <p> takes its place */
	K_RUN_P,      /* holds one inline run: that paragraph takes its place */
	K_AS_P,       /* holds no block: read as a <p> */
} Kind;

/* A run of inline text inside one block: a paragraph of the output. */
typedef struct {
	guint32 owner;        /* the innermost block element around it */
	guint32 first, last;  /* its pieces: [first, last) */
	guint32 chars, commas;
	double link;          /* characters inside links (a "#" link counts 0.3) */
} Unit;

/* Sums over a subtree, after what is removed. */
typedef struct {
	guint32 chars, commas;
	double link;
	guint32 p, img, li, input, embed;
	guint32 heading, list, textish;
	guint32 rows, cols, td_span;
	bool video, data_table, data_hint, nested_table, div_block;
	bool block;           /* a block element inside */
} Agg;

typedef struct {
	const WebpageDoc *doc;
	const char *title;
	bool has_byline;
	guint flags;
	guint32 n;            /* nodes */
	guint8 *removed;      /* removed by a rule (its subtree with it) */
	guint8 *gone;         /* removed or inside a removed element */
	guint8 *kind;         /* Kind of a <div> */
	guint8 *as_div;       /* an appended sibling cleaned as a <div> */
	guint8 *data;         /* a data table */
	double *score;        /* NAN: not a candidate */
	Agg *agg;
	guint32 *block_of;    /* the innermost block at or above a node */
	guint32 *run_of;      /* the last run a node owns, or WEBPAGE_NONE */
	GArray *units;        /* Unit, in document order */
	GArray *candidates;   /* guint32 */
} Attempt;

/* A child as the scorer sees it: an element, or a run (a paragraph). */
typedef struct {
	bool unit;
	guint32 idx;
} Child;

static const WebpageNode *
node(const Attempt *at, guint32 n)
{
	return &g_array_index(at->doc->nodes, WebpageNode, n);
}

static WebpageTag
tag_of(const Attempt *at, guint32 n)
{
	return (WebpageTag)node(at, n)->tag;
}

static guint32
pieces_at(const Attempt *at, guint32 n)
{
	return n < at->n ? node(at, n)->pieces : at->doc->pieces->len;
}

static const WebpagePiece *
piece(const Attempt *at, guint32 k)
{
	return &g_array_index(at->doc->pieces, WebpagePiece, k);
}

static bool
is_block(const Attempt *at, guint32 n)
{
	return (webpage_tags[tag_of(at, n)].props & TP_BLOCK) != 0;
}

static const Unit *
unit(const Attempt *at, guint32 u)
{
	return &g_array_index(at->units, Unit, u);
}

static int
weight(const Attempt *at, guint32 n)
{
	return (at->flags & FLAG_WEIGHT) ? node(at, n)->weight : 0;
}

/* An ancestor within `levels` levels has tag t. */
static bool
ancestor_tag(const Attempt *at, guint32 n, WebpageTag t, int levels)
{
	guint32 p = node(at, n)->parent;
	for (int d = 0; p != WEBPAGE_NONE && (levels < 0 || d <= levels); d++, p = node(at, p)->parent)
		if (tag_of(at, p) == t)
			return true;
	return false;
}

/* The text of n's subtree when it is short enough to compare (at most
 * `most` characters in at most `most` pieces); else NULL. */
static char *
short_text(const Attempt *at, guint32 n, guint32 most)
{
	guint32 from = node(at, n)->pieces, to = pieces_at(at, node(at, n)->end), chars = 0;
	if (to - from > most)
		return NULL;
	for (guint32 k = from; k < to; k++)
		chars += piece(at, k)->chars;
	return chars <= most ? webpage_node_text(at->doc, n) : NULL;
}

/* ------------------------------------------------------------------ */
/* Phase 1: what is dropped before scoring. */

static void
mark_gone(Attempt *at)
{
	for (guint32 n = 0; n < at->n; n++) {
		guint32 p = node(at, n)->parent;
		at->gone[n] = at->removed[n] || (p != WEBPAGE_NONE && at->gone[p]);
	}
}

static void
drop_chrome(Attempt *at)
{
	bool byline_done = at->has_byline, title_done = at->title == NULL;
	size_t title_len = at->title != NULL ? strlen(at->title) : 0;
	for (guint32 n = 0; n < at->n; n++) {
		const WebpageNode *x = node(at, n);
		if (x->parent != WEBPAGE_NONE && at->gone[x->parent]) {
			at->removed[n] = 0;
			at->gone[n] = 1;
			continue;
		}
		bool drop = (x->flags & NF_CHROME) != 0;
		WebpageTag t = (WebpageTag)x->tag;
		if (!drop && !byline_done && (x->flags & NF_BYLINE)) {
			char *s = short_text(at, n, 99);
			if (s != NULL && *s != '\0')
				drop = byline_done = true;
			g_free(s);
		}
		if (!drop && !title_done && (t == TAG_H1 || t == TAG_H2)) {
			char *s = short_text(at, n, (guint32)(title_len * 2 + 64));
			if (s != NULL && webpage_similarity(at->title, s) > 0.75)
				drop = title_done = true;
			g_free(s);
		}
		if (!drop && (at->flags & FLAG_STRIP)) {
			if ((x->flags & NF_UNLIKELY) && !ancestor_tag(at, n, TAG_TABLE, 3) && !ancestor_tag(at, n, TAG_CODE, 3))
				drop = true;
			if (x->flags & NF_ROLE_OUT)
				drop = true;
		}
		at->removed[n] = drop;
		at->gone[n] = drop;
	}
}

/* ------------------------------------------------------------------ */
/* Phase 2: runs of inline text. */

typedef struct {
	Attempt *at;
	GArray *units;   /* measuring: runs found */
	GString *out;    /* writing: the text */
	GArray *stack;   /* guint32: open blocks */
	Unit cur;
	bool open;       /* cur has pieces */
	bool has_text;   /* cur has a character other than a space */
	GString *line;   /* writing: cur's text */
	bool pending_break;
	size_t written;  /* writing: characters written */
	guint32 win_from, win_to; /* only the pieces [win_from, win_to) */
} Walk;

static bool ad_or_loading_text(const char *lower);

static guint32
walk_owner(const Walk *w, guint32 from_block)
{
	return w->stack->len > 0 ? g_array_index(w->stack, guint32, w->stack->len - 1) : from_block;
}

static void
flush(Walk *w)
{
	if (w->open && w->has_text) {
		if (w->units != NULL)
			g_array_append_val(w->units, w->cur);
		if (w->out != NULL) {
			char *s = g_strstrip(w->line->str);
			/* no space at a line's ends */
			GString *clean = g_string_new(NULL);
			for (const char *p = s; *p != '\0'; p++) {
				if (*p == ' ' && p[1] == '\n')
					continue;
				if (*p == '\n' && p[1] == ' ') {
					g_string_append_c(clean, '\n');
					p++;
					continue;
				}
				g_string_append_c(clean, *p);
			}
			/* a block of links (a menu, "Most read", "Read also: …") is no text */
			if (w->cur.chars > 0 && w->cur.link / w->cur.chars >= LINK_BLOCK)
				g_string_truncate(clean, 0);
			/* a block that only says "Advertisement" or "Loading…" is no text */
			if (clean->len > 0 && clean->len <= 32) {
				char *lower = g_utf8_strdown(clean->str, (gssize)clean->len);
				if (ad_or_loading_text(lower))
					g_string_truncate(clean, 0);
				g_free(lower);
			}
			if (clean->len > 0) {
				if (w->out->len > 0)
					g_string_append(w->out, "\n\n");
				g_string_append_len(w->out, clean->str, clean->len);
				w->written += w->cur.chars;
			}
			g_string_free(clean, TRUE);
		}
	}
	w->open = w->has_text = w->pending_break = false;
	if (w->line != NULL)
		g_string_truncate(w->line, 0);
}

static void
walk_piece(Walk *w, guint32 k, guint32 owner)
{
	const Attempt *at = w->at;
	if (k < w->win_from || k >= w->win_to)
		return;
	const WebpagePiece *pc = piece(at, k);
	const char *s = at->doc->pool->str + pc->start;
	if (!w->open) {
		w->cur = (Unit){ owner, k, k + 1, 0, 0, 0 };
		w->open = true;
	}
	w->cur.last = k + 1;
	w->cur.chars += pc->chars;
	w->cur.commas += pc->commas;
	if (pc->link != WEBPAGE_NONE && pc->link > owner)
		w->cur.link += pc->chars * ((node(at, pc->link)->flags & NF_HASH_LINK) ? 0.3 : 1.0);
	bool blank = pc->len == 1 && s[0] == ' ';
	if (!blank)
		w->has_text = true;
	if (w->line == NULL)
		return;
	size_t len = pc->len;
	if (w->pending_break && w->has_text && !blank) {
		while (w->line->len > 0 && w->line->str[w->line->len - 1] == ' ')
			g_string_truncate(w->line, w->line->len - 1);
		if (w->line->len > 0)
			g_string_append_c(w->line, '\n');
		w->pending_break = false;
	}
	if (s[0] == ' ' && (w->line->len == 0 || w->line->str[w->line->len - 1] == ' ' ||
			    w->line->str[w->line->len - 1] == '\n'))
		s++, len--;
	g_string_append_len(w->line, s, (gssize)len);
}

/* Only white space between leaf n and node m (n < m). */
static bool
blank_between(const Attempt *at, guint32 n, guint32 m)
{
	for (guint32 k = pieces_at(at, n); k < pieces_at(at, m); k++)
		if (!(piece(at, k)->len == 1 && at->doc->pool->str[piece(at, k)->start] == ' '))
			return false;
	return true;
}

/* Walks the nodes [from, to) that are not gone, in document order,
 * cutting the text into runs at every block and at <br><br>. */
static void
walk(Walk *w, guint32 from, guint32 to)
{
	Attempt *at = w->at;
	guint32 base = at->block_of[from];
	guint32 k = pieces_at(at, from);
	for (guint32 n = from; n < to; n++) {
		while (w->stack->len > 0 && node(at, g_array_index(w->stack, guint32, w->stack->len - 1))->end <= n) {
			guint32 top = g_array_index(w->stack, guint32, w->stack->len - 1);
			for (guint32 end = pieces_at(at, node(at, top)->end); k < end; k++)
				walk_piece(w, k, top);
			flush(w);
			g_array_set_size(w->stack, w->stack->len - 1);
		}
		for (guint32 start = pieces_at(at, n); k < start; k++)
			walk_piece(w, k, walk_owner(w, base));
		if (at->gone[n]) {
			if (is_block(at, n))
				flush(w);
			k = pieces_at(at, node(at, n)->end);
			n = node(at, n)->end - 1;
			continue;
		}
		if (is_block(at, n)) {
			flush(w);
			g_array_append_val(w->stack, n);
		} else if (tag_of(at, n) == TAG_BR) {
			guint32 j = n + 1;
			while (j < to && tag_of(at, j) == TAG_BR && !at->gone[j] && blank_between(at, j - 1, j))
				j++;
			if (j > n + 1) {
				flush(w);
				n = j - 1;
			} else if (w->has_text) {
				w->pending_break = true;
			}
		}
	}
	while (w->stack->len > 0) {
		guint32 top = g_array_index(w->stack, guint32, w->stack->len - 1);
		for (guint32 end = pieces_at(at, MIN(node(at, top)->end, to)); k < end; k++)
			walk_piece(w, k, top);
		flush(w);
		g_array_set_size(w->stack, w->stack->len - 1);
	}
	for (guint32 end = pieces_at(at, to); k < end; k++)
		walk_piece(w, k, walk_owner(w, base));
	flush(w);
}

static void
find_units(Attempt *at)
{
	Walk w = { at, at->units, NULL, g_array_new(FALSE, FALSE, sizeof(guint32)), { 0 }, false, false, NULL, false, 0,
		   0, G_MAXUINT32 };
	g_array_set_size(at->units, 0);
	guint32 body = at->doc->body;
	walk(&w, body, node(at, body)->end);
	g_array_free(w.stack, TRUE);
}

/* ------------------------------------------------------------------ */
/* Sums. */

static bool
p_like(const Attempt *at, guint32 n)
{
	WebpageTag t = tag_of(at, n);
	return t == TAG_P || (t == TAG_DIV && (at->kind[n] == K_AS_P || at->kind[n] == K_RUN_P));
}

/* Recomputes at->agg for the nodes [from, to) not gone, bottom-up; with
 * `clean` set, each node of that tag (or cleaned as a div) is judged by
 * clean() on its sums first and removed when it says so. */
typedef bool (*Judge)(Attempt *at, guint32 n);

static void
add_child(Attempt *at, guint32 parent, guint32 c)
{
	Agg *a = &at->agg[parent];
	const Agg *b = &at->agg[c];
	WebpageTag t = tag_of(at, c);
	guint props = webpage_tags[t].props;
	a->chars += b->chars;
	a->commas += b->commas;
	a->link += t == TAG_A ? b->chars * ((node(at, c)->flags & NF_HASH_LINK) ? 0.3 : 1.0) : b->link;
	a->p += b->p + (p_like(at, c) ? 1 : 0);
	a->img += b->img + (t == TAG_IMG);
	a->li += b->li + (t == TAG_LI);
	a->input += b->input + (t == TAG_INPUT);
	a->embed += b->embed + (t == TAG_OBJECT || t == TAG_EMBED || t == TAG_IFRAME);
	a->heading += (props & TP_HEADING) ? b->chars : b->heading;
	a->list += (t == TAG_UL || t == TAG_OL) ? b->chars : b->list;
	a->textish += (props & TP_TEXTISH) ? b->chars : b->textish;
	a->video |= b->video || (node(at, c)->flags & NF_VIDEO);
	a->data_table |= b->data_table || (t == TAG_TABLE && at->data[c]);
	a->data_hint |= b->data_hint || t == TAG_COL || t == TAG_COLGROUP || t == TAG_TFOOT || t == TAG_THEAD ||
			t == TAG_TH || (t == TAG_CAPTION && b->chars > 0);
	a->nested_table |= b->nested_table || t == TAG_TABLE;
	a->div_block |= b->div_block || (props & TP_DIV_BLOCK);
	a->block |= b->block || (props & TP_BLOCK);
	if (t == TAG_TR) {
		a->rows += b->rows + (guint32)node(at, c)->span;
		a->cols = MAX(a->cols, MAX(b->cols, b->td_span));
	} else {
		a->rows += b->rows;
		a->cols = MAX(a->cols, b->cols);
	}
	a->td_span += b->td_span + (t == TAG_TD ? (guint32)node(at, c)->span : 0);
}

static void
sum(Attempt *at, guint32 from, guint32 to, WebpageTag judged, Judge judge)
{
	for (guint32 n = from; n < to; n++)
		memset(&at->agg[n], 0, sizeof(Agg));
	for (guint32 k = pieces_at(at, from); k < pieces_at(at, to); k++) {
		const WebpagePiece *pc = piece(at, k);
		if (pc->node < from || pc->node >= to || at->gone[pc->node])
			continue;
		at->agg[pc->node].chars += pc->chars;
		at->agg[pc->node].commas += pc->commas;
	}
	/* runs of a container div count as paragraphs of it */
	for (guint u = 0; u < at->units->len; u++) {
		guint32 o = unit(at, u)->owner;
		if (o >= from && o < to && tag_of(at, o) == TAG_DIV && at->kind[o] == K_NORMAL && !at->gone[o])
			at->agg[o].p++;
	}
	for (guint32 n = to; n-- > from;) {
		if (at->gone[n])
			continue;
		if (judge != NULL && (tag_of(at, n) == judged || (judged == TAG_DIV && at->as_div[n])) &&
		    !(judged == TAG_DIV && tag_of(at, n) == TAG_DIV && at->kind[n] != K_NORMAL) && judge(at, n)) {
			at->removed[n] = 1;
			at->gone[n] = 1;
			continue;
		}
		guint32 p = node(at, n)->parent;
		if (p != WEBPAGE_NONE && p >= from && n != from)
			add_child(at, p, n);
	}
}

static double
link_density(const Agg *a)
{
	return a->chars > 0 ? a->link / a->chars : 0;
}

/* ------------------------------------------------------------------ */
/* Kinds of divs, and the scorer's view of the tree. */

static bool in_run(const Attempt *at, guint32 c);

static void
find_kinds(Attempt *at)
{
	memset(at->kind, K_NORMAL, at->n);
	guint32 *runs = g_new0(guint32, at->n), *last_run = at->run_of;
	for (guint32 n = 0; n < at->n; n++)
		last_run[n] = WEBPAGE_NONE;
	for (guint u = 0; u < at->units->len; u++) {
		guint32 o = unit(at, u)->owner;
		runs[o]++;
		last_run[o] = u;
	}
	for (guint32 n = at->doc->body; n < at->n; n++) {
		if (tag_of(at, n) != TAG_DIV || at->gone[n])
			continue;
		/* element children that stay children (not inside a run) */
		guint32 kids = 0, only = WEBPAGE_NONE;
		for (guint32 c = n + 1; c < node(at, n)->end; c = node(at, c)->end)
			if (!at->gone[c] && !in_run(at, c)) {
				kids++;
				only = c;
			}
		if (runs[n] + kids == 1) {
			if (kids == 1 && tag_of(at, only) == TAG_P && link_density(&at->agg[n]) < 0.25) {
				at->kind[n] = K_WRAPPER;
				continue;
			}
			if (runs[n] == 1) {
				const Unit *r = unit(at, last_run[n]);
				if ((r->chars > 0 ? r->link / r->chars : 0) < 0.25) {
					at->kind[n] = K_RUN_P;
					continue;
				}
			}
		}
		if (runs[n] == 0 && !at->agg[n].div_block)
			at->kind[n] = K_AS_P;
	}
	g_free(runs);
}

/* An inline child of a container div whose text is all in the div's
 * runs: it is no child of its own (a <span> around a <div> is). */
static bool
in_run(const Attempt *at, guint32 c)
{
	return !is_block(at, c) && tag_of(at, c) != TAG_OTHER && !at->agg[c].block;
}

static bool
transparent(const Attempt *at, guint32 n)
{
	return tag_of(at, n) == TAG_DIV && (at->kind[n] == K_WRAPPER || at->kind[n] == K_RUN_P);
}

/* The parent in the scorer's tree: transparent divs skipped. */
static guint32
eparent(const Attempt *at, guint32 n)
{
	guint32 p = node(at, n)->parent;
	while (p != WEBPAGE_NONE && transparent(at, p))
		p = node(at, p)->parent;
	return p;
}

/* The children of n as the scorer sees them, in document order: element
 * children (a transparent div stands for its paragraph) and, for a
 * container div, its runs. */
static GArray *
children(const Attempt *at, guint32 n)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(Child));
	bool container = tag_of(at, n) == TAG_DIV && at->kind[n] == K_NORMAL;
	/* the runs owned by n, found by bisecting on their first piece */
	guint lo = 0, hi = at->units->len;
	guint32 from = node(at, n)->pieces;
	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		if (unit(at, mid)->first < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	guint u = lo;
	guint32 to = pieces_at(at, node(at, n)->end);
	for (guint32 c = n + 1; c < node(at, n)->end; c = node(at, c)->end) {
		if (container)
			for (; u < at->units->len && unit(at, u)->first < to && unit(at, u)->first < node(at, c)->pieces; u++)
				if (unit(at, u)->owner == n) {
					Child ch = { true, u };
					g_array_append_val(out, ch);
				}
		if (at->gone[c] || (container && in_run(at, c)))
			continue;
		Child ch = { false, c };
		if (transparent(at, c)) {
			if (at->kind[c] == K_WRAPPER) {
				for (guint32 g = c + 1; g < node(at, c)->end; g = node(at, g)->end)
					if (!at->gone[g] && tag_of(at, g) == TAG_P)
						ch.idx = g;
			} else if (at->run_of[c] != WEBPAGE_NONE) {
				ch.unit = true;
				ch.idx = at->run_of[c];
			}
		}
		g_array_append_val(out, ch);
	}
	if (container)
		for (; u < at->units->len && unit(at, u)->first < to; u++)
			if (unit(at, u)->owner == n) {
				Child ch = { true, u };
				g_array_append_val(out, ch);
			}
	return out;
}

/* ------------------------------------------------------------------ */
/* Phase 3: scores. */

static double
initial_score(const Attempt *at, guint32 n)
{
	double s = 0;
	switch (tag_of(at, n)) {
	case TAG_DIV:
		s = at->kind[n] == K_AS_P ? 0 : 5;
		break;
	case TAG_PRE: case TAG_TD: case TAG_BLOCKQUOTE:
		s = 3;
		break;
	case TAG_ADDRESS: case TAG_OL: case TAG_UL: case TAG_DL: case TAG_DD: case TAG_DT: case TAG_LI: case TAG_FORM:
		s = -3;
		break;
	case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6: case TAG_TH:
		s = -5;
		break;
	default:
		break;
	}
	return s + weight(at, n);
}

static void
credit(Attempt *at, guint32 parent, double points)
{
	guint32 root = at->doc->body != 0 ? node(at, at->doc->body)->parent : WEBPAGE_NONE;
	guint32 a = parent;
	for (int level = 0; a != WEBPAGE_NONE && level < ANCESTOR_LEVELS; level++, a = eparent(at, a)) {
		if (a == root || node(at, a)->parent == WEBPAGE_NONE)
			break; /* the <html> element */
		if (isnan(at->score[a])) {
			at->score[a] = initial_score(at, a);
			g_array_append_val(at->candidates, a);
		}
		double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
		at->score[a] += points / divider;
	}
}

static double
paragraph_points(guint32 chars, guint32 commas)
{
	return 1 + (commas + 1) + MIN(chars / 100, 3);
}

static void
score_paragraphs(Attempt *at)
{
	for (guint32 n = 0; n < at->n; n++)
		at->score[n] = NAN;
	g_array_set_size(at->candidates, 0);
	guint32 body = at->doc->body;
	for (guint32 n = body; n < node(at, body)->end; n++) {
		if (at->gone[n]) {
			n = node(at, n)->end - 1;
			continue;
		}
		WebpageTag t = tag_of(at, n);
		bool scored = (webpage_tags[t].props & TP_TO_SCORE) || (t == TAG_DIV && at->kind[n] == K_AS_P);
		if (!scored || at->agg[n].chars < MIN_PARAGRAPH)
			continue;
		credit(at, eparent(at, n), paragraph_points(at->agg[n].chars, at->agg[n].commas));
	}
	for (guint u = 0; u < at->units->len; u++) {
		const Unit *r = unit(at, u);
		guint32 o = r->owner;
		if (tag_of(at, o) != TAG_DIV || at->gone[o] || r->chars < MIN_PARAGRAPH)
			continue;
		if (at->kind[o] == K_NORMAL)
			credit(at, o, paragraph_points(r->chars, r->commas));
		else if (at->kind[o] == K_RUN_P)
			credit(at, eparent(at, o), paragraph_points(r->chars, r->commas));
	}
	for (guint i = 0; i < at->candidates->len; i++) {
		guint32 c = g_array_index(at->candidates, guint32, i);
		at->score[c] *= 1 - link_density(&at->agg[c]);
	}
}

/* ------------------------------------------------------------------ */
/* Phase 4: the content. */

static bool
is_candidate(const Attempt *at, guint32 n)
{
	return !isnan(at->score[n]);
}

static bool
has_ancestor(const Attempt *at, guint32 n, guint32 a)
{
	return a <= n && n < node(at, a)->end && a != n;
}

static guint
count_children(const Attempt *at, guint32 n)
{
	GArray *c = children(at, n);
	guint len = c->len;
	g_array_free(c, TRUE);
	return len;
}

static guint32
choose_top(Attempt *at)
{
	guint32 body = at->doc->body;
	guint32 top[TOP_CANDIDATES];
	guint ntop = 0;
	for (guint i = 0; i < at->candidates->len; i++) {
		guint32 c = g_array_index(at->candidates, guint32, i);
		guint pos = ntop;
		while (pos > 0 && at->score[c] > at->score[top[pos - 1]])
			pos--;
		if (pos >= TOP_CANDIDATES)
			continue;
		if (ntop < TOP_CANDIDATES)
			ntop++;
		memmove(top + pos + 1, top + pos, (ntop - 1 - pos) * sizeof top[0]);
		top[pos] = c;
	}
	if (ntop == 0 || top[0] == body)
		return body;
	guint32 best = top[0];
	/* three of the near-best inside one ancestor: that ancestor */
	guint near = 0;
	guint32 alt[TOP_CANDIDATES];
	for (guint i = 1; i < ntop; i++)
		if (at->score[top[i]] / at->score[best] >= 0.75)
			alt[near++] = top[i];
	if (near >= 3)
		for (guint32 p = node(at, best)->parent; p != WEBPAGE_NONE && p != body; p = node(at, p)->parent) {
			guint inside = 0;
			for (guint i = 0; i < near; i++)
				inside += has_ancestor(at, alt[i], p);
			if (inside >= 3) {
				best = p;
				break;
			}
		}
	if (!is_candidate(at, best))
		at->score[best] = initial_score(at, best);
	/* a parent scoring higher, not far up */
	double last = at->score[best], threshold = last / 3;
	for (guint32 p = eparent(at, best); p != WEBPAGE_NONE && p != body; p = eparent(at, p)) {
		if (!is_candidate(at, p))
			continue;
		if (at->score[p] < threshold)
			break;
		if (at->score[p] > last) {
			best = p;
			break;
		}
		last = at->score[p];
	}
	/* an only child: its parent */
	for (guint32 p = eparent(at, best); p != WEBPAGE_NONE && p != body && count_children(at, p) == 1;
	     p = eparent(at, p))
		best = p;
	if (!is_candidate(at, best))
		at->score[best] = initial_score(at, best);
	return best;
}

static double
child_link_density(const Attempt *at, const Child *c)
{
	if (c->unit)
		return unit(at, c->idx)->chars > 0 ? unit(at, c->idx)->link / unit(at, c->idx)->chars : 0;
	return link_density(&at->agg[c->idx]);
}

static guint32
child_chars(const Attempt *at, const Child *c)
{
	return c->unit ? unit(at, c->idx)->chars : at->agg[c->idx].chars;
}

/* A short paragraph that reads as a sentence: ". " inside or "." at the end. */
static bool
has_sentence_end(const Attempt *at, const Child *c)
{
	guint32 from, to;
	if (c->unit) {
		from = unit(at, c->idx)->first;
		to = unit(at, c->idx)->last;
	} else {
		from = node(at, c->idx)->pieces;
		to = pieces_at(at, node(at, c->idx)->end);
	}
	bool dot = false;
	for (guint32 k = from; k < to; k++) {
		const WebpagePiece *pc = piece(at, k);
		if (!c->unit && at->gone[pc->node])
			continue;
		const char *s = at->doc->pool->str + pc->start;
		for (guint32 i = 0; i < pc->len; i++) {
			if (dot && s[i] == ' ')
				return true;
			dot = s[i] == '.';
		}
	}
	return dot;
}

/* The top candidate and the siblings that belong with it. */
static GArray *
gather(Attempt *at, guint32 best)
{
	guint32 body = at->doc->body;
	GArray *content = g_array_new(FALSE, FALSE, sizeof(Child));
	if (best == body) {
		Child all = { false, body };
		g_array_append_val(content, all);
		return content;
	}
	guint32 parent = eparent(at, best);
	double threshold = MAX(10, at->score[best] * 0.2);
	const char *cls = node(at, best)->cls;
	GArray *kids = children(at, parent);
	for (guint i = 0; i < kids->len; i++) {
		Child *c = &g_array_index(kids, Child, i);
		bool append = !c->unit && c->idx == best;
		if (!append && !c->unit) {
			double bonus = *cls != '\0' && strcmp(node(at, c->idx)->cls, cls) == 0 ? at->score[best] * 0.2 : 0;
			if (is_candidate(at, c->idx) && at->score[c->idx] + bonus >= threshold)
				append = true;
		}
		if (!append && (c->unit || p_like(at, c->idx))) {
			double ld = child_link_density(at, c);
			guint32 len = child_chars(at, c);
			if (len > 80 && ld < 0.25)
				append = true;
			else if (len < 80 && len > 0 && ld == 0 && has_sentence_end(at, c))
				append = true;
		}
		if (!append)
			continue;
		if (!c->unit) {
			WebpageTag t = tag_of(at, c->idx);
			if (t != TAG_DIV && t != TAG_ARTICLE && t != TAG_SECTION && t != TAG_P)
				at->as_div[c->idx] = 1;
		}
		g_array_append_val(content, *c);
	}
	g_array_free(kids, TRUE);
	return content;
}

/* ------------------------------------------------------------------ */
/* Phase 5: cleaning the content. */

static bool
ancestor_data_table(const Attempt *at, guint32 n)
{
	for (guint32 p = node(at, n)->parent; p != WEBPAGE_NONE; p = node(at, p)->parent)
		if (tag_of(at, p) == TAG_TABLE && at->data[p])
			return true;
	return false;
}

/* Text that is only an advertisement or loading notice (lowercase). */
static bool
ad_or_loading_text(const char *lower)
{
	static const char *const words[] = {
		"ad", "ads", "advertising", "advertisement", "pub", "publicité", "werbung", "werb", "anuncio",
		"реклама", "广告", "loading", "loading…", "loading...", "chargement", "chargement…",
		"chargement...", "chargement en cours", "cargando", "загрузка", "正在加载",
	};
	for (size_t k = 0; k < G_N_ELEMENTS(words); k++)
		if (strcmp(lower, words[k]) == 0)
			return true;
	return false;
}

static bool
ad_or_loading(const Attempt *at, guint32 n)
{
	if (at->agg[n].chars > 24)
		return false;
	char *t = webpage_node_text(at->doc, n);
	char *lower = g_utf8_strdown(t, -1);
	bool yes = ad_or_loading_text(lower);
	g_free(lower);
	g_free(t);
	return yes;
}

/* Readability's "fishy" test for a table, list, div or form. */
static bool
fishy(Attempt *at, guint32 n)
{
	const Agg *a = &at->agg[n];
	WebpageTag t = tag_of(at, n);
	bool list = t == TAG_UL || t == TAG_OL;
	if (!list && a->chars > 0)
		list = (double)a->list / a->chars > 0.9;
	if (t == TAG_TABLE && at->data[n])
		return false;
	if (ancestor_data_table(at, n) || ancestor_tag(at, n, TAG_CODE, 3) || a->data_table)
		return false;
	int w = weight(at, n);
	if (w < 0)
		return true;
	if (a->commas >= 10)
		return false;
	if (a->video)
		return false;
	if (ad_or_loading(at, n))
		return true;
	double ld = link_density(a);
	double heading = a->chars > 0 ? (double)a->heading / a->chars : 0;
	bool figure = ancestor_tag(at, n, TAG_FIGURE, 3);
	int li = (int)a->li - 100;
	bool remove = (!figure && a->img > 1 && (double)a->p / a->img < 0.5) ||
		      (!list && li > (int)a->p) ||
		      (a->input > a->p / 3) ||
		      (!list && !figure && heading < 0.9 && a->chars < 25 && (a->img == 0 || a->img > 2) && ld > 0) ||
		      (!list && w < 25 && ld > 0.2) ||
		      (w >= 25 && ld > 0.5) ||
		      ((a->embed == 1 && a->chars < 75) || a->embed > 1) ||
		      (a->img == 0 && a->textish == 0);
	if (list && remove) {
		/* a list of images stays: every item one image */
		for (guint32 c = n + 1; c < node(at, n)->end; c = node(at, c)->end) {
			guint kids = 0;
			for (guint32 g = c + 1; g < node(at, c)->end; g = node(at, g)->end)
				kids += !at->gone[g];
			if (kids > 1)
				return true;
		}
		if (a->img == a->li)
			return false;
	}
	return remove;
}

static bool
judge_fishy(Attempt *at, guint32 n)
{
	return (at->flags & FLAG_CLEAN) && fishy(at, n);
}

static bool
judge_form(Attempt *at, guint32 n)
{
	return judge_fishy(at, n);
}

static void
mark_data_tables(Attempt *at)
{
	guint32 body = at->doc->body;
	memset(at->data, 0, at->n);
	/* the sums of the whole body give each table its rows and columns */
	sum(at, body, node(at, body)->end, TAG_OTHER, NULL);
	for (guint32 n = body; n < node(at, body)->end; n++) {
		if (tag_of(at, n) != TAG_TABLE || at->gone[n])
			continue;
		const WebpageNode *x = node(at, n);
		const Agg *a = &at->agg[n];
		bool yes;
		if (x->flags & NF_DATA_NO)
			yes = false;
		else if (x->flags & NF_DATA_YES)
			yes = true;
		else if (a->data_hint)
			yes = true;
		else if (a->nested_table)
			yes = false;
		else if (a->rows == 1 || a->cols == 1)
			yes = false;
		else if (a->rows >= 10 || a->cols > 4)
			yes = true;
		else
			yes = a->rows * a->cols > 10;
		at->data[n] = yes;
	}
}

static void
clean_content(Attempt *at, const GArray *content)
{
	for (guint i = 0; i < content->len; i++) {
		const Child *c = &g_array_index(content, Child, i);
		if (c->unit)
			continue;
		guint32 from = c->idx, to = node(at, c->idx)->end;
		sum(at, from, to, TAG_FORM, judge_form);
		sum(at, from, to, TAG_FIELDSET, judge_form);
		/* share bars and headings with a negative hint */
		for (guint32 n = from; n < to; n++) {
			if (at->gone[n]) {
				n = node(at, n)->end - 1;
				continue;
			}
			const WebpageNode *x = node(at, n);
			bool drop = n != from && (x->flags & NF_SHARE) && at->agg[n].chars < SHARE_MAX;
			drop |= (x->tag == TAG_H1 || x->tag == TAG_H2) && weight(at, n) < 0;
			if (drop) {
				at->removed[n] = at->gone[n] = 1;
				n = x->end - 1;
			}
		}
		sum(at, from, to, TAG_TABLE, judge_fishy);
		sum(at, from, to, TAG_UL, judge_fishy);
		sum(at, from, to, TAG_DIV, judge_fishy);
	}
	mark_gone(at);
}

/* ------------------------------------------------------------------ */
/* Phase 6: the text. */

static char *
write_text(Attempt *at, const GArray *content, size_t *chars)
{
	Walk w = { at, NULL, g_string_new(NULL), g_array_new(FALSE, FALSE, sizeof(guint32)), { 0 }, false, false,
		   g_string_new(NULL), false, 0, 0, G_MAXUINT32 };
	for (guint i = 0; i < content->len; i++) {
		const Child *c = &g_array_index(content, Child, i);
		if (c->unit) {
			/* a run: its owner walked with only the run's pieces let through */
			const Unit *r = unit(at, c->idx);
			w.win_from = r->first;
			w.win_to = r->last;
			walk(&w, r->owner, node(at, r->owner)->end);
			w.win_from = 0;
			w.win_to = G_MAXUINT32;
		} else if (!at->gone[c->idx]) {
			walk(&w, c->idx, node(at, c->idx)->end);
		}
	}
	*chars = w.written;
	g_array_free(w.stack, TRUE);
	g_string_free(w.line, TRUE);
	return g_string_free(w.out, FALSE);
}

/* ------------------------------------------------------------------ */

static char *
attempt(Attempt *at, guint flags, size_t *chars)
{
	at->flags = flags;
	memset(at->as_div, 0, at->n);
	memset(at->removed, 0, at->n);
	memset(at->gone, 0, at->n);
	drop_chrome(at);
	guint32 body = at->doc->body;
	find_units(at);
	memset(at->kind, K_NORMAL, at->n);
	mark_data_tables(at);           /* also sums the body */
	find_kinds(at);
	sum(at, body, node(at, body)->end, TAG_OTHER, NULL); /* again, with the kinds */
	score_paragraphs(at);
	guint32 best = choose_top(at);
	GArray *content = gather(at, best);
	clean_content(at, content);
	char *text = write_text(at, content, chars);
	g_array_free(content, TRUE);
	return text;
}

char *
webpage_main_text(const WebpageDoc *doc, const char *title, bool has_byline)
{
	Attempt at = { .doc = doc, .title = title, .has_byline = has_byline, .n = doc->nodes->len };
	at.removed = g_new0(guint8, at.n);
	at.gone = g_new0(guint8, at.n);
	at.kind = g_new0(guint8, at.n);
	at.as_div = g_new0(guint8, at.n);
	at.data = g_new0(guint8, at.n);
	at.score = g_new(double, at.n);
	at.agg = g_new0(Agg, at.n);
	at.block_of = g_new(guint32, at.n);
	at.run_of = g_new(guint32, at.n);
	at.units = g_array_new(FALSE, FALSE, sizeof(Unit));
	at.candidates = g_array_new(FALSE, FALSE, sizeof(guint32));
	for (guint32 n = 0; n < at.n; n++) {
		guint32 p = node(&at, n)->parent;
		at.block_of[n] = is_block(&at, n) || p == WEBPAGE_NONE ? n : at.block_of[p];
	}
	static const guint tries[] = { FLAG_STRIP | FLAG_WEIGHT | FLAG_CLEAN, FLAG_WEIGHT | FLAG_CLEAN, FLAG_CLEAN, 0 };
	char *best = NULL, *strict = NULL;
	size_t best_chars = 0;
	for (size_t i = 0; i < G_N_ELEMENTS(tries); i++) {
		size_t chars = 0;
		char *text = attempt(&at, tries[i], &chars);
		if (chars >= MIN_ARTICLE) {
			g_free(best);
			best = text;
			g_clear_pointer(&strict, g_free);
			break;
		}
		if (strict == NULL && chars >= MIN_BRIEF) {
			strict = text;
			continue;
		}
		if (best == NULL || chars > best_chars) {
			g_free(best);
			best = text;
			best_chars = chars;
		} else {
			g_free(text);
		}
	}
	if (strict != NULL) { /* a short article: what the strictest attempt found */
		g_free(best);
		best = strict;
	}
	g_free(at.removed);
	g_free(at.gone);
	g_free(at.kind);
	g_free(at.as_div);
	g_free(at.data);
	g_free(at.score);
	g_free(at.agg);
	g_free(at.block_of);
	g_free(at.run_of);
	g_array_free(at.units, TRUE);
	g_array_free(at.candidates, TRUE);
	return best;
}
