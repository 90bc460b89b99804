from bigmath import pow_ratio_scaled
ONE64 = 1<<64
MAXU128 = (1<<128)-1
ACC = 10**18
def u64f64_div(a_bits,b_bits):
    if b_bits==0: return None
    q=(a_bits<<64)//b_bits
    return None if q>MAXU128 else q
def u64f64_mul(a,b): return min((a*b)>>64, MAXU128)
def to_u64(bits): return min(bits>>64, (1<<64)-1)

class Balancer:
    def __init__(self, quote=ACC//2): self.quote=quote
    @property
    def base(self): return ACC-self.quote
    def exp_scaled(self, x, dx, base_quote):
        xd = x+dx if dx>=0 else max(x+dx,0)
        xd = min(xd,(1<<64)-1)
        if xd==0: return 0
        w1,w2=self.base,self.quote
        r = pow_ratio_scaled(x, xd, w1, w2, 256, ACC) if base_quote else pow_ratio_scaled(x, xd, w2, w1, 256, ACC)
        if r is None or r>=(1<<64) or r<0: return 0
        res = (r<<64)//ACC            # U64F64(r)/U64F64(1e18)
        return min(res, ONE64) if dx>=0 else res
    def price(self, x, y):
        a = u64f64_div(self.base<<64, self.quote<<64) or 0   # safe_div -> 0 on failure
        b = u64f64_div(y<<64, x<<64)
        b = 0 if b is None else b
        return u64f64_mul(a,b)
    def quote_delta_in(self, cur, tgt, y):
        r = pow_ratio_scaled(tgt, cur, self.base, ACC, 1024, ACC)
        if r is None: return 0
        e = min(r,(1<<64)-1) << 64
        q = u64f64_div(e, ACC<<64) or 0
        q = max(q-ONE64,0)
        return to_u64(u64f64_mul(y<<64, q))
    def base_delta_in(self, cur, tgt, x):
        r = pow_ratio_scaled(cur, tgt, self.quote, ACC, 1024, ACC)
        if r is None: return 0
        e = min(r,(1<<64)-1) << 64
        q = u64f64_div(e, ACC<<64) or 0
        q = max(q-ONE64,0)
        return to_u64(u64f64_mul(x<<64, q))
    def update_weights(self, tao, alpha, dtao, dalpha):
        def mulr(p,v): return (v*p + ACC//2)//ACC
        q1 = mulr(self.base, tao*(alpha+dalpha))
        q2 = mulr(self.quote, alpha*(tao+dtao))
        s=q1+q2
        nw = (q2*ACC)//s if s!=0 else ACC//2
        if ACC-nw >= ACC//100 and nw >= ACC//100:
            self.quote=nw; return True
        return False

def fee_amount(amount, fee_rate=33, drop=False):
    if drop: return 0
    fr = u64f64_div(fee_rate<<64, 65535<<64)
    return to_u64(u64f64_mul(amount<<64, fr))

class Pool:
    def __init__(s, tao, alpha, bal=None, fee_rate=33, min_reserve=1_000_000):
        s.tao=tao; s.alpha=alpha; s.bal=bal or Balancer(); s.fr=fee_rate; s.minres=min_reserve
    def price(s): return s.bal.price(s.alpha, s.tao) if s.alpha else 0
    def buy_out(s, dy): # convert_deltas tao->alpha
        e = s.bal.exp_scaled(s.tao, dy, False)
        return to_u64(u64f64_mul(s.alpha<<64, ONE64-e))
    def sell_out(s, dx):
        e = s.bal.exp_scaled(s.alpha, dx, True)
        return to_u64(u64f64_mul(s.tao<<64, ONE64-e))
    def swap(s, is_buy, amount, limit_rao, drop_fees=False, simulate=False):
        limit = u64f64_div(limit_rao<<64, 10**9<<64)
        fee = fee_amount(amount, s.fr, drop_fees)
        net = amount-fee
        rin = s.tao if is_buy else s.alpha
        if net > rin*1000: raise Exception("SwapInputTooLarge")
        rout = s.alpha if is_buy else s.tao
        if rout < s.minres: raise Exception("ReservesTooLow")
        cur = s.price()
        if is_buy and not cur < limit: raise Exception("PriceLimitExceeded")
        if (not is_buy) and not cur > limit: raise Exception("PriceLimitExceeded")
        req = net
        if is_buy:
            dx = s.buy_out(req); tgt = s.bal.price(max(s.alpha-dx,0), s.tao+req)
            closer = tgt <= limit
        else:
            dy = s.sell_out(req); tgt = s.bal.price(s.alpha+req, max(s.tao-dy,0))
            closer = tgt >= limit
        if closer:
            din = req
        else:
            din = s.bal.quote_delta_in(cur, limit, s.tao) if is_buy else s.bal.base_delta_in(cur, limit, s.alpha)
            frr = 0 if drop_fees else s.fr<<64
            ratio = u64f64_div(frr, (65535<<64)-frr) or 0
            fee = to_u64(u64f64_mul(din<<64, ratio))
        out = s.buy_out(din) if is_buy else s.sell_out(din)
        fba = 0
        if din!=0:
            if out==0: raise Exception("ReservesTooLow(delta_out=0)")
            fba = fee
        if not simulate and rout < out: raise Exception("InsufficientLiquidity")
        return dict(paid_in=din, paid_out=out, fee=fee, fee_to_author=fba)
    def apply(s, is_buy, r):  # reserve bookkeeping done by stake_utils
        if is_buy: s.tao += r['paid_in']; s.alpha -= r['paid_out']
        else: s.alpha += r['paid_in']; s.tao -= r['paid_out']

MAXP = 1_000_000_000_000_000; MINP = 1000
