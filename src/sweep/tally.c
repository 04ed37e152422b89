/* tally.c: a sweep's counters (sweep/sweep_i.h, docs/sweep.md "What is aggregated"): their
 * layout, adding one run, and every result read back from them. Only integers are added, so
 * a sum of counter arrays does not depend on the order the runs were added in; every result
 * is a function of the counters alone. */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

#include "status/diag.h"
#include "sweep/sweep_i.h"

__extension__ typedef unsigned __int128 u128;

/* texts 0..100 and net gains -100..100 at 0.01 points; rift components 0..1 at 0.0001 */
const concert_i_scale concert_i_sweep_text_scale = {100, 0, 10000};
const concert_i_scale concert_i_sweep_rift_scale = {10000, 0, 10000};
const concert_i_scale concert_i_sweep_gain_scale = {100, -10000, 10000};

static const double levels[5] = {0.05, 0.25, 0.5, 0.75, 0.95};

const double *concert_sweep_levels(void) { return levels; }

static size_t block_len(const concert_i_scale *sc) {
  return CONCERT_I_Q_BINS + (size_t)(sc->ghi - sc->glo + 1) + 2;
}

concert_status concert_i_sweep_layout(concert_sweep *w, concert_diag *d) {
  size_t ni = w->ni, nm = w->nm, K = CONCERT_I_SWEEP_K, n = 1;
  w->nh = 1 + ni;
  bool all = !w->counts_only;
  w->text_len = all ? block_len(&concert_i_sweep_text_scale) : 0;
  w->rift_len = all ? block_len(&concert_i_sweep_rift_scale) : 0;
  w->gain_len = all ? block_len(&concert_i_sweep_gain_scale) : 0;
  if (!all) w->nin = 0;
  if (ni > 1000000 || nm > 1000000 || w->nin > SIZE_MAX / 64 / K / (w->nh + 1))
    return CONCERT_FAIL(d, CONCERT_ERR_TOO_LARGE, "the sweep's counters do not fit in memory");
  w->at_fate = n, n += 5;
  w->at_stmt = n, n += ni;
  w->at_joint = n, n += ni;
  w->at_sign = n, n += ni * nm;
  w->at_block = n, n += ni * nm;
  w->at_agreed = n, n += ni + 1;
  w->at_tany = n, n += ni;
  w->at_tjoint = n, n += ni;
  w->at_tsign = n, n += ni * nm;
  w->at_tblock = n, n += ni * nm;
  w->at_text = n, n += ni * w->text_len;
  w->at_rift = n, n += CONCERT_RIFT_N * w->rift_len;
  w->at_gain = n, n += nm * w->gain_len;
  w->at_nb = n, n += w->nin * K;
  w->at_yb = n, n += w->nh * w->nin * K;
  w->nc = n;
  return CONCERT_OK;
}

int concert_i_sweep_add_value(int64_t *b, const concert_i_scale *sc, double x) {
  if (isnan(x)) return 0;
  if (!(fabs(x) < CONCERT_I_SWEEP_XMAX)) return -1;
  int64_t q = (int64_t)llround(x * CONCERT_I_SWEEP_FIX); /* |q| <= 2^31 */
  uint64_t a = (uint64_t)(q < 0 ? -q : q), sq = a * a;   /* < 2^62 */
  b[CONCERT_I_Q_N]++;
  b[CONCERT_I_Q_SX] += q;
  b[CONCERT_I_Q_SXX_HI] += (int64_t)(sq >> 32);
  b[CONCERT_I_Q_SXX_LO] += (int64_t)(sq & 0xffffffffu);
  double g = floor(x * sc->per + 0.5);
  size_t bin = g < (double)sc->glo   ? 0
               : g > (double)sc->ghi ? (size_t)(sc->ghi - sc->glo) + 2
                                     : (size_t)((long)g - sc->glo) + 1;
  b[CONCERT_I_Q_BINS + bin]++;
  return 0;
}

