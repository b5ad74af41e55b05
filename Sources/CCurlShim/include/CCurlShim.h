#ifndef VOYAGEUR_CCURL_SHIM_H
#define VOYAGEUR_CCURL_SHIM_H

#include <stddef.h>

/// How an exchange ended, as far as a caller needs to tell.
typedef enum voyageur_http_outcome {
    VOYAGEUR_HTTP_COMPLETED = 0,
    VOYAGEUR_HTTP_CONNECT_FAILED,
    VOYAGEUR_HTTP_HOST_NOT_FOUND,
    VOYAGEUR_HTTP_TIMED_OUT,
    VOYAGEUR_HTTP_CANCELLED,
    VOYAGEUR_HTTP_CONNECTION_LOST,
    VOYAGEUR_HTTP_FAILED,
} voyageur_http_outcome;

/// One HTTP exchange: what to send, and what came back.
typedef struct voyageur_http_exchange {
    const char *method;
    const char *url;
    /// The request body (JSON), or NULL for none.
    const char *body;
    size_t body_length;
    /// Bounds the whole exchange, connecting and waiting included.
    long timeout_ms;
    /// Read while the exchange runs; once non-zero it is abandoned.
    const int *cancelled;

    /// The reply's HTTP status; 0 when none came.
    long status;
    /// The reply's body, NUL-terminated; release it with
    /// voyageur_http_exchange_release.
    char *reply;
    size_t reply_length;
    size_t reply_capacity;
    /// Why the exchange failed, when it did.
    char error[256];
} voyageur_http_exchange;

/// Runs the exchange on the calling thread, blocking until it ends.
voyageur_http_outcome voyageur_http_perform(voyageur_http_exchange *exchange);

/// Frees the reply body of an exchange.
void voyageur_http_exchange_release(voyageur_http_exchange *exchange);

/// Asks the exchange watching `flag` to stop; safe from any thread.
void voyageur_http_cancel(int *flag);

#endif
