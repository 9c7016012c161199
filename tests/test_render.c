/*
 * test_render.c — the web renderers (ics.c, json.c, html.c), one line per
 * case. The clock is pinned by SOURCE_DATE_EPOCH (tests/meson.build); each
 * case builds the smallest timeline that shows the behaviour. The whole
 * fixture (tests/fixture_timeline.c) is also checked here, and read by
 * independent parsers in tests/cli_render.py and a browser in cli_web.py.
 */
#include "fixture_timeline.h"
#include "frise/render.h"

#include <cjson/cJSON.h>
#include <libical/ical.h>
#include <string.h>

/* A timeline of one event with this date; the caller may adjust it. */
static FriseTimeline *
one_event(const char *value, const char *mod, bool is_time, FriseStatus status)
{
	FriseTimeline *t = event_timeline_new();
	t->title = g_strdup("t");
	t->lang = FRISE_LANG_FR;
	FriseEvent *e = g_new0(FriseEvent, 1);
	e->id = g_strdup("0123456789abcdef");
	e->value = g_strdup(value);
	e->mod = g_strdup(mod);
	e->is_time = is_time;
	e->title = g_strdup("titre");
	e->text = g_strdup("texte");
	e->type = g_strdup("leak");
	e->status = status;
	e->sources = g_ptr_array_new_with_free_func((GDestroyNotify)event_source_free);
	FriseSource *s = g_new0(FriseSource, 1);
	s->article = g_strdup("a1");
	s->title = g_strdup("article");
	s->quote = g_strdup("texte");
	s->value = g_strdup(value);
	s->mod = g_strdup(mod);
	g_ptr_array_add(e->sources, s);
	g_ptr_array_add(t->events, e);
	FriseEventType *ty = g_new0(FriseEventType, 1);
	ty->id = g_strdup("leak");
	ty->label[FRISE_LANG_UNKNOWN] = g_strdup("Leak");
	ty->label[FRISE_LANG_FR] = g_strdup("Fuite");
	ty->label[FRISE_LANG_EN] = g_strdup("Leak");
	ty->colour = g_strdup("#d55e00");
	g_ptr_array_add(t->types, ty);
	return t;
}

static char *
render(const char *format, const FriseTimeline *t, FriseLang lang)
{
	FriseRenderOptions opts = { .lang = lang };
	GString *out = g_string_new(NULL);
	GError *error = NULL;
	g_assert_true(render_format_lookup(format)->render(t, &opts, out, &error));
	g_assert_no_error(error);
	return g_string_free(out, FALSE);
}

/* ---- iCalendar: DTSTART/DTEND per granularity and mod ---- */

static const struct {
	const char *value, *mod;
	bool is_time;
	const char *dtstart, *dtend; /* as libical writes them; NULL: no VEVENT */
} ics_cases[] = {
	{ "2024-02-15", "", false, "20240215", "20240216" },
	{ "2024-12-31", "", false, "20241231", "20250101" },              /* crosses the year */
	{ "2024-02", "", false, "20240201", "20240301" },                 /* leap February */
	{ "2023-02", "", false, "20230201", "20230301" },
	{ "2024-12", "", false, "20241201", "20250101" },
	{ "2024", "", false, "20240101", "20250101" },
	{ "2024-W01", "", false, "20240101", "20240108" },
	{ "2020-W53", "", false, "20201228", "20210104" },
	{ "2024-Q1", "", false, "20240101", "20240401" },
	{ "2024-Q4", "", false, "20241001", "20250101" },
	{ "2024-H2", "", false, "20240701", "20250101" },
	{ "2024-WI", "", false, "20241221", "20250320" },                 /* date.h's example */
	{ "2024-02-15TEV", "", true, "20240215", "20240216" },            /* part of day: all day */
	{ "2024-02-15T14", "", true, "20240215T140000", "20240215T150000" },
	{ "2024-02-15T14:05", "", true, "20240215T140500", "20240215T150500" },
	{ "2024-02-15T23:30", "", true, "20240215T233000", "20240216T003000" },
	{ "2025", "BEFORE", false, "20241231", "20250101" },              /* last day before */
	{ "2024", "AFTER", false, "20250101", "20250102" },               /* first day after */
	{ "2024-03", "APPROX", false, "20240301", "20240401" },
	{ "XXXX-03-24", "", false, NULL, NULL },
	{ "PRESENT_REF", "", false, NULL, NULL },
	{ "P3M", "", false, NULL, NULL },
};

