/*
 * morph_fr.c — French analyses (prefix morph_fr_, see morph_private.h),
 * from Hunspell's fr_FR dictionary: Debian's hunspell-fr, which is
 * Dicollecte/Grammalecte's and carries morphology in Grammalecte's tags.
 * One Hunspell_analyze() line such as
 *     st:fuir po:v3_it_x__a po:ipre po:spre po:3pl
 * is one lemma with a set of forms and a set of persons; it becomes one
 * MorphAnalysis per (form, person): here fuir present 3pl and fuir
 * subjunctive present 3pl. The tags read are in the tables below; others
 * (po:mg "grammatical word", po:preverb, the verb's conjugation code past
 * its group) are ignored, and a line tagged po:err (a form spelled
 * wrong on purpose, "jusqu" without its apostrophe) is skipped.
 *
 * The Hunspell handle is not thread-safe: every call is made under
 * `hun_lock`. It is made once (morph_fr_load(), under morph.c's g_once)
 * and kept for the life of the process.
 *
 * Offsets (host_start…) are byte offsets into the word analysed.
 */
#include "core/morph_private.h"

#include <hunspell.h>
#include <string.h>

static Hunhandle *hun;
static GMutex hun_lock;

/* ---- loading ---- */

bool
morph_fr_load(GError **error)
{
	const char *dir = g_getenv("FRISE_HUNSPELL_DIR");
	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/hunspell";
	char *aff = g_build_filename(dir, "fr_FR.aff", NULL);
	char *dic = g_build_filename(dir, "fr_FR.dic", NULL);
	bool ok = false;
	const char *missing = !g_file_test(aff, G_FILE_TEST_IS_REGULAR) ? aff
			      : !g_file_test(dic, G_FILE_TEST_IS_REGULAR) ? dic : NULL;
	if (missing != NULL) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
			    "%s not found: the French dictionary is missing (run bash .ci/setup, "
			    "which installs hunspell-fr)", missing);
		goto out;
	}
	hun = Hunspell_create(aff, dic);
	if (hun == NULL || strcmp(Hunspell_get_dic_encoding(hun), "UTF-8") != 0) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
			    "%s: cannot be read as a UTF-8 Hunspell dictionary", dic);
		goto out;
	}
	/* a fr_FR without Grammalecte's morphology would answer nothing useful */
	char **list = NULL;
	int n = Hunspell_analyze(hun, &list, "aura");
	bool morphology = false;
	for (int i = 0; i < n; i++)
		morphology |= strstr(list[i], "st:avoir") != NULL && strstr(list[i], "po:ifut") != NULL;
	Hunspell_free_list(hun, &list, n);
	if (!morphology) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
			    "%s has no morphology (st:/po: fields); frise needs Debian's hunspell-fr "
			    "(Dicollecte/Grammalecte)", dic);
		goto out;
	}
	ok = true;
out:
	if (!ok && hun != NULL) {
		Hunspell_destroy(hun);
		hun = NULL;
	}
	g_free(aff);
	g_free(dic);
	return ok;
}

/* ---- one analysis line ---- */

/* po: tags of forms. */
static const struct { const char *tag; MorphForm form; } form_tags[] = {
	{ "infi", MORPH_FORM_INFINITIVE },
	{ "ipre", MORPH_FORM_PRESENT },
	{ "iimp", MORPH_FORM_IMPERFECT },
	{ "ipsi", MORPH_FORM_SIMPLE_PAST },
	{ "ifut", MORPH_FORM_FUTURE },
	{ "cond", MORPH_FORM_CONDITIONAL },
	{ "spre", MORPH_FORM_SUBJ_PRESENT },
	{ "simp", MORPH_FORM_SUBJ_IMPERFECT },
	{ "impe", MORPH_FORM_IMPERATIVE },
	{ "ppas", MORPH_FORM_PAST_PARTICIPLE },
	{ "ppre", MORPH_FORM_PRESENT_PARTICIPLE },
};

