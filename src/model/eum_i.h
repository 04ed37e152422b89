/* model/eum_i.h: internals of the expected utility model (eum.c), exposed for the unit
 * tests in tests/unit/test_eum*.c. The library uses them only through the model
 * descriptor concert_i_model_eum. Equations: docs/models/eum.md. */
#ifndef CONCERT_I_EUM_H
#define CONCERT_I_EUM_H
#include <stdbool.h>
#include <stddef.h>

#include "model/model_i.h"

/* The model's switches, decoded from its concert_params (textbook values first). */
typedef struct concert_i_eum_config {
  size_t rounds;          /* number of rounds (stop=fixed) or the cap (stop=converge) */
  bool converge;          /* stop=converge: stop once the medians settle */
  double epsilon;         /* converge: a median "settles" when it moves by <= epsilon */
  size_t patience;        /* converge: consecutive settled rounds needed to stop */
  double q;               /* probability of the status quo, Q, in [0, 1] */
  bool risk_observer;     /* risk=observer: the mover's exponent for both EUs of a pair */
  bool all_pairs;         /* denominator=all_pairs: jmckib's sum over all voters and pairs */
  bool votes_risk;        /* votes=risk: third-party votes use each voter's exponent */
  bool eu_weighted;       /* compromise=eu_weighted: jmckib's ranking of compromises */
  bool capitulation_typo; /* capitulation=jmckib_typo: never offer capitulation */
  bool range_fixed;       /* range=fixed: R from the initial positions, not the current */
  bool forecast_mean;     /* forecast=mean: the final outcome is the weighted mean */
} concert_i_eum_config;

/** The textbook configuration (all switches at their defaults). */
concert_i_eum_config concert_i_eum_defaults(void);
/** Decodes params (already checked against the model's specs) into *cfg. Fails with
 * CONCERT_ERR_RANGE when rounds or patience is not a whole number. */
concert_status concert_i_eum_config_from(const concert_params *params, concert_i_eum_config *cfg,
                                         concert_diag *diag);

/* Basic utilities of Scholz et al. (2011) eqs. 15, 16, 22-24, seen by an actor with risk
 * exponent r. d = |x_i - x_j| / R and dm = |x_i - mu| / R are distances over the range. */
double concert_i_eum_u_success(double d, double r); /* 2 - 4 (0.5 - 0.5 d)^r */
double concert_i_eum_u_failure(double d, double r); /* 2 - 4 (0.5 + 0.5 d)^r */
double concert_i_eum_u_better(double dm, double d, double r); /* 2 - 4 (0.5 - (dm+d)/4)^r */
double concert_i_eum_u_worse(double dm, double d, double r);  /* 2 - 4 (0.5 + (dm+d)/4)^r */
double concert_i_eum_u_status_quo(double r);                 /* 2 - 4 (0.5)^r */

/** Risk exponent from a security level: R_i = (2 sec - max - min) / (max - min) (0 when
 * max == min), r_i = (1 - R_i/3) / (1 + R_i/3), in [0.5, 2]. */
double concert_i_eum_risk_exponent(double sec, double sec_max, double sec_min);

/* A position and its actor, for sorting. */
typedef struct concert_i_eum_key {
  double x; /* position */
  size_t i; /* actor index (breaks ties) */
} concert_i_eum_key;

/* The best offer an actor has received so far in a round. */
typedef struct concert_i_eum_best {
  int type;   /* CONCERT_I_EUM_OFFER_ value (NONE: stay) */
  double key; /* ranking key among offers of the same type */
  double pos; /* position if accepted */
  double b;   /* the proposer's expected utility, for exact ties */
} concert_i_eum_best;

/** Per-issue working state for n actors (all arrays n long, owned by the struct). */
typedef struct concert_i_eum_issue {
  size_t n;        /* actors */
  double *x;       /* current positions */
  double *s;       /* saliences in [0, 1] */
  double *w;       /* vote weights c_i s_i */
  double *r;       /* risk exponents of the current pass */
  double *sec;     /* security levels (first pass) */
  double *next;    /* positions after the round */
  concert_i_eum_key *keys; /* positions with their actors, sorted (ties by index) */
  double *sx;      /* sorted positions */
  double *cw;      /* prefix sums of w in sorted order (n + 1) */
  double *cwx;     /* prefix sums of w x in sorted order (n + 1) */
  double *usq;     /* U_sq of each actor with its current exponent */
  size_t *le;      /* le[a]: number of positions <= x_a */
  size_t *lt;      /* lt[a]: number of positions < x_a */
  concert_i_eum_best *best; /* each actor's best offer in the current round */
  double *pu;      /* votes=risk only, n x (n + 1), or NULL: pu[a (n + 1) + t] is the sum of
                    * w_k (|x_k - x_a| / R)^r_k over the first t voters k in sorted order */
  double range;    /* R used in this round */
  double mu;       /* the median (Condorcet winner) at the start of the round */
  double denom;    /* all-pairs denominator of the current pass (all_pairs only) */
  bool use_exp;    /* the current pass uses voters' exponents in the votes */
} concert_i_eum_issue;

