/* svg.c: the SVG writer shared by every chart (report/svg_i.h). */
#include "svg_i.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"

const char *concert_i_oi_series(size_t i) {
  static const char *const c[] = {CONCERT_I_OI_BLUE,  CONCERT_I_OI_ORANGE, CONCERT_I_OI_GREEN,
                                  CONCERT_I_OI_VERMILLION, CONCERT_I_OI_SKY, CONCERT_I_OI_PURPLE,
                                  CONCERT_I_OI_YELLOW};
  return c[i % (sizeof c / sizeof c[0])];
}

static bool grow(concert_i_svg *w, size_t more) {
  if (w->oom) return false;
  if (w->len + more + 1 <= w->cap) return true;
  size_t cap = w->cap ? w->cap : 4096;
  while (cap < w->len + more + 1) cap *= 2;
  char *b = realloc(w->buf, cap);
  if (!b) {
    w->oom = true;
    return false;
  }
  w->buf = b, w->cap = cap;
  return true;
}

static void put(concert_i_svg *w, const char *s, size_t n) {
  if (!grow(w, n)) return;
  memcpy(w->buf + w->len, s, n);
  w->len += n;
  w->buf[w->len] = '\0';
}

void concert_i_svg_raw(concert_i_svg *w, const char *s) { put(w, s, strlen(s)); }

void concert_i_svg_printf(concert_i_svg *w, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || !grow(w, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(w->buf + w->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  w->len += (size_t)n;
}

void concert_i_svg_esc(concert_i_svg *w, const char *s, size_t max) {
  if (!s) return;
  size_t n = strlen(s);
  bool cut = max && n > max;
  if (cut) {
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--; /* a whole character */
  }
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
      case '&': concert_i_svg_raw(w, "&amp;"); break;
      case '<': concert_i_svg_raw(w, "&lt;"); break;
      case '>': concert_i_svg_raw(w, "&gt;"); break;
      case '"': concert_i_svg_raw(w, "&quot;"); break;
      case '\'': concert_i_svg_raw(w, "&#39;"); break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n') break; /* not allowed in XML 1.0 */
        if (c == 0x7F) break;
        put(w, (const char *)&s[i], 1);
    }
  }
  if (cut) concert_i_svg_raw(w, "...");
}

void concert_i_svg_num(concert_i_svg *w, double x) {
  if (!isfinite(x)) x = 0;
  double r = round(x * 10) / 10;
  if (r == 0) r = 0; /* no "-0.0" */
  concert_i_svg_printf(w, "%.1f", r);
}

