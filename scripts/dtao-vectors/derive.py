"""Writes src/Appliance.Tests/Vectors/dtao/*.json: subtensor's dTAO test vectors with our expected numbers.

Usage: python3 derive.py [OUT_DIR]   (default: src/Appliance.Tests/Vectors/dtao)
Derived values come from emulation/ (the integer math of docs/dynamic-tao-reference.md, written from it, not
upstream code) and the multi-subnet coinbase in model.py built on it. Each case cites the subtensor test it comes
from (file, function, line at the commit); no upstream code is copied."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import *
from emission import block_emission, first

OUT = sys.argv[1] if len(sys.argv) > 1 else "src/Appliance.Tests/Vectors/dtao"
COMMIT = "14bc6f9f964b9cc362e9635dd110a487fa5d15a0"
U64MAX = (1 << 64) - 1
TW = 971_718_665_099_567_868
ISS_K10 = 20_985_000_000_000_000
ISS_ZERO = 21_000_000_000_000_000
SWAP_TESTS = "pallets/swap/src/pallet/tests.rs"
STAKING = "pallets/subtensor/src/tests/staking.rs"
STAKING2 = "pallets/subtensor/src/tests/staking2.rs"
COINBASE = "pallets/subtensor/src/tests/coinbase.rs"


def src(path, fn, line):
    return {"path": path, "test_fn": fn, "line": line, "cite": f"{path}::{fn}, line {line}"}


def header(about, notes):
    return {"about": about, "source": {"repo": "opentensor/subtensor", "commit": COMMIT},
            "spec": "docs/dynamic-tao-reference.md (sections named per case)",
            "derived_by": "scripts/dtao-vectors (its Python emulation of the reference's integer math, run with each case's inputs); "
                          "'derived' values are exact under that emulation",
            "notes": notes, "cases": []}


def swap_result(r):
    return {"paid_in": r["paid_in"], "paid_out": r["paid_out"], "fee": r["fee"]}


def dump(name, doc):
    with open(f"{OUT}/{name}", "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


# ---------------------------------------------------------------- swap.json
swap = header(
    "Swap and fee vectors: the pure swap (PoolSwap.Swap, subtensor's do_swap with balancer weights 1/2), the fee, "
    "swap_tao_for_alpha on storage (PoolStake.BuyAlpha) and a stake/unstake round trip through the calls.",
    ["limit_price_bits is the U64F64 limit the upstream test passes (U64F64::from_num of an f64, round to nearest).",
     "upstream.check says how the upstream test compares: exact, abs_diff (epsilon) or error.",
     "expected is what our code must give to the rao; expected_kind: exact (upstream asserts it exactly), derived "
     "(upstream has a tolerance; the value is the emulation's), adapted (inputs or outcome differ from upstream for the reason in difference)."])
for order, amounts, limit in (("buy", [1_000, 2_000, 123_456, 1_000_000_000, 10_000_000_000], 1000.0),
                              ("sell", [1_000, 2_000, 123_456], 0.0001)):
    for amt in amounts:
        p = Pool(1_000_000_000, 4_000_000_000, min_reserve=1)
        bits = 1000 << 64 if order == "buy" else 1844674407370955
        r = p.swap(order == "buy", amt, 10**12 if order == "buy" else 100_000)
        fee_f = int(amt * (33 / 65535))
        x, y = 4e9, 1e9
        out_f = x * (1 - y / (y + (amt - fee_f))) if order == "buy" else y * (1 - x / (x + (amt - fee_f)))
        swap["cases"].append({
            "kind": "swap", "name": f"test_swap_basic/{order}_{amt}", "source": src(SWAP_TESTS, "test_swap_basic", 420),
            "inputs": {"tao_reserve": 1_000_000_000, "alpha_reserve": 4_000_000_000, "order": order, "amount": amt,
                       "limit_price_f64": limit, "limit_price_bits": str(bits), "drop_fees": False},
            "upstream": {"check": "abs_diff", "epsilon": 1,
                         "asserts": "amount_paid_out ~ expected_output_amount (f64 constant product) and paid_in_reserve_delta ~ swap_amount - expected_fee, epsilon 1",
                         "values": {"paid_out": int(out_f), "paid_in": amt - fee_f}},
            "expected": swap_result(r), "expected_kind": "derived"})
for order in ("sell", "buy"):
    swap["cases"].append({
        "kind": "swap", "name": f"test_swap_rejects_input_over_1000x_input_reserve/{order}",
        "source": src(SWAP_TESTS, "test_swap_rejects_input_over_1000x_input_reserve", 725),
        "inputs": {"tao_reserve": 1_000, "alpha_reserve": 1_000, "order": order, "amount": 1_000_001,
                   "limit_price_bits": str((10**15 << 64) // 10**9 if order == "buy" else (1000 << 64) // 10**9), "drop_fees": True},
        "upstream": {"check": "error", "values": {"error": "SwapInputTooLarge"}},
        "expected": {"error": "SwapInputTooLarge"}, "expected_kind": "exact"})
    swap["cases"].append({
        "kind": "swap", "name": f"test_swap_allows_input_at_1000x_input_reserve/{order}",
        "source": src(SWAP_TESTS, "test_swap_allows_input_at_1000x_input_reserve", 773),
        "inputs": {"tao_reserve": 1_000, "alpha_reserve": 1_000, "order": order, "amount": 1_000_000,
                   "limit_price_bits": str((10**15 << 64) // 10**9 if order == "buy" else (1000 << 64) // 10**9), "drop_fees": True},
        "upstream": {"check": "ok", "values": {}},
        "expected": {"error": "ReservesTooLow"}, "expected_kind": "adapted",
        "difference": "The swap pallet's mock has MinimumReserve 1; our runtime uses subtensor's runtime value 1_000_000 "
                      "(PoolSwap.MinimumReserve, a constant), so a 1_000-rao pool refuses every swap after the input check."})
for amt, fee in ((1_000_000_000, 503_547), (2_000_000, 1_007), (10_000_000_000, 5_035_477), (1_000, 0), (2_000, 1), (123_456, 62)):
    assert fee_amount(amt) == fee
    swap["cases"].append({
        "kind": "fee", "name": f"fee/{amt}",
        "source": {"path": "pallets/swap/src/pallet/impls.rs", "test_fn": "calculate_fee_amount", "line": 254,
                   "cite": "pallets/swap/src/pallet/impls.rs::calculate_fee_amount, line 254 (spec 1.3; the function, no upstream test)"},
        "inputs": {"amount": amt, "fee_rate": 33}, "upstream": {"check": "none", "values": {}},
        "expected": {"fee": fee}, "expected_kind": "derived"})
p = Pool(10_000_000_000, 5_000_000_000, min_reserve=100)
r = p.swap(True, 1_000_000_000, MAXP)
swap["cases"].append({
    "kind": "pool_buy", "name": "test_stake_base_case", "source": src(STAKING2, "test_stake_base_case", 18),
    "inputs": {"SubnetTAO": 10_000_000_000, "SubnetAlphaIn": 5_000_000_000, "SubnetAlphaOut": 5_000_000_000,
               "tao": 1_000_000_000, "limit": "max_price", "drop_fees": False},
    "upstream": {"check": "exact",
                 "asserts": "alpha == sim swap; SubnetTAO == 10e9 + 1e9 - fee; SubnetAlphaIn == 5e9 - alpha; SubnetAlphaOut == 5e9 + alpha; TotalStake += 1e9",
                 "values": {}},
    "expected": {**swap_result(r), "SubnetTAO": 10_000_000_000 + r["paid_in"], "SubnetAlphaIn": 5_000_000_000 - r["paid_out"],
                 "SubnetAlphaOut": 5_000_000_000 + r["paid_out"]},
    "expected_kind": "derived",
    "difference": "Not checked: TotalStake (our dynamic chain keeps no TotalStake; pool TAO is SubnetTAO)."})
p = Pool(10**12, 10**12)
r1 = p.swap(True, 10**10, MAXP); p.apply(True, r1)
r2 = p.swap(False, r1["paid_out"], MINP); p.apply(False, r2)
after_user = (p.tao, p.alpha)
r3 = p.swap(False, r2["fee"], MINP, drop_fees=True); p.apply(False, r3)
swap["cases"].append({
    "kind": "round_trip", "name": "round_trip_1e10",
    "source": {"path": "pallets/subtensor/src/staking/stake_utils.rs", "test_fn": "stake_into_subnet + unstake_from_subnet", "line": 742,
               "cite": "spec 10.5 'Round trip' (derived scenario; stake_utils.rs stake_into_subnet l.851, unstake_from_subnet l.742)"},
    "inputs": {"SubnetTAO": 10**12, "SubnetAlphaIn": 10**12, "stake_tao": 10**10},
    "upstream": {"check": "none", "values": {"author_fee_swap_tao": r3["paid_out"], "final_SubnetTAO": p.tao, "final_SubnetAlphaIn": p.alpha}},
    "expected": {"stake_fee": r1["fee"], "stake_alpha": r1["paid_out"], "unstake_fee_alpha": r2["fee"], "unstake_tao": r2["paid_out"],
                 "SubnetTAO": after_user[0], "SubnetAlphaIn": after_user[1], "SubnetAlphaBurned": r2["fee"]},
    "expected_kind": "adapted",
    "difference": "Subtensor sells the unstake's alpha fee for the block author (no fee: 4_983_159 TAO) and ends at "
                  "1_000_000_000_002 / 1_000_000_000_000; our swap fees are burned, so the fee alpha stays outside the pool "
                  "(SubnetAlphaBurned) and the reserves stay where the user's sale left them."})
dump("swap.json", swap)

# ---------------------------------------------------------- stake_limits.json
lim = header(
    "get_max_amount_add / get_max_amount_remove (DynamicStakeRules.MaxAmountAdd/MaxAmountRemove) and the limit-price calls "
    "add_stake_limit / remove_stake_limit (fill-or-kill and partial).",
    ["inputs are the pool reserves (SubnetTAO, SubnetAlphaIn) and the limit price in rao of TAO per alpha.",
     "upstream epsilon: v/10000 for max_amount_add, v/100 for max_amount_remove (integer division).",
     "Our MinimumReserve is subtensor's runtime value 1_000_000 (the test mock uses 100): cases whose output reserve is below "
     "it give ReservesTooLow here (expected_kind runtime_constant)."])


def max_case(kind, fn, line, t, a, l, upstream, eps_div):
    buy = kind == "max_amount_add"
    res = []
    for mr in (100, 1_000_000):
        p = Pool(t, a, min_reserve=mr)
        try:
            r = p.swap(buy, min((t if buy else a) * 1000, U64MAX), l, False, True)
            res.append({"value": min(r["paid_in"] + r["fee"], U64MAX)})
        except Exception as e:
            res.append({"error": str(e).split("(")[0]})
    mock, ours = res
    if "error" in upstream:
        up = {"check": "error", "values": upstream}
        kind_ = "exact"
    else:
        up = {"check": "abs_diff", "epsilon": upstream["value"] // eps_div, "values": upstream}
        kind_ = "exact" if mock == upstream else "derived"
    case = {"kind": kind, "name": f"{fn}/{t}_{a}_{l}", "source": src(STAKING, fn, line),
            "inputs": {"SubnetTAO": t, "SubnetAlphaIn": a, "limit_price": l}, "upstream": up,
            "expected": ours, "expected_kind": kind_}
    if mock != ours:
        case["expected_kind"] = "runtime_constant"
        case["subtensor_mock_derived"] = mock
        case["difference"] = "MinimumReserve: mock 100, our runtime 1_000_000 (PoolSwap.MinimumReserve); the output reserve is below it."
    elif kind_ == "derived":
        case["derived_note"] = "within the upstream tolerance; the exact value is the emulation's"
    return case


PLE = {"error": "PriceLimitExceeded"}
for t, a, l, v in [(10**9, 10**9, 0, PLE), (100, 100, 1_100_000_000, 4), (1_000, 1_000, 1_100_000_000, 48), (10_000, 10_000, 1_100_000_000, 488),
                   (10**6, 10**6, 4 * 10**9, 1_000_500), (10**6, 10**6, 9 * 10**9, 2_001_000), (10**6, 10**6, 16 * 10**9, 3_001_500),
                   (10**12, 10**12, 16 * 10**9, 3_001_500_000_000), (150 * 10**9, 100 * 10**9, 0, PLE), (150 * 10**9, 100 * 10**9, 10**8, PLE),
                   (150 * 10**9, 100 * 10**9, 5 * 10**8, PLE), (150 * 10**9, 100 * 10**9, 1_499_999_999, PLE), (150 * 10**9, 100 * 10**9, 1_500_000_000, PLE),
                   (150 * 10**9, 100 * 10**9, 1_500_000_001, 49), (150 * 10**9, 100 * 10**9, 6 * 10**9, 150_075_000_000), (U64MAX // 2, U64MAX, U64MAX, U64MAX)]:
    lim["cases"].append(max_case("max_amount_add", "test_max_amount_add_dynamic", 2826, t, a, l, v if isinstance(v, dict) else {"value": v}, 10_000))
RTL = {"error": "ReservesTooLow"}
for t, a, l, v in [(0, 10**9, 100, RTL), (10**9, 0, 100, PLE), (10**10, 10**10, 0, 10**13), (1_000, 1_000, 0, 1_000_000),
                   (1_001, 1_001, 0, 1_001_000), (1_001, 1_001, 1, 1_001_000), (1_001, 1_001, 2, 1_001_000), (1_001, 1_001, 1_001, 1_001_000),
                   (1_001, 1_001, 10_000, 17_472), (1_001, 1_001, 100_000, 17_472), (1_001, 1_001, 1_000_000, 17_472), (1_001, 1_001, 10_000_000, 9_013),
                   (1_001, 1_001, 100_000_000, 2_165), (10**6, 10**6, 250_000_000, 1_010_000), (10**6, 10**6, 62_500_000, 3_030_000),
                   (10**12, 10**12, 62_500_000, 3_030_000_000_000), (200 * 10**9, 100 * 10**9, 0, 10**14), (200 * 10**9, 100 * 10**9, 500_000_000, 101 * 10**9),
                   (200 * 10**9, 100 * 10**9, 125_000_000, 303 * 10**9), (200 * 10**9, 100 * 10**9, 2 * 10**9, PLE), (200 * 10**9, 100 * 10**9, 2_000_000_001, PLE),
                   (200 * 10**9, 100 * 10**9, 1_999_999_999, 24), (200 * 10**9, 100 * 10**9, 1_999_999_990, 250),
                   (21 * 10**15, 10**6, 21 * 10**15, 17_455_533), (21 * 10**15, 10**6, U64MAX, 67_000), (21 * 10**15, 10**18, U64MAX, PLE),
                   (21 * 10**15, 10**18, 20_000_000, 24_700_000_000_000_000), (21 * 10**15, 21 * 10**15, 999_999_999, 10_605_000),
                   (21 * 10**15, 21 * 10**15, 0, U64MAX)]:
    lim["cases"].append(max_case("max_amount_remove", "test_max_amount_remove_dynamic", 3024, t, a, l, v if isinstance(v, dict) else {"value": v}, 100))

POOL15 = {"SubnetTAO": 150 * 10**9, "SubnetAlphaIn": 100 * 10**9}


def add_limit(name, fn, line, amount, limit, partial, upstream, difference=None, reserves=POOL15):
    t, a = reserves["SubnetTAO"], reserves["SubnetAlphaIn"]
    p = Pool(t, a)
    try:
        r = p.swap(True, min(t * 1000, U64MAX), limit, False, True)
        mx = r["paid_in"] + r["fee"]
    except Exception as e:
        case_exp = {"error": str(e).split("(")[0]}
    else:
        if not partial and amount > mx:
            case_exp = {"error": "SlippageTooHigh"}
        else:
            r = p.swap(True, min(amount, mx), limit); p.apply(True, r)
            case_exp = {"max_amount": mx, "stake_alpha": r["paid_out"], "fee": r["fee"], "balance_spent": r["paid_in"] + r["fee"],
                        "SubnetTAO": p.tao, "SubnetAlphaIn": p.alpha, "price_bits": str(p.price())}
    c = {"kind": "add_stake_limit", "name": name, "source": src(STAKING, fn, line),
         "inputs": {**reserves, "amount": amount, "limit_price": limit, "allow_partial": partial}, "upstream": upstream,
         "expected": case_exp, "expected_kind": "exact" if upstream["check"] in ("error", "exact") else "derived"}
    if difference:
        c["difference"] = difference
    return c


lim["cases"].append(add_limit("test_add_stake_limit_ok", "test_add_stake_limit_ok", 3755, 900 * 10**9, 24 * 10**9, True,
                              {"check": "abs_diff", "asserts": "stake ~ 75e9 (eps 75e6); coldkey balance ~ 450e9 - approx_fee(450e9) (eps 450e6); price ~ 24.0 (eps 0.001); price before == 1.5 exactly",
                               "values": {"stake_alpha": 75 * 10**9, "stake_epsilon": 75 * 10**6, "balance_left": 450 * 10**9 - fee_amount(450 * 10**9),
                                          "balance_epsilon": 450 * 10**6, "price": 24.0, "price_epsilon": 0.001}},
                              "The coldkey's starting balance is //Alice's dev balance, not 900e9: we check what the call spent (balance_spent) instead of what is left."))
lim["cases"].append(add_limit("test_add_stake_limit_fill_or_kill/900e9", "test_add_stake_limit_fill_or_kill", 3828, 900 * 10**9, 24 * 10**9, False,
                              {"check": "error", "values": {"error": "SlippageTooHigh"}}))
lim["cases"].append(add_limit("test_add_stake_limit_fill_or_kill/150e9", "test_add_stake_limit_fill_or_kill", 3828, 150 * 10**9, 24 * 10**9, False,
                              {"check": "ok", "asserts": "assert_ok!", "values": {}}))
lim["cases"][-1]["expected_kind"] = "derived"
lim["cases"].append(add_limit("test_add_stake_limit_partial_zero_max_stake_amount_error", "test_add_stake_limit_partial_zero_max_stake_amount_error", 3910,
                              19_980_000_000, 26_953_618, True, {"check": "error", "values": {"error": "PriceLimitExceeded"}},
                              reserves={"SubnetTAO": 5_032_494_439_940, "SubnetAlphaIn": 186_268_425_402_874}))


def remove_limit(name, amount, upstream):
    p = Pool(150 * 10**9, 100 * 10**9)
    r = p.swap(False, 100 * 10**9 * 1000, 1_350_000_000, False, True)
    mx = r["paid_in"] + r["fee"]
    if amount > mx:
        exp = {"error": "SlippageTooHigh"}
    else:
        r = p.swap(False, amount, 1_350_000_000); p.apply(False, r)
        exp = {"max_amount": mx, "tao_received": r["paid_out"], "fee": r["fee"], "stake_left": 300 * 10**9 - amount,
               "SubnetTAO": p.tao, "SubnetAlphaIn": p.alpha}
    return {"kind": "remove_stake_limit", "name": name, "source": src(STAKING, "test_remove_stake_limit_fill_or_kill", 4009),
            "inputs": {**POOL15, "stake": 300 * 10**9, "amount": amount, "limit_price": 1_350_000_000, "allow_partial": False},
            "upstream": upstream, "expected": exp, "expected_kind": "exact" if "error" in exp else "derived"}


lim["cases"].append(remove_limit("test_remove_stake_limit_fill_or_kill/150e9", 150 * 10**9, {"check": "error", "values": {"error": "SlippageTooHigh"}}))
lim["cases"].append(remove_limit("test_remove_stake_limit_fill_or_kill/1.5e9", 1_500_000_000, {"check": "ok", "asserts": "assert_ok!", "values": {}}))
dump("stake_limits.json", lim)

# ---------------------------------------------------------------- coinbase.json
cb = header(
    "Per-block coinbase (DynamicCoinbase.RunBlock: shares by moving price, injection capped by root proportion, chain buy of the "
    "excess, alpha emission split) and root_proportion.",
    ["Each run_block case is a list of steps; a step sets storage (set) and runs one block (block). expected is the state after the "
     "last step; expected_last_step_increase compares the increase over the last step.",
     "set.total_issuance chooses the block emission: RunBlock mints BlockEmission.ForIssuance(TotalIssuance) and takes no emission "
     "argument, so subtensor's run_coinbase(mint_tao(E)) with an arbitrary E is reproduced with an issuance whose block emission is "
     f"1e9 >> k: {ISS_K10} gives 976_562 (k = 10), {ISS_ZERO} gives 0.",
     "Our SubnetOwnerCut is the constant 11_796 (CoinbaseModule.OwnerCut; the mock's is 0), TaoWeight is storage "
     "(SubnetPools.TaoWeightValue, set per case), stable (mechanism 0) subnets do not exist here: mock stable subnets at price 1 are "
     "dynamic pools with equal reserves.",
     "set_full_injection_root_stake() is SubnetTAO[0] = 1e18 and TaoWeight = u64::MAX.",
     "The spec's scenario C (10.5, balancer weights drifting from 1/2 after a disproportionate injection) is not here: our weights "
     "stay 1/2 (a documented difference); test_coinbase_alpha_issuance_with_cap_trigger records where that changes a number.",
     "upstream_checks are the upstream assertions that still apply to the adapted inputs; they are checked too."])


def run_case(name, source, steps, upstream, upstream_checks, kind, difference=None, last_increase=False, fields=None):
    """steps: list of (set, block); the first set creates the subnets."""
    ns = {}
    root, tw, iss = 0, 0, 0
    before = None
    for i, (st, block) in enumerate(steps):
        root = st.get("root_tao", root); tw = st.get("tao_weight", tw); iss = st.get("total_issuance", iss)
        for k, v in st.get("subnets", {}).items():
            n = int(k)
            if n not in ns:
                ns[n] = Net(v["SubnetTAO"], v["SubnetAlphaIn"], v.get("SubnetAlphaOut", 0), int(v.get("SubnetMovingPriceBits", "0")), v.get("FirstEmissionBlockNumber", 1))
            else:
                if "SubnetMovingPriceBits" in v: ns[n].moving = int(v["SubnetMovingPriceBits"])
        if i == len(steps) - 1:
            before = {n: state(ns[n]) for n in ns}
        minted, E = run_block(ns, iss, root, tw, 11_796, block, drift=False)
        iss += minted
    exp = {"total_issuance_increase_last_step": minted, "block_emission_last_step": E, "subnets": {}}
    for n in sorted(ns):
        s = state(ns[n])
        keep = fields or list(s)
        d = {k: (str(s[k]) if k.endswith("Bits") else s[k]) for k in keep}
        exp["subnets"][str(n)] = d
    c = {"kind": "run_block", "name": name, "source": source,
         "steps": [{"set": st, "block": b} for st, b in steps], "upstream": upstream, "upstream_checks": upstream_checks,
         "expected": exp, "expected_kind": kind}
    if last_increase:
        c["expected_last_step_increase"] = {str(n): {k: state(ns[n])[k] - before[n][k] for k in
                                                     ("PendingServerEmission", "PendingValidatorEmission", "PendingRootAlphaDivs", "PendingOwnerCut")} for n in ns}
    if difference:
        c["difference"] = difference
    return c


def sub(t, a, mp_bits, out=0, feb=1):
    return {"SubnetTAO": t, "SubnetAlphaIn": a, "SubnetAlphaOut": out, "SubnetMovingPriceBits": str(mp_bits), "FirstEmissionBlockNumber": feb}


FULL = {"root_tao": 10**18, "tao_weight": U64MAX}
ONE, TWO = 1 << 32, 2 << 32
cb["cases"].append(run_case(
    "test_coinbase_tao_issuance_base", src(COINBASE, "test_coinbase_tao_issuance_base", 78),
    [({"total_issuance": ISS_K10, **FULL, "subnets": {"1": sub(10**11, 10**11, ONE)}}, 2)],
    {"check": "exact", "asserts": "SubnetTAO == before + E; TotalIssuance == before + E; TotalStake == before + E (E = 1_234_567)",
     "values": {"emission": 1_234_567}},
    [{"netuid": 1, "field": "SubnetTAO", "op": "==", "value": 10**11 + 976_562}, {"field": "total_issuance_increase", "op": "==", "value": 976_562}],
    "adapted", "Emission 976_562 instead of 1_234_567 (see notes); TotalStake is not kept by our dynamic chain. The pool is "
    "add_dynamic_network's: 100 TAO / 100 alpha (mock NetworkMinLockCost)."))
cb["cases"].append(run_case(
    "test_coinbase_alpha_issuance_base", src(COINBASE, "test_coinbase_alpha_issuance_base", 613),
    [({"total_issuance": ISS_K10, **FULL, "subnets": {"1": sub(10**6, 10**6, ONE), "2": sub(10**6, 10**6, ONE)}}, 2)],
    {"check": "exact", "asserts": "SubnetAlphaIn == initial + emission / 2 for both (E = 1_000_000 -> 1_500_000)", "values": {"SubnetAlphaIn": 1_500_000}},
    [{"netuid": 1, "field": "SubnetAlphaIn", "op": "==", "value": 10**6 + 976_562 // 2}, {"netuid": 2, "field": "SubnetAlphaIn", "op": "==", "value": 10**6 + 976_562 // 2}],
    "adapted", "Emission 976_562 instead of 1_000_000. Upstream's subnets are stable (moving price 1 by mechanism); ours are pools at "
    "price 1 with moving price 1 set."))
cb["cases"].append(run_case(
    "test_coinbase_alpha_issuance_different", src(COINBASE, "test_coinbase_alpha_issuance_different", 651),
    [({"total_issuance": ISS_K10, **FULL, "subnets": {"1": sub(10**6, 10**6, ONE), "2": sub(2 * 10**6, 10**6, TWO)}}, 2)],
    {"check": "exact", "asserts": "SubnetAlphaIn1 == initial + emission / 3; SubnetAlphaIn2 == initial + (emission * 2 / 3) / 2 (both 1_333_333)",
     "values": {"SubnetAlphaIn": 1_333_333}},
    [{"netuid": 1, "field": "SubnetAlphaIn", "op": "==", "value": 10**6 + 976_562 // 3}, {"netuid": 2, "field": "SubnetAlphaIn", "op": "==", "value": 10**6 + (976_562 * 2 // 3) // 2}],
    "adapted", "Emission 976_562 instead of 1_000_000. Subnet 2's injection (651_041 TAO, 325_520 alpha) is not exactly at price 2: "
    "subtensor's balancer weight moves (quote 500_000_094_302_595_528) and its spot price with it; reserves are identical, the price is not "
    "compared (our weights stay 1/2).",
    fields=["SubnetTAO", "SubnetAlphaIn", "SubnetAlphaOut", "SubnetTaoInEmission", "SubnetAlphaInEmission", "SubnetExcessTao", "PendingServerEmission",
            "PendingValidatorEmission", "PendingRootAlphaDivs", "PendingOwnerCut"]))
c = run_case(
    "test_coinbase_alpha_issuance_with_cap_trigger", src(COINBASE, "test_coinbase_alpha_issuance_with_cap_trigger", 692),
    [({"total_issuance": ISS_K10, **FULL, "subnets": {"1": sub(1_000, 10**9, ONE), "2": sub(1_000, 10**9, TWO)}}, 2)],
    {"check": "exact", "asserts": "SubnetAlphaOutEmission == 1_000_000_000 for both [exact]; SubnetAlphaIn < initial_alpha + 1e9 for both",
     "values": {"SubnetAlphaOutEmission": 1_000_000_000}},
    [{"netuid": n, "field": f, "op": op, "value": v} for n in (1, 2) for f, op, v in
     (("SubnetAlphaOutEmission", "==", 1_000_000_000), ("SubnetAlphaIn", "<", 10**9 + 10**9))],
    "adapted", "Emission 976_562 instead of 1_000_000. The injection (999 TAO, 999_999_998 alpha) is not at the pool price (the U96F32 price "
    "truncates 1e-6), so subtensor moves the balancer weight (quote 499_874_968_992_185_530) before the chain buy, which then gives "
    "less alpha (subnet 1: 996_919_092, subnet 2: 998_459_014 protocol alpha); our weights stay 1/2 (documented difference), so "
    "expected is the constant-product value.")
drift = {1: Net(1_000, 10**9, moving=ONE), 2: Net(1_000, 10**9, moving=TWO)}
run_block(drift, ISS_K10, 10**18, U64MAX, 11_796, 2, drift=True)
c["subtensor_weights_drift_derived"] = {str(n): {k: state(drift[n])[k] for k in ("SubnetProtocolAlpha", "SubnetAlphaIn", "SubnetAlphaOut")} for n in drift}
assert c["subtensor_weights_drift_derived"]["1"]["SubnetProtocolAlpha"] == 996_919_092
cb["cases"].append(c)
cb["cases"].append(run_case(
    "test_coinbase_alpha_issuance_with_cap_trigger_and_block_emission", src(COINBASE, "test_coinbase_alpha_issuance_with_cap_trigger_and_block_emission", 735),
    [({"total_issuance": ISS_K10, "root_tao": 0, "tao_weight": 0,
       "subnets": {"1": sub(10_000, 10**9, ONE, 21 * 10**15, 0), "2": sub(10_000, 10**9, TWO, 21 * 10**15, 0)}}, 2)],
    {"check": "exact", "asserts": "SubnetProtocolAlpha1 != 0 || SubnetProtocolAlpha2 != 0; SubnetAlphaIn < initial_alpha (both); "
     "SubnetAlphaOut2 == 21e15 + SubnetProtocolAlpha2 [exact]; price_after > price_before (both)", "values": {}},
    [{"netuid": n, "field": f, "op": op, "value": v, **({"plus_field": "SubnetProtocolAlpha"} if f == "SubnetAlphaOut" else {})} for n in (1, 2) for f, op, v in
     (("SubnetProtocolAlpha", ">", 0), ("SubnetAlphaIn", "<", 10**9), ("SubnetAlphaOut", "==", 21 * 10**15), ("PriceBits", ">", (10_000 << 64) // 10**9))],
    "adapted", "Emission 976_562 instead of 1_000_000 (1e9 would exceed the 1000x swap-input limit of a 10_000-TAO pool). The mock's "
    "TaoWeight is 0, set here too; alpha issuance >= 21e15 makes the alpha emission 0, so everything is a chain buy and weights stay 1/2."))
cb["cases"].append(run_case(
    "test_owner_cut_base", src(COINBASE, "test_owner_cut_base", 809),
    [({"total_issuance": ISS_ZERO, "root_tao": 0, "tao_weight": 0, "subnets": {"1": sub(10**12, 10**12, 0)}}, 2)],
    {"check": "exact", "asserts": "SubnetOwnerCut 0 -> PendingOwnerCut == 0; SubnetOwnerCut u16::MAX -> PendingOwnerCut == 1_000_000_000",
     "values": {"cut_0": 0, "cut_u16_max": 1_000_000_000}},
    [], "adapted", "Not reproducible as written: SubnetOwnerCut is a constant here (11_796, CoinbaseModule.OwnerCut), the test sets 0 and "
    "u16::MAX. We run the same zero-TAO-emission block with 11_796: PendingOwnerCut = floor(1e9 * (11_796/65_535 as U96F32)).",
    fields=["PendingOwnerCut", "PendingServerEmission", "PendingValidatorEmission", "SubnetAlphaOutEmission", "SubnetAlphaOut"]))
c = run_case(
    "test_pending_emission", src(COINBASE, "test_pending_emission", 830),
    [({"total_issuance": ISS_ZERO, "root_tao": 0, "tao_weight": 0, "subnets": {"1": sub(1_000_000, 1, 0, 0, 0)}}, 10),
     ({"root_tao": 1_000_000_000}, 12),
     ({"tao_weight": U64MAX, "subnets": {"1": {"SubnetMovingPriceBits": str(TWO)}}}, 12)],
    {"check": "abs_diff", "epsilon": 1, "asserts": "after the third coinbase: PendingServerEmission ~ 500_000_000; PendingValidatorEmission ~ 375_000_000; "
     "PendingRootAlphaDivs ~ 125_000_000 (epsilon 1)",
     "values": {"PendingServerEmission": 500_000_000, "PendingValidatorEmission": 375_000_000, "PendingRootAlphaDivs": 125_000_000},
     "derived_with_mock_owner_cut_0": {"PendingServerEmission": 500_000_000, "PendingValidatorEmission": 375_000_000, "PendingRootAlphaDivs": 124_999_999}},
    [], "adapted", "Owner cut 11_796 instead of the mock's 0, so the third block splits 820_004_578 alpha, not 1e9. Upstream drains the "
    "pots at each epoch (tempo 1 for the first two blocks); RunBlock never drains, so we compare the third block's increase. Zero TAO "
    "emission comes from TotalIssuance = 21e15; the mock's TaoWeight 0 is set for the first two blocks.",
    last_increase=True,
    fields=["SubnetAlphaOut", "PendingServerEmission", "PendingValidatorEmission", "PendingRootAlphaDivs", "PendingOwnerCut"])
cb["cases"].append(c)
cb["cases"].append(run_case(
    "test_get_subnet_terms_alpha_emissions_cap", src(COINBASE, "test_get_subnet_terms_alpha_emissions_cap", 4244),
    [({"total_issuance": 10**15, **FULL, "subnets": {"1": sub(10**11, 10**11, ONE)}}, 2)],
    {"check": "exact", "asserts": "get_subnet_terms: emission 1e8 -> alpha_in == 1e8; emission 1e10 -> alpha_in == root_proportion * alpha_emission",
     "values": {}},
    [{"netuid": 1, "field": "SubnetAlphaInEmission", "op": "==",
      "value": u96_to_u64(u96_mul(root_prop(10**18, U64MAX, 10**11), u96(10**9)))}],
    "adapted", "get_subnet_terms is private here; RunBlock with emission 1e9 > cap shows the capped alpha_in as SubnetAlphaInEmission "
    "(floor of root_proportion * alpha_emission). The uncapped branch is test_coinbase_tao_issuance_base."))
for name, root in (("scenario_A_no_root_stake", 0), ("scenario_B_root_stake_1e15", 10**15)):
    cb["cases"].append(run_case(
        name, {"path": "spec 10.5", "test_fn": name, "line": 0, "cite": "docs/dynamic-tao-reference.md 10.5 (derived end-to-end scenario; run_coinbase.rs)"},
        [({"total_issuance": 10**15, "root_tao": root, "tao_weight": TW, "subnets": {"1": sub(10**12, 10**12, 1 << 31)}}, 1000)],
        {"check": "none", "values": {}}, [], "derived"))
rp = root_prop(10**12, 3_320_413_933_267_719_290, 10**11)
cb["cases"].append({"kind": "root_proportion", "name": "test_root_proportion", "source": src(COINBASE, "test_root_proportion", 4211),
                    "inputs": {"root_tao": 10**12, "tao_weight": 3_320_413_933_267_719_290, "SubnetAlphaIn": 10**11, "SubnetAlphaOut": 0},
                    "upstream": {"check": "exact", "asserts": "root_proportion == tao_weight * root_tao / (tao_weight * root_tao + alpha_issuance) in U96F32", "values": {}},
                    "expected": {"bits": str(rp)}, "expected_kind": "exact"})
dump("coinbase.json", cb)

# ---------------------------------------------------------------- moving_price.json
mpd = header(
    "update_moving_price (MovingPrices.Update): EMA of min(spot, 1) with factor SubnetMovingAlpha * b/(b + 201_600), stored as I96F32 bits.",
    ["SubnetMovingAlpha is storage in subtensor (default I96F32 0.000003, bits 12_885) and a constant here (MovingPrices): cases whose "
     "test sets another alpha are run with ours and expected is the emulation's value for 12_885 (expected_kind adapted); "
     "subtensor_derived is the emulation with the test's alpha.",
     "bits values are I96F32 bits (32 fraction bits)."])


def mp_case(name, fn, line, tao, alpha, mp0, feb, block, n, ma_up, upstream, difference=None):
    def run(ma):
        s = Net(tao, alpha, moving=mp0, feb=feb)
        for _ in range(n):
            update_moving_price(s, block, feb, ma_bits96=ma)
        return s.moving
    c = {"kind": "update", "name": name, "source": src(COINBASE, fn, line),
         "inputs": {"SubnetTAO": tao, "SubnetAlphaIn": alpha, "moving_price_bits": str(mp0), "first_emission_block": feb, "block": block,
                    "updates": n, "moving_alpha_bits": str(ma_up)},
         "upstream": upstream, "expected": {"bits": str(run(12_885))}, "expected_kind": "exact" if ma_up == 12_885 else "adapted"}
    if ma_up != 12_885:
        c["subtensor_derived"] = {"bits": str(run(ma_up))}
        c["difference"] = difference or "SubnetMovingAlpha is not storage here; run with 0.000003 (bits 12_885)."
    return c


mpd["cases"].append(mp_case("test_coinbase_moving_prices/price_1_stays_1", "test_coinbase_moving_prices", 503, 10**6, 10**6, ONE, 1, 7_200_000, 1, 12_885,
                            {"check": "exact", "asserts": "get_moving_alpha_price == 1 after one update at block 7_200_000", "values": {"bits": str(ONE)}}))
mpd["cases"].append(mp_case("test_coinbase_moving_prices/alpha_1", "test_coinbase_moving_prices", 503, 10**6, 10**6, 0, 1, 7_200_000, 1, ONE,
                            {"check": "lt", "asserts": "1.0 - get_moving_alpha_price < 0.05", "values": {}}))
mpd["cases"].append(mp_case("test_coinbase_moving_prices/alpha_0.1_14_updates", "test_coinbase_moving_prices", 503, 10**6, 10**6, 0, 1, 201_600, 14, 429_496_730,
                            {"check": "abs_diff", "epsilon": 0.001, "asserts": "get_moving_alpha_price ~ 0.512325 (epsilon 0.001)", "values": {"price": 0.512325}}))
mpd["cases"].append(mp_case("test_update_moving_price_initial", "test_update_moving_price_initial", 559, 10**6, 10**6, 0, 500, 510, 1, 1 << 31,
                            {"check": "lt", "asserts": "SubnetMovingPrice < 0.001", "values": {"price_below": 0.001}}))
mpd["cases"].append(mp_case("test_update_moving_price_after_time", "test_update_moving_price_after_time", 584, 10**6, 10**6, 0, 500, 144_000_500, 1, 1 << 31,
                            {"check": "abs_diff", "epsilon": 0.001, "asserts": "|SubnetMovingPrice - 0.5| < 0.001", "values": {"price": 0.5}},
                            "SubnetMovingAlpha is not storage here; with 0.000003 one update from 0 gives ~0.000003, so upstream's ~0.5 "
                            "does not apply; expected is the emulation's value for 12_885."))
c = mp_case("scenario_A_moving_price", "scenario A", 0, 1_001_000_000_000, 999_000_999_001, 1 << 31, 1, 1000, 1, 12_885,
            {"check": "none", "values": {}})
c["source"] = {"path": "spec 10.5", "test_fn": "scenario A", "line": 0, "cite": "docs/dynamic-tao-reference.md 10.5 A: EMA update at block 1000 (FEB 1)"}
c["expected_kind"] = "derived"
mpd["cases"].append(c)
dump("moving_price.json", mpd)

# ---------------------------------------------------------------- block_emission.json
be = header(
    "get_block_emission_for_issuance (BlockEmission.ForIssuance): 1e9 rao halved at each threshold of issuance.",
    ["No upstream test asserts these; the values are the function's (I96F32 log2 as in spec 1.7) computed by the emulation, "
     "at 0, either side of the first eleven halving thresholds, and at the supply cap."])
pts = [0, 10**15, 20 * 10**15, ISS_K10, 21 * 10**15 - 1, 21 * 10**15, 21 * 10**15 + 1]
S = 21 * 10**15
for k in range(1, 12):
    f = first(10**9 >> k)
    pts += [f - 1, f]
for iss in sorted(set(pts)):
    be["cases"].append({"kind": "block_emission", "name": f"issuance_{iss}",
                        "source": {"path": "pallets/subtensor/src/coinbase/block_emission.rs", "test_fn": "get_block_emission_for_issuance", "line": 38,
                                   "cite": "pallets/subtensor/src/coinbase/block_emission.rs::get_block_emission_for_issuance, line 38 (spec 8.2, 10.5)"},
                        "inputs": {"issuance": iss}, "upstream": {"check": "none", "values": {}},
                        "expected": {"emission": block_emission(iss) if iss < S else 0}, "expected_kind": "derived"})
dump("block_emission.json", be)
print("ok")