static void
test_ics_spans(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(ics_cases); i++) {
		FriseTimeline *t = one_event(ics_cases[i].value, ics_cases[i].mod, ics_cases[i].is_time,
					     FRISE_STATUS_HAPPENED);
		char *text = render("ics", t, FRISE_LANG_UNKNOWN);
		icalcomponent *cal = icalparser_parse_string(text);
		g_assert_nonnull(cal);
		icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
		if (ics_cases[i].dtstart == NULL) {
			g_assert_null(v);
		} else {
			g_assert_nonnull(v);
			struct icaltimetype s = icalcomponent_get_dtstart(v), e = icalcomponent_get_dtend(v);
			g_test_message("%s %s", ics_cases[i].value, ics_cases[i].mod);
			g_assert_cmpstr(icaltime_as_ical_string(s), ==, ics_cases[i].dtstart);
			g_assert_cmpstr(icaltime_as_ical_string(e), ==, ics_cases[i].dtend);
			/* All-day values say VALUE=DATE; times are floating. */
			g_assert_cmpint(icaltime_is_date(s), ==, strchr(ics_cases[i].dtstart, 'T') == NULL);
			g_assert_true(!icaltime_is_utc(s) && s.zone == NULL);
		}
		icalcomponent_free(cal);
		g_free(text);
		event_timeline_free(t);
	}
}

static void
test_ics_status_and_stamp(void)
{
	static const struct {
		FriseStatus status;
		icalproperty_status expect;
	} cases[] = {
		{ FRISE_STATUS_HAPPENED, ICAL_STATUS_CONFIRMED },
		{ FRISE_STATUS_PLANNED, ICAL_STATUS_TENTATIVE },
		{ FRISE_STATUS_UNCERTAIN, ICAL_STATUS_TENTATIVE },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		FriseTimeline *t = one_event("2024-02", "", false, cases[i].status);
		FriseEvent *e = g_ptr_array_index(t->events, 0);
		e->sequence = 7;
		e->modified = 1700000000; /* 2023-11-14T22:13:20Z */
		char *text = render("ics", t, FRISE_LANG_UNKNOWN);
		icalcomponent *cal = icalparser_parse_string(text);
		icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
		g_assert_cmpint(icalcomponent_get_status(v), ==, cases[i].expect);
		g_assert_cmpstr(icalcomponent_get_uid(v), ==, "0123456789abcdef@frise");
		g_assert_cmpint(icalcomponent_get_sequence(v), ==, 7);
		icalproperty *lm = icalcomponent_get_first_property(v, ICAL_LASTMODIFIED_PROPERTY);
		g_assert_cmpstr(icaltime_as_ical_string(icalproperty_get_lastmodified(lm)), ==, "20231114T221320Z");
		/* SOURCE_DATE_EPOCH=1732665600 in tests/meson.build */
		g_assert_cmpstr(icaltime_as_ical_string(icalcomponent_get_dtstamp(v)), ==, "20241127T000000Z");
		g_assert_null(icalcomponent_get_first_property(v, ICAL_URL_PROPERTY)); /* no source URL */
		icalcomponent_free(cal);
		g_free(text);
		event_timeline_free(t);
	}
}

/* Control characters never reach the file; CR LF becomes one newline. */
static void
test_ics_text(void)
{
	FriseTimeline *t = one_event("2024-02", "", false, FRISE_STATUS_HAPPENED);
	FriseEvent *e = g_ptr_array_index(t->events, 0);
	g_free(e->title);
	e->title = g_strdup("a,b;c\r\nEND:VEVENT\x01\x7f\rz");
	char *text = render("ics", t, FRISE_LANG_UNKNOWN);
	g_assert_null(strchr(text, '\x01'));
	g_assert_null(strchr(text, '\x7f'));
	icalcomponent *cal = icalparser_parse_string(text);
	g_assert_cmpint(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), ==, 1);
	icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	g_assert_cmpstr(icalcomponent_get_summary(v), ==, "a,b;c\nEND:VEVENT  \nz");
	icalcomponent_free(cal);
	g_free(text);
	event_timeline_free(t);
}

/* Every renderer treats a source's URL as untrusted (a store written
 * before the reader checked links may hold anything): a line break, a
 * quote or a markup character in it ends no calendar line, no JSON string
 * and no HTML attribute; only http(s) URLs become links. */
