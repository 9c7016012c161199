/* json.c — placeholder until this renderer lands. */
#include "frise/render.h"

bool
json_render(const FriseTimeline *t, const FriseRenderOptions *o, GString *out, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "json_render: not written yet");
	return false;
}

bool
json_render_timelinejs(const FriseTimeline *t, const FriseRenderOptions *o, GString *out, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "json_render_timelinejs: not written yet");
	return false;
}
