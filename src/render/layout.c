/*
 * layout.c — the geometry of a timeline image (prefix layout_): exports
 * layout_compute(), layout_free(), layout_box_intersects() and
 * layout_box_inside(); see layout.h. draw.c paints what this computes and
 * decides nothing about positions.
 *
 * Units are CSS pixels; text is measured with Pango with hinting off, so a
 * layout is the same whatever the output (SVG, PDF, PNG at any scale).
 * Days are Julian day numbers (GDate), spans end-exclusive.
 *
 * Horizontal layout: a proportional axis split into segments where events
 * cluster, long empty stretches replaced by a fixed-width break; labels
 * are flags hanging from a stem at their marker, placed first-fit in lanes
 * above and below the axis so that no label overlaps another label or
 * another label's stem. Vertical layout: one event per row, year rows and
 * breaks between them; chosen when the horizontal one grows too tall.
 */
#include "frise/layout.h"
#include "frise/date.h"
#include "core/lang.h"

#include <math.h>
#include <string.h>

/* Sizes, in px. */
#define MARGIN 56.0
#define TITLE_SIZE 38.0
#define SUBTITLE_SIZE 20.0
#define KEY_SIZE 16.0
#define LABEL_SIZE 16.5
#define TICK_SIZE 15.0
#define FOOTER_SIZE 14.0
#define LABEL_W 250.0        /* wrapping width of a label's text */
#define LABEL_LINES 3        /* a headline's lines at most, then "…" */
#define RULE_GAP 9.0         /* from the stem to the text */
#define LABEL_GAP 24.0       /* between two labels in a lane (room for a stem) */
#define STEM_GAP 7.0         /* between a stem and a label it passes */
#define LANE_GAP 16.0        /* between lanes */
#define CLEAR_ABOVE 44.0     /* from the axis to the first lane above */
#define CLEAR_BELOW 66.0     /* from the axis to the first lane below (ticks) */
#define BEND_NEAR_ABOVE 12.0 /* a shifted leader leaves the marker straight this far… */
#define BEND_NEAR_BELOW 36.0 /* …(below: past the tick labels), then slants to its stem */
#define MAX_TRACKS 6         /* markers that would overlap stack in up to this many tracks… */
#define TRACK_STEP 15.0      /* …this far apart, upwards from the axis */
#define DOT_R 7.0            /* a point marker's radius */
#define BAR_H 12.0           /* a bar's thickness */
#define BREAK_W 44.0         /* an axis break's width */
#define LONG_BAR_DAYS 28     /* a bar longer than this may run into a break */
#define BREAK_MIN_DAYS 90.0  /* an empty stretch becomes a break past this many days… */
#define BREAK_MIN_SHARE 0.12 /* …and this share of the whole time line */
#define MAX_LANES 1000       /* per side; past it labels stack anyway */
#define AUTO_MAX_EVENTS 36   /* AUTO picks the vertical layout above this… */
#define AUTO_MAX_RATIO 1.15  /* …or when the horizontal one is taller than width × this… */
#define AUTO_MAX_LANES 4     /* …or needs more lanes than this on a side */

bool
layout_box_intersects(const LayoutBox *a, const LayoutBox *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w &&
	       a->y < b->y + b->h && b->y < a->y + a->h;
}

bool
layout_box_inside(const LayoutBox *inner, const LayoutBox *outer)
{
	const double eps = 1e-6;
	return inner->x >= outer->x - eps && inner->y >= outer->y - eps &&
	       inner->x + inner->w <= outer->x + outer->w + eps &&
	       inner->y + inner->h <= outer->y + outer->h + eps;
}

/* --- text --------------------------------------------------------------- */

static PangoContext *
context_new(FriseLang lang)
{
	PangoContext *ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	cairo_font_options_t *fo = cairo_font_options_create();
	/* Unhinted metrics: the same positions at every scale and in every format. */
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	pango_context_set_language(ctx, pango_language_from_string(frise_lang_code(lang)));
	return ctx;
}

/* A new layout of `text` (Pango markup when `markup`), wrapped at `width`
 * px (0: no wrapping), at most `lines` lines per paragraph (0: no limit). */
