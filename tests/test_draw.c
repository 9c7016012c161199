/*
 * test_draw.c — the timeline image's layout (layout.c) and renderers
 * (draw.c). Each case builds a timeline (draw_timelines.h), lays it out
 * and checks the geometry: no two labels overlap, no label sits on a
 * marker or on another label's leader, every box lies inside the canvas,
 * markers follow date order along the axis. Then a few checks of what the
 * renderers write. The clock is pinned by the test environment.
 */
#include "frise/layout.h"
#include "frise/date.h"
#include "draw_timelines.h"

#include <stdint.h>
#include <string.h>

/* Every drawn box of the page, for the "inside the canvas" check. */
static void
check_inside(const LayoutPage *p, const LayoutBox *b, const char *what, guint i)
{
	LayoutBox canvas = { 0, 0, p->width, p->height };
	if (b->w == 0 && b->h == 0)
		return;
	if (!layout_box_inside(b, &canvas))
		g_error("%s %u at (%.1f, %.1f, %.1f × %.1f) is outside the %.0f × %.0f canvas", what, i, b->x,
			b->y, b->w, b->h, p->width, p->height);
}

/* True when the vertical segment x = sx, y in [y0, y1] crosses the box's inside. */
static bool
segment_crosses(double sx, double y0, double y1, const LayoutBox *b)
{
	double lo = MIN(y0, y1), hi = MAX(y0, y1);
	return sx > b->x && sx < b->x + b->w && lo < b->y + b->h && hi > b->y;
}

/* The geometric promises of a page; `lines` also checks that no label
 * sits on another label's leader. */
static void
check_page(const LayoutPage *p, bool lines)
{
	g_assert_cmpfloat(p->height, >, 0);
	check_inside(p, &p->title_box, "title", 0);
	check_inside(p, &p->subtitle_box, "subtitle", 0);
	if (p->footer != NULL)
		check_inside(p, &p->footer_box, "footer", 0);
	for (guint i = 0; i < p->keys->len; i++)
		check_inside(p, &g_array_index(p->keys, LayoutKey, i).box, "legend entry", i);
	for (guint i = 0; i < p->ticks->len; i++)
		check_inside(p, &g_array_index(p->ticks, LayoutTick, i).box, "tick label", i);
	for (guint i = 0; i < p->items->len; i++) {
		const LayoutItem *a = &g_array_index(p->items, LayoutItem, i);
		check_inside(p, &a->label, "label", i);
		check_inside(p, &a->marker, "marker", i);
		if (a->date != NULL)
			check_inside(p, &a->date_box, "date", i);
		g_assert_cmpfloat(a->t0, <=, a->t1);
		if (i > 0) { /* date order along the axis */
			const LayoutItem *prev = &g_array_index(p->items, LayoutItem, i - 1);
			GDate s0, e0, s1, e1;
			g_assert_true(date_span(prev->event->value, prev->event->mod, &s0, &e0));
			g_assert_true(date_span(a->event->value, a->event->mod, &s1, &e1));
			g_assert_cmpint(g_date_compare(&s0, &s1), <=, 0);
			g_assert_cmpfloat(prev->t0, <=, a->t0 + 1e-9);
		}
		if (p->kind == FRISE_LAYOUT_VERTICAL && i > 0)
			g_assert_cmpfloat(g_array_index(p->items, LayoutItem, i - 1).t1, <, a->t0);
		for (guint j = 0; j < p->items->len; j++) {
			const LayoutItem *b = &g_array_index(p->items, LayoutItem, j);
			if (j > i && layout_box_intersects(&a->label, &b->label))
				g_error("labels %u and %u overlap", i, j);
			if (layout_box_intersects(&a->label, &b->marker))
				g_error("label %u covers marker %u", i, j);
			if (a->date != NULL && (layout_box_intersects(&a->date_box, &b->label) ||
						(j > i && layout_box_intersects(&a->date_box, &b->date_box))))
				g_error("date %u overlaps a label or date of event %u", i, j);
			/* The leader's last stretch, along the stem, crosses no other label. */
			if (lines && j != i && segment_crosses(b->leader[6], b->leader[5], b->leader[7], &a->label))
				g_error("the leader of event %u crosses label %u", j, i);
		}
		for (guint k = 0; k < p->ticks->len; k++)
			if (layout_box_intersects(&a->label, &g_array_index(p->ticks, LayoutTick, k).box))
				g_error("label %u covers tick label %u", i, k);
	}
	for (guint k = 1; k < p->ticks->len; k++) {
		const LayoutTick *a = &g_array_index(p->ticks, LayoutTick, k - 1);
		const LayoutTick *b = &g_array_index(p->ticks, LayoutTick, k);
		g_assert_cmpfloat(a->pos, <, b->pos);
		g_assert_false(layout_box_intersects(&a->box, &b->box));
	}
}

