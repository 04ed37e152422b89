/* options.c: the option-table mechanism (options.h): the getopt_long table, the --help
 * text, the man page entries and the usage errors all come from a command's cli_spec. */
#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const cli_opt cli_o_forum = {"forum", 'f', "ID",
                             "the forum to play (default: the first of the file)", false};
const cli_opt cli_o_model = {"model", 'm', "NAME",
                             "bargaining model (default: the scenario's; see 'concert models')",
                             false};
const cli_opt cli_o_param = {"param", 'p', "KEY=VALUE", "a parameter of the model", true};
const cli_opt cli_o_set = {"set", 's', "KEY=VALUE",
                           "a summit protocol parameter (docs/protocol.md)", true};
const cli_opt cli_o_reversion = {"reversion", 'r', "X",
                                 "reversion point (0-100) for actor tables (CSV)", false};
const cli_opt cli_o_runs = {"runs", 'n', "N", "number of Monte Carlo runs (1-100000000)", false};
const cli_opt cli_o_seed = {"seed", 0, "S", "seed of the random streams (default 1)", false};
const cli_opt cli_o_threads = {
    "threads", 0, "T", "worker threads (1-256, default 1); results do not depend on T", false};
const cli_opt cli_o_format = {"format", 0, "FORMAT", NULL /* from the spec's formats */, false};
const cli_opt cli_o_data = {"data", 0, "DIR",
                            "data root (default: $CONCERT_DATADIR, else the shipped data/)", false};
const cli_opt cli_o_output = {"output", 'o', "FILE", "write there (default: standard output)",
                              false};

static const cli_opt help_opt = {"help", 'h', NULL, "print this help and exit", false};

#define MAX_OPTS 64

bool cli_is(const cli_opt *o, const char *name) { return strcmp(o->name, name) == 0; }

int cli_usage(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "concert %s: usage: ", cmd);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry 'concert %s --help'.\n", cmd);
  return 2;
}

/* The option of spec whose long name is name (the whole of it, or an unambiguous prefix as
 * getopt_long takes it); NULL if none. */
static const cli_opt *find_long(const cli_spec *spec, const char *name, size_t len) {
  const cli_opt *hit = NULL;
  for (size_t i = 0; spec->opts[i]; i++) {
    const cli_opt *o = spec->opts[i];
    if (strncmp(o->name, name, len) != 0) continue;
    if (strlen(o->name) == len) return o;
    hit = hit ? &help_opt : o; /* ambiguous: no value to skip */
  }
  return hit == &help_opt ? NULL : hit;
}

static const cli_opt *find_letter(const cli_spec *spec, char c) {
  for (size_t i = 0; spec->opts[i]; i++)
    if (spec->opts[i]->letter == c) return spec->opts[i];
  return NULL;
}

bool cli_wants_help(const cli_spec *spec, int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) return false;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) return true;
    const cli_opt *o = NULL;
    if (a[0] == '-' && a[1] == '-' && !strchr(a, '='))
      o = find_long(spec, a + 2, strlen(a + 2));
    else if (a[0] == '-' && a[1] && a[1] != '-' && !a[2])
      o = find_letter(spec, a[1]);
    if (o && o->arg) i++; /* its value follows */
  }
  return false;
}

/* "text, json or csv" from "text|json|csv", with " (default)" after the first when
 * mark_default. */
static void format_words(const char *formats, bool mark_default, char *buf, size_t size) {
  size_t k = 0;
  buf[0] = '\0';
  const char *f = formats ? formats : "text";
  for (int i = 0; *f && k < size; i++) {
    const char *bar = strchr(f, '|');
    int flen = bar ? (int)(bar - f) : (int)strlen(f);
    int w = snprintf(buf + k, size - k, "%s%.*s%s", i ? (bar ? ", " : " or ") : "", flen, f,
                     i || !mark_default ? "" : " (default)");
    if (w < 0) return;
    k += (size_t)w;
    f = bar ? bar + 1 : f + flen;
  }
}