concert_status concert_i_sweep_add(const concert_sweep *w, int64_t *c, size_t r,
                                   const concert_i_sweep_run *run, concert_diag *d) {
  size_t ni = w->ni, nm = w->nm, K = CONCERT_I_SWEEP_K, nin = w->nin;
  c[0]++;
  if (run->fate < 5) c[w->at_fate + run->fate]++;
  size_t nj = 0;
  for (size_t i = 0; i < ni; i++) {
    unsigned k = run->kind[i] & 3, t = (run->kind[i] >> 2) & 3;
    c[w->at_stmt + i] += k != CONCERT_STATEMENT_NONE;
    c[w->at_joint + i] += k == CONCERT_STATEMENT_JOINT;
    c[w->at_tany + i] += t != CONCERT_STATEMENT_NONE;
    c[w->at_tjoint + i] += t == CONCERT_STATEMENT_JOINT;
    nj += k == CONCERT_STATEMENT_JOINT;
    for (size_t m = 0; m < nm; m++) {
      unsigned char fl = run->flags[i * nm + m];
      c[w->at_sign + i * nm + m] += fl & 1;
      c[w->at_block + i * nm + m] += (fl >> 1) & 1;
      c[w->at_tsign + i * nm + m] += (fl >> 2) & 1;
      c[w->at_tblock + i * nm + m] += (fl >> 3) & 1;
    }
  }
  c[w->at_agreed + nj]++;
  if (w->counts_only) return CONCERT_OK;
  const char *bad = NULL;
  size_t which = 0;
  for (size_t i = 0; i < ni; i++)
    if (concert_i_sweep_add_value(c + w->at_text + i * w->text_len, &concert_i_sweep_text_scale, run->text[i]))
      bad = "the text of agenda issue", which = i;
  for (size_t q = 0; q < CONCERT_RIFT_N; q++)
    if (concert_i_sweep_add_value(c + w->at_rift + q * w->rift_len, &concert_i_sweep_rift_scale, run->rift[q]))
      bad = "rift component", which = q;
  for (size_t m = 0; m < nm; m++)
    if (concert_i_sweep_add_value(c + w->at_gain + m * w->gain_len, &concert_i_sweep_gain_scale, run->gain[m]))
      bad = "the net gain of member", which = m;
  if (bad)
    return CONCERT_FAIL(d, CONCERT_ERR_RANGE,
                        "run %zu: %s %zu is beyond the sweep's fixed-point range (magnitude "
                        "below %g)",
                        r, bad, which, CONCERT_I_SWEEP_XMAX);
  if (!nin) return CONCERT_OK;
  /* the variance shares: runs per input and bin, and per headline that happened */
  int64_t *nb = c + w->at_nb;
  size_t *off = run->off;
  for (size_t j = 0; j < nin; j++) {
    size_t b = (size_t)(run->u[w->in_u[j]] * (double)K);
    off[j] = j * K + (b < K ? b : K - 1);
    nb[off[j]]++;
  }
  for (size_t h = 0; h < w->nh; h++) {
    bool y = h == 0 ? run->fate == CONCERT_DOCUMENT_ISSUED ||
                          run->fate == CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT
                    : (run->kind[h - 1] & 3) != CONCERT_STATEMENT_NONE;
    if (!y) continue;
    int64_t *yb = c + w->at_yb + h * nin * K;
    for (size_t j = 0; j < nin; j++) yb[off[j]]++;
  }
  return CONCERT_OK;
}

static concert_spread none(void) {
  concert_spread sp = {.mean = NAN, .se = NAN};
  for (int q = 0; q < 5; q++) sp.q[q] = NAN;
  return sp;
}

/* The five quantiles of the values counted in hist (nb bins, n values in all), bin b
 * standing for value(b, arg): type 7 on those values, in one pass. */
static void quantiles(const int64_t *hist, size_t nb, int64_t n,
                      double (*value)(size_t, const void *), const void *arg, double *q) {
  double at[10], val[10];
  int64_t rank[10];
  for (int k = 0; k < 5; k++) {
    double h = (double)(n - 1) * levels[k], lo = floor(h);
    at[k] = h - lo;
    rank[2 * k] = (int64_t)lo, rank[2 * k + 1] = (int64_t)lo + 1 < n ? (int64_t)lo + 1 : (int64_t)lo;
  }
  int ord[10]; /* the ranks in ascending order (lo + 1 of one level may pass the next lo) */
  for (int k = 0; k < 10; k++) {
    int t = k;
    for (; t > 0 && rank[ord[t - 1]] > rank[k]; t--) ord[t] = ord[t - 1];
    ord[t] = k;
  }
  int next = 0;
  int64_t cum = 0;
  for (size_t b = 0; b < nb && next < 10; b++) {
    cum += hist[b];
    while (next < 10 && rank[ord[next]] < cum) val[ord[next++]] = value(b, arg);
  }
  for (int k = 0; k < 5; k++) q[k] = val[2 * k] + at[k] * (val[2 * k + 1] - val[2 * k]);
}

static double grid_value(size_t b, const void *arg) {
  const concert_i_scale *sc = arg;
  long g = b == 0 ? sc->glo : (long)b - 1 + sc->glo;
  if (g > sc->ghi) g = sc->ghi;
  return (double)g / sc->per;
}

