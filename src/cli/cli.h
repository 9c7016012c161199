/*
 * cli.h — private to the frise executable: one function per subcommand
 * (cli_*), each taking its own argv (argv[0] is the subcommand's name) and
 * returning the process exit code (FriseError), and the helpers they share.
 */
#ifndef FRISE_CLI_H
#define FRISE_CLI_H

#include "frise/frise.h"

int cli_articles(int argc, char **argv);
int cli_tag(int argc, char **argv);
int cli_ingest(int argc, char **argv);
int cli_extract(int argc, char **argv);
int cli_events(int argc, char **argv);
int cli_build(int argc, char **argv);
int cli_render(int argc, char **argv);
/* `frise articles --store PATH [--json]`: the store's articles with the
 * date estimates of undated ones (cli_store.c). */
int cli_store_articles(const char *store, bool json, int argc, char **argv);

/* The JSON of an article kept in a store, with the same member names as
 * `frise articles --json` gives an article it reads (cli_articles.c). */
#include "frise/store.h"
#include <cjson/cJSON.h>
cJSON *cli_store_article_json(const FriseStoreArticle *article);

/* -1 with -q, 0 by default, 1 with -v. */
extern int cli_verbosity;

/* The -q/-v entries every subcommand adds to its options. */
extern const GOptionEntry cli_common_entries[];

/* Parses argv with `entries` plus the common ones; on a usage error prints
 * it with the subcommand's name and returns false (exit 2). */
bool cli_parse(const char *name, const char *params, const char *summary,
	       const GOptionEntry *entries, int *argc, char ***argv);

/*
 * Untrusted text made safe to print (article text, titles, ids, paths,
 * error messages that quote them, a user's arguments): control
 * characters — ESC, BEL, an OSC sequence's bytes, CR — become visible
 * escapes ("\x1b", "\a" as "\x07", "\r", "\n", "\t"), as do C1
 * controls (U+0080–U+009F, "\u009b") and bytes that are not UTF-8
 * ("\xff"), so a title can neither drive the terminal nor fake a line of
 * output. Everything frise prints from data goes through it.
 *   cli_show("Titre\x1b]0;pwned\x07") -> "Titre\\x1b]0;pwned\\x07"
 * Returns `s` itself when nothing needs showing, else a string owned by
 * the CLI that stays valid for the next CLI_SHOW_SLOTS - 1 calls (enough
 * for the arguments of one printf). Not thread-safe: the printing thread
 * only. NULL gives "".
 */
#define CLI_SHOW_SLOTS 16
const char *cli_show(const char *s);
/* As cli_show, for the `n` bytes at `s`. */
const char *cli_show_n(const char *s, size_t n);

/* Prints "frise: MESSAGE" and returns the exit code the error stands for.
 * Frees `error`. */
int cli_fail(GError *error);

/* Reports one skipped input on stderr (a FriseReadErrorFunc). */
void cli_report_skipped(const GError *error, void *user);

/* Prints a progress line on stderr when it is a terminal and not -q:
 * `done` of `total` (0: unknown), the articles per second since the
 * first and, with a total, the time left. */
void cli_progress(const char *what, size_t done, size_t total);

/*
 * Options shared by the subcommands that read articles (articles, tag,
 * ingest, build): add CLI_INPUT_ENTRIES(&in) to the subcommand's entries,
 * then call cli_read_inputs() on the remaining arguments.
 */
typedef struct {
	gboolean jsonl;   /* --jsonl: the inputs are JSON Lines streams */
	gboolean lossy;   /* --lossy: replace invalid UTF-8 instead of failing */
	char *lang;       /* --lang fr|en|auto */
	char *published;  /* --dct DATE: the publication date of every input */
	char *max_size;   /* --max-size MiB, as given (NULL: default 16); cli_input_limits() reads it */
	char *max_files;  /* --max-files N, as given (NULL: CLI_DEFAULT_MAX_FILES) */
} CliInput;

/* Limits (issue 7): an article is at most --max-size MiB (16 by default,
 * article.h); one command reads at most --max-files articles (files, or
 * JSON Lines lines), 100,000 by default, so that a mistyped folder such as
 * / is refused before it is read rather than filling memory. */
