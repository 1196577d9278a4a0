package io.hfthot.engine.marketmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.engine.market.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The ledger's accounting identities over random fill sequences, checked against an independent recomputation in
 * exact decimal arithmetic. Tolerance: 1e-9 dollars (doubles over at most 400 fills of at most $1000 each).
 */
class LedgerProperties {
    private static final double TOL = 1e-9;

    @Property(tries = 200)
    void identitiesHoldAfterEveryFill(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
                                      @ForAll @IntRange(min = 1, max = 400) int fills) {
        SplittableRandom random = new SplittableRandom(seed);
        FeeSchedule fees = new FeeSchedule(random.nextInt(0, 50), random.nextInt(0, 100), 0.005 + random.nextDouble() / 50,
                0.2 + random.nextDouble());
        Ledger ledger = new Ledger(LedgerState.fresh(1000, 100));
        BigDecimal flow = BigDecimal.ZERO;
        BigDecimal feeSum = BigDecimal.ZERO;
        BigDecimal gas = BigDecimal.ZERO;
        BigDecimal inventory = BigDecimal.ZERO;
        for (int i = 0; i < fills; i++) {
            int orders = random.nextInt(0, 3);
            for (int k = 0; k < orders; k++) {
                if (random.nextBoolean()) {
                    ledger.onPlacement(fees);
                } else {
                    ledger.onUpdate(fees);
                }
                gas = gas.add(BigDecimal.valueOf(fees.gasPerOrderUsd()));
            }
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            double price = random.nextInt(1, 1000) / 1000.0;
            double size = random.nextInt(1, 1000);
            Liquidity liq = random.nextBoolean() ? Liquidity.MAKER : Liquidity.TAKER;
            Fill f = new Fill(i, i, side, price, size, liq, fees.fee(price * size, liq), i);
            ledger.onFill(f);
            BigDecimal notional = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(size));
            flow = side == Side.BUY ? flow.subtract(notional) : flow.add(notional);
            feeSum = feeSum.add(BigDecimal.valueOf(f.feeUsd()));
            inventory = side == Side.BUY ? inventory.add(BigDecimal.valueOf(size)) : inventory.subtract(BigDecimal.valueOf(size));

            double mid = random.nextInt(1, 1000) / 1000.0;
            BigDecimal marked = inventory.multiply(BigDecimal.valueOf(mid));
            BigDecimal cash = BigDecimal.valueOf(1000).add(flow).subtract(feeSum);
            BigDecimal profit = flow.add(marked);
            assertEquals(inventory.doubleValue(), ledger.inventory(), 0);
            assertEquals(cash.doubleValue(), ledger.cash(), TOL);
            // equity = cash + inventory x mid
            assertEquals(cash.add(marked).doubleValue(), ledger.equity(mid), TOL);
            assertEquals(ledger.cash() + ledger.inventory() * mid, ledger.equity(mid), TOL);
            // virtual PnL = trading profit - fees - gas
            assertEquals(profit.subtract(feeSum).subtract(gas).doubleValue(), ledger.virtualPnl(mid), TOL);
            assertEquals(ledger.tradingProfit(mid) - ledger.fees() - ledger.gasUsd(), ledger.virtualPnl(mid), TOL);
            assertEquals(gas.doubleValue(), ledger.gasUsd(), TOL);
            assertEquals(100 - gas.doubleValue() / fees.maticPriceUsd(), ledger.maticBalance(), TOL);
            assertEquals(i + 1, ledger.tradesCount());
        }
    }

    @Property(tries = 200)
    void aRestoredLedgerContinuesIdentically(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Ledger a = new Ledger(LedgerState.fresh(500, 10));
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fills.add(new Fill(i, i, random.nextBoolean() ? Side.BUY : Side.SELL, random.nextInt(1, 1000) / 1000.0,
                    random.nextInt(1, 100), Liquidity.MAKER, 0, i));
        }
        fills.subList(0, 25).forEach(a::onFill);
        Ledger b = new Ledger(a.state());
        fills.subList(25, 50).forEach(a::onFill);
        fills.subList(25, 50).forEach(b::onFill);
        assertEquals(a.state(), b.state());
    }
}
