/* sensitivity.c: the tipping points of a forum's headline results (docs/sensitivity.md).
 * Every judgment number with a range is moved alone on the engine's working copies (the
 * scenario is never written): the summit is played with it at each range end, and where a
 * headline differs there, bisection (summit/bisect.c, the mechanism of the document hinges)
 * finds the flip point between the value and that end. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sensitivity/sensitivity_i.h"
#include "status/diag.h"
#include "summit/engine_i.h"

/* The search's state: the engine, the object filled, the headline results per play. */
typedef struct search {
  concert_i_engine *e;
  concert_sensitivity *x;
  size_t *res_of;              /* per statement headline: its agenda result index */
  concert_headline_result *at; /* per headline: the result of the last play */
  double *v;                   /* the number moved */
  size_t probe_h;              /* the headline a bisection probe asks for */
} search;

/* A result as the bisection's code: the fate, or kind x 2 + label. */
static int code(concert_headline_kind k, concert_headline_result r) {
  return k == CONCERT_HEADLINE_STATEMENT ? (int)r.kind * 2 + (int)r.forum_label : (int)r.fate;
}

static concert_headline_result decode(concert_headline_kind k, int c) {
  concert_headline_result r = {CONCERT_DOCUMENT_ISSUED, CONCERT_STATEMENT_NONE, false};
  if (k == CONCERT_HEADLINE_STATEMENT)
    r.kind = (concert_statement_kind)(c / 2), r.forum_label = c % 2;
  else
    r.fate = (concert_document_fate)c;
  return r;
}

/* One play at the working numbers; fills g->at for every headline. */
static concert_status play(search *g, concert_i_play mode) {
  concert_outcome *o = NULL;
  concert_document_fate expected;
  concert_status st = concert_i_summit_play(g->e, mode, &o, &expected);
  g->x->n_plays++;
  if (st) return st;
  concert_communique c = concert_outcome_communique(o);
  g->at[0] = (concert_headline_result){c.fate, CONCERT_STATEMENT_NONE, false};
  g->at[1] = (concert_headline_result){expected, CONCERT_STATEMENT_NONE, false};
  for (size_t i = 2; i < g->x->n_h; i++) {
    const concert_issue_result *r = concert_outcome_issue(o, g->res_of[i]);
    g->at[i] = (concert_headline_result){CONCERT_DOCUMENT_ISSUED, r->kind, r->forum_label};
  }
  concert_outcome_free(o);
  return CONCERT_OK;
}

/* A bisection probe: the one headline asked for, with the number at v. The actual fate
 * needs the chair's forgo decision; statements and the expected fate do not. */
static concert_status probe(void *user, double v, int *result) {
  search *g = user;
  *g->v = v;
  size_t h = g->probe_h;
  concert_status st = play(g, h == 0 ? CONCERT_I_PLAY_QUICK : CONCERT_I_PLAY_NO_FORGO);
  *result = code(g->x->h[h].kind, g->at[h]);
  return st;
}

static concert_status push(concert_sensitivity *x, size_t h, concert_tipping_point p,
                           concert_diag *d) {
  if (x->h[h].n_points == x->cap[h]) {
    size_t cap = x->cap[h] ? 2 * x->cap[h] : 8;
    concert_tipping_point *v = realloc(x->pts[h], cap * sizeof *v);
    if (!v) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    x->pts[h] = v, x->cap[h] = cap;
  }
  x->pts[h][x->h[h].n_points++] = p;
  return CONCERT_OK;
}

