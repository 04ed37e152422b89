/* test_validation_run.c: the validation run: hand-computed losses on tests/data/deu_ok.tsv,
 * the baselines on the shipped DEU file against an independent awk computation, the EU
 * capability tables, bootstrap determinism and coverage, a stand-in multi-issue model, and
 * bad options. */
#include <check.h>
#include <concert.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "model/model_i.h"
#include "validation/validation_i.h"

#define DATA(name) CONCERT_SRCDIR "/tests/data/" name
#define DEU_FILE CONCERT_SRCDIR "/data/decisions/deu3_blksv.tsv"
/* every registered model; the fitted two-stage row is left out of the full-file runs here,
 * it takes about a minute under the sanitizers */
#define REGISTRY "compromise,median,nash,eum,exchange,smp"

static const concert_validation_row *row(const concert_validation *v, const char *name) {
  for (size_t i = 0; i < concert_validation_row_count(v); i++)
    if (strcmp(concert_validation_row_at(v, i)->name, name) == 0)
      return concert_validation_row_at(v, i);
  ck_abort_msg("no row %s", name);
  return NULL;
}

static concert_deu *load(const char *path) {
  concert_deu *d = NULL;
  ck_assert_int_eq(concert_deu_load(path, NULL, &d, NULL), CONCERT_OK);
  return d;
}

/* deu_ok.tsv, scored issues P1i1 (out 60), P1i2 (out 20), P3i1 (out 100); P2i1 has no
 * outcome and P3i2 only 2 participants. Hand computation:
 *  mean:          P1i1 (100+80+40+60+20)/5 = 60, P1i2 (0+50+30+10)/4 = 22.5 (pde is 999),
 *                 P3i1 (100+100+0+50)/4 = 62.5 -> errors 0, 2.5, 37.5, MAE 40/3
 *  salience-mean: P1i1 16000/250 = 64, P1i2 3200/220, P3i1 8500/160 = 53.125
 *                 -> errors 4, 5.4545..., 46.875
 *  reference:     P1i1 |0-60| = 60, P3i1 |50-100| = 50 -> MAE 55 on 2, 1 skipped
 *  commission:    40, 20, 0 -> MAE 20
 *  compromise (qmv-votes, shares 0.2): P1i1 members de 29 fr 29 mt 3 = 61, com = ep = 12.2;
 *                 weights 6.1, 6.1, 29, 14.5, 0 -> 3128 / 55.7 = 56.157989... */
START_TEST(hand_computed) {
  concert_deu *d = load(DATA("deu_ok.tsv"));
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 200;
  concert_validation *v = NULL;
  concert_diag dg;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_OK);
  ck_assert_uint_eq(concert_validation_scored(v), 3);
  ck_assert_uint_eq(concert_validation_unscored(v), 2);
  ck_assert_uint_eq(concert_validation_proposals(v), 2); /* P1 and P3 */
  const concert_validation_row *m = row(v, "mean");
  ck_assert_uint_eq(m->n, 3);
  ck_assert_double_eq_tol(m->mae, 40.0 / 3, 1e-12);
  ck_assert_double_eq_tol(m->median_ae, 2.5, 1e-12);
  ck_assert_double_eq_tol(m->hit_rate, 2.0 / 3, 1e-12);
  ck_assert_double_eq_tol(m->rmse, sqrt((0 + 6.25 + 1406.25) / 3), 1e-12);
  ck_assert(isnan(m->diff));
  const concert_validation_row *s = row(v, "salience-mean");
  double e2 = fabs(3200.0 / 220 - 20);
  ck_assert_double_eq_tol(s->mae, (4 + e2 + 46.875) / 3, 1e-12);
  ck_assert_uint_eq(s->n_paired, 3);
  ck_assert_double_eq_tol(s->diff, (4 + (e2 - 2.5) + (46.875 - 37.5)) / 3, 1e-12);
  const concert_validation_row *r = row(v, "reference-point");
  ck_assert_uint_eq(r->n, 2);
  ck_assert_uint_eq(r->skipped, 1);
  ck_assert_double_eq_tol(r->mae, 55, 1e-12);
  ck_assert_double_eq_tol(row(v, "commission")->mae, 20, 1e-12);
  const concert_validation_row *c = row(v, "compromise");
  ck_assert_int_eq(c->kind, CONCERT_VALIDATION_MODEL);
  ck_assert_double_eq_tol(concert_validation_prediction(v, 3 + 1, 0), 3128 / 55.7, 1e-9);
  ck_assert_str_eq(concert_validation_row_at(v, 4)->name, "compromise");
  /* nash refuses P1i2, which has no reference point */
  const concert_validation_row *n = row(v, "nash");
  ck_assert_uint_eq(n->n, 2);
  ck_assert_uint_eq(n->skipped, 1);
  ck_assert_ptr_nonnull(strstr(n->note, "P1i2"));
  concert_validation_free(v);
  concert_validation_free(NULL);
  concert_deu_free(d);
}
END_TEST