concert_spread concert_i_sweep_spread(const int64_t *b, const concert_i_scale *sc) {
  concert_spread sp = none();
  int64_t n = b[CONCERT_I_Q_N];
  sp.n = (size_t)n;
  if (n <= 0) return sp;
  size_t nbins = (size_t)(sc->ghi - sc->glo) + 3;
  const int64_t *hist = b + CONCERT_I_Q_BINS;
  sp.outside = (size_t)(hist[0] + hist[nbins - 1]);
  int64_t sx = b[CONCERT_I_Q_SX];
  sp.mean = (double)sx / (double)n / CONCERT_I_SWEEP_FIX;
  if (n > 1) {
    /* n sxx - sx^2 >= 0, exactly: n < 2^31, sxx < 2^93, sx^2 < 2^124 */
    u128 sxx = ((u128)(uint64_t)b[CONCERT_I_Q_SXX_HI] << 32) + (u128)(uint64_t)b[CONCERT_I_Q_SXX_LO];
    u128 ax = (u128)(uint64_t)(sx < 0 ? -sx : sx);
    u128 num = (u128)(uint64_t)n * sxx, sq = ax * ax;
    double var = num > sq ? (double)(num - sq) / ((double)n * (double)(n - 1)) : 0;
    sp.se = sqrt(var / (double)n) / CONCERT_I_SWEEP_FIX;
  }
  quantiles(hist, nbins, n, grid_value, sc, sp.q);
  return sp;
}

/* ---- getters ----------------------------------------------------------------------- */

static concert_estimate estimate(int64_t k, int64_t n) {
  double p = n > 0 ? (double)k / (double)n : NAN;
  return (concert_estimate){p, n > 0 ? sqrt(p * (1 - p) / (double)n) : NAN};
}

int64_t *concert_sweep_counters(concert_sweep *w, size_t *n) {
  if (n) *n = w ? w->nc : 0;
  return w ? w->c : NULL;
}
const concert_scenario *concert_sweep_scenario(const concert_sweep *w) { return w ? w->s : NULL; }
size_t concert_sweep_forum(const concert_sweep *w) { return w ? w->forum : 0; }
const char *concert_sweep_model(const concert_sweep *w) { return w ? w->model : ""; }
size_t concert_sweep_runs(const concert_sweep *w) { return w ? (size_t)w->c[0] : 0; }
uint64_t concert_sweep_seed(const concert_sweep *w) { return w ? w->seed : 0; }
concert_estimate concert_sweep_fate(const concert_sweep *w, concert_document_fate f) {
  return (unsigned)f < 5 ? estimate(w->c[w->at_fate + (size_t)f], w->c[0]) : estimate(0, 0);
}
size_t concert_sweep_issue_count(const concert_sweep *w) { return w ? w->ni : 0; }
size_t concert_sweep_issue(const concert_sweep *w, size_t i) {
  return i < w->ni ? w->issue[i] : SIZE_MAX;
}
size_t concert_sweep_member_count(const concert_sweep *w) { return w ? w->nm : 0; }
size_t concert_sweep_member(const concert_sweep *w, size_t m) {
  return m < w->nm ? w->member[m] : SIZE_MAX;
}
concert_estimate concert_sweep_statement(const concert_sweep *w, size_t i) {
  return i < w->ni ? estimate(w->c[w->at_stmt + i], w->c[0]) : estimate(0, 0);
}
concert_estimate concert_sweep_joint(const concert_sweep *w, size_t i) {
  return i < w->ni ? estimate(w->c[w->at_joint + i], w->c[0]) : estimate(0, 0);
}
concert_estimate concert_sweep_signs(const concert_sweep *w, size_t i, size_t m) {
  return i < w->ni && m < w->nm ? estimate(w->c[w->at_sign + i * w->nm + m], w->c[0])
                                : estimate(0, 0);
}
concert_estimate concert_sweep_blocks(const concert_sweep *w, size_t i, size_t m) {
  return i < w->ni && m < w->nm ? estimate(w->c[w->at_block + i * w->nm + m], w->c[0])
                                : estimate(0, 0);
}

concert_estimate concert_sweep_text_any(const concert_sweep *w, size_t i) {
  return i < w->ni ? estimate(w->c[w->at_tany + i], w->c[0]) : estimate(0, 0);
}
concert_estimate concert_sweep_text_joint(const concert_sweep *w, size_t i) {
  return i < w->ni ? estimate(w->c[w->at_tjoint + i], w->c[0]) : estimate(0, 0);
}
concert_estimate concert_sweep_text_signs(const concert_sweep *w, size_t i, size_t m) {
  return i < w->ni && m < w->nm ? estimate(w->c[w->at_tsign + i * w->nm + m], w->c[0])
                                : estimate(0, 0);
}
concert_estimate concert_sweep_text_blocks(const concert_sweep *w, size_t i, size_t m) {
  return i < w->ni && m < w->nm ? estimate(w->c[w->at_tblock + i * w->nm + m], w->c[0])
                                : estimate(0, 0);
}

