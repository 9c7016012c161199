/*
 * timeline.c — libfrise's example program: reads news articles into
 * memory, builds their timeline and writes it to stdout, as frise's JSON
 * (templates/timeline.schema.json) or in another format.
 *
 *   cc timeline.c $(pkg-config --cflags --libs frise) -o timeline
 *   ./timeline one.txt another.md > timeline.json
 *   ./timeline -f ics one.txt another.md > timeline.ics
 *
 * Formats: ics, json, timelinejs, html, svg, png, pdf (render.h). Prints
 * "timeline: N events from M articles (libfrise VERSION)" on stderr.
 * Exit status: 0, or the FriseError code of the failure (2: usage).
 */
#include <frise/article.h>
#include <frise/pipeline.h>
#include <frise/render.h>

#include <stdio.h>
#include <string.h>

/* Reads each file into memory and makes an article of its bytes (a
 * program that has the text already calls article_read_bytes() alone).
 * Returns a new array of FriseArticle*, or NULL with `error` set. */
static GPtrArray *
read_articles(char **paths, int n, GError **error)
{
	GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	for (int i = 0; i < n; i++) {
		char *data;
		gsize len;
		if (!g_file_get_contents(paths[i], &data, &len, error)) {
			g_ptr_array_unref(articles);
			return NULL;
		}
		/* the path names the article in messages and may carry its date */
		FriseArticle *a = article_read_bytes(paths[i], data, len, NULL, error);
		g_free(data); /* the article keeps its own copy */
		if (a == NULL) {
			g_ptr_array_unref(articles);
			return NULL;
		}
		g_ptr_array_add(articles, a);
	}
	return articles;
}

/* The timeline of `articles`, built in a store that lives in memory.
 * Returns a new timeline (event_timeline_free), or NULL with `error`. */
static FriseTimeline *
build_timeline(GPtrArray *articles, GError **error)
{
	FriseStore *store = store_open(":memory:", error);
	if (store == NULL)
		return NULL;
	FriseTimeline *timeline = NULL;
	FrisePipeline *pipeline = pipeline_new(store, error); /* borrows the store */
	if (pipeline != NULL && pipeline_ingest(pipeline, articles, error))
		timeline = pipeline_timeline(pipeline, NULL, error); /* NULL: every event */
	if (pipeline != NULL)
		pipeline_free(pipeline);
	store_close(store); /* the timeline owns its copy of everything */
	return timeline;
}

int
main(int argc, char **argv)
{
	const char *name = "json";
	int first = 1;
	if (argc > 2 && strcmp(argv[1], "-f") == 0) {
		name = argv[2];
		first = 3;
	}
	const FriseRenderFormat *format = render_format_lookup(name);
	if (format == NULL || first >= argc) {
		fprintf(stderr, "usage: timeline [-f ics|json|timelinejs|html|svg|png|pdf] ARTICLE…\n");
		return FRISE_ERROR_USAGE;
	}

	GError *error = NULL;
	FriseTimeline *timeline = NULL;
	GString *out = g_string_new(NULL);
	GPtrArray *articles = read_articles(argv + first, argc - first, &error);
	if (articles != NULL)
		timeline = build_timeline(articles, &error);
	/* NULL options: the timeline's own title and language, 1600 px images */
	if (timeline != NULL && format->render(timeline, NULL, out, &error)) {
		fwrite(out->str, 1, out->len, stdout); /* binary formats may hold NUL bytes */
		fprintf(stderr, "timeline: %u events from %u articles (libfrise %s)\n", timeline->events->len,
			articles->len, frise_version());
	}

	int code = 0;
	if (error != NULL) {
		fprintf(stderr, "timeline: %s\n", error->message);
		/* errors of libfrise carry a FriseError; GLib's (a missing file) do not */
		code = error->domain == FRISE_ERROR_DOMAIN ? error->code : FRISE_ERROR_INPUT;
		g_error_free(error);
	}
	g_string_free(out, TRUE);
	if (timeline != NULL)
		event_timeline_free(timeline);
	if (articles != NULL)
		g_ptr_array_unref(articles);
	return code;
}
