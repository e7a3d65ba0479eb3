package org.alize.reporting.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;

/** Reading fact documents: amounts (Decimal128 or numbers), ISO dates, nested maps. */
final class Reading {

    private Reading() {
    }

    static BigDecimal amount(@Nullable Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return new BigDecimal(value.toString());
    }

    static @Nullable LocalDate day(@Nullable Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }

    static int integer(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Document> list(@Nullable Object value) {
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }
}