static double agreed_value(size_t b, const void *arg) {
  return (double)b / (double)*(const size_t *)arg;
}

concert_spread concert_sweep_agreed(const concert_sweep *w) {
  concert_spread sp = none();
  int64_t n = w->c[0];
  if (w->ni == 0 || n <= 0) return sp;
  const int64_t *h = w->c + w->at_agreed;
  int64_t s1 = 0, s2 = 0; /* sums of j and j^2 over the runs, j joint statements */
  for (size_t j = 0; j <= w->ni; j++) s1 += (int64_t)j * h[j], s2 += (int64_t)(j * j) * h[j];
  double ni = (double)w->ni;
  sp.n = (size_t)n;
  sp.mean = (double)s1 / (double)n / ni;
  if (n > 1) {
    u128 num = (u128)(uint64_t)n * (uint64_t)s2, sq = (u128)(uint64_t)s1 * (uint64_t)s1;
    double var = num > sq ? (double)(num - sq) / ((double)n * (double)(n - 1)) : 0;
    sp.se = sqrt(var / (double)n) / ni;
  }
  quantiles(h, w->ni + 1, n, agreed_value, &w->ni, sp.q);
  return sp;
}
concert_spread concert_sweep_text(const concert_sweep *w, size_t i) {
  return i < w->ni && !w->counts_only ? concert_i_sweep_spread(w->c + w->at_text + i * w->text_len,
                                            &concert_i_sweep_text_scale)
                   : none();
}
concert_spread concert_sweep_rift(const concert_sweep *w, concert_rift_component c) {
  return (unsigned)c < CONCERT_RIFT_N && !w->counts_only
             ? concert_i_sweep_spread(w->c + w->at_rift + (size_t)c * w->rift_len,
                                      &concert_i_sweep_rift_scale)
             : none();
}
concert_spread concert_sweep_net_gain(const concert_sweep *w, size_t m) {
  return m < w->nm && !w->counts_only ? concert_i_sweep_spread(w->c + w->at_gain + m * w->gain_len,
                                            &concert_i_sweep_gain_scale)
                   : none();
}

/* ---- variance shares --------------------------------------------------------------- */

size_t concert_sweep_input_count(const concert_sweep *w) { return w ? w->nin : 0; }
concert_sweep_input concert_sweep_input_at(const concert_sweep *w, size_t j) {
  if (!w || j >= w->nin)
    return (concert_sweep_input){CONCERT_SWEEP_EVENT, SIZE_MAX, SIZE_MAX, SIZE_MAX};
  return w->in[j];
}
const char *concert_sweep_input_kind_name(concert_sweep_input_kind k) {
  static const char *const names[7] = {"capability", "position",  "salience", "tolerance",
                                       "red_line",   "reversion", "event"};
  return (unsigned)k < 7 ? names[k] : "";
}
size_t concert_sweep_headline_count(const concert_sweep *w) { return w ? w->nh : 0; }

double concert_sweep_variance_share(const concert_sweep *w, size_t h, size_t j) {
  if (!w || h >= w->nh || j >= w->nin) return NAN;
  size_t K = CONCERT_I_SWEEP_K;
  int64_t n = w->c[0];
  int64_t y = h == 0 ? w->c[w->at_fate + CONCERT_DOCUMENT_ISSUED] +
                           w->c[w->at_fate + CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT]
                     : w->c[w->at_stmt + h - 1];
  if (n < 2 || y <= 0 || y >= n) return NAN;
  const int64_t *nb = w->c + w->at_nb + j * K, *yb = w->c + w->at_yb + (h * w->nin + j) * K;
  /* sum_b n_b (ybar_b - ybar)^2 = sum_b y_b^2 / n_b - y^2 / n; over n var = y (n - y) / n */
  double between = 0, N = (double)n, Y = (double)y;
  for (size_t b = 0; b < K; b++)
    if (nb[b] > 0) between += (double)yb[b] * (double)yb[b] / (double)nb[b];
  double S = (N * between - Y * Y) / (Y * (N - Y)) - (double)(K - 1) / (N - 1);
  return S > 0 ? (S < 1 ? S : 1) : 0;
}

double concert_sweep_share_chance(const concert_sweep *w) {
  int64_t n = w ? w->c[0] : 0;
  if (n < 2) return NAN;
  double k1 = (double)(CONCERT_I_SWEEP_K - 1);
  return (gsl_cdf_chisq_Qinv(1e-4, k1) - k1) / (double)(n - 1);
}
