/* cmd_validate_models.c: `concert validate-models FILE`: every model against real EU
 * decisions with known outcomes (DEU layout), as a text table, JSON or tidy CSV. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt o_capability = {"capability", 0, "S",
                                     "member-state capability: qmv-votes (default), qmv-ssi, "
                                     "population,\ngdp (the file's capability row), equal",
                                     false};
static const cli_opt o_commission = {
    "commission-share", 0, "X", "Commission weight as a share of the members present (0.2)", false};
static const cli_opt o_parliament = {"parliament-share", 0, "X",
                                     "Parliament weight, likewise (0.2)", false};
static const cli_opt o_parliament_cns = {
    "parliament-share-cns", 0, "X", "Parliament weight on consultation (CNS) issues (0.2)", false};
static const cli_opt o_bootstrap = {"bootstrap", 0, "B",
                                    "bootstrap replicates (2000; 0: no intervals)", false};
static const cli_opt o_seed = {"seed", 0, "N", "bootstrap seed (1)", false};
static const cli_opt o_resample = {
    "resample", 0, "U", "bootstrap unit: issues (default) or proposals (cluster)", false};
static const cli_opt o_hit = {"hit", 0, "T", "an absolute error of at most T counts as a hit (10)",
                              false};
static const cli_opt o_min_actors = {"min-actors", 0, "N",
                                     "score issues with at least N participants (3)", false};
static const cli_opt o_models = {"models", 0, "LIST",
                                 "comma-separated models to run (default: every model and\n"
                                 "two-stage, the EU model fitted by nested cross-validation)",
                                 false};
static const cli_opt o_cv = {"cv", 0, "K",
                             "folds of whole proposals for intervals and fitting\n(2-1000, "
                             "default 10)",
                             false};
static const cli_opt o_param = {"param", 0, "MODEL.K=V",
                                "a model parameter, e.g. eum.q=0.7 (see concert models)", true};
static const cli_opt o_reference = {"reference", 0, "ROW",
                                    "row the paired differences are taken against (mean)", false};
static const cli_opt o_require = {"require-outcome", 0, NULL,
                                  "refuse rows without an outcome instead of skipping them", false};
static const cli_opt o_predictions = {
    "predictions", 0, "PATH", "also write every row's per-issue forecasts as CSV to PATH", false};
static const cli_opt *const opts[] = {
    &o_capability, &o_commission, &o_parliament, &o_parliament_cns, &o_bootstrap,
    &o_seed,       &o_resample,   &o_hit,        &o_min_actors,     &o_models,
    &o_param,      &o_reference,  &o_require,    &cli_o_format,     &o_predictions,
    &o_cv,         NULL};
const cli_spec concert_cli_validate_models_spec = {
    "validate-models",
    "FILE",
    1,
    1,
    "text|json|csv",
    opts,
    "FILE is a data set in the DEU layout (docs/validation.md). csv: one row per table row\n"
    "and measure; --predictions: one row per issue and table row (docs/csv.md)."};

/* Parses a number option fully, or returns false. */
static bool parse_double(const char *s, double *out) {
  char *end;
  errno = 0;
  double x = strtod(s, &end);
  if (end == s || *end != '\0' || errno || !isfinite(x)) return false;
  *out = x;
  return true;
}

static bool parse_size(const char *s, unsigned long long max, unsigned long long *out) {
  if (!s[0] || s[0] == '-') return false;
  char *end;
  errno = 0;
  unsigned long long x = strtoull(s, &end, 10);
  if (*end != '\0' || errno || x > max) return false;
  *out = x;
  return true;
}

static void fmt(char *buf, size_t size, double x, int prec) {
  if (isnan(x))
    snprintf(buf, size, "-");
  else
    snprintf(buf, size, "%.*f", prec, x);
}

/* "[lo, hi]" at prec decimals, or "-" when the interval is undefined. */
static void fmt_ci(char *buf, size_t size, double lo, double hi, int prec) {
  char a[16], b[16];
  fmt(a, sizeof a, lo, prec);
  fmt(b, sizeof b, hi, prec);
  snprintf(buf, size, isnan(lo) ? "-" : "[%s, %s]", a, b);
}

