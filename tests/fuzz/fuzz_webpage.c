/*
 * fuzz_webpage.c — libFuzzer target: the web-page reader on arbitrary
 * bytes, alone and through the article reader (as a .html file). Checks
 * its invariants: the text is valid UTF-8 without NUL, blocks are
 * separated by one blank line and have no space at their ends, every
 * field is valid UTF-8 with a provenance, the canonical URL is absolute
 * http(s) without space or control character, the dates start YYYY and
 * the article reader accepts the publication date.
 */
#include "frise/article.h"
#include "reader/webpage.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_field(const WebpageField *f)
{
	if (f->value == NULL) {
		g_assert_null(f->from);
		return;
	}
	g_assert_nonnull(f->from);
	g_assert_true(g_utf8_validate(f->value, -1, NULL));
	g_assert_cmpuint(strlen(f->value), >, 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GError *error = NULL;
	WebpagePage *p = webpage_read("fuzz.html", (const char *)data, size, &error);
	if (p == NULL) {
		g_assert_nonnull(error);
		g_clear_error(&error);
	} else {
		g_assert_cmpuint(p->text_len, >, 0);
		g_assert_cmpuint(strlen(p->text), ==, p->text_len);
		g_assert_true(g_utf8_validate(p->text, (gssize)p->text_len, NULL));
		g_assert_null(strstr(p->text, "\n\n\n"));
		g_assert_true(p->text[0] != ' ' && p->text[0] != '\n' && p->text[p->text_len - 1] != ' ');
		const WebpageField *all[] = { &p->title, &p->published, &p->modified, &p->site_name, &p->byline,
					      &p->canonical, &p->lang };
		for (size_t i = 0; i < G_N_ELEMENTS(all); i++)
			check_field(all[i]);
		if (p->canonical.value != NULL) {
			g_assert_true(g_str_has_prefix(p->canonical.value, "http://") ||
				      g_str_has_prefix(p->canonical.value, "https://"));
			for (const char *c = p->canonical.value; *c != '\0'; c++)
				g_assert_true((unsigned char)*c > 0x20 && (unsigned char)*c < 0x7F);
		}
		const char *dates[] = { p->published.value, p->modified.value };
		for (size_t i = 0; i < G_N_ELEMENTS(dates); i++)
			if (dates[i] != NULL)
				g_assert_true(g_ascii_isdigit(dates[i][0]) && g_ascii_isdigit(dates[i][3]));
		if (p->published.value != NULL) {
			char *v = article_parse_date(p->published.value);
			g_assert_nonnull(v);
			g_free(v);
		}
		webpage_free(p);
	}
	if (size % 2 == 0) {
		FriseArticle *a = article_read_bytes("fuzz/page.html", (const char *)data, size, NULL, &error);
		if (a == NULL) {
			g_assert_nonnull(error);
			g_clear_error(&error);
			return 0;
		}
		g_assert_true(g_utf8_validate(a->text, (gssize)a->text_len, NULL));
		g_assert_nonnull(a->title);
		g_assert_nonnull(a->title_from);
		g_assert_true(a->published == NULL || a->published_from != NULL);
		article_free(a);
	}
	return 0;
}
