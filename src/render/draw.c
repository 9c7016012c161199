/*
 * draw.c — the timeline as an image (prefix draw_): exports draw_svg(),
 * draw_png() and draw_pdf() (render.h). Each one asks layout.c where
 * everything goes, then paints the page with Cairo and Pango onto a
 * surface that streams its bytes into the caller's GString. Nothing here
 * decides a position; colours and strokes are this file's only choices.
 *
 * Units: the page is in CSS px; SVG is px, PDF is pt (1 px = 1 pt), PNG is
 * px times opts->scale. Output is deterministic for the same timeline and
 * options: no clock except frise_now() for the PDF's creation date.
 */
#include "frise/layout.h"
#include "frise/render.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

/* A theme's colours, 0..1 RGB. ORDER THEME: indexed by FriseTheme. */
typedef struct {
	double bg[3], text[3], muted[3], axis[3], tick[3], leader[3], rule[3];
} Palette;

static const Palette palettes[] = {
	[FRISE_THEME_LIGHT] = {
		.bg = { 1, 1, 1 }, .text = { 0.10, 0.11, 0.12 }, .muted = { 0.37, 0.39, 0.41 },
		.axis = { 0.24, 0.25, 0.27 }, .tick = { 0.55, 0.58, 0.60 }, .leader = { 0.70, 0.72, 0.74 },
		.rule = { 0.85, 0.86, 0.88 },
	},
	[FRISE_THEME_DARK] = {
		.bg = { 0.08, 0.09, 0.11 }, .text = { 0.93, 0.94, 0.95 }, .muted = { 0.65, 0.68, 0.71 },
		.axis = { 0.78, 0.80, 0.82 }, .tick = { 0.50, 0.53, 0.55 }, .leader = { 0.36, 0.38, 0.41 },
		.rule = { 0.24, 0.25, 0.28 },
	},
};

static void
set_rgb(cairo_t *cr, const double c[3])
{
	cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

static void
show_text(cairo_t *cr, PangoLayout *layout, double x, double y, const double c[3])
{
	if (layout == NULL)
		return;
	set_rgb(cr, c);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, layout);
}

static void
line(cairo_t *cr, double x0, double y0, double x1, double y1)
{
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x1, y1);
	cairo_stroke(cr);
}

static void
rounded_rect(cairo_t *cr, const LayoutBox *b, double r)
{
	r = MIN(r, MIN(b->w, b->h) / 2);
	cairo_new_sub_path(cr);
	cairo_arc(cr, b->x + b->w - r, b->y + r, r, -G_PI / 2, 0);
	cairo_arc(cr, b->x + b->w - r, b->y + b->h - r, r, 0, G_PI / 2);
	cairo_arc(cr, b->x + r, b->y + b->h - r, r, G_PI / 2, G_PI);
	cairo_arc(cr, b->x + r, b->y + r, r, G_PI, 3 * G_PI / 2);
	cairo_close_path(cr);
}

/* The path of a marker's shape: a dot or a rounded bar. */
static void
mark_path(cairo_t *cr, LayoutMarkKind kind, const LayoutBox *b)
{
	if (kind == LAYOUT_MARK_POINT) {
		cairo_new_sub_path(cr);
		cairo_arc(cr, b->x + b->w / 2, b->y + b->h / 2, MIN(b->w, b->h) / 2, 0, 2 * G_PI);
		cairo_close_path(cr);
	} else {
		rounded_rect(cr, b, 4);
	}
}

/* Diagonal hatching inside the current path (kept), in `rgb`. */
static void
hatch(cairo_t *cr, const LayoutBox *b, const double rgb[3])
{
	cairo_save(cr);
	cairo_clip_preserve(cr);
	cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
	cairo_set_line_width(cr, 1.4);
	for (double d = -b->h; d < b->w + b->h; d += 4.5)
		line(cr, b->x + d, b->y + b->h, b->x + d + b->h, b->y);
	cairo_restore(cr);
}

/*
 * A marker: happened and precise = filled; planned or unconfirmed = hollow
 * with a dashed outline; approximate or bounded = hatched and faded.
 */