static void print_text(const char *file, const concert_validation *v) {
  const concert_validation_options *o = concert_validation_options_used(v);
  printf("validate-models: %s\n", file);
  printf(
      "scored issues: %zu (unscored rows: %zu); capability %s; shares: Commission %g, "
      "Parliament %g (CNS %g)\n",
      concert_validation_scored(v), concert_validation_unscored(v),
      concert_eu_capability_name(o->capability), o->commission_share, o->parliament_share,
      o->parliament_share_cns);
  printf("proposals: %zu; bootstrap: %zu percentile replicates resampling %s, seed %llu\n",
         concert_validation_proposals(v), o->bootstrap,
         o->resample == CONCERT_RESAMPLE_PROPOSALS ? "proposals" : "issues",
         (unsigned long long)o->seed);
  printf("hit = |error| <= %g; diff = MAE - MAE(%s) on the issues both predict; 95%% CIs\n\n",
         o->hit_threshold, o->reference);
  printf("%-29s %-9s %4s %4s %6s %15s %6s %5s %6s %7s %15s\n", "row", "kind", "n", "skip", "MAE",
         "95% CI", "MedAE", "hit", "RMSE", "diff", "diff 95% CI");
  for (size_t i = 0; i < concert_validation_row_count(v); i++) {
    const concert_validation_row *r = concert_validation_row_at(v, i);
    char mae[16], med[16], hit[16], rmse[16], d[16], ci[40], dci[40];
    fmt(mae, sizeof mae, r->mae, 2);
    fmt(med, sizeof med, r->median_ae, 1);
    fmt(hit, sizeof hit, r->hit_rate, 2);
    fmt(rmse, sizeof rmse, r->rmse, 2);
    fmt(d, sizeof d, r->diff, 2);
    fmt_ci(ci, sizeof ci, r->mae_lo, r->mae_hi, 2);
    fmt_ci(dci, sizeof dci, r->diff_lo, r->diff_hi, 2);
    const char *kind = concert_validation_kind_name(r->kind);
    printf("%-29s %-9s %4zu %4zu %6s %15s %6s %5s %6s %7s %15s\n", r->name, kind, r->n, r->skipped,
           mae, ci, med, hit, rmse, d, dci);
  }
  printf(
      "\nforecast intervals: %zu-fold cross-validation over proposals (seed %llu); each\n"
      "forecast plus the row's out-of-fold errors, clipped to 0-100; cov = share of outcomes\n"
      "inside the central 50%%/80%% interval; CRPS and IS80 (interval score): lower is better\n\n",
      concert_validation_folds(v), (unsigned long long)o->seed);
  printf("%-29s %4s %5s %15s %5s %15s %6s %15s %6s\n", "row", "n", "cov50", "95% CI", "cov80",
         "95% CI", "CRPS", "95% CI", "IS80");
  for (size_t i = 0; i < concert_validation_row_count(v); i++) {
    const concert_validation_row *r = concert_validation_row_at(v, i);
    if (r->kind == CONCERT_VALIDATION_PUBLISHED) continue;
    char c50[16], c80[16], cr[16], is[16], ci50[40], ci80[40], cic[40];
    fmt(c50, sizeof c50, r->cov50, 2);
    fmt(c80, sizeof c80, r->cov80, 2);
    fmt(cr, sizeof cr, r->crps, 2);
    fmt(is, sizeof is, r->is80, 1);
    fmt_ci(ci50, sizeof ci50, r->cov50_lo, r->cov50_hi, 2);
    fmt_ci(ci80, sizeof ci80, r->cov80_lo, r->cov80_hi, 2);
    fmt_ci(cic, sizeof cic, r->crps_lo, r->crps_hi, 2);
    printf("%-29s %4zu %5s %15s %5s %15s %6s %15s %6s\n", r->name, r->n, c50, ci50, c80, ci80, cr,
           cic, is);
  }
  printf("\nnotes:\n");
  for (size_t i = 0; i < concert_validation_row_count(v); i++) {
    const concert_validation_row *r = concert_validation_row_at(v, i);
    printf("  %s: %s", r->name, r->note);
    if (r->source[0]) printf(" [source: %s]", r->source);
    if (r->kind != CONCERT_VALIDATION_PUBLISHED && !isnan(r->diff_lo))
      printf("; the diff CI %s 0", r->diff_lo > 0 || r->diff_hi < 0 ? "excludes" : "includes");
    printf("\n");
  }
  printf("published rows are quoted, not recomputed; those on other data are not comparable.\n");
}

/* Writes the per-issue forecasts to path; returns the exit status (0, or 1 with a message
 * naming the file). */
