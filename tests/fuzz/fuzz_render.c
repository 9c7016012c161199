/*
 * fuzz_render.c — libFuzzer target: every renderer's escaping. The input
 * is cut at 0x1F bytes into the strings of a two-event timeline (titles,
 * texts, quotes, URLs, types, the timeline's title); each output must stay
 * well-formed and hold exactly the two events, whatever the text:
 * timeline.json and timelinejs.json parse with cJSON with two events (and
 * no markup in TimelineJS's HTML but frise's own <p>, <a>, <em>), the
 * calendar parses with libical with two VEVENTs, one UID each, URLs that
 * frise_url_is_web() accepts and one CATEGORIES, the page's script blocks
 * cannot be closed by the text and its data block parses with two
 * events, and the SVG parses as XML with the layout's two markers.
 * Seeds: tests/fuzz/seeds/render; dictionary: tests/fuzz/dict/render.dict.
 */
#include "frise/layout.h"
#include "frise/render.h"

#include <cjson/cJSON.h>
#include <libical/ical.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *
field(char **parts, guint n, guint i)
{
	const char *s = n ? parts[i % n] : "";
	return g_utf8_make_valid(s, -1);
}

static FriseTimeline *
timeline_from(const uint8_t *data, size_t size)
{
	char *copy = g_strndup((const char *)data, size);
	char **parts = g_strsplit(copy, "\x1f", 16);
	guint n = g_strv_length(parts);
	FriseTimeline *t = event_timeline_new();
	t->title = field(parts, n, 0);
	t->lang = FRISE_LANG_FR;
	static const char *const values[] = { "2024-02-15", "2024-11" };
	for (guint e = 0; e < 2; e++) {
		FriseEvent *ev = g_new0(FriseEvent, 1);
		ev->id = g_strdup_printf("%016x", e + 1);
		ev->value = g_strdup(values[e]);
		ev->mod = g_strdup(e ? "END" : "");
		ev->title = field(parts, n, 1 + e);
		ev->text = field(parts, n, 3 + e);
		ev->type = g_strdup("leak");
		ev->status = e ? FRISE_STATUS_PLANNED : FRISE_STATUS_HAPPENED;
		ev->sources = g_ptr_array_new_with_free_func((GDestroyNotify)event_source_free);
		FriseSource *s = g_new0(FriseSource, 1);
		s->article = field(parts, n, 5);
		s->title = field(parts, n, 6);
		s->url = field(parts, n, 7);
		s->quote = field(parts, n, 8);
		s->value = g_strdup(values[e]);
		s->mod = g_strdup("");
		g_ptr_array_add(ev->sources, s);
		g_ptr_array_add(t->events, ev);
	}
	FriseEventType *type = g_new0(FriseEventType, 1);
	type->id = g_strdup("leak");
	for (int l = 0; l < FRISE_LANG_COUNT; l++)
		type->label[l] = field(parts, n, 9);
	type->colour = g_strdup("#d55e00");
	g_ptr_array_add(t->types, type);
	FriseArticleInfo *a = g_new0(FriseArticleInfo, 1);
	a->id = field(parts, n, 5);
	a->title = field(parts, n, 6);
	a->origin = g_strdup("header");
	g_ptr_array_add(t->articles, a);
	g_strfreev(parts);
	g_free(copy);
	return t;
}

static void
check_json(const GString *out, const char *member)
{
	cJSON *doc = cJSON_ParseWithLength(out->str, out->len);
	g_assert_nonnull(doc);
	g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(doc, member)), ==, 2);
	cJSON_Delete(doc);
}

/* TimelineJS reads its text members as HTML: only frise's tags in them. */
static void
check_tl_html(const char *html)
{
	for (const char *p = html; (p = strchr(p, '<')) != NULL; p++) {
		static const char *const ok[] = { "<p>", "</p>", "<p class=", "<a href=\"http", "</a>", "<em>", "</em>" };
		bool known = false;
		for (size_t i = 0; i < G_N_ELEMENTS(ok); i++)
			known |= strncmp(p, ok[i], strlen(ok[i])) == 0;
		if (!known)
			g_error("TimelineJS text holds markup of its own: %.40s", p);
	}
}

