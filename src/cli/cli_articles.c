/*
 * cli_articles.c — `frise articles [OPTION…] FILES…`: reads articles as
 * every other subcommand does (cli_read_inputs) and prints, per article,
 * its id, title, language, publication date and where that date came
 * from; `--json` prints the same as a JSON array, with every metadata
 * field and where it came from (`title_from`, `published_from`, …);
 * `--text` prints the text every offset refers to (the article's `raw`:
 * for a web page, its main text), articles separated by a form feed line.
 * Offsets printed (with -v or --json) are byte offsets into that text,
 * end-exclusive. Exit status: 0, or 1 when an input was skipped (the rest
 * is printed).
 */
#include "cli.h"
#include "frise/article.h"
#include "frise/date.h"
#include "frise/store.h"

#include <cjson/cJSON.h>
#include <stdio.h>

static size_t
count_lines(const FriseArticle *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->raw_len; i++)
		n += a->raw[i] == '\n';
	return n + (a->raw_len > 0 && a->raw[a->raw_len - 1] != '\n');
}

static void
print_text(const FriseArticle *a)
{
	/* everything from the article is shown through cli_show() */
	printf("%s\n", cli_show(a->id));
	printf("  title      %s\n", cli_show(a->title));
	printf("  language   %s\n", frise_lang_code(a->lang));
	if (a->published != NULL)
		printf("  published  %s (%s)\n", cli_show(a->published), article_origin_name(a->published_origin));
	else
		printf("  published  unknown (%s)\n", article_origin_name(a->published_origin));
	if (cli_verbosity > 0) {
		printf("  path       %s\n", cli_show(a->path));
		if (a->url != NULL)
			printf("  url        %s\n", cli_show(a->url));
		if (a->source != NULL)
			printf("  source     %s\n", cli_show(a->source));
		if (a->byline != NULL)
			printf("  byline     %s (%s)\n", cli_show(a->byline), a->byline_from);
		if (a->modified != NULL)
			printf("  modified   %s (%s)\n", cli_show(a->modified), a->modified_from);
		printf("  size       %zu bytes, %zu lines\n", a->raw_len, count_lines(a));
		printf("  sha256     %s\n", a->hash);
		for (guint k = 0; k < a->boilerplate->len; k++) {
			const FriseSpan *s = &g_array_index(a->boilerplate, FriseSpan, k);
			size_t len = s->end - s->start, cut = MIN(len, (size_t)60);
			while (cut > 0 && cut < len && ((unsigned char)a->text[s->start + cut] & 0xC0) == 0x80)
				cut--; /* not inside a character */
			printf("  boilerplate bytes %zu-%zu: %s%s\n", article_raw_offset(a, s->start),
			       article_raw_offset(a, s->end), cli_show_n(a->text + s->start, cut), cut < len ? "…" : "");
		}
	}
}

static void
add_string_or_null(cJSON *o, const char *key, const char *v)
{
	if (v != NULL)
		cJSON_AddStringToObject(o, key, v);
	else
		cJSON_AddNullToObject(o, key);
}

/* The members an article has whether it was just read or comes from a
 * store: one set of names for both (cli_article_json,
 * cli_store_article_json). */
static cJSON *
article_common(const char *id, const char *path, const char *title, FriseLang lang, const char *published,
	       const char *origin, const char *url, const char *source, const char *sha256)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", id);
	add_string_or_null(o, "path", path);
	cJSON_AddStringToObject(o, "title", title);
	cJSON_AddStringToObject(o, "lang", frise_lang_code(lang));
	add_string_or_null(o, "published", published);
	cJSON_AddStringToObject(o, "published_origin", origin);
	add_string_or_null(o, "url", url);
	add_string_or_null(o, "source", source);
	cJSON_AddStringToObject(o, "sha256", sha256);
	return o;
}

cJSON *
cli_store_article_json(const FriseStoreArticle *a)
{
	cJSON *o = article_common(a->id, a->path, a->title, a->lang, a->published, a->origin, a->url, a->source,
				  a->hash);
	if (a->estimate != NULL) {
		cJSON *e = cJSON_AddObjectToObject(o, "estimate");
		cJSON_AddStringToObject(e, "value", a->estimate);
		cJSON_AddStringToObject(e, "precision", date_granularity_name(a->precision));
		cJSON_AddStringToObject(e, "evidence", a->evidence ? a->evidence : "");
	} else if (a->published == NULL) {
		cJSON_AddNullToObject(o, "estimate");
	}
	cJSON_AddNumberToObject(o, "mentions", a->mentions);
	return o;
}

