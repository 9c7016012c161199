/*
 * backend.h — the seam between the store's SQL (store*.c, written once)
 * and the databases that run it (sqlite.c, postgres.c), private to the
 * store layer. A backend is a table of functions (StoreBackend): open and
 * close a connection, recognise a frise store and its schema version,
 * transactions, and a statement layer — prepare, bind, step, read
 * columns — that store*.c call through s->be (store_private.h).
 *
 * SQL given to a backend is in the dialect both databases read: numbered
 * placeholders $1, $2… (a number may repeat; SQLite gets ?1, ?2…),
 * INSERT … ON CONFLICT … DO UPDATE, RETURNING, window functions, and the
 * column "end" quoted. Parameters and columns are 64-bit integers, doubles
 * and UTF-8 text (NULL binds and reads as NULL). Statements do not
 * interleave: one is stepped to its end (or reset) before the next runs.
 */
#ifndef FRISE_STORE_BACKEND_H
#define FRISE_STORE_BACKEND_H

#include "store/schema.h"
#include "store/rows.h"

typedef struct StoreStmt StoreStmt;
typedef struct StoreBackend StoreBackend;

/* What identify() finds at a store's place before frise writes to it. */
typedef enum {
	STORE_KIND_EMPTY,   /* nothing there yet: a new store */
	STORE_KIND_FRISE,   /* a frise store of some schema version */
	STORE_KIND_FOREIGN, /* something else: refused, left untouched */
} StoreKind;

/* Transactions (store_transact() and the reads of store*.c). */
typedef enum {
	STORE_TX_READ,  /* one consistent snapshot for several SELECTs */
	STORE_TX_WRITE, /* serialised with every other writer of the store */
} StoreTx;

typedef enum { STORE_STEP_ROW, STORE_STEP_DONE, STORE_STEP_ERROR } StoreStep;

struct FriseStore {
	const StoreBackend *be;
	char *path;          /* what messages name: the file, or the URL without its password */
	void *conn;          /* the backend's */
	GHashTable *stmts;   /* SQL text -> StoreStmt*: statements kept prepared (store_private.h's cached()) */
	bool in_tx;          /* a transaction of store_transact() or a read is open */
	bool retry;          /* a failure of this transaction may not recur if it is run again (set by
				the backend, cleared by store.c when a transaction starts) */
	int retries;         /* how many times store_transact() runs a transaction again (default 5) */
	char *actor;         /* who writes: FRISE_USER, or user@host */
	char *change;        /* what the running transaction does ("ingest", "edit --title"…), or NULL */
	bool read_only;      /* store_open_read(): the backend opens it to read only; nothing is migrated */
};

struct StoreBackend {
	const char *name;                          /* "SQLite", "PostgreSQL", for messages */
	StoreDialect dialect;                      /* for schema_migration() */
	/* Connects to `target`; with `create`, a store that is not there may
	 * be made by the migration that follows (else identify() must say
	 * EMPTY and store.c refuses). Sets s->conn. */
	bool (*open)(FriseStore *s, const char *target, GError **error);
	void (*close)(FriseStore *s);
	/* Once identify() has found a place frise may write (a frise store,
	 * or nothing yet), sets what writers need there, outside any
	 * transaction (SQLite: the WAL journal, which changes the file, and
	 * the application_id of a store made before frise wrote one); never
	 * called on what identify() refused, nor with s->read_only. NULL:
	 * nothing to do. */
	bool (*ready)(FriseStore *s, GError **error);
	/* What is there and, for a frise store, its schema version; `why`
	 * (a new string) describes a foreign one for the message. */
	bool (*identify)(FriseStore *s, StoreKind *kind, int *version, char **why, GError **error);
	/* Makes the place of a new store (PostgreSQL: its schema and version
	 * table), inside the migration's transaction; NULL: nothing to do. */
	bool (*create)(FriseStore *s, GError **error);
	/* Records the schema version, inside the migration's transaction. */
	bool (*set_version)(FriseStore *s, int version, GError **error);
	bool (*begin)(FriseStore *s, StoreTx tx, GError **error);
	bool (*commit)(FriseStore *s, GError **error);
	void (*rollback)(FriseStore *s);
	/* Runs SQL without parameters or rows (may hold several statements). */
	bool (*exec)(FriseStore *s, const char *sql, GError **error);
	/* A statement; with `keep`, one kept for the store's life (its
	 * backend may prepare it on the server once). */
	StoreStmt *(*prepare)(FriseStore *s, const char *sql, bool keep, GError **error);
	void (*bind_int)(StoreStmt *st, int i, gint64 v);
	void (*bind_real)(StoreStmt *st, int i, double v);
	/* `len` -1: up to the NUL; v NULL binds NULL. The text is copied. */
	void (*bind_text)(StoreStmt *st, int i, const char *v, gssize len);
	/* Runs the statement on its first call, then moves to the next row.
	 * On STORE_STEP_ERROR, `error` has the database's message (without
	 * the store's name) and s->retry says if running the transaction
	 * again may succeed (serialization failure, deadlock). */
	StoreStep (*step)(StoreStmt *st, GError **error);
	/* Runs a statement whose rows nobody reads (INSERT, UPDATE, DELETE).
	 * A backend may send it and read its result later (PostgreSQL, in a
	 * write transaction): then its failure is reported by what comes
	 * next on the store — a step, exec, prepare or commit. */
	bool (*run)(StoreStmt *st, GError **error);
	gint64 (*col_int)(StoreStmt *st, int i);
	double (*col_real)(StoreStmt *st, int i);
	/* The text of column i, or NULL for NULL; borrowed until the next
	 * step or reset. *len (may be NULL) gets its length in bytes. */
	const char *(*col_text)(StoreStmt *st, int i, size_t *len);
	/* Ends a run (the rows not read are dropped) and clears the bindings. */
	void (*reset)(StoreStmt *st);
	void (*finalize)(StoreStmt *st);
};

extern const StoreBackend sqlite_backend;
extern const StoreBackend postgres_backend;
/* True when `target` names a PostgreSQL store (postgres.c says which). */
bool postgres_target(const char *target);

#endif
