/*
 * cli_tag.c — `frise tag`: finds and normalises the temporal expressions of
 * files and prints them as JSON (one object per file and line), TSV or
 * inline TimeML (cli_tag).
 *
 * Offsets are byte offsets into each input exactly as given (BOM, CRLF and
 * NFD text included), end exclusive: the tagger reads the raw bytes, which
 * it treats as blanks and folded letters, so nothing needs mapping back.
 * A web page's input is its main text (`frise articles --text`).
 */
#include "cli.h"
#include "frise/article.h"
#include "frise/timex.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef enum { FMT_JSON, FMT_TSV, FMT_TIMEML } Format;

/* Writes the decimal digits of v at p; returns the end. */
static char *
put_size(char *p, size_t v)
{
	char buf[24];
	int n = 0;
	do {
		buf[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n > 0)
		*p++ = buf[--n];
	return p;
}

/* Appends s as a JSON string, up to its first NUL, escaped as cJSON's
 * unformatted printer escapes it (the output did go through cJSON, and a
 * reader may compare bytes): \" \\ \b \f \n \r \t, other bytes below 0x20
 * as \u00xx, every other byte as it is. */
static void
json_string(GString *g, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	g_string_append_c(g, '"');
	const char *run = s;
	for (const unsigned char *p = (const unsigned char *)s;; p++) {
		unsigned char c = *p;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		g_string_append_len(g, run, (gssize)((const char *)p - run));
		if (c == 0)
			break;
		char e[6] = { '\\', 0 };
		size_t n = 2;
		switch (c) {
		case '"': e[1] = '"'; break;
		case '\\': e[1] = '\\'; break;
		case '\b': e[1] = 'b'; break;
		case '\f': e[1] = 'f'; break;
		case '\n': e[1] = 'n'; break;
		case '\r': e[1] = 'r'; break;
		case '\t': e[1] = 't'; break;
		default:
			e[1] = 'u';
			e[2] = e[3] = '0';
			e[4] = hex[c >> 4];
			e[5] = hex[c & 15];
			n = 6;
		}
		g_string_append_len(g, e, (gssize)n);
		run = (const char *)p + 1;
	}
	g_string_append_c(g, '"');
}

/* One JSON object per file: {"file", "dct" (or null), "lang", "timexes":
 * [{"start", "end", "text", "type", "value", "mod"[, "rule", "explain"]}]},
 * written directly, as cJSON_PrintUnformatted() wrote it (offsets are
 * integers, printed in decimal), then a line end. */
static void
print_json(const char *file, const char *dct, FriseLang lang, const char *text, GArray *tx,
	   bool explain)
{
	GString *g = g_string_sized_new(256 + tx->len * (explain ? 400 : 120));
	g_string_append(g, "{\"file\":");
	json_string(g, file);
	g_string_append(g, ",\"dct\":");
	if (dct)
		json_string(g, dct);
	else
		g_string_append(g, "null");
	g_string_append(g, ",\"lang\":");
	json_string(g, frise_lang_code(lang));
	g_string_append(g, ",\"timexes\":[");
	for (guint i = 0; i < tx->len; i++) {
		const FriseTimex *x = &g_array_index(tx, FriseTimex, i);
		char num[96], *p = num;
		static const char k_start[] = ",{\"start\":", k_end[] = ",\"end\":", k_text[] = ",\"text\":";
		memcpy(p, k_start + (i == 0), sizeof k_start - 1 - (i == 0));
		p = put_size(p + sizeof k_start - 1 - (i == 0), x->start);
		memcpy(p, k_end, sizeof k_end - 1);
		p = put_size(p + sizeof k_end - 1, x->end);
		memcpy(p, k_text, sizeof k_text - 1);
		p += sizeof k_text - 1;
		g_string_append_len(g, num, p - num);
		char *s = g_strndup(text + x->start, x->end - x->start);
		json_string(g, s);
		g_free(s);
		g_string_append(g, ",\"type\":");
		json_string(g, timex_type_name(x->type));
		g_string_append(g, ",\"value\":");
		json_string(g, x->value);
		g_string_append(g, ",\"mod\":");
		json_string(g, x->mod);
		if (explain) {
			g_string_append(g, ",\"rule\":");
			json_string(g, x->rule ? x->rule : "");
			g_string_append(g, ",\"explain\":");
			json_string(g, x->explain ? x->explain : "");
		}
		g_string_append_c(g, '}');
	}
	g_string_append(g, "]}\n");
	fwrite(g->str, 1, g->len, stdout);
	g_string_free(g, TRUE);
}

/* Tabs and line breaks of a field written as \t, \n, \r, \\, and the other
 * control characters as \xNN (an ESC in an article drives no terminal;
 * cli_show() does the same for the other outputs). */
static void
tsv_field(GString *g, const char *s, size_t n)
{
	/* one pass (the fields are short: four memchr calls cost more) */
	static const bool special[256] = { [0 ... 0x1f] = true, ['\\'] = true, [0x7f] = true };
	size_t q = 0;
	while (q < n && !special[(unsigned char)s[q]])
		q++;
	if (q == n) {
		g_string_append_len(g, s, (gssize)n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '\t': g_string_append(g, "\\t"); break;
		case '\n': g_string_append(g, "\\n"); break;
		case '\r': g_string_append(g, "\\r"); break;
		case '\\': g_string_append(g, "\\\\"); break;
		default:
			if (special[(unsigned char)s[i]])
				g_string_append_printf(g, "\\x%02x", (unsigned char)s[i]);
			else
				g_string_append_c(g, s[i]);
		}
	}
}


/* Copies the string s at p; returns the end. */
static char *
put_str(char *p, const char *s)
{
	size_t n = strlen(s);
	memcpy(p, s, n);
	return p + n;
}

static void
print_tsv(const char *file, const char *text, GArray *tx, bool explain)
{
	GString *g = g_string_sized_new(1 << 16);
	GString *name = g_string_new(NULL);
	tsv_field(name, file, strlen(file));
	for (guint i = 0; i < tx->len; i++) {
		const FriseTimex *x = &g_array_index(tx, FriseTimex, i);
		if (i + 16 < tx->len) {
			/* the text was tagged long ago and has left the cache:
			 * ask for it a few lines ahead */
			__builtin_prefetch(text + g_array_index(tx, FriseTimex, i + 16).start);
		}
		if (g->len > (1 << 16) - 512) {
			/* written in blocks: the whole output of a large
			 * input would be one more copy of it in memory */
			fwrite(g->str, 1, g->len, stdout);
			g_string_truncate(g, 0);
		}
		/* the fields around the text put together by hand, then
		 * appended at once: printf, and a GString call a field, cost
		 * more than the tagger itself (type, value and mod are short
		 * and need no escaping) */
		char head[64], tail[16 + sizeof x->value + sizeof x->mod];
		char *p = head;
		*p++ = '\t';
		p = put_size(p, x->start);
		*p++ = '\t';
		p = put_size(p, x->end);
		*p++ = '\t';
		g_string_append_len(g, name->str, (gssize)name->len);
		g_string_append_len(g, head, p - head);
		tsv_field(g, text + x->start, x->end - x->start);
		p = tail;
		*p++ = '\t';
		p = put_str(p, timex_type_name(x->type));
		*p++ = '\t';
		p = put_str(p, x->value);
		*p++ = '\t';
		p = put_str(p, x->mod);
		if (!explain)
			*p++ = '\n';
		g_string_append_len(g, tail, p - tail);
		if (explain) {
			g_string_append_c(g, '\t');
			tsv_field(g, x->explain ? x->explain : "", x->explain ? strlen(x->explain) : 0);
			g_string_append_c(g, '\n');
		}
	}
	fwrite(g->str, 1, g->len, stdout);
	g_string_free(g, TRUE);
	g_string_free(name, TRUE);
}

static void
escape_into(GString *g, const char *s, size_t n)
{
	/* XML 1.0 has no place for C0 controls but tab, LF and CR (not even
	 * as &#x1b;, which g_markup_escape_text() writes), nor for U+FFFE,
	 * U+FFFF or bytes that are not UTF-8 (the raw text of a --lossy
	 * read): each becomes U+FFFD, one character for one, so the text's
	 * character offsets are those of the input. */
	GString *clean = NULL;
	const char *end = s + n;
	for (const char *p = s; p < end;) {
		unsigned char c = (unsigned char)*p;
		gunichar u = c < 0x80 ? c : g_utf8_get_char_validated(p, end - p);
		size_t len = c < 0x80 ? 1 : u < 0x110000 ? (size_t)(g_utf8_next_char(p) - p) : 1;
		bool bad = (u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0xFFFE || u == 0xFFFF ||
			   u >= 0x110000;
		if (bad && clean == NULL)
			clean = g_string_new_len(s, p - s);
		if (clean != NULL) {
			if (bad)
				g_string_append(clean, "\xEF\xBF\xBD");
			else
				g_string_append_len(clean, p, (gssize)len);
		}
		p += len;
	}
	char *e = g_markup_escape_text(clean != NULL ? clean->str : s, clean != NULL ? (gssize)clean->len : (gssize)n);
	g_string_append(g, e);
	g_free(e);
	if (clean != NULL)
		g_string_free(clean, TRUE);
}

static void
print_timeml(const char *text, size_t len, const char *dct, GArray *tx, bool explain)
{
	GString *g = g_string_new("<?xml version=\"1.0\"?>\n<!DOCTYPE TimeML SYSTEM \"TimeML.dtd\">\n<TimeML>\n");
	if (dct != NULL) {
		g_string_append(g, "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"");
		escape_into(g, dct, strlen(dct));
		g_string_append(g, "\" functionInDocument=\"CREATION_TIME\">");
		escape_into(g, dct, strlen(dct));
		g_string_append(g, "</TIMEX3></DCT>\n");
	}
	g_string_append(g, "<TEXT>");
	size_t at = 0;
	for (guint i = 0; i < tx->len; i++) {
		const FriseTimex *x = &g_array_index(tx, FriseTimex, i);
		escape_into(g, text + at, x->start - at);
		g_string_append_printf(g, "<TIMEX3 tid=\"t%u\" type=\"%s\" value=\"", i + 1,
				       timex_type_name(x->type));
		escape_into(g, x->value, strlen(x->value));
		g_string_append_c(g, '"');
		if (x->mod[0])
			g_string_append_printf(g, " mod=\"%s\"", x->mod);
		g_string_append_c(g, '>');
		escape_into(g, text + x->start, x->end - x->start);
		g_string_append(g, "</TIMEX3>");
		if (explain && x->explain) {
			/* "--" may not appear in an XML comment; the rest is
			 * cleaned as text is (no control character) */
			GString *c = g_string_new(NULL);
			escape_into(c, x->explain, strlen(x->explain));
			for (char *p = c->str; (p = strstr(p, "--")) != NULL;)
				p[1] = '_';
			g_string_append_printf(g, "<!-- %s -->", c->str);
			g_string_free(c, TRUE);
		}
		at = x->end;
	}
	escape_into(g, text + at, len - at);
	g_string_append(g, "</TEXT>\n</TimeML>\n");
	fwrite(g->str, 1, g->len, stdout);
	g_string_free(g, TRUE);
}

/* Offsets of `tx`, relative to article->text + base, moved to article->raw. */
static void
map_to_raw(const FriseArticle *a, size_t base, GArray *tx)
{
	for (guint i = 0; i < tx->len; i++) {
		FriseTimex *x = &g_array_index(tx, FriseTimex, i);
		x->start = article_raw_offset(a, base + x->start);
		x->end = article_raw_offset(a, base + x->end);
	}
}

static void
print_one(Format fmt, const char *file, const char *dct, FriseLang lang, const char *raw,
	  size_t raw_len, GArray *tx, bool explain)
{
	if (fmt == FMT_JSON)
		print_json(file, dct, lang, raw, tx, explain);
	else if (fmt == FMT_TSV)
		print_tsv(file, raw, tx, explain);
	else
		print_timeml(raw, raw_len, dct, tx, explain);
}

/* Frees what tag_raw_file read: a mapping or a copy. */
static void
release_input(GMappedFile *map, char *data)
{
	if (map != NULL)
		g_mapped_file_unref(map);
	else
		g_free(data);
}

/* Tags an article's body as the reader read it, offsets moved to its raw
 * bytes, and prints it. Returns the exit code. */
static int
tag_article(const FriseTagger *tagger, const FriseArticle *a, Format fmt, bool explain)
{
	/* the language the reader decided (--lang, metadata, the words) */
	FriseTagOptions opts = { .lang = a->lang, .dct = a->published, .explain = explain };
	GError *error = NULL;
	/* the body only: a metadata header's date is no expression */
	GArray *tx = timex_tag(tagger, a->text + a->body.start, a->body.end - a->body.start, &opts, &error);
	if (tx == NULL) {
		fprintf(stderr, "frise tag: %s: %s\n", cli_show(a->path), cli_show(error->message));
		g_error_free(error);
		return FRISE_ERROR_INPUT;
	}
	map_to_raw(a, a->body.start, tx);
	print_one(fmt, a->path, a->published, opts.lang, a->raw, a->raw_len, tx, explain);
	timex_array_free(tx);
	return FRISE_ERROR_OK;
}

/*
 * The fast path, when the command line gives the date and the language of
 * every input and they are plain files: the tagger reads the raw bytes
 * itself (it treats a BOM and CR as blanks and folds NFD accents), so
 * offsets need no map, from where the reader's body starts
 * (article_body_start()). Same spans as through the reader (cli-tag checks
 * it), at the tagger's own speed. A web page is read by the reader first
 * (its text is what the reader extracts, NUL bytes and all), then tagged
 * as on the reader path. Returns the exit code.
 */
static int
tag_raw_file(const FriseTagger *tagger, const char *path, const CliInput *in, size_t limit, FriseLang lang,
	     Format fmt, bool explain)
{
	char *data = NULL;
	gsize len = 0;
	GError *error = NULL;
	GMappedFile *map = NULL;
	if (strcmp(path, "-") != 0 && g_file_test(path, G_FILE_TEST_IS_REGULAR) &&
	    (map = g_mapped_file_new(path, FALSE, NULL)) != NULL &&
	    g_mapped_file_get_length(map) > 0) {
		/* a plain file is mapped, not copied: the tagger reads it
		 * once, front to back, and never past its length */
		len = g_mapped_file_get_length(map);
		data = g_mapped_file_get_contents(map);
	} else if (map != NULL) {
		g_mapped_file_unref(map);   /* empty: read below, reported as such */
		map = NULL;
	}
	if (data != NULL) {
		;
	} else if (strcmp(path, "-") == 0) {
		GString *g = g_string_new(NULL);
		char buf[65536];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, stdin)) > 0 && g->len <= limit)
			g_string_append_len(g, buf, n);
		len = g->len;
		data = g_string_free(g, FALSE);
	} else if (!g_file_get_contents(path, &data, &len, &error)) {
		fprintf(stderr, "frise: %s (skipped)\n", cli_show(error->message));
		g_error_free(error);
		return FRISE_ERROR_INPUT;
	}
	if (len > limit) {
		fprintf(stderr, "frise: %s: over the %zu MiB limit (see --max-size) (skipped)\n", cli_show(path),
			limit >> 20);
		release_input(map, data);
		return FRISE_ERROR_LIMIT;
	}
	if (len == 0) {
		fprintf(stderr, "frise: %s: empty input (skipped)\n", cli_show(path));
		release_input(map, data);
		return FRISE_ERROR_INPUT;
	}
	if (article_is_web_page(path, data, len)) {
		FriseReadOptions ro = { .lang = lang, .published = in->published, .max_bytes = limit };
		FriseArticle *a = article_read_bytes(path, data, len, &ro, &error);
		release_input(map, data);
		if (a == NULL) {
			int code = error->code;
			fprintf(stderr, "frise: %s (skipped)\n", cli_show(error->message));
			g_error_free(error);
			return code;
		}
		int code = tag_article(tagger, a, fmt, explain);
		article_free(a);
		return code;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul != NULL) {
		fprintf(stderr, "frise: %s: NUL byte at byte %zu (binary file?) (skipped)\n", cli_show(path),
			(size_t)(nul - data));
		release_input(map, data);
		return FRISE_ERROR_INPUT;
	}
	/* the body only, as the reader path: front matter and a date header
	 * are metadata, not text with dates */
	size_t body = article_body_start(data, len);
	FriseTagOptions opts = { .lang = lang, .dct = in->published, .explain = explain };
	GArray *tx = timex_tag(tagger, data + body, len - body, &opts, &error);
	if (tx == NULL) {
		fprintf(stderr, "frise: %s: %s (skipped)\n", cli_show(path), cli_show(error->message));
		g_error_free(error);
		release_input(map, data);
		return FRISE_ERROR_INPUT;
	}
	for (guint k = 0; k < tx->len; k++) {
		FriseTimex *x = &g_array_index(tx, FriseTimex, k);
		x->start += body;
		x->end += body;
	}
	print_one(fmt, path, in->published, lang, data, len, tx, explain);
	timex_array_free(tx);
	release_input(map, data);
	return FRISE_ERROR_OK;
}