/* The baselines on the shipped file, computed independently with
 *   awk -F'\t' 'NR>2{gsub(/"/,""); o=$75; if(o==""||o<0||o>100) next; n=0;s=0;sw=0;sx=0;
 *     for(i=14;i<=43;i++){p=$i;q=$(i+30); if(p!=""&&q!=""&&p>=0&&p<=100&&q>=0&&q<=100)
 *     {n++;s+=p;sw+=q;sx+=q*p}} if(n<3) next; m=s/n; e=m-o; E+=(e<0?-e:e);
 *     w=(sw>0?sx/sw:m); f=w-o; F+=(f<0?-f:f); N++; if($74!=""){r=$74-o; R+=(r<0?-r:r);
 *     NR2++}} END{printf "%d %.6f %.6f %d %.6f\n",N,E/N,F/N,NR2,R/NR2}' deu3_blksv.tsv
 * which prints 232 23.712030 23.988352 165 52.551515. */
START_TEST(baselines_on_deu) {
  concert_deu *d = load(DEU_FILE);
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 500;
  o.models = REGISTRY; /* two-stage is tested on small files (test_validation_cv) */
  concert_validation *v = NULL;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_validation_scored(v), 232);
  ck_assert_uint_eq(concert_validation_unscored(v), 10);
  ck_assert_double_eq_tol(row(v, "mean")->mae, 23.712030, 1e-6);
  ck_assert_double_eq_tol(row(v, "salience-mean")->mae, 23.988352, 1e-6);
  ck_assert_uint_eq(row(v, "reference-point")->n, 165);
  ck_assert_double_eq_tol(row(v, "reference-point")->mae, 52.551515, 1e-6);
  /* every computed row's CI brackets its point estimate and lies in [0, 100] */
  for (size_t i = 0; i < concert_validation_row_count(v); i++) {
    const concert_validation_row *r = concert_validation_row_at(v, i);
    if (r->kind == CONCERT_VALIDATION_PUBLISHED) {
      ck_assert(isnan(r->mae_lo));
      ck_assert(strlen(r->source) > 0);
      continue;
    }
    ck_assert_msg(r->mae_lo <= r->mae && r->mae <= r->mae_hi, "%s", r->name);
    ck_assert(r->mae_lo >= 0 && r->mae_hi <= 100);
    ck_assert(r->median_ae >= 0 && r->hit_rate >= 0 && r->hit_rate <= 1);
    ck_assert(r->rmse >= r->mae - 1e-12); /* RMSE >= MAE (Jensen) */
    if (!isnan(r->diff))
      ck_assert_msg(r->diff_lo <= r->diff && r->diff <= r->diff_hi, "%s", r->name);
  }
  /* the compromise model (default configuration) against the PROVENANCE-checked prototype */
  ck_assert_double_eq_tol(row(v, "compromise")->mae, 22.776, 1e-3);
  concert_validation_free(v);
  concert_deu_free(d);
}
END_TEST

