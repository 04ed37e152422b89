/* cmd_solve.c: `concert solve FILE`: the bargaining model alone on a forum, round by round. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run_options.h"

static void print_text(const concert_scenario *s, size_t f, const concert_solution *sol,
                       const char **issue_ids, const char *model) {
  size_t n = concert_solution_actors(sol), m = concert_solution_issues(sol);
  printf("%s\nForum %s, model %s: %zu actors, %zu issues, %zu recorded rounds (%s)\n",
         concert_scenario_name(s), concert_scenario_forum_id(s, f), model, n, m,
         concert_solution_rounds(sol), concert_solution_stop_reason(sol));
  for (size_t k = 0; k < m; k++) {
    printf("\n%s\n  round   forecast       mean\n", issue_ids[k]);
    for (size_t r = 0; r < concert_solution_rounds(sol); r++) {
      double fc = concert_solution_round_outcome(sol, r, k), mn = concert_solution_round_mean(sol, r, k);
      printf("  %5zu  ", r);
      if (isnan(fc)) printf("%9s", "-");
      else printf("%9.4f", fc);
      if (isnan(mn)) printf("  %9s\n", "-");
      else printf("  %9.4f\n", mn);
    }
    printf("  outcome %.4f; final positions:", concert_solution_outcome(sol, k));
    size_t last = concert_solution_rounds(sol) - 1;
    for (size_t a = 0; a < n; a++)
      printf(" %s %.4g", concert_scenario_actor_id(s, concert_scenario_forum_member(s, f, a)),
             concert_solution_position(sol, last, a, k));
    printf("\n");
  }
}

static const cli_opt *const opts[] = {&cli_o_forum,     &cli_o_model,  &cli_o_param,
                                     &cli_o_reversion, &cli_o_format, NULL};
const cli_spec concert_cli_solve_spec = {
    "solve", "FILE", 1, 1, "text|json|csv", opts,
    "Runs the model alone on the forum's members over its agenda (no summit protocol)\n"
    "and prints every round: the forecast, the mean and (json, csv) every position."};

int concert_cli_solve(int argc, char **argv) {
  run_options ro = {.reversion = NAN};
  const char *file = NULL;
  int rc = run_options_parse(&concert_cli_solve_spec, argc, argv, &ro, &file);
  if (rc >= 0) goto out;
  int ok;
  const concert_model *model = run_options_model(&ro, "solve", &ok);
  rc = ok ? 1 : 2;
  if (!ok) goto out;
  concert_scenario *s = run_options_load(&ro, file, "solve");
  if (!s) goto out;
  size_t f;
  if (!run_options_forum(s, ro.forum, file, "solve", &f)) {
    concert_scenario_free(s);
    goto out;
  }
  concert_diag d;
  concert_diag_clear(&d);
  concert_solution *sol = NULL;
  concert_status st = concert_forum_solve(s, f, model, ro.mparams, &sol, &d);
  size_t n = concert_scenario_forum_member_count(s, f), m = sol ? concert_solution_issues(sol) : 0;
  const char **aids = malloc((n ? n : 1) * sizeof *aids), **iids = malloc((m ? m : 1) * sizeof *iids);
  if (!st && (!aids || !iids)) st = CONCERT_ERR_NOMEM, d.status = st;
  if (!st) {
    /* the solution's issues are the agenda's, in order (concert_forum_solve) */
    for (size_t k = 0; k < m; k++)
      iids[k] = concert_scenario_issue_id(s, concert_forum_agenda_issue(s, f, k));
    for (size_t a = 0; a < n; a++) aids[a] = concert_scenario_actor_id(s, concert_scenario_forum_member(s, f, a));
  }
  if (st) {
    concert_cli_report("solve", st, &d);
  } else if (ro.format == 2) {
    st = concert_solution_write_csv(sol, aids, iids, stdout);
  } else if (ro.format == 1) {
    char *json = NULL;
    st = concert_solution_to_json(sol, aids, iids, &json, &d);
    if (st) concert_cli_report("solve", st, &d);
    else printf("%s\n", json);
    free(json);
  } else {
    print_text(s, f, sol, iids, model ? concert_model_name(model) : concert_scenario_model(s));
  }
  rc = st ? 1 : 0;
  free(aids), free(iids);
  concert_solution_free(sol);
  concert_scenario_free(s);
out:
  run_options_free(&ro);
  return rc;
}
