/* cmd_history.c: `concert history`: the recorded G7/G8 or G20 summits, their observed rift
 * flags (docs/rift-index.md) and a timeline, as text or JSON. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char flag_letters[CONCERT_RIFT_N] = {'C', 'S', 'U', 'T', 'A', 'R'};

static char flag_char(const concert_summit_record *s, concert_tri f) {
  if (!s->held) return '-';
  return f == CONCERT_TRI_YES ? 'X' : f == CONCERT_TRI_NO ? '.' : '?';
}

/* "2/3" or "2/3 (+1?)" for flags [first, first+3). */
static void count_text(const concert_rift *r, size_t first, char *buf, size_t size) {
  size_t y, u;
  concert_rift_count(r, first, 3, &y, &u);
  if (u)
    snprintf(buf, size, "%zu/3 +%zu?", y, u);
  else
    snprintf(buf, size, "%zu/3", y);
}

static void print_text(const concert_history *h, concert_forum_kind forum, int from, int to) {
  size_t n = concert_history_count(h, forum);
  printf(
      "%s summits %d-%d: observed rift flags, the three no's and three disputes "
      "(docs/rift-index.md)\n",
      forum == CONCERT_FORUM_G7 ? "G7/G8" : "G20", from, to);
  printf("  C %-36s S %s\n", "no joint communique", "issues without a joint statement");
  printf("  U %-36s T %s\n", "no unified stance on core security", "trade disputes");
  printf("  A %-36s R %s\n", "agenda disputes and departures", "role (membership) disputes");
  printf("  X raised   . not raised   ? unknown   - no summit held\n\n");
  printf("year  no  host city                       C S U  T A R  no's      disputes\n");
  for (size_t i = 0; i < n; i++) {
    const concert_summit_record *s = concert_history_at(h, forum, i);
    if (s->year < from || s->year > to) continue;
    concert_rift r;
    concert_rift_from_record(s, &r, NULL, NULL);
    char city[32];
    snprintf(city, sizeof city, "%s", s->host_city);
    char nos[16], dis[16];
    count_text(&r, 0, nos, sizeof nos);
    count_text(&r, 3, dis, sizeof dis);
    if (!s->held) {
      snprintf(nos, sizeof nos, "-");
      snprintf(dis, sizeof dis, "-");
    }
    printf("%d  %2d  %-31s %c %c %c  %c %c %c  %-9s %s\n", s->year, s->summit_no, city,
           flag_char(s, r.flag[0]), flag_char(s, r.flag[1]), flag_char(s, r.flag[2]),
           flag_char(s, r.flag[3]), flag_char(s, r.flag[4]), flag_char(s, r.flag[5]), nos, dis);
  }
  printf("\ntimeline: one # per flag raised, one ? per flag unknown\n");
  for (size_t i = 0; i < n; i++) {
    const concert_summit_record *s = concert_history_at(h, forum, i);
    if (s->year < from || s->year > to) continue;
    concert_rift r;
    concert_rift_from_record(s, &r, NULL, NULL);
    size_t y, u;
    concert_rift_count(&r, 0, CONCERT_RIFT_N, &y, &u);
    printf("%d |", s->year);
    if (!s->held) {
      printf(" no summit held\n");
      continue;
    }
    for (size_t k = 0; k < y; k++) putchar('#');
    for (size_t k = 0; k < u; k++) putchar('?');
    putchar('\n');
  }
  printf("\nevidence for the flags raised (value in [0,1], ? = depth not recorded)\n");
  for (size_t i = 0; i < n; i++) {
    const concert_summit_record *s = concert_history_at(h, forum, i);
    if (s->year < from || s->year > to || !s->held) continue;
    concert_rift r;
    concert_rift_evidence ev;
    concert_rift_from_record(s, &r, &ev, NULL);
    size_t y;
    concert_rift_count(&r, 0, CONCERT_RIFT_N, &y, NULL);
    if (!y) continue;
    printf("%d %s, %s [%s]\n", s->year, s->host_city, s->host_country,
           *s->sources ? s->sources : "no source id");
    for (int c = 0; c < CONCERT_RIFT_N; c++) {
      if (r.flag[c] != CONCERT_TRI_YES) continue;
      if (isnan(r.value[c]))
        printf("  %c    ?  %s\n", flag_letters[c], ev.text[c]);
      else
        printf("  %c %4.2f  %s\n", flag_letters[c], r.value[c], ev.text[c]);
    }
  }
}