static void
draw_mark(cairo_t *cr, const Palette *pal, LayoutMarkKind kind, const LayoutBox *b,
	  const double rgb[3], bool planned, bool vague)
{
	cairo_save(cr);
	/* A halo in the background colour keeps neighbouring marks apart. */
	LayoutBox halo = { b->x - 2, b->y - 2, b->w + 4, b->h + 4 };
	mark_path(cr, kind, &halo);
	set_rgb(cr, pal->bg);
	cairo_fill(cr);

	mark_path(cr, kind, b);
	if (vague) {
		cairo_set_source_rgba(cr, rgb[0], rgb[1], rgb[2], planned ? 0.12 : 0.22);
		cairo_fill_preserve(cr);
		hatch(cr, b, rgb);
	} else if (planned) {
		set_rgb(cr, pal->bg);
		cairo_fill_preserve(cr);
	} else {
		cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
		cairo_fill_preserve(cr);
	}
	cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
	cairo_set_line_width(cr, 2);
	if (planned) {
		const double dash[] = { 3.5, 2.5 };
		cairo_set_dash(cr, dash, 2, 0);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void
draw_keys(cairo_t *cr, const Palette *pal, const LayoutPage *page)
{
	/* the styles' swatches (period, planned, vague) in the text's ink: a
	 * grey one would read as the grey of the "other" type */
	const double *grey = pal->text;
	for (guint i = 0; i < page->keys->len; i++) {
		const LayoutKey *k = &g_array_index(page->keys, LayoutKey, i);
		switch (k->kind) {
		case LAYOUT_KEY_TYPE:
			draw_mark(cr, pal, LAYOUT_MARK_POINT, &k->swatch, k->rgb, false, false);
			break;
		case LAYOUT_KEY_PERIOD:
			draw_mark(cr, pal, LAYOUT_MARK_BAR, &k->swatch, grey, false, false);
			break;
		case LAYOUT_KEY_PLANNED:
			draw_mark(cr, pal, LAYOUT_MARK_POINT, &k->swatch, grey, true, false);
			break;
		case LAYOUT_KEY_VAGUE:
			draw_mark(cr, pal, LAYOUT_MARK_POINT, &k->swatch, grey, false, true);
			break;
		}
		show_text(cr, k->text, k->text_x, k->text_y, pal->text);
	}
}

/* An axis break: a gap in the axis with two slanted strokes. */
static void
draw_break(cairo_t *cr, const Palette *pal, const LayoutPage *page, const LayoutBreak *b)
{
	bool horizontal = page->kind == FRISE_LAYOUT_HORIZONTAL;
	double mid = (b->pos0 + b->pos1) / 2, c = horizontal ? page->axis[1] : page->axis[0];
	cairo_save(cr);
	/* Cut through whatever runs into the break (a long bar). */
	set_rgb(cr, pal->bg);
	if (horizontal)
		cairo_rectangle(cr, b->pos0, c - 9, b->pos1 - b->pos0, 18);
	else
		cairo_rectangle(cr, c - 9, b->pos0, 18, b->pos1 - b->pos0);
	cairo_fill(cr);
	set_rgb(cr, pal->axis);
	cairo_set_line_width(cr, 2);
	for (int s = -1; s <= 1; s += 2) {
		double p = mid + s * 5;
		if (horizontal)
			line(cr, p - 5, c + 10, p + 5, c - 10);
		else
			line(cr, c - 10, p + 5, c + 10, p - 5);
	}
	const double dots[] = { 1.5, 4 };
	cairo_set_dash(cr, dots, 2, 0);
	cairo_set_line_width(cr, 1.5);
	set_rgb(cr, pal->tick);
	if (horizontal) {
		line(cr, b->pos0, c, mid - 9, c);
		line(cr, mid + 9, c, b->pos1, c);
	} else {
		line(cr, c, b->pos0, c, mid - 9);
		line(cr, c, mid + 9, c, b->pos1);
	}
	cairo_restore(cr);
}

/* The axis line from axis[0..1] to axis[2..3], interrupted at breaks. */
static void
draw_axis(cairo_t *cr, const Palette *pal, const LayoutPage *page)
{
	bool horizontal = page->kind == FRISE_LAYOUT_HORIZONTAL;
	double from = horizontal ? page->axis[0] : page->axis[1];
	double to = horizontal ? page->axis[2] : page->axis[3];
	cairo_set_line_width(cr, horizontal ? 2.5 : 2);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	set_rgb(cr, pal->axis);
	for (guint i = 0; i <= page->breaks->len; i++) {
		double end = i < page->breaks->len ? g_array_index(page->breaks, LayoutBreak, i).pos0 : to;
		if (horizontal)
			line(cr, from, page->axis[1], end, page->axis[1]);
		else
			line(cr, page->axis[0], from, page->axis[0], end);
		if (i < page->breaks->len)
			from = g_array_index(page->breaks, LayoutBreak, i).pos1;
	}
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
}

static void
draw_ticks(cairo_t *cr, const Palette *pal, const LayoutPage *page)
{
	bool horizontal = page->kind == FRISE_LAYOUT_HORIZONTAL;
	for (guint i = 0; i < page->ticks->len; i++) {
		const LayoutTick *t = &g_array_index(page->ticks, LayoutTick, i);
		set_rgb(cr, t->major ? pal->axis : pal->tick);
		cairo_set_line_width(cr, t->major ? 2 : 1.2);
		if (horizontal)
			line(cr, t->pos, page->axis[1], t->pos, page->axis[1] + (t->major ? 11 : 6));
		else
			line(cr, page->axis[0] - 8, t->pos, page->axis[0] + 8, t->pos);
		if (t->text == NULL)
			continue;
		/* A patch of background under the text: leader lines pass behind it. */
		set_rgb(cr, pal->bg);
		cairo_rectangle(cr, t->box.x - 2, t->box.y, t->box.w + 4, t->box.h);
		cairo_fill(cr);
		show_text(cr, t->text, t->text_x, t->text_y, t->major ? pal->text : pal->muted);
	}
}

static void
draw_items(cairo_t *cr, const Palette *pal, const LayoutPage *page)
{
	/* Leaders first, under everything. */
	cairo_set_line_width(cr, 1);
	set_rgb(cr, pal->leader);
	for (guint i = 0; i < page->items->len; i++) {
		const LayoutItem *it = &g_array_index(page->items, LayoutItem, i);
		const double *l = it->leader;
		cairo_move_to(cr, l[0], l[1]);
		for (int k = 2; k < 8; k += 2)
			cairo_line_to(cr, l[k], l[k + 1]);
		cairo_stroke(cr);
	}
	draw_axis(cr, pal, page);
	draw_ticks(cr, pal, page);
	/* Bars under dots, each in date order. */
	for (int pass = 0; pass < 2; pass++)
		for (guint i = 0; i < page->items->len; i++) {
			const LayoutItem *it = &g_array_index(page->items, LayoutItem, i);
			if ((it->kind == LAYOUT_MARK_BAR) == (pass == 0))
				draw_mark(cr, pal, it->kind, &it->marker, it->rgb, it->planned, it->vague);
		}
	for (guint i = 0; i < page->breaks->len; i++)
		draw_break(cr, pal, page, &g_array_index(page->breaks, LayoutBreak, i));
	for (guint i = 0; i < page->items->len; i++) {
		const LayoutItem *it = &g_array_index(page->items, LayoutItem, i);
		if (it->rule[1] != it->rule[3] || it->rule[0] != it->rule[2]) {
			cairo_save(cr);
			cairo_set_source_rgb(cr, it->rgb[0], it->rgb[1], it->rgb[2]);
			cairo_set_line_width(cr, 3);
			if (it->planned) {
				const double dash[] = { 4, 3 };
				cairo_set_dash(cr, dash, 2, 0);
			}
			line(cr, it->rule[0], it->rule[1], it->rule[2], it->rule[3]);
			cairo_restore(cr);
		}
		show_text(cr, it->date, it->date_x, it->date_y, pal->text);
		show_text(cr, it->text, it->text_x, it->text_y, pal->text);
	}
}

static void
draw_page(cairo_t *cr, const LayoutPage *page)
{
	const Palette *pal = &palettes[page->theme == FRISE_THEME_DARK ? FRISE_THEME_DARK : FRISE_THEME_LIGHT];
	set_rgb(cr, pal->bg);
	cairo_paint(cr);
	show_text(cr, page->title, page->title_box.x, page->title_box.y, pal->text);
	show_text(cr, page->subtitle, page->subtitle_box.x, page->subtitle_box.y, pal->muted);
	draw_keys(cr, pal, page);
	if (page->items->len > 0)
		draw_items(cr, pal, page);
	if (page->footer != NULL) {
		set_rgb(cr, pal->rule);
		cairo_set_line_width(cr, 1);
		line(cr, page->footer_box.x, page->footer_rule_y, page->width - page->footer_box.x,
		     page->footer_rule_y);
		show_text(cr, page->footer, page->footer_box.x, page->footer_box.y, pal->muted);
	}
}

static cairo_status_t
append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
	g_string_append_len(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* Draws `page` on `surface`, finishes it; false with an error on failure. */
static bool
paint(cairo_surface_t *surface, const LayoutPage *page, double scale, const char *what, GError **error)
{
	cairo_t *cr = cairo_create(surface);
	if (scale != 1)
		cairo_scale(cr, scale, scale);
	draw_page(cr, page);
	cairo_status_t status = cairo_status(cr);
	cairo_destroy(cr);
	if (status == CAIRO_STATUS_SUCCESS) {
		cairo_surface_flush(surface);
		status = cairo_surface_status(surface);
	}
	if (status != CAIRO_STATUS_SUCCESS) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "%s: cairo: %s", what,
			    cairo_status_to_string(status));
		return false;
	}
	return true;
}

/*
 * Cairo names each surface's group "surfaceN" from a counter global to the
 * process, so the second SVG drawn would differ from the first. Renumber
 * those names in order of appearance (ids and references alike).
 */
static void
renumber_surfaces(GString *svg, gsize from)
{
	/* By hand rather than with GRegex: a 10,000-event SVG is 64 MB and
	 * the regex spent 0.3 s on it for a single match; memmem skips the
	 * glyphs in a few ms. Matches what /surface[0-9]+"/ would. */
	static const char key[] = "surface";
	const gsize klen = sizeof key - 1;
	GHashTable *table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GString *fixed = NULL;
	gsize copied = from, at = from;
	for (;;) {
		const char *hit = memmem(svg->str + at, svg->len - at, key, klen);
		if (hit == NULL)
			break;
		gsize start = (gsize)(hit - svg->str), end = start + klen;
		while (end < svg->len && g_ascii_isdigit(svg->str[end]))
			end++;
		if (end == start + klen || end >= svg->len || svg->str[end] != '"') {
			at = start + klen;
			continue;
		}
		char *name = g_strndup(svg->str + start, end - start);
		gpointer n = g_hash_table_lookup(table, name);
		if (n == NULL) {
			n = GUINT_TO_POINTER(g_hash_table_size(table) + 1);
			g_hash_table_insert(table, name, n);
		} else {
			g_free(name);
		}
		char number[32];
		int nlen = g_snprintf(number, sizeof number, "%u", GPOINTER_TO_UINT(n));
		if (fixed == NULL && (gsize)nlen == end - start - klen) {
			/* Same length: in place, no copy of the whole document. */
			memcpy(svg->str + start + klen, number, (size_t)nlen);
			at = copied = end;
			continue;
		}
		if (fixed == NULL) {
			fixed = g_string_sized_new(svg->len - from + 64);
			g_string_append_len(fixed, svg->str + from, (gssize)(copied - from));
		}
		g_string_append_len(fixed, svg->str + copied, (gssize)(start - copied));
		g_string_append(fixed, key);
		g_string_append_len(fixed, number, nlen);
		copied = at = end;
	}
	if (fixed != NULL) {
		g_string_append_len(fixed, svg->str + copied, (gssize)(svg->len - copied));
		g_string_truncate(svg, from);
		g_string_append_len(svg, fixed->str, (gssize)fixed->len);
		g_string_free(fixed, TRUE);
	}
	g_hash_table_unref(table);
}

bool
draw_svg(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error)
{
	LayoutPage *page = layout_compute_max(timeline, opts, LAYOUT_MAX_HEIGHT_SVG, "timeline SVG",
					      "use --top N", error);
	if (page == NULL)
		return false;
	gsize from = out->len;
	/* Room for what a page writes (a drawn event takes about 6 KB: its
	 * glyphs), so the 64 MB of 10,000 events are not copied at each doubling. */
	g_string_set_size(out, from + 16384 + (gsize)page->items->len * 6144);
	g_string_truncate(out, from);
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(append_bytes, out, page->width, page->height);
	cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PX);
	bool ok = paint(s, page, 1, "timeline SVG", error);
	/* The surface has recorded the glyphs: the layouts can go before it
	 * writes them out (a lower peak for big pages). */
	layout_free(page);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	if (ok)
		renumber_surfaces(out, from);
	return ok;
}

