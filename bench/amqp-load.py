#!/usr/bin/env python3
"""Bare AMQP load for bench/amqp-throughput, with pika (run it from a venv
that has pika; the bench script makes one).

  amqp-load.py publish URL REQUESTS [--queue Q | --voyageur] [--batch N]
                       [--rate R --count N --times FILE]
  amqp-load.py consume URL QUEUE COUNT [--prefetch N]

publish: sends the JSON-lines requests of REQUESTS, persistent
(delivery_mode 2) with publisher confirms. --queue Q declares the quorum
queue Q and publishes to it through the default exchange; --voyageur
publishes as voyageur-enqueue does (exchange voyageur.explain, routing key
the language, message id the job id, the x-voyageur-* headers); the
exchange must exist. Without --rate it publishes in batches of --batch
messages (default 1000) and waits for every confirm of a batch before the
next, as voyageur-enqueue does. With --rate it publishes --count messages
at R per second (the confirms are awaited asynchronously, up to 5000
outstanding) and writes "id epoch-ms" per message to --times, the moment
basic.publish was sent. Prints "seconds messages/s".

consume: one consumer, manual acks (one per message), basic.qos prefetch
(default 8), until COUNT messages were acknowledged. Prints
"seconds messages/s".
"""

import argparse
import json
import sys
import time

import pika


def parameters(url):
    params = pika.URLParameters(url)
    params.heartbeat = 60
    return params


class Publisher:
    """Asynchronous publisher with confirms; see the module docstring."""

    def __init__(self, url, items, batch, rate, window, times):
        self.items = items
        self.batch = batch
        self.rate = rate
        self.window = window
        self.times = times
        self.next = 0
        self.tag = 0
        self.outstanding = set()
        self.nacked = 0
        self.error = None
        self.started = None
        self.finished = None
        self.connection = pika.SelectConnection(
            parameters(url),
            on_open_callback=self.on_open,
            on_open_error_callback=self.on_failure,
            on_close_callback=self.on_closed,
        )

    def run(self):
        self.connection.ioloop.start()
        if self.error:
            sys.exit(f"amqp-load: {self.error}")
        if self.nacked:
            sys.exit(f"amqp-load: the broker refused {self.nacked} messages")
        return self.finished - self.started

    def on_failure(self, _connection, error):
        self.error = f"connection failed: {error}"
        self.connection.ioloop.stop()

    def on_closed(self, _connection, reason):
        if self.finished is None and self.error is None:
            self.error = f"connection closed: {reason}"
        self.connection.ioloop.stop()

    def on_open(self, connection):
        connection.channel(on_open_callback=self.on_channel)

    def on_channel(self, channel):
        self.channel = channel
        channel.add_on_close_callback(self.on_channel_closed)
        queue = self.items[0][1] if self.items and self.items[0][0] == "" else None
        if queue:
            channel.queue_declare(
                queue, durable=True, arguments={"x-queue-type": "quorum"},
                callback=lambda _frame: channel.confirm_delivery(self.on_confirm, callback=self.on_ready))
        else:
            channel.confirm_delivery(self.on_confirm, callback=self.on_ready)

    def on_channel_closed(self, _channel, reason):
        if self.finished is None:
            self.error = f"channel closed: {reason}"
            self.connection.close()

    def on_ready(self, _frame):
        self.started = time.monotonic()
        self.pump()

    def send(self):
        exchange, key, body, props, job_id = self.items[self.next]
        now = time.time() * 1000
        if props.headers:
            # As voyageur-enqueue: the header holds the moment of publication.
            props.headers["x-voyageur-published-at"] = int(now)
        if self.times is not None:
            self.times.append(f"{job_id} {now:.3f}")
        self.channel.basic_publish(exchange, key, body, props)
        self.tag += 1
        self.outstanding.add(self.tag)
        self.next += 1

    def pump(self):
        total = len(self.items)
        if self.rate is None:
            # Batches: the next one only once the last is fully confirmed.
            if not self.outstanding:
                end = min(total, self.next + self.batch)
                while self.next < end:
                    self.send()
        else:
            due = min(total, int((time.monotonic() - self.started) * self.rate) + 1)
            while self.next < due and len(self.outstanding) < self.window:
                self.send()
            if self.next < total:
                self.connection.ioloop.call_later(0.002, self.pump)
        self.check_done()

    def on_confirm(self, frame):
        method = frame.method
        if isinstance(method, pika.spec.Basic.Nack):
            self.nacked += 1 if not method.multiple else len([t for t in self.outstanding if t <= method.delivery_tag])
        if method.multiple:
            self.outstanding = {t for t in self.outstanding if t > method.delivery_tag}
        else:
            self.outstanding.discard(method.delivery_tag)
        if self.rate is None:
            self.pump()
        else:
            self.check_done()

    def check_done(self):
        if self.next == len(self.items) and not self.outstanding and self.finished is None:
            self.finished = time.monotonic()
            self.connection.close()


def publish(args):
    items = []
    with open(args.requests) as source:
        for line in source:
            if args.count is not None and len(items) >= args.count:
                break
            request = json.loads(line)
            job_id = request["id"]
            body = line.strip().encode()
            if args.voyageur:
                headers = {
                    "x-voyageur-attempt": 1,
                    "x-voyageur-errors": "[]",
                    "x-voyageur-published-at": 0,
                    "x-voyageur-language": request["language"],
                }
                props = pika.BasicProperties(delivery_mode=2, message_id=job_id, headers=headers)
                items.append(("voyageur.explain", request["language"], body, props, job_id))
            else:
                props = pika.BasicProperties(delivery_mode=2, message_id=job_id)
                items.append(("", args.queue, body, props, job_id))
    times = [] if args.times else None
    publisher = Publisher(args.url, items, args.batch, args.rate, 5000, times)
    seconds = publisher.run()
    if args.times:
        with open(args.times, "w") as out:
            out.write("\n".join(times) + "\n")
    print(f"{seconds:.3f} {len(items) / seconds:.0f}")


def consume(args):
    connection = pika.BlockingConnection(parameters(args.url))
    channel = connection.channel()
    channel.basic_qos(prefetch_count=args.prefetch)
    done = 0
    started = time.monotonic()
    for method, _props, _body in channel.consume(args.queue, auto_ack=False, inactivity_timeout=30):
        if method is None:
            sys.exit(f"amqp-load: no message for 30 s after {done}")
        channel.basic_ack(method.delivery_tag)
        done += 1
        if done == args.count:
            break
    seconds = time.monotonic() - started
    channel.cancel()
    connection.close()
    print(f"{seconds:.3f} {done / seconds:.0f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("publish")
    p.add_argument("url")
    p.add_argument("requests")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--queue")
    target.add_argument("--voyageur", action="store_true")
    p.add_argument("--batch", type=int, default=1000)
    p.add_argument("--rate", type=float)
    p.add_argument("--count", type=int)
    p.add_argument("--times")
    c = commands.add_parser("consume")
    c.add_argument("url")
    c.add_argument("queue")
    c.add_argument("count", type=int)
    c.add_argument("--prefetch", type=int, default=8)
    args = parser.parse_args()
    publish(args) if args.command == "publish" else consume(args)


if __name__ == "__main__":
    main()
