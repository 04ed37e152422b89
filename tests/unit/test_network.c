/* test_network.c: deal networks (src/network/network.c, docs/network.md): Freeman
 * centralizations of stars, rings and paths computed by hand, the hub and its spokes,
 * merging of repeated deals, empty and refused inputs. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>
#include "check_main.h"

static concert_network *build(size_t n, const concert_network_tie *t, size_t nt) {
  concert_network *net = NULL;
  concert_diag d;
  concert_status st = concert_network_new(n, t, nt, &net, &d);
  ck_assert_msg(st == CONCERT_OK, "network_new failed: %s", d.message);
  ck_assert_ptr_nonnull(net);
  return net;
}

/* Star with centre 2 and spokes 0, 1, 3, 4 (n = 5). Degrees (1, 1, 4, 1, 1):
 * sum (4 - d_i) = 12 = (n-1)(n-2): centralization 1. The centre lies on the one
 * shortest path of each of the C(4,2) = 6 spoke pairs: betweenness 6; sum (6 - b_i) = 24
 * = (n-1)^2 (n-2) / 2: centralization 1. */
START_TEST(star_four_spokes) {
  concert_network_tie t[] = {{2, 0, 1}, {1, 2, 2}, {2, 3, 1}, {4, 2, 0.5}};
  concert_network *net = build(5, t, 4);
  ck_assert_double_eq_tol(concert_network_degree_centralization(net), 1, 1e-12);
  ck_assert_double_eq_tol(concert_network_betweenness_centralization(net), 1, 1e-12);
  ck_assert_uint_eq(concert_network_hub(net), 2);
  ck_assert_uint_eq(concert_network_spoke_count(net), 4);
  size_t want[] = {0, 1, 3, 4};
  for (size_t i = 0; i < 4; i++) ck_assert_uint_eq(concert_network_spoke(net, i), want[i]);
  ck_assert_uint_eq(concert_network_spoke(net, 4), CONCERT_NETWORK_NO_HUB);
  ck_assert_uint_eq(concert_network_degree(net, 2), 4);
  ck_assert_double_eq_tol(concert_network_betweenness(net, 2), 6, 1e-12);
  ck_assert_double_eq_tol(concert_network_betweenness(net, 0), 0, 1e-12);
  ck_assert_double_eq_tol(concert_network_strength(net, 2), 4.5, 1e-12);
  ck_assert_double_eq_tol(concert_network_strength(net, 1), 2, 1e-12);
  ck_assert_uint_eq(concert_network_edges(net), 4);
  const concert_network_tie *e0 = concert_network_edge(net, 0);
  ck_assert(e0->a == 0 && e0->b == 2 && e0->weight == 1);
  concert_network_summary sum;
  concert_network_summarize(net, &sum);
  ck_assert_uint_eq(sum.n_actors, 5);
  ck_assert_uint_eq(sum.n_edges, 4);
  ck_assert_double_eq_tol(sum.total_weight, 4.5, 1e-12);
  ck_assert_uint_eq(sum.hub, 2);
  ck_assert_uint_eq(sum.n_spokes, 4);
  concert_network_actor ac;
  ck_assert_int_eq(concert_network_actor_stats(net, 3, &ac), CONCERT_OK);
  ck_assert(!ac.is_hub && ac.is_spoke && ac.degree == 1);
  ck_assert_int_eq(concert_network_actor_stats(net, 2, &ac), CONCERT_OK);
  ck_assert(ac.is_hub && !ac.is_spoke);
  ck_assert_int_eq(concert_network_actor_stats(net, 5, &ac), CONCERT_ERR_RANGE);
  concert_network_free(net);
}
END_TEST

/* Ring of 5: every degree is 2 and every betweenness 1 (each vertex joins its two
 * neighbours): both centralizations 0. The hub is the lowest index, 0; spokes 1 and 4. */
START_TEST(ring_is_flat) {
  concert_network_tie t[] = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}, {4, 0, 1}};
  concert_network *net = build(5, t, 5);
  ck_assert_double_eq_tol(concert_network_degree_centralization(net), 0, 1e-12);
  ck_assert_double_eq_tol(concert_network_betweenness_centralization(net), 0, 1e-12);
  for (size_t a = 0; a < 5; a++)
    ck_assert_double_eq_tol(concert_network_betweenness(net, a), 1, 1e-12);
  ck_assert_uint_eq(concert_network_hub(net), 0);
  ck_assert_uint_eq(concert_network_spoke_count(net), 2);
  ck_assert_uint_eq(concert_network_spoke(net, 0), 1);
  ck_assert_uint_eq(concert_network_spoke(net, 1), 4);
  concert_network_free(net);
}
END_TEST