static const cli_opt o_forum = {"forum", 'f', "G7|G20",
                                "the forum's record (default G7: the G7/G8)", false};
static const cli_opt o_years = {
    "years", 'y', "FROM-TO", "the summits of these years (YYYY or YYYY-YYYY; default: all)", false};
static const cli_opt *const opts[] = {&o_forum, &o_years, &cli_o_format, &cli_o_data, NULL};
const cli_spec concert_cli_history_spec = {
    "history",
    "",
    0,
    0,
    "text|json|csv",
    opts,
    "Reads DIR/world/g7_summits.csv or g20_summits.csv (docs/history.md). csv: one row per\n"
    "summit and rift flag (docs/csv.md)."};

typedef struct history_args {
  concert_forum_kind forum;
  int from, to;
  const char *dir;
} history_args;

static int take(void *ctx, const cli_opt *o, const char *arg) {
  history_args *a = ctx;
  if (o == &o_forum) {
    if (concert_forum_kind_parse(arg, &a->forum, NULL) != CONCERT_OK)
      return cli_usage("history", "--forum must be G7 or G20, not '%s'", arg);
  } else if (o == &o_years) {
    if (concert_cli_parse_years(arg, &a->from, &a->to) != 0)
      return cli_usage("history", "--years must be YYYY or YYYY-YYYY in 1900-2100, not '%s'", arg);
  } else if (o == &cli_o_data) {
    a->dir = arg;
  }
  return 0;
}

int concert_cli_history(int argc, char **argv) {
  history_args a = {CONCERT_FORUM_G7, 1900, 2100, NULL};
  int format;
  size_t npos;
  int rc = cli_parse(&concert_cli_history_spec, argc, argv, take, &a, NULL, &npos, &format);
  if (rc >= 0) return rc;
  concert_forum_kind forum = a.forum;
  int from = a.from, to = a.to;
  const char *dir = a.dir;
  concert_diag d;
  concert_diag_clear(&d);
  concert_history *h = NULL;
  char world[4096];
  concert_status st =
      concert_history_load(&h, concert_cli_data_sub(dir, "world", world, sizeof world), &d);
  if (st != CONCERT_OK) return concert_cli_report("history", st, &d);
  size_t n = concert_history_count(h, forum), in_range = 0;
  for (size_t i = 0; i < n; i++) {
    int y = concert_history_at(h, forum, i)->year;
    in_range += y >= from && y <= to;
  }
  if (!in_range) {
    fprintf(stderr, "concert history: no %s summit recorded in %d-%d",
            forum == CONCERT_FORUM_G7 ? "G7/G8" : "G20", from, to);
    if (n)
      fprintf(stderr, " (the record covers %d-%d)", concert_history_at(h, forum, 0)->year,
              concert_history_at(h, forum, n - 1)->year);
    fprintf(stderr, "\n");
    concert_history_free(h);
    return 1;
  }
  if (from == 1900 && to == 2100) {
    from = concert_history_at(h, forum, 0)->year;
    to = concert_history_at(h, forum, n - 1)->year;
  }
  rc = 0;
  if (format == 1) {
    char *text = NULL;
    st = concert_history_to_json(h, forum, from, to, &text, &d);
    if (st == CONCERT_OK)
      puts(text);
    else
      rc = concert_cli_report("history", st, &d);
    free(text);
  } else if (format == 2) {
    rc = concert_history_write_csv(h, forum, from, to, stdout) ? 1 : 0;
  } else {
    print_text(h, forum, from, to);
  }
  concert_history_free(h);
  return rc;
}
