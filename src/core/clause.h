/*
 * clause.h — the structure of one sentence (prefix clause_): its words
 * with what the lexicon says of them (core/morph.h), the role each plays
 * in context, and its clauses — main, relative, participial, subordinate,
 * reported, parenthetical — each with its finite verb and the tense and
 * mood that verb group carries. The event stage dates each happening by
 * the clause of its date; headlines are cut from clauses.
 *
 * A shallow parse by rules, not a grammar: words are disambiguated from
 * their neighbours (a determiner before it makes "fuite" a noun, a
 * subject before it makes "a" the verb), clauses open at relative
 * pronouns, subordinators, a completive "que"/"that", a participle after
 * a noun and brackets, and close at a comma, a second verb group or
 * strong punctuation. The words that steer it are data
 * (src/lang/xx/words.txt: [relative-pronouns], [subordinators],
 * [coordinators], [speech-verbs] …).
 *
 * Offsets are byte offsets into the sentence given, end exclusive.
 * Everything here is safe to call from several threads at once.
 */
#ifndef FRISE_CORE_CLAUSE_H
#define FRISE_CORE_CLAUSE_H

#include "core/morph.h"
#include "frise/timex.h"

/* The role a word plays in its sentence, decided from context. */
typedef enum {
	CLAUSE_W_OTHER = 0,
	CLAUSE_W_DET,
	CLAUSE_W_PREP,
	CLAUSE_W_SUBJECT,     /* a subject pronoun: il, on, they */
	CLAUSE_W_CLITIC,      /* an object or reflexive clitic before a verb: le, se */
	CLAUSE_W_RELATIVE,    /* qui, que, dont, who, which, that (relative) */
	CLAUSE_W_SUBORDINATOR,/* quand, parce que, because, if; a completive que/that */
	CLAUSE_W_COORDINATOR, /* et, mais, and, but */
	CLAUSE_W_AUX,         /* an auxiliary or modal heading a verb group */
	CLAUSE_W_FINITE,      /* a finite verb */
	CLAUSE_W_PARTICIPLE,  /* a participle (after its auxiliary, or opening a participial clause) */
	CLAUSE_W_INFINITIVE,
	CLAUSE_W_NOUN,
	CLAUSE_W_PROPER,      /* a name: capitalised inside the sentence, or the lexicon's */
	CLAUSE_W_ADJ,
	CLAUSE_W_ADV,
	CLAUSE_W_NUMBER,
	CLAUSE_W_NEGATION,    /* ne, n', not */
	CLAUSE_W_COMPARISON   /* than, a comparative's que: "plus rapide que…" */
} ClauseRole;

/* Punctuation between a word and the one before it. */
enum {
	CLAUSE_P_COMMA = 1 << 0,
	CLAUSE_P_STRONG = 1 << 1, /* ; : ? ! */
	CLAUSE_P_OPEN = 1 << 2,   /* ( [ */
	CLAUSE_P_CLOSE = 1 << 3,  /* ) ] */
	CLAUSE_P_DASH = 1 << 4,   /* a dash – — */
	CLAUSE_P_QUOTE = 1 << 5,  /* « » " “ ” */
};

typedef struct {
	size_t start, end;   /* bytes in the sentence */
	char *folded;        /* owned by the parse (text_fold) */
	guint8 punct;        /* CLAUSE_P_* between it and the word before */
	const char *lemma;   /* the lexicon's lemma for the chosen reading (morph_intern), or `folded` */
	ClauseRole role;
	guint clause;        /* index of its clause */
	bool capital;        /* starts with a capital letter */
	MorphWord morph;     /* every analysis */
} ClauseWord;

/* ORDER KIND: clause_kind_name() follows it. */
typedef enum {
	CLAUSE_MAIN = 0,     /* a main clause (a sentence may have several, coordinated) */
	CLAUSE_RELATIVE,     /* "qui avait eu lieu le 3 mai": background to its noun */
	CLAUSE_PARTICIPIAL,  /* "la révolte lancée le 15 mars": background to its noun */
	CLAUSE_SUBORDINATE,  /* "quand il est arrivé", "because it had rained" */
	CLAUSE_REPORTED,     /* "(il a dit) qu'il viendra le 5 mai": what was said */
	CLAUSE_PAREN,        /* in brackets or between dashes */
	CLAUSE_COMPARISON    /* "(plus rapide) que celle de février": what is compared */
} ClauseKind;

/* The tense a verb group gives its clause. */
typedef enum {
	CLAUSE_MOOD_INDICATIVE = 0,
	CLAUSE_MOOD_CONDITIONAL, /* "serait", "would": reported or hypothetical */
	CLAUSE_MOOD_MODAL,       /* "devrait", "pourrait", "may", "could" + infinitive */
	CLAUSE_MOOD_SUBJUNCTIVE
} ClauseMood;

typedef struct {
	guint first, last;   /* its words [first, last): a clause is contiguous, its
				inner clauses cut out of it (they have their own) */
	ClauseKind kind;
	gint parent;         /* the clause it hangs on; -1 for a main clause */
	gint verb;           /* the head of its verb group (the auxiliary of a compound
				tense, the finite verb, or a participial clause's participle);
				-1 when it has none */
	gint main_verb;      /* the lexical verb of the group ("annoncé" in "a annoncé"); -1 */
	FriseTense tense;    /* of the verb group; NONE when there is none */
	ClauseMood mood;
	gint subject;        /* the word that heads its subject (a pronoun, a name, a noun); -1 */
} Clause;

typedef struct {
	FriseLang lang;
	GArray *words;       /* ClauseWord */
	GArray *clauses;     /* Clause, in order of their first word */
} ClauseParse;

/* The structure of `sentence` (`len` bytes of UTF-8) in `lang`. Returns a
 * new parse: clause_parse_free() it. Never fails: an empty sentence has
 * no word and one empty main clause. */
ClauseParse *clause_parse(const char *sentence, size_t len, FriseLang lang);
void clause_parse_free(ClauseParse *parse);

/* The index of the word holding byte `offset`, or of the first word after
 * it; parse->words->len past the last word. */
guint clause_word_at(const ClauseParse *parse, size_t offset);

/* The clause of byte `offset` (the clause of clause_word_at()); the last
 * clause past the end. */
const Clause *clause_at(const ClauseParse *parse, size_t offset);

/* True when clause `c` has a verb group. */
bool clause_has_verb(const Clause *c);

/* "main", "relative", …: static strings. */
const char *clause_kind_name(ClauseKind kind);

#endif
