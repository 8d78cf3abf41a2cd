#ifndef TACET_CCBC_SHIM_H
#define TACET_CCBC_SHIM_H
#include <Cbc_C_Interface.h>
/* Clp alone, for the programs' linear relaxations: one model per thread, unlike CBC's solve. */
#include <Clp_C_Interface.h>
#endif
