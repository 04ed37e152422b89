/* report/svg_i.h: the one SVG (and HTML) writer every chart uses: a growing buffer, XML
 * escaping, coordinates printed with one decimal so the bytes are stable, and marks that each
 * carry a <title> (shown on hover). Colours: the Okabe-Ito palette (docs/report.md). */
#ifndef CONCERT_I_SVG_H
#define CONCERT_I_SVG_H
#include <concert/status.h>
#include <stdbool.h>
#include <stddef.h>

/* Okabe & Ito (2008), "Color Universal Design": eight colours told apart under the common
 * colour-vision deficiencies; the charts also encode every category by shape or label. */
#define CONCERT_I_OI_BLACK "#000000"
#define CONCERT_I_OI_ORANGE "#E69F00"
#define CONCERT_I_OI_SKY "#56B4E9"
#define CONCERT_I_OI_GREEN "#009E73"
#define CONCERT_I_OI_YELLOW "#F0E442"
#define CONCERT_I_OI_BLUE "#0072B2"
#define CONCERT_I_OI_VERMILLION "#D55E00"
#define CONCERT_I_OI_PURPLE "#CC79A7"
#define CONCERT_I_GREY "#767676"

/** The i-th colour of the palette for series (black left out; wraps after seven). */
const char *concert_i_oi_series(size_t i);

/** A growing text buffer. oom is set on the first failed allocation; later writes do nothing. */
typedef struct concert_i_svg {
  char *buf;  /* NUL-terminated text (owned) */
  size_t len; /* bytes written */
  size_t cap; /* bytes allocated */
  bool oom;   /* an allocation failed */
} concert_i_svg;

/** Appends s verbatim. */
void concert_i_svg_raw(concert_i_svg *w, const char *s);
/** Appends printf-style text (no user strings here: they go through _esc). */
void concert_i_svg_printf(concert_i_svg *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/** Appends s escaped for XML text and attributes (& < > " '); control characters other than
 * tab and newline are dropped. At most max bytes of s (0: all), cut at a whole UTF-8
 * character, with "..." added when cut. */
void concert_i_svg_esc(concert_i_svg *w, const char *s, size_t max);
/** Appends x with one decimal ("-0.0" printed as "0.0"; a non-finite x as "0.0"). */
void concert_i_svg_num(concert_i_svg *w, double x);

/** Opens an <svg> of width x height px with its title (escaped) and the shared style. */
void concert_i_svg_begin(concert_i_svg *w, double width, double height, const char *title);
/** Closes the </svg>. */
void concert_i_svg_end(concert_i_svg *w);
/** A rectangle filled with fill at opacity (1: opaque), with a <title>. */
void concert_i_svg_rect(concert_i_svg *w, double x, double y, double width, double height,
                        const char *fill, double opacity, const char *title);
/** A line; dash NULL for a solid one. title may be NULL (a rule, not a mark). */
void concert_i_svg_line(concert_i_svg *w, double x1, double y1, double x2, double y2,
                        const char *stroke, double width, const char *dash, const char *title);
/** A circle of radius r filled with fill at opacity (1: opaque; fill "none": hollow),
 * outlined with stroke unless it is NULL, with a <title> unless it is NULL. */
void concert_i_svg_circle(concert_i_svg *w, double cx, double cy, double r, const char *fill,
                          double opacity, const char *stroke, const char *title);
/** Text at (x, y); anchor "start", "middle" or "end"; size in px; bold or not; the text is
 * escaped and cut to max bytes (0: whole). */
void concert_i_svg_text(concert_i_svg *w, double x, double y, const char *anchor, double size,
                        bool bold, const char *text, size_t max);
/** Opens a group <g> carrying a <title> (its marks share it); close with _group_end. */
void concert_i_svg_group(concert_i_svg *w, const char *title);
void concert_i_svg_group_end(concert_i_svg *w);

/** Hands the text to *out (the caller frees it) or, after a failed allocation, frees it and
 * returns CONCERT_ERR_NOMEM with diag. */
concert_status concert_i_svg_finish(concert_i_svg *w, char **out, concert_diag *diag);

#endif
