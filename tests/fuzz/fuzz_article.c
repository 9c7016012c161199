/*
 * fuzz_article.c — libFuzzer target: the article reader on arbitrary bytes,
 * as a file and as a JSON Lines stream. Checks its invariants: text is
 * valid UTF-8, every text offset maps inside raw, spans are in bounds.
 */
#include "frise/article.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FriseReadOptions opts = { .flags = size % 2 ? FRISE_READ_LOSSY : 0 };
	GError *error = NULL;
	FriseArticle *a = article_read_bytes("fuzz/2024-03-01/input.txt", (const char *)data, size, &opts, &error);
	if (a == NULL) {
		g_assert_nonnull(error);
		g_error_free(error);
		return 0;
	}
	g_assert_true(g_utf8_validate(a->text, (gssize)a->text_len, NULL));
	g_assert_true(a->body.start <= a->body.end && a->body.end <= a->text_len);
	for (size_t i = 0; i <= a->text_len; i += 1 + a->text_len / 64)
		g_assert_cmpuint(article_raw_offset(a, i), <=, a->raw_len);
	g_assert_cmpuint(article_raw_offset(a, a->text_len), <=, a->raw_len);
	g_assert_nonnull(a->title);
	g_assert_true(g_utf8_validate(a->title, -1, NULL));
	article_detect_lang(a->text, a->text_len);
	article_free(a);
	return 0;
}
