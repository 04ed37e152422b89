/* validation.c: every registered model and the naive baselines against known outcomes.
 *
 * For each scored DEU issue the baselines (plain mean, salience-weighted mean, reference
 * point, Commission's position) and each model predict the outcome; each row gets the
 * mean, median and root mean squared absolute error, the hit rate, a percentile bootstrap
 * CI of the MAE and a paired bootstrap CI of its MAE difference from a reference row.
 * Published figures are quoted as rows of their own. docs/validation.md explains it. */
#include <concert/model.h>
#include <concert/validation.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/json_out.h"
#include "status/diag.h"
#include "validation/validation_i.h"

/* A row and the storage behind it. */
typedef struct vrow {
  concert_validation_row pub; /* what the caller sees */
  char name[64];              /* storage of pub.name */
  char note[256];             /* storage of pub.note */
  double *pred;               /* prediction per scored issue, NaN when none (NULL: published) */
  double *inner;              /* fitted rows: K x scored inner out-of-fold forecasts on each
                                 outer fold's training issues (NaN elsewhere); else NULL */
  double *iv;                 /* scored x 4: lo50, hi50, lo80, hi80 (NULL: published) */
} vrow;

struct concert_validation {
  concert_validation_options opt; /* options used (reference points into ref_name) */
  char ref_name[64];              /* copy of the reference row's name */
  char *models;                   /* copy of the model list, or NULL */
  char *model_params;             /* copy of the model parameter list, or NULL */
  size_t scored, unscored;        /* scored issues, unscored issue rows */
  size_t *issue;                  /* scored -> index of the issue in the data set */
  size_t *group;                  /* scored -> proposal number, 0..n_groups-1 */
  size_t n_groups;                /* proposals among the scored issues */
  size_t k;                       /* cross-validation folds used (<= n_groups) */
  size_t *fold;                   /* scored -> its fold, 0..k-1 */
  double *outcome;                /* scored known outcomes */
  vrow *rows;                     /* table rows */
  size_t n_rows, cap_rows;        /* rows used, allocated */
};

/* A published figure (facts quoted with their source; docs/validation.md). */
typedef struct published {
  const char *name, *note, *source; /* row texts */
  size_t n;                         /* issues in the source */
  double mae, median_ae, hit_rate;  /* NaN when not given */
} published;

static const published published_rows[] = {
    {"compromise (hamzagul07)",
     "CM, treaty Council weights; its forecasts on the 232 scored issues of deu3_blksv.tsv",
     "hamzagul07/schelling@e4faad6 docs/review/deu-paired-differences.csv", 232, 23.0158, 17.4675,
     0.3060},
    {"eum (hamzagul07)",
     "Scholz-style EUM, rp-anchored median, Q=0.7; same 232 issues of deu3_blksv.tsv",
     "hamzagul07/schelling@e4faad6 docs/review/deu-paired-differences.csv", 232, 25.9629, 17.7465,
     0.4310},
    {"compromise (hamzagul07, 351)", "same model on all 351 scorable DEU I-III issues",
     "hamzagul07/schelling BACKTEST.md and docs/review/reviewer-package.md", 351, 22.99, NAN,
     0.308},
    {"eum (hamzagul07, 351)", "same EUM on all 351 scorable DEU I-III issues",
     "hamzagul07/schelling BACKTEST.md and docs/review/reviewer-package.md", 351, 26.83, NAN,
     0.407},
    {"weighted mean (BDM 2011)", "round-1 weighted mean, 9 issues with resolve data; other data",
     "Bueno de Mesquita 2011, CMPS 28(1), Table 1 (as tabulated in hamzagul07 BACKTEST.md)", 9,
     11.8, NAN, NAN},
    {"eum old (BDM 2011)", "BDM's 'old model' (EUM), same 9 issues; other data",
     "Bueno de Mesquita 2011, CMPS 28(1), Table 1 (as tabulated in hamzagul07 BACKTEST.md)", 9,
     21.5, NAN, NAN},
};

void concert_validation_options_default(concert_validation_options *o) {
  if (!o) return;
  memset(o, 0, sizeof *o);
  o->capability = CONCERT_EU_CAP_QMV_VOTES;
  o->commission_share = 0.2;
  o->parliament_share = 0.2;
  o->parliament_share_cns = 0.2;
  o->bootstrap = 2000;
  o->seed = 1;
  o->hit_threshold = 10;
  o->min_actors = 3;
  o->reference = "mean";
  o->cv_folds = 10;
}

void concert_validation_free(concert_validation *v) {
  if (!v) return;
  for (size_t i = 0; i < v->n_rows; i++) {
    free(v->rows[i].pred);
    free(v->rows[i].inner);
    free(v->rows[i].iv);
  }
  free(v->fold);
  free(v->rows);
  free(v->models);
  free(v->model_params);
  free(v->issue);
  free(v->group);
  free(v->outcome);
  free(v);
}

size_t concert_validation_row_count(const concert_validation *v) { return v ? v->n_rows : 0; }
const concert_validation_row *concert_validation_row_at(const concert_validation *v, size_t i) {
  return v && i < v->n_rows ? &v->rows[i].pub : NULL;
}
size_t concert_validation_scored(const concert_validation *v) { return v ? v->scored : 0; }
size_t concert_validation_unscored(const concert_validation *v) { return v ? v->unscored : 0; }
size_t concert_validation_proposals(const concert_validation *v) { return v ? v->n_groups : 0; }
const concert_validation_options *concert_validation_options_used(const concert_validation *v) {
  return v ? &v->opt : NULL;
}
double concert_validation_prediction(const concert_validation *v, size_t i, size_t j) {
  if (!v || i >= v->n_rows || j >= v->scored || !v->rows[i].pred) return NAN;
  return v->rows[i].pred[j];
}

size_t concert_validation_issue(const concert_validation *v, size_t j) {
  return v && j < v->scored ? v->issue[j] : SIZE_MAX;
}

size_t concert_validation_fold(const concert_validation *v, size_t j) {
  return v && j < v->scored && v->fold ? v->fold[j] : SIZE_MAX;
}
size_t concert_validation_folds(const concert_validation *v) { return v ? v->k : 0; }

