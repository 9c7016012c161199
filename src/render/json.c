/*
 * json.c — the timeline as JSON for websites, built with cJSON (which does
 * the escaping). Exports two renderers (render.h):
 *
 * json_render(): frise's own format, described field by field by the JSON
 *   Schema templates/timeline.schema.json. Dates carry their canonical
 *   value and mod plus derived views: `start`/`end` ISO days with `end`
 *   exclusive ("2024-02" -> "2024-02-01" .. "2024-03-01"; null when the
 *   year is unknown), the granularity, and the display in French and
 *   English. Times are ISO 8601 UTC ("2024-11-27T00:00:00Z"). Quote offsets
 *   are byte offsets into the article's raw text, end exclusive.
 *
 * json_render_timelinejs(): the TimelineJS3 JSON format. Text is HTML
 *   (TimelineJS inserts it as markup), so every string from an article is
 *   escaped with g_markup_escape_text(). Periods coarser than a day are
 *   spans whose end_date is the period's LAST day (TimelineJS dates are
 *   inclusive points, not end-exclusive spans), with a display_date saying
 *   the real precision ("février 2024", "d'ici fin 2024"). Events whose
 *   year is unknown cannot be placed and are left out (noted on stderr).
 *
 * Both list events in one stable order — by first day (after the mod),
 * coarser periods first, then value, then id; unanchored dates last — so
 * that two renders of the same store are byte-identical apart from the
 * generation time, and a website's diffs show only real changes.
 */
#include "frise/render.h"
#include "frise/date.h"
#include "core/lang.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define JSON_FORMAT_VERSION 1

static FriseLang
render_lang(const FriseTimeline *timeline, const FriseRenderOptions *opts)
{
	return lang_or_english(opts != NULL && opts->lang != FRISE_LANG_UNKNOWN ? opts->lang : timeline->lang);
}

static const char *
render_title(const FriseTimeline *timeline, const FriseRenderOptions *opts)
{
	if (opts != NULL && opts->title != NULL)
		return opts->title;
	return timeline->title != NULL ? timeline->title : "";
}

/* Sort key of one event: its span after the mod, computed once. */
typedef struct {
	const FriseEvent *event;
	bool anchored;
	GDate start, end;
} Keyed;

static int
keyed_compare(gconstpointer pa, gconstpointer pb)
{
	const Keyed *a = pa, *b = pb;
	if (a->anchored != b->anchored)
		return a->anchored ? -1 : 1;
	if (a->anchored) {
		int c = g_date_compare(&a->start, &b->start);
		if (c != 0)
			return c;
		c = -g_date_compare(&a->end, &b->end); /* longer first */
		if (c != 0)
			return c;
	}
	int c = date_compare(a->event->value, b->event->value);
	if (c == 0)
		c = strcmp(a->event->value, b->event->value);
	if (c == 0)
		c = g_strcmp0(a->event->mod, b->event->mod);
	return c != 0 ? c : strcmp(a->event->id, b->event->id);
}

/* The events in the stable order above: a new array of Keyed (g_array_unref). */
static GArray *
sorted_events(const FriseTimeline *timeline)
{
	GArray *keyed = g_array_sized_new(FALSE, TRUE, sizeof(Keyed), timeline->events->len);
	for (guint i = 0; i < timeline->events->len; i++) {
		Keyed k = { .event = g_ptr_array_index(timeline->events, i) };
		g_date_clear(&k.start, 1);
		g_date_clear(&k.end, 1);
		k.anchored = date_is_anchored(k.event->value) &&
			     date_placed(k.event->value, k.event->mod, &k.start, &k.end);
		g_array_append_val(keyed, k);
	}
	g_array_sort(keyed, keyed_compare);
	return keyed;
}

static char *
iso_day(const GDate *d)
{
	return g_strdup_printf("%04d-%02d-%02d", g_date_get_year(d), g_date_get_month(d), g_date_get_day(d));
}

/* Members are added under their literal names, not copied (cJSON's
 * "CS" calls), and the timeline's own strings are referenced, not copied
 * (add_ref, ref_or_null: the timeline outlives the tree): for 33,000
 * events the copies were half of the tree's memory and much of its time.
 * The text printed is the same. */
static void
add_string(cJSON *o, const char *key, const char *v)
{
	cJSON_AddItemToObjectCS(o, key, cJSON_CreateString(v));
}

static void
add_ref(cJSON *o, const char *key, const char *v)
{
	cJSON_AddItemToObjectCS(o, key, cJSON_CreateStringReference(v));
}

static void
add_number(cJSON *o, const char *key, double v)
{
	cJSON_AddItemToObjectCS(o, key, cJSON_CreateNumber(v));
}

