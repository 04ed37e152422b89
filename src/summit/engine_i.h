/* summit/engine_i.h: the summit engine's shared state and its rule families.
 *
 * The engine plays a forum (docs/protocol.md). Each rule family lives in its own file:
 * bargain.c (the model's texts), attendance.c (who is present, who is counted),
 * acceptance.c (who accepts a text, whether the forum's rule is met), statements.c
 * (per-issue statements and their labels), blockers.c (pivotal blockers, deadlocks,
 * dissociation), package.c (the communique or declaration as a negotiated package),
 * forgo.c (the chair's expected chance of failure), gains.c (net gains in points),
 * reasons.c (why each text passed or failed, and the input it hinges on) and summit.c
 * (the order in which they apply); workspace.c keeps one engine and its outcome from run to
 * run (the sweep's workers). */
#ifndef CONCERT_I_ENGINE_H
#define CONCERT_I_ENGINE_H
#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include "scenario/scenario_i.h"
#include "summit/outcome_i.h"

#define CONCERT_I_EPS 1e-9

/* fmax and fmin as glibc gives them on x86-64 (maxsd/minsd: the first argument when it is
 * the greater, resp. the smaller, else the second; a NaN argument yields the other one),
 * inlined: the library calls cost more than the comparison in the engine's interval loops. */
static inline double concert_i_fmax(double a, double b) { return a > b || isnan(b) ? a : b; }
static inline double concert_i_fmin(double a, double b) { return a < b || isnan(b) ? a : b; }

/* The protocol's parameters as the engine reads them (protocol_params.c lists them). */
typedef struct concert_i_proto {
  int loss_power;           /* 1 linear, 2 quadratic */
  double tolerance;         /* default acceptance slack, points */
  bool partners_cosign;     /* invited partners may co-sign statements */
  double agreed, discussed; /* chair's summary wording thresholds */
  bool chair_forgoes;       /* the chair may forgo the document */
  bool withdraw;            /* departed leaders may disown the document */
  bool redraft;             /* the chair re-drafts a rejected statement */
  bool carve_out;           /* the package may carve out dissenters */
  size_t carve_out_max;     /* at most this many dissenters per carved paragraph */
  double forgo_above;       /* the chair forgoes when the expected chance exceeds this */
  bool forgo_point;         /* forgo_evaluation: point (only the point values are evaluated) */
} concert_i_proto;

/* One forum member's attendance over the summit. */
typedef struct concert_i_att {
  size_t gone_at;        /* first session the delegation misses (n_sessions: none; 0 absent) */
  size_t leader_gone_at; /* first session the leader misses (n_sessions: none) */
  bool absent;           /* stays away from the whole summit */
  bool leader_absent;    /* leader away all summit, delegation present */
  bool exogenous;        /* the attendance event that set this is exogenous */
} concert_i_att;

/* One member present at a paragraph's session and the texts it accepts (package.c). */
typedef struct concert_i_judge {
  size_t a;      /* actor index */
  double lo, hi; /* its acceptance interval */
  bool ok;       /* the interval is not empty */
} concert_i_judge;

/* A member's acceptance interval on an issue (concert_i_accept_interval), kept for the
 * evaluation in progress (concert_i_intervals_fill). */
typedef struct concert_i_interval {
  double lo, hi; /* the closed interval */
  bool ok;       /* it is not empty */
} concert_i_interval;

/* An acceptance interval's end and its member's capability (the re-draft, acceptance.c). */
typedef struct concert_i_end_pt {
  double at, cap; /* interval end, member capability */
} concert_i_end_pt;

/* The package built from texts x (by scenario issue) with attendance att (package.c). Its
 * arrays are kept from one build to the next (a zeroed package is empty). */
typedef struct concert_i_package {
  concert_paragraph *par;   /* one per agenda result */
  concert_i_idlist *carved; /* per paragraph: carved-out members */
  concert_i_idlist endorsers, objectors, dissociating, disowned; /* forum member actor ids */
  size_t n;                                                      /* paragraphs */
  size_t cap;                 /* paragraphs allocated in par and carved */
  bool issued;                /* endorsers meet the rule */
  concert_document_fate fate; /* issued, issued_with_carve_out, failed or disowned */
} concert_i_package;

/* Working arrays the engine's steps reuse from call to call instead of allocating them each
 * time: one block, allocated by concert_i_engine_init and sized by the forum (nm members,
 * nr agenda results) and the scenario (ni issues). Each step has its own, so a step never
 * shares one with a step it calls. */
