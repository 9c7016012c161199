/*
 * layout.h — where every piece of a timeline image goes (prefix layout_),
 * computed apart from the drawing (draw.c) so that tests can check it:
 * labels never overlap, everything lies inside the canvas, markers follow
 * date order along the axis.
 *
 * Units: CSS pixels (= SVG px = PDF points = PNG pixels at scale 1), origin
 * at the top left, y grows downwards. A box {x, y, w, h} covers
 * [x, x + w) × [y, y + h): end-exclusive, so the boxes {0, 0, 10, 10} and
 * {10, 0, 10, 10} touch but do not intersect.
 *
 * Ownership: layout_compute() returns a LayoutPage the caller frees with
 * layout_free(); every PangoLayout in it is owned by the page. Events are
 * borrowed from the timeline, which must outlive the page.
 * Threads: layout_compute() may run on several threads at once (each page
 * has its own Pango context; Pango's font map is per thread); a page, and
 * its PangoLayouts, is used by one thread at a time. A program that uses
 * the layouts themselves links pangocairo too (frise.pc lists it in
 * Requires.private, so `pkg-config --cflags frise` has its headers).
 */
#ifndef FRISE_LAYOUT_H
#define FRISE_LAYOUT_H

#include "frise/render.h"

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct {
	double x, y, w, h;
} LayoutBox;

/* True when the two boxes share a point (touching edges do not). */
bool layout_box_intersects(const LayoutBox *a, const LayoutBox *b);
/* True when every point of `inner` lies within `outer`. */
bool layout_box_inside(const LayoutBox *inner, const LayoutBox *outer);

typedef enum {
	LAYOUT_MARK_POINT = 0, /* a day (or finer): a dot */
	LAYOUT_MARK_BAR        /* a week, month, quarter, year…: a bar over the period */
} LayoutMarkKind;

/* One event as drawn. */
typedef struct {
	const FriseEvent *event;  /* borrowed from the timeline */
	double rgb[3];            /* the type's colour, 0..1 */
	LayoutMarkKind kind;
	bool planned;             /* planned or unconfirmed: hollow, dashed */
	bool vague;               /* approximate or bounded date: hatched, faded */
	/* The event's span on the axis: x in the horizontal layout, y in the
	 * vertical one; t0 <= t1, and t0 grows (weakly) with date order. */
	double t0, t1;
	LayoutBox marker;         /* the dot or the bar */
	LayoutBox label;          /* everything of the label: rule, date and headline */
	PangoLayout *text;        /* owned: horizontal: date + headline; vertical: headline */
	double text_x, text_y;    /* where `text` is drawn (its top left) */
	PangoLayout *date;        /* owned: vertical layout only (else NULL): the date column */
	double date_x, date_y;
	LayoutBox date_box;       /* vertical layout only */
	/* The thin leader from the marker to the label: four points (x, y),
	 * marker first; in the horizontal layout it leaves the marker
	 * straight, may slant near the axis, then runs straight along the
	 * label's stem at x = leader[6]. */
	double leader[8];
	double rule[4];           /* coloured rule along the label's edge; may be empty */
	int lane;                 /* horizontal: 1, 2, … above the axis, -1, -2, … below;
				   * vertical: the row, from 0 */
} LayoutItem;

/* A tick on the axis: a month or a year. */
typedef struct {
	double pos;               /* x (horizontal) or y (vertical) */
	bool major;               /* a year boundary (or a cluster's first tick) */
	PangoLayout *text;        /* owned, or NULL for an unlabelled tick */
	double text_x, text_y;
	LayoutBox box;            /* of the text; zero-sized when text is NULL */
} LayoutTick;

/* A compressed stretch of the axis with no event: drawn as a break. */
typedef struct {
	double pos0, pos1;        /* along the axis, pos0 < pos1 */
	int days;                 /* how many days it hides */
} LayoutBreak;

/* A legend entry. */
typedef enum {
	LAYOUT_KEY_TYPE = 0,      /* a type's colour */
	LAYOUT_KEY_PLANNED,
	LAYOUT_KEY_VAGUE,
	LAYOUT_KEY_PERIOD
} LayoutKeyKind;

typedef struct {
	LayoutKeyKind kind;
	double rgb[3];
	LayoutBox swatch;
	PangoLayout *text;        /* owned */
	double text_x, text_y;
	LayoutBox box;            /* swatch + text */
} LayoutKey;

typedef struct {
	FriseLayout kind;         /* HORIZONTAL or VERTICAL, never AUTO */
	FriseTheme theme;
	FriseLang lang;
	double width, height;     /* the canvas */
	PangoLayout *title, *subtitle, *footer; /* owned; footer may be NULL */
	LayoutBox title_box, subtitle_box, footer_box;
	double footer_rule_y;     /* a separator above the footer */
	double axis[4];           /* x0, y0, x1, y1 of the axis line; all 0 without events */
	GArray *items;            /* LayoutItem, in the timeline's (date) order */
	GArray *ticks;            /* LayoutTick, along the axis */
	GArray *breaks;           /* LayoutBreak */
	GArray *keys;             /* LayoutKey */
	int lanes_above, lanes_below; /* horizontal layout */
	guint skipped;            /* events without an anchored date, not drawn */
	guint left_out;           /* dated events beyond FriseRenderOptions.events, not drawn */
	guint crossings;          /* horizontal: labels with no clear path for their leader,
				   * which then crosses others (only when HORIZONTAL is forced
				   * on more than fits; AUTO goes vertical instead) */
	guint64 steps;            /* horizontal: the searches made to place the labels (a
				   * candidate stem, a lane tried; each O(log n)): at most
				   * LAYOUT_LANE_BUDGET per label, so the layout is O(n log n) */
} LayoutPage;

/* The searches one label of the horizontal layout may make (see steps):
 * past it, the best place found so far, or a lane of its own. */
#define LAYOUT_LANE_BUDGET 4096

/*
 * Lays out `timeline` for an image `opts->width` pixels wide (0: 1600;
 * below 480, 480: a label needs that much),
 * choosing the vertical layout when `opts->layout` is AUTO and the
 * horizontal one would need too many lanes. Never fails on odd input
 * (no events, undated events, huge counts); fails with FRISE_ERROR_LIMIT
 * when the canvas would be taller than `max_height` px, with a message
 * naming `what` ("timeline SVG") and `advice` (what the user may do).
 * The limits differ by format: LAYOUT_MAX_HEIGHT_SVG for SVG (a bound
 * against runaway sizes only: browsers scroll any height),
 * LAYOUT_MAX_HEIGHT for PDF (one page; viewers differ on how tall a page
 * may be), and for PNG cairo's 32767 px a side over the scale.
 * layout_compute() is layout_compute_max() with LAYOUT_MAX_HEIGHT.
 */
#define LAYOUT_MAX_HEIGHT 200000.0
#define LAYOUT_MAX_HEIGHT_SVG 5000000.0
LayoutPage *layout_compute_max(const FriseTimeline *timeline, const FriseRenderOptions *opts, double max_height,
			       const char *what, const char *advice, GError **error);
LayoutPage *layout_compute(const FriseTimeline *timeline, const FriseRenderOptions *opts, GError **error);
void layout_free(LayoutPage *page);

/* The font families of every text of the image (fonts-noto-core, then
 * fonts-dejavu-core for what Noto Sans lacks, such as "≈"). */
#define LAYOUT_FONT "Noto Sans, DejaVu Sans"

G_END_DECLS

#endif