bool
draw_pdf(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error)
{
	/* One page; many viewers stop far below this anyway (Acrobat: 14,400 pt). */
	LayoutPage *page = layout_compute_max(timeline, opts, LAYOUT_MAX_HEIGHT, "timeline PDF",
					      "use --format svg (any height) or --top N", error);
	if (page == NULL)
		return false;
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(append_bytes, out, page->width, page->height);
	GDateTime *now = frise_now();
	char *date = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
	g_date_time_unref(now);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "frise " FRISE_VERSION_STRING);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, pango_layout_get_text(page->title));
	g_free(date);
	bool ok = paint(s, page, 1, "timeline PDF", error);
	layout_free(page); /* as in draw_svg() */
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	return ok;
}

bool
draw_png(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error)
{
	double scale = opts && opts->scale > 0 ? opts->scale : 1;
	/* Refused before the layout: cairo's image surfaces stop at 32767 px
	 * a side, and the width is known now (layout_compute_max() draws
	 * under 480 at 480). */
	double css_w = opts && opts->width > 0 ? MAX(opts->width, 480) : 1600;
	if (ceil(css_w * scale) > 32767) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT,
			    "timeline PNG: %.0f px wide at --scale %g is %.0f px, more than 32767 px a side; "
			    "lower --scale or --width, or use --format svg", css_w, scale, ceil(css_w * scale));
		return false;
	}
	/* The height is bounded as the layout goes (layout_compute_max()),
	 * in CSS px: say what that is in the PNG's own pixels. */
	char *what = scale == 1 ? g_strdup("timeline PNG")
				: g_strdup_printf("timeline PNG at --scale %g (32767 px a side: %.0f px before scaling)",
						  scale, floor(32767 / scale));
	LayoutPage *page = layout_compute_max(timeline, opts, floor(32767 / scale), what,
					      "lower --scale, or use --format svg (any height) or --top N", error);
	g_free(what);
	if (page == NULL)
		return false;
	double w = ceil(page->width * scale), h = ceil(page->height * scale);
	if (w > 32767 || h > 32767) { /* cannot be: both were checked */
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL,
			    "timeline PNG: %.0f × %.0f px is more than 32767 px a side", w, h);
		layout_free(page);
		return false;
	}
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)w, (int)h);
	bool ok = paint(s, page, scale, "timeline PNG", error);
	if (ok) {
		cairo_status_t status = cairo_surface_write_to_png_stream(s, append_bytes, out);
		if (status != CAIRO_STATUS_SUCCESS) {
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_OUTPUT, "timeline PNG: %s",
				    cairo_status_to_string(status));
			ok = false;
		}
	}
	cairo_surface_destroy(s);
	layout_free(page);
	return ok;
}
