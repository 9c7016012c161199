/*
 * test_library.c — libfrise as another program uses it: linked against the
 * shared library alone (no private header, no static layer), through what
 * the public headers document: the version, an article read from memory,
 * a text tagged against a DCT, a timeline of several articles built in a
 * ":memory:" store, every format rendered to a buffer, and the sharing
 * the headers promise across threads (one tagger, one timeline). The
 * clock is pinned by SOURCE_DATE_EPOCH (tests/meson.build).
 */
#include <frise/article.h>
#include <frise/pipeline.h>
#include <frise/render.h>
#include <frise/timex.h>

#include <string.h>

/* Two short articles that report one event: a leak on 26 November 2024. */
static const char *const texts[] = {
	"---\ndate: 2024-11-27\n---\nSora a fuité\nDes artistes ont fait fuiter Sora, le générateur vidéo "
	"d'OpenAI, le 26 novembre 2024. OpenAI a suspendu l'accès le lendemain.\n",
	"---\ndate: 2024-11-28\n---\nDes artistes publient Sora\nLe 26 novembre 2024, des artistes ont fait "
	"fuiter Sora. OpenAI présentera une nouvelle version en décembre.\n",
};

static void
test_version(void)
{
	g_assert_cmpstr(frise_version(), ==, FRISE_VERSION_STRING);
	g_assert_cmpstr(frise_version(), ==, FRISE_EXPECTED_VERSION); /* meson's project version */
	char *parts = g_strdup_printf("%d.%d.%d", FRISE_VERSION_MAJOR, FRISE_VERSION_MINOR, FRISE_VERSION_MICRO);
	g_assert_cmpstr(parts, ==, FRISE_VERSION_STRING);
	g_free(parts);
	g_assert_true(FRISE_CHECK_VERSION(FRISE_VERSION_MAJOR, FRISE_VERSION_MINOR, FRISE_VERSION_MICRO));
	g_assert_true(FRISE_CHECK_VERSION(0, 0, 0));
	g_assert_false(FRISE_CHECK_VERSION(FRISE_VERSION_MAJOR + 1, 0, 0));
}

