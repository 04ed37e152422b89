/* version.c: the linked library's version string (concert/version.h). */
#include <concert/version.h>

const char *concert_version(void) { return CONCERT_VERSION_STRING; }
