/*
 * morph_bench.c — the lexicon's speed, and a way to look words up
 * (src/core/morph.h). Not a test: nothing here is timed by the suite.
 *
 *   build/bench/morph-bench fr articles/0*.txt     speed on these texts
 *   build/bench/morph-bench --describe fr aura a-t-il
 *
 * Speed: the time of the first load, then every word of the files
 * analysed three times: cold (each distinct word's first analysis, the
 * dictionary asked), warm (every word again, from the cache), and warm on
 * two threads at once. Times are wall-clock, in the order printed.
 */
#include "core/morph.h"

#include <stdio.h>
#include <string.h>

typedef struct {
	FriseLang lang;
	GPtrArray *words; /* char *, every word of the files in order */
	guint from, to;
} Job;

static gpointer
warm_run(gpointer p)
{
	Job *j = p;
	MorphWord w;
	for (guint i = j->from; i < j->to; i++)
		morph_analyze(j->lang, j->words->pdata[i], -1, &w);
	return NULL;
}

static int
describe(FriseLang lang, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		gsize n;
		MorphToken *t = morph_scan(lang, argv[i], strlen(argv[i]), &n);
		for (gsize k = 0; k < n; k++) {
			char *d = morph_word_describe(&t[k].word);
			printf("%.*s\t[%zu,%zu)\t%s%s%s%s\n", (int)(t[k].span.end - t[k].span.start),
			       argv[i] + t[k].span.start, t[k].span.start, t[k].span.end, *d ? d : "(unknown)",
			       t[k].word.flags & MORPH_W_ELIDED ? "  [elided]" : "",
			       t[k].word.flags & MORPH_W_INVERTED ? "  [inverted]" : "",
			       t[k].word.flags & MORPH_W_PARTIAL ? "  [partial]" : "");
			g_free(d);
		}
		g_free(t);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	bool desc = argc > 1 && strcmp(argv[1], "--describe") == 0;
	if (desc) {
		argc--;
		argv++;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: morph-bench [--describe] fr|en FILE…|WORD…\n");
		return 2;
	}
	FriseLang lang = frise_lang_parse(argv[1]);
	gint64 t0 = g_get_monotonic_time();
	GError *error = NULL;
	if (!morph_load(lang, &error)) {
		fprintf(stderr, "morph-bench: %s\n", error->message);
		return 1;
	}
	gint64 t1 = g_get_monotonic_time();
	if (desc)
		return describe(lang, argc - 2, argv + 2);
	printf("load %s: %.1f ms\n", argv[1], (t1 - t0) / 1000.0);

	GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
	GHashTable *distinct = g_hash_table_new(g_str_hash, g_str_equal);
	gsize bytes = 0;
	for (int i = 2; i < argc; i++) {
		char *text;
		gsize len;
		if (!g_file_get_contents(argv[i], &text, &len, &error)) {
			fprintf(stderr, "morph-bench: %s\n", error->message);
			return 1;
		}
		bytes += len;
		gsize pos = 0;
		FriseSpan s;
		while (morph_next_word(text, len, &pos, &s)) {
			char *w = g_strndup(text + s.start, s.end - s.start);
			g_ptr_array_add(words, w);
			g_hash_table_add(distinct, w);
		}
		g_free(text);
	}
	guint n = words->len, nd = g_hash_table_size(distinct);
	printf("%u words (%u distinct) in %.1f MB\n", n, nd, bytes / 1e6);

	/* cold: each distinct word once, in first-seen order */
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	guint known = 0, truncated = 0, max_n = 0;
	MorphWord w;
	gint64 c0 = g_get_monotonic_time();
	for (guint i = 0; i < n; i++) {
		if (!g_hash_table_add(seen, words->pdata[i]))
			continue;
		known += morph_analyze(lang, words->pdata[i], -1, &w);
		truncated += (w.flags & MORPH_W_TRUNCATED) != 0;
		max_n = MAX(max_n, w.n);
	}
	gint64 c1 = g_get_monotonic_time();
	printf("cold: %u distinct words in %.1f ms: %.0f analyses/s, %.2f us each (%u known, most analyses %u, %u truncated)\n",
	       nd, (c1 - c0) / 1000.0, nd / ((c1 - c0) / 1e6), (double)(c1 - c0) / nd, known, max_n, truncated);

	/* warm: every word, from the cache (it holds 65,536 words a language) */
	gint64 w0 = g_get_monotonic_time();
	for (int r = 0; r < 3; r++)
		for (guint i = 0; i < n; i++)
			morph_analyze(lang, words->pdata[i], -1, &w);
	gint64 w1 = g_get_monotonic_time();
	printf("warm: %u lookups in %.1f ms: %.1f M/s, %.0f ns each\n", 3 * n, (w1 - w0) / 1000.0,
	       3.0 * n / (w1 - w0), (w1 - w0) * 1000.0 / (3.0 * n));

	/* warm, two threads sharing the cache */
	Job jobs[2] = { { lang, words, 0, n / 2 }, { lang, words, n / 2, n } };
	gint64 m0 = g_get_monotonic_time();
	GThread *th = g_thread_new("bench", warm_run, &jobs[1]);
	warm_run(&jobs[0]);
	g_thread_join(th);
	gint64 m1 = g_get_monotonic_time();
	printf("warm, 2 threads: %u lookups in %.1f ms: %.1f M/s\n", n, (m1 - m0) / 1000.0, (double)n / (m1 - m0));

	g_hash_table_destroy(seen);
	g_hash_table_destroy(distinct);
	g_ptr_array_free(words, TRUE);
	return 0;
}