static const LayoutItem *
find_item(const LayoutPage *p, const char *value)
{
	for (guint i = 0; i < p->items->len; i++)
		if (strcmp(g_array_index(p->items, LayoutItem, i).event->value, value) == 0)
			return &g_array_index(p->items, LayoutItem, i);
	g_error("no item for %s", value);
}

static LayoutPage *
lay_out(const FriseTimeline *t, FriseLayout kind, int width)
{
	FriseRenderOptions opts = { .layout = kind, .width = width, .events = SIZE_MAX };
	GError *error = NULL;
	LayoutPage *p = layout_compute(t, &opts, &error);
	g_assert_no_error(error);
	g_assert_nonnull(p);
	return p;
}

/* Lays `t` out every way and checks each page. */
static void
check_all_ways(const FriseTimeline *t, bool lines_horizontal)
{
	static const int widths[] = { 1600, 1000, 480 };
	for (size_t w = 0; w < G_N_ELEMENTS(widths); w++) {
		LayoutPage *p = lay_out(t, FRISE_LAYOUT_HORIZONTAL, widths[w]);
		g_assert_cmpint(p->kind, ==, FRISE_LAYOUT_HORIZONTAL);
		g_assert_cmpuint(p->items->len, ==, t->events->len);
		check_page(p, p->crossings == 0);
		if (lines_horizontal)
			g_assert_cmpuint(p->crossings, ==, 0);
		layout_free(p);
		p = lay_out(t, FRISE_LAYOUT_VERTICAL, widths[w]);
		g_assert_cmpint(p->kind, ==, FRISE_LAYOUT_VERTICAL);
		check_page(p, true);
		layout_free(p);
	}
}

static void
test_seeds(void)
{
	FriseTimeline *t = fixture_seeds();
	check_all_ways(t, true);
	LayoutPage *p = lay_out(t, FRISE_LAYOUT_HORIZONTAL, 1600);
	/* Nothing between April and November 2024: the axis breaks there. */
	g_assert_cmpuint(p->breaks->len, >=, 1);
	const LayoutBreak *b = &g_array_index(p->breaks, LayoutBreak, 0);
	g_assert_cmpint(b->days, >=, 90);
	g_assert_cmpfloat(b->pos1 - b->pos0, <, 100);
	LayoutPage *v = lay_out(t, FRISE_LAYOUT_VERTICAL, 1600);
	g_assert_cmpuint(v->breaks->len, ==, 1);
	layout_free(v);
	/* Month ticks in French, "févr. 2024" style at years and cluster starts. */
	bool feb = false, jan = false;
	for (guint i = 0; i < p->ticks->len; i++) {
		const LayoutTick *tk = &g_array_index(p->ticks, LayoutTick, i);
		if (tk->text == NULL)
			continue;
		const char *s = pango_layout_get_text(tk->text);
		feb |= g_str_has_prefix(s, "févr.");
		jan |= strcmp(s, "janv. 2024") == 0;
	}
	g_assert_true(jan);
	(void)feb;
	/* Markers that share a stretch of the axis stack: none hides another. */
	for (guint i = 0; i < p->items->len; i++)
		for (guint j = i + 1; j < p->items->len; j++)
			g_assert_false(layout_box_intersects(&g_array_index(p->items, LayoutItem, i).marker,
							     &g_array_index(p->items, LayoutItem, j).marker));
	/* Labels are in lanes on both sides of the axis. */
	g_assert_cmpint(p->lanes_above, >=, 1);
	g_assert_cmpint(p->lanes_below, >=, 1);
	/* Day events are dots, month ones bars over their month. */
	const LayoutItem *reveal = find_item(p, "2024-02-15");
	const LayoutItem *month = find_item(p, "2024-02");
	g_assert_cmpint(reveal->kind, ==, LAYOUT_MARK_POINT);
	g_assert_cmpint(month->kind, ==, LAYOUT_MARK_BAR);
	g_assert_cmpfloat(month->t0, <, reveal->t0);
	g_assert_cmpfloat(month->t1, >, reveal->t0);
	/* Approximate, bounded and planned events are marked, in words too. */
	for (guint i = 0; i < p->items->len; i++) {
		const LayoutItem *it = &g_array_index(p->items, LayoutItem, i);
		const char *text = pango_layout_get_text(it->text);
		const char *mod = it->event->mod;
		if (strcmp(mod, "APPROX") == 0)
			g_assert_true(it->vague && g_str_has_prefix(text, "≈"));
		if (strcmp(mod, "BEFORE") == 0)
			g_assert_true(it->vague && g_str_has_prefix(text, "avant 2025"));
		if (strcmp(mod, "") == 0)
			g_assert_false(it->vague);
		g_assert_true(it->planned == (it->event->status != FRISE_STATUS_HAPPENED));
		/* French typography: no breakable space inside « ». */
		g_assert_null(strstr(text, "« "));
		g_assert_null(strstr(text, " »"));
	}
	g_assert_true(strstr(pango_layout_get_text(p->footer), "Sources\u00a0:") != NULL);
	g_assert_true(strstr(pango_layout_get_text(p->subtitle), "15\u00a0événements") != NULL);
	g_assert_true(strstr(pango_layout_get_text(p->subtitle), "de mai 2023 à décembre 2024") != NULL);
	layout_free(p);

	/* AUTO keeps a timeline this size horizontal; English labels on demand. */
	FriseRenderOptions en = { .lang = FRISE_LANG_EN };
	p = layout_compute(t, &en, NULL);
	g_assert_cmpint(p->kind, ==, FRISE_LAYOUT_HORIZONTAL);
	g_assert_true(strstr(pango_layout_get_text(p->subtitle), "May 2023 to December 2024") != NULL);
	layout_free(p);
	event_timeline_free(t);
}

