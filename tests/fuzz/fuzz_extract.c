/*
 * fuzz_extract.c — libFuzzer target: arbitrary bytes through the whole
 * pipeline up to the events: article reader (lossy, so any bytes pass) →
 * tagger → event extraction and merge, in an in-memory store, then the
 * timeline. Checks each event has a value, a title and sources whose
 * spans lie inside the article's raw bytes.
 */
#include "frise/pipeline.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FriseTagger *tagger;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (tagger == NULL && (tagger = timex_tagger_new(NULL)) == NULL)
		return 0;
	FriseReadOptions opts = { .flags = FRISE_READ_LOSSY,
				  .lang = size % 3 == 0 ? FRISE_LANG_EN : FRISE_LANG_UNKNOWN };
	FriseArticle *a = article_read_bytes("fuzz/2024-03-01/input.txt", (const char *)data, size, &opts, NULL);
	if (a == NULL)
		return 0;
	size_t raw_len = a->raw_len;
	GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	g_ptr_array_add(articles, a);
	FriseStore *s = store_open(":memory:", NULL);
	g_assert_nonnull(s);
	GError *error = NULL;
	FrisePipeline *p = pipeline_new_with(s, tagger, &error);
	g_assert_no_error(error);
	pipeline_ingest(p, articles, &error);
	g_assert_no_error(error);
	FriseTimelineQuery q = { .top = size % 2 ? 3 : 0, .with_hidden = true };
	FriseTimeline *tl = pipeline_timeline(p, &q, &error);
	g_assert_nonnull(tl);
	for (guint i = 0; i < tl->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(tl->events, i);
		g_assert_nonnull(e->value);
		g_assert_nonnull(e->title);
		g_assert_true(g_utf8_validate(e->title, -1, NULL));
		g_assert_cmpuint(e->sources->len, >, 0);
		for (guint k = 0; k < e->sources->len; k++) {
			const FriseSource *src = g_ptr_array_index(e->sources, k);
			g_assert_cmpuint(src->start, <=, src->end);
			g_assert_cmpuint(src->end, <=, raw_len);
		}
	}
	event_timeline_free(tl);
	pipeline_free(p);
	store_close(s);
	g_ptr_array_unref(articles);
	return 0;
}
