/*
 * cli_render.c — `frise render`: the store's timeline in one format.
 */
#include "cli.h"
#include "frise/pipeline.h"
#include "frise/store.h"

#include <stdio.h>
#include <stdint.h>
#include <string.h>

bool
cli_write_format(const FriseRenderFormat *format, const FriseTimeline *timeline,
		 const FriseRenderOptions *opts, const char *path, GError **error)
{
	GString *out = g_string_new(NULL);
	bool ok = format->render(timeline, opts, out, error) &&
		  frise_write_file(path, out->str, out->len, error);
	g_string_free(out, TRUE);
	return ok;
}

int
cli_render(int argc, char **argv)
{
	char *store_path = NULL, *format_name = NULL, *output = NULL, *title = NULL;
	char *lang = NULL, *layout = NULL, *theme = NULL;
	char *width_arg = NULL, *scale_arg = NULL;
	int top = 0;
	const GOptionEntry entries[] = {
		{ "store", 's', 0, G_OPTION_ARG_FILENAME, &store_path, "Event store: a file (default frise.db) or a PostgreSQL URL (below)", "STORE" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
		  "ics, json, timelinejs, html, svg, png or pdf (default json)", "FORMAT" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (default: stdout)", "FILE" },
		{ "top", 0, 0, G_OPTION_ARG_INT, &top, "Keep the N most salient events", "N" },
		{ "title", 0, 0, G_OPTION_ARG_STRING, &title, "Title of the timeline", "TEXT" },
		{ "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of labels and dates: fr or en", "LANG" },
		{ "width", 0, 0, G_OPTION_ARG_STRING, &width_arg,
		  "Image width in pixels, 480 to 100000 (default 1600)", "PX" },
		{ "scale", 0, 0, G_OPTION_ARG_STRING, &scale_arg, "PNG pixel density, 0.25 to 16 (default 1)", "N" },
		{ "layout", 0, 0, G_OPTION_ARG_STRING, &layout, "horizontal or vertical (default: by size)", "LAYOUT" },
		{ "theme", 0, 0, G_OPTION_ARG_STRING, &theme, "light or dark", "THEME" },
		G_OPTION_ENTRY_NULL
	};
	int code = 0;
	if (!cli_parse("render", NULL, "Renders the timeline held by the event store.", entries, &argc, &argv)) {
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	GError *error = NULL;
	const FriseRenderFormat *format = render_format_lookup(format_name ? format_name : "json");
	long width = 0;
	double scale = 0;
	if ((width_arg != NULL && !cli_parse_int("width", width_arg, 480, 100000, &width)) ||
	    (scale_arg != NULL && !cli_parse_double("scale", scale_arg, 0.25, 16, &scale))) {
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	FriseRenderOptions opts = { .title = title, .width = (int)width, .scale = scale };
	if (format == NULL) {
		fprintf(stderr, "frise render: unknown format '%s'\n", cli_show(format_name));
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (argc > 1) {
		fprintf(stderr, "frise render: unexpected argument '%s'\n", cli_show(argv[1]));
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (lang != NULL && (opts.lang = frise_lang_parse(lang)) == FRISE_LANG_UNKNOWN) {
		fprintf(stderr, "frise render: --lang must be fr or en, not '%s'\n", cli_show(lang));
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (layout != NULL) {
		if (strcmp(layout, "horizontal") == 0)
			opts.layout = FRISE_LAYOUT_HORIZONTAL;
		else if (strcmp(layout, "vertical") == 0)
			opts.layout = FRISE_LAYOUT_VERTICAL;
		else if (strcmp(layout, "auto") != 0) {
			fprintf(stderr, "frise render: --layout must be horizontal, vertical or auto\n");
			code = FRISE_ERROR_USAGE;
			goto out;
		}
	}
	if (theme != NULL) {
		if (strcmp(theme, "dark") == 0)
			opts.theme = FRISE_THEME_DARK;
		else if (strcmp(theme, "light") != 0) {
			fprintf(stderr, "frise render: --theme must be light or dark\n");
			code = FRISE_ERROR_USAGE;
			goto out;
		}
	}
	if (top < 0) {
		fprintf(stderr, "frise render: --top must be positive\n");
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	FrisePipeline *pipeline = NULL;
	FriseStore *store = cli_open_store("render", store_path ? store_path : "frise.db", CLI_STORE_READ, NULL, &pipeline, &code);
	if (store == NULL)
		goto out;
	FriseTimelineQuery query = { .top = (size_t)top };
	/* an image draws what a page holds unless --top says how many */
	opts.events = top > 0 ? SIZE_MAX : 0;
	FriseTimeline *timeline = pipeline_timeline(pipeline, &query, &error);
	pipeline_free(pipeline);
	store_close(store);
	if (timeline == NULL) {
		code = cli_fail(error);
		goto out;
	}
	if (!cli_write_format(format, timeline, &opts, output ? output : "-", &error))
		code = cli_fail(error);
	event_timeline_free(timeline);
out:
	g_free(store_path);
	g_free(format_name);
	g_free(output);
	g_free(title);
	g_free(lang);
	g_free(layout);
	g_free(theme);
	g_free(width_arg);
	g_free(scale_arg);
	return code;
}