static void
test_crowded(void)
{
	FriseTimeline *t = fixture_crowded(200);
	LayoutPage *p = lay_out(t, FRISE_LAYOUT_HORIZONTAL, 1600);
	/* Forced horizontal: labels still never overlap, but some leaders
	 * have no clear path (counted). */
	check_page(p, p->crossings == 0);
	g_assert_cmpuint(p->crossings, >, 0);
	layout_free(p);
	p = lay_out(t, FRISE_LAYOUT_VERTICAL, 1600);
	check_page(p, true);
	layout_free(p);
	/* Past the threshold AUTO goes vertical: one event per row. */
	p = lay_out(t, FRISE_LAYOUT_AUTO, 1600);
	g_assert_cmpint(p->kind, ==, FRISE_LAYOUT_VERTICAL);
	layout_free(p);
	event_timeline_free(t);

	/* Twenty in a month still fit horizontally, leaders clear; thirty
	 * would need a tall stack of lanes: AUTO goes vertical. */
	t = fixture_crowded(20);
	check_all_ways(t, true);
	p = lay_out(t, FRISE_LAYOUT_AUTO, 1600);
	g_assert_cmpint(p->kind, ==, FRISE_LAYOUT_HORIZONTAL);
	g_assert_cmpint(MAX(p->lanes_above, p->lanes_below), <=, 4);
	layout_free(p);
	event_timeline_free(t);
	t = fixture_crowded(30);
	p = lay_out(t, FRISE_LAYOUT_AUTO, 1600);
	g_assert_cmpint(p->kind, ==, FRISE_LAYOUT_VERTICAL);
	layout_free(p);
	event_timeline_free(t);
}

static void
test_one(void)
{
	FriseTimeline *t = fixture_one("2024-02-15", "OpenAI dévoile Sora", FRISE_LANG_FR);
	check_all_ways(t, true);
	LayoutPage *p = lay_out(t, FRISE_LAYOUT_AUTO, 0);
	g_assert_cmpfloat(p->width, ==, 1600);
	g_assert_cmpuint(p->items->len, ==, 1);
	g_assert_cmpuint(p->breaks->len, ==, 0);
	g_assert_true(strstr(pango_layout_get_text(p->subtitle), "1\u00a0événement · 1\u00a0article") != NULL);
	layout_free(p);
	event_timeline_free(t);
}

/* The image places a bound where the calendar and the page do
 * (date_placed()): "avant 2025" on 2024-12-31, "après 2024" on
 * 2025-01-01 — at those days' x across, among those days' rows down. */
static void
test_bounds(void)
{
	FriseTimeline *t = fixture_one("2024-06-01", "Un repère en juin", FRISE_LANG_FR);
	fixture_add_event(t, "2024-12-31", "", "reveal", FRISE_STATUS_HAPPENED, "Le 31 décembre");
	fixture_add_event(t, "2025", "BEFORE", "launch", FRISE_STATUS_PLANNED, "Avant 2025");
	fixture_add_event(t, "2025-01-01", "", "reveal", FRISE_STATUS_HAPPENED, "Le 1er janvier");
	fixture_add_event(t, "2024", "AFTER", "launch", FRISE_STATUS_PLANNED, "Après 2024");
	for (FriseLayout kind = FRISE_LAYOUT_HORIZONTAL; kind <= FRISE_LAYOUT_VERTICAL; kind++) {
		LayoutPage *p = lay_out(t, kind, 1600);
		double at[6] = { 0 }; /* by event index */
		for (guint i = 0; i < p->items->len; i++) {
			const LayoutItem *it = &g_array_index(p->items, LayoutItem, i);
			for (guint k = 0; k < t->events->len; k++)
				if (it->event == g_ptr_array_index(t->events, k))
					at[k] = it->t0;
		}
		g_assert_cmpuint(p->items->len, ==, 5);
		if (kind == FRISE_LAYOUT_HORIZONTAL) { /* x is the date */
			g_assert_cmpfloat_with_epsilon(at[2], at[1], 1e-6); /* avant 2025 = 31 décembre */
			g_assert_cmpfloat_with_epsilon(at[4], at[3], 1e-6); /* après 2024 = 1er janvier */
			g_assert_cmpfloat(at[1], <, at[3]);
		} else { /* a row each, in date order: the bound between the two days */
			g_assert_cmpfloat(at[1], <, at[2]);
			g_assert_cmpfloat(at[2], <, at[3]);
			g_assert_cmpfloat(at[3], <, at[4]);
		}
		layout_free(p);
	}
	event_timeline_free(t);
}

