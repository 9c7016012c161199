/*
 * test_store.c — the event store on the seed articles (articles/): schema
 * and migrations, ingest, idempotence, edited articles, estimates for
 * undated articles, the merged timeline, curation and --top. The clock is
 * pinned by SOURCE_DATE_EPOCH (tests/meson.build). Cases that need the
 * article reader and the tagger skip while those are placeholders.
 */
#include "frise/pipeline.h"
#include "frise/store.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

static char *
tmp_store(void)
{
	char *dir = g_dir_make_tmp("frise-test-store-XXXXXX", NULL);
	g_assert_nonnull(dir);
	char *p = g_build_filename(dir, "s.db", NULL);
	g_free(dir);
	return p;
}

static void
remove_store(char *path)
{
	const char *suffix[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < G_N_ELEMENTS(suffix); i++) {
		char *p = g_strconcat(path, suffix[i], NULL);
		g_unlink(p);
		g_free(p);
	}
	char *dir = g_path_get_dirname(path);
	g_rmdir(dir);
	g_free(dir);
	g_free(path);
}

static void exec_sql(const char *path, const char *sql);

static char *
pragma(const char *path, const char *what)
{
	sqlite3 *db;
	g_assert_cmpint(sqlite3_open(path, &db), ==, SQLITE_OK);
	char *sql = g_strdup_printf("PRAGMA %s", what);
	sqlite3_stmt *st;
	g_assert_cmpint(sqlite3_prepare_v2(db, sql, -1, &st, NULL), ==, SQLITE_OK);
	g_assert_cmpint(sqlite3_step(st), ==, SQLITE_ROW);
	char *v = g_strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	g_free(sql);
	return v;
}

