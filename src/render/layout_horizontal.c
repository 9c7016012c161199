/*
 * layout_horizontal.c — the horizontal layout of a timeline image (prefix
 * layout_): exports layout_horizontal() to layout.c (layout_private.h);
 * everything else here has file scope.
 *
 * Units are CSS pixels; days are Julian day numbers, spans end-exclusive.
 * A proportional axis split into segments where events cluster, long empty
 * stretches replaced by a fixed-width break (BREAK_W px); labels are flags
 * hanging from a stem at their marker, placed first-fit in lanes above and
 * below the axis so that no label overlaps another label or another
 * label's stem; markers that would overlap stack in tracks. The same page
 * and options give the same layout: the lanes' treap draws its priorities
 * from a fixed sequence.
 */
#include "render/layout_private.h"
#include "frise/date.h"

#include <math.h>

/* --- the horizontal axis ------------------------------------------------ */

/* Days [d0, d1) drawn over [x0, x1). */
typedef struct {
	int d0, d1;
	double x0, x1;
} Segment;

/* The x of a (fractional) day: proportional within a segment; a day in a
 * compressed gap (only a long bar's end can be) falls inside the break. */
static double
axis_x(const GArray *segs, double day)
{
	for (guint i = 0; i < segs->len; i++) {
		const Segment *s = &g_array_index(segs, Segment, i);
		const Segment *next = i + 1 < segs->len ? &g_array_index(segs, Segment, i + 1) : NULL;
		if (day <= s->d1 || next == NULL) {
			double f = (day - s->d0) / (double)(s->d1 - s->d0);
			return s->x0 + CLAMP(f, 0.0, 1.0) * (s->x1 - s->x0);
		}
		if (day < next->d0)
			return s->x1 + (day - s->d1) / (double)(next->d0 - s->d1) * (next->x0 - s->x1);
	}
	return 0;
}