static void
test_decades(void)
{
	FriseTimeline *t = fixture_decades();
	check_all_ways(t, true);
	LayoutPage *p = lay_out(t, FRISE_LAYOUT_HORIZONTAL, 1600);
	/* Thirty years: year ticks, not months, and no break (evenly spread). */
	guint labelled = 0;
	for (guint i = 0; i < p->ticks->len; i++) {
		const LayoutTick *tk = &g_array_index(p->ticks, LayoutTick, i);
		if (tk->text != NULL) {
			labelled++;
			g_assert_true(g_ascii_isdigit(pango_layout_get_text(tk->text)[0]));
		}
	}
	g_assert_cmpuint(labelled, >=, 5);
	g_assert_cmpuint(p->breaks->len, ==, 0);
	layout_free(p);
	event_timeline_free(t);
}

static void
test_long_headline(void)
{
	GString *title = g_string_new(NULL);
	for (int i = 0; i < 40; i++)
		g_string_append(title, "Anticonstitutionnellement interminable ");
	g_string_append(title, "Supercalifragilisticexpialidocious-sans-espace-aucune-possibilité-de-coupure");
	FriseTimeline *t = fixture_one("2024-02", title->str, FRISE_LANG_FR);
	fixture_add_event(t, "2024-02-16", "", "leak", FRISE_STATUS_HAPPENED, title->str);
	check_all_ways(t, true);
	LayoutPage *p = lay_out(t, FRISE_LAYOUT_HORIZONTAL, 1600);
	const LayoutItem *it = &g_array_index(p->items, LayoutItem, 0);
	/* Ellipsized: date line plus at most three lines of headline. */
	g_assert_cmpint(pango_layout_get_line_count(it->text), <=, 4);
	g_assert_true(pango_layout_is_ellipsized(it->text));
	g_assert_cmpfloat(it->label.w, <=, 300);
	layout_free(p);
	g_string_free(title, TRUE);
	event_timeline_free(t);
}

static void
test_rtl(void)
{
	FriseTimeline *t = fixture_one("2024-02-15", "أوبن إيه آي تكشف عن سورا، مولد الفيديو", FRISE_LANG_EN);
	fixture_add_event(t, "2024-02-16", "", "leak", FRISE_STATUS_HAPPENED, "סורה נחשפת בהוליווד — עם טקסט ארוך");
	fixture_add_event(t, "2024-02-17", "", "deal", FRISE_STATUS_HAPPENED, "Mixed עברית and English");
	check_all_ways(t, true);
	event_timeline_free(t);
}

/* The footer's lines: each inside the page, the last one ending in "…";
 * returns where the "…" starts in the footer's text. */
