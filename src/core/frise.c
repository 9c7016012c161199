/*
 * frise.c — what all stages share: the error domain, language codes, the
 * pinned clock, the library's version, link checking, output files
 * (atomic, replaced as a set), bounded input files and the removal of
 * temporary files on signals. Exports frise_* only.
 */
#include "frise/frise.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
	if (url == NULL || !web_scheme(url) || (strncmp(url, "https:", 6) != 0 && strncmp(url, "http:", 5) != 0))
		return false;   /* "HTTPS://": frise_url_web() lowers the scheme */
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
	/* the scheme in lower case, its canonical form (RFC 3986 §3.1):
	 * "HTTPS://" is a link every client and checker reads as one */
	for (char *p = out->str; *p != ':'; p++)
		*p = g_ascii_tolower(*p);
	return g_string_free(out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Cleanup on signals */

/* One tracked path. `state` goes FREE -> BUSY (being written) -> READY
 * (the handler may remove it) -> DONE, and a slot is never used again:
 * the signal handler, which may run on any thread at any moment, reads
 * only READY slots, whose path no one writes any more. */
enum { SLOT_FREE, SLOT_BUSY, SLOT_READY, SLOT_DONE };
static struct {
	gint state;
	bool folder;
	char path[4096];
} cleanup_slots[FRISE_CLEANUP_MAX];

static volatile sig_atomic_t deferring; /* frise_outputs_commit() is renaming */
static volatile sig_atomic_t deferred;  /* the signal it deferred, or 0 */
static gint dying;                      /* the handler is removing the tracked paths */

int
frise_cleanup_track(const char *path, bool folder)
{
	if (path == NULL || strlen(path) >= sizeof cleanup_slots[0].path)
		return -1;
	for (int i = 0; i < FRISE_CLEANUP_MAX; i++)
		if (g_atomic_int_compare_and_exchange(&cleanup_slots[i].state, SLOT_FREE, SLOT_BUSY)) {
			strcpy(cleanup_slots[i].path, path);
			cleanup_slots[i].folder = folder;
			g_atomic_int_set(&cleanup_slots[i].state, SLOT_READY);
			return i;
		}
	return -1;
}

void
frise_cleanup_untrack(int handle)
{
	if (handle >= 0 && handle < FRISE_CLEANUP_MAX)
		g_atomic_int_set(&cleanup_slots[handle].state, SLOT_DONE);
}

/* Async-signal-safe: unlink() and rmdir() only. */
static void
cleanup_now(void)
{
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < FRISE_CLEANUP_MAX; i++)
			if (g_atomic_int_get(&cleanup_slots[i].state) == SLOT_READY &&
			    cleanup_slots[i].folder == (pass == 1)) {
				if (pass == 0)
					unlink(cleanup_slots[i].path);
				else
					rmdir(cleanup_slots[i].path);
			}
}

static void
on_signal(int sig)
{
	if (deferring) {
		deferred = sig;
		return;
	}
	g_atomic_int_set(&dying, 1);
	cleanup_now();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Creates a new file (or folder) "PREFIX.XXXXXX" that the signal handler
 * removes: the name is tracked *before* it is created, and a thread that
 * creates it while the handler runs on another removes it itself, so no
 * moment leaves one behind. Returns the name (g_free) and its handle, or
 * NULL with errno set.
 */
static char *
create_tracked(const char *prefix, bool folder, int *fd, int *handle)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	for (int attempt = 0; attempt < 100; attempt++) {
		char suffix[8] = ".";
		for (int k = 1; k < 7; k++)
			suffix[k] = chars[g_random_int_range(0, (gint32)sizeof chars - 1)];
		char *path = g_strconcat(prefix, suffix, NULL);
		*handle = frise_cleanup_track(path, folder);
		int rc = folder ? mkdir(path, 0700) : (*fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
		if (rc >= 0) {
			if (g_atomic_int_get(&dying)) {
				/* too late for the handler to see it: remove it, and
				 * wait for the end it is bringing */
				folder ? rmdir(path) : unlink(path);
				for (;;)
					pause();
			}
			return path;
		}
		int err = errno;
		frise_cleanup_untrack(*handle);
		g_free(path);
		errno = err;
		if (err != EEXIST)
			return NULL;
	}
	return NULL;
}

char *
frise_temp_folder(const char *prefix, int *handle, GError **error)
{
	char *base = g_build_filename(g_get_tmp_dir(), prefix, NULL);
	int fd = -1;
	char *path = create_tracked(base, true, &fd, handle);
	if (path == NULL)
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_OUTPUT, "cannot make a temporary folder %s.XXXXXX: %s",
			    base, g_strerror(errno));
	g_free(base);
	return path;
}

void
frise_cleanup_on_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < G_N_ELEMENTS(sigs); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (size_t i = 0; i < G_N_ELEMENTS(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGXFSZ, SIG_IGN);
}

/* ------------------------------------------------------------------ */
/* Output files */

static void
output_error(GError **error, const char *path, const char *what, int err)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_OUTPUT, "%s: %s: %s", path, what, g_strerror(err));
}

/* `path` with its symbolic links followed to the file they name (which
 * may not exist yet). A new string; NULL with `error` on a loop. */
static char *
resolve_target(const char *path, GError **error)
{
	char *cur = g_strdup(path);
	for (int hops = 0; hops < 40; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		char *link = g_file_read_link(cur, NULL);
		if (link == NULL)
			return cur;
		if (!g_path_is_absolute(link)) {
			char *dir = g_path_get_dirname(cur);
			char *joined = g_build_filename(dir, link, NULL);
			g_free(dir);
			g_free(link);
			link = joined;
		}
		g_free(cur);
		cur = link;
	}
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_OUTPUT, "%s: too many levels of symbolic links", path);
	g_free(cur);
	return NULL;
}

