/* measures.c: the measures of one forum's outcome: capability coverage of the world,
 * balance, proximity of the outcomes to an actor, and burden sharing of a common cost
 * (definitions and sources in docs/measures.md). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <concert/measures.h>

#include "measures/measures_i.h"
#include "status/diag.h"

/* World Bank aggregate codes (regions, income and lending groups, demographic groups):
 * these are not countries, so a member with such an id is "not covered". */
static const char *const wb_aggregates[] = {
    "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS", "EMU", "EUU",
    "FCS", "HIC", "HPC", "IBD", "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LCN", "LDC",
    "LIC", "LMC", "LMY", "LTE", "MEA", "MIC", "MNA", "NAC", "OED", "OSS", "PRE", "PSS",
    "PST", "SAS", "SSA", "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC",
    "WLD"};

/* The 27 member states of the European Union since 2020 (the composition of the World
 * Bank's EUU aggregate, which is back-cast with today's members). */
static const char *const eu27[] = {"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN",
                                   "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX",
                                   "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool in_list(const char *id, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(id, list[i]) == 0) return true;
  return false;
}

/* One member's entry in the coverage. */
typedef struct member {
  size_t actor;                                /* scenario actor index */
  const char *code;                            /* code in the world tables, NULL if none */
  bool candidate[CONCERT_INDICATOR_COUNT];     /* would be counted if it had a figure */
  concert_cover cover[CONCERT_INDICATOR_COUNT]; /* status for the year */
  double value[CONCERT_INDICATOR_COUNT];       /* figure for the year (NaN if none) */
  double by_share, by_shapley;                 /* burden of the common cost */
} member;

struct concert_measures {
  const concert_outcome *o; /* borrowed */
  size_t n;                 /* forum members */
  member *m;                /* one per forum member, forum order */
  double cost;              /* the common cost shared */
  concert_coverage cov;     /* coverage */
  concert_balance bal;      /* balance */
  concert_proximity prox;   /* proximity */
};

const char *concert_cover_name(concert_cover c) {
  switch (c) {
    case CONCERT_COVER_COUNTED: return "counted";
    case CONCERT_COVER_NOT_COVERED: return "not covered";
    case CONCERT_COVER_NO_DATA: return "no data";
    case CONCERT_COVER_EXCLUDED: return "excluded";
    case CONCERT_COVER_IN_EU: return "inside EU";
  }
  return "?";
}

void concert_measures_options_init(concert_measures_options *o) {
  if (!o) return;
  o->year = 0;
  o->actor = NULL;
  o->cost = 100;
}

void concert_measures_free(concert_measures *m) {
  if (!m) return;
  free(m->m);
  free(m);
}

const concert_outcome *concert_measures_outcome(const concert_measures *m) {
  return m ? m->o : NULL;
}

/* Classifies each member before a year is chosen. */
static void classify(concert_measures *M, const concert_scenario *s, const concert_worlddata *w) {
  bool eu_member = false;
  for (size_t i = 0; i < M->n; i++) {
    const char *id = concert_scenario_actor_id(s, M->m[i].actor);
    if (strcmp(id, "EU") == 0 &&
        (concert_worlddata_has(w, CONCERT_INDICATOR_GDP, "EUU") ||
         concert_worlddata_has(w, CONCERT_INDICATOR_POPULATION, "EUU")))
      eu_member = true;
  }
  for (size_t i = 0; i < M->n; i++) {
    member *x = &M->m[i];
    const char *id = concert_scenario_actor_id(s, x->actor);
    bool eu = strcmp(id, "EU") == 0;
    x->code = eu ? "EUU" : in_list(id, wb_aggregates, COUNT(wb_aggregates)) ? NULL : id;
    bool known = x->code && (concert_worlddata_has(w, CONCERT_INDICATOR_GDP, x->code) ||
                             concert_worlddata_has(w, CONCERT_INDICATOR_POPULATION, x->code));
    for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
      x->candidate[k] = false;
      x->value[k] = NAN;
      if (!known) x->cover[k] = CONCERT_COVER_NOT_COVERED;
      else if (eu && k == CONCERT_INDICATOR_MILEX) x->cover[k] = CONCERT_COVER_EXCLUDED;
      else if (!eu && eu_member && k != CONCERT_INDICATOR_MILEX && in_list(id, eu27, COUNT(eu27)))
        x->cover[k] = CONCERT_COVER_IN_EU;
      else if (!concert_worlddata_has(w, (concert_indicator)k, x->code))
        x->cover[k] = CONCERT_COVER_NO_DATA;
      else {
        x->cover[k] = CONCERT_COVER_NO_DATA; /* until a year is chosen */
        x->candidate[k] = true;
      }
    }
  }
}

