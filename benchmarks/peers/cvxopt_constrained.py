#!/usr/bin/python3
"""cvxopt peer for ConstrainedPortfolioCpuTimeProbe (docs/performance.md, issue 19): long-only minimum variance
under 10 equal sector limits (each at most 15%, the first at least 5%), and the same with a turnover budget of 0.5
from equal weights (epigraph variables t >= |w - w0|, sum t <= 0.5). Problem recipe of cvxopt_portfolio.py.
Prints the median of 21 timed solves (after 3 warm-ups) for n = 50 and n = 200.

Run: /usr/bin/python3 benchmarks/peers/cvxopt_constrained.py
"""
from cvxopt import matrix, solvers, spmatrix

from cvxopt_portfolio import problem, timed

solvers.options["show_progress"] = False


def sector_rows(n):
    """G x <= h rows: -w <= 0, sector sums <= 0.15, -(sector 0 sum) <= -0.05."""
    rows, cols, vals, h = [], [], [], []
    r = 0
    for i in range(n):
        rows.append(r); cols.append(i); vals.append(-1.0); h.append(0.0); r += 1
    for s in range(10):
        for i in range(s, n, 10):
            rows.append(r); cols.append(i); vals.append(1.0)
        h.append(0.15); r += 1
    for i in range(0, n, 10):
        rows.append(r); cols.append(i); vals.append(-1.0)
    h.append(-0.05); r += 1
    return rows, cols, vals, h, r


def sectors(sigma):
    n = sigma.size[0]
    rows, cols, vals, h, r = sector_rows(n)
    g = spmatrix(vals, rows, cols, (r, n))
    return sigma, matrix(0.0, (n, 1)), g, matrix(h), matrix(1.0, (1, n)), matrix(1.0)


def sectors_turnover(sigma, budget=0.5):
    n = sigma.size[0]
    w0 = 1.0 / n
    rows, cols, vals, h, r = sector_rows(n)
    for i in range(n):  # w_i - t_i <= w0 and -w_i - t_i <= -w0
        rows += [r, r]; cols += [i, n + i]; vals += [1.0, -1.0]; h.append(w0); r += 1
        rows += [r, r]; cols += [i, n + i]; vals += [-1.0, -1.0]; h.append(-w0); r += 1
    for i in range(n):
        rows.append(r); cols.append(n + i); vals.append(1.0)
    h.append(budget); r += 1
    g = spmatrix(vals, rows, cols, (r, 2 * n))
    p = matrix(0.0, (2 * n, 2 * n))
    p[:n, :n] = sigma
    a = matrix([1.0] * n + [0.0] * n, (1, 2 * n))
    return p, matrix(0.0, (2 * n, 1)), g, matrix(h), a, matrix(1.0)


if __name__ == "__main__":
    for n in (50, 200):
        sigma, _ = problem(42, n)
        for name, inputs in (("sectors", sectors(sigma)), ("sectors + turnover", sectors_turnover(sigma))):
            sol = solvers.qp(*inputs)
            ms = timed(lambda: solvers.qp(*inputs))
            print(f"cvxopt min_variance n = {n}, {name}: {ms:.2f} ms median ({sol['status']}, "
                  f"{sol['iterations']} iterations)")