int
cli_tag(int argc, char **argv)
{
	CliInput in = { 0 };
	char *format = NULL;
	gboolean explain = FALSE;
	GOptionEntry entries[] = {
		CLI_INPUT_ENTRIES(&in),
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output: json (default), tsv or timeml", "FORMAT" },
		{ "explain", 0, 0, G_OPTION_ARG_NONE, &explain, "Show the rule and the resolution steps of each expression", NULL },
		G_OPTION_ENTRY_NULL
	};
	if (!cli_parse("tag", "[FILE…|-]",
		       "Finds the temporal expressions of each article and normalises them (TIMEX3).\n"
		       "Offsets are bytes into each input as given, end exclusive. The document date\n"
		       "is --dct, else the article's own (header, front matter, path); without one,\n"
		       "relative dates stay underspecified (XXXX-02).",
		       entries, &argc, &argv))
		return FRISE_ERROR_USAGE;
	int code = FRISE_ERROR_OK;
	Format fmt = FMT_JSON;
	FriseLang lang = FRISE_LANG_UNKNOWN;
	FriseTagger *tagger = NULL;
	GPtrArray *articles = NULL;
	if (format == NULL || strcmp(format, "json") == 0)
		fmt = FMT_JSON;
	else if (strcmp(format, "tsv") == 0)
		fmt = FMT_TSV;
	else if (strcmp(format, "timeml") == 0)
		fmt = FMT_TIMEML;
	else {
		fprintf(stderr, "frise tag: unknown format '%s' (json, tsv or timeml)\n", cli_show(format));
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (in.lang != NULL && strcmp(in.lang, "auto") != 0) {
		lang = frise_lang_parse(in.lang);
		if (lang == FRISE_LANG_UNKNOWN) {
			fprintf(stderr, "frise tag: unknown language '%s' (fr, en or auto)\n", cli_show(in.lang));
			code = FRISE_ERROR_USAGE;
			goto out;
		}
	}
	if (in.published != NULL) {
		char *d = article_parse_date(in.published);
		if (d == NULL) {
			fprintf(stderr, "frise tag: --dct: '%s' is not a date (%s)\n", cli_show(in.published), ARTICLE_DATE_FORMS);
			code = FRISE_ERROR_USAGE;
			goto out;
		}
		g_free(in.published);
		in.published = d;
	}
	size_t limit = 0, max_files = 0;
	if (!cli_input_limits(&in, &limit, &max_files)) {
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	GError *error = NULL;
	tagger = timex_tagger_new(&error);
	if (tagger == NULL) {
		code = cli_fail(error);
		goto out;
	}
	if (fmt == FMT_TSV)
		printf("file\tstart\tend\ttext\ttype\tvalue\tmod%s\n", explain ? "\texplain" : "");
	bool fast = in.published != NULL && lang != FRISE_LANG_UNKNOWN && !in.jsonl && !in.lossy;
	for (int i = 1; fast && i < argc; i++)
		if (strcmp(argv[i], "-") != 0 && !g_file_test(argv[i], G_FILE_TEST_IS_REGULAR))
			fast = false;   /* folders: the reader walks them */
	if (fast && argc <= 1 && isatty(STDIN_FILENO)) {
		fprintf(stderr, "frise tag: no input: name FILES or folders, or '-' to read standard input\n");
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (fast) {
		static char *stdin_only[] = { "-", NULL };
		char **files = argc > 1 ? argv + 1 : stdin_only;
		for (char **f = files; *f != NULL; f++) {
			int c = tag_raw_file(tagger, *f, &in, limit, lang, fmt, explain);
			if (c != FRISE_ERROR_OK)
				code = c;
		}
		goto out;
	}
	articles = cli_read_inputs(&in, argc, argv, &code);
	if (articles == NULL)
		goto out;
	for (guint i = 0; i < articles->len; i++) {
		int c = tag_article(tagger, g_ptr_array_index(articles, i), fmt, explain);
		if (c != FRISE_ERROR_OK)
			code = c;
	}
out:
	fflush(stdout);
	if (articles != NULL)
		g_ptr_array_unref(articles);
	timex_tagger_free(tagger);
	cli_input_clear(&in);
	g_free(format);
	return code;
}
