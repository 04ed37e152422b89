/* concert.h: the umbrella header of libconcert. Programs include only this. */
#ifndef CONCERT_H
#define CONCERT_H
#ifdef __cplusplus
extern "C" {
#endif
#include "concert/export.h"
#include "concert/version.h"
#include "concert/memory.h"
#include "concert/status.h"
#include "concert/datadir.h"
#include "concert/params.h"
#include "concert/model.h"
#include "concert/scenario.h"
#include "concert/summit.h"
#include "concert/measures.h"
#include "concert/compare.h"
#include "concert/validation.h"
#include "concert/network.h"
#include "concert/table.h"
#include "concert/rift.h"
#include "concert/history.h"
#include "concert/cohesion.h"
#include "concert/power.h"
#include "concert/derive.h"
#include "concert/sensitivity.h"
#include "concert/rng.h"
#include "concert/sweep.h"
#include "concert/design.h"
#include "concert/backtest.h"
#include "concert/report.h"
#ifdef __cplusplus
}
#endif
#endif
