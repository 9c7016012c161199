/*
 * schema.h — the one description of a frise store's tables (prefix
 * schema_), private to the store layer. Both backends make their tables
 * and upgrade old stores from it: schema_migration() turns the
 * description into the SQL that brings version v to v + 1, in the
 * backend's dialect (the column types, and steps that only one database
 * needs).
 */
#ifndef FRISE_STORE_SCHEMA_H
#define FRISE_STORE_SCHEMA_H

#include <glib.h>
#include <stdbool.h>

/* ORDER StoreDialect: the column types of schema.c follow it. */
typedef enum { STORE_SQLITE, STORE_POSTGRES, STORE_DIALECT_COUNT } StoreDialect;

/* The schema version this frise writes: the number of migrations. */
int schema_version(void);

/* The SQL that brings a store of version `from` (0: empty) to `from` + 1,
 * in `dialect`: several statements separated by ';'. A new string. */
char *schema_migration(StoreDialect dialect, int from);

/* The tables of a store of version `version`, in creation order: a NULL
 * terminated array of static strings (g_free the array only). */
const char **schema_tables(int version);

#endif
