/*
 * frise.c — what all stages share: the error domain, language codes, the
 * pinned clock, atomic file writing and the library's version. Exports
 * frise_* only.
 */
#include "frise/frise.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK(frise-error-quark, frise_error)

/* ORDER LANG */
static const char *const lang_codes[FRISE_LANG_COUNT] = { "und", "fr", "en" };

const char *
frise_lang_code(FriseLang lang)
{
	return (unsigned)lang < FRISE_LANG_COUNT ? lang_codes[lang] : "und";
}

FriseLang
frise_lang_parse(const char *code)
{
	if (code == NULL)
		return FRISE_LANG_UNKNOWN;
	for (int i = 1; i < FRISE_LANG_COUNT; i++)
		if (g_ascii_strcasecmp(code, lang_codes[i]) == 0)
			return (FriseLang)i;
	return FRISE_LANG_UNKNOWN;
}

const char *
frise_version(void)
{
	/* compiled into the library: the version it is, whatever headers
	 * the caller was compiled with */
	return FRISE_VERSION_STRING;
}

GDateTime *
frise_now(void)
{
	const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
	if (epoch != NULL && *epoch != '\0') {
		char *end;
		gint64 secs = g_ascii_strtoll(epoch, &end, 10);
		if (*end == '\0') {
			GDateTime *t = g_date_time_new_from_unix_utc(secs);
			if (t != NULL)
				return t;
		}
		g_warning("SOURCE_DATE_EPOCH=%s is not a number of seconds; using the clock", epoch);
	}
	return g_date_time_new_now_utc();
}

bool
frise_write_file(const char *path, const char *data, size_t len, GError **error)
{
	if (strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_OUTPUT,
				    "cannot write to standard output: %s", g_strerror(errno));
			return false;
		}
		return true;
	}
	/* g_file_set_contents_full writes a temporary file beside `path`,
	 * fsyncs it and renames it over `path`: atomic on POSIX. */
	GError *e = NULL;
	if (!g_file_set_contents_full(path, data, (gssize)len,
				      G_FILE_SET_CONTENTS_CONSISTENT, 0644, &e)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_OUTPUT, "%s", e->message);
		g_error_free(e);
		return false;
	}
	return true;
}

/* The state the threads of frise_parallel_for() share. */
typedef struct {
	gint next; /* atomic: the first index not yet taken */
	guint to, step;
	void (*fn)(guint i, void *data);
	void *data;
} Parallel;

static gpointer
parallel_run(gpointer p_)
{
	Parallel *p = p_;
	for (;;) {
		gint from = g_atomic_int_add(&p->next, (gint)p->step);
		if (from < 0 || (guint)from >= p->to)
			return NULL;
		for (guint i = (guint)from; i < p->to && i < (guint)from + p->step; i++)
			p->fn(i, p->data);
	}
}

#define PARALLEL_MAX 16

void
frise_parallel_for(guint from, guint to, guint step, guint max_threads, const char *name,
		   void (*fn)(guint i, void *data), void *data)
{
	if (to <= from)
		return;
	if (step == 0)
		step = 1;
	Parallel p = { (gint)from, to, step, fn, data };
	guint n = MIN((guint)g_get_num_processors(), MIN(MIN(max_threads, PARALLEL_MAX), (to - from) / step + 1));
	GThread *threads[PARALLEL_MAX] = { NULL };
	for (guint t = 1; t < n; t++)
		threads[t] = g_thread_try_new(name, parallel_run, &p, NULL); /* NULL: one thread fewer */
	parallel_run(&p);
	for (guint t = 1; t < n; t++)
		if (threads[t] != NULL)
			g_thread_join(threads[t]);
}
