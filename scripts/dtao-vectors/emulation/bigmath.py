# Python emulation of safe_bigmath 0.4.1 (rev 013c4998) SafeInt::pow_ratio_scaled
from math import gcd
def fdiv(a,b):  # floor division (num-bigint div_floor) -- python // is floor
    return a//b
def tdivrem(a,b): # truncating div_rem (num-bigint div_rem)
    q = abs(a)//abs(b)
    if (a<0) != (b<0): q = -q
    r = a - q*b
    return q,r
def round_to_precision(v,g):
    q,r = tdivrem(v,g)
    if r!=0 and (abs(r)<<1) >= abs(g):
        q += 1 if r>0 else -1
    return q
def ln1p_fixed(x,scale,guard,max_iters):
    term=x; result=x; prev=round_to_precision(result,guard)
    for n in range(2,max_iters+1):
        term = fdiv(term*x, scale)
        if term==0: break
        nxt = fdiv(term, n)
        if nxt==0: break
        if n%2==0: result-=nxt
        else: result+=nxt
        rounded=round_to_precision(result,guard)
        if abs(nxt) < abs(guard) or rounded==prev: break
        prev=rounded
    return result
def exp_fixed(x,scale,guard,max_iters):
    term=scale; result=scale; prev=round_to_precision(result,guard)
    for n in range(1,max_iters+1):
        term = fdiv(term*x, scale*n)
        if term==0: break
        result+=term
        rounded=round_to_precision(result,guard)
        if abs(term)<abs(guard) or rounded==prev: break
        prev=rounded
    return result
def ln_biguint(value, iprec, S, guard, ln_two, max_iters):
    if value==0: return 0
    shift = max(value.bit_length()-1,0)
    m = (value<<iprec)>>shift
    if m >= S + (S>>1):
        m >>= 1; shift+=1
    return ln1p_fixed(m - S, S, guard, max_iters) + ln_two*shift
def nth_root_ratio_floor(tn,td,q):
    if q==0: return 0
    low=0; high=1
    while high**q*td <= tn: high<<=1
    while low<high:
        mid=(low+high+1)>>1
        if mid**q*td <= tn: low=mid
        else: high=mid-1
    return low
MAX_EXACT=1024
def pow_ratio_scaled(bn,bd,en,ed,precision,scale,max_iters=None):
    if bd==0 or ed==0: return None
    if bn==0: return 0
    if scale<0 or bn<0 or bd<0: return None
    if en==0: return scale
    g=gcd(en,ed)
    if g>1: en//=g; ed//=g
    scale_bits=scale.bit_length()
    if en.bit_length()<=32 and ed.bit_length()<=32 and en<=MAX_EXACT and ed<=MAX_EXACT:
        return nth_root_ratio_floor(bn**en * scale**ed, bd**en, ed)
    P = max(precision,32,scale_bits+8)
    G=24; IP=P+G
    dmi=min(4096, IP+128)
    mi = max(max_iters if max_iters is not None else dmi,1)
    T=1<<P; guard=1<<G; S=T<<G
    ln_half=ln1p_fixed(-(S>>1),S,guard,mi); ln_two=-ln_half
    ln_num=ln_biguint(bn,IP,S,guard,ln_two,mi)
    ln_den=ln_biguint(bd,IP,S,guard,ln_two,mi)
    ln_scaled=fdiv((ln_num-ln_den)*en, ed)
    e=exp_fixed(ln_scaled,S,guard,mi)
    er=round_to_precision(e,guard)
    return fdiv(er*scale, T)
if __name__=="__main__":
    PQ=10**18
    print(pow_ratio_scaled(21_000_000_000_000_000,28_000_000_000_000_000,6*10**17,4*10**17,256,PQ), "expect 649519052838328985")
    for w1,w2 in [(5*10**17,5*10**17),(499_999_999_999_500_000,500_000_000_000_500_000),(500_000_000_000_250_000,499_999_999_999_750_000)]:
        print(pow_ratio_scaled(21_000_000_000_000_000,21_000_000_000_000_100,w1,w2,256,PQ),"expect 999999999999995238")
    print(pow_ratio_scaled(21_000_000_000_000_000,21_000_000_000_000_001,499_999_999_500_000_000,500_000_000_500_000_000,256,PQ),"expect 999999999999999952")
    print(pow_ratio_scaled(2,3,1,2,0,1000),"expect 816")
