/*
 * estimate.h — publication dates for undated articles (prefix estimate_).
 *
 * An undated article is dated as precisely as the evidence allows — a
 * day, an ISO week, a month or a year — from its own words and from the
 * dated articles of its corpus:
 *   - it was written after every date it reports in the past tense (or as
 *     the start of what goes on: "depuis le 3 mars") and before the dates
 *     it reports in the future: bounds, which the estimate never crosses;
 *   - a story it shares with a dated article dates its words: a weekday
 *     ("Mardi") or a relative date ("la semaine dernière", "hier") that
 *     names an event the other article dates puts it on that day or week;
 *     a story it tells in the present is near the date the other gives it;
 *   - a report is written soon after the latest happening it tells as past;
 *   - the dated articles' own dates give the year when nothing else does.
 * Days are proleptic Gregorian; a value keeps its precision ("2024-W13"
 * is the week of Monday 25 to Sunday 31 March 2024).
 */
#ifndef FRISE_EVENTS_ESTIMATE_H
#define FRISE_EVENTS_ESTIMATE_H

#include "events/candidate.h"
#include "frise/date.h"

/* A publication date estimated for an undated article. */
typedef struct {
	char *value;          /* TIMEX3 day, week ("2024-W13"), month or year value, or NULL: no evidence */
	FriseGranularity precision; /* of `value` */
	char *evidence;       /* sentences saying why, for `frise articles` */
	GHashTable *resolved; /* GUINT_TO_POINTER(timex start) -> char* value: expressions
				 the evidence itself resolves (owned) */
} FriseEstimate;

/*
 * Tags doc->text against the document date `dct` (a TIMEX3 day or year):
 * a new array of FriseTimex (timex_array_free), or NULL. The pipeline
 * passes the tagger this way (the event stage does not link it): the
 * estimate asks what the article's relative expressions ("la semaine
 * dernière" is a week before) and year-less dates become.
 */
typedef GArray *(*EstimateTagFunc)(const FriseDoc *doc, const char *dct, void *data);

/*
 * The candidates estimates compare articles with, made once for a corpus
 * (their words, headlines and vectors): the anchored candidates of the
 * dated docs (`dated`: candidates_find_each(docs, ndocs, templates, true,
 * true)) and, or NULL, those of undated docs already estimated, resolved
 * against their estimates (`estimated`, [j] NULL for the others), which
 * weigh less and count only where their words date them ("le 24 mars",
 * not "mardi", which only the estimate resolved). `reuse`, or NULL, is a
 * pool made before from the same `dated` sets: what it parsed is taken
 * from it. Everything is borrowed and must outlive the pool; free it with
 * estimate_pool_free().
 */
typedef struct EstimatePool EstimatePool;
EstimatePool *estimate_pool_new(const FriseDoc *docs, guint ndocs, GPtrArray *const *dated,
				GPtrArray *const *estimated, const EstimatePool *reuse);
void estimate_pool_free(EstimatePool *pool);

/* What an estimate may use besides the article; members may be NULL. */
typedef struct {
	const EstimatePool *pool; /* NULL: nothing to compare with */
	EstimateTagFunc tag;      /* NULL: relative expressions give no evidence */
	void *tag_data;
} EstimateContext;

/*
 * Estimates the publication date of docs[index] (undated: published ==
 * NULL, its timexes tagged without a document date) from its own words
 * and the other docs, as said at the top. `out` is filled even without
 * evidence (value NULL); free it with estimate_clear(). Estimating every
 * undated article of a corpus costs each one's sentences times the
 * pool's candidates, which the pool holds made once.
 */
void estimate_in(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *templates,
		 const EstimateContext *cx, FriseEstimate *out);
/* estimate_in() with a pool of the dated docs' candidates, found once
 * (candidates_find_each(docs, ndocs, templates, true, true)), and no
 * tagger. */
void estimate_with(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *templates,
		   GPtrArray *const *dated, FriseEstimate *out);
/* estimate_with(), finding the dated docs' candidates itself. */
void estimate_of(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *templates,
		 FriseEstimate *out);
void estimate_clear(FriseEstimate *estimate);

/*
 * The document dates to tag an article with its estimate `value`: the
 * value itself for a day, month or year (returns 1); for a week, which
 * the tagger does not take, its Monday and its Sunday (returns 2), whose
 * two taggings estimate_week_timexes() joins. dcts[k] holds 11 bytes.
 */
int estimate_dcts(const char *value, char dcts[2][11]);
/*
 * One tagging of an article dated to the ISO `week` from its taggings
 * against the week's Monday and Sunday (same text, same expressions):
 * where both give one value the week decides it ("la semaine dernière",
 * "le mois dernier"); where they differ but lie in the week
 * ("aujourd'hui") the value is the week; else ("hier", "mardi") the
 * expression keeps its value from `base`, tagged without a date, or the
 * Monday's when `base` does not have it. Returns a new array
 * (timex_array_free); the explanations are dropped.
 */
GArray *estimate_week_timexes(const GArray *base, const GArray *monday, const GArray *sunday, const char *week);

#endif
