/*
 * story.h — what the articles of a store tell together, beyond their
 * events (prefix story_): the timeline's own title.
 */
#ifndef FRISE_EVENTS_STORY_H
#define FRISE_EVENTS_STORY_H

#include "events/candidate.h"

/*
 * The title of the story `docs` tell: the most representative of their
 * titles, the one nearest the centroid of all of them. Each title is the
 * set of its content words (sim_words: folded, no stop words nor numbers);
 * a word weighs the number of other titles that have it; a title scores
 * the sum of its words' weights over the square root of its number of
 * words (the cosine with the centroid, up to a constant). Titles that are
 * a paragraph's first sentence (longer than STORY_TITLE_MAX bytes, or cut
 * with "…") and titles that are only the article's id compete only when
 * no other is left; ties go to the earlier article. With one article, its
 * title. Returns a new string (g_free), or NULL when there is no title.
 */
char *story_title(const FriseDoc *docs, size_t n);

#define STORY_TITLE_MAX 120

#endif
