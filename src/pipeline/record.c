/*
 * record.c — a line of `frise extract` (prefix record_; see record.h),
 * written and read with cJSON. The members and their meaning are
 * templates/candidates.schema.json's; a change of the form bumps
 * RECORD_FORMAT and the schema's "frise-candidates" constant together.
 *
 * Numbers are exact: offsets are integers, a candidate's position a
 * double that cJSON prints with the digits that read back to it.
 */
#include "pipeline/record.h"
#include "frise/date.h"
#include "frise/timex.h"
#include "reader/input.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static void
add_str(cJSON *o, const char *name, const char *v)
{
	if (v != NULL)
		cJSON_AddStringToObject(o, name, v);
	else
		cJSON_AddNullToObject(o, name);
}

static cJSON *
timex_json(const FriseTimex *t)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "start", (double)t->start);
	cJSON_AddNumberToObject(o, "end", (double)t->end);
	cJSON_AddStringToObject(o, "type", timex_type_name(t->type));
	cJSON_AddStringToObject(o, "value", t->value);
	cJSON_AddStringToObject(o, "mod", t->mod);
	cJSON_AddNumberToObject(o, "tense", (double)t->tense);
	cJSON_AddBoolToObject(o, "relative", t->relative);
	add_str(o, "rule", t->rule);
	return o;
}

char *
record_write(const FriseArticle *a, const char *id, const GArray *sentences, const GArray *timexes,
	     const GPtrArray *cands, const char *extractor)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "frise-candidates", RECORD_FORMAT);
	cJSON_AddStringToObject(o, "extractor", extractor);
	cJSON_AddStringToObject(o, "id", a->id != NULL ? a->id : id);
	if (a->id != NULL && strcmp(a->id, id) != 0)
		cJSON_AddStringToObject(o, "identity", id);
	add_str(o, "path", a->path);
	cJSON_AddStringToObject(o, "title", a->title);
	add_str(o, "url", a->url);
	add_str(o, "source", a->source);
	cJSON_AddStringToObject(o, "lang", frise_lang_code(a->lang));
	cJSON_AddStringToObject(o, "lang_origin", article_lang_origin_name(a->lang_origin));
	add_str(o, "published", a->published);
	cJSON_AddStringToObject(o, "origin", article_origin_name(a->published_origin));
	cJSON_AddStringToObject(o, "hash", a->hash);
	cJSON_AddStringToObject(o, "text", a->text);
	cJSON *ss = cJSON_AddArrayToObject(o, "sentences");
	for (guint i = 0; i < sentences->len; i++) {
		const FriseSentence *s = &g_array_index(sentences, FriseSentence, i);
		double v[] = { (double)s->start, (double)s->end, (double)s->raw_start, (double)s->raw_end,
			       s->boilerplate ? 1 : 0 };
		cJSON_AddItemToArray(ss, cJSON_CreateDoubleArray(v, 5));
	}
	cJSON *ms = cJSON_AddArrayToObject(o, "mentions");
	for (guint i = 0; i < timexes->len; i++)
		cJSON_AddItemToArray(ms, timex_json(&g_array_index(timexes, FriseTimex, i)));
	if (cands == NULL) {
		cJSON_AddNullToObject(o, "candidates");
	} else {
		cJSON *cs = cJSON_AddArrayToObject(o, "candidates");
		for (guint i = 0; i < cands->len; i++) {
			const FriseCandidate *c = g_ptr_array_index(cands, i);
			cJSON *co = cJSON_CreateObject();
			cJSON_AddNumberToObject(co, "sentence", c->sentence);
			cJSON_AddItemToObject(co, "date", timex_json(&c->timex));
			cJSON_AddStringToObject(co, "key", c->key);
			cJSON_AddStringToObject(co, "type", c->type);
			cJSON_AddBoolToObject(co, "generic_type", c->generic_type);
			cJSON_AddStringToObject(co, "title", c->title);
			cJSON_AddBoolToObject(co, "weak_title", c->weak_title);
			cJSON_AddBoolToObject(co, "since", c->since);
			cJSON_AddStringToObject(co, "status", event_status_name(c->status));
			cJSON_AddNumberToObject(co, "position", c->position);
			cJSON *ws = cJSON_AddArrayToObject(co, "words");
			for (guint k = 0; k < c->words->len; k++)
				cJSON_AddItemToArray(ws, cJSON_CreateString(g_ptr_array_index(c->words, k)));
			cJSON_AddStringToObject(co, "quote", c->quote);
			cJSON_AddStringToObject(co, "after", c->after != NULL ? c->after : "");
			cJSON_AddNumberToObject(co, "raw_start", (double)c->raw_start);
			cJSON_AddNumberToObject(co, "raw_end", (double)c->raw_end);
			cJSON_AddItemToArray(cs, co);
		}
	}
	char *out = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	char *line = g_strdup(out);
	cJSON_free(out);
	return line;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/*
 * A line is untrusted like any input (it may come from another machine,
 * or have been edited): it is read through the reader's input_object()
 * (no NUL, no "\u0000", no lone surrogate, no member twice, nothing after
 * the object), every string must be valid UTF-8, every offset a character
 * boundary within the text, and every value one frise itself could have
 * written — a date an event can have (no 2024-02-31), a mod of the one
 * vocabulary, a key of 16 hex digits — so that nothing reaches the store
 * or an output that the article stage would not have made. Members the
 * record does not name are ignored (a later frise may add some).
 */

