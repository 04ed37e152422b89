/* solution_csv.c: a model's rounds as tidy long CSV (docs/csv.md): round,issue,actor,
 * quantity,value; per round and issue the forecast and the mean (actor empty), then every
 * actor's position; the final outcome per issue as round "final". */
#include <concert/model.h>
#include <stdio.h>

#include "io/csv_out.h"

static void row(concert_csv_out *c, const char *round, const char *issue, const char *actor,
                const char *quantity, double value) {
  concert_i_csv_text(c, round);
  concert_i_csv_text(c, issue);
  concert_i_csv_text(c, actor);
  concert_i_csv_text(c, quantity);
  concert_i_csv_num(c, value);
  concert_i_csv_end(c);
}

concert_status concert_solution_write_csv(const concert_solution *s, const char *const *actor_ids,
                                          const char *const *issue_ids, FILE *out) {
  if (!s || !out) return CONCERT_ERR_ARGUMENT;
  static const char *const header[] = {"round", "issue", "actor", "quantity", "value", NULL};
  size_t n = concert_solution_actors(s), m = concert_solution_issues(s);
  size_t rounds = concert_solution_rounds(s);
  concert_csv_out c;
  concert_i_csv_init(&c, out);
  concert_i_csv_row(&c, header);
  char rb[24], ib[24], ab[24];
  for (size_t k = 0; k < m; k++) {
    const char *is = issue_ids ? issue_ids[k] : (snprintf(ib, sizeof ib, "#%zu", k), ib);
    for (size_t r = 0; r < rounds; r++) {
      snprintf(rb, sizeof rb, "%zu", r);
      row(&c, rb, is, "", "forecast", concert_solution_round_outcome(s, r, k));
      row(&c, rb, is, "", "mean", concert_solution_round_mean(s, r, k));
      for (size_t a = 0; a < n; a++) {
        const char *ac = actor_ids ? actor_ids[a] : (snprintf(ab, sizeof ab, "#%zu", a), ab);
        row(&c, rb, is, ac, "position", concert_solution_position(s, r, a, k));
      }
    }
    row(&c, "final", is, "", "outcome", concert_solution_outcome(s, k));
  }
  return concert_i_csv_finish(&c, NULL);
}
