#ifndef VOYAGEUR_CSQLITE_SHIM_H
#define VOYAGEUR_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro that Swift cannot import.
static inline sqlite3_destructor_type voyageur_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
#endif
