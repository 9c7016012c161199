/*
 * test_morph.c — the lexicon (src/core/morph.h), one line per case.
 *
 * A case names a word and one analysis written as morph_analysis_describe()
 * writes it ("avoir aux future 3sg"): the word must have it. "=" before
 * the analyses means they are all it has, joined by " | " ("" for an
 * unknown word); "!" before a lemma means no analysis has that lemma. The
 * French cases need Debian's hunspell-fr: without it they fail, saying so
 * (/morph/fr/available first), rather than skip.
 */
#include "core/morph.h"

#include <string.h>

typedef struct {
	const char *lang, *word, *expected;
} Case;

static const Case word_cases[] = {
	/* French: a finite verb in every tense, the participles, the infinitive */
	{ "fr", "parle", "parler verb present 3sg" },
	{ "fr", "parle", "parler verb subj-present 3sg" },
	{ "fr", "parle", "parler verb imperative 2sg" },
	{ "fr", "parlait", "parler verb imperfect 3sg" },
	{ "fr", "parla", "parler verb simple-past 3sg" },
	{ "fr", "parlâmes", "parler verb simple-past 1pl" },
	{ "fr", "parlera", "parler verb future 3sg" },
	{ "fr", "parlerait", "parler verb conditional 3sg" },
	{ "fr", "parlât", "parler verb subj-imperfect 3sg" },
	{ "fr", "parlez", "parler verb imperative 2pl" },
	{ "fr", "parlez", "parler verb present 2pl" },
	{ "fr", "parlé", "parler verb past-participle masc sg adj" },
	{ "fr", "parlant", "parler verb present-participle" },
	{ "fr", "parler", "parler verb infinitive" },
	{ "fr", "fuient", "fuir verb present 3pl" },
	{ "fr", "fuient", "fuir verb subj-present 3pl" },
	{ "fr", "fuient", "!fuiter" },
	{ "fr", "fuit", "fuir verb present 3sg" },
	{ "fr", "finirent", "finir verb simple-past 3pl" },
	{ "fr", "viendrait", "venir verb conditional 3sg" },
	{ "fr", "vienne", "venir verb subj-present 3sg" },
	{ "fr", "vînt", "venir verb subj-imperfect 3sg" },
	{ "fr", "vont", "aller verb present 3pl" },
	{ "fr", "devrait", "devoir verb conditional 3sg" },
	{ "fr", "prévue", "prévoir verb past-participle fem sg adj" },
	{ "fr", "arrivés", "arriver verb past-participle masc pl adj" },
	/* auxiliaries */
	{ "fr", "a", "avoir aux present 3sg" },
	{ "fr", "ont", "avoir aux present 3pl" },
	{ "fr", "avait", "avoir aux imperfect 3sg" },
	{ "fr", "eut", "avoir aux simple-past 3sg" },
	{ "fr", "aurait", "avoir aux conditional 3sg" },
	{ "fr", "ayant", "avoir aux present-participle" },
	{ "fr", "eu", "avoir aux past-participle masc sg" },
	{ "fr", "est", "être aux present 3sg" },
	{ "fr", "sont", "être aux present 3pl" },
	{ "fr", "sera", "être aux future 3sg" },
	{ "fr", "serait", "être aux conditional 3sg" },
	{ "fr", "fut", "être aux simple-past 3sg" },
	{ "fr", "soit", "être aux subj-present 3sg" },
	{ "fr", "étant", "être aux present-participle" },
	/* nouns that are also verb forms: both, for the caller to choose */
	{ "fr", "aura", "= aura noun fem sg | avoir aux future 3sg" },
	{ "fr", "lancée", "= lancée noun fem sg | lancer verb past-participle fem sg adj" },
	{ "fr", "fuite", "fuite noun fem sg" },
	{ "fr", "fuite", "fuiter verb present 3sg" },
	{ "fr", "est", "est noun masc sg" },
	{ "fr", "été", "= été noun masc sg | être aux past-participle epi inv" },
	{ "fr", "fait", "fait noun masc sg" },
	{ "fr", "fait", "faire verb past-participle masc sg adj" },
	/* other parts of speech */
	{ "fr", "samedi", "samedi noun masc sg" },
	{ "fr", "samedi", "samedi adv" },
	{ "fr", "il", "= il pron 3sg masc subject" },
	{ "fr", "le", "le det masc sg" },
	{ "fr", "le", "le pron masc sg object" },
	{ "fr", "et", "= et conj" },
	{ "fr", "avec", "= avec prep" },
	{ "fr", "trois", "= trois num epi pl" },
	{ "fr", "2024", "= num" },
	{ "fr", "1.000", "= num" },
	{ "fr", "Paris", "Paris proper epi inv" },
	{ "fr", "Macron", "Macron proper epi inv" },
	{ "fr", "afin", "afin prep locution" },
	/* capitals: sentence-initial, all caps */
	{ "fr", "Samedi", "samedi noun masc sg" },
	{ "fr", "Aura", "avoir aux future 3sg" },
	{ "fr", "LANCÉE", "lancer verb past-participle fem sg adj" },
	/* elisions: the host's analyses */
	{ "fr", "l'annonce", "annonce noun fem sg" },
	{ "fr", "l'annonce", "annoncer verb present 3sg" },
	{ "fr", "l’annonce", "annonce noun fem sg" },
	{ "fr", "L'annonce", "annonce noun fem sg" },
	{ "fr", "qu'il", "= il pron 3sg masc subject" },
	{ "fr", "Qu'il", "= il pron 3sg masc subject" },
	{ "fr", "s'est", "= être aux present 3sg" },
	{ "fr", "n'a", "avoir aux present 3sg" },
	{ "fr", "j'ai", "= avoir aux present 1sg" },
	{ "fr", "d'avoir", "avoir aux infinitive" },
	{ "fr", "s'enfuient", "enfuir verb present 3pl" },
	{ "fr", "jusqu'au", "au prep masc sg" },
	{ "fr", "l'OpenAI", "=" },
	{ "fr", "aujourd'hui", "= aujourd'hui adv" },
	{ "fr", "aujourd’hui", "= aujourd'hui adv" },
	{ "fr", "s'", "si conj" },
	/* inversions: the verb's finite forms that agree with the pronoun */
	{ "fr", "a-t-il", "= avoir aux present 3sg" },
	{ "fr", "a-t-elle", "= avoir aux present 3sg" },
	{ "fr", "dira-t-on", "= dire verb future 3sg" },
	{ "fr", "fait-il", "= faire verb present 3sg" },
	{ "fr", "Dit-il", "= dire verb present 3sg | dire verb simple-past 3sg" },
	{ "fr", "suis-je", "être aux present 1sg" },
	{ "fr", "avons-nous", "= avoir aux present 1pl" },
	{ "fr", "est-ce", "= être aux present 3sg" },
	{ "fr", "aidez-nous", "= aider verb imperative 2pl" },
	{ "fr", "dis-moi", "= dire verb imperative 2sg" },
	{ "fr", "qu'a-t-il", "= avoir aux present 3sg" },
	{ "fr", "jour-là", "= jour noun masc sg" },
	/* hyphenated words the dictionary knows whole, and one it does not */
	{ "fr", "rendez-vous", "= rendez-vous noun masc inv" },
	{ "fr", "peut-être", "= peut-être adv" },
	{ "fr", "ex-président", "président noun masc sg" },
	/* NFD accents */
	{ "fr", "e\xCC\x81te\xCC\x81", "être aux past-participle epi inv" },
	{ "fr", "lance\xCC\x81" "e", "lancer verb past-participle fem sg adj" },
	{ "fr", "xyzzyq", "=" },

	/* English: irregular verbs (src/lang/en/verbs.txt) */
	{ "en", "went", "= go verb simple-past" },
	{ "en", "gone", "= go verb past-participle" },
	{ "en", "goes", "= go verb present 3sg" },
	{ "en", "said", "= say verb simple-past | say verb past-participle" },
	{ "en", "met", "= meet verb simple-past | meet verb past-participle" },
	{ "en", "won", "win verb simple-past" },
	{ "en", "fled", "= flee verb simple-past | flee verb past-participle" },
	{ "en", "struck", "strike verb simple-past" },
	{ "en", "stricken", "= strike verb past-participle" },
	{ "en", "burnt", "burn verb simple-past" },
	{ "en", "found", "find verb simple-past" },
	{ "en", "found", "found verb present" },
	{ "en", "lay", "lie verb simple-past" },
	{ "en", "lay", "lay verb present" },
	{ "en", "lying", "lie verb present-participle" },
	{ "en", "beginning", "begin verb present-participle" },
	/* auxiliaries and modals */
	{ "en", "is", "= be aux present 3sg" },
	{ "en", "am", "= be aux present 1sg" },
	{ "en", "are", "= be aux present" },
	{ "en", "was", "= be aux simple-past 1sg | be aux simple-past 3sg" },
	{ "en", "were", "= be aux simple-past" },
	{ "en", "been", "= be aux past-participle" },
	{ "en", "being", "= be aux present-participle | being noun sg" },
	{ "en", "has", "= have aux present 3sg" },
	{ "en", "had", "= have aux simple-past | have aux past-participle" },
	{ "en", "did", "= do aux simple-past" },
	{ "en", "does", "= do aux present 3sg" },
	{ "en", "will", "will aux future modal" },
	{ "en", "will", "will noun sg" },
	{ "en", "shall", "= shall aux future modal" },
	{ "en", "would", "= would aux conditional modal" },
	{ "en", "should", "= should aux conditional modal" },
	{ "en", "could", "= could aux conditional modal" },
	{ "en", "might", "might aux conditional modal" },
	{ "en", "can", "can aux present modal" },
	{ "en", "must", "= must aux present modal" },
	{ "en", "didn't", "= do aux simple-past negative" },
	{ "en", "won't", "= will aux future modal negative" },
	{ "en", "can't", "= can aux present modal negative" },
	{ "en", "cannot", "= can aux present modal negative" },
	{ "en", "isn't", "= be aux present 3sg negative" },
	{ "en", "don’t", "= do aux present negative" },
	{ "en", "'ll", "= will aux future modal" },
	{ "en", "'s", "= be aux present 3sg | have aux present 3sg | 's particle" },
	{ "en", "'d", "= would aux conditional modal | have aux simple-past" },
	/* regular verbs, listed or by rule (guess) */
	{ "en", "leaked", "= leak verb simple-past | leak verb past-participle" },
	{ "en", "planned", "plan verb past-participle" },
	{ "en", "planning", "plan verb present-participle" },
	{ "en", "moved", "move verb simple-past" },
	{ "en", "created", "create verb simple-past" },
	{ "en", "committed", "commit verb simple-past" },
	{ "en", "committing", "commit verb present-participle" },
	{ "en", "visited", "visit verb simple-past" },
	{ "en", "launches", "launch verb present 3sg" },
	{ "en", "tried", "try verb simple-past" },
	{ "en", "defied", "defy verb simple-past guess" },
	{ "en", "relocated", "relocate verb simple-past guess" },
	{ "en", "denounced", "denounce verb simple-past guess" },
	{ "en", "devised", "devise verb simple-past guess" },
	{ "en", "ridiculed", "ridicule verb simple-past guess" },
	{ "en", "inscribed", "inscribe verb simple-past guess" },
	{ "en", "changed", "change verb simple-past" },
	{ "en", "prolonged", "prolong verb simple-past guess" },
	{ "en", "startled", "startle verb simple-past guess" },
	{ "en", "argued", "argue verb simple-past guess" },
	{ "en", "sharpened", "sharpen verb simple-past guess" },
	{ "en", "reheated", "reheat verb simple-past guess" },
	{ "en", "demoted", "demote verb simple-past guess" },
	{ "en", "hoped", "hope verb simple-past" },
	{ "en", "sued", "sue verb simple-past guess" },
	{ "en", "stopped", "stop verb simple-past" },
	{ "en", "dropped", "drop verb simple-past" },
	{ "en", "agreed", "agree verb simple-past" },
	{ "en", "tormenting", "torment verb present-participle guess" },
	{ "en", "hurrying", "hurry verb present-participle guess" },
	{ "en", "making", "= make verb present-participle | making noun sg" },
	{ "en", "dying", "= die verb present-participle | dying noun sg" },
	{ "en", "dignifies", "dignify verb present 3sg guess" },
	{ "en", "clinches", "= clinch verb present 3sg guess | clinch noun pl guess" },
	{ "en", "state-owned", "own verb past-participle" },
	{ "en", "oil-soaked", "soak verb past-participle adj guess" },
	{ "en", "use", "use verb present" },
	{ "en", "used", "= use verb simple-past | use verb past-participle" },
	{ "en", "kidnapped", "kidnap verb simple-past" },
	{ "en", "panicking", "panic verb present-participle" },
	{ "en", "James", "jame verb present 3sg guess" }, /* a name: GUESS on a capital */
	/* nouns that are also verb forms: both */
	{ "en", "plans", "= plan verb present 3sg | plan noun pl" },
	{ "en", "deal", "= deal verb infinitive | deal verb present | deal noun sg" },
	{ "en", "strike", "strike noun sg" },
	{ "en", "talks", "talk noun pl" },
	{ "en", "meeting", "meeting noun sg" },
	{ "en", "bombing", "= bomb verb present-participle | bombing noun sg" },
	{ "en", "sparkling", "sparkling noun sg guess" },
	{ "en", "meeting", "meet verb present-participle" },
	/* other words */
	{ "en", "news", "= news noun sg" },
	{ "en", "morning", "= morning noun sg" },
	{ "en", "they", "= they pron 3pl subject" },
	{ "en", "the", "= the det" },
	{ "en", "during", "= during prep" },
	{ "en", "2024", "= num" },
	{ "en", "15th", "= num" },
	{ "en", "Friday", "= Friday proper" },
	{ "en", "May", "= may aux present modal | May proper" },
	{ "en", "Said", "say verb simple-past" },
	{ "en", "WENT", "go verb simple-past" },
	{ "en", "table", "=" },
};

