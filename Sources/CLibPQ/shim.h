#ifndef VOYAGEUR_CLIBPQ_SHIM_H
#define VOYAGEUR_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
