/*
 * morph_en.c — English analyses (prefix morph_en_, see morph_private.h),
 * by rule: no English dictionary carries tense, so frise does without one.
 *
 *   1. Known words: src/lang/en/verbs.txt (irregular verbs, auxiliaries,
 *      modals, verbs that are also nouns, each made into all its forms at
 *      load) and src/lang/en/lexicon.txt (function words, nouns that look
 *      like verb forms). Both are GResources; their formats are described
 *      at their top. A known word gets exactly the analyses listed.
 *   2. Contractions: "didn't" is did, negative; "he's" is he, then "'s"
 *      (is, has or the possessive), a word of its own.
 *   3. Guesses (MORPH_F_GUESS) for other words by their ending: -s is a
 *      verb in the 3sg and a plural noun, -ed a past and a participle, -ing
 *      a present participle and a noun, -ly an adverb; the stem is restored by the
 *      spelling rules below (planned → plan, moved → move, tried → try).
 *   Every -ing form is also a noun, the -ing word its lemma ("the meeting"),
 *   known or guessed as its verb is.
 *   Any other word is unknown.
 *
 * The table is built once (morph_en_load(), under morph.c's g_once) and
 * only read afterwards, by any thread. Words are matched lower-cased.
 * Offsets (host_start…) are byte offsets into the word analysed.
 */
#include "core/morph_private.h"
#include "frise-resources.h"

#include <gio/gio.h>
#include <string.h>

/* word (lower case, owned) → MorphWord * (owned): every known form */
static GHashTable *known;

/* ---- spelling ---- */

/* A vowel at s[i]: a e i o u, and y after a consonant ("try", "style");
 * u after q is a consonant ("quit", "quote"). */
static bool
vowel_at(const char *s, gsize i)
{
	switch (s[i]) {
	case 'a': case 'e': case 'i': case 'o':
		return true;
	case 'u':
		return i == 0 || s[i - 1] != 'q';
	case 'y':
		return i > 0 && !vowel_at(s, i - 1);
	default:
		return false;
	}
}

/* Groups of vowels in s[0, n): about the syllables ("plan" 1, "visit" 2). */
static int
syllables(const char *s, gsize n)
{
	int count = 0;
	for (gsize i = 0; i < n; i++)
		if (vowel_at(s, i) && (i == 0 || !vowel_at(s, i - 1)))
			count++;
	return count;
}

/* The final consonant is doubled before -ed, -ing: one syllable that
 * ends in one vowel and one consonant other than w, x, y (plan, stop). */
static bool
doubles(const char *s, gsize n)
{
	return n >= 2 && syllables(s, n) == 1 && !vowel_at(s, n - 1) && strchr("wxy", s[n - 1]) == NULL &&
	       vowel_at(s, n - 2) && (n < 3 || !vowel_at(s, n - 3));
}