static bool
write_all(int fd, const char *data, size_t len, const char *path, GError **error)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			output_error(error, path, "cannot write", errno);
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* One staged file: its temporary beside the target. */
typedef struct {
	char *target;
	char *temp;
	int handle; /* frise_cleanup_track() */
} Staged;

struct FriseOutputs {
	GMutex lock;
	GArray *staged; /* Staged */
	bool committed;
};

FriseOutputs *
frise_outputs_new(void)
{
	FriseOutputs *o = g_new0(FriseOutputs, 1);
	g_mutex_init(&o->lock);
	o->staged = g_array_new(FALSE, TRUE, sizeof(Staged));
	return o;
}

/* Writes in place: stdout, a device, a FIFO. */
static bool
write_in_place(const char *path, const char *target, const char *data, size_t len, GError **error)
{
	if (strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			output_error(error, "standard output", "cannot write", errno);
			return false;
		}
		return true;
	}
	int fd = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		output_error(error, path, "cannot open", errno);
		return false;
	}
	bool ok = write_all(fd, data, len, path, error);
	if (close(fd) != 0 && ok) {
		output_error(error, path, "cannot write", errno);
		ok = false;
	}
	return ok;
}

bool
frise_outputs_add(FriseOutputs *o, const char *path, const char *data, size_t len, GError **error)
{
	if (strcmp(path, "-") == 0)
		return write_in_place(path, path, data, len, error);
	char *target = resolve_target(path, error);
	if (target == NULL)
		return false;
	struct stat st;
	bool exists = stat(target, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_OUTPUT, "%s: is a folder", path);
		g_free(target);
		return false;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		bool ok = write_in_place(path, target, data, len, error);
		g_free(target);
		return ok;
	}
	int fd = -1, handle = -1;
	char *temp = create_tracked(target, false, &fd, &handle);
	if (temp == NULL) {
		output_error(error, path, "cannot create a file beside it", errno);
		g_free(target);
		return false;
	}
	bool ok = true;
	if (exists) {
		/* keep the file's mode, and its owner when allowed */
		if (fchmod(fd, st.st_mode & 07777) != 0)
			ok = false, output_error(error, path, "cannot keep its mode", errno);
		if (ok && fchown(fd, st.st_uid, st.st_gid) != 0) {
			/* not ours to give away: keep the mode, lose the owner */
		}
	}
	ok = ok && write_all(fd, data, len, path, error);
	if (ok && fsync(fd) != 0)
		ok = false, output_error(error, path, "cannot write", errno);
	if (close(fd) != 0 && ok)
		ok = false, output_error(error, path, "cannot write", errno);
	if (!ok) {
		unlink(temp);
		frise_cleanup_untrack(handle);
		g_free(temp);
		g_free(target);
		return false;
	}
	Staged sg = { target, temp, handle };
	g_mutex_lock(&o->lock);
	g_array_append_val(o->staged, sg);
	g_mutex_unlock(&o->lock);
	return true;
}

bool
frise_outputs_commit(FriseOutputs *o, GError **error)
{
	bool ok = true;
	g_mutex_lock(&o->lock);
	deferring = 1;
	for (guint i = 0; i < o->staged->len; i++) {
		Staged *sg = &g_array_index(o->staged, Staged, i);
		if (ok && rename(sg->temp, sg->target) != 0) {
			output_error(error, sg->target, "cannot replace", errno);
			ok = false;
		}
		if (!ok)
			unlink(sg->temp);
		frise_cleanup_untrack(sg->handle);
		g_clear_pointer(&sg->temp, g_free);
	}
	o->committed = true;
	deferring = 0;
	g_mutex_unlock(&o->lock);
	if (deferred != 0)
		on_signal(deferred);
	return ok;
}

void
frise_outputs_free(FriseOutputs *o)
{
	if (o == NULL)
		return;
	for (guint i = 0; i < o->staged->len; i++) {
		Staged *sg = &g_array_index(o->staged, Staged, i);
		if (sg->temp != NULL) {
			unlink(sg->temp);
			frise_cleanup_untrack(sg->handle);
		}
		g_free(sg->temp);
		g_free(sg->target);
	}
	g_array_unref(o->staged);
	g_mutex_clear(&o->lock);
	g_free(o);
}

bool
frise_write_file(const char *path, const char *data, size_t len, GError **error)
{
	FriseOutputs *o = frise_outputs_new();
	bool ok = frise_outputs_add(o, path, data, len, error) && frise_outputs_commit(o, error);
	frise_outputs_free(o);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Input files */

char *
frise_read_file(const char *path, size_t limit, size_t *len, GError **error)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s: cannot open: %s", path,
			    g_strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s: is a folder", path);
		if (!is_stdin)
			close(fd);
		return NULL;
	}
	GString *buf = g_string_sized_new(MIN(limit, (size_t)65536) + 1);
	char chunk[65536];
	bool ok = true;
	while (ok) {
		ssize_t n = read(fd, chunk, MIN(sizeof chunk, limit + 1 - buf->len));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s: cannot read: %s", path,
				    g_strerror(errno));
			ok = false;
		} else if (n == 0) {
			break;
		} else {
			g_string_append_len(buf, chunk, n);
			if (buf->len > limit) {
				g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_LIMIT,
					    "%s: larger than the limit of %zu bytes", path, limit);
				ok = false;
			}
		}
	}
	if (!is_stdin)
		close(fd);
	if (!ok) {
		g_string_free(buf, TRUE);
		return NULL;
	}
	*len = buf->len;
	return g_string_free(buf, FALSE);
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
