/* forgo.c: the chair's choice to forgo the document (docs/protocol.md, forgo). Before the
 * summit the chair evaluates the package it expects: every member present except those
 * absent by an exogenous `absent` event, only exogenous events applied, and the members
 * whose leaving is exogenous judging the whole package as departed leaders do. The expected chance
 * that the document fails or is disowned is the share of evaluations where it does: at the point
 * values, then at each judgment range's low and high end, one number at a time (1 + 2J evaluations
 * for J ranges with low < high among the members' stances and capabilities and the reversion points
 * of the negotiated agenda). A documented rule, deterministic. Each range end at which the
 * expected fate differs is a document hinge, reported at the flip point that bisection
 * (bisect.c) finds between the value and that end. With forgo_evaluation: point (what a sweep
 * sets, the sweep itself being the Monte Carlo over the ranges) only the point values are
 * evaluated: the chance is 0 or 1. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"
#include "summit/engine_i.h"

concert_status concert_i_expected_fate(concert_i_engine *e, bool no_events, double *x,
                                       concert_document_fate *fate) {
  const concert_i_forum *f = e->f;
  const concert_scenario *s = e->s;
  size_t nm = f->n_members;
  concert_i_att *att = e->w.ef_att;
  size_t *who = e->w.ef_who;
  double *xs = e->w.ef_xs;
  concert_status st = CONCERT_OK;
  concert_i_attendance(e, no_events ? CONCERT_I_ATT_NONE : CONCERT_I_ATT_EXPECTED, att);
  for (size_t i = 0; i < s->n_actors * s->n_issues; i++) e->sal[i] = e->st[i].salience;
  for (size_t k = 0; k < s->n_issues; k++) x[k] = NAN;
  concert_i_intervals_fill(e);
  concert_i_columns_fill(e);
  for (size_t j = 0; j < f->n_sessions; j++) {
    if (!no_events) concert_i_apply_shocks(e, j, true);
    size_t n = 0;
    for (size_t i = 0; i < nm; i++)
      if (concert_i_present(&att[i], j)) who[n++] = f->members[i];
    if ((st = concert_i_bargain(e, who, n, xs, NULL))) return st;
    for (size_t q = 0; q < f->sessions[j].n_issues; q++)
      x[f->sessions[j].issues[q]] = xs[f->sessions[j].issues[q]];
  }
  if ((st = concert_i_package_build(e, att, x, &e->w.ef_pk))) return st;
  *fate = e->w.ef_pk.fate;
  return CONCERT_OK;
}

static bool fails(concert_document_fate f) {
  return f == CONCERT_DOCUMENT_FAILED || f == CONCERT_DOCUMENT_DISOWNED;
}

/* State of one forgo count: evaluations, failures, the point-value fate and where to note
 * the hinges (NULL: not noted). */
typedef struct tally {
  size_t n, bad;               /* evaluations, failures among them */
  concert_document_fate base;  /* the expected fate at the point values */
  concert_outcome *o;          /* hinges go here, or NULL */
  size_t total;                /* evaluations of the full count (early stop only) */
  double stop_above;           /* stop once chance > stop_above is decided (NaN: never) */
  bool decided;                /* stopped early */
} tally;

static concert_status note(concert_i_engine *e, tally *t, concert_document_hinge h) {
  concert_outcome *o = t->o;
  if (!o) return CONCERT_OK;
  if (o->n_hinges == o->cap_hinges) {
    size_t cap = o->cap_hinges ? 2 * o->cap_hinges : 8;
    concert_document_hinge *v = realloc(o->hinges, cap * sizeof *v);
    if (!v) return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
    o->hinges = v, o->cap_hinges = cap;
  }
  o->hinges[o->n_hinges++] = h;
  return CONCERT_OK;
}

/* A bisection probe: the expected fate with the number *v at a given value. */
typedef struct probe_ctx {
  concert_i_engine *e;
  double *v, *x;
} probe_ctx;

static concert_status probe(void *user, double v, int *result) {
  probe_ctx *p = user;
  concert_document_fate fate;
  *p->v = v;
  concert_status st = concert_i_expected_fate(p->e, false, p->x, &fate);
  *result = (int)fate;
  return st;
}

/* Whether the count can stop: chance > stop_above is decided whatever the rest gives. */
static bool decided(tally *t) {
  if (isnan(t->stop_above)) return false;
  double tot = (double)t->total;
  if ((double)t->bad / tot > t->stop_above) return true;
  return (double)(t->bad + (t->total - t->n)) / tot <= t->stop_above;
}

/* Evaluates with *v set to each end of r in turn (when lo < hi), counting failures and
 * noting, at each end where the expected fate differs from the point-value fate, the flip
 * point between the value and that end. */
