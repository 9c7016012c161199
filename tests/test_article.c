/*
 * test_article.c — unit tests of the article reader (article.h): one line
 * per case. Covers each metadata form, each bad input, the text -> raw
 * offset map on NFD/CRLF/BOM/lossy input, language detection, titles and
 * boilerplate of the seed articles, folders and JSON Lines. Temporary
 * files go to a fresh folder under g_get_tmp_dir(), removed at the end.
 */
#include "frise/article.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *tmpdir;

static char *
tmp_write(const char *name, const char *data, gssize len)
{
	char *path = g_build_filename(tmpdir, name, NULL);
	char *dir = g_path_get_dirname(path);
	g_mkdir_with_parents(dir, 0700);
	g_free(dir);
	GError *e = NULL;
	g_assert_true(g_file_set_contents(path, data, len, &e));
	g_assert_no_error(e);
	return path;
}

static FriseArticle *
read_str(const char *path, const char *data, const FriseReadOptions *opts)
{
	GError *e = NULL;
	FriseArticle *a = article_read_bytes(path, data, strlen(data), opts, &e);
	g_assert_no_error(e);
	g_assert_nonnull(a);
	return a;
}

/* ------------------------------------------------------------------ */

static const struct {
	const char *path, *input, *dct;
	const char *published; /* NULL: none */
	FriseDateOrigin origin;
	const char *body;  /* what the body starts with */
	const char *title;
} meta_cases[] = {
	/* inline header, as in the seeds: the text goes on on the same line */
	{ "a.txt", " date 2024-03 L’éditeur de ChatGPT considère Hollywood.", NULL, "2024-03", FRISE_ORIGIN_HEADER, "L’éditeur", "L’éditeur de ChatGPT considère Hollywood." },
	{ "a.txt", "date 2024-11-26\nUn groupe d’artistes fuite Sora.\n", NULL, "2024-11-26", FRISE_ORIGIN_HEADER, "Un groupe", "Un groupe d’artistes fuite Sora." },
	{ "a.txt", "Date: 2024 Texte de l’article ici.", NULL, "2024", FRISE_ORIGIN_HEADER, "Texte", "Texte de l’article ici." },
	{ "a.txt", "\xC2\xA0" "date\xC2\xA0" "2024-03\xC2\xA0" "Le texte suit.", NULL, "2024-03", FRISE_ORIGIN_HEADER, "Le texte", "Le texte suit." },
	{ "a.txt", "dated 2024-03 is not a header", NULL, NULL, FRISE_ORIGIN_NONE, "dated", "dated 2024-03 is not a header" },
	{ "a.txt", " date 2024-13 Mois impossible.", NULL, NULL, FRISE_ORIGIN_NONE, " date", "date 2024-13 Mois impossible." },
	{ "a.txt", " date 2024-02-30 Jour impossible.", NULL, NULL, FRISE_ORIGIN_NONE, " date", "date 2024-02-30 Jour impossible." },
	{ "a.txt", " date 2024-031 Le texte.", NULL, NULL, FRISE_ORIGIN_NONE, " date", "date 2024-031 Le texte." },
	/* front matter */
	{ "a.txt", "---\ndate: 2024-03-12\ntitle: \"Mon titre\"\n---\nLe corps du texte.\n", NULL, "2024-03-12", FRISE_ORIGIN_FRONT_MATTER, "Le corps", "Mon titre" },
	{ "a.md", "---\npublished: '2024-03-12T14:30:00+01:00'\n---\nLe corps.\n", NULL, "2024-03-12T14:30", FRISE_ORIGIN_FRONT_MATTER, "Le corps", "Le corps." },
	{ "a.md", "---\ntitle: Sans date\n---\nLe corps.\n", NULL, NULL, FRISE_ORIGIN_NONE, "Le corps", "Sans date" },
	{ "a.md", "---\ndate: hier\n---\nLe corps du texte.\n", NULL, NULL, FRISE_ORIGIN_NONE, "Le corps", "Le corps du texte." },
	{ "a.md", "---\ndate: 2024-03\n---\n date 2023-01 Le corps du texte.\n", NULL, "2024-03", FRISE_ORIGIN_FRONT_MATTER, "Le corps", "Le corps du texte." },
	{ "a.md", "---\ndate: 2024-03\nnever closed\nLe corps du texte.\n", NULL, NULL, FRISE_ORIGIN_NONE, "---", "never closed" },
	{ "a.md", "---\nUn texte après une règle.\n---\nLa suite.\n", NULL, NULL, FRISE_ORIGIN_NONE, "---", "Un texte après une règle." },
	/* a date in the path */
	{ "libya/2011-02-21/gv_7.txt", "Le texte de l’article.", NULL, "2011-02-21", FRISE_ORIGIN_PATH, "Le texte", "Le texte de l’article." },
	{ "news/2011-02_tripoli.txt", "Le texte de l’article.", NULL, "2011-02", FRISE_ORIGIN_PATH, "Le texte", "Le texte de l’article." },
	{ "news/2011/02/21/x.txt", "Le texte de l’article.", NULL, "2011-02-21", FRISE_ORIGIN_PATH, "Le texte", "Le texte de l’article." },
	{ "2010-01/2011-02-21/x.txt", "Le texte de l’article.", NULL, "2011-02-21", FRISE_ORIGIN_PATH, "Le texte", "Le texte de l’article." },
	{ "archive/2011/x.txt", "Le texte de l’article.", NULL, NULL, FRISE_ORIGIN_NONE, "Le texte", "Le texte de l’article." },
	{ "/home/u/2019-05-01-backup/corpus/fr/news/x.txt", "Le texte de l’article.", NULL, NULL, FRISE_ORIGIN_NONE, "Le texte", "Le texte de l’article." },
	{ "/home/u/2019-05-01-backup/corpus/2011-02-21/x.txt", "Le texte de l’article.", NULL, "2011-02-21", FRISE_ORIGIN_PATH, "Le texte", "Le texte de l’article." },
	{ "000_3fdb38df11dbab28.txt", "Le texte de l’article.", NULL, NULL, FRISE_ORIGIN_NONE, "Le texte", "Le texte de l’article." },
	/* priority: option > front matter > header > path */
	{ "2011-02-21/x.txt", " date 2024-03 Le texte.", NULL, "2024-03", FRISE_ORIGIN_HEADER, "Le texte", "Le texte." },
	{ "2011-02-21/x.txt", "---\ndate: 2024-05\n---\nLe texte.", NULL, "2024-05", FRISE_ORIGIN_FRONT_MATTER, "Le texte", "Le texte." },
	{ "2011-02-21/x.txt", "---\ndate: 2024-05\n---\nLe texte.", "2020-01-02", "2020-01-02", FRISE_ORIGIN_OPTION, "Le texte", "Le texte." },
	/* titles: section word, boilerplate and prompts skipped; long lines cut */
	{ "a.txt", "Tech\n\nLes artistes fuient Sora\n\nLe texte.", NULL, NULL, FRISE_ORIGIN_NONE, "Tech", "Les artistes fuient Sora" },
	{ "a.txt", "Customize this title in frenchLe titre vrai\nLe texte.", NULL, NULL, FRISE_ORIGIN_NONE, "Customize", "Le titre vrai" },
	{ "a.txt", "Make this article seo compatible, be in french\nLe vrai titre ici\n", NULL, NULL, FRISE_ORIGIN_NONE, "Make", "Le vrai titre ici" },
	{ "a.txt", "Sora\n", NULL, NULL, FRISE_ORIGIN_NONE, "Sora", "Sora" },
	{ "a.txt", "Une phrase assez longue pour servir de titre, puis une autre. Elle continue encore longtemps, bien au-delà de deux cents octets, car certains articles copiés du web n’ont pas de titre du tout et commencent directement par leur premier paragraphe.", NULL, NULL, FRISE_ORIGIN_NONE, "Une phrase", "Une phrase assez longue pour servir de titre, puis une autre." },
};

