/*
 * timex_tense.c — the tense of an expression's clause (prefix tx_):
 * tx_find_tense, which the resolver asks (through TxContext, tx_tense)
 * only when a value depends on it. It weighs the cue words and endings of
 * the language table ([cues]) nearest the expression in its sentence
 * against the morphology of the clause's verb group (core/clause.c).
 * Everything else here has file scope.
 *
 * Offsets are byte offsets into the text as given, end exclusive. The cues
 * are looked for at most TENSE_REACH bytes each way, the morphology's
 * sentence MORPH_REACH, never past a sentence end (the tokeniser's rule,
 * tx_dot_continues). A tense is a FriseTense.
 */
#include "timex_private.h"
#include "core/clause.h"
#include "core/lang.h"
#include "core/text.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

/* ---- cues ---- */

static inline char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static int
cue_of(const TxTable *t, const char *w, size_t n, const char *next, size_t next_n,
       bool *aux, bool *part, bool *skip, bool *passive, bool *pluperfect, bool *det, bool *ending)
{
	*aux = *part = *skip = *passive = *pluperfect = *det = *ending = false;
	int tense = FRISE_TENSE_NONE;
	if (n == 0)
		return tense;
	unsigned char lastb = (unsigned char)w[n - 1];
	unsigned char prevb = n >= 2 ? (unsigned char)w[n - 2] : 0;
	if (n >= 2 && !(t->cue_before[lastb][prevb >> 5] >> (prevb & 31) & 1))
		return tense;   /* no cue ends in these two bytes (most words) */
	for (int q = t->cue_first[lastb]; q < t->cue_first[lastb + 1]; q++) {
		const TxCue *c = &g_array_index(t->cues, TxCue, t->cue_index[q]);
		if (c->len > n || (c->len >= 2 && c->text[c->len - 2] != w[n - 2]))
			continue;   /* the last byte matches (cue_first): the one before it first */
		bool hit = c->suffix ? (n > c->len && memcmp(w + n - c->len, c->text, c->len) == 0)
				     : (c->len == n && memcmp(c->text, w, n) == 0);
		if (!hit)
			continue;
		if (c->next && !(next_n == c->next_len && g_ascii_strncasecmp(next, c->next, next_n) == 0))
			continue;
		if (c->skip) {
			*skip = true;
			continue;
		}
		if (c->passive) {
			*passive = true;
			continue;
		}
		if (c->pluperfect) {
			*pluperfect = true;
			continue;
		}
		if (c->det) {
			*det = true;
			continue;
		}
		if (!c->suffix && !c->aux && !c->participle && c->tense == FRISE_TENSE_NONE) {
			/* a blocker: "united" is no past tense despite "*ed";
			 * a word's own cue before it holds ("need" NONE, but
			 * "need FUTURE next=to") */
			if (tense != FRISE_TENSE_NONE && !*ending)
				break;
			*aux = *part = false;
			return FRISE_TENSE_NONE;
		}
		if (c->aux)
			*aux = true;
		else if (c->participle)
			*part = true;
		else if (tense == FRISE_TENSE_NONE) {
			tense = c->tense;
			*ending = c->suffix;
		}
	}
	return tense;
}

/* The tense of the clause around tokens [a, b): the cue nearest to it
 * within the sentence. `why` receives the cue word. */
/* The cue of a word, `next` the word after it (next_n 0: none): tense |
 * 4 aux | 8 participle | 16 skip | 32 passive marker | 64 pluperfect |
 * 128 determiner | 512 the tense from a word ending. */
