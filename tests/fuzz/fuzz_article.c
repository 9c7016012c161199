/*
 * fuzz_article.c — libFuzzer target: the article reader on arbitrary bytes,
 * as a file and as a JSON Lines stream (a memfd, read through
 * article_read_paths() like a pipe). Checks its invariants: text is valid
 * UTF-8 without NUL, every text offset maps inside raw, spans are in
 * bounds, metadata (id, title, source) is valid UTF-8, a link is NULL or
 * a clean http(s) URL (frise_url_is_web: no line break or quote can reach
 * an output), and reading stops at --max-files records.
 * Seeds: tests/fuzz/seeds/article (articles, front matter with links,
 * JSON Lines); dictionary: tests/fuzz/dict/article.dict.
 */
#include "frise/article.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const FriseArticle *a)
{
	g_assert_true(g_utf8_validate(a->text, (gssize)a->text_len, NULL));
	g_assert_cmpuint(strlen(a->text), ==, a->text_len); /* no NUL: nothing cut short */
	g_assert_true(a->body.start <= a->body.end && a->body.end <= a->text_len);
	for (size_t i = 0; i <= a->text_len; i += 1 + a->text_len / 64)
		g_assert_cmpuint(article_raw_offset(a, i), <=, a->raw_len);
	g_assert_cmpuint(article_raw_offset(a, a->text_len), <=, a->raw_len);
	g_assert_nonnull(a->title);
	g_assert_true(g_utf8_validate(a->title, -1, NULL));
	g_assert_true(g_utf8_validate(a->id, -1, NULL));
	g_assert_true(a->source == NULL || g_utf8_validate(a->source, -1, NULL));
	g_assert_true(a->url == NULL || frise_url_is_web(a->url));
	article_detect_lang(a->text, a->text_len);
}

static void
count_error(const GError *error, void *user)
{
	g_assert_nonnull(error->message);
	(*(size_t *)user)++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FriseReadOptions opts = { .flags = size % 2 ? FRISE_READ_LOSSY : 0 };
	GError *error = NULL;
	FriseArticle *a = article_read_bytes("fuzz/2024-03-01/input.txt", (const char *)data, size, &opts, &error);
	if (a == NULL) {
		g_assert_nonnull(error);
		g_clear_error(&error);
	} else {
		check(a);
		article_free(a);
	}

	/* the same bytes as a JSON Lines stream, at most 8 records */
	int fd = memfd_create("fuzz-jsonl", MFD_CLOEXEC);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	const char *paths[] = { path };
	opts.max_articles = 8;
	opts.max_bytes = 1 << 16;
	size_t nfailed = 0, reported = 0;
	GPtrArray *arts = article_read_paths(paths, 1, true, &opts, count_error, &reported, &nfailed, &error);
	if (arts == NULL) {
		g_assert_nonnull(error);
		g_clear_error(&error);
	} else {
		g_assert_cmpuint(arts->len, <=, 8);
		for (guint i = 0; i < arts->len; i++)
			check(g_ptr_array_index(arts, i));
		g_ptr_array_unref(arts);
	}
	g_assert_cmpuint(reported, ==, nfailed);
	close(fd);
	return 0;
}
