/*
 * ics.c — the timeline as an iCalendar file (RFC 5545), built with libical,
 * which escapes TEXT values (commas, semicolons, newlines) and folds long
 * lines — except the two properties libical 3.0 leaves unescaped,
 * CATEGORIES and X-WR-CALNAME, which append_text_line() writes per the
 * RFC. No METHOD: it is iTIP's (RFC 5546), not a calendar file's.
 *
 * Exports ics_render() (render.h). One VEVENT per visible event whose date
 * is anchored; an event whose year is unknown ("XXXX-03-24") or that is not
 * a calendar date at all is left out, and a note saying so goes to stderr.
 *
 * Invariants:
 * - UID is "<event id>@frise": the event's stable key, so a second render
 *   (or a re-import after an edit) updates the same calendar entry.
 * - Dates are all-day (VALUE=DATE) and DTEND is exclusive and always
 *   written: "2024-02-15" -> DTSTART 20240215, DTEND 20240216; "2024-02"
 *   -> 20240201 .. 20240301; "2024" -> 20240101 .. 20250101; weeks,
 *   quarters and seasons -> their span. Where a mod puts it is
 *   date_placed()'s rule, the one every renderer follows: START/MID/END
 *   narrow the span and the description says so; a bound (BEFORE, AFTER,
 *   ON_OR_…) is a one-day marker on the side we know ("avant 2025" on
 *   2024-12-31), since a calendar cannot show "before 2025" as a span.
 * - A TIME value ("2024-02-15T14:00") is a floating DATE-TIME (the article
 *   gave no zone) lasting one hour.
 * - URL is the first source's http(s) URL, through frise_url_web() (no
 *   control character, space or quote can reach the line); other schemes
 *   are not links.
 * - DTSTAMP is frise_now() in UTC; SEQUENCE and LAST-MODIFIED are the
 *   event's own `sequence` and `modified`, so they change only when the
 *   event's content does.
 */
#include "frise/render.h"
#include "frise/date.h"
#include "core/lang.h"

#include <libical/ical.h>
#include <stdio.h>
#include <string.h>


/*
 * A copy of `s` fit for an iCalendar TEXT value: valid UTF-8, CR LF and
 * lone CR turned into LF (libical writes LF as "\n"), and other control
 * characters, which RFC 5545 forbids in TEXT, turned into spaces. Written
 * by hand: no library call does exactly this. g_free() the result.
 */
static char *
ical_text(const char *s)
{
	char *valid = g_utf8_make_valid(s != NULL ? s : "", -1);
	GString *out = g_string_sized_new(strlen(valid));
	for (const char *p = valid; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\r') {
			g_string_append_c(out, '\n');
			if (p[1] == '\n')
				p++;
		} else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			g_string_append_c(out, ' ');
		else
			g_string_append_c(out, (char)c);
	}
	g_free(valid);
	return g_string_free(out, FALSE);
}

static struct icaltimetype
ical_date(const GDate *d)
{
	struct icaltimetype t = icaltime_null_date();
	t.year = g_date_get_year(d);
	t.month = g_date_get_month(d);
	t.day = g_date_get_day(d);
	return t;
}

static struct icaltimetype
ical_utc(gint64 unix_seconds)
{
	return icaltime_from_timet_with_zone((time_t)unix_seconds, 0, icaltimezone_get_utc_timezone());
}

/*
 * The clock time of a TIME value as a floating DATE-TIME: "2024-02-15T14"
 * and "2024-02-15T14:05[:30]" are read; "2024-02-15TEV" (part of day) is
 * not a clock time. Returns false when `value` has no clock time.
 */
static bool
ical_clock(const char *value, struct icaltimetype *t)
{
	FriseDateParts p;
	if (!date_parse(value, &p) || !p.anchored || p.gran < FRISE_GRAN_HOUR || p.hour > 23)
		return false;
	*t = icaltime_null_time();
	t->year = p.year;
	t->month = p.month;
	t->day = p.day;
	t->hour = p.hour;
	t->minute = p.minute;
	t->second = p.second > 59 ? 59 : p.second;
	return true;
}

/* The DESCRIPTION: the text, the date as a reader says it (with what the
 * calendar made of a mod), the status, then the sources. */
