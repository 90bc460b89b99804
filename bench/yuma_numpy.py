"""A straightforward float64 NumPy port of the Yuma epoch (spec §5): Yuma 3 bonds, liquid alpha off.

The comparison side of `Appliance.Bench -- epoch`: the C# harness writes one epoch's inputs as JSON, this
script times `epoch` with time.perf_counter (warmup, then the median of the repetitions) and prints its
timings, incentive and dividends as one JSON object. Matrices are dense n×n, as in the spec's matrix
notation (subtensor's epoch_dense_mechanism); with no stored bonds and every weight row dense, dense and
sparse semantics agree. Everything is float64, so results differ from the fixed-point epoch by rounding.

Usage: /usr/bin/python3 yuma_numpy.py INPUT.json
"""
import json
import sys
import time

try:
    import numpy as np
except ImportError:
    sys.exit("yuma_numpy.py: numpy is missing: apt-get install -y python3-numpy, then run with /usr/bin/python3")


def normalize(x):
    """epoch/math.rs normalize: divide by the sum, unchanged when the sum is 0."""
    total = x.sum()
    return x / total if total != 0 else x


def row_normalize(m):
    sums = m.sum(axis=1, keepdims=True)
    return np.divide(m, sums, out=m.copy(), where=sums > 0)


def col_normalize(m):
    sums = m.sum(axis=0, keepdims=True)
    return np.divide(m, sums, out=m.copy(), where=sums != 0)


def is_topk_nonzero(s, k):
    """5.3: the k largest non-zero stakes (stable ascending sort, the first n−k lose)."""
    keep = s != 0
    if len(s) >= k:
        keep[np.argsort(s, kind="stable")[:len(s) - k]] = False
    return keep


def weighted_median_columns(a, w, kappa):
    """5.5: per column, the largest score that validators holding at least κ of the stake rate at or above."""
    voters = a > 0
    if not voters.any():
        return np.zeros(w.shape[1])
    u = normalize(a[voters])
    x = w[voters]
    order = np.argsort(-x, axis=0, kind="stable")
    reached = np.cumsum(u[order], axis=0) >= kappa
    return np.take_along_axis(x, order, axis=0)[np.argmax(reached, axis=0), np.arange(x.shape[1])]


def epoch(inp, weights_u16, bonds_u16):
    h = inp["hyper"]
    stake = np.asarray(inp["stake"], dtype=np.float64)
    last_update = np.asarray(inp["last_update"], dtype=np.uint64)
    registered = np.asarray(inp["block_at_registration"], dtype=np.uint64)
    permit_prev = np.asarray(inp["validator_permit_prev"], dtype=bool)

    # 5.1 Activity: inactive when last_update + activity_cutoff < current_block.
    active = last_update + np.uint64(inp["activity_cutoff"]) >= np.uint64(inp["current_block"])

    # 5.2 Stake: threshold, then normalise. S is the stake weight.
    s = normalize(np.where(np.floor(stake) < h["stake_threshold"], 0.0, stake))

    # 5.3 Permits from the previous epoch; new permits by top-k stake; active stake A.
    forbid = ~permit_prev
    new_permit = is_topk_nonzero(s, h["max_allowed_validators"])
    a = normalize(np.where(active & ~forbid, s, 0.0))

    # 5.4 Weights: forbidden rows, diagonal, outdated entries, then row-normalise.
    w = weights_u16.astype(np.float64)
    w[forbid, :] = 0.0
    np.fill_diagonal(w, 0.0)
    w[last_update[:, None] <= registered[None, :]] = 0.0
    w = row_normalize(w)

    # 5.5 Consensus: stake-weighted median per miner at κ.
    c = weighted_median_columns(a, w, h["kappa"] / 65535)

    # 5.6 Clipping, validator trust, incentive; prerank and trust for display.
    w_clipped = np.minimum(w, c[None, :])
    validator_trust = w_clipped.sum(axis=1)
    prerank = a @ w
    rank = a @ w_clipped
    trust = np.divide(rank, prerank, out=np.zeros_like(rank), where=prerank != 0)
    incentive = normalize(rank)

    # 5.7 Weights for bonds: W + β·(W̄ − W).
    w_bonds = w + h["bonds_penalty"] / 65535 * (w_clipped - w)

    # 5.9 Yuma 3 bonds: stored u16 read as proportions, recently registered columns masked, one EMA step.
    block, tempo, last_step = inp["current_block"], inp["tempo"], inp["last_mechanism_step_block"]
    last_tempo = max(block - tempo, 0) if last_step == 0 else last_step + 1
    b = bonds_u16.astype(np.float64) / 65535
    b[:, np.uint64(last_tempo) <= registered] = 0.0
    alpha = 1 - h["bonds_moving_average"] / 1_000_000
    bonds = alpha * w_bonds + (1 - alpha) * b
    dividends = normalize((col_normalize(bonds) @ incentive) * a)

    # 5.10 Emission split: shares of incentive + dividends, the stake fallback when that sum is 0.
    combined = incentive + dividends
    total = combined.sum()
    server, validator = (incentive / total, dividends / total) if total != 0 else (incentive, dividends)
    combined = normalize(combined)
    if total == 0:
        validator = combined = a if a.sum() != 0 else s
    rao = inp["rao_emission"]

    # 5.11 Outputs; bonds rows are kept only for uids holding the new permit.
    return {
        "stake_weight": s, "consensus": c, "incentive": incentive, "dividends": dividends,
        "validator_trust": validator_trust, "trust": trust, "validator_permit": new_permit,
        "emission": np.floor(combined * rao), "server_emission": np.floor(server * rao),
        "validator_emission": np.floor(validator * rao), "bonds": np.where(new_permit[:, None], bonds, 0.0),
    }


def dense(n, rows):
    """An n×n u16 matrix from {"uids": [...], "rows": [[n values], ...]}; unlisted rows are empty."""
    matrix = np.zeros((n, n), dtype=np.uint16)
    if rows["uids"]:
        matrix[rows["uids"], :] = np.asarray(rows["rows"], dtype=np.uint16)
    return matrix


def main(input_path):
    with open(input_path) as f:
        inp = json.load(f)
    if not inp["hyper"]["yuma3"] or inp["hyper"]["liquid_alpha"]:
        sys.exit("yuma_numpy.py: this port covers Yuma 3 with liquid alpha off only")
    weights, bonds = dense(inp["n"], inp["weights"]), dense(inp["n"], inp["bonds"])
    for _ in range(inp["warmup"]):
        out = epoch(inp, weights, bonds)
    times = []
    for _ in range(inp["repetitions"]):
        start = time.perf_counter()
        out = epoch(inp, weights, bonds)
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"median_ms": float(np.median(times)), "numpy": np.__version__,
                      "incentive": out["incentive"].tolist(), "dividends": out["dividends"].tolist()}))


if __name__ == "__main__":
    main(sys.argv[1])
