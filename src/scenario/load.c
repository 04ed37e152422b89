/* load.c: loads a scenario by file extension: actor tables (.csv) or YAML. */
#include <math.h>
#include <string.h>

#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "scenario/load_table.h"

concert_status concert_scenario_load(const char *path, double reversion, concert_scenario **out,
                                     concert_diag *d) {
  if (!path) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL path");
  size_t n = strlen(path);
  if (n > 4 && strcmp(path + n - 4, ".csv") == 0)
    return concert_i_scenario_from_table_file(path, reversion, out, d);
  return concert_scenario_load_file(path, out, d);
}

