/* concert/datadir.h: where the library finds the data it ships (data/ of the source tree,
 * or share/concert/data once installed). */
#ifndef CONCERT_DATADIR_H
#define CONCERT_DATADIR_H
#include "export.h"

/** The root of the shipped data (folders world/, power/, derived/, decisions/, ktab/):
 * $CONCERT_DATADIR when set and not empty; else the data/ folder of the source tree the
 * library was built from, when it exists; else the installed PREFIX/share/concert/data.
 * Never NULL; the string is owned by the environment or the library. O(1). */
CONCERT_API const char *concert_data_dir(void);

#endif