static const struct {
	const char *url;
	const char *link; /* the URL property / href / JSON "url"; NULL: none */
} url_cases[] = {
	{ "https://x.org/a\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil", "https://x.org/a%0D%0AEND:VEVENT%0D%0ABEGIN:VEVENT%0D%0AUID:evil" },
	{ "https://x.org/\"><script>alert(1)</script>", "https://x.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E" },
	{ "https://x.org/été?q=a b", "https://x.org/%C3%A9t%C3%A9?q=a%20b" },
	{ "https://x.org/%41%zz", "https://x.org/%41%25zz" },
	{ "httP://x.org/?a=0", "http://x.org/?a=0" }, /* a checker reads "<a href=\"http" (found by the render fuzzer) */
	{ "HTTPS://X.org/A", "https://X.org/A" },
	{ "javascript:alert(1)", NULL },
	{ "file:///etc/passwd", NULL },
	{ "https:///nohost", NULL },
	{ "x.org/a", NULL },
};

static void
test_hostile_url(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(url_cases); i++) {
		g_test_message("%s", url_cases[i].url);
		FriseTimeline *t = one_event("2024-02-15", "", false, FRISE_STATUS_HAPPENED);
		FriseSource *s = g_ptr_array_index(((FriseEvent *)g_ptr_array_index(t->events, 0))->sources, 0);
		s->url = g_strdup(url_cases[i].url);
		const char *want = url_cases[i].link;

		char *text = render("ics", t, FRISE_LANG_UNKNOWN);
		icalcomponent *cal = icalparser_parse_string(text);
		g_assert_cmpint(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), ==, 1);
		g_assert_null(strstr(text, "\nUID:evil"));
		icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
		icalproperty *u = icalcomponent_get_first_property(v, ICAL_URL_PROPERTY);
		g_assert_cmpstr(u != NULL ? icalproperty_get_url(u) : NULL, ==, want);
		icalcomponent_free(cal);
		g_free(text);

		text = render("json", t, FRISE_LANG_UNKNOWN);
		cJSON *doc = cJSON_Parse(text);
		cJSON *ev = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "events"), 0);
		cJSON *src = cJSON_GetArrayItem(cJSON_GetObjectItem(ev, "sources"), 0);
		g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(src, "url")), ==, want);
		cJSON_Delete(doc);
		g_free(text);

		text = render("timelinejs", t, FRISE_LANG_UNKNOWN);
		doc = cJSON_Parse(text);
		ev = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "events"), 0);
		const char *html = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(ev, "text"), "text"));
		char *href = want != NULL ? g_strdup_printf("<a href=\"%s\">", want) : NULL;
		if (want != NULL)
			g_assert_nonnull(strstr(html, href));
		else
			g_assert_null(strstr(html, "<a "));
		g_assert_null(strstr(html, "<script"));
		g_free(href);
		cJSON_Delete(doc);
		g_free(text);
		event_timeline_free(t);
	}
}

/* TimelineJS sets headline, text, group and display_date with innerHTML:
 * each is escaped, the type's label (a user's --templates file) too. */
static void
test_timelinejs_escaped(void)
{
	FriseTimeline *t = one_event("2024-02", "", false, FRISE_STATUS_HAPPENED);
	FriseEventType *ty = g_ptr_array_index(t->types, 0);
	g_free(ty->label[FRISE_LANG_FR]);
	ty->label[FRISE_LANG_FR] = g_strdup("<img src=x onerror=alert(1)>Fuite");
	char *text = render("timelinejs", t, FRISE_LANG_FR);
	cJSON *doc = cJSON_Parse(text);
	cJSON *ev = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "events"), 0);
	g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(ev, "group")), ==,
			"&lt;img src=x onerror=alert(1)&gt;Fuite");
	g_assert_null(strstr(text, "<img"));
	cJSON_Delete(doc);
	g_free(text);
	event_timeline_free(t);
}

/* RFC 5545 for the two properties libical leaves unescaped: a comma in a
 * category is escaped (one category, not two), X-WR-CALNAME is escaped
 * TEXT, lines are folded at 75 octets; and libical's own RFC 5546
 * restriction check passes (no METHOD without ORGANIZER). */
