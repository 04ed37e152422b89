/* summit.c: the summit protocol engine (docs/protocol.md, rules 1-9).
 *
 * Plays a forum's agenda session by session: events, bargaining with the model among the
 * members present, acceptance, joint or minilateral statements, the chair's summary
 * wording, the communiqué and the net gains. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "summit/outcome_i.h"
#include "summit/protocol_i.h"

#define EPS 1e-9

typedef struct proto {
  int loss_power;          /* 1 linear, 2 quadratic */
  double tolerance;        /* default slack */
  bool partners_cosign;    /* rule 4 */
  double agreed, discussed; /* wording thresholds */
  bool chair_forgoes;      /* rule 7 */
  bool withdraw;           /* rule 7 */
  bool redraft;            /* rule 4: the chair re-drafts a rejected text */
} proto;

typedef struct engine {
  const concert_scenario *s;
  const concert_i_forum *f;
  const concert_model *model;
  const concert_params *mparams;
  proto p;
  double *sal;          /* working saliences, actors x issues (after shocks) */
  concert_outcome *o;
  concert_diag *d;
} engine;

static bool word_true(const concert_params *a, const concert_params *b, const char *key) {
  const char *w = concert_params_word(a, key, concert_params_word(b, key, "true"));
  return strcmp(w, "true") == 0;
}

static void read_proto(proto *p, const concert_params *over, const concert_params *file) {
  const char *loss = concert_params_word(over, "loss", concert_params_word(file, "loss", "linear"));
  p->loss_power = strcmp(loss, "quadratic") == 0 ? 2 : 1;
#define NUM(key, def) concert_params_number(over, key, concert_params_number(file, key, def))
  p->tolerance = NUM("tolerance", 0);
  p->agreed = NUM("summary_agreed", 10);
  p->discussed = NUM("summary_discussed", 25);
#undef NUM
  p->partners_cosign = word_true(over, file, "partners_cosign");
  p->chair_forgoes = word_true(over, file, "chair_forgoes");
  p->withdraw = word_true(over, file, "withdraw");
  p->redraft = word_true(over, file, "redraft");
}

/* Utility of text x to actor a on issue k, with salience sal. */
static double utility(const engine *e, size_t a, size_t k, double x, double sal) {
  double t = fabs(x - concert_i_stance_at(e->s, a, k)->position);
  return -sal * (e->p.loss_power == 1 ? t : t * t);
}

static bool beyond_red_line(const concert_i_stance *st, double x) {
  if (isnan(st->red_line)) return false;
  return (x - st->red_line) * (st->position - st->red_line) < -EPS;
}

/* Rule 3. excess gets how far beyond acceptable x lies (0 if acceptable). */
static bool accepts(const engine *e, size_t a, size_t k, double x, double *excess, bool *red) {
  const concert_i_stance *st = concert_i_stance_at(e->s, a, k);
  if (excess) *excess = 0;
  if (red) *red = false;
  if (!st->set) return false;
  double tol = isnan(st->tolerance) ? e->p.tolerance : st->tolerance;
  double r = e->s->issues[k].reversion, dist = fabs(x - st->position);
  double allowed = isnan(r) ? tol : fabs(r - st->position) + tol;
  bool ok = dist <= allowed + EPS;
  if (!ok && excess) *excess = dist - allowed;
  if (beyond_red_line(st, x)) {
    if (red) *red = true;
    ok = false;
  }
  return ok;
}

/* Whether ny accepting members of capability cy, among np present members of capability
 * cp, satisfy the forum's rule. */
static bool rule_met_counts(const engine *e, size_t np, double cp, size_t ny, double cy) {
  const concert_i_forum *f = e->f;
  if (np == 0) return false;
  double cshare = cp > 0 ? cy / cp : (double)ny / (double)np;
  double mshare = (double)ny / (double)np;
  switch (f->rule.kind) {
    case CONCERT_RULE_UNANIMITY: return ny == np;
    case CONCERT_RULE_CONSENSUS_MINUS: return np - ny <= f->rule.k && ny > 0;
    case CONCERT_RULE_QUOTA: return cshare >= f->rule.quota - EPS;
    case CONCERT_RULE_DOUBLE_MAJORITY:
      return mshare >= f->rule.member_share - EPS && cshare >= f->rule.quota - EPS;
  }
  return false;
}

