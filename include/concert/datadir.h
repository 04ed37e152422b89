/* concert/datadir.h: where the library finds the data it ships (share/concert/data once
 * installed, data/ of the source tree for a program built there). */
#ifndef CONCERT_DATADIR_H
#define CONCERT_DATADIR_H
#ifdef __cplusplus
extern "C" {
#endif
#include "export.h"

/** The root of the shipped data (folders world/, power/, derived/, decisions/, ktab/):
 * $CONCERT_DATADIR when set and not empty; else PREFIX/share/concert/data beside the running
 * executable (PREFIX/bin); else the data/ folder of a source tree holding the executable (a
 * build directory inside it, up to four folders up); else the configured install directory.
 * A folder counts only when it holds the marker file CONCERT_DATA_ROOT. No path of the
 * build tree is compiled in. Never NULL; the string is owned by the environment or the
 * library (found once per process; the environment is read at every call). */
CONCERT_API const char *concert_data_dir(void);

#ifdef __cplusplus
}
#endif
#endif