static char *
describe(const FriseEvent *e, FriseLang lang)
{
	GString *d = g_string_new(e->text != NULL && *e->text != '\0' ? e->text : e->title);
	char *when = date_display(e->value, e->mod, lang, false);
	g_string_append_printf(d, "\n\n%s %s", lang_string(lang, "ics.date"), when);
	g_free(when);
	FriseMod mod = date_mod_parse(e->mod);
	if (date_mod_kind(mod) == FRISE_MOD_KIND_NARROW)
		g_string_append_printf(d, " %s", lang_string(lang, "ics.approx"));
	else if (mod == FRISE_MOD_BEFORE)
		g_string_append_printf(d, " %s", lang_string(lang, "ics.before"));
	else if (mod == FRISE_MOD_AFTER)
		g_string_append_printf(d, " %s", lang_string(lang, "ics.after"));
	else if (mod == FRISE_MOD_ON_OR_AFTER)
		g_string_append_printf(d, " %s", lang_string(lang, "ics.on-or-after"));
	else if (mod == FRISE_MOD_ON_OR_BEFORE)
		g_string_append_printf(d, " %s", lang_string(lang, "ics.on-or-before"));
	if (e->status == FRISE_STATUS_PLANNED)
		g_string_append_printf(d, "\n%s", lang_string(lang, "ics.planned"));
	else if (e->status == FRISE_STATUS_UNCERTAIN)
		g_string_append_printf(d, "\n%s", lang_string(lang, "ics.uncertain"));
	if (e->conflict)
		g_string_append_printf(d, "\n%s", lang_string(lang, "ics.conflict"));
	if (e->sources != NULL && e->sources->len > 0)
		g_string_append_printf(d, "\n\n%s", lang_string(lang, "ics.sources"));
	for (guint i = 0; e->sources != NULL && i < e->sources->len; i++) {
		const FriseSource *s = g_ptr_array_index(e->sources, i);
		g_string_append_printf(d, "\n- %s", s->title != NULL && *s->title != '\0' ? s->title : s->article);
		if (s->published != NULL) {
			char *pub = date_display(s->published, "", lang, false);
			g_string_append_printf(d, ", %s", pub);
			g_free(pub);
		}
		if (e->conflict && s->value != NULL) {
			char *given = date_display(s->value, s->mod, lang, false);
			g_string_append_printf(d, " (%s %s)", lang_string(lang, "ics.gives"), given);
			g_free(given);
		}
		char *url = frise_url_web(s->url);
		if (url != NULL)
			g_string_append_printf(d, "\n  %s", url);
		g_free(url);
	}
	return g_string_free(d, FALSE);
}

/*
 * Appends the content line NAME:VALUE for a TEXT value that libical 3.0
 * writes unescaped: it leaves ',' and ';' raw in CATEGORIES (it takes a
 * comma for the list separator, so "Procès, plainte" became two
 * categories in every client) and in X- properties (X-WR-CALNAME). Written
 * here per RFC 5545: §3.3.11 escapes ('\\' '\;' '\,' '\n'), §3.1 folds
 * at 75 octets (CRLF and a space; never inside a UTF-8 sequence). `text`
 * is cleaned with ical_text() first.
 */
static void
append_text_line(GString *out, const char *name, const char *text)
{
	char *clean = ical_text(text);
	GString *line = g_string_new(name);
	g_string_append_c(line, ':');
	for (const char *p = clean; *p != '\0'; p++) {
		if (*p == '\\' || *p == ';' || *p == ',')
			g_string_append_c(line, '\\');
		if (*p == '\n')
			g_string_append(line, "\\n");
		else
			g_string_append_c(line, *p);
	}
	g_free(clean);
	size_t col = 0;
	for (size_t i = 0; i < line->len; i++) {
		unsigned char c = (unsigned char)line->str[i];
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; /* valid UTF-8: ical_text() */
		if (col + n > 75) {
			g_string_append(out, "\r\n ");
			col = 1;
		}
		g_string_append_len(out, line->str + i, (gssize)MIN(n, line->len - i));
		col += n;
		i += n - 1;
	}
	g_string_append(out, "\r\n");
	g_string_free(line, TRUE);
}

/* Adds a TEXT property made by `make` from a cleaned copy of `text`. */
static void
add_text(icalcomponent *c, icalproperty *(*make)(const char *), const char *text)
{
	char *clean = ical_text(text);
	icalcomponent_add_property(c, make(clean));
	g_free(clean);
}

/* The [start, end) the calendar shows for `e`, end exclusive; false when
 * the event has no place in a calendar. */
static bool
event_days(const FriseEvent *e, GDate *start, GDate *end)
{
	return date_placed(e->value, e->mod, start, end);
}

