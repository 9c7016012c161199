/*
 * identity.c — the mention keys a rebuild merges with (prefix identity_;
 * see identity.h).
 *
 * A mention's key (candidate.c) hashes its article's name, its sentence's
 * bytes, its date's words and their repeat count; an event's id is its
 * first mention's key; the user's merges and splits name mention keys.
 * So an edit of one word of a sentence, or a corrected date, would make
 * a new key, a new event id and a lost curation: here the new mention
 * takes the key of the stored source it replaces, and keeps it (the
 * store's key_aliases) until the article changes again.
 *
 * Only articles an ingest renewed are matched, and only keys no current
 * mention has are given: the keys of a store are a function of its
 * articles and of the edits made to them, never of the order in which the
 * articles came. Offsets are raw bytes into the article as read.
 */
#include "pipeline/identity.h"
#include "frise/date.h"

#include <string.h>

/* A new mention takes a gone one's key when their sentences share at
 * least this share of words (Dice of their sets of words of
 * MATCH_WORD_MIN letters or more), or
 * MATCH_DATED_WORDS with a date at most MATCH_DAYS away and a place close
 * in the article (MATCH_NEAR of position credit). */
#define MATCH_WORDS 0.5
#define MATCH_DATED_WORDS 0.3
#define MATCH_DAYS 31
#define MATCH_NEAR 0.5
/* Position credit halves every this many bytes of distance. */
#define MATCH_BYTES 256.0
/* A new mention is compared with the gone ones at most this many places
 * before and after its own in the article, so that a long article stays
 * linear. */
#define MATCH_WINDOW 16

/* ------------------------------------------------------------------ */
/* Keys unique across articles                                          */

static void
rehash(FriseCandidate *c, const char *identity)
{
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(ck, (const guchar *)c->key, (gssize)strlen(c->key));
	g_checksum_update(ck, (const guchar *)"\x1f", 1);
	g_checksum_update(ck, (const guchar *)identity, (gssize)strlen(identity));
	memcpy(c->key, g_checksum_get_string(ck), 16);
	c->key[16] = '\0';
	g_checksum_free(ck);
}

/* Two articles of one name with a same sentence (a/x.txt and b/x.txt, two
 * versions of a text read from standard input) give that sentence's
 * mentions one key: each takes a hash of it and its article's identity,
 * in both articles alike, so that the result is the same whichever came
 * first. Repeats within one article keep their key (as before). */
static void
unique_keys(const FriseDoc *docs, guint n, GPtrArray **sets)
{
	GHashTable *doc_of = g_hash_table_new(g_str_hash, g_str_equal); /* key -> doc + 1, G_MAXUINT: several */
	for (guint i = 0; i < n; i++)
		for (guint k = 0; k < sets[i]->len; k++) {
			FriseCandidate *c = g_ptr_array_index(sets[i], k);
			guint d = GPOINTER_TO_UINT(g_hash_table_lookup(doc_of, c->key));
			if (d == 0)
				g_hash_table_insert(doc_of, c->key, GUINT_TO_POINTER(i + 1));
			else if (d != i + 1)
				g_hash_table_insert(doc_of, c->key, GUINT_TO_POINTER(G_MAXUINT));
		}
	GPtrArray *shared = g_ptr_array_new();
	for (guint i = 0; i < n; i++)
		for (guint k = 0; k < sets[i]->len; k++) {
			FriseCandidate *c = g_ptr_array_index(sets[i], k);
			if (GPOINTER_TO_UINT(g_hash_table_lookup(doc_of, c->key)) == G_MAXUINT)
				g_ptr_array_add(shared, c);
		}
	g_hash_table_unref(doc_of); /* its keys point into the candidates: rehash after */
	for (guint k = 0; k < shared->len; k++) {
		FriseCandidate *c = g_ptr_array_index(shared, k);
		rehash(c, docs[c->doc].id);
	}
	g_ptr_array_unref(shared);
}

/* ------------------------------------------------------------------ */
/* Matching a renewed article's mentions with its stored sources        */

/* Words shorter than this are left out of a sentence's words: articles,
 * prepositions and day numbers, which any two sentences share. */
#define MATCH_WORD_MIN 4

/* The folded words of `s`, MATCH_WORD_MIN characters or more: a new set. */
static GHashTable *
words_of(const char *s)
{
	GHashTable *w = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	const char *p = s != NULL ? s : "", *start = NULL;
	for (;;) {
		gunichar ch = *p != '\0' ? g_utf8_get_char_validated(p, -1) : 0;
		bool word = ch != 0 && ch != (gunichar)-1 && ch != (gunichar)-2 && g_unichar_isalnum(ch);
		if (word && start == NULL)
			start = p;
		if (!word && start != NULL) {
			if (g_utf8_strlen(start, p - start) >= MATCH_WORD_MIN)
				g_hash_table_add(w, g_utf8_casefold(start, p - start));
			start = NULL;
		}
		if (ch == 0 || ch == (gunichar)-1 || ch == (gunichar)-2)
			break;
		p = g_utf8_next_char(p);
	}
	return w;
}

