/*
 * cli.c — the `frise` command: dispatch to subcommands, the options and
 * messages they share. Exit codes are the FriseError values (frise.h).
 */
#include "cli.h"
#include "frise/article.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int cli_verbosity = 0;

/* GOption callbacks: GLib's signature, whose arguments these need not read. */
static gboolean
set_quiet(G_GNUC_UNUSED const char *name, G_GNUC_UNUSED const char *value, G_GNUC_UNUSED gpointer data,
	  G_GNUC_UNUSED GError **error)
{
	cli_verbosity = -1;
	return TRUE;
}

static gboolean
set_verbose(G_GNUC_UNUSED const char *name, G_GNUC_UNUSED const char *value, G_GNUC_UNUSED gpointer data,
	    G_GNUC_UNUSED GError **error)
{
	cli_verbosity = 1;
	return TRUE;
}

const GOptionEntry cli_common_entries[] = {
	{ "quiet", 'q', G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, (void *)set_quiet,
	  "Print only errors", NULL },
	{ "verbose", 'v', G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, (void *)set_verbose,
	  "Say more about what is done", NULL },
	G_OPTION_ENTRY_NULL
};

/* Said by the commands that take --store. */
static const char store_help[] =
	"A store (--store) is an SQLite file, or a PostgreSQL store a team shares:\n"
	"postgresql://[user@]host[:port]/dbname[?schema=NAME&retries=N&…] (postgres://\n"
	"too), or postgres:KEYWORD=VALUE… (a libpq connection string; schema=NAME\n"
	"and retries=N are frise's; the PG* environment variables apply; an empty\n"
	"'postgres:' takes everything from them). The store is the schema NAME\n"
	"(default frise) of that database.\n"
	"\n";

static const char exit_codes[] =
	"Exit status: 0 ok, 1 input error (unreadable, invalid or empty input),\n"
	"2 usage error, 3 store error (a curation conflict too: the event changed\n"
	"since the version named), 4 output error, 5 limit exceeded,\n"
	"70 internal error.";

bool
cli_parse(const char *name, const char *params, const char *summary,
	  const GOptionEntry *entries, int *argc, char ***argv)
{
	/* GOption prints "Usage: PRGNAME [OPTION…] PARAMS". */
	char *prgname = g_strdup_printf("frise %s", name);
	g_set_prgname(prgname);
	g_free(prgname);
	GOptionContext *ctx = g_option_context_new(params);
	g_option_context_set_summary(ctx, summary);
	bool has_store = false;
	for (const GOptionEntry *e = entries; e != NULL && e->long_name != NULL; e++)
		has_store |= strcmp(e->long_name, "store") == 0;
	char *description = g_strconcat(has_store ? store_help : "", exit_codes, NULL);
	g_option_context_set_description(ctx, description);
	if (entries != NULL)
		g_option_context_add_main_entries(ctx, entries, NULL);
	g_option_context_add_main_entries(ctx, cli_common_entries, NULL);
	GError *error = NULL;
	bool ok = g_option_context_parse(ctx, argc, argv, &error);
	if (!ok) {
		fprintf(stderr, "frise %s: %s\nTry 'frise %s --help'.\n", name, cli_show(error->message), name);
		g_error_free(error);
	}
	/* GOption stops at "--" but leaves it among the arguments: it ends
	 * the options ("frise tag -- --weird.txt"), it is no file. A "--"
	 * after it is one. */
	for (int i = 1; ok && i < *argc; i++)
		if (strcmp((*argv)[i], "--") == 0) {
			memmove(*argv + i, *argv + i + 1, (size_t)(*argc - i) * sizeof **argv);
			(*argc)--;
			break;
		}
	g_option_context_free(ctx);
	g_free(description);
	return ok;
}

/* Appends s[0..n) to `g` with its controls and stray bytes visible. */
static void
append_visible(GString *g, const char *s, size_t n)
{
	const char *end = s + n;
	for (const char *p = s; p < end;) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c == 0x7f) {
			if (c == '\n')
				g_string_append(g, "\\n");
			else if (c == '\r')
				g_string_append(g, "\\r");
			else if (c == '\t')
				g_string_append(g, "\\t");
			else
				g_string_append_printf(g, "\\x%02x", c);
			p++;
			continue;
		}
		if (c < 0x80) {
			g_string_append_c(g, (char)c);
			p++;
			continue;
		}
		gunichar u = g_utf8_get_char_validated(p, end - p);
		if (u == (gunichar)-1 || u == (gunichar)-2) {
			g_string_append_printf(g, "\\x%02x", c);
			p++;
		} else {
			const char *next = g_utf8_next_char(p);
			if (u >= 0x80 && u <= 0x9f)
				g_string_append_printf(g, "\\u%04x", u);
			else
				g_string_append_len(g, p, next - p);
			p = next;
		}
	}
}