/* The VEVENT of `e` but its CATEGORIES, which vevent_text() adds. */
static icalcomponent *
vevent(const FriseEvent *e, FriseLang lang, struct icaltimetype stamp, const GDate *start, const GDate *end)
{
	icalcomponent *v = icalcomponent_new_vevent();
	char *uid = g_strdup_printf("%s@frise", e->id);
	icalcomponent_add_property(v, icalproperty_new_uid(uid));
	g_free(uid);
	icalcomponent_add_property(v, icalproperty_new_dtstamp(stamp));

	struct icaltimetype clock;
	if (e->is_time && ical_clock(e->value, &clock)) {
		struct icaltimetype until = clock;
		icaltime_adjust(&until, 0, 1, 0, 0);
		icalcomponent_add_property(v, icalproperty_new_dtstart(clock));
		icalcomponent_add_property(v, icalproperty_new_dtend(until));
	} else {
		icalproperty *p = icalproperty_new_dtstart(ical_date(start));
		icalproperty_add_parameter(p, icalparameter_new_value(ICAL_VALUE_DATE));
		icalcomponent_add_property(v, p);
		p = icalproperty_new_dtend(ical_date(end));
		icalproperty_add_parameter(p, icalparameter_new_value(ICAL_VALUE_DATE));
		icalcomponent_add_property(v, p);
	}

	add_text(v, icalproperty_new_summary, e->title);
	char *description = describe(e, lang);
	add_text(v, icalproperty_new_description, description);
	g_free(description);
	for (guint i = 0; e->sources != NULL && i < e->sources->len; i++) {
		const FriseSource *s = g_ptr_array_index(e->sources, i);
		/* libical writes a URI value as it is: frise_url_web() makes
		 * it one token with no line break nor quote (a store written
		 * before the reader checked links may hold anything) */
		char *url = frise_url_web(s->url);
		if (url != NULL) {
			icalcomponent_add_property(v, icalproperty_new_url(url));
			g_free(url);
			break;
		}
	}
	icalcomponent_add_property(v, icalproperty_new_status(
		e->status == FRISE_STATUS_HAPPENED ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_TENTATIVE));
	icalcomponent_add_property(v, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	icalcomponent_add_property(v, icalproperty_new_sequence(MAX(e->sequence, 0)));
	if (e->created > 0)
		icalcomponent_add_property(v, icalproperty_new_created(ical_utc(e->created)));
	if (e->modified > 0)
		icalcomponent_add_property(v, icalproperty_new_lastmodified(ical_utc(e->modified)));
	return v;
}

bool
ics_render(const FriseTimeline *timeline, const FriseRenderOptions *opts, GString *out, GError **error)
{
	FriseLang lang = lang_or_english(opts != NULL && opts->lang != FRISE_LANG_UNKNOWN ? opts->lang : timeline->lang);
	const char *title = opts != NULL && opts->title != NULL ? opts->title : timeline->title;
	if (title == NULL || *title == '\0')
		title = lang_string(lang, "ics.calname");

	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//frise//frise " FRISE_VERSION_STRING "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	/* No METHOD: METHOD:PUBLISH is iTIP (RFC 5546), which then wants an
	 * ORGANIZER in every VEVENT (libical's restriction check fails
	 * without); a calendar file to import or subscribe to needs neither. */
	add_text(cal, icalproperty_new_name, title);

	GDateTime *now = frise_now();
	struct icaltimetype stamp = ical_utc(g_date_time_to_unix(now));
	g_date_time_unref(now);

	/* libical writes a component as BEGIN, its properties, each
	 * subcomponent's own text, END. So the calendar is written in three
	 * parts: its text without events up to END:VCALENDAR, each VEVENT's
	 * text made and freed in turn, then END:VCALENDAR. The bytes are those
	 * of the whole calendar printed at once, without holding 33,000
	 * events' components (the largest memory of a build's outputs). */
	char *head = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	static const char end_cal[] = "END:VCALENDAR\r\n";
	if (head == NULL || !g_str_has_suffix(head, end_cal)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL,
			    "ics: libical could not write the calendar: %s", icalerror_strerror(icalerrno));
		free(head);
		return false;
	}
	gsize from = out->len;
	g_string_append_len(out, head, (gssize)(strlen(head) - strlen(end_cal)));
	free(head);
	/* the name most clients show; VALUE=TEXT says it is escaped text,
	 * which ical.js otherwise takes an X- property's value not to be */
	append_text_line(out, "X-WR-CALNAME;VALUE=TEXT", title);
	for (guint i = 0; i < timeline->events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(timeline->events, i);
		GDate start, end;
		g_date_clear(&start, 1);
		g_date_clear(&end, 1);
		if (!event_days(e, &start, &end)) {
			/* a note, through GLib: the command prints it with the
			 * title's controls made visible (cli.c) */
			g_message("ics: event %s (\"%s\") left out of the calendar: its date %s%s%s %s",
				e->id, e->title, e->value,
				e->mod != NULL && *e->mod != '\0' ? " " : "", e->mod != NULL ? e->mod : "",
				g_str_has_prefix(e->value, "X") ? "has no known year" : "is not a calendar date");
			continue;
		}
		icalcomponent *v = vevent(e, lang, stamp, &start, &end);
		char *text = icalcomponent_as_ical_string_r(v);
		icalcomponent_free(v);
		static const char end_event[] = "END:VEVENT\r\n";
		if (text == NULL || !g_str_has_suffix(text, end_event)) {
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL,
				    "ics: libical could not write event %s: %s", e->id, icalerror_strerror(icalerrno));
			free(text);
			g_string_truncate(out, from);
			return false;
		}
		g_string_append_len(out, text, (gssize)(strlen(text) - strlen(end_event)));
		free(text);
		const FriseEventType *type = event_timeline_type(timeline, e->type);
		const char *category = type != NULL && type->label[lang] != NULL ? type->label[lang] : e->type;
		if (category != NULL && *category != '\0')
			append_text_line(out, "CATEGORIES", category);
		g_string_append(out, end_event);
	}
	g_string_append(out, end_cal);
	return true;
}