static void
test_ics_rfc(void)
{
	FriseTimeline *t = one_event("2024-02-15", "", false, FRISE_STATUS_HAPPENED);
	FriseEventType *ty = g_ptr_array_index(t->types, 0);
	g_free(ty->label[FRISE_LANG_FR]);
	ty->label[FRISE_LANG_FR] = g_strdup("Procès, plainte; appel \\ recours — un libellé assez long pour être plié en deux lignes");
	g_free(t->title);
	t->title = g_strdup("Sora, Hollywood; «\\»\r\nEND:VCALENDAR");
	char *text = render("ics", t, FRISE_LANG_FR);
	g_assert_null(strstr(text, "METHOD"));
	g_assert_null(strstr(text, "\r\nEND:VCALENDAR\r\nEND"));
	for (const char *l = text; *l != '\0';) {
		const char *e = strstr(l, "\r\n");
		g_assert_nonnull(e);
		g_assert_cmpint(e - l, <=, 75);
		l = e + 2;
	}
	icalcomponent *cal = icalparser_parse_string(text);
	g_assert_nonnull(cal);
	g_assert_cmpint(icalrestriction_check(cal), ==, 1);
	icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	g_assert_cmpint(icalcomponent_count_properties(v, ICAL_CATEGORIES_PROPERTY), ==, 1);
	icalproperty *c = icalcomponent_get_first_property(v, ICAL_CATEGORIES_PROPERTY);
	g_assert_cmpstr(icalproperty_get_categories(c), ==, ty->label[FRISE_LANG_FR]);
	icalproperty *x = icalcomponent_get_first_property(cal, ICAL_X_PROPERTY);
	g_assert_cmpstr(icalproperty_get_x_name(x), ==, "X-WR-CALNAME");
	g_assert_cmpstr(icalvalue_get_text(icalproperty_get_value(x)), ==, "Sora, Hollywood; «\\»\nEND:VCALENDAR");
	icalcomponent_free(cal);
	g_free(text);
	event_timeline_free(t);
}

/* ---- TimelineJS display_date: the date as read, status included ---- */

static const struct {
	const char *value, *mod;
	FriseStatus status;
	FriseLang lang;
	const char *display;
} tl_cases[] = {
	{ "2024-02", "", FRISE_STATUS_HAPPENED, FRISE_LANG_FR, "février 2024" },
	{ "2024-02-15", "", FRISE_STATUS_HAPPENED, FRISE_LANG_FR, "15 février 2024" },
	{ "2024-02", "", FRISE_STATUS_HAPPENED, FRISE_LANG_EN, "February 2024" },
	{ "2024", "END", FRISE_STATUS_PLANNED, FRISE_LANG_FR, "d&apos;ici fin 2024" }, /* HTML, as TimelineJS reads it */
	{ "2024", "END", FRISE_STATUS_PLANNED, FRISE_LANG_EN, "by late 2024" },
	{ "2025", "BEFORE", FRISE_STATUS_PLANNED, FRISE_LANG_FR, "avant 2025" },
	{ "2025", "", FRISE_STATUS_PLANNED, FRISE_LANG_FR, "2025 (prévu)" },
	{ "2024-03", "", FRISE_STATUS_UNCERTAIN, FRISE_LANG_FR, "mars 2024 (non confirmé)" },
	{ "2024-03", "", FRISE_STATUS_UNCERTAIN, FRISE_LANG_EN, "March 2024 (unconfirmed)" },
};

static void
test_timelinejs_display(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(tl_cases); i++) {
		FriseTimeline *t = one_event(tl_cases[i].value, tl_cases[i].mod, false, tl_cases[i].status);
		char *text = render("timelinejs", t, tl_cases[i].lang);
		cJSON *doc = cJSON_Parse(text);
		cJSON *ev = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "events"), 0);
		g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(ev, "display_date")), ==, tl_cases[i].display);
		g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(ev, "group")), ==,
				tl_cases[i].lang == FRISE_LANG_FR ? "Fuite" : "Leak");
		cJSON_Delete(doc);
		g_free(text);
		event_timeline_free(t);
	}
}

/* ---- JSON: one stable order whatever order the events come in ---- */

