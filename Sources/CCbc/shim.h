#ifndef TACET_CCBC_SHIM_H
#define TACET_CCBC_SHIM_H
/* Clp, for the programs' linear relaxations, one model per thread. CBC itself is driven from C++ (CCbcModel),
   not through Cbc_C_Interface.h, whose solve runs CBC's command-line driver and its statics. This module's
   pkg-config (cbc) also gives CCbcModel CBC's headers and libraries. */
#include <Clp_C_Interface.h>
#endif