START_TEST(bootstrap_deterministic) {
  concert_deu *d = load(DEU_FILE);
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 300;
  o.seed = 42;
  o.models = REGISTRY;
  concert_validation *a = NULL, *b = NULL, *c = NULL, *z = NULL;
  ck_assert_int_eq(concert_validation_run(d, &o, &a, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_validation_run(d, &o, &b, NULL), CONCERT_OK);
  o.seed = 43;
  ck_assert_int_eq(concert_validation_run(d, &o, &c, NULL), CONCERT_OK);
  o.bootstrap = 0;
  ck_assert_int_eq(concert_validation_run(d, &o, &z, NULL), CONCERT_OK);
  const concert_validation_row *ra = row(a, "compromise"), *rb = row(b, "compromise"),
                               *rc = row(c, "compromise"), *rz = row(z, "compromise");
  ck_assert(ra->mae_lo == rb->mae_lo && ra->mae_hi == rb->mae_hi);
  ck_assert(ra->diff_lo == rb->diff_lo && ra->diff_hi == rb->diff_hi);
  ck_assert(ra->mae_lo != rc->mae_lo || ra->mae_hi != rc->mae_hi);
  ck_assert(ra->mae == rc->mae);
  ck_assert(isnan(rz->mae_lo) && isnan(rz->diff_hi));
  /* the cluster bootstrap over proposals: deterministic too, and it brackets the MAE */
  concert_validation *p1 = NULL, *p2 = NULL;
  o.bootstrap = 300;
  o.seed = 42;
  o.resample = CONCERT_RESAMPLE_PROPOSALS;
  ck_assert_int_eq(concert_validation_run(d, &o, &p1, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_validation_run(d, &o, &p2, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_validation_proposals(p1), 91);
  for (size_t i = 0; i < concert_validation_row_count(p1); i++) {
    const concert_validation_row *x = concert_validation_row_at(p1, i),
                                 *y = concert_validation_row_at(p2, i);
    if (x->kind == CONCERT_VALIDATION_PUBLISHED) continue;
    ck_assert(x->mae_lo == y->mae_lo && x->mae_hi == y->mae_hi);
    ck_assert_msg(x->mae_lo <= x->mae && x->mae <= x->mae_hi, "%s", x->name);
  }
  ck_assert(row(p1, "compromise")->mae_lo != ra->mae_lo);
  concert_validation_free(p1);
  concert_validation_free(p2);
  ck_assert(rz->mae == ra->mae);
  char *ja = NULL, *jb = NULL;
  ck_assert_int_eq(concert_validation_to_json(a, &ja, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_validation_to_json(b, &jb, NULL), CONCERT_OK);
  ck_assert_str_eq(ja, jb);
  ck_assert_ptr_nonnull(strstr(ja, "\"name\": \"compromise\""));
  free(ja);
  free(jb);
  concert_validation_free(a);
  concert_validation_free(b);
  concert_validation_free(c);
  concert_validation_free(z);
  concert_deu_free(d);
}
END_TEST

START_TEST(capability_tables) {
  const char *codes[] = {"de", "fr", "it", "uk", "es", "pl", "ro", "nl", "be", "cz",
                         "el", "hu", "pt", "at", "bu", "se", "dk", "ie", "lt", "sk",
                         "fi", "cr", "cy", "ee", "lv", "lu", "si", "mt"};
  double votes = 0, ssi = 0;
  for (size_t i = 0; i < 28; i++) {
    votes += concert_eu_member_capability(CONCERT_EU_CAP_QMV_VOTES, codes[i]);
    ssi += concert_eu_member_capability(CONCERT_EU_CAP_QMV_SSI, codes[i]);
  }
  ck_assert_double_eq(votes, 352); /* Nice votes in the EU-28 */
  ck_assert_double_eq_tol(ssi, 1, 1e-12);
  ck_assert_double_eq(concert_eu_member_capability(CONCERT_EU_CAP_QMV_VOTES, "de"), 29);
  ck_assert_double_eq(concert_eu_member_capability(CONCERT_EU_CAP_QMV_VOTES, "es"), 27);
  ck_assert_double_eq(concert_eu_member_capability(CONCERT_EU_CAP_QMV_VOTES, "mt"), 3);
  double de = concert_eu_member_capability(CONCERT_EU_CAP_QMV_SSI, "de");
  double fr = concert_eu_member_capability(CONCERT_EU_CAP_QMV_SSI, "fr");
  double es = concert_eu_member_capability(CONCERT_EU_CAP_QMV_SSI, "es");
  double mt = concert_eu_member_capability(CONCERT_EU_CAP_QMV_SSI, "mt");
  ck_assert_double_eq_tol(de, fr, 1e-15); /* equal weights, equal power */
  ck_assert(de > es && es > mt && mt > 0);
  /* an independent Monte Carlo (200,000 random orderings of the 28 members, counting who
   * brings the running total to 260 votes; python3, seed 5) gave de 0.0841, es 0.0790,
   * mt 0.0082, with a standard error of about 0.0006 */
  ck_assert_double_eq_tol(de, 0.0841, 0.002);
  ck_assert_double_eq_tol(es, 0.0790, 0.002);
  ck_assert_double_eq_tol(mt, 0.0082, 0.001);
  ck_assert(isnan(concert_eu_member_capability(CONCERT_EU_CAP_QMV_VOTES, "com")));
  ck_assert(isnan(concert_eu_member_capability(CONCERT_EU_CAP_POPULATION, "xx")));
  ck_assert_double_eq(concert_eu_member_capability(CONCERT_EU_CAP_EQUAL, "xx"), 1);
  ck_assert_double_eq(concert_eu_member_capability(CONCERT_EU_CAP_POPULATION, "mt"), 414508);
  concert_eu_capability c;
  for (int i = 0; i <= (int)CONCERT_EU_CAP_EQUAL; i++) {
    ck_assert_int_eq(concert_eu_capability_parse(concert_eu_capability_name(i), &c), CONCERT_OK);
    ck_assert_int_eq(c, i);
  }
  ck_assert_int_eq(concert_eu_capability_parse("nice", &c), CONCERT_ERR_INVALID);
  ck_assert_str_eq(concert_eu_capability_name((concert_eu_capability)99), "");
}
END_TEST

/* A two-issue stand-in: the compromise outcome on each issue. Run per proposal, it must
 * give the compromise's predictions where a proposal has two scored issues and skip the
 * rest. It also checks that absent actors (salience 0) do not move the outcome. */
static concert_status pair_solve(const concert_params *params, const concert_problem *p,
                                 concert_solution *sol, concert_diag *d) {
  double out[8], x[64], w[64];
  for (size_t k = 0; k < p->n_issues; k++) {
    for (size_t a = 0; a < p->n_actors; a++) {
      x[a] = p->position[a * p->n_issues + k];
      w[a] = p->capability[a] * p->salience[a * p->n_issues + k];
    }
    out[k] = concert_i_weighted_mean(p->n_actors, x, w);
  }
  concert_i_solution_set_outcome(sol, out);
  return CONCERT_OK;
}
static const concert_model pair_model = {
    .name = "pair", .summary = "test", .min_issues = 2, .solve = pair_solve};

/* A model that answers NaN: its issues count as skipped, its losses stay NaN. */
static concert_status nan_solve(const concert_params *params, const concert_problem *p,
                                concert_solution *sol, concert_diag *d) {
  double out[8];
  for (size_t k = 0; k < p->n_issues; k++) out[k] = NAN;
  concert_i_solution_set_outcome(sol, out);
  return CONCERT_OK;
}
static const concert_model nan_model = {
    .name = "nan", .summary = "test", .min_issues = 1, .solve = nan_solve};

START_TEST(multi_issue_model) {
  concert_deu *d = load(DATA("deu_ok.tsv"));
  const concert_model *ms[] = {concert_model_find("compromise"), &pair_model, &nan_model};
  concert_validation *v = NULL;
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 10;
  ck_assert_int_eq(concert_i_validation_run_models(d, &o, ms, 3, &v, NULL), CONCERT_OK);
  const concert_validation_row *nn = row(v, "nan");
  ck_assert_uint_eq(nn->n, 0);
  ck_assert_uint_eq(nn->skipped, 3);
  ck_assert(isnan(nn->mae) && isnan(nn->mae_lo) && isnan(nn->diff));
  ck_assert_ptr_nonnull(strstr(nn->note, "finite"));
  const concert_validation_row *p = row(v, "pair");
  ck_assert_uint_eq(p->n, 2);       /* P1i1, P1i2 */
  ck_assert_uint_eq(p->skipped, 1); /* P3 has one scored issue */
  ck_assert_ptr_nonnull(strstr(p->note, "P3"));
  /* P1i1 has the same participants as the union: the same prediction */
  ck_assert_double_eq_tol(concert_validation_prediction(v, 5, 0),
                          concert_validation_prediction(v, 4, 0), 1e-12);
  /* P1i2: de is absent (salience 0) but, being in the union, counts in the members' total
   * that sets the institutions' weight: com = ep = 0.2 x 61 = 12.2; weights com 12.2 x 1,
   * ep 12.2 x 0.2, fr 29 x 0.6, mt 3 x 0.4 -> (0 + 122 + 522 + 12) / 33.24 */
  ck_assert_double_eq_tol(concert_validation_prediction(v, 5, 1), 656 / 33.24, 1e-9);
  ck_assert(isnan(concert_validation_prediction(v, 5, 2)));
  concert_validation_free(v);
  concert_deu_free(d);
}
END_TEST

START_TEST(bad_options) {
  concert_deu *d = load(DATA("deu_ok.tsv"));
  concert_validation_options o;
  concert_validation *v = (concert_validation *)1;
  concert_diag dg;
  concert_validation_options_default(&o);
  o.commission_share = NAN;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_ERR_RANGE);
  ck_assert_str_eq(dg.path, "commission_share");
  ck_assert_ptr_null(v);
  concert_validation_options_default(&o);
  o.parliament_share = -1;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_ERR_RANGE);
  concert_validation_options_default(&o);
  o.min_actors = 0;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_ERR_RANGE);
  concert_validation_options_default(&o);
  o.resample = (concert_resample)7;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_ERR_INVALID);
  concert_validation_options_default(&o);
  o.models = "compromise,nosuch";
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_ERR_UNKNOWN_ID);
  ck_assert_str_eq(dg.path, "models");
  /* model parameters: the form MODEL.key=value, a known model, a key and value it takes */
  const char *bad_params[] = {
      "eum.q=2",        "eum.nosuch=1",          "nosuch.q=1", "eumq=1", "eum.q",
      "eum.risk=bogus", "eum.q=0.5,eum.rounds=0"};
  const concert_status want[] = {
      CONCERT_ERR_RANGE,  CONCERT_ERR_UNKNOWN_FIELD, CONCERT_ERR_UNKNOWN_ID, CONCERT_ERR_SYNTAX,
      CONCERT_ERR_SYNTAX, CONCERT_ERR_INVALID,       CONCERT_ERR_RANGE};
  for (size_t i = 0; i < sizeof bad_params / sizeof *bad_params; i++) {
    concert_validation_options_default(&o);
    o.model_params = bad_params[i];
    ck_assert_msg(concert_validation_run(d, &o, &v, &dg) == want[i], "%s: %s", bad_params[i],
                  dg.message);
    ck_assert_str_eq(dg.path, "model_params");
    ck_assert_ptr_null(v);
  }
  concert_validation_options_default(&o);
  o.reference = "nosuchrow";
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_ERR_NOT_FOUND);
  concert_validation_options_default(&o);
  o.min_actors = 50; /* no issue has 50 participants */
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_ERR_EMPTY);
  concert_validation_options_default(&o);
  o.capability = CONCERT_EU_CAP_GDP; /* deu_ok.tsv has a capability row */
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_OK);
  concert_validation_free(v);
  ck_assert_int_eq(concert_validation_run(NULL, &o, &v, &dg), CONCERT_ERR_ARGUMENT);
  concert_deu_free(d);
  /* an actor code the Council tables do not know */
  d = load(DATA("deu_unknown_actor.tsv"));
  concert_validation_options_default(&o);
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_ERR_UNKNOWN_ID);
  ck_assert_str_eq(dg.path, "xx");
  o.capability = CONCERT_EU_CAP_EQUAL;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_OK);
  concert_validation_free(v);
  concert_deu_free(d);
}
END_TEST

