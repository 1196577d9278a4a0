package io.hfthot.quant.marketmaking;

/**
 * The named setters shared by the quoting models' request builders: the market state, the risk aversion, the
 * intensity decay and the inventory limit. Each model's builder adds what only it needs (GLFT's intensity level
 * {@code A}) and decides whether the inventory limit is required.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class QuoteStateBuilder<B extends QuoteStateBuilder<B>> {
    double mid = Double.NaN;
    double inventory = Double.NaN;
    double volatility = Double.NaN;
    double timeLeft = Double.NaN;
    double riskAversion = Double.NaN;
    double intensityK = Double.NaN;
    int maxInventory;

    QuoteStateBuilder(int unsetMaxInventory) {
        this.maxInventory = unsetMaxInventory;
    }

    /** @return this builder as its concrete type */
    abstract B self();

    /** @param value the mid price @return this builder */
    public B mid(double value) {
        mid = value;
        return self();
    }

    /** @param value inventory in lots @return this builder */
    public B inventory(double value) {
        inventory = value;
        return self();
    }

    /** @param value sigma per square root of time @return this builder */
    public B volatility(double value) {
        volatility = value;
        return self();
    }

    /** @param value time to the horizon @return this builder */
    public B timeLeft(double value) {
        timeLeft = value;
        return self();
    }

    /** @param value risk aversion gamma @return this builder */
    public B riskAversion(double value) {
        riskAversion = value;
        return self();
    }

    /** @param value intensity decay k @return this builder */
    public B intensityK(double value) {
        intensityK = value;
        return self();
    }

    /** @param value inventory limit Q in lots @return this builder */
    public B maxInventory(int value) {
        maxInventory = value;
        return self();
    }

    /** Names the first shared parameter left unset, in declaration order. */
    void requireStateSet() {
        Quoting.requireSet(mid, "mid");
        Quoting.requireSet(inventory, "inventory");
        Quoting.requireSet(volatility, "volatility");
        Quoting.requireSet(timeLeft, "timeLeft");
        Quoting.requireSet(riskAversion, "riskAversion");
    }
}
