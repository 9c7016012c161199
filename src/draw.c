/* draw.c — placeholder until this renderer lands. */
#include "frise/render.h"

bool
draw_svg(const FriseTimeline *t, const FriseRenderOptions *o, GString *out, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "draw_svg: not written yet");
	return false;
}

bool
draw_png(const FriseTimeline *t, const FriseRenderOptions *o, GString *out, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "draw_png: not written yet");
	return false;
}

bool
draw_pdf(const FriseTimeline *t, const FriseRenderOptions *o, GString *out, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "draw_pdf: not written yet");
	return false;
}