/* The per-issue forecasts as CSV, on deu_ok.tsv (values as in hand_computed). */
START_TEST(forecasts_csv) {
  concert_deu *d = load(DATA("deu_ok.tsv"));
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 0;
  o.models = "compromise,nash";
  concert_validation *v = NULL;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_validation_issue(v, 0), 0); /* P1i1 */
  ck_assert_uint_eq(concert_validation_issue(v, 1), 1); /* P1i2 */
  ck_assert_uint_eq(concert_validation_issue(v, 2), 3); /* P3i1 (P2i1 has no outcome) */
  ck_assert_uint_eq(concert_validation_issue(v, 3), SIZE_MAX);
  char *csv = NULL;
  size_t len = 0;
  concert_diag dg;
  FILE *mem = open_memstream(&csv, &len);
  ck_assert_ptr_nonnull(mem);
  ck_assert_int_eq(concert_validation_write_csv(v, d, mem, &dg), CONCERT_OK);
  ck_assert_int_eq(fclose(mem), 0);
  /* header, then one line per scored issue and computed row: the fold, the forecast and its
   * 50% and 80% intervals (test_validation_cv checks the intervals by hand) */
  char *save = NULL, *line = strtok_r(csv, "\n", &save);
  ck_assert_str_eq(line, "issue,proposal,procedure,fold,outcome,row,forecast,lo50,hi50,lo80,hi80");
  const char *rows[] = {"mean",       "salience-mean", "reference-point",
                        "commission", "compromise",    "nash"};
  const char *issues[] = {"P1i1,P1,COD,1,60,", "P1i2,P1,COD,1,20,", "P3i1,P3,CNS,0,100,"};
  char *lines[3][6];
  for (size_t j = 0; j < 3; j++)
    for (size_t i = 0; i < 6; i++) {
      line = strtok_r(NULL, "\n", &save);
      ck_assert_ptr_nonnull(line);
      char key[64];
      snprintf(key, sizeof key, "%s%s,", issues[j], rows[i]);
      ck_assert_msg(strncmp(line, key, strlen(key)) == 0, "'%s' does not start '%s'", line, key);
      lines[j][i] = line + strlen(key);
    }
  ck_assert_ptr_null(strtok_r(NULL, "\n", &save));
  /* P1i1 is in fold 1; its only other-fold issue, P3i1, missed the mean by 37.5, so every
   * bound of the mean's interval is 60 + 37.5 */
  ck_assert_str_eq(lines[0][0], "60,97.5,97.5,97.5,97.5");
  ck_assert_int_eq(strncmp(lines[0][1], "64,", 3), 0);
  /* the compromise forecast reads back the hand-computed 3128/55.7 exactly */
  ck_assert_double_eq_tol(strtod(lines[0][4], NULL), 3128 / 55.7, 1e-12);
  /* P1i2: no reference point, so reference-point and nash are empty cells; the Commission
   * sits at 0 */
  ck_assert_str_eq(lines[1][0], "22.5,60,60,60,60");
  ck_assert_str_eq(lines[1][2], ",,,,");
  ck_assert_str_eq(lines[1][3], "0,0,0,0,0");
  ck_assert_str_eq(lines[1][5], ",,,,");
  /* P3i1 (fold 0): the mean's errors on P1 are 0 and -2.5, so its sample is {60, 62.5} */
  ck_assert_str_eq(lines[2][0], "62.5,60.625,61.875,60.25,62.25");
  ck_assert_int_eq(strncmp(lines[2][1], "53.125,", 7), 0);
  free(csv);
  ck_assert_int_eq(concert_validation_write_csv(v, NULL, stdout, &dg), CONCERT_ERR_ARGUMENT);
  concert_validation_free(v);
  concert_deu_free(d);
}
END_TEST

