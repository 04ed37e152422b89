/* test_scenario.c: the YAML scenario loader: the documented example loads; every class of
 * bad input is refused with the right status, line, column and field path. */
#include <check.h>
#include <concert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"

/* A valid base document; tests replace one fragment of it. */
static const char *base =
    "name: t\n"                                            /* 1 */
    "source: test\n"                                       /* 2 */
    "issues:\n"                                            /* 3 */
    "  - id: a\n"                                          /* 4 */
    "    title: Issue A\n"                                 /* 5 */
    "    reversion: 0\n"                                   /* 6 */
    "actors:\n"                                            /* 7 */
    "  - id: X\n"                                          /* 8 */
    "    capability: 1\n"                                  /* 9 */
    "    stances:\n"                                       /* 10 */
    "      a: {position: 50, salience: 0.5}\n"             /* 11 */
    "  - id: Y\n"                                          /* 12 */
    "    capability: 2\n"                                  /* 13 */
    "    stances:\n"                                       /* 14 */
    "      a: {position: 70, salience: 0.5}\n"             /* 15 */
    "forums:\n"                                            /* 16 */
    "  - id: F\n"                                          /* 17 */
    "    members: [X, Y]\n"                                /* 18 */
    "    chair: X\n"                                       /* 19 */
    "    agenda: [{session: s1, issues: [a]}]\n"           /* 20 */
    "    events: [{before_session: s1, depart: Y}]\n";     /* 21 */

static char *replace(const char *from, const char *to) {
  const char *at = strstr(base, from);
  ck_assert_msg(at != NULL, "fragment '%s' not in base", from);
  size_t n = strlen(base) - strlen(from) + strlen(to) + 1;
  char *out = malloc(n);
  ck_assert_ptr_nonnull(out);
  snprintf(out, n, "%.*s%s%s", (int)(at - base), base, to, at + strlen(from));
  return out;
}

static concert_status load(const char *text, concert_diag *d) {
  concert_scenario *s = NULL;
  concert_diag_clear(d);
  concert_status st = concert_scenario_load_string(text, strlen(text), "t.yaml", &s, d);
  ck_assert(st == CONCERT_OK ? s != NULL : s == NULL);
  concert_scenario_free(s);
  return st;
}

/* Expects status, line, column and path for the base with one fragment replaced. */
static void expect(const char *from, const char *to, concert_status st, int line, int col,
                   const char *path) {
  char *text = replace(from, to);
  concert_diag d;
  concert_status got = load(text, &d);
  char buf[1200];
  ck_assert_msg(got == st, "'%s': got %s (%s), want %s", to, concert_status_name(got),
                concert_diag_format(&d, buf, sizeof buf), concert_status_name(st));
  ck_assert_str_eq(d.file, "t.yaml");
  ck_assert_msg(d.line == line && d.column == col, "'%s': at %d:%d, want %d:%d (%s)", to, d.line,
                d.column, line, col, d.message);
  ck_assert_msg(strcmp(d.path, path) == 0, "'%s': path '%s', want '%s'", to, d.path, path);
  ck_assert(strlen(d.message) > 0);
  free(text);
}

START_TEST(base_loads) {
  concert_diag d;
  ck_assert_int_eq(load(base, &d), CONCERT_OK);
}
END_TEST

START_TEST(documented_example_loads) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_scenario_load_file(CONCERT_SRCDIR "/examples/scenario-format-example.yaml", &s, &d),
                   CONCERT_OK);
  ck_assert_uint_eq(concert_scenario_actor_count(s), 4);
  ck_assert_uint_eq(concert_scenario_issue_count(s), 3);
  ck_assert_uint_eq(concert_scenario_forum_count(s), 2);
  ck_assert(concert_scenario_issue_has_tag(s, 0, "trade"));
  ck_assert(concert_scenario_issue_has_tag(s, 1, "core-security"));
  ck_assert(!concert_scenario_issue_has_tag(s, 1, "trade"));
  concert_rule r = concert_scenario_forum_rule(s, 1);
  ck_assert_int_eq(r.kind, CONCERT_RULE_CONSENSUS_MINUS);
  double p, sal;
  ck_assert(concert_scenario_stance(s, 3, 0, &p, &sal));
  ck_assert_double_eq(p, 75);
  ck_assert(!concert_scenario_stance(s, 3, 1, NULL, NULL));
  concert_scenario_free(s);
}
END_TEST

