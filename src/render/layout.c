/*
 * layout.c — the geometry of a timeline image (prefix layout_): exports
 * layout_compute(), layout_free(), layout_box_intersects() and
 * layout_box_inside(); see layout.h. draw.c paints what this computes and
 * decides nothing about positions. Here: the events drawn, text measured,
 * the header, the footer, the vertical layout and the choice between the
 * two; the horizontal layout is in layout_horizontal.c, and the helpers
 * the two files share are in layout_private.h.
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
#include "render/layout_private.h"
#include "frise/date.h"
#include "core/lang.h"

#include <math.h>
#include <string.h>

/* The sizes are in layout_private.h; these choose between the layouts. */
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
PangoLayout *
layout_text_new(PangoContext *ctx, const char *text, bool markup, double size, bool bold,
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
LayoutBox
layout_text_box(PangoLayout *l, double x, double y)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return (LayoutBox){ x + r.x / (double)PANGO_SCALE, y + r.y / (double)PANGO_SCALE,
			    r.width / (double)PANGO_SCALE, r.height / (double)PANGO_SCALE };
}

void
layout_parse_colour(const char *s, double rgb[3])
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


/* Date order: by first day, longer spans first, then the timeline's order. */
static int
compare_dated(gconstpointer pa, gconstpointer pb)
{
	const LayoutDated *a = pa, *b = pb;
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
	GArray *out = g_array_new(FALSE, TRUE, sizeof(LayoutDated));
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
		LayoutDated d = { .event = e, .index = i };
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
	const LayoutDated *a = *(const LayoutDated *const *)pa, *b = *(const LayoutDated *const *)pb;
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
	const LayoutDated *a = *(const LayoutDated *const *)pa, *b = *(const LayoutDated *const *)pb;
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
		g_ptr_array_add(by, &g_array_index(dated, LayoutDated, i));
	g_ptr_array_sort(by, compare_rank);
	guint npool = (guint)MIN((size_t)n, limit * SPREAD_POOL);
	GPtrArray *pool = g_ptr_array_sized_new(npool);
	for (guint r = 0; r < npool; r++)
		g_ptr_array_add(pool, g_ptr_array_index(by, r));
	g_ptr_array_sort(pool, compare_day);
	guint trim = (guint)(npool * SPAN_TRIM);
	int lo = ((const LayoutDated *)g_ptr_array_index(pool, trim))->d0;
	int hi = ((const LayoutDated *)g_ptr_array_index(pool, npool - 1 - trim))->d0 + 1;
	g_ptr_array_unref(pool);
	guint bins = (guint)MAX(limit / 2, 1);
	bool *binned = g_new0(bool, bins);
	bool *keep = g_new0(bool, n);
	size_t kept = 0;
	for (guint r = 0; r < n && kept < bins; r++) {
		const LayoutDated *d = g_ptr_array_index(by, r);
		if (d->d0 < lo || d->d0 >= hi)
			continue;
		guint b = (guint)((gint64)(d->d0 - lo) * bins / (hi - lo));
		if (!binned[b]) {
			binned[b] = true;
			keep[d - (const LayoutDated *)dated->data] = true;
			kept++;
		}
	}
	g_free(binned);
	for (guint r = 0; r < n && kept < limit; r++) {
		guint at = (guint)((const LayoutDated *)g_ptr_array_index(by, r) - (const LayoutDated *)dated->data);
		if (!keep[at]) {
			keep[at] = true;
			kept++;
		}
	}
	g_ptr_array_unref(by);
	/* cleared in place, the order kept */
	guint w = 0;
	for (guint i = 0; i < n; i++) {
		LayoutDated *d = &g_array_index(dated, LayoutDated, i);
		if (keep[i])
			g_array_index(dated, LayoutDated, w++) = *d;
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
	g_free(((LayoutDated *)p)->date);
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
char *
layout_label_markup(const LayoutDated *d, FriseLang lang, bool with_date)
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

void
layout_month_of(int julian, int *year, int *month)
{
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_julian(&d, (guint32)julian);
	*year = g_date_get_year(&d);
	*month = g_date_get_month(&d);
}

int
layout_julian_of(int year, int month)
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
	layout_month_of(d0, &y0, &m0);
	layout_month_of(d1 - 1, &y1, &m1);
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
	p->title = layout_text_new(ctx, typo, false, TITLE_SIZE, true, inner, 2, PANGO_ALIGN_LEFT);
	g_free(typo);
	p->title_box = layout_text_box(p->title, MARGIN, MARGIN);
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
			const LayoutDated *d = &g_array_index(dated, LayoutDated, i);
			d0 = MIN(d0, (int)floor(d->a0));
			d1 = MAX(d1, (int)ceil(d->a1));
		}
		char *range = range_text(d0, MAX(d1, d0 + 1), lang);
		g_string_append_printf(sub, " · %s", range);
		g_free(range);
	} else {
		g_string_append_printf(sub, " · %s", lang_string(lang, "image.no-events"));
	}
	p->subtitle = layout_text_new(ctx, sub->str, false, SUBTITLE_SIZE, false, inner, 2, PANGO_ALIGN_LEFT);
	g_string_free(sub, TRUE);
	p->subtitle_box = layout_text_box(p->subtitle, MARGIN, y);
	y = p->subtitle_box.y + p->subtitle_box.h + 18;

	/* The legend: the types in use, then the marks' styles in use. */
	bool planned = false, vague = false, period = false;
	for (guint i = 0; i < dated->len; i++) {
		const LayoutDated *d = &g_array_index(dated, LayoutDated, i);
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
			const char *ty = g_array_index(dated, LayoutDated, j).event->type;
			used = ty != NULL && strcmp(ty, type->id) == 0;
		}
		if (!used)
			continue;
		LayoutKey k = { .kind = LAYOUT_KEY_TYPE };
		layout_parse_colour(type->colour, k.rgb);
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
		k.text = layout_text_new(ctx, g_ptr_array_index(labels, i), false, KEY_SIZE, false,
				  inner - sw - gap, 1, PANGO_ALIGN_LEFT);
		LayoutBox tb = layout_text_box(k.text, 0, 0);
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
		PangoLayout *l = layout_text_new(ctx, prefix, true, FOOTER_SIZE, false, width, 6, PANGO_ALIGN_LEFT);
		g_free(prefix);
		gssize at = ellipsis_start(l);
		if (at >= 0 && strlen(pango_layout_get_text(l)) >= (size_t)at + FOOTER_SLACK)
			return l;
		g_object_unref(l);
		want *= 4;
	}
	return layout_text_new(ctx, m->str, true, FOOTER_SIZE, false, width, 6, PANGO_ALIGN_LEFT);
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
double
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
	p->footer_box = layout_text_box(p->footer, MARGIN, y + 12);
	return p->footer_box.y + p->footer_box.h;
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
		lo = MIN(lo, g_array_index(dated, LayoutDated, i).a0);
		hi = MAX(hi, g_array_index(dated, LayoutDated, i).a1);
	}
	/* The same rule as the horizontal axis's breaks. */
	double gap_min = MAX(BREAK_MIN_DAYS, BREAK_MIN_SHARE * (hi - lo));
	for (guint i = 0; i < dated->len; i++) {
		const LayoutDated *d = &g_array_index(dated, LayoutDated, i);
		if (prev_end != -G_MAXDOUBLE && d->a0 - prev_end >= gap_min) {
			LayoutBreak b = { y + 4, y + V_BREAK_H - 4, (int)(d->a0 - prev_end) };
			g_array_append_val(p->breaks, b);
			y += V_BREAK_H;
		}
		int year, month;
		layout_month_of(d->d0, &year, &month);
		if (year != prev_year) {
			LayoutTick tk = { .pos = y + V_YEAR_H / 2, .major = true };
			char *text = g_strdup_printf("%d", year);
			tk.text = layout_text_new(ctx, text, false, TICK_SIZE + 5, true, V_DATE_W, 1, PANGO_ALIGN_RIGHT);
			g_free(text);
			LayoutBox b = layout_text_box(tk.text, 0, 0);
			tk.text_x = MARGIN;
			tk.text_y = tk.pos - b.h / 2;
			tk.box = layout_text_box(tk.text, tk.text_x, tk.text_y);
			g_array_append_val(p->ticks, tk);
			y += V_YEAR_H;
			prev_year = year;
		}
		prev_end = MAX(prev_end, d->a1);

		LayoutItem it = { .event = d->event, .kind = d->kind, .planned = d->planned, .vague = d->vague,
				  .lane = (int)i };
		layout_parse_colour(event_timeline_type(t, d->event->type) ?
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
			prev_date = layout_text_new(ctx, dm->str, true, LABEL_SIZE, false, V_DATE_W, 2, PANGO_ALIGN_RIGHT);
			g_string_assign(prev_dm, dm->str);
			it.date = prev_date;
		} else {
			it.date = g_object_ref(prev_date);
		}
		g_string_free(dm, TRUE);
		char *markup = layout_label_markup(d, p->lang, false);
		it.text = layout_text_new(ctx, markup, true, LABEL_SIZE + 1, false, text_w, LABEL_LINES, PANGO_ALIGN_LEFT);
		g_free(markup);
		it.date_x = MARGIN;
		it.date_y = y;
		it.date_box = layout_text_box(it.date, it.date_x, it.date_y);
		it.text_x = text_x;
		it.text_y = y;
		it.label = layout_text_box(it.text, it.text_x, it.text_y);
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
