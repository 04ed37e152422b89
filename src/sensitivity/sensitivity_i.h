/* sensitivity/sensitivity_i.h: the tipping points object, shared by the search
 * (sensitivity.c) and its writers (sensitivity_text.c, sensitivity_json.c, sensitivity_csv.c). */
#ifndef CONCERT_I_SENSITIVITY_H
#define CONCERT_I_SENSITIVITY_H
#include <concert/sensitivity.h>

struct concert_sensitivity {
  const concert_scenario *s; /* borrowed: must outlive the object */
  size_t forum;              /* forum index */
  char model[32];            /* model name */
  concert_headline *h;       /* headlines: document, expected document, statements */
  size_t n_h;
  concert_tipping_point **pts; /* per headline: its flips (owned), h[i].points points here */
  size_t *cap;                 /* per headline: allocated length of pts[i] */
  size_t n_ranges;             /* judgment ranges tried */
  size_t n_plays;              /* summit plays */
};

#endif