static double
dice(GHashTable *a, GHashTable *b)
{
	guint na = g_hash_table_size(a), nb = g_hash_table_size(b), common = 0;
	if (na + nb == 0)
		return 1;
	GHashTableIter it;
	gpointer k;
	g_hash_table_iter_init(&it, a);
	while (g_hash_table_iter_next(&it, &k, NULL))
		common += g_hash_table_contains(b, k);
	return 2.0 * common / (na + nb);
}

static double
match_with(const StoreOldSource *old, GHashTable *old_words, const FriseCandidate *c, GHashTable *new_words)
{
	double words = dice(old_words, new_words);
	double date = 0;
	if (strcmp(old->value, c->timex.value) == 0 && strcmp(old->mod, c->timex.mod) == 0) {
		date = 1;
	} else {
		DateDays a, b;
		date_days(old->value, old->mod, &a);
		date_days(c->timex.value, c->timex.mod, &b);
		if (date_days_near(&a, &b, MATCH_DAYS))
			date = 0.5;
	}
	double gap = old->start > c->raw_start ? (double)(old->start - c->raw_start) : (double)(c->raw_start - old->start);
	double near = 1.0 / (1.0 + gap / MATCH_BYTES);
	if (words < MATCH_WORDS && !(words >= MATCH_DATED_WORDS && date > 0 && near >= MATCH_NEAR))
		return 0;
	return words + 0.25 * date + 0.1 * near;
}

double
identity_match(const StoreOldSource *old, const FriseCandidate *c)
{
	GHashTable *a = words_of(old->quote), *b = words_of(c->quote);
	double m = match_with(old, a, c, b);
	g_hash_table_unref(a);
	g_hash_table_unref(b);
	return m;
}

/* A key as FriseCandidate.key holds it. */
typedef char MentionKey[17];

typedef struct {
	double score;
	guint old, cand; /* indexes into the gone sources and the new mentions */
} Pair;

typedef struct {
	const GArray *gone;   /* StoreOldSource*, by start */
	const GPtrArray *fresh; /* FriseCandidate*, by raw_start */
} Sides;

static gint
cmp_pair(gconstpointer pa, gconstpointer pb, gpointer data)
{
	const Pair *a = pa, *b = pb;
	const Sides *sd = data;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	int c = strcmp(g_array_index(sd->gone, StoreOldSource *, a->old)->key,
		       g_array_index(sd->gone, StoreOldSource *, b->old)->key);
	if (c != 0)
		return c;
	return strcmp(((FriseCandidate *)g_ptr_array_index(sd->fresh, a->cand))->key,
		      ((FriseCandidate *)g_ptr_array_index(sd->fresh, b->cand))->key);
}

static gint
cmp_cand_start(gconstpointer pa, gconstpointer pb)
{
	const FriseCandidate *a = *(FriseCandidate *const *)pa, *b = *(FriseCandidate *const *)pb;
	if (a->raw_start != b->raw_start)
		return a->raw_start < b->raw_start ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* Gives each gone source's key to the new mention most like it (greedy
 * over the best pairs first, each side once). */
static void
match_gone(GArray *gone, GPtrArray *fresh)
{
	if (gone->len == 0 || fresh->len == 0)
		return;
	g_ptr_array_sort(fresh, cmp_cand_start);
	GHashTable **gw = g_new0(GHashTable *, gone->len);
	for (guint o = 0; o < gone->len; o++)
		gw[o] = words_of(g_array_index(gone, StoreOldSource *, o)->quote);
	GArray *pairs = g_array_new(FALSE, FALSE, sizeof(Pair));
	guint lo = 0;
	for (guint j = 0; j < fresh->len; j++) {
		FriseCandidate *c = g_ptr_array_index(fresh, j);
		while (lo < gone->len && g_array_index(gone, StoreOldSource *, lo)->start < c->raw_start)
			lo++;
		GHashTable *cw = words_of(c->quote);
		guint from = lo > MATCH_WINDOW ? lo - MATCH_WINDOW : 0, to = MIN(gone->len, lo + MATCH_WINDOW);
		for (guint o = from; o < to; o++) {
			double sc = match_with(g_array_index(gone, StoreOldSource *, o), gw[o], c, cw);
			if (sc > 0) {
				Pair p = { sc, o, j };
				g_array_append_val(pairs, p);
			}
		}
		g_hash_table_unref(cw);
	}
	for (guint o = 0; o < gone->len; o++)
		g_hash_table_unref(gw[o]);
	g_free(gw);
	Sides sd = { gone, fresh };
	g_array_sort_with_data(pairs, cmp_pair, &sd);
	bool *old_used = g_new0(bool, gone->len), *cand_used = g_new0(bool, fresh->len);
	for (guint k = 0; k < pairs->len; k++) {
		const Pair *p = &g_array_index(pairs, Pair, k);
		if (old_used[p->old] || cand_used[p->cand])
			continue;
		old_used[p->old] = cand_used[p->cand] = true;
		FriseCandidate *c = g_ptr_array_index(fresh, p->cand);
		g_strlcpy(c->key, g_array_index(gone, StoreOldSource *, p->old)->key, sizeof c->key);
	}
	g_free(old_used);
	g_free(cand_used);
	g_array_unref(pairs);
}

