/*
 * identity.h — the mention keys a rebuild merges with (prefix identity_;
 * see identity.c): unique across articles, and kept through edits of an
 * article's text, so that event ids (calendar UIDs) and the user's
 * curation, which name them, survive a corrected word or date.
 */
#ifndef FRISE_PIPELINE_IDENTITY_H
#define FRISE_PIPELINE_IDENTITY_H

#include "events/candidate.h"
#include "store/rows.h"

/*
 * Sets the key of each candidate of `sets` (by doc: sets[i] holds doc i's,
 * whose row is seqs[i]; n docs) to the one the merge uses, and stores what
 * it decided (runs inside the caller's transaction):
 *  1. a key that candidates of two articles share (same name, same
 *     sentence) becomes, in each, a hash of it and the article's identity;
 *  2. a key the store aliases (key_aliases) becomes the key it kept;
 *  3. in an article an ingest renewed (store_renewed()), each stored
 *     event source whose key is gone gives its key to the new mention most
 *     like it (identity_match()), greedily, each at most once; the
 *     article's aliases are written again.
 * False with `error` when the store fails.
 */
bool identity_keys(FriseStore *store, const FriseDoc *docs, const gint64 *seqs, guint n, GPtrArray **sets,
		   GError **error);

/* How much new mention `c` looks like stored source `old`: 0 when it may
 * not take its key, else more for more words of their sentences in common
 * (Dice), a closer date and a closer place in the article. */
double identity_match(const StoreOldSource *old, const FriseCandidate *c);

#endif