static PangoLayout *
text_new(PangoContext *ctx, const char *text, bool markup, double size, bool bold,
	 double width, int lines, PangoAlignment align)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family_static(fd, LAYOUT_FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	/* Right-to-left paragraphs keep the label's alignment; Pango still
	 * orders their characters right to left. */
	pango_layout_set_auto_dir(l, FALSE);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	if (lines > 0) {
		pango_layout_set_height(l, -lines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_set_alignment(l, align);
	if (markup)
		pango_layout_set_markup(l, text, -1);
	else
		pango_layout_set_text(l, text, -1);
	return l;
}

/* The logical extents of `l` drawn at (x, y). */
static LayoutBox
text_box(PangoLayout *l, double x, double y)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return (LayoutBox){ x + r.x / (double)PANGO_SCALE, y + r.y / (double)PANGO_SCALE,
			    r.width / (double)PANGO_SCALE, r.height / (double)PANGO_SCALE };
}

static void
parse_colour(const char *s, double rgb[3])
{
	rgb[0] = rgb[1] = rgb[2] = 0.45;
	if (s == NULL || s[0] != '#' || strlen(s) != 7)
		return;
	for (int i = 0; i < 3; i++) {
		int hi = g_ascii_xdigit_value(s[1 + 2 * i]), lo = g_ascii_xdigit_value(s[2 + 2 * i]);
		if (hi < 0 || lo < 0)
			return;
	}
	for (int i = 0; i < 3; i++)
		rgb[i] = (g_ascii_xdigit_value(s[1 + 2 * i]) * 16 + g_ascii_xdigit_value(s[2 + 2 * i])) / 255.0;
}

/* --- events ------------------------------------------------------------- */

/* What the layout needs of one drawable event. */
typedef struct {
	const FriseEvent *event;
	int d0, d1;          /* Julian days, end exclusive */
	double a0, a1;       /* the marker along the time line, in fractional days */
	LayoutMarkKind kind;
	bool planned, vague;
	char *date;          /* as written for a reader, with "≈" for approximate ones */
	guint index;         /* in timeline->events */
} Dated;

/* Date order: by first day, longer spans first, then the timeline's order. */
static int
compare_dated(gconstpointer pa, gconstpointer pb)
{
	const Dated *a = pa, *b = pb;
	if (a->d0 != b->d0)
		return a->d0 < b->d0 ? -1 : 1;
	if (a->d1 != b->d1)
		return a->d1 > b->d1 ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* The events that have a place on the time line, in date order. */
static GArray *
dated_events(const FriseTimeline *timeline, FriseLang lang, guint *skipped)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(Dated));
	*skipped = 0;
	for (guint i = 0; i < timeline->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(timeline->events, i);
		GDate s, en;
		g_date_clear(&s, 1);
		g_date_clear(&en, 1);
		if (e->value == NULL || !date_placed(e->value, e->mod, &s, &en) ||
		    !g_date_valid(&s) || !g_date_valid(&en)) {
			(*skipped)++;
			continue;
		}
		Dated d = { .event = e, .index = i };
		d.d0 = (int)g_date_get_julian(&s);
		d.d1 = MAX(d.d0 + 1, (int)g_date_get_julian(&en));
		FriseGranularity gran = date_granularity(e->value);
		FriseModKind kind = date_mod_kind_of(e->mod);
		bool bounded = kind == FRISE_MOD_KIND_BOUND;
		bool approx = kind == FRISE_MOD_KIND_APPROX;
		d.vague = bounded || approx;
		d.planned = e->status != FRISE_STATUS_HAPPENED;
		if (bounded) {
			/* "avant 2025": a point on the day date_placed() gives */
			d.kind = LAYOUT_MARK_POINT;
			d.a0 = d.a1 = d.d0 + 0.5;
		} else if (gran >= FRISE_GRAN_DAY || d.d1 - d.d0 <= 1) {
			d.kind = LAYOUT_MARK_POINT;
			d.a0 = d.a1 = d.d0 + 0.5;
		} else {
			d.kind = LAYOUT_MARK_BAR;
			d.a0 = d.d0;
			d.a1 = d.d1;
		}
		if (approx) {
			char *plain = date_display(e->value, "", lang, true);
			d.date = g_strconcat("≈\u00a0", plain, NULL);
			g_free(plain);
		} else {
			d.date = date_display(e->value, e->mod ? e->mod : "", lang, true);
		}
		g_array_append_val(out, d);
	}
	/* The store gives date order already; the mods (END, MID…) can move
	 * a span, and the axis needs the order of the spans. */
	g_array_sort(out, compare_dated);
	return out;
}

