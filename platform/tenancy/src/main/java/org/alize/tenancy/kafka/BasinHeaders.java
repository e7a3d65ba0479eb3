package org.alize.tenancy.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.alize.tenancy.BasinId;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka header that carries a record's basin. The basin header is the CloudEvents
 * extension attribute {@code basinid} in binary mode, so an event's envelope and its tenancy agree.
 */
public final class BasinHeaders {

    public static final String BASIN = "ce_basinid";

    private BasinHeaders() {
    }

    public static Optional<BasinId> basin(Headers headers) {
        return text(headers, BASIN).filter(BasinId::isValid).map(BasinId::of);
    }

    public static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
