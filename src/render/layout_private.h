/*
 * layout_private.h — what the two files of the image layout share (prefix
 * layout_): layout.c picks the events, measures text, lays out the header,
 * the footer and the vertical layout and chooses between the two;
 * layout_horizontal.c lays out the horizontal one. Nothing here leaves
 * src/render/.
 *
 * Units are CSS pixels; days are Julian day numbers (GDate), spans
 * end-exclusive, as in layout.c.
 */
#ifndef FRISE_RENDER_LAYOUT_PRIVATE_H
#define FRISE_RENDER_LAYOUT_PRIVATE_H

#include "frise/layout.h"

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

/* What the layout needs of one drawable event. */
typedef struct {
	const FriseEvent *event;
	int d0, d1;          /* Julian days, end exclusive */
	double a0, a1;       /* the marker along the time line, in fractional days */
	LayoutMarkKind kind;
	bool planned, vague;
	char *date;          /* as written for a reader, with "≈" for approximate ones */
	guint index;         /* in timeline->events */
} LayoutDated;

/* A new layout of `text` (Pango markup when `markup`), wrapped at `width`
 * px (0: no wrapping), at most `lines` lines per paragraph (0: no limit).
 * The caller owns it (g_object_unref). */
PangoLayout *layout_text_new(PangoContext *ctx, const char *text, bool markup, double size, bool bold,
			     double width, int lines, PangoAlignment align);

/* The logical extents of `l` drawn at (x, y). */
LayoutBox layout_text_box(PangoLayout *l, double x, double y);

/* "#rrggbb" into rgb[0..2] in [0, 1]; grey when `s` is NULL or not that. */
void layout_parse_colour(const char *s, double rgb[3]);

/* The label's Pango markup: bold date (when `with_date`), faded status
 * tag, headline. A new string: g_free() it. */
char *layout_label_markup(const LayoutDated *d, FriseLang lang, bool with_date);

/* The year and month (1-12) of Julian day `julian`. */
void layout_month_of(int julian, int *year, int *month);

/* The Julian day of the 1st of `month` of `year` (clamped to 1..9999). */
int layout_julian_of(int year, int month);

/* The sources' footer at `y`; returns the y below it (layout.c). */
double layout_footer(LayoutPage *p, PangoContext *ctx, const FriseTimeline *t, double y);

/*
 * The horizontal layout of `dated` (date order) under `top`
 * (layout_horizontal.c). Returns false, with p->height a lower bound of
 * the page's height, when that bound is over `max_height` already.
 */
bool layout_horizontal(LayoutPage *p, PangoContext *ctx, const FriseTimeline *t, GArray *dated, double top,
		       double max_height);

#endif
