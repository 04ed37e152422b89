/* model/smp_i.h: internals of the spatial model of politics (SMP) in the style of KTAB.
 *
 * smp_kernel.c holds the scalar building blocks KTAB's kmodel library uses (votes,
 * victory probabilities, coalitions, the probability of each option being the outcome,
 * risk attitudes from probabilities); smp.c runs the bargain/challenge/negotiate turns.
 * The names of the options follow KTAB's so that docs/models/smp.md maps one to one. */
#ifndef CONCERT_I_SMP_H
#define CONCERT_I_SMP_H
#include <stddef.h>

#include "model/model_i.h"

/* How an actor's utility difference becomes a vote (KTAB VotingRule). */
typedef enum smp_voting_rule {
  SMP_VR_PROP,      /* w * du (default) */
  SMP_VR_BINARY,    /* w * clip(du / 1e-8, -1, 1) */
  SMP_VR_PROPBIN,   /* w * (0.8 du + 0.2 binary) */
  SMP_VR_PROPCBC,   /* w * (0.5 du + 0.5 du^3) */
  SMP_VR_CUBIC,     /* w * du^3 */
  SMP_VR_ASYMPROSP, /* w du if du < 0, 2/3 w du if du > 0 */
} smp_voting_rule;

/* From coalition strengths to the probability that one option beats another (VPModel). */
typedef enum smp_victory {
  SMP_VP_LINEAR,  /* c1 / (c1 + c2) (default) */
  SMP_VP_SQUARE,  /* c^2 */
  SMP_VP_QUARTIC, /* c^4 */
  SMP_VP_OCTIC,   /* c^8 */
  SMP_VP_BINARY,  /* certain at a 1.10 strength ratio, linear in between */
} smp_victory;

/* Probability that each option is the outcome (PCEModel). */
typedef enum smp_pce {
  SMP_PCE_CONDITIONAL,      /* p_i proportional to prod_j P(i > j) (default) */
  SMP_PCE_MARKOV_UNIFORM,   /* Markov chain, uniform challenges */
  SMP_PCE_MARKOV_INCENTIVE, /* Markov chain, challenges in proportion to incentives */
} smp_pce;

/* Range of the risk attitudes inferred from probabilities (BigRRange). */
typedef enum smp_r_range {
  SMP_RR_MID, /* [-1/2, 1] (default) */
  SMP_RR_MIN, /* [0, 1] */
  SMP_RR_MAX, /* [-1, 1] */
} smp_r_range;

/* Actor h's estimate of actor i's risk attitude (BigRAdjust). */
typedef enum smp_r_adjust {
  SMP_RA_ONE_THIRD,  /* (2 r_h + r_i) / 3 (default) */
  SMP_RA_NONE,       /* r_h */
  SMP_RA_HALF,       /* (r_h + r_i) / 2 */
  SMP_RA_TWO_THIRDS, /* (r_h + 2 r_i) / 3 */
  SMP_RA_FULL,       /* r_i */
} smp_r_adjust;

/* When a third party adopts the winning principal's position (ThirdPartyCommit). */
typedef enum smp_commit {
  SMP_TP_SEMI, /* only when its own side loses (default) */
  SMP_TP_FULL, /* always */
  SMP_TP_NONE, /* never */
} smp_commit;

/* Interpolation of a bargain between two positions, per dimension (InterVecBrgn). */
typedef enum smp_interp {
  SMP_IV_S2P2,   /* weights s^2 P^2 (default) */
  SMP_IV_S1P1,   /* weights s P */
  SMP_IV_S2PMAX, /* shift by max(0, P_other - P_own) with s^2 weights */
} smp_interp;

/* Whose estimate of the victory probability forms the bargain (SMPBargnModel). */
typedef enum smp_bargain {
  SMP_BM_INIT_ONLY, /* the initiator's (default) */
  SMP_BM_INIT_RCVR, /* both the initiator's and the receiver's bargains are queued */
  SMP_BM_PW_COMP,   /* capability x salience weighted average of the two */
} smp_bargain;

/* Everything that selects a variant of the model; smp_config_default gives KTAB's. */
typedef struct smp_config {
  smp_voting_rule voting;  /* voting rule for coalitions and bargains */
  smp_victory victory;     /* victory probability model */
  smp_pce pce;             /* PCE model */
  smp_r_range r_range;     /* risk attitude range */
  smp_r_adjust r_adjust;   /* perception of others' risk attitudes */
  smp_commit commit;       /* third-party commitment */
  smp_interp interp;       /* bargain interpolation */
  smp_bargain bargain;     /* bargain model */
  size_t max_turns;        /* stop after this many turns (KTAB: 100) */
  size_t min_turns;        /* never stop on quiet before this turn (KTAB: 2) */
  double stop_ratio;       /* stop when this turn's move / first move < ratio (0.02) */
} smp_config;

