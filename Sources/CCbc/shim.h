#ifndef TACET_CCBC_SHIM_H
#define TACET_CCBC_SHIM_H
#include <Cbc_C_Interface.h>
#endif
