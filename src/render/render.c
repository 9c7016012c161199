/*
 * render.c — the table of output formats (prefix render_). Adding a format
 * means one renderer function (render.h) and one row here.
 */
#include "frise/render.h"

#include <string.h>

/* Rows with a `file` are what `frise build` writes into its output folder,
 * in this order: index.html right after timeline.json, whose text it
 * reuses (so that the text is freed before the next format). */
static const FriseRenderFormat formats[] = {
	{ "ics", "timeline.ics", ics_render, false },
	{ "json", "timeline.json", json_render, false },
	{ "html", "index.html", html_render, false },
	{ "timelinejs", "timelinejs.json", json_render_timelinejs, false },
	{ "svg", "timeline.svg", draw_svg, true },
	{ "png", "timeline.png", draw_png, true },
	{ "pdf", NULL, draw_pdf, true },
	{ NULL, NULL, NULL, false }
};

const FriseRenderFormat *
render_formats(void)
{
	return formats;
}

const FriseRenderFormat *
render_format_lookup(const char *name)
{
	for (const FriseRenderFormat *f = formats; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}
