/*
 * input.h — how the reader takes in what a user hands it (prefix
 * input_), private to the reader and the layers above it: opening a
 * path, cutting a JSON Lines stream into bounded lines, and reading one
 * line as one untrusted JSON object. The article reader (article.c) and
 * `frise ingest --candidates` (pipeline/record.c) both read through
 * these, so both refuse and bound the same things.
 *
 * Every message starts with the place it is about: "FILE" or
 * "FILE:LINE" (lines 1-based); a column is a 1-based byte offset into
 * the line. Errors are FRISE_ERROR_INPUT, or FRISE_ERROR_LIMIT for a
 * bound passed.
 */
#ifndef FRISE_READER_INPUT_H
#define FRISE_READER_INPUT_H

#include "frise/frise.h"

#include <cjson/cJSON.h>

/* Opens `path` ("-" is standard input) to read. With `regular_only` (a
 * file found in a folder, not one the user named), anything but a
 * regular file is refused before it is read: a FIFO called x.txt would
 * block the reader forever (it is opened without blocking, then
 * checked). A folder is refused. Returns the descriptor (close it unless
 * it is STDIN_FILENO) or -1 with `error`. */
int input_open(const char *path, bool regular_only, GError **error);

/* "16 MiB" or "1000 bytes": how messages state a limit. A new string. */
char *input_limit_text(size_t limit);

/* A line of a JSON Lines stream, without its '\n': `len` bytes (at most
 * the limit, no NUL; line[len] is '\0'), not blank. `where` is
 * "FILE:LINE". Returns false to stop the stream. */
typedef bool (*InputLineFunc)(const char *where, const char *line, size_t len, void *user);
/* A line refused (`e`, taken): longer than the limit, or holding a NUL.
 * Returns false to stop the stream. */
typedef bool (*InputRefuseFunc)(GError *e, void *user);

/*
 * Reads the JSON Lines stream `fd` (named `path`) line by line, holding at
 * most one line of `limit` bytes. A longer line is refused (on_refuse, a
 * limit error stating `what` the limit is, e.g. "the 16 MiB article limit
 * of --max-size") and read on to its end without being held — unless
 * it runs on past INPUT_SKIP_MAX times the limit (and 256 MiB), which
 * ends the stream (`yes | tr -d '\n'` never ends). A NUL byte is refused
 * too and ends the stream (`/dev/zero` is no JSON Lines). Blank lines
 * (spaces, a BOM, no-break spaces) are passed over. Returns false with
 * `error` only when `fd` cannot be read.
 */
#define INPUT_SKIP_MAX 16
bool input_lines(int fd, const char *path, size_t limit, const char *what, InputLineFunc on_line,
		 InputRefuseFunc on_refuse, void *user, GError **error);

/* What input_object() and input_string() do with text that is not
 * valid: a lone surrogate escape, bytes that are not UTF-8. */
typedef enum {
	INPUT_REFUSE,       /* an error that suggests --lossy (an article's members) */
	INPUT_REFUSE_EXACT, /* an error, no remedy offered (a line frise wrote: offsets point into it) */
	INPUT_REPLACE,      /* --lossy: replaced by U+FFFD */
} InputBadText;

/*
 * Parses `line` (`len` bytes, read at `where`) as one JSON object, with
 * what cJSON alone would let through refused first: a "\u0000" escape
 * (cJSON would cut the string short at it) or a NUL byte, a lone UTF-16
 * surrogate escape (INPUT_REPLACE makes it U+FFFD), a nesting deeper than cJSON's
 * limit (a limit error, not "not valid JSON"), a member of `unique`
 * (NULL-terminated; NULL: none) given twice at the top level, and text
 * after the object. Strings are not checked here: input_string() does.
 * Returns a new object (cJSON_Delete) or NULL with `error`.
 */
cJSON *input_object(const char *line, size_t len, const char *where, InputBadText bad, const char *const *unique,
		    GError **error);

/* The string member `name` of `obj`: NULL in *out when absent or null
 * (the caller says whether that is allowed), else a copy that is valid
 * UTF-8 (invalid bytes replaced with INPUT_REPLACE) and holds no NUL. False,
 * with `error` naming `where` and the member, for another JSON type or
 * invalid UTF-8. *out is the caller's to g_free. */
bool input_string(const cJSON *obj, const char *name, const char *where, InputBadText bad, char **out,
		  GError **error);

#endif