/* What the tests compare with KTAB's logs, beyond the positions the solution holds. */
typedef struct smp_trace {
  size_t states;  /* recorded states = turns + 1 */
  double *prob;   /* states x n: probability that actor a's position wins at state t */
  double *change; /* states: fractional change of turn t vs turn 1 (change[0] = NaN) */
} smp_trace;

/** KTAB's defaults (the settings smpc uses on CSV input). */
void concert_i_smp_config_default(smp_config *cfg);

/** Runs the SMP on problem, pushing every state into sol (round 0 is already there) and,
 * when trace is not NULL, filling it (the caller frees trace->prob and trace->change
 * with free()). Time O(T n^2 (n + m)) for T turns, memory O(n (n + m)). */
concert_status concert_i_smp_run(const concert_problem *problem, const smp_config *cfg,
                                 concert_solution *sol, smp_trace *trace, concert_diag *diag);

/* ---- inline kernels for the inner loops (the smp_kernel.c functions wrap them) ---- */
/* Utility of a normalised distance d to an actor of risk attitude r: (1-d)(1+dr). */
static inline double smp_util(double d, double r) {
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}
/* h's estimate of i's risk attitude (rh, ri: their own). */
static inline double smp_est_r(smp_r_adjust ra, double rh, double ri) {
  switch (ra) {
    case SMP_RA_FULL: return ri;
    case SMP_RA_TWO_THIRDS: return (rh + 2.0 * ri) / 3.0;
    case SMP_RA_HALF: return (rh + ri) / 2;
    case SMP_RA_NONE: return rh;
    case SMP_RA_ONE_THIRD: break;
  }
  return (2.0 * rh + ri) / 3.0;
}
/* KTAB's vote of weight w for utility ui over uj under rule vr. */
static inline double smp_vote(smp_voting_rule vr, double w, double ui, double uj) {
  double du = ui - uj;
  if (vr == SMP_VR_PROP) return w * du;
  double bin = du / 1e-8;
  bin = bin > 1 ? 1 : (bin < -1 ? -1 : bin);
  switch (vr) {
    case SMP_VR_BINARY: return w * bin;
    case SMP_VR_PROPBIN: return w * (0.8 * du + 0.2 * bin);
    case SMP_VR_PROPCBC: return w * (0.5 * du + 0.5 * du * du * du);
    case SMP_VR_CUBIC: return w * du * du * du;
    case SMP_VR_ASYMPROSP: return du < 0 ? w * du : (du > 0 ? 2.0 * w * du / 3.0 : 0.0);
    case SMP_VR_PROP: break;
  }
  return w * du;
}

/* ---- smp_kernel.c ---- */
/** KTAB's vote of an actor of weight w preferring option i (utility ui) over j (uj). */
double concert_i_smp_vote(smp_voting_rule vr, double w, double ui, double uj);
/** P(option 1 beats option 2) from coalition strengths s1, s2 >= 0 (not both 0). */
double concert_i_smp_vprob(smp_victory vp, double s1, double s2);
/** Coalition strengths over n_opt options from n_act actors' utilities u (n_act x n_opt,
 * row-major) and weights w: c[i*n_opt+j] = 1e-8 + sum_k max(0, vote_k(i over j)).
 * O(n_act n_opt^2). */
void concert_i_smp_coalitions(smp_voting_rule vr, size_t n_act, size_t n_opt, const double *w,
                              const double *u, double *c);
/** Probability that each of n options is the outcome, from coalition strengths c (n x n).
 * scratch needs 3 n^2 + 2 n doubles. Returns nonzero when a Markov PCE does not converge
 * in 10,000 iterations. O(n^2) (conditional) or O(n^2) per Markov iteration. */
int concert_i_smp_pce(smp_pce pce, smp_victory vp, size_t n, const double *c, double *p,
                      double *scratch);
/** Risk attitudes from probabilities (KTAB bigRfromProb); all 0 when every p is equal. */
void concert_i_smp_big_r(smp_r_range rr, size_t n, const double *p, double *r);
/** h's estimate of i's risk attitude. */
double concert_i_smp_est_r(smp_r_adjust ra, double rh, double ri);
/** Utility of a normalised distance d in [0, 1] to an actor of risk attitude r. */
double concert_i_smp_util(double d, double r);
/** dst[x nc + t] = src_t[cols[t] n + x] for x < n, t < nc: columns cols of the n x n
 * matrix whose transpose is src_t, gathered x-major. O(n nc). */
void concert_i_smp_gather(const double *src_t, size_t n, const size_t *cols, size_t nc,
                          double *dst);

#endif