typedef struct concert_i_scratch {
  void *block;                       /* the allocation every array below points into */
  size_t *neg, n_neg;                /* the negotiated agenda issues, in agenda order */
  concert_i_att *play_att;           /* summit.c: attendance, nm */
  size_t *play_who, *sess_who;       /* summit.c: deal makers, session members, nm each */
  double *actual, *sess_xs;          /* summit.c: texts as played, session texts, ni each */
  concert_i_att *ef_att;             /* forgo.c, expected fate: attendance, nm */
  size_t *ef_who;                    /* forgo.c, expected fate: session members, nm */
  double *ef_xs, *fg_x;              /* forgo.c: session texts, the count's texts, ni each */
  bool *di_yes, *di_present, *di_counted; /* statements.c: per member, nm each */
  size_t *di_coal;                   /* statements.c: the accepting coalition, nm */
  double *di_xs;                     /* statements.c: minilateral texts, ni */
  concert_i_end_pt *rd_los, *rd_his; /* acceptance.c re-draft: interval ends, nm + 1 each */
  double *rd_clo, *rd_chi;           /* acceptance.c re-draft: prefix sums, nm + 1 each */
  double *bk_pl, *bk_ph, *bk_sl, *bk_sh; /* blockers.c: interval folds, nm each */
  bool *pk_yes, *pk_counted;         /* package.c: per member, nm each */
  concert_i_judge *pk_jd;            /* package.c: a paragraph's judges, nm */
  size_t *cv_idx;                    /* package.c carve-out: subset indices, nm */
  bool *cv_out, *cv_best;            /* package.c carve-out: flags, nm each */
  double *cv_pl, *cv_ph, *cv_sl, *cv_sh; /* package.c carve-out: interval folds, nm each */
  size_t *bg_iss;                    /* bargain.c: problem issue -> scenario issue, nr */
  double *bg_pos, *bg_sal;           /* bargain.c: problem numbers, nm x nr each */
  double *bg_cap, *bg_rev;           /* bargain.c: capabilities nm, reversion points nr */
  const char **bg_ids;               /* bargain.c: actor ids, nm */
  double *bg_x, *bg_s;               /* bargain.c, issue-wise models: one column, nm each */
  double *bg_pm;                     /* bargain.c: member i's position on negotiated issue q
                                        at [i * n_neg + q], nm x nr (concert_i_columns_fill) */
  size_t *bg_mi;                     /* bargain.c: actor -> member index (SIZE_MAX: none), na */
  const double **bg_prow, **bg_srow; /* bargain.c: a bargainer's positions (in bg_pm) and
                                        saliences (in sal), nm each */
  bool bg_ok;                        /* bargain.c: since the last fill every member's number
                                        the model checks passes (concert_i_columns_fill) */
  concert_i_interval *iv;            /* acceptance.c: member i's interval on issue k at
                                        [i * ni + k], agenda issues only, nm x ni */
  concert_i_package ef_pk;           /* forgo.c: the expected package */
  concert_i_package doc_pk;          /* summit.c: the package played (swapped into the outcome) */
} concert_i_scratch;

/* The engine's working state. The stance, capability and reversion arrays are copies the
 * forgo rule perturbs one number at a time (the stances are the scenario's own in a
 * workspace whose plays move no number); the scenario itself is never written. */
typedef struct concert_i_engine {
  const concert_scenario *s;     /* borrowed scenario */
  const concert_i_forum *f;      /* the forum played */
  const concert_model *model;    /* the model */
  const concert_params *mparams; /* its parameters (may be NULL) */
  concert_i_proto p;             /* protocol parameters */
  concert_i_stance *st;          /* working stances, actors x issues (sources borrowed) */
  double *cap;                   /* working capabilities, per actor */
  double *rev;                   /* working reversion points, per issue */
  double *sal;                   /* working saliences after shocks, actors x issues */
  concert_diag *d;               /* where errors go (may be NULL) */
  bool st_borrowed;              /* st is the scenario's own array (never written: a play
                                    that perturbs no number, workspace.c) */
  bool issuewise;                /* the model is issue-wise with its parameters accepted:
                                    bargain.c calls its issue function directly */
  concert_i_scratch w;           /* working arrays */
} concert_i_engine;

/* The working stance of actor a on issue k. */
static inline const concert_i_stance *concert_i_est(const concert_i_engine *e, size_t a, size_t k) {
  return &e->st[a * e->s->n_issues + k];
}

/* ---- bargain.c ---- */
/* The model's texts among the actors `who` (n) on the forum's negotiated agenda issues,
 * written to x (by scenario issue; raised-only issues get NaN). With keep non-NULL the
 * first round's deals are appended to it. One model solve. */
