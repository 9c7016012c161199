/*
 * frise.h — what every stage of frise shares: the error convention, exit
 * codes, the pinned clock, languages, byte spans and the library's
 * version. Every other public header includes it.
 *
 * libfrise turns news articles (French or English) into a timeline, in
 * four steps, one header each (link with `pkg-config --libs frise`):
 *
 *   article.h   bytes in memory (or files) -> FriseArticle: UTF-8 checked,
 *               publication date, title, language
 *   timex.h     a text and its document date -> the dates it names, as
 *               TIMEX3 values ("le 24 mars" -> 2024-03-24)
 *   pipeline.h  articles -> events, merged across articles, kept in a
 *               store (store.h; ":memory:" for one that is not a file)
 *               -> a FriseTimeline (event.h)
 *   render.h    a FriseTimeline -> the bytes of one format, in a GString:
 *               ics, json, timelinejs, html, svg, png, pdf
 *
 * date.h reads and displays TIMEX3 values; layout.h places an image's
 * pieces (for drawing one's own). No file, folder or environment variable
 * is needed at run time: the language tables, event templates and the
 * web page's template are compiled into the library.
 *
 * Error convention (one for the whole library): a function that can fail
 * returns bool (true on success) or a pointer (NULL on failure) and takes
 * a trailing `GError **error` (NULL to ignore), set on failure in domain
 * FRISE_ERROR_DOMAIN with a FriseError code and a message that names the
 * input and the place ("a.txt: invalid UTF-8 at byte 812").
 *
 * Ownership: functions named *_new / *_read_* / *_open / *_dup give the
 * caller memory it frees with the matching *_free / *_close (or g_free(),
 * g_ptr_array_unref() where the header says so); a renderer appends to a
 * GString the caller owns; *_get, *_name, *_lookup and struct members
 * return memory owned by the object they were read from. Arguments are borrowed: the library
 * keeps no pointer to them after the call unless the header says so
 * (a FrisePipeline borrows its store and tagger).
 *
 * Threads: every function may be called from any thread. What the library
 * builds lazily (language tables, the French dictionary) is built once,
 * under g_once, whichever thread asks first. Objects fall in two kinds:
 *   - immutable once made, shareable by any number of threads at once:
 *     FriseTagger, FriseArticle, FriseTimeline (and what it holds),
 *     FriseRenderFormat, the strings of static storage;
 *   - used by one thread at a time (they may move between threads):
 *     FriseStore, FrisePipeline, LayoutPage, and every GString, GArray or
 *     GPtrArray being filled.
 * Several stores may be open on one file, in threads or processes: SQLite
 * serialises their writes (WAL, a 30 s busy timeout).
 */
#ifndef FRISE_FRISE_H
#define FRISE_FRISE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "frise/version.h"

G_BEGIN_DECLS

/* The version of the library the program runs with, "MAJOR.MINOR.MICRO"
 * (FRISE_VERSION_STRING is the headers' own, at compile time); static
 * storage. */
const char *frise_version(void);

/* Error codes; also the process exit codes of the `frise` command. */
typedef enum {
	FRISE_ERROR_OK = 0,       /* not an error: exit 0 */
	FRISE_ERROR_INPUT = 1,    /* unreadable, invalid or empty input */
	FRISE_ERROR_USAGE = 2,    /* bad command line */
	FRISE_ERROR_STORE = 3,    /* the event store cannot be opened or written */
	FRISE_ERROR_OUTPUT = 4,   /* an output file cannot be written */
	FRISE_ERROR_LIMIT = 5,    /* a size or count limit was exceeded */
	FRISE_ERROR_INTERNAL = 70 /* a bug: please report it */
} FriseError;

#define FRISE_ERROR_DOMAIN (frise_error_quark())
GQuark frise_error_quark(void);

/* Languages frise knows. ORDER LANG: frise_lang_code() follows it. */
typedef enum {
	FRISE_LANG_UNKNOWN = 0,
	FRISE_LANG_FR,
	FRISE_LANG_EN,
	FRISE_LANG_COUNT
} FriseLang;

/* "fr", "en" or "und"; static storage. */
const char *frise_lang_code(FriseLang lang);
/* Parses "fr"/"en" (case-insensitive); FRISE_LANG_UNKNOWN otherwise. */
FriseLang frise_lang_parse(const char *code);

/*
 * A span of bytes [start, end): end is exclusive. In "le 24 mars" the span
 * {3, 10} covers "24 mars"; byte 10 is not in it. An empty span has
 * start == end.
 */
typedef struct {
	size_t start;
	size_t end;
} FriseSpan;

/*
 * The current time, in UTC, for the few things that need one (an
 * iCalendar DTSTAMP, a generation time). Nothing else reads the clock.
 * Pinned by the environment: SOURCE_DATE_EPOCH (seconds since 1970-01-01
 * UTC) wins, as in reproducible builds; tests always set it.
 * Returns a new reference: g_date_time_unref() it.
 */
GDateTime *frise_now(void);