/* True when s[0..n) prints as it is: printable ASCII, or valid UTF-8
 * without C0/C1 controls. */
static bool
printable(const char *s, size_t n)
{
	bool ascii = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f || (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] < 0xa0))
			return false;
		ascii &= c < 0x80;
	}
	return ascii || g_utf8_validate_len(s, n, NULL);
}

const char *
cli_show_n(const char *s, size_t n)
{
	static GString *ring[CLI_SHOW_SLOTS];
	static unsigned next;
	if (s == NULL)
		return "";
	if (printable(s, n) && s[n] == '\0')
		return s;
	GString *g = ring[next++ % CLI_SHOW_SLOTS];
	if (g == NULL)
		g = ring[(next - 1) % CLI_SHOW_SLOTS] = g_string_new(NULL);
	g_string_truncate(g, 0);
	append_visible(g, s, n);
	return g->str;
}

const char *
cli_show(const char *s)
{
	return cli_show_n(s, s != NULL ? strlen(s) : 0);
}

/* GLib's messages and warnings (the library's notes: an event a calendar
 * cannot hold) as frise's own lines, their text shown safely; -q hides
 * the notes. Criticals and errors keep GLib's handler (and its aborts). */
static void
log_handler(const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
	if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) {
		g_log_default_handler(domain, level, message, data);
		return;
	}
	if ((level & G_LOG_LEVEL_DEBUG) || ((level & (G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO)) && cli_verbosity < 0))
		return;
	fprintf(stderr, "frise: %s%s\n", (level & G_LOG_LEVEL_WARNING) ? "warning: " : "", cli_show(message));
}

int
cli_fail(GError *error)
{
	int code = FRISE_ERROR_INTERNAL;
	if (error == NULL) {
		fprintf(stderr, "frise: unknown error\n");
		return code;
	}
	if (error->domain == FRISE_ERROR_DOMAIN)
		code = error->code;
	else if (error->domain == G_OPTION_ERROR)
		code = FRISE_ERROR_USAGE;
	else if (error->domain == G_FILE_ERROR)
		code = FRISE_ERROR_INPUT;
	fprintf(stderr, "frise: %s\n", cli_show(error->message));
	g_error_free(error);
	return code;
}

void
cli_report_skipped(const GError *error, void *user)
{
	fprintf(stderr, "frise: %s (skipped)\n", cli_show(error->message));
	int *worst = user;
	if (worst != NULL && error->domain == FRISE_ERROR_DOMAIN && error->code > *worst)
		*worst = error->code;
}

void
cli_progress(const char *what, size_t done, size_t total)
{
	static int tty = -1;
	static gint64 t0;
	if (tty < 0)
		tty = isatty(STDERR_FILENO);
	if (!tty || cli_verbosity < 0)
		return;
	gint64 now = g_get_monotonic_time();
	if (done <= 1 || t0 == 0)
		t0 = now;
	double secs = (double)(now - t0) / 1e6;
	double rate = secs > 0.5 ? (double)done / secs : 0;
	fprintf(stderr, "\r%s %zu", what, done);
	if (total > 0)
		fprintf(stderr, "/%zu", total);
	if (rate > 0) {
		fprintf(stderr, ", %.0f articles/s", rate);
		if (total > done) {
			double eta = (double)(total - done) / rate;
			fprintf(stderr, ", ETA %d min %02d s", (int)(eta / 60), (int)eta % 60);
		}
	}
	fputs("\033[K", stderr); /* the rest of a longer line before */
	if (total > 0 && done == total)
		fputc('\n', stderr);
}

/* The reader's options of `in`; false with the message printed and
 * *code set on a usage error. *published is for the caller to g_free. */
