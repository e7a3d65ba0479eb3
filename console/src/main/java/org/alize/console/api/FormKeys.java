package org.alize.console.api;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@code Idempotency-Key}s of the API writes a posted form makes: the key the form was drawn with
 * (hidden field {@value #FIELD}) and the rank of the write in this request, so that a double click or a
 * resent form repeats the same keys and the API books it once; a random key when no form key came.
 */
public final class FormKeys {

    public static final String FIELD = "_cle";
    private static final Pattern KEY = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final String CALLS = FormKeys.class.getName() + ".calls";

    private FormKeys() {
    }

    public static String next() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return UUID.randomUUID().toString();
        }
        String posted = attributes.getRequest().getParameter(FIELD);
        if (posted == null || !KEY.matcher(posted).matches()) {
            return UUID.randomUUID().toString();
        }
        Integer calls = (Integer) attributes.getAttribute(CALLS, RequestAttributes.SCOPE_REQUEST);
        int rank = calls == null ? 0 : calls;
        attributes.setAttribute(CALLS, rank + 1, RequestAttributes.SCOPE_REQUEST);
        return posted + "." + rank;
    }
}
