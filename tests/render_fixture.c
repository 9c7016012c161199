/*
 * render_fixture.c — writes the fixture timeline (fixture_timeline.h) in
 * every format `frise build` writes, into a folder, for the Python and
 * browser tests:  render-fixture DIR [--edited] [--lang fr|en]
 * The file names come from the format table (render_formats()).
 */
#include "fixture_timeline.h"
#include "frise/render.h"

#include <stdio.h>
#include <string.h>

int
main(int argc, char **argv)
{
	const char *dir = NULL;
	bool edited = false;
	FriseRenderOptions opts = { 0 };
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--edited") == 0)
			edited = true;
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			opts.lang = frise_lang_parse(argv[++i]);
		else
			dir = argv[i];
	}
	if (dir == NULL) {
		fprintf(stderr, "usage: render-fixture DIR [--edited] [--lang fr|en]\n");
		return 2;
	}
	FriseTimeline *t = fixture_timeline(edited);
	int code = 0;
	for (const FriseRenderFormat *f = render_formats(); f->name != NULL; f++) {
		if (f->file == NULL || !(strcmp(f->name, "ics") == 0 || strcmp(f->name, "json") == 0 ||
					 strcmp(f->name, "timelinejs") == 0 || strcmp(f->name, "html") == 0))
			continue;
		GString *out = g_string_new(NULL);
		GError *error = NULL;
		char *path = g_build_filename(dir, f->file, NULL);
		if (!f->render(t, &opts, out, &error) || !frise_write_file(path, out->str, out->len, &error)) {
			fprintf(stderr, "render-fixture: %s: %s\n", f->name, error->message);
			g_error_free(error);
			code = 1;
		}
		g_free(path);
		g_string_free(out, TRUE);
	}
	event_timeline_free(t);
	return code;
}
