/* datadir.c: the root of the shipped data, for the build tree and for installed copies. */
#include <stdlib.h>
#include <sys/stat.h>

#include <concert/datadir.h>

#ifndef CONCERT_DATADIR
#define CONCERT_DATADIR "data"
#endif
#ifndef CONCERT_INSTALL_DATADIR
#define CONCERT_INSTALL_DATADIR "/usr/local/share/concert/data"
#endif

const char *concert_data_dir(void) {
  const char *env = getenv("CONCERT_DATADIR");
  if (env && *env) return env;
  struct stat sb;
  if (stat(CONCERT_DATADIR, &sb) == 0 && S_ISDIR(sb.st_mode)) return CONCERT_DATADIR;
  return CONCERT_INSTALL_DATADIR;
}
