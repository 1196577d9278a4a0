#!/usr/bin/python3
"""Peer timings with cvxopt (Debian python3-cvxopt 1.3.0, no numpy) for docs/performance.md, issue 19.

Same recipe as BenchmarkProblems.java (three factors, fat-tailed noise, 504 days, n = 200), but with Python's
random generator, a sample covariance plus a 1e-6 ridge, and annualisation by 252: the solver work, not the
exact numbers, is what is compared. Prints the median of 21 timed solves of each problem (after 3 warm-ups).

Run: /usr/bin/python3 benchmarks/peers/cvxopt_portfolio.py
"""
import math
import random
import statistics
import time

from cvxopt import matrix, solvers, spmatrix

solvers.options["show_progress"] = False
N = 200
DAYS = 504


def problem(seed=42, n=N):
    rnd = random.Random(seed)
    beta = [[0.5 + rnd.random(), 0.5 * rnd.gauss(0, 1), 0.5 * rnd.gauss(0, 1)] for _ in range(n)]
    alpha = [0.0003 * rnd.gauss(0, 1) for _ in range(n)]
    idio = [0.01 + 0.02 * rnd.random() for _ in range(n)]
    r = []
    for _ in range(DAYS):
        f = [0.01 * rnd.gauss(0, 1), 0.006 * rnd.gauss(0, 1), 0.006 * rnd.gauss(0, 1)]
        r.append([0.0003 + alpha[i] + sum(beta[i][k] * f[k] for k in range(3))
                  + (3 if rnd.randrange(20) == 0 else 1) * idio[i] * rnd.gauss(0, 1) for i in range(n)])
    mean = [sum(row[i] for row in r) / DAYS for i in range(n)]
    x = matrix([[row[i] - mean[i] for row in r] for i in range(n)])  # DAYS x n, column-major
    sigma = (x.T * x) * (252.0 / DAYS)
    for i in range(n):
        sigma[i, i] += 1e-6
    return sigma, matrix([252.0 * m for m in mean])


def timed(fn, reps=21):
    for _ in range(3):
        fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return 1000 * statistics.median(ts)


def min_variance_inputs(sigma):
    n = sigma.size[0]
    return (sigma, matrix(0.0, (n, 1)), spmatrix(-1.0, range(n), range(n)), matrix(0.0, (n, 1)),
            matrix(1.0, (1, n)), matrix(1.0))


def sparse_l1_inputs(sigma, mu, rho, gamma=2.0):
    """min (gamma/2) w'Sigma w - mu'w + rho |w|_1, sum w = 1, as a QP in (w+, w-) >= 0 (inputs built once)."""
    n = sigma.size[0]
    p = matrix(0.0, (2 * n, 2 * n))
    p[:n, :n] = gamma * sigma
    p[n:, n:] = gamma * sigma
    p[:n, n:] = -gamma * sigma
    p[n:, :n] = -gamma * sigma
    q = matrix([-m + rho for m in mu] + [m + rho for m in mu])
    g = spmatrix(-1.0, range(2 * n), range(2 * n))
    a = matrix([1.0] * n + [-1.0] * n, (1, 2 * n))
    return p, q, g, matrix(0.0, (2 * n, 1)), a, matrix(1.0)


def positions(sol, n):
    x = sol["x"]
    return sum(1 for i in range(n) if abs(x[i] - x[n + i]) > 1e-6)


def frontier(sigma, mu, points=50):
    n = sigma.size[0]
    a = matrix([[1.0, mu[i]] for i in range(n)])
    # Targets from 0 to the largest mu, shorts allowed: one equality-constrained QP per point.
    top = max(mu)
    return [solvers.qp(sigma, matrix(0.0, (n, 1)), None, None, a, matrix([1.0, top * k / (points - 1)]))
            for k in range(points)]


if __name__ == "__main__":
    sigma, mu = problem()
    mv = min_variance_inputs(sigma)
    print("min_variance long-only QP, n = 200: %.1f ms" % timed(lambda: solvers.qp(*mv)))
    for target in (5, 20, 100, 200):
        lo, hi, best = 0.0, 100.0, 0.0
        for _ in range(30):
            rho = 0.5 * (lo + hi)
            k = positions(solvers.qp(*sparse_l1_inputs(sigma, mu, rho)), N)
            best = rho
            if k > target:
                lo = rho
            elif k < target:
                hi = rho
            else:
                break
        inputs = sparse_l1_inputs(sigma, mu, best)
        k = positions(solvers.qp(*inputs), N)
        print("sparse_l1 QP (2n split variables), n = 200, %d positions (rho %.4g): %.1f ms"
              % (k, best, timed(lambda: solvers.qp(*inputs), reps=7)))
    print("efficient frontier, 50 equality-constrained QPs, n = 200: %.1f ms" % timed(lambda: frontier(sigma, mu), reps=5))
