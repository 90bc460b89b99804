MAXM = 10**21
def cappow10(e):
    if e > 22: return MAXM*10
    return 10**e
class SF:
    __slots__=('m','e')
    def __init__(s,m=0,e=0): s.m=m; s.e=e
    def __repr__(s): return f"SF({s.m}e{s.e})"
    def iszero(s): return s.m==0
def normalize(m,e):
    if m==0: return SF(0,0)
    minm = MAXM//10
    while m > MAXM: m//=10; e+=1
    while m <= minm: m*=10; e-=1
    return SF(m,e)
def sf_new(m,e=0):
    if m > MAXM: return None
    return normalize(m,e)
def sf_from_u64(v): return sf_new(v,0) or SF()
def sf_add(a,b):
    if a.iszero(): return SF(b.m,b.e)
    if b.iszero(): return SF(a.m,a.e)
    if a.e >= b.e: m = a.m + b.m//cappow10(a.e-b.e); e=a.e
    else: m = a.m//cappow10(b.e-a.e) + b.m; e=b.e
    return normalize(m,e)
def sf_sub(a,b):
    if a.iszero() and b.iszero(): return SF()
    if a.iszero(): return None
    if b.iszero(): return SF(a.m,a.e)
    if a.e >= b.e: m = max(a.m - b.m//cappow10(a.e-b.e),0); e=a.e
    else: m = max(a.m//cappow10(b.e-a.e) - b.m,0); e=b.e
    return normalize(m,e)
def sf_muldiv(a,b,c):
    if c.m==0: return None
    m = (a.m*b.m)//c.m
    return normalize(m, a.e+b.e-c.e)
def sf_to_u64(v):
    if v.e==0: q=v.m
    elif v.e>0: q=v.m*cappow10(v.e)
    else: q=v.m//cappow10(-v.e)
    return min(q,(1<<64)-1)
class HotkeyPool:
    def __init__(s): s.total=0; s.den=SF(); s.shares={}
    def get_share(s,k): return s.shares.get(k,SF())
    def value(s,k):
        if k not in s.shares: return 0
        r = sf_muldiv(sf_new(s.total,0) or SF(), s.get_share(k), s.den)
        return sf_to_u64(r) if r is not None else 0
    def _spu(s,update):
        r = sf_muldiv(sf_new(abs(update),0) or SF(), s.den, sf_new(s.total,0) or SF())
        return r if r is not None else SF()
    def update_all(s,u):
        s.total = min(s.total+u,(1<<64)-1) if u>=0 else max(s.total+u,0)
    def update_one(s,k,u):
        cur=s.get_share(k)
        if s.den.iszero():
            f=sf_new(abs(u),0) or SF(); s.den=f; s.shares[k]=SF(f.m,f.e)
        else:
            spu=s._spu(u)
            if u>0:
                nd=sf_add(s.den,spu) or s.den; nc=sf_add(cur,spu) or cur
            else:
                nd=sf_sub(s.den,spu); nd = s.den if nd is None else nd
                nc=sf_sub(cur,spu); nc = cur if nc is None else nc
            s.den=nd
            if nc.iszero(): s.shares.pop(k,None)
            else: s.shares[k]=nc
        s.update_all(u)
    def increase(s,k,amt): s.update_one(k,amt)
    def decrease(s,k,amt):
        if k in s.shares and s.value(k) >= amt: s.update_one(k,-amt)
if __name__=="__main__":
    for st,un in [(1_000,990),(1_000,999),(1_000_000,990_000),(1_000_000,999_990),(1_000_000_000,999_999_990),(10**12,999_999_999_990)]:
        p=HotkeyPool(); p.increase('c1',st); p.decrease('c1',un); print("denom_precision",st,un,"->",p.value('c1'),"expect",st-un)
    for st,un,inj,tol in [(1_000,999,1_000_000,0),(1_000_000,999_000,100_000_000,0),(1_000_000,900_000,100_000_000,0),(100_000_000_000,1_000_000_000,10**12,1),(100_000_000_000,99_000_000_000,10**12,1),(100_000_000_000,99_990_000_000,10**12,1),(100_000_000_000,99_990_000_000,1_234_567_890,1)]:
        p=HotkeyPool(); p.increase('c1',st); p.decrease('c1',un); p.increase('c2',st); p.decrease('c2',un); p.update_all(inj)
        print("stake_unstake_inject",(st,un,inj),"->",p.value('c1'),p.value('c2'),"expect",st-un+inj//2,"tol",tol, "total",p.total)
    for st,inj,st2 in [(1,2_000_000_000,500_000_000),(1,5_000_000_000,50_000_000),(500_000_000,1_000_000_000,1_000_000_000)]:
        p=HotkeyPool(); p.increase('c1',st); p.update_all(inj); p.increase('c2',st2)
        print("stake_inject_stake_new",(st,inj,st2),"->",p.value('c1'),p.value('c2'),"expect",st+inj,st2)
    p=HotkeyPool(); p.increase('c1',1_000_000_000); print("SafeFloat of 1e9:",p.den)
