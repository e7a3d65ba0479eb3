package org.alize.kernel.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of the domain: its kind, a stable machine code (its problem type is {@link #type()}), a French title and
 * detail, and extra members. The web layer chooses the HTTP status from the kind; the domain never names one.
 */
public abstract class ApiProblem extends RuntimeException {

    /** What kind of refusal: each is one HTTP status at the edge (400, 404, 409, 422). */
    public enum Kind {
        /** The request is malformed or a value is out of its bounds (400, with the fields at fault). */
        INVALID,
        /** Nothing by that id here, or nothing the caller may know of (404). */
        NOT_FOUND,
        /** The request does not fit the current state (409). */
        CONFLICT,
        /** Well-formed, but a rule of the programme or a limit of the platform refuses it (422). */
        REFUSED
    }

    /** Where every problem type of the platform lives: {@code <base><code>}, documented in README. */
    public static final String TYPE_BASE = "https://alize.astrees.fr/problems/";

    private final Kind kind;
    private final String code;
    private final String title;
    private final Map<String, Object> properties;

    protected ApiProblem(Kind kind, String code, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.properties = new LinkedHashMap<>(properties);
    }

    public Kind kind() {
        return kind;
    }

    /** The URI that names this problem's type, the same from every service and from the gateway. */
    public String type() {
        return type(code);
    }

    public static String type(String code) {
        return TYPE_BASE + code;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The French sentence the caller reads (the exception's message, always given). */
    public String detail() {
        String detail = getMessage();
        return detail == null ? title : detail;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
