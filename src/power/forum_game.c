/* forum_game.c: the voting game of a forum's rule for joint texts, so that `concert power`
 * can say how much power each member holds under it (docs/power.md, "A forum's rule"). */
#include <concert/power.h>
#include <concert/scenario.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "power/power_i.h"
#include "status/diag.h"

/* The game's title: "forum ID, N members, rule R" (the rule in words). NULL without memory. */
static char *forum_title(const concert_scenario *s, size_t f, concert_rule r, size_t n) {
  char rule[160];
  switch (r.kind) {
    case CONCERT_RULE_UNANIMITY:
      snprintf(rule, sizeof rule, "unanimity");
      break;
    case CONCERT_RULE_CONSENSUS_MINUS:
      snprintf(rule, sizeof rule, "consensus minus %zu", r.k);
      break;
    case CONCERT_RULE_QUOTA:
      snprintf(rule, sizeof rule, "quota %g of the capability", r.quota);
      break;
    default:
      snprintf(rule, sizeof rule, "double majority: %g of the members and %g of the capability",
               r.member_share, r.quota);
  }
  const char *id = concert_scenario_forum_id(s, f);
  size_t len = strlen(id) + strlen(rule) + 64;
  char *t = malloc(len);
  if (t) snprintf(t, len, "forum %s, %zu members, rule %s", id, n, rule);
  return t;
}

concert_status concert_game_from_forum(concert_game **out, const concert_scenario *s, size_t f,
                                       concert_diag *d) {
  if (!out || !s) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  if (f >= concert_scenario_forum_count(s))
    return CONCERT_FAIL(d, CONCERT_ERR_NOT_FOUND, "no forum %zu", f);
  size_t n = concert_scenario_forum_member_count(s, f);
  double *w = malloc(n * sizeof *w);
  const char **ids = malloc(n * sizeof *ids);
  if (!w || !ids) {
    free(w), free(ids);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < n; i++) {
    size_t a = concert_scenario_forum_member(s, f, i);
    w[i] = concert_scenario_actor_capability(s, a);
    ids[i] = concert_scenario_actor_id(s, a);
  }
  concert_rule r = concert_scenario_forum_rule(s, f);
  concert_power_rule pr = {0};
  switch (r.kind) {
    case CONCERT_RULE_UNANIMITY:
      pr.kind = CONCERT_POWER_UNANIMITY;
      break;
    case CONCERT_RULE_CONSENSUS_MINUS:
      pr.kind = CONCERT_POWER_CONSENSUS_MINUS_K;
      pr.k = r.k < n ? r.k : n - 1;
      break;
    case CONCERT_RULE_QUOTA:
      pr.kind = CONCERT_POWER_WEIGHTED_QUOTA;
      pr.weight_share = r.quota;
      break;
    case CONCERT_RULE_DOUBLE_MAJORITY:
      pr.kind = CONCERT_POWER_DOUBLE_MAJORITY;
      pr.weight_share = r.quota;
      pr.member_share = r.member_share;
      break;
  }
  concert_status st = concert_game_from_rule(out, n, w, (const char *const *)ids, &pr, d);
  free(w), free(ids);
  if (st) return st;
  char *title = forum_title(s, f, r, n);
  if (!title) {
    concert_game_free(*out);
    *out = NULL;
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  free((*out)->title);
  (*out)->title = title;
  return CONCERT_OK;
}