static int
check_footer(const LayoutPage *p)
{
	PangoLayout *f = p->footer;
	g_assert_true(pango_layout_is_ellipsized(f));
	g_assert_cmpint(pango_layout_get_line_count(f), ==, 6);
	int hidden = -1;
	for (int i = 0; i < pango_layout_get_line_count(f); i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(f, i);
		PangoRectangle r;
		pango_layout_line_get_extents(line, NULL, &r);
		double x0 = p->footer_box.x + r.x / (double)PANGO_SCALE, x1 = x0 + r.width / (double)PANGO_SCALE;
		if (x0 < 0 || x1 > p->width)
			g_error("footer line %d runs over [%.1f, %.1f), outside the %.0f px page", i, x0, x1, p->width);
		for (GSList *run = line->runs; run != NULL; run = run->next) {
			const PangoItem *it = ((PangoGlyphItem *)run->data)->item;
			if (it->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
				hidden = it->offset;
		}
	}
	g_assert_cmpint(hidden, >, 0);
	return hidden;
}

/* The footer of `t` with `n` more sources, the last one's title `last`. */
static LayoutPage *
many_sources(guint n, const char *last)
{
	FriseTimeline *t = fixture_seeds();
	for (guint i = 0; i < n; i++) {
		char *id = g_strdup_printf("s%04u", i);
		char *title = i + 1 == n ? g_strdup(last)
			: g_strdup_printf("Source %u : OpenAI présente Sora aux studios d'Hollywood, qui s'inquiètent", i);
		fixture_add_article(t, id, title);
		/* each its own outlet, named at length */
		((FriseArticleInfo *)g_ptr_array_index(t->articles, t->articles->len - 1))->source = g_strdup(title);
		g_free(id);
		g_free(title);
	}
	LayoutPage *p = lay_out(t, FRISE_LAYOUT_VERTICAL, 1600);
	event_timeline_free(t);
	return p;
}

static void
test_many_sources(void)
{
	/* 5,000 sources: 400 KB of titles once overflowed Pango's units,
	 * and the cut last line was drawn over the page's edges */
	LayoutPage *p = many_sources(5000, "La dernière");
	check_inside(p, &p->footer_box, "footer", 0);
	check_footer(p);
	layout_free(p);
	/* 800 sources (60 KB, laid out by prefixes) show what the whole list
	 * shows: a right-to-left last title makes the layout read it all */
	LayoutPage *a = many_sources(800, "La dernière");
	LayoutPage *b = many_sources(800, "الأخيرة");
	int ha = check_footer(a), hb = check_footer(b);
	g_assert_cmpint(ha, ==, hb);
	g_assert_cmpmem(pango_layout_get_text(a->footer), ha, pango_layout_get_text(b->footer), hb);
	for (int i = 0; i < 6; i++) {
		PangoRectangle ra, rb;
		pango_layout_line_get_extents(pango_layout_get_line_readonly(a->footer, i), NULL, &ra);
		pango_layout_line_get_extents(pango_layout_get_line_readonly(b->footer, i), NULL, &rb);
		g_assert_cmpint(pango_layout_get_line_readonly(a->footer, i)->start_index, ==,
				pango_layout_get_line_readonly(b->footer, i)->start_index);
		g_assert_cmpint(ra.width, ==, rb.width);
	}
	g_assert_cmpfloat(a->footer_box.h, ==, b->footer_box.h);
	g_assert_cmpfloat(a->height, ==, b->height);
	layout_free(a);
	layout_free(b);
}

static void
test_odd_input(void)
{
	/* No events at all: a page with a title and a note, no axis. */
	FriseTimeline *t = event_timeline_new();
	t->lang = FRISE_LANG_FR;
	LayoutPage *p = lay_out(t, FRISE_LAYOUT_AUTO, 1600);
	g_assert_cmpuint(p->items->len, ==, 0);
	g_assert_cmpstr(pango_layout_get_text(p->title), ==, "Chronologie");
	g_assert_true(strstr(pango_layout_get_text(p->subtitle), "Aucun événement daté") != NULL);
	check_page(p, true);
	layout_free(p);
	/* Undated events are counted, not drawn; unknown types are grey. */
	fixture_add_event(t, "PRESENT_REF", "", "reveal", FRISE_STATUS_HAPPENED, "Maintenant");
	fixture_add_event(t, "XXXX-03-24", "", "reveal", FRISE_STATUS_HAPPENED, "Un 24 mars");
	fixture_add_event(t, "2024-03-24", "", "nope", FRISE_STATUS_HAPPENED, "Un vrai 24 mars");
	p = lay_out(t, FRISE_LAYOUT_AUTO, 1600);
	g_assert_cmpuint(p->skipped, ==, 2);
	g_assert_cmpuint(p->items->len, ==, 1);
	g_assert_cmpfloat(g_array_index(p->items, LayoutItem, 0).rgb[0], ==,
			  g_array_index(p->items, LayoutItem, 0).rgb[2]);
	check_page(p, true);
	layout_free(p);
	event_timeline_free(t);
	/* Markup in text stays text; control characters become spaces. */
	t = fixture_one("2024-02-15", "<b>gras</b> & <span>\x01\x1fx", FRISE_LANG_FR);
	p = lay_out(t, FRISE_LAYOUT_HORIZONTAL, 1600);
	g_assert_true(strstr(pango_layout_get_text(g_array_index(p->items, LayoutItem, 0).text),
			     "<b>gras</b> & <span>  x") != NULL);
	g_assert_cmpstr(pango_layout_get_text(p->title), ==, "<b>gras</b> & <span>  x");
	layout_free(p);
	event_timeline_free(t);
}

/* A box of a page for the sweep below: which item (or tick) and what. */
typedef struct {
	LayoutBox box;
	guint owner;
	char what; /* 'l'abel, 'd'ate, 'm'arker, 't'ick */
} SweepBox;

static int
sweep_cmp(gconstpointer a, gconstpointer b)
{
	const SweepBox *x = a, *y = b;
	return x->box.y < y->box.y ? -1 : x->box.y > y->box.y ? 1 : (x->owner > y->owner) - (x->owner < y->owner);
}

/* check_page()'s overlap promises in O(n log n) (sorted by top, compared
 * only with boxes still open), for pages too big for its O(n²) loops:
 * labels, dates and tick labels overlap nothing; markers may touch dates
 * and ticks (the axis runs past them) but no label. */
static void
check_no_overlap(const LayoutPage *p)
{
	GArray *boxes = g_array_new(FALSE, FALSE, sizeof(SweepBox));
	for (guint i = 0; i < p->items->len; i++) {
		const LayoutItem *it = &g_array_index(p->items, LayoutItem, i);
		SweepBox l = { it->label, i, 'l' }, m = { it->marker, i, 'm' }, d = { it->date_box, i, 'd' };
		g_array_append_val(boxes, l);
		g_array_append_val(boxes, m);
		if (it->date != NULL)
			g_array_append_val(boxes, d);
	}
	for (guint k = 0; k < p->ticks->len; k++) {
		SweepBox t = { g_array_index(p->ticks, LayoutTick, k).box, k, 't' };
		if (t.box.w > 0 || t.box.h > 0)
			g_array_append_val(boxes, t);
	}
	g_array_sort(boxes, sweep_cmp);
	GArray *open = g_array_new(FALSE, FALSE, sizeof(SweepBox));
	for (guint i = 0; i < boxes->len; i++) {
		const SweepBox *b = &g_array_index(boxes, SweepBox, i);
		for (guint k = open->len; k-- > 0;) { /* drop what ends above b */
			const SweepBox *o = &g_array_index(open, SweepBox, k);
			if (o->box.y + o->box.h <= b->box.y)
				g_array_remove_index_fast(open, k);
		}
		for (guint k = 0; k < open->len; k++) {
			const SweepBox *o = &g_array_index(open, SweepBox, k);
			bool marker = o->what == 'm' || b->what == 'm';
			bool with_label = o->what == 'l' || b->what == 'l';
			if ((marker && !with_label) || !layout_box_intersects(&o->box, &b->box))
				continue;
			g_error("%c %u at (%.1f, %.1f, %.1f × %.1f) overlaps %c %u at (%.1f, %.1f, %.1f × %.1f)",
				o->what, o->owner, o->box.x, o->box.y, o->box.w, o->box.h, b->what, b->owner,
				b->box.x, b->box.y, b->box.w, b->box.h);
		}
		g_array_append_val(open, *b);
	}
	g_array_unref(open);
	g_array_unref(boxes);
}

/* The horizontal layout of thousands of labels (forced: AUTO goes
 * vertical; 1,500 here) stays O(n log n): a bounded number of searches
 * per label, the page's promises kept; and a PNG that cannot hold it is
 * refused from the labels' sizes, before any is placed (the message says
 * "at least"). */
static void
test_horizontal_many(void)
{
	FriseTimeline *t = fixture_many(1500);
	FriseRenderOptions opts = { .layout = FRISE_LAYOUT_HORIZONTAL, .events = SIZE_MAX }; /* all, not a page's worth */
	GError *error = NULL;
	LayoutPage *p = layout_compute_max(t, &opts, LAYOUT_MAX_HEIGHT_SVG, "timeline SVG", "", &error);
	g_assert_no_error(error);
	g_assert_cmpint(p->kind, ==, FRISE_LAYOUT_HORIZONTAL);
	g_assert_cmpuint(p->items->len, ==, 1500);
	g_assert_cmpuint(p->steps, <=, (guint64)LAYOUT_LANE_BUDGET * 1500);
	g_assert_cmpuint(p->steps, >, 1500);
	for (guint i = 0; i < p->items->len; i++) {
		const LayoutItem *a = &g_array_index(p->items, LayoutItem, i);
		check_inside(p, &a->label, "label", i);
		check_inside(p, &a->marker, "marker", i);
	}
	check_no_overlap(p);
	layout_free(p);
	opts.width = 480;
	p = layout_compute_max(t, &opts, 32767, "timeline PNG", "use --format svg", &error);
	g_assert_null(p);
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT);
	g_assert_true(strstr(error->message, "1500 events need a canvas at least ") != NULL);
	g_clear_error(&error);
	event_timeline_free(t);
}

