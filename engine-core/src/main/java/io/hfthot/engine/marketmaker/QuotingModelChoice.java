package io.hfthot.engine.marketmaker;

import io.hfthot.quant.marketmaking.AvellanedaStoikov;
import io.hfthot.quant.marketmaking.GlftAsymptotic;
import io.hfthot.quant.marketmaking.QuotingModel;

/** The quant-core quoting model the bot uses. */
public enum QuotingModelChoice {
    /** Gueant-Lehalle-Fernandez-Tapia's closed-form quotes (the rolling horizon is far from its end). */
    GLFT {
        @Override
        public QuotingModel create() {
            return new GlftAsymptotic();
        }
    },
    /** Avellaneda-Stoikov's reservation price and spread. */
    AVELLANEDA_STOIKOV {
        @Override
        public QuotingModel create() {
            return new AvellanedaStoikov();
        }
    };

    /** @return a new instance of the model */
    public abstract QuotingModel create();
}