static bool world_has(const concert_worlddata *w, int year) {
  for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++)
    if (!concert_worlddata_value(w, (concert_indicator)k, "WLD", year, NULL)) return false;
  return true;
}

/* The latest year with world figures for all indicators and a figure for every candidate;
 * failing that the latest with all world figures; failing that the latest with any. */
static int default_year(const concert_measures *M, const concert_worlddata *w) {
  int lo = 3000, hi = 0;
  for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
    int f, l;
    concert_i_worlddata_years(w, (concert_indicator)k, &f, &l);
    if (l == 0) continue;
    if (f < lo) lo = f;
    if (l > hi) hi = l;
  }
  for (int y = hi; y >= lo; y--) {
    if (!world_has(w, y)) continue;
    bool ok = true;
    for (size_t i = 0; ok && i < M->n; i++)
      for (int k = 0; ok && k < CONCERT_INDICATOR_COUNT; k++)
        if (M->m[i].candidate[k] &&
            !concert_worlddata_value(w, (concert_indicator)k, M->m[i].code, y, NULL))
          ok = false;
    if (ok) return y;
  }
  for (int y = hi; y >= lo; y--)
    if (world_has(w, y)) return y;
  for (int y = hi; y >= lo; y--)
    for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++)
      if (concert_worlddata_value(w, (concert_indicator)k, "WLD", y, NULL)) return y;
  return 0;
}

static void coverage(concert_measures *M, const concert_scenario *s, const concert_worlddata *w,
                     int year) {
  concert_coverage *c = &M->cov;
  c->computed = true;
  classify(M, s, w);
  c->year_default = year == 0;
  c->year = year ? year : default_year(M, w);
  for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
    double world = NAN, sum = 0;
    size_t n = 0;
    if (!concert_worlddata_value(w, (concert_indicator)k, "WLD", c->year, &world)) world = NAN;
    for (size_t i = 0; i < M->n; i++) {
      member *x = &M->m[i];
      double v;
      if (x->candidate[k] && concert_worlddata_value(w, (concert_indicator)k, x->code, c->year, &v)) {
        x->cover[k] = CONCERT_COVER_COUNTED;
        x->value[k] = v;
        sum += v;
        n++;
      }
    }
    c->world[k] = world;
    c->forum[k] = sum;
    c->counted[k] = n;
    c->share[k] = n && isfinite(world) && world > 0 ? sum / world : NAN;
  }
}

static void balance(concert_measures *M, const concert_scenario *s) {
  concert_balance *b = &M->bal;
  double *x = malloc((M->n + 1) * sizeof *x);
  size_t *idx = malloc((M->n + 1) * sizeof *idx);
  b->cap_largest = b->cap_hhi = b->gdp_largest = b->gdp_hhi = NAN;
  b->cap_largest_i = b->gdp_largest_i = 0;
  if (x && idx) {
    for (size_t i = 0; i < M->n; i++) x[i] = concert_scenario_actor_capability(s, M->m[i].actor);
    if (concert_hhi(x, M->n, &b->cap_hhi, &b->cap_largest_i, &b->cap_largest)) {
      b->cap_hhi = b->cap_largest = NAN;
      b->cap_largest_i = 0;
    }
    size_t n = 0;
    for (size_t i = 0; i < M->n; i++)
      if (M->m[i].cover[CONCERT_INDICATOR_GDP] == CONCERT_COVER_COUNTED && M->cov.computed) {
        x[n] = M->m[i].value[CONCERT_INDICATOR_GDP];
        idx[n++] = i;
      }
    size_t arg = 0;
    if (n && concert_hhi(x, n, &b->gdp_hhi, &arg, &b->gdp_largest) == CONCERT_OK)
      b->gdp_largest_i = idx[arg];
    else
      b->gdp_hhi = b->gdp_largest = NAN;
  }
  free(x);
  free(idx);
}

static void burden(concert_measures *M, const concert_scenario *s, double *need, double *phi) {
  double sum = 0, max = 0;
  for (size_t i = 0; i < M->n; i++) {
    double c = concert_scenario_actor_capability(s, M->m[i].actor);
    sum += c;
    if (c > max) max = c;
  }
  for (size_t i = 0; i < M->n; i++) {
    double c = concert_scenario_actor_capability(s, M->m[i].actor);
    M->m[i].by_share = sum > 0 ? M->cost * c / sum : NAN;
    need[i] = max > 0 ? M->cost * c / max : 0;
    M->m[i].by_shapley = NAN;
  }
  if (max > 0 && concert_shapley_airport(need, M->n, phi) == CONCERT_OK)
    for (size_t i = 0; i < M->n; i++) M->m[i].by_shapley = phi[i];
}

