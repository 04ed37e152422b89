/* twostage.c: the two-stage model of EU decision outcomes (docs/models/two-stage.md).
 *
 * Stage 1 gives each issue a probability for five classes of outcome: the reference point,
 * the pole 0, the pole 100, the midpoint 50, and "interior" (anywhere else). The
 * probabilities come from a multinomial logistic regression with a ridge penalty on
 * features known before the decision (procedure, voting rule, where the reference point,
 * the Commission and the Parliament stand, how the member states' capability splits, the
 * compromise model's forecast). Stage 2 gives each class its point (the reference point,
 * 0, 100, 50, or the compromise forecast for "interior") and predicts the weighted median
 * of those points under the class probabilities, the point that minimises the expected
 * absolute error when the outcome falls on one of them.
 *
 * Fitting is nested cross-validation over proposals: for each outer fold, the ridge
 * penalty is chosen by an inner cross-validation whose folds are the other outer folds,
 * the model is refitted on all training folds with that penalty, and only then predicts
 * the held-out fold. Nothing about a held-out issue but its features is ever read. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"
#include "validation/validation_i.h"

enum { C = CONCERT_I_TS_CLASSES, P = CONCERT_I_TS_FEATURES };

/* The ridge penalties tried by the inner cross-validation, strongest first (ties go to the
 * stronger penalty). */
static const double lambda_grid[] = {0.3, 0.1, 0.03, 0.01, 0.003, 0.001};
#define N_LAMBDA (sizeof lambda_grid / sizeof lambda_grid[0])

void concert_i_twostage_issue(const concert_deu *d, size_t k, const double *base, size_t com,
                              size_t ep, double compromise, double *x, double *anchor,
                              unsigned char *mask) {
  size_t na = d->n_actors;
  const double *pos = d->position + k * na, *sal = d->salience + k * na;
  double rp = d->issues[k].reference;
  bool has_rp = !isnan(rp);
  double w = 0, w0 = 0, w100 = 0, w50 = 0, wrp = 0;
  for (size_t a = 0; a < na; a++) {
    if (a == com || a == ep || isnan(pos[a]) || isnan(sal[a])) continue;
    w += base[a];
    w0 += pos[a] == 0 ? base[a] : 0;
    w100 += pos[a] == 100 ? base[a] : 0;
    w50 += pos[a] == 50 ? base[a] : 0;
    wrp += has_rp && pos[a] == rp ? base[a] : 0;
  }
  if (w <= 0) w = 1;
  bool hc = com != SIZE_MAX && !isnan(pos[com]) && !isnan(sal[com]);
  bool he = ep != SIZE_MAX && !isnan(pos[ep]) && !isnan(sal[ep]);
  double pc = hc ? pos[com] : 50, pe = he ? pos[ep] : 50;
  size_t i = 0;
  x[i++] = 1;                                          /* intercept */
  x[i++] = strcmp(d->issues[k].procedure, "COD") == 0; /* co-decision */
  x[i++] = strcmp(d->issues[k].rule, "QMV") == 0;      /* qualified majority */
  x[i++] = has_rp;                                     /* reference point recorded */
  x[i++] = has_rp ? rp / 100 : 0;                      /* where it lies */
  x[i++] = has_rp && (rp == 0 || rp == 100);           /* ... at a pole */
  x[i++] = hc;                                         /* Commission recorded */
  x[i++] = pc / 100;                                   /* its position (50 if not) */
  x[i++] = hc && (pc == 0 || pc == 100);               /* ... at a pole */
  x[i++] = he;                                         /* Parliament recorded */
  x[i++] = pe / 100;                                   /* its position */
  x[i++] = he && (pe == 0 || pe == 100);               /* ... at a pole */
  x[i++] = w0 / w;                                     /* members' capability at 0 */
  x[i++] = w100 / w;                                   /* ... at 100 */
  x[i++] = w50 / w;                                    /* ... at 50 */
  x[i++] = wrp / w;                                    /* ... at the reference point */
  x[i++] = (w0 + w100) / w;                            /* ... at either pole */
  x[i++] = compromise / 100;                           /* compromise forecast */
  x[i++] = fabs(compromise - 50) / 50;                 /* its distance from the middle */
  anchor[0] = has_rp ? rp : NAN;
  anchor[1] = 0;
  anchor[2] = 100;
  anchor[3] = 50;
  anchor[4] = compromise;
  mask[0] = has_rp;
  mask[1] = mask[2] = mask[3] = mask[4] = 1;
}