void concert_validation_interval(const concert_validation *v, size_t i, size_t j, double level,
                                 double *lo, double *hi) {
  double l = NAN, h = NAN;
  if (v && i < v->n_rows && j < v->scored && v->rows[i].iv && (level == 0.5 || level == 0.8)) {
    const double *q = v->rows[i].iv + 4 * j + (level == 0.5 ? 0 : 2);
    l = q[0];
    h = q[1];
  }
  if (lo) *lo = l;
  if (hi) *hi = h;
}

/* Appends a row with a NaN prediction vector (none for published rows). */
static vrow *add_row(concert_validation *v, const char *name, concert_validation_kind kind,
                     bool with_pred) {
  if (v->n_rows == v->cap_rows) {
    size_t nc = v->cap_rows ? 2 * v->cap_rows : 16;
    vrow *r = realloc(v->rows, nc * sizeof *r);
    if (!r) return NULL;
    v->rows = r;
    v->cap_rows = nc;
    /* the rows moved: their public name and note point into their own storage */
    for (size_t i = 0; i < v->n_rows; i++) {
      r[i].pub.name = r[i].name;
      r[i].pub.note = r[i].note;
    }
  }
  vrow *r = &v->rows[v->n_rows];
  memset(r, 0, sizeof *r);
  if (with_pred) {
    r->pred = malloc((v->scored ? v->scored : 1) * sizeof *r->pred);
    r->iv = malloc((v->scored ? v->scored : 1) * 4 * sizeof *r->iv);
    if (!r->pred || !r->iv) {
      free(r->pred);
      free(r->iv);
      return NULL;
    }
    for (size_t j = 0; j < v->scored; j++) r->pred[j] = NAN;
    for (size_t j = 0; j < 4 * v->scored; j++) r->iv[j] = NAN;
  }
  v->n_rows++;
  snprintf(r->name, sizeof r->name, "%s", name);
  r->pub.name = r->name;
  r->pub.note = r->note;
  r->pub.source = "";
  r->pub.kind = kind;
  r->pub.mae = r->pub.mae_lo = r->pub.mae_hi = NAN;
  r->pub.median_ae = r->pub.hit_rate = r->pub.rmse = NAN;
  r->pub.diff = r->pub.diff_lo = r->pub.diff_hi = NAN;
  r->pub.cov50 = r->pub.cov50_lo = r->pub.cov50_hi = NAN;
  r->pub.cov80 = r->pub.cov80_lo = r->pub.cov80_hi = NAN;
  r->pub.crps = r->pub.crps_lo = r->pub.crps_hi = NAN;
  r->pub.is80 = r->pub.is80_lo = r->pub.is80_hi = NAN;
  return r;
}

/* Issue-level context: the participants of one issue and their numbers. */
typedef struct issue_view {
  size_t n;      /* participants */
  size_t *actor; /* their actor indices */
  double *pos;   /* positions 0..100 */
  double *sal;   /* saliences 0..1 */
  double *cap;   /* capabilities */
} issue_view;

/* Capability context: base capability per actor (NaN for com/ep), com/ep indices. */
typedef struct capctx {
  const concert_validation_options *opt; /* shares */
  double *base;                          /* n_actors base capabilities */
  size_t com, ep;                        /* actor indices, SIZE_MAX if absent */
} capctx;

/* Capabilities of a set of actors: members from the table, the institutions as a share of
 * the members' total in the set. */
static void set_caps(const capctx *cc, const char *procedure, size_t n, const size_t *actor,
                     double *cap) {
  double ep =
      strcmp(procedure, "CNS") == 0 ? cc->opt->parliament_share_cns : cc->opt->parliament_share;
  double members = 0;
  for (size_t i = 0; i < n; i++)
    if (actor[i] != cc->com && actor[i] != cc->ep) members += cc->base[actor[i]];
  for (size_t i = 0; i < n; i++) {
    if (actor[i] == cc->com)
      cap[i] = cc->opt->commission_share * members;
    else if (actor[i] == cc->ep)
      cap[i] = ep * members;
    else
      cap[i] = cc->base[actor[i]];
  }
}

static void view_issue(const concert_deu *d, size_t k, const capctx *cc, issue_view *w) {
  w->n = 0;
  for (size_t a = 0; a < d->n_actors; a++) {
    double x = d->position[k * d->n_actors + a], s = d->salience[k * d->n_actors + a];
    if (isnan(x) || isnan(s)) continue;
    w->actor[w->n] = a;
    w->pos[w->n] = x;
    w->sal[w->n] = s / 100;
    w->n++;
  }
  set_caps(cc, d->issues[k].procedure, w->n, w->actor, w->cap);
}

/* Fills the baseline rows. */
static concert_status baselines(concert_validation *v, const concert_deu *d, const capctx *cc,
                                issue_view *w, concert_diag *diag) {
  vrow *mean = add_row(v, "mean", CONCERT_VALIDATION_BASELINE, true);
  if (!mean) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  snprintf(mean->note, sizeof mean->note, "unweighted mean of the participants' positions");
  vrow *smean = add_row(v, "salience-mean", CONCERT_VALIDATION_BASELINE, true);
  if (!smean) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  snprintf(smean->note, sizeof smean->note, "salience-weighted mean, equal capabilities");
  vrow *rp = add_row(v, "reference-point", CONCERT_VALIDATION_BASELINE, true);
  if (!rp) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  vrow *com = NULL;
  if (cc->com != SIZE_MAX) {
    com = add_row(v, "commission", CONCERT_VALIDATION_BASELINE, true);
    if (!com) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  }
  size_t no_rp = 0, no_com = 0;
  for (size_t j = 0; j < v->scored; j++) {
    size_t k = v->issue[j];
    view_issue(d, k, cc, w);
    double sx = 0, sw = 0, swx = 0;
    for (size_t i = 0; i < w->n; i++) {
      sx += w->pos[i];
      sw += w->sal[i];
      swx += w->sal[i] * w->pos[i];
    }
    mean->pred[j] = sx / (double)w->n;
    smean->pred[j] = sw > 0 ? swx / sw : sx / (double)w->n;
    rp->pred[j] = d->issues[k].reference;
    if (isnan(rp->pred[j])) no_rp++;
    if (com) {
      com->pred[j] = d->position[k * d->n_actors + cc->com];
      if (isnan(com->pred[j])) no_com++;
    }
  }
  rp->pub.skipped = no_rp;
  snprintf(rp->note, sizeof rp->note,
           "the reference point (status quo) alone; issues "
           "without one: %zu",
           no_rp);
  if (com) {
    com->pub.skipped = no_com;
    snprintf(com->note, sizeof com->note,
             "the Commission's position alone; issues without "
             "one: %zu",
             no_com);
  }
  return CONCERT_OK;
}