/* Notes about the piece itself are boilerplate, whatever their date. */
static const struct {
	const char *input, *flagged; /* flagged NULL: nothing */
} note_cases[] = {
	{ "Le titre\nLe texte.\nCe billet fait partie du dossier spécial de Global Voices sur le soulèvement en Libye 2011.\n",
	  "Ce billet fait partie du dossier spécial de Global Voices sur le soulèvement en Libye 2011." },
	{ "The title\nThe text.\nThis article is part of our series on the 2011 uprising.\n",
	  "This article is part of our series on the 2011 uprising." },
	{ "The title\nThe text.\nThis post was originally published on 3 May 2011.\n",
	  "This post was originally published on 3 May 2011." },
	{ "Le titre\nLe texte.\nLe billet du président fait partie du débat.\n", NULL },
};

static void
test_notes(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(note_cases); i++) {
		FriseArticle *a = read_str("a.txt", note_cases[i].input, NULL);
		g_test_message("case %zu: %s", i, note_cases[i].input);
		const char *line = note_cases[i].flagged ? strstr(a->text, note_cases[i].flagged) : NULL;
		if (line != NULL) {
			g_assert_true(article_is_boilerplate(a, (size_t)(line - a->text)));
		} else {
			const char *last = strrchr(a->text, '.');
			g_assert_false(article_is_boilerplate(a, (size_t)(last - a->text) - 3));
		}
		article_free(a);
	}
}

static void
test_metadata(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(meta_cases); i++) {
		FriseReadOptions opts = { .published = meta_cases[i].dct };
		FriseArticle *a = read_str(meta_cases[i].path, meta_cases[i].input, &opts);
		g_test_message("case %zu: %s", i, meta_cases[i].input);
		g_assert_cmpstr(a->published, ==, meta_cases[i].published);
		g_assert_cmpint(a->published_origin, ==, meta_cases[i].origin);
		g_assert_true(g_str_has_prefix(a->text + a->body.start, meta_cases[i].body));
		g_assert_cmpstr(a->title, ==, meta_cases[i].title);
		/* the metadata before the body never becomes an event */
		if (a->body.start > 0) {
			g_assert_true(article_is_boilerplate(a, a->body.start - 1));
			g_assert_false(article_is_boilerplate(a, a->body.start));
		}
		article_free(a);
	}
}

static void
test_front_matter_fields(void)
{
	FriseArticle *a = read_str("dir/x.md",
				   "---\ntitle: T\nsource: Le Monde\nurl: https://example.org/a\nlang: en\n---\nLe texte est en français mais la métadonnée dit en.\n",
				   NULL);
	g_assert_cmpstr(a->id, ==, "x.md");
	g_assert_cmpstr(a->path, ==, "dir/x.md");
	g_assert_cmpstr(a->source, ==, "Le Monde");
	g_assert_cmpstr(a->url, ==, "https://example.org/a");
	g_assert_cmpint(a->lang, ==, FRISE_LANG_EN);
	article_free(a);
	/* --lang beats the metadata */
	FriseReadOptions opts = { .lang = FRISE_LANG_FR };
	a = read_str("x.md", "---\nlang: en\n---\nThe text.\n", &opts);
	g_assert_cmpint(a->lang, ==, FRISE_LANG_FR);
	article_free(a);
}

/* ------------------------------------------------------------------ */

