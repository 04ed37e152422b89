/* solution_json.c: a model's solution as JSON: every round's positions, forecast and mean. */
#include <jansson.h>
#include <stdio.h>

#include "io/json_out.h"
#include "model/model_i.h"
#include "status/diag.h"

concert_status concert_solution_to_json(const concert_solution *s, const char *const *actor_ids,
                                        const char *const *issue_ids, char **out, concert_diag *d) {
  if (!s || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  size_t n = concert_solution_actors(s), m = concert_solution_issues(s);
  char an[32], in[32];
#define ANAME(a) (actor_ids ? actor_ids[a] : (snprintf(an, sizeof an, "#%zu", (size_t)(a)), an))
#define INAME(k) (issue_ids ? issue_ids[k] : (snprintf(in, sizeof in, "#%zu", (size_t)(k)), in))
  int bad = 0;
  json_t *root = json_object();
  concert_i_json_set(root, "schema", json_string("concert-solution/1"), &bad);
  concert_i_json_set(root, "stop_reason", json_string(concert_solution_stop_reason(s)), &bad);
  json_t *outc = json_object();
  for (size_t k = 0; k < m; k++)
    concert_i_json_set(outc, INAME(k), concert_i_json_num(concert_solution_outcome(s, k)), &bad);
  concert_i_json_set(root, "outcome", outc, &bad);
  json_t *rounds = json_array();
  for (size_t r = 0; r < concert_solution_rounds(s); r++) {
    json_t *x = json_object(), *fc = json_object(), *mn = json_object(), *pos = json_object();
    concert_i_json_set(x, "round", json_integer((json_int_t)r), &bad);
    for (size_t k = 0; k < m; k++) {
      concert_i_json_set(fc, INAME(k), concert_i_json_num(concert_solution_round_outcome(s, r, k)),
                         &bad);
      concert_i_json_set(mn, INAME(k), concert_i_json_num(concert_solution_round_mean(s, r, k)),
                         &bad);
    }
    for (size_t a = 0; a < n; a++) {
      json_t *pa = json_object();
      for (size_t k = 0; k < m; k++)
        concert_i_json_set(pa, INAME(k), concert_i_json_num(concert_solution_position(s, r, a, k)),
                           &bad);
      concert_i_json_set(pos, ANAME(a), pa, &bad);
    }
    concert_i_json_set(x, "forecast", fc, &bad);
    concert_i_json_set(x, "mean", mn, &bad);
    concert_i_json_set(x, "positions", pos, &bad);
    concert_i_json_push(rounds, x, &bad);
  }
  concert_i_json_set(root, "rounds", rounds, &bad);
  json_t *deals = json_array();
  for (size_t i = 0; i < concert_solution_deal_count(s); i++) {
    const concert_deal *dl = concert_solution_deal(s, i);
    json_t *x = json_object();
    concert_i_json_set(x, "round", json_integer((json_int_t)dl->round), &bad);
    concert_i_json_set(x, "a", json_string(ANAME(dl->actor_a)), &bad);
    concert_i_json_set(x, "b", json_string(ANAME(dl->actor_b)), &bad);
    concert_i_json_set(x, "a_gives_on", json_string(INAME(dl->issue_a)), &bad);
    concert_i_json_set(x, "b_gives_on", json_string(INAME(dl->issue_b)), &bad);
    concert_i_json_set(x, "shift_a", concert_i_json_num(dl->shift_a), &bad);
    concert_i_json_set(x, "shift_b", concert_i_json_num(dl->shift_b), &bad);
    concert_i_json_set(x, "gain_a", concert_i_json_num(dl->gain_a), &bad);
    concert_i_json_set(x, "gain_b", concert_i_json_num(dl->gain_b), &bad);
    concert_i_json_push(deals, x, &bad);
  }
  concert_i_json_set(root, "deals", deals, &bad);
#undef ANAME
#undef INAME
  return concert_i_json_finish(root, bad, 12, out, d, "cannot write the solution as JSON");
}