static int
compare_double(gconstpointer a, gconstpointer b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Clusters of events separated by long empty stretches, each rounded out
 * to whole months (whole years past ten years), sharing the width. */
static GArray *
axis_segments(GArray *dated, double x0, double x1, GArray *breaks)
{
	/* Sort the marks' extents by start. */
	GArray *spans = g_array_sized_new(FALSE, FALSE, 2 * sizeof(double), dated->len);
	double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
	for (guint i = 0; i < dated->len; i++) {
		const LayoutDated *d = &g_array_index(dated, LayoutDated, i);
		/* A long bar ("2023", "fin 2024") holds the axis open for its
		 * first month only: a year known to the year alone should not
		 * take a year of width from the events around it. */
		double ab[2] = { d->a0, MIN(d->a1, d->a0 + LONG_BAR_DAYS) };
		g_array_append_val(spans, ab);
		lo = MIN(lo, d->a0);
		hi = MAX(hi, d->a1);
	}
	g_array_sort(spans, compare_double);
	double gap_min = MAX(BREAK_MIN_DAYS, BREAK_MIN_SHARE * (hi - lo));
	GArray *segs = g_array_new(FALSE, FALSE, sizeof(Segment));
	double c0 = ((double *)spans->data)[0], c1 = ((double *)spans->data)[1];
	for (guint i = 1; i <= spans->len; i++) {
		double *ab = i < spans->len ? (double *)spans->data + 2 * i : NULL;
		if (ab != NULL && ab[0] - c1 < gap_min) {
			c1 = MAX(c1, ab[1]);
			continue;
		}
		int y0, m0, y1, m1;
		layout_month_of((int)floor(c0), &y0, &m0);
		layout_month_of((int)ceil(c1) - 1, &y1, &m1);
		Segment s;
		if (y1 - y0 >= 10) {
			s.d0 = layout_julian_of(y0, 1);
			s.d1 = layout_julian_of(y1 + 1, 1);
		} else {
			s.d0 = layout_julian_of(y0, m0);
			s.d1 = m1 == 12 ? layout_julian_of(y1 + 1, 1) : layout_julian_of(y1, m1 + 1);
		}
		if (segs->len > 0 && s.d0 <= g_array_index(segs, Segment, segs->len - 1).d1) {
			Segment *prev = &g_array_index(segs, Segment, segs->len - 1);
			prev->d1 = MAX(prev->d1, s.d1);
		} else {
			g_array_append_val(segs, s);
		}
		if (ab != NULL) {
			c0 = ab[0];
			c1 = ab[1];
		}
	}
	g_array_unref(spans);

	/* Share the width: proportional to days, plus a little for each
	 * segment so that a lone month is not a sliver. */
	double total = 0;
	for (guint i = 0; i < segs->len; i++) {
		Segment *s = &g_array_index(segs, Segment, i);
		total += s->d1 - s->d0;
	}
	double pad = 0.1 * total, room = x1 - x0 - BREAK_W * (segs->len - 1), weights = 0;
	for (guint i = 0; i < segs->len; i++) {
		Segment *s = &g_array_index(segs, Segment, i);
		weights += s->d1 - s->d0 + (segs->len > 1 ? pad : 0);
	}
	double x = x0;
	for (guint i = 0; i < segs->len; i++) {
		Segment *s = &g_array_index(segs, Segment, i);
		if (i > 0) {
			LayoutBreak b = { x, x + BREAK_W, s->d0 - g_array_index(segs, Segment, i - 1).d1 };
			g_array_append_val(breaks, b);
			x += BREAK_W;
		}
		s->x0 = x;
		x += room * (s->d1 - s->d0 + (segs->len > 1 ? pad : 0)) / weights;
		s->x1 = x;
	}
	return segs;
}

/* A tick at `pos`, labelled `text` (or not: NULL) unless the label would
 * run into the previous one or off the canvas. */
static void
add_tick(LayoutPage *p, PangoContext *ctx, double pos, bool major, const char *text, double axis_y,
	 double *last_right)
{
	LayoutTick t = { .pos = pos, .major = major };
	if (text != NULL) {
		t.text = layout_text_new(ctx, text, false, TICK_SIZE, major, 0, 0, PANGO_ALIGN_LEFT);
		t.text_x = pos + 4;
		t.text_y = axis_y + 9;
		t.box = layout_text_box(t.text, t.text_x, t.text_y);
		if (t.box.x < *last_right + 6 || t.box.x + t.box.w > p->width - MARGIN / 2) {
			g_clear_object(&t.text);
			t.box = (LayoutBox){ 0 };
		} else {
			*last_right = t.box.x + t.box.w;
		}
	}
	g_array_append_val(p->ticks, t);
}

/* Month and year ticks under the axis at `axis_y`. */
static void
axis_ticks(LayoutPage *p, PangoContext *ctx, GArray *segs, double axis_y)
{
	static const int steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200 };
	FriseLang lang = p->lang;
	PangoLayout *probe = layout_text_new(ctx, "sept. 2024", false, TICK_SIZE, true, 0, 0, PANGO_ALIGN_LEFT);
	double need = layout_text_box(probe, 0, 0).w + 14;
	g_object_unref(probe);
	double last_right = -G_MAXDOUBLE;
	for (guint si = 0; si < segs->len; si++) {
		const Segment *s = &g_array_index(segs, Segment, si);
		double px_month = (s->x1 - s->x0) / ((s->d1 - s->d0) / 30.44);
		int step = steps[G_N_ELEMENTS(steps) - 1];
		for (size_t i = 0; i < G_N_ELEMENTS(steps); i++)
			if (steps[i] * px_month >= (steps[i] >= 12 ? need * 0.6 : need)) {
				step = steps[i];
				break;
			}
		int y, m;
		layout_month_of(s->d0, &y, &m);
		bool first = true;
		for (int j = layout_julian_of(y, m); j <= s->d1; ) {
			int mi = y * 12 + (m - 1);
			bool year_tick = m == 1;
			bool draw = step < 12 ? px_month >= 5 : year_tick && px_month * 12 >= 5;
			bool labelled = step < 12 ? mi % step == 0 : year_tick && y % (step / 12) == 0;
			if (j == s->d1)
				labelled = false; /* the segment's end: the next one labels it */
			if (first && j < s->d1)
				labelled = draw = true;
			double pos = s->x0 + (s->x1 - s->x0) * (j - s->d0) / (s->d1 - s->d0);
			if (draw) {
				char *text = NULL;
				if (!labelled)
					;
				else if (step >= 12)
					text = g_strdup_printf("%d", y);
				else if (year_tick || first)
					text = g_strdup_printf("%s %d", date_month_name(m, lang, true), y);
				else
					text = g_strdup(date_month_name(m, lang, true));
				add_tick(p, ctx, pos, year_tick || first, text, axis_y, &last_right);
				g_free(text);
			}
			/* A month wide enough gets its weeks: "8 févr.", "15 févr."… */
			for (int day = 8; px_month >= 320 && day <= 22 && j + day - 1 < s->d1; day += 7) {
				char *text = date_day_month(day, m, lang, true);
				add_tick(p, ctx, pos + px_month / 30.44 * (day - 1), false, text, axis_y, &last_right);
				g_free(text);
			}
			first = false;
			if (++m > 12) {
				m = 1;
				y++;
			}
			if (y > 9999)
				break;
			j = layout_julian_of(y, m);
		}
	}
}