/* The score table as tidy CSV on deu_ok.tsv: the mean row's measures recomputed by hand
 * (errors 0, 2.5, 37.5; see hand_computed), the published rows' figures only, a quoted name. */
START_TEST(scores_csv) {
  /* the kind names the text, JSON and CSV outputs share */
  ck_assert_str_eq(concert_validation_kind_name(CONCERT_VALIDATION_BASELINE), "baseline");
  ck_assert_str_eq(concert_validation_kind_name(CONCERT_VALIDATION_MODEL), "model");
  ck_assert_str_eq(concert_validation_kind_name(CONCERT_VALIDATION_PUBLISHED), "published");
  ck_assert_str_eq(concert_validation_kind_name(CONCERT_VALIDATION_FITTED), "fitted");
  concert_deu *d = load(DATA("deu_ok.tsv"));
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 0;
  o.models = "compromise";
  concert_validation *v = NULL;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, NULL), CONCERT_OK);
  char *csv = NULL;
  size_t len = 0;
  concert_diag dg;
  FILE *mem = open_memstream(&csv, &len);
  ck_assert_ptr_nonnull(mem);
  ck_assert_int_eq(concert_validation_write_scores_csv(v, mem, &dg), CONCERT_OK);
  ck_assert_int_eq(fclose(mem), 0);
  char *save = NULL, *line = strtok_r(csv, "\n", &save);
  ck_assert_str_eq(line, "row,kind,n,skipped,measure,value,ci_low,ci_high");
  /* the mean row: ten measures; no bootstrap, so no CI; it is the reference, so no diff.
   * Intervals (10 folds capped at 2 proposals: P1 in fold 1, P3 in fold 0): P1i1's sample
   * is {60 + 37.5}, P1i2's {22.5 + 37.5}, P3i1's {62.5 + 0, 62.5 - 2.5}, so no outcome (60,
   * 20, 100) is inside a 50% or 80% interval. CRPS: 37.5, 40, and for P3i1
   * (40 + 37.5)/2 - 2 x 2.5 / 8 = 38.125. IS80: 10 x 37.5, 10 x 40, and for P3i1's
   * [60.25, 62.25] 2 + 10 x 37.75. */
  const char *measure[] = {"mae",      "median_ae", "hit_rate", "rmse", "diff",
                           "n_paired", "cov50",     "cov80",    "crps", "is80"};
  const double value[] = {(0 + 2.5 + 37.5) / 3,
                          2.5,
                          2.0 / 3,
                          sqrt((0 + 6.25 + 1406.25) / 3),
                          NAN,
                          NAN, /* n_paired: whatever the run counts, checked below */
                          0,
                          0,
                          (37.5 + 40 + 38.125) / 3,
                          (375 + 400 + 2 + 377.5) / 3};
  for (size_t k = 0; k < 10; k++) {
    line = strtok_r(NULL, "\n", &save);
    char key[64];
    snprintf(key, sizeof key, "mean,baseline,3,0,%s,", measure[k]);
    ck_assert_msg(strncmp(line, key, strlen(key)) == 0, "'%s' does not start '%s'", line, key);
    const char *cell = line + strlen(key);
    if (k == 5) {
      ck_assert_int_eq(atoi(cell), (int)row(v, "mean")->n_paired);
    } else if (isnan(value[k])) {
      ck_assert_str_eq(cell, ",,"); /* an undefined number is an empty cell */
    } else {
      char *end;
      ck_assert_double_eq_tol(strtod(cell, &end), value[k], 1e-12);
      ck_assert_str_eq(end, ",,"); /* ci_low and ci_high empty */
    }
  }
  int published = 0, quoted = 0, computed_lines = 10;
  while ((line = strtok_r(NULL, "\n", &save))) {
    if (strstr(line, ",published,")) {
      published++;
      /* only what the source gives: never diff, n_paired or the interval measures */
      ck_assert_ptr_null(strstr(line, ",diff,"));
      ck_assert_ptr_null(strstr(line, ",n_paired,"));
      ck_assert_ptr_null(strstr(line, ",cov50,"));
      ck_assert_ptr_null(strstr(line, ",rmse,"));
      quoted += strcmp(line, "\"compromise (hamzagul07, 351)\",published,351,0,mae,22.99,,") == 0;
    } else {
      computed_lines++;
    }
  }
  ck_assert_int_eq(computed_lines, 5 * 10); /* 4 baselines and compromise, 10 measures each */
  ck_assert_int_eq(quoted, 1);
  ck_assert_int_gt(published, 6);
  free(csv);
  ck_assert_int_eq(concert_validation_write_scores_csv(NULL, stdout, &dg), CONCERT_ERR_ARGUMENT);
  concert_validation_free(v);
  concert_deu_free(d);
}
END_TEST