static void
test_json_order(void)
{
	static const char *const values[] = { "2024-03-02", "2024", "XXXX-01-01", "2024-03", "2023-12-31",
					      "2024-03-02", "2024-Q1" };
	static const char *const expect[] = { "4", "1", "6", "3", "0", "5", "2" };
	FriseTimeline *t = one_event(values[0], "", false, FRISE_STATUS_HAPPENED);
	g_free(((FriseEvent *)g_ptr_array_index(t->events, 0))->id);
	((FriseEvent *)g_ptr_array_index(t->events, 0))->id = g_strdup("0");
	for (size_t i = 1; i < G_N_ELEMENTS(values); i++) {
		FriseTimeline *o = one_event(values[i], "", false, FRISE_STATUS_HAPPENED);
		FriseEvent *e = g_ptr_array_steal_index(o->events, 0);
		g_free(e->id);
		e->id = g_strdup_printf("%zu", i);
		g_ptr_array_add(t->events, e);
		event_timeline_free(o);
	}
	char *text = render("json", t, FRISE_LANG_UNKNOWN);
	cJSON *doc = cJSON_Parse(text);
	cJSON *events = cJSON_GetObjectItem(doc, "events");
	g_assert_cmpint(cJSON_GetArraySize(events), ==, G_N_ELEMENTS(expect));
	/* 2023-12-31, 2024, 2024-Q1, 2024-03, 2024-03-02 (ids 0 then 5), XXXX last */
	for (int i = 0; i < cJSON_GetArraySize(events); i++)
		g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(events, i), "id")), ==,
				expect[i]);
	cJSON *unknown = cJSON_GetObjectItem(cJSON_GetArrayItem(events, 6), "date");
	g_assert_true(cJSON_IsNull(cJSON_GetObjectItem(unknown, "start")));
	cJSON_Delete(doc);
	g_free(text);
	event_timeline_free(t);
}

/* ---- the page: slots filled once, data cannot break out ---- */

static int
count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static void
test_html_slots(void)
{
	FriseTimeline *t = one_event("2024-02", "", false, FRISE_STATUS_HAPPENED);
	g_free(t->title);
	t->title = g_strdup("{{data}} </script><script>alert(1)</script> <!--{{csp}}-->");
	FriseEvent *e = g_ptr_array_index(t->events, 0);
	g_free(e->text);
	e->text = g_strdup("</SCRIPT><!-- {{title}} & \u2028");
	char *page = render("html", t, FRISE_LANG_EN);
	char *lower = g_ascii_strdown(page, -1);
	g_assert_cmpint(count(lower, "<script"), ==, 3); /* words, data, code */
	g_assert_cmpint(count(lower, "</script"), ==, 3);
	g_assert_cmpint(count(page, "Content-Security-Policy\" content="), ==, 1);
	g_assert_nonnull(strstr(page, "<html lang=\"en\">"));
	/* The title, escaped, where the template puts it, and not expanded. */
	g_assert_nonnull(strstr(page, "<title>{{data}} &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; "
				      "&lt;!--{{csp}}--&gt;</title>"));
	/* The data block is timeline.json, once. */
	const char *open = strstr(page, "<script type=\"application/json\" id=\"frise-data\">");
	g_assert_nonnull(open);
	open = strchr(open, '>') + 1;
	char *block = g_strndup(open, (gsize)(strstr(open, "</script>") - open));
	g_assert_null(strpbrk(block, "<>&"));
	cJSON *doc = cJSON_Parse(block);
	g_assert_nonnull(doc);
	cJSON *ev = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "events"), 0);
	g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(ev, "text")), ==, "</SCRIPT><!-- {{title}} & \u2028");
	cJSON_Delete(doc);
	g_free(block);
	g_free(lower);
	g_free(page);
	event_timeline_free(t);
}

/* An empty timeline is still a valid file in every format. */
static void
test_empty(void)
{
	FriseTimeline *t = event_timeline_new();
	static const char *const formats[] = { "ics", "json", "timelinejs", "html" };
	for (size_t i = 0; i < G_N_ELEMENTS(formats); i++) {
		char *text = render(formats[i], t, FRISE_LANG_UNKNOWN);
		g_assert_cmpuint(strlen(text), >, 0);
		if (strcmp(formats[i], "ics") == 0) {
			icalcomponent *cal = icalparser_parse_string(text);
			g_assert_cmpint(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), ==, 0);
			icalcomponent_free(cal);
		} else if (strcmp(formats[i], "html") != 0) {
			cJSON *doc = cJSON_Parse(text);
			g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "events")), ==, 0);
			cJSON_Delete(doc);
		}
		g_free(text);
	}
	event_timeline_free(t);
}