static void
check_timelinejs(const GString *out)
{
	check_json(out, "events");
	cJSON *doc = cJSON_ParseWithLength(out->str, out->len);
	cJSON *ev;
	cJSON_ArrayForEach(ev, cJSON_GetObjectItem(doc, "events")) {
		cJSON *text = cJSON_GetObjectItem(ev, "text");
		check_tl_html(cJSON_GetStringValue(cJSON_GetObjectItem(text, "headline")));
		check_tl_html(cJSON_GetStringValue(cJSON_GetObjectItem(text, "text")));
		check_tl_html(cJSON_GetStringValue(cJSON_GetObjectItem(ev, "group")));
		check_tl_html(cJSON_GetStringValue(cJSON_GetObjectItem(ev, "display_date")));
	}
	cJSON_Delete(doc);
}

static void
check_ics(const GString *out)
{
	icalcomponent *cal = icalparser_parse_string(out->str);
	g_assert_nonnull(cal);
	g_assert_cmpint(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), ==, 2);
	g_assert_cmpint(icalcomponent_count_properties(cal, ICAL_METHOD_PROPERTY), ==, 0);
	for (icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); v != NULL;
	     v = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		g_assert_cmpint(icalcomponent_count_properties(v, ICAL_UID_PROPERTY), ==, 1);
		g_assert_cmpint(icalcomponent_count_properties(v, ICAL_CATEGORIES_PROPERTY), <=, 1);
		icalproperty *u = icalcomponent_get_first_property(v, ICAL_URL_PROPERTY);
		g_assert_true(u == NULL || frise_url_is_web(icalproperty_get_url(u)));
	}
	/* no line of the text's own: BEGIN/END lines are libical's, in pairs */
	int begins = 0, ends = 0;
	for (const char *p = out->str; (p = strstr(p, "\nBEGIN:VEVENT\r")) != NULL; p++)
		begins++;
	for (const char *p = out->str; (p = strstr(p, "\nEND:VEVENT\r")) != NULL; p++)
		ends++;
	g_assert_cmpint(begins, ==, 2);
	g_assert_cmpint(ends, ==, 2);
	icalcomponent_free(cal);
}

static void
check_xml(const GString *out)
{
	static const GMarkupParser none = { 0 };
	GMarkupParseContext *ctx = g_markup_parse_context_new(&none, 0, NULL, NULL);
	GError *error = NULL;
	bool ok = g_markup_parse_context_parse(ctx, out->str, (gssize)out->len, &error) &&
		  g_markup_parse_context_end_parse(ctx, &error);
	if (!ok)
		g_error("SVG is not well-formed: %s", error->message);
	g_markup_parse_context_free(ctx);
}

static void
check_html(const GString *out)
{
	/* Only the page's own script elements may close: count openers and
	 * closers; text that smuggles in "</script" would add a closer. */
	char *lower = g_ascii_strdown(out->str, (gssize)out->len);
	int open = 0, close = 0;
	for (const char *p = lower; (p = strstr(p, "<script")) != NULL; p++)
		open++;
	for (const char *p = lower; (p = strstr(p, "</script")) != NULL; p++)
		close++;
	g_assert_cmpint(open, ==, close);
	g_free(lower);
	/* the data block, un-escaped as a browser's JSON.parse sees it */
	static const char tag[] = "<script type=\"application/json\" id=\"frise-data\">";
	const char *start = strstr(out->str, tag);
	g_assert_nonnull(start);
	start += strlen(tag);
	const char *end = strstr(start, "</script>");
	g_assert_nonnull(end);
	cJSON *doc = cJSON_ParseWithLength(start, (size_t)(end - start));
	g_assert_nonnull(doc);
	g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "events")), ==, 2);
	cJSON_Delete(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	FriseTimeline *t = timeline_from(data, size);
	FriseRenderOptions opts = { .lang = FRISE_LANG_FR, .width = 800 };
	static const char *const formats[] = { "json", "timelinejs", "ics", "html", "svg" };
	for (size_t i = 0; i < G_N_ELEMENTS(formats); i++) {
		GString *out = g_string_new(NULL);
		GError *error = NULL;
		if (!render_format_lookup(formats[i])->render(t, &opts, out, &error))
			g_error("%s: %s", formats[i], error->message);
		if (i == 0)
			check_json(out, "events");
		else if (i == 1)
			check_timelinejs(out);
		else if (i == 2)
			check_ics(out);
		else if (i == 3)
			check_html(out);
		else
			check_xml(out);
		g_string_free(out, TRUE);
	}
	/* the image draws both */
	GError *error = NULL;
	LayoutPage *page = layout_compute(t, &opts, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(page->items->len, ==, 2);
	layout_free(page);
	event_timeline_free(t);
	return 0;
}
