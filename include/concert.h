/* concert.h: the umbrella header of libconcert. Programs include only this. */
#ifndef CONCERT_H
#define CONCERT_H
#include "concert/export.h"
#include "concert/status.h"
#include "concert/params.h"
#include "concert/model.h"
#include "concert/power.h"
#endif