/* The whole fixture: every format renders; the calendar holds the events
 * whose year is known and the JSON all of them. */
static void
test_fixture(void)
{
	FriseTimeline *t = fixture_timeline(false);
	char *ics = render("ics", t, FRISE_LANG_UNKNOWN);
	icalcomponent *cal = icalparser_parse_string(ics);
	g_assert_cmpint(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), ==, fixture_anchored_count());
	icalcomponent_free(cal);
	char *json = render("json", t, FRISE_LANG_UNKNOWN);
	cJSON *doc = cJSON_Parse(json);
	g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "events")), ==, t->events->len);
	cJSON_Delete(doc);
	char *page = render("html", t, FRISE_LANG_UNKNOWN);
	for (const char *const *h = fixture_hostile; *h != NULL; h++)
		if (strpbrk(*h, "<>&") != NULL)
			g_assert_null(strstr(strstr(page, "id=\"frise-data\""), *h));
	g_free(ics);
	g_free(json);
	g_free(page);
	event_timeline_free(t);
}

/* One rule places a bounded date (date_placed()): the calendar, frise's
 * JSON and TimelineJS put "avant 2025" on 2024-12-31 and "après 2024" on
 * 2025-01-01, and "depuis mars 2024" on 2024-03-01. */
static const struct {
	const char *value, *mod, *ics, *json;
	int year, month, day; /* TimelineJS start_date */
} bound_cases[] = {
	{ "2025", "BEFORE", "DTSTART;VALUE=DATE:20241231", "\"start\":\t\"2024-12-31\"", 2024, 12, 31 },
	{ "2024", "AFTER", "DTSTART;VALUE=DATE:20250101", "\"start\":\t\"2025-01-01\"", 2025, 1, 1 },
	{ "2024-03", "ON_OR_AFTER", "DTSTART;VALUE=DATE:20240301", "\"start\":\t\"2024-03-01\"", 2024, 3, 1 },
	{ "2024-03", "ON_OR_BEFORE", "DTSTART;VALUE=DATE:20240331", "\"start\":\t\"2024-03-31\"", 2024, 3, 31 },
};

static void
test_bounds(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(bound_cases); i++) {
		g_test_message("case %zu: %s %s", i, bound_cases[i].value, bound_cases[i].mod);
		FriseTimeline *t = one_event(bound_cases[i].value, bound_cases[i].mod, false, FRISE_STATUS_HAPPENED);
		char *ics = render("ics", t, FRISE_LANG_FR);
		char *json = render("json", t, FRISE_LANG_FR);
		char *tl = render("timelinejs", t, FRISE_LANG_FR);
		g_assert_nonnull(strstr(ics, bound_cases[i].ics));
		g_assert_nonnull(strstr(json, bound_cases[i].json));
		cJSON *root = cJSON_Parse(tl);
		cJSON *start = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "events"), 0), "start_date");
		g_assert_cmpint((int)cJSON_GetNumberValue(cJSON_GetObjectItem(start, "year")), ==, bound_cases[i].year);
		g_assert_cmpint((int)cJSON_GetNumberValue(cJSON_GetObjectItem(start, "month")), ==, bound_cases[i].month);
		g_assert_cmpint((int)cJSON_GetNumberValue(cJSON_GetObjectItem(start, "day")), ==, bound_cases[i].day);
		cJSON_Delete(root);
		g_free(ics);
		g_free(json);
		g_free(tl);
		event_timeline_free(t);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/render/ics/spans", test_ics_spans);
	g_test_add_func("/render/ics/status-and-stamp", test_ics_status_and_stamp);
	g_test_add_func("/render/ics/text", test_ics_text);
	g_test_add_func("/render/hostile-url", test_hostile_url);
	g_test_add_func("/render/ics/rfc", test_ics_rfc);
	g_test_add_func("/render/timelinejs/display", test_timelinejs_display);
	g_test_add_func("/render/timelinejs/escaped", test_timelinejs_escaped);
	g_test_add_func("/render/json/order", test_json_order);
	g_test_add_func("/render/bounds", test_bounds);
	g_test_add_func("/render/html/slots", test_html_slots);
	g_test_add_func("/render/empty", test_empty);
	g_test_add_func("/render/fixture", test_fixture);
	return g_test_run();
}
