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
 * Writes `len` bytes to `path` atomically: a temporary file in the same
 * folder, then rename, so a failure or Ctrl-C leaves the previous file
 * whole. "-" writes to stdout.
 */
bool frise_write_file(const char *path, const char *data, size_t len, GError **error);

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