static bool
ends_with(const char *s, gsize n, const char *suffix)
{
	gsize k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* base + "s": tries, watches, goes, plans. Returns a new string. */
static char *
make_s(const char *b)
{
	gsize n = strlen(b);
	if (n >= 2 && b[n - 1] == 'y' && !vowel_at(b, n - 2))
		return g_strdup_printf("%.*sies", (int)(n - 1), b);
	if (ends_with(b, n, "s") || ends_with(b, n, "x") || ends_with(b, n, "z") || ends_with(b, n, "ch") ||
	    ends_with(b, n, "sh") || (n >= 2 && b[n - 1] == 'o' && !vowel_at(b, n - 2)))
		return g_strdup_printf("%ses", b);
	return g_strdup_printf("%ss", b);
}

/* base + "ed": moved, tried, planned, played. Returns a new string. */
static char *
make_ed(const char *b)
{
	gsize n = strlen(b);
	if (b[n - 1] == 'e')
		return g_strdup_printf("%sd", b);
	if (n >= 2 && b[n - 1] == 'y' && !vowel_at(b, n - 2))
		return g_strdup_printf("%.*sied", (int)(n - 1), b);
	if (doubles(b, n))
		return g_strdup_printf("%s%ced", b, b[n - 1]);
	return g_strdup_printf("%sed", b);
}

/* base + "ing": moving, dying, seeing, planning. `past` (or NULL), when
 * written out in verbs.txt as base + doubled consonant + "ed", says the
 * consonant doubles here too (committed → committing). New string. */
static char *
make_ing(const char *b, const char *past)
{
	gsize n = strlen(b);
	if (past != NULL && strlen(past) == n + 3 && strncmp(past, b, n) == 0 && past[n] == b[n - 1] &&
	    strcmp(past + n + 1, "ed") == 0)
		return g_strdup_printf("%s%cing", b, b[n - 1]);
	if (ends_with(b, n, "ie"))
		return g_strdup_printf("%.*sying", (int)(n - 2), b);
	if (ends_with(b, n, "ee") || ends_with(b, n, "ye") || ends_with(b, n, "oe"))
		return g_strdup_printf("%sing", b);
	if (n >= 2 && b[n - 1] == 'e')
		return g_strdup_printf("%.*sing", (int)(n - 1), b);
	if (doubles(b, n))
		return g_strdup_printf("%s%cing", b, b[n - 1]);
	return g_strdup_printf("%sing", b);
}

/*
 * The base of a stem left by taking -ed or -ing off a word: the reverse of
 * make_ed()/make_ing(), by rules that are right on most news verbs (and
 * where they are not, verbs.txt lists the verb):
 *   planned → plan       doubled consonant, not l s z f d: undoubled
 *   moved → move         v c u z: +e (received, forced, argued, seized)
 *   changed → change     g after r d l, after an (a e i u)+n, or one vowel
 *   settled → settle     l after b c d f g k p s t z
 *   raised → raise       s after a vowel (released, caused, closed)
 *   hoped → hope         one syllable, one vowel, one consonant
 *   negotiated → negotiate, scheduled → schedule, combined → combine:
 *                        a longer word ending in one vowel and one of the
 *                        consonant pairs of `long_e` below
 *   visited → visit, opened → open, developed → develop: everything else
 * Writes into buf (at least n + 2 bytes).
 */
static void
restore(const char *s, gsize n, char *buf)
{
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (n < 2)
		return;
	char c1 = s[n - 1], c2 = s[n - 2], c3 = n >= 3 ? s[n - 3] : '\0';
	if (c1 == c2 && !vowel_at(s, n - 1) && strchr("lszfd", c1) == NULL) {
		buf[n - 1] = '\0';
		return;
	}
	bool single = vowel_at(s, n - 2) && (n < 3 || !vowel_at(s, n - 3));
	bool e = false;
	switch (c1) {
	case 'v': case 'c': case 'u':
		e = true;
		break;
	case 'z':
		e = c2 != 'z';
		break;
	case 'g':
		e = strchr("rdl", c2) != NULL || (c2 == 'n' && c3 != '\0' && strchr("aeiu", c3) != NULL) || single;
		break;
	case 'l':
		e = strchr("bcdfgkpstz", c2) != NULL || (single && c2 != 'e');
		break;
	case 's':
		e = vowel_at(s, n - 2);
		break;
	case 'h':
		e = c2 == 't' && c3 != '\0' && vowel_at(s, n - 3);
		break;
	case 't':
		/* negotiated, evaluated; not treated, floated */
		e = (c2 == 'a' && c3 != 'e' && c3 != 'o' && vowel_at(s, n - 2)) ||
		    (single && (syllables(s, n) == 1 || c2 == 'u' || c2 == 'o'));
		break;
	case 'w': case 'x': case 'y':
		break;
	default:
		if (single) {
			/* one vowel then one consonant; "-e" of a longer word after
			 * these pairs only (scheduled, described; not opened, offered) */
			static const char *const long_e[] = { "ad", "id", "od", "ud", "ar", "ir", "ur", "am", "im",
							      "om", "um", "in", "ap", "ip", "ab", "ib", "ob", "ub",
							      "ak", "ik", "ok", "uk" };
			e = syllables(s, n) == 1;
			for (size_t i = 0; i < G_N_ELEMENTS(long_e) && !e; i++)
				e = c2 == long_e[i][0] && c1 == long_e[i][1];
		}
		break;
	}
	if (e) {
		buf[n] = 'e';
		buf[n + 1] = '\0';
	}
}

/* ---- loading ---- */

static void
add_known(const char *form, const MorphAnalysis *a)
{
	MorphWord *w = g_hash_table_lookup(known, form);
	if (w == NULL) {
		w = g_new0(MorphWord, 1);
		g_hash_table_insert(known, g_strdup(form), w);
	}
	morph_word_add(w, a);
}

/* "was:3sg" → form "was", person 3, number sg; "are" → person 0. Writes
 * the form into buf; false when the annotation is not one. */
static bool
split_person(const char *field, char *buf, gsize size, guint8 *person, guint8 *number)
{
	const char *colon = strchr(field, ':');
	gsize n = colon != NULL ? (gsize)(colon - field) : strlen(field);
	if (n == 0 || n >= size)
		return false;
	memcpy(buf, field, n);
	buf[n] = '\0';
	*person = 0;
	*number = 0;
	if (colon == NULL)
		return true;
	const char *p = colon + 1;
	if (strlen(p) != 3 || p[0] < '1' || p[0] > '3' || (strcmp(p + 1, "sg") != 0 && strcmp(p + 1, "pl") != 0))
		return false;
	*person = (guint8)(p[0] - '0');
	*number = p[1] == 's' ? MORPH_NUMBER_SG : MORPH_NUMBER_PL;
	return true;
}

/* Adds each of the '|'-separated forms of `field` as analysis *a. */
static bool
add_forms(const char *field, MorphAnalysis a)
{
	char **alts = g_strsplit(field, "|", 0);
	bool ok = true;
	for (char **p = alts; *p != NULL && ok; p++) {
		char form[MORPH_WORD_MAX + 1];
		guint8 person, number;
		ok = split_person(*p, form, sizeof form, &person, &number);
		if (ok) {
			MorphAnalysis b = a;
			if (person != 0) {
				b.person = person;
				b.number = number;
			}
			add_known(form, &b);
		}
	}
	g_strfreev(alts);
	return ok;
}

static bool
bad_line(GError **error, const char *file, guint line, const char *what)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "%s:%u: %s", file, line, what);
	return false;
}