#define CLI_DEFAULT_MAX_FILES ARTICLE_DEFAULT_MAX_ARTICLES

#define CLI_INPUT_ENTRIES(in) \
	{ "jsonl", 0, 0, G_OPTION_ARG_NONE, &(in)->jsonl, "Inputs are JSON Lines: {\"id\",\"text\",\"published\",\"title\",\"url\",\"lang\"} a line", NULL }, \
	{ "lossy", 0, 0, G_OPTION_ARG_NONE, &(in)->lossy, "Replace invalid UTF-8 by U+FFFD instead of rejecting the file", NULL }, \
	{ "lang", 'l', 0, G_OPTION_ARG_STRING, &(in)->lang, "Language of the articles: fr, en or auto (default)", "LANG" }, \
	{ "dct", 0, 0, G_OPTION_ARG_STRING, &(in)->published, "Publication date of the articles (YYYY, YYYY-MM or YYYY-MM-DD)", "DATE" }, \
	{ "max-size", 0, 0, G_OPTION_ARG_STRING, &(in)->max_size, "Largest article (and JSON Lines line) accepted, in MiB: 1 to 65536 (default 16)", "MIB" }, \
	{ "max-files", 0, 0, G_OPTION_ARG_STRING, &(in)->max_files, "Most articles read at once (default 100000)", "N" }

/*
 * Reads the articles named by argv[1..argc) ("-" or nothing: stdin) with
 * the options in `in`. Skipped inputs are reported on stderr. Returns a new
 * array of FriseArticle* (g_ptr_array_unref), or NULL with `*code` set to
 * the exit code after printing why; `*code` is FRISE_ERROR_INPUT too when
 * some inputs were skipped but others read. Frees nothing in `in`.
 */
GPtrArray *cli_read_inputs(const CliInput *in, int argc, char **argv, int *code);
/* --max-size in bytes and --max-files, checked: false after printing why
 * (a usage error) for a value out of range, 0 included. */
bool cli_input_limits(const CliInput *in, size_t *max_bytes, size_t *max_files);
/* Reads a whole number in [min, max] from `value`, the argument of option
 * `name`; false after printing why. */
bool cli_parse_int(const char *name, const char *value, long min, long max, long *out);
/* Reads a finite number in [min, max]; false after printing why. */
bool cli_parse_double(const char *name, const char *value, double min, double max, double *out);
void cli_input_clear(CliInput *in);

/* As cli_read_inputs(), handing the articles to `fn` `batch` at a time
 * as they are read (fn borrows them; false with `error` stops the read,
 * and the error is printed). Returns the articles read; `*code` as
 * cli_read_inputs() sets it, or the error's. */
typedef bool (*CliBatchFunc)(GPtrArray *articles, void *user, GError **error);
size_t cli_read_each(const CliInput *in, int argc, char **argv, size_t batch, CliBatchFunc fn, void *user,
		     int *code);

/* How cli_open_store() opens a store. */
typedef enum {
	CLI_STORE_CREATE, /* ingest, build: made when missing */
	CLI_STORE_WRITE,  /* curation: must exist (a mistyped --store must not become an empty store) */
	CLI_STORE_READ,   /* listing, rendering: must exist, opened read-only (store_open_read) */
} CliStoreMode;

/* Opens the store at `path` for `frise CMD` and, with `pipeline`
 * (may be NULL), a pipeline over it in *pipeline (pipeline_free), with
 * each of `templates` (may be NULL) added. NULL with the message printed
 * and *code set on failure. */
#include "frise/pipeline.h"
FriseStore *cli_open_store(const char *cmd, const char *path, CliStoreMode mode, char **templates,
			   FrisePipeline **pipeline, int *code);

/* Renders `timeline` in `format` and writes it atomically to `path`
 * ("-" for stdout). Returns true, or false with `error` set. */
#include "frise/render.h"
bool cli_write_format(const FriseRenderFormat *format, const FriseTimeline *timeline,
		      const FriseRenderOptions *opts, const char *path, GError **error);

#endif
