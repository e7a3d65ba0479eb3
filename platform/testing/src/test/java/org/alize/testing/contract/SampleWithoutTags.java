package org.alize.testing.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A consumer's narrower view of SampleHappened: it knows nothing of tags. */
public record SampleWithoutTags(String basinId, BigDecimal amount, LocalDate on) {
}
