/* scenario_support.h: the two steps most summit tests start with: load a scenario from YAML
 * text (the test fails with the loader's message if it is refused) and play one forum with
 * optional protocol overrides. Header-only, for tests; not part of libconcert. */
#ifndef CONCERT_TEST_SCENARIO_SUPPORT_H
#define CONCERT_TEST_SCENARIO_SUPPORT_H
#include <check.h>
#include <concert.h>
#include <stdio.h>
#include <string.h>

/* The scenario in text (named "t.yaml" in messages); the caller frees it. */
static inline concert_scenario *load(const char *text) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st = concert_scenario_load_string(text, strlen(text), "t.yaml", &s, &d);
  ck_assert_msg(st == CONCERT_OK, "%s (%s line %d)", d.message, d.path, d.line);
  return s;
}

/* Plays forum `forum` of s with the protocol overrides in proto (space-separated key=value
 * assignments, or NULL); the caller frees the outcome. */
static inline concert_outcome *run(concert_scenario *s, const char *forum, const char *proto) {
  size_t f = 0;
  ck_assert(concert_scenario_forum_find(s, forum, &f));
  concert_params *p = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  if (proto) {
    p = concert_params_new();
    char buf[256];
    snprintf(buf, sizeof buf, "%s", proto);
    for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " "))
      ck_assert_int_eq(concert_params_set_text(p, tok, &d), CONCERT_OK);
  }
  concert_outcome *o = NULL;
  concert_status st = concert_summit_run(s, f, NULL, NULL, p, &o, &d);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
  concert_params_free(p);
  return o;
}

#endif