static void
test_read_bytes(void)
{
	GError *error = NULL;
	FriseArticle *a = article_read_bytes("memory/sora.txt", texts[0], strlen(texts[0]), NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(a->title, ==, "Sora a fuité");
	g_assert_cmpstr(a->published, ==, "2024-11-27");
	g_assert_cmpint(a->published_origin, ==, FRISE_ORIGIN_FRONT_MATTER);
	g_assert_cmpint(a->lang, ==, FRISE_LANG_FR);
	g_assert_cmpstr(a->id, ==, "sora.txt");
	article_free(a);

	/* options: a date that overrides the text's, and the error convention */
	FriseReadOptions opts = { .published = "2024-12" };
	a = article_read_bytes("x.txt", texts[0], strlen(texts[0]), &opts, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(a->published, ==, "2024-12");
	article_free(a);
	g_assert_null(article_read_bytes("bad.txt", "ab\xff", 3, NULL, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT);
	g_assert_nonnull(strstr(error->message, "bad.txt"));
	g_assert_nonnull(strstr(error->message, "byte 2"));
	g_clear_error(&error);
}

static void
test_tag(void)
{
	GError *error = NULL;
	FriseTagger *tagger = timex_tagger_new(&error);
	g_assert_no_error(error);
	const char *text = "Le film sortira le 24 mars.";
	FriseTagOptions opts = { .lang = FRISE_LANG_FR, .dct = "2024-02-10" };
	GArray *t = timex_tag(tagger, text, strlen(text), &opts, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(t->len, ==, 1);
	FriseTimex *x = &g_array_index(t, FriseTimex, 0);
	g_assert_cmpstr(x->value, ==, "2024-03-24");
	g_assert_cmpuint(x->start, ==, 16); /* "le 24 mars", end exclusive */
	g_assert_cmpuint(x->end, ==, 26);
	timex_array_free(t);
	/* without a DCT the year stays unknown; a bad DCT is a usage error */
	t = timex_tag(tagger, text, strlen(text), NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(g_array_index(t, FriseTimex, 0).value, ==, "XXXX-03-24");
	timex_array_free(t);
	opts.dct = "mars";
	g_assert_null(timex_tag(tagger, text, strlen(text), &opts, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE);
	g_clear_error(&error);
	timex_tagger_free(tagger);
}

/* The two articles' timeline, built in a store in memory. */
static FriseTimeline *
build(void)
{
	GError *error = NULL;
	GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
		char *path = g_strdup_printf("a%zu.txt", i);
		g_ptr_array_add(articles, article_read_bytes(path, texts[i], strlen(texts[i]), NULL, &error));
		g_assert_no_error(error);
		g_free(path);
	}
	FriseStore *store = store_open(":memory:", &error);
	g_assert_no_error(error);
	FrisePipeline *p = pipeline_new(store, &error);
	g_assert_no_error(error);
	g_assert_true(pipeline_ingest(p, articles, &error));
	g_assert_no_error(error);
	FriseTimeline *tl = pipeline_timeline(p, NULL, &error);
	g_assert_no_error(error);
	pipeline_free(p);
	store_close(store);
	g_ptr_array_unref(articles); /* the timeline keeps copies */
	return tl;
}

static void
test_timeline(void)
{
	FriseTimeline *tl = build();
	g_assert_cmpuint(tl->articles->len, ==, 2);
	const FriseEvent *leak = NULL;
	for (guint i = 0; i < tl->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(tl->events, i);
		if (strcmp(e->value, "2024-11-26") == 0)
			leak = e;
	}
	g_assert_nonnull(leak);
	g_assert_cmpstr(leak->type, ==, "leak");
	g_assert_cmpuint(leak->sources->len, ==, 2); /* merged from both articles */
	g_assert_nonnull(event_timeline_type(tl, "leak"));
	event_timeline_free(tl);

	/* two ":memory:" stores are two databases */
	GError *error = NULL;
	FriseStore *a = store_open(":memory:", &error), *b = store_open(":memory:", &error);
	g_assert_no_error(error);
	FriseTimeline *empty = store_timeline(b, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(empty->events->len, ==, 0);
	event_timeline_free(empty);
	store_close(a);
	store_close(b);
}

/* Every format's bytes, rendered with `opts`. */
static GString *
render(const FriseTimeline *tl, const FriseRenderFormat *f)
{
	GError *error = NULL;
	FriseRenderOptions opts = { .width = 800 };
	GString *out = g_string_new(NULL);
	g_assert_true(f->render(tl, &opts, out, &error));
	g_assert_no_error(error);
	return out;
}

static void
test_render(void)
{
	FriseTimeline *tl = build();
	/* each format's first bytes, and how its text says the leak's day */
	static const struct { const char *format, *starts, *day; } cases[] = {
		{ "ics", "BEGIN:VCALENDAR", "DTSTART;VALUE=DATE:20241126" },
		{ "json", "{", "\"2024-11-26\"" },
		{ "timelinejs", "{", "\"26 novembre 2024\"" },
		{ "html", "<!doctype html>", "\"2024-11-26\"" },
		{ "svg", "<?xml", NULL },
		{ "png", "\x89PNG", NULL },
		{ "pdf", "%PDF", NULL },
	};
	guint n = 0;
	for (const FriseRenderFormat *f = render_formats(); f->name != NULL; f++)
		n++;
	g_assert_cmpuint(n, ==, G_N_ELEMENTS(cases));
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		const FriseRenderFormat *f = render_format_lookup(cases[i].format);
		g_assert_nonnull(f);
		GString *out = render(tl, f);
		g_assert_true(g_str_has_prefix(out->str, cases[i].starts));
		g_assert_true(f->image == (cases[i].day == NULL));
		if (cases[i].day != NULL && strstr(out->str, cases[i].day) == NULL)
			g_error("%s: no %s in\n%s", f->name, cases[i].day, out->str);
		g_string_free(out, TRUE);
	}
	g_assert_null(render_format_lookup("docx"));
	event_timeline_free(tl);
}

/* ---- threads: what the headers say may be shared ---- */

#define THREADS 3

typedef struct {
	const FriseTagger *tagger;
	const FriseTimeline *timeline;
	GString *out[THREADS][8]; /* each thread's bytes of each format */
	char *tagged[THREADS];
} Shared;

static Shared shared;

static gpointer
worker(gpointer data)
{
	guint t = GPOINTER_TO_UINT(data);
	GError *error = NULL;
	const char *text = texts[1];
	FriseTagOptions opts = { .lang = FRISE_LANG_FR, .dct = "2024-11-28" };
	GArray *x = timex_tag(shared.tagger, text, strlen(text), &opts, &error);
	g_assert_no_error(error);
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < x->len; i++)
		g_string_append_printf(s, "%s ", g_array_index(x, FriseTimex, i).value);
	shared.tagged[t] = g_string_free(s, FALSE);
	timex_array_free(x);
	guint k = 0;
	for (const FriseRenderFormat *f = render_formats(); f->name != NULL && k < 8; f++)
		shared.out[t][k++] = render(shared.timeline, f);
	return NULL;
}

static void
test_threads(void)
{
	GError *error = NULL;
	FriseTagger *tagger = timex_tagger_new(&error);
	g_assert_no_error(error);
	FriseTimeline *tl = build();
	shared.tagger = tagger;
	shared.timeline = tl;
	GThread *threads[THREADS];
	for (guint t = 0; t < THREADS; t++)
		threads[t] = g_thread_new("test-library", worker, GUINT_TO_POINTER(t));
	for (guint t = 0; t < THREADS; t++)
		g_thread_join(threads[t]);
	/* the same text, the same bytes, whichever thread */
	g_assert_cmpstr(shared.tagged[0], ==, "2024-11-28 2024-11-26 2024-12 "); /* front matter too */
	for (guint t = 0; t < THREADS; t++) {
		g_assert_cmpstr(shared.tagged[t], ==, shared.tagged[0]);
		for (guint k = 0; k < 8 && shared.out[0][k] != NULL; k++) {
			g_assert_true(g_string_equal(shared.out[t][k], shared.out[0][k]));
			if (t > 0)
				g_string_free(shared.out[t][k], TRUE);
		}
	}
	for (guint k = 0; k < 8 && shared.out[0][k] != NULL; k++)
		g_string_free(shared.out[0][k], TRUE);
	for (guint t = 0; t < THREADS; t++)
		g_free(shared.tagged[t]);
	event_timeline_free(tl);
	timex_tagger_free(tagger);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/library/version", test_version);
	g_test_add_func("/library/read-bytes", test_read_bytes);
	g_test_add_func("/library/tag", test_tag);
	g_test_add_func("/library/timeline", test_timeline);
	g_test_add_func("/library/render", test_render);
	g_test_add_func("/library/threads", test_threads);
	return g_test_run();
}