void concert_i_svg_begin(concert_i_svg *w, double width, double height, const char *title) {
  concert_i_svg_raw(w, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
  concert_i_svg_num(w, width);
  concert_i_svg_raw(w, "\" height=\"");
  concert_i_svg_num(w, height);
  concert_i_svg_raw(w, "\" viewBox=\"0 0 ");
  concert_i_svg_num(w, width);
  concert_i_svg_raw(w, " ");
  concert_i_svg_num(w, height);
  concert_i_svg_raw(w, "\" role=\"img\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n<title>");
  concert_i_svg_esc(w, title, 0);
  concert_i_svg_raw(w, "</title>\n<style>text{paint-order:stroke;stroke:#FFFFFF;stroke-width:3px;"
                        "stroke-linejoin:round;fill:#000000}</style>\n");
  concert_i_svg_rect(w, 0, 0, width, height, "#FFFFFF", 1, NULL);
}

void concert_i_svg_end(concert_i_svg *w) { concert_i_svg_raw(w, "</svg>\n"); }

static void title(concert_i_svg *w, const char *t) {
  concert_i_svg_raw(w, "<title>");
  concert_i_svg_esc(w, t, 0);
  concert_i_svg_raw(w, "</title>");
}

void concert_i_svg_rect(concert_i_svg *w, double x, double y, double width, double height,
                        const char *fill, double opacity, const char *t) {
  concert_i_svg_raw(w, "<rect x=\"");
  concert_i_svg_num(w, x);
  concert_i_svg_raw(w, "\" y=\"");
  concert_i_svg_num(w, y);
  concert_i_svg_raw(w, "\" width=\"");
  concert_i_svg_num(w, width < 0 ? 0 : width);
  concert_i_svg_raw(w, "\" height=\"");
  concert_i_svg_num(w, height < 0 ? 0 : height);
  concert_i_svg_printf(w, "\" fill=\"%s\"", fill);
  if (opacity < 1) {
    concert_i_svg_raw(w, " fill-opacity=\"");
    concert_i_svg_printf(w, "%.2f", opacity < 0 ? 0.0 : opacity);
    concert_i_svg_raw(w, "\"");
  }
  if (t) {
    concert_i_svg_raw(w, ">");
    title(w, t);
    concert_i_svg_raw(w, "</rect>\n");
  } else {
    concert_i_svg_raw(w, "/>\n");
  }
}

void concert_i_svg_line(concert_i_svg *w, double x1, double y1, double x2, double y2,
                        const char *stroke, double width, const char *dash, const char *t) {
  concert_i_svg_raw(w, "<line x1=\"");
  concert_i_svg_num(w, x1);
  concert_i_svg_raw(w, "\" y1=\"");
  concert_i_svg_num(w, y1);
  concert_i_svg_raw(w, "\" x2=\"");
  concert_i_svg_num(w, x2);
  concert_i_svg_raw(w, "\" y2=\"");
  concert_i_svg_num(w, y2);
  concert_i_svg_printf(w, "\" stroke=\"%s\" stroke-width=\"", stroke);
  concert_i_svg_num(w, width);
  concert_i_svg_raw(w, "\"");
  if (dash) concert_i_svg_printf(w, " stroke-dasharray=\"%s\"", dash);
  if (t) {
    concert_i_svg_raw(w, ">");
    title(w, t);
    concert_i_svg_raw(w, "</line>\n");
  } else {
    concert_i_svg_raw(w, "/>\n");
  }
}

void concert_i_svg_circle(concert_i_svg *w, double cx, double cy, double r, const char *fill,
                          double opacity, const char *stroke, const char *t) {
  concert_i_svg_raw(w, "<circle cx=\"");
  concert_i_svg_num(w, cx);
  concert_i_svg_raw(w, "\" cy=\"");
  concert_i_svg_num(w, cy);
  concert_i_svg_raw(w, "\" r=\"");
  concert_i_svg_num(w, r < 0 ? 0 : r);
  concert_i_svg_printf(w, "\" fill=\"%s\"", fill);
  if (opacity < 1) concert_i_svg_printf(w, " fill-opacity=\"%.2f\"", opacity < 0 ? 0.0 : opacity);
  if (stroke) concert_i_svg_printf(w, " stroke=\"%s\" stroke-width=\"1.5\"", stroke);
  if (t) {
    concert_i_svg_raw(w, ">");
    title(w, t);
    concert_i_svg_raw(w, "</circle>\n");
  } else {
    concert_i_svg_raw(w, "/>\n");
  }
}

void concert_i_svg_text(concert_i_svg *w, double x, double y, const char *anchor, double size,
                        bool bold, const char *text, size_t max) {
  concert_i_svg_raw(w, "<text x=\"");
  concert_i_svg_num(w, x);
  concert_i_svg_raw(w, "\" y=\"");
  concert_i_svg_num(w, y);
  concert_i_svg_printf(w, "\" text-anchor=\"%s\" font-size=\"", anchor);
  concert_i_svg_num(w, size);
  concert_i_svg_raw(w, bold ? "\" font-weight=\"bold\">" : "\">");
  concert_i_svg_esc(w, text, max);
  concert_i_svg_raw(w, "</text>\n");
}

void concert_i_svg_group(concert_i_svg *w, const char *t) {
  concert_i_svg_raw(w, "<g>");
  title(w, t);
  concert_i_svg_raw(w, "\n");
}

void concert_i_svg_group_end(concert_i_svg *w) { concert_i_svg_raw(w, "</g>\n"); }

concert_status concert_i_svg_finish(concert_i_svg *w, char **out, concert_diag *diag) {
  if (w->oom || !w->buf) {
    free(w->buf);
    w->buf = NULL;
    *out = NULL;
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory writing a chart");
  }
  *out = w->buf;
  w->buf = NULL;
  return CONCERT_OK;
}