static void
add_bool(cJSON *o, const char *key, bool v)
{
	cJSON_AddItemToObjectCS(o, key, cJSON_CreateBool(v));
}

static cJSON *
add_array(cJSON *o, const char *key)
{
	cJSON *a = cJSON_CreateArray();
	cJSON_AddItemToObjectCS(o, key, a);
	return a;
}

static cJSON *
add_object(cJSON *o, const char *key)
{
	cJSON *a = cJSON_CreateObject();
	cJSON_AddItemToObjectCS(o, key, a);
	return a;
}

/* A link: a reference to `url` when it is a clean web URL already (what
 * the reader keeps), else the frise_url_web() copy, else null (a store
 * written before the reader checked links may hold anything). */
static cJSON *
url_or_null(const char *url)
{
	if (frise_url_is_web(url))
		return cJSON_CreateStringReference(url);
	char *web = frise_url_web(url);
	cJSON *j = web != NULL ? cJSON_CreateString(web) : cJSON_CreateNull();
	g_free(web);
	return j;
}

/* A reference to `s` (which must outlive the tree), or null when `s` is NULL. */
static cJSON *
ref_or_null(const char *s)
{
	return s != NULL ? cJSON_CreateStringReference(s) : cJSON_CreateNull();
}

static cJSON *
utc_or_null(gint64 unix_seconds)
{
	if (unix_seconds <= 0)
		return cJSON_CreateNull();
	GDateTime *t = g_date_time_new_from_unix_utc(unix_seconds);
	if (t == NULL)
		return cJSON_CreateNull();
	char *s = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
	g_date_time_unref(t);
	cJSON *j = cJSON_CreateString(s);
	g_free(s);
	return j;
}

/* Prints `root` (tabs, one member a line), frees it, appends to `out`. */
static bool
print_json(cJSON *root, GString *out, GError **error)
{
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	if (text == NULL) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "json: cJSON could not print the timeline");
		return false;
	}
	g_string_append(out, text);
	g_string_append_c(out, '\n');
	cJSON_free(text);
	return true;
}

/* ---- frise's own format ---- */

static cJSON *
display_both(const char *value, const char *mod)
{
	cJSON *d = cJSON_CreateObject();
	for (FriseLang l = FRISE_LANG_FR; l < FRISE_LANG_COUNT; l++) {
		char *s = date_display(value, mod, l, false);
		add_string(d, frise_lang_code(l), s != NULL ? s : value);
		g_free(s);
	}
	return d;
}

static cJSON *
date_object(const Keyed *k)
{
	const FriseEvent *e = k->event;
	cJSON *d = cJSON_CreateObject();
	add_ref(d, "value", e->value);
	add_ref(d, "mod", e->mod != NULL ? e->mod : "");
	if (k->anchored) {
		char *s = iso_day(&k->start), *x = iso_day(&k->end);
		add_string(d, "start", s);
		add_string(d, "end", x);
		g_free(s);
		g_free(x);
	} else {
		cJSON_AddNullToObject(d, "start");
		cJSON_AddNullToObject(d, "end");
	}
	add_string(d, "granularity", date_granularity_name(date_granularity(e->value)));
	add_bool(d, "time", e->is_time);
	cJSON_AddItemToObjectCS(d, "display", display_both(e->value, e->mod));
	return d;
}

static cJSON *
source_object(const FriseSource *s)
{
	cJSON *o = cJSON_CreateObject();
	add_ref(o, "article", s->article != NULL ? s->article : "");
	cJSON_AddItemToObjectCS(o, "title", ref_or_null(s->title));
	cJSON_AddItemToObjectCS(o, "url", url_or_null(s->url));
	cJSON_AddItemToObjectCS(o, "published", ref_or_null(s->published));
	add_ref(o, "quote", s->quote != NULL ? s->quote : "");
	add_number(o, "start", (double)s->start);
	add_number(o, "end", (double)s->end);
	cJSON_AddItemToObjectCS(o, "value", ref_or_null(s->value));
	add_ref(o, "mod", s->mod != NULL ? s->mod : "");
	return o;
}

