#ifndef TACET_CYAML_SHIM_H
#define TACET_CYAML_SHIM_H
#include <yaml.h>
#endif