static const struct {
	const char *data;
	size_t len;
	FriseReadFlags flags;
	size_t max_bytes;
	FriseError code;
	const char *message; /* prefix of the message */
} bad_cases[] = {
	{ "", 0, 0, 0, FRISE_ERROR_INPUT, "x.txt: empty article" },
	{ " \n\t\r\n  \xC2\xA0\n", 10, 0, 0, FRISE_ERROR_INPUT, "x.txt: empty article" },
	{ "\xEF\xBB\xBF\r\n", 5, 0, 0, FRISE_ERROR_INPUT, "x.txt: empty article" },
	{ "abc\0def", 7, 0, 0, FRISE_ERROR_INPUT, "x.txt: NUL byte at byte 3 (binary file?)" },
	{ "\x7f" "ELF\x02\x01\x01\0\0\0", 10, 0, 0, FRISE_ERROR_INPUT, "x.txt: NUL byte at byte 7 (binary file?)" },
	{ "abc\0def", 7, FRISE_READ_LOSSY, 0, FRISE_ERROR_INPUT, "x.txt: NUL byte at byte 3" },
	{ "h\xC3\xA9llo \xFF", 8, 0, 0, FRISE_ERROR_INPUT, "x.txt: invalid UTF-8 at byte 7" },
	{ "ligne 1\nligne 2 \xC3", 17, 0, 0, FRISE_ERROR_INPUT, "x.txt: invalid UTF-8 at byte 16" },
	{ "\xEF\xBB\xBF" "a\xC0\xAF", 6, 0, 0, FRISE_ERROR_INPUT, "x.txt: invalid UTF-8 at byte 4" },
	{ "caf\xE9 au lait", 12, 0, 0, FRISE_ERROR_INPUT, "x.txt: invalid UTF-8 at byte 3" },
	{ "0123456789abcdef", 16, 0, 10, FRISE_ERROR_LIMIT, "x.txt: 16 bytes, over the 10 bytes limit" },
	{ "\xFF\xFE", 2, FRISE_READ_LOSSY, 1, FRISE_ERROR_LIMIT, "x.txt: 2 bytes, over the 1 bytes limit" },
};

static void
test_bad_input(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
		FriseReadOptions opts = { .flags = bad_cases[i].flags, .max_bytes = bad_cases[i].max_bytes };
		GError *e = NULL;
		g_test_message("case %zu: %s", i, bad_cases[i].message);
		FriseArticle *a = article_read_bytes("x.txt", bad_cases[i].data, bad_cases[i].len, &opts, &e);
		g_assert_null(a);
		g_assert_error(e, FRISE_ERROR_DOMAIN, (int)bad_cases[i].code);
		if (!g_str_has_prefix(e->message, bad_cases[i].message))
			g_error("case %zu: got \"%s\", want \"%s…\"", i, e->message, bad_cases[i].message);
		g_error_free(e);
	}
}

/* ------------------------------------------------------------------ */

/* Checks the invariants of the offset map on one article: every character
 * boundary of text maps to a boundary of raw, monotonically, 0 to the
 * start (after a BOM) and the end to the end. */
static void
check_map(const FriseArticle *a)
{
	size_t prev = 0;
	size_t bom = a->raw_len >= 3 && memcmp(a->raw, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	g_assert_cmpuint(article_raw_offset(a, 0), ==, a->text_len > 0 ? bom : a->raw_len);
	for (const char *p = a->text; p <= a->text + a->text_len; p = g_utf8_next_char(p)) {
		size_t t = (size_t)(p - a->text), r = article_raw_offset(a, t);
		g_assert_cmpuint(r, >=, prev);
		g_assert_cmpuint(r, <=, a->raw_len);
		if (r < a->raw_len) /* a boundary: not a continuation byte */
			g_assert_cmpint((unsigned char)a->raw[r] & 0xC0, !=, 0x80);
		/* an unchanged ASCII character maps to itself */
		if (t < a->text_len && (unsigned char)a->text[t] < 0x80 && a->text[t] != '\n')
			g_assert_cmpint(a->text[t], ==, a->raw[r]);
		prev = r;
		if (t == a->text_len)
			break;
	}
	g_assert_cmpuint(article_raw_offset(a, a->text_len), ==, a->raw_len);
	g_assert_cmpuint(article_raw_offset(a, a->text_len + 10), ==, a->raw_len);
}

static const struct {
	const char *raw;
	FriseReadFlags flags;
	const char *text;
	bool identity;   /* no map at all */
	size_t pairs[6][2]; /* text offset -> raw offset; ends with {0, 0} */
} offset_cases[] = {
	{ "plain ASCII", 0, "plain ASCII", true, { { 6, 6 }, { 11, 11 } } },
	{ "déjà NFC ’«»–…", 0, "déjà NFC ’«»–…", true, { { 2, 2 }, { 3, 3 } } },
	/* NFD: "fe\u0301vrier" -> "février"; é maps to e, v to v */
	{ "fe\xCC\x81vrier 2024", 0, "f\xC3\xA9vrier 2024", false, { { 1, 1 }, { 3, 4 }, { 10, 11 }, { 13, 14 } } },
	{ "Le 5 fe\xCC\x81vrier, le 7 aou\xCC\x82t", 0, "Le 5 f\xC3\xA9vrier, le 7 ao\xC3\xBBt", false, { { 3, 3 }, { 6, 6 }, { 8, 9 }, { 21, 22 }, { 22, 23 }, { 24, 26 } } },
	/* CRLF -> LF: the LF maps to the CR of its pair */
	{ "ligne 1\r\nligne 2\r\n", 0, "ligne 1\nligne 2\n", false, { { 7, 7 }, { 8, 9 }, { 15, 16 }, { 16, 18 } } },
	{ "a\rb\r\n", 0, "a\rb\n", false, { { 1, 1 }, { 3, 3 }, { 4, 5 } } },
	/* BOM dropped */
	{ "\xEF\xBB\xBF" "abc", 0, "abc", false, { { 0, 3 }, { 2, 5 }, { 3, 6 } } },
	{ "\xEF\xBB\xBF" "fe\xCC\x81vrier\r\n24 mars", 0, "f\xC3\xA9vrier\n24 mars", false, { { 0, 3 }, { 1, 4 }, { 3, 7 }, { 8, 12 }, { 9, 14 }, { 16, 21 } } },
	/* lossy: each invalid byte becomes U+FFFD, mapped to that byte */
	{ "ab\xFF" "cd", FRISE_READ_LOSSY, "ab\xEF\xBF\xBD" "cd", false, { { 2, 2 }, { 3, 2 }, { 5, 3 }, { 6, 4 } } },
	{ "caf\xE9 fe\xCC\x81te", FRISE_READ_LOSSY, "caf\xEF\xBF\xBD f\xC3\xA9te", false, { { 3, 3 }, { 6, 4 }, { 8, 6 }, { 10, 9 } } },
	/* composition across starters (Hangul jamo L+V): one run */
	{ "x \xE1\x84\x80\xE1\x85\xA1 y", 0, "x \xEA\xB0\x80 y", false, { { 2, 2 }, { 5, 8 }, { 6, 9 } } },
	/* singleton decomposition: U+212B ANGSTROM SIGN -> U+00C5 */
	{ "10 \xE2\x84\xAB.", 0, "10 \xC3\x85.", false, { { 3, 3 }, { 5, 6 } } },
};

static void
test_offsets(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(offset_cases); i++) {
		FriseReadOptions opts = { .flags = offset_cases[i].flags };
		FriseArticle *a = read_str("x.txt", offset_cases[i].raw, &opts);
		g_test_message("offset case %zu", i);
		g_assert_cmpstr(a->raw, ==, offset_cases[i].raw);
		g_assert_cmpstr(a->text, ==, offset_cases[i].text);
		g_assert_cmpuint(a->text_len, ==, strlen(offset_cases[i].text));
		g_assert_true((a->map_ == NULL) == offset_cases[i].identity);
		for (size_t k = 0; k < 6 && (k == 0 || offset_cases[i].pairs[k][0] != 0); k++)
			g_assert_cmpuint(article_raw_offset(a, offset_cases[i].pairs[k][0]), ==,
					 offset_cases[i].pairs[k][1]);
		check_map(a);
		article_free(a);
	}
}