/** Allocates the state for n actors (with the n x (n + 1) vote table when votes_risk);
 * false on allocation failure (then free it). */
bool concert_i_eum_issue_init(concert_i_eum_issue *st, size_t n, bool votes_risk);
/** Fills the votes=risk table st->pu from the current positions (indexed: call
 * concert_i_eum_issue_index first), range and exponents (no-op when st->pu is NULL).
 * O(n^2). */
void concert_i_eum_issue_votes(concert_i_eum_issue *st);
/** Frees the arrays (the struct itself is the caller's). */
void concert_i_eum_issue_free(concert_i_eum_issue *st);
/** Sorts the current positions, builds the prefix sums and ranks. O(n log n). */
void concert_i_eum_issue_index(concert_i_eum_issue *st);

/** Weighted Condorcet winner among the positions x (n values, weights w): the position
 * minimising sum_k w_k |x_k - y|, ties (within 1e-12 relative) to the smallest position.
 * Needs st indexed (concert_i_eum_issue_index). O(n). */
double concert_i_eum_median(const concert_i_eum_issue *st);
/** Capability x salience weighted mean of the current positions (plain mean if all
 * weights are 0). O(n). */
double concert_i_eum_mean(const concert_i_eum_issue *st);

/** Probability that i beats j (eqs. 30/31, or jmckib's all-pairs denominator when
 * cfg->all_pairs; st->denom must then hold concert_i_eum_all_pairs_denominator).
 * 0 when x_i == x_j. Textbook with no votes at all: 0.5. O(log n) (the midpoint's rank),
 * with linear votes or with voters' exponents from st->pu (after
 * concert_i_eum_issue_votes); the direct O(n) sum when use_exp is set without st->pu. */
double concert_i_eum_probability(const concert_i_eum_issue *st, const concert_i_eum_config *cfg,
                                 size_t i, size_t j);
/** jmckib's denominator: sum over voters k and ordered actor pairs (a, b) of
 * w_k |(|x_k - x_b|/R)^e_k - (|x_k - x_a|/R)^e_k|, e_k = r_k if st->use_exp else 1.
 * Needs the index (concert_i_eum_issue_index). O(n^2). */
double concert_i_eum_all_pairs_denominator(concert_i_eum_issue *st);

/** E(U_ij): expected utility of i challenging j, seen with exponent rho (eqs. 5-7):
 * s_j [P Us + (1-P) Uf] + (1-s_j) Us - Q Usq - (1-Q)[T Ub + (1-T) Uw]. O(probability). */
double concert_i_eum_expected_utility(const concert_i_eum_issue *st,
                                      const concert_i_eum_config *cfg, size_t i, size_t j,
                                      double rho);

/* Offer types, in the order an actor prefers them (smaller is better). */
enum {
  CONCERT_I_EUM_OFFER_NONE = 0,        /* no offer: i stays (stalemate, or i has the upper hand) */
  CONCERT_I_EUM_OFFER_CONFLICT = 1,    /* a > 0, b > a: i loses a conflict, moves to x_j */
  CONCERT_I_EUM_OFFER_COMPROMISE = 2,  /* a < 0 < b, b > |a|: i moves by |a/b| of the way */
  CONCERT_I_EUM_OFFER_CAPITULATION = 3 /* a < 0 < b, |a| > b: i moves to x_j */
};

/** Classifies the offer j makes to mover i from a = E(U_ij) and b = E(U_ji) (Scholz fig. 6,
 * seen from i), sets *pos to i's position if it accepts and *key to the ranking key among
 * offers of the same type (the move |x_i - pos|, or jmckib's EU-weighted point for
 * compromises when cfg->eu_weighted). Returns a CONCERT_I_EUM_OFFER_ value. O(1). */
int concert_i_eum_offer(const concert_i_eum_config *cfg, double a, double b, double xi,
                        double xj, double *pos, double *key);

/** One round on one issue: risk exponents (two passes), offers, simultaneous moves.
 * Reads st->x, writes st->next. O(n^2) with linear votes (plus O(n^2 log n) for the
 * all-pairs denominator), O(n^3) with votes=risk. */
void concert_i_eum_round(concert_i_eum_issue *st, const concert_i_eum_config *cfg,
                         double initial_range);

#endif
