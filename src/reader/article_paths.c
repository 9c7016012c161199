/*
 * article_paths.c — articles read from paths (prefix article_): exports
 * article_read_file(), article_read_paths(), article_read_paths_each()
 * and article_is_input_name() (article.h); every other symbol has file
 * scope.
 *
 * A path is a file, "-" for stdin, or a folder, whose input files are
 * read in name order; a JSON Lines stream gives one article per record.
 * Reading is bounded: a file larger than the limit is rejected after
 * stat() without being read; stdin and pipes are read up to limit + 1
 * bytes; a JSON Lines line is never held beyond a bounded length; at most
 * FriseReadOptions.max_articles articles are read. A folder's files are
 * read on several threads; results and errors come in file order.
 * Each article itself is read by article.c (article_read_bytes(),
 * article_read_text(), article_read_page()).
 */
#include "reader/article_private.h"
#include "core/lang.h"
#include "reader/input.h"
#include "reader/webpage.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Files. */

/* Reads at most limit + 1 bytes from fd; fails with FRISE_ERROR_LIMIT
 * beyond `limit` (never holding more than limit + 1 bytes). */
static char *
read_fd(int fd, const char *path, size_t limit, size_t *len, GError **error)
{
	struct stat st;
	bool regular = false;
	if (fstat(fd, &st) == 0) {
		regular = S_ISREG(st.st_mode);
		if (S_ISDIR(st.st_mode)) {
			article_set_error(error, FRISE_ERROR_INPUT, path, "is a folder");
			return NULL;
		}
		if (S_ISREG(st.st_mode) && (size_t)st.st_size > limit) {
			article_set_limit_error(error, path, (size_t)st.st_size, limit);
			return NULL;
		}
	}
	size_t cap = regular && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
	if (cap > limit + 1)
		cap = limit + 1;
	char *buf = g_malloc(cap + 1);
	size_t n = 0;
	for (;;) {
		if (n == cap) {
			if (cap >= limit + 1)
				break;
			cap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
			buf = g_realloc(buf, cap + 1);
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			article_set_error(error, FRISE_ERROR_INPUT, path, "cannot read: %s", g_strerror(errno));
			g_free(buf);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > limit) {
		article_set_limit_error(error, path, 0, limit);
		g_free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

static FriseArticle *
read_file(const char *path, const FriseReadOptions *opts, bool regular_only, GError **error)
{
	size_t limit = opts != NULL && opts->max_bytes != 0 ? opts->max_bytes : ARTICLE_DEFAULT_MAX_BYTES;
	int fd = input_open(path, regular_only, error);
	if (fd < 0)
		return NULL;
	size_t len = 0;
	char *data = read_fd(fd, path, limit, &len, error);
	if (fd != STDIN_FILENO)
		close(fd);
	if (data == NULL)
		return NULL;
	FriseArticle *a = article_read_bytes(path, data, len, opts, error);
	g_free(data);
	return a;
}

FriseArticle *
article_read_file(const char *path, const FriseReadOptions *opts, GError **error)
{
	return read_file(path, opts, false, error);
}

/* ------------------------------------------------------------------ */
/* JSON Lines. */

typedef struct {
	GPtrArray *out;
	FriseReadErrorFunc on_error;
	void *user;
	size_t failed;
	GError *first; /* the first error reported, for the final message */
	GArray *from_folder; /* gboolean per file of read_all(): found in a folder */
	size_t records;      /* JSON Lines records read, all streams together */
	size_t max;          /* most articles to read (FriseReadOptions.max_articles) */
	GError *over;        /* set when there were more: nothing more is read */
	size_t count;        /* articles read, those handed to on_batch included */
	size_t batch;        /* hand `out` to on_batch at this many (0: never) */
	FriseReadBatchFunc on_batch;
	void *batch_user;
	GError *stop;        /* on_batch's error: nothing more is read */
} Reader;

static void flush(Reader *rd);

/* Sets rd->over: more than rd->max articles to read. */
static void
over_limit(Reader *rd)
{
	if (rd->over == NULL)
		g_set_error(&rd->over, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT,
			    "more than %zu articles to read (raise the limit with --max-files)", rd->max);
}

static void
report(Reader *rd, GError *e)
{
	if (rd->on_error != NULL)
		rd->on_error(e, rd->user);
	rd->failed++;
	if (rd->first == NULL)
		rd->first = e;
	else
		g_error_free(e);
}

/*
 * The members of a JSON Lines record frise reads ("html" instead of
 * "text": a web page). ORDER MEMBERS: the M_ values follow it. Every one
 * is a string (or null): a text
 * that must be valid UTF-8 (with --lossy, invalid bytes are replaced) and
 * hold no NUL, like the article's own text.
 */
static const char *const member_names[] = { "text", "html", "id", "title", "url", "source", "lang", "published", NULL };
enum { M_TEXT, M_HTML, M_ID, M_TITLE, M_URL, M_SOURCE, M_LANG, M_PUBLISHED, M_COUNT };

/* The language a record gives: fr or en, with or without a region
 * ("fr-CA", "en_GB"); NULL for none ("", "auto", "und"); false for any
 * other (frise could not tag it). */
static bool
record_lang(const char *lang, const char *where, GError **error)
{
	if (lang == NULL || *lang == '\0' || g_ascii_strcasecmp(lang, "auto") == 0 || g_ascii_strcasecmp(lang, "und") == 0)
		return true;
	char *base = g_strndup(lang, strcspn(lang, "-_"));
	bool ok = frise_lang_parse(base) != FRISE_LANG_UNKNOWN;
	g_free(base);
	if (!ok)
		article_set_error(error, FRISE_ERROR_INPUT, where, "\"lang\": '%s' is not fr or en (nor auto)", lang);
	return ok;
}

static void
read_jsonl_line(Reader *rd, const char *where, const char *line, size_t len, const FriseReadOptions *opts)
{
	InputBadText bad = opts != NULL && (opts->flags & FRISE_READ_LOSSY) != 0 ? INPUT_REPLACE : INPUT_REFUSE;
	GError *e = NULL;
	char *v[M_COUNT] = { NULL };
	char *published = NULL;
	cJSON *obj = input_object(line, len, where, bad, member_names, &e);
	if (obj == NULL)
		goto out;
	for (int m = 0; m < M_COUNT; m++)
		if (!input_string(obj, member_names[m], where, bad, &v[m], &e))
			goto out;
	if (v[M_TEXT] == NULL && v[M_HTML] == NULL) {
		article_set_error(&e, FRISE_ERROR_INPUT, where, "no \"text\" (or \"html\") string");
		goto out;
	}
	if (!record_lang(v[M_LANG], where, &e))
		goto out;
	if (v[M_LANG] != NULL)
		v[M_LANG][strcspn(v[M_LANG], "-_")] = '\0'; /* "fr-CA" is French */
	if (v[M_PUBLISHED] != NULL && (published = article_parse_date(v[M_PUBLISHED])) == NULL) {
		article_set_error(&e, FRISE_ERROR_INPUT, where, "\"published\": '%s' is not a date (%s)", v[M_PUBLISHED],
			  ARTICLE_DATE_FORMS);
		goto out;
	}
	/* the text (or html) member was checked above, with its name: the
	 * decoded bytes (invalid ones kept with --lossy, for article_read_text to
	 * replace) */
	const cJSON *text = cJSON_GetObjectItemCaseSensitive(obj, "text");
	const cJSON *html = cJSON_GetObjectItemCaseSensitive(obj, "html");
	ArticleMeta meta = { .no_path_date = true, .id = v[M_ID], .title = v[M_TITLE], .url = v[M_URL],
		      .source = v[M_SOURCE], .lang = v[M_LANG], .published = published, .origin = FRISE_ORIGIN_JSONL,
		      .title_from = "jsonl", .published_from = "jsonl", .url_from = "jsonl", .source_from = "jsonl",
		      .lang_from = "jsonl" };
	if (meta.id != NULL && *meta.id == '\0')
		meta.id = NULL;
	meta.keyed = meta.id != NULL;
	if (meta.id == NULL)
		meta.id = where;
	FriseArticle *a = v[M_TEXT] != NULL
			  ? article_read_text(where, text->valuestring, strlen(text->valuestring), opts, &meta, &e)
			  : article_read_page(where, html->valuestring, strlen(html->valuestring), opts, &meta, &e);
	if (a != NULL) {
		g_ptr_array_add(rd->out, a);
		rd->count++;
		if (rd->batch > 0 && rd->out->len >= rd->batch)
			flush(rd);
	}
out:
	if (e != NULL)
		report(rd, e);
	for (int m = 0; m < M_COUNT; m++)
		g_free(v[m]);
	g_free(published);
	cJSON_Delete(obj);
}

/* What a JSON Lines stream hands the reader. */
typedef struct {
	Reader *rd;
	const FriseReadOptions *opts;
} JsonlRead;

/* A record: the one past rd->max (all the streams together, bad lines
 * counted too) stops every stream (rd->over), so that an endless stream
 * is never read to its end. */
static bool
jsonl_line(const char *where, const char *line, size_t len, void *user)
{
	JsonlRead *jr = user;
	Reader *rd = jr->rd;
	if (rd->stop != NULL)
		return false; /* on_batch failed: nothing more is read */
	if (++rd->records > rd->max) {
		if (rd->over == NULL)
			article_set_error(&rd->over, FRISE_ERROR_LIMIT, where,
				  "more than %zu articles to read (raise the limit with --max-files)", rd->max);
		return false;
	}
	read_jsonl_line(rd, where, line, len, jr->opts);
	return true;
}

static bool
jsonl_refuse(GError *e, void *user)
{
	JsonlRead *jr = user;
	report(jr->rd, e);
	return true;
}

/* Reads a JSON Lines stream (input_lines()): a line is at most the
 * article size limit (--max-size; a record is one article). */
static bool
read_jsonl(Reader *rd, const char *path, const FriseReadOptions *opts, bool regular_only, GError **error)
{
	int fd = input_open(path, regular_only, error);
	if (fd < 0)
		return false;
	size_t limit = opts != NULL && opts->max_bytes != 0 ? opts->max_bytes : ARTICLE_DEFAULT_MAX_BYTES;
	char *l = input_limit_text(limit);
	char *what = g_strdup_printf("the %s article limit of --max-size", l);
	JsonlRead jr = { rd, opts };
	bool ok = input_lines(fd, path, limit, what, jsonl_line, jsonl_refuse, &jr, error);
	g_free(what);
	g_free(l);
	if (fd != STDIN_FILENO)
		close(fd);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Paths and folders. */

bool
article_is_input_name(const char *name, bool jsonl)
{
	if (jsonl)
		return g_str_has_suffix(name, ".jsonl") || g_str_has_suffix(name, ".json");
	return g_str_has_suffix(name, ".txt") || g_str_has_suffix(name, ".md") || webpage_has_html_name(name);
}

static int
cmp_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the article files under `dir` to `files`, sorted by name, folders
 * depth first; hidden entries and symbolic links to folders are skipped. */
static void
collect(const char *dir, bool jsonl, GPtrArray *files, Reader *rd)
{
	GError *e = NULL;
	GDir *d = g_dir_open(dir, 0, &e);
	if (d == NULL) {
		GError *why = NULL;
		article_set_error(&why, FRISE_ERROR_INPUT, dir, "cannot open folder: %s", e->message);
		g_error_free(e);
		report(rd, why);
		return;
	}
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	while ((name = g_dir_read_name(d)) != NULL)
		if (name[0] != '.')
			g_ptr_array_add(names, g_strdup(name));
	g_dir_close(d);
	g_ptr_array_sort(names, cmp_names);
	for (guint i = 0; i < names->len && files->len <= rd->max; i++) {
		char *p = g_build_filename(dir, names->pdata[i], NULL);
		struct stat st, lst;
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (lstat(p, &lst) == 0 && !S_ISLNK(lst.st_mode))
				collect(p, jsonl, files, rd);
			g_free(p);
		} else if (article_is_input_name(p, jsonl) && stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
			/* regular files only (links to them too): a FIFO
			 * or a device is never read from a folder */
			g_ptr_array_add(files, p);
			g_array_append_val(rd->from_folder, (gboolean){ TRUE });
		} else {
			g_free(p);
		}
	}
	g_ptr_array_unref(names);
}

/* Files read by the threads of read_block(): files[i] gives art[i] or
 * err[i]. */
typedef struct {
	GPtrArray *files;
	const FriseReadOptions *opts;
	FriseArticle **art;
	GError **err;
	const GArray *from_folder; /* gboolean per file: read regular files only */
	bool serial; /* standard input is among the files: one thread reads them in turn */
} ReadBatch;

#define READ_STEP 8     /* files a thread takes at a time */
#define READ_BLOCK 512  /* files read before their results are reported */
#define READ_THREADS 8

static void
read_one(guint i, void *data)
{
	ReadBatch *b = data;
	b->art[i] = read_file(b->files->pdata[i], b->opts, g_array_index(b->from_folder, gboolean, i), &b->err[i]);
}

/* Reads files [from, to) on the machine's cores into b->art / b->err: an
 * article depends on its file and the options only, and the reader keeps
 * no state between files (its one lazy table is built under g_once). */
static void
read_block(ReadBatch *b, guint from, guint to)
{
	frise_parallel_for(from, to, READ_STEP, b->serial ? 1 : READ_THREADS, "frise-read", read_one, b);
}

/* An article no word of which tells its language is read in the
 * language most of the others of its batch were told in. */
static void
corpus_lang(GPtrArray *out)
{
	int told[FRISE_LANG_COUNT] = { 0 };
	for (guint i = 0; i < out->len; i++) {
		const FriseArticle *a = g_ptr_array_index(out, i);
		if (a->lang_origin != FRISE_LANG_FROM_DEFAULT)
			told[a->lang]++;
	}
	size_t main_lang, second;
	article_best_lang(told, &main_lang, &second);
	for (guint i = 0; told[main_lang] > 0 && i < out->len; i++) {
		FriseArticle *a = g_ptr_array_index(out, i);
		if (a->lang_origin == FRISE_LANG_FROM_DEFAULT) {
			a->lang = (FriseLang)main_lang, a->lang_origin = FRISE_LANG_FROM_CORPUS;
			a->lang_from = article_lang_origin_name(a->lang_origin);
		}
	}
}

/* Hands the articles read so far to on_batch, which takes them. */
static void
flush(Reader *rd)
{
	if (rd->on_batch == NULL || rd->out->len == 0 || rd->stop != NULL)
		return;
	corpus_lang(rd->out);
	GPtrArray *batch = rd->out;
	rd->out = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	if (!rd->on_batch(batch, rd->batch_user, &rd->stop) && rd->stop == NULL)
		g_set_error(&rd->stop, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "reading stopped");
}

/* Reads every input of `paths` into rd (see article_read_paths_each()). */
static void
read_all(Reader *rd, const char *const *paths, size_t npaths, bool jsonl, const FriseReadOptions *opts)
{
	rd->from_folder = g_array_new(FALSE, FALSE, sizeof(gboolean));
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < npaths && files->len <= rd->max; i++) {
		GError *e = NULL;
		struct stat st;
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			guint before = files->len;
			size_t failed = rd->failed;
			collect(paths[i], jsonl, files, rd);
			if (files->len == before && rd->failed == failed) {
				article_set_error(&e, FRISE_ERROR_INPUT, paths[i], "no %s file in this folder",
					  jsonl ? "*.jsonl" : "*.txt, *.md or *.html");
				report(rd, e);
			}
		} else {
			g_ptr_array_add(files, g_strdup(paths[i]));
			g_array_append_val(rd->from_folder, (gboolean){ FALSE });
		}
	}
	/* refused before anything is read when the files alone are too many
	 * (a mistyped folder such as / is not read into memory) */
	if (!jsonl && files->len > rd->max)
		over_limit(rd);
	FriseReadProgressFunc progress = opts != NULL ? opts->progress : NULL;
	/* plain files are read READ_BLOCK at a time on every core, then
	 * taken (and their errors reported) in order */
	ReadBatch b = { files, opts, NULL, NULL, rd->from_folder, false };
	for (guint i = 0; i < files->len; i++)
		b.serial |= strcmp(files->pdata[i], "-") == 0;
	if (!jsonl) {
		b.art = g_new0(FriseArticle *, MAX(files->len, 1));
		b.err = g_new0(GError *, MAX(files->len, 1));
	}
	guint i = 0;
	for (; i < files->len && rd->over == NULL && rd->stop == NULL; i++) {
		const char *p = files->pdata[i];
		GError *e = NULL;
		if (jsonl) {
			if (!read_jsonl(rd, p, opts, g_array_index(rd->from_folder, gboolean, i), &e))
				report(rd, e);
		} else {
			if (i % READ_BLOCK == 0)
				read_block(&b, i, MIN(i + READ_BLOCK, files->len));
			if (b.art[i] != NULL) {
				g_ptr_array_add(rd->out, b.art[i]);
				b.art[i] = NULL;
				rd->count++;
				if (rd->batch > 0 && rd->out->len >= rd->batch)
					flush(rd);
			} else {
				report(rd, b.err[i]);
				b.err[i] = NULL;
			}
		}
		if (progress != NULL && files->len > 1)
			progress("reading", i + 1, files->len);
	}
	/* what a stop left read but not taken */
	for (guint k = i; !jsonl && k < files->len; k++) {
		article_free(b.art[k]);
		if (b.err[k] != NULL)
			g_error_free(b.err[k]);
	}
	g_free(b.art);
	g_free(b.err);
	g_ptr_array_unref(files);
	g_array_unref(rd->from_folder);
	rd->from_folder = NULL;
	if (rd->over == NULL)
		flush(rd);
}

/* The most articles a read takes (FriseReadOptions.max_articles). */
static size_t
reader_max(const FriseReadOptions *opts)
{
	return opts != NULL && opts->max_articles > 0 ? opts->max_articles : ARTICLE_DEFAULT_MAX_ARTICLES;
}

/* The error of a read that ended with no article. */
static void
nothing_read(Reader *rd, GError **error)
{
	int code = rd->first != NULL ? rd->first->code : FRISE_ERROR_INPUT;
	if (rd->failed > 0)
		g_set_error(error, FRISE_ERROR_DOMAIN, code, "no article could be read (%zu input%s skipped)",
			    rd->failed, rd->failed == 1 ? "" : "s");
	else
		g_set_error(error, FRISE_ERROR_DOMAIN, code, "no article to read");
}

GPtrArray *
article_read_paths(const char *const *paths, size_t npaths, bool jsonl, const FriseReadOptions *opts,
		   FriseReadErrorFunc on_error, void *user, size_t *nfailed, GError **error)
{
	Reader rd = { .out = g_ptr_array_new_with_free_func((GDestroyNotify)article_free), .on_error = on_error,
		      .user = user, .max = reader_max(opts) };
	read_all(&rd, paths, npaths, jsonl, opts);
	if (nfailed != NULL)
		*nfailed = rd.failed;
	if (rd.over != NULL) {
		g_propagate_error(error, rd.over);
		g_clear_error(&rd.first);
		g_ptr_array_unref(rd.out);
		return NULL;
	}
	corpus_lang(rd.out);
	if (rd.out->len == 0) {
		nothing_read(&rd, error);
		g_clear_error(&rd.first);
		g_ptr_array_unref(rd.out);
		return NULL;
	}
	g_clear_error(&rd.first);
	return rd.out;
}

bool
article_read_paths_each(const char *const *paths, size_t npaths, bool jsonl, const FriseReadOptions *opts,
			FriseReadErrorFunc on_error, void *user, size_t batch, FriseReadBatchFunc on_batch,
			void *batch_user, size_t *nread, size_t *nfailed, GError **error)
{
	Reader rd = { .out = g_ptr_array_new_with_free_func((GDestroyNotify)article_free), .on_error = on_error,
		      .user = user, .max = reader_max(opts), .batch = MAX(batch, 1), .on_batch = on_batch,
		      .batch_user = batch_user };
	read_all(&rd, paths, npaths, jsonl, opts);
	g_ptr_array_unref(rd.out);
	if (nread != NULL)
		*nread = rd.count;
	if (nfailed != NULL)
		*nfailed = rd.failed;
	GError *e = rd.stop != NULL ? rd.stop : rd.over;
	if (rd.stop != NULL)
		g_clear_error(&rd.over);
	if (e == NULL && rd.count == 0)
		nothing_read(&rd, &e);
	g_clear_error(&rd.first);
	if (e != NULL) {
		g_propagate_error(error, e);
		return false;
	}
	return true;
}