/* po: tags of persons of a verb; bit = index. "3pl!" marks the 3pl of
 * avoir and être ("ont", "sont"); "1isg" a 1sg used only before "-je"
 * ("eussé-je"). "1jsg" (a participle spelled as an inverted 1sg,
 * "parlé-je") is ignored: the participle is what it is elsewhere. */
static const struct { const char *tag; guint8 person, number; } person_tags[] = {
	{ "1sg", 1, MORPH_NUMBER_SG }, { "2sg", 2, MORPH_NUMBER_SG }, { "3sg", 3, MORPH_NUMBER_SG },
	{ "1pl", 1, MORPH_NUMBER_PL }, { "2pl", 2, MORPH_NUMBER_PL }, { "3pl", 3, MORPH_NUMBER_PL },
	{ "3pl!", 3, MORPH_NUMBER_PL }, { "1isg", 1, MORPH_NUMBER_SG },
};

/* po: tags of other parts of speech (at most 64: a Line keeps them as
 * bits); "loc.X" is X within a locution. */
static const struct { const char *tag; MorphPos pos; guint16 flags; } pos_tags[] = {
	{ "nom", MORPH_POS_NOUN, 0 },
	{ "adj", MORPH_POS_ADJ, 0 },
	{ "adv", MORPH_POS_ADV, 0 },
	{ "negadv", MORPH_POS_ADV, 0 },
	{ "advint", MORPH_POS_ADV, 0 },
	{ "npr", MORPH_POS_PROPER, 0 },  /* place, brand */
	{ "prn", MORPH_POS_PROPER, 0 },  /* first name */
	{ "patr", MORPH_POS_PROPER, 0 }, /* surname */
	{ "nb", MORPH_POS_NUM, 0 },
	{ "nbro", MORPH_POS_NUM, 0 },    /* Roman */
	{ "prep", MORPH_POS_PREP, 0 },
	{ "prepv", MORPH_POS_PREP, 0 },  /* before an infinitive: "à", "de" */
	{ "det", MORPH_POS_DET, 0 },
	{ "detdem", MORPH_POS_DET, 0 },
	{ "detind", MORPH_POS_DET, 0 },
	{ "detpos", MORPH_POS_DET, 0 },
	{ "detneg", MORPH_POS_DET, 0 },
	{ "detex", MORPH_POS_DET, 0 },
	{ "propersuj", MORPH_POS_PRON, MORPH_F_SUBJECT },
	{ "properobj", MORPH_POS_PRON, MORPH_F_OBJECT },
	{ "prodem", MORPH_POS_PRON, 0 },
	{ "proind", MORPH_POS_PRON, 0 },
	{ "prorel", MORPH_POS_PRON, 0 },
	{ "proint", MORPH_POS_PRON, 0 },
	{ "proneg", MORPH_POS_PRON, 0 },
	{ "proadv", MORPH_POS_PRON, 0 }, /* "y", "en" */
	{ "cjco", MORPH_POS_CONJ, 0 },
	{ "cjsub", MORPH_POS_CONJ, 0 },
	{ "cj", MORPH_POS_CONJ, 0 },
	{ "interj", MORPH_POS_INTERJ, 0 },
	{ "titr", MORPH_POS_OTHER, 0 },  /* "M.", "Dr" */
	{ "pfx", MORPH_POS_OTHER, 0 },
	{ "sfx", MORPH_POS_OTHER, 0 },
};

/* is: tags. */
static const struct { const char *tag; guint8 gender, number; } is_tags[] = {
	{ "mas", MORPH_GENDER_MASC, 0 }, { "fem", MORPH_GENDER_FEM, 0 }, { "epi", MORPH_GENDER_EPICENE, 0 },
	{ "sg", 0, MORPH_NUMBER_SG }, { "pl", 0, MORPH_NUMBER_PL }, { "inv", 0, MORPH_NUMBER_INV },
};

