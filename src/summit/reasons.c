/* reasons.c: why each text passed or failed, in plain words, and the input it hinges on
 * (docs/protocol.md, reasons). The hinge is the smallest change of one member's position,
 * red line or tolerance that flips the text's acceptance by the forum's rule: for a text
 * that passed, of a signatory whose acceptance the rule needs; for a blocked text, of a
 * pivotal blocker. Reported in points with the input's judgment range. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"
#include "summit/engine_i.h"

#define EPS CONCERT_I_EPS

/* A growing text. */
typedef struct buf {
  char *s;       /* text, NUL-terminated */
  size_t n, cap; /* length, allocated */
  bool bad;      /* ran out of memory */
} buf;

static void say(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int m = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (m < 0 || b->bad) return;
  if (b->n + (size_t)m + 1 > b->cap) {
    size_t cap = (b->n + (size_t)m + 1) * 2;
    char *s = realloc(b->s, cap);
    if (!s) {
      b->bad = true;
      return;
    }
    b->s = s, b->cap = cap;
  }
  va_start(ap, fmt);
  vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
  va_end(ap);
  b->n += (size_t)m;
}

static const char *aid(const concert_i_engine *e, size_t a) { return e->s->actors[a].id; }

static void ids(buf *b, const concert_i_engine *e, const size_t *v, size_t n) {
  for (size_t i = 0; i < n; i++) say(b, "%s%s", i ? ", " : "", aid(e, v[i]));
}

/* Candidate hinge: keeps the one with the smallest change. */
static void consider(concert_hinge *h, double *best, concert_hinge_field fld, size_t a, double from,
                     double to, concert_i_range r) {
  double d = fabs(to - from);
  if (isnan(d) || d >= *best) return;
  *best = d;
  *h = (concert_hinge){fld, a, from, to, r.lo, r.hi};
}

/* Whether member a's acceptance of t on k differs from `acc` with stance w changed to v. */
static bool flipped(const concert_i_engine *e, concert_i_stance v, size_t k, double t, bool acc) {
  return concert_i_accepts_stance(e, &v, k, t, NULL, NULL) != acc;
}

/* The smallest change of member a's inputs that flips its acceptance of text t on k: each
 * input's acceptance boundary is a candidate (the position's: where the text is as close
 * as the reversion point plus tolerance, and for a rejecting member also its red line and
 * the text itself; the red line's: the text; the tolerance's: the distance the text
 * needs), checked just past the boundary in the direction of the move. On a tie the red
 * line, then the tolerance, then the position is named. */
static void flips(const concert_i_engine *e, size_t a, size_t k, double t, concert_hinge *h,
                  double *best) {
  const concert_i_stance *w = concert_i_est(e, a, k), *o = concert_i_stance_at(e->s, a, k);
  double r = e->rev[k], p = w->position;
  double tol = isnan(w->tolerance) ? e->p.tolerance : w->tolerance;
  if (isnan(r) || fabs(t - r) <= EPS) return;
  bool acc = concert_i_accepts_stance(e, w, k, t, NULL, NULL);
  const double nudge = 1e-6;
  if (!isnan(w->red_line)) {
    concert_i_stance v = *w;
    v.red_line = acc ? t + (p > t ? nudge : -nudge) : t;
    if (flipped(e, v, k, t, acc))
      consider(h, best, CONCERT_HINGE_RED_LINE, a, w->red_line, t, o->red_line_range);
  }
  double need = fabs(t - p) - fabs(r - p);
  if (need >= 0) {
    concert_i_stance v = *w;
    v.tolerance = acc ? need - nudge : need;
    if (v.tolerance >= 0 && flipped(e, v, k, t, acc))
      consider(h, best, CONCERT_HINGE_TOLERANCE, a, tol, need, o->tolerance_range);
  }
  /* position: |t - p| = |r - p| + tol at (t + r -+ tol) / 2; the red line */
  double cand[3] = {t > r ? (t + r - tol) / 2 : (t + r + tol) / 2, w->red_line, t};
  for (int i = 0; i < 3; i++) {
    double c = cand[i];
    /* an accepting member's position crossing its own red line is no hinge */
    if (isnan(c) || c < 0 || c > 100 || (acc && i > 0)) continue;
    concert_i_stance v = *w;
    v.position = acc ? c + (t > r ? -nudge : nudge) : c; /* just past, on the reversion side */
    if (flipped(e, v, k, t, acc)) consider(h, best, CONCERT_HINGE_POSITION, a, p, c, o->position_range);
  }
}

