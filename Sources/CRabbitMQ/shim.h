#ifndef VOYAGEUR_CRABBITMQ_SHIM_H
#define VOYAGEUR_CRABBITMQ_SHIM_H
#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <amqp_framing.h>
#endif
