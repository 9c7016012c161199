/*
 * similarity.h — content words, TF-IDF vectors and the same-story test
 * (prefix sim_).
 */
#ifndef FRISE_EVENTS_SIMILARITY_H
#define FRISE_EVENTS_SIMILARITY_H

#include "events/candidate.h"

/* Content words of text[0, len): folded, the stop words of `lang`,
 * numbers and words shorter than 3 letters dropped, in text order, with
 * repeats. Returns a new array of strings (g_ptr_array_unref). */
GPtrArray *sim_words(const char *text, size_t len, FriseLang lang);
/* As sim_words, on the text's tokens (TextToken) already made. */
GPtrArray *sim_words_of(const GArray *toks, FriseLang lang);
/* As sim_words, on a parsed sentence: verbs, nouns and adjectives by
 * their lemma (folded), other words as written (folded). */
#include "core/clause.h"
GPtrArray *sim_words_of_parse(const ClauseParse *parse);

/* A sparse TF-IDF vector: terms sorted by word, so that a cosine is one
 * merge of two sorted arrays. */
typedef struct {
	guint word; /* rank in the SimLexicon */
	double w;
} SimTerm;

typedef struct {
	SimTerm *t; /* owned */
	guint n;
	double norm;
} SimVec;

/* The words of sets of candidates (each candidate a document). */
typedef struct {
	GHashTable *rank; /* word (borrowed from the candidates) -> GUINT_TO_POINTER(rank in strcmp order) */
	guint *df;        /* by rank: how many candidates have the word */
} SimLexicon;

/* The lexicon of `nsets` arrays of FriseCandidate*, which must outlive it;
 * free with sim_lexicon_clear(). */
SimLexicon sim_lexicon_new(GPtrArray *const *sets, size_t nsets);
void sim_lexicon_clear(SimLexicon *lexicon);

/* The vector of candidate c, one of the lexicon's, among `ndocs`
 * candidates: (1 + log tf) * idf. Free with sim_vec_clear(). */
SimVec sim_vec(const FriseCandidate *c, const SimLexicon *lexicon, double ndocs);
void sim_vec_clear(SimVec *v);
/* sim_vec_clear() and g_free() of a heap SimVec: a GDestroyNotify. */
void sim_vec_free(gpointer v);
double sim_cos(const SimVec *a, const SimVec *b);

/* Whether two mentions with cosine `cos` tell one story: a lower bar for
 * two articles giving them the same type (not "other"). */
bool sim_story(bool same_doc, bool same_typed, double cos);
/* sim_story() of two candidates. */
bool sim_same_story(const FriseCandidate *a, const FriseCandidate *b, double cos);

#endif