concert_status concert_i_bargain(concert_i_engine *e, const size_t *who, size_t n, double *x,
                                 concert_outcome *keep);

/* Where an evaluation starts (the expected package, the sessions played), with the working
 * numbers it plays: the members' positions on the negotiated agenda into e->w.bg_pm, and
 * e->w.bg_ok set when every number concert_model_solve checks (capabilities, positions,
 * saliences, reversion points) passes for every member, so the issue-wise bargains of the
 * evaluation read their columns without checking each number again. A salience shock that
 * leaves [0, 1] clears bg_ok (concert_i_apply_shocks). O(members x agenda). */
void concert_i_columns_fill(concert_i_engine *e);

/* ---- attendance.c ---- */
/* Which attendance: as it happens (every event), as the chair expects it (members absent
 * by an exogenous `absent` stay away; members whose leaving is exogenous attend throughout
 * but are expected to leave, so they judge the package as a departed leader would), or
 * without any attendance event. */
typedef enum concert_i_att_mode {
  CONCERT_I_ATT_ACTUAL,
  CONCERT_I_ATT_EXPECTED,
  CONCERT_I_ATT_NONE
} concert_i_att_mode;
/* Fills att (one per forum member) from the forum's attendance events. O(events). */
void concert_i_attendance(const concert_i_engine *e, concert_i_att_mode mode, concert_i_att *att);
/* Whether member i's delegation is present at session j. */
bool concert_i_present(const concert_i_att *a, size_t j);
/* Whether member i is counted by the forum's rule at session j (quorum). */
bool concert_i_counted(const concert_i_engine *e, const concert_i_att *a, size_t j);
/* Applies the salience shocks of session j (all, or only the exogenous ones). */
void concert_i_apply_shocks(concert_i_engine *e, size_t j, bool only_exogenous);

/* ---- acceptance.c ---- */
/* (The three tests below are inline: the engine's loops call them for every member.) */
/* Whether x lies beyond the stance's red line (on the far side from its position). */
static inline bool concert_i_beyond_red_line(const concert_i_stance *st, double x) {
  if (isnan(st->red_line)) return false;
  return (x - st->red_line) * (st->position - st->red_line) < -CONCERT_I_EPS;
}
/* The same test as concert_i_accepts for a given stance (the reasons try changed inputs on a
 * copy). */
static inline bool concert_i_accepts_stance(const concert_i_engine *e, const concert_i_stance *st,
                                            size_t k, double x, double *excess, bool *red) {
  if (excess) *excess = 0;
  if (red) *red = false;
  if (!st->set || isnan(x)) return false;
  double tol = isnan(st->tolerance) ? e->p.tolerance : st->tolerance;
  double r = e->rev[k], dist = fabs(x - st->position);
  double allowed = isnan(r) ? tol : fabs(r - st->position) + tol;
  bool ok = dist <= allowed + CONCERT_I_EPS;
  if (!ok && excess) *excess = dist - allowed;
  if (concert_i_beyond_red_line(st, x)) {
    if (red) *red = true;
    ok = false;
  }
  return ok;
}
/* Whether actor a accepts text x on issue k; *excess (optional) gets the points beyond
 * what it accepts, *red (optional) whether x crosses its red line. */
static inline bool concert_i_accepts(const concert_i_engine *e, size_t a, size_t k, double x,
                                     double *excess, bool *red) {
  return concert_i_accepts_stance(e, concert_i_est(e, a, k), k, x, excess, red);
}
/* The closed interval of texts actor a accepts on issue k; false when it is empty. */
bool concert_i_accept_interval(const concert_i_engine *e, size_t a, size_t k, double *lo,
                               double *hi);
/* Fills e->w.iv with every forum member's acceptance interval on every agenda issue at the
 * working numbers. Called where an evaluation starts (the expected package, the sessions
 * played); the table then holds until the working numbers change. O(members x agenda). */
void concert_i_intervals_fill(concert_i_engine *e);
/* Forum member i's acceptance interval on agenda issue k from the table, as
 * concert_i_accept_interval gives it for f->members[i] at the numbers of the last fill. */
static inline bool concert_i_member_interval(const concert_i_engine *e, size_t i, size_t k,
                                             double *lo, double *hi) {
  const concert_i_interval *v = &e->w.iv[i * e->s->n_issues + k];
  *lo = v->lo, *hi = v->hi;
  return v->ok;
}
/* Whether ny accepting members of capability cy among nc counted members of capability cc
 * meet the forum's rule. */
bool concert_i_rule_met_counts(const concert_i_engine *e, size_t nc, double cc, size_t ny,
                               double cy);