/* Path 0-1-2: only the pair (0, 2) passes through 1: betweenness (0, 1, 0). Freeman:
 * degree (1 + 1) / (2 * 1) = 1; betweenness (1 + 1) / (2^2 * 1 / 2) = 1. */
START_TEST(path_of_three) {
  concert_network_tie t[] = {{0, 1, 1}, {2, 1, 1}};
  concert_network *net = build(3, t, 2);
  ck_assert_double_eq_tol(concert_network_betweenness(net, 0), 0, 1e-12);
  ck_assert_double_eq_tol(concert_network_betweenness(net, 1), 1, 1e-12);
  ck_assert_double_eq_tol(concert_network_betweenness(net, 2), 0, 1e-12);
  ck_assert_double_eq_tol(concert_network_degree_centralization(net), 1, 1e-12);
  ck_assert_double_eq_tol(concert_network_betweenness_centralization(net), 1, 1e-12);
  ck_assert_uint_eq(concert_network_hub(net), 1);
  concert_network_free(net);
}
END_TEST

/* Path 0-1-2-3: betweenness (0, 2, 2, 0) (1 joins (0,2) and (0,3); 2 joins (1,3) and
 * (0,3)). Degree centralization (1 + 0 + 0 + 1) / (3 * 2) = 1/3; betweenness
 * (2 + 0 + 0 + 2) / (3^2 * 2 / 2) = 4/9. Hub: 1 and 2 tie on degree and betweenness, so
 * the lower index, 1; spokes 0 and 2. */
START_TEST(path_of_four) {
  concert_network_tie t[] = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}};
  concert_network *net = build(4, t, 3);
  ck_assert_double_eq_tol(concert_network_betweenness(net, 1), 2, 1e-12);
  ck_assert_double_eq_tol(concert_network_betweenness(net, 2), 2, 1e-12);
  ck_assert_double_eq_tol(concert_network_degree_centralization(net), 1.0 / 3, 1e-12);
  ck_assert_double_eq_tol(concert_network_betweenness_centralization(net), 4.0 / 9, 1e-12);
  ck_assert_uint_eq(concert_network_hub(net), 1);
  ck_assert_uint_eq(concert_network_spoke(net, 0), 0);
  ck_assert_uint_eq(concert_network_spoke(net, 1), 2);
  concert_network_free(net);
}
END_TEST

/* 0 and 3 both have degree 3; 3 joins its leaves 4 and 5 to everyone (7 pairs: (4,5)
 * and 4 or 5 with 0, 1, 2) while 0 joins 1 and 2 to 3, 4, 5 (6 pairs): the hub is 3. */
START_TEST(hub_tie_broken_by_betweenness) {
  concert_network_tie t[] = {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {0, 3, 1}, {3, 4, 1}, {3, 5, 1}};
  concert_network *net = build(6, t, 6);
  ck_assert_double_eq_tol(concert_network_betweenness(net, 0), 6, 1e-12);
  ck_assert_double_eq_tol(concert_network_betweenness(net, 3), 7, 1e-12);
  ck_assert_uint_eq(concert_network_hub(net), 3);
  ck_assert_uint_eq(concert_network_spoke_count(net), 3);
  ck_assert_uint_eq(concert_network_spoke(net, 0), 0);
  ck_assert_uint_eq(concert_network_spoke(net, 1), 4);
  ck_assert_uint_eq(concert_network_spoke(net, 2), 5);
  concert_network_free(net);
}
END_TEST

/* Repeated deals between one pair, in either order, merge into one weighted edge. */
START_TEST(deals_merge) {
  concert_deal dl[] = {
      {.actor_a = 0, .actor_b = 1, .gain_a = 1, .gain_b = 1, .round = 0},
      {.actor_a = 1, .actor_b = 0, .gain_a = 0.5, .gain_b = 0.5, .round = 1},
      {.actor_a = 0, .actor_b = 2, .gain_a = 2, .gain_b = 2, .round = 0},
  };
  concert_network *net = NULL;
  ck_assert_int_eq(concert_network_from_deals(3, dl, 3, CONCERT_NETWORK_WEIGHT_COUNT, &net, NULL),
                   CONCERT_OK);
  ck_assert_uint_eq(concert_network_edges(net), 2);
  ck_assert_double_eq_tol(concert_network_strength(net, 0), 3, 1e-12);
  ck_assert_double_eq_tol(concert_network_strength(net, 1), 2, 1e-12);
  ck_assert_uint_eq(concert_network_degree(net, 0), 2);
  ck_assert_uint_eq(concert_network_hub(net), 0);
  concert_network_free(net);
  ck_assert_int_eq(concert_network_from_deals(3, dl, 3, CONCERT_NETWORK_WEIGHT_GAIN, &net, NULL),
                   CONCERT_OK);
  ck_assert_double_eq_tol(concert_network_strength(net, 0), 7, 1e-12);
  ck_assert_double_eq_tol(concert_network_strength(net, 1), 3, 1e-12);
  ck_assert_double_eq_tol(concert_network_edge(net, 0)->weight, 3, 1e-12);
  concert_network_free(net);
}
END_TEST

