/* cmd_design.c: `concert design FILE --candidates A,B,... --size K`: every K-member forum of
 * the candidates, built from a template forum, ranked by an objective (docs/design.md). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mpi.h"
#include "run_options.h"

static const cli_opt o_candidates = {"candidates", 0, "A,B,...",
                                     "the candidate actors (ids of the file; each needs stances on "
                                     "the\ntemplate's agenda) (required)",
                                     false};
static const cli_opt o_size = {
    "size", 0, "K", "members per forum: every K of the candidates (C(n, K) forums) (required)",
    false};
static const cli_opt o_template = {
    "template", 0, "FORUM",
    "agenda, rule and protocol of this forum (default: the first); chair\nthe member with the "
    "largest capability, no partners, no events",
    false};
static const cli_opt o_objective = {
    "objective", 0, "NAME",
    "agreed-coverage (default): expected share agreed x mean coverage of\nworld GDP, military "
    "spending and population; communique: P(document\nissued, with or without carve-outs); agreed: "
    "expected share agreed;\nbalance: expected share agreed x capability evenness (docs/design.md)",
    false};
static const cli_opt o_top = {"top", 0, "M", "forums shown (default 10, 0 all)", false};
static const cli_opt o_year = {
    "year", 0, "Y", "coverage year (default: the latest with data for every candidate)", false};
static const cli_opt *const opts[] = {
    &o_candidates, &o_size,     &o_template,  &o_objective, CLI_SWEEP_OPTS, &o_top, &cli_o_format,
    &o_year,       &cli_o_data, &cli_o_model, &cli_o_param, &cli_o_set,     NULL};
const cli_spec concert_cli_design_spec = {
    "design",
    "FILE",
    1,
    1,
    "text|json|csv",
    opts,
    "--runs 1 (default) scores each forum by its point run; N > 1 sweeps each forum N runs\n"
    "(same seed). --threads splits the forums; results do not depend on it (docs/design.md)."};

typedef struct design_args {
  run_options ro;
  concert_design_options o;
  const char *cands, *tmpl, *data;
  unsigned long long top;
  bool have_size;
  cli_sweep_values sv;
} design_args;

static int take(void *ctx, const cli_opt *opt, const char *arg) {
  design_args *a = ctx;
  unsigned long long v;
  int t = run_options_take(&a->ro, opt, arg, "design");
  if (t) return t == 1 ? 0 : t;
  t = cli_take_sweep("design", opt, arg, &a->sv);
  if (t) return t == 1 ? 0 : t;
  if (opt == &o_candidates)
    a->cands = arg;
  else if (opt == &o_template)
    a->tmpl = arg;
  else if (opt == &cli_o_data)
    a->data = arg;
  else if (opt == &o_objective) {
    if (!concert_design_objective_find(arg, &a->o.objective))
      return cli_usage("design",
                       "unknown objective '%s' (agreed-coverage, communique, agreed, "
                       "balance)",
                       arg);
  } else if (opt == &o_size) {
    if (concert_cli_count("design", "--size", arg, 1, 1000, &v)) return 2;
    a->o.size = (size_t)v, a->have_size = true;
  } else if (opt == &o_top) {
    if (concert_cli_count("design", "--top", arg, 0, SIZE_MAX, &a->top)) return 2;
  } else if (opt == &o_year) {
    if (concert_cli_count("design", "--year", arg, 1000, 3000, &v)) return 2;
    a->o.year = (int)v;
  }
  return 0;
}

int concert_cli_design(int argc, char **argv) {
  design_args a = {.ro = {.reversion = NAN}, .top = 10, .sv = {0, 1, 1}};
  concert_design_options_init(&a.o);
  int rc = 1, format = 0;
  concert_scenario *s = NULL;
  concert_worlddata *world = NULL;
  concert_design *d = NULL;
  size_t *idx = NULL, npos;
  char *list = NULL;
  const char *file = NULL;
  cli_mpi mpi;
  bool agreed = false;
  if (cli_mpi_start(&mpi, &argc, &argv, "design")) return 1;
  int prc = cli_parse(&concert_cli_design_spec, argc, argv, take, &a, &file, &npos, &format);
  if (prc >= 0) {
    rc = prc;
    goto out;
  }
  if (!a.cands || !a.have_size) {
    rc = cli_usage("design", "--candidates A,B,... and --size K are required");
    goto out;
  }
  run_options ro = a.ro;
  concert_design_options o = a.o;
  const char *cands = a.cands, *tmpl = a.tmpl, *data = a.data;
  unsigned long long top = a.top;
  if (a.sv.runs) o.runs = (size_t)a.sv.runs;
  o.seed = a.sv.seed, o.threads = (unsigned)a.sv.threads;
  int ok;
  o.model = run_options_model(&ro, "design", &ok);
  if (!ok) {
    rc = 2;
    goto out;
  }
  o.model_params = ro.mparams, o.protocol = ro.protocol;
  s = run_options_load(&ro, file, "design");
  if (!s) goto out;
  if (!run_options_forum(s, tmpl, file, "design", &o.template_forum)) goto out;
  list = strdup(cands);
  idx = malloc((strlen(cands) + 1) * sizeof *idx);
  if (!list || !idx) {
    fprintf(stderr, "concert design: out of memory\n");
    goto out;
  }
  for (char *save = NULL, *tok = strtok_r(list, ",", &save); tok;
       tok = strtok_r(NULL, ",", &save)) {
    if (!concert_scenario_actor_find(s, tok, &idx[o.n_candidates])) {
      fprintf(stderr, "concert design: %s: no actor '%s'\n", file, tok);
      goto out;
    }
    o.n_candidates++;
  }
  o.candidates = idx;
  concert_diag dg;
  concert_diag_clear(&dg);
  if (o.objective == CONCERT_DESIGN_AGREED_COVERAGE) {
    concert_status st = concert_worlddata_load(data ? data : concert_data_dir(), &world, &dg);
    if (st) {
      concert_cli_report("design", st, &dg);
      goto out;
    }
    o.world = world;
  }
  o.part = (size_t)mpi.rank, o.parts = (size_t)mpi.size;
  concert_status st = concert_design_run(s, &o, &d, &dg);
  if (st) concert_cli_report("design", st, &dg);
  agreed = true;
  if (cli_mpi_agree(&mpi, st != CONCERT_OK, "design")) goto out;
  if (mpi.size > 1) {
    size_t nv;
    uint64_t *vals = concert_design_values(d, &nv);
    if (cli_mpi_or(&mpi, vals, nv, "design")) goto out;
    st = concert_design_merge_values(d, &dg);
    if (st) {
      concert_cli_report("design", st, &dg);
      goto out;
    }
  }
  if (format == 1) {
    char *json = NULL;
    if (concert_design_to_json(d, (size_t)top, &json, &dg)) {
      concert_cli_report("design", dg.status, &dg);
      goto out;
    }
    printf("%s\n", json);
    free(json);
  } else if (format == 2) {
    if (concert_design_write_csv(d, (size_t)top, stdout)) goto out;
  } else if (concert_design_write_text(d, (size_t)top, stdout)) {
    goto out;
  }
  rc = 0;
out:
  /* a rank that stopped early still answers the others' agreement, so none waits forever */
  if (!agreed) cli_mpi_agree(&mpi, 1, "design");
  cli_mpi_end(&mpi);
  concert_design_free(d);
  concert_worlddata_free(world);
  concert_scenario_free(s);
  free(list), free(idx);
  run_options_free(&a.ro);
  return rc;
}