/* ORDER RECORD: the top-level members record_write() writes. */
static const char *const record_members[] = {
	"frise-candidates", "extractor", "id", "identity", "path", "title", "url", "source", "lang", "lang_origin",
	"published", "origin", "hash", "text", "sentences", "mentions", "candidates", NULL,
};

#define RULE_MAX 64 /* bytes of a tagger rule's name */

/* The reading of one line: where it is, and the first fault. */
typedef struct {
	const char *where;
	GError **error;
	bool bad;
} Rd;

static bool
fail(Rd *rd, const char *member, const char *what, ...) G_GNUC_PRINTF(3, 4);

static bool
fail(Rd *rd, const char *member, const char *what, ...)
{
	if (!rd->bad) {
		va_list ap;
		va_start(ap, what);
		char *msg = g_strdup_vprintf(what, ap);
		va_end(ap);
		g_set_error(rd->error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s: \"%s\" %s", rd->where, member, msg);
		g_free(msg);
	}
	rd->bad = true;
	return false;
}

static const cJSON *
member(Rd *rd, const cJSON *o, const char *name)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
	if (m == NULL)
		fail(rd, name, "is missing");
	return m;
}

/* A string that is valid UTF-8 (input_object() refused NULs). */
static const char *
valid_str(Rd *rd, const cJSON *m, const char *name)
{
	const char *at = NULL;
	if (!g_utf8_validate(m->valuestring, -1, &at)) {
		fail(rd, name, "is not valid UTF-8 (at byte %zu of its value)", (size_t)(at - m->valuestring));
		return NULL;
	}
	return m->valuestring;
}

/* A string member; NULL for null when `nullable`. */
static char *
get_str(Rd *rd, const cJSON *o, const char *name, bool nullable)
{
	const cJSON *m = member(rd, o, name);
	if (m == NULL)
		return NULL;
	if (nullable && cJSON_IsNull(m))
		return NULL;
	if (!cJSON_IsString(m)) {
		fail(rd, name, nullable ? "must be a string or null" : "must be a string");
		return NULL;
	}
	const char *v = valid_str(rd, m, name);
	return v != NULL ? g_strdup(v) : NULL;
}

static const char *
get_const(Rd *rd, const cJSON *o, const char *name)
{
	const cJSON *m = member(rd, o, name);
	if (m != NULL && !cJSON_IsString(m)) {
		fail(rd, name, "must be a string");
		return NULL;
	}
	return m != NULL ? valid_str(rd, m, name) : NULL;
}