/* Random strings over a palette of troublesome pieces: the text is always
 * the NFC of the cleaned raw, and the map keeps its invariants. */
static void
test_offsets_random(void)
{
	static const char *const palette[] = {
		"a", "e", " ", "\n", "\r\n", "\r", "é", "e\xCC\x81", "\xCC\x81", "\xCC\xA7", "’", "«",
		"\xE2\x84\xAB", "\xE1\x84\x80", "\xE1\x85\xA1", "\xEA\xB0\x80", "\xE1\x86\xA8", "\xCD\x80",
		"\xEF\xBF\xBD", "\xE2\x80\xAF", "\xF0\x9F\x98\x80", "ṩ", "s\xCC\xA3\xCC\x87",
	};
	GRand *rng = g_rand_new_with_seed(20241127);
	for (int round = 0; round < 400; round++) {
		GString *raw = g_string_new(round % 7 == 0 ? "\xEF\xBB\xBF" : "x");
		int n = g_rand_int_range(rng, 1, 40);
		for (int k = 0; k < n; k++)
			g_string_append(raw, palette[g_rand_int_range(rng, 0, G_N_ELEMENTS(palette))]);
		g_string_append(raw, " fin");
		FriseArticle *a = read_str("r.txt", raw->str, NULL);
		/* expected: drop the BOM, CRLF -> LF, then NFC */
		const char *body = raw->str + (round % 7 == 0 ? 3 : 0);
		GString *clean = g_string_new(NULL);
		for (const char *p = body; *p != '\0'; p++)
			if (!(p[0] == '\r' && p[1] == '\n'))
				g_string_append_c(clean, *p);
		char *nfc = g_utf8_normalize(clean->str, -1, G_NORMALIZE_NFC);
		g_assert_cmpstr(a->text, ==, nfc);
		check_map(a);
		g_free(nfc);
		g_string_free(clean, TRUE);
		article_free(a);
		g_string_free(raw, TRUE);
	}
	g_rand_free(rng);
}

/* Every character the reader takes as NFC without normalising really is,
 * alone and before a combining mark. */
static void
test_nfc_quick(void)
{
	static const gunichar ranges[][2] = {
		{ 0x20, 0x7E }, { 0xA0, 0x2FF }, { 0x2010, 0x2027 }, { 0x202F, 0x205E }, { 0x20A0, 0x20C0 },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(ranges); i++)
		for (gunichar c = ranges[i][0]; c <= ranges[i][1]; c++) {
			char raw[32];
			int n = g_unichar_to_utf8(c, raw);
			memcpy(raw + n, "x", 2);
			FriseArticle *a = read_str("q.txt", raw, NULL);
			char *nfc = g_utf8_normalize(raw, -1, G_NORMALIZE_NFC);
			g_assert_cmpstr(a->text, ==, nfc);
			g_free(nfc);
			article_free(a);
		}
}

/* ------------------------------------------------------------------ */