/* Why member a rejects t: "text 62.0 crosses its red line 55.0". */
static void why_not(buf *b, const concert_i_engine *e, size_t a, size_t k, double t) {
  double excess;
  bool red;
  concert_i_accepts(e, a, k, t, &excess, &red);
  const concert_i_stance *w = concert_i_est(e, a, k);
  if (red)
    say(b, "text %.1f crosses its red line %.1f", t, w->red_line);
  else if (isnan(e->rev[k])) /* no reversion point: tolerance-only acceptance (rule 3) */
    say(b,
        "text %.1f is %.1f points from its position %.1f, beyond its tolerance (no reversion "
        "point)",
        t, fabs(t - w->position), w->position);
  else
    say(b, "text %.1f is %.1f points worse for it than the reversion point %.1f", t, excess,
        e->rev[k]);
}

static void hinge_words(buf *b, const concert_i_engine *e, const concert_hinge *h, size_t k) {
  if (h->field == CONCERT_HINGE_NONE) {
    say(b, "; no single member's change of position, red line or tolerance flips it");
    return;
  }
  if (fabs(h->to - h->from) < 0.05)
    say(b,
        "; hinges on %s %s on %s: at %.1f it is on the edge: any move away from the text flips the "
        "outcome",
        aid(e, h->actor), concert_hinge_field_name(h->field), e->s->issues[k].id, h->from);
  else
    say(b, "; hinges on %s %s on %s: at %.1f (now %.1f, %.1f points away) the outcome flips",
        aid(e, h->actor), concert_hinge_field_name(h->field), e->s->issues[k].id, h->to, h->from,
        fabs(h->to - h->from));
  if (h->lo < h->hi)
    say(b, ", %s its judgment range %.1f-%.1f",
        h->to >= h->lo && h->to <= h->hi ? "within" : "outside", h->lo, h->hi);
}

/* Whether forum member m is present at, and counted by the rule at, session j. */
static bool at_table(const concert_i_engine *e, const concert_outcome *o, size_t m, size_t j,
                     bool *counted) {
  const concert_attendance *at = &o->att[m];
  bool present = at->kind != CONCERT_ATTENDANCE_ABSENT &&
                 !(at->kind == CONCERT_ATTENDANCE_DEPARTED && at->session <= j);
  *counted = e->f->quorum_all || present;
  return present;
}

/* "blocked by US (without its objection the others would pass 85.0): text 85.0 is 10.0
 * points worse for it than the reversion point 75.0"; the hinge of each blocker. */
static void blocked(buf *b, const concert_i_engine *e, const concert_outcome *o, size_t r,
                    double *best) {
  concert_issue_result *res = &o->res[r];
  size_t k = res->issue, shown = 0;
  say(b, "blocked by ");
  for (size_t i = 0; i < o->n_vetoes; i++) {
    const concert_veto *v = &o->vetoes[i];
    if (v->issue != k || v->role != CONCERT_OBJECTION_BLOCK) continue;
    say(b, "%s%s (without its objection the others would pass %.1f): ", shown++ ? "; " : "",
        aid(e, v->actor), v->text);
    why_not(b, e, v->actor, k, v->text);
    flips(e, v->actor, k, v->text, &res->hinge, best);
  }
}

/* Member a's reason for refusing the texts on the other side of the reversion point rv
 * (side -1: it lies below rv, 0: at rv, 1: above). */
static void refuses(buf *b, const concert_i_engine *e, size_t a, size_t k, int side) {
  const concert_i_stance *w = concert_i_est(e, a, k);
  double lo, hi;
  if (!concert_i_accept_interval(e, a, k, &lo, &hi)) {
    say(b, "%s accepts no text", aid(e, a));
    return;
  }
  double end = side < 0 ? hi : lo;
  bool red = !isnan(w->red_line) && fabs(end - w->red_line) <= EPS;
  if (side == 0)
    say(b, hi - lo <= EPS ? "%s accepts only %.1f" : "%s accepts only %.1f-%.1f", aid(e, a), lo,
        hi);
  else
    say(b, "%s accepts nothing %s %.1f%s", aid(e, a), side < 0 ? "above" : "below", end,
        red ? " (its red line)" : "");
}