/* One line, taken apart. */
typedef struct {
	const char *lemma;
	gsize lemma_len;
	bool verb, elided, err;
	guint16 forms;    /* bit per MorphForm */
	guint8 persons;   /* bit per person_tags[] entry 0..5 */
	guint64 pos;      /* bit per pos_tags[] entry */
	bool locution;    /* a loc.X tag */
	guint8 gender, number;
	guint8 pron_person; /* 1pe..3pe: a personal pronoun's person */
} Line;

static bool
tag_is(const char *t, gsize n, const char *name)
{
	return strlen(name) == n && memcmp(t, name, n) == 0;
}

static void
read_po(Line *l, const char *t, gsize n)
{
	if (n >= 2 && t[0] == 'v' && g_ascii_isdigit(t[1])) {
		l->verb = true; /* v3_it_x__a: group, then the conjugation code */
		return;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(form_tags); i++)
		if (tag_is(t, n, form_tags[i].tag)) {
			l->forms |= 1u << form_tags[i].form;
			return;
		}
	for (size_t i = 0; i < G_N_ELEMENTS(person_tags); i++)
		if (tag_is(t, n, person_tags[i].tag)) {
			/* 3pl! and 1isg share the bit of 3pl and 1sg */
			l->persons |= 1u << (person_tags[i].person - 1 + (person_tags[i].number == MORPH_NUMBER_PL ? 3 : 0));
			return;
		}
	if (n == 3 && t[0] >= '1' && t[0] <= '3' && t[1] == 'p' && t[2] == 'e') {
		l->pron_person = (guint8)(t[0] - '0');
		return;
	}
	if (tag_is(t, n, "err")) {
		l->err = true;
		return;
	}
	if (n > 4 && memcmp(t, "loc.", 4) == 0) {
		t += 4;
		n -= 4;
		l->locution = true;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(pos_tags); i++)
		if (tag_is(t, n, pos_tags[i].tag)) {
			l->pos |= G_GUINT64_CONSTANT(1) << i;
			return;
		}
}

static void
read_line(Line *l, const char *s)
{
	memset(l, 0, sizeof *l);
	while (*s != '\0') {
		while (*s == ' ' || *s == '\t')
			s++;
		const char *t = s;
		while (*s != '\0' && *s != ' ' && *s != '\t')
			s++;
		gsize n = (gsize)(s - t);
		if (n < 3 || t[2] != ':')
			continue;
		if (memcmp(t, "st", 2) == 0) {
			l->lemma = t + 3;
			l->lemma_len = n - 3;
		} else if (memcmp(t, "dp", 2) == 0) {
			l->elided = true; /* dp:le|la+ the elided word before the host */
		} else if (memcmp(t, "is", 2) == 0) {
			for (size_t i = 0; i < G_N_ELEMENTS(is_tags); i++)
				if (tag_is(t + 3, n - 3, is_tags[i].tag)) {
					if (is_tags[i].gender)
						l->gender = is_tags[i].gender;
					if (is_tags[i].number)
						l->number = is_tags[i].number;
				}
		} else if (memcmp(t, "po", 2) == 0) {
			read_po(l, t + 3, n - 3);
		}
	}
}

/* Adds the analyses of line `l` to w (`word` is the lemma when the line
 * names none). */