/* A non-negative integer member, at most `max`. */
static size_t
get_uint(Rd *rd, const cJSON *o, const char *name, double max)
{
	const cJSON *m = member(rd, o, name);
	if (m == NULL)
		return 0;
	if (!cJSON_IsNumber(m) || m->valuedouble < 0 || m->valuedouble > max ||
	    m->valuedouble != (double)(guint64)m->valuedouble) {
		fail(rd, name, "must be a whole number from 0 to %.0f", max);
		return 0;
	}
	return (size_t)m->valuedouble;
}

static bool
get_bool(Rd *rd, const cJSON *o, const char *name)
{
	const cJSON *m = member(rd, o, name);
	if (m != NULL && !cJSON_IsBool(m))
		fail(rd, name, "must be true or false");
	return m != NULL && cJSON_IsTrue(m);
}

/* True when every byte of `v` is in `set` (and v is not empty). */
static bool
only_of(const char *v, const char *set)
{
	return *v != '\0' && v[strspn(v, set)] == '\0';
}

#define HEX_DIGITS "0123456789abcdef"
#define VALUE_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:.+"
#define RULE_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:./+"

/* Exactly `n` lowercase hex digits, copied into dst[n + 1]. */
static void
copy_hex(Rd *rd, const cJSON *o, const char *name, char *dst, size_t n)
{
	const char *v = get_const(rd, o, name);
	if (v == NULL)
		return;
	if (strlen(v) != n || !only_of(v, HEX_DIGITS))
		fail(rd, name, "must be %zu lowercase hexadecimal digits", n);
	else
		g_strlcpy(dst, v, n + 1);
}

/* A byte offset of `text` that starts a character (or ends the text). */
static bool
boundary(const char *text, size_t len, size_t at)
{
	return at == len || (at < len && ((unsigned char)text[at] & 0xC0) != 0x80);
}

/* A span [start, end) of the text, on character boundaries. */
static bool
text_span(Rd *rd, const char *name, const char *text, size_t len, size_t start, size_t end)
{
	if (rd->bad)
		return false;
	if (end < start || end > len)
		return fail(rd, name, "must hold offsets within the text (%zu bytes), start before end", len);
	if (!boundary(text, len, start) || !boundary(text, len, end))
		return fail(rd, name, "cuts a character of the text in two (offsets %zu, %zu)", start, end);
	return true;
}

static bool
read_timex(Rd *rd, const cJSON *o, const char *text, size_t len, const char *name, FriseTimex *t)
{
	memset(t, 0, sizeof *t);
	if (!cJSON_IsObject(o))
		return fail(rd, name, "must hold objects");
	t->start = get_uint(rd, o, "start", (double)len);
	t->end = get_uint(rd, o, "end", (double)len);
	text_span(rd, name, text, len, t->start, t->end);
	const char *type = get_const(rd, o, "type");
	if (type != NULL && strcmp(timex_type_name(timex_type_parse(type)), type) != 0)
		fail(rd, "type", "is not DATE, TIME, DURATION or SET");
	else if (type != NULL)
		t->type = timex_type_parse(type);
	const char *value = get_const(rd, o, "value");
	if (value != NULL && (strlen(value) >= sizeof t->value || !only_of(value, VALUE_CHARS)))
		fail(rd, "value", "'%.60s' is not a TIMEX3 value", value);
	else if (value != NULL)
		g_strlcpy(t->value, value, sizeof t->value);
	const char *mod = get_const(rd, o, "mod");
	if (mod != NULL && (strlen(mod) >= sizeof t->mod || date_mod_parse(mod) == FRISE_MOD_COUNT))
		fail(rd, "mod", "'%.60s' is not a TIMEX3 mod (\"\", START, BEFORE, APPROX, …)", mod);
	else if (mod != NULL)
		g_strlcpy(t->mod, mod, sizeof t->mod);
	t->tense = (FriseTense)get_uint(rd, o, "tense", FRISE_TENSE_FUTURE);
	t->relative = get_bool(rd, o, "relative");
	const cJSON *rule = member(rd, o, "rule");
	if (rule != NULL && cJSON_IsString(rule) && strlen(rule->valuestring) <= RULE_MAX &&
	    only_of(rule->valuestring, RULE_CHARS))
		t->rule = g_intern_string(rule->valuestring);
	else if (rule != NULL && !cJSON_IsNull(rule))
		fail(rd, "rule", "must be null or a rule's name (at most %d letters, digits and -_.:/+)", RULE_MAX);
	return !rd->bad;
}

