/* cmd_history.c: `concert history`: the recorded G7/G8 or G20 summits, their observed rift
 * flags (docs/rift-index.md) and a timeline, as text or JSON. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void json_string(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    switch (*p) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    case '\t': fputs("\\t", f); break;
    default:
      if (*p < 0x20)
        fprintf(f, "\\u%04x", *p);
      else
        fputc(*p, f);
    }
  }
  fputc('"', f);
}

static void json_number(FILE *f, double v, int digits) {
  if (!isfinite(v))
    fputs("null", f);
  else
    fprintf(f, "%.*g", digits, v);
}

static int year_at(const char *s, char **end, int *out) {
  errno = 0;
  long v = strtol(s, end, 10);
  if (errno || *end == s || v < 1900 || v > 2100) return -1;
  *out = (int)v;
  return 0;
}

static int parse_years(const char *s, int *from, int *to) {
  char *end;
  if (!s || year_at(s, &end, from) != 0) return -1;
  if (*end == '\0') {
    *to = *from;
    return 0;
  }
  if (*end != '-') return -1;
  if (year_at(end + 1, &end, to) != 0 || *end != '\0' || *to < *from) return -1;
  return 0;
}

static const char flag_letters[CONCERT_RIFT_N] = {'C', 'S', 'U', 'T', 'A', 'R'};

static char flag_char(const concert_summit_record *s, concert_tri f) {
  if (!s->held) return '-';
  return f == CONCERT_TRI_YES ? 'X' : f == CONCERT_TRI_NO ? '.' : '?';
}

static const char *tri_word(concert_tri f) {
  return f == CONCERT_TRI_YES ? "yes" : f == CONCERT_TRI_NO ? "no" : "unknown";
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

/* Prints a ';'-separated cell as a JSON array of strings. */
static void json_list(const char *s) {
  putchar('[');
  int first = 1;
  while (s && *s) {
    const char *e = strchr(s, ';');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    char buf[128];
    snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), s);
    if (!first) putchar(',');
    json_string(stdout, buf);
    first = 0;
    s = e ? e + 1 : NULL;
  }
  putchar(']');
}

static void print_json(const concert_history *h, concert_forum_kind forum, int from, int to) {
  size_t n = concert_history_count(h, forum);
  printf("{\"forum\":\"%s\",\"years\":[%d,%d],\"thresholds\":{", concert_forum_kind_name(forum),
         from, to);
  for (int c = 0; c < CONCERT_RIFT_N; c++) {
    printf("%s\"%s\":", c ? "," : "", concert_rift_component_id((concert_rift_component)c));
    json_number(stdout, concert_rift_threshold((concert_rift_component)c), 6);
  }
  printf("},\"summits\":[");
  int first = 1;
  for (size_t i = 0; i < n; i++) {
    const concert_summit_record *s = concert_history_at(h, forum, i);
    if (s->year < from || s->year > to) continue;
    concert_rift r;
    concert_rift_evidence ev;
    concert_rift_from_record(s, &r, &ev, NULL);
    printf("%s\n{\"year\":%d,\"summit_no\":%d,\"format\":", first ? "" : ",", s->year,
           s->summit_no);
    first = 0;
    json_string(stdout, s->format);
    printf(",\"host_country\":");
    json_string(stdout, s->host_country);
    printf(",\"host_city\":");
    json_string(stdout, s->host_city);
    printf(",\"dates\":");
    json_string(stdout, s->dates);
    printf(",\"held\":%s,\"members\":%d,\"main_document\":", s->held ? "true" : "false",
           s->n_members);
    json_string(stdout, s->main_document);
    const char *cells[][2] = {{"communique", s->communique},
                              {"chair_summary_replaced_communique", s->chair_summary},
                              {"endorsement_withdrawn_by", s->withdrawn_by},
                              {"departures", s->departures},
                              {"absences", s->absences},
                              {"russia_participation", s->russia},
                              {"disputes", s->disputes}};
    for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++) {
      if (!*cells[k][1]) continue; /* a column the forum's table does not have */
      printf(",\"%s\":", cells[k][0]);
      json_string(stdout, cells[k][1]);
    }
    printf(",\"n_statements\":");
    if (s->n_statements >= 0)
      printf("%d", s->n_statements);
    else
      printf("null");
    printf(",\"rift\":{");
    for (int c = 0; c < CONCERT_RIFT_N; c++) {
      printf("%s\"%s\":{\"value\":", c ? "," : "",
             concert_rift_component_id((concert_rift_component)c));
      json_number(stdout, r.value[c], 6);
      printf(",\"flag\":\"%s\",\"evidence\":", tri_word(r.flag[c]));
      json_string(stdout, ev.text[c]);
      putchar('}');
    }
    printf("},\"codes\":[");
    for (size_t k = 0; k < s->n_codes; k++) {
      const concert_rift_code *code = &s->codes[k];
      printf("%s{\"component\":\"%s\",\"actors\":", k ? "," : "",
             concert_rift_component_id(code->component));
      json_list(code->actors);
      printf(",\"issue\":");
      json_string(stdout, code->issue);
      printf(",\"note\":");
      json_string(stdout, code->note);
      printf(",\"sources\":");
      json_list(code->sources);
      putchar('}');
    }
    printf("],\"sources\":");
    json_list(s->sources);
    putchar('}');
  }
  printf("]}\n");
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
      if (parse_years(optarg, &from, &to) != 0) {
        fprintf(stderr, "concert history: --years must be YYYY or YYYY-YYYY in 1900-2100, "
                        "not '%s'\n", optarg);
        return 2;
      }
      break;
    case 'o':
      if (strcmp(optarg, "json") == 0) {
        json = 1;
      } else if (strcmp(optarg, "text") == 0) {
        json = 0;
      } else {
        fprintf(stderr, "concert history: --format must be text or json, not '%s'\n", optarg);
        return 2;
      }
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
  if (json)
    print_json(h, forum, from, to);
  else
    print_text(h, forum, from, to);
  concert_history_free(h);
  return 0;
}
