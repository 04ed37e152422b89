/* cohesion_query.c: the cohesion of a group, shared by `cohesion` and `plot cohesion`. */
#include "cohesion_query.h"

#include <string.h>

#define MAX_MEMBERS 64

/* Says on stderr what in scope has no data; 1 when nothing is left to measure, else 0. */
static int no_data(const char *cmd, const concert_cohesion *c, int from, int to,
                   const char *issue) {
  const char *on = issue ? " on issue " : "", *code = issue ? issue : "";
  if (concert_cohesion_roll_calls(c) == 0) {
    fprintf(stderr,
            "concert %s: no UN General Assembly roll call in %d-%d%s%s in the "
            "data (the shipped votes cover the sessions 1946-2019)\n",
            cmd, from, to, on, code);
    return 1;
  }
  /* members that cast no vote in scope (not yet UN members, say): named, and an error when
   * fewer than two are left to compare */
  size_t k = concert_cohesion_size(c), voting = 0;
  for (size_t i = 0; i < k; i++) voting += concert_cohesion_joint(c, i, i) > 0;
  if (voting == k) return 0;
  fprintf(stderr, "concert %s: %sno vote in %d-%d%s%s by", cmd, voting < 2 ? "" : "warning: ", from,
          to, on, code);
  for (size_t i = 0; i < k; i++)
    if (!concert_cohesion_joint(c, i, i)) fprintf(stderr, " %s", concert_cohesion_member(c, i));
  fprintf(stderr, "%s\n", voting < 2 ? " (fewer than two members voted)" : "");
  return voting < 2;
}

int cohesion_query(const char *cmd, const char *members, int from, int to, const char *issue,
                   const char *data, concert_unga **u, concert_cohesion **c) {
  *u = NULL, *c = NULL;
  char buf[1024];
  if (strlen(members) >= sizeof buf) return cli_usage(cmd, "--members is too long");
  memcpy(buf, members, strlen(members) + 1);
  const char *list[MAX_MEMBERS + 1];
  size_t n = 0;
  for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok && n <= MAX_MEMBERS;
       tok = strtok_r(NULL, ",", &save))
    list[n++] = tok;
  concert_diag d;
  concert_diag_clear(&d);
  char world[4096];
  concert_status st =
      concert_unga_load(u, concert_cli_data_sub(data, "world", world, sizeof world), &d);
  concert_cohesion_query q = {list, n, from, to, issue};
  if (!st) st = concert_cohesion_compute(*u, &q, c, &d);
  int rc = st ? concert_cli_report(cmd, st, &d) : no_data(cmd, *c, from, to, issue);
  if (rc) {
    concert_cohesion_free(*c);
    concert_unga_free(*u);
    *u = NULL, *c = NULL;
  }
  return rc;
}