START_TEST(malformed_yaml) {
  /* the unclosed '[' on line 8 swallows lines 9 and 10; libfyaml stops at the ':' of
   * "    stances:" (line 10, column 12); this test pinned 11:13 when positions were off by
   * one line and one column */
  expect("  - id: X\n", "  - id: [X\n", CONCERT_ERR_SYNTAX, 10, 12, "");
}
END_TEST

/* Loads text; expects status st at line:col with msg in the message. */
static void expect_text(const char *text, concert_status st, int line, int col, const char *msg) {
  concert_diag d;
  concert_status got = load(text, &d);
  ck_assert_msg(got == st, "got %s (%s), want %s", concert_status_name(got), d.message,
                concert_status_name(st));
  ck_assert_msg(d.line == line && d.column == col, "at %d:%d, want %d:%d (%s)", d.line, d.column,
                line, col, d.message);
  ck_assert_msg(strstr(d.message, msg) != NULL, "message '%s' lacks '%s'", d.message, msg);
}

/* One document per file, read as written: a second document, text after '...', aliases and
 * merge keys are refused where they are; syntax errors point at the right line; a BOM is
 * skipped. */
START_TEST(yaml_stream_and_positions) {
  char buf[2048];
  snprintf(buf, sizeof buf, "%s---\nname: u\n", base);
  expect_text(buf, CONCERT_ERR_SYNTAX, 23, 1, "second YAML document");
  snprintf(buf, sizeof buf, "%s...\ngarbage\n", base);
  expect_text(buf, CONCERT_ERR_SYNTAX, 23, 1, "after the end marker");
  expect_text("name: t\nsource: &s test\ndescription: *s\n", CONCERT_ERR_UNSUPPORTED, 3, 14,
              "aliases (*s) are not supported");
  expect_text("name: t\nmodel: &m {name: nash}\nprotocol:\n  <<: *m\n", CONCERT_ERR_UNSUPPORTED,
              4, 3, "merge keys (<<) are not supported");
  /* a one-line file: the error is on line 1, at the end of the file */
  expect_text("issues: [\n", CONCERT_ERR_SYNTAX, 1, 10, "(at the end of the file)");
  expect_text("name: t\nsource: a: b\n", CONCERT_ERR_SYNTAX, 2, 10, "malformed YAML");
  snprintf(buf, sizeof buf, "\xef\xbb\xbf%s", base);
  concert_diag d;
  ck_assert_int_eq(load(buf, &d), CONCERT_OK);
}
END_TEST

START_TEST(unknown_ids) {
  expect("members: [X, Y]", "members: [X, Z]", CONCERT_ERR_UNKNOWN_ID, 18, 18, "forums[0].members[1]");
  expect("      a: {position: 70", "      b: {position: 70", CONCERT_ERR_UNKNOWN_ID, 15, 7,
         "actors[1].stances.b");
  expect("issues: [a]}]", "issues: [q]}]", CONCERT_ERR_UNKNOWN_ID, 20, 37,
         "forums[0].agenda[0].issues[0]");
}
END_TEST

/* A non-ASCII id is quoted whole, with its offending character whole (not one byte). */
START_TEST(non_ascii_id) {
  char *t = replace("  - id: Y\n", "  - id: Ça_va_très_bien_mon_ami_oui\n");
  concert_diag d;
  ck_assert_int_eq(load(t, &d), CONCERT_ERR_INVALID);
  ck_assert_str_eq(d.message, "actor id 'Ça_va_très_bien_mon_ami_oui' has the character 'Ç'; use "
                              "ASCII letters, digits, '_', '-', '.'");
  ck_assert_int_eq(d.line, 12);
  free(t);
}
END_TEST

START_TEST(duplicate_ids) {
  expect("  - id: Y\n", "  - id: X\n", CONCERT_ERR_DUPLICATE_ID, 12, 9, "actors[1].id");
  expect("members: [X, Y]", "members: [X, X]", CONCERT_ERR_DUPLICATE_ID, 18, 18, "forums[0].members[1]");
}
END_TEST

START_TEST(out_of_range) {
  expect("position: 70", "position: 170", CONCERT_ERR_RANGE, 15, 21, "actors[1].stances.a.position");
  expect("salience: 0.5}\n  - id: Y", "salience: 5}\n  - id: Y", CONCERT_ERR_RANGE, 11, 35,
         "actors[0].stances.a.salience");
  expect("capability: 2", "capability: -2", CONCERT_ERR_RANGE, 13, 17, "actors[1].capability");
  expect("reversion: 0", "reversion: 101", CONCERT_ERR_RANGE, 6, 16, "issues[0].reversion");
}
END_TEST

