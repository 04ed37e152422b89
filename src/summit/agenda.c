/* agenda.c: a forum's agenda in order (its sessions' issues), the issue order of
 * concert_forum_solve's solution. */
#include <concert/summit.h>

#include "scenario/scenario_i.h"

size_t concert_forum_agenda_count(const concert_scenario *s, size_t f) {
  if (!s || f >= s->n_forums) return 0;
  size_t m = 0;
  for (size_t j = 0; j < s->forums[f].n_sessions; j++) m += s->forums[f].sessions[j].n_issues;
  return m;
}

size_t concert_forum_agenda_issue(const concert_scenario *s, size_t f, size_t k) {
  if (!s || f >= s->n_forums) return SIZE_MAX;
  const concert_i_forum *fo = &s->forums[f];
  for (size_t j = 0; j < fo->n_sessions; j++) {
    if (k < fo->sessions[j].n_issues) return fo->sessions[j].issues[k];
    k -= fo->sessions[j].n_issues;
  }
  return SIZE_MAX;
}
