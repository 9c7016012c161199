/*
 * merge.h — candidates of many articles merged into events (prefix
 * merge_).
 */
#ifndef FRISE_EVENTS_MERGE_H
#define FRISE_EVENTS_MERGE_H

#include "events/candidate.h"

/*
 * Merges `candidates` (FriseCandidate*, any order) of `docs` into events:
 * compatible dates (equal, or one contains the other, mods applied) and
 * the same story (same type across articles with a shared content word,
 * or a TF-IDF cosine of content words of at least 0.3; within one article
 * only the cosine counts). The same story told by two articles with day
 * dates at most a week apart (same type, cosine >= 0.5) is one event with
 * `conflict` set. The merged date is the finest a source gives; salience.c
 * scores and ranks it (score, rank, why) and each source says why it
 * joined (FriseSource.why). `overrides` (FriseOverride, may be NULL) are applied. An
 * event's id is the key of its first mention in doc order, so adding
 * articles never changes the ids of existing events.
 * Fills id, value, mod, is_time, title, text, type, status, score, rank,
 * why, conflict, edited, hidden, sources and keys; sequence/created/
 * modified are left 0 for the store. `docs` holds `ndocs` documents; their
 * texts are not read (each candidate carries its sentence, `quote`).
 * The merge takes what it no longer needs of each candidate, so that a
 * big corpus is merged in less memory: afterwards the candidates' words,
 * titles and quotes are NULL (candidate_free() them as usual).
 * Returns a new array of FriseEvent*, in date order (g_ptr_array_unref).
 */
GPtrArray *merge_candidates(const FriseDoc *docs, guint ndocs, GPtrArray *candidates, const GArray *overrides);

#endif
