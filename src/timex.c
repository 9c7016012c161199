/* timex.c — placeholder until the tagger lands. */
#include "frise/timex.h"

const char *timex_type_name(FriseTimexType t) { return "DATE"; }
FriseTagger *timex_tagger_new(GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "timex_tagger_new: not written yet");
	return NULL;
}
void timex_tagger_free(FriseTagger *t) { }
GArray *timex_tag(const FriseTagger *t, const char *text, size_t len, const FriseTagOptions *o, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "timex_tag: not written yet");
	return NULL;
}
void timex_array_free(GArray *a) { if (a) g_array_unref(a); }
