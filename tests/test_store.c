/*
 * test_store.c — the event store on the seed articles (articles/): schema
 * and migrations, ingest, idempotence, edited articles, estimates for
 * undated articles, the merged timeline, curation and --top. The clock is
 * pinned by SOURCE_DATE_EPOCH (tests/meson.build). Cases that need the
 * article reader and the tagger skip while those are placeholders.
 */
#include "frise/pipeline.h"
#include "frise/store.h"
#include "store/rows.h"
#include "store/schema.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the backend under test ---- */

/* The PostgreSQL server tests/pg.py started, or NULL: SQLite files. */
static const char *
pg_url(void)
{
	return g_getenv("FRISE_TEST_PG_URL");
}

/* A new store's target: a file in a new folder, or a new schema of the
 * test server (the target's schema=NAME). */
static char *
tmp_store(void)
{
	if (pg_url() != NULL) {
		static int n;
		return g_strdup_printf("%s%cschema=t%d_%d", pg_url(), strchr(pg_url(), '?') ? '&' : '?', (int)getpid(),
				       ++n);
	}
	char *dir = g_dir_make_tmp("frise-test-store-XXXXXX", NULL);
	g_assert_nonnull(dir);
	char *p = g_build_filename(dir, "s.db", NULL);
	g_free(dir);
	return p;
}

/* The schema of a tmp_store() target (a new string). */
static char *
schema_of(const char *target)
{
	const char *p = strstr(target, "schema=");
	g_assert_nonnull(p);
	p += strlen("schema=");
	return g_strndup(p, strcspn(p, "&"));
}

/* A connection of the test's own to the store `target`, its search_path
 * the store's schema. */
static PGconn *
pg_connect(const char *target)
{
	PGconn *c = PQconnectdb(pg_url());
	g_assert_cmpint(PQstatus(c), ==, CONNECTION_OK);
	char *schema = schema_of(target);
	char *sql = g_strdup_printf("SET search_path = %s; SET client_min_messages = warning", schema);
	PQclear(PQexec(c, sql));
	g_free(sql);
	g_free(schema);
	return c;
}

