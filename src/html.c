/* html.c — placeholder until this renderer lands. */
#include "frise/render.h"

bool
html_render(const FriseTimeline *t, const FriseRenderOptions *o, GString *out, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "html_render: not written yet");
	return false;
}
