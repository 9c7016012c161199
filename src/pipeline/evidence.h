/*
 * evidence.h — the boilerplate stage's corpus evidence over a store
 * (prefix evidence_), private to the pipeline: which lines of the stored
 * articles are the sites' chrome because many articles hold them
 * (frise/boilerplate.h), kept a function of the stored articles.
 *
 * An ingest judges the articles it reads with the store's counts and its
 * own (evidence_judge()): a first judgment, right when the store already
 * holds the corpus. Each article keeps its line hashes and which were
 * repeated when it was judged (store/rows.h). The rebuild then judges
 * again every article whose repeated lines disagree with the store's
 * whole corpus (evidence_update()), so that the sentences, titles and
 * events are the same whatever the batches, the order of the ingests or
 * where the articles were read (frise extract).
 */
#ifndef FRISE_PIPELINE_EVIDENCE_H
#define FRISE_PIPELINE_EVIDENCE_H

#include "frise/boilerplate.h"
#include "store/rows.h"

/* What the store keeps of an article's lines. */
typedef struct {
	GArray *hashes;        /* its distinct line hashes (boiler_line_hashes) */
	guint8 *repeated;      /* by hash: repeated in the corpus it was judged with */
	bool title_from_body;  /* its title is a line of its body */
} EvidenceLines;

void evidence_lines_free(EvidenceLines *lines);

/* Marks the repeated lines of `articles` (FriseArticle *, their titles
 * too) in the corpus of the store's articles, their stored versions
 * aside, and `articles`: a new array of EvidenceLines *, one per article,
 * or NULL with `error`. Reads the store outside any write transaction. */
GPtrArray *evidence_judge(FriseStore *store, GPtrArray *articles, GError **error);

/* Inside a rebuild's transaction: reads the lines of the articles stored
 * without them (by an older frise, or from records of frise extract),
 * then judges again the articles whose repeated lines changed: their
 * sentences' boilerplate flags and title are rewritten and their
 * candidates dropped, for the rebuild to extract them again. */
bool evidence_update(FriseStore *store, GError **error);

#endif