/* The blank-separated fields of one line, comment removed; NULL-ended,
 * g_strfreev() it. */
static char **
fields_of(const char *line)
{
	char *text = g_strdup(line);
	char *hash = strchr(text, '#');
	if (hash != NULL)
		*hash = '\0';
	char **all = g_strsplit_set(text, " \t\r", 0);
	g_free(text);
	guint n = 0;
	for (guint i = 0; all[i] != NULL; i++) {
		if (*all[i] != '\0')
			all[n++] = all[i];
		else
			g_free(all[i]);
	}
	all[n] = NULL;
	return all;
}

static bool
read_verb(char **f, guint line, GError **error)
{
	const char *base = f[0], *past = NULL, *part = NULL, *s = NULL, *ing = NULL, *pres = NULL;
	int modal = -1;
	bool noun = false, aux = false;
	for (guint i = 1; f[i] != NULL; i++) {
		if (strcmp(f[i], "+noun") == 0)
			noun = true;
		else if (strcmp(f[i], "+aux") == 0)
			aux = true;
		else if (g_str_has_prefix(f[i], "s="))
			s = f[i] + 2;
		else if (g_str_has_prefix(f[i], "ing="))
			ing = f[i] + 4;
		else if (g_str_has_prefix(f[i], "pres="))
			pres = f[i] + 5;
		else if (strcmp(f[i], "modal=future") == 0)
			modal = MORPH_FORM_FUTURE;
		else if (strcmp(f[i], "modal=conditional") == 0)
			modal = MORPH_FORM_CONDITIONAL;
		else if (strcmp(f[i], "modal=present") == 0)
			modal = MORPH_FORM_PRESENT;
		else if (f[i][0] == '+' || strchr(f[i], '=') != NULL)
			return bad_line(error, "verbs.txt", line, "unknown field");
		else if (past == NULL)
			past = f[i];
		else if (part == NULL)
			part = f[i];
		else
			return bad_line(error, "verbs.txt", line, "more than three forms");
	}
	if (strlen(base) > MORPH_WORD_MAX)
		return bad_line(error, "verbs.txt", line, "word too long");
	const char *lemma = morph_intern(base, -1);
	MorphAnalysis a = { .lemma = lemma, .pos = MORPH_POS_VERB };
	char *made_s = s != NULL ? g_strdup(s) : make_s(base);
	if (modal >= 0) {
		if (past != NULL || s != NULL || ing != NULL || pres != NULL || aux)
			return g_free(made_s), bad_line(error, "verbs.txt", line, "a modal has no other form");
		a.pos = MORPH_POS_AUX;
		a.form = (guint8)modal;
		a.flags = MORPH_F_MODAL;
		add_known(base, &a);
	} else {
		if (aux)
			a.pos = MORPH_POS_AUX;
		char *made_past = past != NULL ? g_strdup(past) : make_ed(base);
		char *made_ing = ing != NULL ? g_strdup(ing) : make_ing(base, past != NULL && !strchr(past, '|') ? past : NULL);
		bool ok = true;
		a.form = MORPH_FORM_INFINITIVE;
		add_known(base, &a);
		if (pres == NULL) {
			a.form = MORPH_FORM_PRESENT;
			add_known(base, &a);
		} else {
			a.form = MORPH_FORM_PRESENT;
			ok &= add_forms(pres, a);
		}
		a.form = MORPH_FORM_PRESENT;
		a.person = 3;
		a.number = MORPH_NUMBER_SG;
		add_known(made_s, &a);
		a.person = a.number = 0;
		a.form = MORPH_FORM_SIMPLE_PAST;
		ok &= add_forms(made_past, a);
		a.form = MORPH_FORM_PAST_PARTICIPLE;
		ok &= add_forms(part != NULL ? part : made_past, a);
		a.form = MORPH_FORM_PRESENT_PARTICIPLE;
		add_known(made_ing, &a);
		/* every -ing form is also a noun: "the meeting", "the bombing" */
		MorphAnalysis gerund = { .lemma = morph_intern(made_ing, -1), .pos = MORPH_POS_NOUN,
					 .number = MORPH_NUMBER_SG };
		add_known(made_ing, &gerund);
		g_free(made_past);
		g_free(made_ing);
		if (!ok)
			return g_free(made_s), bad_line(error, "verbs.txt", line, "bad form:person");
	}
	if (noun) {
		MorphAnalysis nn = { .lemma = lemma, .pos = MORPH_POS_NOUN, .number = MORPH_NUMBER_SG };
		add_known(base, &nn);
		nn.number = MORPH_NUMBER_PL;
		add_known(made_s, &nn);
	}
	g_free(made_s);
	return true;
}

