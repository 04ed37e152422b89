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
/** One value of the distribution of range r around v (mode or mean) on the field's bounds
 * [flo, fhi], by inversion of uniform u in (0, 1). Exposed for the tests. */
double concert_i_draw_value(double v, const concert_i_range *r, double flo, double fhi, double u);
/** Whether the number v with range r is drawn (low < high, or a normal with sd > 0). */
bool concert_i_draw_ranged(double v, const concert_i_range *r);

#endif