/* "deadlock (no single member is pivotal): text 43.3 refused by A, B, C; below the
 * reversion point 50.0, C accepts nothing above 40.0 (its red line); at it, A accepts
 * only 50.0, B ...; above it, ..." over the counted members present. */
static void deadlock(buf *b, const concert_i_engine *e, const concert_outcome *o, size_t r) {
  const concert_issue_result *res = &o->res[r];
  size_t k = res->issue, shown = 0;
  double rv = e->rev[k];
  say(b, "deadlock (no single member is pivotal): text %.1f ", res->outcome);
  for (size_t i = 0; i < o->n_vetoes; i++) {
    const concert_veto *v = &o->vetoes[i];
    if (v->issue != k || v->role != CONCERT_OBJECTION_JOINT_BLOCK) continue;
    say(b, "%s%s", shown++ ? ", " : "refused by ", aid(e, v->actor));
  }
  if (!shown) say(b, "refused by no member present (the rule counts members not present)");
  if (isnan(rv)) return;
  static const char *const where[] = {"below", "at", "above"};
  bool named = false; /* the reversion point is named in the first group */
  for (int side = -1; side <= 1; side++) {
    size_t n = 0;
    for (size_t m = 0; m < e->f->n_members; m++) {
      size_t a = e->f->members[m];
      const concert_i_stance *w = concert_i_est(e, a, k);
      bool counted;
      int sd = w->position < rv - EPS ? -1 : w->position > rv + EPS ? 1 : 0;
      if (!w->set || !at_table(e, o, m, res->session, &counted) || !counted || sd != side) continue;
      say(b, n++ ? ", " : "; ");
      if (n == 1 && named) say(b, "%s it, ", where[side + 1]);
      if (n == 1 && !named) say(b, "%s the reversion point %.1f, ", where[side + 1], rv);
      named = true;
      refuses(b, e, a, k, side);
    }
  }
}

/* Reason and hinge of result r. */
static void one(const concert_i_engine *e, const concert_outcome *o, size_t r, buf *b) {
  concert_issue_result *res = &o->res[r];
  size_t k = res->issue;
  res->hinge = (concert_hinge){.field = CONCERT_HINGE_NONE};
  if (!res->negotiated) {
    say(b, "raised, not negotiated: no text was tabled");
    return;
  }
  if (e->f->no_statements) {
    say(b, "no per-issue statement in this forum: the issue is a paragraph of the declaration");
    return;
  }
  if (isnan(res->outcome)) {
    say(b, "no member present at its session: nothing was bargained");
    return;
  }
  if (!res->tabled) {
    say(b, "nothing tabled: the bargained text %.1f is the reversion point", res->outcome);
    return;
  }
  double best = HUGE_VAL;
  size_t n_block = 0, n_joint = 0;
  for (size_t i = 0; i < o->n_vetoes; i++)
    if (o->vetoes[i].issue == k) {
      n_block += o->vetoes[i].role == CONCERT_OBJECTION_BLOCK;
      n_joint += o->vetoes[i].role == CONCERT_OBJECTION_JOINT_BLOCK;
    }
  if (res->kind != CONCERT_STATEMENT_NONE && n_block == 0 && n_joint == 0) {
    if (fabs(res->text - res->outcome) > EPS) {
      say(b, "re-drafted from %.1f to %.1f, the nearest text the rule accepts (", res->outcome,
          res->text);
      ids(b, e, res->rejecters, res->n_rejecters);
      say(b, " rejected %.1f); ", res->outcome);
    }
    if (res->kind == CONCERT_STATEMENT_JOINT)
      say(b, "issued as the forum's joint statement at %.1f", res->text);
    else if (res->n_dissociating)
      say(b, "passed under the rule at %.1f: a statement of ", res->text);
    else
      say(b,
          "signed at %.1f by the members present (a member had left or stayed away): a statement "
          "of ",
          res->text);
    if (res->kind == CONCERT_STATEMENT_MINILATERAL) ids(b, e, res->signatories, res->n_signatories);
    if (res->n_dissociating) {
      say(b, "; passed without ");
      ids(b, e, res->dissociating, res->n_dissociating);
      say(b, " (dissociating)");
    }
    /* Hinge: a signatory the rule cannot do without. */
    for (size_t i = 0; i < res->n_signatories; i++) {
      size_t a = res->signatories[i], ny = 0, nc = 0;
      double cy = 0, cc = 0;
      for (size_t m = 0; m < e->f->n_members; m++) {
        size_t x = e->f->members[m];
        bool counted;
        at_table(e, o, m, res->session, &counted);
        if (!counted) continue;
        nc++, cc += e->cap[x];
        if (x != a && concert_i_idlist_has(&o->sig[r], x)) ny++, cy += e->cap[x];
      }
      if (!concert_i_rule_met_counts(e, nc, cc, ny, cy))
        flips(e, a, k, res->text, &res->hinge, &best);
    }
  } else {
    if (n_block)
      blocked(b, e, o, r, &best);
    else
      deadlock(b, e, o, r);
    if (res->kind == CONCERT_STATEMENT_MINILATERAL) {
      say(b, "; a minilateral statement at %.1f signed by ", res->text);
      ids(b, e, res->signatories, res->n_signatories);
    }
  }
  hinge_words(b, e, &res->hinge, k);
}

