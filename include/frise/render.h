/*
 * render.h — the renderers: a FriseTimeline in, the bytes of one output
 * format out. Each renderer appends to a GString (binary formats too: a
 * GString may hold NUL bytes) and never touches files; the caller writes
 * them with frise_write_file(). Escaping is done by the library that owns
 * each format (libical, cJSON, g_markup_escape_text, Pango markup).
 *
 * Prefixes: render_ (this table), ics_, json_, html_, draw_.
 *
 * Every format into memory, through the table (`timeline` from
 * pipeline_timeline(), or one built with event_timeline_new()):
 *
 *     for (const FriseRenderFormat *f = render_formats(); f->name != NULL; f++) {
 *             GString *out = g_string_new(NULL);
 *             if (f->render(timeline, NULL, out, &error))   // NULL: default options
 *                     use(f->name, out->str, out->len);    // png, pdf: binary
 *             else
 *                     g_clear_error(&error);
 *             g_string_free(out, TRUE);
 *     }
 *
 * or one format by its function: json_render(timeline, &opts, out, &error).
 * `opts` may be NULL everywhere: the timeline's own title and language,
 * 1600 px images at scale 1, the layout chosen by size, the light theme.
 *
 * Ownership: a renderer appends to `out`, which the caller owns, and keeps
 * nothing of the timeline or the options. On failure `out` may hold part of
 * the output: discard it. The table and its strings are static storage.
 * Threads: the renderers only read the timeline and the options: several
 * threads may render one timeline at once, in any formats (`frise build`
 * writes the calendar and the images on a second thread;
 * tests/test_library.c renders every format on three).
 */
#ifndef FRISE_RENDER_H
#define FRISE_RENDER_H

#include "frise/event.h"

G_BEGIN_DECLS

typedef enum { FRISE_LAYOUT_AUTO = 0, FRISE_LAYOUT_HORIZONTAL, FRISE_LAYOUT_VERTICAL } FriseLayout;
typedef enum { FRISE_THEME_LIGHT = 0, FRISE_THEME_DARK } FriseTheme;

typedef struct {
	const char *title;   /* overrides timeline->title; NULL keeps it */
	FriseLang lang;      /* labels and dates; UNKNOWN: the timeline's language */
	int width;           /* images: pixels (CSS px for SVG/PDF points); 0 = 1600 */
	double scale;        /* images: PNG pixel density; 0 = 1 */
	FriseLayout layout;
	FriseTheme theme;
	size_t events;       /* images: draw at most this many events, chosen by rank and
				spread over the story's span; 0 = RENDER_IMAGE_EVENTS (what a
				readable page holds), SIZE_MAX = all */
} FriseRenderOptions;

/* The events an image draws by default: a page a reader takes in. */
#define RENDER_IMAGE_EVENTS 24

typedef bool (*FriseRenderFunc)(const FriseTimeline *timeline, const FriseRenderOptions *opts,
				GString *out, GError **error);

typedef struct {
	const char *name;       /* --format name: "ics" */
	const char *file;       /* file name in `frise build`'s output folder, or NULL */
	FriseRenderFunc render;
	bool image;             /* a picture (svg, png, pdf): drawn from the most salient
				   events only, and takes --width, --scale, --layout, --theme */
} FriseRenderFormat;

/* The format called `name`, or NULL. */
const FriseRenderFormat *render_format_lookup(const char *name);
/* All formats, ending with a zeroed entry. */
const FriseRenderFormat *render_formats(void);

bool ics_render(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error);
bool json_render(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error);
bool json_render_timelinejs(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error);
bool html_render(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error);
/* As html_render, with `json` (json_len bytes) the text json_render() gave
 * for the same timeline and options (`frise build` renders it once for
 * timeline.json and index.html); `json` stays the caller's. */
bool html_render_json(const FriseTimeline *timeline, const FriseRenderOptions *opts, const char *json,
		      size_t json_len, GString *out, GError **error);
bool draw_svg(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error);
bool draw_png(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error);
bool draw_pdf(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error);

G_END_DECLS

#endif