/* Tries one number *v with range r in both directions for every headline. */
static concert_status try_number(search *g, double *v, concert_i_range r, concert_hinge_field field,
                                 size_t actor, size_t issue, bool partner) {
  if (isnan(*v) || !(r.lo < r.hi)) return CONCERT_OK;
  concert_sensitivity *x = g->x;
  x->n_ranges++;
  double keep = *v, tol = concert_i_bisect_tol(field);
  concert_status st = CONCERT_OK;
  g->v = v;
  for (int dir = -1; dir <= 1 && !st; dir += 2) {
    double end = dir < 0 ? r.lo : r.hi;
    if (end == keep) continue;
    *v = end;
    if ((st = play(g, CONCERT_I_PLAY_QUICK))) break;
    concert_headline_result *at_end = malloc(x->n_h * sizeof *at_end);
    if (!at_end) {
      st = CONCERT_FAIL(g->e->d, CONCERT_ERR_NOMEM, "out of memory");
      break;
    }
    memcpy(at_end, g->at, x->n_h * sizeof *at_end);
    for (size_t h = 0; h < x->n_h && !st; h++) {
      concert_headline_kind k = x->h[h].kind;
      int base = code(k, x->h[h].result), c_end = code(k, at_end[h]);
      if (c_end == base) {
        x->h[h].n_no_flip++;
        continue;
      }
      double flip;
      int c_flip;
      g->probe_h = h;
      st = concert_i_bisect(keep, end, base, c_end, tol, probe, g, &flip, &c_flip, NULL);
      if (st) break;
      concert_tipping_point p = {field,
                                 actor,
                                 issue,
                                 partner,
                                 keep,
                                 r.lo,
                                 r.hi,
                                 dir,
                                 flip,
                                 fabs(flip - keep) / (r.hi - r.lo),
                                 flip >= r.lo && flip <= r.hi,
                                 decode(k, c_flip)};
      st = push(x, h, p, g->e->d);
    }
    free(at_end);
  }
  *v = keep;
  return st;
}

/* Every judgment number with a range, in agenda order (the reversion point, then the
 * members' and the invited partners' stance numbers), then the members' capabilities. */
static concert_status try_all(search *g) {
  concert_i_engine *e = g->e;
  const concert_scenario *s = e->s;
  const concert_i_forum *f = e->f;
  concert_status st = CONCERT_OK;
  for (size_t j = 0; !st && j < f->n_sessions; j++)
    for (size_t q = 0; !st && q < f->sessions[j].n_issues; q++) {
      size_t k = f->sessions[j].issues[q];
      if (s->issues[k].raised_only) continue;
      st = try_number(g, &e->rev[k], s->issues[k].reversion_range, CONCERT_HINGE_REVERSION,
                      SIZE_MAX, k, false);
      for (size_t i = 0; !st && i < f->n_members + f->n_invited; i++) {
        bool partner = i >= f->n_members;
        size_t a = partner ? f->invited[i - f->n_members] : f->members[i];
        concert_i_stance *w = &e->st[a * s->n_issues + k];
        const concert_i_stance *c = concert_i_stance_at(s, a, k);
        if (!c->set) continue;
        st = try_number(g, &w->position, c->position_range, CONCERT_HINGE_POSITION, a, k, partner);
        if (!st)
          st =
              try_number(g, &w->salience, c->salience_range, CONCERT_HINGE_SALIENCE, a, k, partner);
        if (!st)
          st = try_number(g, &w->tolerance, c->tolerance_range, CONCERT_HINGE_TOLERANCE, a, k,
                          partner);
        if (!st)
          st =
              try_number(g, &w->red_line, c->red_line_range, CONCERT_HINGE_RED_LINE, a, k, partner);
      }
    }
  for (size_t i = 0; !st && i < f->n_members; i++) {
    size_t a = f->members[i];
    st = try_number(g, &e->cap[a], s->actors[a].capability_range, CONCERT_HINGE_CAPABILITY, a,
                    SIZE_MAX, false);
  }
  return st;
}

/* Nearest first: by relative change; ties keep the input order (stable insertion sort). */
static void sort_points(concert_tipping_point *p, size_t n) {
  for (size_t i = 1; i < n; i++) {
    concert_tipping_point t = p[i];
    size_t j = i;
    while (j > 0 && p[j - 1].change > t.change) p[j] = p[j - 1], j--;
    p[j] = t;
  }
}