int cli_parse(const cli_spec *spec, int argc, char **argv, cli_take_fn take, void *ctx,
              const char **pos, size_t *npos, int *format) {
  struct option longs[MAX_OPTS + 1];
  char shorts[3 * MAX_OPTS + 2] = ":";
  size_t n = 0, ns = 1;
  if (format) *format = 0;
  *npos = 0;
  if (cli_wants_help(spec, argc, argv)) {
    cli_help(spec, NULL, stdout);
    return 0;
  }
  for (; spec->opts[n]; n++) {
    const cli_opt *o = spec->opts[n];
    if (n == MAX_OPTS) abort(); /* a table too long is a programming error */
    longs[n] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL,
                               o->letter ? o->letter : 256 + (int)n};
    if (o->letter) {
      shorts[ns++] = o->letter;
      if (o->arg) shorts[ns++] = ':';
    }
  }
  longs[n] = (struct option){NULL, 0, NULL, 0};
  shorts[ns] = '\0';
  optind = 1;
  opterr = 0;
  int c, idx;
  while ((idx = -1, c = getopt_long(argc, argv, shorts, longs, &idx)) != -1) {
    const char *tok = argv[optind - 1];
    if (c == '?') {
      if (strncmp(tok, "--", 2) != 0)
        return cli_usage(spec->name, "unknown option '-%c'", optopt ? optopt : '?');
      const char *eq = strchr(tok, '=');
      const cli_opt *o = eq ? find_long(spec, tok + 2, (size_t)(eq - tok - 2)) : NULL;
      if (o && !o->arg) return cli_usage(spec->name, "option --%s takes no value", o->name);
      return cli_usage(spec->name, "unknown or ambiguous option '%s'", tok);
    }
    if (c == ':') {
      const cli_opt *o = optopt >= 256 ? spec->opts[optopt - 256] : find_letter(spec, (char)optopt);
      return cli_usage(spec->name, "option --%s needs a value (%s)", o ? o->name : "?",
                       o && o->arg ? o->arg : "");
    }
    const cli_opt *o = c >= 256   ? spec->opts[c - 256]
                       : idx >= 0 ? spec->opts[idx]
                                  : find_letter(spec, (char)c);
    if (o == &cli_o_format && spec->formats) {
      int k = 0;
      const char *f = spec->formats;
      size_t len = strlen(optarg);
      for (;;) {
        const char *bar = strchr(f, '|');
        size_t flen = bar ? (size_t)(bar - f) : strlen(f);
        if (flen == len && strncmp(f, optarg, len) == 0) break;
        if (!bar) {
          char list[160];
          format_words(spec->formats, false, list, sizeof list);
          return cli_usage(spec->name, "--format must be %s, not '%s'", list, optarg);
        }
        f = bar + 1, k++;
      }
      if (format) *format = k;
      continue;
    }
    int rc = take ? take(ctx, o, optarg) : 0;
    if (rc) return rc;
  }
  size_t np = (size_t)(argc - optind);
  if (np > spec->max_pos)
    return cli_usage(spec->name, "unexpected argument '%s'", argv[optind + (int)spec->max_pos]);
  if (np < spec->min_pos)
    return cli_usage(spec->name, "missing %s", spec->args && *spec->args ? spec->args : "argument");
  for (size_t i = 0; i < np; i++) pos[i] = argv[optind + (int)i];
  *npos = np;
  return -1;
}

/* "  -f, --forum ID" into buf. */
static void opt_head(const cli_opt *o, char *buf, size_t size) {
  char sh[8] = "    ";
  if (o->letter) snprintf(sh, sizeof sh, "-%c, ", o->letter);
  snprintf(buf, size, "  %s--%s%s%s", sh, o->name, o->arg ? " " : "", o->arg ? o->arg : "");
}

/* The help of o, with the generated texts of --format and of repeatable options. */
static void opt_help(const cli_spec *spec, const cli_opt *o, char *buf, size_t size) {
  if (o == &cli_o_format) {
    char words[160];
    format_words(spec->formats, true, words, sizeof words);
    snprintf(buf, size, "output format: %s", words);
    return;
  }
  size_t len = strlen(o->help);
  if (o->repeatable && len && o->help[len - 1] == ')')
    snprintf(buf, size, "%.*s; repeatable)", (int)(len - 1), o->help);
  else
    snprintf(buf, size, "%s%s", o->help, o->repeatable ? " (repeatable)" : "");
}

