package io.hfthot.engine.marketmaker;

/** Which side of a trade an order was on: it rested in the book, or it crossed the book. */
public enum Liquidity {
    /** The order rested and was hit by another participant (maker fee). */
    MAKER,
    /** The order crossed resting orders when it arrived (taker fee). */
    TAKER
}
