from swap import *
def show(name, v): print(name, v)
# V1 test_stake_base_case
p=Pool(10_000_000_000, 5_000_000_000, min_reserve=100)
r=p.swap(True, 1_000_000_000, MAXP, False, False); show("V1 stake_base_case", r)
print("  SubnetTAO after", 10_000_000_000 + r['paid_in'], " SubnetAlphaIn after", 5_000_000_000 - r['paid_out'])
# V2 test_swap_basic
for amt in [1000,2000,123456,1_000_000_000,10_000_000_000]:
    p=Pool(1_000_000_000, 4_000_000_000, min_reserve=1); r=p.swap(True, amt, int(1000.0*1e9))
    fee=int(amt*33/65535); x=4e9;y=1e9; exp=x*(1-y/(y+(amt-fee)))
    show(f"V2 buy {amt}", (r, int(exp)))
for amt in [1000,2000,123456]:
    p=Pool(1_000_000_000, 4_000_000_000, min_reserve=1); r=p.swap(False, amt, int(0.0001*1e9))
    fee=int(amt*33/65535); x=4e9;y=1e9; exp=y*(1-x/(x+(amt-fee)))
    show(f"V2 sell {amt}", (r, int(exp)))
print("--- max_amount_add (mock MinimumReserve=100)")
def max_add(tao, alpha, limit):
    p=Pool(tao, alpha, min_reserve=100)
    try:
        r=p.swap(True, tao*1000, limit, False, True)
        return r['paid_in']+r['fee']
    except Exception as e: return str(e)
for (t,a,l,exp) in [(100,100,1_100_000_000,4),(1000,1000,1_100_000_000,48),(10_000,10_000,1_100_000_000,488),
    (1_000_000,1_000_000,4_000_000_000,1_000_500),(1_000_000,1_000_000,9_000_000_000,2_001_000),(1_000_000,1_000_000,16_000_000_000,3_001_500),
    (10**12,10**12,16_000_000_000,3_001_500_000_000),(150_000_000_000,100_000_000_000,1_500_000_001,49),(150_000_000_000,100_000_000_000,6_000_000_000,150_075_000_000),
    (150_000_000_000,100_000_000_000,1_500_000_000,'PLE'),(10**9,10**9,0,'PLE')]:
    print(t,a,l,"->",max_add(t,a,l),"expected~",exp)
print("--- max_amount_remove")
def max_rem(tao, alpha, limit):
    p=Pool(tao, alpha, min_reserve=100)
    try:
        r=p.swap(False, alpha*1000, limit, False, True)
        return r['paid_in']+r['fee']
    except Exception as e: return str(e)
for (t,a,l,exp) in [(10_000_000_000,10_000_000_000,0,10_000_000_000_000),(1_000_000,1_000_000,250_000_000,1_010_000),(1_000_000,1_000_000,62_500_000,3_030_000),
   (200_000_000_000,100_000_000_000,500_000_000,101_000_000_000),(200_000_000_000,100_000_000_000,125_000_000,303_000_000_000),(200_000_000_000,100_000_000_000,1_999_999_999,24),
   (200_000_000_000,100_000_000_000,1_999_999_990,250),(1_001,1_001,10_000_000,9_013),(1_001,1_001,100_000_000,2_165),(200_000_000_000,100_000_000_000,2_000_000_000,'PLE')]:
    print(t,a,l,"->",max_rem(t,a,l),"expected~",exp)
print("--- add_stake_limit_ok")
p=Pool(150_000_000_000,100_000_000_000,min_reserve=100)
m=max_add(150_000_000_000,100_000_000_000,24_000_000_000); print("max",m)
amt=min(900_000_000_000,m)
r=p.swap(True, amt, 24_000_000_000); print(r); p.apply(True,r); print("price after", p.price()/2**64, "tao",p.tao,"alpha",p.alpha)
