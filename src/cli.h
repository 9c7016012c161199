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
int cli_events(int argc, char **argv);
int cli_build(int argc, char **argv);
int cli_render(int argc, char **argv);

/* -1 with -q, 0 by default, 1 with -v. */
extern int cli_verbosity;

/* The -q/-v entries every subcommand adds to its options. */
extern const GOptionEntry cli_common_entries[];

/* Parses argv with `entries` plus the common ones; on a usage error prints
 * it with the subcommand's name and returns false (exit 2). */
bool cli_parse(const char *name, const char *params, const char *summary,
	       const GOptionEntry *entries, int *argc, char ***argv);

/* Prints "frise: MESSAGE" and returns the exit code the error stands for.
 * Frees `error`. */
int cli_fail(GError *error);

/* Reports one skipped input on stderr (a FriseReadErrorFunc). */
void cli_report_skipped(const GError *error, void *user);

/* Prints a progress line on stderr when it is a terminal and not -q. */
void cli_progress(const char *what, size_t done, size_t total);

/* Renders `timeline` in `format` and writes it atomically to `path`
 * ("-" for stdout). Returns true, or false with `error` set. */
#include "frise/render.h"
bool cli_write_format(const FriseRenderFormat *format, const FriseTimeline *timeline,
		      const FriseRenderOptions *opts, const char *path, GError **error);

#endif