START_TEST(empty_deal_list) {
  concert_network *net = NULL;
  ck_assert_int_eq(concert_network_from_deals(4, NULL, 0, CONCERT_NETWORK_WEIGHT_COUNT, &net, NULL),
                   CONCERT_OK);
  ck_assert_uint_eq(concert_network_actors(net), 4);
  ck_assert_uint_eq(concert_network_edges(net), 0);
  ck_assert_double_eq(concert_network_degree_centralization(net), 0);
  ck_assert_double_eq(concert_network_betweenness_centralization(net), 0);
  ck_assert_uint_eq(concert_network_hub(net), CONCERT_NETWORK_NO_HUB);
  ck_assert_uint_eq(concert_network_spoke_count(net), 0);
  for (size_t a = 0; a < 4; a++) {
    ck_assert_uint_eq(concert_network_degree(net, a), 0);
    ck_assert_double_eq(concert_network_strength(net, a), 0);
    ck_assert_double_eq(concert_network_betweenness(net, a), 0);
  }
  concert_network_free(net);
  /* One or two actors: no theoretical maximum, centralization 0 by convention. */
  concert_network_tie t = {0, 1, 1};
  net = build(2, &t, 1);
  ck_assert_double_eq(concert_network_degree_centralization(net), 0);
  ck_assert_double_eq(concert_network_betweenness_centralization(net), 0);
  ck_assert_uint_eq(concert_network_hub(net), 0);
  concert_network_free(net);
  net = build(1, NULL, 0);
  ck_assert_uint_eq(concert_network_hub(net), CONCERT_NETWORK_NO_HUB);
  concert_network_free(net);
  concert_network_free(NULL);
}
END_TEST