/* --- lanes -------------------------------------------------------------- */

/*
 * An ordered set of positions on the axis, for the lanes: a treap whose
 * nodes live in one array (indices, not pointers; nothing is ever
 * removed), ordered by x then by insertion, each with a `y` (a box's right
 * edge) and a `level`, and the largest level of its subtree. Searches take
 * the comparison the old linear scans made, so that what they find is
 * what those found, in O(log n) instead of O(n): a page of 17,000 labels
 * was minutes of scans (issue 12).
 */
typedef struct {
	double x, y;
	int level, max;   /* the node's level; the largest of its subtree */
	int left, right;  /* indices, -1 for none */
	int prev, next;   /* the nodes before and after it in order, -1 for none */
	guint32 prio;
} Node;

typedef struct {
	GArray *nodes;    /* Node */
	int root;
	int first;        /* the first node in order, or -1 */
	guint32 seed;     /* the priorities: a fixed sequence, so layouts repeat */
} Tree;

static void
tree_init(Tree *t)
{
	t->nodes = g_array_new(FALSE, FALSE, sizeof(Node));
	t->root = t->first = -1;
	t->seed = 2463534242u;
}

static void
tree_clear(Tree *t)
{
	g_array_unref(t->nodes);
}

#define NODE(t, i) (&g_array_index((t)->nodes, Node, (i)))

static void
tree_fix(Tree *t, int i)
{
	Node *n = NODE(t, i);
	n->max = n->level;
	if (n->left >= 0)
		n->max = MAX(n->max, NODE(t, n->left)->max);
	if (n->right >= 0)
		n->max = MAX(n->max, NODE(t, n->right)->max);
}

/* Inserts node `k` under `i`; returns the subtree's new root. */
static int
tree_put(Tree *t, int i, int k)
{
	if (i < 0)
		return k;
	Node *n = NODE(t, i), *m = NODE(t, k);
	if (m->x < n->x) { /* equal x: after, as inserted later */
		int l = tree_put(t, n->left, k);
		n = NODE(t, i);
		n->left = l;
		if (NODE(t, l)->prio > n->prio) { /* rotate right */
			n->left = NODE(t, l)->right;
			NODE(t, l)->right = i;
			tree_fix(t, i);
			tree_fix(t, l);
			return l;
		}
	} else {
		int r = tree_put(t, n->right, k);
		n = NODE(t, i);
		n->right = r;
		if (NODE(t, r)->prio > n->prio) { /* rotate left */
			n->right = NODE(t, r)->left;
			NODE(t, r)->left = i;
			tree_fix(t, i);
			tree_fix(t, r);
			return r;
		}
	}
	tree_fix(t, i);
	return i;
}

static void
tree_insert(Tree *t, double x, double y, int level)
{
	t->seed ^= t->seed << 13; /* xorshift32 */
	t->seed ^= t->seed >> 17;
	t->seed ^= t->seed << 5;
	/* its place in order: after every node whose x is not above it */
	int prev = -1;
	for (int i = t->root; i >= 0;) {
		const Node *n = NODE(t, i);
		if (!(x < n->x)) {
			prev = i;
			i = n->right;
		} else {
			i = n->left;
		}
	}
	int k = (int)t->nodes->len;
	int next = prev >= 0 ? NODE(t, prev)->next : (t->root >= 0 ? t->first : -1);
	Node n = { x, y, level, level, -1, -1, prev, next, t->seed };
	g_array_append_val(t->nodes, n);
	if (prev >= 0)
		NODE(t, prev)->next = k;
	else
		t->first = k;
	if (next >= 0)
		NODE(t, next)->prev = k;
	t->root = tree_put(t, t->root, k);
}

