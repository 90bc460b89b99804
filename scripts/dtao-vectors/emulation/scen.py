from coinbase import *
TW=971_718_665_099_567_868
print("tao_weight U96F32 bits:", tao_weight(TW), tao_weight(TW)/2**32)
print("owner cut U96F32 bits:", u96_div(u96(11796),u96(65535)))
for name, root_tao in [("A (no root stake)",0),("B (root SubnetTAO=1e15)",10**15)]:
    sn = Subnet(10**12, 10**12, alpha_out=0, moving=1<<31)
    L = run_coinbase_single(sn, 1_000_000_000, root_tao, TW, 11796)
    print("Scenario",name)
    for k,v in L.items(): print("   ",k,v)
    print("    after: SubnetTAO",sn.pool.tao,"SubnetAlphaIn",sn.pool.alpha,"SubnetAlphaOut",sn.alpha_out,"ProtocolAlpha",sn.protocol_alpha)
    print("    pending",sn.pending, " quote weight", sn.pool.bal.quote, " price bits", sn.pool.price(), sn.pool.price()/2**64)
    m = update_moving_price(sn, 1000, 1)
    print("    moving price after update at block 1000 (FEB=1):", m, m/2**32)