/*
 * A link to an article, made safe for every output: surrounding blanks
 * dropped, then every byte that may not appear in a URI (RFC 3986) —
 * control characters, space, DEL, '"', '<', '>', '\\', '^', '`', '{',
 * '|', '}', bytes of UTF-8 and a '%' that starts no %XX escape —
 * percent-encoded, so the result is one printable ASCII token that holds
 * no line break and no quote. Only http and https URLs with a host are
 * links: "javascript:alert(1)", "file:///etc/passwd" or "example.com"
 * give NULL. The scheme is written in lower case ("HTTPS://a.fr" ->
 * "https://a.fr"), as RFC 3986 makes it canonical.
 *   frise_url_web(" https://a.fr/x y\n") -> "https://a.fr/x%20y%0A"
 *   frise_url_web("https://a.fr/%41")     -> "https://a.fr/%41" (kept)
 * Idempotent. Returns a new string (g_free) or NULL.
 */
char *frise_url_web(const char *url);
/* True when `url` is already what frise_url_web() would return for it
 * (so a renderer can use it as it is, without a copy). */
bool frise_url_is_web(const char *url);

/*
 * Output files. A target is resolved first: symbolic links are followed
 * to the file they name (which keeps the link), "-" is standard output.
 * A regular file (or one that does not exist yet) is replaced atomically:
 * the bytes go to a temporary file "NAME.XXXXXX" in the target's folder,
 * which is fsynced and renamed over it, so a failure, a signal or a full
 * disk leaves the previous file whole; the new file keeps the mode of the
 * one it replaces (a new one gets 0666 less the umask). Anything else — a
 * device such as /dev/null, a FIFO, a socket, a terminal, stdout — is
 * written in place, never replaced. Errors are FRISE_ERROR_OUTPUT naming
 * the path; "file too large" (RLIMIT_FSIZE) is one of them once
 * frise_cleanup_on_signals() has made SIGXFSZ an error instead of death.
 */
bool frise_write_file(const char *path, const char *data, size_t len, GError **error);

/*
 * A set of output files replaced together (what one `frise build`
 * writes): frise_outputs_add() resolves each target and writes its bytes
 * (to a temporary file for a regular target, in place otherwise);
 * frise_outputs_commit() renames every temporary file over its target in
 * one go, with SIGINT/SIGTERM/SIGHUP deferred until the last rename, so
 * the regular targets are all replaced or none is. frise_outputs_free()
 * removes the temporaries of a set not committed (an error in a later
 * file: none of the set is replaced). add() may be called from several
 * threads at once.
 */
typedef struct FriseOutputs FriseOutputs;
FriseOutputs *frise_outputs_new(void);
bool frise_outputs_add(FriseOutputs *outputs, const char *path, const char *data, size_t len,
		       GError **error);
bool frise_outputs_commit(FriseOutputs *outputs, GError **error);
void frise_outputs_free(FriseOutputs *outputs);

/*
 * Reads the whole file at `path` ("-": stdin), refusing more than `limit`
 * bytes (FRISE_ERROR_LIMIT) without holding more than limit + 1: a FIFO
 * fed by `yes` ends with an error, not with all the memory. Returns a new
 * NUL-terminated buffer (g_free) and its length in *len, or NULL with
 * `error` (FRISE_ERROR_INPUT, or _LIMIT) naming the path.
 */
char *frise_read_file(const char *path, size_t limit, size_t *len, GError **error);

/*
 * Temporary files and folders removed if the process is killed by
 * SIGINT, SIGTERM or SIGHUP (after frise_cleanup_on_signals()): the
 * output temporaries above are tracked this way, and `frise build`'s
 * temporary store is. frise_cleanup_track() returns a handle (-1 when
 * the table of FRISE_CLEANUP_MAX entries is full: the path is then not
 * removed on a signal) that frise_cleanup_untrack() releases once the
 * path is renamed or removed. Folders are removed after files, and only
 * when empty. Safe to call from any thread.
 */
#define FRISE_CLEANUP_MAX 256
int frise_cleanup_track(const char *path, bool folder);
void frise_cleanup_untrack(int handle);
/* A new empty folder "PREFIX.XXXXXX" in g_get_tmp_dir() ($TMPDIR), tracked
 * (from before it exists) with the handle in *handle. Returns its path
 * (g_free) or NULL with `error`. */
char *frise_temp_folder(const char *prefix, int *handle, GError **error);
/* Installs the handlers (the `frise` command does, first thing) and
 * ignores SIGXFSZ, so that writing past `ulimit -f` is an output error
 * (EFBIG) rather than a kill that leaves a temporary file. */
void frise_cleanup_on_signals(void);

/*
 * Calls fn(i, data) once for every i in [from, to), on up to max_threads
 * threads (the caller's among them; fewer when the machine has fewer
 * cores or a thread cannot start), each taking `step` indices at a time.
 * Returns when every call has returned. fn must be safe to run at once
 * for distinct i; it should write its result to slot i of an array, so
 * that what the caller assembles does not depend on the threads.
 */
void frise_parallel_for(guint from, guint to, guint step, guint max_threads, const char *name,
			void (*fn)(guint i, void *data), void *data);

G_END_DECLS

#endif
