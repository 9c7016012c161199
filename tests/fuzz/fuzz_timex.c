/*
 * fuzz_timex.c — libFuzzer target: the tagger on arbitrary valid UTF-8, in
 * both languages, with and without a DCT. Checks that spans are in order,
 * non-overlapping, in bounds and on character boundaries.
 */
#include "frise/timex.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FriseTagger *tagger;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (tagger == NULL && (tagger = timex_tagger_new(NULL)) == NULL)
		return 0;
	const char *text = (const char *)data;
	if (!g_utf8_validate_len(text, size, NULL))
		return 0;
	static const char *const dcts[] = { NULL, "2024-11", "1999-05-18" };
	for (int lang = FRISE_LANG_FR; lang <= FRISE_LANG_EN; lang++)
		for (size_t d = 0; d < G_N_ELEMENTS(dcts); d++) {
			FriseTagOptions opts = { .lang = (FriseLang)lang, .dct = dcts[d], .explain = d == 2 };
			GArray *t = timex_tag(tagger, text, size, &opts, NULL);
			g_assert_nonnull(t);
			size_t last = 0;
			for (guint i = 0; i < t->len; i++) {
				const FriseTimex *x = &g_array_index(t, FriseTimex, i);
				g_assert_cmpuint(x->start, <, x->end);
				g_assert_cmpuint(x->end, <=, size);
				g_assert_cmpuint(x->start, >=, last);
				g_assert_true(g_utf8_validate_len(text + x->start, x->end - x->start, NULL));
				g_assert_cmpuint(strnlen(x->value, sizeof x->value), <, sizeof x->value);
				last = x->end;
			}
			timex_array_free(t);
		}
	return 0;
}