/* Writes text from column col of the current line as one paragraph (a '\n' in it is a
 * space: the tables break lines for the man page's source, not for the terminal), wrapped
 * at spaces so that no line passes column width unless one word is longer. */
static void wrap_text(const char *text, int col, int width, FILE *out) {
  int x = col;
  bool first = true;
  for (const char *p = text; *p;) {
    while (*p == ' ' || *p == '\n') p++;
    const char *e = p;
    while (*e && *e != ' ' && *e != '\n') e++;
    int len = (int)(e - p);
    if (len == 0) break;
    if (!first && x + 1 + len > width) {
      fprintf(out, "\n%*s", col, "");
      x = col;
      first = true;
    }
    if (!first) fputc(' ', out), x++;
    fwrite(p, 1, (size_t)len, out);
    x += len, first = false;
    p = e;
  }
}

void cli_help(const cli_spec *spec, const char *summary, FILE *out) {
  if (!summary) summary = concert_cli_summary(spec->name);
  fprintf(out, "usage: concert %s%s%s [OPTIONS]\n\n%s\n\nOptions:\n", spec->name,
          spec->args && *spec->args ? " " : "", spec->args ? spec->args : "",
          summary ? summary : "");
  const int col = 28;
  for (size_t i = 0;; i++) {
    const cli_opt *o = spec->opts[i] ? spec->opts[i] : &help_opt;
    char head[96], help[512];
    opt_head(o, head, sizeof head);
    opt_help(spec, o, help, sizeof help);
    int w = (int)strlen(head);
    fputs(head, out);
    if (w + 2 > col)
      fprintf(out, "\n%*s", col, "");
    else
      fprintf(out, "%*s", col - w, "");
    wrap_text(help, col, 80, out);
    fputc('\n', out);
    if (!spec->opts[i]) break;
  }
  if (spec->notes) fprintf(out, "\n%s\n", spec->notes);
}

/* Text with scdoc's markup characters escaped. */
static void scd_text(const char *s, FILE *out) {
  for (; *s; s++) {
    if (*s == '*' || *s == '_' || *s == '\\') fputc('\\', out);
    fputc(*s, out);
  }
}

void cli_man_options(const cli_spec *spec, FILE *out) {
  fprintf(out, "*%s*", spec->name);
  if (spec->args && *spec->args) {
    fputs(" _", out);
    scd_text(spec->args, out);
    fputs("_", out);
  }
  fputs("\n", out);
  if (!spec->opts[0])
    fputs("\tno options\n", out);
  else
    fputs("\n", out);
  for (size_t i = 0; spec->opts[i]; i++) {
    const cli_opt *o = spec->opts[i];
    char help[512];
    opt_help(spec, o, help, sizeof help);
    fputs("\t", out);
    if (o->letter) fprintf(out, "*-%c*, ", o->letter);
    fputs("*--", out);
    scd_text(o->name, out);
    fputs("*", out);
    if (o->arg) {
      fputs(" _", out);
      scd_text(o->arg, out);
      fputs("_", out);
    }
    fputs("\n\t\t", out);
    for (char *p = help; *p; p++)
      if (*p == '\n') *p = ' ';
    scd_text(help, out);
    fputs("\n\n", out);
  }
  if (!spec->opts[0]) fputc('\n', out);
}

int cli_take_sweep(const char *cmd, const cli_opt *o, const char *arg, cli_sweep_values *v) {
  unsigned long long *out = NULL, lo = 1, hi = 0;
  if (o == &cli_o_runs)
    out = &v->runs, hi = 100000000ull;
  else if (o == &cli_o_seed)
    out = &v->seed, lo = 0, hi = UINT64_MAX;
  else if (o == &cli_o_threads)
    out = &v->threads, hi = 256;
  else
    return 0;
  errno = 0;
  char *end;
  unsigned long long x = strtoull(arg, &end, 10);
  if (errno || end == arg || *end || arg[0] == '-' || x < lo || x > hi)
    return cli_usage(cmd, "--%s must be an integer in [%llu, %llu], not '%s'", o->name, lo, hi,
                     arg);
  *out = x;
  return 1;
}
