/* scenario/load_table.h: an actor table (KTAB/BDM CSV) as a scenario. */
#ifndef CONCERT_I_LOAD_TABLE_H
#define CONCERT_I_LOAD_TABLE_H
#include <concert/scenario.h>

/** Reads the table at path and builds a scenario: one issue per dimension with reversion
 * point `reversion` (NaN: none), one forum "all" of every actor under unanimity, chaired
 * by the first actor, with one session holding every issue. */
concert_status concert_i_scenario_from_table_file(const char *path, double reversion,
                                                  concert_scenario **out, concert_diag *d);

#endif
