/* cmd_models.c: `concert models`: the registered models and their parameters. */
#include "cli.h"

static const cli_opt *const opts[] = {NULL};
const cli_spec concert_cli_models_spec = {"models", "", 0, 0, NULL, opts, NULL};

int concert_cli_models(int argc, char **argv) {
  size_t npos;
  int rc = cli_parse(&concert_cli_models_spec, argc, argv, NULL, NULL, NULL, &npos, NULL);
  if (rc >= 0) return rc;
  for (size_t i = 0; i < concert_model_count(); i++) {
    const concert_model *m = concert_model_at(i);
    printf("%-11s %s\n", concert_model_name(m), concert_model_summary(m));
    size_t n;
    const concert_param_spec *ps = concert_model_params(m, &n);
    for (size_t j = 0; j < n; j++) {
      if (ps[j].is_word)
        printf("    %s=%s  %s\n", ps[j].key, ps[j].words, ps[j].doc);
      else
        printf("    %s=%g  [%g, %g]  %s\n", ps[j].key, ps[j].def, ps[j].min, ps[j].max,
               ps[j].doc);
    }
  }
  return 0;
}