/* Model parameters reach the model: one EUM round differs from ten on the shipped file, the
 * row is named after them, and other models keep their defaults. */
START_TEST(model_parameters) {
  concert_deu *d = load(DEU_FILE);
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 0;
  o.models = "compromise,eum";
  concert_validation *ten = NULL, *one = NULL;
  ck_assert_int_eq(concert_validation_run(d, &o, &ten, NULL), CONCERT_OK);
  o.model_params = "eum.rounds=1";
  ck_assert_int_eq(concert_validation_run(d, &o, &one, NULL), CONCERT_OK);
  ck_assert_str_eq(row(one, "eum (rounds=1)")->name, "eum (rounds=1)");
  ck_assert_ptr_nonnull(strstr(row(one, "eum (rounds=1)")->note, "parameters: rounds=1"));
  ck_assert_str_eq(concert_validation_options_used(one)->model_params, "eum.rounds=1");
  ck_assert_double_eq(row(one, "compromise")->mae, row(ten, "compromise")->mae);
  size_t differ = 0, scored = concert_validation_scored(one);
  for (size_t j = 0; j < scored; j++) /* rows: 4 baselines, compromise, eum */
    differ += concert_validation_prediction(one, 5, j) != concert_validation_prediction(ten, 5, j);
  ck_assert_uint_gt(differ, 0);
  ck_assert_double_ne(row(one, "eum (rounds=1)")->mae, row(ten, "eum")->mae);
  concert_validation_free(one);
  concert_validation_free(ten);
  concert_deu_free(d);
}
END_TEST

int main(void) {
  Suite *s = suite_create("validation-run");
  TCase *tc = tcase_create("run");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, hand_computed);
  tcase_add_test(tc, baselines_on_deu);
  tcase_add_test(tc, bootstrap_deterministic);
  tcase_add_test(tc, capability_tables);
  tcase_add_test(tc, multi_issue_model);
  tcase_add_test(tc, bad_options);
  tcase_add_test(tc, forecasts_csv);
  tcase_add_test(tc, scores_csv);
  tcase_add_test(tc, model_parameters);
  suite_add_tcase(s, tc);
  return concert_test_run(s);
}