/* The same over flags per forum member: counted[i], yes[i]. */
bool concert_i_rule_met(const concert_i_engine *e, const bool *counted, const bool *yes);
/* The text nearest x on issue k at which the members present (present[i]) meet the rule
 * over the counted ones; false if none. O(n log n). */
bool concert_i_redraft(const concert_i_engine *e, const bool *present, const bool *counted,
                       size_t k, double x, double *y);

/* ---- statements.c ---- */
/* Rules of the per-issue statements on result r (issue k, session j, text x) with the
 * attendance att. O(n log n) plus one model solve per minilateral round. */
concert_status concert_i_decide_issue(concert_i_engine *e, concert_outcome *o,
                                      const concert_i_att *att, size_t r, double x);

/* ---- blockers.c ---- */
/* Classifies the objections on the tabled text x of result r: pivotal blockers (with the
 * text the others would pass), the objectors in a deadlock, or (when the text passed)
 * dissociating members. Appends to o's objections. O(n^2) interval intersections. */
concert_status concert_i_blockers(concert_i_engine *e, concert_outcome *o, const bool *present,
                                  const bool *counted, size_t r, double x, bool passed);

/* ---- package.c ---- */
/* Builds the package into pk (zeroed before its first build; its arrays are reused and
 * grown as needed; freed with concert_i_package_free, also on an error). */
concert_status concert_i_package_build(concert_i_engine *e, const concert_i_att *att,
                                       const double *x, concert_i_package *pk);
void concert_i_package_free(concert_i_package *pk);
/* Member a's net gain in points over the paragraphs binding it, those of sessions before
 * `upto` only; *red gets whether one crosses its red line. */
double concert_i_package_gain(const concert_i_engine *e, const concert_i_package *pk, size_t a,
                              size_t upto, bool *red);

/* ---- forgo.c ---- */
/* The chair's expected chance that the package fails or is disowned: the share of
 * evaluations (the point values, then each judgment range's low and high end, one number
 * at a time) in which it does. *n_eval gets the count. Restores the working numbers. Each
 * range end at which the expected fate differs from the point-value fate is noted as a
 * document hinge in o (when o is not NULL), at the flip point bisection finds between the
 * value and that end (concert_i_bisect). With stop_above finite and o NULL, the count stops
 * as soon as whether the chance exceeds stop_above is decided; *chance is then a bound on
 * the same side of stop_above as the full count's. x_base and base (optional) get the
 * expected texts and fate at the point values, the first evaluation, which the caller then
 * need not play again. */
concert_status concert_i_forgo_chance(concert_i_engine *e, concert_outcome *o, double stop_above,
                                      double *chance, size_t *n_eval, double *x_base,
                                      concert_document_fate *base);
/* The fate of the package the chair expects at the working numbers (exogenous events
 * only, or none). */
concert_status concert_i_expected_fate(concert_i_engine *e, bool no_events, double *x,
                                       concert_document_fate *fate);

/* ---- bisect.c ---- */
/* One evaluation at value v of the number being moved: *result gets a code of the result
 * (equal codes: the same result). */
typedef concert_status (*concert_i_probe)(void *user, double v, int *result);
/* The flip point between `from` (where the result is `base`) and `to` (where it is another,
 * r_to): bisects until the two points are at most tol apart and returns in *at the point
 * nearest `from` at which the result is known to differ, and in *r_at that result; *n_eval
 * (optional) gets the evaluations added. The result may change more than once between the
 * two (non-monotone): then *at is one flip point, not necessarily the nearest. Cost:
 * ceil(log2(|to - from| / tol)) probes. */
concert_status concert_i_bisect(double from, double to, int base, int r_to, double tol,
                                concert_i_probe probe, void *user, double *at, int *r_at,
                                size_t *n_eval);
/* The bisection tolerance of a number: 0.001 for saliences, 0.01 for capabilities (world
 * shares in percent), 0.05 points otherwise. */
double concert_i_bisect_tol(concert_hinge_field field);

/* ---- summit.c ---- */
/* Sets up e for forum fi (protocol read, working copies of the stances, capabilities and
 * reversion points allocated and filled); concert_i_engine_free releases them. */
concert_status concert_i_engine_init(concert_i_engine *e, const concert_scenario *s, size_t fi,
                                    const concert_model *model, const concert_params *model_params,
                                    const concert_params *protocol, concert_diag *d);
void concert_i_engine_free(concert_i_engine *e);
/* Copies the scenario's numbers into the working copies again (the stances unless
 * borrowed): for a scenario whose numbers changed in place (a sweep's draw). O(actors x
 * issues). */
