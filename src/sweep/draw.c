/* draw.c: one random draw of a scenario (sweep/draw_i.h, docs/sweep.md). Every ranged number
 * takes exactly one uniform of its run's stream and is drawn by inversion (uniform on [low,
 * high]; triangular on [low, high] with its mode at the number; normal with mean the number,
 * truncated to [low, high] when given, else to the field's bounds), so the stream's position
 * depends on the scenario alone. */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sweep/draw_i.h"

struct concert_i_draw {
  concert_scenario sc;           /* the drawn scenario: its arrays are the ones below */
  const concert_scenario *orig;  /* the original (borrowed) */
  concert_i_actor *actors;       /* owned copy, strings borrowed */
  concert_i_issue *issues;       /* owned copy, strings borrowed */
  concert_i_stance *stances;     /* owned copy, sources borrowed */
  concert_i_forum *forums;       /* owned copy; events point into `events` when owned */
  concert_i_event **events;      /* per forum: an owned event list, or NULL (borrowed) */
  concert_i_draw_input *in;      /* the inputs, in draw order */
  size_t n_in;                   /* their count: uniforms per fill */
  double *u;                     /* the last fill's uniforms (n_in) */
};

bool concert_i_draw_ranged(double v, const concert_i_range *r) {
  if (isnan(v)) return false;
  if (r->lo < r->hi) return true;
  return r->dist == CONCERT_I_DIST_NORMAL && r->sd > 0;
}

double concert_i_draw_value(double v, const concert_i_range *r, double flo, double fhi, double u) {
  double a = r->lo < r->hi ? r->lo : flo, b = r->lo < r->hi ? r->hi : fhi, x;
  switch (r->dist) {
    case CONCERT_I_DIST_TRIANGULAR: {
      double w = b - a, fc = (v - a) / w;
      x = u < fc ? a + sqrt(u * w * (v - a)) : b - sqrt((1 - u) * w * (b - v));
      break;
    }
    case CONCERT_I_DIST_NORMAL: {
      double pa = gsl_cdf_ugaussian_P((a - v) / r->sd), pb = gsl_cdf_ugaussian_P((b - v) / r->sd);
      double p = pa + u * (pb - pa);
      x = p <= 0 ? a : p >= 1 ? b : v + r->sd * gsl_cdf_ugaussian_Pinv(p);
      if (!isfinite(x)) x = v;
      break;
    }
    default:
      x = a + u * (b - a);
  }
  return x < a ? a : x > b ? b : x;
}

static bool has_chance(const concert_i_forum *f) {
  for (size_t v = 0; v < f->n_events; v++)
    if (f->events[v].probability < 1) return true;
  return false;
}

/* Appends input {what, a, k, f, v} to d->in (counting only when d->in is NULL). */
static void note(concert_i_draw *d, concert_i_draw_what what, size_t a, size_t k, size_t f,
                 size_t v) {
  if (d->in) d->in[d->n_in] = (concert_i_draw_input){what, a, k, f, v};
  d->n_in++;
}

/* Walks the draw order of concert_i_draw_fill, noting each number or event that takes a
 * uniform; twice: counting, then filling d->in. Nonzero when memory runs out. */
static int list_inputs(concert_i_draw *d) {
  const concert_scenario *s = d->orig;
  size_t na = s->n_actors, ni = s->n_issues;
  for (int pass = 0; pass < 2; pass++) {
    if (pass) {
      d->in = malloc((d->n_in ? d->n_in : 1) * sizeof *d->in);
      d->u = calloc(d->n_in ? d->n_in : 1, sizeof *d->u);
      if (!d->in || !d->u) return -1;
      d->n_in = 0;
    }
    for (size_t a = 0; a < na; a++)
      if (concert_i_draw_ranged(s->actors[a].capability, &s->actors[a].capability_range))
        note(d, CONCERT_I_DRAW_CAPABILITY, a, SIZE_MAX, SIZE_MAX, SIZE_MAX);
    for (size_t i = 0; i < na * ni; i++) {
      const concert_i_stance *o = &s->stances[i];
      if (!o->set) continue;
      size_t a = i / ni, k = i % ni;
      if (concert_i_draw_ranged(o->position, &o->position_range))
        note(d, CONCERT_I_DRAW_POSITION, a, k, SIZE_MAX, SIZE_MAX);
      if (concert_i_draw_ranged(o->salience, &o->salience_range))
        note(d, CONCERT_I_DRAW_SALIENCE, a, k, SIZE_MAX, SIZE_MAX);
      if (concert_i_draw_ranged(o->tolerance, &o->tolerance_range))
        note(d, CONCERT_I_DRAW_TOLERANCE, a, k, SIZE_MAX, SIZE_MAX);
      if (concert_i_draw_ranged(o->red_line, &o->red_line_range))
        note(d, CONCERT_I_DRAW_RED_LINE, a, k, SIZE_MAX, SIZE_MAX);
    }
    for (size_t k = 0; k < ni; k++)
      if (concert_i_draw_ranged(s->issues[k].reversion, &s->issues[k].reversion_range))
        note(d, CONCERT_I_DRAW_REVERSION, SIZE_MAX, k, SIZE_MAX, SIZE_MAX);
    for (size_t f = 0; f < s->n_forums; f++) {
      if (!d->events[f]) continue;
      for (size_t v = 0; v < s->forums[f].n_events; v++)
        if (s->forums[f].events[v].probability < 1)
          note(d, CONCERT_I_DRAW_EVENT, s->forums[f].events[v].actor, SIZE_MAX, f, v);
    }
  }
  return 0;
}