static bool
read_word(char **f, guint line, GError **error)
{
	if (f[1] == NULL)
		return bad_line(error, "lexicon.txt", line, "no part of speech");
	MorphAnalysis a = { .lemma = NULL };
	for (int p = MORPH_POS_VERB; p < MORPH_POS_COUNT; p++)
		if (strcmp(f[1], morph_pos_name((MorphPos)p)) == 0)
			a.pos = (guint8)p;
	if (a.pos == MORPH_POS_NONE || a.pos == MORPH_POS_VERB || a.pos == MORPH_POS_AUX)
		return bad_line(error, "lexicon.txt", line, "unknown part of speech (verbs go in verbs.txt)");
	for (guint i = 2; f[i] != NULL; i++) {
		const char *t = f[i];
		if (t[0] == '=')
			a.lemma = morph_intern(t + 1, -1);
		else if (strcmp(t, "subject") == 0)
			a.flags |= MORPH_F_SUBJECT;
		else if (strcmp(t, "object") == 0)
			a.flags |= MORPH_F_OBJECT;
		else if (strcmp(t, "sg") == 0)
			a.number = MORPH_NUMBER_SG;
		else if (strcmp(t, "pl") == 0)
			a.number = MORPH_NUMBER_PL;
		else if (t[0] >= '1' && t[0] <= '3' && (t[1] == '\0' || strcmp(t + 1, "sg") == 0 || strcmp(t + 1, "pl") == 0)) {
			a.person = (guint8)(t[0] - '0');
			if (t[1] != '\0')
				a.number = t[1] == 's' ? MORPH_NUMBER_SG : MORPH_NUMBER_PL;
		} else
			return bad_line(error, "lexicon.txt", line, "unknown feature");
	}
	if (strlen(f[0]) > MORPH_WORD_MAX)
		return bad_line(error, "lexicon.txt", line, "word too long");
	if (a.lemma == NULL)
		a.lemma = morph_intern(f[0], -1);
	add_known(f[0], &a);
	return true;
}