static cJSON *
to_json(const FriseArticle *a)
{
	cJSON *o = article_common(a->id, a->path, a->title, a->lang, a->published,
				  article_origin_name(a->published_origin), a->url, a->source, a->hash);
	cJSON_AddStringToObject(o, "lang_origin", article_lang_origin_name(a->lang_origin));
	/* every metadata field, and where it came from */
	add_string_or_null(o, "title_from", a->title_from);
	add_string_or_null(o, "published_from", a->published_from);
	add_string_or_null(o, "published_time", a->published_time);
	add_string_or_null(o, "modified", a->modified);
	add_string_or_null(o, "modified_from", a->modified_from);
	add_string_or_null(o, "site_name", a->site_name);
	add_string_or_null(o, "site_name_from", a->site_name_from);
	add_string_or_null(o, "byline", a->byline);
	add_string_or_null(o, "byline_from", a->byline_from);
	add_string_or_null(o, "url_from", a->url_from);
	add_string_or_null(o, "source_from", a->source_from);
	add_string_or_null(o, "canonical", a->canonical);
	add_string_or_null(o, "canonical_from", a->canonical_from);
	add_string_or_null(o, "lang_tag", a->lang_tag);
	add_string_or_null(o, "lang_from", a->lang_from);
	cJSON_AddNumberToObject(o, "bytes", (double)a->raw_len);
	cJSON *body = cJSON_AddArrayToObject(o, "body");
	cJSON_AddItemToArray(body, cJSON_CreateNumber((double)article_raw_offset(a, a->body.start)));
	cJSON_AddItemToArray(body, cJSON_CreateNumber((double)article_raw_offset(a, a->body.end)));
	cJSON *bp = cJSON_AddArrayToObject(o, "boilerplate");
	for (guint k = 0; k < a->boilerplate->len; k++) {
		const FriseSpan *s = &g_array_index(a->boilerplate, FriseSpan, k);
		cJSON *span = cJSON_CreateArray();
		cJSON_AddItemToArray(span, cJSON_CreateNumber((double)article_raw_offset(a, s->start)));
		cJSON_AddItemToArray(span, cJSON_CreateNumber((double)article_raw_offset(a, s->end)));
		cJSON_AddItemToArray(bp, span);
	}
	return o;
}

int
cli_articles(int argc, char **argv)
{
	CliInput in = { 0 };
	gboolean json = FALSE, text = FALSE;
	char *store = NULL;
	const GOptionEntry entries[] = {
		CLI_INPUT_ENTRIES(&in),
		{ "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON array (offsets are bytes of the input)", NULL },
		{ "text", 0, 0, G_OPTION_ARG_NONE, &text,
		  "Print the text the offsets refer to (a web page's main text), a form feed line between articles",
		  NULL },
		{ "store", 's', 0, G_OPTION_ARG_FILENAME, &store,
		  "Show the articles of an event store instead, with the date estimates of undated ones", "PATH" },
		G_OPTION_ENTRY_NULL
	};
	if (!cli_parse("articles", "[FILE|FOLDER|-]…",
		       "Reads articles and shows what frise makes of them: id, title, language,\n"
		       "publication date and where it came from (option, jsonl, front matter,\n"
		       "header, path, html or unknown). Folders are read recursively (*.txt, *.md,\n"
		       "*.html, *.htm); a web page is read for its main text and metadata.",
		       entries, &argc, &argv)) {
		cli_input_clear(&in);
		return FRISE_ERROR_USAGE;
	}
	if (json && text) {
		fprintf(stderr, "frise articles: --json and --text cannot go together\n");
		g_free(store);
		cli_input_clear(&in);
		return FRISE_ERROR_USAGE;
	}
	if (store != NULL) { /* cli_store.c */
		int c = cli_store_articles(store, json, argc, argv);
		g_free(store);
		cli_input_clear(&in);
		return c;
	}
	int code = 0;
	GPtrArray *articles = cli_read_inputs(&in, argc, argv, &code);
	cli_input_clear(&in);
	if (articles == NULL)
		return code;
	if (text) {
		for (guint i = 0; i < articles->len; i++) {
			const FriseArticle *a = articles->pdata[i];
			if (i > 0)
				fputs("\f\n", stdout);
			fwrite(a->raw, 1, a->raw_len, stdout);
			if (a->raw_len > 0 && a->raw[a->raw_len - 1] != '\n')
				putchar('\n');
		}
	} else if (json) {
		cJSON *arr = cJSON_CreateArray();
		for (guint i = 0; i < articles->len; i++)
			cJSON_AddItemToArray(arr, to_json(articles->pdata[i]));
		char *s = cJSON_Print(arr);
		if (s != NULL)
			printf("%s\n", s);
		cJSON_free(s);
		cJSON_Delete(arr);
	} else {
		for (guint i = 0; i < articles->len; i++) {
			if (i > 0)
				putchar('\n');
			print_text(articles->pdata[i]);
		}
	}
	g_ptr_array_unref(articles);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "frise: cannot write to standard output\n");
		return FRISE_ERROR_OUTPUT;
	}
	return code;
}