static void
add_line(MorphWord *w, const Line *l, const char *word, gsize len)
{
	const char *lemma = l->lemma != NULL ? morph_intern(l->lemma, (gssize)l->lemma_len)
					     : morph_intern(word, (gssize)len);
	if (strcmp(lemma, "s'") == 0) /* the dictionary's lemma of the elided "si" */
		lemma = morph_intern("si", -1);
	MorphAnalysis a = { .lemma = lemma };
	if (l->verb) {
		a.pos = strcmp(lemma, "avoir") == 0 || strcmp(lemma, "être") == 0 ? MORPH_POS_AUX : MORPH_POS_VERB;
		bool adj = (l->pos & (G_GUINT64_CONSTANT(1) << 1)) != 0; /* pos_tags[1]: adj */
		for (guint f = MORPH_FORM_INFINITIVE; f < MORPH_FORM_COUNT; f++) {
			if (!(l->forms & (1u << f)))
				continue;
			a.form = (guint8)f;
			if (morph_form_is_finite((MorphForm)f) && l->persons != 0) {
				for (guint p = 0; p < 6; p++) {
					if (!(l->persons & (1u << p)))
						continue;
					a.person = (guint8)(p % 3 + 1);
					a.number = p < 3 ? MORPH_NUMBER_SG : MORPH_NUMBER_PL;
					morph_word_add(w, &a);
				}
				a.person = 0;
			} else {
				a.gender = f == MORPH_FORM_PAST_PARTICIPLE ? l->gender : 0;
				a.number = f == MORPH_FORM_PAST_PARTICIPLE ? l->number : 0;
				a.flags = f == MORPH_FORM_PAST_PARTICIPLE && adj ? MORPH_F_ADJ : 0;
				morph_word_add(w, &a);
				a.gender = a.number = 0;
				a.flags = 0;
			}
		}
		return;
	}
	/* one analysis per part of speech; a pronoun that is subject and
	 * object ("elle") is one analysis with both flags */
	guint16 pron_flags = 0;
	bool pron = false;
	for (size_t i = 0; i < G_N_ELEMENTS(pos_tags); i++)
		if ((l->pos & (G_GUINT64_CONSTANT(1) << i)) && pos_tags[i].pos == MORPH_POS_PRON) {
			pron = true;
			pron_flags |= pos_tags[i].flags;
		}
	guint16 loc = l->locution ? MORPH_F_LOCUTION : 0;
	a.gender = l->gender;
	a.number = l->number;
	for (size_t i = 0; i < G_N_ELEMENTS(pos_tags); i++) {
		if (!(l->pos & (G_GUINT64_CONSTANT(1) << i)) || pos_tags[i].pos == MORPH_POS_PRON)
			continue;
		a.pos = pos_tags[i].pos;
		a.flags = loc;
		morph_word_add(w, &a);
	}
	if (pron) {
		a.pos = MORPH_POS_PRON;
		a.person = l->pron_person;
		a.flags = pron_flags | loc;
		morph_word_add(w, &a);
	}
}

/* Hunspell's analyses of word[0, len), added to w. Sets MORPH_W_ELIDED and
 * the host after the first apostrophe when every line has an elided word
 * before its host ("l'annonce"), not when the apostrophe is the word's own
 * ("aujourd'hui"). Returns whether it found any. */
static bool
lookup(const char *word, gsize len, MorphWord *w)
{
	char buf[4 * MORPH_WORD_MAX + 1];
	if (len >= sizeof buf)
		return false;
	memcpy(buf, word, len);
	buf[len] = '\0';
	char **list = NULL;
	g_mutex_lock(&hun_lock);
	int n = Hunspell_analyze(hun, &list, buf);
	guint before = w->n;
	bool all_elided = n > 0;
	for (int i = 0; i < n; i++) {
		Line l;
		read_line(&l, list[i]);
		if (l.err)
			continue;
		all_elided &= l.elided;
		add_line(w, &l, buf, len);
	}
	Hunspell_free_list(hun, &list, n);
	g_mutex_unlock(&hun_lock);
	const char *apos = memchr(word, '\'', len);
	if (w->n > before && all_elided && apos != NULL && apos + 1 < word + len) {
		w->flags |= MORPH_W_ELIDED;
		w->host_start = (guint8)(apos + 1 - word);
	}
	return w->n > before;
}

/* ---- inversions: "a-t-il", "dira-t-on", "dis-moi", "ce jour-là" ---- */

enum { SUBJECT, SUBJECT_OR_IMPERATIVE, IMPERATIVE, NO_FILTER };

/* Clitics after a hyphen. "-t-" goes only before il, elle, on. To add
 * one, add its line; a word ending in several ("donne-le-moi") takes the
 * first for its filter. */