static int
parse_named(const char *v, const char *(*name_of)(int), int count)
{
	for (int i = 0; v != NULL && i < count; i++)
		if (strcmp(name_of(i), v) == 0)
			return i;
	return -1;
}

static const char *
origin_name(int i)
{
	return article_origin_name((FriseDateOrigin)i);
}

static const char *
lang_origin_name(int i)
{
	return article_lang_origin_name((FriseLangOrigin)i);
}

static const char *
status_name(int i)
{
	return event_status_name((FriseStatus)i);
}

/* The content words: strings of text, no control character (the store
 * keeps them separated by one). */
static void
read_words(Rd *rd, const cJSON *ws, GPtrArray *out)
{
	const cJSON *w;
	if (ws != NULL && !cJSON_IsArray(ws)) {
		fail(rd, "words", "must be an array of strings");
		return;
	}
	cJSON_ArrayForEach(w, ws)
	{
		const char *v = cJSON_IsString(w) ? valid_str(rd, w, "words") : NULL;
		if (rd->bad)
			return;
		bool plain = v != NULL && *v != '\0';
		for (const char *p = v; plain && *p != '\0'; p++)
			plain = (unsigned char)*p >= 0x20 && *p != 0x7f;
		if (!plain) {
			fail(rd, "words", "must be an array of words (strings, no control character)");
			return;
		}
		g_ptr_array_add(out, g_strdup(v));
	}
}

static FriseCandidate *
read_candidate(Rd *rd, const cJSON *o, const Record *r)
{
	if (!cJSON_IsObject(o)) {
		fail(rd, "candidates", "must hold objects");
		return NULL;
	}
	FriseCandidate *c = g_new0(FriseCandidate, 1);
	if (r->sentences->len == 0)
		fail(rd, "sentence", "names no sentence: the article has none");
	else
		c->sentence = (guint)get_uint(rd, o, "sentence", r->sentences->len - 1);
	const cJSON *d = member(rd, o, "date");
	if (d != NULL && read_timex(rd, d, r->article.text, r->article.text_len, "date", &c->timex) &&
	    ((c->timex.type != FRISE_TIMEX_DATE && c->timex.type != FRISE_TIMEX_TIME) ||
	     !date_is_anchored(c->timex.value) || date_granularity(c->timex.value) < FRISE_GRAN_YEAR))
		/* what candidates_find() keeps of a dated article: a real day,
		 * week, month… of a known year ("2024-02-31" is none) */
		fail(rd, "value", "'%s' is not a date an event can have (a DATE or TIME of a known year, "
			 "a year or finer, that exists)", c->timex.value);
	copy_hex(rd, o, "key", c->key, sizeof c->key - 1);
	c->type = get_str(rd, o, "type", false);
	if (c->type != NULL && *c->type == '\0')
		fail(rd, "type", "must name an event type");
	c->generic_type = get_bool(rd, o, "generic_type");
	c->title = get_str(rd, o, "title", false);
	c->weak_title = get_bool(rd, o, "weak_title");
	c->since = get_bool(rd, o, "since");
	const char *st = get_const(rd, o, "status");
	int status = parse_named(st, status_name, FRISE_STATUS_UNCERTAIN + 1);
	if (st != NULL && status < 0)
		fail(rd, "status", "is not happened, planned or uncertain");
	c->status = status < 0 ? FRISE_STATUS_HAPPENED : (FriseStatus)status;
	const cJSON *pos = member(rd, o, "position");
	if (pos != NULL && (!cJSON_IsNumber(pos) || !(pos->valuedouble >= 0 && pos->valuedouble <= 1)))
		fail(rd, "position", "must be a number from 0 to 1");
	c->position = pos != NULL && cJSON_IsNumber(pos) ? pos->valuedouble : 0;
	c->words = g_ptr_array_new_with_free_func(g_free);
	read_words(rd, member(rd, o, "words"), c->words);
	c->quote = get_str(rd, o, "quote", false);
	c->after = get_str(rd, o, "after", false);
	c->raw_start = get_uint(rd, o, "raw_start", 1e15);
	c->raw_end = get_uint(rd, o, "raw_end", 1e15);
	if (!rd->bad && c->raw_end < c->raw_start)
		fail(rd, "raw_end", "is before \"raw_start\"");
	if (rd->bad) {
		candidate_free(c);
		return NULL;
	}
	return c;
}