static void
test_schema(void)
{
	char *path = tmp_store();
	GError *error = NULL;
	FriseStore *s = store_open(path, &error);
	g_assert_no_error(error);
	store_close(s);
	char *v = pragma(path, "user_version"), *j = pragma(path, "journal_mode");
	g_assert_cmpint(atoi(v), ==, STORE_SCHEMA_VERSION);
	g_assert_cmpstr(j, ==, "wal");
	g_free(v);
	g_free(j);
	/* opening again migrates nothing and keeps working */
	s = store_open(path, &error);
	g_assert_no_error(error);
	FrisePipeline *p = pipeline_new(s, &error);
	g_assert_no_error(error);
	FriseTimeline *tl = pipeline_timeline(p, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(tl->events->len, ==, 0);
	g_assert_cmpuint(tl->types->len, >=, 11);
	event_timeline_free(tl);
	pipeline_free(p);
	store_close(s);
	/* a store of schema 1 is migrated on open: the events gain rank and
	 * why (2), the articles their line hashes, with the line counts and the
	 * timeline's title (3) */
	sqlite3 *db1;
	sqlite3_open(path, &db1);
	g_assert_cmpint(sqlite3_exec(db1, "ALTER TABLE events DROP COLUMN rank; ALTER TABLE events DROP COLUMN why;"
				     "ALTER TABLE event_sources DROP COLUMN why; ALTER TABLE articles DROP COLUMN lines;"
				     "DROP TABLE line_counts; DROP TABLE timeline; PRAGMA user_version = 1",
				     NULL, NULL, NULL), ==, SQLITE_OK);
	sqlite3_close(db1);
	s = store_open(path, &error);
	g_assert_no_error(error);
	store_close(s);
	v = pragma(path, "user_version");
	g_assert_cmpint(atoi(v), ==, STORE_SCHEMA_VERSION);
	g_free(v);
	exec_sql(path, "SELECT rank, why FROM events; SELECT why FROM event_sources; SELECT lines FROM articles;"
		       "SELECT hash, articles FROM line_counts; SELECT key, value FROM timeline");
	/* a store from a newer frise is refused, naming the file */
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	g_assert_null(store_open(path, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, path));
	g_clear_error(&error);
	remove_store(path);
	/* a file that is not a database */
	path = tmp_store();
	g_file_set_contents(path, "not a database, just some text that is long enough to look like a header", -1, NULL);
	g_assert_null(store_open(path, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, path));
	g_clear_error(&error);
	remove_store(path);
}

/* ---- the seeds ---- */

typedef struct {
	GPtrArray *articles;
	char *path;
	FriseStore *store;
	FrisePipeline *pipeline;
} Seeds;

static bool
seeds_init(Seeds *f)
{
	memset(f, 0, sizeof *f);
	GError *error = NULL;
	const char *root = g_getenv("FRISE_SOURCE_ROOT");
	char *dir = root ? g_build_filename(root, "articles", NULL) : g_test_build_filename(G_TEST_DIST, "..", "articles", NULL);
	const char *paths[] = { dir };
	FriseReadOptions opts = { 0 };
	f->articles = article_read_paths(paths, 1, false, &opts, NULL, NULL, NULL, &error);
	g_free(dir);
	if (f->articles == NULL) {
		g_test_skip(error->message);
		g_error_free(error);
		return false;
	}
	g_assert_cmpuint(f->articles->len, ==, 5);
	f->path = tmp_store();
	f->store = store_open(f->path, &error);
	g_assert_no_error(error);
	f->pipeline = pipeline_new(f->store, &error);
	g_assert_no_error(error);
	g_assert_true(pipeline_ingest(f->pipeline, f->articles, &error));
	g_assert_no_error(error);
	return true;
}

static void
seeds_clear(Seeds *f)
{
	pipeline_free(f->pipeline);
	store_close(f->store);
	remove_store(f->path);
	g_ptr_array_unref(f->articles);
}

static FriseTimeline *
timeline(Seeds *f, size_t top, bool hidden)
{
	GError *error = NULL;
	FriseTimelineQuery q = { .top = top, .with_hidden = hidden };
	FriseTimeline *tl = pipeline_timeline(f->pipeline, &q, &error);
	g_assert_no_error(error);
	return tl;
}

static bool
has_source(const FriseEvent *e, const char *article_prefix)
{
	for (guint i = 0; i < e->sources->len; i++)
		if (g_str_has_prefix(((FriseSource *)g_ptr_array_index(e->sources, i))->article, article_prefix))
			return true;
	return false;
}

/* The one event of `type` on `value` (fails if two). */
static const FriseEvent *
event_of(const FriseTimeline *tl, const char *type, const char *value)
{
	const FriseEvent *found = NULL;
	for (guint i = 0; i < tl->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(tl->events, i);
		if (strcmp(e->type, type) == 0 && strcmp(e->value, value) == 0) {
			g_assert_null(found);
			found = e;
		}
	}
	return found;
}

static const FriseEvent *
event_by_id(const FriseTimeline *tl, const char *id)
{
	for (guint i = 0; i < tl->events->len; i++)
		if (strcmp(((FriseEvent *)g_ptr_array_index(tl->events, i))->id, id) == 0)
			return g_ptr_array_index(tl->events, i);
	return NULL;
}

/* Julian day an event starts on, its mod applied. */
static guint32
first_day(const FriseEvent *e)
{
	g_assert_nonnull(e);
	GDate s, end;
	g_assert_true(date_span(e->value, e->mod, &s, &end));
	return g_date_get_julian(&s);
}

static void
test_seeds_timeline(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	FriseTimeline *tl = timeline(&f, 0, false);
	g_assert_cmpuint(tl->articles->len, ==, 5);
	/* the February 2024 reveal, from the three articles that tell it, on the 15th */
	const FriseEvent *reveal = event_of(tl, "reveal", "2024-02-15");
	g_assert_nonnull(reveal);
	g_assert_true(has_source(reveal, "000_") && has_source(reveal, "003_") && has_source(reveal, "004_"));
	/* the March 2024 outreach to Hollywood studios */
	const FriseEvent *outreach = event_of(tl, "meeting", "2024-03");
	g_assert_nonnull(outreach);
	g_assert_nonnull(strstr(outreach->text, "studios"));
	/* the 24 March 2024 "First Impressions" blog post */
	const FriseEvent *blog = event_of(tl, "publication", "2024-03-24");
	g_assert_nonnull(blog);
	g_assert_nonnull(strstr(blog->title, "First Impressions"));
	/* the 26 November 2024 leak, from 003 (dated) and 004 (undated: "Mardi") */
	const FriseEvent *leak = event_of(tl, "leak", "2024-11-26");
	g_assert_nonnull(leak);
	g_assert_true(has_source(leak, "003_") && has_source(leak, "004_"));
	/* the strike of 2023 and the two lawsuits of February, each once */
	g_assert_nonnull(event_of(tl, "strike", "2023"));
	/* four distinct February 2024 events at least (reveal, interview, motion, complaints) */
	guint february = 0, lawsuits = 0;
	for (guint i = 0; i < tl->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(tl->events, i);
		if (g_str_has_prefix(e->value, "2024-02"))
			february++;
		if (g_str_has_prefix(e->value, "2024-02") && strcmp(e->type, "lawsuit") == 0)
			lawsuits++;
		/* no boilerplate, no summer from "a été", a headline of at most ~90 characters */
		g_assert_null(strstr(e->text, "Source link"));
		g_assert_false(g_str_has_suffix(e->value, "-SU"));
		g_assert_cmpint(g_utf8_strlen(e->title, -1), <=, 91);
		g_assert_true(g_unichar_isupper(g_utf8_get_char(e->title)));
		g_assert_cmpuint(strlen(e->id), ==, 16);
		g_assert_cmpuint(e->sources->len, >=, 1);
		/* each event once: no two with the same date, type and sentence */
		for (guint k = 0; k < i; k++) {
			const FriseEvent *o = g_ptr_array_index(tl->events, k);
			g_assert_false(strcmp(o->value, e->value) == 0 && strcmp(o->type, e->type) == 0 &&
				       strcmp(o->text, e->text) == 0);
		}
		if (i > 0)
			g_assert_cmpint(first_day(g_ptr_array_index(tl->events, i - 1)), <=, first_day(e));
	}
	g_assert_cmpuint(february, >=, 4);
	/* "fin 2024" sorts by its last third: after the blog post of March */
	g_assert_cmpint(first_day(event_of(tl, "launch", "2024")), >, first_day(blog));
	g_assert_cmpuint(lawsuits, ==, 2);
	/* every type used is in the timeline's types */
	for (guint i = 0; i < tl->events->len; i++)
		g_assert_nonnull(event_timeline_type(tl, ((FriseEvent *)g_ptr_array_index(tl->events, i))->type));
	event_timeline_free(tl);
	seeds_clear(&f);
}

static void
test_seeds_estimates(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	GError *error = NULL;
	GPtrArray *arts = store_articles(f.store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(arts->len, ==, 5);
	for (guint i = 0; i < arts->len; i++) {
		const FriseStoreArticle *a = g_ptr_array_index(arts, i);
		if (g_str_has_prefix(a->id, "002_") || g_str_has_prefix(a->id, "003_")) {
			g_assert_nonnull(a->published);  /* " date 2024-03" header */
			g_assert_null(a->estimate);
			continue;
		}
		g_assert_null(a->published);
		g_assert_nonnull(a->estimate);
		g_assert_nonnull(a->evidence);
		g_assert_true(g_str_has_prefix(a->estimate, "2024"));
		if (g_str_has_prefix(a->id, "004_")) {
			/* "Mardi" is the leak that 003 dates Tuesday 26 November 2024 */
			g_assert_cmpstr(a->estimate, ==, "2024-11-26");
			g_assert_cmpint(a->precision, ==, FRISE_GRAN_DAY);
			g_assert_nonnull(strstr(a->evidence, "003_"));
		}
	}
	g_ptr_array_unref(arts);
	/* the timeline shows the estimate as the article's date, origin "estimated" */
	FriseTimeline *tl = timeline(&f, 0, false);
	const FriseArticleInfo *a4 = g_ptr_array_index(tl->articles, 4);
	g_assert_cmpstr(a4->published, ==, "2024-11-26");
	g_assert_cmpstr(a4->origin, ==, "estimated");
	event_timeline_free(tl);
	seeds_clear(&f);
}

static void
test_seeds_reingest(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	FriseTimeline *before = timeline(&f, 0, true);
	GError *error = NULL;
	/* a later clock: anything rewritten would get a new `modified` */
	g_setenv("SOURCE_DATE_EPOCH", "1735689600", TRUE);
	g_assert_true(pipeline_ingest(f.pipeline, f.articles, &error));
	g_assert_no_error(error);
	FriseTimeline *after = timeline(&f, 0, true);
	g_assert_cmpuint(after->events->len, ==, before->events->len);
	for (guint i = 0; i < before->events->len; i++) {
		const FriseEvent *a = g_ptr_array_index(before->events, i), *b = g_ptr_array_index(after->events, i);
		g_assert_cmpstr(a->id, ==, b->id);
		g_assert_cmpint(a->sequence, ==, b->sequence);
		g_assert_cmpint(a->modified, ==, b->modified);
		g_assert_cmpint(a->created, ==, 1732665600);
	}
	event_timeline_free(after);
	/* an override, then an edited article: the override survives, the
	 * article's mentions are replaced */
	const FriseEvent *leak = event_of(before, "leak", "2024-11-26");
	char *leak_id = g_strdup(leak->id);
	int leak_seq = leak->sequence;
	g_assert_true(pipeline_edit_event(f.pipeline, leak_id, "La fuite de Sora", NULL, NULL, &error));
	g_assert_no_error(error);
	FriseArticle *a1 = g_ptr_array_index(f.articles, 1); /* 001: the lawsuits */
	GString *edited = g_string_new_len(a1->raw, (gssize)a1->raw_len);
	g_string_append(edited, "\n\nLe 2 octobre 2024, OpenAI a bouclé une levée de fonds de 6,6 milliards de dollars.\n");
	FriseReadOptions ro = { 0 };
	FriseArticle *e1 = article_read_bytes(a1->path, edited->str, edited->len, &ro, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(e1->id, ==, a1->id);
	GPtrArray *one = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	g_ptr_array_add(one, e1);
	g_assert_true(pipeline_ingest(f.pipeline, one, &error));
	g_assert_no_error(error);
	after = timeline(&f, 0, true);
	g_assert_cmpuint(after->articles->len, ==, 5);
	const FriseEvent *l2 = event_by_id(after, leak_id);
	g_assert_nonnull(l2);
	g_assert_cmpstr(l2->title, ==, "La fuite de Sora");
	g_assert_true(l2->edited);
	g_assert_cmpint(l2->sequence, ==, leak_seq + 1);
	g_assert_cmpint(l2->modified, ==, 1735689600);
	const FriseEvent *fund = event_of(after, "funding", "2024-10-02");
	g_assert_nonnull(fund);
	g_assert_true(has_source(fund, "001_"));
	/* the lawsuits of 001 are still there once each */
	guint lawsuits = 0;
	for (guint i = 0; i < after->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(after->events, i);
		lawsuits += g_str_has_prefix(e->value, "2024-02") && strcmp(e->type, "lawsuit") == 0;
	}
	g_assert_cmpuint(lawsuits, ==, 2);
	event_timeline_free(after);
	g_ptr_array_unref(one);
	g_string_free(edited, TRUE);
	g_free(leak_id);
	event_timeline_free(before);
	g_setenv("SOURCE_DATE_EPOCH", "1732665600", TRUE);
	seeds_clear(&f);
}

static void
test_seeds_curation(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	GError *error = NULL;
	FriseTimeline *tl = timeline(&f, 0, false);
	guint n = tl->events->len;
	const FriseEvent *law[2] = { NULL, NULL };
	for (guint i = 0; i < tl->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(tl->events, i);
		if (g_str_has_prefix(e->value, "2024-02") && strcmp(e->type, "lawsuit") == 0)
			law[law[0] != NULL] = e;
	}
	g_assert_nonnull(law[1]);
	const char *ids[2] = { law[0]->id, law[1]->id };
	g_assert_true(pipeline_merge_events(f.pipeline, ids, 2, &error));
	g_assert_no_error(error);
	FriseTimeline *m = timeline(&f, 0, false);
	g_assert_cmpuint(m->events->len, ==, n - 1);
	const FriseEvent *merged = event_by_id(m, law[0]->id) ? event_by_id(m, law[0]->id) : event_by_id(m, law[1]->id);
	g_assert_nonnull(merged);
	g_assert_cmpuint(merged->sources->len, ==, 2);
	/* split undoes it */
	g_assert_true(pipeline_split_event(f.pipeline, merged->id, &error));
	g_assert_no_error(error);
	event_timeline_free(m);
	m = timeline(&f, 0, false);
	g_assert_cmpuint(m->events->len, ==, n);
	event_timeline_free(m);
	/* hide, then the date and the type of another */
	g_assert_true(pipeline_hide_event(f.pipeline, ids[0], true, &error));
	m = timeline(&f, 0, false);
	g_assert_cmpuint(m->events->len, ==, n - 1);
	g_assert_null(event_by_id(m, ids[0]));
	event_timeline_free(m);
	m = timeline(&f, 0, true);
	g_assert_true(event_by_id(m, ids[0])->hidden);
	event_timeline_free(m);
	g_assert_true(pipeline_edit_event(f.pipeline, ids[1], NULL, "2024-02-29", "other", &error));
	g_assert_no_error(error);
	m = timeline(&f, 0, false);
	g_assert_cmpstr(event_by_id(m, ids[1])->value, ==, "2024-02-29");
	g_assert_cmpstr(event_by_id(m, ids[1])->type, ==, "other");
	event_timeline_free(m);
	/* bad requests */
	g_assert_false(pipeline_edit_event(f.pipeline, "0000000000000000", "x", NULL, NULL, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT);
	g_clear_error(&error);
	g_assert_false(pipeline_edit_event(f.pipeline, ids[1], NULL, "février", NULL, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE);
	g_clear_error(&error);
	g_assert_false(pipeline_edit_event(f.pipeline, ids[1], NULL, NULL, "picnic", &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE);
	g_clear_error(&error);
	/* the overrides survive re-ingesting everything */
	g_assert_true(pipeline_ingest(f.pipeline, f.articles, &error));
	m = timeline(&f, 0, false);
	g_assert_null(event_by_id(m, ids[0]));
	g_assert_cmpstr(event_by_id(m, ids[1])->value, ==, "2024-02-29");
	event_timeline_free(m);
	event_timeline_free(tl);
	seeds_clear(&f);
}

/* Runs `sql` on the store file (a fixture's edit, behind the store's back). */
static void
exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	g_assert_cmpint(sqlite3_open(path, &db), ==, SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		g_error("%s: %s", sql, msg);
	sqlite3_close(db);
}

/* The top N is the N best ranks (a busy day gives way: salience_rank()). */
static void
test_top_days(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	FriseTimeline *all = timeline(&f, 0, false);
	g_assert_cmpuint(all->events->len, >=, 5);
	/* the ranks salience_rank() gives four events, three of one day
	 * (10, 9.9 / 2, 9.8 / 3) and one of February (9): see
	 * /event/rank; the store picks the top N by rank */
	GString *sql = g_string_new("UPDATE events SET rank = 1;");
	static const struct { const char *value; double rank; } set[] = {
		{ "2030-01-01", 10.0 }, { "2030-01-01T10:00", 4.95 }, { "2030-01-01", 3.27 }, { "2030-02", 9.0 },
	};
	for (guint i = 0; i < G_N_ELEMENTS(set); i++)
		g_string_append_printf(sql, "UPDATE events SET value = '%s', rank = %g WHERE id = '%s';", set[i].value,
				       set[i].rank, ((FriseEvent *)g_ptr_array_index(all->events, i))->id);
	pipeline_free(f.pipeline);
	store_close(f.store);
	exec_sql(f.path, sql->str);
	g_string_free(sql, TRUE);
	GError *error = NULL;
	f.store = store_open(f.path, &error);
	g_assert_no_error(error);
	f.pipeline = pipeline_new(f.store, &error);
	g_assert_no_error(error);
	/* 10, then 9 (February) before 4.95 (the day's second) */
	FriseTimeline *top = timeline(&f, 2, false);
	g_assert_cmpuint(top->events->len, ==, 2);
	g_assert_nonnull(event_by_id(top, ((FriseEvent *)g_ptr_array_index(all->events, 0))->id));
	g_assert_nonnull(event_by_id(top, ((FriseEvent *)g_ptr_array_index(all->events, 3))->id));
	event_timeline_free(top);
	/* all four when four are asked for: the day's third (3.27) still beats the rest (1) */
	top = timeline(&f, 4, false);
	for (guint i = 0; i < G_N_ELEMENTS(set); i++)
		g_assert_nonnull(event_by_id(top, ((FriseEvent *)g_ptr_array_index(all->events, i))->id));
	event_timeline_free(top);
	event_timeline_free(all);
	seeds_clear(&f);
}

static void
test_seeds_top(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	FriseTimeline *all = timeline(&f, 0, false);
	FriseTimeline *top = timeline(&f, 3, false);
	g_assert_cmpuint(top->events->len, ==, 3);
	/* the kept ones are the best scored (one a day here), still in date order */
	double min_kept = G_MAXDOUBLE;
	for (guint i = 0; i < top->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(top->events, i);
		min_kept = MIN(min_kept, e->score);
		if (i > 0)
			g_assert_cmpint(first_day(g_ptr_array_index(top->events, i - 1)), <=, first_day(e));
	}
	guint better = 0;
	for (guint i = 0; i < all->events->len; i++)
		better += ((FriseEvent *)g_ptr_array_index(all->events, i))->score > min_kept;
	g_assert_cmpuint(better, <=, 2);
	/* the multi-article events lead */
	g_assert_nonnull(event_of(top, "leak", "2024-11-26"));
	g_assert_nonnull(event_of(top, "reveal", "2024-02-15"));
	event_timeline_free(top);
	event_timeline_free(all);
	seeds_clear(&f);
}

/* The root page of table `name`, and the page size, of the store at `path`. */
static void
table_page(const char *path, const char *name, int *page, int *page_size)
{
	sqlite3 *db;
	g_assert_cmpint(sqlite3_open(path, &db), ==, SQLITE_OK);
	sqlite3_stmt *st;
	g_assert_cmpint(sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_master WHERE name = ?", -1, &st, NULL),
			==, SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	g_assert_cmpint(sqlite3_step(st), ==, SQLITE_ROW);
	*page = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	g_assert_cmpint(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, NULL), ==, SQLITE_OK);
	g_assert_cmpint(sqlite3_step(st), ==, SQLITE_ROW);
	*page_size = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	/* everything in the main file, nothing left in the WAL */
	sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_close(db);
}

/* A store whose events table is garbage: reading it is an error naming
 * the file, never a crash or a partial timeline, and a rebuild over it
 * fails without writing (every sqlite3_step is checked). */
static void
test_damaged(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	pipeline_free(f.pipeline);
	store_close(f.store);
	int page, size;
	table_page(f.path, "events", &page, &size);
	char *data;
	gsize len;
	g_assert_true(g_file_get_contents(f.path, &data, &len, NULL));
	g_assert_cmpuint(len, >=, (gsize)page * size);
	/* a b-tree page header that claims more cells than fit */
	memset(data + (gsize)(page - 1) * size, 0x0d, (gsize)size);
	g_assert_true(g_file_set_contents(f.path, data, (gssize)len, NULL));
	g_free(data);
	GError *error = NULL;
	f.store = store_open(f.path, &error);
	g_assert_no_error(error);
	f.pipeline = pipeline_new(f.store, &error);
	g_assert_no_error(error);
	FriseTimelineQuery q = { 0 };
	FriseTimeline *tl = pipeline_timeline(f.pipeline, &q, &error);
	g_assert_null(tl);
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, f.path));
	g_clear_error(&error);
	/* an edited article makes the ingest rebuild: it must fail, not
	 * write events computed from a partial read */
	FriseArticle *a = g_ptr_array_index(f.articles, 0);
	char *old = a->hash[0] == '0' ? "1" : "0";
	a->hash[0] = old[0];
	g_assert_false(pipeline_ingest(f.pipeline, f.articles, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_clear_error(&error);
	seeds_clear(&f);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/store/schema", test_schema);
	g_test_add_func("/store/seeds-timeline", test_seeds_timeline);
	g_test_add_func("/store/seeds-estimates", test_seeds_estimates);
	g_test_add_func("/store/seeds-reingest", test_seeds_reingest);
	g_test_add_func("/store/seeds-curation", test_seeds_curation);
	g_test_add_func("/store/seeds-top", test_seeds_top);
	g_test_add_func("/store/top-days", test_top_days);
	g_test_add_func("/store/damaged", test_damaged);
	return g_test_run();
}