static const struct { const char *clitic; guint8 kind, person, number; } clitics[] = {
	{ "t-il", SUBJECT, 3, MORPH_NUMBER_SG },
	{ "t-elle", SUBJECT, 3, MORPH_NUMBER_SG },
	{ "t-on", SUBJECT, 3, MORPH_NUMBER_SG },
	{ "je", SUBJECT, 1, MORPH_NUMBER_SG },
	{ "tu", SUBJECT, 2, MORPH_NUMBER_SG },
	{ "il", SUBJECT, 3, MORPH_NUMBER_SG },
	{ "elle", SUBJECT, 3, MORPH_NUMBER_SG },
	{ "on", SUBJECT, 3, MORPH_NUMBER_SG },
	{ "ce", SUBJECT, 3, MORPH_NUMBER_SG },
	{ "ils", SUBJECT, 3, MORPH_NUMBER_PL },
	{ "elles", SUBJECT, 3, MORPH_NUMBER_PL },
	{ "nous", SUBJECT_OR_IMPERATIVE, 1, MORPH_NUMBER_PL },
	{ "vous", SUBJECT_OR_IMPERATIVE, 2, MORPH_NUMBER_PL },
	{ "moi", IMPERATIVE, 0, 0 },
	{ "toi", IMPERATIVE, 0, 0 },
	{ "le", IMPERATIVE, 0, 0 },
	{ "la", IMPERATIVE, 0, 0 },
	{ "les", IMPERATIVE, 0, 0 },
	{ "lui", IMPERATIVE, 0, 0 },
	{ "leur", IMPERATIVE, 0, 0 },
	{ "y", IMPERATIVE, 0, 0 },
	{ "en", IMPERATIVE, 0, 0 },
	{ "ci", NO_FILTER, 0, 0 },
	{ "là", NO_FILTER, 0, 0 },
};

/* The clitic that s[0, len) starts with (case-insensitive, up to a
 * hyphen or the end), or -1. */
static int
clitic_at(const char *s, gsize len, gsize *clen)
{
	for (size_t i = 0; i < G_N_ELEMENTS(clitics); i++) {
		gsize n = strlen(clitics[i].clitic);
		if (n <= len && g_ascii_strncasecmp(s, clitics[i].clitic, n) == 0 && (n == len || s[n] == '-')) {
			*clen = n;
			return (int)i;
		}
	}
	/* "là" in capitals */
	if (len >= 3 && (s[0] == 'l' || s[0] == 'L') && (guchar)s[1] == 0xC3 &&
	    ((guchar)s[2] == 0xA0 || (guchar)s[2] == 0x80) && (len == 3 || s[3] == '-')) {
		*clen = 3;
		return (int)G_N_ELEMENTS(clitics) - 1;
	}
	return -1;
}

/* The first hyphen after which the word is only clitics: its offset, the
 * first clitic's index and where the first clitic's pronoun starts (past
 * "-t-"). False when there is none. */
static bool
find_inversion(const char *w, gsize len, gsize *hyphen, int *first, gsize *tail)
{
	for (gsize i = 1; i + 1 < len; i++) {
		if (w[i] != '-')
			continue;
		gsize j = i + 1, clen;
		int c = clitic_at(w + j, len - j, &clen), c0 = c;
		while (c >= 0) {
			j += clen;
			if (j == len) {
				*hyphen = i;
				*first = c0;
				*tail = i + 1 + (clitics[c0].clitic[0] == 't' && clitics[c0].clitic[1] == '-' ? 2 : 0);
				return true;
			}
			j++; /* the next hyphen */
			c = clitic_at(w + j, len - j, &clen);
		}
	}
	return false;
}