static const struct {
	const char *text;
	FriseLang lang;
} lang_cases[] = {
	{ "OpenAI présente Sora à Hollywood. Les créatifs ripostent et la société donne accès à son générateur.", FRISE_LANG_FR },
	{ "L’éditeur de ChatGPT considère Hollywood comme un marché très prometteur pour Sora.", FRISE_LANG_FR },
	{ "OpenAI is courting Hollywood with Sora, and the studios have been invited to test it.", FRISE_LANG_EN },
	{ "The artists said that they were not against the use of AI as a tool for art.", FRISE_LANG_EN },
	{ "Sora", FRISE_LANG_UNKNOWN },
	{ "", FRISE_LANG_UNKNOWN },
	{ "2024-03-12 14:00 — 3 × 4", FRISE_LANG_UNKNOWN },
	{ "le chat and the dog", FRISE_LANG_UNKNOWN },
	{ "LE PDG DE LA SOCIÉTÉ EST PARTI EN VACANCES", FRISE_LANG_FR },
};

static void
test_lang(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(lang_cases); i++) {
		g_test_message("case %zu: %s", i, lang_cases[i].text);
		g_assert_cmpint(article_detect_lang(lang_cases[i].text, strlen(lang_cases[i].text)), ==,
				lang_cases[i].lang);
	}
	/* a long text is not read beyond what decides */
	GString *s = g_string_new(NULL);
	for (int i = 0; i < 100000; i++)
		g_string_append(s, "the text of the article ");
	g_assert_cmpint(article_detect_lang(s->str, s->len), ==, FRISE_LANG_EN);
	g_string_free(s, TRUE);
}

/* ------------------------------------------------------------------ */

static const struct {
	const char *file;
	const char *title;
	const char *published;
	FriseDateOrigin origin;
	const char *boilerplate[4]; /* lines flagged, in order; NULL ends */
} seed_cases[] = {
	{ "000_3fdb38df11dbab28.txt", "OpenAI présente Sora à Hollywood. Les créatifs ripostent.", NULL, FRISE_ORIGIN_NONE,
	  { "Le tweet a peut-être été supprimé" } },
	{ "001_5e8de47143d2b25d.txt", "Le générateur de texte-vidéo Sora d’OpenAI pourrait-il supprimer des emplois à Hollywood\xC2\xA0?", NULL, FRISE_ORIGIN_NONE,
	  { "Customize this title in french", "Make this article seo compatible,Let there be subheadings for the article, be in french, create at least 700 words", "Source link -57" } },
	{ "002_625f1368fff93cb8.txt", "L’éditeur de ChatGPT considère Hollywood comme un marché très prometteur pour Sora, son intelligence artificielle (IA) capable de transformer le texte en vidéo.", "2024-03", FRISE_ORIGIN_HEADER,
	  { " date 2024-03 " } },
	{ "003_1b4fb6547746176d.txt", "Un groupe d’artistes a décidé de partager l’IA générative de vidéos OpenAI Sora sur internet, afin de se venger des pratiques de la firme américaine.", "2024-11", FRISE_ORIGIN_HEADER,
	  { " date 2024-11 " } },
	{ "004_dbbdb871ba59854e.txt", "Les artistes s’en tiennent à «\xC2\xA0" "AI Overlords\xC2\xA0» et fuient le générateur vidéo Sora d’OpenAI", NULL, FRISE_ORIGIN_NONE,
	  { NULL } },
};

static char *
seed_path(const char *file)
{
	const char *root = g_getenv("FRISE_SOURCE_ROOT");
	if (root != NULL)
		return g_build_filename(root, "articles", file, NULL);
	return g_test_build_filename(G_TEST_DIST, "..", "articles", file, NULL);
}

static void
test_seeds(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(seed_cases); i++) {
		char *path = seed_path(seed_cases[i].file);
		GError *e = NULL;
		FriseArticle *a = article_read_file(path, NULL, &e);
		g_assert_no_error(e);
		g_assert_cmpstr(a->id, ==, seed_cases[i].file);
		g_assert_cmpstr(a->title, ==, seed_cases[i].title);
		g_assert_cmpstr(a->published, ==, seed_cases[i].published);
		g_assert_cmpint(a->published_origin, ==, seed_cases[i].origin);
		g_assert_cmpint(a->lang, ==, FRISE_LANG_FR);
		g_assert_cmpuint(strlen(a->hash), ==, 64);
		guint k = 0;
		for (; k < G_N_ELEMENTS(seed_cases[i].boilerplate) && seed_cases[i].boilerplate[k] != NULL; k++) {
			g_assert_cmpuint(k, <, a->boilerplate->len);
			const FriseSpan *s = &g_array_index(a->boilerplate, FriseBoiler, k).span;
			char *got = g_strndup(a->text + s->start, s->end - s->start);
			g_assert_cmpstr(got, ==, seed_cases[i].boilerplate[k]);
			g_free(got);
		}
		g_assert_cmpuint(k, ==, a->boilerplate->len);
		/* the seeds are NFC with LF ends: text is raw, no map */
		g_assert_null(a->map_);
		g_assert_cmpstr(a->text, ==, a->raw);
		check_map(a);
		article_free(a);
		g_free(path);
	}
}

static const struct {
	const char *line;
	bool boilerplate;
} boiler_cases[] = {
	{ "Source link -57", true },
	{ "Source link", true },
	{ "Le tweet a peut-être été supprimé", true },
	{ "Le tweet a peut-etre ete supprime", false },
	{ "Lire aussi : Sora arrive en Europe", true },
	{ "À LIRE AUSSI  Les studios et l’IA", true },
	{ "Partager sur Facebook", true },
	{ "Partagez votre avis en commentaire !", false },
	{ "Sharepoint est un produit de Microsoft qui sert à partager des fichiers.", false },
	{ "Share this article", true },
	{ "La rédaction vous conseille", true },
	{ "Publicité", true },
	{ "Publicité : la loi Evin a été votée en 1991 et encadre la publicité de l’alcool en France.", false },
	{ "Make this article seo compatible, be in english", true },
	{ "Source : le ministère a confirmé la date du 24 mars.", false },
	{ "Les sources de Sora restent secrètes.", false },
};

