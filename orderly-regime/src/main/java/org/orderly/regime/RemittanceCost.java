package org.orderly.regime;

import java.math.BigDecimal;
import java.util.Objects;

/** Grantors act so that sending money to beneficiaries costs at most {@code targetPercent} of the amount sent. */
public record RemittanceCost(String instrumentId, Scope scope, Term term, BigDecimal targetPercent, Source source)
        implements Commitment {

    public RemittanceCost {
        Checks.common(instrumentId, scope, term, source);
        Objects.requireNonNull(targetPercent, "remittance cost target");
        if (targetPercent.signum() < 0 || targetPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(
                    "remittance cost target must be between 0 and 100 percent, was " + targetPercent);
        }
    }

    @Override
    public Kind kind() {
        return Kind.REMITTANCE_COST;
    }

    @Override
    public String describe() {
        return "remittance costs at most " + targetPercent.stripTrailingZeros().toPlainString()
                + "% of the amount sent";
    }
}