/* The sentences: [start, end, raw_start, raw_end, boilerplate] each, in
 * text order, on character boundaries. */
static void
read_sentences(Rd *rd, const cJSON *ss, const FriseArticle *a, GArray *out)
{
	const cJSON *x;
	if (ss != NULL && !cJSON_IsArray(ss)) {
		fail(rd, "sentences", "must be an array");
		return;
	}
	size_t before = 0;
	cJSON_ArrayForEach(x, ss)
	{
		const cJSON *v[5] = { 0 };
		bool shape = cJSON_IsArray(x) && cJSON_GetArraySize(x) == 5;
		for (int k = 0; shape && k < 5; k++)
			shape = cJSON_IsNumber(v[k] = cJSON_GetArrayItem(x, k)) && v[k]->valuedouble >= 0 &&
				v[k]->valuedouble <= 1e15 && v[k]->valuedouble == (double)(guint64)v[k]->valuedouble;
		FriseSentence s = { 0 };
		if (shape) {
			s = (FriseSentence){ (size_t)v[0]->valuedouble, (size_t)v[1]->valuedouble,
					     (size_t)v[2]->valuedouble, (size_t)v[3]->valuedouble, v[4]->valuedouble != 0 };
			shape = before <= s.start && s.start <= s.end && s.end <= a->text_len && s.raw_start <= s.raw_end;
		}
		if (!shape) {
			fail(rd, "sentences", "must hold [start, end, raw_start, raw_end, boilerplate] within the text, "
				 "in text order");
			return;
		}
		if (!text_span(rd, "sentences", a->text, a->text_len, s.start, s.end))
			return;
		before = s.end;
		g_array_append_val(out, s);
	}
}

/* The article's members, as the reader would have made them. */
static void
read_article_members(Rd *rd, const cJSON *o, Record *r)
{
	FriseArticle *a = &r->article;
	r->extractor = get_str(rd, o, "extractor", false);
	a->id = get_str(rd, o, "id", false);
	if (a->id != NULL && *a->id == '\0')
		fail(rd, "id", "must not be empty");
	/* absent: its id (a record of an older frise, or of a JSONL "id") */
	a->identity = cJSON_GetObjectItemCaseSensitive(o, "identity") != NULL ? get_str(rd, o, "identity", false) : NULL;
	if (a->identity != NULL && *a->identity == '\0')
		fail(rd, "identity", "must not be empty");
	if (a->identity == NULL && a->id != NULL)
		a->identity = g_strdup(a->id);
	a->path = get_str(rd, o, "path", true);
	a->title = get_str(rd, o, "title", false);
	/* the reader keeps only a web link (frise_url_web()), as here */
	char *url = get_str(rd, o, "url", true);
	a->url = frise_url_web(url);
	g_free(url);
	a->source = get_str(rd, o, "source", true);
	const char *lang = get_const(rd, o, "lang");
	a->lang = frise_lang_parse(lang);
	if (lang != NULL && a->lang == FRISE_LANG_UNKNOWN)
		fail(rd, "lang", "is not fr or en");
	const char *lo = get_const(rd, o, "lang_origin");
	int lov = parse_named(lo, lang_origin_name, FRISE_LANG_FROM_DEFAULT + 1);
	if (lo != NULL && lov < 0)
		fail(rd, "lang_origin", "is not a reader's language origin");
	a->lang_origin = lov < 0 ? FRISE_LANG_FROM_DEFAULT : (FriseLangOrigin)lov;
	char *published = get_str(rd, o, "published", true);
	if (published != NULL && (a->published = article_parse_date(published)) == NULL)
		fail(rd, "published", "'%.60s' is not a date (%s)", published, ARTICLE_DATE_FORMS);
	g_free(published);
	const char *po = get_const(rd, o, "origin");
	int pov = parse_named(po, origin_name, FRISE_ORIGIN_ESTIMATED + 1);
	if (po != NULL && pov < 0)
		fail(rd, "origin", "is not a date origin");
	a->published_origin = pov < 0 ? FRISE_ORIGIN_NONE : (FriseDateOrigin)pov;
	copy_hex(rd, o, "hash", a->hash, sizeof a->hash - 1);
	a->text = get_str(rd, o, "text", false);
	a->text_len = a->text ? strlen(a->text) : 0;
}