static void proximity(concert_measures *M, const concert_scenario *s, size_t a) {
  concert_proximity *p = &M->prox;
  p->computed = true;
  p->actor = a;
  p->member = false;
  for (size_t i = 0; i < M->n; i++) p->member = p->member || M->m[i].actor == a;
  double num = 0, den = 0;
  for (size_t r = 0; r < concert_outcome_issue_count(M->o); r++) {
    const concert_issue_result *res = concert_outcome_issue(M->o, r);
    double x = isfinite(res->text) ? res->text : res->outcome, pa, sa;
    if (!isfinite(x) || !concert_scenario_stance(s, a, res->issue, &pa, &sa)) continue;
    double cw = 0, cp = 0;
    for (size_t i = 0; i < M->n; i++) {
      double pos, c = concert_scenario_actor_capability(s, M->m[i].actor);
      if (concert_scenario_stance(s, M->m[i].actor, res->issue, &pos, NULL)) {
        cw += c;
        cp += c * pos;
      }
    }
    if (!(cw > 0)) continue;
    double mean = cp / cw, da = fabs(x - pa);
    p->n_issues++;
    num += sa * da;
    den += sa;
    if (da < fabs(x - mean) - 1e-9) p->n_closer++;
  }
  p->distance = den > 0 ? num / den : NAN;
  p->share_closer = p->n_issues ? (double)p->n_closer / (double)p->n_issues : NAN;
}

concert_status concert_measures_compute(const concert_outcome *o, const concert_worlddata *w,
                                        const concert_measures_options *opt,
                                        concert_measures **out, concert_diag *d) {
  if (!o || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "bad arguments");
  *out = NULL;
  concert_measures_options def;
  concert_measures_options_init(&def);
  if (!opt) opt = &def;
  if (!isfinite(opt->cost) || !(opt->cost > 0) || opt->cost > 1e15)
    return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, "cost",
                          "the common cost must be a finite number in (0, 1e15]");
  if (opt->year != 0 && (opt->year < 1000 || opt->year > 3000))
    return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, "year",
                          "the year must be in 1000-3000, not %d", opt->year);
  const concert_scenario *s = concert_outcome_scenario(o);
  size_t f = concert_outcome_forum(o), a = 0;
  if (opt->actor && !concert_scenario_actor_find(s, opt->actor, &a))
    return concert_i_fail(d, CONCERT_ERR_UNKNOWN_ID, concert_scenario_file(s), 0, 0, "actor",
                          "no actor '%s' in the scenario", opt->actor);
  concert_measures *M = calloc(1, sizeof *M);
  size_t n = concert_scenario_forum_member_count(s, f);
  double *need = malloc((n + 1) * sizeof *need), *phi = malloc((n + 1) * sizeof *phi);
  if (M) M->m = calloc(n + 1, sizeof *M->m);
  if (!M || !M->m || !need || !phi) {
    concert_measures_free(M);
    free(need), free(phi);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  M->o = o;
  M->n = n;
  M->cost = opt->cost;
  for (size_t i = 0; i < n; i++) {
    M->m[i].actor = concert_scenario_forum_member(s, f, i);
    for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
      M->m[i].cover[k] = CONCERT_COVER_NOT_COVERED;
      M->m[i].value[k] = NAN;
    }
  }
  for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++)
    M->cov.share[k] = M->cov.forum[k] = M->cov.world[k] = NAN;
  if (w) coverage(M, s, w, opt->year);
  balance(M, s);
  burden(M, s, need, phi);
  M->prox.distance = M->prox.share_closer = NAN;
  if (opt->actor) proximity(M, s, a);
  free(need), free(phi);
  *out = M;
  return CONCERT_OK;
}

concert_coverage concert_measures_coverage(const concert_measures *m) {
  concert_coverage c = {0};
  return m ? m->cov : c;
}

concert_cover concert_measures_member_cover(const concert_measures *m, size_t i,
                                            concert_indicator ind, double *value) {
  if (value) *value = NAN;
  if (!m || i >= m->n || (unsigned)ind >= CONCERT_INDICATOR_COUNT) return CONCERT_COVER_NOT_COVERED;
  if (value) *value = m->m[i].value[ind];
  return m->m[i].cover[ind];
}

concert_balance concert_measures_balance(const concert_measures *m) {
  concert_balance b = {NAN, 0, NAN, NAN, 0, NAN};
  return m ? m->bal : b;
}

concert_proximity concert_measures_proximity(const concert_measures *m) {
  concert_proximity p = {.distance = NAN, .share_closer = NAN};
  return m ? m->prox : p;
}

double concert_measures_burden(const concert_measures *m, size_t i, double *by_share,
                               double *by_shapley) {
  if (by_share) *by_share = NAN;
  if (by_shapley) *by_shapley = NAN;
  if (!m) return NAN;
  if (i < m->n) {
    if (by_share) *by_share = m->m[i].by_share;
    if (by_shapley) *by_shapley = m->m[i].by_shapley;
  }
  return m->cost;
}