/* Whether the members flagged in `yes` (among those flagged `present`, over the forum's
 * member list) satisfy the forum's rule. */
static bool rule_met(const engine *e, const bool *present, const bool *yes) {
  const concert_i_forum *f = e->f;
  size_t np = 0, ny = 0;
  double cp = 0, cy = 0;
  for (size_t i = 0; i < f->n_members; i++) {
    if (!present[i]) continue;
    double c = e->s->actors[f->members[i]].capability;
    np++, cp += c;
    if (yes[i]) ny++, cy += c;
  }
  return rule_met_counts(e, np, cp, ny, cy);
}

/* The bargaining problem of the actors `who` (n of them) over the forum's agenda issues,
 * with saliences sal (actors x issues of the scenario). Arrays owned by the struct. */
typedef struct agenda_problem {
  concert_problem pb;   /* the view handed to the model */
  size_t *iss;          /* agenda issue k of the problem -> scenario issue */
  double *pos, *sal, *cap, *rev;
  const char **ids;
} agenda_problem;

static void agenda_problem_free(agenda_problem *a) {
  free(a->iss), free(a->pos), free(a->sal), free(a->cap), free(a->rev), free(a->ids);
}

static concert_status agenda_problem_build(const concert_scenario *s, const concert_i_forum *f,
                                           const size_t *who, size_t n, const double *salience,
                                           agenda_problem *a, concert_diag *d) {
  memset(a, 0, sizeof *a);
  size_t m = 0;
  for (size_t j = 0; j < f->n_sessions; j++) m += f->sessions[j].n_issues;
  a->iss = malloc((m ? m : 1) * sizeof *a->iss);
  size_t nm = n * m > 0 ? n * m : 1;
  a->pos = malloc(nm * sizeof *a->pos);
  a->sal = malloc(nm * sizeof *a->sal);
  a->cap = malloc((n ? n : 1) * sizeof *a->cap);
  a->rev = malloc((m ? m : 1) * sizeof *a->rev);
  a->ids = malloc((n ? n : 1) * sizeof *a->ids);
  if (!a->iss || !a->pos || !a->sal || !a->cap || !a->rev || !a->ids) {
    agenda_problem_free(a);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  m = 0;
  for (size_t j = 0; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++) a->iss[m++] = f->sessions[j].issues[q];
  for (size_t i = 0; i < n; i++) {
    a->cap[i] = s->actors[who[i]].capability;
    a->ids[i] = s->actors[who[i]].id;
    for (size_t q = 0; q < m; q++) {
      a->pos[i * m + q] = concert_i_stance_at(s, who[i], a->iss[q])->position;
      a->sal[i * m + q] = salience[who[i] * s->n_issues + a->iss[q]];
    }
  }
  for (size_t q = 0; q < m; q++) a->rev[q] = s->issues[a->iss[q]].reversion;
  a->pb = (concert_problem){.n_actors = n, .n_issues = m, .position = a->pos, .salience = a->sal,
                            .capability = a->cap, .reversion = a->rev, .actor_ids = a->ids};
  return CONCERT_OK;
}

/* Rule 2: the model's texts on every agenda issue among the actors `who` (n of them),
 * written to x (indexed by scenario issue; only agenda issues are set). Deals of the
 * first round are appended to the outcome when keep_deals. */
static concert_status bargain(engine *e, const size_t *who, size_t n, double *x, bool keep_deals) {
  const concert_i_forum *f = e->f;
  if (n == 0) {
    for (size_t j = 0; j < f->n_sessions; j++)
      for (size_t q = 0; q < f->sessions[j].n_issues; q++) x[f->sessions[j].issues[q]] = NAN;
    return CONCERT_OK;
  }
  agenda_problem a;
  concert_status st = agenda_problem_build(e->s, f, who, n, e->sal, &a, e->d);
  if (st) return st;
  concert_solution *sol = NULL;
  st = concert_model_solve(e->model, e->mparams, &a.pb, &sol, e->d);
  if (st) goto done;
  for (size_t q = 0; q < a.pb.n_issues; q++) x[a.iss[q]] = concert_solution_outcome(sol, q);
  size_t nd = keep_deals ? concert_solution_deal_count(sol) : 0;
  if (nd) {
    e->o->deals = malloc(nd * sizeof *e->o->deals);
    if (!e->o->deals) st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
    for (size_t i = 0; !st && i < nd; i++) {
      concert_deal dl = *concert_solution_deal(sol, i);
      if (dl.round != 0) continue; /* the sideline bargains: the first round's trades */
      dl.actor_a = who[dl.actor_a], dl.actor_b = who[dl.actor_b];
      dl.issue_a = a.iss[dl.issue_a], dl.issue_b = a.iss[dl.issue_b];
      e->o->deals[e->o->n_deals++] = dl;
    }
  }
  concert_solution_free(sol);
done:
  agenda_problem_free(&a);
  return st;
}

concert_status concert_forum_solve(const concert_scenario *s, size_t f, const concert_model *model,
                                   const concert_params *params, concert_solution **out,
                                   concert_diag *d) {
  if (!s || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  if (f >= s->n_forums) return CONCERT_FAIL(d, CONCERT_ERR_NOT_FOUND, "no forum %zu", f);
  const concert_model *m = model ? model : concert_model_find(s->model);
  if (!m) return CONCERT_FAIL(d, CONCERT_ERR_UNKNOWN_ID, "unknown model '%s'", s->model);
  const concert_params *p = model ? params : (params ? params : s->model_params);
  double *sal = malloc(s->n_actors * s->n_issues * sizeof *sal);
  if (!sal) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t i = 0; i < s->n_actors * s->n_issues; i++) sal[i] = s->stances[i].salience;
  agenda_problem a;
  concert_status st =
      agenda_problem_build(s, &s->forums[f], s->forums[f].members, s->forums[f].n_members, sal, &a, d);
  free(sal);
  if (st) return st;
  st = concert_model_solve(m, p, &a.pb, out, d);
  agenda_problem_free(&a);
  return st;
}

/* Rule 6: salience-weighted standard deviation of the present members' positions. */
static double dispersion(const engine *e, const bool *present, size_t k) {
  double sw = 0, sx = 0, sxx = 0;
  size_t n = 0;
  for (int pass = 0; pass < 2 && sw == 0; pass++) {
    sw = sx = 0, n = 0;
    for (size_t i = 0; i < e->f->n_members; i++) {
      if (!present[i]) continue;
      size_t a = e->f->members[i];
      double w = pass ? 1.0 : e->sal[a * e->s->n_issues + k];
      sw += w, sx += w * concert_i_stance_at(e->s, a, k)->position, n++;
    }
  }
  if (n == 0 || sw <= 0) return NAN;
  double mu = sx / sw;
  bool unweighted = false;
  {
    double t = 0;
    for (size_t i = 0; i < e->f->n_members; i++)
      if (present[i]) t += e->sal[e->f->members[i] * e->s->n_issues + k];
    unweighted = !(t > 0);
  }
  for (size_t i = 0; i < e->f->n_members; i++) {
    if (!present[i]) continue;
    size_t a = e->f->members[i];
    double w = unweighted ? 1.0 : e->sal[a * e->s->n_issues + k];
    double dx = concert_i_stance_at(e->s, a, k)->position - mu;
    sxx += w * dx * dx;
  }
  return sqrt(sxx / sw);
}

static concert_status add_veto(engine *e, size_t a, size_t k, double x, double excess, bool red) {
  concert_outcome *o = e->o;
  if (o->n_vetoes == o->cap_vetoes) {
    size_t cap = o->cap_vetoes ? 2 * o->cap_vetoes : 8;
    concert_veto *v = realloc(o->vetoes, cap * sizeof *v);
    if (!v) return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
    o->vetoes = v, o->cap_vetoes = cap;
  }
  o->vetoes[o->n_vetoes++] = (concert_veto){a, k, x, excess, red};
  return CONCERT_OK;
}

/* Rule 4, re-draft: the text nearest x at which the accepting present members satisfy the
 * forum's rule. Each member accepts a closed interval [lo, hi] (its position +- the
 * reversion distance plus tolerance, cut at its red line), so the rule can only start to
 * hold at x or at an end of one of these intervals: those are the candidates. With the
 * ends sorted and prefix sums of capability, the accepting count and capability at a point
 * take two binary searches: O(n log n) per issue. */
typedef struct end_pt {
  double at, cap; /* interval end, member capability */
} end_pt;

static int by_at(const void *a, const void *b) {
  double x = ((const end_pt *)a)->at, y = ((const end_pt *)b)->at;
  return (x > y) - (x < y);
}

/* Number of ends <= t (strict: < t) in the sorted array v of n, via binary search. */
static size_t count_upto(const end_pt *v, size_t n, double t, bool strict) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strict ? v[mid].at < t : v[mid].at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static bool redraft_text(const engine *e, const bool *present, size_t k, double x, double *y) {
  const concert_i_forum *f = e->f;
  size_t n = 0, np = 0;
  double cp = 0, r = e->s->issues[k].reversion;
  end_pt *los = malloc((f->n_members + 1) * sizeof *los), *his = malloc((f->n_members + 1) * sizeof *his);
  double *clo = malloc((f->n_members + 1) * sizeof *clo), *chi = malloc((f->n_members + 1) * sizeof *chi);
  bool found = false;
  if (!los || !his || !clo || !chi) goto done;
  for (size_t i = 0; i < f->n_members; i++) {
    if (!present[i]) continue;
    const concert_i_stance *st = concert_i_stance_at(e->s, f->members[i], k);
    double c = e->s->actors[f->members[i]].capability;
    np++, cp += c;
    double tol = isnan(st->tolerance) ? e->p.tolerance : st->tolerance;
    double rad = isnan(r) ? tol : fabs(r - st->position) + tol;
    double lo = fmax(0, st->position - rad), hi = fmin(100, st->position + rad);
    if (!isnan(st->red_line)) {
      if (st->position < st->red_line) hi = fmin(hi, st->red_line);
      else if (st->position > st->red_line) lo = fmax(lo, st->red_line);
    }
    if (lo > hi) continue; /* accepts no text */
    los[n] = (end_pt){lo, c}, his[n] = (end_pt){hi, c}, n++;
  }
  qsort(los, n, sizeof *los, by_at);
  qsort(his, n, sizeof *his, by_at);
  clo[0] = chi[0] = 0;
  for (size_t i = 0; i < n; i++) clo[i + 1] = clo[i] + los[i].cap, chi[i + 1] = chi[i] + his[i].cap;
  double best = HUGE_VAL;
  for (size_t c = 0; c <= 2 * n; c++) {
    double t = c == 2 * n ? x : c < n ? los[c].at : his[c - n].at;
    double dist = fabs(t - x);
    if (dist > best || (dist == best && t >= *y)) continue;
    /* accepting at t: lo <= t + EPS and not hi < t - EPS */
    size_t a = count_upto(los, n, t + EPS, false), b = count_upto(his, n, t - EPS, true);
    double cy = clo[a] - chi[b];
    if (rule_met_counts(e, np, cp, a - b, cy)) best = dist, *y = t, found = true;
  }
done:
  free(los), free(his), free(clo), free(chi);
  return found;
}

/* Rules 4 and 5 on issue k (result r) with the members present. */
static concert_status decide_issue(engine *e, const bool *present, size_t k, double x, size_t r) {
  const concert_i_forum *f = e->f;
  concert_outcome *o = e->o;
  concert_issue_result *res = &o->res[r];
  bool *yes = calloc(f->n_members, sizeof *yes);
  size_t *coal = malloc(f->n_members * sizeof *coal);
  double *xs = malloc(e->s->n_issues * sizeof *xs);
  concert_status st = CONCERT_OK;
  if (!yes || !coal || !xs) {
    st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  res->outcome = x;
  res->dispersion = dispersion(e, present, k);
  res->text = NAN;
  res->kind = CONCERT_STATEMENT_NONE;
  size_t ncoal = 0;
  for (size_t i = 0; i < f->n_members && !isnan(x); i++) {
    if (!present[i]) continue;
    double ex;
    bool red;
    yes[i] = accepts(e, f->members[i], k, x, &ex, &red);
    if (yes[i]) coal[ncoal++] = f->members[i];
    else if (concert_i_idlist_push(&o->rej[r], f->members[i])) goto nomem;
  }
  double text = NAN, y = NAN;
  double rv = e->s->issues[k].reversion;
  bool nothing_new = !isnan(rv) && fabs(x - rv) <= EPS;
  if (!nothing_new && !isnan(x) && rule_met(e, present, yes)) {
    res->kind = CONCERT_STATEMENT_JOINT;
    text = x;
  } else if (!nothing_new && !isnan(x) && e->p.redraft && redraft_text(e, present, k, x, &y) &&
             !(!isnan(rv) && fabs(y - rv) <= EPS)) {
    res->kind = CONCERT_STATEMENT_JOINT;
    text = y;
    ncoal = 0;
    for (size_t i = 0; i < f->n_members; i++)
      if (present[i] && accepts(e, f->members[i], k, y, NULL, NULL)) coal[ncoal++] = f->members[i];
  }
  /* Members that rejected the model's text block the forum's statement: vetoes. */
  for (size_t i = 0; res->kind == CONCERT_STATEMENT_NONE && i < o->rej[r].n; i++) {
    double ex;
    bool red;
    accepts(e, o->rej[r].v[i], k, x, &ex, &red);
    if ((st = add_veto(e, o->rej[r].v[i], k, x, ex, red))) goto done;
  }
  if (res->kind == CONCERT_STATEMENT_NONE && !nothing_new && !isnan(x) && f->mini_allowed) {
    while (ncoal >= f->mini_min && ncoal > 0) {
      if ((st = bargain(e, coal, ncoal, xs, false))) goto done;
      size_t keep = 0;
      for (size_t i = 0; i < ncoal; i++)
        if (accepts(e, coal[i], k, xs[k], NULL, NULL)) coal[keep++] = coal[i];
      if (keep == ncoal) {
        res->kind = CONCERT_STATEMENT_MINILATERAL;
        text = xs[k];
        break;
      }
      ncoal = keep;
    }
  }
  if (res->kind != CONCERT_STATEMENT_NONE) {
    res->text = text;
    for (size_t i = 0; i < ncoal; i++)
      if (concert_i_idlist_push(&o->sig[r], coal[i])) goto nomem;
    for (size_t i = 0; e->p.partners_cosign && i < f->n_invited; i++)
      if (accepts(e, f->invited[i], k, text, NULL, NULL))
        if (concert_i_idlist_push(&o->par[r], f->invited[i])) goto nomem;
  }
  res->in_summary = res->kind != CONCERT_STATEMENT_JOINT;
  res->wording = isnan(res->dispersion) || res->dispersion > e->p.discussed
                     ? CONCERT_WORDING_EXCHANGED_VIEWS
                 : res->dispersion > e->p.agreed ? CONCERT_WORDING_DISCUSSED
                                                 : CONCERT_WORDING_AGREED;
  goto done;
nomem:
  st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
done:
  free(yes), free(coal), free(xs);
  return st;
}

/* Rule 7: a member's net gain over the package x (agenda issues), with saliences sal,
 * and whether some text crosses one of its red lines. */
static double package_gain(const engine *e, size_t a, const double *x, const double *sal,
                           bool *red) {
  double g = 0;
  *red = false;
  for (size_t j = 0; j < e->f->n_sessions; j++)
    for (size_t q = 0; q < e->f->sessions[j].n_issues; q++) {
      size_t k = e->f->sessions[j].issues[q];
      double r = e->s->issues[k].reversion, s = sal[a * e->s->n_issues + k];
      if (isnan(x[k])) continue;
      if (beyond_red_line(concert_i_stance_at(e->s, a, k), x[k])) *red = true;
      if (!isnan(r)) g += utility(e, a, k, x[k], s) - utility(e, a, k, r, s);
    }
  return g;
}

static concert_status communique(engine *e, const double *actual, const bool *present_end,
                                 const double *sal0) {
  const concert_i_forum *f = e->f;
  concert_outcome *o = e->o;
  size_t n = f->n_members;
  bool *all = calloc(n, sizeof *all), *yes = calloc(n, sizeof *yes);
  double *expected = o->expected;
  concert_status st = CONCERT_OK;
  if (!all || !yes) {
    free(all), free(yes);
    return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < n; i++) all[i] = true;
  /* The chair's expectation: every member present, no events. */
  for (size_t i = 0; i < n; i++) {
    bool red;
    yes[i] = package_gain(e, f->members[i], expected, sal0, &red) >= -EPS && !red;
  }
  bool expected_ok = rule_met(e, all, yes);
  if (e->p.chair_forgoes && !expected_ok) {
    o->comm.chair_forwent = true;
    for (size_t i = 0; i < n; i++)
      if (!yes[i] && concert_i_idlist_push(&o->objectors, f->members[i])) goto nomem;
    goto done;
  }
  o->comm.attempted = true;
  bool *final = calloc(n, sizeof *final);
  if (!final) goto nomem;
  for (size_t i = 0; i < n; i++) {
    size_t a = f->members[i];
    bool red;
    double g = package_gain(e, a, actual, e->sal, &red);
    bool ok_now = g >= -EPS && !red;
    if (present_end[i]) {
      yes[i] = ok_now;
      final[i] = ok_now;
    } else {
      /* Departed: endorsed (or not) the package it saw before leaving. */
      final[i] = e->p.withdraw ? (yes[i] && ok_now) : yes[i];
      if (yes[i] && !final[i] && concert_i_idlist_push(&o->withdrawn, a)) {
        free(final);
        goto nomem;
      }
    }
  }
  o->comm.issued = rule_met(e, all, yes);
  for (size_t i = 0; i < n; i++) {
    concert_i_idlist *l = yes[i] ? &o->endorsers : &o->objectors;
    if (concert_i_idlist_push(l, f->members[i])) {
      free(final);
      goto nomem;
    }
  }
  free(final);
  goto done;
nomem:
  st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
done:
  free(all), free(yes);
  return st;
}

/* Rule 8: net gains over the documents issued. */
static void net_gains(engine *e, const double *actual) {
  const concert_i_forum *f = e->f;
  concert_outcome *o = e->o;
  for (size_t i = 0; i < f->n_members; i++) {
    size_t a = f->members[i];
    double g = 0;
    if (o->comm.issued && o->withdrawn.n == 0) {
      bool red;
      g = package_gain(e, a, actual, e->sal, &red);
    } else {
      for (size_t r = 0; r < o->n_res; r++) {
        const concert_issue_result *res = &o->res[r];
        size_t k = res->issue;
        double rv = e->s->issues[k].reversion, s = e->sal[a * e->s->n_issues + k];
        if (res->kind == CONCERT_STATEMENT_NONE || isnan(rv)) continue;
        bool signed_it = res->kind == CONCERT_STATEMENT_JOINT;
        for (size_t j = 0; !signed_it && j < o->sig[r].n; j++) signed_it = o->sig[r].v[j] == a;
        if (signed_it) g += utility(e, a, k, res->text, s) - utility(e, a, k, rv, s);
      }
    }
    o->gain[i] = g;
  }
}

/* Rule 9: the deals' network over the forum's members (vertex = member index). */
static concert_status deal_network(engine *e) {
  concert_outcome *o = e->o;
  if (o->n_deals == 0) return CONCERT_OK;
  concert_network_tie *ties = malloc(o->n_deals * sizeof *ties);
  if (!ties) return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t i = 0; i < o->n_deals; i++) {
    ties[i].weight = 1;
    for (size_t j = 0; j < e->f->n_members; j++) {
      if (e->f->members[j] == o->deals[i].actor_a) ties[i].a = j;
      if (e->f->members[j] == o->deals[i].actor_b) ties[i].b = j;
    }
  }
  concert_status st = concert_network_new(e->f->n_members, ties, o->n_deals, &o->net, e->d);
  free(ties);
  return st;
}

concert_status concert_summit_run(const concert_scenario *s, size_t fi, const concert_model *model,
                                  const concert_params *model_params, const concert_params *protocol,
                                  concert_outcome **out, concert_diag *d) {
  if (!s || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  if (fi >= s->n_forums) return CONCERT_FAIL(d, CONCERT_ERR_NOT_FOUND, "no forum %zu", fi);
  size_t nspec;
  const concert_param_spec *spec = concert_i_protocol_specs(&nspec);
  concert_status st = concert_params_check(protocol, spec, nspec, "the summit protocol", d);
  if (st) return st;
  engine e = {.s = s, .f = &s->forums[fi], .d = d};
  e.model = model ? model : concert_model_find(s->model);
  e.mparams = model ? model_params : (model_params ? model_params : s->model_params);
  if (!e.model) return CONCERT_FAIL(d, CONCERT_ERR_UNKNOWN_ID, "unknown model '%s'", s->model);
  read_proto(&e.p, protocol, s->protocol);
  const concert_i_forum *f = e.f;
  size_t nm = f->n_members, nr = 0;
  for (size_t j = 0; j < f->n_sessions; j++) nr += f->sessions[j].n_issues;
  concert_outcome *o = calloc(1, sizeof *o);
  double *sal0 = malloc(s->n_actors * s->n_issues * sizeof *sal0);
  e.sal = malloc(s->n_actors * s->n_issues * sizeof *e.sal);
  double *actual = malloc(s->n_issues * sizeof *actual), *xs = malloc(s->n_issues * sizeof *xs);
  bool *present = malloc(nm * sizeof *present);
  size_t *who = malloc(nm * sizeof *who);
  e.o = o;
  if (!o || !sal0 || !e.sal || !actual || !xs || !present || !who) goto nomem;
  o->s = s;
  o->forum = fi;
  snprintf(o->model, sizeof o->model, "%s", concert_model_name(e.model));
  o->res = calloc(nr, sizeof *o->res);
  o->sig = calloc(nr, sizeof *o->sig);
  o->par = calloc(nr, sizeof *o->par);
  o->rej = calloc(nr, sizeof *o->rej);
  o->n_res = nr;
  o->gain = calloc(nm, sizeof *o->gain);
  o->expected = malloc(s->n_issues * sizeof *o->expected);
  o->deps = calloc(f->n_events ? f->n_events : 1, sizeof *o->deps);
  if (!o->res || !o->sig || !o->par || !o->rej || !o->gain || !o->expected || !o->deps) goto nomem;
  for (size_t i = 0; i < s->n_actors * s->n_issues; i++) sal0[i] = e.sal[i] = s->stances[i].salience;
  for (size_t k = 0; k < s->n_issues; k++) actual[k] = o->expected[k] = NAN;
  for (size_t i = 0; i < nm; i++) present[i] = true;
  /* The chair's expectation (and the bilateral deals: made with everyone present). */
  st = bargain(&e, f->members, nm, o->expected, true);
  if (st) goto fail;
  size_t r = 0;
  for (size_t j = 0; j < f->n_sessions; j++) {
    for (size_t v = 0; v < f->n_events; v++) {
      const concert_i_event *ev = &f->events[v];
      if (ev->session != j) continue;
      if (ev->kind == CONCERT_EVENT_DEPART) {
        for (size_t i = 0; i < nm; i++)
          if (f->members[i] == ev->actor && present[i]) {
            present[i] = false;
            o->deps[o->n_deps++] = (concert_departure){ev->actor, j};
          }
      } else if (ev->kind == CONCERT_EVENT_SALIENCE_SHOCK) {
        double *sv = &e.sal[ev->actor * s->n_issues + ev->issue];
        *sv = ev->set_value ? ev->value : fmin(1.0, *sv * ev->factor);
      }
    }
    size_t n = 0;
    for (size_t i = 0; i < nm; i++)
      if (present[i]) who[n++] = f->members[i];
    st = bargain(&e, who, n, xs, false);
    if (st) goto fail;
    for (size_t q = 0; q < f->sessions[j].n_issues; q++, r++) {
      size_t k = f->sessions[j].issues[q];
      o->res[r].issue = k;
      o->res[r].session = j;
      actual[k] = xs[k];
      st = decide_issue(&e, present, k, xs[k], r);
      if (st) goto fail;
    }
  }
  for (size_t i = 0; i < nr; i++) {
    o->res[i].signatories = o->sig[i].v, o->res[i].n_signatories = o->sig[i].n;
    o->res[i].partners = o->par[i].v, o->res[i].n_partners = o->par[i].n;
    o->res[i].rejecters = o->rej[i].v, o->res[i].n_rejecters = o->rej[i].n;
  }
  st = communique(&e, actual, present, sal0);
  if (!st) st = deal_network(&e);
  if (st) goto fail;
  net_gains(&e, actual);
  free(sal0), free(e.sal), free(actual), free(xs), free(present), free(who);
  *out = o;
  return CONCERT_OK;
nomem:
  st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
fail:
  free(sal0), free(e.sal), free(actual), free(xs), free(present), free(who);
  concert_outcome_free(o);
  return st;
}
