package org.alize.tenancy;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The W3C trace id of a request: taken from {@code traceparent} when valid, otherwise made anew. */
public final class TraceIds {

    public static final String MDC_KEY = "traceId";
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final String INVALID = "00000000000000000000000000000000";

    private TraceIds() {
    }

    public static String fromTraceparentOrNew(String traceparent) {
        if (traceparent != null) {
            Matcher matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches() && !INVALID.equals(matcher.group(1))) {
                return matcher.group(1);
            }
        }
        return newTraceId();
    }

    public static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A {@code traceparent} value continuing {@code traceId} with a new span. */
    public static String traceparent(String traceId) {
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