/* By default a picture holds a page's worth of events: the best ranked,
 * spread over the story (a burst of high ranks in one week does not take
 * the page), and says how many it shows of how many. */
static void
test_picture_default(void)
{
	FriseTimeline *t = fixture_many(1000); /* one a day from 2000 on */
	for (guint i = 0; i < t->events->len; i++) {
		FriseEvent *e = g_ptr_array_index(t->events, i);
		/* a burst of 40 days ranks highest, the rest alike */
		e->rank = e->score = i < 40 ? 100 - i * 0.01 : 10 - (i % 37) * 0.01;
	}
	FriseRenderOptions opts = { .lang = FRISE_LANG_EN };
	GError *error = NULL;
	LayoutPage *p = layout_compute(t, &opts, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(p->items->len, ==, RENDER_IMAGE_EVENTS);
	g_assert_cmpuint(p->left_out, ==, 1000 - RENDER_IMAGE_EVENTS);
	g_assert_nonnull(strstr(pango_layout_get_text(p->subtitle), "24 of 1000 events"));
	guint early = 0;
	for (guint i = 0; i < p->items->len; i++) {
		const LayoutItem *it = &g_array_index(p->items, LayoutItem, i);
		const FriseEvent *e = it->event;
		early += strcmp(e->value, "2000-02-10") < 0;
	}
	/* the burst has more than its share but not the page */
	g_assert_cmpuint(early, >=, 6);
	g_assert_cmpuint(early, <=, 18);
	layout_free(p);
	/* all of them on demand */
	opts.events = SIZE_MAX;
	p = layout_compute_max(t, &opts, LAYOUT_MAX_HEIGHT_SVG, "timeline SVG", "", &error);
	g_assert_no_error(error);
	g_assert_cmpuint(p->items->len, ==, 1000);
	g_assert_cmpuint(p->left_out, ==, 0);
	layout_free(p);
	event_timeline_free(t);
}

/* The footer names the outlets, by their articles' count: the
 * publication's name, else the URL's host; a few articles without either
 * by their titles, many by their number. */
static void
test_footer_outlets(void)
{
	FriseTimeline *t = fixture_seeds();
	static const char *const src[][2] = {
		{ "Le Monde", NULL }, { NULL, "https://www.lemonde.fr/x" }, { "Le Monde", "https://a.example/" },
		{ NULL, "https://www.numerama.com/y" }, { NULL, "javascript:alert(1)" },
	};
	for (guint i = 0; i < t->articles->len && i < G_N_ELEMENTS(src); i++) {
		FriseArticleInfo *a = g_ptr_array_index(t->articles, i);
		a->source = g_strdup(src[i][0]);
		a->url = g_strdup(src[i][1]);
	}
	FriseRenderOptions opts = { .lang = FRISE_LANG_EN };
	GError *error = NULL;
	LayoutPage *p = layout_compute(t, &opts, &error);
	g_assert_no_error(error);
	const char *f = pango_layout_get_text(p->footer);
	g_assert_nonnull(strstr(f, "Le Monde\u00a0(2)"));
	g_assert_nonnull(strstr(f, "lemonde.fr\u00a0(1)"));
	g_assert_nonnull(strstr(f, "numerama.com\u00a0(1)"));
	g_assert_nonnull(strstr(f, "1 other article"));
	g_assert_null(strstr(f, "Sora")); /* no article title */
	layout_free(p);
	event_timeline_free(t);
	/* none named: five articles by their titles */
	t = fixture_seeds();
	p = layout_compute(t, &opts, &error);
	g_assert_nonnull(strstr(pango_layout_get_text(p->footer), "Sora"));
	layout_free(p);
	event_timeline_free(t);
}

static void
test_ten_thousand(void)
{
	/* The speed target's timeline: 10,000 events over 9 years. AUTO goes
	 * vertical; the page is taller than a PDF page may be (and PNG
	 * refuses it with a clear message) but an SVG holds it. */
	FriseTimeline *t = fixture_many(10000);
	GError *error = NULL;
	FriseRenderOptions opts = { .events = SIZE_MAX };
	LayoutPage *p = layout_compute_max(t, &opts, LAYOUT_MAX_HEIGHT_SVG, "timeline SVG", "", &error);
	g_assert_no_error(error);
	g_assert_cmpint(p->kind, ==, FRISE_LAYOUT_VERTICAL);
	g_assert_cmpuint(p->items->len, ==, 10000);
	g_assert_cmpfloat(p->height, >, LAYOUT_MAX_HEIGHT);
	g_assert_cmpfloat(p->height, <, LAYOUT_MAX_HEIGHT_SVG);
	for (guint i = 0; i < p->items->len; i++) {
		const LayoutItem *a = &g_array_index(p->items, LayoutItem, i);
		check_inside(p, &a->label, "label", i);
		check_inside(p, &a->marker, "marker", i);
		check_inside(p, &a->date_box, "date", i);
		g_assert_cmpint(a->lane, ==, (int)i);
		if (i > 0) /* rows in date order, markers apart */
			g_assert_cmpfloat(g_array_index(p->items, LayoutItem, i - 1).t1, <, a->t0);
	}
	for (guint k = 0; k < p->ticks->len; k++)
		check_inside(p, &g_array_index(p->ticks, LayoutTick, k).box, "tick label", k);
	check_no_overlap(p);
	double height = p->height;
	layout_free(p);
	/* The format's limit: PDF and PNG say so and what to do instead. */
	p = layout_compute_max(t, &opts, LAYOUT_MAX_HEIGHT, "timeline PDF", "use --format svg", &error);
	g_assert_null(p);
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT);
	g_assert_true(strstr(error->message, "timeline PDF: 10000 events need a canvas") != NULL);
	g_assert_true(g_str_has_suffix(error->message, "; use --format svg"));
	g_clear_error(&error);
	p = layout_compute_max(t, &opts, height, "timeline SVG", "", &error);
	g_assert_no_error(error);
	layout_free(p);
	GString *out = g_string_new(NULL);
	g_assert_false(draw_png(t, &opts, out, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT);
	g_assert_true(g_str_has_prefix(error->message, "timeline PNG: "));
	g_assert_true(strstr(error->message, "--format svg") != NULL);
	g_assert_cmpuint(out->len, ==, 0);
	g_clear_error(&error);
	g_string_free(out, TRUE);
	event_timeline_free(t);
}

/* The width of a PNG from its IHDR chunk. */
static guint32
png_width(const GString *png)
{
	g_assert_cmpuint(png->len, >, 24);
	g_assert_cmpmem(png->str, 8, "\x89PNG\r\n\x1a\n", 8);
	const guchar *w = (const guchar *)png->str + 16;
	return (guint32)w[0] << 24 | (guint32)w[1] << 16 | (guint32)w[2] << 8 | w[3];
}

static void
test_formats(void)
{
	FriseTimeline *t = fixture_seeds();
	FriseRenderOptions opts = { .width = 1200 };
	GString *a = g_string_new(NULL), *b = g_string_new(NULL);
	GError *error = NULL;
	/* SVG: well-formed XML, the text as glyphs, and deterministic. */
	g_assert_true(draw_svg(t, &opts, a, &error));
	g_assert_no_error(error);
	g_assert_true(draw_svg(t, &opts, b, &error));
	g_assert_true(g_str_has_prefix(a->str, "<?xml"));
	g_assert_true(strstr(a->str, "width=\"1200px\"") != NULL);
	g_assert_cmpuint(a->len, ==, b->len);
	g_assert_true(memcmp(a->str, b->str, a->len) == 0);
	GMarkupParser parser = { 0 };
	GMarkupParseContext *ctx = g_markup_parse_context_new(&parser, 0, NULL, NULL);
	g_assert_true(g_markup_parse_context_parse(ctx, a->str, (gssize)a->len, &error));
	g_assert_true(g_markup_parse_context_end_parse(ctx, &error));
	g_assert_no_error(error);
	g_markup_parse_context_free(ctx);
	/* PNG at the requested size and density. */
	g_string_truncate(a, 0);
	opts.scale = 2;
	g_assert_true(draw_png(t, &opts, a, &error));
	g_assert_cmpuint(png_width(a), ==, 2400);
	/* PDF. */
	g_string_truncate(a, 0);
	g_assert_true(draw_pdf(t, &opts, a, &error));
	g_assert_true(g_str_has_prefix(a->str, "%PDF-"));
	/* Dark theme differs from light. */
	g_string_truncate(a, 0);
	g_string_truncate(b, 0);
	opts.scale = 1;
	g_assert_true(draw_svg(t, &opts, a, &error));
	opts.theme = FRISE_THEME_DARK;
	g_assert_true(draw_svg(t, &opts, b, &error));
	g_assert_false(a->len == b->len && memcmp(a->str, b->str, a->len) == 0);
	/* Too big a PNG is a clear error, not a crash. */
	g_string_truncate(a, 0);
	opts.scale = 16;
	opts.width = 4000;
	g_assert_false(draw_png(t, &opts, a, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT);
	g_clear_error(&error);
	g_string_free(a, TRUE);
	g_string_free(b, TRUE);
	event_timeline_free(t);
}

static void
test_boxes(void)
{
	/* End-exclusive boxes: touching is not intersecting. */
	LayoutBox a = { 0, 0, 10, 10 }, b = { 10, 0, 10, 10 }, c = { 9.5, 9.5, 1, 1 }, big = { -1, -1, 30, 30 };
	g_assert_false(layout_box_intersects(&a, &b));
	g_assert_true(layout_box_intersects(&a, &c));
	g_assert_true(layout_box_intersects(&b, &c));
	g_assert_true(layout_box_inside(&a, &big));
	g_assert_false(layout_box_inside(&big, &a));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	/* A Pango markup error is only a warning: make it fail the test. */
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
	g_test_add_func("/draw/boxes", test_boxes);
	g_test_add_func("/draw/layout/seeds", test_seeds);
	g_test_add_func("/draw/layout/crowded-month", test_crowded);
	g_test_add_func("/draw/layout/one-event", test_one);
	g_test_add_func("/draw/layout/thirty-years", test_decades);
	g_test_add_func("/draw/layout/bounds", test_bounds);
	g_test_add_func("/draw/layout/long-headline", test_long_headline);
	g_test_add_func("/draw/layout/right-to-left", test_rtl);
	g_test_add_func("/draw/layout/odd-input", test_odd_input);
	g_test_add_func("/draw/layout/many-sources", test_many_sources);
	/* 3 s natively, minutes under valgrind: the draw-scale test (-m slow);
	 * the smaller layouts above take the same paths */
	if (g_test_slow())
		g_test_add_func("/draw/layout/ten-thousand", test_ten_thousand);
	g_test_add_func("/draw/layout/horizontal-many", test_horizontal_many);
	g_test_add_func("/draw/layout/picture-default", test_picture_default);
	g_test_add_func("/draw/layout/footer-outlets", test_footer_outlets);
	g_test_add_func("/draw/formats", test_formats);
	return g_test_run();
}
