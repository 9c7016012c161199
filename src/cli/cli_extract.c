/*
 * cli_extract.c — `frise extract`: the article stage as a JSON Lines
 * filter (articles in, one line of candidates per article out, as
 * templates/candidates.schema.json describes), the map step that
 * `frise ingest --candidates` reduces. It keeps nothing: each line is a
 * function of its article and the templates, so the inputs may be split
 * across processes or machines (tools/frise-dask.py, GNU parallel).
 */
#include "cli.h"
#include "frise/pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct {
	FrisePipeline *p;
	FILE *out;
	size_t max_bytes; /* --max-size: a line ingest --candidates reads back */
	int worst;        /* of the articles skipped (cli_report_skipped()) */
} Extract;

static bool
extract_batch(GPtrArray *articles, void *user, GError **error)
{
	Extract *x = user;
	char *lines = pipeline_extract(x->p, articles, x->max_bytes, cli_report_skipped, &x->worst, error);
	if (lines == NULL)
		return false;
	size_t len = strlen(lines);
	bool ok = fwrite(lines, 1, len, x->out) == len && fflush(x->out) == 0;
	g_free(lines);
	if (!ok)
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_OUTPUT, "standard output: cannot write: %s",
			    g_strerror(errno));
	return ok;
}

int
cli_extract(int argc, char **argv)
{
	CliInput in = { 0 };
	char **templates = NULL;
	int batch = 0;
	const GOptionEntry entries[] = {
		{ "templates", 't', 0, G_OPTION_ARG_FILENAME_ARRAY, &templates,
		  "Add an event-type template file (as templates/events.json); repeatable", "FILE" },
		{ "batch", 0, 0, G_OPTION_ARG_INT, &batch, "Articles read and extracted at once (default 256)", "N" },
		CLI_INPUT_ENTRIES(&in),
		G_OPTION_ENTRY_NULL
	};
	int code = 0;
	if (!cli_parse("extract", "[FILE…]",
		       "Reads and tags articles and prints, one JSON line per article, what the event stage "
		       "needs of it (templates/candidates.schema.json), for 'frise ingest --candidates'.",
		       entries, &argc, &argv)) {
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (batch < 0) {
		fprintf(stderr, "frise extract: --batch must be positive\n");
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	size_t max_bytes = 0, max_files = 0;
	if (!cli_input_limits(&in, &max_bytes, &max_files)) {
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	FrisePipeline *p = NULL;
	/* a store in memory holds the templates only */
	FriseStore *store = cli_open_store("extract", ":memory:", CLI_STORE_CREATE, templates, &p, &code);
	if (store == NULL)
		goto out;
	Extract x = { p, stdout, max_bytes, FRISE_ERROR_OK };
	cli_read_each(&in, argc, argv, batch > 0 ? (size_t)batch : PIPELINE_DEFAULT_BATCH, extract_batch, &x, &code);
	if (x.worst != FRISE_ERROR_OK && (code == FRISE_ERROR_OK || code == FRISE_ERROR_INPUT))
		code = MAX(code, x.worst); /* an article whose line would be too long: a limit, 5 */
	pipeline_free(p);
	store_close(store);
out:
	cli_input_clear(&in);
	g_strfreev(templates);
	return code;
}