static void
test_boilerplate(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(boiler_cases); i++) {
		char *input = g_strdup_printf("Le titre de l’article\n%s\nLa suite du texte.\n", boiler_cases[i].line);
		FriseArticle *a = read_str("b.txt", input, NULL);
		size_t at = strlen("Le titre de l’article\n");
		g_test_message("case %zu: %s", i, boiler_cases[i].line);
		g_assert_cmpint(article_is_boilerplate(a, at), ==, boiler_cases[i].boilerplate);
		g_assert_cmpint(article_is_boilerplate(a, at + strlen(boiler_cases[i].line) - 1), ==,
				boiler_cases[i].boilerplate);
		g_assert_false(article_is_boilerplate(a, 0));
		g_assert_false(article_is_boilerplate(a, a->text_len - 2));
		article_free(a);
		g_free(input);
	}
}

/* ------------------------------------------------------------------ */

static const struct {
	const char *in;
	const char *out; /* NULL: rejected */
} date_cases[] = {
	{ "2024", "2024" }, { "2024-03", "2024-03" }, { "2024-03-12", "2024-03-12" },
	{ " 2024/03/12 ", "2024-03-12" }, { "2024-03-12T14:30", "2024-03-12T14:30" },
	{ "2024-03-12T14:30:59.5Z", "2024-03-12T14:30" }, { "2024-03-12 08:05+02:00", "2024-03-12T08:05" },
	{ "2024-02-29", "2024-02-29" }, { "2023-02-29", NULL }, { "2024-13", NULL }, { "2024-00", NULL },
	{ "24-03-12", NULL }, { "20240", NULL }, { "2024-3", NULL }, { "2024-03-12x", NULL },
	{ "mars 2024", NULL }, { "", NULL }, { "0999", NULL }, { "2024/03-12", NULL },
};

static void
test_parse_date(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(date_cases); i++) {
		char *v = article_parse_date(date_cases[i].in);
		g_test_message("case %zu: '%s'", i, date_cases[i].in);
		g_assert_cmpstr(v, ==, date_cases[i].out);
		g_free(v);
	}
	g_assert_null(article_parse_date(NULL));
}

/* ------------------------------------------------------------------ */

static void
collect_error(const GError *error, void *user)
{
	g_ptr_array_add(user, g_strdup(error->message));
}

static void
test_big_folder(void)
{
	/* 1,300 files, read on threads in blocks: the articles and the
	 * errors (every 97th file has a NUL byte) come in file order */
	enum { N = 1300 };
	for (guint i = 0; i < N; i++) {
		char *name = g_strdup_printf("big/f%04u.txt", i);
		char *text = g_strdup_printf("Article %u du dossier.\n%s", i, i % 97 == 5 ? "x\001" : "");
		gssize len = (gssize)strlen(text);
		if (i % 97 == 5)
			text[len - 1] = '\0'; /* a NUL byte */
		g_free(tmp_write(name, text, len));
		g_free(name);
		g_free(text);
	}
	char *folder = g_build_filename(tmpdir, "big", NULL);
	const char *paths[] = { folder };
	GPtrArray *errors = g_ptr_array_new_with_free_func(g_free);
	size_t nfailed = 0;
	GError *err = NULL;
	GPtrArray *arts = article_read_paths(paths, 1, false, NULL, collect_error, errors, &nfailed, &err);
	g_assert_no_error(err);
	guint bad = 0, k = 0;
	for (guint i = 0; i < N; i++) {
		char *name = g_strdup_printf("f%04u.txt", i);
		if (i % 97 == 5) {
			g_assert_nonnull(strstr(errors->pdata[bad], name));
			bad++;
		} else {
			g_assert_cmpstr(((FriseArticle *)arts->pdata[k])->id, ==, name);
			k++;
		}
		g_free(name);
	}
	g_assert_cmpuint(arts->len, ==, k);
	g_assert_cmpuint(errors->len, ==, bad);
	g_assert_cmpuint(nfailed, ==, bad);
	g_ptr_array_unref(arts);
	g_ptr_array_unref(errors);
	g_free(folder);
}

