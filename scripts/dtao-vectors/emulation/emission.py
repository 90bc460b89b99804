def block_emission(iss):
    if iss >= 21_000_000_000_000_000: return 0
    denom = 21_000_000_000_000_000 << 32
    q = ((iss<<32)<<32)//denom
    om = (1<<32) - q
    if om<=0: return None
    x = (1<<64)//om        # I96F32 bits of 1/om
    k=0
    while x >= (2<<32):
        k+=1; x=(x>>1)+(x&1)
    return 1_000_000_000 >> k if k<64 else 0
def first(target):
    lo,hi=0,21_000_000_000_000_000
    while lo<hi:
        m=(lo+hi)//2
        if block_emission(m)<=target: hi=m
        else: lo=m+1
    return lo
if __name__=="__main__":
    for iss in [0,1_000_000_000_000_000,10_499_999_999_999_999,10_500_000_000_000_000,15_750_000_000_000_000,20_000_000_000_000_000]:
        print(iss, block_emission(iss))
    for t in [500_000_000,250_000_000,125_000_000]:
        f=first(t); print("first issuance with emission",t,":",f, block_emission(f-1), block_emission(f))