static bool
read_table(const char *path, bool (*read_line)(char **f, guint line, GError **error), GError **error)
{
	/* through the resource itself, so that linking the static library
	 * keeps the resource object */
	GBytes *b = g_resource_lookup_data(frise_res_get_resource(), path, 0, error);
	if (b == NULL)
		return false;
	gsize n;
	const char *data = g_bytes_get_data(b, &n);
	char *text = g_strndup(data, n);
	g_bytes_unref(b);
	char **lines = g_strsplit(text, "\n", 0);
	g_free(text);
	bool ok = true;
	for (guint i = 0; lines[i] != NULL && ok; i++) {
		char **f = fields_of(lines[i]);
		if (f[0] != NULL)
			ok = read_line(f, i + 1, error);
		g_strfreev(f);
	}
	g_strfreev(lines);
	return ok;
}

bool
morph_en_load(GError **error)
{
	known = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	return read_table("/frise/src/lang/en/verbs.txt", read_verb, error) &&
	       read_table("/frise/src/lang/en/lexicon.txt", read_word, error);
}

/* ---- analysing ---- */

/* Contracted negatives whose host is not a word of its own: won't,
 * can't, shan't. */
static const struct { const char *host, *as; } negated[] = {
	{ "wo", "will" }, { "ca", "can" }, { "sha", "shall" },
};

/* Clitics after an apostrophe, and what they stand for. */
static const struct { const char *clitic, *lemma; guint8 pos, form, person, number; guint16 flags; } clitics[] = {
	{ "'s", "be", MORPH_POS_AUX, MORPH_FORM_PRESENT, 3, MORPH_NUMBER_SG, 0 },
	{ "'s", "have", MORPH_POS_AUX, MORPH_FORM_PRESENT, 3, MORPH_NUMBER_SG, 0 },
	{ "'s", "'s", MORPH_POS_PARTICLE, 0, 0, 0, 0 }, /* the possessive */
	{ "'ll", "will", MORPH_POS_AUX, MORPH_FORM_FUTURE, 0, 0, MORPH_F_MODAL },
	{ "'d", "would", MORPH_POS_AUX, MORPH_FORM_CONDITIONAL, 0, 0, MORPH_F_MODAL },
	{ "'d", "have", MORPH_POS_AUX, MORPH_FORM_SIMPLE_PAST, 0, 0, 0 },
	{ "'re", "be", MORPH_POS_AUX, MORPH_FORM_PRESENT, 0, 0, 0 },
	{ "'ve", "have", MORPH_POS_AUX, MORPH_FORM_PRESENT, 0, 0, 0 },
	{ "'m", "be", MORPH_POS_AUX, MORPH_FORM_PRESENT, 1, MORPH_NUMBER_SG, 0 },
};

