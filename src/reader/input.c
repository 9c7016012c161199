/*
 * input.c — opening inputs and reading JSON Lines (prefix input_; see
 * input.h). Exports the input_* functions of input.h and nothing else.
 *
 * Invariants: a line is never held beyond its limit (a longer one is
 * counted, not stored); a stream is read in 64 KiB blocks, so memory is
 * the limit plus one block whatever the input.
 */
#include "reader/input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MIB ((size_t)1 << 20)

/* The deepest nesting cJSON parses (CJSON_NESTING_LIMIT); a deeper line
 * is a limit error of its own, not "not valid JSON". */
#define JSON_NESTING_MAX 1000

static void
set_error(GError **error, FriseError code, const char *where, const char *fmt, ...) G_GNUC_PRINTF(4, 5);

static void
set_error(GError **error, FriseError code, const char *where, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_set_error(error, FRISE_ERROR_DOMAIN, code, "%s: %s", where, msg);
	g_free(msg);
}

char *
input_limit_text(size_t limit)
{
	if (limit % MIB == 0)
		return g_strdup_printf("%zu MiB", limit / MIB);
	return g_strdup_printf("%zu bytes", limit);
}

int
input_open(const char *path, bool regular_only, GError **error)
{
	int fd = STDIN_FILENO;
	if (strcmp(path, "-") != 0)
		fd = open(path, O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0));
	if (fd < 0) {
		set_error(error, FRISE_ERROR_INPUT, path, "cannot open: %s", g_strerror(errno));
		return -1;
	}
	struct stat st;
	const char *refused = NULL;
	if (fstat(fd, &st) != 0)
		refused = g_strerror(errno);
	else if (S_ISDIR(st.st_mode))
		refused = "is a folder";
	else if (regular_only && !S_ISREG(st.st_mode))
		refused = "not a regular file (a FIFO or a device in a folder is not read)";
	if (refused != NULL) {
		set_error(error, FRISE_ERROR_INPUT, path, "%s", refused);
		if (fd != STDIN_FILENO)
			close(fd);
		return -1;
	}
	if (regular_only)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* Only white space: ASCII blanks, no-break spaces, a BOM, a zero-width
 * space. Invalid UTF-8 is not blank (the line's reader says why). */
static bool
blank(const char *t, size_t len)
{
	for (const char *p = t, *end = t + len; p < end;) {
		gunichar c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			return false;
		if (!g_unichar_isspace(c) && c != 0xFEFF && c != 0xA0 && c != 0x202F && c != 0x200B)
			return false;
		p = g_utf8_next_char(p);
	}
	return true;
}

bool
input_lines(int fd, const char *path, size_t limit, const char *what, InputLineFunc on_line,
	    InputRefuseFunc on_refuse, void *user, GError **error)
{
	GString *line = g_string_new(NULL);
	char buf[65536];
	size_t lineno = 1, offset = 0; /* offset: of buf[0] in the stream */
	size_t skipping = 0;           /* bytes of a line too long, skipped so far */
	bool ok = true, stop = false;
	while (!stop) {
		ssize_t got = read(fd, buf, sizeof buf);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			set_error(error, FRISE_ERROR_INPUT, path, "cannot read: %s", g_strerror(errno));
			ok = false;
			break;
		}
		const char *p = buf, *end = buf + got;
		const char *nul = got > 0 ? memchr(buf, '\0', (size_t)got) : NULL;
		while (!stop && (p < end || (got == 0 && (line->len > 0 || skipping > 0)))) {
			const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
			const char *stop_at = nl != NULL ? nl : end;
			char *at = g_strdup_printf("%s:%zu", path, lineno);
			GError *e = NULL;
			if (nul != NULL && nul < stop_at) {
				set_error(&e, FRISE_ERROR_INPUT, at, "NUL byte at byte %zu of the stream: not JSON Lines "
					  "(binary?); the rest of %s is not read", offset + (size_t)(nul - buf), path);
				stop = true;
			} else if (skipping > 0 || line->len + (size_t)(stop_at - p) > limit) {
				skipping += line->len + (size_t)(stop_at - p);
				g_string_truncate(line, 0);
				if (skipping / INPUT_SKIP_MAX > limit && skipping > 256 * MIB) {
					set_error(&e, FRISE_ERROR_LIMIT, at, "a line that does not end (%zu bytes read, past %s); "
						  "the rest of %s is not read", skipping, what, path);
					stop = true;
				} else if (nl != NULL || got == 0) {
					set_error(&e, FRISE_ERROR_LIMIT, at, "a line of %zu bytes, longer than %s", skipping,
						  what);
				}
			} else {
				g_string_append_len(line, p, stop_at - p);
			}
			if (e != NULL && !on_refuse(e, user))
				stop = true;
			if (!stop && (nl != NULL || got == 0)) {
				if (skipping > 0)
					skipping = 0; /* refused above */
				else if (!blank(line->str, line->len) && !on_line(at, line->str, line->len, user))
					stop = true;
				g_string_truncate(line, 0);
				lineno++;
			}
			g_free(at);
			if (nl == NULL)
				break; /* the line continues in the next block */
			p = nl + 1;
		}
		offset += (size_t)MAX(got, 0);
		if (got == 0)
			break;
	}
	g_string_free(line, TRUE);
	return ok;
}

