/*
 * event.h — events and the timeline (prefix event_): what the event stage
 * makes from tagged articles, what the store keeps, and all the renderers
 * read. A renderer sees only a FriseTimeline, never an article's file.
 *
 * Every string here is UTF-8 and owned by the struct holding it; the
 * *_free functions free all of it. Dates are FriseDate-style TIMEX3 values
 * (see date.h); quote offsets are byte offsets into the article's original
 * bytes, end exclusive.
 *
 * A timeline comes from pipeline_timeline() (pipeline.h), or a program
 * builds its own for the renderers: event_timeline_new(), then events,
 * types and articles added with g_strdup()'d strings (the arrays free their
 * elements with the *_free functions below).
 * Threads: these are plain data; nothing in the library changes a
 * timeline it was given, so threads may read (and render) one at once.
 */
#ifndef FRISE_EVENT_H
#define FRISE_EVENT_H

#include "frise/frise.h"

G_BEGIN_DECLS

/* ORDER STATUS: event_status_name() follows it. */
typedef enum {
	FRISE_STATUS_HAPPENED = 0,
	FRISE_STATUS_PLANNED,    /* future tense, "devrait", "will", "d'ici" */
	FRISE_STATUS_UNCERTAIN   /* reported as rumour or hedge */
} FriseStatus;

/* "happened", "planned", "uncertain"; static storage. */
const char *event_status_name(FriseStatus status);

/* An event type from templates/ (reveal, launch, leak, lawsuit, …). */
typedef struct {
	char *id;        /* "leak" */
	char *label[FRISE_LANG_COUNT]; /* indexed by FriseLang; [UNKNOWN] = the English one */
	char *colour;    /* "#rrggbb" */
} FriseEventType;

/* What one article says of an event. */
typedef struct {
	char *article;   /* FriseArticle.id */
	char *title;     /* the article's title */
	char *url;       /* or NULL */
	char *published; /* TIMEX3 value, or NULL */
	char *quote;     /* the sentence the event came from */
	size_t start, end; /* the quote's bytes in the article's raw text, end exclusive */
	char *value;     /* the date this article gives it (may differ: conflicts) */
	char *mod;       /* "" or a TIMEX3 mod */
	char *why;       /* why it joined the event ("the first mention", "cosine 0.42
			    with mention …, same type"), or NULL */
} FriseSource;

typedef struct {
	char *id;        /* stable key, 16 lowercase hex digits; same across runs */
	char *value;     /* the merged date: the most precise the sources support */
	char *mod;       /* "" or START, END, BEFORE, APPROX, … */
	bool is_time;    /* a TIME value (has a clock time) */
	char *title;     /* headline, <= ~90 characters */
	char *text;      /* the full sentence */
	char *type;      /* FriseEventType.id */
	FriseStatus status;
	double score;    /* salience, higher is more important; >= 0 */
	double rank;     /* score as the timeline's top N ranks it: the n-th visible event
			    of one day counts score / (1 + (n - 1) / 4) */
	char *why;       /* each factor of the score and its value, or NULL */
	bool conflict;   /* the sources disagree on the date */
	bool edited;     /* a user override applies */
	int sequence;    /* bumped each time the content changes (iCalendar SEQUENCE) */
	gint64 created;  /* Unix seconds, UTC: first seen */
	gint64 modified; /* Unix seconds, UTC: content last changed */
	GPtrArray *sources; /* FriseSource*, owned; at least one */
	bool hidden;     /* the user hid it (only with FriseTimelineQuery.with_hidden) */
	GPtrArray *keys; /* char*, owned, or NULL: the stable mention key of each
			    source, same order (what `frise events merge/split` name) */
} FriseEvent;

/* An article as the renderers see it (no text). */
typedef struct {
	char *id;
	char *title;
	char *url;       /* or NULL */
	char *published; /* TIMEX3 value or NULL */
	char *origin;    /* article_origin_name() of where `published` came from */
	char *source;    /* the publication's name from the metadata, or NULL */
	FriseLang lang;
} FriseArticleInfo;

typedef struct {
	char *title;          /* the story's title (given, or made from the events) */
	GPtrArray *events;    /* FriseEvent*, visible ones only, in date order */
	GPtrArray *articles;  /* FriseArticleInfo*, in the order of their identities
				 (FriseArticle.identity, bytewise), whatever order they came in */
	GPtrArray *types;     /* FriseEventType*: every type an event uses, at least */
	FriseLang lang;       /* the articles' main language */
} FriseTimeline;

/* The type with that id in `timeline->types`, or NULL. */
const FriseEventType *event_timeline_type(const FriseTimeline *timeline, const char *id);

void event_source_free(FriseSource *source);
void event_free(FriseEvent *event);
void event_type_free(FriseEventType *type);
void event_article_info_free(FriseArticleInfo *info);
/* A new, empty timeline whose arrays free their elements. */
FriseTimeline *event_timeline_new(void);
void event_timeline_free(FriseTimeline *timeline);

/*
 * Stamps every event of `timeline` from its sources' publication dates
 * instead of the store's clock: `created` is the first day (00:00 UTC) of
 * the earliest source's date, `modified` that of the latest, `sequence`
 * the number of sources after the first; 0, 0, 0 when no source is dated.
 * For a timeline from a store made for one run (`frise build` without
 * --store), whose "first seen" is always now: the same articles then give
 * the same SEQUENCE, CREATED and LAST-MODIFIED on every run, and an
 * article adding a source moves them forward.
 *   sources published 2024-03 and 2024-11-26 -> created 2024-03-01T00:00Z,
 *   modified 2024-11-26T00:00Z, sequence 1
 */
void event_timeline_stamp_from_sources(FriseTimeline *timeline);

/* A user's curation, keyed by an event id or mention key.
 * ORDER KIND: event_override_name() follows it. */
typedef enum {
	FRISE_OVERRIDE_TITLE = 0, /* value: the headline */
	FRISE_OVERRIDE_DATE,      /* value: a TIMEX3 value */
	FRISE_OVERRIDE_TYPE,      /* value: a template id */
	FRISE_OVERRIDE_HIDE,      /* value: unused */
	FRISE_OVERRIDE_MERGE,     /* key and value: two mention keys to put together */
	FRISE_OVERRIDE_SPLIT      /* key: a mention key that must stand alone */
} FriseOverrideKind;

typedef struct {
	FriseOverrideKind kind;
	const char *key;
	const char *value;
} FriseOverride;

/* "title", "date", "type", "hide", "merge", "split"; static storage.
 * event_override_parse() gives -1 for any other name. */
const char *event_override_name(FriseOverrideKind kind);
int event_override_parse(const char *name);

/* Content hash of what a reader sees of `event` (date, title, text, type,
 * status, sources), for bumping FriseEvent.sequence: 16 hex digits.
 * Returns a new string (g_free). */
char *event_digest(const FriseEvent *event);

G_END_DECLS

#endif