/* The last node (in order) whose x satisfies x < `below` (strictly), or
 * -1: the one with the largest x under it. */
static int
tree_last_under(const Tree *t, double below)
{
	int best = -1;
	for (int i = t->root; i >= 0;) {
		const Node *n = NODE(t, i);
		if (n->x < below) {
			best = i;
			i = n->right;
		} else {
			i = n->left;
		}
	}
	return best;
}

/* The largest level of the nodes with lo < x < hi, or -1. */
static int
tree_max_within(const Tree *t, int i, double lo, double hi, bool lo_free, bool hi_free)
{
	/* lo_free / hi_free: every node of this subtree is known to pass
	 * that bound, so its max counts as it is */
	int best = -1;
	while (i >= 0) {
		const Node *n = NODE(t, i);
		if (lo_free && hi_free)
			return MAX(best, n->max);
		if (!lo_free && !(n->x > lo)) {
			i = n->right; /* n and its left are too low */
			continue;
		}
		if (!hi_free && !(n->x < hi)) {
			i = n->left;
			continue;
		}
		/* n is inside: its left subtree is under hi, its right over lo */
		best = MAX(best, n->level);
		if (n->left >= 0)
			best = MAX(best, tree_max_within(t, n->left, lo, hi, lo_free, true));
		lo_free = true;
		i = n->right;
	}
	return best;
}

/* The node after (before) node `i` in order, or -1. */
static int
tree_step(const Tree *t, int i, bool forward)
{
	return forward ? NODE(t, i)->next : NODE(t, i)->prev;
}

/* The first node (in order) with x >= `x`, or -1. */
static int
tree_first_from(const Tree *t, double x)
{
	int best = -1;
	for (int i = t->root; i >= 0;) {
		const Node *n = NODE(t, i);
		if (n->x >= x) {
			best = i;
			i = n->left;
		} else {
			i = n->right;
		}
	}
	return best;
}

/* One lane: its labels' boxes, disjoint, by left edge (x: x0, y: x1). */
typedef struct {
	Tree boxes;
	double height;
} Lane;

/* One side of the axis: its lanes, the stems that run through them (x:
 * the stem, level: the lane of its label; it crosses every lane below)
 * and the edges of all its labels (where corridors open), by x. */
typedef struct {
	GPtrArray *lanes; /* Lane* */
	Tree stems;
	Tree edges;
} Side;

static Lane *
lane_get(Side *side, guint level)
{
	while (side->lanes->len <= level) {
		Lane *l = g_new0(Lane, 1);
		tree_init(&l->boxes);
		g_ptr_array_add(side->lanes, l);
	}
	return g_ptr_array_index(side->lanes, level);
}

static void
lane_free(gpointer p)
{
	Lane *l = p;
	tree_clear(&l->boxes);
	g_free(l);
}

/* True when a label over [x0, x1] fits in lane `level`: no label of it
 * within LABEL_GAP, no stem of a higher label within STEM_GAP. */
static bool
lane_fits(Side *side, guint level, double x0, double x1)
{
	Lane *l = lane_get(side, level);
	/* the boxes are disjoint: the last that starts before x1 + gap ends
	 * last of all those */
	int b = tree_last_under(&l->boxes, x1 + LABEL_GAP);
	if (b >= 0 && x0 < NODE(&l->boxes, b)->y + LABEL_GAP)
		return false;
	return tree_max_within(&side->stems, side->stems.root, x0 - STEM_GAP, x1 + STEM_GAP, false, false) <= (int)level;
}

/* True when a stem at `x` may pass through lane `level` (no label of it is in the way). */
static bool
lane_lets_through(Side *side, guint level, double x)
{
	Lane *l = lane_get(side, level);
	int b = -1;
	/* the last box with b0 - gap < x (the old scan's test, node by node) */
	for (int i = l->boxes.root; i >= 0;) {
		const Node *n = NODE(&l->boxes, i);
		if (n->x - STEM_GAP < x) {
			b = i;
			i = n->right;
		} else {
			i = n->left;
		}
	}
	return b < 0 || !(x < NODE(&l->boxes, b)->y + STEM_GAP);
}