/* A scored issue's proposal id, for sorting. */
typedef struct prop_ref {
  const char *prop; /* proposal id */
  size_t j;         /* scored index */
} prop_ref;

static int by_prop(const void *a, const void *b) {
  const prop_ref *x = a, *y = b;
  int c = strcmp(x->prop, y->prop);
  return c ? c : (x->j > y->j) - (x->j < y->j);
}

/* Numbers the proposals of the scored issues (v->group, v->n_groups). O(m log m). */
static bool number_proposals(concert_validation *v, const concert_deu *d) {
  prop_ref *r = malloc(v->scored * sizeof *r);
  v->group = malloc(v->scored * sizeof *v->group);
  if (!r || !v->group) {
    free(r);
    return false;
  }
  for (size_t j = 0; j < v->scored; j++) r[j] = (prop_ref){d->issues[v->issue[j]].proposal, j};
  qsort(r, v->scored, sizeof *r, by_prop);
  v->n_groups = 0;
  for (size_t t = 0; t < v->scored; t++) {
    if (t > 0 && strcmp(r[t].prop, r[t - 1].prop) != 0) v->n_groups++;
    v->group[r[t].j] = v->n_groups;
  }
  v->n_groups++;
  free(r);
  return true;
}

/* Records a refusal; the note keeps the first one, naming the issue or proposal. */
static void note_skip(vrow *r, size_t count, const char *where, const concert_diag *dg) {
  if (r->pub.skipped == 0)
    snprintf(r->note, sizeof r->note, "refused, first at %s: %s", where,
             dg->message[0] ? dg->message : "no reason given");
  r->pub.skipped += count;
}

/* Runs a one-issue-at-a-time model on every scored issue. */
static concert_status run_per_issue(concert_validation *v, const concert_deu *d, const capctx *cc,
                                    issue_view *w, const concert_model *m,
                                    const concert_params *prm, vrow *r, concert_diag *diag) {
  for (size_t j = 0; j < v->scored; j++) {
    size_t k = v->issue[j];
    view_issue(d, k, cc, w);
    double rev = d->issues[k].reference;
    concert_problem pb = {.n_actors = w->n,
                          .n_issues = 1,
                          .position = w->pos,
                          .salience = w->sal,
                          .capability = w->cap,
                          .reversion = &rev,
                          .actor_ids = NULL};
    concert_solution *s = NULL;
    concert_diag dg;
    concert_diag_clear(&dg);
    concert_status st = concert_model_solve(m, prm, &pb, &s, &dg);
    if (st == CONCERT_ERR_NOMEM) return CONCERT_FAIL(diag, st, "out of memory");
    if (st) {
      note_skip(r, 1, d->issues[k].id, &dg);
      continue;
    }
    r->pred[j] = concert_solution_outcome(s, 0);
    concert_solution_free(s);
    if (!isfinite(r->pred[j])) {
      r->pred[j] = NAN;
      snprintf(dg.message, sizeof dg.message, "the model returned no finite outcome");
      note_skip(r, 1, d->issues[k].id, &dg);
    }
  }
  return CONCERT_OK;
}

/* Runs a multi-issue model once per proposal over the proposal's scored issues. Actors are
 * the union of the issues' participants; an actor not recorded on an issue gets salience 0
 * and the plain mean of the participants' positions there (it cannot move the outcome). */