/* Runs `sql` on the store (a fixture's edit, behind the store's back). */
static void
exec_sql(const char *target, const char *sql)
{
	if (pg_url() != NULL) {
		PGconn *c = pg_connect(target);
		PGresult *r = PQexec(c, sql);
		if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
			g_error("%s: %s", sql, PQerrorMessage(c));
		PQclear(r);
		PQfinish(c);
		return;
	}
	sqlite3 *db;
	g_assert_cmpint(sqlite3_open(target, &db), ==, SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		g_error("%s: %s", sql, msg);
	sqlite3_close(db);
}

/* The text of the first column of the first row of `sql`, on the store
 * (a new string; NULL for NULL or no row). */
static char *
query_text(const char *target, const char *sql)
{
	char *v = NULL;
	if (pg_url() != NULL) {
		PGconn *c = pg_connect(target);
		PGresult *r = PQexec(c, sql);
		g_assert_cmpint(PQresultStatus(r), ==, PGRES_TUPLES_OK);
		if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
			v = g_strdup(PQgetvalue(r, 0, 0));
		PQclear(r);
		PQfinish(c);
		return v;
	}
	sqlite3 *db;
	g_assert_cmpint(sqlite3_open(target, &db), ==, SQLITE_OK);
	sqlite3_stmt *st;
	g_assert_cmpint(sqlite3_prepare_v2(db, sql, -1, &st, NULL), ==, SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		v = g_strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void
remove_store(char *path)
{
	if (pg_url() != NULL) {
		char *schema = schema_of(path);
		char *sql = g_strdup_printf("DROP SCHEMA IF EXISTS %s CASCADE", schema);
		exec_sql(path, sql);
		g_free(sql);
		g_free(schema);
		g_free(path);
		return;
	}
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

/* The store's schema version, as the database keeps it. */
static int
stored_version(const char *target)
{
	char *v = query_text(target, pg_url() ? "SELECT version FROM schema_version WHERE application = 'frise'"
					      : "PRAGMA user_version");
	int n = v ? atoi(v) : -1;
	g_free(v);
	return n;
}

static void
test_schema(void)
{
	char *path = tmp_store();
	GError *error = NULL;
	FriseStore *s = store_open(path, &error);
	g_assert_no_error(error);
	store_close(s);
	g_assert_cmpint(stored_version(path), ==, STORE_SCHEMA_VERSION);
	g_assert_cmpint(schema_version(), ==, STORE_SCHEMA_VERSION);
	if (pg_url() == NULL) {
		char *j = query_text(path, "PRAGMA journal_mode");
		g_assert_cmpstr(j, ==, "wal");
		g_free(j);
	}
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
	/* a store from a newer frise is refused, naming it */
	exec_sql(path, pg_url() ? "UPDATE schema_version SET version = 99" : "PRAGMA user_version = 99");
	g_assert_null(store_open(path, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, path));
	g_assert_nonnull(strstr(error->message, "newer"));
	g_clear_error(&error);
	remove_store(path);
	/* something that is not a frise store is refused and left as it was */
	path = tmp_store();
	if (pg_url() != NULL) {
		char *schema = schema_of(path);
		char *sql = g_strdup_printf("CREATE SCHEMA %s; CREATE TABLE %s.payroll (who TEXT)", schema, schema);
		exec_sql(path, sql);
		g_free(sql);
		g_free(schema);
	} else {
		g_file_set_contents(path, "not a database, just some text that is long enough to look like a header", -1,
				    NULL);
	}
	g_assert_null(store_open(path, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, path));
	g_clear_error(&error);
	if (pg_url() != NULL) {
		char *n = query_text(path, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
		g_assert_cmpstr(n, ==, "1");
		g_free(n);
	}
	remove_store(path);
	/* a store that is not there: made by store_open, refused by store_open_existing */
	path = tmp_store();
	g_assert_null(store_open_existing(path, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, "no such store"));
	g_clear_error(&error);
	remove_store(path);
}

/* A store of schema version 1 (as frise wrote them before the versions of
 * events said who made them) is upgraded on open: its rows kept, the new
 * columns there, its template files in the order they were added. */
static void
test_migrate(void)
{
	char *path = tmp_store();
	char *v1 = schema_migration(pg_url() ? STORE_POSTGRES : STORE_SQLITE, 0);
	GString *sql = g_string_new(NULL);
	if (pg_url() != NULL) {
		char *schema = schema_of(path);
		g_string_append_printf(sql, "CREATE SCHEMA %s; SET search_path = %s; CREATE TABLE schema_version "
				       "(application TEXT PRIMARY KEY, version BIGINT NOT NULL); INSERT INTO "
				       "schema_version VALUES ('frise', 1);", schema, schema);
		g_free(schema);
	} else {
		g_string_append(sql, "PRAGMA user_version = 1;");
	}
	g_string_append(sql, v1);
	g_string_append(sql, "INSERT INTO templates (name, json) VALUES ('zz.json', '{\"types\": []}'), "
			     "('aa.json', '{\"types\": []}');"
			     "INSERT INTO events (id, ord, value, mod, is_time, title, text, type, status, score, "
			     "conflict, edited, hidden, sequence, created, modified, digest) VALUES ('e1', 0, '2024', '', "
			     "0, 'Titre', 'Texte', 'other', 0, 1.5, 0, 0, 0, 3, 10, 20, 'd');");
	exec_sql(path, sql->str);
	g_string_free(sql, TRUE);
	g_free(v1);
	GError *error = NULL;
	FriseStore *s = store_open(path, &error);
	g_assert_no_error(error);
	g_assert_cmpint(stored_version(path), ==, STORE_SCHEMA_VERSION);
	GPtrArray *files = store_template_files(s, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(files->len, ==, 4);
	/* SQLite stores of version 1 kept them in rowid order (there are no
	 * PostgreSQL stores of version 1 but this test's) */
	if (pg_url() == NULL) {
		g_assert_cmpstr(g_ptr_array_index(files, 0), ==, "zz.json");
		g_assert_cmpstr(g_ptr_array_index(files, 2), ==, "aa.json");
	}
	g_ptr_array_unref(files);
	FriseTimeline *tl = store_timeline(s, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(tl->events->len, ==, 1);
	const FriseEvent *e = g_ptr_array_index(tl->events, 0);
	g_assert_cmpstr(e->title, ==, "Titre");
	g_assert_cmpint(e->sequence, ==, 3);
	g_assert_cmpfloat(e->score, ==, 1.5);
	event_timeline_free(tl);
	char *by = query_text(path, "SELECT coalesce(changed_by, 'none') || ' ' || rank || ' ' || "
				    "coalesce(why, 'none') FROM events");
	g_assert_cmpstr(by, ==, pg_url() ? "none 0 none" : "none 0.0 none");
	g_free(by);
	/* and the boilerplate stage's line hashes (6), none kept yet */
	exec_sql(path, "SELECT why FROM event_sources; SELECT article, hash FROM article_lines");
	char *lines = query_text(path, "SELECT count(*) FROM articles WHERE lines <> 0");
	g_assert_cmpstr(lines, ==, "0");
	g_free(lines);
	store_close(s);
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
			/* a sentence matched by several of its dates is told once */
			const char *once = strstr(a->evidence, "names by its weekday");
			g_assert_nonnull(once);
			g_assert_null(strstr(once + 1, "names by its weekday"));
		} else {
			/* 001 reports the 24 March blog post as past, 000 the post
			 * that 001 dates: late March 2024, a week or a day, never
			 * before the post */
			GDate s, e;
			g_assert_true(date_span(a->estimate, "", &s, &e));
			g_assert_cmpint(a->precision, >=, FRISE_GRAN_WEEK);
			g_assert_cmpint(g_date_get_year(&s), ==, 2024);
			g_assert_cmpint(g_date_get_month(&s), ==, G_DATE_MARCH);
			g_assert_cmpint(g_date_get_day(&s), >=, 18);
			g_assert_cmpint(g_date_get_julian(&e) - g_date_get_julian(&s), <=, 7);
			g_assert_nonnull(strstr(a->evidence, "2024-03-24"));
		}
	}
	g_ptr_array_unref(arts);
	/* dated so, 001's "la semaine dernière" is the week before its own */
	FriseTimeline *tw = timeline(&f, 0, false);
	bool last_week = false;
	for (guint i = 0; i < tw->events->len; i++) {
		const FriseEvent *ev = g_ptr_array_index(tw->events, i);
		for (guint j = 0; j < ev->sources->len; j++) {
			const FriseSource *src = g_ptr_array_index(ev->sources, j);
			last_week |= g_str_has_prefix(src->article, "001_") && strcmp(src->value, "2024-W12") == 0 &&
				     strstr(src->quote, "La semaine dernière") != NULL;
		}
	}
	g_assert_true(last_week);
	event_timeline_free(tw);
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
	g_assert_true(pipeline_edit_event(f.pipeline, &(FriseEventRef){ leak_id, -1 }, "La fuite de Sora", NULL, NULL, &error));
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

/* What the rendering compares of two timelines: every event's id, date,
 * title, text, type, score and sources. */
static char *
events_digest(const FriseTimeline *tl)
{
	GString *d = g_string_new(NULL);
	for (guint i = 0; i < tl->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(tl->events, i);
		char *dg = event_digest(e);
		g_string_append_printf(d, "%s %s %s %.9f\n", e->id, dg, e->type, e->score);
		g_free(dg);
	}
	return g_string_free(d, FALSE);
}

static void
test_seeds_candidates(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	FriseTimeline *before = timeline(&f, 0, true);
	char *want = events_digest(before);
	/* the dated seeds' candidates are stored, the store is not stale */
	char *n = query_text(f.path, "SELECT count(*) FROM candidates");
	g_assert_cmpint(atoi(n), >, 5);
	g_free(n);
	char *stale = query_text(f.path, "SELECT value FROM state WHERE name = 'stale'");
	g_assert_null(stale);
	char *ex = query_text(f.path, "SELECT count(*) FROM articles WHERE extracted = 1");
	char *dated = query_text(f.path, "SELECT count(*) FROM articles WHERE published IS NOT NULL");
	g_assert_cmpstr(ex, ==, dated);
	g_free(ex);
	g_free(dated);
	/* an edited article, added alone: stale until the update */
	GError *error = NULL;
	FriseArticle *a2 = g_ptr_array_index(f.articles, 2);
	GString *edited = g_string_new_len(a2->raw, (gssize)a2->raw_len);
	g_string_append(edited, "\n\nLe 2 octobre 2024, OpenAI a bouclé une levée de fonds de 6,6 milliards de dollars.\n");
	FriseReadOptions ro = { 0 };
	GPtrArray *one = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	g_ptr_array_add(one, article_read_bytes(a2->path, edited->str, edited->len, &ro, &error));
	g_assert_no_error(error);
	FrisePipeline *p2 = pipeline_new(f.store, &error); /* a new process: the id is not taken */
	g_assert_no_error(error);
	pipeline_set_batch(p2, 1);
	g_assert_true(pipeline_add(p2, one, &error));
	g_assert_no_error(error);
	stale = query_text(f.path, "SELECT value FROM state WHERE name = 'stale'");
	g_assert_cmpstr(stale, ==, "1");
	g_free(stale);
	FriseTimeline *mid = timeline(&f, 0, true);
	char *mid_d = events_digest(mid);
	g_assert_cmpstr(mid_d, ==, want); /* not rebuilt yet */
	g_assert_true(pipeline_update(p2, &error));
	g_assert_no_error(error);
	stale = query_text(f.path, "SELECT value FROM state WHERE name = 'stale'");
	g_assert_null(stale);
	FriseTimeline *after = timeline(&f, 0, true);
	g_assert_nonnull(event_of(after, "funding", "2024-10-02"));
	/* the original article again, then candidates forgotten: found again,
	 * the first events back */
	FrisePipeline *p3 = pipeline_new(f.store, &error);
	g_assert_no_error(error);
	g_assert_true(pipeline_add(p3, f.articles, &error));
	g_assert_no_error(error);
	exec_sql(f.path, "DELETE FROM candidates; UPDATE articles SET extracted = 0; "
			 "UPDATE state SET value = 'another' WHERE name = 'extractor'");
	g_assert_true(pipeline_update(p3, &error));
	pipeline_free(p3);
	g_assert_no_error(error);
	FriseTimeline *again = timeline(&f, 0, true);
	char *again_d = events_digest(again);
	g_assert_cmpstr(again_d, ==, want);
	n = query_text(f.path, "SELECT count(*) FROM articles WHERE published IS NOT NULL AND extracted = 0");
	g_assert_cmpstr(n, ==, "0");
	g_free(n);
	g_free(again_d);
	g_free(mid_d);
	g_free(want);
	event_timeline_free(again);
	event_timeline_free(after);
	event_timeline_free(mid);
	event_timeline_free(before);
	pipeline_free(p2);
	g_ptr_array_unref(one);
	g_string_free(edited, TRUE);
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
	FriseEventRef refs[2] = { { ids[0], -1 }, { ids[1], -1 } };
	g_assert_true(pipeline_merge_events(f.pipeline, refs, 2, &error));
	g_assert_no_error(error);
	FriseTimeline *m = timeline(&f, 0, false);
	g_assert_cmpuint(m->events->len, ==, n - 1);
	const FriseEvent *merged = event_by_id(m, law[0]->id) ? event_by_id(m, law[0]->id) : event_by_id(m, law[1]->id);
	g_assert_nonnull(merged);
	g_assert_cmpuint(merged->sources->len, ==, 2);
	/* split undoes it */
	g_assert_true(pipeline_split_event(f.pipeline, &(FriseEventRef){ merged->id, -1 }, &error));
	g_assert_no_error(error);
	event_timeline_free(m);
	m = timeline(&f, 0, false);
	g_assert_cmpuint(m->events->len, ==, n);
	event_timeline_free(m);
	/* hide, then the date and the type of another */
	g_assert_true(pipeline_hide_event(f.pipeline, &refs[0], true, &error));
	m = timeline(&f, 0, false);
	g_assert_cmpuint(m->events->len, ==, n - 1);
	g_assert_null(event_by_id(m, ids[0]));
	event_timeline_free(m);
	m = timeline(&f, 0, true);
	g_assert_true(event_by_id(m, ids[0])->hidden);
	event_timeline_free(m);
	g_assert_true(pipeline_edit_event(f.pipeline, &refs[1], NULL, "2024-02-29", "other", &error));
	g_assert_no_error(error);
	m = timeline(&f, 0, false);
	g_assert_cmpstr(event_by_id(m, ids[1])->value, ==, "2024-02-29");
	g_assert_cmpstr(event_by_id(m, ids[1])->type, ==, "other");
	event_timeline_free(m);
	/* bad requests */
	g_assert_false(pipeline_edit_event(f.pipeline, &(FriseEventRef){ "0000000000000000", -1 }, "x", NULL, NULL, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT);
	g_clear_error(&error);
	g_assert_false(pipeline_edit_event(f.pipeline, &refs[1], NULL, "février", NULL, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE);
	g_clear_error(&error);
	g_assert_false(pipeline_edit_event(f.pipeline, &refs[1], NULL, NULL, "picnic", &error));
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

/* The hashes of the store's articles, in ingest order, one string. */
static char *
article_hashes(const char *target)
{
	return query_text(target, pg_url() ? "SELECT string_agg(hash, ',' ORDER BY seq) FROM articles"
					   : "SELECT group_concat(hash, ',') FROM (SELECT hash FROM articles ORDER BY seq)");
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
	if (pg_url() != NULL) {
		/* a table that lost a column behind frise's back */
		exec_sql(f.path, "ALTER TABLE events DROP COLUMN title");
	} else {
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
	}
	char *articles_before = article_hashes(f.path);
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
	/* the edited article was committed by its batch (nothing read is
	 * lost, a later ingest resumes from it) and only it: the events were
	 * not written, they stay stale until an update can read the store */
	char *articles_after = article_hashes(f.path);
	g_assert_cmpstr(articles_after + 1, ==, articles_before + 1);
	g_assert_cmpint(articles_after[0], ==, old[0]);
	g_free(articles_before);
	g_free(articles_after);
	seeds_clear(&f);
}

/* A write the database refuses half-way through a rebuild (a trigger
 * here; a full disk or a constraint in life): the ingest fails naming the
 * cause, and nothing of the rebuild is kept — in PostgreSQL, where the writes are
 * pipelined and their failure is read later, too. */
static void
test_refused_write(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	exec_sql(f.path, pg_url() ? "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
				    "$$BEGIN RAISE EXCEPTION 'refused by the test'; END$$; "
				    "CREATE TRIGGER refuse BEFORE INSERT ON event_sources FOR EACH ROW "
				    "EXECUTE FUNCTION refuse()"
				  : "CREATE TRIGGER refuse BEFORE INSERT ON event_sources "
				    "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
	FriseTimeline *before = timeline(&f, 0, true);
	char *hashes = article_hashes(f.path);
	FriseArticle *a = g_ptr_array_index(f.articles, 0);
	a->hash[0] = a->hash[0] == '0' ? '1' : '0';
	GError *error = NULL;
	g_assert_false(pipeline_ingest(f.pipeline, f.articles, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, "refused by the test"));
	g_assert_nonnull(strstr(error->message, f.path));
	if (pg_url() != NULL)
		g_assert_nonnull(strstr(error->message, "in INSERT INTO event_sources"));
	g_clear_error(&error);
	/* the articles' batch was committed (an ingest resumes from it), the
	 * events were not: the old ones stand, stale until an update */
	char *after = article_hashes(f.path);
	g_assert_cmpstr(after + 1, ==, hashes + 1);
	g_assert_cmpint(after[0], ==, a->hash[0]);
	FriseTimeline *now = timeline(&f, 0, true);
	g_assert_cmpuint(now->events->len, ==, before->events->len);
	event_timeline_free(now);
	/* the store is usable at once: the same ingest goes through without the trigger */
	exec_sql(f.path, pg_url() ? "DROP TRIGGER refuse ON event_sources" : "DROP TRIGGER refuse");
	g_assert_true(pipeline_ingest(f.pipeline, f.articles, &error));
	g_assert_no_error(error);
	g_free(after);
	after = article_hashes(f.path);
	g_assert_cmpstr(after, !=, hashes);
	g_free(after);
	g_free(hashes);
	event_timeline_free(before);
	seeds_clear(&f);
}

/* Opens a second handle on the seeds' store as curator `who` (FRISE_USER). */
static FrisePipeline *
editor(Seeds *f, const char *who, FriseStore **store)
{
	GError *error = NULL;
	g_setenv("FRISE_USER", who, TRUE);
	*store = store_open(f->path, &error);
	g_unsetenv("FRISE_USER");
	g_assert_no_error(error);
	FrisePipeline *p = pipeline_new(*store, &error);
	g_assert_no_error(error);
	return p;
}

static const FriseEvent *
current(FrisePipeline *p, FriseTimeline **tl, const char *id)
{
	GError *error = NULL;
	event_timeline_free(*tl);
	FriseTimelineQuery q = { .with_hidden = true };
	*tl = pipeline_timeline(p, &q, &error);
	g_assert_no_error(error);
	return event_by_id(*tl, id);
}

/* Two curators at once: each change names the version it was made on; the
 * second of two changes made on one version is refused (a conflict saying
 * who changed the event, how, and what version to redo it on), never
 * written over the first. */
static void
test_versions(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	FriseStore *sa, *sb;
	FrisePipeline *alice = editor(&f, "alice", &sa), *bob = editor(&f, "bob", &sb);
	FriseTimeline *tl = NULL;
	GError *error = NULL;
	current(alice, &tl, "");
	const FriseEvent *leak = event_of(tl, "leak", "2024-11-26");
	char *id = g_strdup(leak->id);
	int v = leak->sequence;
	/* a version that never was: the conflict names the ingest that made the event */
	FriseEventRef stale = { id, v + 7 };
	g_assert_false(pipeline_edit_event(bob, &stale, "Jamais", NULL, NULL, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, "conflict"));
	g_assert_nonnull(strstr(error->message, "(ingest)"));
	g_clear_error(&error);
	/* both saw version v; alice is first */
	FriseEventRef seen = { id, v };
	g_assert_true(pipeline_edit_event(alice, &seen, "La fuite, par Alice", NULL, NULL, &error));
	g_assert_no_error(error);
	g_assert_false(pipeline_edit_event(bob, &seen, "La fuite, par Bob", NULL, NULL, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	char *want = g_strdup_printf("changed since version %d: it is at version %d, made by alice (edit --title)", v,
				     v + 1);
	g_assert_nonnull(strstr(error->message, want));
	g_free(want);
	want = g_strdup_printf("%s@%d", id, v + 1);
	g_assert_nonnull(strstr(error->message, want));
	g_free(want);
	g_clear_error(&error);
	const FriseEvent *e = current(bob, &tl, id);
	g_assert_cmpstr(e->title, ==, "La fuite, par Alice");
	g_assert_cmpint(e->sequence, ==, v + 1);
	/* bob redoes it on what is there now */
	seen.version = v + 1;
	g_assert_true(pipeline_edit_event(bob, &seen, "La fuite, par Bob", NULL, NULL, &error));
	g_assert_no_error(error);
	g_assert_cmpstr(current(alice, &tl, id)->title, ==, "La fuite, par Bob");
	/* hide on a stale version is refused too; on the current one it applies */
	g_assert_false(pipeline_hide_event(alice, &seen, true, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, "made by bob (edit --title)"));
	g_clear_error(&error);
	g_assert_false(current(alice, &tl, id)->hidden);
	seen.version = v + 2;
	g_assert_true(pipeline_hide_event(alice, &seen, true, &error));
	g_assert_no_error(error);
	e = current(alice, &tl, id);
	g_assert_true(e->hidden);
	g_assert_cmpint(e->sequence, ==, v + 3);
	/* without a version, a change applies to whatever is current */
	FriseEventRef any = { id, -1 };
	g_assert_true(pipeline_hide_event(bob, &any, false, &error));
	g_assert_no_error(error);
	g_assert_false(current(bob, &tl, id)->hidden);
	/* merge: each event at its version; one merged away is gone for the
	 * curator who still names it */
	const FriseEvent *law[2] = { NULL, NULL };
	for (guint i = 0; i < tl->events->len; i++) {
		const FriseEvent *l = g_ptr_array_index(tl->events, i);
		if (g_str_has_prefix(l->value, "2024-02") && strcmp(l->type, "lawsuit") == 0)
			law[law[0] != NULL] = l;
	}
	g_assert_nonnull(law[1]);
	FriseEventRef pair[2] = { { g_strdup(law[0]->id), law[0]->sequence }, { g_strdup(law[1]->id), law[1]->sequence } };
	FriseEventRef second = pair[1];
	g_assert_true(pipeline_edit_event(alice, &second, NULL, NULL, "other", &error));
	g_assert_no_error(error);
	g_assert_false(pipeline_merge_events(bob, pair, 2, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, "edit --type"));
	g_clear_error(&error);
	pair[1].version++;
	g_assert_true(pipeline_merge_events(bob, pair, 2, &error));
	g_assert_no_error(error);
	/* the merged event goes by the id of its first mention: one of the two */
	int kept = current(alice, &tl, pair[0].id) != NULL ? 0 : 1;
	g_assert_nonnull(current(alice, &tl, pair[kept].id));
	g_assert_null(current(alice, &tl, pair[!kept].id));
	g_assert_false(pipeline_edit_event(alice, &pair[!kept], "Encore là ?", NULL, NULL, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, "is gone"));
	g_clear_error(&error);
	/* split at the merged event's version */
	e = current(alice, &tl, pair[kept].id);
	FriseEventRef merged = { pair[kept].id, e->sequence };
	g_assert_true(pipeline_split_event(alice, &merged, &error));
	g_assert_no_error(error);
	g_assert_false(pipeline_split_event(bob, &merged, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_nonnull(strstr(error->message, "made by alice (split)"));
	g_clear_error(&error);
	g_assert_nonnull(current(bob, &tl, pair[!kept].id));
	g_free((char *)pair[0].id);
	g_free((char *)pair[1].id);
	event_timeline_free(tl);
	g_free(id);
	pipeline_free(alice);
	pipeline_free(bob);
	store_close(sa);
	store_close(sb);
	seeds_clear(&f);
}

/* ---- PostgreSQL only ---- */

/* What a target may say: a URL, "postgres:" and a libpq connection string,
 * the PG* variables; frise's own schema= and retries=; a password never
 * shown; malformed ones refused as usage errors. */
static void
test_pg_targets(void)
{
	GError *error = NULL;
	char *url = tmp_store();
	char *schema = schema_of(url);
	PGconn *c = pg_connect(url);
	char *host = g_strdup(PQhost(c)), *user = g_strdup(PQuser(c));
	PQfinish(c);
	/* a conninfo string, with frise's schema= in it */
	char *ci = g_strdup_printf("postgres:host=%s user=%s dbname=postgres schema=%s", host, user, schema);
	FriseStore *s = store_open(ci, &error);
	g_assert_no_error(error);
	g_assert_true(store_is_url(ci));
	store_close(s);
	g_assert_cmpint(stored_version(url), ==, STORE_SCHEMA_VERSION);
	/* "postgres:" alone: everything from PG* (and the default schema) */
	g_setenv("PGHOST", host, TRUE);
	g_setenv("PGUSER", user, TRUE);
	g_setenv("PGDATABASE", "postgres", TRUE);
	s = store_open("postgres:", &error);
	g_assert_no_error(error);
	store_close(s);
	char *deflt = g_strdup_printf("%s&schema=frise", pg_url());
	g_assert_cmpint(stored_version(deflt), ==, STORE_SCHEMA_VERSION);
	remove_store(deflt);
	/* a URL naming only the schema, the rest from PG* */
	char *bare = g_strdup_printf("postgresql://?schema=%s", schema);
	s = store_open_existing(bare, &error);
	g_assert_no_error(error);
	store_close(s);
	g_free(bare);
	g_unsetenv("PGHOST");
	g_unsetenv("PGUSER");
	g_unsetenv("PGDATABASE");
	/* refused before connecting: a schema that is no plain name, a bad retries */
	static const char *const bad[] = {
		"postgresql:///x?schema=Bad", "postgresql:///x?schema=a;b", "postgresql:///x?retries=many",
		"postgres:host", "postgres:schema=1x",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_assert_null(store_open(bad[i], &error));
		g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE);
		g_clear_error(&error);
	}
	/* a password is not repeated in messages; a server that is not there is a store error */
	g_assert_null(store_open("postgresql://someone:s3cret@/x?host=/nonexistent&password=t0p", &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_null(strstr(error->message, "s3cret"));
	g_assert_null(strstr(error->message, "t0p"));
	g_assert_nonnull(strstr(error->message, "postgresql://someone@/x?host=/nonexistent"));
	g_clear_error(&error);
	g_assert_null(store_open("postgres:host=/nonexistent password='a b' schema=x", &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
	g_assert_null(strstr(error->message, "a b"));
	g_clear_error(&error);
	g_assert_false(store_is_url("story.db"));
	g_free(ci);
	g_free(host);
	g_free(user);
	g_free(schema);
	remove_store(url);
}

/* The other side of a deadlock: a session of the test's own. */
typedef struct {
	FrisePipeline *pipeline;
	GPtrArray *articles;
	bool ok;
	GError *error;
} IngestThread;

static gpointer
ingest_thread(gpointer data)
{
	IngestThread *t = data;
	t->ok = pipeline_ingest(t->pipeline, t->articles, &t->error);
	return NULL;
}

/* Waits (bounded) until `sql`, on `c`, returns a non-zero count. */
static void
wait_for(PGconn *c, const char *sql)
{
	for (int i = 0; i < 60000; i++) {
		PGresult *r = PQexec(c, sql);
		bool yes = PQresultStatus(r) == PGRES_TUPLES_OK && strcmp(PQgetvalue(r, 0, 0), "0") != 0;
		PQclear(r);
		if (yes)
			return;
		g_usleep(2000);
	}
	g_error("never: %s", sql);
}

/* A real deadlock between an ingest and another session of the database:
 * the session holds the events table and waits for the store's lock,
 * which the ingest holds while it waits for the events table. PostgreSQL
 * aborts the ingest (40P01, frise's session checks for deadlocks first:
 * deadlock_timeout 2 s, the other's 10 min); the ingest runs again and
 * commits once the session is done. With retries=0 it fails instead,
 * saying why. */
static void
deadlock_case(int retries)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	pipeline_free(f.pipeline);
	store_close(f.store);
	GError *error = NULL;
	char *target = g_strdup_printf("%s&options=-c%%20deadlock_timeout%%3D2s%s", f.path,
				       retries >= 0 ? "&retries=0" : "");
	f.store = store_open(target, &error);
	g_assert_no_error(error);
	f.pipeline = pipeline_new(f.store, &error);
	g_assert_no_error(error);
	/* an edited article, so that the ingest rewrites the events */
	FriseArticle *a = g_ptr_array_index(f.articles, 0);
	a->hash[0] = a->hash[0] == '0' ? '1' : '0';
	char *hashes = article_hashes(f.path);
	/* its batch is committed first (no lock on the events); the
	 * thread's ingest finds it read and has only the rebuild left, the
	 * transaction that takes the store's lock and then the events' */
	g_assert_true(pipeline_add(f.pipeline, f.articles, &error));
	g_assert_no_error(error);
	char *schema = schema_of(f.path);
	PGconn *other = pg_connect(f.path);
	char *lock = g_strdup_printf("SET deadlock_timeout = '10min'; BEGIN; LOCK TABLE %s.events IN ACCESS EXCLUSIVE MODE", schema);
	PQclear(PQexec(other, lock));
	IngestThread t = { f.pipeline, f.articles, false, NULL };
	GThread *th = g_thread_new("ingest", ingest_thread, &t);
	/* once the ingest holds the store's lock, wait for it */
	PGconn *watch = pg_connect(f.path);
	wait_for(watch, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted");
	char *take = g_strdup_printf("SELECT pg_advisory_xact_lock(%d, hashtext('%s'))", 0x46726973, schema);
	g_assert_cmpint(PQsendQuery(other, take), ==, 1);
	/* the deadlock is found; the session gets the lock, and lets go */
	PGresult *r;
	while ((r = PQgetResult(other)) != NULL) {
		g_assert_cmpint(PQresultStatus(r), ==, PGRES_TUPLES_OK);
		PQclear(r);
	}
	PQclear(PQexec(other, "COMMIT"));
	g_thread_join(th);
	char *after = article_hashes(f.path);
	if (retries < 0) {
		g_assert_no_error(t.error);
		g_assert_true(t.ok);
		g_assert_cmpstr(after, !=, hashes); /* the edited article is in */
	} else {
		g_assert_false(t.ok);
		g_assert_error(t.error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE);
		g_assert_nonnull(strstr(t.error->message, "gave up after 1 attempt"));
		g_assert_nonnull(strstr(t.error->message, "40P01"));
		g_clear_error(&t.error);
		g_assert_cmpstr(after, !=, hashes); /* the batch stays, its rebuild is to come */
	}
	g_free(after);
	g_free(hashes);
	g_free(take);
	g_free(lock);
	g_free(schema);
	g_free(target);
	PQfinish(watch);
	PQfinish(other);
	seeds_clear(&f);
}

static void
test_pg_deadlock_retried(void)
{
	deadlock_case(-1);
}

static void
test_pg_deadlock_retries_0(void)
{
	deadlock_case(0);
}

/* ---- the boilerplate stage's corpus evidence ---- */

static const char *const towns[] = { "Brega", "Syrte", "Zaouïa", "Misrata" };

/* Article i of one site, read as `name`: its header line, then a
 * headline ("avancent", or `verb`) and a dated sentence of its own. */
static FriseArticle *
site_article(guint i, const char *name, const char *verb)
{
	char *text = g_strdup_printf("Les sites du groupe\nLes rebelles %s vers %s\n"
				     "Les rebelles ont pris %s le %u mars 2011, selon des témoins.\n",
				     verb != NULL ? verb : "avancent", towns[i], towns[i], i + 1);
	char *own = g_strdup_printf("s%u.txt", i);
	FriseReadOptions opts = { .lang = FRISE_LANG_FR, .published = "2011-03-20" };
	GError *e = NULL;
	FriseArticle *a = article_read_bytes(name != NULL ? name : own, text, strlen(text), &opts, &e);
	g_assert_no_error(e);
	g_free(own);
	g_free(text);
	return a;
}

/* Articles from..to-1 of the site. */
static GPtrArray *
site_articles(guint from, guint to)
{
	GPtrArray *arts = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	for (guint i = from; i < to; i++)
		g_ptr_array_add(arts, site_article(i, NULL, NULL));
	return arts;
}

/* The store's line counts are those its article_lines give (articles with
 * distinct bytes), and every kept line has one. */
static void
counts_agree(const char *target)
{
	char *n = query_text(target, "SELECT count(*) FROM line_counts c WHERE c.articles <> (SELECT count(DISTINCT "
				     "a.hash) FROM article_lines l JOIN articles a ON a.seq = l.article WHERE l.hash = c.hash)");
	g_assert_cmpstr(n, ==, "0");
	g_free(n);
	n = query_text(target, "SELECT count(*) FROM article_lines l WHERE NOT EXISTS (SELECT 1 FROM line_counts c "
			       "WHERE c.hash = l.hash)");
	g_assert_cmpstr(n, ==, "0");
	g_free(n);
}

/* What a reader sees of a store: its title, its articles' titles, its
 * events with their sources: one string. */
static char *
seen(const char *target)
{
	GError *e = NULL;
	FriseStore *s = store_open_existing(target, &e);
	g_assert_no_error(e);
	FriseTimeline *tl = store_timeline(s, NULL, &e);
	g_assert_no_error(e);
	GString *out = g_string_new(tl->title);
	for (guint i = 0; i < tl->articles->len; i++)
		g_string_append_printf(out, "\n%s", ((FriseArticleInfo *)tl->articles->pdata[i])->title);
	for (guint i = 0; i < tl->events->len; i++) {
		const FriseEvent *ev = tl->events->pdata[i];
		g_string_append_printf(out, "\n%s %s %s", ev->value, ev->title, ev->text);
		for (guint k = 0; k < ev->sources->len; k++)
			g_string_append_printf(out, " [%s]", ((FriseSource *)ev->sources->pdata[k])->title);
	}
	event_timeline_free(tl);
	store_close(s);
	return g_string_free(out, FALSE);
}

static void
ingest_into(const char *target, GPtrArray *arts)
{
	GError *e = NULL;
	FriseStore *s = store_open(target, &e);
	g_assert_no_error(e);
	FrisePipeline *p = pipeline_new(s, &e);
	g_assert_no_error(e);
	g_assert_true(pipeline_ingest(p, arts, &e));
	g_assert_no_error(e);
	pipeline_free(p);
	store_close(s);
	g_ptr_array_unref(arts);
}

/* A line repeated in the corpus is judged in the whole store: three
 * ingests (one, one, two articles) end as one ingest of the four, the
 * first two judged again once the header is in four; a store whose lines
 * are not kept (an older frise's, frise extract's records) has them read
 * back by its next rebuild, and judges the same; the same bytes under
 * another name count once, an edited article's lines replace its old
 * ones, and the counts stay those of the articles. SQLite and
 * PostgreSQL. */
static void
test_evidence(void)
{
	char *one = tmp_store(), *three = tmp_store();
	ingest_into(one, site_articles(0, 4));
	char *want = seen(one);
	g_assert_nonnull(strstr(want, "\nLes rebelles avancent vers Brega\n"));
	g_assert_null(strstr(want, "Les sites du groupe"));
	ingest_into(three, site_articles(0, 1));
	char *got = seen(three);
	g_assert_nonnull(strstr(got, "Les sites du groupe")); /* one article is no evidence */
	g_free(got);
	ingest_into(three, site_articles(1, 2));
	ingest_into(three, site_articles(2, 4));
	got = seen(three);
	g_assert_cmpstr(got, ==, want);
	g_free(got);
	char *n = query_text(three, "SELECT count(*) FROM article_lines WHERE repeated = 1");
	g_assert_cmpstr(n, ==, "4");
	g_free(n);
	counts_agree(three);
	/* lines not kept: read back from the texts, judged the same */
	exec_sql(three, "UPDATE articles SET lines = 0, title_from_body = 0; DELETE FROM article_lines; "
			"DELETE FROM line_counts; "
			"DELETE FROM state WHERE name = 'stale'; INSERT INTO state (name, value) VALUES ('stale', '1')");
	GError *e = NULL;
	FriseStore *s = store_open(three, &e);
	g_assert_no_error(e);
	FrisePipeline *p = pipeline_new(s, &e);
	g_assert_no_error(e);
	g_assert_true(pipeline_update(p, &e));
	g_assert_no_error(e);
	pipeline_free(p);
	store_close(s);
	n = query_text(three, "SELECT count(*) FROM articles WHERE lines = 1");
	g_assert_cmpstr(n, ==, "4");
	g_free(n);
	n = query_text(three, "SELECT count(*) FROM article_lines WHERE repeated = 1");
	g_assert_cmpstr(n, ==, "4");
	g_free(n);
	got = seen(three);
	g_assert_cmpstr(got, ==, want);
	g_free(got);
	g_free(want);
	counts_agree(three);
	/* a twin, then an edited article, in a third ingest: as one ingest */
	GPtrArray *more = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	g_ptr_array_add(more, site_article(0, "twin.txt", NULL));
	ingest_into(three, more);
	n = query_text(three, "SELECT max(articles) FROM line_counts");
	g_assert_cmpstr(n, ==, "4"); /* the header, in four distinct texts */
	g_free(n);
	counts_agree(three);
	more = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	g_ptr_array_add(more, site_article(1, NULL, "reculent"));
	ingest_into(three, more);
	counts_agree(three);
	char *other = tmp_store();
	GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	for (guint i = 0; i < 4; i++)
		g_ptr_array_add(all, site_article(i, NULL, i == 1 ? "reculent" : NULL));
	g_ptr_array_add(all, site_article(0, "twin.txt", NULL));
	ingest_into(other, all);
	want = seen(other);
	got = seen(three);
	g_assert_cmpstr(got, ==, want);
	g_assert_nonnull(strstr(got, "\nLes rebelles reculent vers Syrte\n"));
	g_free(got);
	g_free(want);
	remove_store(other);
	remove_store(one);
	remove_store(three);
}

/* With FRISE_TEST_PG=start, this program starts its own server: tests/pg.py
 * serve ($FRISE_PG_HELPER) prints its URL and keeps it until our end of
 * its standard input closes — at exit, or when we crash or are killed —
 * then removes it. Returns the helper's pid (0: none), *to_helper the
 * pipe to close at the end. Exits, saying why, when there is no server. */
static void
own_session(gpointer data G_GNUC_UNUSED)
{
	setsid();
}

static GPid
start_server(int *to_helper)
{
	const char *helper = g_getenv("FRISE_PG_HELPER");
	if (helper == NULL) {
		printf("Bail out! FRISE_TEST_PG=start needs FRISE_PG_HELPER (tests/pg.py)\n");
		exit(1);
	}
	const char *argv[] = { "python3", helper, "serve", NULL };
	GPid pid = 0;
	int out = -1;
	GError *error = NULL;
	/* in a session of its own: a test runner that kills our process
	 * group on a timeout must not kill it before it removes the server */
	if (!g_spawn_async_with_pipes(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
				      own_session, NULL, &pid, to_helper, &out, NULL, &error)) {
		printf("Bail out! cannot run %s: %s\n", helper, error->message);
		exit(1);
	}
	GString *line = g_string_new(NULL);
	char c;
	while (read(out, &c, 1) == 1 && c != '\n')
		g_string_append_c(line, c);
	close(out);
	if (g_str_has_prefix(line->str, "postgresql:")) {
		g_setenv("FRISE_TEST_PG_URL", line->str, TRUE);
		printf("# PostgreSQL %s (tests/pg.py serve)\n", line->str);
	} else if (strcmp(line->str, "off") == 0) {
		printf("1..0 # SKIP FRISE_TEST_PG=off: the PostgreSQL tests were not asked for\n");
		exit(0);
	} else {
		/* the helper said why ("Bail out! …/initdb not found: …") */
		printf("%s\n", line->len ? line->str : "Bail out! tests/pg.py serve started no server");
		exit(1);
	}
	g_string_free(line, TRUE);
	return pid;
}

static void
stop_server(GPid pid, int to_helper)
{
	if (pid == 0)
		return;
	close(to_helper);
	int status;
	waitpid(pid, &status, 0);
	g_spawn_close_pid(pid);
}

/* A line of frise extract is bounded (pipeline_record_max()): extract
 * skips an article whose line would be longer, with a limit error, and
 * ingest --candidates refuses such a line; with the same limit, every
 * line extract writes is read back. */
static void
count_skip(const GError *e, void *user)
{
	g_assert_true(g_error_matches(e, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT));
	g_assert_nonnull(strstr(e->message, "not written"));
	(*(int *)user)++;
}

static FrisePipeline *
new_pipeline(char **path, FriseStore **store)
{
	GError *error = NULL;
	*path = tmp_store();
	*store = store_open(*path, &error);
	g_assert_no_error(error);
	FrisePipeline *p = pipeline_new(*store, &error);
	g_assert_no_error(error);
	return p;
}

static void
test_extract_bounded(void)
{
	Seeds f;
	if (!seeds_init(&f))
		return;
	GError *error = NULL;
	char *path;
	FriseStore *s;
	FrisePipeline *p = new_pipeline(&path, &s);
	int skipped = 0;
	/* an article limit of 100 bytes: lines of 6,400 at most, shorter than the seeds' */
	char *small = pipeline_extract(p, f.articles, 100, count_skip, &skipped, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(pipeline_record_max(100), ==, 100 * PIPELINE_RECORD_FACTOR);
	char **lines = g_strsplit(small, "\n", -1);
	guint written = g_strv_length(lines) - 1; /* the last is after the final newline */
	for (guint i = 0; i < written; i++)
		g_assert_cmpuint(strlen(lines[i]), <=, pipeline_record_max(100));
	g_assert_cmpint(skipped, >=, 1);
	g_assert_cmpuint(written + (guint)skipped, ==, f.articles->len);
	g_strfreev(lines);
	g_free(small);
	pipeline_free(p);
	store_close(s);
	remove_store(path);

	/* every line at the default limit, read back; refused at the small one */
	p = new_pipeline(&path, &s);
	char *all = pipeline_extract(p, f.articles, 0, count_skip, &skipped, &error);
	g_assert_no_error(error);
	pipeline_free(p);
	store_close(s);
	remove_store(path);
	char *dir = g_dir_make_tmp("frise-test-extract-XXXXXX", NULL);
	char *file = g_build_filename(dir, "c.jsonl", NULL);
	g_assert_true(g_file_set_contents(file, all, -1, NULL));
	const char *paths[] = { file };
	p = new_pipeline(&path, &s);
	FriseReadOptions tight = { .max_bytes = 100 };
	size_t n = 0;
	g_assert_false(pipeline_add_extracted_paths(p, paths, 1, &tight, &n, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT);
	if (strstr(error->message, "c.jsonl:") == NULL || strstr(error->message, ": a line of") == NULL)
		g_error("%s", error->message);
	g_clear_error(&error);
	pipeline_free(p);
	store_close(s);
	remove_store(path);
	p = new_pipeline(&path, &s);
	g_assert_true(pipeline_add_extracted_paths(p, paths, 1, NULL, &n, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(n, ==, f.articles->len);
	pipeline_free(p);
	store_close(s);
	remove_store(path);
	g_remove(file);
	g_rmdir(dir);
	g_free(file);
	g_free(dir);
	g_free(all);
	seeds_clear(&f);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	int to_helper = -1;
	GPid helper = g_strcmp0(g_getenv("FRISE_TEST_PG"), "start") == 0 && pg_url() == NULL ? start_server(&to_helper)
											     : 0;
	g_test_add_func("/store/schema", test_schema);
	g_test_add_func("/store/seeds-timeline", test_seeds_timeline);
	g_test_add_func("/store/seeds-estimates", test_seeds_estimates);
	g_test_add_func("/store/seeds-reingest", test_seeds_reingest);
	g_test_add_func("/store/seeds-curation", test_seeds_curation);
	g_test_add_func("/store/seeds-candidates", test_seeds_candidates);
	g_test_add_func("/store/seeds-top", test_seeds_top);
	g_test_add_func("/store/top-days", test_top_days);
	g_test_add_func("/store/damaged", test_damaged);
	g_test_add_func("/store/refused-write", test_refused_write);
	g_test_add_func("/store/migrate", test_migrate);
	g_test_add_func("/store/versions", test_versions);
	g_test_add_func("/store/evidence", test_evidence);
	g_test_add_func("/store/extract-bounded", test_extract_bounded);
	if (pg_url() != NULL) {
		g_test_add_func("/store/pg/targets", test_pg_targets);
		g_test_add_func("/store/pg/deadlock-retried", test_pg_deadlock_retried);
		g_test_add_func("/store/pg/deadlock-retries-0", test_pg_deadlock_retries_0);
	}
	int rc = g_test_run();
	stop_server(helper, to_helper);
	return rc;
}
