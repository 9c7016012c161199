/*
 * fuzz_render.c — libFuzzer target: every renderer's escaping. The input
 * is cut at 0x1F bytes into the strings of a two-event timeline (titles,
 * texts, quotes, URLs, types); each output must stay well-formed:
 * JSON parses with cJSON and keeps two events, the calendar parses with
 * libical and keeps two VEVENTs, SVG parses as XML (GMarkup), and the
 * HTML page's data block cannot be closed by the text.
 */
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

static void
check_ics(const GString *out)
{
	icalcomponent *cal = icalparser_parse_string(out->str);
	g_assert_nonnull(cal);
	g_assert_cmpint(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), ==, 2);
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
			check_json(out, "events");
		else if (i == 2)
			check_ics(out);
		else if (i == 3)
			check_html(out);
		else
			check_xml(out);
		g_string_free(out, TRUE);
	}
	event_timeline_free(t);
	return 0;
}