static void
side_init(Side *side)
{
	side->lanes = g_ptr_array_new_with_free_func(lane_free);
	tree_init(&side->stems);
	tree_init(&side->edges);
}

static void
side_clear(Side *side)
{
	g_ptr_array_unref(side->lanes);
	tree_clear(&side->stems);
	tree_clear(&side->edges);
}

static int
compare_candidates(gconstpointer a, gconstpointer b)
{
	/* By distance from the marker (stored in [1]), then position. */
	const double *x = a, *y = b;
	if (x[1] != y[1])
		return x[1] < y[1] ? -1 : 1;
	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/*
 * The candidate stems of one label on one side, nearest first, made as
 * they are asked for: the fixed grid around the marker, merged with the
 * edges of the labels already placed (the corridors), in the order of
 * compare_candidates(), without sorting all the edges for every label.
 * Edges left of the marker come in runs of equal distance put back in
 * position order, so the order is exactly compare_candidates()'.
 */
typedef struct {
	const Tree *edges;
	double mx, half;
	GArray *grid;     /* double[2], sorted */
	guint g;          /* next of the grid */
	int right;        /* next edge at or after mx, or -1 */
	int left;         /* next edge before mx, going down, or -1 */
	GArray *run;      /* double[2]: the left edges of one distance, ascending */
	guint r;
} Candidates;

static double
shift_of(const Candidates *c, double e)
{
	return MAX(0, fabs(e - c->mx) - c->half);
}

/* Refills c->run from the left edges when it is used up. */
static void
left_run(Candidates *c)
{
	if (c->r < c->run->len || c->left < 0)
		return;
	g_array_set_size(c->run, 0);
	c->r = 0;
	double d = shift_of(c, NODE(c->edges, c->left)->x);
	while (c->left >= 0 && shift_of(c, NODE(c->edges, c->left)->x) == d) {
		double e[2] = { NODE(c->edges, c->left)->x, d };
		g_array_prepend_val(c->run, e);
		c->left = tree_step(c->edges, c->left, false);
	}
}

/* The next candidate in *out ([0] position, [1] distance); false when none. */
static bool
candidates_next(Candidates *c, double out[2])
{
	left_run(c);
	const double *best = NULL;
	double right[2];
	if (c->g < c->grid->len)
		best = (const double *)c->grid->data + 2 * c->g;
	if (c->r < c->run->len) {
		const double *l = (const double *)c->run->data + 2 * c->r;
		if (best == NULL || compare_candidates(l, best) < 0)
			best = l;
	}
	if (c->right >= 0) {
		right[0] = NODE(c->edges, c->right)->x;
		right[1] = shift_of(c, right[0]);
		if (best == NULL || compare_candidates(right, best) < 0)
			best = right;
	}
	if (best == NULL)
		return false;
	out[0] = best[0];
	out[1] = best[1];
	if (best == right)
		c->right = tree_step(c->edges, c->right, true);
	else if (c->r < c->run->len && best == (const double *)c->run->data + 2 * c->r)
		c->r++;
	else
		c->g++;
	return true;
}

/*
 * Places every label, in date order: for each side, each stem position
 * near the marker (the marker itself, steps of STEM_STEP px, and the edges
 * of labels already placed, where corridors open), each flag direction,
 * the lowest lane whose room is free and below which the stem passes
 * clear; the cheapest of these by LANE_COST per lane plus the stem's shift
 * in px wins. Fills the items' lane, label x and stem.
 *
 * Bounded: a label gets LANE_BUDGET steps (a candidate stem, a lane
 * tried), each O(log n) in the trees above, then takes the best place
 * found so far (or, if none, a lane of its own on top). A page the auto
 * layout draws across (36 events, 4 lanes a side) needs under 1,000 and
 * the test timelines at most ~3,100, so they are laid out as with no
 * budget; a page of 17,000 labels is O(n log n) instead of minutes.
 */
#define STEM_STEP 10.0
#define MAX_SHIFT 320.0
#define LANE_COST 120.0
#define LANE_BUDGET LAYOUT_LANE_BUDGET
static void
assign_lanes(LayoutPage *p, Side sides[2], double *stems)
{
	double lo = MARGIN / 2, hi = p->width - MARGIN / 2;
	Candidates c = { .grid = g_array_new(FALSE, FALSE, 2 * sizeof(double)),
			 .run = g_array_new(FALSE, FALSE, 2 * sizeof(double)) };
	for (guint i = 0; i < p->items->len; i++) {
		LayoutItem *it = &g_array_index(p->items, LayoutItem, i);
		LayoutBox tb = layout_text_box(it->text, 0, 0);
		double w = RULE_GAP + tb.w;
		double mx = (it->t0 + it->t1) / 2, half = (it->t1 - it->t0) / 2;
		double best = G_MAXDOUBLE, best_s = 0;
		int best_side = 0, best_level = 0, best_right = 1;
		unsigned long work = 0;
		/* the grid of candidate stems: [0] position, [1] distance from the mark */
		g_array_set_size(c.grid, 0);
		for (double d = 0; d <= MAX_SHIFT; d += STEM_STEP)
			for (int sg = -1; sg <= 1; sg += 2) {
				double g[2] = { mx + sg * d, MAX(0, d - half) };
				if (d > 0 || sg > 0)
					g_array_append_val(c.grid, g);
			}
		g_array_sort(c.grid, compare_candidates);
		for (int side = 0; side < 2; side++) {
			Side *sd = &sides[side];
			/* Corridors far away too: a long slanted leader beats one
			 * drawn through labels. */
			c.edges = &sd->edges;
			c.mx = mx;
			c.half = half;
			c.g = 0;
			c.right = tree_first_from(&sd->edges, mx);
			c.left = c.right >= 0 ? tree_step(&sd->edges, c.right, false) : tree_last_under(&sd->edges, G_MAXDOUBLE);
			g_array_set_size(c.run, 0);
			c.r = 0;
			double cand[2];
			while (work < LANE_BUDGET && candidates_next(&c, cand)) {
				work++;
				double s = cand[0], shift = cand[1];
				if (shift >= best)
					break;
				for (int right = 1; right >= 0; right--) {
					double x0 = right ? s - 1.5 : s - w, x1 = right ? s + w : s + 1.5;
					if (x0 < lo || x1 > hi)
						continue;
					for (guint level = 0; level <= sd->lanes->len && level < MAX_LANES; level++) {
						double cost = level * LANE_COST + shift + (right ? 0 : 1) + side * 0.5;
						if (cost >= best || ++work >= LANE_BUDGET)
							break;
						if (lane_fits(sd, level, x0, x1)) {
							best = cost;
							best_s = s;
							best_side = side;
							best_level = (int)level;
							best_right = right;
							break;
						}
						if (!lane_lets_through(sd, level, s))
							break;
					}
				}
			}
		}
		p->steps += work;
		if (best == G_MAXDOUBLE) {
			p->crossings++;
			/* Nowhere clear (only past MAX_LANES or on a canvas narrower
			 * than a label): a lane of its own on top. */
			best_side = sides[0].lanes->len <= sides[1].lanes->len ? 0 : 1;
			best_level = (int)sides[best_side].lanes->len;
			best_s = CLAMP(mx, lo + 1.5, hi - w);
			best_right = 1;
		}
		Side *sd = &sides[best_side];
		Lane *lane = lane_get(sd, (guint)best_level);
		double x0 = best_right ? best_s - 1.5 : best_s - w, x1 = best_right ? best_s + w : best_s + 1.5;
		tree_insert(&lane->boxes, x0, x1, 0);
		tree_insert(&sd->edges, x0 - STEM_GAP - 1, 0, 0);
		tree_insert(&sd->edges, x1 + STEM_GAP + 1, 0, 0);
		if (best_level > 0)
			tree_insert(&sd->stems, best_s, 0, best_level); /* crosses lanes 0 .. level - 1 */
		lane->height = MAX(lane->height, tb.h);
		it->lane = best_side == 0 ? best_level + 1 : -best_level - 1;
		it->label = (LayoutBox){ x0, 0, x1 - x0, tb.h };
		stems[i] = best_s;
		if (!best_right)
			pango_layout_set_alignment(it->text, PANGO_ALIGN_RIGHT);
		LayoutBox ab = layout_text_box(it->text, 0, 0);
		it->text_x = best_right ? best_s + RULE_GAP - ab.x : best_s - RULE_GAP - (ab.x + ab.w);
	}
	g_array_unref(c.grid);
	g_array_unref(c.run);
}

/*
 * Markers that would overlap on the axis (five events in "février 2024",
 * two on one day) stack upwards in tracks, first-fit in date order, so
 * that each stays visible; x still says when. Fills `tracks`; returns
 * how many are used.
 */
static int
assign_tracks(GArray *items, int *tracks)
{
	double ends[MAX_TRACKS];
	int used = 1;
	for (int k = 0; k < MAX_TRACKS; k++)
		ends[k] = -G_MAXDOUBLE;
	for (guint i = 0; i < items->len; i++) {
		const LayoutItem *it = &g_array_index(items, LayoutItem, i);
		/* Bars may touch end to start (February, then March); dots need room. */
		double pad = it->kind == LAYOUT_MARK_POINT ? DOT_R + 2 : 0;
		double x0 = it->t0 - pad, x1 = it->t1 + pad;
		int k = 0;
		while (k < MAX_TRACKS && x0 < ends[k] - 0.5)
			k++;
		if (k == MAX_TRACKS) { /* all taken: the one free soonest */
			k = 0;
			for (int j = 1; j < MAX_TRACKS; j++)
				if (ends[j] < ends[k])
					k = j;
		}
		ends[k] = MAX(ends[k], x1);
		tracks[i] = k;
		used = MAX(used, k + 1);
	}
	return used;
}

/*
 * The horizontal layout. Returns false, with p->height a lower bound of
 * the page's height, when that bound is over `max_height` already: the
 * labels are measured, not placed (placing 17,000 of them to find the
 * page too tall for a PNG took a minute and a gigabyte). The bound: the
 * lanes of both sides hold every label with LABEL_GAP between, so there
 * are at least (sum of widths + gaps) / (room of a lane) of them, each at
 * least as tall as the shortest label.
 */
bool
layout_horizontal(LayoutPage *p, PangoContext *ctx, const FriseTimeline *t, GArray *dated, double top,
		  double max_height)
{
	double ax0 = MARGIN + 8, ax1 = p->width - MARGIN - 8;
	GArray *segs = axis_segments(dated, ax0, ax1, p->breaks);
	for (guint i = 0; i < dated->len; i++) {
		const LayoutDated *d = &g_array_index(dated, LayoutDated, i);
		LayoutItem it = { .event = d->event, .kind = d->kind, .planned = d->planned, .vague = d->vague };
		layout_parse_colour(event_timeline_type(t, d->event->type) ?
			     event_timeline_type(t, d->event->type)->colour : NULL, it.rgb);
		it.t0 = axis_x(segs, d->a0);
		it.t1 = axis_x(segs, d->a1);
		if (it.kind == LAYOUT_MARK_BAR && it.t1 - it.t0 < 6) {
			double c = (it.t0 + it.t1) / 2;
			it.t0 = c - 3;
			it.t1 = c + 3;
		}
		char *markup = layout_label_markup(d, p->lang, true);
		it.text = layout_text_new(ctx, markup, true, LABEL_SIZE, false, LABEL_W, LABEL_LINES,
				   PANGO_ALIGN_LEFT);
		pango_layout_set_line_spacing(it.text, 1.08);
		g_free(markup);
		g_array_append_val(p->items, it);
	}
	double widths = 0, shortest = G_MAXDOUBLE;
	for (guint i = 0; i < p->items->len; i++) {
		LayoutBox tb = layout_text_box(g_array_index(p->items, LayoutItem, i).text, 0, 0);
		widths += RULE_GAP + tb.w + LABEL_GAP;
		shortest = MIN(shortest, tb.h);
	}
	double lanes = floor(widths / (p->width - MARGIN + LABEL_GAP));
	double least = top + lanes * (shortest + LANE_GAP);
	if (least > max_height) {
		p->height = least;
		g_array_unref(segs);
		return false;
	}

	Side sides[2];
	side_init(&sides[0]);
	side_init(&sides[1]);
	double *stems = g_new0(double, p->items->len);
	assign_lanes(p, sides, stems);
	/* Lanes that ended up empty (tried, never used) do not count. */
	int used[2] = { 0, 0 };
	for (guint i = 0; i < p->items->len; i++) {
		int lane = g_array_index(p->items, LayoutItem, i).lane;
		if (lane > 0)
			used[0] = MAX(used[0], lane);
		else
			used[1] = MAX(used[1], -lane);
	}
	p->lanes_above = used[0];
	p->lanes_below = used[1];

	/* Stack the lanes: above ones from the top down to the axis. */
	double *lane_y[2] = { g_new0(double, used[0] + 1), g_new0(double, used[1] + 1) };
	double y = top + 8;
	for (int k = used[0]; k >= 1; k--) {
		lane_y[0][k] = y; /* bottom of the lane, filled below */
		y += ((Lane *)g_ptr_array_index(sides[0].lanes, k - 1))->height;
		lane_y[0][k] = y;
		y += LANE_GAP;
	}
	int *tracks = g_new0(int, p->items->len);
	double stack = (assign_tracks(p->items, tracks) - 1) * TRACK_STEP;
	double axis_y = (used[0] ? y - LANE_GAP : y) + CLEAR_ABOVE + stack;
	y = axis_y + CLEAR_BELOW;
	for (int k = 1; k <= used[1]; k++) {
		lane_y[1][k] = y;
		y += ((Lane *)g_ptr_array_index(sides[1].lanes, k - 1))->height + LANE_GAP;
	}
	double bottom = used[1] ? y - LANE_GAP : y;

	for (guint i = 0; i < p->items->len; i++) {
		LayoutItem *it = &g_array_index(p->items, LayoutItem, i);
		double mx = (it->t0 + it->t1) / 2, st = stems[i];
		double *l = it->leader;
		if (it->lane > 0) {
			it->label.y = lane_y[0][it->lane] - it->label.h;
			l[3] = axis_y - stack - BEND_NEAR_ABOVE;
			l[5] = axis_y - stack - CLEAR_ABOVE + 6;
			l[7] = it->label.y + it->label.h;
			it->rule[1] = it->label.y + it->label.h;
			it->rule[3] = it->label.y;
		} else {
			it->label.y = lane_y[1][-it->lane];
			l[3] = axis_y + BEND_NEAR_BELOW;
			l[5] = axis_y + CLEAR_BELOW - 6;
			l[7] = it->label.y;
			it->rule[1] = it->label.y;
			it->rule[3] = it->label.y + it->label.h;
		}
		if (fabs(st - mx) < 0.5)
			st = mx;
		/* From the point of the bar nearest the stem: straight when it can be. */
		l[0] = l[2] = it->kind == LAYOUT_MARK_BAR ? CLAMP(st, it->t0 + 2, MAX(it->t0 + 2, it->t1 - 2)) : mx;
		l[4] = l[6] = st;
		it->rule[0] = it->rule[2] = st;
		it->text_y = it->label.y;
		double my = axis_y - tracks[i] * TRACK_STEP;
		l[1] = my;
		if (it->kind == LAYOUT_MARK_POINT)
			it->marker = (LayoutBox){ it->t0 - DOT_R, my - DOT_R, 2 * DOT_R, 2 * DOT_R };
		else
			/* Inset a pixel at each end: touching bars stay two. */
			it->marker = (LayoutBox){ it->t0 + 1, my - BAR_H / 2, MAX(it->t1 - it->t0 - 2, 4), BAR_H };
	}
	g_free(stems);
	g_free(tracks);
	g_free(lane_y[0]);
	g_free(lane_y[1]);
	side_clear(&sides[0]);
	side_clear(&sides[1]);

	p->axis[0] = ax0 - 8;
	p->axis[2] = ax1 + 8;
	p->axis[1] = p->axis[3] = axis_y;
	axis_ticks(p, ctx, segs, axis_y);
	g_array_unref(segs);
	p->height = layout_footer(p, ctx, t, bottom + 40) + MARGIN * 0.75;
	return true;
}
