/* ics.c — placeholder until this renderer lands. */
#include "frise/render.h"

bool
ics_render(const FriseTimeline *t, const FriseRenderOptions *o, GString *out, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "ics_render: not written yet");
	return false;
}