static concert_status run_per_proposal(concert_validation *v, const concert_deu *d,
                                       const capctx *cc, const concert_model *m,
                                       const concert_params *prm, vrow *r, concert_diag *diag) {
  size_t na = d->n_actors, need = concert_model_min_issues(m), G = v->n_groups;
  size_t *ord = malloc(v->scored * sizeof *ord), *start = calloc(G + 1, sizeof *start);
  size_t *act = malloc(na * sizeof *act);
  bool *in = malloc(na * sizeof *in);
  double *pos = malloc(na * v->scored * sizeof *pos), *sal = malloc(na * v->scored * sizeof *sal);
  double *cap = malloc(na * sizeof *cap), *rev = malloc(v->scored * sizeof *rev);
  concert_status st = CONCERT_OK;
  if (!ord || !start || !act || !in || !pos || !sal || !cap || !rev) {
    st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  /* counting sort of the scored issues by proposal, file order within a proposal */
  for (size_t j = 0; j < v->scored; j++) start[v->group[j] + 1]++;
  for (size_t h = 0; h < G; h++) start[h + 1] += start[h];
  {
    size_t *next = malloc((G ? G : 1) * sizeof *next);
    if (!next) {
      st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
      goto done;
    }
    memcpy(next, start, G * sizeof *next);
    for (size_t j = 0; j < v->scored; j++) ord[next[v->group[j]]++] = j;
    free(next);
  }
  for (size_t h = 0; h < G; h++) {
    const size_t *grp = ord + start[h];
    size_t g = start[h + 1] - start[h];
    const char *prop = d->issues[v->issue[grp[0]]].proposal;
    if (g < need) {
      concert_diag dg;
      concert_diag_clear(&dg);
      snprintf(dg.message, sizeof dg.message,
               "proposals with fewer than %zu scored issues (it trades across issues)", need);
      note_skip(r, g, prop, &dg);
      continue;
    }
    size_t n = 0;
    for (size_t a = 0; a < na; a++) {
      in[a] = false;
      for (size_t t = 0; t < g && !in[a]; t++) {
        size_t k = v->issue[grp[t]];
        in[a] = !isnan(d->position[k * na + a]) && !isnan(d->salience[k * na + a]);
      }
      if (in[a]) act[n++] = a;
    }
    for (size_t t = 0; t < g; t++) {
      size_t k = v->issue[grp[t]];
      double sx = 0;
      size_t cnt = 0;
      for (size_t a = 0; a < na; a++)
        if (!isnan(d->position[k * na + a]) && !isnan(d->salience[k * na + a]))
          sx += d->position[k * na + a], cnt++;
      double fill = cnt ? sx / (double)cnt : 50;
      for (size_t i = 0; i < n; i++) {
        double x = d->position[k * na + act[i]], s = d->salience[k * na + act[i]];
        bool rec = !isnan(x) && !isnan(s);
        pos[i * g + t] = rec ? x : fill;
        sal[i * g + t] = rec ? s / 100 : 0;
      }
      rev[t] = d->issues[k].reference;
    }
    set_caps(cc, d->issues[v->issue[grp[0]]].procedure, n, act, cap);
    concert_problem pb = {.n_actors = n,
                          .n_issues = g,
                          .position = pos,
                          .salience = sal,
                          .capability = cap,
                          .reversion = rev,
                          .actor_ids = NULL};
    concert_solution *s = NULL;
    concert_diag dg;
    concert_diag_clear(&dg);
    st = concert_model_solve(m, prm, &pb, &s, &dg);
    if (st == CONCERT_ERR_NOMEM) {
      st = CONCERT_FAIL(diag, st, "out of memory");
      goto done;
    }
    if (st) {
      st = CONCERT_OK;
      note_skip(r, g, prop, &dg);
      continue;
    }
    for (size_t t = 0; t < g; t++) {
      r->pred[grp[t]] = concert_solution_outcome(s, t);
      if (!isfinite(r->pred[grp[t]])) {
        r->pred[grp[t]] = NAN;
        snprintf(dg.message, sizeof dg.message, "the model returned no finite outcome");
        note_skip(r, 1, d->issues[v->issue[grp[t]]].id, &dg);
      }
    }
    concert_solution_free(s);
  }
done:
  free(ord);
  free(start);
  free(act);
  free(in);
  free(pos);
  free(sal);
  free(cap);
  free(rev);
  return st;
}

/* Scratch space of the bootstrap. */
typedef struct boot {
  gsl_rng *rng;    /* generator, reseeded for every call */
  double *means;   /* B replicate means */
  double *gsum;    /* per proposal: sum of the values */
  size_t *gcount;  /* per proposal: number of values */
  size_t *present; /* proposals that hold at least one value */
} boot;

/* Percentile bootstrap of the mean of x[0..n): B replicate means, then the 2.5 % and
 * 97.5 % quantiles. grp NULL resamples the n values with replacement; otherwise grp[i] is
 * value i's proposal (< n_groups) and whole proposals are resampled (a cluster bootstrap:
 * the replicate mean is the sum over drawn proposals over their number of values). The
 * generator is reseeded so every row sees the same stream. O(B n). */
static void bootstrap_mean(const double *x, const size_t *grp, size_t n, size_t n_groups, size_t B,
                           uint64_t seed, boot *bs, double *lo, double *hi) {
  *lo = *hi = NAN;
  if (n == 0 || B == 0) return;
  gsl_rng_set(bs->rng, (unsigned long)seed);
  size_t G = 0;
  if (grp) {
    for (size_t g = 0; g < n_groups; g++) bs->gsum[g] = 0, bs->gcount[g] = 0;
    for (size_t i = 0; i < n; i++) bs->gsum[grp[i]] += x[i], bs->gcount[grp[i]]++;
    for (size_t g = 0; g < n_groups; g++)
      if (bs->gcount[g]) bs->present[G++] = g;
  }
  for (size_t b = 0; b < B; b++) {
    double s = 0;
    size_t c = 0;
    if (grp) {
      for (size_t i = 0; i < G; i++) {
        size_t g = bs->present[gsl_rng_uniform_int(bs->rng, (unsigned long)G)];
        s += bs->gsum[g];
        c += bs->gcount[g];
      }
    } else {
      for (size_t i = 0; i < n; i++) s += x[gsl_rng_uniform_int(bs->rng, (unsigned long)n)];
      c = n;
    }
    bs->means[b] = s / (double)c;
  }
  gsl_sort(bs->means, 1, B);
  *lo = gsl_stats_quantile_from_sorted_data(bs->means, 1, B, 0.025);
  *hi = gsl_stats_quantile_from_sorted_data(bs->means, 1, B, 0.975);
}

/* The predictive sample of row r on scored issue j into x (sorted); returns its size. It is
 * the forecast plus every signed error the row made on the issues of the other folds (a
 * fitted row: its inner out-of-fold errors in the training folds of j's fold), clipped to
 * [0, 100]. O(m log m). */
static size_t predictive_sample(const concert_validation *v, const vrow *r, size_t j, double *x) {
  size_t n = 0, f = v->fold[j];
  const double *q = r->inner ? r->inner + f * v->scored : r->pred;
  for (size_t t = 0; t < v->scored; t++) {
    if (v->fold[t] == f || isnan(q[t])) continue;
    double y = r->pred[j] + (v->outcome[t] - q[t]);
    x[n++] = y < 0 ? 0 : y > 100 ? 100 : y;
  }
  gsl_sort(x, 1, n);
  return n;
}

/* Loss functions and intervals of every computed row. */
static concert_status score(concert_validation *v, size_t ref, concert_diag *diag) {
  size_t m = v->scored, B = v->opt.bootstrap, G = v->n_groups ? v->n_groups : 1;
  bool cluster = v->opt.resample == CONCERT_RESAMPLE_PROPOSALS;
  double *e = malloc(m * sizeof *e), *sq = malloc(m * sizeof *sq);
  double *smp = malloc(m * sizeof *smp), *c50 = malloc(m * sizeof *c50);
  double *c80 = malloc(m * sizeof *c80), *crps = malloc(m * sizeof *crps);
  double *is80 = malloc(m * sizeof *is80);
  size_t *eg = malloc(m * sizeof *eg), *sg = malloc(m * sizeof *sg);
  boot bs = {.rng = gsl_rng_alloc(gsl_rng_mt19937),
             .means = malloc((B ? B : 1) * sizeof *bs.means),
             .gsum = malloc(G * sizeof *bs.gsum),
             .gcount = malloc(G * sizeof *bs.gcount),
             .present = malloc(G * sizeof *bs.present)};
  concert_status st = CONCERT_OK;
  if (!e || !sq || !eg || !sg || !bs.rng || !bs.means || !bs.gsum || !bs.gcount || !bs.present ||
      !smp || !c50 || !c80 || !crps || !is80) {
    st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < v->n_rows; i++) {
    vrow *r = &v->rows[i];
    if (!r->pred) continue;
    size_t n = 0, hits = 0;
    double s = 0, s2 = 0;
    for (size_t j = 0; j < m; j++) {
      if (isnan(r->pred[j])) continue;
      double a = fabs(r->pred[j] - v->outcome[j]);
      eg[n] = v->group[j];
      e[n++] = a;
      s += a;
      s2 += a * a;
      hits += a <= v->opt.hit_threshold;
    }
    r->pub.n = n;
    if (n == 0) continue;
    r->pub.mae = s / (double)n;
    r->pub.rmse = sqrt(s2 / (double)n);
    r->pub.hit_rate = (double)hits / (double)n;
    bootstrap_mean(e, cluster ? eg : NULL, n, v->n_groups, B, v->opt.seed, &bs, &r->pub.mae_lo,
                   &r->pub.mae_hi);
    gsl_sort(e, 1, n);
    r->pub.median_ae = gsl_stats_median_from_sorted_data(e, 1, n);
    /* forecast intervals from the out-of-fold errors, their coverage and proper scores */
    size_t ni = 0;
    for (size_t j = 0; j < m; j++) {
      if (isnan(r->pred[j])) continue;
      size_t ns = predictive_sample(v, r, j, smp);
      if (ns == 0) continue;
      double *iv = r->iv + 4 * j, y = v->outcome[j];
      concert_i_sample_interval(smp, ns, 0.5, &iv[0], &iv[1]);
      concert_i_sample_interval(smp, ns, 0.8, &iv[2], &iv[3]);
      eg[ni] = v->group[j];
      c50[ni] = iv[0] <= y && y <= iv[1];
      c80[ni] = iv[2] <= y && y <= iv[3];
      crps[ni] = concert_i_crps_sorted(smp, ns, y);
      is80[ni++] = concert_i_interval_score(iv[2], iv[3], 0.2, y);
    }
    if (ni > 0) {
      const size_t *cg = cluster ? eg : NULL;
      double *vals[] = {c50, c80, crps, is80};
      double *outs[][3] = {{&r->pub.cov50, &r->pub.cov50_lo, &r->pub.cov50_hi},
                           {&r->pub.cov80, &r->pub.cov80_lo, &r->pub.cov80_hi},
                           {&r->pub.crps, &r->pub.crps_lo, &r->pub.crps_hi},
                           {&r->pub.is80, &r->pub.is80_lo, &r->pub.is80_hi}};
      for (size_t q = 0; q < 4; q++) {
        double sum = 0;
        for (size_t t = 0; t < ni; t++) sum += vals[q][t];
        *outs[q][0] = sum / (double)ni;
        bootstrap_mean(vals[q], cg, ni, v->n_groups, B, v->opt.seed, &bs, outs[q][1],
                       outs[q][2]);
      }
    }
    if (i == ref) continue;
    /* paired differences against the reference row on the issues both predicted */
    const double *q = v->rows[ref].pred;
    size_t np = 0;
    double ds = 0;
    for (size_t j = 0; j < m; j++) {
      if (isnan(r->pred[j]) || isnan(q[j])) continue;
      sg[np] = v->group[j];
      sq[np] = fabs(r->pred[j] - v->outcome[j]) - fabs(q[j] - v->outcome[j]);
      ds += sq[np++];
    }
    r->pub.n_paired = np;
    if (np == 0) continue;
    r->pub.diff = ds / (double)np;
    bootstrap_mean(sq, cluster ? sg : NULL, np, v->n_groups, B, v->opt.seed, &bs, &r->pub.diff_lo,
                   &r->pub.diff_hi);
  }
done:
  free(e);
  free(sq);
  free(smp);
  free(c50);
  free(c80);
  free(crps);
  free(is80);
  free(eg);
  free(sg);
  free(bs.means);
  free(bs.gsum);
  free(bs.gcount);
  free(bs.present);
  if (bs.rng) gsl_rng_free(bs.rng);
  return st;
}

/* True when name is in the comma-separated list (NULL: every name). */
static bool selected(const char *list, const char *name) {
  if (!list) return true;
  size_t n = strlen(name);
  for (const char *t = list; *t;) {
    size_t len = strcspn(t, ",");
    if (len == n && strncmp(t, name, n) == 0) return true;
    t += len + (t[len] == ',');
  }
  return false;
}

/* The parameters that the list "model.key=value,..." gives model m (entries for other
 * models are skipped), checked against m's specification; *out stays NULL when there are
 * none. desc receives them as "key=value, ...". */
static concert_status params_for(const char *list, const concert_model *m, concert_params **out,
                                 char *desc, size_t desc_size, concert_diag *diag) {
  *out = NULL;
  desc[0] = '\0';
  const char *name = concert_model_name(m);
  size_t n = strlen(name), used = 0;
  concert_status st = CONCERT_OK;
  for (const char *t = list; t && *t && !st;) {
    size_t len = strcspn(t, ",");
    if (len > n && t[n] == '.' && strncmp(t, name, n) == 0) {
      char one[128];
      snprintf(one, sizeof one, "%.*s", (int)(len - n - 1), t + n + 1);
      if (!*out && !(*out = concert_params_new()))
        return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
      st = concert_params_set_text(*out, one, diag);
      int k = snprintf(desc + used, desc_size - used, "%s%s", used ? ", " : "", one);
      if (k > 0) used = used + (size_t)k < desc_size ? used + (size_t)k : desc_size - 1;
    }
    t += len + (t[len] == ',');
  }
  if (!st && *out) {
    size_t ns = 0;
    const concert_param_spec *spec = concert_model_params(m, &ns);
    st = concert_params_check(*out, spec, ns, name, diag);
  }
  if (st) {
    concert_params_free(*out);
    *out = NULL;
    if (diag) snprintf(diag->path, sizeof diag->path, "model_params");
  }
  return st;
}

/* The fitted EU-decision model's row name (it is not in the summit model registry). */
static const char two_stage_name[] = "two-stage";

/* True when the first len bytes of t name a registered model (or, when fitted is true, the
 * fitted two-stage model, which takes no --param). */
static bool known_model(const char *t, size_t len, bool fitted) {
  char name[64];
  if (len >= sizeof name) return false;
  snprintf(name, sizeof name, "%.*s", (int)len, t);
  return concert_model_find(name) != NULL || (fitted && strcmp(name, two_stage_name) == 0);
}

static concert_status check_options(const concert_validation_options *o, concert_diag *diag) {
  if (concert_eu_capability_name(o->capability)[0] == '\0')
    return concert_i_fail(diag, CONCERT_ERR_INVALID, NULL, 0, 0, "capability",
                          "unknown capability scheme %d", (int)o->capability);
  const char *keys[] = {"commission_share", "parliament_share", "parliament_share_cns",
                        "hit_threshold"};
  double vals[] = {o->commission_share, o->parliament_share, o->parliament_share_cns,
                   o->hit_threshold};
  for (size_t i = 0; i < 4; i++)
    if (!isfinite(vals[i]) || vals[i] < 0 || vals[i] > 100)
      return concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, keys[i],
                            "%g must be finite and in [0, 100]", vals[i]);
  if (o->resample != CONCERT_RESAMPLE_ISSUES && o->resample != CONCERT_RESAMPLE_PROPOSALS)
    return concert_i_fail(diag, CONCERT_ERR_INVALID, NULL, 0, 0, "resample",
                          "unknown resampling unit %d", (int)o->resample);
  if (o->bootstrap > 1000000)
    return concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, "bootstrap",
                          "%zu replicates; at most 1000000", o->bootstrap);
  if (o->min_actors < 1 || o->min_actors > 1000)
    return concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, "min_actors",
                          "%zu; it must lie in [1, 1000]", o->min_actors);
  for (const char *t = o->models; t && *t;) {
    size_t len = strcspn(t, ",");
    if (!known_model(t, len, true))
      return concert_i_fail(diag, CONCERT_ERR_UNKNOWN_ID, NULL, 0, 0, "models",
                            "no model named '%.*s' (concert models lists them)", (int)len, t);
    t += len + (t[len] == ',');
  }
  for (const char *t = o->model_params; t && *t;) {
    size_t len = strcspn(t, ","), dot = strcspn(t, ".");
    if (dot >= len || !memchr(t + dot, '=', len - dot) || len > 160)
      return concert_i_fail(diag, CONCERT_ERR_SYNTAX, NULL, 0, 0, "model_params",
                            "'%.*s' is not of the form MODEL.key=value", (int)len, t);
    if (!known_model(t, dot, false))
      return concert_i_fail(diag, CONCERT_ERR_UNKNOWN_ID, NULL, 0, 0, "model_params",
                            "no model named '%.*s' (concert models lists them)", (int)dot, t);
    t += len + (t[len] == ',');
  }
  if (o->cv_folds < 2 || o->cv_folds > 1000)
    return concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, "cv_folds",
                          "%zu folds; it must lie in [2, 1000]", o->cv_folds);
  if (!o->reference || strlen(o->reference) >= 64)
    return concert_i_fail(diag, CONCERT_ERR_INVALID, NULL, 0, 0, "reference",
                          "the reference row needs a name shorter than 64 bytes");
  return CONCERT_OK;
}

