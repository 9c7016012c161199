/*
 * cli_store.c — `frise ingest`, `frise events` (list and curate) and
 * `frise build` (read, ingest into a store, write every output format;
 * the calendar and the images on a second thread). Exit codes are
 * FriseError values; a bad input names the file.
 */
#include "cli.h"
#include "frise/date.h"
#include "frise/render.h"
#include "frise/pipeline.h"
#include "frise/store.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <malloc.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

/* Opens the store and adds the user's template files. */
FriseStore *
cli_open_store(const char *cmd, const char *path, CliStoreMode mode, char **templates, FrisePipeline **pipeline,
	       int *code)
{
	GError *error = NULL;
	FriseStore *s = mode == CLI_STORE_READ ? store_open_read(path, &error)
			: mode == CLI_STORE_WRITE ? store_open_existing(path, &error) : store_open(path, &error);
	FrisePipeline *p = s != NULL ? pipeline_new(s, &error) : NULL;
	bool ok = p != NULL;
	for (char **t = templates; ok && t != NULL && *t != NULL; t++)
		ok = pipeline_add_templates(p, *t, &error);
	if (!ok) {
		/* "frise events: story.db: no such store…", as a usage message names its command */
		if (s == NULL && error != NULL && error->domain == FRISE_ERROR_DOMAIN) {
			fprintf(stderr, "frise %s: %s\n", cmd, cli_show(error->message));
			*code = error->code;
			g_error_free(error);
		} else {
			*code = cli_fail(error);
		}
		pipeline_free(p);
		store_close(s);
		return NULL;
	}
	if (pipeline != NULL)
		*pipeline = p;
	else
		pipeline_free(p);
	return s;
}

static bool
add_batch(GPtrArray *articles, void *user, GError **error)
{
	return pipeline_add(user, articles, error);
}

/* Reads, tags and ingests argv's articles through `pipeline`, `batch`
 * at a time (0: the default), then rebuilds the events; returns an exit
 * code. Batches committed before a failure stay (the next ingest skips
 * them and rebuilds). */
static int
ingest(FrisePipeline *pipeline, const CliInput *in, int batch, int argc, char **argv, size_t *narticles)
{
	int code = 0;
	pipeline_set_batch(pipeline, (guint)batch);
	*narticles = cli_read_each(in, argc, argv, batch > 0 ? (size_t)batch : PIPELINE_DEFAULT_BATCH, add_batch,
				   pipeline, &code);
	if (code != 0 && code != FRISE_ERROR_INPUT)
		return code;
	GError *error = NULL;
	if (!pipeline_update(pipeline, &error))
		code = cli_fail(error);
	return code;
}

/* `frise ingest --candidates FILE…`: the lines of `frise extract`, `batch`
 * at a time, bounded by --max-size and --max-files, then the rebuild. A
 * bad line stops it with its place named. */
