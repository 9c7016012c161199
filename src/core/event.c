/*
 * event.c — events and timelines (prefix event_): constructors, lookups
 * and frees of the structs in event.h, the names of statuses and
 * overrides, and an event's content digest.
 */
#include "frise/event.h"
#include "frise/date.h"

#include <string.h>

/* ORDER STATUS */
static const char *const status_names[] = { "happened", "planned", "uncertain" };

const char *
event_status_name(FriseStatus status)
{
	return (unsigned)status < G_N_ELEMENTS(status_names) ? status_names[status] : "happened";
}

const FriseEventType *
event_timeline_type(const FriseTimeline *timeline, const char *id)
{
	if (id == NULL)
		return NULL;
	for (guint i = 0; i < timeline->types->len; i++) {
		const FriseEventType *t = g_ptr_array_index(timeline->types, i);
		if (strcmp(t->id, id) == 0)
			return t;
	}
	return NULL;
}

void
event_source_free(FriseSource *s)
{
	if (s == NULL)
		return;
	g_free(s->article);
	g_free(s->title);
	g_free(s->url);
	g_free(s->published);
	g_free(s->quote);
	g_free(s->value);
	g_free(s->mod);
	g_free(s->why);
	g_free(s);
}

void
event_free(FriseEvent *e)
{
	if (e == NULL)
		return;
	g_free(e->id);
	g_free(e->value);
	g_free(e->mod);
	g_free(e->title);
	g_free(e->text);
	g_free(e->type);
	g_free(e->why);
	if (e->sources != NULL)
		g_ptr_array_unref(e->sources);
	if (e->keys != NULL)
		g_ptr_array_unref(e->keys);
	g_free(e);
}

void
event_type_free(FriseEventType *t)
{
	if (t == NULL)
		return;
	g_free(t->id);
	for (int i = 0; i < FRISE_LANG_COUNT; i++)
		g_free(t->label[i]);
	g_free(t->colour);
	g_free(t);
}

void
event_article_info_free(FriseArticleInfo *a)
{
	if (a == NULL)
		return;
	g_free(a->id);
	g_free(a->title);
	g_free(a->url);
	g_free(a->published);
	g_free(a->origin);
	g_free(a->source);
	g_free(a);
}

FriseTimeline *
event_timeline_new(void)
{
	FriseTimeline *t = g_new0(FriseTimeline, 1);
	t->events = g_ptr_array_new_with_free_func((GDestroyNotify)event_free);
	t->articles = g_ptr_array_new_with_free_func((GDestroyNotify)event_article_info_free);
	t->types = g_ptr_array_new_with_free_func((GDestroyNotify)event_type_free);
	return t;
}

void
event_timeline_free(FriseTimeline *t)
{
	if (t == NULL)
		return;
	g_free(t->title);
	g_ptr_array_unref(t->events);
	g_ptr_array_unref(t->articles);
	g_ptr_array_unref(t->types);
	g_free(t);
}

/* ORDER KIND */
static const char *const override_names[] = { "title", "date", "type", "hide", "merge", "split" };

const char *
event_override_name(FriseOverrideKind kind)
{
	return (unsigned)kind < G_N_ELEMENTS(override_names) ? override_names[kind] : "title";
}

int
event_override_parse(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(override_names); i++)
		if (name != NULL && strcmp(name, override_names[i]) == 0)
			return (int)i;
	return -1;
}

char *
event_digest(const FriseEvent *e)
{
	GString *s = g_string_new(NULL);
	g_string_append_printf(s, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d\x1f%d", e->value, e->mod, e->title,
			       e->text, e->type, (int)e->status, (int)e->hidden);
	for (guint i = 0; i < e->sources->len; i++) {
		FriseSource *src = g_ptr_array_index(e->sources, i);
		g_string_append_printf(s, "\x1e%s\x1f%s\x1f%zu", src->article, src->value, src->start);
	}
	char *h = g_compute_checksum_for_string(G_CHECKSUM_SHA256, s->str, (gssize)s->len);
	g_string_free(s, TRUE);
	h[16] = '\0';
	return h;
}

/* The first day of a TIMEX3 value, as Unix seconds at 00:00 UTC; 0 when
 * it has none. */
static gint64
first_day(const char *value)
{
	GDate start, end;
	g_date_clear(&start, 1);
	g_date_clear(&end, 1);
	if (value == NULL || !date_span(value, NULL, &start, &end))
		return 0;
	return ((gint64)g_date_get_julian(&start) - 719163) * 86400; /* 719163: 1970-01-01 */
}

void
event_timeline_stamp_from_sources(FriseTimeline *timeline)
{
	for (guint i = 0; i < timeline->events->len; i++) {
		FriseEvent *e = g_ptr_array_index(timeline->events, i);
		gint64 first = 0, last = 0;
		for (guint k = 0; e->sources != NULL && k < e->sources->len; k++) {
			gint64 t = first_day(((const FriseSource *)g_ptr_array_index(e->sources, k))->published);
			if (t <= 0)
				continue;
			first = first == 0 ? t : MIN(first, t);
			last = MAX(last, t);
		}
		e->created = first;
		e->modified = last;
		e->sequence = first > 0 && e->sources->len > 1 ? (int)e->sources->len - 1 : 0;
	}
}
