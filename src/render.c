/*
 * render.c — the table of output formats (prefix render_). Adding a format
 * means one renderer function (render.h) and one row here.
 */
#include "frise/render.h"

#include <string.h>

/* Rows with a `file` are what `frise build` writes into its output folder. */
static const FriseRenderFormat formats[] = {
	{ "ics", "timeline.ics", ics_render },
	{ "json", "timeline.json", json_render },
	{ "timelinejs", "timelinejs.json", json_render_timelinejs },
	{ "html", "index.html", html_render },
	{ "svg", "timeline.svg", draw_svg },
	{ "png", "timeline.png", draw_png },
	{ "pdf", NULL, draw_pdf },
	{ NULL, NULL, NULL }
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