/* The value of four hex digits at s; more than 0xFFFF when they are not. */
static unsigned
hex4(const char *s)
{
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		int d = g_ascii_xdigit_value(s[k]);
		if (d < 0)
			return 0x10000;
		v = v * 16 + (unsigned)d;
	}
	return v;
}

static bool
is_unique(const char *const *unique, const char *name, size_t n, int *index)
{
	for (int m = 0; unique != NULL && unique[m] != NULL; m++)
		if (strlen(unique[m]) == n && memcmp(unique[m], name, n) == 0) {
			*index = m;
			return true;
		}
	return false;
}

/*
 * The checks of input_object() before cJSON reads the line, in one pass:
 * "\u0000", lone surrogates (rewritten as "\ufffd" in *fixed with
 * INPUT_REPLACE), nesting, and a member of `unique` given twice (which one
 * would count?). The top-level member being read names the messages.
 */
static const char *
remedy(InputBadText bad)
{
	return bad == INPUT_REFUSE ? " (try --lossy)" : "";
}

static bool
scan(const char *line, size_t len, InputBadText bad, const char *const *unique, const char *where, GString **fixed,
     GError **error)
{
	int depth = 0;
	bool in_string = false, is_key = false;
	size_t key_start = 0;
	char member[32] = "";
	guint64 seen = 0; /* members of `unique` given, by bit (the first 64) */
	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		if (!in_string) {
			if (c == '{' || c == '[') {
				if (++depth > JSON_NESTING_MAX) {
					set_error(error, FRISE_ERROR_LIMIT, where,
						  "JSON nested deeper than %d levels (the limit)", JSON_NESTING_MAX);
					return false;
				}
			} else if (c == '}' || c == ']') {
				if (--depth == 0)
					return true; /* the object ends: input_object() says what follows */
			} else if (c == '"') {
				in_string = true;
				/* a string at depth 1 after '{' or ',' is a member name */
				size_t k = i;
				while (k > 0 && g_ascii_isspace(line[k - 1]))
					k--;
				is_key = depth == 1 && k > 0 && (line[k - 1] == '{' || line[k - 1] == ',');
				key_start = i + 1;
			}
			continue;
		}
		if (c == '"') {
			in_string = false;
			int m;
			if (is_key) {
				size_t n = MIN(i - key_start, sizeof member - 1);
				memcpy(member, line + key_start, n);
				member[n] = '\0';
				if (is_unique(unique, line + key_start, i - key_start, &m) && m < 64) {
					if (seen & ((guint64)1 << m)) {
						set_error(error, FRISE_ERROR_INPUT, where, "\"%s\" given twice", unique[m]);
						return false;
					}
					seen |= (guint64)1 << m;
				}
			}
			continue;
		}
		if (c != '\\' || i + 1 >= len)
			continue;
		if (line[i + 1] != 'u' || i + 6 > len) {
			i++; /* \" \\ \n …: cJSON checks them */
			continue;
		}
		unsigned u = hex4(line + i + 2);
		if (u > 0xFFFF) {
			i++;
			continue; /* cJSON reports it */
		}
		const char *of = is_key ? "a member name" : member;
		if (u == 0) {
			set_error(error, FRISE_ERROR_INPUT, where, "\"%s\": NUL character (\\u0000) at column %zu", of, i + 1);
			return false;
		}
		bool high = u >= 0xD800 && u <= 0xDBFF, low = u >= 0xDC00 && u <= 0xDFFF;
		if (high && i + 12 <= len && line[i + 6] == '\\' && line[i + 7] == 'u') {
			unsigned v = hex4(line + i + 8);
			if (v >= 0xDC00 && v <= 0xDFFF) {
				i += 11; /* a pair: one character */
				continue;
			}
		}
		if (high || low) {
			if (bad != INPUT_REPLACE) {
				set_error(error, FRISE_ERROR_INPUT, where, "\"%s\": lone surrogate \\u%04x at column %zu%s", of,
					  u, i + 1, remedy(bad));
				return false;
			}
			if (*fixed == NULL)
				*fixed = g_string_new_len(line, (gssize)len);
			memcpy((*fixed)->str + i, "\\ufffd", 6);
		}
		i += 5;
	}
	return true;
}