/* Base capability of every actor under the chosen scheme. */
static concert_status base_caps(const concert_deu *d, const concert_validation_options *o,
                                capctx *cc, concert_diag *diag) {
  double ssi[CONCERT_I_EU_MEMBERS];
  if (o->capability == CONCERT_EU_CAP_QMV_SSI && !concert_i_eu_ssi(ssi))
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  if (o->capability == CONCERT_EU_CAP_GDP && !d->cap_row)
    return concert_i_fail(diag, CONCERT_ERR_MISSING, d->name, 2, 0, "capability",
                          "the gdp scheme needs the file's capability row (line 2, empty isnr)");
  for (size_t a = 0; a < d->n_actors; a++) {
    if (a == cc->com || a == cc->ep) {
      cc->base[a] = NAN;
      continue;
    }
    double c = o->capability == CONCERT_EU_CAP_GDP
                   ? d->cap_row[a]
                   : concert_i_eu_member_capability(o->capability, d->actors[a], ssi);
    if (isnan(c))
      return concert_i_fail(diag, CONCERT_ERR_UNKNOWN_ID, d->name, 1, d->actor_col[a], d->actors[a],
                            "the %s scheme has no capability for actor '%s' (columns p%s/s%s)",
                            concert_eu_capability_name(o->capability), d->actors[a], d->actors[a],
                            d->actors[a]);
    cc->base[a] = c;
  }
  return CONCERT_OK;
}

