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

#include <cjson/cJSON.h>
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
	cJSON_AddStringToObject(o, "id", id);
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

/* The reading of one line: where it is, and the first fault. */
typedef struct {
	const char *where;
	GError **error;
	bool bad;
} Rd;

static bool
fail(Rd *rd, const char *member, const char *what)
{
	if (!rd->bad)
		g_set_error(rd->error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s: \"%s\" %s", rd->where, member, what);
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
	return g_strdup(m->valuestring);
}

static const char *
get_const(Rd *rd, const cJSON *o, const char *name)
{
	const cJSON *m = member(rd, o, name);
	if (m != NULL && !cJSON_IsString(m)) {
		fail(rd, name, "must be a string");
		return NULL;
	}
	return m ? m->valuestring : NULL;
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
		fail(rd, name, "must be a whole number within the text");
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

static void
copy_fixed(Rd *rd, const cJSON *o, const char *name, char *dst, size_t cap)
{
	const char *v = get_const(rd, o, name);
	if (v == NULL)
		return;
	if (strlen(v) >= cap)
		fail(rd, name, "is too long");
	else
		g_strlcpy(dst, v, cap);
}

static bool
read_timex(Rd *rd, const cJSON *o, size_t len, FriseTimex *t)
{
	memset(t, 0, sizeof *t);
	if (!cJSON_IsObject(o))
		return fail(rd, "mentions", "must hold objects");
	t->start = get_uint(rd, o, "start", (double)len);
	t->end = get_uint(rd, o, "end", (double)len);
	if (!rd->bad && t->end < t->start)
		return fail(rd, "end", "is before \"start\"");
	const char *type = get_const(rd, o, "type");
	if (type != NULL && strcmp(timex_type_name(timex_type_parse(type)), type) != 0)
		fail(rd, "type", "is not DATE, TIME, DURATION or SET");
	else if (type != NULL)
		t->type = timex_type_parse(type);
	copy_fixed(rd, o, "value", t->value, sizeof t->value);
	copy_fixed(rd, o, "mod", t->mod, sizeof t->mod);
	t->tense = (FriseTense)get_uint(rd, o, "tense", 16);
	t->relative = get_bool(rd, o, "relative");
	const cJSON *rule = member(rd, o, "rule");
	if (rule != NULL && cJSON_IsString(rule))
		t->rule = g_intern_string(rule->valuestring);
	else if (rule != NULL && !cJSON_IsNull(rule))
		fail(rd, "rule", "must be a string or null");
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

static FriseCandidate *
read_candidate(Rd *rd, const cJSON *o, const Record *r)
{
	if (!cJSON_IsObject(o)) {
		fail(rd, "candidates", "must hold objects");
		return NULL;
	}
	FriseCandidate *c = g_new0(FriseCandidate, 1);
	c->sentence = (guint)get_uint(rd, o, "sentence", r->sentences->len > 0 ? r->sentences->len - 1 : 0);
	if (!rd->bad && r->sentences->len == 0)
		fail(rd, "sentence", "names no sentence: the article has none");
	const cJSON *d = member(rd, o, "date");
	if (d != NULL)
		read_timex(rd, d, r->article.text_len, &c->timex);
	copy_fixed(rd, o, "key", c->key, sizeof c->key);
	c->type = get_str(rd, o, "type", false);
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
	if (pos != NULL && (!cJSON_IsNumber(pos) || pos->valuedouble < 0 || pos->valuedouble > 1))
		fail(rd, "position", "must be a number from 0 to 1");
	c->position = pos != NULL && cJSON_IsNumber(pos) ? pos->valuedouble : 0;
	c->words = g_ptr_array_new_with_free_func(g_free);
	const cJSON *ws = member(rd, o, "words"), *w;
	if (ws != NULL && !cJSON_IsArray(ws))
		fail(rd, "words", "must be an array of strings");
	cJSON_ArrayForEach(w, ws)
	{
		if (!cJSON_IsString(w)) {
			fail(rd, "words", "must be an array of strings");
			break;
		}
		g_ptr_array_add(c->words, g_strdup(w->valuestring));
	}
	c->quote = get_str(rd, o, "quote", false);
	c->after = get_str(rd, o, "after", false);
	c->raw_start = get_uint(rd, o, "raw_start", 1e15);
	c->raw_end = get_uint(rd, o, "raw_end", 1e15);
	if (rd->bad) {
		candidate_free(c);
		return NULL;
	}
	return c;
}

bool
record_read(const char *line, size_t len, const char *where, Record *r, GError **error)
{
	memset(r, 0, sizeof *r);
	Rd rd = { where, error, false };
	cJSON *o = cJSON_ParseWithLength(line, len);
	if (o == NULL || !cJSON_IsObject(o)) {
		const char *at = cJSON_GetErrorPtr();
		if (o == NULL && at != NULL && at >= line && at <= line + len)
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s: not valid JSON (at column %zu)",
				    where, (size_t)(at - line) + 1);
		else
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT, "%s: not a JSON object", where);
		cJSON_Delete(o);
		return false;
	}
	const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(o, "frise-candidates");
	if (!cJSON_IsNumber(fmt) || fmt->valuedouble != RECORD_FORMAT) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
			    "%s: not a line of 'frise extract' (no \"frise-candidates\": %d)", where, RECORD_FORMAT);
		cJSON_Delete(o);
		return false;
	}
	FriseArticle *a = &r->article;
	r->extractor = get_str(&rd, o, "extractor", false);
	a->id = get_str(&rd, o, "id", false);
	a->path = get_str(&rd, o, "path", true);
	a->title = get_str(&rd, o, "title", false);
	a->url = get_str(&rd, o, "url", true);
	a->source = get_str(&rd, o, "source", true);
	const char *lang = get_const(&rd, o, "lang");
	a->lang = frise_lang_parse(lang);
	if (lang != NULL && a->lang == FRISE_LANG_UNKNOWN)
		fail(&rd, "lang", "is not fr or en");
	const char *lo = get_const(&rd, o, "lang_origin");
	int lov = parse_named(lo, lang_origin_name, FRISE_LANG_FROM_DEFAULT + 1);
	if (lo != NULL && lov < 0)
		fail(&rd, "lang_origin", "is not a reader's language origin");
	a->lang_origin = lov < 0 ? FRISE_LANG_FROM_DEFAULT : (FriseLangOrigin)lov;
	a->published = get_str(&rd, o, "published", true);
	if (a->published != NULL && !date_is_anchored(a->published))
		fail(&rd, "published", "is not a date");
	const char *po = get_const(&rd, o, "origin");
	int pov = parse_named(po, origin_name, FRISE_ORIGIN_ESTIMATED + 1);
	if (po != NULL && pov < 0)
		fail(&rd, "origin", "is not a date origin");
	a->published_origin = pov < 0 ? FRISE_ORIGIN_NONE : (FriseDateOrigin)pov;
	copy_fixed(&rd, o, "hash", a->hash, sizeof a->hash);
	a->text = get_str(&rd, o, "text", false);
	a->text_len = a->text ? strlen(a->text) : 0;
	if (a->text != NULL && !g_utf8_validate(a->text, (gssize)a->text_len, NULL))
		fail(&rd, "text", "is not valid UTF-8");
	r->sentences = g_array_new(FALSE, FALSE, sizeof(FriseSentence));
	r->timexes = g_array_new(FALSE, FALSE, sizeof(FriseTimex));
	const cJSON *ss = rd.bad ? NULL : member(&rd, o, "sentences"), *x;
	if (ss != NULL && !cJSON_IsArray(ss))
		fail(&rd, "sentences", "must be an array");
	cJSON_ArrayForEach(x, ss)
	{
		const cJSON *v[5] = { 0 };
		bool shape = cJSON_IsArray(x) && cJSON_GetArraySize(x) == 5;
		for (int k = 0; shape && k < 5; k++)
			shape = cJSON_IsNumber(v[k] = cJSON_GetArrayItem(x, k)) && v[k]->valuedouble >= 0;
		FriseSentence s = { 0 };
		if (shape) {
			s = (FriseSentence){ (size_t)v[0]->valuedouble, (size_t)v[1]->valuedouble,
					     (size_t)v[2]->valuedouble, (size_t)v[3]->valuedouble, v[4]->valuedouble != 0 };
			shape = s.start <= s.end && s.end <= a->text_len;
		}
		if (!shape) {
			fail(&rd, "sentences", "must hold [start, end, raw_start, raw_end, boilerplate] within the text");
			break;
		}
		g_array_append_val(r->sentences, s);
	}
	const cJSON *ms = rd.bad ? NULL : member(&rd, o, "mentions");
	if (ms != NULL && !cJSON_IsArray(ms))
		fail(&rd, "mentions", "must be an array");
	cJSON_ArrayForEach(x, ms)
	{
		FriseTimex t;
		if (!read_timex(&rd, x, a->text_len, &t))
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
