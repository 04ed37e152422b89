/* test_abi.c: what bindings rely on: the version API, concert_free, and a diagnostic that
 * keeps a long input path whole (it was cut at 255 bytes). */
#include <concert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"

START_TEST(version_matches_macros) {
  char want[64];
  snprintf(want, sizeof want, "%d.%d.%d", CONCERT_VERSION_MAJOR, CONCERT_VERSION_MINOR,
           CONCERT_VERSION_PATCH);
  ck_assert_str_eq(concert_version(), want);
  ck_assert_str_eq(CONCERT_VERSION_STRING, want);
}
END_TEST

START_TEST(free_takes_library_strings) {
  concert_free(NULL);
  concert_scenario *s = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_scenario_load_file(CONCERT_SRCDIR "/tests/data/measures_g5.yaml",
                                              &s, &d),
                   CONCERT_OK);
  concert_outcome *o = NULL;
  ck_assert_int_eq(concert_summit_run(s, 0, NULL, NULL, NULL, &o, &d), CONCERT_OK);
  char *json = NULL;
  ck_assert_int_eq(concert_outcome_to_json(o, &json, &d), CONCERT_OK);
  ck_assert_ptr_nonnull(strstr(json, "\"schema\": \"concert-outcome/"));
  concert_free(json); /* under ASan a mismatched allocator would be reported here */
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

START_TEST(long_path_whole) {
  /* 311 bytes (the length reported truncated in issue 13) and 1000 bytes. */
  size_t lens[] = {311, 1000};
  for (size_t i = 0; i < 2; i++) {
    char path[1024];
    memset(path, 'p', lens[i]);
    memcpy(path, "/nonexistent/", 13);
    memcpy(path + lens[i] - 5, ".yaml", 5);
    path[lens[i]] = '\0';
    concert_scenario *s = NULL;
    concert_diag d;
    concert_diag_clear(&d);
    ck_assert_int_ne(concert_scenario_load_file(path, &s, &d), CONCERT_OK);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(strlen(d.file), lens[i]);
    ck_assert_str_eq(d.file, path);
    char buf[2048];
    ck_assert_ptr_nonnull(strstr(concert_diag_format(&d, buf, sizeof buf), path));
  }
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("abi");
  TCase *t = tcase_create("abi");
  tcase_add_test(t, version_matches_macros);
  tcase_add_test(t, free_takes_library_strings);
  tcase_add_test(t, long_path_whole);
  suite_add_tcase(s, t);
  return s;
}

int main(void) {
  return concert_test_run(suite());
}