size_t concert_i_draw_input_count(const concert_i_draw *d) { return d->n_in; }
const concert_i_draw_input *concert_i_draw_input_at(const concert_i_draw *d, size_t j) {
  return &d->in[j];
}
const double *concert_i_draw_uniforms(const concert_i_draw *d) { return d->u; }

concert_i_draw *concert_i_draw_new(const concert_scenario *s) {
  concert_i_draw *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  size_t na = s->n_actors, ni = s->n_issues, nf = s->n_forums;
  d->orig = s;
  d->actors = malloc((na ? na : 1) * sizeof *d->actors);
  d->issues = malloc((ni ? ni : 1) * sizeof *d->issues);
  size_t nst = na * ni;
  d->stances = malloc((nst > 0 ? nst : 1) * sizeof *d->stances);
  d->forums = malloc((nf ? nf : 1) * sizeof *d->forums);
  d->events = calloc(nf ? nf : 1, sizeof *d->events);
  if (!d->actors || !d->issues || !d->stances || !d->forums || !d->events) goto nomem;
  for (size_t f = 0; f < nf; f++)
    if (has_chance(&s->forums[f]) &&
        !(d->events[f] = malloc(s->forums[f].n_events * sizeof *d->events[f])))
      goto nomem;
  d->sc = *s;
  d->sc.actors = d->actors, d->sc.issues = d->issues, d->sc.stances = d->stances;
  d->sc.forums = d->forums;
  if (na) memcpy(d->actors, s->actors, na * sizeof *d->actors);
  if (ni) memcpy(d->issues, s->issues, ni * sizeof *d->issues);
  if (nst > 0) memcpy(d->stances, s->stances, nst * sizeof *d->stances);
  if (nf) memcpy(d->forums, s->forums, nf * sizeof *d->forums);
  if (list_inputs(d)) goto nomem;
  return d;
nomem:
  concert_i_draw_free(d);
  return NULL;
}

void concert_i_draw_free(concert_i_draw *d) {
  if (!d) return;
  for (size_t f = 0; d->events && f < d->orig->n_forums; f++) free(d->events[f]);
  free(d->in), free(d->u);
  free(d->events), free(d->forums), free(d->stances), free(d->issues), free(d->actors);
  free(d);
}

const concert_scenario *concert_i_draw_scenario(const concert_i_draw *d) { return &d->sc; }

/* *x = a draw of original value v with range r on [flo, fhi] (or v when not ranged); the
 * uniform goes to u[*j], *j counting. */
static void one(double *x, double v, const concert_i_range *r, double flo, double fhi,
                concert_rng *g, double *u, size_t *j) {
  if (!concert_i_draw_ranged(v, r)) {
    *x = v;
    return;
  }
  double w = concert_rng_uniform(g);
  u[(*j)++] = w;
  *x = concert_i_draw_value(v, r, flo, fhi, w);
}

void concert_i_draw_fill(concert_i_draw *d, concert_rng *g) {
  const concert_scenario *s = d->orig;
  size_t na = s->n_actors, ni = s->n_issues, j = 0;
  double *u = d->u;
  for (size_t a = 0; a < na; a++) {
    const concert_i_actor *o = &s->actors[a];
    one(&d->actors[a].capability, o->capability, &o->capability_range, 0, 1e15, g, u, &j);
  }
  for (size_t i = 0; i < na * ni; i++) {
    const concert_i_stance *o = &s->stances[i];
    concert_i_stance *w = &d->stances[i];
    if (!o->set) continue;
    one(&w->position, o->position, &o->position_range, 0, 100, g, u, &j);
    one(&w->salience, o->salience, &o->salience_range, 0, 1, g, u, &j);
    one(&w->tolerance, o->tolerance, &o->tolerance_range, 0, 100, g, u, &j);
    one(&w->red_line, o->red_line, &o->red_line_range, 0, 100, g, u, &j);
  }
  for (size_t k = 0; k < ni; k++) {
    const concert_i_issue *o = &s->issues[k];
    one(&d->issues[k].reversion, o->reversion, &o->reversion_range, 0, 100, g, u, &j);
  }
  for (size_t f = 0; f < s->n_forums; f++) {
    if (!d->events[f]) continue;
    const concert_i_forum *o = &s->forums[f];
    size_t n = 0;
    for (size_t v = 0; v < o->n_events; v++) {
      const concert_i_event *ev = &o->events[v];
      if (ev->probability < 1) {
        double w = concert_rng_uniform(g);
        u[j++] = w;
        if (!(w < ev->probability)) continue;
      }
      d->events[f][n++] = *ev;
    }
    d->forums[f].events = d->events[f], d->forums[f].n_events = n;
  }
}