static cJSON *
event_object(const Keyed *k)
{
	const FriseEvent *e = k->event;
	cJSON *o = cJSON_CreateObject();
	add_ref(o, "id", e->id);
	cJSON_AddItemToObjectCS(o, "date", date_object(k));
	add_ref(o, "title", e->title != NULL ? e->title : "");
	add_ref(o, "text", e->text != NULL ? e->text : "");
	add_ref(o, "type", e->type != NULL ? e->type : "");
	add_string(o, "status", event_status_name(e->status));
	/* Three decimals: enough to rank, and no 0.30000000000000004 noise. */
	add_number(o, "score", round(MAX(e->score, 0.0) * 1000.0) / 1000.0);
	add_bool(o, "conflict", e->conflict);
	add_bool(o, "edited", e->edited);
	add_number(o, "sequence", MAX(e->sequence, 0));
	cJSON_AddItemToObjectCS(o, "created", utc_or_null(e->created));
	cJSON_AddItemToObjectCS(o, "modified", utc_or_null(e->modified));
	cJSON *sources = add_array(o, "sources");
	for (guint i = 0; e->sources != NULL && i < e->sources->len; i++)
		cJSON_AddItemToArray(sources, source_object(g_ptr_array_index(e->sources, i)));
	return o;
}

bool
json_render(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error)
{
	cJSON *root = cJSON_CreateObject();
	add_string(root, "format", "frise-timeline");
	add_number(root, "format_version", JSON_FORMAT_VERSION);
	add_string(root, "frise_version", FRISE_VERSION_STRING);
	add_string(root, "title", render_title(timeline, opts));
	add_string(root, "lang", frise_lang_code(render_lang(timeline, opts)));
	GDateTime *now = frise_now();
	cJSON_AddItemToObjectCS(root, "generated", utc_or_null(g_date_time_to_unix(now)));
	g_date_time_unref(now);

	cJSON *types = add_array(root, "types");
	for (guint i = 0; i < timeline->types->len; i++) {
		const FriseEventType *t = g_ptr_array_index(timeline->types, i);
		cJSON *o = cJSON_CreateObject();
		add_string(o, "id", t->id);
		cJSON *label = add_object(o, "label");
		for (FriseLang l = FRISE_LANG_FR; l < FRISE_LANG_COUNT; l++) {
			const char *s = t->label[l] != NULL ? t->label[l] : t->label[FRISE_LANG_UNKNOWN];
			add_string(label, frise_lang_code(l), s != NULL ? s : t->id);
		}
		add_string(o, "colour", t->colour != NULL ? t->colour : "#777777");
		cJSON_AddItemToArray(types, o);
	}

	cJSON *articles = add_array(root, "articles");
	for (guint i = 0; i < timeline->articles->len; i++) {
		const FriseArticleInfo *a = g_ptr_array_index(timeline->articles, i);
		cJSON *o = cJSON_CreateObject();
		add_string(o, "id", a->id);
		cJSON_AddItemToObjectCS(o, "title", ref_or_null(a->title));
		cJSON_AddItemToObjectCS(o, "url", url_or_null(a->url));
		cJSON_AddItemToObjectCS(o, "published", ref_or_null(a->published));
		cJSON_AddItemToObjectCS(o, "origin", ref_or_null(a->origin));
		add_string(o, "lang", frise_lang_code(a->lang));
		cJSON_AddItemToArray(articles, o);
	}

	cJSON *events = add_array(root, "events");
	GArray *keyed = sorted_events(timeline);
	for (guint i = 0; i < keyed->len; i++)
		cJSON_AddItemToArray(events, event_object(&g_array_index(keyed, Keyed, i)));
	g_array_unref(keyed);
	return print_json(root, out, error);
}

/* ---- TimelineJS3 ---- */

/* How an event's status changes its display_date: tl.by, tl.planned,
 * tl.uncertain of the language's strings ("d'ici fin 2024", "2025 (prévu)";
 * BEFORE already reads as a deadline: "avant 2025"). g_free() it. */
static char *
display_date(const FriseEvent *e, FriseLang lang)
{
	char *when = date_display(e->value, e->mod, lang, false);
	if (when == NULL)
		when = g_strdup(e->value);
	const char *mod = e->mod != NULL ? e->mod : "";
	char *s = NULL;
	if (e->status == FRISE_STATUS_PLANNED && strcmp(mod, "END") == 0)
		s = lang_fill(lang_string(lang, "tl.by"), when);
	else if (e->status == FRISE_STATUS_PLANNED && strcmp(mod, "BEFORE") != 0)
		s = lang_fill(lang_string(lang, "tl.planned"), when);
	else if (e->status == FRISE_STATUS_UNCERTAIN)
		s = lang_fill(lang_string(lang, "tl.uncertain"), when);
	if (s == NULL)
		return when;
	g_free(when);
	return s;
}

/* A TimelineJS member: TimelineJS sets every text member with innerHTML
 * (headline, text, group, display_date), so each is escaped, whatever
 * it came from. */
