"""Multi-subnet run_coinbase + update_moving_prices per spec section 8, on the emulation in emulation/.
drift=True moves the balancer weights as subtensor does; drift=False keeps them at 1/2, as our runtime does."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "emulation"))
from coinbase import *
from emission import block_emission

class Net:
    def __init__(s, tao, alpha_in, alpha_out=0, moving=0, feb=1, min_reserve=1_000_000, miner_burned=0):
        s.pool=Pool(tao, alpha_in, min_reserve=min_reserve); s.alpha_out=alpha_out; s.moving=moving; s.feb=feb
        s.protocol_alpha=0; s.pending=dict(server=0,validator=0,root=0,owner=0); s.miner_burned=miner_burned
        s.tao_in_em=0; s.alpha_in_em=0; s.alpha_out_em=0; s.excess_tao=0
    @property
    def issuance(s): return s.pool.alpha + s.alpha_out

def run_block(nets, issuance, root_tao, tw_stored, owner_cut, block, drift=True, update_ema=True):
    """Returns TAO minted. nets: dict netuid -> Net (all emitting)."""
    E = block_emission(issuance)
    ids = sorted(nets)
    # shares (U64F64)
    mp = {n: nets[n].moving<<32 for n in ids}
    P = sum(mp.values())
    ps = {n: (u64f64_div(mp[n], P) if P else None) or 0 for n in ids}
    w = {n: u64f64_mul(ps[n], ONE64 - min(nets[n].miner_burned<<32, ONE64)) for n in ids}
    W = sum(w.values())
    share = {n: ((u64f64_div(w[n], W) or 0) if W>0 else ps[n]) for n in ids}
    te = {n: u64f64_mul(E<<64, share[n])>>32 for n in ids}
    root_sell = P > ONE64
    terms={}
    for n in ids:
        sn=nets[n]
        ae = block_emission(sn.issuance)
        price96 = sn.pool.price()>>32
        ai = u96_div(te[n], price96); ai = 0 if ai is None else ai
        ti = te[n]
        rp = root_prop(root_tao, tw_stored, sn.issuance)
        cap = u96_mul(rp, u96(ae))
        if ai > cap: ai = cap; ti = u96_mul(ai, price96)
        ex = max(te[n]-ti, 0)
        terms[n]=(u96_to_u64(ti), u96_to_u64(ai), u96_to_u64(ex), ae)
    minted=0
    for n in ids:
        sn=nets[n]; ti,ai,ex,ae = terms[n]
        if drift:
            if not sn.pool.bal.update_weights(sn.pool.tao, sn.pool.alpha, ti, ai): ti=ai=0
        sn.excess_tao=0; sn.tao_in_em=0
        if ex>0:
            try:
                r = sn.pool.swap(True, ex, MAXP, drop_fees=True)
                sn.pool.apply(True, r); sn.alpha_out += r['paid_out']; sn.protocol_alpha += r['paid_out']
                sn.excess_tao = r['paid_in']; minted += r['paid_in']
            except Exception as e:
                sn.swap_error=str(e)
        sn.alpha_in_em = ai; sn.pool.alpha += ai
        if ti>0: sn.tao_in_em=ti; sn.pool.tao += ti; minted += ti
    cut = u96_div(u96(owner_cut), u96(65535))
    for n in ids:
        sn=nets[n]; ae=terms[n][3]
        ao = u96(ae); sn.alpha_out_em = ae; sn.alpha_out += ae
        oc = u96_mul(ao, cut); ao -= oc; sn.pending['owner'] += u96_to_u64(oc)
        rp2 = root_prop(root_tao, tw_stored, sn.issuance)
        ra = u96_mul(u96_mul(rp2, ao), 1<<31)
        server = u96_mul(ao, 1<<31); val = ao - server - ra
        sn.pending['server'] += u96_to_u64(server); sn.pending['validator'] += u96_to_u64(val)
        if root_sell: sn.pending['root'] += u96_to_u64(ra)
        else: sn.alpha_out -= u96_to_u64(ra)
    if update_ema:
        for n in ids: update_moving_price(nets[n], block, nets[n].feb)
    return minted, E

def state(sn):
    return dict(SubnetTAO=sn.pool.tao, SubnetAlphaIn=sn.pool.alpha, SubnetAlphaOut=sn.alpha_out, SubnetProtocolAlpha=sn.protocol_alpha,
        PendingServerEmission=sn.pending['server'], PendingValidatorEmission=sn.pending['validator'], PendingRootAlphaDivs=sn.pending['root'],
        PendingOwnerCut=sn.pending['owner'], SubnetTaoInEmission=sn.tao_in_em, SubnetAlphaInEmission=sn.alpha_in_em,
        SubnetAlphaOutEmission=sn.alpha_out_em, SubnetExcessTao=sn.excess_tao, SubnetMovingPriceBits=sn.moving, PriceBits=sn.pool.price())