static bool
inversion(const char *w, gsize len, MorphWord *out)
{
	gsize hyphen, tail;
	int c;
	if (!find_inversion(w, len, &hyphen, &c, &tail))
		return false;
	MorphWord host = { 0 };
	host.host_end = host.tail_start = (guint8)hyphen;
	if (!lookup(w, hyphen, &host)) {
		char *lower = g_utf8_strdown(w, (gssize)hyphen);
		if (strlen(lower) == hyphen)
			lookup(lower, hyphen, &host);
		g_free(lower);
	}
	bool verb = false;
	for (guint i = 0; i < host.n; i++)
		verb |= host.a[i].pos == MORPH_POS_VERB || host.a[i].pos == MORPH_POS_AUX;
	out->flags |= host.flags | MORPH_W_INVERTED;
	out->host_start = host.host_start;
	out->host_end = (guint8)hyphen;
	out->tail_start = (guint8)tail;
	for (guint i = 0; i < host.n; i++) {
		const MorphAnalysis *a = &host.a[i];
		bool keep = true;
		if (verb && clitics[c].kind != NO_FILTER) {
			bool finite = (a->pos == MORPH_POS_VERB || a->pos == MORPH_POS_AUX) &&
				      morph_form_is_finite((MorphForm)a->form);
			bool agrees = a->person == clitics[c].person && a->number == clitics[c].number;
			switch (clitics[c].kind) {
			case SUBJECT:
				keep = finite && a->form != MORPH_FORM_IMPERATIVE && agrees;
				break;
			case SUBJECT_OR_IMPERATIVE: /* "avons-nous"; "aidez-nous" */
				keep = finite && (agrees || a->form == MORPH_FORM_IMPERATIVE);
				break;
			default: /* IMPERATIVE */
				keep = a->form == MORPH_FORM_IMPERATIVE;
				break;
			}
		}
		if (keep)
			morph_word_add(out, a);
	}
	return true;
}

/* ---- the word ---- */

/* Words that elide before a vowel; a host the dictionary does not know
 * after one of them ("l'OpenAI") is still split from it. */
static const char *const elided[] = {
	"l", "d", "j", "m", "t", "s", "c", "n", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
};

static bool
elision(const char *w, gsize len, MorphWord *out)
{
	const char *apos = memchr(w, '\'', len);
	if (apos == NULL || apos + 1 >= w + len)
		return false;
	gsize n = (gsize)(apos - w);
	bool known = false;
	for (size_t i = 0; i < G_N_ELEMENTS(elided); i++)
		known |= strlen(elided[i]) == n && g_ascii_strncasecmp(w, elided[i], n) == 0;
	if (!known)
		return false;
	gsize start = n + 1;
	MorphWord host = { 0 };
	host.host_end = host.tail_start = (guint8)(len - start);
	if (!inversion(w + start, len - start, &host) && !lookup(w + start, len - start, &host)) {
		char *lower = g_utf8_strdown(w + start, (gssize)(len - start));
		if (strlen(lower) == len - start)
			lookup(lower, len - start, &host);
		g_free(lower);
	}
	*out = host;
	out->flags |= MORPH_W_ELIDED;
	out->host_start = (guint8)(start + host.host_start);
	out->host_end = (guint8)(start + host.host_end);
	out->tail_start = (guint8)(start + host.tail_start);
	return true;
}

void
morph_fr_analyze(const char *word, gsize len, MorphWord *out)
{
	if (morph_is_digits(word, len)) {
		MorphAnalysis a = { .lemma = morph_intern("", 0), .pos = MORPH_POS_NUM };
		morph_word_add(out, &a);
		return;
	}
	if (lookup(word, len, out) || inversion(word, len, out))
		return;
	char *lower = g_utf8_strdown(word, (gssize)len);
	bool same_length = strlen(lower) == len;
	if (same_length && strcmp(lower, word) != 0 && lookup(lower, len, out)) {
		g_free(lower);
		return;
	}
	g_free(lower);
	if (elision(word, len, out))
		return;
	/* a compound the dictionary lacks: its last part ("ex-président") */
	const char *hyphen = NULL;
	for (const char *p = word; p < word + len; p++)
		if (*p == '-')
			hyphen = p;
	if (hyphen != NULL && hyphen > word && hyphen + 1 < word + len) {
		MorphWord last = { 0 };
		gsize start = (gsize)(hyphen + 1 - word);
		if (lookup(word + start, len - start, &last) && last.host_start == 0) {
			for (guint i = 0; i < last.n; i++)
				morph_word_add(out, &last.a[i]);
			out->flags |= MORPH_W_PARTIAL;
		}
	}
}
