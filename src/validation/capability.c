/* capability.c: capabilities of the EU member states for the validation run.
 *
 * Three tables, each number with its source (docs/validation.md discusses them):
 *  - Council votes under qualified majority voting as set by the Treaty of Nice
 *    (Protocol on the enlargement of the EU, Art. 3, as amended by the 2003, 2005 and 2012
 *    Acts of Accession): 352 votes in the EU-28, a qualified majority is 260 votes.
 *  - The Shapley-Shubik index of that weighted game (quota 260 of 352), computed exactly
 *    here by counting coalitions by size and weight (the member-count and 62 % population
 *    clauses of the Nice rule are left out).
 *  - Population in 2010 (World Bank SP.POP.TOTL, shared/data/world/wb_population.csv),
 *    the basis of the Lisbon double majority from November 2014.
 * The Commission ("com") and the Parliament ("ep") are not member states; their weight is
 * set relative to the member states present (concert_validation_options). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <concert/validation.h>

#include "validation/validation_i.h"

/* One member state. */
typedef struct member {
  const char *code;  /* DEU column code */
  int votes;         /* Council votes, Treaty of Nice (EU-28, from 1 July 2013) */
  double population; /* persons, 2010, World Bank SP.POP.TOTL */
} member;

enum { N_MEMBERS = 28, NICE_QUOTA = 260, NICE_TOTAL = 352 };

static const member members[N_MEMBERS] = {
    {"de", 29, 81776930}, {"fr", 29, 65026211}, {"it", 29, 59819407}, {"uk", 29, 62766365},
    {"es", 27, 46576897}, {"pl", 27, 38042794}, {"ro", 14, 20246871}, {"nl", 13, 16615394},
    {"be", 12, 10895586}, {"cz", 12, 10474410}, {"el", 12, 11121341}, {"hu", 12, 10000023},
    {"pt", 12, 10573100}, {"at", 10, 8363404},  {"bu", 10, 7395599},  {"se", 10, 9378126},
    {"dk", 7, 5547683},   {"ie", 7, 4560155},   {"lt", 7, 3097282},   {"sk", 7, 5391428},
    {"fi", 7, 5363352},   {"cr", 7, 4295427},   {"cy", 4, 1127816},   {"ee", 4, 1331475},
    {"lv", 4, 2097555},   {"lu", 4, 506953},    {"si", 4, 2048583},   {"mt", 3, 414508},
};

static const char *const cap_names[] = {"qmv-votes", "qmv-ssi", "population", "gdp", "equal"};

concert_status concert_eu_capability_parse(const char *name, concert_eu_capability *out) {
  for (size_t i = 0; name && i < sizeof cap_names / sizeof cap_names[0]; i++)
    if (strcmp(name, cap_names[i]) == 0) {
      if (out) *out = (concert_eu_capability)i;
      return CONCERT_OK;
    }
  return CONCERT_ERR_INVALID;
}

const char *concert_eu_capability_name(concert_eu_capability c) {
  return (size_t)c < sizeof cap_names / sizeof cap_names[0] ? cap_names[c] : "";
}

/* Shapley-Shubik index of every member in the Nice game. For player i, cnt[k][w] counts
 * the coalitions of k other members weighing w; i is pivotal in those with
 * quota - w_i <= w < quota, each with probability k!(n-k-1)!/n!. O(n^3 W). Returns false
 * on allocation failure. */
bool concert_i_eu_ssi(double ssi[]) {
  size_t W = NICE_TOTAL + 1, n = N_MEMBERS;
  double *cnt = calloc(n * W, sizeof *cnt);
  if (!cnt) return false;
  for (size_t i = 0; i < n; i++) {
    memset(cnt, 0, n * W * sizeof *cnt);
    cnt[0] = 1; /* the empty coalition */
    size_t seen = 0;
    for (size_t j = 0; j < n; j++) {
      if (j == i) continue;
      size_t wj = (size_t)members[j].votes;
      for (size_t k = seen + 1; k-- > 0;) /* add j to coalitions of size k */
        for (size_t w = W - 1; w + 1 > wj; w--) cnt[(k + 1) * W + w] += cnt[k * W + w - wj];
      seen++;
    }
    double s = 0;
    size_t wi = (size_t)members[i].votes;
    for (size_t k = 0; k < n; k++) {
      /* k!(n-k-1)!/n! = 1 / (n * C(n-1, k)) */
      double binom = 1;
      for (size_t t = 1; t <= k; t++) binom = binom * (double)(n - t) / (double)t;
      double pk = 1 / ((double)n * binom);
      for (size_t w = NICE_QUOTA - wi; w < NICE_QUOTA; w++) s += cnt[k * W + w] * pk;
    }
    ssi[i] = s;
  }
  free(cnt);
  return true;
}

/* Index of a member code, or -1. */
static int member_index(const char *code) {
  for (int i = 0; code && i < N_MEMBERS; i++)
    if (strcmp(members[i].code, code) == 0) return i;
  return -1;
}

double concert_i_eu_member_capability(concert_eu_capability c, const char *code,
                                      const double *ssi) {
  int i = member_index(code);
  if (c == CONCERT_EU_CAP_EQUAL) return 1.0;
  if (i < 0) return NAN;
  switch (c) {
  case CONCERT_EU_CAP_QMV_VOTES: return members[i].votes;
  case CONCERT_EU_CAP_QMV_SSI: return ssi ? ssi[i] : NAN;
  case CONCERT_EU_CAP_POPULATION: return members[i].population;
  default: return NAN;
  }
}

double concert_eu_member_capability(concert_eu_capability c, const char *code) {
  if (c == CONCERT_EU_CAP_QMV_SSI) {
    double ssi[N_MEMBERS];
    if (member_index(code) < 0 || !concert_i_eu_ssi(ssi)) return NAN;
    return concert_i_eu_member_capability(c, code, ssi);
  }
  return concert_i_eu_member_capability(c, code, NULL);
}
