package org.alize.testing.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record SampleHappened(String basinId, BigDecimal amount, LocalDate on, List<String> tags) {
}