int concert_i_twostage_class(const double *anchor, const unsigned char *mask, double outcome) {
  for (int c = 0; c < C - 1; c++)
    if (mask[c] && outcome == anchor[c]) return c;
  return C - 1;
}

/* The data one fit sees: the rows idx[0..n) of X with their classes. */
typedef struct fitdata {
  const double *X;           /* m x P features */
  const unsigned char *mask; /* m x C available classes */
  const int *cls;            /* m classes */
  const size_t *idx;         /* training rows */
  size_t n;                  /* their number */
  double lambda;             /* ridge penalty on the slopes */
} fitdata;

/* Class probabilities of row x under weights w (C x P), masked classes 0. */
static void probs(const double *w, const double *x, const unsigned char *mask, double *p) {
  double z[C], mx = -INFINITY;
  for (int c = 0; c < C; c++) {
    z[c] = 0;
    if (!mask[c]) continue;
    for (int j = 0; j < P; j++) z[c] += w[c * P + j] * x[j];
    if (z[c] > mx) mx = z[c];
  }
  double s = 0;
  for (int c = 0; c < C; c++) s += (p[c] = mask[c] ? exp(z[c] - mx) : 0);
  for (int c = 0; c < C; c++) p[c] /= s;
}

/* Penalised mean negative log-likelihood and its gradient. A tiny penalty on the intercepts
 * keeps a class that never occurs in training finite. */
static void nll_fdf(const gsl_vector *wv, void *params, double *f, gsl_vector *g) {
  const fitdata *fd = params;
  const double *w = wv->data;
  double loss = 0, grad[C * P] = {0}, p[C];
  for (size_t t = 0; t < fd->n; t++) {
    size_t i = fd->idx[t];
    const double *x = fd->X + i * P;
    probs(w, x, fd->mask + i * C, p);
    loss -= log(p[fd->cls[i]] > 1e-300 ? p[fd->cls[i]] : 1e-300);
    for (int c = 0; c < C; c++) {
      double r = p[c] - (c == fd->cls[i]);
      if (r != 0)
        for (int j = 0; j < P; j++) grad[c * P + j] += r * x[j];
    }
  }
  double n = (double)fd->n;
  loss /= n;
  for (int q = 0; q < C * P; q++) {
    double lam = q % P == 0 ? 1e-4 : fd->lambda;
    loss += 0.5 * lam * w[q] * w[q];
    grad[q] = grad[q] / n + lam * w[q];
  }
  if (f) *f = loss;
  if (g)
    for (int q = 0; q < C * P; q++) gsl_vector_set(g, (size_t)q, grad[q]);
}
static double nll_f(const gsl_vector *w, void *params) {
  double f;
  nll_fdf(w, params, &f, NULL);
  return f;
}
static void nll_df(const gsl_vector *w, void *params, gsl_vector *g) {
  nll_fdf(w, params, NULL, g);
}

/* Fits the weights (C x P) by BFGS from zero; false on allocation failure. At most 300
 * iterations of O(n C P) each. */
static bool fit(fitdata *fd, double *w) {
  gsl_vector *x = gsl_vector_calloc(C * P);
  gsl_multimin_fdfminimizer *s =
      gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, C * P);
  if (!x || !s) {
    if (x) gsl_vector_free(x);
    if (s) gsl_multimin_fdfminimizer_free(s);
    return false;
  }
  gsl_multimin_function_fdf fn = {
      .f = nll_f, .df = nll_df, .fdf = nll_fdf, .n = C * P, .params = fd};
  gsl_multimin_fdfminimizer_set(s, &fn, x, 0.1, 0.1);
  for (int it = 0; it < 300; it++) {
    if (gsl_multimin_fdfminimizer_iterate(s)) break; /* no further progress */
    if (gsl_multimin_test_gradient(s->gradient, 1e-6) == GSL_SUCCESS) break;
  }
  memcpy(w, s->x->data, sizeof(double) * C * P);
  gsl_multimin_fdfminimizer_free(s);
  gsl_vector_free(x);
  return true;
}