/* Article seq's mentions `set` (their keys now in `now`, before aliases)
 * matched with its stored sources; its aliases written again. */
static bool
renew(FriseStore *store, gint64 seq, GPtrArray *set, MentionKey *now, GError **error)
{
	GArray *old = store_old_sources(store, seq, error);
	if (old == NULL)
		return false;
	GHashTable *old_keys = g_hash_table_new(g_str_hash, g_str_equal), *cur = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint o = 0; o < old->len; o++)
		g_hash_table_add(old_keys, g_array_index(old, StoreOldSource, o).key);
	for (guint k = 0; k < set->len; k++)
		g_hash_table_add(cur, ((FriseCandidate *)g_ptr_array_index(set, k))->key);
	GArray *gone = g_array_new(FALSE, FALSE, sizeof(StoreOldSource *)); /* by start (the store's order) */
	for (guint o = 0; o < old->len; o++)
		if (!g_hash_table_contains(cur, g_array_index(old, StoreOldSource, o).key)) {
			StoreOldSource *os = &g_array_index(old, StoreOldSource, o);
			g_array_append_val(gone, os);
		}
	GPtrArray *fresh = g_ptr_array_new();
	for (guint k = 0; k < set->len; k++) {
		FriseCandidate *c = g_ptr_array_index(set, k);
		if (!g_hash_table_contains(old_keys, c->key))
			g_ptr_array_add(fresh, c);
	}
	g_hash_table_unref(cur);
	g_hash_table_unref(old_keys);
	match_gone(gone, fresh);
	g_ptr_array_unref(fresh);
	g_array_unref(gone);
	/* every mention whose key is not its own keeps it by an alias */
	GPtrArray *pairs = g_ptr_array_new_with_free_func(g_free);
	GHashTable *done = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint k = 0; k < set->len; k++) {
		FriseCandidate *c = g_ptr_array_index(set, k);
		if (strcmp(now[k], c->key) == 0 || !g_hash_table_add(done, now[k]))
			continue;
		g_ptr_array_add(pairs, g_strdup(now[k]));
		g_ptr_array_add(pairs, g_strdup(c->key));
	}
	g_hash_table_unref(done);
	bool ok = store_put_key_aliases(store, seq, (const char *const *)pairs->pdata, pairs->len, error);
	g_ptr_array_unref(pairs);
	g_array_unref(old);
	return ok;
}

/* ------------------------------------------------------------------ */
/* All together                                                         */

bool
identity_keys(FriseStore *store, const FriseDoc *docs, const gint64 *seqs, guint n, GPtrArray **sets,
	      GError **error)
{
	unique_keys(docs, n, sets);
	GHashTable *aliases = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GArray *renewed = store_key_aliases(store, aliases, error) ? store_renewed(store, error) : NULL;
	if (renewed == NULL) {
		g_hash_table_unref(aliases);
		return false;
	}
	GHashTable *is_renewed = g_hash_table_new(g_int64_hash, g_int64_equal);
	for (guint r = 0; r < renewed->len; r++)
		g_hash_table_add(is_renewed, &g_array_index(renewed, gint64, r));
	bool ok = true;
	for (guint i = 0; ok && i < n; i++) {
		GPtrArray *set = sets[i];
		bool renew_it = g_hash_table_contains(is_renewed, &seqs[i]);
		MentionKey *now = renew_it ? g_new(MentionKey, MAX(set->len, 1)) : NULL;
		for (guint k = 0; k < set->len; k++) {
			FriseCandidate *c = g_ptr_array_index(set, k);
			if (now != NULL)
				memcpy(now[k], c->key, sizeof now[k]);
			if (g_hash_table_size(aliases) == 0)
				continue;
			char *ak = g_strdup_printf("%" G_GINT64_FORMAT "\x1f%s", seqs[i], c->key);
			const char *kept = g_hash_table_lookup(aliases, ak);
			g_free(ak);
			if (kept != NULL)
				g_strlcpy(c->key, kept, sizeof c->key);
		}
		if (renew_it)
			ok = renew(store, seqs[i], set, now, error);
		g_free(now);
	}
	/* a renewed article the docs do not hold: its mark goes */
	GHashTable *held = g_hash_table_new(g_int64_hash, g_int64_equal);
	for (guint i = 0; i < n; i++)
		g_hash_table_add(held, (gpointer)&seqs[i]);
	for (guint r = 0; ok && r < renewed->len; r++)
		if (!g_hash_table_contains(held, &g_array_index(renewed, gint64, r)))
			ok = store_put_key_aliases(store, g_array_index(renewed, gint64, r), NULL, 0, error);
	g_hash_table_unref(held);
	g_hash_table_unref(is_renewed);
	g_array_unref(renewed);
	g_hash_table_unref(aliases);
	return ok;
}