START_TEST(nan_and_infinity) {
  expect("position: 70", "position: .nan", CONCERT_ERR_RANGE, 15, 21, "actors[1].stances.a.position");
  expect("capability: 2", "capability: .inf", CONCERT_ERR_RANGE, 13, 17, "actors[1].capability");
  expect("capability: 2", "capability: nan", CONCERT_ERR_RANGE, 13, 17, "actors[1].capability");
  expect("capability: 2", "capability: 1e999", CONCERT_ERR_RANGE, 13, 17, "actors[1].capability");
  expect("capability: 2", "capability: two", CONCERT_ERR_TYPE, 13, 17, "actors[1].capability");
  expect("capability: 2", "capability: 1e-400", CONCERT_ERR_RANGE, 13, 17, "actors[1].capability");
  char *t = replace("capability: 2", "capability: 1e-400");
  concert_diag d;
  ck_assert_int_eq(load(t, &d), CONCERT_ERR_RANGE);
  ck_assert_msg(strstr(d.message, "underflow") && !strstr(d.message, "NaN"), "%s", d.message);
  free(t);
  /* a value out of range is shown as written */
  t = replace("position: 70", "position: 100.0000001");
  ck_assert_int_eq(load(t, &d), CONCERT_ERR_RANGE);
  ck_assert_msg(strstr(d.message, "is 100.0000001;") != NULL, "%s", d.message);
  free(t);
}
END_TEST

START_TEST(empty_forum) {
  expect("members: [X, Y]\n    chair: X\n", "members: []\n", CONCERT_ERR_EMPTY, 0, 0,
         "forums[0].members");
}
END_TEST

START_TEST(chair_outside_forum) {
  expect("members: [X, Y]\n    chair: X", "members: [Y]\n    chair: X", CONCERT_ERR_INVALID, 19, 12,
         "forums[0].chair");
}
END_TEST

START_TEST(event_unknown_session_or_actor) {
  expect("before_session: s1, depart", "before_session: s9, depart", CONCERT_ERR_UNKNOWN_ID, 21, 31,
         "forums[0].events[0].before_session");
  expect("depart: Y}", "depart: Q}", CONCERT_ERR_UNKNOWN_ID, 21, 43, "forums[0].events[0].depart");
}
END_TEST

START_TEST(missing_salience) {
  expect("a: {position: 70, salience: 0.5}", "a: {position: 70}", CONCERT_ERR_MISSING, 15, 11,
         "actors[1].stances.a");
  /* a member without any stance on an agenda issue */
  expect("    stances:\n      a: {position: 70, salience: 0.5}\n", "", CONCERT_ERR_MISSING, 18, 37,
         "forums[0].agenda[0].issues[0]");
}
END_TEST

START_TEST(unknown_field_and_missing_source) {
  expect("    chair: X\n", "    chiar: X\n", CONCERT_ERR_UNKNOWN_FIELD, 19, 5, "forums[0].chiar");
  expect("source: test\n", "", CONCERT_ERR_MISSING, 5, 16, "issues[0].reversion");
}
END_TEST

START_TEST(model_and_protocol_checked) {
  expect("source: test\n", "source: test\nmodel: {name: magic}\n", CONCERT_ERR_UNKNOWN_ID, 3, 15,
         "model.name");
  expect("source: test\n", "source: test\nmodel: {name: nash, params: {loss: cubic}}\n",
         CONCERT_ERR_INVALID, 3, 36, "model.params.loss");
  expect("source: test\n", "source: test\nprotocol: {tolerance: 500}\n", CONCERT_ERR_RANGE, 3, 23,
         "protocol.tolerance");
}
END_TEST

/* What `run` would refuse, the load refuses at its place (so `validate` does too): a model
 * parameter the model itself checks when it runs, an agenda with no issue in any session. */
START_TEST(run_checks_at_load) {
  expect("source: test\n", "source: test\nmodel: {name: eum, params: {rounds: 2.5}}\n",
         CONCERT_ERR_RANGE, 3, 37, "model.params.rounds");
  expect("issues: [a]}]", "issues: []}]", CONCERT_ERR_EMPTY, 20, 15, "forums[0].agenda");
}
END_TEST