/* Deals the proposals to the folds (v->k, v->fold). */
static bool assign_folds(concert_validation *v) {
  v->k = v->opt.cv_folds < v->n_groups ? v->opt.cv_folds : v->n_groups;
  size_t *gf = malloc(v->n_groups * sizeof *gf);
  v->fold = malloc(v->scored * sizeof *v->fold);
  if (!gf || !v->fold || !concert_i_cv_folds(v->n_groups, v->k, v->opt.seed, gf)) {
    free(gf);
    return false;
  }
  for (size_t j = 0; j < v->scored; j++) v->fold[j] = gf[v->group[j]];
  free(gf);
  return true;
}

/* The two-stage model's row: features from the data and the compromise model's forecast,
 * then nested cross-validation over the folds (twostage.c). */
static concert_status run_two_stage(concert_validation *v, const concert_deu *d,
                                    const capctx *cc, issue_view *w, concert_diag *diag) {
  enum { C = CONCERT_I_TS_CLASSES, P = CONCERT_I_TS_FEATURES };
  vrow *r = add_row(v, two_stage_name, CONCERT_VALIDATION_FITTED, true);
  if (!r) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  size_t m = v->scored, k = v->k;
  if (k < 3) {
    r->pub.skipped = m;
    snprintf(r->note, sizeof r->note,
             "not run: nested cross-validation needs at least 3 folds of proposals (%zu)", k);
    return CONCERT_OK;
  }
  const concert_model *cm = concert_model_find("compromise");
  vrow comp = {0};
  comp.pred = malloc(m * sizeof *comp.pred);
  r->inner = malloc(k * m * sizeof *r->inner);
  double *X = malloc(m * P * sizeof *X), *anchor = malloc(m * C * sizeof *anchor);
  double *lambda = malloc(k * sizeof *lambda);
  unsigned char *mask = malloc(m * C);
  int *cls = malloc(m * sizeof *cls);
  concert_status st = CONCERT_OK;
  if (!cm || !comp.pred || !r->inner || !X || !anchor || !lambda || !mask || !cls) {
    st = CONCERT_FAIL(diag, cm ? CONCERT_ERR_NOMEM : CONCERT_ERR_NOT_FOUND,
                      cm ? "out of memory" : "the two-stage model needs the compromise model");
    goto done;
  }
  for (size_t j = 0; j < m; j++) comp.pred[j] = NAN;
  if ((st = run_per_issue(v, d, cc, w, cm, NULL, &comp, diag))) goto done;
  for (size_t j = 0; j < m; j++) {
    size_t k_issue = v->issue[j];
    double c = comp.pred[j];
    if (isnan(c)) { /* the compromise refused: the plain mean stands in */
      view_issue(d, k_issue, cc, w);
      c = 0;
      for (size_t i = 0; i < w->n; i++) c += w->pos[i] / (double)w->n;
    }
    concert_i_twostage_issue(d, k_issue, cc->base, cc->com, cc->ep, c, X + j * P, anchor + j * C,
                             mask + j * C);
    cls[j] = concert_i_twostage_class(anchor + j * C, mask + j * C, v->outcome[j]);
  }
  concert_i_twostage_data td = {m, X, anchor, mask, cls, v->outcome, v->fold};
  if ((st = concert_i_twostage_cv(&td, k, r->pred, r->inner, lambda, diag))) goto done;
  double lmin = lambda[0], lmax = lambda[0];
  for (size_t f = 1; f < k; f++) {
    if (lambda[f] < lmin) lmin = lambda[f];
    if (lambda[f] > lmax) lmax = lambda[f];
  }
  snprintf(r->note, sizeof r->note,
           "stage 1 ridge multinomial logit over {reference point, 0, 100, 50, interior}, "
           "stage 2 weighted median of those points (interior: compromise); nested %zu-fold "
           "CV over proposals, penalty chosen per fold in [%g, %g]; all forecasts out of fold",
           k, lmin, lmax);
done:
  free(comp.pred);
  free(X);
  free(anchor);
  free(lambda);
  free(mask);
  free(cls);
  return st;
}