static void
test_folder(void)
{
	char *a = tmp_write("folder/b.txt", "Le deuxième article du dossier.\n", -1);
	char *b = tmp_write("folder/a.txt", "Le premier article du dossier.\n", -1);
	char *c = tmp_write("folder/bad.txt", "du binaire\0ici", 14);
	char *d = tmp_write("folder/2011-02-21/c.md", "Un article daté par son dossier.\n", -1);
	char *e = tmp_write("folder/notes.bin", "pas un article", -1);
	char *f = tmp_write("folder/.cache.txt", "caché", -1);
	char *folder = g_build_filename(tmpdir, "folder", NULL);
	char *missing = g_build_filename(tmpdir, "missing.txt", NULL);
	const char *paths[] = { folder, missing };
	GPtrArray *errors = g_ptr_array_new_with_free_func(g_free);
	size_t nfailed = 99;
	GError *err = NULL;
	GPtrArray *arts = article_read_paths(paths, 2, false, NULL, collect_error, errors, &nfailed, &err);
	g_assert_no_error(err);
	g_assert_nonnull(arts);
	g_assert_cmpuint(arts->len, ==, 3);
	const char *ids[] = { "c.md", "a.txt", "b.txt" }; /* sorted by name, folders in place */
	for (guint i = 0; i < 3; i++)
		g_assert_cmpstr(((FriseArticle *)arts->pdata[i])->id, ==, ids[i]);
	g_assert_cmpstr(((FriseArticle *)arts->pdata[0])->published, ==, "2011-02-21");
	g_assert_cmpuint(nfailed, ==, 2);
	g_assert_cmpuint(errors->len, ==, 2);
	char *want = g_strdup_printf("%s: NUL byte at byte 10 (binary file?)", c);
	g_assert_cmpstr(errors->pdata[0], ==, want);
	g_free(want);
	g_assert_true(g_str_has_prefix(errors->pdata[1], missing));
	g_assert_nonnull(strstr(errors->pdata[1], "cannot open"));
	g_ptr_array_unref(arts);

	/* nothing readable at all: NULL and an error */
	const char *only_bad[] = { c };
	g_ptr_array_set_size(errors, 0);
	arts = article_read_paths(only_bad, 1, false, NULL, collect_error, errors, &nfailed, &err);
	g_assert_null(arts);
	g_assert_error(err, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT);
	g_assert_cmpuint(nfailed, ==, 1);
	g_clear_error(&err);

	/* an empty folder is reported */
	char *empty = g_build_filename(tmpdir, "empty", NULL);
	g_mkdir_with_parents(empty, 0700);
	const char *only_empty[] = { empty };
	g_ptr_array_set_size(errors, 0);
	arts = article_read_paths(only_empty, 1, false, NULL, collect_error, errors, &nfailed, &err);
	g_assert_null(arts);
	g_assert_cmpuint(errors->len, ==, 1);
	g_assert_nonnull(strstr(errors->pdata[0], "no *.txt, *.md or *.html file"));
	g_clear_error(&err);

	g_ptr_array_unref(errors);
	g_free(empty);
	g_free(a); g_free(b); g_free(c); g_free(d); g_free(e); g_free(f);
	g_free(folder);
	g_free(missing);
}

static void
test_jsonl(void)
{
	const char *lines =
		"{\"id\": \"un\", \"text\": \"Le 24 mars, OpenAI a publié un article.\", \"published\": \"2024-03-25\", \"title\": \"Titre donné\", \"url\": \"https://example.org/1\", \"lang\": \"fr\"}\n"
		"{\"text\": \"pas fini\"\n"
		"\n"
		"[1, 2]\n"
		"{\"title\": \"sans texte\"}\n"
		"{\"text\": \"Bon texte.\", \"published\": \"hier\"}\n"
		"{\"text\": \"The studios were invited to test it with the artists.\", \"title\": 5}\n"
		"{\"text\": \"  \"}\n"
		"{\"text\": \"fe\\u0301vrier \\r\\n The text is from the studio.\"}";
	char *path = tmp_write("in.jsonl", lines, -1);
	const char *paths[] = { path };
	GPtrArray *errors = g_ptr_array_new_with_free_func(g_free);
	size_t nfailed = 0;
	GError *err = NULL;
	GPtrArray *arts = article_read_paths(paths, 1, true, NULL, collect_error, errors, &nfailed, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(arts->len, ==, 2);
	FriseArticle *a = arts->pdata[0];
	g_assert_cmpstr(a->id, ==, "un");
	char *where = g_strdup_printf("%s:1", path);
	g_assert_cmpstr(a->path, ==, where);
	g_free(where);
	g_assert_cmpstr(a->published, ==, "2024-03-25");
	g_assert_cmpint(a->published_origin, ==, FRISE_ORIGIN_JSONL);
	g_assert_cmpstr(a->title, ==, "Titre donné");
	g_assert_cmpstr(a->url, ==, "https://example.org/1");
	g_assert_cmpint(a->lang, ==, FRISE_LANG_FR);
	a = arts->pdata[1];
	where = g_strdup_printf("%s:9", path);
	g_assert_cmpstr(a->id, ==, where);
	g_free(where);
	g_assert_cmpstr(a->text, ==, "f\xC3\xA9vrier \n The text is from the studio.");
	g_assert_cmpuint(article_raw_offset(a, 3), ==, 4);
	g_assert_null(a->published);

	static const struct {
		int line;
		const char *what;
	} want[] = {
		{ 2, "not valid JSON" }, { 4, "not a JSON object" }, { 5, "no \"text\" (or \"html\") string" },
		{ 6, "\"published\": 'hier' is not a date" }, { 7, "\"title\" must be a string" },
		{ 8, "empty article" },
	};
	g_assert_cmpuint(nfailed, ==, G_N_ELEMENTS(want));
	g_assert_cmpuint(errors->len, ==, G_N_ELEMENTS(want));
	for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
		char *prefix = g_strdup_printf("%s:%d: %s", path, want[i].line, want[i].what);
		if (!g_str_has_prefix(errors->pdata[i], prefix))
			g_error("got \"%s\", want \"%s…\"", (char *)errors->pdata[i], prefix);
		g_free(prefix);
	}
	g_ptr_array_unref(arts);
	g_ptr_array_unref(errors);
	g_free(path);
}

