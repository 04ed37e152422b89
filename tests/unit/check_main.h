/* tests/unit/check_main.h: the one main every Check test program ends with. */
#ifndef CONCERT_TEST_CHECK_MAIN_H
#define CONCERT_TEST_CHECK_MAIN_H
#include <check.h>
#include <stdlib.h>

/** Runs every test of s (Check's verbosity from CK_VERBOSITY, normal by default), frees the
 * runner and returns the program's exit status: EXIT_SUCCESS when all passed, else
 * EXIT_FAILURE. */
static inline int concert_test_run(Suite *s) {
  SRunner *r = srunner_create(s);
  srunner_run_all(r, CK_ENV);
  int failed = srunner_ntests_failed(r);
  srunner_free(r);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