static FriseLang
lang_of(const char *code)
{
	return frise_lang_parse(code);
}

static void
run_case(gconstpointer data)
{
	const Case *c = data;
	MorphWord w;
	morph_analyze(lang_of(c->lang), c->word, -1, &w);
	char *got = morph_word_describe(&w);
	const char *e = c->expected;
	if (e[0] == '=') {
		e += e[1] == ' ' ? 2 : 1;
		if (strcmp(got, e) != 0)
			g_test_fail_printf("%s: got \"%s\", expected exactly \"%s\"", c->word, got, e);
	} else {
		bool found = false;
		for (guint i = 0; i < w.n; i++) {
			char *d = morph_analysis_describe(&w.a[i]);
			if (e[0] == '!')
				found |= strcmp(w.a[i].lemma, e + 1) == 0;
			else
				found |= strcmp(d, e) == 0;
			g_free(d);
		}
		if (e[0] == '!' && found)
			g_test_fail_printf("%s: got \"%s\", expected no lemma %s", c->word, got, e + 1);
		else if (e[0] != '!' && !found)
			g_test_fail_printf("%s: got \"%s\", expected \"%s\" among them", c->word, got, e);
	}
	g_free(got);
}

/* The French dictionary is there: fail, do not skip, when it is not. */
static void
test_available(void)
{
	GError *error = NULL;
	if (!morph_load(FRISE_LANG_FR, &error)) {
		g_test_fail_printf("the French lexicon is missing, so every French case fails: %s. "
				   "Run bash .ci/setup (it installs hunspell-fr).", error->message);
		g_error_free(error);
		return;
	}
	g_assert_true(morph_available(FRISE_LANG_FR));
	g_assert_true(morph_available(FRISE_LANG_EN));
	g_assert_false(morph_available(FRISE_LANG_UNKNOWN));
	g_assert_false(morph_load(FRISE_LANG_UNKNOWN, &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE);
	g_clear_error(&error);
}

/* Words morph_analyze() refuses: unknown, not an error. */
static void
test_refused(void)
{
	static const struct { FriseLang lang; const char *word; gssize len; } cases[] = {
		{ FRISE_LANG_FR, "", 0 },
		{ FRISE_LANG_FR, "a\xFF", 2 },                /* invalid UTF-8 */
		{ FRISE_LANG_FR, "\xC3", 1 },                 /* cut in a character */
		{ FRISE_LANG_EN, "went", 0 },
		{ FRISE_LANG_UNKNOWN, "aura", -1 },
		{ FRISE_LANG_FR, "anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement", -1 },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		MorphWord w;
		g_test_message("%zu", i);
		g_assert_false(morph_analyze(cases[i].lang, cases[i].word, cases[i].len, &w));
		g_assert_cmpuint(w.n, ==, 0);
		g_assert_cmpuint(w.host_end, ==, 0);
	}
	/* a length bounds the word: "aura" of "auras" */
	MorphWord w;
	g_assert_true(morph_analyze(FRISE_LANG_FR, "auras", 4, &w));
	g_assert_nonnull(morph_find(&w, "avoir", MORPH_POS_AUX));
	g_assert_cmpuint(w.a[1].person, ==, 3);
}

/* Where the host lies in the word, as given (NFD, ’ included). */
static void
test_hosts(void)
{
	static const struct { const char *lang, *word; guint host_start, host_end, tail_start; guint8 flags; } cases[] = {
		{ "fr", "l'annonce", 2, 9, 9, MORPH_W_ELIDED },
		{ "fr", "l\xE2\x80\x99" "annonce", 4, 11, 11, MORPH_W_ELIDED },
		{ "fr", "a-t-il", 0, 1, 4, MORPH_W_INVERTED },
		{ "fr", "qu'a-t-il", 3, 4, 7, MORPH_W_ELIDED | MORPH_W_INVERTED },
		{ "fr", "L\xE2\x80\x99" "e\xCC\x81te\xCC\x81", 4, 11, 11, MORPH_W_ELIDED },
		{ "fr", "aujourd'hui", 0, 11, 11, 0 },
		{ "fr", "Samedi", 0, 6, 6, MORPH_W_CAPITALISED },
		{ "fr", "ex-président", 0, 13, 13, MORPH_W_PARTIAL },
		{ "en", "he's", 0, 2, 2, MORPH_W_CLITIC },
		{ "en", "Obama\xE2\x80\x99s", 0, 5, 5, MORPH_W_CLITIC | MORPH_W_CAPITALISED },
		{ "en", "didn't", 0, 6, 6, 0 },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		MorphWord w;
		g_test_message("%s", cases[i].word);
		morph_analyze(lang_of(cases[i].lang), cases[i].word, -1, &w);
		g_assert_cmpuint(w.host_start, ==, cases[i].host_start);
		g_assert_cmpuint(w.host_end, ==, cases[i].host_end);
		g_assert_cmpuint(w.tail_start, ==, cases[i].tail_start);
		g_assert_cmpuint(w.flags, ==, cases[i].flags);
	}
}

/* The tokeniser: the words of a text, joined with '|'. */
static void
test_words(void)
{
	static const struct { const char *text, *words; } cases[] = {
		{ "Il a dit.", "Il|a|dit" },
		{ "l'annonce, a-t-il dit", "l'annonce|a-t-il|dit" },
		{ "15h30 3,5 M. 2024", "15h30|3,5|M|2024" },
		{ "\xE2\x80\x98l\xE2\x80\x99" "été\xE2\x80\x99 ", "l\xE2\x80\x99" "été" }, /* ‘l’été’ */
		{ "rock - roll -x y-", "rock|roll|x|y" },
		{ "a\xFF" "b", "a|b" },
		{ "e\xCC\x81te\xCC\x81 ok", "e\xCC\x81te\xCC\x81|ok" },
		{ "Jean\xE2\x80\x91Pierre", "Jean\xE2\x80\x91Pierre" }, /* U+2011 */
		{ "  ", "" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		const char *t = cases[i].text;
		GString *got = g_string_new(NULL);
		gsize pos = 0;
		FriseSpan s;
		while (morph_next_word(t, strlen(t), &pos, &s))
			g_string_append_printf(got, "%s%.*s", got->len ? "|" : "", (int)(s.end - s.start), t + s.start);
		g_assert_cmpstr(got->str, ==, cases[i].words);
		g_string_free(got, TRUE);
	}
}

/* morph_scan(): tokens with their end-exclusive spans. */
static void
test_scan(void)
{
	static const struct { const char *lang, *text, *tokens; } cases[] = {
		{ "fr", "Qu'a-t-il dit ?", "Qu'[0,3) a[3,4) il[7,9) dit[10,13)" },
		{ "fr", "L'OpenAI a fui.", "L'[0,2) OpenAI[2,8) a[9,10) fui[11,14)" },
		{ "fr", "s'est", "s'[0,2) est[2,5)" },
		{ "fr", "aujourd'hui", "aujourd'hui[0,11)" },
		{ "fr", "l\xE2\x80\x99" "e\xCC\x81te\xCC\x81", "l\xE2\x80\x99[0,4) e\xCC\x81te\xCC\x81[4,11)" },
		{ "fr", "donne-le-moi", "donne[0,5) le[6,8) moi[9,12)" },
		{ "fr", "dira-t-on", "dira[0,4) on[7,9)" },
		{ "en", "He's said they'll go.", "He[0,2) 's[2,4) said[5,9) they[10,14) 'll[14,17) go[18,20)" },
		{ "en", "didn't", "didn't[0,6)" },
		{ "en", "", "" },
		{ "fr", "x anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement-t-il y",
		  "x[0,1) anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement-t-il[2,82) y[83,84)" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		const char *t = cases[i].text;
		gsize n;
		MorphToken *tok = morph_scan(lang_of(cases[i].lang), t, strlen(t), &n);
		GString *got = g_string_new(NULL);
		for (gsize k = 0; k < n; k++)
			g_string_append_printf(got, "%s%.*s[%zu,%zu)", k ? " " : "", (int)(tok[k].span.end - tok[k].span.start),
					       t + tok[k].span.start, tok[k].span.start, tok[k].span.end);
		g_assert_cmpstr(got->str, ==, cases[i].tokens);
		g_assert_true((n == 0) == (tok == NULL));
		g_string_free(got, TRUE);
		g_free(tok);
	}
	/* the finite verbs of a sentence */
	const char *s = "La fuite a été révélée mardi : les artistes fuient.";
	gsize n;
	MorphToken *tok = morph_scan(FRISE_LANG_FR, s, strlen(s), &n);
	GString *finite = g_string_new(NULL);
	for (gsize k = 0; k < n; k++)
		if (morph_can_be_finite_verb(&tok[k].word))
			g_string_append_printf(finite, "%s%.*s", finite->len ? " " : "",
					       (int)(tok[k].span.end - tok[k].span.start), s + tok[k].span.start);
	/* "fuite" and "mardi"? fuite is also fuiter's present: the caller sees
	 * the determiner before it */
	g_assert_cmpstr(finite->str, ==, "fuite a fuient");
	g_string_free(finite, TRUE);
	g_free(tok);
}

/* The predicates, one word a line. */
static void
test_predicates(void)
{
	static const struct { const char *lang, *word; bool finite, participle, only_verb, noun; } cases[] = {
		{ "fr", "fuient", true, false, true, false },
		{ "fr", "aura", true, false, false, true },
		{ "fr", "lancée", false, true, false, true },
		{ "fr", "parlant", false, true, false, false },
		{ "fr", "samedi", false, false, false, true },
		{ "fr", "a-t-il", true, false, true, false },
		{ "en", "went", true, false, true, false },
		{ "en", "planned", true, true, true, false },
		{ "en", "plans", true, false, false, true },
		{ "en", "news", false, false, false, true },
		{ "en", "xyzzy", false, false, false, false },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		MorphWord w;
		g_test_message("%s", cases[i].word);
		morph_analyze(lang_of(cases[i].lang), cases[i].word, -1, &w);
		g_assert_cmpint(morph_can_be_finite_verb(&w), ==, cases[i].finite);
		g_assert_cmpint(morph_can_be_participle(&w), ==, cases[i].participle);
		g_assert_cmpint(morph_is_only_verb(&w), ==, cases[i].only_verb);
		g_assert_cmpint(morph_has_pos(&w, MORPH_POS_NOUN), ==, cases[i].noun);
	}
	MorphWord w;
	morph_analyze(FRISE_LANG_FR, "aura", -1, &w);
	const MorphAnalysis *a = morph_find(&w, "avoir", MORPH_POS_NONE);
	g_assert_nonnull(a);
	g_assert_cmpint(a->form, ==, MORPH_FORM_FUTURE);
	g_assert_true(a->lemma == morph_intern("avoir", -1));
	g_assert_true(morph_intern("aujourd\xE2\x80\x99hui", -1) == morph_intern("aujourd'hui", -1));
	g_assert_null(morph_find(&w, "avoir", MORPH_POS_NOUN));
	g_assert_true(morph_form_is_finite(MORPH_FORM_IMPERATIVE));
	g_assert_false(morph_form_is_finite(MORPH_FORM_PAST_PARTICIPLE));
	g_assert_cmpstr(morph_form_name(MORPH_FORM_COUNT), ==, "none");
	g_assert_cmpstr(morph_pos_name(MORPH_POS_PARTICLE), ==, "particle");
}

/* Without the French dictionary: said once, then every French word is
 * unknown; English still works. */
static void
test_missing_dictionary(void)
{
	if (g_test_subprocess()) {
		g_setenv("FRISE_HUNSPELL_DIR", "/nonexistent", TRUE);
		g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL); /* the warning is expected */
		MorphWord w;
		g_assert_false(morph_analyze(FRISE_LANG_FR, "aura", -1, &w));
		g_assert_cmpuint(w.n, ==, 0);
		g_assert_false(morph_analyze(FRISE_LANG_FR, "fuient", -1, &w));
		g_assert_false(morph_available(FRISE_LANG_FR));
		GError *error = NULL;
		g_assert_false(morph_load(FRISE_LANG_FR, &error));
		g_assert_nonnull(strstr(error->message, "hunspell-fr"));
		g_error_free(error);
		g_assert_true(morph_analyze(FRISE_LANG_EN, "went", -1, &w));
		/* morph_scan() gives whole words, unknown */
		gsize n;
		MorphToken *t = morph_scan(FRISE_LANG_FR, "l'annonce a-t-il", 16, &n);
		g_assert_cmpuint(n, ==, 2);
		g_assert_cmpuint(t[0].span.start, ==, 0);
		g_assert_cmpuint(t[0].span.end, ==, 9);
		g_assert_cmpuint(t[1].span.start, ==, 10);
		g_assert_cmpuint(t[1].span.end, ==, 16);
		g_assert_cmpuint(t[1].word.n, ==, 0);
		g_free(t);
		return;
	}
	g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
	g_test_trap_assert_passed();
	g_test_trap_assert_stderr("*French lexicon unavailable*fr_FR.aff not found*hunspell-fr*");
	g_test_trap_assert_stderr_unmatched("*unavailable*unavailable*");
}

/* Several threads at once, through the cache and past its size (65,536
 * words a language: shards are emptied while others read): every answer is
 * the one a single thread gets afterwards. */
#define THREADS 4
#define EN_WORDS 70000

static const char *const fr_words[] = {
	"aura", "lancée", "fuient", "a-t-il", "l'annonce", "Samedi", "été", "parlerait", "qu'il",
	"dira-t-on", "fuite", "prévue", "est", "ont", "avaient", "e\xCC\x81te\xCC\x81", "rendez-vous",
};

typedef struct {
	char **en;        /* EN_WORDS synthetic English words */
	char **answers;   /* what each thread got, [thread][word] */
} Shared;

typedef struct {
	Shared *shared;
	guint id;
} Worker;

static gpointer
worker(gpointer p)
{
	Worker *k = p;
	char **answers = k->shared->answers + (gsize)k->id * (EN_WORDS + G_N_ELEMENTS(fr_words));
	for (guint r = 0; r < 50; r++)
		for (size_t i = 0; i < G_N_ELEMENTS(fr_words); i++) {
			MorphWord w;
			morph_analyze(FRISE_LANG_FR, fr_words[(i + k->id) % G_N_ELEMENTS(fr_words)], -1, &w);
			if (r == 0) {
				size_t j = (i + k->id) % G_N_ELEMENTS(fr_words);
				answers[EN_WORDS + j] = morph_word_describe(&w);
			}
		}
	for (guint i = 0; i < EN_WORDS; i++) {
		guint j = (i * 7919u + k->id * 104729u) % EN_WORDS; /* each thread in its own order */
		if ((j + k->id) % 2 != 0) /* each word by two of the threads (valgrind is slow) */
			continue;
		MorphWord w;
		morph_analyze(FRISE_LANG_EN, k->shared->en[j], -1, &w);
		answers[j] = morph_word_describe(&w);
	}
	return NULL;
}

static void
test_threads(void)
{
	Shared sh = { 0 };
	sh.en = g_new(char *, EN_WORDS);
	static const char *const endings[] = { "ed", "s", "ing", "", "ied" };
	for (guint i = 0; i < EN_WORDS; i++)
		sh.en[i] = g_strdup_printf("qz%c%c%c%s", 'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676 % 26,
					   endings[i / 17576 % G_N_ELEMENTS(endings)]);
	gsize per = EN_WORDS + G_N_ELEMENTS(fr_words);
	sh.answers = g_new0(char *, THREADS * per);
	Worker workers[THREADS];
	GThread *threads[THREADS];
	for (guint t = 0; t < THREADS; t++) {
		workers[t] = (Worker){ &sh, t };
		threads[t] = g_thread_new("morph", worker, &workers[t]);
	}
	for (guint t = 0; t < THREADS; t++)
		g_thread_join(threads[t]);
	for (gsize i = 0; i < per; i++) {
		MorphWord w;
		if (i < EN_WORDS)
			morph_analyze(FRISE_LANG_EN, sh.en[i], -1, &w);
		else
			morph_analyze(FRISE_LANG_FR, fr_words[i - EN_WORDS], -1, &w);
		char *want = morph_word_describe(&w);
		for (guint t = 0; t < THREADS; t++) {
			if (sh.answers[t * per + i] != NULL && strcmp(sh.answers[t * per + i], want) != 0) {
				g_test_fail_printf("thread %u, word %zu: \"%s\", alone \"%s\"", t, i,
						   sh.answers[t * per + i], want);
				t = THREADS, i = per;
			}
		}
		g_free(want);
	}
	for (gsize i = 0; i < THREADS * per; i++)
		g_free(sh.answers[i]);
	g_free(sh.answers);
	for (guint i = 0; i < EN_WORDS; i++)
		g_free(sh.en[i]);
	g_free(sh.en);
}

/* The missing-dictionary warning, if it comes, fails the cases that need
 * the dictionary rather than aborting the program before they say why. */
static gboolean
not_fatal(G_GNUC_UNUSED const char *domain, G_GNUC_UNUSED GLogLevelFlags level, const char *message,
	  G_GNUC_UNUSED gpointer data)
{
	return strstr(message, "lexicon unavailable") == NULL;
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_set_nonfatal_assertions();
	g_test_log_set_fatal_handler(not_fatal, NULL);
	g_test_add_func("/morph/fr/available", test_available);
	for (size_t i = 0; i < G_N_ELEMENTS(word_cases); i++) {
		char *name = g_strdup_printf("/morph/%s/%03zu", word_cases[i].lang, i);
		g_test_add_data_func(name, &word_cases[i], run_case);
		g_free(name);
	}
	g_test_add_func("/morph/refused", test_refused);
	g_test_add_func("/morph/hosts", test_hosts);
	g_test_add_func("/morph/words", test_words);
	g_test_add_func("/morph/scan", test_scan);
	g_test_add_func("/morph/predicates", test_predicates);
	g_test_add_func("/morph/missing-dictionary", test_missing_dictionary);
	g_test_add_func("/morph/threads", test_threads);
	return g_test_run();
}