START_TEST(bad_input) {
  concert_network *net = (concert_network *)&net; /* must be reset to NULL */
  concert_diag d;
  concert_deal dl[] = {{.actor_a = 0, .actor_b = 1}, {.actor_a = 2, .actor_b = 3}};
  ck_assert_int_eq(concert_network_from_deals(3, dl, 2, CONCERT_NETWORK_WEIGHT_COUNT, &net, &d),
                   CONCERT_ERR_RANGE);
  ck_assert_ptr_null(net);
  ck_assert_str_eq(d.path, "deals[1].actor_b");
  ck_assert_str_eq(d.message,
                   "deals 1 ties actor 3, but the network has only 3 actors (indices 0 to 2)");
  concert_network_tie self = {1, 1, 1}, zero = {0, 1, 0}, nan = {0, 1, NAN},
                      out = {7, 0, 1};
  ck_assert_int_eq(concert_network_new(3, &self, 1, &net, &d), CONCERT_ERR_INVALID);
  ck_assert_int_eq(concert_network_new(3, &zero, 1, &net, &d), CONCERT_ERR_RANGE);
  ck_assert_str_eq(d.path, "ties[0].weight");
  ck_assert_int_eq(concert_network_new(3, &nan, 1, &net, &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(concert_network_new(3, &out, 1, &net, &d), CONCERT_ERR_RANGE);
  ck_assert_str_eq(d.path, "ties[0].a");
  ck_assert_int_eq(concert_network_new(0, NULL, 0, &net, &d), CONCERT_ERR_EMPTY);
  ck_assert_int_eq(concert_network_new(3, NULL, 2, &net, &d), CONCERT_ERR_ARGUMENT);
  ck_assert_int_eq(concert_network_new(3, NULL, 0, NULL, &d), CONCERT_ERR_ARGUMENT);
  concert_deal neg = {.actor_a = 0, .actor_b = 1, .gain_a = -1, .gain_b = 0.5};
  ck_assert_int_eq(concert_network_from_deals(3, &neg, 1, CONCERT_NETWORK_WEIGHT_GAIN, &net, &d),
                   CONCERT_ERR_RANGE);
  ck_assert_int_eq(concert_network_from_deals(3, &neg, 1, (concert_network_weight)9, &net, &d),
                   CONCERT_ERR_ARGUMENT);
  ck_assert_ptr_null(net);
  /* Accessors on NULL are harmless. */
  ck_assert_uint_eq(concert_network_hub(NULL), CONCERT_NETWORK_NO_HUB);
  ck_assert(isnan(concert_network_strength(NULL, 0)));
}
END_TEST

/* Relabelling the actors relabels degrees and betweenness and leaves the
 * centralizations unchanged. */
START_TEST(relabelling) {
  concert_network_tie t[] = {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}, {3, 5, 2}};
  size_t perm[] = {4, 2, 5, 0, 1, 3};
  concert_network_tie u[6];
  for (size_t i = 0; i < 6; i++)
    u[i] = (concert_network_tie){perm[t[i].a], perm[t[i].b], t[i].weight};
  concert_network *x = build(6, t, 6), *y = build(6, u, 6);
  ck_assert_double_eq_tol(concert_network_degree_centralization(x),
                          concert_network_degree_centralization(y), 1e-12);
  ck_assert_double_eq_tol(concert_network_betweenness_centralization(x),
                          concert_network_betweenness_centralization(y), 1e-12);
  for (size_t a = 0; a < 6; a++) {
    ck_assert_uint_eq(concert_network_degree(x, a), concert_network_degree(y, perm[a]));
    ck_assert_double_eq_tol(concert_network_betweenness(x, a),
                            concert_network_betweenness(y, perm[a]), 1e-12);
    ck_assert_double_eq_tol(concert_network_strength(x, a), concert_network_strength(y, perm[a]),
                            1e-12);
  }
  /* 2 and 3 have degree 3; 2 joins {0, 1} to {3, 4, 5}: 6 pairs; 3 joins {4, 5} to the
   * rest and to each other: 3 * 2 + 1 = 7 pairs. Hub 3, here and as perm[3] = 0 there. */
  ck_assert_uint_eq(concert_network_hub(x), 3);
  ck_assert_uint_eq(concert_network_hub(y), perm[3]);
  concert_network_free(x);
  concert_network_free(y);
}
END_TEST

/* The exchange model's deals feed the network directly. */
START_TEST(from_exchange_solution) {
  const double x[] = {20, 30, 80, 90}, s[] = {0.2, 0.8, 0.6, 0.2}, c[] = {1, 1},
               rev[] = {NAN, NAN};
  concert_problem p = {.n_actors = 2, .n_issues = 2, .position = x, .salience = s,
                       .capability = c, .reversion = rev};
  concert_solution *sol = NULL;
  ck_assert_int_eq(concert_model_solve(concert_model_find("exchange"), NULL, &p, &sol, NULL),
                   CONCERT_OK);
  size_t nd = concert_solution_deal_count(sol);
  ck_assert_uint_gt(nd, 0);
  concert_deal *dl = malloc(nd * sizeof *dl);
  for (size_t i = 0; i < nd; i++) dl[i] = *concert_solution_deal(sol, i);
  concert_network *net = NULL;
  ck_assert_int_eq(concert_network_from_deals(2, dl, nd, CONCERT_NETWORK_WEIGHT_COUNT, &net, NULL),
                   CONCERT_OK);
  ck_assert_uint_eq(concert_network_edges(net), 1);
  ck_assert_double_eq_tol(concert_network_strength(net, 0), (double)nd, 1e-12);
  ck_assert_uint_eq(concert_network_hub(net), 0);
  ck_assert_uint_eq(concert_network_spoke(net, 0), 1);
  concert_network_free(net);
  free(dl);
  concert_solution_free(sol);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("network");
  TCase *t = tcase_create("core");
  tcase_add_test(t, star_four_spokes);
  tcase_add_test(t, ring_is_flat);
  tcase_add_test(t, path_of_three);
  tcase_add_test(t, path_of_four);
  tcase_add_test(t, hub_tie_broken_by_betweenness);
  tcase_add_test(t, deals_merge);
  tcase_add_test(t, empty_deal_list);
  tcase_add_test(t, bad_input);
  tcase_add_test(t, relabelling);
  tcase_add_test(t, from_exchange_solution);
  suite_add_tcase(s, t);
  return s;
}

int main(void) {
  return concert_test_run(suite());
}
