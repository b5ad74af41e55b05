#ifndef VOYAGEUR_CRABBITMQ_WRAPPERS_H
#define VOYAGEUR_CRABBITMQ_WRAPPERS_H
#include <amqp.h>

/// amqp_login is variadic, which Swift cannot call: this takes PLAIN
/// credentials and a heartbeat in seconds.
amqp_rpc_reply_t voyageur_amqp_login_plain(amqp_connection_state_t state, const char *vhost,
                                           int channel_max, int frame_max, int heartbeat,
                                           const char *user, const char *password);
/// A non-blocking, close-on-exec eventfd (Swift's Glibc module does not
/// import sys/eventfd.h), or -1.
int voyageur_wake_fd_create(void);
#endif