/* Whether every member is absent or has departed by the end of the summit (quorum
 * present): nobody is left to adopt a document. */
static bool nobody_left(const concert_i_engine *e, const concert_outcome *o) {
  if (e->f->quorum_all) return false;
  for (size_t m = 0; m < e->f->n_members; m++) {
    bool counted;
    if (at_table(e, o, m, e->f->n_sessions, &counted)) return false;
  }
  return true;
}

/* The document's reason. */
static void doc(const concert_i_engine *e, const concert_outcome *o, buf *b) {
  const concert_communique *c = &o->comm;
  const char *word = e->f->declaration ? "declaration" : "communique";
  switch (c->fate) {
    case CONCERT_DOCUMENT_FORGONE:
      say(b,
          "the chair forwent the %s: expected chance %.2f that it fails or is disowned "
          "(%zu evaluation%s), above %.2f",
          word, c->expected_chance, c->n_evaluations, c->n_evaluations == 1 ? "" : "s",
          e->p.forgo_above);
      break;
    case CONCERT_DOCUMENT_FAILED:
      if (o->objectors.n == 0 && nobody_left(e, o)) {
        say(b, "no %s: no member is present at the end of the summit to adopt it", word);
        break;
      }
      if (o->objectors.n == 0) {
        say(b, "no %s: every paragraph was dropped or restates agreed language", word);
        break;
      }
      say(b, "the %s was put and not endorsed under the rule by ", word);
      ids(b, e, o->objectors.v, o->objectors.n);
      break;
    case CONCERT_DOCUMENT_DISOWNED:
      say(b, "the %s was issued, then disowned by ", word);
      ids(b, e, o->withdrawn.v, o->withdrawn.n);
      say(b,
          " after its leader left (the whole package fails its test: net gain below 0 or a red "
          "line crossed)");
      break;
    case CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT:
    case CONCERT_DOCUMENT_ISSUED:
      say(b, "the %s was issued, endorsed by ", word);
      ids(b, e, o->endorsers.v, o->endorsers.n);
      for (size_t r = 0; o->par_doc && r < o->n_res; r++)
        if (o->carved[r].n) {
          say(b, "; on %s the text stands without ", e->s->issues[o->par_doc[r].issue].id);
          ids(b, e, o->carved[r].v, o->carved[r].n);
        }
      if (o->dissociating.n) {
        say(b, "; ");
        ids(b, e, o->dissociating.v, o->dissociating.n);
        say(b, " dissociating");
      }
      break;
  }
  if (c->depends_exogenous) say(b, "; this depends on exogenous attendance events");
}

concert_status concert_i_reasons(concert_i_engine *e, concert_outcome *o) {
  for (size_t r = 0; r < o->n_res; r++) {
    buf b = {0};
    say(&b, "%s", "");
    one(e, o, r, &b);
    if (o->res[r].depends_exogenous) say(&b, " (depends on an exogenous attendance event)");
    if (b.bad) {
      free(b.s);
      return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
    }
    o->reason[r] = b.s;
    o->res[r].reason = b.s;
  }
  buf b = {0};
  say(&b, "%s", "");
  doc(e, o, &b);
  if (b.bad) {
    free(b.s);
    return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  }
  o->doc_reason = b.s;
  return CONCERT_OK;
}
