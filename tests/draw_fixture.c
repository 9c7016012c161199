/*
 * draw_fixture.c — renders a built-in timeline (draw_timelines.h) to a
 * file, for tests/cli_draw.py, which checks the files with xmllint,
 * rsvg-convert and pdftoppm. Usage:
 *   draw-fixture seeds|crowded|crowded:N|many:N|decades|one|rtl svg|png|pdf FILE [width=PX] [scale=N]
 *                [layout=horizontal|vertical] [theme=dark] [lang=fr|en] [events=N]
 * Every event is drawn unless events=N (0: the renderers' default).
 */
#include "frise/render.h"
#include "draw_timelines.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FriseTimeline *
timeline_named(const char *name)
{
	if (strcmp(name, "seeds") == 0)
		return fixture_seeds();
	if (strcmp(name, "crowded") == 0)
		return fixture_crowded(200);
	if (g_str_has_prefix(name, "crowded:")) /* crowded:N, N events */
		return fixture_crowded((guint)CLAMP(atoi(name + 8), 1, 5000));
	if (g_str_has_prefix(name, "many:")) /* many:N, N events over years (speed: many:10000) */
		return fixture_many((guint)CLAMP(atoi(name + 5), 1, 1000000));
	if (strcmp(name, "decades") == 0)
		return fixture_decades();
	if (strcmp(name, "one") == 0)
		return fixture_one("2024-02-15", "OpenAI dévoile Sora", FRISE_LANG_FR);
	if (strcmp(name, "rtl") == 0)
		return fixture_one("2024-02-15", "أوبن إيه آي تكشف عن سورا، مولد الفيديو", FRISE_LANG_EN);
	return NULL;
}

int
main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: draw-fixture TIMELINE FORMAT FILE [key=value…]\n");
		return 2;
	}
	FriseTimeline *t = timeline_named(argv[1]);
	const FriseRenderFormat *format = render_format_lookup(argv[2]);
	if (t == NULL || format == NULL) {
		fprintf(stderr, "draw-fixture: unknown timeline or format\n");
		event_timeline_free(t);
		return 2;
	}
	FriseRenderOptions opts = { .events = SIZE_MAX };
	for (int i = 4; i < argc; i++) {
		const char *v = strchr(argv[i], '=');
		v = v ? v + 1 : "";
		if (g_str_has_prefix(argv[i], "width="))
			opts.width = atoi(v);
		else if (g_str_has_prefix(argv[i], "scale="))
			opts.scale = g_ascii_strtod(v, NULL);
		else if (g_str_has_prefix(argv[i], "layout="))
			opts.layout = strcmp(v, "vertical") == 0 ? FRISE_LAYOUT_VERTICAL : FRISE_LAYOUT_HORIZONTAL;
		else if (g_str_has_prefix(argv[i], "theme="))
			opts.theme = strcmp(v, "dark") == 0 ? FRISE_THEME_DARK : FRISE_THEME_LIGHT;
		else if (g_str_has_prefix(argv[i], "lang="))
			opts.lang = frise_lang_parse(v);
		else if (g_str_has_prefix(argv[i], "events="))
			opts.events = (size_t)g_ascii_strtoull(v, NULL, 10);
	}
	GString *out = g_string_new(NULL);
	GError *error = NULL;
	int code = 0;
	if (!format->render(t, &opts, out, &error) || !frise_write_file(argv[3], out->str, out->len, &error)) {
		fprintf(stderr, "draw-fixture: %s\n", error->message);
		g_error_free(error);
		code = 1;
	}
	g_string_free(out, TRUE);
	event_timeline_free(t);
	return code;
}