concert_status concert_validation_run(const concert_deu *d, const concert_validation_options *opt,
                                      concert_validation **out, concert_diag *diag) {
  return concert_i_validation_run_models(d, opt, NULL, 0, out, diag);
}

concert_status concert_i_validation_run_models(const concert_deu *d,
                                               const concert_validation_options *opt,
                                               const concert_model *const *models, size_t n_models,
                                               concert_validation **out, concert_diag *diag) {
  if (!d || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "d and out must not be NULL");
  *out = NULL;
  gsl_set_error_handler_off();
  concert_validation_options defaults;
  concert_validation_options_default(&defaults);
  if (!opt) opt = &defaults;
  concert_status st = check_options(opt, diag);
  if (st) return st;
  concert_validation *v = calloc(1, sizeof *v);
  if (!v) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  v->opt = *opt;
  snprintf(v->ref_name, sizeof v->ref_name, "%s", opt->reference);
  v->opt.reference = v->ref_name;
  if (opt->models) {
    v->models = malloc(strlen(opt->models) + 1);
    if (!v->models) {
      free(v);
      return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
    }
    memcpy(v->models, opt->models, strlen(opt->models) + 1);
  }
  v->opt.models = v->models;
  if (opt->model_params && !(v->model_params = strdup(opt->model_params))) {
    concert_validation_free(v);
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  }
  v->opt.model_params = v->model_params;
  size_t na = d->n_actors;
  capctx cc = {.opt = &v->opt, .com = SIZE_MAX, .ep = SIZE_MAX};
  issue_view w = {0};
  cc.base = malloc(na * sizeof *cc.base);
  w.actor = malloc(na * sizeof *w.actor);
  w.pos = malloc(na * sizeof *w.pos);
  w.sal = malloc(na * sizeof *w.sal);
  w.cap = malloc(na * sizeof *w.cap);
  v->issue = malloc((d->n_issues ? d->n_issues : 1) * sizeof *v->issue);
  v->outcome = malloc((d->n_issues ? d->n_issues : 1) * sizeof *v->outcome);
  if (!cc.base || !w.actor || !w.pos || !w.sal || !w.cap || !v->issue || !v->outcome) {
    st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  for (size_t a = 0; a < na; a++) {
    if (strcmp(d->actors[a], "com") == 0) cc.com = a;
    if (strcmp(d->actors[a], "ep") == 0) cc.ep = a;
  }
  if ((st = base_caps(d, &v->opt, &cc, diag))) goto done;
  for (size_t k = 0; k < d->n_issues; k++) {
    if (!isnan(d->issues[k].outcome) && concert_deu_participants(d, k) >= opt->min_actors) {
      v->issue[v->scored] = k;
      v->outcome[v->scored++] = d->issues[k].outcome;
    } else {
      v->unscored++;
    }
  }
  if (v->scored == 0) {
    st = concert_i_fail(diag, CONCERT_ERR_EMPTY, NULL, 0, 0, NULL,
                        "no scored issue: none has an outcome and at least %zu participants",
                        opt->min_actors);
    goto done;
  }
  if (!number_proposals(v, d) || !assign_folds(v)) {
    st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  if ((st = baselines(v, d, &cc, &w, diag))) goto done;
  if (!models) n_models = concert_model_count();
  for (size_t i = 0; i < n_models; i++) {
    const concert_model *m = models ? models[i] : concert_model_at(i);
    if (!selected(opt->models, concert_model_name(m))) continue;
    concert_params *prm = NULL;
    char desc[200], name[64];
    if ((st = params_for(v->model_params, m, &prm, desc, sizeof desc, diag))) goto done;
    /* the table's name column is 29 wide: a long parameter list goes to the note only */
    if (!desc[0])
      snprintf(name, sizeof name, "%s", concert_model_name(m));
    else if (strlen(concert_model_name(m)) + strlen(desc) + 3 <= 29)
      snprintf(name, sizeof name, "%s (%s)", concert_model_name(m), desc);
    else
      snprintf(name, sizeof name, "%s (%zu parameters)", concert_model_name(m),
               concert_params_count(prm));
    vrow *r = add_row(v, name, CONCERT_VALIDATION_MODEL, true);
    if (!r) {
      concert_params_free(prm);
      st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
      goto done;
    }
    if (concert_model_min_issues(m) <= 1)
      st = run_per_issue(v, d, &cc, &w, m, prm, r, diag);
    else
      st = run_per_proposal(v, d, &cc, m, prm, r, diag);
    concert_params_free(prm);
    if (st) goto done;
    if (r->pub.skipped == 0)
      snprintf(r->note, sizeof r->note, "%s%s%s", concert_model_summary(m),
               desc[0] ? "; parameters: " : "", desc);
  }
  if (selected(opt->models, two_stage_name) && (st = run_two_stage(v, d, &cc, &w, diag)))
    goto done;
  size_t ref = SIZE_MAX;
  for (size_t i = 0; i < v->n_rows; i++)
    if (strcmp(v->rows[i].name, v->ref_name) == 0) ref = i;
  if (ref == SIZE_MAX) {
    st = concert_i_fail(diag, CONCERT_ERR_NOT_FOUND, NULL, 0, 0, "reference",
                        "no row named '%s' to take differences against", v->ref_name);
    goto done;
  }
  if ((st = score(v, ref, diag))) goto done;
  for (size_t i = 0; i < sizeof published_rows / sizeof published_rows[0]; i++) {
    const published *p = &published_rows[i];
    vrow *r = add_row(v, p->name, CONCERT_VALIDATION_PUBLISHED, false);
    if (!r) {
      st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
      goto done;
    }
    snprintf(r->note, sizeof r->note, "%s", p->note);
    r->pub.source = p->source;
    r->pub.n = p->n;
    r->pub.mae = p->mae;
    r->pub.median_ae = p->median_ae;
    r->pub.hit_rate = p->hit_rate;
  }
done:
  free(cc.base);
  free(w.actor);
  free(w.pos);
  free(w.sal);
  free(w.cap);
  if (st) {
    concert_validation_free(v);
    return st;
  }
  *out = v;
  return CONCERT_OK;
}

/* A real rounded to 4 decimals, or null for NaN. */
static json_t *jreal(double x) {
  if (!isfinite(x)) return json_null();
  return json_real(round(x * 1e4) / 1e4);
}

const char *concert_validation_kind_name(concert_validation_kind k) {
  return k == CONCERT_VALIDATION_MODEL       ? "model"
         : k == CONCERT_VALIDATION_PUBLISHED ? "published"
         : k == CONCERT_VALIDATION_FITTED    ? "fitted"
                                             : "baseline";
}

/* Every set and append goes through the checked helpers of io/json_out.h: a failed one sets
 * bad and the writer fails rather than drop the field. */
#define SET(o, k, v) concert_i_json_set((o), (k), (v), &bad)
#define PUSH(a, v) concert_i_json_push((a), (v), &bad)

concert_status concert_validation_to_json(const concert_validation *v, char **json,
                                          concert_diag *diag) {
  if (!v || !json) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "v and json must not be NULL");
  *json = NULL;
  int bad = 0;
  json_t *root = json_object(), *rows = json_array(), *o = json_object();
  if (!root || !rows || !o) goto nomem;
  SET(root, "schema", json_string("concert-validation/1"));
  SET(o, "capability", json_string(concert_eu_capability_name(v->opt.capability)));
  SET(o, "commission_share", jreal(v->opt.commission_share));
  SET(o, "parliament_share", jreal(v->opt.parliament_share));
  SET(o, "parliament_share_cns", jreal(v->opt.parliament_share_cns));
  SET(o, "bootstrap", json_integer((json_int_t)v->opt.bootstrap));
  SET(o, "seed", json_integer((json_int_t)v->opt.seed));
  SET(
      o, "resample",
      json_string(v->opt.resample == CONCERT_RESAMPLE_PROPOSALS ? "proposals" : "issues"));
  SET(o, "hit_threshold", jreal(v->opt.hit_threshold));
  SET(o, "min_actors", json_integer((json_int_t)v->opt.min_actors));
  SET(o, "reference", json_string(v->ref_name));
  SET(o, "models", v->models ? json_string(v->models) : json_null());
  SET(o, "model_params",
                      v->model_params ? json_string(v->model_params) : json_null());
  SET(o, "cv_folds", json_integer((json_int_t)v->opt.cv_folds));
  SET(root, "options", o);
  SET(root, "folds", json_integer((json_int_t)v->k));
  o = NULL;
  SET(root, "scored_issues", json_integer((json_int_t)v->scored));
  SET(root, "unscored_issues", json_integer((json_int_t)v->unscored));
  SET(root, "proposals", json_integer((json_int_t)v->n_groups));
  for (size_t i = 0; i < v->n_rows; i++) {
    const concert_validation_row *r = &v->rows[i].pub;
    json_t *j = json_object();
    if (!j) goto nomem;
    SET(j, "name", json_string(r->name));
    SET(j, "kind", json_string(concert_validation_kind_name(r->kind)));
    SET(j, "n", json_integer((json_int_t)r->n));
    SET(j, "skipped", json_integer((json_int_t)r->skipped));
    SET(j, "mae", jreal(r->mae));
    SET(j, "mae_ci95", json_pack("[o,o]", jreal(r->mae_lo), jreal(r->mae_hi)));
    SET(j, "median_ae", jreal(r->median_ae));
    SET(j, "hit_rate", jreal(r->hit_rate));
    SET(j, "rmse", jreal(r->rmse));
    SET(j, "n_paired", json_integer((json_int_t)r->n_paired));
    SET(j, "diff_vs_reference", jreal(r->diff));
    SET(j, "diff_ci95", json_pack("[o,o]", jreal(r->diff_lo), jreal(r->diff_hi)));
    SET(j, "coverage50", jreal(r->cov50));
    SET(j, "coverage50_ci95", json_pack("[o,o]", jreal(r->cov50_lo), jreal(r->cov50_hi)));
    SET(j, "coverage80", jreal(r->cov80));
    SET(j, "coverage80_ci95", json_pack("[o,o]", jreal(r->cov80_lo), jreal(r->cov80_hi)));
    SET(j, "crps", jreal(r->crps));
    SET(j, "crps_ci95", json_pack("[o,o]", jreal(r->crps_lo), jreal(r->crps_hi)));
    SET(j, "interval_score80", jreal(r->is80));
    SET(j, "interval_score80_ci95", json_pack("[o,o]", jreal(r->is80_lo), jreal(r->is80_hi)));
    SET(j, "note", json_string(r->note));
    if (r->source[0]) SET(j, "source", json_string(r->source));
    PUSH(rows, j);
  }
  SET(root, "rows", rows);
  rows = NULL;
  return concert_i_json_finish(root, bad, 10, json, diag,
                               "cannot write the validation as JSON: a name or note is not valid "
                               "UTF-8, or memory ran out");
nomem:
  json_decref(root);
  json_decref(rows);
  json_decref(o);
  return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory writing JSON");
}
