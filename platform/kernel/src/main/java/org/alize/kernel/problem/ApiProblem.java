package org.alize.kernel.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal with its HTTP status, a stable machine code, a French title and detail, and extra members. */
public abstract class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final Map<String, Object> properties;

    protected ApiProblem(int status, String code, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.properties = new LinkedHashMap<>(properties);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
