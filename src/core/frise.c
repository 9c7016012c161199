/*
 * frise.c — what all stages share: the error domain, language codes, the
 * pinned clock, link checking and atomic file writing. Exports frise_*
 * only.
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

/* ------------------------------------------------------------------ */
/* URLs */

/* Bytes a URI may hold as they are (RFC 3986: unreserved, reserved and
 * '%', which must start an escape). */
static bool
uri_byte(unsigned char c)
{
	return c > 0x20 && c < 0x7f && strchr("\"<>\\^`{|}", c) == NULL;
}

static bool
is_escape(const char *p)
{
	return p[0] == '%' && g_ascii_isxdigit(p[1]) && g_ascii_isxdigit(p[2]);
}

/* True when `url` (clean) is http(s)://HOST…: a scheme, "//" and a host
 * that is not empty. */
static bool
web_scheme(const char *url)
{
	size_t n = g_ascii_strncasecmp(url, "https://", 8) == 0 ? 8
		   : g_ascii_strncasecmp(url, "http://", 7) == 0 ? 7 : 0;
	return n > 0 && url[n] != '\0' && strchr("/?#", url[n]) == NULL;
}

bool
frise_url_is_web(const char *url)
{
	if (url == NULL || !web_scheme(url))
		return false;
	for (const char *p = url; *p != '\0'; p++)
		if (!uri_byte((unsigned char)*p) || (*p == '%' && !is_escape(p)))
			return false;
	return true;
}

char *
frise_url_web(const char *url)
{
	if (url == NULL)
		return NULL;
	const char *s = url, *e = url + strlen(url);
	while (s < e && g_ascii_isspace(*s))
		s++;
	while (e > s && g_ascii_isspace(e[-1]))
		e--;
	GString *out = g_string_sized_new((gsize)(e - s) + 8);
	for (const char *p = s; p < e; p++) {
		unsigned char c = (unsigned char)*p;
		if (uri_byte(c) && (c != '%' || is_escape(p)))
			g_string_append_c(out, (char)c);
		else
			g_string_append_printf(out, "%%%02X", c);
	}
	if (!web_scheme(out->str)) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return g_string_free(out, FALSE);
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
