package org.alize.kernel.problem;

import java.util.Map;

/** 404: nothing by that id here (or nothing the caller may know of). */
public class NotFound extends ApiProblem {

    public NotFound(String code, String detail) {
        super(Kind.NOT_FOUND, code, "Introuvable", detail, Map.of());
    }
}