static bool
add_table(const char *lower, MorphWord *out)
{
	const MorphWord *w = g_hash_table_lookup(known, lower);
	if (w == NULL)
		return false;
	for (guint i = 0; i < w->n; i++)
		morph_word_add(out, &w->a[i]);
	return true;
}

static bool
all_letters(const char *s, gsize n)
{
	for (gsize i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return n > 0;
}

static bool
has_vowel(const char *s, gsize n)
{
	for (gsize i = 0; i < n; i++)
		if (vowel_at(s, i))
			return true;
	return false;
}

/* Step 3: an unknown word by its ending. */
static void
guess(const char *w, gsize n, MorphWord *out)
{
	if (n < 4 || !all_letters(w, n))
		return;
	char buf[MORPH_WORD_MAX + 3];
	MorphAnalysis a = { .pos = MORPH_POS_VERB, .flags = MORPH_F_GUESS };
	if (n >= 5 && ends_with(w, n, "ing") && has_vowel(w, n - 3)) {
		restore(w, n - 3, buf);
		a.lemma = morph_intern(buf, -1);
		a.form = MORPH_FORM_PRESENT_PARTICIPLE;
		morph_word_add(out, &a);
		MorphAnalysis noun = { .lemma = morph_intern(w, (gssize)n), .pos = MORPH_POS_NOUN,
				       .number = MORPH_NUMBER_SG, .flags = MORPH_F_GUESS };
		morph_word_add(out, &noun);
		return;
	}
	if (ends_with(w, n, "ed") && has_vowel(w, n - 2)) {
		if (ends_with(w, n, "ied") && n > 4) {
			memcpy(buf, w, n - 3);
			strcpy(buf + n - 3, "y");           /* tried → try */
		} else if (ends_with(w, n, "ied") || ends_with(w, n, "eed")) {
			memcpy(buf, w, n - 1);              /* died → die, agreed → agree */
			buf[n - 1] = '\0';
		} else {
			restore(w, n - 2, buf);
		}
		a.lemma = morph_intern(buf, -1);
		a.form = MORPH_FORM_SIMPLE_PAST;
		morph_word_add(out, &a);
		a.form = MORPH_FORM_PAST_PARTICIPLE;
		a.flags |= MORPH_F_ADJ;
		morph_word_add(out, &a);
		return;
	}
	/* -ly after three letters or more: an adverb ("eventually",
	 * "heavily"); the nouns and verbs that end so are in the lexicon
	 * ("family", "supply") */
	if (n >= 5 && ends_with(w, n, "ly") && !ends_with(w, n, "ply") && has_vowel(w, n - 2)) {
		MorphAnalysis adv = { .lemma = morph_intern(w, (gssize)n), .pos = MORPH_POS_ADV, .flags = MORPH_F_GUESS };
		morph_word_add(out, &adv);
		return;
	}
	if (w[n - 1] == 's' && !ends_with(w, n, "ss") && !ends_with(w, n, "us") && !ends_with(w, n, "is")) {
		gsize k = n - 1;
		if (ends_with(w, n, "ies") && n > 4) {
			memcpy(buf, w, n - 3);
			strcpy(buf + n - 3, "y");           /* carries → carry */
		} else {
			if (ends_with(w, n, "ches") || ends_with(w, n, "shes") || ends_with(w, n, "sses") ||
			    ends_with(w, n, "xes") || ends_with(w, n, "zzes") ||
			    (n > 5 && ends_with(w, n, "oes") && !vowel_at(w, n - 4)))
				k = n - 2;                  /* launches → launch, vetoes → veto */
			memcpy(buf, w, k);
			buf[k] = '\0';
		}
		a.lemma = morph_intern(buf, -1);
		a.form = MORPH_FORM_PRESENT;
		a.person = 3;
		a.number = MORPH_NUMBER_SG;
		morph_word_add(out, &a);
		MorphAnalysis noun = { .lemma = a.lemma, .pos = MORPH_POS_NOUN, .number = MORPH_NUMBER_PL,
				       .flags = MORPH_F_GUESS };
		morph_word_add(out, &noun);
	}
}

/* Steps 1 and 3 for a word without contraction, lower case. */
static void
analyze_plain(const char *w, gsize n, MorphWord *out)
{
	if (add_table(w, out))
		return;
	guess(w, n, out);
}

/* "1st", "22nd", "3rd", "15th" */
static bool
is_ordinal(const char *w, gsize n)
{
	gsize d = 0;
	while (d < n && g_ascii_isdigit(w[d]))
		d++;
	return d > 0 && n == d + 2 &&
	       (strcmp(w + d, "st") == 0 || strcmp(w + d, "nd") == 0 || strcmp(w + d, "rd") == 0 ||
		strcmp(w + d, "th") == 0);
}

void
morph_en_analyze(const char *word, gsize len, MorphWord *out)
{
	char *w = g_utf8_strdown(word, (gssize)len);
	gsize n = strlen(w);
	if (n != len) { /* a case change that changes the length: as given */
		g_free(w);
		w = g_strndup(word, len);
		n = len;
	}
	if (morph_is_digits(w, n) || is_ordinal(w, n)) {
		MorphAnalysis a = { .lemma = morph_intern("", 0), .pos = MORPH_POS_NUM };
		morph_word_add(out, &a);
		goto out;
	}
	/* a clitic alone ("'s", as morph_scan() asks) */
	for (size_t i = 0; i < G_N_ELEMENTS(clitics); i++)
		if (strcmp(w, clitics[i].clitic) == 0) {
			MorphAnalysis a = { .lemma = morph_intern(clitics[i].lemma, -1), .pos = clitics[i].pos,
					    .form = clitics[i].form, .person = clitics[i].person,
					    .number = clitics[i].number, .flags = clitics[i].flags };
			morph_word_add(out, &a);
		}
	if (out->n > 0)
		goto out;
	if (add_table(w, out))
		goto out;
	/* didn't, won't, can't: the auxiliary, negative */
	if (n > 3 && ends_with(w, n, "n't")) {
		w[n - 3] = '\0';
		const char *host = w;
		for (size_t i = 0; i < G_N_ELEMENTS(negated); i++)
			if (strcmp(w, negated[i].host) == 0)
				host = negated[i].as;
		MorphWord aux = { 0 };
		add_table(host, &aux);
		for (guint i = 0; i < aux.n; i++)
			if (aux.a[i].pos == MORPH_POS_AUX && morph_form_is_finite((MorphForm)aux.a[i].form)) {
				MorphAnalysis a = aux.a[i];
				a.flags |= MORPH_F_NEGATIVE;
				morph_word_add(out, &a);
			}
		goto out;
	}
	if (strcmp(w, "cannot") == 0) {
		MorphAnalysis a = { .lemma = morph_intern("can", -1), .pos = MORPH_POS_AUX,
				    .form = MORPH_FORM_PRESENT, .flags = MORPH_F_MODAL | MORPH_F_NEGATIVE };
		morph_word_add(out, &a);
		goto out;
	}
	/* he's, they'll, Obama's: the host, then the clitic as a word of its own */
	const char *apos = strrchr(w, '\'');
	if (apos != NULL && apos > w) {
		for (size_t i = 0; i < G_N_ELEMENTS(clitics); i++)
			if (strcmp(apos, clitics[i].clitic) == 0) {
				gsize h = (gsize)(apos - w);
				w[h] = '\0';
				analyze_plain(w, h, out);
				out->flags |= MORPH_W_CLITIC;
				out->host_end = out->tail_start = (guint8)h;
				goto out;
			}
	}
	guess(w, n, out);
	/* a compound it does not know: its last part ("state-owned") */
	const char *hyphen = strrchr(w, '-');
	if (out->n == 0 && hyphen != NULL && hyphen > w && hyphen[1] != '\0') {
		analyze_plain(hyphen + 1, strlen(hyphen + 1), out);
		if (out->n > 0)
			out->flags |= MORPH_W_PARTIAL;
	}
out:
	g_free(w);
}
