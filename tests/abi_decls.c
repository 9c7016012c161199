/*
 * abi_decls.c — includes every public header, nothing else, so that
 * GCC's -aux-info lists the functions they declare for tests/abi.py (a
 * reading of the headers apart from tools/frise-symbols.py). Compiled,
 * never linked into anything.
 */
#include "frise/frise.h"
#include "frise/date.h"
#include "frise/article.h"
#include "frise/timex.h"
#include "frise/event.h"
#include "frise/store.h"
#include "frise/pipeline.h"
#include "frise/render.h"
#include "frise/layout.h"
#include "frise/boilerplate.h"

/* one definition, so that the object is not empty */
const char *abi_decls_version(void);
const char *
abi_decls_version(void)
{
	return FRISE_VERSION_STRING;
}