void concert_i_engine_refresh(concert_i_engine *e);
/* How much of the summit a play computes. */
typedef enum concert_i_play {
  CONCERT_I_PLAY_FULL = 0,    /* everything concert_summit_run gives */
  CONCERT_I_PLAY_QUICK = 1,   /* no deals, hinges, reasons or net gains; the chair's forgo
                                 count stops once decided: statements and fates as in FULL */
  CONCERT_I_PLAY_NO_FORGO = 2, /* QUICK without the forgo count (the chair never forgoes):
                                  statements and the expected fate as in FULL */
  CONCERT_I_PLAY_SWEEP = 3     /* QUICK plus the net gains: what a sweep run records
                                  (statements, blockers, fates, attendance, gains) */
} concert_i_play;
/* Plays the summit at e's working numbers into *out (freed with concert_outcome_free).
 * *expected (optional) gets the fate the chair expects (exogenous events applied). */
concert_status concert_i_summit_play(concert_i_engine *e, concert_i_play mode,
                                     concert_outcome **out, concert_document_fate *expected);
/* concert_i_summit_play into an outcome kept from an earlier play of the same engine (*o;
 * a new one when *o is NULL), reset first and reusing its arrays. On an error *o stays
 * the caller's, in an unspecified state until the next play or its release. */
concert_status concert_i_summit_replay(concert_i_engine *e, concert_i_play mode,
                                       concert_outcome **o, concert_document_fate *expected);
/* concert_summit_run with a play mode: engine set up on s, one play, engine freed. */
concert_status concert_i_summit_run_mode(const concert_scenario *s, size_t fi,
                                         const concert_model *model,
                                         const concert_params *model_params,
                                         const concert_params *protocol, concert_i_play mode,
                                         concert_outcome **out, concert_diag *d);

/* ---- scratch.c ---- */
/* Allocates e->w for e's forum and scenario (e->s and e->f set). */
concert_status concert_i_scratch_init(concert_i_engine *e);
/* Frees e->w and its packages' arrays; a zeroed scratch is harmless. */
void concert_i_scratch_free(concert_i_scratch *w);

/* ---- workspace.c ---- */
/* An engine and its outcome kept from run to run for a scenario whose numbers change in
 * place between runs (a sweep worker's draw): set up once, then each play refreshes the
 * working numbers and reuses every array. */
typedef struct concert_i_summit_ws concert_i_summit_ws;
/* A workspace for forum fi of s (borrowed: must outlive it), played in `mode`; the
 * arguments as concert_i_engine_init's, whose errors it returns. *out freed with
 * concert_i_summit_ws_free. */
concert_status concert_i_summit_ws_new(const concert_scenario *s, size_t fi,
                                       const concert_model *model,
                                       const concert_params *model_params,
                                       const concert_params *protocol, concert_i_play mode,
                                       concert_i_summit_ws **out, concert_diag *d);
void concert_i_summit_ws_free(concert_i_summit_ws *w);
/* Plays the summit at the scenario's current numbers; *out gets the outcome, owned by the
 * workspace and valid until its next play or its release. The same outcome as
 * concert_i_summit_run_mode on the same scenario. Errors go to d. */
concert_status concert_i_summit_ws_play(concert_i_summit_ws *w, const concert_outcome **out,
                                        concert_diag *d);

/* ---- gains.c ---- */
/* Net gain in points of actor a for text x on issue k (salience share of a over the
 * negotiated agenda times the points gained over the reversion point). */
double concert_i_gain_points(const concert_i_engine *e, size_t a, size_t k, double x);
/* Actor a's salience summed over the negotiated agenda issues (the denominator of its
 * salience shares). O(agenda). */
double concert_i_salience_total(const concert_i_engine *e, size_t a);
/* concert_i_gain_points with that total given (tot), for loops over one actor's issues
 * (inline: the package's endorsement test calls it per member and paragraph). */
static inline double concert_i_gain_points_of(const concert_i_engine *e, size_t a, size_t k,
                                              double x, double tot) {
  double r = e->rev[k];
  if (isnan(r) || isnan(x) || !(tot > 0)) return 0;
  double p = concert_i_est(e, a, k)->position, dr = fabs(r - p), dx = fabs(x - p);
  double pts = e->p.loss_power == 1 ? dr - dx : (dr * dr - dx * dx) / 100.0;
  return e->sal[a * e->s->n_issues + k] / tot * pts;
}
/* Fills o->gain over the documents issued. */
void concert_i_net_gains(const concert_i_engine *e, concert_outcome *o);

/* ---- reasons.c ---- */
/* Fills each result's plain-words reason and hinge. */
concert_status concert_i_reasons(concert_i_engine *e, concert_outcome *o);

#endif
