/* sweep/draw_i.h: one random draw of a scenario (docs/sweep.md, "Draw order").
 *
 * A draw is a clone of a scenario whose numeric arrays (actors, issues, stances, and the
 * forums with their event lists) are its own copies, while every string is borrowed from the
 * original, which must outlive it. Filling a draw sets every number that has a range (low <
 * high, or a normal with sd > 0) to a value drawn from its distribution and keeps or drops
 * each attendance event of probability < 1, one uniform per such number or event, in a fixed
 * order. A draw is allocated once and refilled for every run. */
#ifndef CONCERT_I_DRAW_H
#define CONCERT_I_DRAW_H
#include <concert/rng.h>

#include "scenario/scenario_i.h"

typedef struct concert_i_draw concert_i_draw;

/** A draw of s (not filled yet: it holds s's point values). NULL when memory runs out.
 * O(actors x issues + events). */
concert_i_draw *concert_i_draw_new(const concert_scenario *s);
/** Frees what d owns (never the borrowed strings); NULL is harmless. */
void concert_i_draw_free(concert_i_draw *d);
/** Refills d from its original with the numbers of stream g, in the documented order:
 * capabilities by actor; stances by actor then issue (position, salience, tolerance,
 * red line); reversion points by issue; attendance events of probability < 1 by forum and
 * file order (kept when the uniform is below the probability). O(actors x issues + events). */
void concert_i_draw_fill(concert_i_draw *d, concert_rng *g);
/** The drawn scenario (lives as long as d; valid after concert_i_draw_new). */
const concert_scenario *concert_i_draw_scenario(const concert_i_draw *d);
/** What one uniform of a draw decides (the draw's inputs, in draw order). */
typedef enum concert_i_draw_what {
  CONCERT_I_DRAW_CAPABILITY = 0, /* an actor's capability */
  CONCERT_I_DRAW_POSITION = 1,   /* a stance's position */
  CONCERT_I_DRAW_SALIENCE = 2,   /* a stance's salience */
  CONCERT_I_DRAW_TOLERANCE = 3,  /* a stance's tolerance */
  CONCERT_I_DRAW_RED_LINE = 4,   /* a stance's red line */
  CONCERT_I_DRAW_REVERSION = 5,  /* an issue's reversion point */
  CONCERT_I_DRAW_EVENT = 6       /* whether an attendance event with probability < 1 applies */
} concert_i_draw_what;

/** One input of a draw: the number or event that its uniform number `index` decides. */
typedef struct concert_i_draw_input {
  concert_i_draw_what what; /* which number */
  size_t actor;             /* actor index (SIZE_MAX for a reversion point) */
  size_t issue;             /* issue index (SIZE_MAX for a capability or an event) */
  size_t forum, event;      /* events: forum index and the event's index in its file order */
} concert_i_draw_input;

/** The number of uniforms every fill takes (the draw's inputs), fixed by the scenario. O(1). */
size_t concert_i_draw_input_count(const concert_i_draw *d);
/** Input j (< concert_i_draw_input_count), in draw order. O(1). */
const concert_i_draw_input *concert_i_draw_input_at(const concert_i_draw *d, size_t j);
/** The uniforms in (0, 1) of the last fill, input j's at [j] (valid until the next fill). O(1). */
const double *concert_i_draw_uniforms(const concert_i_draw *d);
/** One value of the distribution of range r around v (mode or mean) on the field's bounds
 * [flo, fhi], by inversion of uniform u in (0, 1). Exposed for the tests. */
double concert_i_draw_value(double v, const concert_i_range *r, double flo, double fhi, double u);
/** Whether the number v with range r is drawn (low < high, or a normal with sd > 0). */
bool concert_i_draw_ranged(double v, const concert_i_range *r);

#endif
