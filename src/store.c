/* store.c — placeholder until the event store lands. */
#include "frise/store.h"

FriseStore *store_open(const char *path, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "store_open: not written yet");
	return NULL;
}
void store_close(FriseStore *s) { }
bool store_ingest(FriseStore *s, GPtrArray *a, const FriseTagger *t, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "store_ingest: not written yet");
	return false;
}
FriseTimeline *store_timeline(FriseStore *s, const FriseTimelineQuery *q, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "store_timeline: not written yet");
	return NULL;
}