/* Ranks, best first, then the earlier event. */
static int
compare_rank(gconstpointer pa, gconstpointer pb)
{
	const Dated *a = *(const Dated *const *)pa, *b = *(const Dated *const *)pb;
	if (a->event->rank != b->event->rank)
		return a->event->rank > b->event->rank ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* The story's span, for spreading a picture over it: the dates of its
 * SPREAD_POOL * limit best events, from this share of them to the same
 * share from the end (a birth or a treaty decades before, which a few
 * sentences recall, is no period of the story). */
#define SPREAD_POOL 4
#define SPAN_TRIM 0.05

static int
compare_day(gconstpointer pa, gconstpointer pb)
{
	const Dated *a = *(const Dated *const *)pa, *b = *(const Dated *const *)pb;
	return (a->d0 > b->d0) - (a->d0 < b->d0);
}

/*
 * Keeps `limit` of the events of `dated` (date order), the rest cleared:
 * half of them the best of each of as many equal periods of the story's
 * span (so that a picture shows the whole story, not only its busiest
 * week), then the best of the others. Returns how many were left out.
 */
static guint
dated_keep(GArray *dated, size_t limit)
{
	guint n = dated->len;
	if (limit == 0 || n <= limit)
		return 0;
	GPtrArray *by = g_ptr_array_sized_new(n);
	for (guint i = 0; i < n; i++)
		g_ptr_array_add(by, &g_array_index(dated, Dated, i));
	g_ptr_array_sort(by, compare_rank);
	guint npool = (guint)MIN((size_t)n, limit * SPREAD_POOL);
	GPtrArray *pool = g_ptr_array_sized_new(npool);
	for (guint r = 0; r < npool; r++)
		g_ptr_array_add(pool, g_ptr_array_index(by, r));
	g_ptr_array_sort(pool, compare_day);
	guint trim = (guint)(npool * SPAN_TRIM);
	int lo = ((const Dated *)g_ptr_array_index(pool, trim))->d0;
	int hi = ((const Dated *)g_ptr_array_index(pool, npool - 1 - trim))->d0 + 1;
	g_ptr_array_unref(pool);
	guint bins = (guint)MAX(limit / 2, 1);
	bool *binned = g_new0(bool, bins);
	bool *keep = g_new0(bool, n);
	size_t kept = 0;
	for (guint r = 0; r < n && kept < bins; r++) {
		const Dated *d = g_ptr_array_index(by, r);
		if (d->d0 < lo || d->d0 >= hi)
			continue;
		guint b = (guint)((gint64)(d->d0 - lo) * bins / (hi - lo));
		if (!binned[b]) {
			binned[b] = true;
			keep[d - (const Dated *)dated->data] = true;
			kept++;
		}
	}
	g_free(binned);
	for (guint r = 0; r < n && kept < limit; r++) {
		guint at = (guint)((const Dated *)g_ptr_array_index(by, r) - (const Dated *)dated->data);
		if (!keep[at]) {
			keep[at] = true;
			kept++;
		}
	}
	g_ptr_array_unref(by);
	/* cleared in place, the order kept */
	guint w = 0;
	for (guint i = 0; i < n; i++) {
		Dated *d = &g_array_index(dated, Dated, i);
		if (keep[i])
			g_array_index(dated, Dated, w++) = *d;
		else
			g_free(d->date);
	}
	g_free(keep);
	g_array_set_size(dated, w);
	return n - w;
}

static void
dated_clear(gpointer p)
{
	g_free(((Dated *)p)->date);
}

/*
 * Text as shown to a reader: control characters become spaces; the spaces
 * inside « » and before : ; ! ? (French usage) become non-breaking (narrow
 * before ; ! ?), so a line never starts with a closing mark.
 * A new string: g_free() it.
 */
static char *
typography(const char *text)
{
	/* Control characters first: Pango markup cannot hold them, even
	 * escaped, and they mean nothing on a picture. */
	GString *s = g_string_new(text);
	for (gsize i = 0; i < s->len; i++)
		if ((guchar)s->str[i] < 0x20 || s->str[i] == 0x7f)
			s->str[i] = ' ';
	/* The French rules hold in any output language: the text is the
	 * article's, and English text has no space before these marks. */
	static const struct { const char *from, *to; } rules[] = {
		{ "« ", "«\u00a0" }, { " »", "\u00a0»" }, { " :", "\u00a0:" },
		{ " ;", "\u202f;" }, { " !", "\u202f!" }, { " ?", "\u202f?" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(rules); i++)
		g_string_replace(s, rules[i].from, rules[i].to, 0);
	return g_string_free(s, FALSE);
}

/* The label's Pango markup: bold date, faded status tag, headline. */
static char *
label_markup(const Dated *d, FriseLang lang, bool with_date)
{
	const FriseEvent *e = d->event;
	GString *m = g_string_new(NULL);
	if (with_date) {
		char *date = g_markup_escape_text(d->date, -1);
		g_string_append_printf(m, "<b>%s</b>", date);
		g_free(date);
		if (e->status != FRISE_STATUS_HAPPENED) {
			char *tag = g_markup_escape_text(lang_string(lang, e->status == FRISE_STATUS_PLANNED ?
								       "image.planned" : "image.uncertain"), -1);
			g_string_append_printf(m, "<span fgalpha=\"62%%\"> · %s</span>", tag);
			g_free(tag);
		}
		g_string_append_c(m, '\n');
	}
	const char *headline = e->title && *e->title ? e->title : e->text ? e->text : "";
	char *stripped = g_strstrip(typography(headline));
	char *h = g_markup_escape_text(stripped, -1);
	g_string_append(m, h);
	g_free(h);
	g_free(stripped);
	return g_string_free(m, FALSE);
}

/* --- the page ----------------------------------------------------------- */

static void
item_clear(gpointer p)
{
	LayoutItem *it = p;
	g_clear_object(&it->text);
	g_clear_object(&it->date);
}

static void
tick_clear(gpointer p)
{
	g_clear_object(&((LayoutTick *)p)->text);
}

static void
key_clear(gpointer p)
{
	g_clear_object(&((LayoutKey *)p)->text);
}

void
layout_free(LayoutPage *page)
{
	if (page == NULL)
		return;
	g_clear_object(&page->title);
	g_clear_object(&page->subtitle);
	g_clear_object(&page->footer);
	g_array_unref(page->items);
	g_array_unref(page->ticks);
	g_array_unref(page->breaks);
	g_array_unref(page->keys);
	g_free(page);
}

static LayoutPage *
page_new(double width, FriseTheme theme, FriseLang lang)
{
	LayoutPage *p = g_new0(LayoutPage, 1);
	p->width = width;
	p->theme = theme;
	p->lang = lang;
	p->items = g_array_new(FALSE, TRUE, sizeof(LayoutItem));
	g_array_set_clear_func(p->items, item_clear);
	p->ticks = g_array_new(FALSE, TRUE, sizeof(LayoutTick));
	g_array_set_clear_func(p->ticks, tick_clear);
	p->breaks = g_array_new(FALSE, TRUE, sizeof(LayoutBreak));
	p->keys = g_array_new(FALSE, TRUE, sizeof(LayoutKey));
	g_array_set_clear_func(p->keys, key_clear);
	return p;
}

static void
month_of(int julian, int *year, int *month)
{
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_julian(&d, (guint32)julian);
	*year = g_date_get_year(&d);
	*month = g_date_get_month(&d);
}

static int
julian_of(int year, int month)
{
	if (year < 1)
		year = 1;
	if (year > 9999)
		year = 9999;
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_dmy(&d, 1, (GDateMonth)month, (GDateYear)year);
	return (int)g_date_get_julian(&d);
}

/* "de février 2023 à novembre 2024", "February to April 2024". */
static char *
range_text(int d0, int d1, FriseLang lang)
{
	int y0, m0, y1, m1;
	month_of(d0, &y0, &m0);
	month_of(d1 - 1, &y1, &m1);
	const char *n0 = date_month_name(m0, lang, false), *n1 = date_month_name(m1, lang, false);
	if (y0 == y1 && m0 == m1)
		return g_strdup_printf("%s %d", n0, y0);
	bool vowel = n0 != NULL && strchr("aeiouyAEIOUY", n0[0]) != NULL;
	/* the language's words put the two ends together: "de février à
	 * mai 2024", "d’avril à mai 2024" (image.from-elided before a vowel) */
	char *left = y0 == y1 ? g_strdup(n0) : g_strdup_printf("%s %d", n0, y0);
	char *right = g_strdup_printf("%s %d", n1, y1);
	char *from = lang_fill(lang_string(lang, vowel ? "image.from-elided" : "image.from"), left);
	char *text = lang_fill2(lang_string(lang, "image.to"), from, right);
	g_free(left);
	g_free(right);
	g_free(from);
	return text;
}

/* Title, subtitle and legend; returns the y below them. */
static double
layout_header(LayoutPage *p, PangoContext *ctx, const FriseTimeline *t, const FriseRenderOptions *o,
	      GArray *dated)
{
	FriseLang lang = p->lang;
	double inner = p->width - 2 * MARGIN;
	const char *title = o->title && *o->title ? o->title :
			    t->title && *t->title ? t->title : lang_string(lang, "image.untitled");
	char *typo = typography(title);
	p->title = text_new(ctx, typo, false, TITLE_SIZE, true, inner, 2, PANGO_ALIGN_LEFT);
	g_free(typo);
	p->title_box = text_box(p->title, MARGIN, MARGIN);
	double y = p->title_box.y + p->title_box.h + 6;

	GString *sub = g_string_new(NULL);
	guint n = dated->len;
	if (p->left_out > 0) {
		char shown[16], all[16];
		g_snprintf(shown, sizeof shown, "%u", n);
		g_snprintf(all, sizeof all, "%u", n + p->left_out);
		char *s = lang_fill2(lang_string(lang, "image.shown"), shown, all);
		g_string_append(sub, s);
		g_free(s);
	} else
		g_string_append_printf(sub, "%u\u00a0%s", n, lang_string(lang, n == 1 ? "image.event" : "image.events"));
	g_string_append_printf(sub, " · %u\u00a0%s", t->articles->len,
			       lang_string(lang, t->articles->len == 1 ? "image.article" : "image.articles"));
	if (n > 0) {
		int d0 = G_MAXINT, d1 = G_MININT;
		for (guint i = 0; i < n; i++) {
			const Dated *d = &g_array_index(dated, Dated, i);
			d0 = MIN(d0, (int)floor(d->a0));
			d1 = MAX(d1, (int)ceil(d->a1));
		}
		char *range = range_text(d0, MAX(d1, d0 + 1), lang);
		g_string_append_printf(sub, " · %s", range);
		g_free(range);
	} else {
		g_string_append_printf(sub, " · %s", lang_string(lang, "image.no-events"));
	}
	p->subtitle = text_new(ctx, sub->str, false, SUBTITLE_SIZE, false, inner, 2, PANGO_ALIGN_LEFT);
	g_string_free(sub, TRUE);
	p->subtitle_box = text_box(p->subtitle, MARGIN, y);
	y = p->subtitle_box.y + p->subtitle_box.h + 18;

	/* The legend: the types in use, then the marks' styles in use. */
	bool planned = false, vague = false, period = false;
	for (guint i = 0; i < dated->len; i++) {
		const Dated *d = &g_array_index(dated, Dated, i);
		planned |= d->planned;
		vague |= d->vague;
		period |= d->kind == LAYOUT_MARK_BAR;
	}
	GPtrArray *labels = g_ptr_array_new();
	GArray *kinds = g_array_new(FALSE, FALSE, sizeof(LayoutKey));
	for (guint i = 0; i < t->types->len; i++) {
		const FriseEventType *type = g_ptr_array_index(t->types, i);
		bool used = false;
		for (guint j = 0; j < dated->len && !used; j++) {
			const char *ty = g_array_index(dated, Dated, j).event->type;
			used = ty != NULL && strcmp(ty, type->id) == 0;
		}
		if (!used)
			continue;
		LayoutKey k = { .kind = LAYOUT_KEY_TYPE };
		parse_colour(type->colour, k.rgb);
		const char *label = type->label[lang] ? type->label[lang] :
				    type->label[FRISE_LANG_UNKNOWN] ? type->label[FRISE_LANG_UNKNOWN] : type->id;
		g_ptr_array_add(labels, (gpointer)label);
		g_array_append_val(kinds, k);
	}
	const struct { bool on; LayoutKeyKind kind; const char *w; } styles[] = {
		{ period, LAYOUT_KEY_PERIOD, "image.key.period" },
		{ planned, LAYOUT_KEY_PLANNED, "image.key.planned" },
		{ vague, LAYOUT_KEY_VAGUE, "image.key.vague" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(styles); i++) {
		if (!styles[i].on)
			continue;
		LayoutKey k = { .kind = styles[i].kind, .rgb = { 0.5, 0.5, 0.5 } };
		g_ptr_array_add(labels, (gpointer)lang_string(lang, styles[i].w));
		g_array_append_val(kinds, k);
	}
	double x = MARGIN, row_h = 0;
	const double sw = 16, gap = 8, spacing = 28;
	for (guint i = 0; i < kinds->len; i++) {
		LayoutKey k = g_array_index(kinds, LayoutKey, i);
		k.text = text_new(ctx, g_ptr_array_index(labels, i), false, KEY_SIZE, false,
				  inner - sw - gap, 1, PANGO_ALIGN_LEFT);
		LayoutBox tb = text_box(k.text, 0, 0);
		double w = sw + gap + tb.w;
		if (x > MARGIN && x + w > p->width - MARGIN) {
			x = MARGIN;
			y += row_h + 10;
			row_h = 0;
		}
		k.swatch = (LayoutBox){ x, y + (tb.h - sw) / 2, sw, sw };
		if (k.kind == LAYOUT_KEY_PERIOD)
			k.swatch = (LayoutBox){ x - 6, y + (tb.h - BAR_H) / 2, sw + 12, BAR_H };
		k.text_x = k.swatch.x + k.swatch.w + gap;
		k.text_y = y;
		k.box = (LayoutBox){ k.swatch.x, y, k.text_x + tb.w - k.swatch.x, tb.h };
		x = k.box.x + k.box.w + spacing;
		row_h = MAX(row_h, tb.h);
		g_array_append_val(p->keys, k);
	}
	g_ptr_array_unref(labels);
	g_array_unref(kinds);
	return y + row_h;
}

/* True when `text` holds right-to-left letters, a right-to-left control
 * or a paragraph separator: then what follows a point of the text may
 * move what comes before it on a line (bidi reordering), or restart the
 * line count. The ranges are written out because GLib has no bidi
 * classes (Pango's pango_unichar_direction is deprecated): Hebrew,
 * Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their extensions
 * and presentation forms, the RTL marks and embeddings, and U+2029. */
static bool
has_rtl_or_paragraphs(const char *text)
{
	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		if ((guchar)*p < 0x80)
			continue;
		gunichar c = g_utf8_get_char(p);
		if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff) ||
		    (c >= 0x10800 && c <= 0x10fff) || (c >= 0x1e800 && c <= 0x1efff) || c == 0x200f ||
		    c == 0x202b || c == 0x202e || c == 0x2067 || c == 0x2029)
			return true;
	}
	return false;
}