static int
ingest_candidates(FrisePipeline *p, const CliInput *in, int batch, int argc, char **argv, size_t *nlines)
{
	static const char *const stdin_only[] = { "-" };
	const char *const *paths = (const char *const *)argv + 1;
	size_t npaths = argc > 1 ? (size_t)argc - 1 : 0;
	if (npaths == 0) {
		if (isatty(STDIN_FILENO)) {
			fprintf(stderr, "frise ingest: --candidates: name the files 'frise extract' wrote, or '-'\n");
			return FRISE_ERROR_USAGE;
		}
		paths = stdin_only;
		npaths = 1;
	}
	FriseReadOptions opts = { .progress = cli_progress };
	if (!cli_input_limits(in, &opts.max_bytes, &opts.max_articles))
		return FRISE_ERROR_USAGE;
	guint per = batch > 0 ? (guint)batch : PIPELINE_DEFAULT_BATCH;
	pipeline_set_batch(p, per);
	GError *error = NULL;
	bool ok = pipeline_add_extracted_paths(p, paths, npaths, &opts, nlines, &error);
	if (*nlines >= per && cli_verbosity >= 0 && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	ok = ok && pipeline_update(p, &error);
	return ok ? 0 : cli_fail(error);
}

int
cli_ingest(int argc, char **argv)
{
	CliInput in = { 0 };
	char *store_path = NULL;
	char **templates = NULL;
	gboolean candidates = FALSE;
	int batch = 0;
	const GOptionEntry entries[] = {
		{ "store", 's', 0, G_OPTION_ARG_FILENAME, &store_path,
		  "Event store: a file (default frise.db) or a PostgreSQL URL (below)", "STORE" },
		{ "templates", 't', 0, G_OPTION_ARG_FILENAME_ARRAY, &templates,
		  "Add an event-type template file (as templates/events.json); repeatable", "FILE" },
		{ "candidates", 0, 0, G_OPTION_ARG_NONE, &candidates,
		  "The FILEs are what 'frise extract' wrote: merge them without tagging again", NULL },
		{ "batch", 0, 0, G_OPTION_ARG_INT, &batch,
		  "Articles per transaction (default 256): a killed ingest loses one batch at most", "N" },
		CLI_INPUT_ENTRIES(&in),
		G_OPTION_ENTRY_NULL
	};
	int code = 0;
	if (!cli_parse("ingest", "[FILE…]", "Adds articles to the event store and merges their events.",
		       entries, &argc, &argv)) {
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (batch < 0) {
		fprintf(stderr, "frise ingest: --batch must be positive\n");
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	GError *error = NULL;
	FrisePipeline *pipeline = NULL;
	FriseStore *store = cli_open_store("ingest", store_path ? store_path : "frise.db", CLI_STORE_CREATE, templates, &pipeline,
					   &code);
	if (store == NULL)
		goto out;
	size_t n = 0;
	code = candidates ? ingest_candidates(pipeline, &in, batch, argc, argv, &n) : ingest(pipeline, &in, batch, argc, argv, &n);
	if (code == 0 || code == FRISE_ERROR_INPUT) {
		FriseTimelineQuery q = { 0 };
		FriseTimeline *tl = store_timeline(store, &q, &error);
		if (tl == NULL)
			code = cli_fail(error);
		else if (cli_verbosity >= 0 && n > 0)
			fprintf(stderr, "frise ingest: %zu article%s read; the store holds %u articles and %u events\n",
				n, n == 1 ? "" : "s", tl->articles->len, tl->events->len);
		event_timeline_free(tl);
	}
	pipeline_free(pipeline);
	store_close(store);
out:
	cli_input_clear(&in);
	g_free(store_path);
	g_strfreev(templates);
	return code;
}

/* ------------------------------------------------------------------ */
/* frise events                                                        */

static cJSON *
event_json(const FriseEvent *e, FriseLang lang)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", e->id);
	cJSON *d = cJSON_AddObjectToObject(o, "date");
	cJSON_AddStringToObject(d, "value", e->value);
	cJSON_AddStringToObject(d, "mod", e->mod);
	char *disp = date_display(e->value, e->mod, lang, false);
	cJSON_AddStringToObject(d, "display", disp);
	g_free(disp);
	cJSON_AddStringToObject(o, "type", e->type);
	cJSON_AddStringToObject(o, "status", event_status_name(e->status));
	cJSON_AddStringToObject(o, "title", e->title);
	cJSON_AddStringToObject(o, "text", e->text);
	cJSON_AddNumberToObject(o, "score", e->score);
	cJSON_AddNumberToObject(o, "rank", e->rank);
	if (e->why != NULL)
		cJSON_AddStringToObject(o, "why", e->why);
	cJSON_AddBoolToObject(o, "conflict", e->conflict);
	cJSON_AddBoolToObject(o, "edited", e->edited);
	cJSON_AddBoolToObject(o, "hidden", e->hidden);
	cJSON_AddNumberToObject(o, "sequence", e->sequence);
	/* what `frise events edit ID --version N` names */
	cJSON_AddNumberToObject(o, "version", e->sequence);
	cJSON *arr = cJSON_AddArrayToObject(o, "sources");
	for (guint i = 0; i < e->sources->len; i++) {
		const FriseSource *s = g_ptr_array_index(e->sources, i);
		cJSON *so = cJSON_CreateObject();
		cJSON_AddStringToObject(so, "article", s->article);
		cJSON_AddStringToObject(so, "title", s->title);
		if (s->url != NULL)
			cJSON_AddStringToObject(so, "url", s->url);
		if (e->keys != NULL && i < e->keys->len)
			cJSON_AddStringToObject(so, "key", g_ptr_array_index(e->keys, i));
		cJSON_AddStringToObject(so, "value", s->value);
		cJSON_AddStringToObject(so, "mod", s->mod);
		cJSON_AddStringToObject(so, "quote", s->quote);
		if (s->why != NULL)
			cJSON_AddStringToObject(so, "joined", s->why);
		cJSON_AddNumberToObject(so, "start", (double)s->start);
		cJSON_AddNumberToObject(so, "end", (double)s->end);
		cJSON_AddItemToArray(arr, so);
	}
	return o;
}

static void
print_events(const FriseTimeline *tl, bool json, bool explain)
{
	if (json) {
		cJSON *arr = cJSON_CreateArray();
		for (guint i = 0; i < tl->events->len; i++)
			cJSON_AddItemToArray(arr, event_json(g_ptr_array_index(tl->events, i), tl->lang));
		char *s = cJSON_Print(arr);
		printf("%s\n", s);
		cJSON_free(s);
		cJSON_Delete(arr);
		return;
	}
	for (guint i = 0; i < tl->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(tl->events, i);
		char *disp = date_display(e->value, e->mod, tl->lang, false);
		/* printf pads bytes; pad characters so "février" lines up. */
		long pad = 20 - g_utf8_strlen(disp, -1);
		/* ID@VERSION, as `frise events edit` takes it: a change made on
		 * what this listing shows is refused if someone changed the
		 * event in between. Every string from the store is shown
		 * through cli_show(): an article's ESC or OSC never reaches
		 * the terminal */
		char *ref = g_strdup_printf("%s@%d", e->id, e->sequence);
		printf("%-20s  %s%*s  %-11s %s%s%s%s\n", cli_show(ref), cli_show(disp), (int)MAX(pad, 0), "",
		       cli_show(e->type), cli_show(e->title),
		       e->status != FRISE_STATUS_HAPPENED ? " [" : "",
		       e->status != FRISE_STATUS_HAPPENED ? event_status_name(e->status) : "",
		       e->status != FRISE_STATUS_HAPPENED ? "]" : "");
		g_free(disp);
		g_free(ref);
		if (explain)
			printf("    score %s; rank %.3f; %s, sequence %d%s\n", e->why ? cli_show(e->why) : "(not recorded)", e->rank,
			       event_status_name(e->status), e->sequence, e->edited ? ", edited" : "");
		for (guint k = 0; k < e->sources->len; k++) {
			const FriseSource *s = g_ptr_array_index(e->sources, k);
			printf("    %s %s  (%s%s%s%s%s)\n", k == 0 ? "sources:" : "        ", cli_show(s->article),
			       cli_show(s->value), s->mod[0] ? " " : "", cli_show(s->mod), e->conflict ? ", conflict" : "",
			       e->hidden && k == 0 ? ", hidden" : "");
			if (explain)
				printf("             mention %s, bytes %zu-%zu, joined: %s: %s\n",
				       e->keys && k < e->keys->len ? cli_show(g_ptr_array_index(e->keys, k)) : "?",
				       s->start, s->end, s->why ? cli_show(s->why) : "(not recorded)", cli_show(s->quote));
		}
	}
}

static void
print_articles(GPtrArray *arts, bool json)
{
	cJSON *arr = json ? cJSON_CreateArray() : NULL;
	for (guint i = 0; i < arts->len; i++) {
		const FriseStoreArticle *a = g_ptr_array_index(arts, i);
		if (json) {
			cJSON_AddItemToArray(arr, cli_store_article_json(a));
			continue;
		}
		if (a->published != NULL)
			printf("%s  %s (%s)  %u mentions\n", cli_show(a->id), cli_show(a->published), cli_show(a->origin),
			       a->mentions);
		else if (a->estimate != NULL)
			printf("%s  ~%s (estimated, %s precision: %s)  %u mentions\n", cli_show(a->id), cli_show(a->estimate),
			       date_granularity_name(a->precision), cli_show(a->evidence), a->mentions);
		else
			printf("%s  undated (%s)  %u mentions\n", cli_show(a->id), a->evidence ? cli_show(a->evidence) : "no estimate",
			       a->mentions);
	}
	if (json) {
		char *s = cJSON_Print(arr);
		printf("%s\n", s);
		cJSON_free(s);
		cJSON_Delete(arr);
	}
}

/* Opens an existing store, or says there is none (exit 3). */
int
cli_store_articles(const char *path, bool json, int argc, char **argv)
{
	if (argc > 1) {
		fprintf(stderr, "frise articles: --store takes no FILE (got '%s')\n", cli_show(argv[1]));
		return FRISE_ERROR_USAGE;
	}
	int code = 0;
	FriseStore *store = cli_open_store("articles", path, CLI_STORE_READ, NULL, NULL, &code);
	if (store == NULL)
		return code;
	GError *error = NULL;
	GPtrArray *arts = store_articles(store, &error);
	if (arts == NULL) {
		code = cli_fail(error);
	} else {
		print_articles(arts, json);
		g_ptr_array_unref(arts);
	}
	store_close(store);
	return code;
}

/* Reads "ID" or "ID@N" (the version `frise events` shows) into *ref
 * (ref->id points into `arg`, which it cuts at the '@'); `version` is
 * --version's value (-1 when not given). False after printing why. */
static bool
parse_ref(char *arg, int version, FriseEventRef *ref)
{
	char *at = strrchr(arg, '@');
	ref->id = arg;
	ref->version = version;
	if (at == NULL)
		return true;
	char *end = NULL;
	long n = strtol(at + 1, &end, 10);
	if (at[1] == '\0' || *end != '\0' || n < 0 || n > G_MAXINT) {
		fprintf(stderr, "frise events: '%s': expected ID or ID@VERSION (as 'frise events' lists them)\n", arg);
		return false;
	}
	if (version >= 0 && version != n) {
		fprintf(stderr, "frise events: '%s' and --version %d name two versions\n", arg, version);
		return false;
	}
	*at = '\0';
	ref->version = (int)n;
	return true;
}

int
cli_events(int argc, char **argv)
{
	char *store_path = NULL, *title = NULL, *date = NULL, *type = NULL;
	gboolean json = FALSE, all = FALSE, undo = FALSE, explain = FALSE;
	int top = 0, version = -1;
	const GOptionEntry entries[] = {
		{ "store", 's', 0, G_OPTION_ARG_FILENAME, &store_path,
		  "Event store: a file (default frise.db) or a PostgreSQL URL (below)", "STORE" },
		{ "json", 0, 0, G_OPTION_ARG_NONE, &json, "List as JSON", NULL },
		{ "all", 'a', 0, G_OPTION_ARG_NONE, &all, "List hidden events too", NULL },
		{ "explain", 0, 0, G_OPTION_ARG_NONE, &explain,
		  "Say why: score, status, and each source's mention key, bytes and sentence", NULL },
		{ "top", 0, 0, G_OPTION_ARG_INT, &top, "List the N most salient events", "N" },
		{ "title", 0, 0, G_OPTION_ARG_STRING, &title, "edit: the new headline", "TEXT" },
		{ "date", 0, 0, G_OPTION_ARG_STRING, &date, "edit: the new date (YYYY, YYYY-MM, YYYY-MM-DD…)", "DATE" },
		{ "type", 0, 0, G_OPTION_ARG_STRING, &type, "edit: the new type (reveal, leak, lawsuit…)", "TYPE" },
		{ "undo", 0, 0, G_OPTION_ARG_NONE, &undo, "hide: show the event again", NULL },
		{ "version", 0, 0, G_OPTION_ARG_INT, &version,
		  "edit, hide, split: the version the change was made on (as listed: ID@VERSION); refused, exit 3, "
		  "if the event changed since", "N" },
		G_OPTION_ENTRY_NULL
	};
	int code = 0;
	FriseEventRef *refs = NULL;
	if (!cli_parse("events", "[list | articles | edit ID[@N] | hide ID[@N] | merge ID[@N] ID[@N]… | split ID[@N]]",
		       "Lists the events of the store, or curates them: edits, hides, merges and splits "
		       "are kept as overrides that survive re-ingesting the articles. Each event is listed as "
		       "ID@VERSION; a change that names the version it was made on (ID@N, or --version N) is "
		       "refused with exit 3 when someone changed the event since, and applies to the current "
		       "version otherwise.",
		       entries, &argc, &argv)) {
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	const char *cmd = argc > 1 ? argv[1] : "list";
	int nargs = argc > 1 ? argc - 2 : 0;
	char **args = argv + 2;
	static const char *const actions[] = { "list", "articles", "edit", "hide", "merge", "split", NULL };
	if (!g_strv_contains(actions, cmd)) { /* a usage error, before any store is opened */
		fprintf(stderr, "frise events: unknown action '%s'\nTry 'frise events --help'.\n", cli_show(cmd));
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	bool want_one = strcmp(cmd, "edit") == 0 || strcmp(cmd, "hide") == 0 || strcmp(cmd, "split") == 0;
	bool listing = strcmp(cmd, "list") == 0 || strcmp(cmd, "articles") == 0;
	if ((want_one && nargs != 1) || (listing && nargs != 0) || (strcmp(cmd, "merge") == 0 && nargs < 2)) {
		fprintf(stderr, "frise events: '%s' takes %s\nTry 'frise events --help'.\n", cli_show(cmd),
			want_one ? "one event id" : strcmp(cmd, "merge") == 0 ? "two or more event ids" : "no argument");
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (strcmp(cmd, "edit") == 0 && title == NULL && date == NULL && type == NULL) {
		fprintf(stderr, "frise events: edit needs --title, --date or --type\n");
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (top < 0) {
		fprintf(stderr, "frise events: --top must be positive\n");
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (version >= 0 && !want_one) {
		fprintf(stderr, "frise events: --version goes with edit, hide or split; merge takes ID@VERSION for "
			"each event\n");
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (version < -1) {
		fprintf(stderr, "frise events: --version must be 0 or more\n");
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	refs = g_new0(FriseEventRef, MAX(nargs, 1));
	for (int i = 0; !listing && i < nargs; i++) {
		if (!parse_ref(args[i], version, &refs[i])) {
			code = FRISE_ERROR_USAGE;
			goto out;
		}
	}
	FrisePipeline *pipeline = NULL;
	FriseStore *store = cli_open_store("events", store_path ? store_path : "frise.db",
					   listing ? CLI_STORE_READ : CLI_STORE_WRITE, NULL, &pipeline, &code);
	if (store == NULL)
		goto out;
	GError *error = NULL;
	bool ok = true;
	if (strcmp(cmd, "list") == 0) {
		FriseTimelineQuery q = { .top = (size_t)top, .with_hidden = all };
		FriseTimeline *tl = pipeline_timeline(pipeline, &q, &error);
		if ((ok = tl != NULL))
			print_events(tl, json, explain);
		event_timeline_free(tl);
	} else if (strcmp(cmd, "articles") == 0) {
		GPtrArray *arts = store_articles(store, &error);
		if ((ok = arts != NULL)) {
			print_articles(arts, json);
			g_ptr_array_unref(arts);
		}
	} else if (strcmp(cmd, "edit") == 0) {
		ok = pipeline_edit_event(pipeline, &refs[0], title, date, type, &error);
	} else if (strcmp(cmd, "hide") == 0) {
		ok = pipeline_hide_event(pipeline, &refs[0], !undo, &error);
	} else if (strcmp(cmd, "merge") == 0) {
		ok = pipeline_merge_events(pipeline, refs, (size_t)nargs, &error);
	} else { /* split: the actions are checked above */
		ok = pipeline_split_event(pipeline, &refs[0], &error);
	}
	if (!ok)
		code = cli_fail(error);
	pipeline_free(pipeline);
	store_close(store);
out:
	g_free(refs);
	g_free(store_path);
	g_free(title);
	g_free(date);
	g_free(type);
	return code;
}

/* ------------------------------------------------------------------ */
/* frise build                                                         */

/* The files SQLite may make for a store. */
static const char *const store_suffixes[] = { "", "-wal", "-shm", "-journal" };

static void
remove_store_files(const char *db)
{
	for (size_t i = 0; i < G_N_ELEMENTS(store_suffixes); i++) {
		char *p = g_strconcat(db, store_suffixes[i], NULL);
		g_unlink(p);
		g_free(p);
	}
}

/* Renders one format of `frise build` and adds it to the build's set of
 * outputs (written to a temporary file; renamed with the others once all
 * are written). */
static bool
stage_format(FriseOutputs *set, const FriseRenderFormat *f, const FriseTimeline *t,
	     const FriseRenderOptions *opts, const char *path, GError **error)
{
	GString *out = g_string_new(NULL);
	bool ok = f->render(t, opts, out, error) && frise_outputs_add(set, path, out->str, out->len, error);
	g_string_free(out, TRUE);
	return ok;
}

/* stage_format() for the JSON formats: index.html embeds the text of
 * timeline.json (same timeline, same options), so the first is kept in
 * *json (the caller frees it) and given to the second: rendering the
 * JSON twice was a tenth of a 10,000-article build. */
static bool
write_output(FriseOutputs *set, const FriseRenderFormat *f, const FriseTimeline *t, const FriseRenderOptions *opts,
	     const char *path, GString **json, GError **error)
{
	if (f->render != json_render && (f->render != html_render || *json == NULL))
		return stage_format(set, f, t, opts, path, error);
	GString *out = g_string_new(NULL);
	bool rendered = f->render == html_render ? html_render_json(t, opts, (*json)->str, (*json)->len, out, error)
						 : json_render(t, opts, out, error);
	bool ok = rendered && frise_outputs_add(set, path, out->str, out->len, error);
	if (rendered && f->render == json_render && *json == NULL)
		*json = g_steal_pointer(&out);
	if (out != NULL)
		g_string_free(out, TRUE);
	if (f->render == html_render && *json != NULL) { /* its only reader */
		g_string_free(*json, TRUE);
		*json = NULL;
	}
	return ok;
}

/* One output file of `frise build`. */
typedef struct {
	FriseOutputs *set;              /* borrowed: the build's */
	const FriseRenderFormat *format;
	const FriseTimeline *timeline;  /* borrowed */
	const FriseRenderOptions *opts; /* borrowed */
	char *path;
	bool aside;                     /* written by the second thread */
	bool ok;
	GError *error;
} Output;

/* The outputs `aside` (the calendar and the images): the second thread. */
static gpointer
write_aside(gpointer data)
{
	GArray *outs = data;
	for (guint i = 0; i < outs->len; i++) {
		Output *o = &g_array_index(outs, Output, i);
		if (o->aside)
			o->ok = stage_format(o->set, o->format, o->timeline, o->opts, o->path, &o->error);
	}
	return NULL;
}

int
cli_build(int argc, char **argv)
{
	CliInput in = { 0 };
	char *store_path = NULL, *outdir = NULL, *title = NULL, *lang = NULL;
	char **templates = NULL;
	int top = 0, image_top = -1;
	const GOptionEntry entries[] = {
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &outdir, "Output folder (default out)", "DIR" },
		{ "store", 's', 0, G_OPTION_ARG_FILENAME, &store_path,
		  "Keep the events in this store (default: a temporary one)", "PATH" },
		{ "templates", 't', 0, G_OPTION_ARG_FILENAME_ARRAY, &templates,
		  "Add an event-type template file; repeatable", "FILE" },
		{ "top", 0, 0, G_OPTION_ARG_INT, &top, "Keep the N most salient events", "N" },
		{ "image-top", 0, 0, G_OPTION_ARG_INT, &image_top,
		  "Draw the N most salient events in the images, spread over the story (default 24, what a page "
		  "holds; 0: all)", "N" },
		{ "title", 0, 0, G_OPTION_ARG_STRING, &title, "Title of the timeline", "TEXT" },
		{ "output-lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of labels and dates: fr or en", "LANG" },
		CLI_INPUT_ENTRIES(&in),
		G_OPTION_ENTRY_NULL
	};
	int code = 0;
	char *tmpdir = NULL, *tmpdb = NULL;
	int tracked[1 + G_N_ELEMENTS(store_suffixes)];
	for (size_t i = 0; i < G_N_ELEMENTS(tracked); i++)
		tracked[i] = -1;
	if (!cli_parse("build", "[FILE…]", "Reads articles and writes the timeline in every format "
		       "into a folder: timeline.ics, timeline.json, timelinejs.json, index.html, timeline.svg, "
		       "timeline.png.", entries, &argc, &argv)) {
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	FriseRenderOptions opts = { .title = title };
	if (lang != NULL && (opts.lang = frise_lang_parse(lang)) == FRISE_LANG_UNKNOWN) {
		fprintf(stderr, "frise build: --output-lang must be fr or en, not '%s'\n", cli_show(lang));
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	if (top < 0 || image_top < -1) {
		fprintf(stderr, "frise build: --top and --image-top must be positive\n");
		code = FRISE_ERROR_USAGE;
		goto out;
	}
	GError *error = NULL;
	if (store_path == NULL) {
		tmpdir = frise_temp_folder("frise-build", &tracked[0], &error);
		if (tmpdir == NULL) {
			code = cli_fail(error);
			goto out;
		}
		tmpdb = g_build_filename(tmpdir, "store.db", NULL);
		/* removed on SIGINT/SIGTERM too, not only at the end */
		for (size_t i = 0; i < G_N_ELEMENTS(store_suffixes); i++) {
			char *p = g_strconcat(tmpdb, store_suffixes[i], NULL);
			tracked[i + 1] = frise_cleanup_track(p, false);
			g_free(p);
		}
	}
	FrisePipeline *pipeline = NULL;
	FriseStore *store = cli_open_store("build", store_path ? store_path : tmpdb, CLI_STORE_CREATE, templates, &pipeline, &code);
	if (store == NULL)
		goto out;
	size_t n = 0;
	code = ingest(pipeline, &in, 0, argc, argv, &n);
	if (code != 0 && code != FRISE_ERROR_INPUT) {
		pipeline_free(pipeline);
		store_close(store);
		goto out;
	}
	FriseTimelineQuery q = { .top = (size_t)top };
	FriseTimeline *tl = pipeline_timeline(pipeline, &q, &error);
	/* An image of thousands of events helps no reader: the images draw
	 * the most salient ones spread over the story (the layout picks
	 * them), the other formats everything. */
	FriseRenderOptions image_opts = opts;
	image_opts.events = image_top < 0 ? 0 : image_top == 0 ? SIZE_MAX : (size_t)image_top;
	if (tl != NULL && cli_verbosity >= 0 && image_top != 0 &&
	    tl->events->len > (image_top < 0 ? RENDER_IMAGE_EVENTS : (guint)image_top))
		fprintf(stderr, "frise build: the images show the %u most salient of %u events (--image-top N)\n",
			image_top < 0 ? RENDER_IMAGE_EVENTS : (guint)image_top, tl->events->len);
	pipeline_free(pipeline);
	store_close(store);
	/* the articles, the merge and the store's page cache are freed: give
	 * their pages back, as the outputs' second thread allocates apart */
	malloc_trim(0);
	if (tl == NULL) {
		code = cli_fail(error);
		goto out;
	}
	if (store_path == NULL) {
		/* a store made for this run saw every event first now: stamp
		 * them from their articles' dates, the same on every run */
		event_timeline_stamp_from_sources(tl);
	}
	const char *dir = outdir ? outdir : "out";
	if (g_mkdir_with_parents(dir, 0755) != 0) {
		fprintf(stderr, "frise build: cannot create the folder %s: %s\n", cli_show(dir), g_strerror(errno));
		event_timeline_free(tl);
		code = FRISE_ERROR_OUTPUT;
		goto out;
	}
	/* The calendar and the images (libical, Pango and cairo, used by no
	 * other format) are written by a second thread while this one writes
	 * the JSON formats: the renderers only read the timelines and the
	 * options. Messages follow, in the table's order. */
	FriseOutputs *set = frise_outputs_new();
	GArray *outs = g_array_new(FALSE, TRUE, sizeof(Output));
	for (const FriseRenderFormat *f = render_formats(); f->name != NULL; f++) {
		if (f->file == NULL)
			continue;
		bool image = f->image;
		Output o = { set, f, tl, image ? &image_opts : &opts, g_build_filename(dir, f->file, NULL),
			     image || strcmp(f->name, "ics") == 0, false, NULL };
		g_array_append_val(outs, o);
	}
	GThread *aside = g_thread_try_new("frise-render", write_aside, outs, NULL);
	GString *json = NULL; /* timeline.json's text, for index.html */
	for (guint i = 0; i < outs->len; i++) {
		Output *o = &g_array_index(outs, Output, i);
		if (!o->aside)
			o->ok = write_output(set, o->format, o->timeline, o->opts, o->path, &json, &o->error);
	}
	if (json != NULL)
		g_string_free(json, TRUE);
	if (aside != NULL)
		g_thread_join(aside);
	else
		write_aside(outs); /* no second thread: this one */
	/* The outputs of one build are one set: every file is replaced, or
	 * none is (a format that cannot be made — a PNG over its size limit
	 * — fails the build with its own exit code, the previous build's
	 * files all left as they were). */
	guint written = 0;
	for (guint i = 0; i < outs->len; i++) {
		Output *o = &g_array_index(outs, Output, i);
		if (!o->ok) {
			if (code == 0 || code == FRISE_ERROR_INPUT) {
				g_prefix_error(&o->error, "build: %s not written, so nothing in %s was replaced: ",
					       o->format->file, dir);
				code = cli_fail(o->error);
			} else {
				g_clear_error(&o->error);
			}
		}
	}
	GError *commit_error = NULL;
	if ((code == 0 || code == FRISE_ERROR_INPUT) && !frise_outputs_commit(set, &commit_error))
		code = cli_fail(commit_error);
	else if (code == 0 || code == FRISE_ERROR_INPUT)
		written = outs->len;
	frise_outputs_free(set);
	for (guint i = 0; i < outs->len; i++) {
		Output *o = &g_array_index(outs, Output, i);
		if (written > 0 && cli_verbosity > 0)
			fprintf(stderr, "frise build: wrote %s\n", cli_show(o->path));
		g_free(o->path);
	}
	g_array_unref(outs);
	if (cli_verbosity >= 0 && written > 0)
		fprintf(stderr, "frise build: %zu article%s, %u events, %u file%s in %s\n", n, n == 1 ? "" : "s",
			tl->events->len, written, written == 1 ? "" : "s", cli_show(dir));
	event_timeline_free(tl);
out:
	if (tmpdb != NULL)
		remove_store_files(tmpdb);
	if (tmpdir != NULL)
		g_rmdir(tmpdir);
	for (size_t i = 0; i < G_N_ELEMENTS(tracked); i++)
		frise_cleanup_untrack(tracked[i]);
	g_free(tmpdb);
	g_free(tmpdir);
	cli_input_clear(&in);
	g_free(store_path);
	g_free(outdir);
	g_free(title);
	g_free(lang);
	g_strfreev(templates);
	return code;
}
