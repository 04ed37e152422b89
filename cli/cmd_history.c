/* cmd_history.c: `concert history`: the recorded G7/G8 or G20 summits, their observed rift
 * flags (docs/rift-index.md) and a timeline, as text or JSON. */
#include <getopt.h>
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
  printf("%s summits %d-%d: observed rift flags, the three no's and three disputes "
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
           flag_char(s, r.flag[3]), flag_char(s, r.flag[4]), flag_char(s, r.flag[5]), nos,
           dis);
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

int concert_cli_history(int argc, char **argv) {
  static const struct option opts[] = {{"forum", required_argument, NULL, 'f'},
                                       {"years", required_argument, NULL, 'y'},
                                       {"format", required_argument, NULL, 'o'},
                                       {"data", required_argument, NULL, 'd'},
                                       {NULL, 0, NULL, 0}};
  concert_forum_kind forum = CONCERT_FORUM_G7;
  int from = 1900, to = 2100, json = 0;
  const char *dir = NULL;
  int ch;
  optind = 1;
  opterr = 0;
  while ((ch = getopt_long(argc, argv, ":f:y:o:d:", opts, NULL)) != -1) {
    switch (ch) {
    case 'f':
      if (concert_forum_kind_parse(optarg, &forum, NULL) != CONCERT_OK) {
        fprintf(stderr, "concert history: --forum must be G7 or G20, not '%s'\n", optarg);
        return 2;
      }
      break;
    case 'y':
      if (concert_cli_parse_years(optarg, &from, &to) != 0) {
        fprintf(stderr, "concert history: --years must be YYYY or YYYY-YYYY in 1900-2100, "
                        "not '%s'\n", optarg);
        return 2;
      }
      break;
    case 'o':
      if ((json = concert_cli_format("history", optarg)) < 0) return 2;
      break;
    case 'd': dir = optarg; break;
    case ':':
      fprintf(stderr, "concert history: option %s needs a value\n", argv[optind - 1]);
      return 2;
    default:
      fprintf(stderr, "concert history: unknown option '%s'\n", argv[optind - 1]);
      return 2;
    }
  }
  if (optind < argc) {
    fprintf(stderr, "concert history: unexpected argument '%s'\n", argv[optind]);
    return 2;
  }
  concert_diag d;
  concert_diag_clear(&d);
  concert_history *h = NULL;
  char world[4096];
  if (dir) snprintf(world, sizeof world, "%s/world", dir);
  concert_status st = concert_history_load(&h, dir ? world : NULL, &d);
  if (st != CONCERT_OK) return concert_cli_report("history", st, &d);
  if (from == 1900 && to == 2100) {
    size_t n = concert_history_count(h, forum);
    from = concert_history_at(h, forum, 0)->year;
    to = concert_history_at(h, forum, n - 1)->year;
  }
  int rc = 0;
  if (json) {
    char *text = NULL;
    st = concert_history_to_json(h, forum, from, to, &text, &d);
    if (st == CONCERT_OK)
      puts(text);
    else
      rc = concert_cli_report("history", st, &d);
    free(text);
  } else {
    print_text(h, forum, from, to);
  }
  concert_history_free(h);
  return rc;
}
