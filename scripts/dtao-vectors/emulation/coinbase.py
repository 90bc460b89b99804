from swap import *
from emission import block_emission
U96ONE = 1<<32
def u96(n): return n<<32
def u96_mul(a,b): return min((a*b)>>32, MAXU128)
def u96_div(a,b):
    if b==0: return None
    q=(a<<32)//b
    return None if q>MAXU128 else q
def u96_to_u64(b): return min(b>>32,(1<<64)-1)
def tao_weight(stored): return u96_div(u96(stored), u96((1<<64)-1)) or 0
def root_prop(root_tao, tw_stored, alpha_issuance):
    tw = u96_mul(u96(root_tao), tao_weight(tw_stored))
    r = u96_div(tw, tw + u96(alpha_issuance))
    return 0 if r is None else r

class Subnet:
    def __init__(s, tao, alpha_in, alpha_out=0, moving=0, bal=None, fee_rate=33, min_reserve=1_000_000):
        s.pool=Pool(tao, alpha_in, bal, fee_rate, min_reserve); s.alpha_out=alpha_out; s.moving=moving # moving: I96F32 bits
        s.pending=dict(server=0,validator=0,root=0,owner=0); s.protocol_alpha=0
    @property
    def issuance(s): return s.pool.alpha + s.alpha_out

def run_coinbase_single(sn, block_em, root_tao, tw_stored, owner_cut_u16, emission_enabled=True, miner_burned=0):
    log={}
    # shares (single subnet): moving price share
    mp = sn.moving<<32   # I96F32 -> U64F64
    share = (u64f64_div(mp, mp) if mp else None) or 0
    share_w = u64f64_mul(share, ONE64 - min(miner_burned<<32, ONE64))
    tot = share_w
    share = (u64f64_div(share_w, tot) or 0) if tot>0 else share
    if not emission_enabled: share = 0
    te64 = u64f64_mul(block_em<<64, share)
    te = te64 >> 32   # U64F64 -> U96F32
    log['tao_emission_U96F32_bits']=te
    # subnet terms
    ae = block_emission(sn.issuance); log['alpha_emission']=ae
    price96 = sn.pool.price() >> 32
    log['price_U64F64_bits']=sn.pool.price()
    ai = u96_div(te, price96); ai = 0 if ai is None else ai
    ti = te
    rp = root_prop(root_tao, tw_stored, sn.issuance); log['root_prop_cap_bits']=rp
    cap = u96_mul(rp, u96(ae))
    if ai > cap:
        ai = cap; ti = u96_mul(ai, price96)
    ex = max(te - ti, 0)
    tao_in, alpha_in, excess = u96_to_u64(ti), u96_to_u64(ai), u96_to_u64(ex)
    log.update(tao_in=tao_in, alpha_in=alpha_in, excess=excess)
    # inject_and_maybe_swap
    bal_before = sn.pool.bal.quote
    ok = sn.pool.bal.update_weights(sn.pool.tao, sn.pool.alpha, tao_in, alpha_in)
    if not ok: tao_in=alpha_in=0
    log['quote_weight_after']=sn.pool.bal.quote
    if excess>0:
        r = sn.pool.swap(True, excess, MAXP, drop_fees=True)
        sn.pool.apply(True, r); sn.alpha_out += r['paid_out']; sn.protocol_alpha += r['paid_out']
        log['excess_swap']=r
    sn.pool.alpha += alpha_in; sn.pool.tao += tao_in
    # alpha out
    ao = u96(ae)
    sn.alpha_out += ae
    cut = u96_div(u96(owner_cut_u16), u96(65535))
    oc = u96_mul(ao, cut); ao -= oc
    sn.pending['owner'] += u96_to_u64(oc)
    rp2 = root_prop(root_tao, tw_stored, sn.issuance); log['root_prop_emit_bits']=rp2
    root_alpha = u96_mul(u96_mul(rp2, ao), 1<<31)
    server = u96_mul(ao, 1<<31)
    val = ao - server - root_alpha
    sn.pending['server'] += u96_to_u64(server); sn.pending['validator'] += u96_to_u64(val)
    root_sell = (sn.moving<<32) > ONE64
    if root_sell: sn.pending['root'] += u96_to_u64(root_alpha)
    else: sn.alpha_out -= u96_to_u64(root_alpha)
    log['root_alpha']=u96_to_u64(root_alpha); log['root_sell']=root_sell
    return log

def update_moving_price(sn, current_block, first_emission_block, halving=201600, ma_bits96=12885):
    b = current_block - max(first_emission_block-1,0)
    ma = ma_bits96<<32
    r = u64f64_div(b<<64, (b+halving)<<64) or 0
    alpha = u64f64_mul(ma, r)
    one_minus = ONE64 - alpha
    cp = u64f64_mul(alpha, min(sn.pool.price(), ONE64))
    cm = u64f64_mul(one_minus, sn.moving<<32)
    sn.moving = (cp+cm)>>32
    return sn.moving

if __name__=="__main__":
    # test_pending_emission third run reproduction (emit part only)
    sn = Subnet(1_000_000, 1, alpha_out=2_000_000_000, moving=2<<32, min_reserve=100)
    L = run_coinbase_single(sn, 0, 1_000_000_000, (1<<64)-1, 0, emission_enabled=False)
    print("test_pending_emission:", sn.pending, L['root_prop_emit_bits']/2**32)