/* Dubious inputs: refused when meaningless, else loaded with a warning at their place. */
START_TEST(dubious_inputs) {
  expect("    chair: X\n", "    chair: X\n    rule: {consensus_minus: 2}\n", CONCERT_ERR_RANGE, 20, 29,
         "forums[0].rule.consensus_minus");
  expect("source: test\n", "source: test\nprotocol: {summary_agreed: 30}\n", CONCERT_ERR_RANGE, 3,
         28, "protocol.summary_agreed");
  /* a second departure of the same member is refused (attendance_once) */
  expect("depart: Y}]", "depart: Y}, {before_session: s1, depart: Y}]", CONCERT_ERR_INVALID, 21, 76,
         "forums[0].events[1].depart");
  /* the chair departs: a warning; a shock on a departed member: a warning */
  char *t = replace("depart: Y}]", "depart: X}, {before_session: s1, salience_shock: {actor: X, "
                                   "issue: a, factor: 2}}]");
  concert_scenario *sc = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_scenario_load_string(t, strlen(t), "t.yaml", &sc, &d), CONCERT_OK);
  ck_assert_uint_eq(concert_scenario_warning_count(sc), 2);
  const concert_diag *w = concert_scenario_warning(sc, 0);
  ck_assert_int_eq(w->line, 21);
  ck_assert_str_eq(w->path, "forums[0].events[0]");
  ck_assert_str_eq(w->message, "the chair 'X' departs, yet stays the chair for the whole summit "
                               "(no successor is modelled)");
  w = concert_scenario_warning(sc, 1);
  ck_assert_str_eq(w->path, "forums[0].events[1]");
  ck_assert_ptr_nonnull(strstr(w->message, "names 'X', who has left the summit by then"));
  ck_assert_ptr_null(concert_scenario_warning(sc, 2));
  concert_scenario_free(sc);
  free(t);
  ck_assert_int_eq(load(base, &d), CONCERT_OK); /* the base: no warning */
}
END_TEST

START_TEST(empty_and_missing_file) {
  concert_diag d;
  ck_assert_int_eq(load("", &d), CONCERT_ERR_EMPTY);
  concert_scenario *s = NULL;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_scenario_load_file("/nonexistent/x.yaml", &s, &d), CONCERT_ERR_IO);
  ck_assert_str_eq(d.file, "/nonexistent/x.yaml");
}
END_TEST

/* 10,000 actors load (the documented limit); 10,001 are refused clearly. */
static char *many(size_t n) {
  size_t cap = 200 + n * 80;
  char *t = malloc(cap);
  ck_assert_ptr_nonnull(t);
  size_t u = (size_t)snprintf(t, cap, "name: big\nsource: generated\nissues: [{id: a, title: A, reversion: 0}]\nactors:\n");
  for (size_t i = 0; i < n; i++)
    u += (size_t)snprintf(t + u, cap - u, "  - {id: A%zu, capability: 1, stances: {a: {position: %zu, salience: 0.5}}}\n", i, i % 101);
  u += (size_t)snprintf(t + u, cap - u, "forums: [{id: F, members: [A0, A1], agenda: [{session: s, issues: [a]}]}]\n");
  return t;
}

START_TEST(huge_inputs) {
  concert_diag d;
  char *t = many(10000);
  ck_assert_int_eq(load(t, &d), CONCERT_OK);
  free(t);
  t = many(10001);
  ck_assert_int_eq(load(t, &d), CONCERT_ERR_TOO_LARGE);
  ck_assert_str_eq(d.path, "actors");
  free(t);
}
END_TEST

int main(void) {
  Suite *s = suite_create("scenario");
  TCase *t = tcase_create("load");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, base_loads);
  tcase_add_test(t, documented_example_loads);
  tcase_add_test(t, malformed_yaml);
  tcase_add_test(t, yaml_stream_and_positions);
  tcase_add_test(t, unknown_ids);
  tcase_add_test(t, duplicate_ids);
  tcase_add_test(t, non_ascii_id);
  tcase_add_test(t, out_of_range);
  tcase_add_test(t, nan_and_infinity);
  tcase_add_test(t, empty_forum);
  tcase_add_test(t, chair_outside_forum);
  tcase_add_test(t, event_unknown_session_or_actor);
  tcase_add_test(t, missing_salience);
  tcase_add_test(t, unknown_field_and_missing_source);
  tcase_add_test(t, model_and_protocol_checked);
  tcase_add_test(t, empty_and_missing_file);
  tcase_add_test(t, run_checks_at_load);
  tcase_add_test(t, dubious_inputs);
  tcase_add_test(t, huge_inputs);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