static concert_status ends(concert_i_engine *e, double *v, concert_i_range r, double *x, tally *t,
                           concert_hinge_field field, size_t actor, size_t issue) {
  if (t->decided || !(r.lo < r.hi) || isnan(*v)) return CONCERT_OK;
  double keep = *v, at[2] = {r.lo, r.hi};
  concert_status st = CONCERT_OK;
  for (int i = 0; i < 2 && !st && !t->decided; i++) {
    concert_document_fate fate;
    *v = at[i];
    st = concert_i_expected_fate(e, false, x, &fate);
    if (st) break;
    t->n++, t->bad += fails(fate);
    t->decided = decided(t);
    if (fate == t->base || !t->o || at[i] == keep) continue;
    probe_ctx pc = {e, v, x};
    double flip;
    int r_flip;
    st = concert_i_bisect(keep, at[i], (int)t->base, (int)fate, concert_i_bisect_tol(field), probe,
                          &pc, &flip, &r_flip, NULL);
    if (!st)
      st = note(e, t,
                (concert_document_hinge){field, actor, issue, keep, flip,
                                         (concert_document_fate)r_flip});
  }
  *v = keep;
  return st;
}

/* The number of range ends the full count evaluates. */
static size_t count_ends(const concert_i_engine *e) {
  const concert_i_forum *f = e->f;
  const concert_scenario *s = e->s;
  size_t n = 0;
#define END(v, r) n += (!isnan(v) && (r).lo < (r).hi) ? 2 : 0
  for (size_t j = 0; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++) {
      size_t k = f->sessions[j].issues[q];
      if (s->issues[k].raised_only) continue;
      END(e->rev[k], s->issues[k].reversion_range);
      for (size_t i = 0; i < f->n_members; i++) {
        size_t a = f->members[i];
        const concert_i_stance *w = concert_i_est(e, a, k);
        const concert_i_stance *c = concert_i_stance_at(s, a, k);
        END(w->position, c->position_range);
        END(w->salience, c->salience_range);
        END(w->tolerance, c->tolerance_range);
        END(w->red_line, c->red_line_range);
      }
    }
  for (size_t i = 0; i < f->n_members; i++)
    END(e->cap[f->members[i]], s->actors[f->members[i]].capability_range);
#undef END
  return n;
}

concert_status concert_i_forgo_chance(concert_i_engine *e, concert_outcome *o, double stop_above,
                                      double *chance, size_t *n_eval, double *x_base,
                                      concert_document_fate *base) {
  const concert_i_forum *f = e->f;
  const concert_scenario *s = e->s;
  double *x = e->w.fg_x;
  tally t = {.o = o, .stop_above = o ? NAN : stop_above};
  if (!isnan(t.stop_above)) t.total = 1 + count_ends(e);
  concert_status st = concert_i_expected_fate(e, false, x, &t.base);
  t.n = 1, t.bad = fails(t.base);
  if (!st && x_base) memcpy(x_base, x, s->n_issues * sizeof *x);
  if (!st && base) *base = t.base;
  if (e->p.forgo_point) goto out; /* forgo_evaluation: point (inside a sweep) */
  if (!isnan(t.stop_above)) t.decided = decided(&t);
  for (size_t j = 0; !st && j < f->n_sessions; j++)
    for (size_t q = 0; !st && q < f->sessions[j].n_issues; q++) {
      size_t k = f->sessions[j].issues[q];
      if (s->issues[k].raised_only) continue;
      st = ends(e, &e->rev[k], s->issues[k].reversion_range, x, &t, CONCERT_HINGE_REVERSION,
                SIZE_MAX, k);
      for (size_t i = 0; !st && i < f->n_members; i++) {
        size_t a = f->members[i];
        concert_i_stance *w = &e->st[a * s->n_issues + k];
        const concert_i_stance *c = concert_i_stance_at(s, a, k);
        if (!st) st = ends(e, &w->position, c->position_range, x, &t, CONCERT_HINGE_POSITION, a, k);
        if (!st) st = ends(e, &w->salience, c->salience_range, x, &t, CONCERT_HINGE_SALIENCE, a, k);
        if (!st) st = ends(e, &w->tolerance, c->tolerance_range, x, &t, CONCERT_HINGE_TOLERANCE, a, k);
        if (!st) st = ends(e, &w->red_line, c->red_line_range, x, &t, CONCERT_HINGE_RED_LINE, a, k);
      }
    }
  for (size_t i = 0; !st && i < f->n_members; i++) {
    size_t a = f->members[i];
    st = ends(e, &e->cap[a], s->actors[a].capability_range, x, &t, CONCERT_HINGE_CAPABILITY, a,
              SIZE_MAX);
  }
out:
  /* stopped early: a bound on the side of stop_above the full count falls */
  if (t.decided && (double)t.bad / (double)t.total <= t.stop_above)
    *chance = (double)(t.bad + (t.total - t.n)) / (double)t.total;
  else
    *chance = (double)t.bad / (double)(t.decided ? t.total : t.n);
  *n_eval = t.n;
  return st;
}