cJSON *
input_object(const char *line, size_t len, const char *where, InputBadText bad, const char *const *unique,
	     GError **error)
{
	const char *nul = memchr(line, '\0', len);
	if (nul != NULL) {
		set_error(error, FRISE_ERROR_INPUT, where, "NUL byte at column %zu", (size_t)(nul - line) + 1);
		return NULL;
	}
	GString *fixed = NULL;
	if (!scan(line, len, bad, unique, where, &fixed, error))
		return NULL;
	if (fixed != NULL) {
		line = fixed->str;
		len = fixed->len;
	}
	const char *end = NULL;
	cJSON *obj = cJSON_ParseWithLengthOpts(line, len, &end, false);
	if (obj == NULL || !cJSON_IsObject(obj)) {
		const char *at = cJSON_GetErrorPtr();
		if (obj == NULL && at != NULL && at >= line && at <= line + len)
			set_error(error, FRISE_ERROR_INPUT, where, "not valid JSON (at column %zu)", (size_t)(at - line) + 1);
		else
			set_error(error, FRISE_ERROR_INPUT, where, "not a JSON object");
		cJSON_Delete(obj);
		obj = NULL;
	} else {
		while (end != NULL && end < line + len && g_ascii_isspace(*end))
			end++;
		if (end != NULL && end < line + len) {
			set_error(error, FRISE_ERROR_INPUT, where,
				  "text after the JSON object (at column %zu): one object a line", (size_t)(end - line) + 1);
			cJSON_Delete(obj);
			obj = NULL;
		}
	}
	if (fixed != NULL)
		g_string_free(fixed, TRUE);
	return obj;
}

bool
input_string(const cJSON *obj, const char *name, const char *where, InputBadText bad, char **out, GError **error)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
	*out = NULL;
	if (v == NULL || cJSON_IsNull(v))
		return true;
	if (!cJSON_IsString(v)) {
		set_error(error, FRISE_ERROR_INPUT, where, "\"%s\" must be a string", name);
		return false;
	}
	const char *at = NULL;
	if (!g_utf8_validate(v->valuestring, -1, &at)) {
		if (bad != INPUT_REPLACE) {
			set_error(error, FRISE_ERROR_INPUT, where, "\"%s\": invalid UTF-8 at byte %zu of its value%s", name,
				  (size_t)(at - v->valuestring), remedy(bad));
			return false;
		}
		*out = g_utf8_make_valid(v->valuestring, -1);
		return true;
	}
	*out = g_strdup(v->valuestring);
	return true;
}