static void
add_html(cJSON *o, const char *key, const char *text)
{
	char *esc = g_markup_escape_text(text != NULL ? text : "", -1);
	add_string(o, key, esc);
	g_free(esc);
}

/* A TimelineJS date object; the clock time of `timed`'s value is added
 * when there is one ("2024-02-15T14:05"). */
static cJSON *
tl_date(const GDate *d, const FriseEvent *timed, const char *display)
{
	cJSON *o = cJSON_CreateObject();
	add_number(o, "year", g_date_get_year(d));
	add_number(o, "month", g_date_get_month(d));
	add_number(o, "day", g_date_get_day(d));
	FriseDateParts p;
	if (timed != NULL && date_parse(timed->value, &p) && p.gran >= FRISE_GRAN_HOUR) {
		add_number(o, "hour", p.hour);
		if (p.gran >= FRISE_GRAN_MINUTE)
			add_number(o, "minute", p.minute);
	}
	if (display != NULL)
		add_html(o, "display_date", display);
	return o;
}


/* The slide's HTML: the sentence, the status, then the sources as links. */
static char *
slide_html(const FriseEvent *e, FriseLang lang)
{
	GString *h = g_string_new("<p>");
	char *esc = g_markup_escape_text(e->text != NULL ? e->text : "", -1);
	g_string_append(h, esc);
	g_free(esc);
	g_string_append(h, "</p>");
	if (e->conflict)
		g_string_append_printf(h, "<p><em>%s</em></p>", lang_string(lang, "tl.conflict"));
	if (e->sources == NULL || e->sources->len == 0)
		return g_string_free(h, FALSE);
	g_string_append_printf(h, "<p class=\"frise-sources\">%s ", lang_string(lang, "tl.sources"));
	for (guint i = 0; i < e->sources->len; i++) {
		const FriseSource *s = g_ptr_array_index(e->sources, i);
		char *title = g_markup_escape_text(s->title != NULL && *s->title != '\0' ? s->title : s->article, -1);
		if (i > 0)
			g_string_append(h, ", ");
		char *web = frise_url_web(s->url);
		if (web != NULL) {
			char *url = g_markup_escape_text(web, -1);
			g_string_append_printf(h, "<a href=\"%s\">%s</a>", url, title);
			g_free(url);
			g_free(web);
		} else
			g_string_append(h, title);
		g_free(title);
		if (s->published != NULL) {
			char *pub = date_display(s->published, "", lang, true);
			char *epub = g_markup_escape_text(pub != NULL ? pub : s->published, -1);
			g_string_append_printf(h, " (%s)", epub);
			g_free(pub);
			g_free(epub);
		}
	}
	g_string_append(h, "</p>");
	return g_string_free(h, FALSE);
}

bool
json_render_timelinejs(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out,
		       GError **error)
{
	FriseLang lang = render_lang(timeline, opts);
	cJSON *root = cJSON_CreateObject();
	cJSON *title = add_object(root, "title");
	cJSON *title_text = add_object(title, "text");
	add_html(title_text, "headline", render_title(timeline, opts));
	add_string(title_text, "text", "");

	cJSON *events = add_array(root, "events");
	GArray *keyed = sorted_events(timeline);
	for (guint i = 0; i < keyed->len; i++) {
		const Keyed *k = &g_array_index(keyed, Keyed, i);
		const FriseEvent *e = k->event;
		if (!k->anchored) {
			g_message("timelinejs: event %s (\"%s\") left out: its date %s has no known year", /* as ics.c */
				   e->id, e->title, e->value);
			continue;
		}
		cJSON *o = cJSON_CreateObject();
		add_string(o, "unique_id", e->id);
		char *display = display_date(e, lang);
		GDate last = k->end;
		g_date_subtract_days(&last, 1);
		cJSON_AddItemToObjectCS(o, "start_date", tl_date(&k->start, e->is_time ? e : NULL, display));
		if (g_date_compare(&last, &k->start) > 0)
			cJSON_AddItemToObjectCS(o, "end_date", tl_date(&last, NULL, display));
		add_html(o, "display_date", display);
		g_free(display);
		cJSON *text = add_object(o, "text");
		add_html(text, "headline", e->title);
		char *html = slide_html(e, lang);
		add_string(text, "text", html);
		g_free(html);
		const FriseEventType *type = event_timeline_type(timeline, e->type);
		const char *group = type != NULL && type->label[lang] != NULL ? type->label[lang] : e->type;
		/* a type's label comes from a user's --templates file */
		add_html(o, "group", group != NULL ? group : "");
		cJSON_AddItemToArray(events, o);
	}
	g_array_unref(keyed);
	return print_json(root, out, error);
}