static int write_predictions(const char *path, const concert_validation *v,
                             const concert_deu *data) {
  concert_diag d;
  concert_diag_clear(&d);
  FILE *f = fopen(path, "w");
  concert_status st = f ? concert_validation_write_csv(v, data, f, &d) : CONCERT_ERR_IO;
  int err = errno;
  if (f && fclose(f) != 0 && !st) st = CONCERT_ERR_IO, err = errno;
  if (!st) return 0;
  if (st != CONCERT_ERR_IO) return concert_cli_report("validate-models", st, &d);
  fprintf(stderr, "concert validate-models: %s: cannot write the forecasts: %s\n", path,
          strerror(err));
  return 1;
}

typedef struct vm_args {
  concert_validation_options o;
  concert_deu_options lo;
  const char *predictions;
  char params[1024];
} vm_args;

static int take(void *ctx, const cli_opt *opt, const char *arg) {
  vm_args *a = ctx;
  concert_validation_options *o = &a->o;
  unsigned long long u = 0;
  bool ok = true;
  if (opt == &o_capability) {
    ok = concert_eu_capability_parse(arg, &o->capability) == CONCERT_OK;
  } else if (opt == &o_commission) {
    ok = parse_double(arg, &o->commission_share);
  } else if (opt == &o_parliament) {
    ok = parse_double(arg, &o->parliament_share);
  } else if (opt == &o_parliament_cns) {
    ok = parse_double(arg, &o->parliament_share_cns);
  } else if (opt == &o_bootstrap) {
    ok = parse_size(arg, 1000000, &u);
    o->bootstrap = (size_t)u;
  } else if (opt == &o_seed) {
    ok = parse_size(arg, UINT64_MAX, &u);
    o->seed = (uint64_t)u;
  } else if (opt == &o_resample) {
    if (strcmp(arg, "issues") == 0)
      o->resample = CONCERT_RESAMPLE_ISSUES;
    else if (strcmp(arg, "proposals") == 0)
      o->resample = CONCERT_RESAMPLE_PROPOSALS;
    else
      ok = false;
  } else if (opt == &o_hit) {
    ok = parse_double(arg, &o->hit_threshold);
  } else if (opt == &o_min_actors) {
    ok = parse_size(arg, 1000, &u);
    o->min_actors = (size_t)u;
  } else if (opt == &o_cv) {
    ok = parse_size(arg, 1000, &u) && u >= 2;
    o->cv_folds = (size_t)u;
  } else if (opt == &o_reference) {
    o->reference = arg;
  } else if (opt == &o_models) {
    o->models = arg;
  } else if (opt == &o_require) {
    a->lo.require_outcome = true;
  } else if (opt == &o_predictions) {
    a->predictions = arg;
  } else if (opt == &o_param) {
    size_t used = strlen(a->params), len = strlen(arg);
    ok = len > 0 && !strchr(arg, ',') && used + len + 2 <= sizeof a->params;
    if (ok) snprintf(a->params + used, sizeof a->params - used, "%s%s", used ? "," : "", arg);
    o->model_params = a->params;
  }
  if (!ok) return cli_usage("validate-models", "bad value '%s' for --%s", arg, opt->name);
  return 0;
}

int concert_cli_validate_models(int argc, char **argv) {
  vm_args a;
  memset(&a, 0, sizeof a);
  concert_validation_options_default(&a.o);
  const char *file = NULL;
  size_t npos;
  int format = 0;
  int prc =
      cli_parse(&concert_cli_validate_models_spec, argc, argv, take, &a, &file, &npos, &format);
  if (prc >= 0) return prc;
  concert_validation_options o = a.o;
  if (o.model_params) o.model_params = a.params;
  concert_deu_options lo = a.lo;
  const char *predictions = a.predictions;
  concert_diag d;
  concert_diag_clear(&d);
  concert_deu *data = NULL;
  concert_status st = concert_deu_load(file, &lo, &data, &d);
  if (st) return concert_cli_report("validate-models", st, &d);
  concert_validation *v = NULL;
  st = concert_validation_run(data, &o, &v, &d);
  if (st) {
    concert_deu_free(data);
    return concert_cli_report("validate-models", st, &d);
  }
  if (predictions && write_predictions(predictions, v, data) != 0) {
    concert_validation_free(v);
    concert_deu_free(data);
    return 1;
  }
  int rc = 0;
  if (format == 2) {
    /* a failed write to stdout is reported once, by main, as for every command */
    rc = concert_validation_write_scores_csv(v, stdout, &d) ? 1 : 0;
  } else if (format == 1) {
    char *text = NULL;
    st = concert_validation_to_json(v, &text, &d);
    if (!st) printf("%s\n", text);
    free(text);
  } else {
    print_text(file, v);
  }
  concert_validation_free(v);
  concert_deu_free(data);
  return st ? concert_cli_report("validate-models", st, &d) : rc;
}
