/* test_smp_reference.c: the smp model against KTAB's 2017 reference logs
 * (data/ktab/reference/): every turn's fractional change, every actor's winning
 * probability and every position, compared at the precision KTAB prints (4 decimals for
 * changes and probabilities, 1 decimal on the 0..100 scale for positions). Tolerance:
 * the value concert prints with KTAB's format must be the same string. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>

#include "model/smp_i.h"
#include "check_main.h"

#define REF CONCERT_SRCDIR "/data/ktab/"
#define MAX_TOK 128

/* One reference run: rows of tokens keyed by a label. */
typedef struct ref_row {
  char label[96];          /* "SActor-00, prob" or "XJ, Policy Position" */
  int n;                   /* tokens */
  char tok[MAX_TOK][16];   /* printed values */
} ref_row;

typedef struct ref_log {
  int n_change;            /* fractional-change lines */
  char change[MAX_TOK][16];
  int n_pos, n_prob;       /* rows of positions, of probabilities */
  ref_row pos[64], prob[64];
} ref_log;

static void split_tokens(const char *s, ref_row *r) {
  r->n = 0;
  char buf[4096];
  snprintf(buf, sizeof buf, "%s", s);
  for (char *t = strtok(buf, " \t\r\n"); t && r->n < MAX_TOK; t = strtok(NULL, " \t\r\n"))
    snprintf(r->tok[r->n++], sizeof r->tok[0], "%s", t);
}

/* Reads ref-<name>.prob.txt (changes) and ref-<name>.history.txt (positions, probs). */
static void read_ref(const char *name, ref_log *L) {
  memset(L, 0, sizeof *L);
  char path[512], line[4096];
  snprintf(path, sizeof path, REF "reference/ref-%s.prob.txt", name);
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  while (fgets(line, sizeof line, f)) {
    const char *key = "Fractional change compared to first step:";
    if (strncmp(line, key, strlen(key)) == 0)
      sscanf(line + strlen(key), "%15s", L->change[L->n_change++]);
  }
  fclose(f);
  snprintf(path, sizeof path, REF "reference/ref-%s.history.txt", name);
  f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  int section = 0;
  while (fgets(line, sizeof line, f)) {
    if (strstr(line, "History of actor positions")) section = 1;
    else if (strstr(line, "winning probabilities")) section = 2;
    else if ((section == 1 && strchr(line, ':')) || (section == 2 && strstr(line, ", prob :"))) {
      char *colon = strchr(line, ':');
      ref_row *r = section == 1 ? &L->pos[L->n_pos++] : &L->prob[L->n_prob++];
      snprintf(r->label, sizeof r->label, "%.*s", (int)(colon - line), line);
      split_tokens(colon + 1, r);
    }
  }
  fclose(f);
}

/* Runs the model with KTAB's defaults on the file and compares with the log. */
static void check_reference(const char *csv, const char *name, size_t want_states) {
  char path[512];
  snprintf(path, sizeof path, REF "smp/%s", csv);
  concert_table *t = NULL;
  concert_diag d = {0};
  ck_assert_int_eq(concert_table_load(path, &t, &d), CONCERT_OK);
  concert_problem p;
  concert_table_problem(t, &p);
  size_t n = p.n_actors, m = p.n_issues;
  ref_log *L = malloc(sizeof *L);
  ck_assert_ptr_nonnull(L);
  read_ref(name, L);
  ck_assert_int_eq(L->n_pos, (int)(n * m));
  ck_assert_int_eq(L->n_prob, (int)n);
  /* the public entry point */
  concert_solution *sol = NULL;
  ck_assert_int_eq(concert_model_solve(concert_model_find("smp"), NULL, &p, &sol, &d), CONCERT_OK);
  ck_assert_uint_eq(concert_solution_rounds(sol), want_states);
  ck_assert_str_eq(concert_solution_stop_reason(sol), "converged");
  /* the internal run, for the probabilities and changes */
  smp_config cfg;
  concert_i_smp_config_default(&cfg);
  smp_trace tr;
  concert_solution *sol2 = concert_i_solution_new(&p);
  ck_assert_int_eq(concert_i_smp_run(&p, &cfg, sol2, &tr, &d), CONCERT_OK);
  ck_assert_uint_eq(tr.states, want_states);
  ck_assert_int_eq(L->n_change, (int)want_states - 1);
  char buf[32];
  int mismatches = 0;
  for (size_t s = 1; s < tr.states; s++) {
    snprintf(buf, sizeof buf, "%.4f", tr.change[s]);
    if (strcmp(buf, L->change[s - 1]) != 0) {
      mismatches++;
      fprintf(stderr, "%s turn %zu change %s, KTAB %s\n", name, s, buf, L->change[s - 1]);
    }
  }
  for (size_t a = 0; a < n; a++) {
    ck_assert_int_eq(L->prob[a].n, (int)want_states);
    ck_assert(strncmp(L->prob[a].label, concert_table_actor_id(t, a),
                      strlen(concert_table_actor_id(t, a))) == 0);
    for (size_t s = 0; s < tr.states; s++) {
      snprintf(buf, sizeof buf, "%.4f", tr.prob[s * n + a]);
      if (strcmp(buf, L->prob[a].tok[s]) != 0) {
        mismatches++;
        fprintf(stderr, "%s turn %zu actor %zu prob %s, KTAB %s\n", name, s, a, buf,
                L->prob[a].tok[s]);
      }
    }
    for (size_t k = 0; k < m; k++) {
      const ref_row *r = &L->pos[a * m + k];
      ck_assert_int_eq(r->n, (int)want_states);
      for (size_t s = 0; s < want_states; s++) {
        double x = concert_solution_position(sol, s, a, k);
        ck_assert(fabs(x - concert_solution_position(sol2, s, a, k)) == 0);
        snprintf(buf, sizeof buf, "%.1f", x);
        if (strcmp(buf, r->tok[s]) != 0) {
          mismatches++;
          fprintf(stderr, "%s turn %zu %s %s, KTAB %s\n", name, s, r->label, buf, r->tok[s]);
        }
      }
    }
  }
  ck_assert_int_eq(mismatches, 0);
  /* the forecast: PCE-weighted mean of the final distinct positions, within the hull */
  for (size_t k = 0; k < m; k++) {
    double lo = 100, hi = 0, out = concert_solution_outcome(sol, k);
    for (size_t a = 0; a < n; a++) {
      double x = concert_solution_position(sol, want_states - 1, a, k);
      lo = x < lo ? x : lo;
      hi = x > hi ? x : hi;
    }
    ck_assert(out >= lo - 1e-9 && out <= hi + 1e-9);
    ck_assert(concert_solution_round_outcome(sol, want_states - 1, k) == out);
  }
  free(tr.prob);
  free(tr.change);
  concert_solution_free(sol);
  concert_solution_free(sol2);
  concert_table_free(t);
  free(L);
}

START_TEST(ref_dummy_3dim) { check_reference("dummyData_3Dim.csv", "dummyData_3Dim", 11); }
END_TEST

START_TEST(ref_soe_pol_comp) { check_reference("SOE-Pol-Comp.csv", "SOE-Pol-Comp", 28); }
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("smp-reference");
  TCase *tc = tcase_create("ktab-2017");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, ref_dummy_3dim);
  tcase_add_test(tc, ref_soe_pol_comp);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return concert_test_run(suite());
}