/* Bytes of text a prefix of the footer must run on past the point where
 * its "…" starts, for the rest of the list to make no difference. */
#define FOOTER_SLACK 2048

/* Where the "…" of the last line of `l` starts in its text, or -1 when
 * nothing is cut. */
static gssize
ellipsis_start(PangoLayout *l)
{
	if (!pango_layout_is_ellipsized(l))
		return -1;
	PangoLayoutLine *line = pango_layout_get_line_readonly(l, pango_layout_get_line_count(l) - 1);
	gssize at = -1;
	for (GSList *r = line != NULL ? line->runs : NULL; r != NULL; r = r->next) {
		const PangoGlyphItem *run = r->data;
		if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
			at = run->item->offset;
	}
	return at;
}

/* The footer's layout of markup `m`, whose titles end at the byte
 * offsets `ends`. The footer shows six lines, but Pango shapes all of a
 * paragraph before it cuts the last line with "…": 10,000 titles cost
 * a second per image. So the titles are laid out in growing prefixes
 * until one is cut FOOTER_SLACK bytes or more before its end; Pango keeps
 * the longest start of the last line that fits with the "…", which the
 * text past the cut does not change. With right-to-left text or several
 * paragraphs the whole list is laid out. */
static PangoLayout *
footer_layout(PangoContext *ctx, const GString *m, const GArray *ends, double width)
{
	gsize want = 8 * FOOTER_SLACK;
	guint i = 0;
	while (!has_rtl_or_paragraphs(m->str)) {
		while (i < ends->len && g_array_index(ends, gsize, i) < want)
			i++;
		if (i >= ends->len)
			break;
		char *prefix = g_strndup(m->str, g_array_index(ends, gsize, i));
		PangoLayout *l = text_new(ctx, prefix, true, FOOTER_SIZE, false, width, 6, PANGO_ALIGN_LEFT);
		g_free(prefix);
		gssize at = ellipsis_start(l);
		if (at >= 0 && strlen(pango_layout_get_text(l)) >= (size_t)at + FOOTER_SLACK)
			return l;
		g_object_unref(l);
		want *= 4;
	}
	return text_new(ctx, m->str, true, FOOTER_SIZE, false, width, 6, PANGO_ALIGN_LEFT);
}

