#!/usr/bin/env python3
"""Writes N valid schema-v1 explanation requests as JSON lines.

Usage: bench/make-requests.py N > requests.jsonl

Ids are bench-1 … bench-N. Languages and detail levels take turns, so every
combination is equally represented; each analysis holds 6–10 of the known
indicators with raw values where the samples have them. Scores and prices
vary per request, so no two requests share a fingerprint and the result
cache never answers: every job goes through the template writer. The output
is the same for the same N (fixed seed).
"""

import json
import random
import sys

SYMBOLS = {
    "AAPL": 227.48, "MSFT": 415.26, "NVDA": 135.20, "TSLA": 248.50,
    "BRK.B": 458.10, "AIR.PA": 142.36, "SAN.MC": 4.61, "ITX.MC": 52.18,
    "SHOP.TO": 104.75, "^GSPC": 5870.62, "AMZN": 186.40, "MC.PA": 688.90,
}

WEIGHTS = {
    "sma50vs200": 0.12, "pricevs50": 0.08, "rsi14": 0.08, "macd12269": 0.08,
    "bbpos20": 0.08, "bbwidth20": 0.04, "volsurge": 0.08, "obv20": 0.04,
    "rel1y": 0.04, "rel2y": 0.04, "candlerev": 0.064, "srcontext": 0.056,
    "sentiment": 0.1, "prediction": 0.1,
}

LANGUAGES = ["en", "fr", "es"]
DETAILS = ["summary", "standard", "detailed"]


def raw_values(name, price, score, rng):
    """Raw readings shaped like those in jobs/samples."""
    if name == "sma50vs200":
        sma200 = round(price * rng.uniform(0.85, 1.1), 2)
        return {"sma50": round(sma200 * (0.9 + 0.2 * score), 2), "sma200": sma200}
    if name == "pricevs50":
        return {"price": price}
    if name == "rsi14":
        return {"rsi": round(20 + 60 * score + rng.uniform(-5, 5), 1)}
    if name == "macd12269":
        return {"histogram": round((score - 0.5) * price / 50, 3)}
    if name == "srcontext":
        return {
            "nearest_support": round(price * rng.uniform(0.9, 0.99), 2),
            "nearest_resistance": round(price * rng.uniform(1.01, 1.12), 2),
        }
    return {}


def request(number, rng):
    symbol = rng.choice(sorted(SYMBOLS))
    price = round(SYMBOLS[symbol] * rng.uniform(0.8, 1.2), 2)
    score = round(rng.uniform(0.5, 9.8), 1)
    lean = score / 10
    names = rng.sample(sorted(WEIGHTS), rng.randint(6, 10))
    indicators = {}
    for name in names:
        reading = round(min(1.0, max(0.0, rng.gauss(lean, 0.18))), 2)
        indicator = {"score": reading, "weight": WEIGHTS[name]}
        raw = raw_values(name, price, reading, rng)
        if raw or rng.random() < 0.7:
            indicator["raw"] = raw
        indicators[name] = indicator

    body = {
        "id": f"bench-{number}",
        "symbol": symbol,
        "language": LANGUAGES[number % 3],
        "detail": DETAILS[(number // 3) % 3],
        "analysis": {"score": score, "price": price, "indicators": indicators},
    }
    if rng.random() < 0.5:
        body["subject"] = f"user-{rng.randint(1, 5000)}"
    return body


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: make-requests.py N  (N ≥ 1)")
    rng = random.Random(20_000)
    out = sys.stdout
    for number in range(1, int(sys.argv[1]) + 1):
        out.write(json.dumps(request(number, rng), separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
