/*
 * candidate.h — documents as the event stage sees them, and their
 * candidates: dated sentences that may report an event (prefixes
 * candidate_, candidates_).
 *
 * Offsets are byte offsets into FriseDoc.text, end exclusive, unless
 * named raw_*, which are byte offsets into the article's original bytes
 * (see article.h).
 */
#ifndef FRISE_EVENTS_CANDIDATE_H
#define FRISE_EVENTS_CANDIDATE_H

#include "core/text.h"
#include "events/templates.h"
#include "frise/timex.h"

/* One article as the event stage sees it; every pointer is borrowed. */
typedef struct {
	const char *id;          /* FriseArticle.identity: what the store keys it by */
	const char *title;
	const char *url;         /* or NULL */
	const char *text;        /* FriseArticle.text */
	size_t len;
	FriseLang lang;
	const char *published;   /* the article's own date, or NULL when undated */
	const char *dct;         /* the date its mentions were resolved against, or NULL */
	const GArray *sentences; /* FriseSentence, in order */
	const GArray *timexes;   /* FriseTimex in `text`, in order */
	const char *name;        /* FriseArticle.id, what listings show; NULL: `id`.
				    Mention keys hash it, not `id`: an article's
				    keys, so event ids, do not depend on where its
				    file is (pipeline/identity.c makes them unique) */
} FriseDoc;

/* A dated sentence that may report an event. */
typedef struct {
	guint doc;             /* index of its FriseDoc */
	guint sentence;        /* index into the doc's sentences */
	FriseTimex timex;      /* copy; explain is NULL */
	char key[17];          /* stable mention key: hex of a hash of article name,
				  sentence text, the expression's text and its
				  repeat count in that sentence */
	char *type;            /* template id */
	bool generic_type;     /* templates_is_generic(): merges by words only */
	char *title;           /* headline */
	bool weak_title;       /* no clause of it tells a happening: the sentence stripped of
				  its date, not a clause's headline, or a remark (a state, a
				  view, a negation, a quotation: candidate.c); another member
				  of its event should tell it, and alone it weighs less */
	bool since;            /* the start of a period its sentence's happening runs in */
	FriseStatus status;
	double position;       /* where the sentence starts in the article body, 0..1 */
	GPtrArray *words;      /* content words (sim_words), plus the lead's context */
	char *quote;           /* its sentence's text, so that the merge needs no article text */
	char *after;           /* the sentence after it in its article, the event's text goes
				  on with; "" when none, in boilerplate, or dated (its own) */
	size_t raw_start, raw_end; /* its sentence in the article's raw bytes */
} FriseCandidate;

void candidate_free(FriseCandidate *candidate);

/* The candidates of docs[index]: one per DATE/TIME expression outside
 * boilerplate that is not a duration, a set, PRESENT_REF/PAST_REF/
 * FUTURE_REF or an age; with `anchored_only`, only those whose value has a
 * known year. Returns a new array (g_ptr_array_unref frees the elements). */
GPtrArray *candidates_find(const FriseDoc *docs, guint index, const FriseTemplates *templates,
			   bool anchored_only);
/* candidates_find() of each doc, on the machine's cores: [i] holds the
 * candidates of docs[i] (none when `dated_only` and docs[i] is undated).
 * An array of ndocs owned arrays: free it with candidates_each_free(). */
GPtrArray **candidates_find_each(const FriseDoc *docs, guint ndocs, const FriseTemplates *templates,
				 bool anchored_only, bool dated_only);
void candidates_each_free(GPtrArray **each, guint ndocs);
/* The candidates of docs[0], docs[1], … docs[ndocs - 1], in that order. */
GPtrArray *candidates_find_all(const FriseDoc *docs, guint ndocs, const FriseTemplates *templates,
			       bool anchored_only);

#endif
