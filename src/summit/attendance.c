/* attendance.c: who is present and who is counted (docs/protocol.md, attendance).
 *
 * `absent`: the member stays away from the whole summit; `leader_absent`: its leader does,
 * its delegation bargains and signs; `depart`: the delegation leaves before a session;
 * `leader_leaves`: the leader leaves, the delegation stays. The forum's quorum says whether
 * the rule counts over the members present or over all members (an absent one objecting). */
#include <math.h>

#include "summit/engine_i.h"

static bool is_attendance(concert_event_kind k) {
  return k == CONCERT_EVENT_DEPART || k == CONCERT_EVENT_LEADER_LEAVES ||
         k == CONCERT_EVENT_ABSENT || k == CONCERT_EVENT_LEADER_ABSENT;
}

void concert_i_attendance(const concert_i_engine *e, concert_i_att_mode mode, concert_i_att *att) {
  const concert_i_forum *f = e->f;
  size_t ns = f->n_sessions;
  for (size_t i = 0; i < f->n_members; i++) att[i] = (concert_i_att){ns, ns, false, false, false};
  bool expected = mode == CONCERT_I_ATT_EXPECTED;
  for (size_t v = 0; mode != CONCERT_I_ATT_NONE && v < f->n_events; v++) {
    const concert_i_event *ev = &f->events[v];
    if (!is_attendance(ev->kind) || (expected && !ev->exogenous)) continue;
    for (size_t i = 0; i < f->n_members; i++) {
      if (f->members[i] != ev->actor) continue;
      concert_i_att *a = &att[i];
      a->exogenous = ev->exogenous;
      switch (ev->kind) {
        case CONCERT_EVENT_ABSENT:
          a->absent = true, a->gone_at = 0, a->leader_gone_at = 0;
          break;
        case CONCERT_EVENT_LEADER_ABSENT:
          a->leader_absent = true;
          break;
        case CONCERT_EVENT_DEPART:
          a->leader_gone_at = ev->session;
          if (!expected) a->gone_at = ev->session;
          break;
        case CONCERT_EVENT_LEADER_LEAVES:
          a->leader_gone_at = ev->session;
          break;
        default:
          break;
      }
    }
  }
}

bool concert_i_present(const concert_i_att *a, size_t j) { return j < a->gone_at; }

bool concert_i_counted(const concert_i_engine *e, const concert_i_att *a, size_t j) {
  return e->f->quorum_all || concert_i_present(a, j);
}

void concert_i_apply_shocks(concert_i_engine *e, size_t j, bool only_exogenous) {
  const concert_i_forum *f = e->f;
  for (size_t v = 0; v < f->n_events; v++) {
    const concert_i_event *ev = &f->events[v];
    if (ev->session != j || ev->kind != CONCERT_EVENT_SALIENCE_SHOCK) continue;
    if (only_exogenous && !ev->exogenous) continue;
    double *sv = &e->sal[ev->actor * e->s->n_issues + ev->issue];
    *sv = ev->set_value ? ev->value : fmin(1.0, *sv * ev->factor);
    if (!(*sv >= 0 && *sv <= 1)) e->w.bg_ok = false; /* the bargains check each number again */
  }
}
