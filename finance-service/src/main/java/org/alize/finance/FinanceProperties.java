package org.alize.finance;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code alize.finance.*}.
 *
 * @param ageingBuckets upper bounds, in days past due, of the arrears buckets but the last (default 30, 90, 180:
 *                      1–30, 31–90, 91–180, over 180); a basin may set its own
 */
@ConfigurationProperties("alize.finance")
public record FinanceProperties(@DefaultValue({"30", "90", "180"}) List<Integer> ageingBuckets) {
}