double concert_i_twostage_point(const double *p, const double *anchor, const unsigned char *mask) {
  /* weighted median of the available anchors: sort by value (class order breaks ties) and
   * take the first whose cumulative probability reaches one half */
  int ord[C], n = 0;
  for (int c = 0; c < C; c++)
    if (mask[c]) ord[n++] = c;
  for (int a = 1; a < n; a++)
    for (int b = a; b > 0 && anchor[ord[b]] < anchor[ord[b - 1]]; b--) {
      int t = ord[b];
      ord[b] = ord[b - 1];
      ord[b - 1] = t;
    }
  double acc = 0;
  for (int t = 0; t < n; t++) {
    acc += p[ord[t]];
    if (acc >= 0.5 - 1e-12) return anchor[ord[t]];
  }
  return anchor[ord[n - 1]];
}

/* Fits on the rows of the folds not in {skip1, skip2} and predicts the rows of fold
 * `target`, writing out[i]. */
static bool fit_predict(const concert_i_twostage_data *td, double lambda, size_t skip1,
                        size_t skip2, size_t target, size_t *idx, double *out) {
  size_t n = 0;
  for (size_t i = 0; i < td->m; i++)
    if (td->fold[i] != skip1 && td->fold[i] != skip2) idx[n++] = i;
  double w[C * P], p[C];
  fitdata fd = {td->X, td->mask, td->cls, idx, n, lambda};
  if (n == 0) return true;
  if (!fit(&fd, w)) return false;
  for (size_t i = 0; i < td->m; i++) {
    if (td->fold[i] != target) continue;
    probs(w, td->X + i * P, td->mask + i * C, p);
    out[i] = concert_i_twostage_point(p, td->anchor + i * C, td->mask + i * C);
  }
  return true;
}

concert_status concert_i_twostage_cv(const concert_i_twostage_data *td, size_t k, double *pred,
                                     double *inner, double *lambda, concert_diag *diag) {
  size_t m = td->m;
  size_t *idx = malloc((m ? m : 1) * sizeof *idx);
  double *oof = malloc((m ? m : 1) * N_LAMBDA * sizeof *oof);
  if (!idx || !oof) {
    free(idx);
    free(oof);
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  }
  concert_status st = CONCERT_OK;
  for (size_t i = 0; i < m; i++) pred[i] = NAN;
  for (size_t f = 0; f < k && !st; f++) {
    /* inner cross-validation: every other outer fold held out in turn */
    size_t best = 0;
    double best_mae = INFINITY;
    for (size_t l = 0; l < N_LAMBDA && !st; l++) {
      double *o = oof + l * m, s = 0;
      size_t cnt = 0;
      for (size_t i = 0; i < m; i++) o[i] = NAN;
      for (size_t g = 0; g < k && !st; g++)
        if (g != f && !fit_predict(td, lambda_grid[l], f, g, g, idx, o))
          st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
      for (size_t i = 0; i < m; i++)
        if (td->fold[i] != f && !isnan(o[i])) s += fabs(o[i] - td->outcome[i]), cnt++;
      if (cnt && s / (double)cnt < best_mae - 1e-12) best_mae = s / (double)cnt, best = l;
    }
    if (st) break;
    lambda[f] = lambda_grid[best];
    for (size_t i = 0; i < m; i++) inner[f * m + i] = td->fold[i] == f ? NAN : oof[best * m + i];
    if (!fit_predict(td, lambda_grid[best], f, f, f, idx, pred))
      st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  }
  free(idx);
  free(oof);
  return st;
}