static int
word_cue(const TxTable *t, const char *s, size_t n, const char *next, size_t next_n)
{
	char buf[TX_MAX_WORD * 2];
	if (n >= sizeof buf)
		return 0;
	bool simple = true;
	for (size_t q = 0; q < n; q++) {
		unsigned char c = (unsigned char)s[q];
		buf[q] = lower(s[q]);
		if (c < 0x80)
			continue;
		/* Latin-1 capitals (U+00C0..U+00DE, C3 80..C3 9E) by hand */
		if (c == 0xC3 && q + 1 < n) {
			unsigned char d = (unsigned char)s[q + 1];
			buf[++q] = (char)(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
			continue;
		}
		simple = false;
	}
	buf[n] = 0;
	char *w = simple ? NULL : g_utf8_strdown(s, (gssize)n);
	bool aux, part, skip, passive, pluperfect, det, ending;
	int r = cue_of(t, w ? w : buf, w ? strlen(w) : n, next, next_n, &aux, &part, &skip, &passive,
		       &pluperfect, &det, &ending);
	g_free(w);
	return r | (aux ? 4 : 0) | (part ? 8 : 0) | (skip ? 16 : 0) | (passive ? 32 : 0) |
	       (pluperfect ? 64 : 0) | (det ? 128 : 0) | (ending ? 512 : 0);
}

/* Whether text[p] ends a sentence: as the tokeniser decides, a '.' does
 * only when a blank follows and the next word is not lower case ("7.2",
 * "U.S. officials", "Corp.'s" go on). */
/* The bytes that may end a sentence (see sentence_end). */
static const bool end_byte[256] = { ['.'] = true, ['!'] = true, ['?'] = true, [';'] = true, ['\n'] = true };

static inline bool
sentence_end(const TxTable *t, const char *text, size_t len, size_t p)
{
	char c = text[p];
	if (!end_byte[(unsigned char)c])
		return false;
	if (c != '.')
		return c == '!' || c == '?' || c == ';' || c == '\n';
	size_t q = p + 1;
	if (q < len && text[q] != ' ' && text[q] != '\t' && text[q] != '\r' && text[q] != '\n')
		return false;
	while (q < len && (text[q] == ' ' || text[q] == '\t' || text[q] == '\r'))
		q++;
	if (q < len && text[q] >= 'a' && text[q] <= 'z')
		return false;
	return !tx_dot_continues(t, text, p);
}

#define TENSE_REACH 160   /* bytes each way, within the sentence */
#define TENSE_WORDS 96    /* words read in all, the nearest before first */

typedef struct {
	size_t s, e;   /* the word's bytes */
	int cue;       /* word_cue, -1 until asked */
} TenseWord;

/* The words a tense is looked for in around text[a, b): up to TENSE_REACH
 * bytes each way, not past a sentence end (sentence_end), the expression's
 * own bytes left out. A word is a run of letters; one cut by the edge of
 * the window or by the expression ends there. Of the words, the first
 * TENSE_WORDS count, those before the expression first.
 *
 * They are read lazily, outward from the expression, as the search for
 * the nearest cue asks for them: most clauses give their tense within a
 * few words. Word r is the r-th after the expression (r >= 0) or the -r-th
 * before it (r < 0); tense_word() returns NULL past the last one. */
typedef struct {
	const TxTable *t;
	const char *text;
	size_t len, a, b;
	TenseWord before[TENSE_WORDS]; /* before[k]: the (k+1)-th word before a */
	TenseWord after[TENSE_WORDS];  /* after[k]: the (k+1)-th word at or past b */
	int nb, na;
	size_t pb, pa;                 /* read so far: [pb, a) and [b, pa) */
	bool b_done, a_done;           /* reached the edge of the window */
} TenseScan;

/* At most this many words fit before the expression (a letter and a
 * separator each): below it, no word after the expression is past
 * TENSE_WORDS, whatever stands before. */
#define TENSE_WORDS_BEFORE ((TENSE_REACH + 1) / 2)
G_STATIC_ASSERT(TENSE_WORDS_BEFORE < TENSE_WORDS);

static void
tense_scan_init(TenseScan *s, const TxTable *t, const char *text, size_t len, size_t a, size_t b)
{
	s->t = t;
	s->text = text;
	s->len = len;
	s->a = a;
	s->b = b;
	s->nb = s->na = 0;
	s->pb = a;
	s->pa = b;
	s->b_done = s->a_done = false;
}

/* Whether the character text[q, ...) is a letter, q its first byte. */
static inline bool
letter_at(const unsigned char *u, size_t q, size_t end)
{
	if (u[q] < 0x80)
		return (tx_ascii_class[u[q]] & TX_A_ALPHA) != 0;
	size_t clen;
	gunichar c = tx_decode(u + q, end - q, &clen);
	return c != (gunichar)-1 && tx_is_letter(c);
}

/* Reads the next word before the expression; false at the window's edge.
 * The window takes a character whose bytes are all within TENSE_REACH of
 * a, with no sentence end from it to a (a letter never ends one). */
static bool
scan_back(TenseScan *s)
{
	const unsigned char *u = (const unsigned char *)s->text;
	size_t lim = s->a > TENSE_REACH ? s->a - TENSE_REACH : 0;   /* the first byte in reach */
	size_t p = s->pb, e = 0;
	bool in_word = false;
	while (p > lim) {
		size_t q = p - 1;
		bool letter;
		if (u[q] < 0x80) {
			letter = (tx_ascii_class[u[q]] & TX_A_ALPHA) != 0;
			if (!letter && end_byte[u[q]] && sentence_end(s->t, s->text, s->len, q))
				break;
		} else {
			while (q > 0 && (u[q] & 0xC0) == 0x80)
				q--;
			if (q < lim)
				break;
			letter = letter_at(u, q, p);
		}
		if (letter && !in_word) {
			in_word = true;
			e = p;
		} else if (!letter && in_word) {
			break;
		}
		p = q;
	}
	s->pb = p;
	if (!in_word) {
		s->b_done = true;
		return false;
	}
	s->before[s->nb++] = (TenseWord){ p, e, -1 };
	return true;
}

/* Reads the next word after the expression; false at the window's edge.
 * The window takes a character that starts within TENSE_REACH of b, with
 * no sentence end from b to it. */
static bool
scan_forward(TenseScan *s)
{
	const unsigned char *u = (const unsigned char *)s->text;
	size_t lim = MIN(s->len, s->b + TENSE_REACH);   /* the first byte out of reach */
	size_t p = s->pa, st = 0;
	bool in_word = false;
	while (p < lim) {
		size_t e = p + 1;
		bool letter;
		if (u[p] < 0x80) {
			letter = (tx_ascii_class[u[p]] & TX_A_ALPHA) != 0;
			if (!letter && end_byte[u[p]] && sentence_end(s->t, s->text, s->len, p))
				break;
		} else {
			while (e < s->len && (u[e] & 0xC0) == 0x80)
				e++;
			letter = letter_at(u, p, e);
		}
		if (letter && !in_word) {
			in_word = true;
			st = p;
		} else if (!letter && in_word) {
			break;
		}
		p = e;
	}
	s->pa = p;
	if (!in_word) {
		s->a_done = true;
		return false;
	}
	s->after[s->na++] = (TenseWord){ st, p, -1 };
	return true;
}

static TenseWord *
tense_word_slow(TenseScan *s, int r)
{
	if (r < 0) {
		while (s->nb < -r && !s->b_done && s->nb < TENSE_WORDS)
			scan_back(s);
		return -r <= s->nb ? &s->before[-r - 1] : NULL;
	}
	if (r >= TENSE_WORDS - TENSE_WORDS_BEFORE) {
		/* the words before count first: all of them now */
		while (!s->b_done && s->nb < TENSE_WORDS)
			scan_back(s);
		if (s->nb + r >= TENSE_WORDS)
			return NULL;
	}
	while (s->na <= r && !s->a_done)
		scan_forward(s);
	return r < s->na ? &s->after[r] : NULL;
}

/* Word r, read now if it was not yet. */
static inline TenseWord *
tense_word(TenseScan *s, int r)
{
	if (r < 0 ? -r <= s->nb : r < s->na && r < TENSE_WORDS - TENSE_WORDS_BEFORE)
		return r < 0 ? &s->before[-r - 1] : &s->after[r];
	return tense_word_slow(s, r);
}

/* The cue of word r, computed once; the word after it counts only when
 * nothing but blanks stands between them ("plans to"). */
static int
cue_at(TenseScan *s, int r)
{
	TenseWord *w = tense_word(s, r);
	if (w->cue < 0) {
		const char *next = NULL;
		size_t next_n = 0;
		const TenseWord *x = tense_word(s, r + 1);
		if (x != NULL) {
			size_t p = w->e;
			while (p < x->s && (s->text[p] == ' ' || s->text[p] == '\t'))
				p++;
			if (p == x->s) {
				next = s->text + x->s;
				next_n = x->e - x->s;
			}
		}
		w->cue = word_cue(s->t, s->text + w->s, w->e - w->s, next, next_n);
	}
	return w->cue;
}

/* The word that makes word r a past perfect ("had" in "had not called",
 * "had been scheduled"): a PLUPERFECT cue at most three words before it
 * with only adverbs and participles between; its index, or INT_MIN. */
static int
had_before(TenseScan *s, int r)
{
	for (int x = r - 1; x >= r - 3 && tense_word(s, x) != NULL; x--) {
		int c = cue_at(s, x);
		if (c & 64)
			return x;
		if (!(c & (16 | 8)))
			return INT_MIN;
	}
	return INT_MIN;
}

/* Whether word r of the scan, analysed, has a reading of `form` whose
 * lemma is in `list` (an exact list of lemmas). */
static bool
word_reads_as(TenseScan *s, int r, MorphForm form, LangList list)
{
	const TenseWord *w = tense_word(s, r);
	MorphWord mw;
	if (w == NULL || !morph_analyze(s->t->lang, s->text + w->s, (gssize)(w->e - w->s), &mw) ||
	    (mw.flags & MORPH_W_ELIDED))
		return false;   /* "s'est fixé" is a reflexive past */
	for (int k = 0; k < mw.n; k++)
		if (mw.a[k].form == form && lang_has(s->t->lang, list, mw.a[k].lemma))
			return true;
	return false;
}

/* Whether the cue at word r is one end of a present passive of a verb
 * of plan or expectation ("est attendu mardi", "sont convoqués lundi",
 * "is planned for Thursday": words.txt's [plan-participles]): what it
 * names lies ahead. Word r is the auxiliary (a present of a passive
 * auxiliary) or its participle; adverbs (SKIP) may stand between them,
 * and a reflexive "se" before the auxiliary makes it a past ("se sont
 * fixé"). */
static bool
plan_passive(TenseScan *s, int r)
{
	int aux = INT_MIN, part = INT_MIN;
	for (int x = r - 1; x >= r - 3 && tense_word(s, x) != NULL; x--)
		if (!(cue_at(s, x) & 16)) {
			aux = x;
			break;
		}
	if (aux != INT_MIN && word_reads_as(s, aux, MORPH_FORM_PRESENT, LANG_PASSIVE_AUXILIARIES)) {
		part = r;
	} else {
		aux = r;
		for (int x = r + 1; x <= r + 3 && tense_word(s, x) != NULL; x++)
			if (!(cue_at(s, x) & 16)) {
				part = x;
				break;
			}
		if (part == INT_MIN || !word_reads_as(s, aux, MORPH_FORM_PRESENT, LANG_PASSIVE_AUXILIARIES))
			return false;
	}
	const TenseWord *before = tense_word(s, aux - 1);
	if (before != NULL && (before->e - before->s == 2 || before->e - before->s == 1) &&
	    g_ascii_strncasecmp(s->text + before->s, "se", before->e - before->s) == 0 && s->t->lang == FRISE_LANG_FR)
		return false;
	return word_reads_as(s, part, MORPH_FORM_PAST_PARTICIPLE, LANG_PLAN_PARTICIPLES);
}

/* The words a clause's verb group is looked for in around text[a, b): up
 * to `reach` bytes each way, not past a sentence end. */
static void
tense_window(const TxTable *t, const char *text, size_t len, size_t a, size_t b, size_t reach,
	     size_t *lo_, size_t *hi_)
{
	size_t lo = a, hi = b;
	while (lo > 0 && a - lo < reach && !sentence_end(t, text, len, lo - 1))
		lo--;
	while (lo < a && ((unsigned char)text[lo] & 0xC0) == 0x80)
		lo++;
	while (hi < len && hi - b < reach && !sentence_end(t, text, len, hi))
		hi++;
	while (hi < len && ((unsigned char)text[hi] & 0xC0) == 0x80)
		hi++;
	*lo_ = lo;
	*hi_ = hi;
}

/* The tense of the clause around text[a, b): the cue nearest to it in its
 * sentence (TenseScan's words). Read from the text itself (the tokens
 * keep only the words the table knows). `why` receives the cue word. */
static int
clause_tense(const TxTable *t, const char *text, size_t len, size_t a, size_t b,
	     char *why, size_t whylen, bool *pluperfect, bool *ending)
{
	*pluperfect = *ending = false;
	why[0] = '\0'; /* no cue: tx_find_tense() still reports `why` */
	TenseScan sc;
	TenseScan *s = &sc;
	tense_scan_init(s, t, text, len, a, b);
	/* nearest words first: the one before, the one after, the second
	 * before…; the first that is a cue gives the tense (before wins a
	 * tie) */
	for (int d = 1;; d++) {
		bool any = false;
		for (int side = 0; side < 2; side++) {
			int q = side == 0 ? -d : d - 1;
			if (tense_word(s, q) == NULL)
				continue;
			any = true;
			int tense = cue_at(s, q) & 3;
			int from = q;   /* the first word of the cue */
			if (tense == FRISE_TENSE_PAST && tense_word(s, q - 1) != NULL && !(cue_at(s, q) & 4)) {
				/* a past form right after "be" is a passive
				 * participle: the tense is that of the words before
				 * ("will be named", "would still be held") */
				if (cue_at(s, q - 1) & 32)
					tense = FRISE_TENSE_NONE;
				/* …and after a determiner an adjective: "a still
				 * unspecified date" */
				for (int r = q - 1; r >= q - 3 && tense_word(s, r) != NULL; r--) {
					int c = cue_at(s, r);
					if (c & 128)
						tense = FRISE_TENSE_NONE;
					if (!(c & 16))
						break;
				}
			}
			if (tense == FRISE_TENSE_FUTURE) {
				/* a plan in the past perfect is past: "had been
				 * scheduled to expire Friday" */
				int h = had_before(s, q);
				if (h != INT_MIN) {
					tense = FRISE_TENSE_PAST;
					from = h;
				}
			}
			if (cue_at(s, q) & 4) {
				/* auxiliary + participle, maybe with adverbs between
				 * ("a déjà annoncé", "has not yet said"): past */
				for (int r = q + 1; r <= q + 4 && tense_word(s, r) != NULL; r++) {
					int c = cue_at(s, r);
					if (c & 16)
						continue;
					if (!(c & 3) && (c & 8))
						tense = FRISE_TENSE_PAST;
					break;
				}
			}
			if (tense == FRISE_TENSE_PAST) {
				/* "had (not) called", "had been scheduled": a past
				 * before the past */
				*pluperfect = (cue_at(s, q) & 64) != 0;
				int h = *pluperfect ? INT_MIN : had_before(s, from);
				if (h != INT_MIN) {
					*pluperfect = true;
					from = h;
				}
			}
			if ((tense == FRISE_TENSE_PAST || tense == FRISE_TENSE_PRESENT) && !*pluperfect &&
			    plan_passive(s, q))
				tense = FRISE_TENSE_FUTURE;
			if (tense != FRISE_TENSE_NONE) {
				*ending = (cue_at(s, q) & 512) != 0;
				/* the cue, or the whole verb group it needed */
				const TenseWord *wf = tense_word(s, from), *wq = tense_word(s, q);
				size_t wl = MIN(wq->e - wf->s, whylen - 1);
				memcpy(why, text + wf->s, wl);
				why[wl] = 0;
				return tense;
			}
		}
		if (!any)
			return FRISE_TENSE_NONE;
	}
}

/* ---- the morphology ---- */

#define MORPH_REACH 60   /* bytes each way parsed for the morphology's tense */

/* The parse of the sentence holding text[a] (core/text.c's splitter, on
 * the words the cues are read in), from the cache when it is the last one
 * asked. */
static const ClauseParse *
sentence_parse(TxTenseQuery *q, size_t *start)
{
	TxTenseCache *tc = q->cache;
	if (tc->parse != NULL && q->a >= tc->start && q->a < tc->end) {
		*start = tc->start;
		return tc->parse;
	}
	size_t lo, hi;
	tense_window(q->t, q->text, q->len, q->a, q->b, TENSE_REACH, &lo, &hi);
	/* the clause's verb is near it: a shorter stretch costs the lexicon
	 * fewer lookups */
	if (q->a > lo + MORPH_REACH)
		lo = q->a - MORPH_REACH;
	if (hi > q->b + MORPH_REACH)
		hi = q->b + MORPH_REACH;
	while (lo < q->a && ((unsigned char)q->text[lo] & 0xC0) == 0x80)
		lo++;
	while (hi < q->len && ((unsigned char)q->text[hi] & 0xC0) == 0x80)
		hi++;
	GArray *sents = text_sentences(q->text, lo, hi, q->t->lang);
	size_t s = q->a, e = q->b;
	for (guint i = 0; i < sents->len; i++) {
		const FriseSentence *fs = &g_array_index(sents, FriseSentence, i);
		if (q->a >= fs->start && q->a < fs->end) {
			s = fs->start;
			e = MAX(fs->end, q->b);
			break;
		}
	}
	g_array_unref(sents);
	clause_parse_free(tc->parse);
	tc->parse = clause_parse(q->text + s, e - s, q->t->lang);
	tc->start = s;
	tc->end = e;
	*start = s;
	return tc->parse;
}

/* Whether a reading of `w` is of form `f`. */
static bool
has_form(const MorphWord *w, MorphForm f)
{
	for (int k = 0; k < w->n; k++)
		if (w->a[k].form == f)
			return true;
	return false;
}

/* The tense of an expression's clause from the morphology of its verb
 * group (core/clause.c): the clause holding the expression, else the one it
 * hangs on. A conditional or modal verb without a tense of its own looks
 * ahead ("would meet", "devrait venir"). NONE when no clause around has a
 * verb. `why` gets the verb. */
static int
morph_tense(TxTenseQuery *q, char *why, size_t whylen, bool *firm)
{
	*firm = false;
	size_t start;
	const ClauseParse *p = sentence_parse(q, &start);
	if (p == NULL || p->clauses->len == 0)
		return FRISE_TENSE_NONE;
	const Clause *c = clause_at(p, q->a - start);
	while (c != NULL && !clause_has_verb(c))
		c = c->parent >= 0 ? &g_array_index(p->clauses, Clause, c->parent) : NULL;
	if (c == NULL)
		return FRISE_TENSE_NONE;
	int tense = c->tense;
	if ((tense == FRISE_TENSE_NONE && (c->mood == CLAUSE_MOOD_CONDITIONAL || c->mood == CLAUSE_MOOD_MODAL)) ||
	    (tense == FRISE_TENSE_PRESENT && c->mood == CLAUSE_MOOD_MODAL))
		tense = FRISE_TENSE_FUTURE;   /* "must meet", "may attend": what is to be done */
	const ClauseWord *v = &g_array_index(p->words, ClauseWord, c->verb);
	const ClauseWord *mv = &g_array_index(p->words, ClauseWord, c->main_verb >= 0 ? c->main_verb : c->verb);
	if (tense == FRISE_TENSE_PAST && c->main_verb != c->verb && mv->role == CLAUSE_W_INFINITIVE &&
	    lang_has(p->lang, LANG_PERIPHRASTIC, v->lemma) && has_form(&v->morph, MORPH_FORM_IMPERFECT))
		/* a plan stated in the past, "devait se rendre jeudi", "allait
		 * signer lundi": in a news report it may be kept, cancelled or
		 * still ahead; the reader takes the day nearest the document
		 * date (the news present), as the French TimeBank annotates
		 * "devait ouvrir dans la soirée" (the evening before it); the
		 * past cue of its ending does not override it */
		tense = FRISE_TENSE_PRESENT, *firm = true;
	if (tense == FRISE_TENSE_PRESENT && p->lang == FRISE_LANG_EN &&
	    (morph_has_pos(&v->morph, MORPH_POS_NOUN) || (v->morph.n > 0 && (v->morph.a[0].flags & MORPH_F_GUESS))))
		return FRISE_TENSE_NONE;   /* "886 million shares Thursday": a plural, no verb */
	const ClauseWord *lex = &g_array_index(p->words, ClauseWord, c->main_verb >= 0 ? c->main_verb : c->verb);
	size_t wl = MIN(lex->end - v->start, whylen - 1);
	memcpy(why, q->text + start + v->start, wl);
	why[wl] = 0;
	return tense;
}

/* Whether the last word of `cue`, whose ending gave `tense`, is a verb of
 * that tense for the lexicon ("partira" is; "opéra", "lait" are not): one
 * lookup instead of a parse of the sentence. */
static bool
ending_confirmed(FriseLang lang, const char *cue, int tense)
{
	const char *w = strrchr(cue, ' ');
	w = w != NULL ? w + 1 : cue;
	MorphWord mw;
	if (!morph_analyze(lang, w, -1, &mw))
		return false;
	for (int k = 0; k < mw.n; k++) {
		MorphForm f = (MorphForm)mw.a[k].form;
		int ft = f == MORPH_FORM_FUTURE ? FRISE_TENSE_FUTURE :
			 f == MORPH_FORM_IMPERFECT || f == MORPH_FORM_SIMPLE_PAST || f == MORPH_FORM_SUBJ_IMPERFECT ||
				 f == MORPH_FORM_PAST_PARTICIPLE ? FRISE_TENSE_PAST : FRISE_TENSE_NONE;
			if (ft == tense && f == MORPH_FORM_IMPERFECT && lang_has(lang, LANG_PERIPHRASTIC, mw.a[k].lemma))
			return false;   /* "devait", "allait": with an infinitive, a plan (morph_tense) */
		if (ft == tense && (mw.a[k].pos == MORPH_POS_VERB || mw.a[k].pos == MORPH_POS_AUX))
			return !morph_has_pos(&mw, MORPH_POS_NOUN) || f == MORPH_FORM_FUTURE;
	}
	return false;
}

/* The tense of an expression's clause: its verb group's, from the
 * morphology; but a plan said by a word ("prévu", "scheduled to", "plans
 * to", not an ending) looks ahead even in a past or present clause, a past
 * perfect nearby is past, a present (what an ambiguous form reads as
 * first) gives way to a past or future cue, and a clause the morphology
 * finds no verb in keeps the nearest word cue (tagger.tab [cues]). */
int
tx_find_tense(const void *data)
{
	TxTenseQuery *q = (TxTenseQuery *)(uintptr_t)data;
	char cue[64] = "";   /* clause_tense fills it only when it finds a cue */
	bool plup = false, ending = false;
	int by_cue = clause_tense(q->t, q->text, q->len, q->a, q->b, cue, sizeof cue, &plup, &ending);
	char verb[64] = "";
	/* a cue word the table lists (not an ending), a past perfect, any cue
	 * in English (its lexicon guesses by rules: "'s" as "is", "shares" as
	 * a verb) decide without the morphology, which is then not asked */
	bool sure = (by_cue != FRISE_TENSE_NONE && by_cue != FRISE_TENSE_PRESENT && !ending) ||
		    (by_cue == FRISE_TENSE_PAST && plup) ||
		    (q->t->lang == FRISE_LANG_EN && by_cue != FRISE_TENSE_NONE) ||
		    (ending && ending_confirmed(q->t->lang, cue, by_cue));
	bool firm = false;
	int by_morph = sure ? FRISE_TENSE_NONE : morph_tense(q, verb, sizeof verb, &firm);
	int tense = by_morph;
	const char *why = verb;
	if (by_morph == FRISE_TENSE_NONE ||
	    (by_morph == FRISE_TENSE_PRESENT && by_cue != FRISE_TENSE_NONE && !firm)) {
		/* a present is what an ambiguous form reads as first ("A 20 h
		 * mardi"): a past or future cue nearby says more */
		tense = by_cue;
		why = cue;
	}
	q->pluperfect = plup && tense == FRISE_TENSE_PAST;
	g_strlcpy(q->why, why, sizeof q->why);
	return tense;
}