static bool
read_options(const CliInput *in, FriseReadOptions *opts, char **published, int *code)
{
	memset(opts, 0, sizeof *opts);
	*published = NULL;
	if (in->lossy)
		opts->flags |= FRISE_READ_LOSSY;
	if (in->lang != NULL && g_ascii_strcasecmp(in->lang, "auto") != 0) {
		opts->lang = frise_lang_parse(in->lang);
		if (opts->lang == FRISE_LANG_UNKNOWN) {
			fprintf(stderr, "frise: --lang: '%s' is not fr, en or auto\n", cli_show(in->lang));
			*code = FRISE_ERROR_USAGE;
			return false;
		}
	}
	if (in->published != NULL) {
		*published = article_parse_date(in->published);
		if (*published == NULL) {
			fprintf(stderr, "frise: --dct: '%s' is not a date (%s)\n", cli_show(in->published), ARTICLE_DATE_FORMS);
			*code = FRISE_ERROR_USAGE;
			return false;
		}
		opts->published = *published;
	}
	size_t max_files = 0;
	if (!cli_input_limits(in, &opts->max_bytes, &max_files)) {
		*code = FRISE_ERROR_USAGE;
		return false;
	}
	opts->max_articles = max_files; /* JSON Lines: counted as they are read */
	opts->progress = cli_progress;
	return true;
}

/* The paths of argv ("-" when there are none and stdin is not a
 * terminal); false with the message printed and *code set. */
static bool
input_paths(int argc, char **argv, const char *const **paths, size_t *npaths, int *code)
{
	static const char *const stdin_only[] = { "-" };
	*paths = (const char *const *)argv + 1;
	*npaths = argc > 1 ? (size_t)argc - 1 : 0;
	if (*npaths == 0) {
		if (isatty(STDIN_FILENO)) {
			fprintf(stderr, "frise: no input: name FILES or folders, or '-' to read standard input\n");
			*code = FRISE_ERROR_USAGE;
			return false;
		}
		*paths = stdin_only;
		*npaths = 1;
	}
	return true;
}

/* Says where the reader had little to go by for an article's language. */
static void
say_langs(const GPtrArray *articles)
{
	for (guint i = 0; i < articles->len; i++) {
		const FriseArticle *a = g_ptr_array_index(articles, i);
		if (a->lang_origin == FRISE_LANG_FROM_DEFAULT && cli_verbosity >= 0)
			fprintf(stderr, "frise: %s: no word tells its language; read as %s (say it with --lang)\n",
				cli_show(a->path), frise_lang_code(a->lang));
		else if ((a->lang_origin == FRISE_LANG_FROM_FEW_WORDS || a->lang_origin == FRISE_LANG_FROM_CORPUS) &&
			 cli_verbosity > 0)
			fprintf(stderr, "frise: %s: read as %s (from %s)\n", cli_show(a->path), frise_lang_code(a->lang),
				article_lang_origin_name(a->lang_origin));
	}
}

GPtrArray *
cli_read_inputs(const CliInput *in, int argc, char **argv, int *code)
{
	FriseReadOptions opts;
	char *published = NULL;
	const char *const *paths;
	size_t npaths;
	if (!read_options(in, &opts, &published, code) || !input_paths(argc, argv, &paths, &npaths, code)) {
		g_free(published);
		return NULL;
	}
	size_t nfailed = 0;
	GError *error = NULL;
	int worst = FRISE_ERROR_OK; /* of the inputs skipped: a limit (5) outweighs a bad file (1) */
	GPtrArray *articles = article_read_paths(paths, npaths, in->jsonl, &opts, cli_report_skipped,
						 &worst, &nfailed, &error);
	g_free(published);
	if (articles == NULL) {
		*code = cli_fail(error);
		return NULL;
	}
	say_langs(articles);
	*code = nfailed > 0 ? MAX(worst, FRISE_ERROR_INPUT) : FRISE_ERROR_OK;
	return articles;
}

typedef struct {
	CliBatchFunc fn;
	void *user;
	size_t done;
	bool jsonl;
} EachRead;

static bool
each_batch(GPtrArray *articles, void *user, GError **error)
{
	EachRead *er = user;
	say_langs(articles);
	er->done += articles->len;
	bool ok = er->fn(articles, er->user, error);
	g_ptr_array_unref(articles);
	if (er->jsonl) /* the reader counts files: say the articles */
		cli_progress("articles", er->done, 0);
	return ok;
}