/* The outlet an article is from: its publication's name, else its
 * URL's host without "www."; NULL when neither is known. A new string. */
static char *
outlet_of(const FriseArticleInfo *a)
{
	if (a->source != NULL && *a->source != '\0')
		return g_strdup(a->source);
	GUri *uri = a->url != NULL ? g_uri_parse(a->url, G_URI_FLAGS_NONE, NULL) : NULL;
	const char *host = uri != NULL ? g_uri_get_host(uri) : NULL;
	char *out = host != NULL && *host != '\0' ? g_strdup(g_str_has_prefix(host, "www.") ? host + 4 : host) : NULL;
	if (uri != NULL)
		g_uri_unref(uri);
	return out;
}

typedef struct {
	char *name;
	guint count, first;
} Outlet;

static int
compare_outlets(gconstpointer pa, gconstpointer pb)
{
	const Outlet *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

/* Up to this many articles without an outlet are named by their titles. */
#define FOOTER_TITLES 6

/* The sources' footer at `y`; returns the y below it: the outlets, most
 * articles first, with their counts ("Le Monde (3) · AFP (2) · 4 other
 * articles"); a few articles none of which names its outlet by their
 * titles; none for many such. */
static double
layout_footer(LayoutPage *p, PangoContext *ctx, const FriseTimeline *t, double y)
{
	if (t->articles->len == 0)
		return y;
	GArray *outlets = g_array_new(FALSE, FALSE, sizeof(Outlet));
	GHashTable *at = g_hash_table_new(g_str_hash, g_str_equal); /* name -> index + 1 */
	guint unnamed = 0;
	for (guint i = 0; i < t->articles->len; i++) {
		char *name = outlet_of(g_ptr_array_index(t->articles, i));
		if (name == NULL) {
			unnamed++;
			continue;
		}
		guint k = GPOINTER_TO_UINT(g_hash_table_lookup(at, name));
		if (k == 0) {
			Outlet o = { name, 1, i };
			g_array_append_val(outlets, o);
			g_hash_table_insert(at, name, GUINT_TO_POINTER(outlets->len));
		} else {
			g_array_index(outlets, Outlet, k - 1).count++;
			g_free(name);
		}
	}
	g_hash_table_unref(at);
	g_array_sort(outlets, compare_outlets);
	bool titles = outlets->len == 0 && unnamed <= FOOTER_TITLES;
	if (outlets->len == 0 && !titles) {
		g_array_unref(outlets);
		return y;
	}
	GString *m = g_string_new(NULL);
	GArray *ends = g_array_new(FALSE, FALSE, sizeof(gsize)); /* where each item ends in m */
	char *head = g_markup_escape_text(lang_string(p->lang, "image.sources"), -1);
	g_string_append_printf(m, "<b>%s</b> ", head);
	g_free(head);
	for (guint i = 0; titles && i < t->articles->len; i++) {
		const FriseArticleInfo *a = g_ptr_array_index(t->articles, i);
		const char *title = a->title && *a->title ? a->title : a->id ? a->id : "?";
		char *typo = typography(title);
		char *esc = g_markup_escape_text(typo, -1);
		g_free(typo);
		g_string_append_printf(m, "%s%s", i ? " · " : "", esc);
		g_free(esc);
		g_array_append_val(ends, m->len);
	}
	for (guint i = 0; i < outlets->len; i++) {
		Outlet *o = &g_array_index(outlets, Outlet, i);
		char *esc = g_markup_escape_text(o->name, -1);
		g_string_append_printf(m, "%s%s", i ? " · " : "", esc);
		if (outlets->len > 1 || unnamed > 0)
			g_string_append_printf(m, "\u00a0(%u)", o->count);
		g_free(esc);
		g_free(o->name);
		g_array_append_val(ends, m->len);
	}
	if (!titles && unnamed > 0) {
		char n[16];
		g_snprintf(n, sizeof n, "%u", unnamed);
		char *s = lang_fill(lang_string(p->lang, unnamed == 1 ? "image.unnamed-one" : "image.unnamed"), n);
		char *esc = g_markup_escape_text(s, -1);
		g_string_append_printf(m, " · %s", esc);
		g_free(esc);
		g_free(s);
		g_array_append_val(ends, m->len);
	}
	g_array_unref(outlets);
	p->footer_rule_y = y;
	p->footer = footer_layout(ctx, m, ends, p->width - 2 * MARGIN);
	g_array_unref(ends);
	g_string_free(m, TRUE);
	p->footer_box = text_box(p->footer, MARGIN, y + 12);
	return p->footer_box.y + p->footer_box.h;
}

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
		const Dated *d = &g_array_index(dated, Dated, i);
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
		month_of((int)floor(c0), &y0, &m0);
		month_of((int)ceil(c1) - 1, &y1, &m1);
		Segment s;
		if (y1 - y0 >= 10) {
			s.d0 = julian_of(y0, 1);
			s.d1 = julian_of(y1 + 1, 1);
		} else {
			s.d0 = julian_of(y0, m0);
			s.d1 = m1 == 12 ? julian_of(y1 + 1, 1) : julian_of(y1, m1 + 1);
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
		t.text = text_new(ctx, text, false, TICK_SIZE, major, 0, 0, PANGO_ALIGN_LEFT);
		t.text_x = pos + 4;
		t.text_y = axis_y + 9;
		t.box = text_box(t.text, t.text_x, t.text_y);
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
	PangoLayout *probe = text_new(ctx, "sept. 2024", false, TICK_SIZE, true, 0, 0, PANGO_ALIGN_LEFT);
	double need = text_box(probe, 0, 0).w + 14;
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
		month_of(s->d0, &y, &m);
		bool first = true;
		for (int j = julian_of(y, m); j <= s->d1; ) {
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
			j = julian_of(y, m);
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
		LayoutBox tb = text_box(it->text, 0, 0);
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
		LayoutBox ab = text_box(it->text, 0, 0);
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
static bool
layout_horizontal(LayoutPage *p, PangoContext *ctx, const FriseTimeline *t, GArray *dated, double top,
		  double max_height)
{
	double ax0 = MARGIN + 8, ax1 = p->width - MARGIN - 8;
	GArray *segs = axis_segments(dated, ax0, ax1, p->breaks);
	for (guint i = 0; i < dated->len; i++) {
		const Dated *d = &g_array_index(dated, Dated, i);
		LayoutItem it = { .event = d->event, .kind = d->kind, .planned = d->planned, .vague = d->vague };
		parse_colour(event_timeline_type(t, d->event->type) ?
			     event_timeline_type(t, d->event->type)->colour : NULL, it.rgb);
		it.t0 = axis_x(segs, d->a0);
		it.t1 = axis_x(segs, d->a1);
		if (it.kind == LAYOUT_MARK_BAR && it.t1 - it.t0 < 6) {
			double c = (it.t0 + it.t1) / 2;
			it.t0 = c - 3;
			it.t1 = c + 3;
		}
		char *markup = label_markup(d, p->lang, true);
		it.text = text_new(ctx, markup, true, LABEL_SIZE, false, LABEL_W, LABEL_LINES,
				   PANGO_ALIGN_LEFT);
		pango_layout_set_line_spacing(it.text, 1.08);
		g_free(markup);
		g_array_append_val(p->items, it);
	}
	double widths = 0, shortest = G_MAXDOUBLE;
	for (guint i = 0; i < p->items->len; i++) {
		LayoutBox tb = text_box(g_array_index(p->items, LayoutItem, i).text, 0, 0);
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

/* --- the vertical layout ------------------------------------------------ */

#define V_DATE_W 215.0
#define V_ROW_GAP 14.0
#define V_YEAR_H 44.0
#define V_BREAK_H 40.0

static void
layout_vertical(LayoutPage *p, PangoContext *ctx, const FriseTimeline *t, GArray *dated, double top)
{
	double axis_x = MARGIN + V_DATE_W + 26;
	double text_x = axis_x + 28, text_w = p->width - MARGIN - text_x;
	double y = top + 12, axis_top = y;
	int prev_year = G_MININT;
	/* Events of the same day share one date layout (a reference each):
	 * the same markup lays out the same, and a big store has many. */
	GString *prev_dm = g_string_new(NULL);
	PangoLayout *prev_date = NULL;
	double prev_end = -G_MAXDOUBLE, lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
	for (guint i = 0; i < dated->len; i++) {
		lo = MIN(lo, g_array_index(dated, Dated, i).a0);
		hi = MAX(hi, g_array_index(dated, Dated, i).a1);
	}
	/* The same rule as the horizontal axis's breaks. */
	double gap_min = MAX(BREAK_MIN_DAYS, BREAK_MIN_SHARE * (hi - lo));
	for (guint i = 0; i < dated->len; i++) {
		const Dated *d = &g_array_index(dated, Dated, i);
		if (prev_end != -G_MAXDOUBLE && d->a0 - prev_end >= gap_min) {
			LayoutBreak b = { y + 4, y + V_BREAK_H - 4, (int)(d->a0 - prev_end) };
			g_array_append_val(p->breaks, b);
			y += V_BREAK_H;
		}
		int year, month;
		month_of(d->d0, &year, &month);
		if (year != prev_year) {
			LayoutTick tk = { .pos = y + V_YEAR_H / 2, .major = true };
			char *text = g_strdup_printf("%d", year);
			tk.text = text_new(ctx, text, false, TICK_SIZE + 5, true, V_DATE_W, 1, PANGO_ALIGN_RIGHT);
			g_free(text);
			LayoutBox b = text_box(tk.text, 0, 0);
			tk.text_x = MARGIN;
			tk.text_y = tk.pos - b.h / 2;
			tk.box = text_box(tk.text, tk.text_x, tk.text_y);
			g_array_append_val(p->ticks, tk);
			y += V_YEAR_H;
			prev_year = year;
		}
		prev_end = MAX(prev_end, d->a1);

		LayoutItem it = { .event = d->event, .kind = d->kind, .planned = d->planned, .vague = d->vague,
				  .lane = (int)i };
		parse_colour(event_timeline_type(t, d->event->type) ?
			     event_timeline_type(t, d->event->type)->colour : NULL, it.rgb);
		GString *dm = g_string_new(NULL);
		char *date = g_markup_escape_text(d->date, -1);
		g_string_append_printf(dm, "<b>%s</b>", date);
		g_free(date);
		if (d->event->status != FRISE_STATUS_HAPPENED) {
			char *tag = g_markup_escape_text(lang_string(p->lang, d->event->status == FRISE_STATUS_PLANNED ?
								       "image.planned" : "image.uncertain"), -1);
			g_string_append_printf(dm, "\n<span fgalpha=\"62%%\">%s</span>", tag);
			g_free(tag);
		}
		if (prev_date == NULL || strcmp(prev_dm->str, dm->str) != 0) {
			prev_date = text_new(ctx, dm->str, true, LABEL_SIZE, false, V_DATE_W, 2, PANGO_ALIGN_RIGHT);
			g_string_assign(prev_dm, dm->str);
			it.date = prev_date;
		} else {
			it.date = g_object_ref(prev_date);
		}
		g_string_free(dm, TRUE);
		char *markup = label_markup(d, p->lang, false);
		it.text = text_new(ctx, markup, true, LABEL_SIZE + 1, false, text_w, LABEL_LINES, PANGO_ALIGN_LEFT);
		g_free(markup);
		it.date_x = MARGIN;
		it.date_y = y;
		it.date_box = text_box(it.date, it.date_x, it.date_y);
		it.text_x = text_x;
		it.text_y = y;
		it.label = text_box(it.text, it.text_x, it.text_y);
		/* The first line's baseline, without an iterator (which measures every line again). */
		double first_mid = pango_layout_get_baseline(it.text) / (double)PANGO_SCALE - LABEL_SIZE * 0.35;
		double cy = y + first_mid;
		if (it.kind == LAYOUT_MARK_POINT) {
			it.marker = (LayoutBox){ axis_x - DOT_R, cy - DOT_R, 2 * DOT_R, 2 * DOT_R };
		} else {
			double h = MAX(2 * DOT_R, MIN(it.label.h, 40.0));
			it.marker = (LayoutBox){ axis_x - BAR_H / 2, cy - DOT_R, BAR_H, h };
		}
		it.t0 = it.marker.y;
		it.t1 = it.marker.y + it.marker.h;
		it.leader[0] = it.leader[2] = axis_x + DOT_R + 3;
		it.leader[4] = it.leader[6] = text_x - 6;
		it.leader[1] = it.leader[3] = it.leader[5] = it.leader[7] = cy;
		it.rule[0] = it.rule[2] = it.leader[6];
		it.rule[1] = it.rule[3] = cy;
		g_array_append_val(p->items, it);
		y += MAX(MAX(it.label.h, it.date_box.h), it.marker.y + it.marker.h - y) + V_ROW_GAP;
	}
	p->axis[0] = p->axis[2] = axis_x;
	p->axis[1] = axis_top;
	p->axis[3] = y;
	p->height = layout_footer(p, ctx, t, y + 30) + MARGIN * 0.75;
	g_string_free(prev_dm, TRUE);
}

LayoutPage *
layout_compute_max(const FriseTimeline *timeline, const FriseRenderOptions *opts, double max_height,
		   const char *what, const char *advice, GError **error)
{
	FriseRenderOptions defaults = { 0 };
	if (opts == NULL)
		opts = &defaults;
	FriseLang lang = lang_or_english(opts->lang != FRISE_LANG_UNKNOWN ? opts->lang : timeline->lang);
	double width = opts->width > 0 ? opts->width : 1600;
	if (width < 480)
		width = 480; /* below this a label has no room: draw at 480 */
	PangoContext *ctx = context_new(lang);
	guint skipped;
	GArray *dated = dated_events(timeline, lang, &skipped);
	guint left_out = dated_keep(dated, opts->events == 0 ? RENDER_IMAGE_EVENTS : opts->events);
	g_array_set_clear_func(dated, dated_clear);

	FriseLayout kind = opts->layout;
	LayoutPage *page = NULL;
	bool whole = true; /* false: the page's height is a bound, found over max_height */
	/* Over AUTO_MAX_EVENTS the horizontal page would be dropped: not laid
	 * out at all (10,000 events spent 45 s in it first). */
	if (kind != FRISE_LAYOUT_VERTICAL && !(kind == FRISE_LAYOUT_AUTO && dated->len > AUTO_MAX_EVENTS)) {
		page = page_new(width, opts->theme, lang);
		page->left_out = left_out;
		double top = layout_header(page, ctx, timeline, opts, dated) + 20;
		if (dated->len > 0)
			whole = layout_horizontal(page, ctx, timeline, dated, top, max_height);
		else
			page->height = layout_footer(page, ctx, timeline, top + 10) + MARGIN;
		page->kind = FRISE_LAYOUT_HORIZONTAL;
		if (kind == FRISE_LAYOUT_AUTO &&
		    (dated->len > AUTO_MAX_EVENTS || page->height > width * AUTO_MAX_RATIO || page->crossings > 0 ||
		     MAX(page->lanes_above, page->lanes_below) > AUTO_MAX_LANES)) {
			layout_free(page);
			page = NULL;
		}
	}
	if (page == NULL) {
		page = page_new(width, opts->theme, lang);
		page->left_out = left_out;
		double top = layout_header(page, ctx, timeline, opts, dated) + 20;
		whole = true;
		layout_vertical(page, ctx, timeline, dated, top);
		page->kind = FRISE_LAYOUT_VERTICAL;
	}
	page->skipped = skipped;
	page->height = ceil(page->height);
	g_array_unref(dated);
	g_object_unref(ctx);
	if (page->height > max_height) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT,
			    "%s: %u events need a canvas %s%.0f px tall, more than %.0f; %s",
			    what ? what : "timeline image", timeline->events->len, whole ? "" : "at least ",
			    page->height, max_height, advice ? advice : "use --layout vertical or --top N");
		layout_free(page);
		return NULL;
	}
	return page;
}

LayoutPage *
layout_compute(const FriseTimeline *timeline, const FriseRenderOptions *opts, GError **error)
{
	return layout_compute_max(timeline, opts, LAYOUT_MAX_HEIGHT, NULL, NULL, error);
}