bool
record_read(const char *line, size_t len, const char *where, Record *r, GError **error)
{
	memset(r, 0, sizeof *r);
	Rd rd = { where, error, false };
	cJSON *o = input_object(line, len, where, INPUT_REFUSE_EXACT, record_members, error);
	if (o == NULL)
		return false;
	const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(o, "frise-candidates");
	if (!cJSON_IsNumber(fmt) || fmt->valuedouble != RECORD_FORMAT) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
			    "%s: not a line of 'frise extract' (no \"frise-candidates\": %d)", where, RECORD_FORMAT);
		cJSON_Delete(o);
		return false;
	}
	FriseArticle *a = &r->article;
	read_article_members(&rd, o, r);
	r->sentences = g_array_new(FALSE, FALSE, sizeof(FriseSentence));
	r->timexes = g_array_new(FALSE, FALSE, sizeof(FriseTimex));
	if (!rd.bad)
		read_sentences(&rd, member(&rd, o, "sentences"), a, r->sentences);
	const cJSON *ms = rd.bad ? NULL : member(&rd, o, "mentions"), *x;
	if (ms != NULL && !cJSON_IsArray(ms))
		fail(&rd, "mentions", "must be an array");
	cJSON_ArrayForEach(x, ms)
	{
		FriseTimex t;
		if (!read_timex(&rd, x, a->text, a->text_len, "mentions", &t))
			break;
		g_array_append_val(r->timexes, t);
	}
	const cJSON *cs = rd.bad ? NULL : member(&rd, o, "candidates");
	if (cs != NULL && !cJSON_IsNull(cs) && !cJSON_IsArray(cs))
		fail(&rd, "candidates", "must be an array or null");
	if (cs != NULL && cJSON_IsArray(cs)) {
		r->candidates = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
		cJSON_ArrayForEach(x, cs)
		{
			FriseCandidate *c = read_candidate(&rd, x, r);
			if (c == NULL)
				break;
			g_ptr_array_add(r->candidates, c);
		}
	}
	if (!rd.bad && r->candidates != NULL && a->published == NULL)
		fail(&rd, "candidates", "must be null for an article without \"published\"");
	cJSON_Delete(o);
	if (rd.bad) {
		record_clear(r);
		return false;
	}
	a->raw = NULL;
	a->body = (FriseSpan){ 0, a->text_len };
	return true;
}

void
record_clear(Record *r)
{
	FriseArticle *a = &r->article;
	g_free(a->id);
	g_free(a->identity);
	g_free(a->path);
	g_free(a->title);
	g_free(a->url);
	g_free(a->source);
	g_free(a->published);
	g_free(a->text);
	if (r->sentences != NULL)
		g_array_unref(r->sentences);
	if (r->timexes != NULL)
		g_array_unref(r->timexes);
	if (r->candidates != NULL)
		g_ptr_array_unref(r->candidates);
	g_free(r->extractor);
	memset(r, 0, sizeof *r);
}