size_t
cli_read_each(const CliInput *in, int argc, char **argv, size_t batch, CliBatchFunc fn, void *user, int *code)
{
	FriseReadOptions opts;
	char *published = NULL;
	const char *const *paths;
	size_t npaths;
	if (!read_options(in, &opts, &published, code) || !input_paths(argc, argv, &paths, &npaths, code)) {
		g_free(published);
		return 0;
	}
	size_t nfailed = 0, nread = 0;
	GError *error = NULL;
	EachRead er = { fn, user, 0, in->jsonl };
	int worst = FRISE_ERROR_OK; /* as in cli_read_inputs() */
	bool ok = article_read_paths_each(paths, npaths, in->jsonl, &opts, cli_report_skipped, &worst, batch,
					  each_batch, &er, &nread, &nfailed, &error);
	g_free(published);
	if (in->jsonl && nread > 0 && cli_verbosity >= 0 && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	if (!ok) {
		*code = cli_fail(error);
		return nread;
	}
	*code = nfailed > 0 ? MAX(worst, FRISE_ERROR_INPUT) : FRISE_ERROR_OK;
	return nread;
}

void
cli_input_clear(CliInput *in)
{
	g_free(in->lang);
	g_free(in->published);
	g_free(in->max_size);
	g_free(in->max_files);
	in->lang = in->published = in->max_size = in->max_files = NULL;
}

bool
cli_parse_int(const char *name, const char *value, long min, long max, long *out)
{
	char *end = NULL;
	errno = 0;
	long v = value != NULL ? strtol(value, &end, 10) : 0;
	if (value == NULL || end == value || *end != '\0' || errno != 0 || v < min || v > max) {
		fprintf(stderr, "frise: --%s: '%s' is not a whole number from %ld to %ld\n", name, cli_show(value), min, max);
		return false;
	}
	*out = v;
	return true;
}

bool
cli_parse_double(const char *name, const char *value, double min, double max, double *out)
{
	char *end = NULL;
	double v = value != NULL ? g_ascii_strtod(value, &end) : 0;
	if (value == NULL || end == value || *end != '\0' || !isfinite(v) || v < min || v > max) {
		fprintf(stderr, "frise: --%s: '%s' is not a number from %g to %g\n", name, cli_show(value), min, max);
		return false;
	}
	*out = v;
	return true;
}

bool
cli_input_limits(const CliInput *in, size_t *max_bytes, size_t *max_files)
{
	long mib = 16, files = CLI_DEFAULT_MAX_FILES;
	if ((in->max_size != NULL && !cli_parse_int("max-size", in->max_size, 1, 65536, &mib)) ||
	    (in->max_files != NULL && !cli_parse_int("max-files", in->max_files, 1, 1000000000, &files)))
		return false;
	*max_bytes = (size_t)mib << 20;
	*max_files = (size_t)files;
	return true;
}

typedef struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} Command;

static const Command commands[] = {
	{ "build", cli_build, "read articles and write every output into a folder (out/)" },
	{ "tag", cli_tag, "find and normalise the temporal expressions of articles" },
	{ "ingest", cli_ingest, "add articles to the event store" },
	{ "extract", cli_extract, "the article stage alone: articles in, candidates out (JSON Lines)" },
	{ "events", cli_events, "list and curate the events of the store" },
	{ "render", cli_render, "render the store as ics, json, timelinejs, html, svg, png or pdf" },
	{ "articles", cli_articles, "show each article's metadata" },
	{ NULL, NULL, NULL }
};

static void
usage(FILE *f)
{
	fprintf(f, "Usage: frise COMMAND [OPTION…] [ARGUMENT…]\n\n"
		   "Turns news articles (French or English) into a timeline.\n\nCommands:\n");
	for (const Command *c = commands; c->name != NULL; c++)
		fprintf(f, "  %-9s %s\n", c->name, c->summary);
	fprintf(f, "\nOptions:\n  -h, --help     show this help ('frise COMMAND --help' for a command's)\n"
		   "  --version      print the version\n\n%s\n", exit_codes);
}

int
main(int argc, char **argv)
{
	/* The character set only: numbers in JSON, SVG and iCalendar must
	 * keep a decimal point whatever LC_NUMERIC the user has. */
	setlocale(LC_CTYPE, "");
	/* temporary files removed on Ctrl-C; `ulimit -f` an output error */
	frise_cleanup_on_signals();
	g_log_set_default_handler(log_handler, NULL);
	if (argc < 2) {
		usage(stderr);
		return FRISE_ERROR_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("frise %s\n", frise_version());
		return 0;
	}
	for (const Command *c = commands; c->name != NULL; c++)
		if (strcmp(argv[1], c->name) == 0)
			return c->run(argc - 1, argv + 1);
	fprintf(stderr, "frise: unknown command '%s'\n\n", cli_show(argv[1]));
	usage(stderr);
	return FRISE_ERROR_USAGE;
}