/* A line longer than the limit is skipped, the next read. */
static void
test_jsonl_long_line(void)
{
	GString *s = g_string_new("{\"text\": \"");
	for (int i = 0; i < 300000; i++)
		g_string_append_c(s, 'a');
	g_string_append(s, "\"}\n{\"text\": \"Le texte suivant.\"}\n");
	char *path = tmp_write("long.jsonl", s->str, (gssize)s->len);
	const char *paths[] = { path };
	FriseReadOptions opts = { .max_bytes = 1000 };
	GPtrArray *errors = g_ptr_array_new_with_free_func(g_free);
	size_t nfailed = 0;
	GError *err = NULL;
	GPtrArray *arts = article_read_paths(paths, 1, true, &opts, collect_error, errors, &nfailed, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(arts->len, ==, 1);
	g_assert_cmpuint(nfailed, ==, 1);
	char *prefix = g_strdup_printf("%s:1: a line of 300012 bytes, longer than the", path);
	g_assert_true(g_str_has_prefix(errors->pdata[0], prefix));
	g_free(prefix);
	g_ptr_array_unref(arts);
	g_ptr_array_unref(errors);
	g_string_free(s, TRUE);
	g_free(path);
}

/* A 100 MB single line is refused from its size, before being read. */
static void
test_huge_line(void)
{
	char *path = g_build_filename(tmpdir, "huge.txt", NULL);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	g_assert_cmpint(fd, >=, 0);
	char block[1 << 16];
	memset(block, 'a', sizeof block);
	for (int i = 0; i < 1600; i++) /* 1600 × 64 KiB = 100 MiB, no newline */
		g_assert_cmpint(write(fd, block, sizeof block), ==, (ssize_t)sizeof block);
	close(fd);
	GTimer *timer = g_timer_new();
	GError *e = NULL;
	FriseArticle *a = article_read_file(path, NULL, &e);
	double secs = g_timer_elapsed(timer, NULL);
	g_assert_null(a);
	g_assert_error(e, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT);
	char *want = g_strdup_printf("%s: 104857600 bytes, over the 16 MiB limit (see --max-size)", path);
	g_assert_cmpstr(e->message, ==, want);
	g_assert_cmpfloat(secs, <, 1.0); /* not read: a stat() is enough */
	g_test_message("100 MiB refused in %.6f s", secs);
	g_free(want);
	g_clear_error(&e);
	g_timer_destroy(timer);
	g_unlink(path);
	g_free(path);
}

/* A pipe is read up to the limit + 1 bytes, never more. */
static gpointer
fifo_writer(gpointer path)
{
	int fd = open(path, O_WRONLY);
	char block[4096];
	memset(block, 'b', sizeof block);
	size_t total = 0;
	for (int i = 0; i < 1024; i++) { /* 4 MiB offered */
		ssize_t n = write(fd, block, sizeof block);
		if (n <= 0)
			break; /* the reader stopped: EPIPE */
		total += (size_t)n;
	}
	close(fd);
	return GSIZE_TO_POINTER(total);
}

static void
test_pipe_limit(void)
{
	char *path = g_build_filename(tmpdir, "fifo", NULL);
	g_assert_cmpint(mkfifo(path, 0600), ==, 0);
	GThread *t = g_thread_new("writer", fifo_writer, path);
	FriseReadOptions opts = { .max_bytes = 100000 };
	GError *e = NULL;
	FriseArticle *a = article_read_file(path, &opts, &e);
	size_t written = GPOINTER_TO_SIZE(g_thread_join(t));
	g_assert_null(a);
	g_assert_error(e, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT);
	char *want = g_strdup_printf("%s: larger than the 100000 bytes limit (see --max-size)", path);
	g_assert_cmpstr(e->message, ==, want);
	g_assert_cmpuint(written, <, 4u << 20); /* the reader stopped early */
	g_free(want);
	g_clear_error(&e);
	g_unlink(path);
	g_free(path);
}

static void
test_file_errors(void)
{
	GError *e = NULL;
	g_assert_null(article_read_file(tmpdir, NULL, &e));
	g_assert_error(e, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT);
	g_assert_nonnull(strstr(e->message, "is a folder"));
	g_clear_error(&e);
	g_assert_null(article_read_file("/nonexistent/x.txt", NULL, &e));
	g_assert_cmpstr(e->message, ==, "/nonexistent/x.txt: cannot open: No such file or directory");
	g_clear_error(&e);
}

static void
test_origin_names(void)
{
	static const char *const names[] = { "none", "header", "front matter", "path", "jsonl", "html", "option", "estimated" };
	for (int i = 0; i <= FRISE_ORIGIN_ESTIMATED; i++)
		g_assert_cmpstr(article_origin_name((FriseDateOrigin)i), ==, names[i]);
	g_assert_cmpstr(article_origin_name((FriseDateOrigin)99), ==, "none");
}

static void
rm_rf(const char *path)
{
	GDir *d = g_dir_open(path, 0, NULL);
	if (d != NULL) {
		const char *name;
		while ((name = g_dir_read_name(d)) != NULL) {
			char *p = g_build_filename(path, name, NULL);
			rm_rf(p);
			g_free(p);
		}
		g_dir_close(d);
	}
	g_remove(path);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	signal(SIGPIPE, SIG_IGN);
	tmpdir = g_dir_make_tmp("frise-article-XXXXXX", NULL);
	g_assert_nonnull(tmpdir);
	g_test_add_func("/article/metadata", test_metadata);
	g_test_add_func("/article/notes", test_notes);
	g_test_add_func("/article/front-matter-fields", test_front_matter_fields);
	g_test_add_func("/article/bad-input", test_bad_input);
	g_test_add_func("/article/offsets", test_offsets);
	g_test_add_func("/article/offsets-random", test_offsets_random);
	g_test_add_func("/article/nfc-quick", test_nfc_quick);
	g_test_add_func("/article/lang", test_lang);
	g_test_add_func("/article/seeds", test_seeds);
	g_test_add_func("/article/boilerplate", test_boilerplate);
	g_test_add_func("/article/parse-date", test_parse_date);
	g_test_add_func("/article/folder", test_folder);
	g_test_add_func("/article/big-folder", test_big_folder);
	g_test_add_func("/article/jsonl", test_jsonl);
	g_test_add_func("/article/jsonl-long-line", test_jsonl_long_line);
	g_test_add_func("/article/huge-line", test_huge_line);
	g_test_add_func("/article/pipe-limit", test_pipe_limit);
	g_test_add_func("/article/file-errors", test_file_errors);
	g_test_add_func("/article/origin-names", test_origin_names);
	int rc = g_test_run();
	rm_rf(tmpdir);
	g_free(tmpdir);
	return rc;
}