concert_status concert_sensitivity_run(const concert_scenario *s, size_t fi,
                                       const concert_model *model,
                                       const concert_params *model_params,
                                       const concert_params *protocol, concert_sensitivity **out,
                                       concert_diag *d) {
  if (!s || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  concert_i_engine e;
  concert_status st = concert_i_engine_init(&e, s, fi, model, model_params, protocol, d);
  if (st) return st;
  const concert_i_forum *f = e.f;
  size_t nh = 2;
  for (size_t j = 0; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++)
      nh += !s->issues[f->sessions[j].issues[q]].raised_only;
  concert_sensitivity *x = calloc(1, sizeof *x);
  search g = {.e = &e, .x = x};
  if (!x || !(x->h = calloc(nh, sizeof *x->h)) || !(x->pts = calloc(nh, sizeof *x->pts)) ||
      !(x->cap = calloc(nh, sizeof *x->cap)) || !(g.res_of = calloc(nh, sizeof *g.res_of)) ||
      !(g.at = calloc(nh, sizeof *g.at))) {
    st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  x->s = s, x->forum = fi, x->n_h = nh;
  snprintf(x->model, sizeof x->model, "%s", concert_model_name(e.model));
  x->h[0] = (concert_headline){.kind = CONCERT_HEADLINE_DOCUMENT, .issue = SIZE_MAX};
  x->h[1] = (concert_headline){.kind = CONCERT_HEADLINE_DOCUMENT_EXPECTED, .issue = SIZE_MAX};
  for (size_t j = 0, r = 0, h = 2; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++, r++) {
      size_t k = f->sessions[j].issues[q];
      if (s->issues[k].raised_only) continue;
      x->h[h] = (concert_headline){.kind = CONCERT_HEADLINE_STATEMENT, .issue = k};
      g.res_of[h++] = r;
    }
  if ((st = play(&g, CONCERT_I_PLAY_QUICK))) goto done;
  for (size_t h = 0; h < nh; h++) x->h[h].result = g.at[h];
  if ((st = try_all(&g))) goto done;
  for (size_t h = 0; h < nh; h++) {
    sort_points(x->pts[h], x->h[h].n_points);
    x->h[h].points = x->pts[h];
  }
done:
  free(g.res_of), free(g.at);
  concert_i_engine_free(&e);
  if (st) {
    concert_sensitivity_free(x);
    return st;
  }
  *out = x;
  return CONCERT_OK;
}

void concert_sensitivity_free(concert_sensitivity *x) {
  if (!x) return;
  for (size_t h = 0; x->pts && h < x->n_h; h++) free(x->pts[h]);
  free(x->pts), free(x->cap), free(x->h), free(x);
}

size_t concert_sensitivity_headline_count(const concert_sensitivity *x) { return x ? x->n_h : 0; }

const concert_headline *concert_sensitivity_headline(const concert_sensitivity *x, size_t i) {
  return x && i < x->n_h ? &x->h[i] : NULL;
}

size_t concert_sensitivity_range_count(const concert_sensitivity *x) { return x ? x->n_ranges : 0; }

size_t concert_sensitivity_play_count(const concert_sensitivity *x) { return x ? x->n_plays : 0; }

const concert_scenario *concert_sensitivity_scenario(const concert_sensitivity *x) {
  return x ? x->s : NULL;
}

size_t concert_sensitivity_forum(const concert_sensitivity *x) { return x ? x->forum : 0; }

const char *concert_headline_result_words(concert_headline_kind kind, concert_headline_result r) {
  static const char *const fates[] = {"issued", "issued with carve-outs", "forgone by the chair",
                                      "failed", "issued, then disowned"};
  if (kind != CONCERT_HEADLINE_STATEMENT)
    return (unsigned)r.fate < sizeof fates / sizeof *fates ? fates[r.fate] : "?";
  if (r.kind == CONCERT_STATEMENT_NONE) return "no statement";
  if (r.kind == CONCERT_STATEMENT_JOINT) return "joint statement";
  return r.forum_label ? "statement of the forum" : "statement of members";
}
